// Storage for variable-size values (str text, list and tuple items, dict and set tables, int
// digits): sizes are checked against PY_SSIZE_T_MAX as CPython's, and an allocation that
// cannot succeed is reported before it is attempted, so that running out of memory is a
// MemoryError and never a std::bad_alloc. (Under AddressSanitizer a failing throwing
// `operator new` aborts before any handler runs, while malloc returns null.)
#pragma once
#include "gopy/api_begin.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>

namespace gopy::prim {

// PY_SSIZE_T_MAX: no object's storage is larger.
inline constexpr size_t kMaxStorageBytes = static_cast<size_t>(PTRDIFF_MAX);

// True when `count` elements of `element_size` bytes fit in PY_SSIZE_T_MAX bytes and that
// much memory can be allocated now (large requests are tried with malloc, which returns
// null on failure).
bool can_allocate(size_t count, size_t element_size);

// Makes room for `extra` more elements in a std::vector or std::basic_string, growing
// geometrically as push_back would; false (nothing changed) when the memory cannot be had.
// As CPython's list_resize, a growth that fails is not retried smaller.
template <class Container>
bool reserve_more(Container& c, size_t extra = 1) {
  const size_t size = c.size();
  if (extra <= c.capacity() - size) return true;
  if (extra > kMaxStorageBytes - size) return false;
  const size_t target = std::max(size + extra, c.capacity() * 2);
  if (!can_allocate(target, sizeof(typename Container::value_type))) return false;
  c.reserve(target);
  return true;
}

}  // namespace gopy::prim
#include "gopy/api_end.h"
