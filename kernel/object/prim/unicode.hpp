// Unicode over code points: case mapping, the character classes str methods use, line
// breaks, UTF-8 and str repr. ASCII is answered here; other characters ask
// libgopy_unicode.so (ICU), which is loaded on first use so start-up never maps ICU.
// The character database is ICU's (Unicode 15 on Debian 12; CPython 3.14 has Unicode 16).
#pragma once

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

// Whether libgopy_unicode.so has been loaded (tests use this to check start-up stays lean).
bool unicode_library_loaded();

}  // namespace gopy::prim
