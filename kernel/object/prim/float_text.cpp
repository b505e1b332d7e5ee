// Float <-> text: repr, PyOS_double_to_string and float(str).
#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <optional>
#include <system_error>
#include <vector>

#include "object/prim/double_to_string.hpp"
#include "object/prim/float.hpp"
#include "object/prim/unicode.hpp"

namespace gopy::prim {

namespace {

// The decimal digits of |value| without leading or trailing zeros, and decpt, the
// position of the decimal point relative to them (value = 0.DIGITS * 10**decpt), as
// Gay's _Py_dg_dtoa returns them. `mode` 'r' = shortest round trip, 'e' = `ndigits`
// significant digits, 'f' = `ndigits` digits after the point; rounding is correct
// (half to even on the exact binary value), which std::to_chars guarantees.
struct Digits {
  std::string digits;
  long decpt = 1;
};

Digits decimal_digits(double magnitude, char mode, int ndigits) {
  Digits out;
  if (magnitude == 0.0) {
    out.digits = "0";
    return out;
  }
  std::vector<char> buf(static_cast<size_t>(std::max(ndigits, 0)) + 400);
  std::to_chars_result res;
  if (mode == 'r') {
    res = std::to_chars(buf.data(), buf.data() + buf.size(), magnitude, std::chars_format::scientific);
  } else if (mode == 'e') {
    res = std::to_chars(buf.data(), buf.data() + buf.size(), magnitude, std::chars_format::scientific,
                        ndigits - 1);
  } else {
    res = std::to_chars(buf.data(), buf.data() + buf.size(), magnitude, std::chars_format::fixed, ndigits);
  }
  std::string_view text(buf.data(), static_cast<size_t>(res.ptr - buf.data()));
  if (mode == 'f') {
    // "123.4500" or "0.0012": digits with leading zeros dropped; decpt counts from them.
    size_t point = text.find('.');
    std::string_view int_part = text.substr(0, point);
    std::string all(int_part);
    if (point != std::string_view::npos) all += text.substr(point + 1);
    size_t first = all.find_first_not_of('0');
    if (first == std::string::npos) {
      out.digits.clear();  // rounds to zero: dtoa gives no digits and decpt = -ndigits
      out.decpt = -ndigits;
      return out;
    }
    out.decpt = static_cast<long>(int_part.size()) - static_cast<long>(first);
    out.digits = all.substr(first);
  } else {
    // "d.ddde+XX"
    size_t e = text.find('e');
    std::string_view mantissa = text.substr(0, e);
    long exponent = 0;
    std::from_chars(text.data() + e + (text[e + 1] == '+' ? 2 : 1), text.data() + text.size(), exponent);
    for (char c : mantissa)
      if (c != '.') out.digits.push_back(c);
    out.decpt = exponent + 1;
  }
  while (out.digits.size() > 1 && out.digits.back() == '0') out.digits.pop_back();
  if (out.digits == "0") out.digits.clear();
  return out;
}

bool is_ascii_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool ieq(std::string_view text, size_t pos, std::string_view word) {
  if (text.size() - pos < word.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = text[pos + i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != word[i]) return false;
  }
  return true;
}

// The whole of `s` as a float in strtod's grammar (sign, digits with an optional point,
// optional exponent; or inf/infinity/nan), or nullopt.
// CPython: Python/pystrtod.c _PyOS_ascii_strtod, _Py_parse_inf_or_nan
std::optional<double> strtod_whole(std::string_view s) {
  size_t p = 0;
  bool negative = false;
  if (p < s.size() && (s[p] == '+' || s[p] == '-')) negative = s[p++] == '-';
  if (ieq(s, p, "inf")) {
    size_t end = ieq(s, p, "infinity") ? p + 8 : p + 3;
    if (end != s.size()) return std::nullopt;
    return negative ? -std::numeric_limits<double>::infinity() : std::numeric_limits<double>::infinity();
  }
  if (ieq(s, p, "nan")) {
    if (p + 3 != s.size()) return std::nullopt;
    // The sign is kept: float('-nan') has its sign bit set (copysign, struct.pack see it).
    return negative ? -std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::quiet_NaN();
  }
  const size_t start = p;
  size_t int_digits = 0, frac_digits = 0;
  while (p < s.size() && is_digit(s[p])) ++p, ++int_digits;
  if (p < s.size() && s[p] == '.') {
    ++p;
    while (p < s.size() && is_digit(s[p])) ++p, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return std::nullopt;
  long exponent = 0;
  if (p < s.size() && (s[p] == 'e' || s[p] == 'E')) {
    size_t q = p + 1;
    bool exp_negative = false;
    if (q < s.size() && (s[q] == '+' || s[q] == '-')) exp_negative = s[q++] == '-';
    if (q < s.size() && is_digit(s[q])) {
      while (q < s.size() && is_digit(s[q])) {
        if (exponent < 100000000) exponent = exponent * 10 + (s[q] - '0');
        ++q;
      }
      if (exp_negative) exponent = -exponent;
      p = q;
    }
  }
  if (p != s.size()) return std::nullopt;
  double value = 0.0;
  auto res = std::from_chars(s.data() + start, s.data() + s.size(), value, std::chars_format::general);
  if (res.ec == std::errc::result_out_of_range) {
    // Overflow gives inf, underflow 0 (as strtod); tell them apart by the magnitude of
    // the first significant digit.
    std::string_view mant = s.substr(start);
    long lead = static_cast<long>(int_digits);
    size_t first = mant.find_first_of("123456789");
    size_t point = mant.find('.');
    if (point == std::string_view::npos) point = int_digits;
    lead = first < point ? static_cast<long>(point - first) : -static_cast<long>(first - point - 1);
    value = lead + exponent > 0 ? std::numeric_limits<double>::infinity() : 0.0;
  } else if (res.ec != std::errc() || res.ptr != s.data() + s.size()) {
    return std::nullopt;
  }
  return negative ? -value : value;
}

// Removes underscores that sit between two digits; nullopt if any other underscore.
// CPython: Python/pystrtod.c _Py_string_to_number_with_underscores
std::optional<std::string> strip_underscores(std::string_view s) {
  std::string out;
  char prev = 0;
  for (char c : s) {
    if (c == '_') {
      if (!is_digit(prev)) return std::nullopt;
    } else {
      if (prev == '_' && !is_digit(c)) return std::nullopt;
      out.push_back(c);
    }
    prev = c;
  }
  if (prev == '_') return std::nullopt;
  return out;
}

}  // namespace

// CPython: Python/pystrtod.c format_float_short
std::string double_to_string(double value, char code, int precision, unsigned flags) {
  const bool upper = code == 'E' || code == 'F' || code == 'G';
  char format = static_cast<char>(upper ? code - 'A' + 'a' : code);
  bool negative = std::signbit(value);
  std::string out;
  if (std::isnan(value) || std::isinf(value)) {
    if (std::isnan(value)) negative = false;
    if (negative) out += '-';
    else if (flags & kDtsfSign) out += '+';
    out += std::isnan(value) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf");
    return out;
  }
  const bool add_dot_0 = flags & kDtsfAddDot0;
  const bool alt = flags & kDtsfAlt;
  Digits d;
  switch (format) {
    case 'e':
      precision += 1;
      d = decimal_digits(std::fabs(value), 'e', precision);
      break;
    case 'f':
      d = decimal_digits(std::fabs(value), 'f', precision);
      break;
    case 'g':
      if (precision == 0) precision = 1;
      d = decimal_digits(std::fabs(value), 'e', precision);
      break;
    default:
      d = decimal_digits(std::fabs(value), 'r', 0);
      break;
  }
  if (d.digits.empty() && format != 'f') d.digits = "0";  // dtoa's "0" for zero
  const long digits_len = static_cast<long>(d.digits.size());
  long decpt = d.decpt;
  if ((flags & kDtsfNoNegZero) && negative && (digits_len == 0 || d.digits == "0")) negative = false;

  long vdigits_end = digits_len;
  bool use_exp = false;
  switch (format) {
    case 'e':
      use_exp = true;
      vdigits_end = precision;
      break;
    case 'f':
      vdigits_end = decpt + precision;
      break;
    case 'g':
      if (decpt <= -4 || decpt > (add_dot_0 ? precision - 1 : precision)) use_exp = true;
      if (alt) vdigits_end = precision;
      break;
    default:  // 'r': exponent from 1e16 on
      if (decpt <= -4 || decpt > 16) use_exp = true;
      break;
  }
  long exp = 0;
  if (use_exp) {
    exp = decpt - 1;
    decpt = 1;
  }
  const long vdigits_start = decpt <= 0 ? decpt - 1 : 0;
  if (!use_exp && add_dot_0)
    vdigits_end = std::max(vdigits_end, decpt + 1);
  else
    vdigits_end = std::max(vdigits_end, decpt);

  if (negative) out += '-';
  else if (flags & kDtsfSign) out += '+';
  if (decpt <= 0) {
    out.append(static_cast<size_t>(decpt - vdigits_start), '0');
    out += '.';
    out.append(static_cast<size_t>(-decpt), '0');
  } else {
    out.append(static_cast<size_t>(-vdigits_start), '0');
  }
  if (0 < decpt && decpt <= digits_len) {
    out.append(d.digits, 0, static_cast<size_t>(decpt));
    out += '.';
    out.append(d.digits, static_cast<size_t>(decpt));
  } else {
    out += d.digits;
  }
  if (digits_len < decpt) {
    out.append(static_cast<size_t>(decpt - digits_len), '0');
    out += '.';
    out.append(static_cast<size_t>(vdigits_end - decpt), '0');
  } else {
    out.append(static_cast<size_t>(vdigits_end - digits_len), '0');
  }
  if (out.back() == '.' && !alt) out.pop_back();
  if (use_exp) {
    char buf[16];
    const long magnitude = exp < 0 ? -exp : exp;
    out += upper ? 'E' : 'e';
    out += exp < 0 ? '-' : '+';
    if (magnitude < 10) out += '0';
    auto res = std::to_chars(buf, buf + sizeof buf, magnitude);
    out.append(buf, res.ptr);
  }
  return out;
}

// CPython: Objects/floatobject.c float_repr
std::string float_repr(double x) { return double_to_string(x, 'r', 0, kDtsfAddDot0); }

// CPython: Objects/floatobject.c PyFloat_FromString, float_from_string_inner
Result<double> parse_float(std::u32string_view text) {
  const std::string ascii = transform_decimal_and_space(text);
  auto fail = [&]() -> Error {
    return value_error("could not convert string to float: " + utf8_encode_lossless(str_repr(text)));
  };
  std::string_view s = ascii;
  if (s.find('\0') != std::string_view::npos) return fail();
  std::string without_underscores;
  if (s.find('_') != std::string_view::npos) {
    auto stripped = strip_underscores(s);
    if (!stripped) return fail();
    without_underscores = std::move(*stripped);
    s = without_underscores;
  }
  while (!s.empty() && is_ascii_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_ascii_space(s.back())) s.remove_suffix(1);
  if (s.empty()) return fail();
  auto value = strtod_whole(s);
  if (!value) return fail();
  return *value;
}

// CPython: Python/pystrtod.c PyOS_string_to_double (as the compiler calls it)
Result<double> parse_float_literal(std::string_view text) {
  auto stripped = strip_underscores(text);
  std::optional<double> value;
  if (stripped) value = strtod_whole(*stripped);
  if (!value) return value_error("could not convert string to float: '" + std::string(text) + "'");
  return *value;
}

}  // namespace gopy::prim
