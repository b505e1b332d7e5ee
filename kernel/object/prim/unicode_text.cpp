// repr(str).
#include <cstdio>

#include "object/prim/unicode.hpp"

namespace gopy::prim {

namespace {

std::string hex(unsigned value, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*x", width, value);
  return buf;
}

}  // namespace

// CPython: Objects/unicodeobject.c unicode_repr
std::u32string str_repr(std::u32string_view s) {
  bool has_single = false, has_double = false;
  for (char32_t c : s) {
    if (c == '\'') has_single = true;
    if (c == '"') has_double = true;
  }
  const char32_t quote = has_single && !has_double ? U'"' : U'\'';
  std::u32string out(1, quote);
  auto append_ascii = [&](const std::string& text) {
    for (char ch : text) out += static_cast<char32_t>(ch);
  };
  for (char32_t c : s) {
    if (c == quote || c == '\\') {
      out += U'\\';
      out += c;
    } else if (c == '\t') {
      append_ascii("\\t");
    } else if (c == '\n') {
      append_ascii("\\n");
    } else if (c == '\r') {
      append_ascii("\\r");
    } else if (c < ' ' || c == 0x7F) {
      append_ascii("\\x" + hex(c, 2));
    } else if (c < 0x7F || char_is_printable(c)) {
      out += c;
    } else if (c <= 0xFF) {
      append_ascii("\\x" + hex(c, 2));
    } else if (c <= 0xFFFF) {
      append_ascii("\\u" + hex(c, 4));
    } else {
      append_ascii("\\U" + hex(c, 8));
    }
  }
  out += quote;
  return out;
}

}  // namespace gopy::prim
