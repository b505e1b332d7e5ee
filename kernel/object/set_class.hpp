// obj.__class__ assignment (kernel-internal).
#pragma once

#include "gopy/object.hpp"

namespace gopy {

// Sets o's class to `value` (null: the deletion, refused), with CPython's checks and
// messages: 0, or -1 with TypeError.
int object_set_class(Object* o, Object* value);

}  // namespace gopy
