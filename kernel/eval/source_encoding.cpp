// PEP 263: a source file's coding declaration, and CPython 3.14's errors for unknown
// encodings and for bytes that are not UTF-8 when nothing is declared.
// CPython: Parser/tokenizer/helpers.c get_coding_spec, get_normal_name,
// _PyTokenizer_check_coding_spec, _PyTokenizer_raise_init_error, _PyTokenizer_ensure_utf8.
#include <cctype>
#include <cstdio>
#include <string>
#include <string_view>

#include "eval/compiler.hpp"
#include "eval/parser_unicode.hpp"
#include "gopy/codecs.hpp"
#include "gopy/eval.hpp"
#include "gopy/object_exc.hpp"

namespace gopy {
namespace {

// "utf_8", "UTF-8-unix" -> "utf-8"; "latin_1", "iso-8859-1-x" -> "iso-8859-1".
std::string normal_name(std::string spec) {
  std::string low;
  for (std::size_t i = 0; i < spec.size() && i < 12; ++i)
    low += spec[i] == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(spec[i])));
  auto is = [&](std::string_view name) { return low == name || low.starts_with(std::string(name) + "-"); };
  if (is("utf-8")) return "utf-8";
  if (is("latin-1") || is("iso-8859-1") || is("iso-latin-1")) return "iso-8859-1";
  return spec;
}

// The coding spec of one line: `# ... coding[:=] name` in a comment-only line, or "".
// `stop` is set when the line holds code (no declaration may follow it).
std::string coding_spec(std::string_view line, bool* stop) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '\f')) ++i;
  if (i == line.size() || line[i] == '\n' || line[i] == '\r') return "";
  if (line[i] != '#') {
    *stop = true;
    return "";
  }
  for (std::size_t at = line.find("coding", i); at != std::string_view::npos; at = line.find("coding", at + 1)) {
    std::size_t t = at + 6;
    if (t >= line.size() || (line[t] != ':' && line[t] != '=')) continue;
    do ++t;
    while (t < line.size() && (line[t] == ' ' || line[t] == '\t'));
    std::size_t begin = t;
    while (t < line.size() && (std::isalnum(static_cast<unsigned char>(line[t])) || line[t] == '-' ||
                               line[t] == '_' || line[t] == '.'))
      ++t;
    if (t > begin) return normal_name(std::string(line.substr(begin, t - begin)));
  }
  return "";
}

// The declaration on line 1, or on line 2 after a comment-only or blank line 1.
std::string declared_encoding(std::string_view source) {
  if (source.starts_with("\xEF\xBB\xBF")) source.remove_prefix(3);
  bool stop = false;
  for (int line = 0; line < 2 && !stop && !source.empty(); ++line) {
    std::size_t nl = source.find('\n');
    std::string_view text = source.substr(0, nl == std::string_view::npos ? source.size() : nl + 1);
    std::string spec = coding_spec(text, &stop);
    if (!spec.empty()) return spec;
    if (nl == std::string_view::npos) break;
    source.remove_prefix(nl + 1);
  }
  return "";
}

// The length of the valid UTF-8 sequence starting `s`, or 0 (overlong forms, surrogates
// and code points past U+10FFFF are invalid). CPython: helpers.c valid_utf8.
std::size_t valid_utf8_length(std::string_view s) {
  auto byte = [&](std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
  unsigned char b = byte(0);
  std::size_t extra;
  if (b < 0x80) return 1;
  if (b < 0xC2) return 0;
  if (b < 0xE0) {
    extra = 1;
  } else if (b < 0xF0) {
    if ((b == 0xE0 && byte(1) < 0xA0) || (b == 0xED && byte(1) >= 0xA0)) return 0;
    extra = 2;
  } else if (b < 0xF5) {
    if (byte(1) < 0x90 ? b == 0xF0 : b == 0xF4) return 0;
    extra = 3;
  } else {
    return 0;
  }
  for (std::size_t i = 1; i <= extra; ++i)
    if (byte(i) < 0x80 || byte(i) >= 0xC0) return 0;
  return extra + 1;
}

// How many bytes one U+FFFD replaces at an invalid sequence: the start byte and the
// continuation bytes that could still have completed it (the "maximal subpart" CPython's
// UTF-8 decoder replaces as a whole). CPython: Objects/stringlib/codecs.h utf8_decode.
std::size_t invalid_prefix_length(std::string_view s) {
  auto byte = [&](std::size_t i) { return i < s.size() ? static_cast<unsigned char>(s[i]) : 0u; };
  unsigned char b = byte(0);
  std::size_t expected = b >= 0xC2 && b < 0xE0 ? 1 : b >= 0xE0 && b < 0xF0 ? 2 : b >= 0xF0 && b < 0xF5 ? 3 : 0;
  std::size_t n = 1;
  for (; n <= expected; ++n) {
    unsigned char c = byte(n);
    unsigned char lo = 0x80, hi = 0xBF;
    if (n == 1) {
      if (b == 0xE0) lo = 0xA0;
      if (b == 0xED) hi = 0x9F;
      if (b == 0xF0) lo = 0x90;
      if (b == 0xF4) hi = 0x8F;
    }
    if (c < lo || c > hi) break;
  }
  return n;
}

std::string error_text() {
  Object* exc = fetch_error();
  Object* text = exc ? object_str(exc) : nullptr;
  std::string msg = text ? std::string(as_str(text)->view()) : "source decoding failed";
  if (!text) clear_error();
  xdecref(text);
  xdecref(exc);
  return msg;
}

// An unknown encoding: SyntaxError(str(LookupError), (filename, 0, -1, None)) (CPython:
// _PyTokenizer_raise_init_error). Bytes the declared codec cannot decode:
// "(unicode error) <UnicodeDecodeError>" on the line holding them, shown decoded with
// errors="replace" (CPython: _Pypegen_raise_decode_error).
bool raise_decoding_error(const std::string& source, const std::string& encoding, const std::string& filename) {
  bool unknown = error_matches(&exc_LookupError) && !error_matches(&exc_UnicodeError);
  std::string msg = error_text();
  if (unknown) {
    raise_syntax_error("SyntaxError", msg, filename, 0, -1, "", 0, -1);
    return false;
  }
  int lineno = 1;
  std::string shown;
  for (std::size_t start = 0; start < source.size(); ++lineno) {
    std::size_t nl = source.find('\n', start);
    std::string line = source.substr(start, nl == std::string::npos ? std::string::npos : nl - start + 1);
    if (Object* ok = codec_decode(line, encoding, "strict")) {
      decref(ok);
    } else {
      clear_error();
      if (Object* replaced = codec_decode(line, encoding, "replace")) {
        shown = std::string(as_str(replaced)->view());
        decref(replaced);
      } else {
        clear_error();
      }
      break;
    }
    if (nl == std::string::npos) break;
    start = nl + 1;
  }
  raise_syntax_error("SyntaxError", "(unicode error) " + msg, filename, lineno, -1, shown, lineno, -1);
  return false;
}

}  // namespace

bool decode_source_file(std::string* source, const std::string& filename) {
  std::string encoding = declared_encoding(*source);
  if (!encoding.empty() && encoding != "utf-8") {
    Object* text = codec_decode(*source, encoding, "strict");
    if (!text) return raise_decoding_error(*source, encoding, filename);
    *source = std::string(as_str(text)->view());
    decref(text);
    return true;
  }
  long bad = parser::find_invalid_utf8(*source);
  if (bad < 0) return true;
  // The line holding the first invalid byte, its column in characters, and its text
  // decoded with errors="replace" (never the raw bytes).
  std::size_t line_start = source->rfind('\n', static_cast<std::size_t>(bad));
  line_start = line_start == std::string::npos ? 0 : line_start + 1;
  int lineno = 1;
  for (std::size_t i = 0; i < line_start; ++i) lineno += (*source)[i] == '\n';
  std::size_t line_end = source->find('\n', static_cast<std::size_t>(bad));
  std::string line = source->substr(line_start, line_end == std::string::npos ? std::string::npos : line_end - line_start + 1);
  std::string shown;
  int column = 0;
  bool counting = true;
  for (std::size_t i = 0; i < line.size();) {
    std::size_t len = valid_utf8_length(std::string_view(line).substr(i));
    if (i == static_cast<std::size_t>(bad) - line_start) counting = false;
    if (len == 0) {
      shown += "\xEF\xBF\xBD";  // U+FFFD
      i += invalid_prefix_length(std::string_view(line).substr(i));
    } else {
      shown.append(line, i, len);
      i += len;
    }
    if (counting) ++column;
  }
  char head[64];
  std::snprintf(head, sizeof head, "Non-UTF-8 code starting with '\\x%02x' in file ",
                static_cast<unsigned char>((*source)[static_cast<std::size_t>(bad)]));
  std::string msg = head + filename + " on line " + std::to_string(lineno) +
                    ", but no encoding declared; see https://peps.python.org/pep-0263/ for details";
  raise_syntax_error("SyntaxError", msg, filename, lineno, column + 1, shown, lineno, column + 1);
  return false;
}

}  // namespace gopy
