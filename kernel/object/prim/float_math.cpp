// Float arithmetic with Python semantics: flooring division, modulo with the divisor's
// sign, pow's special cases, and correctly rounded round().
#include <cerrno>
#include <cfloat>
#include <charconv>
#include <cmath>
#include <vector>

#include "object/prim/float.hpp"
#include "object/prim/int.hpp"

namespace gopy::prim {

namespace {

Error division_by_zero() { return zero_division_error("division by zero"); }

// CPython: Objects/floatobject.c _float_div_mod
void float_div_mod(double vx, double wx, double& floordiv, double& mod) {
  mod = std::fmod(vx, wx);
  // fmod is exact, so vx - mod is a multiple of wx up to rounding of the division.
  double div = (vx - mod) / wx;
  if (mod != 0.0) {
    if ((wx < 0) != (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  } else {
    mod = std::copysign(0.0, wx);
  }
  if (div != 0.0) {
    floordiv = std::floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
  } else {
    floordiv = std::copysign(0.0, vx / wx);
  }
}

bool is_odd_integer(double x) { return std::fmod(std::fabs(x), 2.0) == 1.0; }

}  // namespace

Result<double> float_truediv(double a, double b) {
  if (b == 0.0) return division_by_zero();
  return a / b;
}

Result<double> float_floordiv(double a, double b) {
  if (b == 0.0) return division_by_zero();
  double q, r;
  float_div_mod(a, b, q, r);
  return q;
}

// CPython: Objects/floatobject.c float_rem
Result<double> float_mod(double a, double b) {
  if (b == 0.0) return division_by_zero();
  double mod = std::fmod(a, b);
  if (mod != 0.0) {
    if ((b < 0) != (mod < 0)) mod += b;
  } else {
    mod = std::copysign(0.0, b);
  }
  return mod;
}

Result<std::pair<double, double>> float_divmod(double a, double b) {
  if (b == 0.0) return division_by_zero();
  double q, r;
  float_div_mod(a, b, q, r);
  return std::pair<double, double>(q, r);
}

Result<double> float_pow(double iv, double iw) {
  if (iw == 0) return 1.0;  // v**0 is 1, even 0**0 and nan**0
  if (std::isnan(iv)) return iv;
  if (std::isnan(iw)) return iv == 1.0 ? 1.0 : iw;
  if (std::isinf(iw)) {
    iv = std::fabs(iv);
    if (iv == 1.0) return 1.0;
    if ((iw > 0.0) == (iv > 1.0)) return std::fabs(iw);
    return 0.0;
  }
  if (std::isinf(iv)) {
    const bool odd = is_odd_integer(iw);
    if (iw > 0.0) return odd ? iv : std::fabs(iv);
    return odd ? std::copysign(0.0, iv) : 0.0;
  }
  if (iv == 0.0) {
    const bool odd = is_odd_integer(iw);
    if (iw < 0.0) return zero_division_error("zero to a negative power");
    return odd ? iv : 0.0;
  }
  bool negate = false;
  if (iv < 0.0) {
    if (iw != std::floor(iw))
      return value_error("negative number cannot be raised to a fractional power "
                         "(the result would be complex)");
    iv = -iv;
    negate = is_odd_integer(iw);
  }
  if (iv == 1.0) return negate ? -1.0 : 1.0;
  errno = 0;
  double ix = std::pow(iv, iw);
  if (std::isinf(ix)) errno = ERANGE;  // CPython: _Py_ADJUST_ERANGE1
  else if (errno == ERANGE && ix == 0.0) errno = 0;  // underflow to 0 is not an error
  if (negate) ix = -ix;
  if (errno == ERANGE) return overflow_error("(34, 'Numerical result out of range')");
  if (errno != 0) return value_error("(33, 'Numerical argument out of domain')");
  return ix;
}

// CPython: Objects/floatobject.c float___round___impl with ndigits None (round_half_even)
double float_round_half_even(double x) {
  double rounded = std::round(x);
  if (std::fabs(x - rounded) == 0.5) rounded = 2.0 * std::round(x / 2.0);
  return rounded;
}

// CPython: Objects/floatobject.c float___round___impl, double_round
Result<double> float_round(double x, int64_t ndigits) {
  // For ndigits above NDIGITS_MAX every double rounds to itself, below NDIGITS_MIN to 0.
  constexpr int64_t kNdigitsMax = static_cast<int64_t>((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
  constexpr int64_t kNdigitsMin = -static_cast<int64_t>((DBL_MAX_EXP + 1) * 0.30103);
  if (!std::isfinite(x)) return x;
  if (ndigits > kNdigitsMax) return x;
  if (ndigits < kNdigitsMin) return 0.0 * x;
  if (ndigits >= 0) {
    // to_chars rounds the exact binary value half to even, as _Py_dg_dtoa mode 3.
    std::vector<char> buf(static_cast<size_t>(ndigits) + 400);
    auto res = std::to_chars(buf.data(), buf.data() + buf.size(), x, std::chars_format::fixed,
                             static_cast<int>(ndigits));
    double rounded = 0.0;
    std::from_chars(buf.data(), res.ptr, rounded);
    if (std::isinf(rounded)) return overflow_error("rounded value too large to represent");
    return std::copysign(rounded, x);
  }
  // ndigits < 0: round to a multiple of 10**k. A tie needs x to be an integer, so the
  // fractional part only decides when it is the integer part's remainder that is a tie.
  Int pow10 = 1;
  for (int64_t i = 0; i < -ndigits; ++i) pow10 = int_mul(pow10, Int(10)).value();
  const double whole = std::floor(x);
  Int n = int_from_double(whole).value();
  Int r = int_mod(n, pow10).value();
  Int base = int_sub(n, r);
  Int twice_r = int_add(r, r);
  const bool has_fraction = whole != x;
  const auto c = twice_r <=> pow10;
  bool up;
  if (c > 0) up = true;
  else if (c < 0) up = false;
  else up = has_fraction || !int_and(int_floordiv(base, pow10).value(), Int(1)).is_zero();
  if (up) base = int_add(base, pow10);
  auto rounded = int_to_double(base);
  if (!rounded) return overflow_error("rounded value too large to represent");
  return std::copysign(*rounded, x);
}

bool float_is_integer(double x) { return std::isfinite(x) && std::floor(x) == x; }

}  // namespace gopy::prim
