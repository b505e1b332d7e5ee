// tuple (CPython: Objects/tupleobject.c).
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/typevar.hpp"
#include "object/prim/hash.hpp"
#include "object/prim/storage.hpp"
#include "object/seq_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject tuple_type;

void TupleObject::clear_refs() {
  std::vector<Object*> old;
  old.swap(items);
  for (Object* o : old) xdecref(o);
}

TupleObject* new_tuple(ssize n) {
  auto* t = make<TupleObject>();
  t->items.assign(size_t(n), nullptr);
  return t;
}

TupleObject* new_tuple_steal(std::vector<Object*>&& items) {
  auto* t = make<TupleObject>();
  t->items = std::move(items);
  return t;
}

TupleObject* new_tuple_from(std::initializer_list<Object*> items) {
  auto* t = make<TupleObject>();
  t->items.reserve(items.size());
  for (Object* o : items) t->items.push_back(new_ref(o));
  return t;
}

TupleObject* empty_tuple() { return make<TupleObject>(); }

TupleObject* tuple_from_iterable(Object* iterable) {
  if (iterable->type == &tuple_type) return new_ref(static_cast<TupleObject*>(iterable));
  ListObject* l = list_from_iterable(iterable);
  if (!l) return nullptr;
  TupleObject* t = new_tuple_steal(std::move(l->items));
  l->items.clear();
  decref(l);
  return t;
}

bool repeat_items(const std::vector<Object*>& src, ssize count, std::vector<Object*>& out) {
  if (src.empty() || count <= 0) return true;
  // CPython: Objects/listobject.c list_repeat_lock_held, Objects/tupleobject.c tuple_repeat
  // (PyErr_NoMemory when the size overflows or the items cannot be allocated).
  if (ssize(src.size()) > PTRDIFF_MAX / count || !prim::can_allocate(src.size() * size_t(count), sizeof(Object*))) {
    no_memory();
    return false;
  }
  out.reserve(src.size() * size_t(count));
  for (ssize k = 0; k < count; ++k)
    for (Object* o : src) out.push_back(new_ref(o));
  return true;
}

// CPython: Objects/listobject.c list_richcompare, tuple_richcompare. Items are held while __eq__ runs, and
// the sizes re-read after it: a list may shrink or be cleared by the comparison.
Object* sequence_richcompare(const std::vector<Object*>& a, const std::vector<Object*>& b, CompareOp op) {
  size_t i = 0;
  for (; i < a.size() && i < b.size(); ++i) {
    if (a[i] == b[i]) continue;
    Ref<> x = Ref<>::borrow(a[i]);
    Ref<> y = Ref<>::borrow(b[i]);
    int eq = object_eq(x.get(), y.get());
    if (eq < 0) return nullptr;
    if (!eq) break;
  }
  if (i >= a.size() || i >= b.size()) {
    size_t x = a.size(), y = b.size();
    bool t = false;
    switch (op) {
      case CompareOp::lt: t = x < y; break;
      case CompareOp::le: t = x <= y; break;
      case CompareOp::eq: t = x == y; break;
      case CompareOp::ne: t = x != y; break;
      case CompareOp::gt: t = x > y; break;
      case CompareOp::ge: t = x >= y; break;
    }
    return new_bool(t);
  }
  if (op == CompareOp::eq) return new_bool(false);
  if (op == CompareOp::ne) return new_bool(true);
  Ref<> x = Ref<>::borrow(a[i]);
  Ref<> y = Ref<>::borrow(b[i]);
  return rich_compare(x.get(), y.get(), op);
}

void normalize_range(ssize len, ssize* start, ssize* stop) {
  if (*start < 0) *start = std::max<ssize>(0, *start + len);
  if (*stop < 0) *stop = std::max<ssize>(0, *stop + len);
  if (*stop > len) *stop = len;
}

Object* sequence_index(const std::vector<Object*>& items, Object* const* a, size_t n,
                       const char* type_name) {
  ssize start = 0, stop = ssize(items.size());
  // CPython: _PyEval_SliceIndexNotNone
  for (size_t k = 2; k < n && k < 4; ++k)
    if (!a[k]->type->nb_index) return type_error("slice indices must be integers or have an __index__ method");
  if (n > 2 && !index_as_ssize(a[2], &start)) return nullptr;
  if (n > 3 && !index_as_ssize(a[3], &stop)) return nullptr;
  normalize_range(ssize(items.size()), &start, &stop);
  for (ssize i = start; i < stop && i < ssize(items.size()); ++i) {
    Ref<> item = Ref<>::borrow(items[size_t(i)]);  // __eq__ may remove it from a list
    int eq = object_eq(item.get(), a[1]);
    if (eq < 0) return nullptr;
    if (eq) return new_int(i);
  }
  return value_error(cat(type_name, ".index(x): x not in ", type_name));
}

Object* sequence_count(const std::vector<Object*>& items, Object* x) {
  int64_t c = 0;
  for (size_t i = 0; i < items.size(); ++i) {
    Ref<> item = Ref<>::borrow(items[i]);  // __eq__ may remove it from a list
    int eq = object_eq(item.get(), x);
    if (eq < 0) return nullptr;
    c += eq;
  }
  return new_int(c);
}

namespace {

TupleObject* as_tuple(Object* o) { return static_cast<TupleObject*>(o); }

Object* tuple_repr(Object* o) {
  auto* t = as_tuple(o);
  if (t->items.empty()) return new_str("()");
  if (repr_enter(o)) return new_str("(...)");
  std::string out = "(";
  for (size_t i = 0; i < t->items.size(); ++i) {
    if (i) out += ", ";
    Object* r = object_repr(t->items[i]);
    if (!r) {
      repr_leave(o);
      return nullptr;
    }
    out += as_str(r)->utf8;
    decref(r);
  }
  repr_leave(o);
  out += t->items.size() == 1 ? ",)" : ")";
  return new_str(out);
}

int64_t tuple_hash(Object* o) {
  auto* t = as_tuple(o);
  if (t->hash != -1) return t->hash;
  std::vector<int64_t> hashes;
  hashes.reserve(t->items.size());
  for (Object* x : t->items) {
    int64_t h = object_hash(x);
    if (h == -1) return -1;
    hashes.push_back(h);
  }
  t->hash = prim::hash_tuple(hashes);
  return t->hash;
}

ssize tuple_length(Object* o) { return as_tuple(o)->size(); }

Object* tuple_subscript(Object* o, Object* key) {
  auto* t = as_tuple(o);
  if (key->type == &slice_type) {
    ssize start, stop, step;
    ssize n = slice_indices(static_cast<SliceObject*>(key), t->size(), &start, &stop, &step);
    if (n < 0) return nullptr;
    // The whole of an exact tuple is itself (CPython: tuple_subscript).
    if (o->type == &tuple_type && start == 0 && step == 1 && n == t->size()) return new_ref(o);
    std::vector<Object*> items;
    for (ssize i = 0, j = start; i < n; ++i, j += step) items.push_back(new_ref(t->items[size_t(j)]));
    return new_tuple_steal(std::move(items));
  }
  if (!key->type->nb_index)
    return type_error(cat("tuple indices must be integers or slices, not ", key->type->name));
  ssize i;
  if (!subscript_index(key, &i)) return nullptr;
  if (i < 0) i += t->size();
  if (i < 0 || i >= t->size()) return index_error("tuple index out of range");
  return new_ref(t->items[size_t(i)]);
}

int tuple_contains(Object* o, Object* item) {
  for (Object* x : as_tuple(o)->items) {
    int eq = object_eq(x, item);
    if (eq != 0) return eq;
  }
  return 0;
}

Object* tuple_richcompare(Object* a, Object* b, CompareOp op) {
  if (!is_tuple(b)) return new_ref(NotImplemented());
  return sequence_richcompare(as_tuple(a)->items, as_tuple(b)->items, op);
}

Object* tuple_add(Object* a, Object* b) {
  if (!is_tuple(a) || !is_tuple(b)) return new_ref(NotImplemented());
  // Adding an empty tuple to an exact one gives that one (CPython: tuple_concat).
  if (as_tuple(a)->items.empty() && b->type == &tuple_type) return new_ref(b);
  if (as_tuple(b)->items.empty() && a->type == &tuple_type) return new_ref(a);
  const size_t size = as_tuple(a)->items.size() + as_tuple(b)->items.size();
  if (!prim::can_allocate(size, sizeof(Object*))) return no_memory();  // CPython: tuple_concat
  std::vector<Object*> items;
  items.reserve(size);
  for (Object* o : as_tuple(a)->items) items.push_back(new_ref(o));
  for (Object* o : as_tuple(b)->items) items.push_back(new_ref(o));
  return new_tuple_steal(std::move(items));
}

Object* tuple_mul(Object* a, Object* b) {
  Object* seq = is_tuple(a) ? a : b;
  Object* n = seq == a ? b : a;
  if (!is_tuple(seq) || !n->type->nb_index) return new_ref(NotImplemented());
  ssize count;
  if (!index_as_ssize(n, &count)) return nullptr;
  // An exact tuple once, or an empty one any number of times, is itself (CPython: tuple_repeat).
  if (seq->type == &tuple_type && (count == 1 || (as_tuple(seq)->items.empty() && count > 0))) return new_ref(seq);
  std::vector<Object*> items;
  if (!repeat_items(as_tuple(seq)->items, count, items)) return nullptr;
  return new_tuple_steal(std::move(items));
}

Object* tuple_iter(Object* o) { return new_seq_fast_iter(o); }

Object* tuple_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (kwnames && !kwnames->items.empty()) return type_error("tuple() takes no keyword arguments");
  if (nargs > 1) return type_error(cat("tuple expected at most 1 argument, got ", nargs));
  if (nargs == 0) return empty_tuple();
  return tuple_from_iterable(args[0]);
}

Object* m_index(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("index", kw) || !check_nargs("index", n - 1, 1, 3)) return nullptr;
  return sequence_index(as_tuple(a[0])->items, a, n, "tuple");
}

Object* m_count(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("count", kw) || !check_nargs("tuple.count", n - 1, 1, 1)) return nullptr;
  return sequence_count(as_tuple(a[0])->items, a[1]);
}

}  // namespace

void init_tuple_type() {
  make_static_type(&tuple_type, &type_type, "tuple", &object_type);
  TypeObject* t = &tuple_type;
  t->flags |= TypeFlags::tuple_subclass;
  t->tp_new = tuple_new;
  t->tp_repr = tuple_repr;
  t->tp_hash = tuple_hash;
  t->tp_richcompare = tuple_richcompare;
  t->sq_length = tuple_length;
  t->mp_subscript = tuple_subscript;
  t->sq_contains = tuple_contains;
  t->tp_iter = tuple_iter;
  t->nb_binary[int(BinaryOp::add)] = tuple_add;
  t->nb_binary[int(BinaryOp::mul)] = tuple_mul;
}

void init_tuple_methods() {
  add_class_getitem(&tuple_type);
  add_method(&tuple_type, "index", m_index);
  add_method(&tuple_type, "count", m_count);
}

void init_list_tuple_types() {
  init_list_type();
  init_tuple_type();
}
}  // namespace gopy
