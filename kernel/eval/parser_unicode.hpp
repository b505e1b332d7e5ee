// UTF-8 and identifier-character helpers for the tokenizer and the string-literal decoder.
// The character classes are Unicode's XID_Start/XID_Continue and CPython's isprintable:
// ASCII is answered here (so ASCII-only sources never load the Unicode database); other
// characters ask the prim layer's ICU-backed tables, with a range-table approximation if
// that library cannot be loaded (letters of every script accepted; the symbol and
// punctuation blocks a user may paste by mistake, such as …, –, “, →, emoji and no-break
// space, rejected with CPython's "invalid character" message).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace gopy::parser {

// Decodes the code point at text[pos] and advances pos; invalid bytes decode as U+FFFD
// one byte at a time (the source was validated before tokenizing).
char32_t decode_utf8(std::string_view text, std::uint32_t& pos);
// Appends the UTF-8 form of cp (surrogates in their 3-byte form, as CPython's
// "surrogatepass").
void append_utf8(std::string& out, char32_t cp);
// The byte offset of the first invalid UTF-8 sequence, or -1 when `text` is valid.
long find_invalid_utf8(std::string_view text);

bool is_xid_start(char32_t cp);
bool is_xid_continue(char32_t cp);
bool is_printable(char32_t cp);

}  // namespace gopy::parser
