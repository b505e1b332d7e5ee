// One lookup for read-modify-write of a dict value (CPython's _count_elements probes the
// table once per item with _PyDict_GetItem_KnownHash and a stored hash).
#pragma once
#include "gopy/api_begin.h"

#include "gopy/object_containers.hpp"

namespace gopy {

// The address of key's value in d, after inserting `dflt` (increfed) when key is absent,
// which *inserted tells; null with an exception (an unhashable key, a failing __eq__,
// MemoryError). The address is valid until the dict next changes or runs user code: write
// through it only values whose making ran no Python code.
Object** dict_value_slot(DictObject* d, Object* key, Object* dflt, bool* inserted);

}  // namespace gopy
#include "gopy/api_end.h"
