// The operations CALL_INTRINSIC_1/2 name: the run-time steps of PEP 695 type parameters
// and type aliases and of PEP 649 annotations that need no opcode of their own
// (CPython: Python/intrinsics.c).
#pragma once

#include "eval/code.hpp"

namespace gopy {

enum class Intrinsic1 {
  typevar,            // name -> TypeVar
  paramspec,          // name -> ParamSpec
  typevartuple,       // name -> TypeVarTuple
  load_locals,        // (ignored) -> the frame's namespace (a class body's __classdict__)
  typealias,          // (name, type_params or None, evaluate function) -> TypeAliasType
};

enum class Intrinsic2 {
  typevar_with_bound,        // name, evaluate function -> TypeVar
  typevar_with_constraints,  // name, evaluate function -> TypeVar
  set_typeparam_default,     // type parameter, evaluate function -> the parameter
  set_function_type_params,  // function, tuple -> the function
  set_function_annotate,     // function, __annotate__ function -> the function
  set_function_annotations,  // function, dict -> the function
  load_from_dict_or_globals,  // mapping, name -> mapping[name], else the global or builtin
};

// New reference, or null with the exception set. The operands are borrowed.
Object* call_intrinsic_1(Frame* f, int which, Object* v);
Object* call_intrinsic_2(Frame* f, int which, Object* v1, Object* v2);

}  // namespace gopy
