// Helpers shared by str.cpp and str_methods.cpp: building strs whose length and ASCII-ness
// are already known, and moving between code point indexes and UTF-8 byte offsets so the
// searching methods work on the UTF-8 text itself (UTF-8 is self-synchronizing: a byte
// match of valid text is a code point match) instead of decoding it to UTF-32.
#pragma once

#include <string_view>

#include "gopy/object_str.hpp"

namespace gopy {

// Frees the strs intern() could not enter in the interned table (no memory to grow it),
// which it kept alive for the interpreter's lifetime instead, and reserves room for the
// next interpreter's. Called when an interpreter is created and by finalization, after
// the collector freed everything else.
void reset_stranded_interned();

// A new str of text the caller knows to be str text of `length` code points.
StrObject* new_str_known(std::string_view utf8, ssize length, bool ascii);
// s[start::step], `n` characters; the indices are already adjusted to the length (CPython:
// Objects/unicodeobject.c unicode_subscript's slice branch).
Object* str_slice(StrObject* s, ssize start, ssize n, ssize step);

inline bool utf8_is_lead(char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }

// Number of code points in str text.
inline ssize utf8_count(std::string_view text) {
  ssize n = 0;
  for (char c : text) n += utf8_is_lead(c);
  return n;
}

// Byte offset of code point `index` (0 <= index <= length) of s.
inline size_t str_byte_offset(const StrObject* s, ssize index) {
  if (s->ascii) return size_t(index);
  if (index >= s->length) return s->utf8.size();
  size_t pos = 0;
  for (ssize seen = -1;; ++pos) {
    if (utf8_is_lead(s->utf8[pos]) && ++seen == index) return pos;
  }
}

// Code point index of byte offset `pos` (a code point boundary) of s.
inline ssize str_cp_index(const StrObject* s, size_t pos) {
  return s->ascii ? ssize(pos) : utf8_count(std::string_view(s->utf8).substr(0, pos));
}

// expandtabs, removeprefix/removesuffix, maketrans/translate (str_more_methods.cpp).
void init_str_more_methods();

}  // namespace gopy
