// UTF-8 between bytes and str text, with CPython's error handlers. str text is UTF-8 in
// which a lone surrogate keeps its 3-byte form, so every str's bytes and length agree.
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "object/prim/unicode.hpp"

namespace gopy::prim {

namespace {

constexpr const char* kEndOfData = "unexpected end of data";

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

// One sequence at bytes[i], classified as CPython's decoder does: valid (reason null), or
// the reason and the bytes the error covers. `surrogates`: the 3-byte forms of U+D800..
// U+DFFF are valid (str text), not errors (strict UTF-8).
// CPython: Objects/stringlib/codecs.h utf8_decode, Objects/unicodeobject.c unicode_decode_utf8
struct Step {
  std::size_t length;
  char32_t code_point;
  const char* reason;
};

Step step(std::string_view bytes, std::size_t i, bool surrogates) {
  auto byte = [&](std::size_t k) { return static_cast<unsigned char>(bytes[k]); };
  const unsigned char b0 = byte(i);
  if (b0 < 0x80) return {1, b0, nullptr};
  std::size_t length;
  char32_t c;
  unsigned char lo = 0x80, hi = 0xBF;  // the valid range of the second byte
  if (b0 >= 0xC2 && b0 <= 0xDF) {
    length = 2;
    c = b0 & 0x1F;
  } else if (b0 >= 0xE0 && b0 <= 0xEF) {
    length = 3;
    c = b0 & 0x0F;
    if (b0 == 0xE0) lo = 0xA0;                 // overlong
    if (b0 == 0xED && !surrogates) hi = 0x9F;  // surrogates
  } else if (b0 >= 0xF0 && b0 <= 0xF4) {
    length = 4;
    c = b0 & 0x07;
    if (b0 == 0xF0) lo = 0x90;  // overlong
    if (b0 == 0xF4) hi = 0x8F;  // beyond U+10FFFF
  } else {
    return {1, 0, "invalid start byte"};
  }
  for (std::size_t k = 1; k < length; ++k) {
    if (i + k >= bytes.size()) return {bytes.size() - i, 0, kEndOfData};
    const unsigned char b = byte(i + k);
    if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF)) return {k, 0, "invalid continuation byte"};
    c = (c << 6) | (b & 0x3F);
  }
  return {length, c, nullptr};
}

Error decode_error(std::string_view bytes, std::size_t start, std::size_t end, const char* reason) {
  std::string what;
  if (end - start == 1)
    what = "byte 0x" + hex(static_cast<unsigned char>(bytes[start]), 2) + " in position " + std::to_string(start);
  else
    what = "bytes in position " + std::to_string(start) + "-" + std::to_string(end - 1);
  return {ExceptionKind::unicode_decode_error, "'utf-8' codec can't decode " + what + ": " + reason};
}

Error encode_error(char32_t first, std::size_t start, std::size_t end) {
  std::string what = end - start == 1 ? "character '\\u" + hex(first, 4) + "' in position " + std::to_string(start)
                                      : "characters in position " + std::to_string(start) + "-" +
                                            std::to_string(end - 1);
  return {ExceptionKind::unicode_encode_error, "'utf-8' codec can't encode " + what + ": surrogates not allowed"};
}

// Bytes to str text; `surrogates` as in step(). CPython: unicode_decode_utf8 with the
// error handlers of Python/codecs.c
Result<std::string> decode(std::string_view bytes, ErrorHandler errors, bool surrogates,
                           std::size_t* consumed) {
  std::string out;
  out.reserve(bytes.size());
  std::size_t i = 0;
  while (i < bytes.size()) {
    if (static_cast<unsigned char>(bytes[i]) < 0x80) {
      out += bytes[i++];
      continue;
    }
    const Step s = step(bytes, i, surrogates);
    if (s.reason == nullptr) {
      out.append(bytes, i, s.length);
    } else if (consumed != nullptr && s.reason == kEndOfData) {
      break;  // the rest of the sequence comes with the next chunk
    } else {
      switch (errors) {
        case ErrorHandler::surrogateescape:
          for (std::size_t k = i; k < i + s.length; ++k)
            append_utf8(0xDC00 + static_cast<unsigned char>(bytes[k]), out);
          break;
        case ErrorHandler::replace: append_utf8(0xFFFD, out); break;
        case ErrorHandler::ignore: break;
        case ErrorHandler::backslashreplace:
          for (std::size_t k = i; k < i + s.length; ++k)
            out += "\\x" + hex(static_cast<unsigned char>(bytes[k]), 2);
          break;
        case ErrorHandler::strict:
        case ErrorHandler::surrogatepass: return decode_error(bytes, i, i + s.length, s.reason);
      }
    }
    i += s.length;
  }
  if (consumed != nullptr) *consumed = i;
  return out;
}

bool is_surrogate_at(std::string_view text, std::size_t i) {
  return static_cast<unsigned char>(text[i]) == 0xED && i + 2 < text.size() &&
         static_cast<unsigned char>(text[i + 1]) >= 0xA0;
}

char32_t surrogate_at(std::string_view text, std::size_t i) {
  return 0xD000 | ((static_cast<unsigned char>(text[i + 1]) & 0x3F) << 6) |
         (static_cast<unsigned char>(text[i + 2]) & 0x3F);
}

}  // namespace

ErrorHandler error_handler_named(std::string_view name) {
  if (name == "surrogateescape") return ErrorHandler::surrogateescape;
  if (name == "surrogatepass") return ErrorHandler::surrogatepass;
  if (name == "replace") return ErrorHandler::replace;
  if (name == "ignore") return ErrorHandler::ignore;
  if (name == "backslashreplace") return ErrorHandler::backslashreplace;
  return ErrorHandler::strict;
}

Result<std::string> utf8_decode_text(std::string_view bytes, ErrorHandler errors,
                                     std::size_t* consumed) {
  return decode(bytes, errors, errors == ErrorHandler::surrogatepass, consumed);
}

// CPython: Objects/stringlib/codecs.h utf8_encoder (a run of surrogates is one error; under
// surrogateescape the run is written up to its first surrogate outside U+DC80..U+DCFF)
Result<std::string> utf8_encode_text(std::string_view text, ErrorHandler errors) {
  std::string out;
  out.reserve(text.size());
  std::size_t position = 0;  // in code points
  std::size_t i = 0;
  while (i < text.size()) {
    if (!is_surrogate_at(text, i)) {
      const auto b = static_cast<unsigned char>(text[i]);
      const std::size_t length = b < 0x80 ? 1 : b < 0xE0 ? 2 : b < 0xF0 ? 3 : 4;
      out.append(text, i, length);
      i += length;
      ++position;
      continue;
    }
    std::size_t run_end = i, run_length = 0;
    while (run_end < text.size() && is_surrogate_at(text, run_end)) {
      run_end += 3;
      ++run_length;
    }
    for (std::size_t k = 0; k < run_length; ++k, i += 3, ++position) {
      const char32_t c = surrogate_at(text, i);
      switch (errors) {
        case ErrorHandler::surrogateescape:
          if (c < 0xDC80 || c > 0xDCFF) return encode_error(c, position, position + run_length - k);
          out += static_cast<char>(c - 0xDC00);
          break;
        case ErrorHandler::surrogatepass: out.append(text, i, 3); break;
        case ErrorHandler::replace: out += '?'; break;
        case ErrorHandler::ignore: break;
        case ErrorHandler::backslashreplace: out += "\\u" + hex(c, 4); break;
        case ErrorHandler::strict: return encode_error(c, position, position + run_length);
      }
    }
  }
  return out;
}

std::string fs_decode(std::string_view bytes) {
  return decode(bytes, ErrorHandler::surrogateescape, false, nullptr).value();
}

Result<std::string> fs_encode(std::string_view text) {
  return utf8_encode_text(text, ErrorHandler::surrogateescape);
}

std::size_t ascii_prefix_length(std::string_view text) {
  constexpr std::uint64_t kHighBits = 0x8080808080808080ULL;
  const char* p = text.data();
  const std::size_t n = text.size();
  std::size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    std::uint64_t word;
    std::memcpy(&word, p + i, 8);
    if (word & kHighBits) break;
  }
  // An all-ASCII text of eight bytes or more ends with one overlapping word, not a byte loop.
  if (i == (n & ~std::size_t(7)) && i != n && n >= 8) {
    std::uint64_t word;
    std::memcpy(&word, p + n - 8, 8);
    if (!(word & kHighBits)) return n;
  }
  while (i < n && static_cast<unsigned char>(p[i]) < 0x80) ++i;
  return i;
}

std::ptrdiff_t str_text_length(std::string_view text, bool* ascii) {
  std::size_t start = ascii_prefix_length(text);
  if (start == text.size()) {
    *ascii = true;
    return static_cast<std::ptrdiff_t>(start);
  }
  std::ptrdiff_t length = static_cast<std::ptrdiff_t>(start);
  bool all_ascii = true;
  for (std::size_t i = start; i < text.size(); ++length) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    all_ascii = false;
    const Step s = step(text, i, true);
    if (s.reason != nullptr) return -1;
    i += s.length;
  }
  *ascii = all_ascii;
  return length;
}

std::string str_text_repaired(std::string_view text) {
  return decode(text, ErrorHandler::surrogateescape, true, nullptr).value();
}

// CPython: Objects/unicodeobject.c unicode_decode_utf8 (errors='strict')
Result<std::u32string> utf8_decode(std::string_view bytes) {
  std::u32string out;
  out.reserve(bytes.size());
  for (std::size_t i = 0; i < bytes.size();) {
    const Step s = step(bytes, i, false);
    if (s.reason != nullptr) return decode_error(bytes, i, i + s.length, s.reason);
    out += s.code_point;
    i += s.length;
  }
  return out;
}

// CPython: Objects/unicodeobject.c unicode_encode_utf8 (errors='strict')
Result<std::string> utf8_encode(std::u32string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char32_t c = text[i];
    if (c >= 0xD800 && c <= 0xDFFF) return encode_error(c, i, i + 1);
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

}  // namespace gopy::prim
