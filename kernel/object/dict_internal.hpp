// dict internals shared by dict.cpp and dict_methods.cpp.
#pragma once

#include "gopy/object_containers.hpp"

namespace gopy {

// Removes the last entry and returns (key, value) as a new tuple; null when empty. No
// comparison runs (CPython: dict_popitem_impl), so no user code can intervene.
Object* dict_pop_last(DictObject* d);

// The position in `entries` of a str key, or -1 (for caches that revalidate by `version`).
ssize dict_str_index(DictObject* d, StrObject* key);
// dict_get_str by text with the text's str hash already known (intern hashes each name
// once, then keeps the hash in the new str).
Object* dict_get_str_hashed(DictObject* d, std::string_view key, int64_t hash);
// Inserts `key`, known to be absent (a probe just missed it), with its hash: no probe and
// no comparison (so no user code). 0, or -1 with MemoryError and the dict unchanged.
int dict_insert_absent(DictObject* d, Object* key, int64_t hash, Object* value);
// Sizes a dict for `n` entries, so that filling it does not re-index it on the way (may
// throw std::bad_alloc).
void dict_reserve(DictObject* d, ssize n);

}  // namespace gopy
