// The small-object allocator: every Python object comes from here (Object's operator new
// and delete). Objects up to kMaxSmall bytes are carved from 16 KiB pools, one size class
// (a multiple of 8 bytes) per pool, the pools from 1 MiB arenas taken from the C heap on
// demand; larger objects go to operator new (CPython: Objects/obmalloc.c, pymalloc).
//
// The runtime is used by one thread at a time (one current thread state per process), so
// the lists need no lock. Freeing knows the object's size (sized delete), hence its class;
// the pool is found by rounding the address down to the pool size.
//
// The allocator is off in the sanitizer build, under valgrind and with PYTHONMALLOC=malloc
// (or malloc_debug), as CPython's pymalloc is: every object is then a plain operator new,
// so leak and use-after-free checks see each object. PYTHONMALLOC=pymalloc keeps it on
// under valgrind, for callgrind's instruction counts.
#include <cstdint>
#include <cstdlib>
#include <new>

#if !defined(GOPY_SANITIZE) && __has_include(<valgrind/valgrind.h>)
#include <valgrind/valgrind.h>
#define GOPY_HAVE_VALGRIND_H 1
#endif

#include "gopy/object.hpp"
#include "gopy/alloc_fault.hpp"
#include "object/object_alloc.hpp"

namespace gopy {

namespace {

constexpr size_t kGrain = 8;
constexpr size_t kMaxSmall = 512;
constexpr size_t kClasses = kMaxSmall / kGrain;
constexpr size_t kPoolSize = 16 * 1024;
constexpr size_t kArenaSize = 1024 * 1024;
constexpr size_t kPoolsPerArena = kArenaSize / kPoolSize;

struct Arena;

struct FreeBlock {
  FreeBlock* next;
};

// The head of every pool; its blocks follow, from kPoolHeader on.
struct alignas(16) Pool {
  Pool* prev;  // the class's list of pools with a free block, or the empty-pool list
  Pool* next;
  Arena* arena;
  FreeBlock* free;   // blocks given back
  char* bump;        // blocks never handed out start here
  char* end;         // past the last whole block
  uint32_t used;     // blocks handed out
  uint32_t size;     // block size
  bool listed;       // on its class's list of pools with room
};
constexpr size_t kPoolHeader = (sizeof(Pool) + 15) & ~size_t(15);

struct Arena {
  char* first_pool;    // kArenaSize bytes, pool-aligned
  size_t carved = 0;   // pools taken from it so far
  size_t in_use = 0;   // pools holding a size class (the rest are on the empty list)
  Arena* next;
};

struct Heap {
  Pool* with_room[kClasses] = {};  // per class: pools with a free block
  Pool* empty = nullptr;           // pools holding no block, ready for any class
  Arena* arenas = nullptr;
  Arena* carving = nullptr;        // the arena new pools are cut from
  Arena* spare = nullptr;          // one released arena, kept for the next new_arena
};

Heap heap;

enum class Mode : uint8_t { unknown, pools, system };
Mode mode = Mode::unknown;

// Whether the build or the process rules the pools out: the sanitizer build always,
// valgrind unless the pools were asked for by name.
bool pools_ruled_out(bool pools_asked = false) {
#if defined(GOPY_SANITIZE)
  (void)pools_asked;
  return true;
#elif defined(GOPY_HAVE_VALGRIND_H)
  return !pools_asked && RUNNING_ON_VALGRIND;
#else
  (void)pools_asked;
  return false;
#endif
}

[[gnu::noinline]] void decide_mode() { mode = pools_ruled_out() ? Mode::system : Mode::pools; }

inline bool use_pools() {
  if (mode == Mode::unknown) [[unlikely]]
    decide_mode();
  return mode == Mode::pools;
}

inline size_t class_of(size_t size) { return (size + kGrain - 1) / kGrain - 1; }

void push_front(Pool** list, Pool* p) {
  p->prev = nullptr;
  p->next = *list;
  if (*list) (*list)->prev = p;
  *list = p;
}

void unlink(Pool** list, Pool* p) {
  if (p->prev) p->prev->next = p->next;
  else *list = p->next;
  if (p->next) p->next->prev = p->prev;
  p->prev = p->next = nullptr;
}

// Arenas come from the C heap, not from mappings of their own: memory the heap got back
// (a container's old table after it grew) then serves objects too, as it does when every
// object is a malloc.
Arena* new_arena() {
  if (Arena* a = heap.spare) {
    heap.spare = nullptr;
    a->carved = 0;
    a->in_use = 0;
    a->next = heap.arenas;
    heap.arenas = a;
    return a;
  }
  void* m = std::aligned_alloc(kPoolSize, kArenaSize);
  if (!m) return nullptr;
  auto* a = static_cast<Arena*>(std::malloc(sizeof(Arena)));
  if (!a) {
    std::free(m);
    return nullptr;
  }
  a->first_pool = static_cast<char*>(m);
  a->carved = 0;
  a->in_use = 0;
  a->next = heap.arenas;
  heap.arenas = a;
  return a;
}

// A pool for `cls`: an empty one if any, else a fresh one cut from an arena.
[[gnu::noinline]] Pool* new_pool(size_t cls) {
  Pool* p = heap.empty;
  if (p) {
    unlink(&heap.empty, p);
  } else {
    if (!heap.carving || heap.carving->carved == kPoolsPerArena) {
      heap.carving = new_arena();
      if (!heap.carving) return nullptr;
    }
    Arena* a = heap.carving;
    p = reinterpret_cast<Pool*>(a->first_pool + a->carved++ * kPoolSize);
    p->arena = a;
  }
  ++p->arena->in_use;
  size_t size = (cls + 1) * kGrain;
  char* first = reinterpret_cast<char*>(p) + kPoolHeader;
  p->free = nullptr;
  p->bump = first;
  p->end = first + (kPoolSize - kPoolHeader) / size * size;
  p->used = 0;
  p->size = uint32_t(size);
  push_front(&heap.with_room[cls], p);
  p->listed = true;
  return p;
}

[[gnu::noinline]] void unlink_full(size_t cls, Pool* p) {
  unlink(&heap.with_room[cls], p);
  p->listed = false;
}

// Puts a pool whose last block came back on the empty list, unless it is its class's only
// pool with room: then it stays, so that a program allocating and freeing one object at a
// time does not re-make a pool each time.
[[gnu::noinline]] void pool_emptied(size_t cls, Pool* p) {
  if (heap.with_room[cls] == p && !p->next) return;
  unlink(&heap.with_room[cls], p);
  p->listed = false;
  --p->arena->in_use;
  push_front(&heap.empty, p);
}

[[gnu::noinline]] void relist(size_t cls, Pool* p) {
  push_front(&heap.with_room[cls], p);
  p->listed = true;
}

// The one place an object allocation may fail: fault injection (a test that makes the
// n-th allocation fail) hooks in here.
[[gnu::always_inline]] inline bool object_alloc_should_fail(size_t size) {
  (void)size;
  return fault::allocation_fails();
}

[[gnu::always_inline]] inline void* pool_alloc(size_t size) {
  size_t cls = class_of(size);
  Pool* p = heap.with_room[cls];
  if (!p) [[unlikely]] {
    p = new_pool(cls);
    if (!p) return nullptr;
  }
  void* block;
  if (p->free) {
    block = p->free;
    p->free = p->free->next;
  } else {
    block = p->bump;
    p->bump += p->size;
  }
  ++p->used;
  if (!p->free && p->bump == p->end) [[unlikely]]  // full: off the list until a block comes back
    unlink_full(cls, p);
  return block;
}

[[gnu::always_inline]] inline void pool_free(void* block, size_t size) {
  auto* p = reinterpret_cast<Pool*>(reinterpret_cast<uintptr_t>(block) & ~uintptr_t(kPoolSize - 1));
  size_t cls = class_of(size);
  auto* b = static_cast<FreeBlock*>(block);
  b->next = p->free;
  p->free = b;
  if (--p->used == 0) [[unlikely]]
    return pool_emptied(cls, p);  // any class may take it now (CPython: the arena's free pools)
  if (!p->listed) [[unlikely]]
    relist(cls, p);
}

[[gnu::always_inline]] inline void* allocate(size_t size) {
  if (object_alloc_should_fail(size)) [[unlikely]]
    return nullptr;
  if (size <= kMaxSmall && use_pools()) [[likely]]
    return pool_alloc(size);
  return ::operator new(size, std::nothrow);
}

[[gnu::always_inline]] inline void release(void* p, size_t size) {
  if (size <= kMaxSmall && use_pools()) [[likely]]
    return pool_free(p, size);
  ::operator delete(p);
}

}  // namespace

void* object_alloc(size_t size) { return allocate(size); }
void object_free(void* p, size_t size) { release(p, size); }

void object_alloc_choose(bool system_malloc, bool pools_asked) {
  if (mode != Mode::unknown) return;  // objects exist: their allocator stays
  mode = (system_malloc || pools_ruled_out(pools_asked)) ? Mode::system : Mode::pools;
}

// Frees every arena none of whose pools holds an object, but one: it is kept as the spare
// that the next new arena reuses, so that an embedder's init/finalize cycles neither map
// nor fault in a fresh megabyte each time.
void object_alloc_release_free_memory() {
  if (mode != Mode::pools) return;
  // Pools kept on their class's list though empty count as free here.
  for (Pool*& head : heap.with_room) {
    for (Pool* p = head; p;) {
      Pool* next = p->next;
      if (p->used == 0) {
        unlink(&head, p);
        p->listed = false;
        --p->arena->in_use;
        push_front(&heap.empty, p);
      }
      p = next;
    }
  }
  // Drop the released arenas' pools from the empty list first.
  for (Pool* p = heap.empty; p;) {
    Pool* next = p->next;
    if (p->arena->in_use == 0) unlink(&heap.empty, p);
    p = next;
  }
  for (Arena** link = &heap.arenas; *link;) {
    Arena* a = *link;
    if (a->in_use == 0) {
      *link = a->next;
      if (heap.carving == a) heap.carving = nullptr;
      if (!heap.spare) {
        heap.spare = a;
        continue;
      }
      std::free(a->first_pool);
      std::free(a);
    } else {
      link = &a->next;
    }
  }
}

size_t object_alloc_arena_count() {
  size_t n = 0;
  for (Arena* a = heap.arenas; a; a = a->next) ++n;
  return n;
}

bool object_alloc_pools_enabled() { return use_pools(); }

void* Object::operator new(size_t size) noexcept { return allocate(size); }
void Object::operator delete(void* p, size_t size) noexcept { release(p, size); }

}  // namespace gopy
