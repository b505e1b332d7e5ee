// UTF-8 <-> code points and repr(str).
#include <cstdio>

#include "object/prim/unicode.hpp"

namespace gopy::prim {

namespace {

void append_utf8(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string hex(unsigned value, int width) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%0*x", width, value);
  return buf;
}

Error decode_error(std::string_view bytes, size_t start, size_t end, const char* reason) {
  std::string what;
  if (end - start == 1)
    what = "byte 0x" + hex(static_cast<unsigned char>(bytes[start]), 2) + " in position " + std::to_string(start);
  else
    what = "bytes in position " + std::to_string(start) + "-" + std::to_string(end - 1);
  return {ExceptionKind::unicode_decode_error, "'utf-8' codec can't decode " + what + ": " + reason};
}

}  // namespace

// CPython: Objects/unicodeobject.c unicode_decode_utf8 (errors='strict')
Result<std::u32string> utf8_decode(std::string_view bytes) {
  std::u32string out;
  out.reserve(bytes.size());
  size_t i = 0;
  const size_t n = bytes.size();
  auto byte = [&](size_t k) { return static_cast<unsigned char>(bytes[k]); };
  while (i < n) {
    const unsigned char b0 = byte(i);
    if (b0 < 0x80) {
      out += b0;
      ++i;
      continue;
    }
    int length;
    char32_t c;
    unsigned char lo = 0x80, hi = 0xBF;  // the valid range of the second byte
    if (b0 >= 0xC2 && b0 <= 0xDF) {
      length = 2;
      c = b0 & 0x1F;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
      length = 3;
      c = b0 & 0x0F;
      if (b0 == 0xE0) lo = 0xA0;  // overlong
      if (b0 == 0xED) hi = 0x9F;  // surrogates
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
      length = 4;
      c = b0 & 0x07;
      if (b0 == 0xF0) lo = 0x90;  // overlong
      if (b0 == 0xF4) hi = 0x8F;  // beyond U+10FFFF
    } else {
      return decode_error(bytes, i, i + 1, "invalid start byte");
    }
    for (int k = 1; k < length; ++k) {
      if (i + static_cast<size_t>(k) >= n) return decode_error(bytes, i, n, "unexpected end of data");
      const unsigned char b = byte(i + static_cast<size_t>(k));
      const unsigned char low = k == 1 ? lo : 0x80, high = k == 1 ? hi : 0xBF;
      if (b < low || b > high) return decode_error(bytes, i, i + static_cast<size_t>(k), "invalid continuation byte");
      c = (c << 6) | (b & 0x3F);
    }
    out += c;
    i += static_cast<size_t>(length);
  }
  return out;
}

// CPython: Objects/unicodeobject.c unicode_encode_utf8 (errors='strict')
Result<std::string> utf8_encode(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (c >= 0xD800 && c <= 0xDFFF) {
      return Error{ExceptionKind::unicode_encode_error, "'utf-8' codec can't encode character '\\u" + hex(c, 4) +
                                             "' in position " + std::to_string(i) + ": surrogates not allowed"};
    }
    append_utf8(c, out);
  }
  return out;
}

std::string utf8_encode_lossless(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char32_t c : text) append_utf8(c, out);
  return out;
}

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
