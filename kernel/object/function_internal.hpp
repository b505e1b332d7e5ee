// Shared by the function object (kernel/object/function.cpp) and the evaluator's call
// machinery (kernel/eval/call.cpp).
#pragma once

#include "gopy/object_func.hpp"

namespace gopy {

// Drops every reference a function holds except its code (FunctionObject::clear_refs).
void function_clear_fields(FunctionObject* f);

}  // namespace gopy
