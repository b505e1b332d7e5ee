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

using FunctionDef = ModuleFunction;

// The tables stay inside the plugin: hidden, they cost no dynamic symbol look-up at each
// load (a plugin's data symbols are otherwise looked up in the global scope).
#pragma GCC visibility push(hidden)
// Functions defined in builtins_functions.cpp and builtins_iteration.cpp.
extern const FunctionDef kFunctions[];
extern const size_t kFunctionCount;
extern const FunctionDef kIterationFunctions[];
extern const size_t kIterationFunctionCount;
// vars, dir, globals, locals, eval, exec, compile (builtins_introspection.cpp, builtins_exec.cpp).
extern const FunctionDef kIntrospectionFunctions[];
extern const size_t kIntrospectionFunctionCount;
#pragma GCC visibility pop

}  // namespace gopy::builtins
