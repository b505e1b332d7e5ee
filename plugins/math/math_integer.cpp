// math's functions of integers and to integers, exact at any size through the object
// API's arithmetic (CPython: Modules/mathmodule.c math_factorial, math_gcd, math_lcm,
// math_isqrt, math_comb_impl, math_perm_impl, math_prod_impl, math_floor, math_ceil,
// math_trunc, loghelper).
#include <cmath>
#include <cstdint>
#include <string>

#include "math_internal.hpp"

namespace gopy_math {

gopy_Object* binary(gopy_Object* a, gopy_Object* b, gopy_BinaryOp op) { return gopy_Number_Binary(a, b, op); }

int compare_int(gopy_Object* a, int64_t b, gopy_CompareOp op) {
  Owned other(gopy_Long_FromInt64(b));
  if (!other) return -1;
  return gopy_Object_Compare(a, other.get(), op);
}

namespace {

// The product lo * (lo+1) * ... * hi by halves, so the big multiplications are balanced.
gopy_Object* range_product(int64_t lo, int64_t hi) {
  if (lo > hi) return gopy_Long_FromInt64(1);
  if (hi - lo < 8) {
    Owned total(gopy_Long_FromInt64(lo));
    for (int64_t i = lo + 1; total && i <= hi; ++i) {
      Owned factor(gopy_Long_FromInt64(i));
      if (!factor) return nullptr;
      total.reset(binary(total.get(), factor.get(), GOPY_MUL));
    }
    return total.release();
  }
  int64_t mid = lo + (hi - lo) / 2;
  Owned left(range_product(lo, mid));
  if (!left) return nullptr;
  Owned right(range_product(mid + 1, hi));
  if (!right) return nullptr;
  return binary(left.get(), right.get(), GOPY_MUL);
}

// CPython: math_floor / math_ceil: exact floats directly, else the type's __floor__ /
// __ceil__, else float(x).
gopy_Object* rounded(gopy_Object* x, const char* special, double (*f)(double)) {
  if (!gopy_Float_CheckExact(x)) {
    Owned method(gopy_Object_LookupSpecial(x, special));
    if (method) return gopy_Object_Call(method.get(), nullptr, 0);
    if (gopy_Err_Occurred()) return nullptr;
  }
  double value;
  if (gopy_Float_AsDouble(x, &value) < 0) return nullptr;
  return gopy_Long_FromDouble(f(value));
}

// a % b == 0 etc. on ints: Euclid's algorithm over the absolute values.
gopy_Object* gcd2(gopy_Object* a, gopy_Object* b) {
  Owned x(gopy_Number_Absolute(a)), y(gopy_Number_Absolute(b));
  if (!x || !y) return nullptr;
  for (;;) {
    int zero = compare_int(y.get(), 0, GOPY_EQ);
    if (zero < 0) return nullptr;
    if (zero) return x.release();
    Owned r(binary(x.get(), y.get(), GOPY_MOD));
    if (!r) return nullptr;
    x.reset(y.release());
    y.reset(r.release());
  }
}

// An argument as an int through __index__, with the non-negative check of comb and perm.
gopy_Object* nonnegative(gopy_Object* o, const char* message) {
  Owned n(gopy_Number_Index(o));
  if (!n) return nullptr;
  int negative = compare_int(n.get(), 0, GOPY_LT);
  if (negative < 0) return nullptr;
  if (negative) return gopy_Err_Raise("ValueError", message);
  return n.release();
}

// n * (n-1) * ... * (n-k+1), and with `divide` also / k! step by step (exact at each step).
gopy_Object* falling(gopy_Object* n, int64_t k, bool divide) {
  Owned total(gopy_Long_FromInt64(1));
  for (int64_t i = 0; total && i < k; ++i) {
    Owned offset(gopy_Long_FromInt64(i));
    if (!offset) return nullptr;
    Owned factor(binary(n, offset.get(), GOPY_SUB));
    if (!factor) return nullptr;
    total.reset(binary(total.get(), factor.get(), GOPY_MUL));
    if (!total || !divide) continue;
    Owned divisor(gopy_Long_FromInt64(i + 1));
    if (!divisor) return nullptr;
    total.reset(binary(total.get(), divisor.get(), GOPY_FLOORDIV));
  }
  return total.release();
}

// CPython: loghelper: an int too big for a double still has a logarithm.
gopy_Object* log_of(gopy_Object* x, double (*f)(double)) {
  if (gopy_Long_Check(x)) {
    int positive = compare_int(x, 0, GOPY_GT);
    if (positive < 0) return nullptr;
    if (!positive) return gopy_Err_Raise("ValueError", "expected a positive input");
    double value;
    if (gopy_Float_AsDouble(x, &value) == 0) return gopy_Float_FromDouble(f(value));
    if (!gopy_Err_Matches(gopy_Exc("OverflowError"))) return nullptr;
    gopy_Err_Clear();
    // x ~= m * 2**e with m in [0.5, 1) (CPython: _PyLong_Frexp): the top bits, rounded to
    // a double, scaled below 1.
    constexpr int64_t kTopBits = 64;
    Owned bits(gopy_Object_CallMethod(x, "bit_length", nullptr, 0));
    int64_t e = 0;
    if (!bits || gopy_Long_AsInt64(bits.get(), &e) < 0) return nullptr;
    Owned shift(gopy_Long_FromInt64(e - kTopBits));
    if (!shift) return nullptr;
    Owned top(binary(x, shift.get(), GOPY_RSHIFT));
    double m;
    if (!top || gopy_Float_AsDouble(top.get(), &m) < 0) return nullptr;
    m = std::ldexp(m, -static_cast<int>(kTopBits));
    return gopy_Float_FromDouble(f(m) + f(2.0) * static_cast<double>(e));
  }
  double value;
  if (gopy_Float_AsDouble(x, &value) < 0) return nullptr;
  double r = f(value);
  if (std::isnan(r) && !std::isnan(value)) return value_error_for("expected a positive input, got %s", value);
  if (std::isinf(r) && std::isfinite(value)) return value_error_for("expected a positive input, got %s", value);
  return gopy_Float_FromDouble(r);
}

}  // namespace

gopy_Object* math_floor(gopy_Object*, gopy_Object* const* args) { return rounded(args[0], "__floor__", std::floor); }
gopy_Object* math_ceil(gopy_Object*, gopy_Object* const* args) { return rounded(args[0], "__ceil__", std::ceil); }

gopy_Object* math_trunc(gopy_Object*, gopy_Object* const* args) {
  gopy_Object* x = args[0];
  if (gopy_Float_Check(x)) {
    double value;
    if (gopy_Float_AsDouble(x, &value) < 0) return nullptr;
    return gopy_Long_FromDouble(std::trunc(value));
  }
  Owned method(gopy_Object_LookupSpecial(x, "__trunc__"));
  if (method) return gopy_Object_Call(method.get(), nullptr, 0);
  if (gopy_Err_Occurred()) return nullptr;
  std::string message = std::string("type ") + gopy_Object_TypeName(x) + " doesn't define __trunc__ method";
  return gopy_Err_Raise("TypeError", message.c_str());
}

gopy_Object* math_factorial(gopy_Object*, gopy_Object* const* args) {
  int64_t n = 0;
  if (gopy_Long_AsInt64(args[0], &n) < 0) {
    if (!gopy_Err_Matches(gopy_Exc("OverflowError"))) return nullptr;
    gopy_Err_Clear();
    int negative = compare_int(args[0], 0, GOPY_LT);
    if (negative < 0) return nullptr;
    if (negative) return gopy_Err_Raise("ValueError", "factorial() not defined for negative values");
    return gopy_Err_Raise("OverflowError", "factorial() argument should not exceed 9223372036854775807");
  }
  if (n < 0) return gopy_Err_Raise("ValueError", "factorial() not defined for negative values");
  return range_product(1, n);
}

namespace {

// Folds the integers of a *args tuple (each through __index__) into `start` with `step`,
// which returns the next result (a new reference) or NULL.
template <class Step>
gopy_Object* fold_integers(gopy_Object* integers, int64_t start, Step step) {
  Owned result(gopy_Long_FromInt64(start));
  for (size_t i = 0, n = gopy_Tuple_Size(integers); result && i < n; ++i) {
    Owned value(gopy_Number_Index(gopy_Tuple_GetItem(integers, i)));
    if (!value) return nullptr;
    result.reset(step(result.get(), value.get()));
  }
  return result.release();
}

// lcm(a, b) = |a // gcd(a, b) * b|, and 0 when either is 0.
gopy_Object* lcm2(gopy_Object* a, gopy_Object* b) {
  int a_zero = compare_int(a, 0, GOPY_EQ), b_zero = compare_int(b, 0, GOPY_EQ);
  if (a_zero < 0 || b_zero < 0) return nullptr;
  if (a_zero || b_zero) return gopy_Long_FromInt64(0);
  Owned g(gcd2(a, b));
  if (!g) return nullptr;
  Owned quotient(binary(a, g.get(), GOPY_FLOORDIV));
  if (!quotient) return nullptr;
  Owned product(binary(quotient.get(), b, GOPY_MUL));
  if (!product) return nullptr;
  return gopy_Number_Absolute(product.get());
}

}  // namespace

gopy_Object* math_gcd(gopy_Object*, gopy_Object* const* args) { return fold_integers(args[0], 0, gcd2); }
gopy_Object* math_lcm(gopy_Object*, gopy_Object* const* args) { return fold_integers(args[0], 1, lcm2); }

// CPython: math_isqrt: Newton's iteration from above, exact for any size.
gopy_Object* math_isqrt(gopy_Object*, gopy_Object* const* args) {
  Owned n(gopy_Number_Index(args[0]));
  if (!n) return nullptr;
  int negative = compare_int(n.get(), 0, GOPY_LT);
  if (negative < 0) return nullptr;
  if (negative) return gopy_Err_Raise("ValueError", "isqrt() argument must be nonnegative");
  int zero = compare_int(n.get(), 0, GOPY_EQ);
  if (zero) return zero < 0 ? nullptr : gopy_Long_FromInt64(0);
  Owned bits(gopy_Object_CallMethod(n.get(), "bit_length", nullptr, 0));
  int64_t length = 0;
  if (!bits || gopy_Long_AsInt64(bits.get(), &length) < 0) return nullptr;
  Owned one(gopy_Long_FromInt64(1)), shift(gopy_Long_FromInt64((length + 1) / 2));
  if (!one || !shift) return nullptr;
  Owned x(binary(one.get(), shift.get(), GOPY_LSHIFT));  // 2**ceil(bits/2) > sqrt(n)
  while (x) {
    Owned quotient(binary(n.get(), x.get(), GOPY_FLOORDIV));
    if (!quotient) return nullptr;
    Owned sum(binary(x.get(), quotient.get(), GOPY_ADD));
    if (!sum) return nullptr;
    Owned y(binary(sum.get(), one.get(), GOPY_RSHIFT));
    if (!y) return nullptr;
    int smaller = gopy_Object_Compare(y.get(), x.get(), GOPY_LT);
    if (smaller < 0) return nullptr;
    if (!smaller) break;
    x.reset(y.release());
  }
  return x.release();
}

// comb's and perm's arguments: n and k as non-negative ints. -1 on error, 1 when k > n
// (the answer is 0), else 0.
static int n_and_k(gopy_Object* const* args, Owned* n, Owned* k) {
  n->reset(nonnegative(args[0], "n must be a non-negative integer"));
  if (!*n) return -1;
  k->reset(nonnegative(args[1], "k must be a non-negative integer"));
  if (!*k) return -1;
  return gopy_Object_Compare(k->get(), n->get(), GOPY_GT);
}

gopy_Object* math_comb(gopy_Object*, gopy_Object* const* args) {
  Owned n, k;
  int over = n_and_k(args, &n, &k);
  if (over) return over < 0 ? nullptr : gopy_Long_FromInt64(0);
  Owned rest(binary(n.get(), k.get(), GOPY_SUB));
  if (!rest) return nullptr;
  int rest_smaller = gopy_Object_Compare(rest.get(), k.get(), GOPY_LT);
  if (rest_smaller < 0) return nullptr;
  int64_t count = 0;
  if (gopy_Long_AsInt64(rest_smaller ? rest.get() : k.get(), &count) < 0) {
    gopy_Err_Clear();
    return gopy_Err_Raise("OverflowError", "min(n - k, k) must not exceed 9223372036854775807");
  }
  return falling(n.get(), count, true);
}

gopy_Object* math_perm(gopy_Object* module, gopy_Object* const* args) {
  if (args[1] == gopy_None()) return math_factorial(module, args);
  Owned n, k;
  int over = n_and_k(args, &n, &k);
  if (over) return over < 0 ? nullptr : gopy_Long_FromInt64(0);
  int64_t count = 0;
  if (gopy_Long_AsInt64(k.get(), &count) < 0) {
    gopy_Err_Clear();
    return gopy_Err_Raise("OverflowError", "k must not exceed 9223372036854775807");
  }
  return falling(n.get(), count, false);
}

gopy_Object* math_prod(gopy_Object*, gopy_Object* const* args) {
  Owned it(gopy_Object_GetIter(args[0]));
  if (!it) return nullptr;
  Owned total(gopy_NewRef(args[1]));
  for (;;) {
    gopy_Object* item = nullptr;
    int r = gopy_Iter_Next(it.get(), &item);
    if (r < 0) return nullptr;
    if (r == 0) return total.release();
    Owned hold(item);
    total.reset(binary(total.get(), item, GOPY_MUL));
    if (!total) return nullptr;
  }
}

gopy_Object* math_log(gopy_Object*, gopy_Object* const* args) {
  Owned num(log_of(args[0], std::log));
  if (!num || args[1] == gopy_None()) return num.release();
  Owned den(log_of(args[1], std::log));
  if (!den) return nullptr;
  return binary(num.get(), den.get(), GOPY_TRUEDIV);
}

gopy_Object* math_log2(gopy_Object*, gopy_Object* const* args) { return log_of(args[0], std::log2); }
gopy_Object* math_log10(gopy_Object*, gopy_Object* const* args) { return log_of(args[0], std::log10); }

}  // namespace gopy_math
