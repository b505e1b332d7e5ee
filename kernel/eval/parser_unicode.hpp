// UTF-8 and identifier-character helpers for the tokenizer and the string-literal decoder.
// The character classes are an ASCII-fast, table-light approximation of Unicode's
// XID_Start/XID_Continue and CPython's isprintable, so the tokenizer never loads the
// Unicode database at start-up: letters of every script are accepted, the symbol and
// punctuation blocks a user may paste by mistake (…, –, “, →, emoji, no-break space)
// are rejected with CPython's "invalid character" message.
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
