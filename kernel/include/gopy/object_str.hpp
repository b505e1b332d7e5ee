// str objects (CPython: Objects/unicodeobject.c). Text is stored as UTF-8 with its length
// in code points; pure-ASCII strings (the common case) index in O(1), others decode their
// code points once on demand.
#pragma once
#include "gopy/api_begin.h"

#include <string>
#include <string_view>
#include <vector>

#include "gopy/object.hpp"

namespace gopy {

struct StrObject : Object {
  std::string utf8;
  ssize length = 0;  // in code points
  bool ascii = true;
  bool interned = false;
  int64_t hash = -1;  // cached
  mutable std::u32string* codepoints = nullptr;  // lazily decoded (non-ASCII only)
  StrObject() : Object(&str_type) {}
  ~StrObject() override { delete codepoints; }
  std::string_view view() const { return utf8; }
  // Code point at index i (0 <= i < length).
  char32_t at(ssize i) const;
  const std::u32string& cps() const;
};

inline bool is_str(const Object* o) { return o->type == &str_type || (o->type->flags & TypeFlags::str_subclass); }
inline StrObject* as_str(Object* o) { return static_cast<StrObject*>(o); }

// New str from str text: UTF-8, lone surrogates in their 3-byte form. Invalid bytes never
// make a str whose length disagrees with its text: each becomes U+DC80..U+DCFF.
StrObject* new_str(std::string_view utf8);
// New str from bytes from outside (the command line, the environment, file names), decoded
// as CPython's file-system codec does: UTF-8 with surrogateescape (b'\xf0' -> '\udcf0').
StrObject* new_str_fs(std::string_view bytes);
// The bytes a str names on the file system (the same codec): the original bytes of a
// new_str_fs str. False when the str holds a surrogate that stands for no byte.
bool str_fs_encode(const StrObject* s, std::string* bytes);
StrObject* new_str_from_cps(const std::u32string& cps);
StrObject* new_str_from_cp(char32_t cp);
// The interned str for a name (identifiers, attribute names); borrowed from the
// interpreter's table, alive until finalize.
StrObject* intern(std::string_view name);
int64_t str_hash(StrObject* s);
// hash(str) of UTF-8 text, without creating the str.
int64_t str_hash_text(std::string_view utf8);
bool str_equal(const StrObject* a, const StrObject* b);
// repr of a str with CPython's quoting rules.
std::string str_repr(const StrObject* s);
// Appends the UTF-8 of a code point.
void append_utf8(std::string& out, char32_t cp);
std::u32string decode_utf8(std::string_view s);
// Concatenation and repetition.
Object* str_concat(Object* a, Object* b);
// *target += right for an exact str *target (a reference the caller owns) and a str right.
// When *target has exactly `owners` references (the caller's, plus those the caller knows
// will be rebound to the result, such as the variable being assigned) and is not interned,
// it grows in place, as CPython's PyUnicode_Append does for a string nothing else sees;
// otherwise *target is replaced by a new concatenation. False on error (*target cleared).
bool str_append_inplace(Object** target, Object* right, ssize owners = 1);
// str.join(iterable)
Object* str_join(StrObject* sep, Object* iterable);
// format(value, spec) (CPython: Objects/abstract.c PyObject_Format)
Object* format_object(Object* value, Object* spec);
// The str's methods are registered in the type dict by init_str_methods().
void init_str_methods();

}  // namespace gopy
#include "gopy/api_end.h"
