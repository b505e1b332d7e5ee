// Strings handed to C callers (gopy.h): malloc'ed copies the caller frees with free(), and
// NULL-terminated lists released with gopy_InitConfig_FreeStrList. Null on memory failure.
#pragma once

#include <string>
#include <vector>

namespace gopy {

char* copy_c_string(const std::string& text);
char** copy_c_string_list(const std::vector<std::string>& items);

}  // namespace gopy
