// The numeric side of cmath: each function reduces to a few real ones, takes the special
// value of its 7x7 table when a part is infinite or NaN (C99 Annex G), and rescales
// where a naive formula would overflow or lose precision.
// CPython: Modules/cmathmodule.c (the *_special_values tables, cmath_*_impl, c_log).
#include "cmath_functions.hpp"

#include <cfloat>
#include <cmath>

namespace gopy_cmath {

namespace {

constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kE = 2.718281828459045235360287471352662498;
constexpr double kLn2 = 0.6931471805599453094;
constexpr double kLn10 = 2.302585092994045684;
constexpr double INF = HUGE_VAL;
constexpr double N = NAN;
constexpr double P = kPi, P14 = 0.25 * kPi, P12 = 0.5 * kPi, P34 = 0.75 * kPi;
constexpr double U = -9.5426319407711027e33;  // never read: finite cases are computed
constexpr int kScaleUp = 2 * (DBL_MANT_DIG / 2) + 1;  // turns a subnormal into a normal
constexpr int kScaleDown = -(kScaleUp + 1) / 2;

const double kLargeDouble = DBL_MAX / 4.;
const double kSqrtLargeDouble = std::sqrt(kLargeDouble);
const double kLogLargeDouble = std::log(kLargeDouble);
const double kSqrtDblMin = std::sqrt(DBL_MIN);

using Table = Complex[7][7];

// The row or column of the tables: -inf, negative, -0, +0, positive, +inf, nan.
int kind(double d) {
  if (std::isfinite(d)) {
    if (d != 0) return std::copysign(1., d) == 1. ? 4 : 1;
    return std::copysign(1., d) == 1. ? 3 : 2;
  }
  if (std::isnan(d)) return 6;
  return std::copysign(1., d) == 1. ? 5 : 0;
}

bool special(Complex z) { return !std::isfinite(z.real) || !std::isfinite(z.imag); }
Complex lookup(const Table& t, Complex z) { return t[kind(z.real)][kind(z.imag)]; }
Result ok(Complex z) { return {z, Signal::none}; }
Complex neg(Complex z) { return {-z.real, -z.imag}; }
// Rotations: f(z) from g(i z) for the circular functions.
Complex times_i(Complex z) { return {-z.imag, z.real}; }
Complex times_minus_i(Complex z) { return {z.imag, -z.real}; }

const Table kAcos = {
    {{P34, INF}, {P, INF}, {P, INF}, {P, -INF}, {P, -INF}, {P34, -INF}, {N, INF}},
    {{P12, INF}, {U, U}, {U, U}, {U, U}, {U, U}, {P12, -INF}, {N, N}},
    {{P12, INF}, {U, U}, {P12, 0.}, {P12, -0.}, {U, U}, {P12, -INF}, {P12, N}},
    {{P12, INF}, {U, U}, {P12, 0.}, {P12, -0.}, {U, U}, {P12, -INF}, {P12, N}},
    {{P12, INF}, {U, U}, {U, U}, {U, U}, {U, U}, {P12, -INF}, {N, N}},
    {{P14, INF}, {0., INF}, {0., INF}, {0., -INF}, {0., -INF}, {P14, -INF}, {N, INF}},
    {{N, INF}, {N, N}, {N, N}, {N, N}, {N, N}, {N, -INF}, {N, N}}};
const Table kAcosh = {
    {{INF, -P34}, {INF, -P}, {INF, -P}, {INF, P}, {INF, P}, {INF, P34}, {INF, N}},
    {{INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {0., -P12}, {0., P12}, {U, U}, {INF, P12}, {N, P12}},
    {{INF, -P12}, {U, U}, {0., -P12}, {0., P12}, {U, U}, {INF, P12}, {N, P12}},
    {{INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, N}, {N, N}}};
const Table kAsinh = {
    {{-INF, -P14}, {-INF, -0.}, {-INF, -0.}, {-INF, 0.}, {-INF, 0.}, {-INF, P14}, {-INF, N}},
    {{-INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {-INF, P12}, {N, N}},
    {{-INF, -P12}, {U, U}, {-0., -0.}, {-0., 0.}, {U, U}, {-INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {INF, N}, {N, N}}};
const Table kAtanh = {
    {{-0., -P12}, {-0., -P12}, {-0., -P12}, {-0., P12}, {-0., P12}, {-0., P12}, {-0., N}},
    {{-0., -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {-0., P12}, {N, N}},
    {{-0., -P12}, {U, U}, {-0., -0.}, {-0., 0.}, {U, U}, {-0., P12}, {-0., N}},
    {{0., -P12}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {0., P12}, {0., N}},
    {{0., -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {0., P12}, {N, N}},
    {{0., -P12}, {0., -P12}, {0., -P12}, {0., P12}, {0., P12}, {0., P12}, {0., N}},
    {{0., -P12}, {N, N}, {N, N}, {N, N}, {N, N}, {0., P12}, {N, N}}};
const Table kCosh = {
    {{INF, N}, {U, U}, {INF, 0.}, {INF, -0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{N, 0.}, {U, U}, {1., 0.}, {1., -0.}, {U, U}, {N, 0.}, {N, 0.}},
    {{N, 0.}, {U, U}, {1., -0.}, {1., 0.}, {U, U}, {N, 0.}, {N, 0.}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{INF, N}, {U, U}, {INF, -0.}, {INF, 0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {N, N}, {N, 0.}, {N, 0.}, {N, N}, {N, N}, {N, N}}};
const Table kExp = {
    {{0., 0.}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {0., 0.}, {0., 0.}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{N, N}, {U, U}, {1., -0.}, {1., 0.}, {U, U}, {N, N}, {N, N}},
    {{N, N}, {U, U}, {1., -0.}, {1., 0.}, {U, U}, {N, N}, {N, N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{INF, N}, {U, U}, {INF, -0.}, {INF, 0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {N, N}, {N, N}}};
const Table kLog = {
    {{INF, -P34}, {INF, -P}, {INF, -P}, {INF, P}, {INF, P}, {INF, P34}, {INF, N}},
    {{INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {-INF, -P}, {-INF, P}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {-INF, -0.}, {-INF, 0.}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P12}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, P12}, {N, N}},
    {{INF, -P14}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, P14}, {INF, N}},
    {{INF, N}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, N}, {N, N}}};
const Table kSinh = {
    {{INF, N}, {U, U}, {-INF, -0.}, {-INF, 0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{0., N}, {U, U}, {-0., -0.}, {-0., 0.}, {U, U}, {0., N}, {0., N}},
    {{0., N}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {0., N}, {0., N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{INF, N}, {U, U}, {INF, -0.}, {INF, 0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {N, N}, {N, N}}};
const Table kSqrt = {
    {{INF, -INF}, {0., -INF}, {0., -INF}, {0., INF}, {0., INF}, {INF, INF}, {N, INF}},
    {{INF, -INF}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, INF}, {N, N}},
    {{INF, -INF}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {INF, INF}, {N, N}},
    {{INF, -INF}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {INF, INF}, {N, N}},
    {{INF, -INF}, {U, U}, {U, U}, {U, U}, {U, U}, {INF, INF}, {N, N}},
    {{INF, -INF}, {INF, -0.}, {INF, -0.}, {INF, 0.}, {INF, 0.}, {INF, INF}, {INF, N}},
    {{INF, -INF}, {N, N}, {N, N}, {N, N}, {N, N}, {INF, INF}, {N, N}}};
const Table kTanh = {
    {{-1., 0.}, {U, U}, {-1., -0.}, {-1., 0.}, {U, U}, {-1., 0.}, {-1., 0.}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{-0.0, N}, {U, U}, {-0., -0.}, {-0., 0.}, {U, U}, {-0.0, N}, {-0., N}},
    {{0.0, N}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {0.0, N}, {0., N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{1., 0.}, {U, U}, {1., -0.}, {1., 0.}, {U, U}, {1., 0.}, {1., 0.}},
    {{N, N}, {N, N}, {N, -0.}, {N, 0.}, {N, N}, {N, N}, {N, N}}};
const Table kRect = {
    {{INF, N}, {U, U}, {-INF, 0.}, {-INF, -0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{0., 0.}, {U, U}, {-0., 0.}, {-0., -0.}, {U, U}, {0., 0.}, {0., 0.}},
    {{0., 0.}, {U, U}, {0., -0.}, {0., 0.}, {U, U}, {0., 0.}, {0., 0.}},
    {{N, N}, {U, U}, {U, U}, {U, U}, {U, U}, {N, N}, {N, N}},
    {{INF, N}, {U, U}, {INF, -0.}, {INF, 0.}, {U, U}, {INF, N}, {INF, N}},
    {{N, N}, {N, N}, {N, 0.}, {N, 0.}, {N, N}, {N, N}, {N, N}}};

// log1p with CPython's care for the sign of zero (CPython: _Py_log1p).
double log1p_signed(double x) { return x == 0.0 ? x : std::log1p(x); }

// cosh and sinh share their shape: for an infinite real part and a finite non-zero
// imaginary part the result is infinite with the signs of cos(y) and sin(y).
Result hyperbolic(Complex z, const Table& table, bool is_sinh) {
  Complex r;
  if (special(z)) {
    if (std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0.) {
      double c = std::copysign(INF, std::cos(z.imag)), s = std::copysign(INF, std::sin(z.imag));
      if (z.real > 0) r = {c, s};
      else r = is_sinh ? Complex{-c, s} : Complex{c, -s};
    } else {
      r = lookup(table, z);
    }
    return {r, std::isinf(z.imag) && !std::isnan(z.real) ? Signal::domain : Signal::none};
  }
  double (*even)(double) = is_sinh ? static_cast<double (*)(double)>(std::sinh) : static_cast<double (*)(double)>(std::cosh);
  double (*odd)(double) = is_sinh ? static_cast<double (*)(double)>(std::cosh) : static_cast<double (*)(double)>(std::sinh);
  if (std::fabs(z.real) > kLogLargeDouble) {
    // cosh(x) and sinh(x) overflow before the result does: scale by e
    double x_minus_one = z.real - std::copysign(1., z.real);
    r = {std::cos(z.imag) * even(x_minus_one) * kE, std::sin(z.imag) * odd(x_minus_one) * kE};
  } else {
    r = {std::cos(z.imag) * even(z.real), std::sin(z.imag) * odd(z.real)};
  }
  return {r, std::isinf(r.real) || std::isinf(r.imag) ? Signal::range : Signal::none};
}

}  // namespace

Result c_sqrt(Complex z) {
  if (special(z)) return ok(lookup(kSqrt, z));
  if (z.real == 0. && z.imag == 0.) return ok({0., z.imag});
  double ax = std::fabs(z.real), ay = std::fabs(z.imag), s;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    // both subnormal: hypot would lose bits, so scale up first
    ax = std::ldexp(ax, kScaleUp);
    s = std::ldexp(std::sqrt(ax + std::hypot(ax, std::ldexp(ay, kScaleUp))), kScaleDown);
  } else {
    ax /= 8.;
    s = 2. * std::sqrt(ax + std::hypot(ax, ay / 8.));
  }
  double d = ay / (2. * s);
  if (z.real >= 0.) return ok({s, std::copysign(d, z.imag)});
  return ok({d, std::copysign(s, z.imag)});
}

Result c_acos(Complex z) {
  if (special(z)) return ok(lookup(kAcos, z));
  if (std::fabs(z.real) > kLargeDouble || std::fabs(z.imag) > kLargeDouble) {
    return ok({std::atan2(std::fabs(z.imag), z.real),
               -std::copysign(std::log(std::hypot(z.real / 2., z.imag / 2.)) + kLn2 * 2., z.imag)});
  }
  Complex s1 = c_sqrt({1. - z.real, -z.imag}).value;
  Complex s2 = c_sqrt({1. + z.real, z.imag}).value;
  return ok({2. * std::atan2(s1.real, s2.real), std::asinh(s2.real * s1.imag - s2.imag * s1.real)});
}

Result c_acosh(Complex z) {
  if (special(z)) return ok(lookup(kAcosh, z));
  if (std::fabs(z.real) > kLargeDouble || std::fabs(z.imag) > kLargeDouble)
    return ok({std::log(std::hypot(z.real / 2., z.imag / 2.)) + kLn2 * 2., std::atan2(z.imag, z.real)});
  Complex s1 = c_sqrt({z.real - 1., z.imag}).value;
  Complex s2 = c_sqrt({z.real + 1., z.imag}).value;
  return ok({std::asinh(s1.real * s2.real + s1.imag * s2.imag), 2. * std::atan2(s1.imag, s2.real)});
}

Result c_asinh(Complex z) {
  if (special(z)) return ok(lookup(kAsinh, z));
  if (std::fabs(z.real) > kLargeDouble || std::fabs(z.imag) > kLargeDouble) {
    double magnitude = std::log(std::hypot(z.real / 2., z.imag / 2.)) + kLn2 * 2.;
    double real = z.imag >= 0. ? std::copysign(magnitude, z.real) : -std::copysign(magnitude, -z.real);
    return ok({real, std::atan2(z.imag, std::fabs(z.real))});
  }
  Complex s1 = c_sqrt({1. + z.imag, -z.real}).value;
  Complex s2 = c_sqrt({1. - z.imag, z.real}).value;
  return ok({std::asinh(s1.real * s2.imag - s2.real * s1.imag), std::atan2(z.imag, s1.real * s2.real - s1.imag * s2.imag)});
}

Result c_asin(Complex z) {
  Result r = c_asinh(times_i(z));
  return {times_minus_i(r.value), r.signal};
}

Result c_atanh(Complex z) {
  if (special(z)) return ok(lookup(kAtanh, z));
  if (z.real < 0.) {
    Result r = c_atanh(neg(z));
    return {neg(r.value), r.signal};
  }
  double ay = std::fabs(z.imag);
  if (z.real > kSqrtLargeDouble || ay > kSqrtLargeDouble) {
    // atanh(z) ~ 1/z +- i pi/2 for a large z
    double h = std::hypot(z.real / 2., z.imag / 2.);
    return ok({z.real / 4. / h / h, std::copysign(kPi / 2., z.imag)});
  }
  if (z.real == 1. && ay < kSqrtDblMin) {
    if (ay == 0.) return {{INF, z.imag}, Signal::domain};
    return ok({-std::log(std::sqrt(ay) / std::sqrt(std::hypot(ay, 2.))), std::copysign(std::atan2(2., -ay) / 2, z.imag)});
  }
  return ok({log1p_signed(4. * z.real / ((1 - z.real) * (1 - z.real) + ay * ay)) / 4.,
             -std::atan2(-2. * z.imag, (1 - z.real) * (1 + z.real) - ay * ay) / 2.});
}

Result c_atan(Complex z) {
  Result r = c_atanh(times_i(z));
  return {times_minus_i(r.value), r.signal};
}

Result c_cosh(Complex z) { return hyperbolic(z, kCosh, false); }
Result c_sinh(Complex z) { return hyperbolic(z, kSinh, true); }

Result c_cos(Complex z) { return c_cosh(times_i(z)); }

Result c_sin(Complex z) {
  Result r = c_sinh(times_i(z));
  return {times_minus_i(r.value), r.signal};
}

Result c_exp(Complex z) {
  Complex r;
  if (special(z)) {
    if (std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0.) {
      double scale = z.real > 0 ? INF : 0.;
      r = {std::copysign(scale, std::cos(z.imag)), std::copysign(scale, std::sin(z.imag))};
    } else {
      r = lookup(kExp, z);
    }
    bool domain = std::isinf(z.imag) && (std::isfinite(z.real) || (std::isinf(z.real) && z.real > 0));
    return {r, domain ? Signal::domain : Signal::none};
  }
  if (z.real > kLogLargeDouble) {
    double l = std::exp(z.real - 1.);
    r = {l * std::cos(z.imag) * kE, l * std::sin(z.imag) * kE};
  } else {
    double l = std::exp(z.real);
    r = {l * std::cos(z.imag), l * std::sin(z.imag)};
  }
  return {r, std::isinf(r.real) || std::isinf(r.imag) ? Signal::range : Signal::none};
}

Result c_log(Complex z) {
  if (special(z)) return ok(lookup(kLog, z));
  double ax = std::fabs(z.real), ay = std::fabs(z.imag), real;
  if (ax > kLargeDouble || ay > kLargeDouble) {
    real = std::log(std::hypot(ax / 2., ay / 2.)) + kLn2;
  } else if (ax < DBL_MIN && ay < DBL_MIN) {
    if (ax == 0. && ay == 0.) return {{-INF, std::atan2(z.imag, z.real)}, Signal::domain};
    real = std::log(std::hypot(std::ldexp(ax, DBL_MANT_DIG), std::ldexp(ay, DBL_MANT_DIG))) - DBL_MANT_DIG * kLn2;
  } else {
    double h = std::hypot(ax, ay);
    if (0.71 <= h && h <= 1.73) {
      // near the unit circle log(h) loses digits: log1p of |z|**2 - 1
      double am = ax > ay ? ax : ay, an = ax > ay ? ay : ax;
      real = log1p_signed((am - 1) * (am + 1) + an * an) / 2.;
    } else {
      real = std::log(h);
    }
  }
  return ok({real, std::atan2(z.imag, z.real)});
}

Result c_log10(Complex z) {
  Result r = c_log(z);
  return {{r.value.real / kLn10, r.value.imag / kLn10}, r.signal};
}

Result c_tanh(Complex z) {
  if (special(z)) {
    Complex r;
    if (std::isinf(z.real) && std::isfinite(z.imag) && z.imag != 0.)
      r = {z.real > 0 ? 1.0 : -1.0, std::copysign(0., 2. * std::sin(z.imag) * std::cos(z.imag))};
    else
      r = lookup(kTanh, z);
    return {r, std::isinf(z.imag) && std::isfinite(z.real) ? Signal::domain : Signal::none};
  }
  if (std::fabs(z.real) > kLogLargeDouble)
    return ok({std::copysign(1., z.real), 4. * std::sin(z.imag) * std::cos(z.imag) * std::exp(-2. * std::fabs(z.real))});
  double tx = std::tanh(z.real), ty = std::tan(z.imag), cx = 1. / std::cosh(z.real);
  double txty = tx * ty, denom = 1. + txty * txty;
  return ok({tx * (1. + ty * ty) / denom, ((ty / denom) * cx) * cx});
}

Result c_tan(Complex z) {
  Result r = c_tanh(times_i(z));
  return {times_minus_i(r.value), r.signal};
}

Result c_rect(double r, double phi) {
  if (!std::isfinite(r) || !std::isfinite(phi)) {
    Complex z;
    if (std::isinf(r) && std::isfinite(phi) && phi != 0.) {
      double c = std::copysign(INF, std::cos(phi)), s = std::copysign(INF, std::sin(phi));
      z = r > 0 ? Complex{c, s} : Complex{-c, -s};
    } else {
      z = lookup(kRect, {r, phi});
    }
    return {z, r != 0. && !std::isnan(r) && std::isinf(phi) ? Signal::domain : Signal::none};
  }
  if (phi == 0.0) return ok({r, r * phi});  // keeps the sign of zero (bpo-18513)
  return ok({r * std::cos(phi), r * std::sin(phi)});
}

Result c_quotient(Complex a, Complex b) {
  // Smith's method: divide through by the larger part of b
  const double abs_breal = std::fabs(b.real), abs_bimag = std::fabs(b.imag);
  Complex r;
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) return {{0.0, 0.0}, Signal::domain};
    const double ratio = b.imag / b.real, denom = b.real + b.imag * ratio;
    r = {(a.real + a.imag * ratio) / denom, (a.imag - a.real * ratio) / denom};
  } else if (abs_bimag >= abs_breal) {
    const double ratio = b.real / b.imag, denom = b.real * ratio + b.imag;
    r = {(a.real * ratio + a.imag) / denom, (a.imag * ratio - a.real) / denom};
  } else {
    r = {NAN, NAN};
  }
  if (std::isnan(r.real) && std::isnan(r.imag)) {
    // infinities and zeros that came out as nan+nanj (C11 Annex G.5.2 _Cdivd)
    if ((std::isinf(a.real) || std::isinf(a.imag)) && std::isfinite(b.real) && std::isfinite(b.imag)) {
      const double x = std::copysign(std::isinf(a.real) ? 1.0 : 0.0, a.real);
      const double y = std::copysign(std::isinf(a.imag) ? 1.0 : 0.0, a.imag);
      r = {INF * (x * b.real + y * b.imag), INF * (y * b.real - x * b.imag)};
    } else if ((std::isinf(abs_breal) || std::isinf(abs_bimag)) && std::isfinite(a.real) && std::isfinite(a.imag)) {
      const double x = std::copysign(std::isinf(b.real) ? 1.0 : 0.0, b.real);
      const double y = std::copysign(std::isinf(b.imag) ? 1.0 : 0.0, b.imag);
      r = {0.0 * (a.real * x + a.imag * y), 0.0 * (a.imag * x - a.real * y)};
    }
  }
  return ok(r);
}

double c_abs(Complex z, Signal* signal) {
  *signal = Signal::none;
  if (special(z)) {
    // an infinite part wins over a NaN
    if (std::isinf(z.real)) return std::fabs(z.real);
    if (std::isinf(z.imag)) return std::fabs(z.imag);
    return NAN;
  }
  double r = std::hypot(z.real, z.imag);
  if (!std::isfinite(r)) *signal = Signal::range;
  return r;
}

}  // namespace gopy_cmath
