// The math plugin's shared pieces. The plugin uses only the C module API (gopy/module.h):
// its ABI identity is "c".
#pragma once

#include "gopy/module.h"

namespace gopy_math {

// Owns one reference (the C API's new references), released at scope end.
class Owned {
 public:
  explicit Owned(gopy_Object* o = nullptr) : o_(o) {}
  Owned(Owned&& other) noexcept : o_(other.release()) {}
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  ~Owned() { gopy_DecRef(o_); }
  gopy_Object* get() const { return o_; }
  explicit operator bool() const { return o_ != nullptr; }
  gopy_Object* release() {
    gopy_Object* o = o_;
    o_ = nullptr;
    return o;
  }
  void reset(gopy_Object* o) {
    gopy_DecRef(o_);
    o_ = o;
  }

 private:
  gopy_Object* o_;
};

// ValueError with `format`'s "%s" replaced by repr(x) (CPython's math_1 domain errors).
gopy_Object* value_error_for(const char* format, double x);
// a OP b, a new reference or NULL.
gopy_Object* binary(gopy_Object* a, gopy_Object* b, gopy_BinaryOp op);
// a < b etc.: 1, 0 or -1.
int compare_int(gopy_Object* a, int64_t b, gopy_CompareOp op);

// Each function of the module, as gopy_Function (math_float.cpp, math_integer.cpp).
#define GOPY_MATH_FUNCTIONS(X)                                                               \
  X(acos) X(acosh) X(asin) X(asinh) X(atan) X(atan2) X(atanh) X(cbrt) X(ceil) X(comb)       \
  X(copysign) X(cos) X(cosh) X(degrees) X(dist) X(erf) X(erfc) X(exp) X(exp2) X(expm1)      \
  X(fabs) X(factorial) X(floor) X(fma) X(fmod) X(frexp) X(fsum) X(gamma) X(gcd) X(hypot)    \
  X(isclose) X(isfinite) X(isinf) X(isnan) X(isqrt) X(lcm) X(ldexp) X(lgamma) X(log)        \
  X(log10) X(log1p) X(log2) X(modf) X(nextafter) X(perm) X(pow) X(prod) X(radians)          \
  X(remainder) X(sin) X(sinh) X(sqrt) X(sumprod) X(tan) X(tanh) X(trunc) X(ulp)
#define GOPY_MATH_DECLARE(name) gopy_Object* math_##name(gopy_Object* module, gopy_Object* const* args);
GOPY_MATH_FUNCTIONS(GOPY_MATH_DECLARE)
#undef GOPY_MATH_DECLARE

}  // namespace gopy_math
