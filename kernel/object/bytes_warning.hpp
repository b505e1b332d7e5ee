// BytesWarning under -b/-bb (kernel-internal; kernel/object/bytes_warning.cpp).
#pragma once

#include "gopy/object.hpp"

namespace gopy {

// tp_str of bytes and bytearray: the repr, after the BytesWarning -b asks for.
Object* bytes_family_str(Object* o);
// Before bytes == str (or int) gives NotImplemented: 0, or -1 when the warning is an error.
int warn_bytes_comparison(Object* self, Object* other, CompareOp op);

}  // namespace gopy
