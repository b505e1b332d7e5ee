// Freed ints kept for reuse: arithmetic in a loop frees an int and makes another at every
// step, and taking one back from this list skips the finalizer, collector and weak
// reference checks of a free and the allocator on both sides (CPython 3.14 keeps such
// free lists per type: Include/internal/pycore_freelist_state.h, ints among them).
//
// Off while objects come from the system allocator (the sanitizer build, valgrind's
// memcheck, PYTHONMALLOC=malloc), so that every freed int is really freed there.
#pragma once

#include <cstdint>

#include "gopy/object_num.hpp"

namespace gopy {

struct IntFreeList {
  IntObject* head = nullptr;  // linked through `small`
  uint32_t count = 0;
  uint32_t limit = 0;         // 0: off
};
extern IntFreeList int_free_list;

// Keeps a dead int (count zero, a small value) for reuse; false when the list takes none.
inline bool int_free_list_keep(IntObject* o) {
  IntFreeList& l = int_free_list;
  if (o->big || l.count >= l.limit) return false;
  o->small = static_cast<int64_t>(reinterpret_cast<uintptr_t>(l.head));
  l.head = o;
  ++l.count;
  return true;
}

// A kept int with one reference and the value `v`, or null when the list is empty.
inline IntObject* int_free_list_take(int64_t v) {
  IntFreeList& l = int_free_list;
  IntObject* o = l.head;
  if (!o) return nullptr;
  l.head = reinterpret_cast<IntObject*>(static_cast<uintptr_t>(o->small));
  --l.count;
  o->refcnt = 1;
  o->small = v;
  return o;
}

// Turns the list on (objects come from the pools) or off; either way frees what it holds.
void int_free_list_configure(bool enabled);

}  // namespace gopy
