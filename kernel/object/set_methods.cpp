// set/frozenset protocols and methods (CPython: Objects/setobject.c).
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/typevar.hpp"
#include "object/prim/hash.hpp"
#include "object/set_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {


namespace {

SetObject* as_set(Object* o) { return static_cast<SetObject*>(o); }

struct SetIterObject : GcObject {
  SetObject* set;
  size_t pos = 0;
  ssize used_at_start;
  SetIterObject(SetObject* s) : GcObject(&set_iter_type), set(new_ref(s)), used_at_start(s->used) {}
  ~SetIterObject() override { clear_refs(); }
  void clear_refs() override {
    Object* s = set;
    set = nullptr;
    xdecref(s);
  }
  int traverse(VisitFn visit, void* arg) override { return visit_ref(set, visit, arg); }
};

Object* self_iter(Object* o) { return new_ref(o); }
Object* set_iter(Object* o) { return make<SetIterObject>(as_set(o)); }
Object* set_iter_next(Object* o) {
  auto* it = static_cast<SetIterObject*>(o);
  SetObject* s = it->set;
  if (!s) return nullptr;
  if (s->used != it->used_at_start) {
    it->used_at_start = -1;
    return set_error(&exc_RuntimeError, "Set changed size during iteration");
  }
  while (it->pos < s->table.size() && (!s->table[it->pos].key || s->table[it->pos].key == &set_dummy)) ++it->pos;
  if (it->pos >= s->table.size()) {
    it->clear_refs();
    return nullptr;
  }
  return new_ref(s->table[it->pos++].key);
}

SetObject* set_from(TypeObject* t, Object* iterable) {
  SetObject* s = new_set(t);
  if (iterable && set_update(s, iterable) < 0) {
    decref(s);
    return nullptr;
  }
  return s;
}

// CPython: Objects/setobject.c set_repr: a set shows as {...}, anything else (frozenset,
// subclasses) as TypeName({...}).
Object* set_repr(Object* o) {
  auto* s = as_set(o);
  bool braces_only = o->type == &set_type;
  if (s->used == 0) return new_str(cat(o->type->name, "()"));
  if (repr_enter(o)) return new_str(cat(o->type->name, "(...)"));
  std::string out = braces_only ? "{" : cat(o->type->name, "({");
  auto keys = set_keys_snapshot(s);
  bool failed = false;
  for (size_t i = 0; i < keys.size(); ++i) {
    if (!failed) {
      Object* r = object_repr(keys[i]);
      if (!r) {
        failed = true;
      } else {
        if (i) out += ", ";
        out += as_str(r)->utf8;
        decref(r);
      }
    }
    decref(keys[i]);
  }
  repr_leave(o);
  if (failed) return nullptr;
  out += braces_only ? "}" : "})";
  return new_str(out);
}

ssize set_length(Object* o) { return as_set(o)->used; }
int set_contains_slot(Object* o, Object* key) { return set_contains(as_set(o), key); }

// CPython: Objects/setobject.c _shuffle_bits
uint64_t shuffle_bits(uint64_t h) { return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL; }

// CPython: Objects/setobject.c frozenset_hash_impl. CPython xors every slot and then
// cancels the empty and dummy ones; xoring only the active entries gives the same value.
int64_t frozenset_hash(Object* o) {
  auto* s = as_set(o);
  if (s->hash != -1) return s->hash;
  uint64_t hash = 0;
  for (auto& e : s->table)
    if (e.key && e.key != &set_dummy) hash ^= shuffle_bits(uint64_t(e.hash));
  hash ^= (uint64_t(s->used) + 1) * 1927868237UL;
  hash ^= (hash >> 11) ^ (hash >> 25);
  hash = hash * 69069U + 907133923UL;
  if (hash == uint64_t(-1)) hash = 590923713UL;
  s->hash = int64_t(hash);
  return s->hash;
}

// Is every element of a in b?
int subset_of(SetObject* a, SetObject* b) {
  if (a->used > b->used) return 0;
  auto keys = set_keys_snapshot(a);
  int result = 1;
  for (Object* k : keys) {
    if (result == 1) {
      int c = set_contains(b, k);
      if (c <= 0) result = c;
    }
    decref(k);
  }
  return result;
}

Object* set_richcompare(Object* a, Object* b, CompareOp op) {
  if (!is_anyset(b)) return new_ref(NotImplemented());
  auto* x = as_set(a);
  auto* y = as_set(b);
  int r = 0;
  switch (op) {
    case CompareOp::eq: r = x->used == y->used ? subset_of(x, y) : 0; break;
    case CompareOp::ne: r = x->used == y->used ? subset_of(x, y) : 0; if (r >= 0) r = !r; break;
    case CompareOp::le: r = subset_of(x, y); break;
    case CompareOp::ge: r = subset_of(y, x); break;
    case CompareOp::lt: r = x->used < y->used ? subset_of(x, y) : 0; break;
    case CompareOp::gt: r = y->used < x->used ? subset_of(y, x) : 0; break;
  }
  if (r < 0) return nullptr;
  return new_bool(r);
}

enum class SetOp { union_, intersection, difference, symmetric };

// The type a new result takes: set for set and its subclasses, else frozenset.
// CPython: Objects/setobject.c make_new_set_basetype
TypeObject* result_type(Object* a) { return isinstance_of(a, &set_type) ? &set_type : &frozenset_type; }

// Removes other's elements from s in place (dummies stay until they pass a quarter).
// CPython: Objects/setobject.c set_difference_update_internal
int difference_update(SetObject* s, Object* other) {
  if (other == s) {
    s->clear_refs();
    return 0;
  }
  std::vector<Object*> keys;
  if (is_anyset(other)) {
    keys = set_keys_snapshot(as_set(other));
  } else {
    Object* it = get_iter(other);
    if (!it) return -1;
    while (Object* x = iter_next(it)) keys.push_back(x);
    decref(it);
    if (error_occurred()) {
      for (Object* k : keys) decref(k);
      return -1;
    }
  }
  int r = 0;
  for (Object* k : keys) {
    if (r == 0 && set_discard(s, k) < 0) r = -1;
    decref(k);
  }
  return r < 0 ? -1 : set_shrink_dummies(s);
}

// Toggles each of `keys` (held references, released) in s.
// CPython: set_symmetric_difference_update_set and _dict
int toggle_keys(SetObject* s, const std::vector<Object*>& keys) {
  int r = 0;
  for (Object* k : keys) {
    if (r == 0) {
      int d = set_discard(s, k);
      if (d < 0 || (d == 0 && set_add(s, k) < 0)) r = -1;
    }
    decref(k);
  }
  return r;
}
int symmetric_update(SetObject* s, SetObject* other) { return toggle_keys(s, set_keys_snapshot(other)); }

// CPython: set_intersection: the smaller set is walked (other's on a tie); any other
// iterable in its own order, stopping once the result is as large as a.
Object* intersection(Object* a, Object* other) {
  SetObject* r = new_set(result_type(a));
  if (other == a) {
    if (set_update(r, a) < 0) return decref(r), nullptr;
    return r;
  }
  SetObject* so = as_set(a);
  bool failed = false;
  if (is_anyset(other)) {
    SetObject* walk = as_set(other);
    if (walk->used > so->used) std::swap(walk, so);
    for (Object* k : set_keys_snapshot(walk)) {
      if (!failed) {
        int c = set_contains(so, k);
        if (c < 0 || (c == 1 && set_add(r, k) < 0)) failed = true;
      }
      decref(k);
    }
  } else {
    Object* it = get_iter(other);
    if (!it) return decref(r), nullptr;
    while (Object* k = iter_next(it)) {
      int c = set_contains(so, k);
      if (c < 0 || (c == 1 && set_add(r, k) < 0)) failed = true;
      decref(k);
      if (failed || r->used >= so->used) break;
    }
    decref(it);
    failed |= error_occurred();
  }
  if (failed) return decref(r), nullptr;
  return r;
}

// CPython: set_difference: a copy with other's elements discarded when other is no set or
// dict, or is much smaller; else the elements of a that other lacks, added afresh.
Object* difference(Object* a, Object* other) {
  SetObject* so = as_set(a);
  ssize other_size = is_anyset(other) ? as_set(other)->used
                     : other->type == &dict_type ? static_cast<DictObject*>(other)->used : -1;
  if (other_size < 0 || (so->used >> 2) > other_size) {
    SetObject* r = new_set(result_type(a));
    if (set_update(r, a) < 0 || difference_update(r, other) < 0) return decref(r), nullptr;
    return r;
  }
  SetObject* r = new_set(result_type(a));
  bool failed = false;
  for (Object* k : set_keys_snapshot(so)) {
    if (!failed) {
      int c;
      if (is_anyset(other)) {
        c = set_contains(as_set(other), k);
      } else {
        c = dict_get_item(static_cast<DictObject*>(other), k) != nullptr;
        if (!c && error_occurred()) c = -1;
      }
      if (c < 0 || (c == 0 && set_add(r, k) < 0)) failed = true;
    }
    decref(k);
  }
  if (failed) return decref(r), nullptr;
  return r;
}

// CPython: set_symmetric_difference: other's elements first, then a's toggled in.
Object* symmetric_difference(Object* a, Object* other) {
  SetObject* r = new_set(result_type(a));
  if (set_update(r, other) < 0 || symmetric_update(r, as_set(a)) < 0) return decref(r), nullptr;
  return r;
}

// A new set (of a's base type) = a OP other, where other is any iterable.
Object* set_operation(Object* a, Object* other, SetOp op) {
  switch (op) {
    case SetOp::union_: {
      SetObject* r = new_set(result_type(a));
      if (set_update(r, a) < 0 || set_update(r, other) < 0) return decref(r), nullptr;
      return r;
    }
    case SetOp::intersection: return intersection(a, other);
    case SetOp::difference: return difference(a, other);
    case SetOp::symmetric: return symmetric_difference(a, other);
  }
  return nullptr;
}

Object* set_or(Object* a, Object* b) {
  if (!is_anyset(a) || !is_anyset(b)) return new_ref(NotImplemented());
  return set_operation(a, b, SetOp::union_);
}
Object* set_and(Object* a, Object* b) {
  if (!is_anyset(a) || !is_anyset(b)) return new_ref(NotImplemented());
  return set_operation(a, b, SetOp::intersection);
}
Object* set_sub(Object* a, Object* b) {
  if (!is_anyset(a) || !is_anyset(b)) return new_ref(NotImplemented());
  return set_operation(a, b, SetOp::difference);
}
Object* set_xor(Object* a, Object* b) {
  if (!is_anyset(a) || !is_anyset(b)) return new_ref(NotImplemented());
  return set_operation(a, b, SetOp::symmetric);
}

// In-place forms replace the set's contents.
Object* replace_contents(Object* a, Object* fresh) {
  if (!fresh) return nullptr;
  auto* s = as_set(a);
  auto* f = as_set(fresh);
  s->table.swap(f->table);
  std::swap(s->fill, f->fill);
  std::swap(s->used, f->used);
  decref(fresh);
  return new_ref(a);
}
Object* set_ior(Object* a, Object* b) {
  if (!is_anyset(b)) return new_ref(NotImplemented());
  if (set_update(as_set(a), b) < 0) return nullptr;
  return new_ref(a);
}
Object* set_iand(Object* a, Object* b) {
  if (!is_anyset(b)) return new_ref(NotImplemented());
  return replace_contents(a, set_operation(a, b, SetOp::intersection));
}
Object* set_isub(Object* a, Object* b) {
  if (!is_anyset(b)) return new_ref(NotImplemented());
  if (difference_update(as_set(a), b) < 0) return nullptr;
  return new_ref(a);
}
// CPython: Objects/setobject.c set_ixor (symmetric_difference_update in place)
Object* set_ixor(Object* a, Object* b) {
  if (!is_anyset(b)) return new_ref(NotImplemented());
  if (a == b) {
    as_set(a)->clear_refs();
  } else if (symmetric_update(as_set(a), as_set(b)) < 0) {
    return nullptr;
  }
  return new_ref(a);
}

Object* set_new(TypeObject* t, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (kwnames && !kwnames->items.empty()) return type_error(cat(t->name, "() takes no keyword arguments"));
  if (nargs > 1) return type_error(cat(t->name, " expected at most 1 argument, got ", nargs));
  // frozenset(fs) of an exact frozenset is fs (CPython: frozenset_new_impl).
  if (t == &frozenset_type && nargs == 1 && args[0]->type == &frozenset_type) return new_ref(args[0]);
  return set_from(t, nargs ? args[0] : nullptr);
}

// ---- methods ----

#define SET_METHOD_ARGS(name, lo, hi) \
  if (!check_no_kwargs(name, kw) || !check_nargs(name, n - 1, lo - 1, hi - 1)) return nullptr

Object* m_add(Object*, Object* const* a, size_t n, TupleObject* kw) {
  SET_METHOD_ARGS("set.add", 2, 2);
  if (set_add(as_set(a[0]), a[1]) < 0) return nullptr;
  return new_none();
}
Object* m_discard(Object*, Object* const* a, size_t n, TupleObject* kw) {
  SET_METHOD_ARGS("set.discard", 2, 2);
  if (set_discard(as_set(a[0]), a[1]) < 0) return nullptr;
  return new_none();
}
Object* m_remove(Object*, Object* const* a, size_t n, TupleObject* kw) {
  SET_METHOD_ARGS("set.remove", 2, 2);
  int r = set_discard(as_set(a[0]), a[1]);
  if (r < 0) return nullptr;
  if (r == 0) return key_error(a[1]);
  return new_none();
}
Object* m_pop(Object*, Object* const* a, size_t n, TupleObject* kw) {
  SET_METHOD_ARGS("set.pop", 1, 1);
  auto* s = as_set(a[0]);
  if (s->used == 0) return set_error(&exc_KeyError, "pop from an empty set");
  Object* key;
  set_finger_pop(s, &key);
  return key;
}
Object* m_clear(Object*, Object* const* a, size_t n, TupleObject* kw) {
  SET_METHOD_ARGS("set.clear", 1, 1);
  as_set(a[0])->clear_refs();
  return new_none();
}
// An exact frozenset is its own copy (CPython: frozenset_copy).
Object* m_copy(Object*, Object* const* a, size_t n, TupleObject* kw) {
  SET_METHOD_ARGS("set.copy", 1, 1);
  if (a[0]->type == &frozenset_type) return new_ref(a[0]);
  return set_from(result_type(a[0]), a[0]);
}
// CPython: set_union / set_intersection_multi / set_difference_multi: the first operation
// makes the result; a difference's later ones discard from it in place.
Object* multi(Object* self, Object* const* a, size_t n, SetOp op) {
  if (n == 0) return set_from(result_type(self), self);
  if (op == SetOp::union_) {
    SetObject* r = set_from(result_type(self), self);
    for (size_t i = 0; r && i < n; ++i)
      if (set_update(r, a[i]) < 0) r = (decref(r), nullptr);
    return r;
  }
  Object* r = set_operation(self, a[0], op);
  for (size_t i = 1; r && i < n; ++i) {
    if (op == SetOp::difference) {
      if (difference_update(as_set(r), a[i]) < 0) r = (decref(r), nullptr);
      continue;
    }
    Object* next = set_operation(r, a[i], op);
    decref(r);
    r = next;
  }
  return r;
}
Object* m_union(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "union", kw, 0, 0, 0)) return nullptr;
  return multi(a[0], a + 1, n - 1, SetOp::union_);
}
Object* m_intersection(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "intersection", kw, 0, 0, 0)) return nullptr;
  return multi(a[0], a + 1, n - 1, SetOp::intersection);
}
Object* m_difference(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "difference", kw, 0, 0, 0)) return nullptr;
  return multi(a[0], a + 1, n - 1, SetOp::difference);
}
Object* m_symmetric_difference(Object*, Object* const* a, size_t n, TupleObject* kw) {
  SET_METHOD_ARGS("set.symmetric_difference", 2, 2);
  return set_operation(a[0], a[1], SetOp::symmetric);
}
Object* m_update(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "update", kw, 0, 0, 0)) return nullptr;
  for (size_t i = 1; i < n; ++i)
    if (set_update(as_set(a[0]), a[i]) < 0) return nullptr;
  return new_none();
}
Object* m_intersection_update(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "intersection_update", kw, 0, 0, 0)) return nullptr;
  Object* r = replace_contents(a[0], multi(a[0], a + 1, n - 1, SetOp::intersection));
  if (!r) return nullptr;
  decref(r);
  return new_none();
}
// CPython: Objects/setobject.c set_difference_update (in place, each other in turn)
Object* m_difference_update(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "difference_update", kw, 0, 0, 0)) return nullptr;
  for (size_t i = 1; i < n; ++i)
    if (difference_update(as_set(a[0]), a[i]) < 0) return nullptr;
  return new_none();
}
// CPython: Objects/setobject.c set_symmetric_difference_update_impl (in place; a dict's
// keys in its order, any other iterable through a set of its own)
Object* m_symmetric_difference_update(Object*, Object* const* a, size_t n, TupleObject* kw) {
  SET_METHOD_ARGS("set.symmetric_difference_update", 2, 2);
  SetObject* s = as_set(a[0]);
  if (a[1] == a[0]) {
    s->clear_refs();
    return new_none();
  }
  if (a[1]->type == &dict_type) {
    std::vector<Object*> keys;
    dict_for_each(static_cast<DictObject*>(a[1]), [&](Object* k, Object*) { keys.push_back(new_ref(k)); });
    if (toggle_keys(s, keys) < 0) return nullptr;
    return new_none();
  }
  Ref<SetObject> other = Ref<SetObject>::steal(is_anyset(a[1]) ? new_ref(as_set(a[1])) : set_from(&set_type, a[1]));
  if (!other || symmetric_update(s, other.get()) < 0) return nullptr;
  return new_none();
}
Object* with_set_arg(Object* self, Object* other, int (*f)(SetObject*, SetObject*), bool swap) {
  SetObject* o = is_anyset(other) ? new_ref(as_set(other)) : set_from(&set_type, other);
  if (!o) return nullptr;
  int r = swap ? f(o, as_set(self)) : f(as_set(self), o);
  decref(o);
  if (r < 0) return nullptr;
  return new_bool(r);
}
int disjoint(SetObject* a, SetObject* b) {
  auto keys = set_keys_snapshot(a);
  int result = 1;
  for (Object* k : keys) {
    if (result == 1) {
      int c = set_contains(b, k);
      if (c != 0) result = c < 0 ? -1 : 0;
    }
    decref(k);
  }
  return result;
}
Object* m_issubset(Object*, Object* const* a, size_t n, TupleObject* kw) {
  SET_METHOD_ARGS("set.issubset", 2, 2);
  return with_set_arg(a[0], a[1], subset_of, false);
}
Object* m_issuperset(Object*, Object* const* a, size_t n, TupleObject* kw) {
  SET_METHOD_ARGS("set.issuperset", 2, 2);
  return with_set_arg(a[0], a[1], subset_of, true);
}
Object* m_isdisjoint(Object*, Object* const* a, size_t n, TupleObject* kw) {
  SET_METHOD_ARGS("set.isdisjoint", 2, 2);
  return with_set_arg(a[0], a[1], disjoint, false);
}

}  // namespace

void init_set_type() {
  init_set_type_core();
  for (TypeObject* t : {&set_type, &frozenset_type}) {
    t->tp_new = set_new;
    t->tp_repr = set_repr;
    t->tp_richcompare = set_richcompare;
    t->sq_length = set_length;
    t->sq_contains = set_contains_slot;
    t->tp_iter = set_iter;
    t->nb_binary[int(BinaryOp::or_)] = set_or;
    t->nb_binary[int(BinaryOp::and_)] = set_and;
    t->nb_binary[int(BinaryOp::sub)] = set_sub;
    t->nb_binary[int(BinaryOp::xor_)] = set_xor;
  }
  frozenset_type.tp_hash = frozenset_hash;
  set_type.nb_inplace[int(BinaryOp::or_)] = set_ior;
  set_type.nb_inplace[int(BinaryOp::and_)] = set_iand;
  set_type.nb_inplace[int(BinaryOp::sub)] = set_isub;
  set_type.nb_inplace[int(BinaryOp::xor_)] = set_ixor;
  set_iter_type.tp_iter = self_iter;
  set_iter_type.tp_iternext = set_iter_next;
}

void init_set_methods() {
  for (TypeObject* t : {&set_type, &frozenset_type}) {
    add_class_getitem(t);
    add_method(t, "copy", m_copy);
    add_method(t, "union", m_union);
    add_method(t, "intersection", m_intersection);
    add_method(t, "difference", m_difference);
    add_method(t, "symmetric_difference", m_symmetric_difference);
    add_method(t, "issubset", m_issubset);
    add_method(t, "issuperset", m_issuperset);
    add_method(t, "isdisjoint", m_isdisjoint);
  }
  add_method(&set_type, "add", m_add);
  add_method(&set_type, "discard", m_discard);
  add_method(&set_type, "remove", m_remove);
  add_method(&set_type, "pop", m_pop);
  add_method(&set_type, "clear", m_clear);
  add_method(&set_type, "update", m_update);
  add_method(&set_type, "intersection_update", m_intersection_update);
  add_method(&set_type, "difference_update", m_difference_update);
  add_method(&set_type, "symmetric_difference_update", m_symmetric_difference_update);
}

}  // namespace gopy
