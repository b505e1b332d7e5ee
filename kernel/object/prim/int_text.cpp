// Int <-> text: int(str, base), int literals, str(int) under the digit limit, bin/oct/hex.
#include <charconv>
#include <vector>

#include "object/prim/int.hpp"
#include "object/prim/int_big.hpp"
#include "object/prim/unicode.hpp"

namespace gopy::prim {

namespace {

// CPython: Include/internal/pycore_long.h _PY_LONG_MAX_STR_DIGITS_THRESHOLD
constexpr int64_t kMaxStrDigitsThreshold = 640;

bool is_ascii_space(char c) {  // CPython: Py_ISSPACE
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

int digit_value(char c) {  // CPython: _PyLong_DigitValue (37 for non-digits)
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 37;
}

std::string limit_to_int_message(int64_t limit, int64_t digits) {
  return "Exceeds the limit (" + std::to_string(limit) +
         " digits) for integer string conversion: value has " + std::to_string(digits) +
         " digits; use sys.set_int_max_str_digits() to increase the limit";
}

std::string limit_to_str_message(int64_t limit) {
  return "Exceeds the limit (" + std::to_string(limit) +
         " digits) for integer string conversion; use sys.set_int_max_str_digits() to "
         "increase the limit";
}

// Digits (underscores already removed) in `base` to a value.
BigValue digits_to_value(std::string_view digits, int base) {
  BigValue value = 0;
  // Fold as many digits as fit in a uint64 into one multiply-add.
  uint64_t chunk_limit = UINT64_MAX / static_cast<uint64_t>(base);
  size_t i = 0;
  while (i < digits.size()) {
    uint64_t chunk = 0, scale = 1;
    while (i < digits.size() && scale <= chunk_limit) {
      chunk = chunk * static_cast<uint64_t>(base) + static_cast<uint64_t>(digit_value(digits[i]));
      scale *= static_cast<uint64_t>(base);
      ++i;
    }
    value *= scale;
    value += chunk;
  }
  return value;
}

enum class ParseOutcome { ok, syntax_error, limit_error };

struct Parsed {
  ParseOutcome outcome = ParseOutcome::syntax_error;
  BigValue value;
  int64_t digits = 0;
};

// CPython: Objects/longobject.c PyLong_FromString + long_from_string_base, over the
// NUL-free ASCII text (a NUL ends the string as in C, so anything after it is an error).
Parsed parse_ascii(std::string_view s, int base, int64_t max_str_digits) {
  Parsed out;
  size_t nul = s.find('\0');
  const bool had_nul = nul != std::string_view::npos;
  if (had_nul) s = s.substr(0, nul);
  size_t p = 0;
  while (p < s.size() && is_ascii_space(s[p])) ++p;
  bool negative = false;
  if (p < s.size() && (s[p] == '+' || s[p] == '-')) negative = s[p++] == '-';
  auto at = [&](size_t i) { return i < s.size() ? s[i] : '\0'; };
  bool error_if_nonzero = false;
  if (base == 0) {
    const char c1 = at(p + 1);
    if (at(p) != '0') base = 10;
    else if (c1 == 'x' || c1 == 'X') base = 16;
    else if (c1 == 'o' || c1 == 'O') base = 8;
    else if (c1 == 'b' || c1 == 'B') base = 2;
    else {
      error_if_nonzero = true;  // "010": an old-style octal literal, valid only if zero
      base = 10;
    }
  }
  if (at(p) == '0') {
    const char c1 = at(p + 1);
    if ((base == 16 && (c1 == 'x' || c1 == 'X')) || (base == 8 && (c1 == 'o' || c1 == 'O')) ||
        (base == 2 && (c1 == 'b' || c1 == 'B'))) {
      p += 2;
      if (at(p) == '_') ++p;  // one underscore may follow the prefix
    }
  }
  if (at(p) == '_') return out;
  std::string digits;
  char prev = 0;
  while (p < s.size() && (digit_value(s[p]) < base || s[p] == '_')) {
    if (s[p] == '_') {
      if (prev == '_') return out;
    } else {
      digits.push_back(s[p]);
    }
    prev = s[p++];
  }
  if (prev == '_' || digits.empty()) return out;
  while (p < s.size() && is_ascii_space(s[p])) ++p;
  if (p != s.size() || had_nul) return out;
  out.digits = static_cast<int64_t>(digits.size());
  const bool binary_base = (base & (base - 1)) == 0;
  if (!binary_base && out.digits > kMaxStrDigitsThreshold && max_str_digits > 0 &&
      out.digits > max_str_digits) {
    out.outcome = ParseOutcome::limit_error;
    return out;
  }
  out.value = digits_to_value(digits, base);
  if (error_if_nonzero && out.value != 0) return out;
  if (negative) out.value = -out.value;
  out.outcome = ParseOutcome::ok;
  return out;
}

// Digits of |v| in base 2, 8 or 16, most significant first.
std::string binary_base_digits(const BigValue& v, int base) {
  const int bits_per_digit = base == 2 ? 1 : (base == 8 ? 3 : 4);
  std::vector<unsigned char> bytes;  // little-endian bytes of |v|
  boost::multiprecision::export_bits(BigValue(boost::multiprecision::abs(v)), std::back_inserter(bytes), 8,
                                     false);
  const size_t total_bits = bytes.size() * 8;
  std::string out;
  for (size_t bit = 0; bit < total_bits; bit += static_cast<size_t>(bits_per_digit)) {
    int d = 0;
    for (int k = 0; k < bits_per_digit && bit + static_cast<size_t>(k) < total_bits; ++k) {
      const size_t b = bit + static_cast<size_t>(k);
      d |= ((bytes[b / 8] >> (b % 8)) & 1) << k;
    }
    out.push_back("0123456789abcdef"[d]);
  }
  while (out.size() > 1 && out.back() == '0') out.pop_back();
  return std::string(out.rbegin(), out.rend());
}

}  // namespace

// CPython: Objects/longobject.c long_new_impl, PyLong_FromUnicodeObject
Result<Int> int_from_string(std::u32string_view text, int base, int64_t max_str_digits) {
  if (base != 0 && (base < 2 || base > 36))
    return value_error("int() base must be >= 2 and <= 36, or 0");
  const std::string ascii = transform_decimal_and_space(text);
  Parsed parsed = parse_ascii(ascii, base, max_str_digits);
  if (parsed.outcome == ParseOutcome::ok) return from_big(std::move(parsed.value));
  if (parsed.outcome == ParseOutcome::limit_error)
    return value_error(limit_to_int_message(max_str_digits, parsed.digits));
  std::u32string shown = str_repr(text);
  if (shown.size() > 200) shown.resize(200);  // %.200R
  return value_error("invalid literal for int() with base " + std::to_string(base) + ": " +
                     utf8_encode_lossless(shown));
}

Result<Int> int_from_literal(std::string_view text, int64_t max_str_digits) {
  Parsed parsed = parse_ascii(text, 0, max_str_digits);
  if (parsed.outcome == ParseOutcome::ok) return from_big(std::move(parsed.value));
  if (parsed.outcome == ParseOutcome::limit_error)
    return value_error(limit_to_int_message(max_str_digits, parsed.digits));
  return value_error("invalid int literal '" + std::string(text) + "'");
}

// CPython: Objects/longobject.c long_to_decimal_string_internal
Result<std::string> int_to_decimal(const Int& a, int64_t max_str_digits) {
  if (a.is_small()) return std::to_string(a.small_value());
  const BigValue& v = a.big()->value;
  if (max_str_digits > 0) {
    // A lower bound on the digit count, floor((bits - 1) * log10(2)) + 1, rejects huge
    // values before the (quadratic) conversion.
    const uint64_t bits = int_bit_length(a);
    const auto lower_bound = static_cast<int64_t>(static_cast<double>(bits - 1) * 0.30102999566) + 1;
    if (lower_bound > max_str_digits) return value_error(limit_to_str_message(max_str_digits));
  }
  std::string text = v.str();
  const int64_t digits = static_cast<int64_t>(text.size()) - (v < 0 ? 1 : 0);
  if (max_str_digits > 0 && digits > kMaxStrDigitsThreshold && digits > max_str_digits)
    return value_error(limit_to_str_message(max_str_digits));
  return text;
}

// CPython: Objects/longobject.c long_format_binary (and _PyLong_Format for base 10)
std::string int_to_base(const Int& a, int base, bool with_prefix) {
  std::string digits;
  if (a.is_small()) {
    const int64_t x = a.small_value();
    const uint64_t magnitude = x < 0 ? 0 - static_cast<uint64_t>(x) : static_cast<uint64_t>(x);
    char buf[72];
    auto res = std::to_chars(buf, buf + sizeof buf, magnitude, base);
    digits.assign(buf, res.ptr);
  } else if (base == 10) {
    digits = BigValue(boost::multiprecision::abs(a.big()->value)).str();
  } else {
    digits = binary_base_digits(a.big()->value, base);
  }
  std::string out = a.is_negative() ? "-" : "";
  if (with_prefix) {
    if (base == 2) out += "0b";
    else if (base == 8) out += "0o";
    else if (base == 16) out += "0x";
  }
  return out + digits;
}

}  // namespace gopy::prim
