// CPython: Python/intrinsics.c (the PEP 695 and PEP 649 entries).
#include "eval/intrinsics.hpp"

namespace gopy {

Object* call_intrinsic_1(Frame*, int, Object*) { return set_error(&exc_RuntimeError, "unknown intrinsic"); }
Object* call_intrinsic_2(Frame*, int, Object*, Object*) { return set_error(&exc_RuntimeError, "unknown intrinsic"); }

}  // namespace gopy
