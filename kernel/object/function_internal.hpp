// Shared by the function object (kernel/object/function.cpp) and the evaluator's call
// machinery (kernel/eval/call.cpp).
#pragma once

#include "gopy/object_func.hpp"

namespace gopy {

// Drops every reference a function holds except its code (FunctionObject::clear_refs).
void function_clear_fields(FunctionObject* f);
// types.FunctionType(...) (kernel/eval/ceval_ops.cpp, where code objects are known).
Object* function_new(TypeObject*, Object* const* a, size_t n, TupleObject* kw);

}  // namespace gopy
