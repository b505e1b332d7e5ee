// The _blake2 module's types (blake2_type.cpp).
#pragma once

#include "gopy/object_func.hpp"

namespace gopy_hash {

// Makes blake2b and blake2s in the module.
int add_blake2_types(gopy::ModuleObject* module);

}  // namespace gopy_hash
