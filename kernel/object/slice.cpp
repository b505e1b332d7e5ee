// slice objects from Python: slice(stop) / slice(start, stop[, step]), the start/stop/step
// attributes, indices(), comparison and (3.12+) hashing (CPython: Objects/sliceobject.c).
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/prim/hash.hpp"
#include "object/slice_internal.hpp"
#include "object/strcat.hpp"

namespace gopy {

namespace {

SliceObject* as_slice(Object* o) { return static_cast<SliceObject*>(o); }

TupleObject* slice_as_tuple(Object* o) {
  auto* s = as_slice(o);
  return new_tuple_from({s->start, s->stop, s->step});
}

// CPython: Objects/sliceobject.c slice_new
Object* slice_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (kwnames && !kwnames->items.empty()) return type_error("slice() takes no keyword arguments");
  if (nargs == 0) return type_error("slice expected at least 1 argument, got 0");
  if (nargs > 3) return type_error(cat("slice expected at most 3 arguments, got ", nargs));
  if (nargs == 1) return new_slice(nullptr, args[0], nullptr);
  return new_slice(args[0], args[1], nargs == 3 ? args[2] : nullptr);
}

Object* slice_getattr(Object* o, StrObject* name) {
  auto* s = as_slice(o);
  std::string_view n = name->view();
  if (n == "start") return new_ref(s->start);
  if (n == "stop") return new_ref(s->stop);
  if (n == "step") return new_ref(s->step);
  return generic_getattr(o, name);
}

// Slices compare as (start, stop, step) tuples. CPython: Objects/sliceobject.c slice_richcompare
Object* slice_richcompare(Object* a, Object* b, CompareOp op) {
  if (b->type != &slice_type) return new_ref(NotImplemented());
  TupleObject* x = slice_as_tuple(a);
  TupleObject* y = slice_as_tuple(b);
  Object* r = rich_compare(x, y, op);
  decref(x);
  decref(y);
  return r;
}

// 3.12+: a slice hashes its parts as a tuple does, without the tuple's length.
// CPython: Objects/sliceobject.c slice_hash
int64_t slice_hash(Object* o) {
  auto* s = as_slice(o);
  int64_t parts[3];
  int i = 0;
  for (Object* part : {s->start, s->stop, s->step})
    if ((parts[i++] = object_hash(part)) == -1) return -1;
  return prim::hash_slice(parts);
}

// CPython: Objects/sliceobject.c slice_indices (via _PySlice_GetLongIndices)
Object* m_indices(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("slice.indices", kw) || !check_nargs("slice.indices", n - 1, 1, 1)) return nullptr;
  Object* length_obj = number_index(a[1]);
  if (!length_obj) return nullptr;
  int sign = int_sign(length_obj);
  ssize length;
  bool ok = index_as_ssize(length_obj, &length);
  decref(length_obj);
  if (sign < 0) return value_error("length should not be negative");
  if (!ok) return nullptr;
  ssize start, stop, step;
  if (slice_indices(as_slice(a[0]), length, &start, &stop, &step) < 0) return nullptr;
  Object* x = new_int(start);
  Object* y = new_int(stop);
  Object* z = new_int(step);
  TupleObject* r = new_tuple_from({x, y, z});
  decref(x);
  decref(y);
  decref(z);
  return r;
}

}  // namespace

void init_slice_slots() {
  slice_type.tp_new = slice_new;
  slice_type.tp_getattr = slice_getattr;
  slice_type.tp_richcompare = slice_richcompare;
  slice_type.tp_hash = slice_hash;
}

void init_slice_methods() { add_method(&slice_type, "indices", m_indices); }

}  // namespace gopy
