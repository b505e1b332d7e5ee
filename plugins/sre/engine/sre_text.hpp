// Text helpers of the engine: UTF-8 of code points and Python's repr of a name, for the
// error messages.
#pragma once

#include <string>
#include <string_view>

#include "object/prim/unicode.hpp"

namespace gopy::sre {

inline std::string utf8(std::u32string_view s) { return prim::utf8_encode_lossless(s); }
inline std::string py_repr(std::u32string_view s) { return utf8(prim::str_repr(s)); }
// Non-ASCII code points as Python's backslashreplace writes them (\xe9, \u20ac).
inline std::string ascii_escaped(std::u32string_view s) {
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (char32_t c : s) {
    if (c < 128) {
      out += static_cast<char>(c);
      continue;
    }
    int digits = c < 0x100 ? 2 : c < 0x10000 ? 4 : 8;
    out += '\\';
    out += digits == 2 ? 'x' : digits == 4 ? 'u' : 'U';
    for (int i = digits - 1; i >= 0; --i) out += kHex[(c >> (4 * i)) & 15];
  }
  return out;
}
// ascii(s) for a name; a message made ASCII (CPython's bytes patterns).
inline std::string py_ascii(std::u32string_view s) { return ascii_escaped(prim::str_repr(s)); }
inline std::string ascii_text(const std::string& msg) { return ascii_escaped(prim::utf8_decode(msg).value()); }
// Latin-1 bytes of code points below 256.
inline std::string latin1(std::u32string_view s) { return std::string(s.begin(), s.end()); }

}  // namespace gopy::sre
