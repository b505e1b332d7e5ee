// The small-object allocator behind Object's operator new and delete (object_alloc.cpp).
#pragma once
#include "gopy/api_begin.h"

#include <cstddef>

namespace gopy {

// Memory for an object of `size` bytes, or null when it cannot be had (every allocation
// passes object_alloc_should_fail in object_alloc.cpp, the point for fault injection).
void* object_alloc(size_t size);
void object_free(void* p, size_t size);
// Chooses the system allocator instead of the pools (PYTHONMALLOC=malloc). `pools_asked`
// (PYTHONMALLOC=pymalloc) keeps the pools under valgrind too, so that callgrind counts the
// allocator programs really run with. The first choice, or the first allocation, fixes the
// allocator for the life of the process.
void object_alloc_choose(bool system_malloc, bool pools_asked);
// Gives the system every arena that holds no object (run at interpreter finalize).
void object_alloc_release_free_memory();
// For tests: arenas held now, and whether objects come from pools at all.
size_t object_alloc_arena_count();
bool object_alloc_pools_enabled();

}  // namespace gopy
#include "gopy/api_end.h"
