// The encode and decode steps of the standard streams (kernel-internal).
#pragma once

#include <string>
#include <string_view>

#include "gopy/object_textio.hpp"

namespace gopy {

// Appends `text` (str UTF-8) encoded with the stream's codec and error handler; false
// with UnicodeEncodeError (or the handler's exception) set.
bool textio_encode(TextIOObject* io, std::string_view text, std::string* out);
// Appends `bytes` read from a stream whose codec is not UTF-8 (UTF-8 decodes
// incrementally in textio.cpp), decoded with the stream's codec and error handler, as str
// text; false with the exception set. A multi-byte sequence cut by the read is not joined.
bool textio_decode_chunk(TextIOObject* io, std::string_view bytes, std::string* out);

}  // namespace gopy
