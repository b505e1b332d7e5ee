// Iterators over sequences: list/tuple (index based), the generic __getitem__ iterator and
// iter(callable, sentinel) (CPython: Objects/iterobject.c, listobject.c listiter).
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "object/seq_internal.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject list_iter_type, tuple_iter_type, seq_iter_type, callable_iter_type;

namespace {

struct SeqIterObject : GcObject {
  Object* seq;  // owned; null once exhausted
  ssize index = 0;
  SeqIterObject(TypeObject* t, Object* s) : GcObject(t), seq(new_ref(s)) {}
  ~SeqIterObject() override { clear_refs(); }
  void clear_refs() override {
    Object* s = seq;
    seq = nullptr;
    xdecref(s);
  }
  int traverse(VisitFn visit, void* arg) override { return visit_ref(seq, visit, arg); }
};

struct CallableIterObject : GcObject {
  Object* callable;  // owned
  Object* sentinel;  // owned
  CallableIterObject(Object* c, Object* s) : GcObject(&callable_iter_type), callable(new_ref(c)), sentinel(new_ref(s)) {}
  ~CallableIterObject() override { clear_refs(); }
  void clear_refs() override {
    Object* c = callable;
    Object* s = sentinel;
    callable = sentinel = nullptr;
    xdecref(c);
    xdecref(s);
  }
  int traverse(VisitFn visit, void* arg) override {
    if (int r = visit_ref(callable, visit, arg)) return r;
    return visit_ref(sentinel, visit, arg);
  }
};

Object* self_iter(Object* o) { return new_ref(o); }

Object* fast_iter_next(Object* o) {
  auto* it = static_cast<SeqIterObject*>(o);
  if (!it->seq) return nullptr;
  const auto& items = it->seq->type == &list_type || is_list(it->seq) ? static_cast<ListObject*>(it->seq)->items
                                                                      : static_cast<TupleObject*>(it->seq)->items;
  const size_t i = size_t(it->index);
  if (i < items.size()) {
    ++it->index;
    // The items of a sorted or shuffled list lie anywhere in memory: ask for the next ones
    // while the loop body works on this one (their reference counts are touched next), and
    // for the next one's own items when it is a tuple (a row: its fields are read next).
    if (i + 2 < items.size()) __builtin_prefetch(items[i + 2], 1);
    if (i + 1 < items.size() && items[i + 1]->type == &tuple_type) {
      const auto& row = static_cast<TupleObject*>(items[i + 1])->items;
      if (!row.empty()) __builtin_prefetch(row.data());
    }
    return new_ref(items[i]);
  }
  it->clear_refs();
  return nullptr;
}

// The items left: CPython's listiter_len and tupleiter_len (what operator.length_hint reads).
Object* fast_iter_length_hint(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__length_hint__", kw) || !check_nargs("__length_hint__", n - 1, 0, 0)) return nullptr;
  auto* it = static_cast<SeqIterObject*>(a[0]);
  if (!it->seq) return new_int(0);
  ssize size = is_list(it->seq) ? ssize(static_cast<ListObject*>(it->seq)->items.size())
                                : ssize(static_cast<TupleObject*>(it->seq)->items.size());
  return new_int(size > it->index ? size - it->index : 0);
}

void init_list_iter_methods() { add_method(&list_iter_type, "__length_hint__", fast_iter_length_hint); }
void init_tuple_iter_methods() { add_method(&tuple_iter_type, "__length_hint__", fast_iter_length_hint); }

Object* seq_iter_next(Object* o) {
  auto* it = static_cast<SeqIterObject*>(o);
  if (!it->seq) return nullptr;
  Object* idx = new_int(it->index);
  Object* r = get_item(it->seq, idx);
  decref(idx);
  if (!r) {
    if (error_matches(&exc_IndexError) || error_matches(&exc_StopIteration)) {
      clear_error();
      it->clear_refs();
    }
    return nullptr;
  }
  ++it->index;
  return r;
}

Object* callable_iter_next(Object* o) {
  auto* it = static_cast<CallableIterObject*>(o);
  if (!it->callable) return nullptr;
  Object* r = call0(it->callable);
  if (!r) {
    if (error_matches(&exc_StopIteration)) {
      clear_error();
      it->clear_refs();
    }
    return nullptr;
  }
  int eq = object_eq(r, it->sentinel);
  if (eq < 0) {
    decref(r);
    return nullptr;
  }
  if (eq) {
    decref(r);
    it->clear_refs();
    return nullptr;
  }
  return r;
}

}  // namespace

Object* new_seq_fast_iter(Object* seq) {
  return make<SeqIterObject>(is_list(seq) ? &list_iter_type : &tuple_iter_type, seq);
}
Object* seq_iter_new(Object* seq) { return make<SeqIterObject>(&seq_iter_type, seq); }
Object* new_callable_iter(Object* callable, Object* sentinel) { return make<CallableIterObject>(callable, sentinel); }

void init_iterator_types() {
  make_static_type(&list_iter_type, &type_type, "list_iterator", &object_type, 0);
  make_static_type(&tuple_iter_type, &type_type, "tuple_iterator", &object_type, 0);
  make_static_type(&seq_iter_type, &type_type, "iterator", &object_type, 0);
  make_static_type(&callable_iter_type, &type_type, "callable_iterator", &object_type, 0);
  for (TypeObject* t : {&list_iter_type, &tuple_iter_type}) {
    t->tp_iter = self_iter;
    t->tp_iternext = fast_iter_next;
  }
  list_iter_type.lazy_methods = init_list_iter_methods;
  tuple_iter_type.lazy_methods = init_tuple_iter_methods;
  seq_iter_type.tp_iter = self_iter;
  seq_iter_type.tp_iternext = seq_iter_next;
  callable_iter_type.tp_iter = self_iter;
  callable_iter_type.tp_iternext = callable_iter_next;
}

}  // namespace gopy
