// Class and static methods of built-in types (dict.fromkeys, int.from_bytes, str.maketrans).
#pragma once

#include "gopy/object_func.hpp"

namespace gopy {

// Registers `type.name(...)` that receives the class it is reached through as args[0],
// from the type or an instance (CPython: METH_CLASS). In the dict it is a built-in
// function with an owner but not a method descriptor; descr_bind binds it to the class.
void add_class_method(TypeObject* type, const char* name, BuiltinFn fn);
// Registers `type.name(...)` called without the class or instance (CPython: METH_STATIC).
void add_static_method(TypeObject* type, const char* name, BuiltinFn fn);

inline bool is_builtin_class_method(const BuiltinFunctionObject* f) { return f->owner && !f->is_method && !f->self; }

}  // namespace gopy
