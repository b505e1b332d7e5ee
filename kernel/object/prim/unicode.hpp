// Unicode over code points: case mapping, the character classes str methods use, line
// breaks, UTF-8 and str repr. ASCII is answered here; other characters ask
// libgopy_unicode.so (ICU), which is loaded on first use so start-up never maps ICU.
// The character database is ICU's (Unicode 15 on Debian 12; CPython 3.14 has Unicode 16).
#pragma once
#include "gopy/api_begin.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "object/prim/result.hpp"

namespace gopy::prim {

// Whole-string case operations with full (SpecialCasing) mappings.
// CPython: Objects/unicodeobject.c do_upper, do_lower (final sigma), do_casefold,
// do_title, do_capitalize, do_swapcase
std::u32string str_upper(std::u32string_view s);
std::u32string str_lower(std::u32string_view s);
std::u32string str_casefold(std::u32string_view s);
std::u32string str_title(std::u32string_view s);
std::u32string str_capitalize(std::u32string_view s);
std::u32string str_swapcase(std::u32string_view s);

// str predicates (false for the empty string, except isidentifier/isprintable rules as CPython).
// CPython: Objects/unicodeobject.c unicode_isalpha_impl ... unicode_isidentifier_impl
bool str_isalpha(std::u32string_view s);
bool str_isdigit(std::u32string_view s);
bool str_isdecimal(std::u32string_view s);
bool str_isnumeric(std::u32string_view s);
bool str_isalnum(std::u32string_view s);
bool str_isspace(std::u32string_view s);
bool str_isupper(std::u32string_view s);
bool str_islower(std::u32string_view s);
bool str_istitle(std::u32string_view s);
bool str_isprintable(std::u32string_view s);  // true for ""
bool str_isidentifier(std::u32string_view s);
bool str_isascii(std::u32string_view s);  // true for ""

// Single characters. CPython: Objects/unicodectype.c and Include/cpython/unicodeobject.h
bool char_is_space(char32_t c);      // Py_UNICODE_ISSPACE (includes \x1c-\x1f)
bool char_is_linebreak(char32_t c);  // Py_UNICODE_ISLINEBREAK
bool char_is_alpha(char32_t c);
bool char_is_decimal(char32_t c);
bool char_is_digit(char32_t c);
bool char_is_numeric(char32_t c);
bool char_is_printable(char32_t c);
bool char_is_upper(char32_t c);
bool char_is_lower(char32_t c);
bool char_is_title(char32_t c);
bool char_is_cased(char32_t c);
bool char_is_case_ignorable(char32_t c);
bool char_is_xid_start(char32_t c);
bool char_is_xid_continue(char32_t c);
int char_decimal_value(char32_t c);  // 0..9, or -1. CPython: _PyUnicode_ToDecimalDigit
int char_digit_value(char32_t c);    // 0..9, or -1. CPython: _PyUnicode_ToDigit
// The code point a \N{name} escape names (Unicode names and aliases), or -1.
// CPython: Modules/unicodedata.c _getcode
int32_t char_from_name(const std::string& name);
// NFKC of UTF-8 text (PEP 3131 identifiers); false when the database is unavailable.
// CPython: Parser/pegen.c _PyPegen_new_identifier
bool nfkc_normalize(std::string_view utf8, std::string* out);

// Unicode decimal digits become '0'..'9', Unicode spaces ' ', other non-ASCII '?'; the
// ASCII text int() and float() parse. CPython: Objects/unicodeobject.c
// _PyUnicode_TransformDecimalAndSpaceToASCII
std::string transform_decimal_and_space(std::u32string_view s);

// repr(str): quotes chosen as CPython does, escapes for non-printable characters.
// CPython: Objects/unicodeobject.c unicode_repr
std::u32string str_repr(std::u32string_view s);

// UTF-8 <-> code points. Decoding is strict ("'utf-8' codec can't decode byte 0xff in
// position 0: invalid start byte", UnicodeDecodeError); encoding rejects lone surrogates
// ("'utf-8' codec can't encode character '\udc80' in position 0: surrogates not allowed").
// CPython: Objects/unicodeobject.c unicode_decode_utf8, unicode_encode_utf8
Result<std::u32string> utf8_decode(std::string_view bytes);
Result<std::string> utf8_encode(std::u32string_view text);
// Encoding that cannot fail: lone surrogates are written as their 3-byte form (surrogatepass).
std::string utf8_encode_lossless(std::u32string_view text);

// str text is UTF-8 in which a lone surrogate keeps its 3-byte form (as chr(0xDC80) makes).
// Bytes from outside (the command line, the environment, file names, streams) become str
// text through a codec and an error handler; str text goes back out the same way.
// CPython: Python/codecs.c (the error handlers), Objects/unicodeobject.c
enum class ErrorHandler { strict, surrogateescape, surrogatepass, replace, ignore, backslashreplace };
// The handler of that name ("strict" for a name gopy does not know).
ErrorHandler error_handler_named(std::string_view name);
// Bytes to str text. With `consumed`, a sequence cut off at the end is no error: it stays
// undecoded and *consumed says how far decoding got (an incremental decoder's chunk).
Result<std::string> utf8_decode_text(std::string_view bytes, ErrorHandler errors,
                                     std::size_t* consumed = nullptr);
// str text to bytes ("'utf-8' codec can't encode character '\udcf0' in position 0:
// surrogates not allowed" under strict).
Result<std::string> utf8_encode_text(std::string_view text, ErrorHandler errors);
// The file-system codec (UTF-8 with surrogateescape, as CPython's on Linux): decoding never
// fails, and encoding gives the original bytes back.
// CPython: Python/fileutils.c _Py_DecodeUTF8Ex, _Py_EncodeUTF8Ex
std::string fs_decode(std::string_view bytes);
Result<std::string> fs_encode(std::string_view text);
// The length in code points of well-formed str text (setting *ascii), or -1 when `text` is
// not str text.
std::ptrdiff_t str_text_length(std::string_view text, bool* ascii);
// How many leading bytes of `text` are ASCII, read eight at a time (names and most text
// are all ASCII: the scan is on every str made and every name interned).
std::size_t ascii_prefix_length(std::string_view text);
inline bool is_ascii_text(std::string_view text) { return ascii_prefix_length(text) == text.size(); }
// `text` made str text: its invalid bytes become U+DC80..U+DCFF, as surrogateescape does.
std::string str_text_repaired(std::string_view text);

// Whether libgopy_unicode.so has been loaded (tests use this to check start-up stays lean).
bool unicode_library_loaded();

}  // namespace gopy::prim
#include "gopy/api_end.h"
