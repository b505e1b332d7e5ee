// CPython: Objects/unicodeobject.c _PyUnicode_DecodeUnicodeEscapeInternal (messages and
// positions of its errors), Parser/string_parser.c warn_invalid_escape_sequence.
#include "eval/string_literal.hpp"

#include <cstdio>

#include "eval/parser_unicode.hpp"
#include "object/prim/unicode.hpp"

namespace gopy::parser {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::string codec_error(std::size_t start, std::size_t end_inclusive, const char* reason) {
  char buf[160];
  if (start == end_inclusive) {
    std::snprintf(buf, sizeof buf,
                  "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position "
                  "%zu: %s",
                  start, reason);
  } else {
    std::snprintf(buf, sizeof buf,
                  "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                  "%zu-%zu: %s",
                  start, end_inclusive, reason);
  }
  return buf;
}

}  // namespace

static std::string invalid_octal_warning(std::string_view esc) {
  std::string e(esc);
  return "\"\\" + e + "\" is an invalid octal escape sequence. Such sequences will not work in the "
         "future. Did you mean \"\\\\" + e + "\"? A raw string is also an option.";
}

static std::string invalid_escape_warning(std::string_view ch) {
  std::string c(ch);
  return "\"\\" + c + "\" is an invalid escape sequence. Such sequences will not work in the future. "
         "Did you mean \"\\\\" + c + "\"? A raw string is also an option.";
}

// The character of a one-letter escape (\\n, \\t, \\\\, \\', ...), or 0.
static char simple_escape(char c) {
  switch (c) {
    case '\\': return '\\';
    case '\'': return '\'';
    case '"': return '"';
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    default: return 0;
  }
}

// An octal escape whose first digit is body[*i - 1]: up to two more digits are read.
// Values above 0o377 are kept, with the SyntaxWarning CPython gives for them.
static unsigned octal_escape(std::string_view body, std::size_t start, std::size_t* i,
                             EscapeDecodeResult& result) {
  unsigned value = static_cast<unsigned>(body[*i - 1] - '0');
  for (int digits = 1; digits < 3 && *i < body.size() && body[*i] >= '0' && body[*i] <= '7'; ++digits)
    value = value * 8 + static_cast<unsigned>(body[(*i)++] - '0');
  if (value > 0377 && result.warning.empty()) {
    result.warning = invalid_octal_warning(body.substr(start + 1, 3));
    result.warning_pos = start;
  }
  return value;
}

// Copies body[*i..] up to the next escape and reads its letter into *c (*start is the
// backslash): false at the end of the body, where a lone backslash is kept. One-letter
// escapes are written and passed over.
static bool next_escape(std::string_view body, std::size_t* i, std::string& out, std::size_t* start, char* c) {
  for (;;) {
    const std::size_t next = body.find('\\', *i);
    if (next == std::string_view::npos) {
      out.append(body.substr(*i));
      *i = body.size();
      return false;
    }
    out.append(body.substr(*i, next - *i));
    *start = next;
    *i = next + 1;
    if (*i >= body.size()) {
      out += '\\';
      return false;
    }
    *c = body[(*i)++];
    if (char plain = simple_escape(*c)) {
      out += plain;
      continue;
    }
    return true;
  }
}

EscapeDecodeResult decode_string_body(std::string_view body, bool raw, std::string& out) {
  EscapeDecodeResult result;
  if (raw) {
    out.append(body);
    return result;
  }
  const std::size_t n = body.size();
  std::size_t i = 0, start = 0;
  char c = 0;
  while (next_escape(body, &i, out, &start, &c)) {
    switch (c) {
      case '\n': break;  // line continuation inside the literal
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        append_utf8(out, octal_escape(body, start, &i, result));
        break;
      case 'x':
      case 'u':
      case 'U': {
        int count = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        char32_t value = 0;
        int got = 0;
        while (got < count && i < n && hex_value(body[i]) >= 0) {
          value = value * 16 + static_cast<char32_t>(hex_value(body[i++]));
          ++got;
        }
        if (got < count) {
          const char* reason = c == 'x' ? "truncated \\xXX escape"
                               : c == 'u' ? "truncated \\uXXXX escape"
                                          : "truncated \\UXXXXXXXX escape";
          result.ok = false;
          result.error = codec_error(start, i - 1, reason);
          return result;
        }
        if (value > 0x10FFFF) {
          result.ok = false;
          result.error = codec_error(start, i - 1, "illegal Unicode character");
          return result;
        }
        append_utf8(out, value);
        break;
      }
      case 'N': {
        // CPython: Objects/unicodeobject.c _PyUnicode_DecodeUnicodeEscapeInternal2 (\N{name}
        // through the unicodedata name database; here ICU's).
        std::size_t close = body.find('}', i);
        if (i >= n || body[i] != '{' || close == std::string_view::npos || close == i + 1) {
          std::size_t end = i >= n || body[i] != '{' ? i - 1 : close == std::string_view::npos ? n - 1 : i;
          result.ok = false;
          result.error = codec_error(start, end, "malformed \\N character escape");
          return result;
        }
        int32_t cp = prim::char_from_name(std::string(body.substr(i + 1, close - i - 1)));
        if (cp < 0) {
          result.ok = false;
          result.error = codec_error(start, close, "unknown Unicode character name");
          return result;
        }
        append_utf8(out, static_cast<std::uint32_t>(cp));
        i = close + 1;
        break;
      }
      default: {
        if (result.warning.empty()) {
          std::string ch(1, c);
          // A multi-byte character after the backslash is quoted whole.
          if (static_cast<unsigned char>(c) >= 0x80) {
            std::uint32_t p = static_cast<std::uint32_t>(i - 1);
            decode_utf8(body, p);
            ch = std::string(body.substr(i - 1, p - (i - 1)));
          }
          result.warning = invalid_escape_warning(ch);
          result.warning_pos = start;
        }
        out += '\\';
        out += c;
        break;
      }
    }
  }
  return result;
}

EscapeDecodeResult decode_bytes_body(std::string_view body, bool raw, std::string& out) {
  EscapeDecodeResult result;
  if (raw) {
    out.append(body);
    return result;
  }
  const std::size_t n = body.size();
  std::size_t i = 0, start = 0;
  char c = 0;
  while (next_escape(body, &i, out, &start, &c)) {
    switch (c) {
      case '\n': break;
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7':
        out += static_cast<char>(octal_escape(body, start, &i, result) & 0xFF);
        break;
      case 'x':
        if (i + 1 < n && hex_value(body[i]) >= 0 && hex_value(body[i + 1]) >= 0) {
          out += static_cast<char>(hex_value(body[i]) * 16 + hex_value(body[i + 1]));
          i += 2;
          break;
        }
        result.ok = false;
        result.error = "(value error) invalid \\x escape at position " + std::to_string(start);
        return result;
      default:
        if (result.warning.empty()) {
          result.warning = invalid_escape_warning(std::string_view(&body[i - 1], 1));
          result.warning_pos = start;
        }
        out += '\\';
        out += c;
        break;
    }
  }
  return result;
}

}  // namespace gopy::parser
