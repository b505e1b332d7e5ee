// The iterator types the builtins module exposes: enumerate, zip, map, filter, reversed
// (CPython: Objects/enumobject.c, Python/bltinmodule.c zip/map/filter). They live in the
// kernel so their type objects outlive any plugin.
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/typevar.hpp"
#include "object/seq_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_init.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject enumerate_type, zip_type, map_type, filter_type, reversed_type;

namespace {

// One iterator type with a list of owned objects: `parts` (iterators, functions) plus state.
struct IterObject : GcObject {
  std::vector<Object*> parts;
  int64_t counter = 0;
  Object* big_counter = nullptr;  // enumerate past int64, or a non-int start
  bool strict = false;
  IterObject(TypeObject* t) : GcObject(t) {}
  ~IterObject() override { clear_refs(); }
  void clear_refs() override {
    std::vector<Object*> old;
    old.swap(parts);
    for (Object* o : old) xdecref(o);
    Object* c = big_counter;
    big_counter = nullptr;
    xdecref(c);
  }
  int traverse(VisitFn visit, void* arg) override {
    if (int r = visit_all(parts, visit, arg)) return r;
    return visit_ref(big_counter, visit, arg);
  }
};

Object* self_iter(Object* o) { return new_ref(o); }

Object* enumerate_new(TypeObject*, Object* const* a, size_t n, TupleObject* kw) {
  // enumerate() keeps the older text (CPython: Objects/enumobject.c enumerate_vectorcall).
  if (kw)
    for (Object* k : kw->items)
      if (as_str(k)->view() != "iterable" && as_str(k)->view() != "start")
        return type_error(cat("'", as_str(k)->utf8, "' is an invalid keyword argument for enumerate()"));
  Object* iterable = n > 0 ? a[0] : find_kwarg(a, n, kw, "iterable");
  Object* start = n > 1 ? a[1] : find_kwarg(a, n, kw, "start");
  if (n > 2) return type_error(cat("enumerate() takes at most 2 arguments (", n, " given)"));
  if (!iterable) return type_error("enumerate() missing required argument 'iterable'");
  // The start is read before the iterable's iterator (CPython: enum_new_impl).
  Ref<> s;
  if (start && !(s = Ref<>::steal(number_index(start)))) return nullptr;
  Object* it = get_iter(iterable);
  if (!it) return nullptr;
  auto* e = make<IterObject>(&enumerate_type);
  e->parts.push_back(it);
  if (s && !int_to_int64(s.get(), &e->counter)) e->big_counter = new_ref(s.get());
  return e;
}

Object* enumerate_next(Object* o) {
  auto* e = static_cast<IterObject*>(o);
  if (e->parts.empty()) return nullptr;
  Object* x = iter_next(e->parts[0]);
  if (!x) return nullptr;
  Object* idx;
  if (e->big_counter) {
    idx = new_ref(e->big_counter);
    Object* one = new_int(1);
    Object* next = binary_op(e->big_counter, one, BinaryOp::add);
    decref(one);
    decref(e->big_counter);
    e->big_counter = next;
  } else {
    idx = new_int(e->counter);
    if (e->counter == INT64_MAX) {
      Object* one = new_int(1);
      e->big_counter = binary_op(idx, one, BinaryOp::add);
      decref(one);
    } else {
      ++e->counter;
    }
  }
  std::vector<Object*> pair{idx, x};
  return new_tuple_steal(std::move(pair));
}

// zip's and map's keyword-only `strict` (PyArg_ParseTupleAndKeywords "|$p:name"): 0 or 1,
// -1 on error. CPython: Python/bltinmodule.c zip_new, map_new
int strict_keyword(const char* name, Object* const* a, size_t n, TupleObject* kw) {
  if (kw && kw->items.size() > 1)
    return type_error(cat(name, "() takes at most 1 keyword argument (", kw->items.size(), " given)")), -1;
  if (!check_kwargs_allowed(name, kw, {"strict"})) return -1;
  Object* s = find_kwarg(a, n, kw, "strict");
  return s ? object_is_true(s) : 0;
}

// A strict zip or map whose iterator `i` (of `its`, the iterables' in order) ran out: the
// ValueError naming the shorter or longer argument, or none when all ran out together.
// CPython: Python/bltinmodule.c zip_next, map_next (the `check` label)
Object* strict_length_error(const char* name, const std::vector<Object*>& its, size_t i) {
  auto others = [](size_t k) { return k == 1 ? std::string("argument 1") : cat("arguments 1-", k); };
  if (error_occurred()) return nullptr;
  if (i > 0) return value_error(cat(name, "() argument ", i + 1, " is shorter than ", others(i)));
  for (size_t k = 1; k < its.size(); ++k) {
    Object* y = iter_next(its[k]);
    if (y) {
      decref(y);
      return value_error(cat(name, "() argument ", k + 1, " is longer than ", others(k)));
    }
    if (error_occurred()) return nullptr;
  }
  return nullptr;
}

Object* zip_new(TypeObject*, Object* const* a, size_t n, TupleObject* kw) {
  int strict = strict_keyword("zip", a, n, kw);
  if (strict < 0) return nullptr;
  auto* z = make<IterObject>(&zip_type);
  z->strict = strict;
  for (size_t i = 0; i < n; ++i) {
    Object* it = get_iter(a[i]);
    if (!it) {  // get_iter's own "'int' object is not iterable" (CPython 3.14: zip_new)
      decref(z);
      return nullptr;
    }
    z->parts.push_back(it);
  }
  return z;
}

Object* zip_next(Object* o) {
  auto* z = static_cast<IterObject*>(o);
  if (z->parts.empty()) return nullptr;
  std::vector<Object*> items;
  for (size_t i = 0; i < z->parts.size(); ++i) {
    Object* x = iter_next(z->parts[i]);
    if (!x) {
      for (Object* v : items) decref(v);
      return z->strict ? strict_length_error("zip", z->parts, i) : nullptr;
    }
    items.push_back(x);
  }
  return new_tuple_steal(std::move(items));
}

// CPython: Python/bltinmodule.c map_new (3.14: keyword-only `strict`)
Object* map_new(TypeObject*, Object* const* a, size_t n, TupleObject* kw) {
  int strict = strict_keyword("map", a, n, kw);
  if (strict < 0) return nullptr;
  if (n < 2) return type_error("map() must have at least two arguments.");
  auto* m = make<IterObject>(&map_type);
  m->strict = strict;
  m->parts.push_back(new_ref(a[0]));
  for (size_t i = 1; i < n; ++i) {
    Object* it = get_iter(a[i]);
    if (!it) {
      decref(m);
      return nullptr;
    }
    m->parts.push_back(it);
  }
  return m;
}

Object* map_next(Object* o) {
  auto* m = static_cast<IterObject*>(o);
  if (m->parts.empty()) return nullptr;
  std::vector<Object*> args;
  for (size_t i = 1; i < m->parts.size(); ++i) {
    Object* x = iter_next(m->parts[i]);
    if (!x) {
      for (Object* v : args) decref(v);
      if (!m->strict) return nullptr;
      std::vector<Object*> its(m->parts.begin() + 1, m->parts.end());
      return strict_length_error("map", its, i - 1);
    }
    args.push_back(x);
  }
  Object* r = call(m->parts[0], args.data(), args.size(), nullptr);
  for (Object* v : args) decref(v);
  return r;
}

Object* filter_new(TypeObject*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("filter", kw) || !check_nargs("filter", n, 2, 2)) return nullptr;
  Object* it = get_iter(a[1]);
  if (!it) return nullptr;
  auto* f = make<IterObject>(&filter_type);
  f->parts.push_back(new_ref(a[0]));
  f->parts.push_back(it);
  return f;
}

Object* filter_next(Object* o) {
  auto* f = static_cast<IterObject*>(o);
  if (f->parts.empty()) return nullptr;
  for (;;) {
    Object* x = iter_next(f->parts[1]);
    if (!x) return nullptr;
    int keep;
    if (f->parts[0] == None() || f->parts[0] == &bool_type) {
      keep = object_is_true(x);
    } else {
      Object* r = call1(f->parts[0], x);
      keep = r ? object_is_true(r) : -1;
      xdecref(r);
    }
    if (keep < 0) {
      decref(x);
      return nullptr;
    }
    if (keep) return x;
    decref(x);
  }
}

Object* reversed_new(TypeObject*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("reversed", kw)) return nullptr;
  if (n != 1) return type_error(cat("reversed expected 1 argument, got ", n));  // CPython: _PyArg_CheckPositional
  Object* seq = a[0];
  if (seq->type == &list_type) return new_list_reverse_iter(seq);
  if (Object* rev = type_lookup(seq->type, intern("__reversed__")); rev && rev != None()) {
    if (rev->type == &function_type) return call1(rev, seq);
    return call_method(seq, intern("__reversed__"), nullptr, 0);
  }
  // CPython: reversed_new: a sequence (PySequence_Check) is needed; its length next.
  if (!seq->type->mp_subscript || is_dict(seq) || is_anyset(seq))
    return type_error(cat("'", seq->type->name, "' object is not reversible"));
  ssize len = object_length(seq);
  if (len < 0) return nullptr;
  auto* r = make<IterObject>(&reversed_type);
  r->parts.push_back(new_ref(seq));
  r->counter = len - 1;
  return r;
}

Object* reversed_next(Object* o) {
  auto* r = static_cast<IterObject*>(o);
  if (r->parts.empty() || r->counter < 0) {
    r->clear_refs();
    return nullptr;
  }
  Object* seq = r->parts[0];
  if (seq->type == &list_type) {
    auto& items = static_cast<ListObject*>(seq)->items;
    if (r->counter >= int64_t(items.size())) {
      r->clear_refs();
      return nullptr;
    }
    return new_ref(items[size_t(r->counter--)]);
  }
  Object* idx = new_int(r->counter--);
  Object* x = get_item(seq, idx);
  decref(idx);
  if (!x && (error_matches(&exc_IndexError) || error_matches(&exc_StopIteration))) {
    clear_error();
    r->clear_refs();
  }
  return x;
}

}  // namespace

// list.__reversed__: an index walking down from the end (CPython: list_reverseiterator).
TypeObject list_reverse_iter_type;
Object* new_list_reverse_iter(Object* list) {
  auto* r = make<IterObject>(&list_reverse_iter_type);
  r->parts.push_back(new_ref(list));
  r->counter = int64_t(static_cast<ListObject*>(list)->items.size()) - 1;
  return r;
}

void init_enumerate_methods() { add_class_getitem(&enumerate_type); }

void init_builtin_iter_types() {
  make_static_type(&list_reverse_iter_type, &type_type, "list_reverseiterator", &object_type, 0);
  list_reverse_iter_type.tp_iter = self_iter;
  list_reverse_iter_type.tp_iternext = reversed_next;
  struct Def {
    TypeObject* t;
    const char* name;
    NewFn make;
    UnaryFn next;
  };
  Def defs[] = {{&enumerate_type, "enumerate", enumerate_new, enumerate_next},
                {&zip_type, "zip", zip_new, zip_next},
                {&map_type, "map", map_new, map_next},
                {&filter_type, "filter", filter_new, filter_next},
                {&reversed_type, "reversed", reversed_new, reversed_next}};
  for (auto& d : defs) {
    make_static_type(d.t, &type_type, d.name, &object_type, 0);
    d.t->tp_new = d.make;
    d.t->tp_iter = self_iter;
    d.t->tp_iternext = d.next;
  }
  enumerate_type.lazy_methods = init_enumerate_methods;
}

}  // namespace gopy
