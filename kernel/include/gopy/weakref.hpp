// Weak references (CPython: Objects/weakrefobject.c). A referent's weak references are
// kept in the interpreter's side table (Interpreter::weakrefs), newest last, so objects
// carry no weak-reference slot; a type accepts them when it has TypeFlags::weakrefable.
#pragma once
#include "gopy/api_begin.h"

#include "gopy/object.hpp"

namespace gopy {

extern TypeObject weakref_type, weakproxy_type, weakcallableproxy_type;

struct WeakRefObject : GcObject {
  Object* referent = nullptr;  // borrowed; null once the referent is gone
  Object* callback = nullptr;  // owned, may be null
  int64_t hash = -1;
  WeakRefObject* wr_prev = nullptr;  // the referent's list of weak references
  WeakRefObject* wr_next = nullptr;
  explicit WeakRefObject(TypeObject* t) : GcObject(t) {}
  ~WeakRefObject() override;
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

inline bool is_weakref(const Object* o) {
  return o->type == &weakref_type || o->type == &weakproxy_type || o->type == &weakcallableproxy_type ||
         is_subtype(o->type, &weakref_type);
}
// A weak reference to `referent` (which must accept them), without callback.
WeakRefObject* new_weakref(Object* referent);
// The first weak reference to `o`, or null.
WeakRefObject* first_weakref(Object* o);
// Detaches a weak reference from its referent without calling its callback
// (CPython: _PyWeakref_ClearRef).
void weakref_clear_ref(WeakRefObject* wr);
// Calls a cleared weak reference's callback with it; an error is reported as unraisable.
void weakref_call_callback(WeakRefObject* wr);
// A dying object's weak references: cleared, then their callbacks called, newest first
// (CPython: PyObject_ClearWeakRefs).
void clear_weakrefs(Object* o);

void init_weakref_types();

}  // namespace gopy
#include "gopy/api_end.h"
