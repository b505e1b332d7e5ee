// The builtins plugin's function table (shared by its source files).
#pragma once

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"

namespace gopy::builtins {

struct FunctionDef {
  const char* name;
  BuiltinFn fn;
};

// Functions defined in builtins_functions.cpp and builtins_iteration.cpp.
extern const FunctionDef kFunctions[];
extern const size_t kFunctionCount;
extern const FunctionDef kIterationFunctions[];
extern const size_t kIterationFunctionCount;
// vars() and dir() (builtins_objects.cpp).
extern const FunctionDef kObjectFunctions[];
extern const size_t kObjectFunctionCount;

}  // namespace gopy::builtins
