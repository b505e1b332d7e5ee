// Text encodings (CPython: Python/codecs.c, Objects/unicodeobject.c's codecs,
// Lib/encodings). gopy implements UTF-8, UTF-16, UTF-32, ASCII, Latin-1 and cp1252 itself
// and takes every other code page from ICU's converters, under CPython's names.
#pragma once
#include "gopy/api_begin.h"

#include <string>
#include <string_view>

#include "gopy/object.hpp"
#include "gopy/object_str.hpp"

namespace gopy {

// The name CPython's codecs.lookup(encoding).name gives ("latin-1" -> "iso8859-1"), or
// false (no exception) when the encoding is unknown.
bool codec_canonical_name(std::string_view encoding, std::string* name);
// str.encode(encoding, errors): a bytes object, or null with LookupError,
// UnicodeEncodeError or the error handler's exception.
Object* codec_encode(StrObject* text, std::string_view encoding, std::string_view errors);
// bytes.decode(encoding, errors): a str, or null with the exception set.
Object* codec_decode(std::string_view data, std::string_view encoding, std::string_view errors);
// The text of a UnicodeEncodeError/UnicodeDecodeError/UnicodeTranslateError, built from
// its attributes as CPython's __str__ does; null when they are not set.
Object* unicode_error_str(Object* exc);
// The attributes of UnicodeEncodeError(encoding, object, start, end, reason) & co.
int unicode_error_init(Object* exc, Object* const* args, size_t nargs);

}  // namespace gopy
#include "gopy/api_end.h"
