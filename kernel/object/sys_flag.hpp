// Reading sys.flags from the kernel (internal): what CPython's C code reads from its
// configuration, gopy's kernel reads from the sys module the program sees.
#pragma once

#include <cstdint>

namespace gopy {

// sys.flags.<name> as an int; 0 when sys, its flags or the field are missing.
std::int64_t sys_flag(const char* name);

}  // namespace gopy
