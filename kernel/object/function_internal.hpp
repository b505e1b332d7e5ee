// Shared by the function object (kernel/object/function.cpp), the evaluator's call
// machinery (kernel/eval/call.cpp) and the module API's functions.
#pragma once

#include "gopy/object_func.hpp"

namespace gopy {

// Drops every reference a function holds except its code (FunctionObject::clear_refs).
void function_clear_fields(FunctionObject* f);
// types.FunctionType(...) (kernel/eval/ceval_ops.cpp, where code objects are known).
Object* function_new(TypeObject*, Object* const* a, size_t n, TupleObject* kw);
// A built-in function's __module__ when it records none (CPython: methodobject.c m_module):
// the name of the module `self` is, else None (a bound method, a static method).
Object* builtin_function_module(Object* self);

}  // namespace gopy
