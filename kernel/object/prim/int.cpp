// Int arithmetic: an int64 fast path, cpp_int otherwise (cpp_int's bitwise operators
// and right shift already follow two's complement, floor semantics, as Python's do).
#include "object/prim/int.hpp"

#include <bit>
#include <cfloat>
#include <cmath>
#include <limits>

#include "object/prim/int_big.hpp"
#include "object/prim/storage.hpp"

namespace gopy::prim {

namespace {

constexpr int64_t kInt64Min = std::numeric_limits<int64_t>::min();

// CPython stores ints in 30-bit digits and refuses more than MAX_LONG_DIGITS of them
// (Objects/longobject.c long_alloc: "too many digits in integer").
constexpr uint64_t kDigitBits = 30;
constexpr uint64_t kMaxLongDigits = (uint64_t{INT64_MAX} - 1) / kDigitBits;

// Whether `copies` buffers of `bits` bits can be allocated: checked before cpp_int
// computes a result, so that it never meets a failing allocation (MemoryError instead).
// cpp_int grows a buffer to at least four times its capacity, and a product takes scratch
// space besides (karatsuba_storage_size: five limbs for every limb of a factor).
constexpr uint64_t kProductCopies = 5;
bool result_fits_in_memory(uint64_t bits, uint64_t copies) { return can_allocate(bits / 8 + 1, copies); }

// floor(a / b) and the remainder with the sign of b, for b != 0.
void floor_divmod(const BigValue& a, const BigValue& b, BigValue& q, BigValue& r) {
  boost::multiprecision::divide_qr(a, b, q, r);
  if (r != 0 && ((r < 0) != (b < 0))) {
    q -= 1;
    r += b;
  }
}

// log2|v| for |v| >= 2, close enough to size a power's result.
double log2_magnitude(const Int& v) {
  const uint64_t bits = int_bit_length(v);
  if (bits > 1000) return static_cast<double>(bits);  // within one part in a thousand
  return std::log2(std::fabs(int_to_double(v).value()));
}

Error division_by_zero() { return zero_division_error("division by zero"); }

uint64_t magnitude_bits(const BigValue& v) {
  if (v == 0) return 0;
  return boost::multiprecision::msb(boost::multiprecision::abs(v)) + 1;
}

// |v| >> shift as uint64 (the caller guarantees the result fits), plus whether any
// bit shifted out was set.
uint64_t top_bits(const BigValue& magnitude, uint64_t shift, bool& inexact) {
  BigValue top = magnitude >> shift;
  inexact = inexact || (shift > 0 && boost::multiprecision::lsb(magnitude) < shift);
  return top.convert_to<uint64_t>();
}

}  // namespace

int Int::sign() const {
  if (is_small()) return (small_ > 0) - (small_ < 0);
  return big_->value.sign();
}

bool operator==(const Int& a, const Int& b) {
  if (a.is_small() && b.is_small()) return a.small_ == b.small_;
  if (a.is_small() != b.is_small()) return false;  // normalized: big never fits int64
  return a.big_->value == b.big_->value;
}

std::strong_ordering operator<=>(const Int& a, const Int& b) {
  if (a.is_small() && b.is_small()) return a.small_ <=> b.small_;
  int c = to_big(a).compare(to_big(b));
  return c < 0 ? std::strong_ordering::less
               : (c > 0 ? std::strong_ordering::greater : std::strong_ordering::equal);
}

Int int_add(const Int& a, const Int& b) {
  int64_t r;
  if (a.is_small() && b.is_small() && !__builtin_add_overflow(a.small_value(), b.small_value(), &r))
    return r;
  return from_big(to_big(a) + to_big(b));
}

Int int_sub(const Int& a, const Int& b) {
  int64_t r;
  if (a.is_small() && b.is_small() && !__builtin_sub_overflow(a.small_value(), b.small_value(), &r))
    return r;
  return from_big(to_big(a) - to_big(b));
}

Result<Int> int_mul(const Int& a, const Int& b) {
  int64_t r;
  if (a.is_small() && b.is_small() && !__builtin_mul_overflow(a.small_value(), b.small_value(), &r))
    return Int(r);
  if (!result_fits_in_memory(int_bit_length(a) + int_bit_length(b), kProductCopies)) return memory_error();
  return from_big(to_big(a) * to_big(b));
}

Int int_neg(const Int& a) {
  if (a.is_small() && a.small_value() != kInt64Min) return -a.small_value();
  return from_big(-to_big(a));
}

Int int_abs(const Int& a) { return a.is_negative() ? int_neg(a) : a; }

Int int_invert(const Int& a) {
  if (a.is_small()) return ~a.small_value();  // ~x == -x-1 never overflows int64
  return from_big(~to_big(a));
}

Int int_and(const Int& a, const Int& b) {
  if (a.is_small() && b.is_small()) return a.small_value() & b.small_value();
  return from_big(to_big(a) & to_big(b));
}

Int int_or(const Int& a, const Int& b) {
  if (a.is_small() && b.is_small()) return a.small_value() | b.small_value();
  return from_big(to_big(a) | to_big(b));
}

Int int_xor(const Int& a, const Int& b) {
  if (a.is_small() && b.is_small()) return a.small_value() ^ b.small_value();
  return from_big(to_big(a) ^ to_big(b));
}

// CPython: Objects/longobject.c l_divmod (fast_floor_div / fast_mod for single digits)
Result<std::pair<Int, Int>> int_divmod(const Int& a, const Int& b) {
  if (b.is_zero()) return division_by_zero();
  if (a.is_small() && b.is_small() && !(a.small_value() == kInt64Min && b.small_value() == -1)) {
    int64_t x = a.small_value(), y = b.small_value();
    int64_t q = x / y, r = x % y;
    if (r != 0 && ((r < 0) != (y < 0))) {
      q -= 1;
      r += y;
    }
    return std::pair<Int, Int>(q, r);
  }
  BigValue q, r;
  floor_divmod(to_big(a), to_big(b), q, r);
  return std::pair<Int, Int>(from_big(std::move(q)), from_big(std::move(r)));
}

Result<Int> int_floordiv(const Int& a, const Int& b) {
  auto qr = int_divmod(a, b);
  if (!qr) return qr.error();
  return qr->first;
}

Result<Int> int_mod(const Int& a, const Int& b) {
  auto qr = int_divmod(a, b);
  if (!qr) return qr.error();
  return qr->second;
}

// CPython: Objects/longobject.c long_true_divide. The quotient is computed with two
// guard bits plus a sticky bit, then rounded half-to-even once, so the result is
// correctly rounded, subnormals included.
Result<double> int_truediv(const Int& a, const Int& b) {
  if (b.is_zero()) return division_by_zero();
  constexpr int64_t kExact = int64_t{1} << DBL_MANT_DIG;
  if (a.is_small() && b.is_small() && a.small_value() <= kExact && a.small_value() >= -kExact &&
      b.small_value() <= kExact && b.small_value() >= -kExact) {
    return static_cast<double>(a.small_value()) / static_cast<double>(b.small_value());
  }
  const bool negate = a.is_negative() != b.is_negative();
  BigValue num = boost::multiprecision::abs(to_big(a));
  BigValue den = boost::multiprecision::abs(to_big(b));
  if (num == 0) return negate ? -0.0 : 0.0;
  const int64_t diff = static_cast<int64_t>(magnitude_bits(num)) - static_cast<int64_t>(magnitude_bits(den));
  if (diff > DBL_MAX_EXP) return overflow_error("integer division result too large for a float");
  if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 1) return negate ? -0.0 : 0.0;
  const int64_t shift = std::max<int64_t>(diff, DBL_MIN_EXP) - DBL_MANT_DIG - 2;
  if (shift < 0)
    num <<= static_cast<unsigned>(-shift);
  else
    den <<= static_cast<unsigned>(shift);
  BigValue q, r;
  boost::multiprecision::divide_qr(num, den, q, r);
  bool inexact = r != 0;
  uint64_t x = q.convert_to<uint64_t>();  // at most DBL_MANT_DIG + 3 bits
  const int x_bits = std::bit_width(x);
  const int64_t extra_bits = std::max<int64_t>(x_bits, DBL_MIN_EXP - shift) - DBL_MANT_DIG;
  const uint64_t mask = uint64_t{1} << (extra_bits - 1);
  uint64_t low = x | (inexact ? 1 : 0);
  if ((low & mask) && (low & (3 * mask - 1))) low += mask;
  x = low & ~(2 * mask - 1);
  const double dx = static_cast<double>(x);  // exact: at most DBL_MANT_DIG + 1 significant bits
  if (shift + x_bits >= DBL_MAX_EXP &&
      (shift + x_bits > DBL_MAX_EXP || dx == std::ldexp(1.0, x_bits)))
    return overflow_error("integer division result too large for a float");
  const double result = std::ldexp(dx, static_cast<int>(shift));
  return negate ? -result : result;
}

// CPython: Objects/longobject.c long_pow (exponent >= 0)
Result<Int> int_pow(const Int& base, const Int& exp) {
  if (exp.is_negative()) return value_error("int_pow: negative exponent (use float_pow)");
  if (exp.is_zero()) return Int(1);
  if (base.is_small()) {
    const int64_t b = base.small_value();
    if (b == 0 || b == 1) return base;
    if (b == -1) return Int(int_and(exp, Int(1)).is_zero() ? 1 : -1);
  }
  // Any other base needs about e * log2|base| bits; CPython's allocation of a result that
  // size fails with MemoryError (an earlier squaring fails first when it is beyond any
  // memory, so never "too many digits").
  if (!exp.is_small()) return memory_error();
  const uint64_t e = static_cast<uint64_t>(exp.small_value());
  const double result_bits = static_cast<double>(e) * log2_magnitude(base);
  if (!(result_bits < 0x1p62) || !result_fits_in_memory(static_cast<uint64_t>(result_bits), kProductCopies))
    return memory_error();
  if (e <= std::numeric_limits<unsigned>::max())
    return from_big(boost::multiprecision::pow(to_big(base), static_cast<unsigned>(e)));
  // Square and multiply for exponents beyond cpp_int's pow.
  BigValue result = 1, square = to_big(base);
  for (uint64_t rest = e; rest != 0; rest >>= 1) {
    if (rest & 1) result *= square;
    if (rest > 1) square *= square;
  }
  return from_big(std::move(result));
}

// CPython: Objects/longobject.c long_pow with a modulus; long_invmod for exp < 0
Result<Int> int_pow_mod(const Int& base, const Int& exp, const Int& mod) {
  if (mod.is_zero()) return value_error("pow() 3rd argument cannot be 0");
  BigValue m = to_big(mod);
  const bool negative_mod = m < 0;
  m = boost::multiprecision::abs(m);
  if (m == 1) return Int(0);
  BigValue b, r;
  BigValue q;
  floor_divmod(to_big(base), m, q, b);
  BigValue e = to_big(exp);
  if (e < 0) {
    // The inverse of b modulo m by the extended Euclidean algorithm.
    BigValue old_r = b, cur_r = m, old_s = 1, cur_s = 0;
    while (cur_r != 0) {
      BigValue quotient = old_r / cur_r;
      BigValue next_r = old_r - quotient * cur_r;
      old_r = std::move(cur_r);
      cur_r = std::move(next_r);
      BigValue next_s = old_s - quotient * cur_s;
      old_s = std::move(cur_s);
      cur_s = std::move(next_s);
    }
    if (old_r != 1) return value_error("base is not invertible for the given modulus");
    floor_divmod(old_s, m, q, b);
    e = -e;
  }
  r = boost::multiprecision::powm(b, e, m);
  if (negative_mod && r != 0) r -= m;  // the result takes the sign of the modulus
  return from_big(std::move(r));
}

// CPython: Objects/longobject.c long_lshift
Result<Int> int_lshift(const Int& a, const Int& count) {
  if (count.is_negative()) return value_error("negative shift count");
  if (a.is_zero()) return Int(0);
  if (!count.is_small()) return overflow_error("too many digits in integer");
  const int64_t n = count.small_value();
  const uint64_t bits = int_bit_length(a);
  const uint64_t digits = (bits + kDigitBits - 1) / kDigitBits + static_cast<uint64_t>(n) / kDigitBits +
                          (static_cast<uint64_t>(n) % kDigitBits != 0);
  if (digits > kMaxLongDigits) return overflow_error("too many digits in integer");
  if (!result_fits_in_memory(std::max(bits + static_cast<uint64_t>(n), 4 * bits), 1)) return memory_error();
  if (a.is_small() && n < 63) {
    const int64_t x = a.small_value();
    const int64_t limit = std::numeric_limits<int64_t>::max() >> n;
    if (x <= limit && x >= -limit) return Int(static_cast<int64_t>(static_cast<uint64_t>(x) << n));
  }
  return from_big(to_big(a) << static_cast<unsigned>(n));
}

// CPython: Objects/longobject.c long_rshift (floor semantics: -1 >> 5 == -1)
Result<Int> int_rshift(const Int& a, const Int& count) {
  if (count.is_negative()) return value_error("negative shift count");
  if (!count.is_small() || static_cast<uint64_t>(count.small_value()) >= int_bit_length(a))
    return Int(a.is_negative() ? -1 : 0);
  const int64_t n = count.small_value();
  if (a.is_small()) return Int(a.small_value() >> n);  // arithmetic shift floors
  return from_big(to_big(a) >> static_cast<unsigned>(n));
}

uint64_t int_bit_length(const Int& a) {
  if (a.is_small()) {
    const int64_t x = a.small_value();
    const uint64_t magnitude = x < 0 ? 0 - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
    return std::bit_width(magnitude);
  }
  return magnitude_bits(a.big()->value);
}

// CPython: Objects/longobject.c int___round___impl: round half to even to a multiple
// of 10**-ndigits (via _PyLong_DivmodNear).
Int int_round(const Int& a, const Int& ndigits) {
  if (!ndigits.is_negative()) return a;
  // When 10**k is more than twice |a| the result is 0: skip computing a huge power.
  const double max_digits = static_cast<double>(int_bit_length(a)) * 0.30103 + 2;
  if (!ndigits.is_small() || static_cast<double>(-ndigits.small_value()) > max_digits) return Int(0);
  const BigValue pow10 = boost::multiprecision::pow(BigValue(10), static_cast<unsigned>(-ndigits.small_value()));
  const BigValue value = to_big(a);
  BigValue q, r;
  floor_divmod(value, pow10, q, r);
  const BigValue twice = r * 2;
  if (twice > pow10 || (twice == pow10 && (q & 1) != 0)) q += 1;
  return from_big(q * pow10);
}

Result<int64_t> int_as_index(const Int& a) {
  if (a.is_small()) return a.small_value();
  return overflow_error("cannot fit 'int' into an index-sized integer");
}

int64_t int_as_clamped_index(const Int& a) {
  if (a.is_small()) return a.small_value();
  return a.is_negative() ? std::numeric_limits<int64_t>::min() : std::numeric_limits<int64_t>::max();
}

// CPython: Objects/longobject.c PyLong_AsDouble (correctly rounded, half to even)
Result<double> int_to_double(const Int& a) {
  if (a.is_small()) return static_cast<double>(a.small_value());  // the FPU rounds correctly
  const BigValue& v = a.big()->value;
  const BigValue magnitude = boost::multiprecision::abs(v);
  const uint64_t bits = magnitude_bits(magnitude);
  if (bits > DBL_MAX_EXP) return overflow_error("int too large to convert to float");
  // Keep DBL_MANT_DIG + 2 bits plus a sticky bit, round half to even once.
  const uint64_t shift = bits - (DBL_MANT_DIG + 2);
  bool inexact = false;
  uint64_t x = top_bits(magnitude, shift, inexact);
  if (inexact) x |= 1;
  // Round away the 2 guard bits (the sticky bit sits in the lower one), half to even.
  const uint64_t low = x & 3;
  x >>= 2;
  if (low > 2 || (low == 2 && (x & 1))) x += 1;
  const double result = std::ldexp(static_cast<double>(x), static_cast<int>(shift + 2));
  if (std::isinf(result)) return overflow_error("int too large to convert to float");
  return v < 0 ? -result : result;
}

// CPython: Objects/longobject.c PyLong_FromDouble
Result<Int> int_from_double(double x) {
  if (std::isnan(x)) return value_error("cannot convert float NaN to integer");
  if (std::isinf(x)) return overflow_error("cannot convert float infinity to integer");
  const double t = std::trunc(x);
  if (t >= -9223372036854775808.0 && t < 9223372036854775808.0) return Int(static_cast<int64_t>(t));
  int exponent = 0;
  const double mantissa = std::frexp(t, &exponent);  // t == mantissa * 2**exponent
  const auto digits = static_cast<int64_t>(std::ldexp(mantissa, DBL_MANT_DIG));
  BigValue v(digits);
  v <<= static_cast<unsigned>(exponent - DBL_MANT_DIG);
  return from_big(std::move(v));
}

// CPython: Objects/floatobject.c float_richcompare (exact: no rounding of the int)
std::optional<int> int_compare_double(const Int& a, double x) {
  if (std::isnan(x)) return std::nullopt;
  if (std::isinf(x)) return x > 0 ? -1 : 1;
  const double t = std::floor(x);
  auto whole = int_from_double(t);
  const auto c = a <=> whole.value();
  if (c != 0) return c < 0 ? -1 : 1;
  return t == x ? 0 : -1;  // a == floor(x) < x
}

}  // namespace gopy::prim
