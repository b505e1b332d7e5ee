// The format-spec mini-language for int, float and str.
// CPython: Python/formatter_unicode.c
#include "object/prim/format.hpp"

#include <algorithm>
#include <climits>
#include <cstdio>
#include <vector>

#include "object/prim/double_to_string.hpp"
#include "object/prim/float.hpp"
#include "object/prim/storage.hpp"
#include "object/prim/unicode.hpp"

namespace gopy::prim {

namespace {

using Grouping = FormatSpec::Grouping;

// Whether a result of `length` characters can be built: a width or precision asks for
// as many characters as it says, and only an allocation that cannot succeed is a
// MemoryError (CPython: PyUnicode_New failing in the formatters).
bool fits_in_memory(int64_t length) {
  return length < 0 || can_allocate(static_cast<size_t>(length), sizeof(char32_t));
}

std::string type_char_text(char32_t type) {
  if (type > 32 && type < 128) return std::string(1, static_cast<char>(type));
  char buf[16];
  snprintf(buf, sizeof buf, "\\x%x", static_cast<unsigned>(type));
  return buf;
}

// CPython: Python/formatter_unicode.c unknown_presentation_type
Error unknown_presentation_type(char32_t type, std::string_view type_name) {
  return value_error("Unknown format code '" + type_char_text(type) + "' for object of type '" +
                     std::string(type_name) + "'");
}

// CPython: Python/formatter_unicode.c invalid_thousands_separator_type
Error invalid_thousands_separator_type(Grouping specifier, char32_t type) {
  const char sep = specifier == Grouping::comma ? ',' : '_';
  return value_error(std::string("Cannot specify '") + sep + "' with '" + type_char_text(type) + "'.");
}

Error invalid_comma_and_underscore() { return value_error("Cannot specify both ',' and '_'."); }

bool is_alignment_token(char32_t c) { return c == '<' || c == '>' || c == '=' || c == '^'; }
bool is_sign_element(char32_t c) { return c == ' ' || c == '+' || c == '-'; }

// Consumes decimal digits (Unicode decimals count, as Py_UNICODE_TODECIMAL).
// Returns the count, or -1 on overflow. CPython: Python/formatter_unicode.c get_integer
int64_t get_integer(std::u32string_view s, size_t& pos, int64_t& result) {
  int64_t accumulator = 0, count = 0;
  for (; pos < s.size(); ++pos, ++count) {
    const int d = char_decimal_value(s[pos]);
    if (d < 0) break;
    if (accumulator > (INT64_MAX - d) / 10) return -1;
    accumulator = accumulator * 10 + d;
  }
  result = accumulator;
  return count;
}

// The digits, separators and zero padding of one run of digits, as CPython's
// _PyUnicode_InsertThousandsGrouping: `group` digits per group (0 = no grouping),
// padded with zeros to `min_width`; `forward` groups from the left (fractions).
std::u32string group_digits(std::string_view digits, int64_t min_width, int group, char32_t sep,
                            bool forward) {
  min_width = std::max<int64_t>(0, min_width);
  std::vector<std::u32string> pieces;  // in the order produced (from the far end when !forward)
  int64_t remaining = static_cast<int64_t>(digits.size());
  size_t pos = forward ? 0 : digits.size();
  bool use_separator = false;
  auto emit = [&](int64_t len) {
    const int64_t n_zeros = std::max<int64_t>(0, len - remaining);
    const int64_t n_chars = std::max<int64_t>(0, std::min(remaining, len));
    std::u32string piece;
    std::u32string chars;
    if (forward) {
      for (int64_t i = 0; i < n_chars; ++i) chars += static_cast<char32_t>(digits[pos++]);
    } else {
      pos -= static_cast<size_t>(n_chars);
      for (int64_t i = 0; i < n_chars; ++i) chars += static_cast<char32_t>(digits[pos + static_cast<size_t>(i)]);
    }
    if (forward) {
      if (use_separator) piece += sep;
      piece += chars;
      piece.append(static_cast<size_t>(n_zeros), U'0');
    } else {
      piece.append(static_cast<size_t>(n_zeros), U'0');
      piece += chars;
      if (use_separator) piece += sep;
    }
    pieces.push_back(std::move(piece));
    use_separator = true;
    remaining -= n_chars;
  };
  bool loop_broken = false;
  if (group > 0) {
    const int64_t sep_len = 1;
    while (true) {
      const int64_t len = std::min<int64_t>(group, std::max<int64_t>(std::max(remaining, min_width), 1));
      emit(len);
      min_width -= len;
      if (remaining <= 0 && min_width <= 0) {
        loop_broken = true;
        break;
      }
      min_width -= sep_len;
    }
  }
  if (!loop_broken) emit(std::max<int64_t>(std::max(remaining, min_width), 1));
  std::u32string out;
  if (forward) {
    for (auto& p : pieces) out += p;
  } else {
    for (auto it = pieces.rbegin(); it != pieces.rend(); ++it) out += *it;
  }
  return out;
}

int group_size(Grouping g) {
  switch (g) {
    case Grouping::none: return 0;
    case Grouping::underscore_four: return 4;
    default: return 3;
  }
}

char32_t group_separator(Grouping g) { return g == Grouping::comma ? U',' : U'_'; }

// Lays out a number: <lpadding><sign><prefix><spadding><grouped digits><decimal>
// <grouped fraction><remainder><rpadding>. `number` holds ASCII digits, then optionally
// ".", fraction digits, and a remainder (exponent, '%', or the character of 'c').
// CPython: Python/formatter_unicode.c calc_number_widths, fill_number
std::u32string layout_number(const FormatSpec& spec, bool negative, std::string_view prefix,
                             std::string_view digits, bool has_decimal, std::string_view frac,
                             std::u32string_view remainder, bool upper) {
  std::u32string sign;
  if (spec.sign == '+') sign = negative ? U"-" : U"+";
  else if (spec.sign == ' ') sign = negative ? U"-" : U" ";
  else if (negative) sign = U"-";

  // The fraction is grouped only when asked ('.3_f'); separators count towards the width.
  const int frac_group = spec.frac_grouping == Grouping::none ? 0 : 3;
  std::u32string grouped_frac;
  if (!frac.empty()) {
    grouped_frac = frac_group ? group_digits(frac, static_cast<int64_t>(frac.size()), frac_group,
                                             group_separator(spec.frac_grouping), true)
                              : group_digits(frac, static_cast<int64_t>(frac.size()), 0, 0, true);
  }
  const int64_t n_non_digit = static_cast<int64_t>(sign.size() + prefix.size()) + (has_decimal ? 1 : 0) +
                              static_cast<int64_t>(frac.size() + remainder.size());
  int64_t min_width = 0;
  if (spec.fill == U'0' && spec.align == U'=')
    min_width = spec.width - n_non_digit + static_cast<int64_t>(frac.size()) -
                static_cast<int64_t>(grouped_frac.size());
  // A spec with a fraction grouping but no integer grouping still groups by 3 with no
  // separator, which is no grouping at all.
  std::u32string grouped;
  if (!digits.empty()) {
    const int g = group_size(spec.grouping);
    grouped = group_digits(digits, min_width, g, g ? group_separator(spec.grouping) : 0, false);
  }
  if (upper) {
    for (auto& c : grouped)
      if (c >= 'a' && c <= 'z') c = c - 'a' + 'A';
  }
  const int64_t used = n_non_digit + static_cast<int64_t>(grouped.size() + grouped_frac.size()) -
                       static_cast<int64_t>(frac.size());
  const int64_t padding = std::max<int64_t>(0, spec.width - used);
  int64_t lpad = 0, spad = 0, rpad = 0;
  switch (spec.align) {
    case '<': rpad = padding; break;
    case '^': lpad = padding / 2; rpad = padding - lpad; break;
    case '=': spad = padding; break;
    default: lpad = padding; break;
  }
  std::u32string out;
  out.append(static_cast<size_t>(lpad), spec.fill);
  out += sign;
  for (char c : prefix) out += static_cast<char32_t>(upper && c >= 'a' && c <= 'z' ? c - 'a' + 'A' : c);
  out.append(static_cast<size_t>(spad), spec.fill);
  out += grouped;
  if (has_decimal) out += U'.';
  out += grouped_frac;
  out += remainder;
  out.append(static_cast<size_t>(rpad), spec.fill);
  return out;
}

std::u32string ascii_to_u32(std::string_view s) { return std::u32string(s.begin(), s.end()); }

// CPython: Python/formatter_unicode.c format_float_internal
Result<std::u32string> format_float_internal(double value, const FormatSpec& spec) {
  if (spec.precision > INT_MAX) return value_error("precision too big");
  if (!fits_in_memory(spec.precision) || !fits_in_memory(spec.width)) return memory_error();
  int precision = static_cast<int>(spec.precision);
  int default_precision = 6;
  char32_t type = spec.type;
  unsigned flags = 0;
  if (spec.alternate) flags |= kDtsfAlt;
  if (spec.no_neg_zero) flags |= kDtsfNoNegZero;
  if (type == 0) {
    // No type: like repr without a precision, else like 'g' with at least one decimal.
    flags |= kDtsfAddDot0;
    type = 'r';
    default_precision = 0;
  }
  if (type == 'n') type = 'g';  // gopy formats 'n' in the C locale: '.' and no grouping
  bool add_pct = false;
  if (type == '%') {
    type = 'f';
    value *= 100;
    add_pct = true;
  }
  if (precision < 0) precision = default_precision;
  else if (type == 'r') type = 'g';
  std::string text = double_to_string(value, static_cast<char>(type), precision, flags);
  if (add_pct) text += '%';
  if (spec.sign != '+' && spec.sign != ' ' && spec.width == -1 && spec.type != 'n' &&
      spec.grouping == Grouping::none && spec.frac_grouping == Grouping::none)
    return ascii_to_u32(text);
  std::string_view body = text;
  bool negative = false;
  if (!body.empty() && body[0] == '-') {
    negative = true;
    body.remove_prefix(1);
  }
  // CPython: Python/formatter_unicode.c parse_number
  size_t pos = 0;
  while (pos < body.size() && body[pos] >= '0' && body[pos] <= '9') ++pos;
  std::string_view digits = body.substr(0, pos);
  const bool has_decimal = pos < body.size() && body[pos] == '.';
  if (has_decimal) ++pos;
  const size_t frac_start = pos;
  while (pos < body.size() && body[pos] >= '0' && body[pos] <= '9') ++pos;
  std::string_view frac = body.substr(frac_start, pos - frac_start);
  return layout_number(spec, negative, "", digits, has_decimal, frac, ascii_to_u32(body.substr(pos)), false);
}

// CPython: Python/formatter_unicode.c format_long_internal
Result<std::u32string> format_int_internal(const Int& value, const FormatSpec& spec,
                                           int64_t max_str_digits) {
  if (spec.precision != -1) return value_error("Precision not allowed in integer format specifier");
  if (!fits_in_memory(spec.width)) return memory_error();
  if (spec.no_neg_zero)
    return value_error("Negative zero coercion (z) not allowed in integer format specifier");
  if (spec.type == 'c') {
    if (spec.sign != 0) return value_error("Sign not allowed with integer format specifier 'c'");
    if (spec.alternate) return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
    auto small = value.to_int64();
    if (!small) return overflow_error("Python int too large to convert to C long");
    if (*small < 0 || *small > 0x10ffff) return overflow_error("%c arg not in range(0x110000)");
    std::u32string ch(1, static_cast<char32_t>(*small));
    return layout_number(spec, false, "", "", false, "", ch, false);
  }
  int base = 10;
  std::string_view prefix;
  switch (spec.type) {
    case 'b': base = 2; prefix = "0b"; break;
    case 'o': base = 8; prefix = "0o"; break;
    case 'x':
    case 'X': base = 16; prefix = "0x"; break;
    default: break;
  }
  std::string digits;
  if (base == 10) {
    auto decimal = int_to_decimal(int_abs(value), max_str_digits);
    if (!decimal) return decimal.error();
    digits = std::move(*decimal);
  } else {
    digits = int_to_base(int_abs(value), base, false);
  }
  return layout_number(spec, value.is_negative(), spec.alternate ? prefix : "", digits, false, "", U"",
                       spec.type == 'X');
}

}  // namespace

// CPython: Python/formatter_unicode.c parse_internal_render_format_spec
Result<FormatSpec> parse_format_spec(std::u32string_view s, std::string_view type_name,
                                     char default_type, char default_align) {
  FormatSpec f;
  f.align = static_cast<char32_t>(default_align);
  f.type = static_cast<char32_t>(default_type);
  size_t pos = 0;
  const size_t end = s.size();
  bool align_specified = false, fill_specified = false;
  if (end - pos >= 2 && is_alignment_token(s[pos + 1])) {
    f.align = s[pos + 1];
    f.fill = s[pos];
    fill_specified = align_specified = true;
    pos += 2;
  } else if (end - pos >= 1 && is_alignment_token(s[pos])) {
    f.align = s[pos];
    align_specified = true;
    ++pos;
  }
  if (end - pos >= 1 && is_sign_element(s[pos])) f.sign = s[pos++];
  if (end - pos >= 1 && s[pos] == 'z') {
    f.no_neg_zero = true;
    ++pos;
  }
  if (end - pos >= 1 && s[pos] == '#') {
    f.alternate = true;
    ++pos;
  }
  if (!fill_specified && end - pos >= 1 && s[pos] == '0') {
    f.fill = U'0';
    if (!align_specified && default_align == '>') f.align = U'=';
    ++pos;
  }
  const Error too_many = value_error("Too many decimal digits in format string");
  int64_t consumed = get_integer(s, pos, f.width);
  if (consumed < 0) return too_many;
  if (consumed == 0) f.width = -1;
  if (end - pos && s[pos] == ',') {
    f.grouping = Grouping::comma;
    ++pos;
  }
  if (end - pos && s[pos] == '_') {
    if (f.grouping != Grouping::none) return invalid_comma_and_underscore();
    f.grouping = Grouping::underscore;
    ++pos;
  }
  if (end - pos && s[pos] == ',' && f.grouping == Grouping::underscore) return invalid_comma_and_underscore();
  if (end - pos && s[pos] == '.') {
    ++pos;
    consumed = get_integer(s, pos, f.precision);
    if (consumed < 0) return too_many;
    if (end - pos && s[pos] == ',') {
      if (consumed == 0) f.precision = -1;
      f.frac_grouping = Grouping::comma;
      ++pos;
      ++consumed;
    }
    if (end - pos && s[pos] == '_') {
      if (f.frac_grouping != Grouping::none) return invalid_comma_and_underscore();
      if (consumed == 0) f.precision = -1;
      f.frac_grouping = Grouping::underscore;
      ++pos;
      ++consumed;
    }
    if (end - pos && s[pos] == ',' && f.frac_grouping == Grouping::underscore)
      return invalid_comma_and_underscore();
    if (consumed == 0) return value_error("Format specifier missing precision");
  }
  if (end - pos > 1) {
    return value_error("Invalid format specifier '" + utf8_encode_lossless(s) + "' for object of type '" +
                       std::string(type_name) + "'");
  }
  if (end - pos == 1) f.type = s[pos++];
  if (f.grouping != Grouping::none) {
    switch (f.type) {
      case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
        break;
      case 'b': case 'o': case 'x': case 'X':
        if (f.grouping == Grouping::underscore) {
          f.grouping = Grouping::underscore_four;
          break;
        }
        return invalid_thousands_separator_type(f.grouping, f.type);
      default:
        return invalid_thousands_separator_type(f.grouping, f.type);
    }
  }
  if (f.type == 'n' && f.frac_grouping != Grouping::none)
    return invalid_thousands_separator_type(f.frac_grouping, f.type);
  return f;
}

// CPython: Python/formatter_unicode.c _PyLong_FormatAdvancedWriter
Result<std::u32string> format_int(const Int& value, std::u32string_view spec, std::string_view type_name,
                                  int64_t max_str_digits) {
  if (spec.empty()) {
    auto text = int_to_decimal(value, max_str_digits);
    if (!text) return text.error();
    return ascii_to_u32(*text);
  }
  auto parsed = parse_format_spec(spec, type_name, 'd', '>');
  if (!parsed) return parsed.error();
  switch (parsed->type) {
    case 'b': case 'c': case 'd': case 'o': case 'x': case 'X': case 'n':
      return format_int_internal(value, *parsed, max_str_digits);
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
      auto as_double = int_to_double(value);
      if (!as_double) return as_double.error();
      return format_float_internal(*as_double, *parsed);
    }
    default:
      return unknown_presentation_type(parsed->type, type_name);
  }
}

// CPython: Python/formatter_unicode.c _PyFloat_FormatAdvancedWriter
Result<std::u32string> format_float(double value, std::u32string_view spec, std::string_view type_name) {
  if (spec.empty()) return ascii_to_u32(float_repr(value));
  auto parsed = parse_format_spec(spec, type_name, 0, '>');
  if (!parsed) return parsed.error();
  switch (parsed->type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': case '%':
      return format_float_internal(value, *parsed);
    default:
      return unknown_presentation_type(parsed->type, type_name);
  }
}

// CPython: Python/formatter_unicode.c format_string_internal
Result<std::u32string> format_str(std::u32string_view value, std::u32string_view spec, std::string_view type_name) {
  if (spec.empty()) return std::u32string(value);
  auto parsed = parse_format_spec(spec, type_name, 's', '<');
  if (!parsed) return parsed.error();
  const FormatSpec& f = *parsed;
  if (f.type != 's') return unknown_presentation_type(f.type, type_name);
  if (f.sign != 0) {
    if (f.sign == ' ') return value_error("Space not allowed in string format specifier");
    return value_error("Sign not allowed in string format specifier");
  }
  if (f.no_neg_zero)
    return value_error("Negative zero coercion (z) not allowed in string format specifier");
  if (f.alternate) return value_error("Alternate form (#) not allowed in string format specifier");
  if (f.align == '=') return value_error("'=' alignment not allowed in string format specifier");
  if (!fits_in_memory(f.width)) return memory_error();
  int64_t len = static_cast<int64_t>(value.size());
  if (f.precision >= 0 && len >= f.precision) len = f.precision;
  const int64_t total = std::max(len, f.width);
  int64_t lpad = 0;
  if (f.align == '>') lpad = total - len;
  else if (f.align == '^') lpad = (total - len) / 2;
  std::u32string out;
  out.append(static_cast<size_t>(lpad), f.fill);
  out.append(value.substr(0, static_cast<size_t>(len)));
  out.append(static_cast<size_t>(total - len - lpad), f.fill);
  return out;
}

}  // namespace gopy::prim
