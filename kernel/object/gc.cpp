// The cycle collector (CPython 3.14.7: Python/gc.c, the generational, non-incremental
// collector). Reference counting frees most objects; the collector finds groups of tracked
// objects that only reference each other and frees them, running PEP 442 finalizers once
// and clearing weak references first.
#include "gopy/gc.hpp"

#include <cstdint>
#include <string>
#include <new>
#include <vector>

#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "gopy/sys_streams.hpp"
#include "gopy/weakref.hpp"
#include "object/callback_errors.hpp"
#include "object/type_internal.hpp"

namespace gopy {

namespace {

// While a collection computes reachability, the objects it examines point `gc_next` here
// and keep their count of outside references in `gc_prev` (CPython: PREV_MASK_COLLECTING
// and the gc_refs stored in _gc_prev).
GcObject g_collecting_mark;
constexpr intptr_t kReachable = INTPTR_MIN;

// While weak references are handled, the objects found unreachable carry this bit in
// `gc_prev` (a pointer, so its low bit is free otherwise).
constexpr uintptr_t kTrashBit = 1;

GcObject* prev_of(const GcObject* o) { return reinterpret_cast<GcObject*>(o->gc_prev & ~kTrashBit); }
void set_prev(GcObject* o, GcObject* prev) { o->gc_prev = reinterpret_cast<uintptr_t>(prev); }
intptr_t refs_of(const GcObject* o) { return static_cast<intptr_t>(o->gc_prev); }
void set_refs(GcObject* o, intptr_t refs) { o->gc_prev = static_cast<uintptr_t>(refs); }
bool is_collecting(const GcObject* o) { return o->gc_next == &g_collecting_mark; }

void gc_list_init(GcObject* head) {
  head->gc_next = head;
  set_prev(head, head);
}
bool gc_list_is_empty(const GcObject* head) { return head->gc_next == head; }
void gc_list_append(GcObject* o, GcObject* head) {
  GcObject* last = prev_of(head);
  last->gc_next = o;
  set_prev(o, last);
  o->gc_next = head;
  set_prev(head, o);
}
void gc_list_unlink(GcObject* o) {
  GcObject* prev = prev_of(o);
  GcObject* next = o->gc_next;
  prev->gc_next = next;
  set_prev(next, prev);
  o->gc_next = nullptr;
  o->gc_prev = 0;
}
void gc_list_move(GcObject* o, GcObject* to) {
  gc_list_unlink(o);
  gc_list_append(o, to);
}
// Appends every object of `from` to `to` (CPython: gc_list_merge).
void gc_list_merge(GcObject* from, GcObject* to) {
  if (gc_list_is_empty(from)) return;
  GcObject* first = from->gc_next;
  GcObject* last = prev_of(from);
  GcObject* tail = prev_of(to);
  tail->gc_next = first;
  set_prev(first, tail);
  last->gc_next = to;
  set_prev(to, last);
  gc_list_init(from);
}
ssize gc_list_size(const GcObject* head) {
  ssize n = 0;
  for (const GcObject* o = head->gc_next; o != head; o = o->gc_next) ++n;
  return n;
}

GcState& gc_state() { return current_interp()->gc; }

// A str is never a container: the most common reference (every dict key) is passed over
// without the virtual as_gc call.
inline bool never_collected(const Object* ref) { return ref->type == &str_type; }

// CPython: Python/gc.c visit_decref.
int visit_decref(Object* ref, void*) {
  if (never_collected(ref)) return 0;
  GcObject* g = ref->as_gc();
  if (g && is_collecting(g)) set_refs(g, refs_of(g) - 1);
  return 0;
}

// CPython: Python/gc.c visit_reachable.
int visit_reachable(Object* ref, void* arg) {
  if (never_collected(ref)) return 0;
  GcObject* g = ref->as_gc();
  if (g && is_collecting(g) && refs_of(g) != kReachable) {
    set_refs(g, kReachable);
    static_cast<std::vector<GcObject*>*>(arg)->push_back(g);
  }
  return 0;
}

// Runs a visitor over what `o` references, as traverse_with_class does. An exact dict's
// entries are walked here, with the visitor inlined: module and type dicts are most of
// what a collection reads, and a call per key and value showed. Keep in step with
// DictObject::traverse (each live entry's key, then its value when set).
template <int (*Visit)(Object*, void*)>
[[gnu::always_inline]] inline void traverse_for_collection(GcObject* o, void* arg) {
  if (o->type == &dict_type) {
    for (const DictEntry& e : static_cast<DictObject*>(static_cast<Object*>(o))->entries) {
      if (!e.key) continue;
      (void)Visit(e.key, arg);
      if (e.value) (void)Visit(e.value, arg);
    }
    return;
  }
  (void)traverse_with_class(o, Visit, arg);
}

// Splits `head`'s list: the objects referenced from outside it (and all they reach) stay,
// the rest move to `unreachable`, both in their original order. No Python code runs here
// (CPython: Python/gc.c deduce_unreachable: update_refs, subtract_refs, move_unreachable).
// Returns how many stayed; when memory for its work lists runs out, -1 with the list as
// it was.
ssize deduce_unreachable(GcObject* head, GcObject* unreachable) {
  std::vector<GcObject*> work;
  std::vector<GcObject*> pending;  // each object enters it at most once
  GcObject* const last = prev_of(head);
  GcObject* o = head->gc_next;
  try {
    work.reserve(size_t(gc_list_size(head)));  // one allocation, not a doubling series
    for (; o != head;) {
      GcObject* next = o->gc_next;
      work.push_back(o);
      o->gc_next = &g_collecting_mark;
      set_refs(o, o->refcnt);
      o = next;
    }
    pending.reserve(work.size());
  } catch (const std::bad_alloc&) {
    // Relink the objects already marked, then the rest, which still hangs off `o`.
    gc_list_init(head);
    for (GcObject* w : work) gc_list_append(w, head);
    if (o != head) {
      GcObject* tail = prev_of(head);
      tail->gc_next = o;
      set_prev(o, tail);
      set_prev(head, last);
    }
    return -1;
  }
  for (GcObject* w : work) traverse_for_collection<visit_decref>(w, nullptr);
  // Everything an outside reference keeps alive is reachable. A negative count (a type
  // that reports a reference it does not own) is taken for an outside reference too.
  for (GcObject* root : work) {
    if (refs_of(root) == 0 || refs_of(root) == kReachable) continue;
    set_refs(root, kReachable);
    pending.push_back(root);
    while (!pending.empty()) {
      GcObject* r = pending.back();
      pending.pop_back();
      traverse_for_collection<visit_reachable>(r, &pending);
    }
  }
  gc_list_init(head);
  ssize reachable = 0;
  for (GcObject* w : work) {
    bool stays = refs_of(w) == kReachable;
    reachable += stays;
    gc_list_append(w, stays ? head : unreachable);
  }
  return reachable;
}

// Whether `o` may be tracked: a container that is not a tuple may always be; a tuple is
// tracked or not (CPython: Include/internal/pycore_gc.h _PyObject_GC_MAY_BE_TRACKED).
bool may_be_tracked(Object* o) {
  GcObject* g = o->as_gc();
  if (!g) return false;
  return o->type != &tuple_type || g->gc_next != nullptr;
}

// Untracks the tuples of `head`'s list that hold nothing that may be tracked: they can
// never be part of a cycle, so later collections need not examine them (CPython 3.14:
// Python/gc.c untrack_tuples, Objects/tupleobject.c _PyTuple_MaybeUntrack). Returns how
// many it untracked.
ssize untrack_tuples(GcObject* head) {
  ssize untracked = 0;
  for (GcObject* o = head->gc_next; o != head;) {
    GcObject* next = o->gc_next;
    if (o->type == &tuple_type) {
      bool atomic = true;
      for (Object* item : static_cast<TupleObject*>(static_cast<Object*>(o))->items)
        if (!item || may_be_tracked(item)) {
          atomic = false;
          break;
        }
      if (atomic) {
        gc_list_unlink(o);
        ++untracked;
      }
    }
    o = next;
  }
  return untracked;
}

// Clears the weak references to unreachable objects, and calls the callbacks of those weak
// references that are themselves reachable (CPython: Python/gc.c handle_weakrefs).
void handle_weakrefs(GcObject* unreachable, GcObject* old) {
  Interpreter* interp = current_interp();
  if (interp->weakrefs.empty()) return;
  for (GcObject* o = unreachable->gc_next; o != unreachable; o = o->gc_next) o->gc_prev |= kTrashBit;
  GcObject to_call;
  gc_list_init(&to_call);
  for (GcObject* o = unreachable->gc_next; o != unreachable; o = o->gc_next) {
    // A weak reference that is trash itself is cleared first: its callback must not run.
    if (is_weakref(o)) weakref_clear_ref(static_cast<WeakRefObject*>(o));
    while (WeakRefObject* wr = first_weakref(o)) {
      weakref_clear_ref(wr);
      if (!wr->callback || (wr->gc_prev & kTrashBit)) continue;
      // The callback may resurrect or free the weak reference: hold it in a list of our
      // own until its callback has run.
      incref(wr);
      if (wr->gc_next) gc_list_move(wr, &to_call);
      else decref(wr);
    }
  }
  for (GcObject* o = unreachable->gc_next; o != unreachable; o = o->gc_next) o->gc_prev &= ~kTrashBit;
  while (!gc_list_is_empty(&to_call)) {
    auto* wr = static_cast<WeakRefObject*>(to_call.gc_next);
    gc_list_move(wr, old);
    weakref_call_callback(wr);
    decref(wr);
  }
}

// Runs each unreachable object's finalizer once (CPython: Python/gc.c finalize_garbage).
void finalize_garbage(GcObject* collectable) {
  Interpreter* interp = current_interp();
  GcObject seen;
  gc_list_init(&seen);
  while (!gc_list_is_empty(collectable)) {
    GcObject* o = collectable->gc_next;
    gc_list_move(o, &seen);
    FinalizeFn finalize = o->type->tp_finalize;
    if (finalize && interp->finalized.insert(o).second) {
      incref(o);
      finalize(o);
      decref(o);
    }
  }
  gc_list_merge(&seen, collectable);
}

// CPython: Python/gc.c delete_garbage: breaks each remaining cycle by clearing its
// objects' references; what survives its clearing (resurrected) moves to `old`.
void delete_garbage(GcState& gc, GcObject* collectable, GcObject* old) {
  while (!gc_list_is_empty(collectable)) {
    GcObject* o = collectable->gc_next;
    if (gc.debug & kGcDebugSaveAll) {
      gc_list_move(o, old);
      if (!gc.garbage) gc.garbage = new_list();
      list_append(gc.garbage, o);
      continue;
    }
    incref(o);
    o->clear_refs();
    if (o->type->flags & TypeFlags::builtin_subclass) drop_side_dict(o);
    if (collectable->gc_next == o) gc_list_move(o, old);
    decref(o);
  }
}

// CPython: Python/gc.c invoke_gc_callback.
void call_callbacks(GcState& gc, const char* phase, int generation, ssize collected, ssize uncollectable) {
  if (!gc.callbacks || gc.callbacks->items.empty()) return;
  Object* saved = fetch_error();
  DictObject* info = new_dict();
  Object* values[] = {new_int(generation), new_int(collected), new_int(uncollectable)};
  const char* keys[] = {"generation", "collected", "uncollectable"};
  for (int i = 0; i < 3; ++i) {
    (void)dict_set_str(info, keys[i], values[i]);
    decref(values[i]);
  }
  Object* phase_str = new_str(phase);
  ListObject* snapshot = new_list_steal(std::vector<Object*>(gc.callbacks->items));
  for (Object* cb : snapshot->items) incref(cb);
  for (Object* cb : snapshot->items) {
    Object* r = call2(cb, phase_str, info);
    if (r) decref(r);
    else write_unraisable_call_error("Exception ignored while invoking gc callback", cb);
  }
  decref(snapshot);
  decref(phase_str);
  decref(info);
  if (saved) restore_error(saved);
}

// Out of memory, the callbacks are skipped (the collection itself needs none).
void invoke_callbacks(GcState& gc, const char* phase, int generation, ssize collected, ssize uncollectable) {
  try {
    call_callbacks(gc, phase, generation, collected, uncollectable);
  } catch (const std::bad_alloc&) {
  }
}

}  // namespace

void write_unraisable_call_error(std::string_view what, Object* callable) {
  Object* exc = fetch_error();
  std::string message(what);
  if (Object* r = object_repr(callable)) {
    message += " " + as_str(r)->utf8;
    decref(r);
  }
  clear_error();
  restore_error(exc);
  write_unraisable(message);
}

GcGeneration::GcGeneration() {
  head.refcnt = kImmortalRefcnt;
  gc_list_init(&head);
}

GcState::GcState() {
  generations[0].threshold = 2000;  // CPython 3.14: gc.get_threshold() == (2000, 10, 10)
  generations[1].threshold = 10;
  generations[2].threshold = 10;
}

GcObject* track_new_gc_object(GcObject* o) {
  Interpreter* interp = get_thread_state()->interp;
  ++interp->live_count;
  GcState& gc = interp->gc;
  GcGeneration& young = gc.generations[0];
  gc_list_append(o, &young.head);
  // CPython: Python/gc.c _PyObject_GC_Link schedules a collection for the eval breaker.
  if (++young.count > young.threshold && gc.enabled && young.threshold && !gc.collecting) gc.scheduled = true;
  return o;
}

void gc_track(GcObject* o) {
  if (!o->gc_next) gc_list_append(o, &gc_state().generations[0].head);
}
void gc_untrack(GcObject* o) {
  if (o->gc_next) gc_list_unlink(o);
}
void gc_forget(GcObject* o) {
  if (o->gc_next) gc_list_unlink(o);
  GcGeneration& young = gc_state().generations[0];
  if (young.count > 0) --young.count;
}

// CPython: Python/gc.c gc_collect_main.
ssize gc_collect(int generation) {
  Interpreter* interp = current_interp();
  GcState& gc = interp->gc;
  if (gc.collecting) return -1;
  gc.collecting = true;
  gc.scheduled = false;
  invoke_callbacks(gc, "start", generation, 0, 0);
  if (generation + 1 < GcState::kGenerations) ++gc.generations[generation + 1].count;
  for (int i = 0; i <= generation; ++i) gc.generations[i].count = 0;
  for (int i = 0; i < generation; ++i) gc_list_merge(&gc.generations[i].head, &gc.generations[generation].head);
  GcObject* young = &gc.generations[generation].head;
  GcObject* old = generation + 1 < GcState::kGenerations ? &gc.generations[generation + 1].head : young;

  GcObject unreachable;
  gc_list_init(&unreachable);
  ssize survivors = deduce_unreachable(young, &unreachable);
  if (survivors < 0) {  // out of memory: nothing is collected
    if (young != old) gc_list_merge(young, old);
    gc.collecting = false;
    return 0;
  }
  survivors -= untrack_tuples(young);
  if (generation == 1) gc.long_lived_pending += survivors;
  if (young != old) gc_list_merge(young, old);
  if (generation == GcState::kGenerations - 1) {
    gc.long_lived_pending = 0;
    gc.long_lived_total = survivors;
  }
  ssize collected = gc_list_size(&unreachable);
  handle_weakrefs(&unreachable, old);
  finalize_garbage(&unreachable);
  // Finalizers may have resurrected some: only what is still unreachable is cleared
  // (CPython: Python/gc.c handle_resurrected_objects).
  GcObject still_unreachable;
  gc_list_init(&still_unreachable);
  (void)deduce_unreachable(&unreachable, &still_unreachable);  // out of memory: all survive
  gc_list_merge(&unreachable, old);
  delete_garbage(gc, &still_unreachable, old);

  GcStats& stats = gc.stats[generation];
  ++stats.collections;
  stats.collected += collected;
  invoke_callbacks(gc, "stop", generation, collected, 0);
  gc.collecting = false;
  return collected;
}

// CPython: Python/gc.c gc_collect_generations: the oldest generation over its threshold;
// the oldest only once the objects awaiting a full collection are a quarter of the
// long-lived ones.
void gc_run_scheduled() {
  GcState& gc = gc_state();
  gc.scheduled = false;
  if (!gc.enabled || gc.collecting) return;
  for (int i = GcState::kGenerations - 1; i >= 0; --i) {
    if (gc.generations[i].count <= gc.generations[i].threshold) continue;
    if (i == GcState::kGenerations - 1 && gc.long_lived_pending < gc.long_lived_total / 4) continue;
    Object* saved = fetch_error();
    (void)gc_collect(i);
    if (saved) restore_error(saved);
    return;
  }
}

void gc_for_each_tracked(int generation, void (*fn)(GcObject*, void*), void* arg) {
  GcState& gc = gc_state();
  GcObject* head = generation < 0 ? &gc.permanent.head : &gc.generations[generation].head;
  for (GcObject* o = head->gc_next; o != head; o = o->gc_next) fn(o, arg);
}

void gc_freeze() {
  GcState& gc = gc_state();
  for (auto& g : gc.generations) {
    gc_list_merge(&g.head, &gc.permanent.head);
    g.count = 0;
  }
}
void gc_unfreeze() {
  GcState& gc = gc_state();
  gc_list_merge(&gc.permanent.head, &gc.generations[GcState::kGenerations - 1].head);
}
ssize gc_freeze_count() { return gc_list_size(&gc_state().permanent.head); }

// Finalize: every tracked object is pinned, then all drop their references (so cycles fall
// apart while nothing is freed, and untracked objects they held are freed), then all are
// deleted. Objects made meanwhile are tracked in the emptied generation 0 and freed by the
// next round.
void gc_free_all(Interpreter* interp) {
  GcState& gc = interp->gc;
  gc.collecting = true;
  for (Object** field : {reinterpret_cast<Object**>(&gc.garbage), reinterpret_cast<Object**>(&gc.callbacks)}) {
    Object* o = *field;
    *field = nullptr;
    xdecref(o);
  }
  GcObject all;
  gc_list_init(&all);
  for (;;) {
    for (auto& g : gc.generations) gc_list_merge(&g.head, &all);
    gc_list_merge(&gc.permanent.head, &all);
    if (gc_list_is_empty(&all)) break;
    for (GcObject* o = all.gc_next; o != &all; o = o->gc_next) incref(o);
    for (GcObject* o = all.gc_next; o != &all; o = o->gc_next) o->clear_refs();
    // An instance of a class derived from a built-in type names its class to the end; the
    // classes go in the loop below, perhaps first, so such instances name object from here.
    for (GcObject* o = all.gc_next; o != &all; o = o->gc_next)
      if (o->type->flags & TypeFlags::builtin_subclass) o->type = &object_type;
    while (!gc_list_is_empty(&all)) {
      GcObject* o = all.gc_next;
      gc_list_unlink(o);
      --interp->live_count;
      delete o;
    }
  }
  for (auto& g : gc.generations) g.count = 0;
  interp->weakrefs.clear();
  gc.collecting = false;
}

}  // namespace gopy
