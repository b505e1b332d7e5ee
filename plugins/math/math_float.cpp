// math's functions of floats, over the C library's libm, with CPython's error rules
// (CPython: Modules/mathmodule.c math_1, math_1a, math_2, is_error, math_fsum,
// vector_norm, math_pow_impl, math_nextafter_impl, math_ulp_impl).
#include <cerrno>
#include <cfloat>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <vector>

#include "math_gamma.hpp"
#include "math_internal.hpp"

namespace gopy_math {
namespace {

constexpr double kInf = HUGE_VAL;

gopy_Object* make_float(double x) { return gopy_Float_FromDouble(x); }

// CPython: is_error. errno after a libm call: EDOM is a domain error; ERANGE an overflow,
// unless the result is small (an underflow, which is no error).
bool is_error(double r) {
  if (errno == EDOM) {
    gopy_Err_Raise("ValueError", "math domain error");
    return true;
  }
  if (errno == ERANGE) {
    if (std::fabs(r) < 1.5) return false;
    gopy_Err_Raise("OverflowError", "math range error");
    return true;
  }
  return false;
}

// CPython: math_1. A NaN from a non-NaN is a domain error (with `message` naming x when
// given); an infinity from a finite x is an overflow when `can_overflow`, else a domain
// error (a singularity).
gopy_Object* math_1(gopy_Object* arg, double (*f)(double), bool can_overflow, const char* message) {
  double x;
  if (gopy_Float_AsDouble(arg, &x) < 0) return nullptr;
  errno = 0;
  double r = f(x);
  bool domain = std::isnan(r) && !std::isnan(x);
  if (!domain && std::isinf(r) && std::isfinite(x)) {
    if (can_overflow) return gopy_Err_Raise("OverflowError", "math range error");
    domain = true;
  }
  if (domain) return message ? value_error_for(message, x) : gopy_Err_Raise("ValueError", "math domain error");
  if (std::isfinite(r) && errno && is_error(r)) return nullptr;
  return make_float(r);
}

// CPython: math_2.
gopy_Object* math_2(gopy_Object* const* args, double (*f)(double, double)) {
  double x, y;
  if (gopy_Float_AsDouble(args[0], &x) < 0 || gopy_Float_AsDouble(args[1], &y) < 0) return nullptr;
  errno = 0;
  double r = f(x, y);
  if (std::isnan(r)) errno = !std::isnan(x) && !std::isnan(y) ? EDOM : 0;
  else if (std::isinf(r)) errno = std::isfinite(x) && std::isfinite(y) ? ERANGE : 0;
  if (errno && is_error(r)) return nullptr;
  return make_float(r);
}

// The values of an iterable as doubles.
bool doubles_of(gopy_Object* iterable, std::vector<double>* out) {
  Owned it(gopy_Object_GetIter(iterable));
  if (!it) return false;
  for (;;) {
    gopy_Object* item = nullptr;
    int r = gopy_Iter_Next(it.get(), &item);
    if (r < 0) return false;
    if (r == 0) return true;
    Owned hold(item);
    double x;
    if (gopy_Float_AsDouble(item, &x) < 0) return false;
    out->push_back(x);
  }
}

// A double-length value hi + lo, exact where the operations below say so.
struct DoubleLength {
  double hi, lo;
};
// a + b exactly, for |a| >= |b| (Fast2Sum).
DoubleLength exact_sum(double a, double b) {
  double x = a + b;
  return {x, (a - x) + b};
}
// x * y exactly (the error of the product from a fused multiply-add).
DoubleLength exact_product(double x, double y) {
  double z = x * y;
  return {z, std::fma(x, y, -z)};
}

// CPython: vector_norm: the Euclidean norm, inf when any coordinate is infinite, else NaN
// when any is NaN. The coordinates are scaled by a power of two near the largest, their
// squares summed exactly into 1.0 + csum with the errors kept apart, and the square root
// corrected once by the residual, so the result is CPython's to the last bit.
double vector_norm(std::vector<double> v) {
  double max = 0.0;
  bool found_nan = false;
  for (double x : v) {
    x = std::fabs(x);
    if (std::isnan(x)) found_nan = true;
    else if (x > max) max = x;
  }
  if (std::isinf(max)) return max;
  if (found_nan) return std::nan("");
  if (max == 0.0 || v.size() <= 1) return max;
  int max_e;
  std::frexp(max, &max_e);
  if (max_e < -1023) {
    // 2**-max_e would overflow: make the subnormals normal first
    for (double& x : v) x /= DBL_MIN;
    return DBL_MIN * vector_norm(std::move(v));
  }
  double scale = std::ldexp(1.0, -max_e);
  double csum = 1.0, frac1 = 0.0, frac2 = 0.0;
  for (double x : v) {
    DoubleLength square = exact_product(x * scale, x * scale);
    DoubleLength sum = exact_sum(csum, square.hi);
    csum = sum.hi;
    frac1 += square.lo;
    frac2 += sum.lo;
  }
  double h = std::sqrt(csum - 1.0 + (frac1 + frac2));
  DoubleLength square = exact_product(-h, h);
  DoubleLength sum = exact_sum(csum, square.hi);
  csum = sum.hi;
  frac1 += square.lo;
  frac2 += sum.lo;
  double residual = csum - 1.0 + (frac1 + frac2);
  h += residual / (2.0 * h);
  return h / scale;
}

// Doubles as ordered integers (so that neighbours differ by one) and back.
int64_t ordinal(double x) {
  int64_t bits;
  std::memcpy(&bits, &x, sizeof bits);
  return bits < 0 ? INT64_MIN - bits : bits;
}
double from_ordinal(int64_t n) {
  int64_t bits = n < 0 ? INT64_MIN - n : n;
  double x;
  std::memcpy(&x, &bits, sizeof x);
  return x;
}

}  // namespace

#define GOPY_MATH_1(name, func, can_overflow, message) \
  gopy_Object* math_##name(gopy_Object*, gopy_Object* const* args) { return math_1(args[0], func, can_overflow, message); }
#define GOPY_MATH_2(name, func) \
  gopy_Object* math_##name(gopy_Object*, gopy_Object* const* args) { return math_2(args, func); }

GOPY_MATH_1(acos, ::acos, false, "expected a number in range from -1 up to 1, got %s")
GOPY_MATH_1(acosh, ::acosh, false, "expected argument value not less than 1, got %s")
GOPY_MATH_1(asin, ::asin, false, "expected a number in range from -1 up to 1, got %s")
GOPY_MATH_1(asinh, ::asinh, false, nullptr)
GOPY_MATH_1(atan, ::atan, false, nullptr)
GOPY_MATH_1(atanh, ::atanh, false, "expected a number between -1 and 1, got %s")
GOPY_MATH_1(cbrt, ::cbrt, false, nullptr)
GOPY_MATH_1(cos, ::cos, false, "expected a finite input, got %s")
GOPY_MATH_1(cosh, ::cosh, true, nullptr)
GOPY_MATH_1(exp, ::exp, true, nullptr)
GOPY_MATH_1(exp2, ::exp2, true, nullptr)
GOPY_MATH_1(expm1, ::expm1, true, nullptr)
GOPY_MATH_1(fabs, ::fabs, false, nullptr)
GOPY_MATH_1(log1p, ::log1p, false, "expected argument value > -1, got %s")
GOPY_MATH_1(sin, ::sin, false, "expected a finite input, got %s")
GOPY_MATH_1(sinh, ::sinh, true, nullptr)
GOPY_MATH_1(sqrt, ::sqrt, false, "expected a nonnegative input, got %s")
GOPY_MATH_1(tan, ::tan, false, "expected a finite input, got %s")
GOPY_MATH_1(tanh, ::tanh, false, nullptr)
GOPY_MATH_1(erf, ::erf, false, nullptr)
GOPY_MATH_1(erfc, ::erfc, false, nullptr)
GOPY_MATH_2(atan2, ::atan2)
GOPY_MATH_2(copysign, ::copysign)
GOPY_MATH_2(fmod, ::fmod)
GOPY_MATH_2(remainder, ::remainder)

// CPython: math_1a with m_tgamma / m_lgamma: a domain error names x; a range error is an
// overflow unless the result underflowed (is_error).
static gopy_Object* gamma_function(gopy_Object* arg, GammaResult (*f)(double)) {
  double x;
  if (gopy_Float_AsDouble(arg, &x) < 0) return nullptr;
  GammaResult r = f(x);
  if (r.error == MathError::domain) return value_error_for("expected a noninteger or positive integer, got %s", x);
  if (r.error == MathError::range && std::fabs(r.value) >= 1.5) return gopy_Err_Raise("OverflowError", "math range error");
  return make_float(r.value);
}

gopy_Object* math_gamma(gopy_Object*, gopy_Object* const* args) { return gamma_function(args[0], gamma); }
gopy_Object* math_lgamma(gopy_Object*, gopy_Object* const* args) { return gamma_function(args[0], log_gamma); }

gopy_Object* math_degrees(gopy_Object*, gopy_Object* const* args) {
  double x;
  if (gopy_Float_AsDouble(args[0], &x) < 0) return nullptr;
  return make_float(x * (180.0 / M_PI));
}

gopy_Object* math_radians(gopy_Object*, gopy_Object* const* args) {
  double x;
  if (gopy_Float_AsDouble(args[0], &x) < 0) return nullptr;
  return make_float(x * (M_PI / 180.0));
}

// A predicate of float(x) as a bool.
static gopy_Object* float_predicate(gopy_Object* arg, bool (*test)(double)) {
  double x;
  if (gopy_Float_AsDouble(arg, &x) < 0) return nullptr;
  return gopy_Bool_FromInt(test(x));
}

gopy_Object* math_isfinite(gopy_Object*, gopy_Object* const* args) {
  return float_predicate(args[0], [](double x) { return std::isfinite(x); });
}
gopy_Object* math_isinf(gopy_Object*, gopy_Object* const* args) {
  return float_predicate(args[0], [](double x) { return std::isinf(x); });
}
gopy_Object* math_isnan(gopy_Object*, gopy_Object* const* args) {
  return float_predicate(args[0], [](double x) { return std::isnan(x); });
}

// CPython: math_isclose_impl
gopy_Object* math_isclose(gopy_Object*, gopy_Object* const* args) {
  double a, b, rel_tol, abs_tol;
  if (gopy_Float_AsDouble(args[0], &a) < 0 || gopy_Float_AsDouble(args[1], &b) < 0 ||
      gopy_Float_AsDouble(args[2], &rel_tol) < 0 || gopy_Float_AsDouble(args[3], &abs_tol) < 0)
    return nullptr;
  if (rel_tol < 0.0 || abs_tol < 0.0) return gopy_Err_Raise("ValueError", "tolerances must be non-negative");
  if (a == b) return gopy_Bool_FromInt(1);
  if (std::isinf(a) || std::isinf(b)) return gopy_Bool_FromInt(0);
  double diff = std::fabs(b - a);
  return gopy_Bool_FromInt((diff <= std::fabs(rel_tol * b)) || (diff <= std::fabs(rel_tol * a)) || diff <= abs_tol);
}

gopy_Object* math_frexp(gopy_Object*, gopy_Object* const* args) {
  double x;
  if (gopy_Float_AsDouble(args[0], &x) < 0) return nullptr;
  int e = 0;
  double m = std::isnan(x) || std::isinf(x) || x == 0 ? x : std::frexp(x, &e);
  Owned mantissa(make_float(m)), exponent(gopy_Long_FromInt64(e));
  if (!mantissa || !exponent) return nullptr;
  gopy_Object* items[] = {mantissa.get(), exponent.get()};
  return gopy_Tuple_New(items, 2);
}

// CPython: math_ldexp_impl (an exponent out of int range saturates).
gopy_Object* math_ldexp(gopy_Object*, gopy_Object* const* args) {
  double x;
  if (gopy_Float_AsDouble(args[0], &x) < 0) return nullptr;
  if (!gopy_Long_Check(args[1])) return gopy_Err_Raise("TypeError", "Expected an int as second argument to ldexp.");
  int64_t e = 0;
  if (gopy_Long_AsInt64(args[1], &e) < 0) {
    if (!gopy_Err_Matches(gopy_Exc("OverflowError"))) return nullptr;
    gopy_Err_Clear();
    Owned zero(gopy_Long_FromInt64(0));
    int positive = gopy_Object_Compare(args[1], zero.get(), GOPY_GT);
    if (positive < 0) return nullptr;
    e = positive ? INT32_MAX : INT32_MIN;
  }
  if (e > INT32_MAX) e = INT32_MAX;
  if (e < INT32_MIN) e = INT32_MIN;
  if (x == 0.0 || !std::isfinite(x)) return make_float(x);
  errno = 0;
  double r = std::ldexp(x, static_cast<int>(e));
  if (std::isinf(r)) return gopy_Err_Raise("OverflowError", "math range error");
  return make_float(r);
}

gopy_Object* math_modf(gopy_Object*, gopy_Object* const* args) {
  double x, whole;
  if (gopy_Float_AsDouble(args[0], &x) < 0) return nullptr;
  double frac;
  if (std::isinf(x)) {
    frac = std::copysign(0.0, x);
    whole = x;
  } else if (std::isnan(x)) {
    frac = whole = x;
  } else {
    frac = std::modf(x, &whole);
  }
  Owned a(make_float(frac)), b(make_float(whole));
  if (!a || !b) return nullptr;
  gopy_Object* items[] = {a.get(), b.get()};
  return gopy_Tuple_New(items, 2);
}

// CPython: math_pow_impl (IEEE special values handled before libm).
gopy_Object* math_pow(gopy_Object*, gopy_Object* const* args) {
  double x, y, r;
  if (gopy_Float_AsDouble(args[0], &x) < 0 || gopy_Float_AsDouble(args[1], &y) < 0) return nullptr;
  errno = 0;
  if (!std::isfinite(x) || !std::isfinite(y)) {
    if (std::isnan(x)) r = y == 0.0 ? 1.0 : x;
    else if (std::isnan(y)) r = x == 1.0 ? 1.0 : y;
    else if (std::isinf(x)) {
      bool odd_y = std::isfinite(y) && std::fmod(std::fabs(y), 2.0) == 1.0;
      if (y > 0.0) r = odd_y ? x : std::fabs(x);
      else if (y == 0.0) r = 1.0;
      else r = odd_y ? std::copysign(0.0, x) : 0.0;
    } else if (std::fabs(x) == 1.0) r = 1.0;
    else if (y > 0.0 && std::fabs(x) > 1.0) r = y;
    else if (y < 0.0 && std::fabs(x) < 1.0) r = -y;
    else r = 0.0;
  } else {
    r = std::pow(x, y);
    errno = 0;
    if (std::isnan(r)) errno = EDOM;
    else if (std::isinf(r)) errno = x == 0.0 ? EDOM : ERANGE;
  }
  if (errno && is_error(r)) return nullptr;
  return make_float(r);
}

// CPython: math_fma_impl
gopy_Object* math_fma(gopy_Object*, gopy_Object* const* args) {
  double x, y, z;
  if (gopy_Float_AsDouble(args[0], &x) < 0 || gopy_Float_AsDouble(args[1], &y) < 0 ||
      gopy_Float_AsDouble(args[2], &z) < 0)
    return nullptr;
  double r = std::fma(x, y, z);
  if (!std::isfinite(r)) {
    if (std::isnan(r)) {
      if (!std::isnan(x) && !std::isnan(y) && !std::isnan(z))
        return gopy_Err_Raise("ValueError", "invalid operation in fma");
    } else if (std::isfinite(x) && std::isfinite(y) && std::isfinite(z)) {
      return gopy_Err_Raise("OverflowError", "overflow in fma");
    }
  }
  return make_float(r);
}

gopy_Object* math_hypot(gopy_Object*, gopy_Object* const* args) {
  std::vector<double> coordinates;
  size_t n = gopy_Tuple_Size(args[0]);
  for (size_t i = 0; i < n; ++i) {
    double x;
    if (gopy_Float_AsDouble(gopy_Tuple_GetItem(args[0], i), &x) < 0) return nullptr;
    coordinates.push_back(x);
  }
  return make_float(vector_norm(coordinates));
}

gopy_Object* math_dist(gopy_Object*, gopy_Object* const* args) {
  std::vector<double> p, q;
  if (!doubles_of(args[0], &p) || !doubles_of(args[1], &q)) return nullptr;
  if (p.size() != q.size()) return gopy_Err_Raise("ValueError", "both points must have the same number of dimensions");
  for (size_t i = 0; i < p.size(); ++i) p[i] = std::fabs(p[i] - q[i]);
  return make_float(vector_norm(p));
}

// CPython: math_fsum. Shewchuk's exact partial sums: the partials are non-overlapping and
// sum exactly to the total so far; the result is their sum correctly rounded.
// The sum of `values`, correctly rounded. Infinities and NaNs end the exact sum; +inf and
// -inf together are fsum's ValueError, or a NaN when `inf_minus_inf_is_nan`.
static gopy_Object* exact_sum(const std::vector<double>& values, bool inf_minus_inf_is_nan) {
  std::vector<double> partials;
  double special_sum = 0.0, inf_sum = 0.0;
  for (double x : values) {
    if (!std::isfinite(x)) {
      // A NaN or inf ends exact summation; +inf and -inf together are a NaN.
      if (std::isinf(x)) inf_sum += x;
      special_sum += x;
      continue;
    }
    size_t kept = 0;
    for (double y : partials) {
      if (std::fabs(x) < std::fabs(y)) std::swap(x, y);
      double hi = x + y;
      double lo = y - (hi - x);
      if (lo != 0.0) partials[kept++] = lo;
      x = hi;
    }
    if (x != 0.0 && !std::isfinite(x)) {
      // The running sum overflowed although every addend was finite.
      return gopy_Err_Raise("OverflowError", "intermediate overflow in fsum");
    }
    partials.resize(kept);
    partials.push_back(x);
  }
  if (special_sum != 0.0) {
    if (std::isnan(inf_sum) && !inf_minus_inf_is_nan) return gopy_Err_Raise("ValueError", "-inf + inf in fsum");
    return make_float(special_sum);
  }
  double hi = 0.0;
  if (!partials.empty()) {
    size_t n = partials.size();
    hi = partials[--n];
    double lo = 0.0;
    // Sum from the top down until the sum is inexact.
    while (n > 0) {
      double x = hi;
      double y = partials[--n];
      hi = x + y;
      double yr = hi - x;
      lo = y - yr;
      if (lo != 0.0) break;
    }
    // Half-way cases: round as if the partials below decided the tie.
    if (n > 0 && ((lo < 0.0 && partials[n - 1] < 0.0) || (lo > 0.0 && partials[n - 1] > 0.0))) {
      double y = lo * 2.0;
      double x = hi + y;
      double yr = x - hi;
      if (y == yr) hi = x;
    }
  }
  return make_float(hi);
}

gopy_Object* math_fsum(gopy_Object*, gopy_Object* const* args) {
  std::vector<double> values;
  if (!doubles_of(args[0], &values)) return nullptr;
  return exact_sum(values, false);
}

// A float, or an int a double holds exactly: its value.
static bool exact_double(gopy_Object* o, double* value) {
  if (gopy_Float_CheckExact(o)) return gopy_Float_AsDouble(o, value) == 0;
  int64_t i = 0;
  if (!gopy_Long_Check(o) || gopy_Long_AsInt64(o, &i) < 0) {
    gopy_Err_Clear();
    return false;
  }
  constexpr int64_t kExact = int64_t(1) << 53;
  *value = static_cast<double>(i);
  return i >= -kExact && i <= kExact;
}

// CPython: math_sumprod_impl: ints exactly; when every value is a float (or an int a
// double holds), the exact products (each split by fma into a double and its rounding
// error) summed exactly and rounded once; anything else through the objects' own * and +.
gopy_Object* math_sumprod(gopy_Object*, gopy_Object* const* args) {
  Owned p(gopy_Object_GetIter(args[0])), q(gopy_Object_GetIter(args[1]));
  if (!p || !q) return nullptr;
  std::vector<Owned> left, right;
  bool all_int = true;
  for (;;) {
    gopy_Object *a = nullptr, *b = nullptr;
    int ra = gopy_Iter_Next(p.get(), &a);
    if (ra < 0) return nullptr;
    Owned hold_a(a);
    int rb = gopy_Iter_Next(q.get(), &b);
    if (rb < 0) return nullptr;
    Owned hold_b(b);
    if (ra != rb) return gopy_Err_Raise("ValueError", "Inputs are not the same length");
    if (ra == 0) break;
    all_int = all_int && gopy_Long_Check(a) && gopy_Long_Check(b);
    left.emplace_back(hold_a.release());
    right.emplace_back(hold_b.release());
  }
  if (!all_int) {
    std::vector<double> terms;
    bool floats = true;
    for (size_t i = 0; floats && i < left.size(); ++i) {
      double x, y;
      floats = exact_double(left[i].get(), &x) && exact_double(right[i].get(), &y);
      if (!floats) break;
      double product = x * y;
      terms.push_back(product);
      if (std::isfinite(product)) terms.push_back(std::fma(x, y, -product));
    }
    if (gopy_Err_Occurred()) return nullptr;
    if (floats) return exact_sum(terms, true);
  }
  Owned total(gopy_Long_FromInt64(0));
  for (size_t i = 0; total && i < left.size(); ++i) {
    Owned product(gopy_Number_Binary(left[i].get(), right[i].get(), GOPY_MUL));
    if (!product) return nullptr;
    total.reset(gopy_Number_Binary(total.get(), product.get(), GOPY_ADD));
  }
  return total.release();
}

// CPython: math_nextafter_impl (steps: that many representable values towards y).
gopy_Object* math_nextafter(gopy_Object*, gopy_Object* const* args) {
  double x, y;
  if (gopy_Float_AsDouble(args[0], &x) < 0 || gopy_Float_AsDouble(args[1], &y) < 0) return nullptr;
  if (args[2] == gopy_None()) return make_float(std::nextafter(x, y));
  Owned steps(gopy_Number_Index(args[2]));
  if (!steps) return nullptr;
  int negative = compare_int(steps.get(), 0, GOPY_LT);
  if (negative < 0) return nullptr;
  if (negative) return gopy_Err_Raise("ValueError", "steps must be a non-negative integer");
  if (std::isnan(x)) return make_float(x);
  if (std::isnan(y)) return make_float(y);
  int64_t n = 0;
  if (gopy_Long_AsInt64(steps.get(), &n) < 0) {
    gopy_Err_Clear();
    n = INT64_MAX;  // beyond every distance between two doubles
  }
  int64_t from = ordinal(x), to = ordinal(y);
  if (from == to) return make_float(y);
  uint64_t distance = from < to ? uint64_t(to) - uint64_t(from) : uint64_t(from) - uint64_t(to);
  if (uint64_t(n) >= distance) return make_float(y);
  return make_float(from_ordinal(from < to ? from + n : from - n));
}

gopy_Object* math_ulp(gopy_Object*, gopy_Object* const* args) {
  double x;
  if (gopy_Float_AsDouble(args[0], &x) < 0) return nullptr;
  if (std::isnan(x)) return make_float(x);
  x = std::fabs(x);
  if (std::isinf(x)) return make_float(x);
  double up = std::nextafter(x, kInf);
  if (std::isinf(up)) return make_float(x - std::nextafter(x, -kInf));
  return make_float(up - x);
}

gopy_Object* value_error_for(const char* format, double x) {
  Owned value(make_float(x));
  if (!value) return nullptr;
  Owned text(gopy_Object_Repr(value.get()));
  const char* repr = nullptr;
  if (!text || gopy_Str_AsUTF8(text.get(), &repr, nullptr) < 0) return nullptr;
  std::string message(format);
  size_t at = message.find("%s");
  if (at != std::string::npos) message.replace(at, 2, repr);
  return gopy_Err_Raise("ValueError", message.c_str());
}

}  // namespace gopy_math
