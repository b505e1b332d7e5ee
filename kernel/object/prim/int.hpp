// Python's arbitrary-precision int: an int64 fast path with a shared, immutable big
// representation (Boost.Multiprecision cpp_int, kept inside int*.cpp so the heavy header
// is compiled in few translation units). Values that fit int64 are always small.
#pragma once
#include "gopy/api_begin.h"

#include <compare>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "object/prim/result.hpp"

namespace gopy::prim {

// CPython's default sys.get_int_max_str_digits(); 0 means no limit.
// CPython: Include/internal/pycore_long.h _PY_LONG_DEFAULT_MAX_STR_DIGITS
inline constexpr int64_t kDefaultMaxStrDigits = 4300;

class Int {
 public:
  struct Big;  // defined in int.cpp: holds the cpp_int

  Int() noexcept = default;
  Int(int64_t value) noexcept : small_(value) {}  // NOLINT: ints convert implicitly
  Int(int value) noexcept : small_(value) {}      // NOLINT

  bool is_small() const { return big_ == nullptr; }
  // Precondition: is_small().
  int64_t small_value() const { return small_; }
  std::optional<int64_t> to_int64() const {
    if (is_small()) return small_;
    return std::nullopt;
  }
  int sign() const;  // -1, 0 or 1
  bool is_zero() const { return is_small() && small_ == 0; }
  bool is_negative() const { return sign() < 0; }
  const Big* big() const { return big_.get(); }

  // Internal: built by int.cpp from a cpp_int that does not fit int64.
  explicit Int(std::shared_ptr<const Big> big) : big_(std::move(big)) {}

  friend bool operator==(const Int& a, const Int& b);
  friend std::strong_ordering operator<=>(const Int& a, const Int& b);

 private:
  int64_t small_ = 0;
  std::shared_ptr<const Big> big_;
};
// Declared again at namespace scope so that the visibility of gopy/api_begin.h applies.
bool operator==(const Int& a, const Int& b);
std::strong_ordering operator<=>(const Int& a, const Int& b);

// Arithmetic that cannot fail. CPython: Objects/longobject.c long_add, long_sub,
// long_neg, long_abs, long_invert, long_and, long_or, long_xor (two's complement semantics)
Int int_add(const Int& a, const Int& b);
Int int_sub(const Int& a, const Int& b);
// CPython: Objects/longobject.c long_mul (MemoryError when the product cannot be allocated)
Result<Int> int_mul(const Int& a, const Int& b);
Int int_neg(const Int& a);
Int int_abs(const Int& a);
Int int_invert(const Int& a);
Int int_and(const Int& a, const Int& b);
Int int_or(const Int& a, const Int& b);
Int int_xor(const Int& a, const Int& b);

// Floor division and modulo with Python's signs ("division by zero").
// CPython: Objects/longobject.c long_div, long_mod, long_divmod (l_divmod)
Result<Int> int_floordiv(const Int& a, const Int& b);
Result<Int> int_mod(const Int& a, const Int& b);
Result<std::pair<Int, Int>> int_divmod(const Int& a, const Int& b);
// a / b correctly rounded ("division by zero", "integer division result too large for a float").
// CPython: Objects/longobject.c long_true_divide
Result<double> int_truediv(const Int& a, const Int& b);

// base ** exp for exp >= 0 (a negative exp is a float power: the caller converts both
// operands with int_to_double and calls float_pow, as long_pow does).
// CPython: Objects/longobject.c long_pow
Result<Int> int_pow(const Int& base, const Int& exp);
// pow(base, exp, mod), negative exp via the modular inverse
// ("pow() 3rd argument cannot be 0", "base is not invertible for the given modulus").
// CPython: Objects/longobject.c long_pow, long_invmod
Result<Int> int_pow_mod(const Int& base, const Int& exp, const Int& mod);

// Shifts ("negative shift count"; OverflowError "too many digits in integer" when the
// result cannot exist). CPython: Objects/longobject.c long_lshift, long_rshift
Result<Int> int_lshift(const Int& a, const Int& count);
Result<Int> int_rshift(const Int& a, const Int& count);

// int.bit_length(). CPython: Objects/longobject.c int_bit_length_impl
uint64_t int_bit_length(const Int& a);
// round(a, ndigits) for an int (ndigits < 0 rounds to tens, hundreds, ... halves to even).
// CPython: Objects/longobject.c int___round___impl
Int int_round(const Int& a, const Int& ndigits);

// a as a sequence index or count ([0] * n, s[i]): OverflowError "cannot fit 'int' into an
// index-sized integer" beyond int64. CPython: Objects/abstract.c PyNumber_AsSsize_t
Result<int64_t> int_as_index(const Int& a);
// a clamped to int64 (round()'s ndigits and slice bounds saturate instead of failing).
// CPython: Objects/abstract.c PyNumber_AsSsize_t with a NULL exception
int64_t int_as_clamped_index(const Int& a);

// float(a), correctly rounded ("int too large to convert to float").
// CPython: Objects/longobject.c PyLong_AsDouble
Result<double> int_to_double(const Int& a);
// int(x) for a float: truncation ("cannot convert float NaN to integer",
// "cannot convert float infinity to integer"). CPython: Objects/longobject.c PyLong_FromDouble
Result<Int> int_from_double(double x);
// Exact comparison of an int with a float: -1, 0 or 1; nullopt when x is NaN.
// CPython: Objects/floatobject.c float_richcompare
std::optional<int> int_compare_double(const Int& a, double x);

// int(text, base) for a str argument: base 0 or 2..36, whitespace, sign, prefixes,
// underscores, Unicode decimal digits; `max_str_digits` (0 = none) limits decimal-like bases.
// Errors: "invalid literal for int() with base 10: 'x'", "int() base must be >= 2 and <= 36, or 0",
// "Exceeds the limit (4300 digits) for integer string conversion: value has N digits; ...".
// CPython: Objects/longobject.c PyLong_FromUnicodeObject, PyLong_FromString, long_new_impl
Result<Int> int_from_string(std::u32string_view text, int base,
                            int64_t max_str_digits = kDefaultMaxStrDigits);
// An int literal as the tokenizer accepted it ("0x_ff", "1_000", "0o17", "0b1", "12").
Result<Int> int_from_literal(std::string_view text, int64_t max_str_digits = kDefaultMaxStrDigits);

// str(a) in decimal, honouring the digit limit ("Exceeds the limit (4300 digits) for integer
// string conversion; use sys.set_int_max_str_digits() to increase the limit").
// CPython: Objects/longobject.c long_to_decimal_string_internal
Result<std::string> int_to_decimal(const Int& a, int64_t max_str_digits = kDefaultMaxStrDigits);
// a in base 2, 8, 10 or 16 (lowercase digits) with no limit, with or without the 0b/0o/0x
// prefix: bin(), oct(), hex(). The sign comes first ("-0x1f").
// CPython: Objects/longobject.c long_format_binary
std::string int_to_base(const Int& a, int base, bool with_prefix);

}  // namespace gopy::prim
#include "gopy/api_end.h"
