// dict's protocols, methods, views and iterators (CPython: Objects/dictobject.c).
#include <algorithm>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/typevar.hpp"
#include "object/class_method.hpp"
#include "object/dict_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

// dict_view_type is dict_keys (CPython's three view types share gopy's view object).
TypeObject dict_view_type, dict_values_type, dict_items_type, dict_iter_type;
// CPython's iterator types, one for each view kind and direction (dict_iter_type is the
// keys' forward one).
TypeObject dict_valueiter_type, dict_itemiter_type, dict_revkeyiter_type, dict_revvalueiter_type,
    dict_revitemiter_type;

namespace {

enum class ViewKind { keys, values, items };

DictObject* as_dict(Object* o) { return static_cast<DictObject*>(o); }

struct DictViewObject : GcObject {
  DictObject* dict;
  ViewKind kind;
  DictViewObject(DictObject* d, ViewKind k)
      : GcObject(k == ViewKind::keys ? &dict_view_type : k == ViewKind::values ? &dict_values_type : &dict_items_type),
        dict(new_ref(d)),
        kind(k) {}
  ~DictViewObject() override { clear_refs(); }
  void clear_refs() override {
    Object* d = dict;
    dict = nullptr;
    xdecref(d);
  }
  int traverse(VisitFn visit, void* arg) override { return visit_ref(dict, visit, arg); }
};

TypeObject* iter_type_for(ViewKind k, bool reverse) {
  switch (k) {
    case ViewKind::keys: return reverse ? &dict_revkeyiter_type : &dict_iter_type;
    case ViewKind::values: return reverse ? &dict_revvalueiter_type : &dict_valueiter_type;
    case ViewKind::items: return reverse ? &dict_revitemiter_type : &dict_itemiter_type;
  }
  return &dict_iter_type;
}

// A forward iterator walks up from the first entry; a reverse one (pos is one past the
// next entry) down from the last.
struct DictIterObject : GcObject {
  DictObject* dict;
  ViewKind kind;
  size_t pos = 0;
  ssize used_at_start;
  bool reverse;
  DictIterObject(DictObject* d, ViewKind k, bool rev = false)
      : GcObject(iter_type_for(k, rev)), dict(new_ref(d)), kind(k), used_at_start(d->used), reverse(rev) {
    if (rev) pos = d->entries.size();
  }
  ~DictIterObject() override { clear_refs(); }
  void clear_refs() override {
    Object* d = dict;
    dict = nullptr;
    xdecref(d);
  }
  int traverse(VisitFn visit, void* arg) override { return visit_ref(dict, visit, arg); }
};

Object* dict_iter_next(Object* o) {
  auto* it = static_cast<DictIterObject*>(o);
  DictObject* d = it->dict;
  if (!d) return nullptr;
  if (d->used != it->used_at_start) {
    it->used_at_start = -1;
    return set_error(&exc_RuntimeError, "dictionary changed size during iteration");
  }
  size_t at;
  if (it->reverse) {
    if (it->pos > d->entries.size()) it->pos = d->entries.size();
    while (it->pos > 0 && !d->entries[it->pos - 1].key) --it->pos;
    if (it->pos == 0) {
      it->clear_refs();
      return nullptr;
    }
    at = --it->pos;
  } else {
    while (it->pos < d->entries.size() && !d->entries[it->pos].key) ++it->pos;
    if (it->pos >= d->entries.size()) {
      it->clear_refs();
      return nullptr;
    }
    at = it->pos++;
  }
  DictEntry& e = d->entries[at];
  switch (it->kind) {
    case ViewKind::keys: return new_ref(e.key);
    case ViewKind::values: return new_ref(e.value);
    case ViewKind::items: return new_tuple_from({e.key, e.value});
  }
  return nullptr;
}

Object* self_iter(Object* o) { return new_ref(o); }

Object* dict_iter(Object* o) { return make<DictIterObject>(as_dict(o), ViewKind::keys); }

Object* dict_repr(Object* o) {
  auto* d = as_dict(o);
  if (d->used == 0) return new_str("{}");
  if (repr_enter(o)) return new_str("{...}");
  std::string out = "{";
  bool first = true;
  std::vector<DictEntry> snapshot;
  for (auto& e : d->entries)
    if (e.key) {
      incref(e.key);
      incref(e.value);
      snapshot.push_back(e);
    }
  Object* failed = nullptr;
  for (auto& e : snapshot) {
    if (!failed) {
      Object* k = object_repr(e.key);
      Object* v = k ? object_repr(e.value) : nullptr;
      if (!k || !v) {
        failed = None();
      } else {
        if (!first) out += ", ";
        first = false;
        out += as_str(k)->utf8 + ": " + as_str(v)->utf8;
      }
      xdecref(k);
      xdecref(v);
    }
    decref(e.key);
    decref(e.value);
  }
  repr_leave(o);
  if (failed) return nullptr;
  return new_str(out + "}");
}

ssize dict_length(Object* o) { return as_dict(o)->used; }

Object* dict_subscript(Object* o, Object* key) {
  Object* v = dict_get_item(as_dict(o), key);
  if (v) return new_ref(v);
  if (error_occurred()) return nullptr;
  if (o->type != &dict_type) {
    // A subclass may define __missing__.
    if (Object* missing = type_lookup(o->type, intern("__missing__"))) {
      Object* args[2] = {o, key};
      return call(missing, args, 2, nullptr);
    }
  }
  return key_error(key);
}

int dict_ass_subscript(Object* o, Object* key, Object* value) {
  if (value) return dict_set_item(as_dict(o), key, value);
  return dict_del_item(as_dict(o), key);
}

int dict_contains(Object* o, Object* key) {
  Object* v = dict_get_item(as_dict(o), key);
  if (v) return 1;
  return error_occurred() ? -1 : 0;
}

Object* dict_richcompare(Object* a, Object* b, CompareOp op) {
  if (!is_dict(b) || (op != CompareOp::eq && op != CompareOp::ne)) return new_ref(NotImplemented());
  auto* x = as_dict(a);
  auto* y = as_dict(b);
  // CPython: dict_equal. Entries are read by position with the key and both values held,
  // since __eq__ may mutate either dict.
  bool equal = x->used == y->used;
  for (size_t i = 0; equal && i < x->entries.size(); ++i) {
    if (!x->entries[i].key) continue;
    Ref<> k = Ref<>::borrow(x->entries[i].key);
    Ref<> v1 = Ref<>::borrow(x->entries[i].value);
    Ref<> v2 = Ref<>::borrow(dict_get_item(y, k.get()));
    int eq = 0;
    if (v2) eq = object_eq(v1.get(), v2.get());
    else if (error_occurred()) eq = -1;
    if (eq < 0) return nullptr;
    if (!eq) equal = false;
  }
  return new_bool(op == CompareOp::eq ? equal : !equal);
}

Object* dict_new(TypeObject* t, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (nargs > 1) return type_error(cat("dict expected at most 1 argument, got ", nargs));
  DictObject* d = new_dict();
  if (t != &dict_type) {
    d->type = new_ref(t);  // a subclass instance: type reference held like heap instances
  }
  if (nargs == 1 && dict_update(d, args[0]) < 0) {
    decref(d);
    return nullptr;
  }
  if (kwnames) {
    for (size_t i = 0; i < kwnames->items.size(); ++i) dict_set_item(d, kwnames->items[i], args[nargs + i]);
  }
  return d;
}

// ---- views ----

Object* view_iter(Object* o) {
  auto* v = static_cast<DictViewObject*>(o);
  return make<DictIterObject>(v->dict, v->kind);
}
ssize view_length(Object* o) { return static_cast<DictViewObject*>(o)->dict->used; }
Object* view_repr(Object* o) {
  auto* v = static_cast<DictViewObject*>(o);
  static const char* names[] = {"dict_keys", "dict_values", "dict_items"};
  ListObject* l = list_from_iterable(o);
  if (!l) return nullptr;
  Object* r = object_repr(l);
  decref(l);
  if (!r) return nullptr;
  Object* s = new_str(cat(names[int(v->kind)], "(", as_str(r)->utf8, ")"));
  decref(r);
  return s;
}
int view_contains(Object* o, Object* item) {
  auto* v = static_cast<DictViewObject*>(o);
  if (v->kind == ViewKind::keys) return dict_contains(v->dict, item);
  if (v->kind == ViewKind::items) {
    if (!is_tuple(item) || static_cast<TupleObject*>(item)->size() != 2) return 0;
    Ref<> value = Ref<>::borrow(dict_get_item(v->dict, static_cast<TupleObject*>(item)->items[0]));
    if (!value) return error_occurred() ? -1 : 0;
    return object_eq(value.get(), static_cast<TupleObject*>(item)->items[1]);
  }
  // values: a search through the view's iterator (CPython has no values __contains__), so
  // an __eq__ that resizes the dict meets "dictionary changed size during iteration".
  Ref<> it = Ref<>::steal(make<DictIterObject>(v->dict, ViewKind::values));
  while (Ref<> value = Ref<>::steal(dict_iter_next(it.get()))) {
    int eq = object_eq(value.get(), item);
    if (eq) return eq;
  }
  return error_occurred() ? -1 : 0;
}

// ---- methods ----

Object* m_get(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("get", kw) || !check_nargs("get", n - 1, 1, 2)) return nullptr;
  Object* v = dict_get_item(as_dict(a[0]), a[1]);
  if (v) return new_ref(v);
  if (error_occurred()) return nullptr;
  return new_ref(n == 3 ? a[2] : None());
}
Object* m_keys(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("keys", kw) || !check_nargs("dict.keys", n - 1, 0, 0)) return nullptr;
  return make<DictViewObject>(as_dict(a[0]), ViewKind::keys);
}
Object* m_values(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("values", kw) || !check_nargs("dict.values", n - 1, 0, 0)) return nullptr;
  return make<DictViewObject>(as_dict(a[0]), ViewKind::values);
}
Object* m_items(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("items", kw) || !check_nargs("dict.items", n - 1, 0, 0)) return nullptr;
  return make<DictViewObject>(as_dict(a[0]), ViewKind::items);
}
Object* m_pop(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("pop", kw) || !check_nargs("pop", n - 1, 1, 2)) return nullptr;
  Object* v = dict_pop_item(as_dict(a[0]), a[1]);
  if (v || error_occurred()) return v;
  if (n == 3) return new_ref(a[2]);
  return key_error(a[1]);
}
Object* m_popitem(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("popitem", kw) || !check_nargs("dict.popitem", n - 1, 0, 0)) return nullptr;
  Object* pair = dict_pop_last(as_dict(a[0]));
  if (!pair) return set_error(&exc_KeyError, "popitem(): dictionary is empty");
  return pair;
}
Object* m_setdefault(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("setdefault", kw) || !check_nargs("setdefault", n - 1, 1, 2)) return nullptr;
  Object* v = dict_get_item(as_dict(a[0]), a[1]);
  if (v) return new_ref(v);
  if (error_occurred()) return nullptr;
  Object* dflt = n == 3 ? a[2] : None();
  if (dict_set_item(as_dict(a[0]), a[1], dflt) < 0) return nullptr;
  return new_ref(dflt);
}
Object* m_update(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_nargs("update", n - 1, 0, 1)) return nullptr;
  if (n == 2 && dict_update(as_dict(a[0]), a[1]) < 0) return nullptr;
  if (kw)
    for (size_t i = 0; i < kw->items.size(); ++i)
      if (dict_set_item(as_dict(a[0]), kw->items[i], a[n + i]) < 0) return nullptr;
  return new_none();
}
Object* m_clear(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("clear", kw) || !check_nargs("dict.clear", n - 1, 0, 0)) return nullptr;
  dict_clear(as_dict(a[0]));
  return new_none();
}
Object* m_copy(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("copy", kw) || !check_nargs("dict.copy", n - 1, 0, 0)) return nullptr;
  return dict_copy(as_dict(a[0]));
}
// CPython: Objects/dictobject.c dict_fromkeys_impl (a class method: a[0] is the class)
Object* m_fromkeys(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("fromkeys", kw) || !check_nargs("fromkeys", n - 1, 1, 2)) return nullptr;
  Object* d = a[0] == &dict_type ? new_dict() : call0(a[0]);
  if (!d) return nullptr;
  Object* it = get_iter(a[1]);
  if (!it) {
    decref(d);
    return nullptr;
  }
  while (Object* k = iter_next(it)) {
    int r = set_item(d, k, n == 3 ? a[2] : None());
    decref(k);
    if (r < 0) break;
  }
  decref(it);
  if (error_occurred()) {
    decref(d);
    return nullptr;
  }
  return d;
}

// reversed(d), reversed(d.keys()/values()/items()): the entries from the last inserted.
// CPython: Objects/dictobject.c dict___reversed___impl, dictreviter_iternext
Object* m_reversed(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__reversed__", kw) || !check_nargs("__reversed__", n - 1, 0, 0)) return nullptr;
  if (is_dict(a[0])) return make<DictIterObject>(as_dict(a[0]), ViewKind::keys, true);
  auto* v = static_cast<DictViewObject*>(a[0]);
  return make<DictIterObject>(v->dict, v->kind, true);
}

// dict | other and dict |= other (PEP 584). CPython: Objects/dictobject.c dict_or, dict_ior
Object* dict_or(Object* a, Object* b) {
  if (!is_dict(a) || !is_dict(b)) return new_ref(NotImplemented());
  DictObject* r = dict_copy(as_dict(a));
  if (r && dict_update(r, b) < 0) {
    decref(r);
    return nullptr;
  }
  return r;
}
Object* dict_ior(Object* a, Object* b) {
  if (dict_update(as_dict(a), b) < 0) return nullptr;
  return new_ref(a);
}

// keys() and items() views are set-like: view OP other is set(view) updated by other.
// CPython: Objects/dictobject.c dictviews_or, dictviews_and, dictviews_sub, dictviews_xor
bool set_like_view(Object* o) {
  return o->type == &dict_view_type || o->type == &dict_items_type;
}

// All of a's items are in b.
int all_contained_in(Object* a, Object* b) {
  Object* it = get_iter(a);
  if (!it) return -1;
  int ok = 1;
  while (Object* x = iter_next(it)) {
    int c = sequence_contains(b, x);
    decref(x);
    if (c <= 0) {
      ok = c;
      break;
    }
  }
  decref(it);
  return error_occurred() ? -1 : ok;
}

// keys() and items() compare as sets with sets and other set-like views.
// CPython: Objects/dictobject.c dictview_richcompare
Object* view_richcompare(Object* a, Object* b, CompareOp op) {
  if (!is_anyset(b) && !set_like_view(b)) return new_ref(NotImplemented());
  ssize la = object_length(a), lb = object_length(b);
  if (la < 0 || lb < 0) return nullptr;
  int r = 0;
  switch (op) {
    case CompareOp::eq:
    case CompareOp::ne: r = la == lb ? all_contained_in(a, b) : 0; break;
    case CompareOp::lt: r = la < lb ? all_contained_in(a, b) : 0; break;
    case CompareOp::le: r = la <= lb ? all_contained_in(a, b) : 0; break;
    case CompareOp::gt: r = la > lb ? all_contained_in(b, a) : 0; break;
    case CompareOp::ge: r = la >= lb ? all_contained_in(b, a) : 0; break;
  }
  if (r < 0) return nullptr;
  return new_bool(op == CompareOp::ne ? !r : r);
}

// CPython: Objects/dictobject.c dictviews_isdisjoint
Object* m_isdisjoint(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("isdisjoint", kw) || !check_nargs("isdisjoint", n - 1, 1, 1)) return nullptr;
  Object* it = get_iter(a[1]);
  if (!it) return nullptr;
  bool disjoint = true;
  while (Object* x = iter_next(it)) {
    int c = sequence_contains(a[0], x);
    decref(x);
    if (c != 0) {
      disjoint = false;
      if (c < 0) {
        decref(it);
        return nullptr;
      }
      break;
    }
  }
  decref(it);
  if (error_occurred()) return nullptr;
  return new_bool(disjoint);
}
Object* view_set_op(Object* a, Object* b, const char* update) {
  if (!set_like_view(a) && !set_like_view(b)) return new_ref(NotImplemented());
  Object* r = call1(reinterpret_cast<Object*>(&set_type), a);
  if (!r) return nullptr;
  Object* done = call_method(r, update, &b, 1);
  if (!done) {
    decref(r);
    return nullptr;
  }
  decref(done);
  return r;
}
Object* view_or(Object* a, Object* b) { return view_set_op(a, b, "update"); }
Object* view_and(Object* a, Object* b) { return view_set_op(a, b, "intersection_update"); }
Object* view_sub(Object* a, Object* b) { return view_set_op(a, b, "difference_update"); }
Object* view_xor(Object* a, Object* b) { return view_set_op(a, b, "symmetric_difference_update"); }

}  // namespace

void init_dict_type() {
  make_static_type(&dict_type, &type_type, "dict", &object_type);
  make_static_type(&dict_view_type, &type_type, "dict_keys", &object_type, 0);
  make_static_type(&dict_values_type, &type_type, "dict_values", &object_type, 0);
  make_static_type(&dict_items_type, &type_type, "dict_items", &object_type, 0);
  make_static_type(&dict_iter_type, &type_type, "dict_keyiterator", &object_type, 0);
  make_static_type(&dict_valueiter_type, &type_type, "dict_valueiterator", &object_type, 0);
  make_static_type(&dict_itemiter_type, &type_type, "dict_itemiterator", &object_type, 0);
  make_static_type(&dict_revkeyiter_type, &type_type, "dict_reversekeyiterator", &object_type, 0);
  make_static_type(&dict_revvalueiter_type, &type_type, "dict_reversevalueiterator", &object_type, 0);
  make_static_type(&dict_revitemiter_type, &type_type, "dict_reverseitemiterator", &object_type, 0);
  TypeObject* t = &dict_type;
  t->tp_new = dict_new;
  t->tp_repr = dict_repr;
  t->tp_richcompare = dict_richcompare;
  t->sq_length = dict_length;
  t->mp_subscript = dict_subscript;
  t->mp_ass_subscript = dict_ass_subscript;
  t->sq_contains = dict_contains;
  t->tp_iter = dict_iter;
  for (TypeObject* v : {&dict_view_type, &dict_values_type, &dict_items_type}) {
    v->tp_iter = view_iter;
    v->sq_length = view_length;
    v->tp_repr = view_repr;
    v->sq_contains = view_contains;
  }
  t->nb_binary[int(BinaryOp::or_)] = dict_or;
  t->nb_inplace[int(BinaryOp::or_)] = dict_ior;
  for (TypeObject* v : {&dict_view_type, &dict_items_type}) {
    v->nb_binary[int(BinaryOp::or_)] = view_or;
    v->nb_binary[int(BinaryOp::and_)] = view_and;
    v->nb_binary[int(BinaryOp::sub)] = view_sub;
    v->nb_binary[int(BinaryOp::xor_)] = view_xor;
    v->tp_richcompare = view_richcompare;
  }
  for (TypeObject* t : {&dict_iter_type, &dict_valueiter_type, &dict_itemiter_type, &dict_revkeyiter_type,
                        &dict_revvalueiter_type, &dict_revitemiter_type}) {
    t->tp_iter = self_iter;
    t->tp_iternext = dict_iter_next;
  }
}

void init_dict_methods() {
  add_class_getitem(&dict_type);
  add_method(&dict_type, "get", m_get);
  add_method(&dict_type, "keys", m_keys);
  add_method(&dict_type, "values", m_values);
  add_method(&dict_type, "items", m_items);
  add_method(&dict_type, "pop", m_pop);
  add_method(&dict_type, "popitem", m_popitem);
  add_method(&dict_type, "setdefault", m_setdefault);
  add_method(&dict_type, "update", m_update);
  add_method(&dict_type, "clear", m_clear);
  add_method(&dict_type, "copy", m_copy);
  add_class_method(&dict_type, "fromkeys", m_fromkeys);
  add_method(&dict_type, "__reversed__", m_reversed);
  for (TypeObject* v : {&dict_view_type, &dict_values_type, &dict_items_type}) add_method(v, "__reversed__", m_reversed);
  add_method(&dict_view_type, "isdisjoint", m_isdisjoint);
  add_method(&dict_items_type, "isdisjoint", m_isdisjoint);
}

}  // namespace gopy
