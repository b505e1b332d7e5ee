// The encode and decode steps of the standard streams (kernel-internal).
#pragma once

#include <string>
#include <string_view>

#include "gopy/object_textio.hpp"

namespace gopy {

// Appends `text` (str UTF-8) encoded with the stream's codec and error handler; false
// with UnicodeEncodeError (or the handler's exception) set.
bool textio_encode(TextIOObject* io, std::string_view text, std::string* out);
// Replaces the raw bytes of a line read with their decoded text (UTF-8); false with the
// exception set.
bool textio_decode(TextIOObject* io, std::string* line);

}  // namespace gopy
