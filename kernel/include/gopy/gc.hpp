// The cycle collector: three generations of tracked objects, collected on allocation
// counts or on request (CPython 3.14.7: Python/gc.c, the non-incremental collector, and
// Modules/gcmodule.c).
#pragma once
#include "gopy/api_begin.h"

#include <vector>

#include "gopy/object.hpp"

namespace gopy {

struct Interpreter;
struct ListObject;
struct ModuleObject;

// A list of tracked objects behind a sentinel, and its allocation count.
struct GcGeneration {
  GcObject head;
  ssize count = 0;      // gen 0: allocations minus frees; older: collections of the younger
  ssize threshold = 0;  // collect when count exceeds it
  GcGeneration();
  GcGeneration(const GcGeneration&) = delete;
  GcGeneration& operator=(const GcGeneration&) = delete;
};

struct GcStats {
  ssize collections = 0;
  ssize collected = 0;
  ssize uncollectable = 0;
};

// The collector's per-interpreter state (CPython: struct _gc_runtime_state).
struct GcState {
  static constexpr int kGenerations = 3;
  GcGeneration generations[kGenerations];
  GcGeneration permanent;  // frozen objects: never collected
  GcStats stats[kGenerations];
  bool enabled = true;
  bool collecting = false;
  bool scheduled = false;  // gen 0 passed its threshold: collect at the next safe point
  int debug = 0;
  ssize long_lived_total = 0;
  ssize long_lived_pending = 0;
  ListObject* garbage = nullptr;    // gc.garbage (owned, made on first use)
  ListObject* callbacks = nullptr;  // gc.callbacks (owned, made on first use)
  GcState();
};

// DEBUG_* flags (CPython: Include/internal/pycore_gc.h).
inline constexpr int kGcDebugStats = 1 << 0;
inline constexpr int kGcDebugCollectable = 1 << 1;
inline constexpr int kGcDebugUncollectable = 1 << 2;
inline constexpr int kGcDebugSaveAll = 1 << 5;
inline constexpr int kGcDebugLeak = kGcDebugCollectable | kGcDebugUncollectable | kGcDebugSaveAll;

// Collects `generation` and the younger ones; returns the number of unreachable objects
// found, or -1 when a collection is already running (CPython: _PyGC_Collect). Exceptions
// raised by finalizers and callbacks are reported as unraisable, never propagated.
ssize gc_collect(int generation);
// Runs a collection that allocations scheduled (CPython: _Py_RunGC). Called where the
// evaluator may run arbitrary code: a frame's start and loop back edges (ceval.cpp).
void gc_run_scheduled();

void gc_track(GcObject* o);
void gc_untrack(GcObject* o);
inline bool gc_is_tracked(const GcObject* o) { return o->gc_next != nullptr; }
// Unlinks a dying object and lowers the young count (CPython: PyObject_GC_Del).
void gc_forget(GcObject* o);
// Every tracked object, oldest generation last (gc.get_objects).
void gc_for_each_tracked(int generation, void (*fn)(GcObject*, void*), void* arg);
// Moves every tracked object to the permanent generation, or back (gc.freeze/unfreeze).
void gc_freeze();
void gc_unfreeze();
ssize gc_freeze_count();
// Finalize: frees every tracked object, cycles included, and the collector's own state.
void gc_free_all(Interpreter* interp);

// The modules (created on first import).
ModuleObject* create_gc_module();
ModuleObject* create_weakref_module();
ModuleObject* create__weakref_module();

}  // namespace gopy
#include "gopy/api_end.h"
