// Decoding the body of a str literal: backslash escapes to UTF-8.
// CPython: Parser/string_parser.c decode_unicode_with_escapes and
// Objects/unicodeobject.c _PyUnicode_DecodeUnicodeEscapeInternal.
#pragma once

#include <string>
#include <string_view>

namespace gopy::parser {

struct EscapeDecodeResult {
  bool ok = true;
  std::string error;            // CPython's "(unicode error) 'unicodeescape' codec ..." text
  std::string warning;          // the first invalid escape's SyntaxWarning text, if any
  std::size_t warning_pos = 0;  // byte offset of that escape's backslash in the body
};

// Appends the decoded `body` (the text between the quotes) to `out`. Raw literals are
// copied as they are. Unknown escapes (`\d`) are kept with their backslash and reported
// as a warning, as CPython does; lone surrogates (`\ud800`) are written in their 3-byte
// form.
EscapeDecodeResult decode_string_body(std::string_view body, bool raw, std::string& out);
// The same for a bytes literal (raw bytes out; the body must be ASCII): \u, \U and \N
// are not escapes there, an octal escape above 0o377 keeps its low byte, and a bad \x
// is "(value error) invalid \x escape at position N". CPython: Objects/bytesobject.c
// _PyBytes_DecodeEscape2
EscapeDecodeResult decode_bytes_body(std::string_view body, bool raw, std::string& out);

}  // namespace gopy::parser
