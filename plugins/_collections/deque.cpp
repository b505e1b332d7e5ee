// collections.deque: a double-ended queue over std::deque (amortised O(1) at both ends,
// O(1) indexing), with an optional maximum length that drops items from the opposite end,
// and a state counter that every mutation bumps so that iterators and searches notice
// (CPython: Modules/_collectionsmodule.c dequeobject).
#include <algorithm>
#include <deque>
#include <limits>
#include <string>
#include <unordered_set>
#include <vector>

#include "collections_internal.hpp"

namespace gopy::collections {
namespace {

TypeObject* g_iter_type = nullptr;
TypeObject* g_reviter_type = nullptr;

struct DequeObject : GcObject {
  std::deque<Object*> items;  // owned
  ssize maxlen = -1;          // -1: unbounded
  uint64_t state = 0;         // bumped by every mutation
  explicit DequeObject(TypeObject* t) : GcObject(t) { incref(t); }
  ~DequeObject() override { clear_refs(); }
  // deque.clear(): the items only.
  void drop_items() {
    std::deque<Object*> old;
    old.swap(items);
    ++state;
    for (Object* o : old) decref(o);
  }
  void clear_refs() override {
    drop_items();
    release_type(this);
  }
  int traverse(VisitFn visit, void* arg) override {
    for (Object* o : items)
      if (int r = visit(o, arg)) return r;
    return visit_type(this, visit, arg);
  }
};

struct DequeIterObject : GcObject {
  DequeObject* deque;  // owned
  size_t index = 0;    // items taken so far
  ssize counter;       // items left
  uint64_t state;
  bool reversed;
  DequeIterObject(TypeObject* t, DequeObject* d, bool rev)
      : GcObject(t), deque(new_ref(d)), counter(ssize(d->items.size())), state(d->state), reversed(rev) {
    incref(t);
  }
  ~DequeIterObject() override { clear_refs(); }
  void clear_refs() override {
    DequeObject* d = deque;
    deque = nullptr;
    xdecref(d);
    release_type(this);
  }
  int traverse(VisitFn visit, void* arg) override {
    if (int r = visit_ref(deque, visit, arg)) return r;
    return visit_type(this, visit, arg);
  }
};

Object* deque_new(TypeObject* type, Object* const*, size_t, TupleObject*);

DequeObject* as_deque(Object* o) { return static_cast<DequeObject*>(o); }
// By its constructor (a deque made before the module was imported again is still one), on
// the type or a base (a Python subclass).
bool is_deque(Object* o) {
  for (TypeObject* t = o->type; t; t = t->base)
    if (t->tp_new == deque_new) return true;
  return false;
}

std::nullptr_t mutated_error() { return set_error(&exc_RuntimeError, "deque mutated during iteration"); }

// ---- the primitive operations ----

void trim_left(DequeObject* d) {
  while (d->maxlen >= 0 && ssize(d->items.size()) > d->maxlen) {
    Object* o = d->items.front();
    d->items.pop_front();
    decref(o);
  }
}

void trim_right(DequeObject* d) {
  while (d->maxlen >= 0 && ssize(d->items.size()) > d->maxlen) {
    Object* o = d->items.back();
    d->items.pop_back();
    decref(o);
  }
}

// CPython: deque_append_lock_held
void push_right(DequeObject* d, Object* item) {
  d->items.push_back(new_ref(item));
  ++d->state;
  trim_left(d);
}

// CPython: deque_appendleft_lock_held
void push_left(DequeObject* d, Object* item) {
  d->items.push_front(new_ref(item));
  ++d->state;
  trim_right(d);
}

// Items of an iterable; when it is the deque itself, a snapshot first.
int extend_from(DequeObject* d, Object* iterable, bool left) {
  if (iterable == d) {
    std::vector<Object*> snapshot(d->items.begin(), d->items.end());
    for (Object* o : snapshot) incref(o);
    for (Object* o : snapshot) {
      left ? push_left(d, o) : push_right(d, o);
      decref(o);
    }
    return 0;
  }
  Ref<> it = Ref<>::steal(get_iter(iterable));
  if (!it) return -1;
  while (Object* item = iter_next(it.get())) {
    left ? push_left(d, item) : push_right(d, item);
    decref(item);
  }
  return error_occurred() ? -1 : 0;
}

// A copy of a deque; a subclass's through its constructor, type(d)(d[, maxlen]).
// CPython: deque_copy_impl
Object* copy_any(DequeObject* src);

DequeObject* copy_deque(DequeObject* src) {
  auto* d = make<DequeObject>(src->type);
  d->maxlen = src->maxlen;
  for (Object* o : src->items) d->items.push_back(new_ref(o));
  return d;
}

Object* copy_any(DequeObject* src) {
  if (!kernel_holds_type(src)) return copy_deque(src);
  Ref<> result;
  if (src->maxlen < 0) {
    result = Ref<>::steal(call1(src->type, src));
  } else {
    Ref<> maxlen = Ref<>::steal(new_int(src->maxlen));
    result = Ref<>::steal(call2(src->type, src, maxlen.get()));
  }
  if (result && !is_deque(result.get()))
    return type_error(std::string(src->type->name) + "() must return a deque, not " + type_name(result.get()));
  return result.release();
}

// A sequence index for a deque of `size` items: negative counts from the end.
bool item_index(Object* key, ssize size, ssize* out) {
  if (!is_int(key) && !type_lookup(key->type, "__index__")) {
    type_error(std::string("sequence index must be integer, not '") + type_name(key) + "'");
    return false;
  }
  ssize i;
  if (!index_as_ssize(key, &i)) return false;
  if (i < 0) i += size;
  if (i < 0 || i >= size) {
    index_error("deque index out of range");
    return false;
  }
  *out = i;
  return true;
}

// Bounds of index(x, start, stop) as a slice's (CPython: _PyEval_SliceIndexNotNone).
// index()'s start and stop (CPython: _PyEval_SliceIndexNotNone): ints, clamped.
bool search_bound(Object* o, ssize size, ssize* out) {
  if (!o->type->nb_index) return type_error("slice indices must be integers or have an __index__ method"), false;
  if (!index_as_ssize_clamped(o, out)) return false;
  if (*out < 0) *out = std::max<ssize>(0, *out + size);
  return true;
}

// A method Argument Clinic gives positional parameters only: keywords refused under the
// method's qualified name (the vectorcall check), the count under its bare name
// (_PyArg_CheckPositional: "rotate expected at most 1 argument, got 2").
bool clinic_args(Object* self, const char* name, TupleObject* kw, size_t nargs, size_t min, size_t max) {
  if (kw && !kw->items.empty()) return check_method_args(self, name, kw, nargs, min, max);
  return check_nargs(name, nargs, min, max);
}

// ---- slots ----

Object* deque_new(TypeObject* type, Object* const*, size_t, TupleObject*) { return make<DequeObject>(type); }

// deque(iterable=(), maxlen=None). CPython: deque_init
int deque_init(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_kwargs_allowed("deque", kwnames, {"iterable", "maxlen"})) return -1;
  if (nargs > 2) {
    size_t given = nargs + (kwnames ? kwnames->items.size() : 0);
    type_error("deque() takes at most 2 arguments (" + std::to_string(given) + " given)");
    return -1;
  }
  Object* iterable = nargs > 0 ? args[0] : find_kwarg(args, nargs, kwnames, "iterable");
  Object* maxlen_obj = nargs > 1 ? args[1] : find_kwarg(args, nargs, kwnames, "maxlen");
  if (nargs > 0 && find_kwarg(args, nargs, kwnames, "iterable")) {
    type_error("argument for deque() given by name ('iterable') and position (1)");
    return -1;
  }
  if (nargs > 1 && find_kwarg(args, nargs, kwnames, "maxlen")) {
    type_error("argument for deque() given by name ('maxlen') and position (2)");
    return -1;
  }
  ssize maxlen = -1;
  if (maxlen_obj && maxlen_obj != None()) {
    // CPython: PyLong_AsSsize_t, which takes an int only (no __index__).
    if (!is_int(maxlen_obj)) {
      type_error("an integer is required");
      return -1;
    }
    if (!index_as_ssize(maxlen_obj, &maxlen)) return -1;
    if (maxlen < 0) {
      value_error("maxlen must be non-negative");
      return -1;
    }
  }
  DequeObject* d = as_deque(self);
  d->maxlen = maxlen;
  if (!d->items.empty()) d->drop_items();
  if (iterable) return extend_from(d, iterable, false);
  return 0;
}

ssize deque_len(Object* self) { return ssize(as_deque(self)->items.size()); }

Object* deque_getitem(Object* self, Object* key) {
  DequeObject* d = as_deque(self);
  ssize i;
  if (!item_index(key, ssize(d->items.size()), &i)) return nullptr;
  return new_ref(d->items[size_t(i)]);
}

int deque_setitem(Object* self, Object* key, Object* value) {
  DequeObject* d = as_deque(self);
  ssize i;
  if (!item_index(key, ssize(d->items.size()), &i)) return -1;
  if (value == nullptr) {
    Object* old = d->items[size_t(i)];
    d->items.erase(d->items.begin() + i);
    ++d->state;
    decref(old);
    return 0;
  }
  Object* old = d->items[size_t(i)];
  d->items[size_t(i)] = new_ref(value);
  decref(old);
  return 0;
}

// The first position whose item equals `v` in [start, stop), or -1 (and no error), or -2
// with an error; mutation during the comparisons raises `mutation_type`.
ssize find_item(DequeObject* d, Object* v, ssize start, ssize stop, TypeObject* mutation_type) {
  uint64_t state = d->state;
  for (ssize i = start; i < stop && i < ssize(d->items.size()); ++i) {
    Ref<> item = Ref<>::borrow(d->items[size_t(i)]);
    int eq = rich_compare_bool(item.get(), v, CompareOp::eq);
    if (eq < 0) return -2;
    if (state != d->state) {
      set_error(mutation_type, "deque mutated during iteration");
      return -2;
    }
    if (eq > 0) return i;
  }
  return -1;
}

int deque_contains(Object* self, Object* v) {
  DequeObject* d = as_deque(self);
  ssize i = find_item(d, v, 0, ssize(d->items.size()), &exc_RuntimeError);
  return i == -2 ? -1 : i >= 0;
}

Object* new_iter(Object* self, bool reversed) {
  return make<DequeIterObject>(reversed ? g_reviter_type : g_iter_type, as_deque(self), reversed);
}

Object* deque_iter(Object* self) { return new_iter(self, false); }

// CPython: deque_repr
std::unordered_set<Object*>& repr_running() {
  static std::unordered_set<Object*> running;
  return running;
}

Object* deque_repr(Object* self) {
  auto& running = repr_running();
  if (running.count(self)) return new_str("[...]");
  DequeObject* d = as_deque(self);
  std::vector<Object*> items(d->items.begin(), d->items.end());
  for (Object* o : items) incref(o);
  Ref<ListObject> list = Ref<ListObject>::steal(new_list_steal(std::move(items)));
  running.insert(self);
  Ref<> text = Ref<>::steal(object_repr(list.get()));
  running.erase(self);
  if (!text) return nullptr;
  std::string out = self->type->name + "(" + as_str(text.get())->utf8;
  if (d->maxlen >= 0) out += ", maxlen=" + std::to_string(d->maxlen);
  return new_str(out + ")");
}

// CPython: deque_richcompare (deques only, item by item as lists compare).
Object* deque_richcompare(Object* v, Object* w, CompareOp op) {
  if (!is_deque(v) || !is_deque(w)) return new_ref(NotImplemented());
  DequeObject* a = as_deque(v);
  DequeObject* b = as_deque(w);
  if (a->items.size() != b->items.size() && (op == CompareOp::eq || op == CompareOp::ne))
    return new_bool(op == CompareOp::ne);
  size_t i = 0;
  for (;; ++i) {
    if (i >= a->items.size() || i >= b->items.size()) break;
    Ref<> x = Ref<>::borrow(a->items[i]);
    Ref<> y = Ref<>::borrow(b->items[i]);
    int eq = rich_compare_bool(x.get(), y.get(), CompareOp::eq);
    if (eq < 0) return nullptr;
    if (!eq) {
      if (op == CompareOp::eq) return new_bool(false);
      if (op == CompareOp::ne) return new_bool(true);
      return rich_compare(x.get(), y.get(), op);
    }
  }
  ssize sa = ssize(a->items.size()), sb = ssize(b->items.size());
  bool r = false;
  switch (op) {
    case CompareOp::lt: r = sa < sb; break;
    case CompareOp::le: r = sa <= sb; break;
    case CompareOp::eq: r = sa == sb; break;
    case CompareOp::ne: r = sa != sb; break;
    case CompareOp::gt: r = sa > sb; break;
    case CompareOp::ge: r = sa >= sb; break;
  }
  return new_bool(r);
}

int64_t deque_hash(Object* self) {
  type_error(std::string("unhashable type: '") + self->type->module + "." + self->type->name + "'");
  return -1;
}

// CPython: deque_concat
Object* deque_add(Object* v, Object* w) {
  if (!is_deque(v)) return new_ref(NotImplemented());
  if (!is_deque(w))
    return type_error(std::string("can only concatenate deque (not \"") + type_name(w) + "\") to deque");
  Ref<> d = Ref<>::steal(copy_any(as_deque(v)));
  if (!d || extend_from(as_deque(d.get()), w, false) < 0) return nullptr;
  return d.release();
}

Object* deque_iadd(Object* v, Object* w) {
  if (extend_from(as_deque(v), w, false) < 0) return nullptr;
  return new_ref(v);
}

// Repeats the deque's items n times in place, keeping at most maxlen (the last ones).
// CPython: deque_inplace_repeat_lock_held
int repeat_in_place(DequeObject* d, ssize n) {
  if (n <= 0 || d->items.empty()) {
    d->drop_items();
    return 0;
  }
  if (n == 1) return 0;
  size_t size = d->items.size();
  if (size > size_t(std::numeric_limits<ssize>::max()) / size_t(n)) {
    no_memory();
    return -1;
  }
  std::vector<Object*> base(d->items.begin(), d->items.end());
  for (ssize k = 1; k < n; ++k) {
    for (Object* o : base) d->items.push_back(new_ref(o));
    if (d->maxlen >= 0 && ssize(d->items.size()) > 2 * d->maxlen + ssize(size)) trim_left(d);
  }
  ++d->state;
  trim_left(d);
  return 0;
}

Object* deque_mul(Object* v, Object* w) {
  Object* seq = is_deque(v) ? v : w;
  Object* count = seq == v ? w : v;
  if (!is_deque(seq) || (!is_int(count) && !type_lookup(count->type, "__index__"))) return new_ref(NotImplemented());
  ssize n;
  if (!index_as_ssize(count, &n)) return nullptr;
  Ref<> d = Ref<>::steal(copy_any(as_deque(seq)));
  if (!d || repeat_in_place(as_deque(d.get()), n) < 0) return nullptr;
  return d.release();
}

Object* deque_imul(Object* v, Object* w) {
  if (!is_int(w) && !type_lookup(w->type, "__index__")) return new_ref(NotImplemented());
  ssize n;
  if (!index_as_ssize(w, &n)) return nullptr;
  if (repeat_in_place(as_deque(v), n) < 0) return nullptr;
  return new_ref(v);
}

// ---- methods (a[0] is the deque: the method descriptor checked it) ----

#define DEQUE_METHOD(NAME) Object* NAME(Object*, Object* const* a, size_t n, TupleObject* kw)

DEQUE_METHOD(m_append) {
  if (!check_method_args(a[0], "append", kw, n - 1, 1, 1)) return nullptr;
  push_right(as_deque(a[0]), a[1]);
  return new_none();
}

DEQUE_METHOD(m_appendleft) {
  if (!check_method_args(a[0], "appendleft", kw, n - 1, 1, 1)) return nullptr;
  push_left(as_deque(a[0]), a[1]);
  return new_none();
}

Object* pop_end(DequeObject* d, bool left) {
  if (d->items.empty()) return index_error("pop from an empty deque");
  Object* o;
  if (left) {
    o = d->items.front();
    d->items.pop_front();
  } else {
    o = d->items.back();
    d->items.pop_back();
  }
  ++d->state;
  return o;
}

DEQUE_METHOD(m_pop) {
  if (!check_method_args(a[0], "pop", kw, n - 1, 0, 0)) return nullptr;
  return pop_end(as_deque(a[0]), false);
}

DEQUE_METHOD(m_popleft) {
  if (!check_method_args(a[0], "popleft", kw, n - 1, 0, 0)) return nullptr;
  return pop_end(as_deque(a[0]), true);
}

DEQUE_METHOD(m_extend) {
  if (!check_method_args(a[0], "extend", kw, n - 1, 1, 1)) return nullptr;
  if (extend_from(as_deque(a[0]), a[1], false) < 0) return nullptr;
  return new_none();
}

DEQUE_METHOD(m_extendleft) {
  if (!check_method_args(a[0], "extendleft", kw, n - 1, 1, 1)) return nullptr;
  if (extend_from(as_deque(a[0]), a[1], true) < 0) return nullptr;
  return new_none();
}

DEQUE_METHOD(m_clear) {
  if (!check_method_args(a[0], "clear", kw, n - 1, 0, 0)) return nullptr;
  as_deque(a[0])->drop_items();
  return new_none();
}

DEQUE_METHOD(m_copy) {
  if (!check_method_args(a[0], "copy", kw, n - 1, 0, 0)) return nullptr;
  return copy_any(as_deque(a[0]));
}

DEQUE_METHOD(m_count) {
  if (!check_method_args(a[0], "count", kw, n - 1, 1, 1)) return nullptr;
  DequeObject* d = as_deque(a[0]);
  uint64_t state = d->state;
  int64_t count = 0;
  for (size_t i = 0; i < d->items.size(); ++i) {
    Ref<> item = Ref<>::borrow(d->items[i]);
    int eq = rich_compare_bool(item.get(), a[1], CompareOp::eq);
    if (eq < 0) return nullptr;
    count += eq;
    if (state != d->state) return mutated_error();
  }
  return new_int(count);
}

// index(value, [start, [stop]]). CPython: deque_index_impl
DEQUE_METHOD(m_index) {
  if (!clinic_args(a[0], "index", kw, n - 1, 1, 3)) return nullptr;
  DequeObject* d = as_deque(a[0]);
  ssize size = ssize(d->items.size());
  ssize start = 0, stop = size;
  if (n > 2 && !search_bound(a[2], size, &start)) return nullptr;
  if (n > 3 && !search_bound(a[3], size, &stop)) return nullptr;
  stop = std::min(stop, size);
  ssize i = find_item(d, a[1], start, stop, &exc_RuntimeError);
  if (i == -2) return nullptr;
  if (i < 0) return value_error("deque.index(x): x not in deque");
  return new_int(i);
}

// CPython: deque_insert_impl
DEQUE_METHOD(m_insert) {
  if (!clinic_args(a[0], "insert", kw, n - 1, 2, 2)) return nullptr;
  DequeObject* d = as_deque(a[0]);
  ssize i;
  if (!index_as_ssize(a[1], &i)) return nullptr;
  ssize size = ssize(d->items.size());
  if (d->maxlen >= 0 && size >= d->maxlen) return index_error("deque already at its maximum size");
  if (i < 0) i = std::max<ssize>(0, i + size);
  if (i > size) i = size;
  d->items.insert(d->items.begin() + i, new_ref(a[2]));
  ++d->state;
  return new_none();
}

// CPython: deque_remove_impl
DEQUE_METHOD(m_remove) {
  if (!check_method_args(a[0], "remove", kw, n - 1, 1, 1)) return nullptr;
  DequeObject* d = as_deque(a[0]);
  ssize i = find_item(d, a[1], 0, ssize(d->items.size()), &exc_IndexError);
  if (i == -2) return nullptr;
  if (i < 0) return value_error("deque.remove(x): x not in deque");
  Object* old = d->items[size_t(i)];
  d->items.erase(d->items.begin() + i);
  ++d->state;
  decref(old);
  return new_none();
}

DEQUE_METHOD(m_reverse) {
  if (!check_method_args(a[0], "reverse", kw, n - 1, 0, 0)) return nullptr;
  DequeObject* d = as_deque(a[0]);
  std::reverse(d->items.begin(), d->items.end());
  ++d->state;
  return new_none();
}

// rotate(n=1): positive n moves items from the right end to the left. CPython: deque_rotate
DEQUE_METHOD(m_rotate) {
  if (!clinic_args(a[0], "rotate", kw, n - 1, 0, 1)) return nullptr;
  DequeObject* d = as_deque(a[0]);
  ssize steps = 1;
  if (n > 1 && !index_as_ssize(a[1], &steps)) return nullptr;
  ssize size = ssize(d->items.size());
  if (size <= 1) return new_none();
  steps %= size;
  if (steps < 0) steps += size;
  if (steps != 0) {
    std::rotate(d->items.begin(), d->items.end() - steps, d->items.end());
    ++d->state;
  }
  return new_none();
}

DEQUE_METHOD(m_reversed) {
  if (!check_method_args(a[0], "__reversed__", kw, n - 1, 0, 0)) return nullptr;
  return new_iter(a[0], true);
}

DEQUE_METHOD(m_reduce) {
  if (!check_method_args(a[0], "__reduce__", kw, n - 1, 0, 0)) return nullptr;
  DequeObject* d = as_deque(a[0]);
  Ref<> maxlen = Ref<>::steal(d->maxlen >= 0 ? new_int(d->maxlen) : new_none());
  Ref<> no_items = Ref<>::steal(empty_tuple());
  Ref<> args = Ref<>::steal(d->maxlen >= 0 ? new_tuple_from({no_items.get(), maxlen.get()}) : new_ref(no_items.get()));
  Ref<> it = Ref<>::steal(new_iter(a[0], false));
  Ref<> state = Ref<>::steal(new_none());
  return new_tuple_from({a[0]->type, args.get(), state.get(), it.get()});
}

// The special methods as attributes, so that `deque.__len__` and the ABCs'
// __subclasshook__ see them.
DEQUE_METHOD(m_len) {
  if (!check_nargs("__len__", n - 1, 0, 0)) return nullptr;
  (void)kw;
  return new_int(deque_len(a[0]));
}
DEQUE_METHOD(m_getitem) {
  if (!check_nargs("__getitem__", n - 1, 1, 1)) return nullptr;
  (void)kw;
  return deque_getitem(a[0], a[1]);
}
DEQUE_METHOD(m_setitem) {
  if (!check_nargs("__setitem__", n - 1, 2, 2)) return nullptr;
  (void)kw;
  return deque_setitem(a[0], a[1], a[2]) < 0 ? nullptr : new_none();
}
DEQUE_METHOD(m_delitem) {
  if (!check_nargs("__delitem__", n - 1, 1, 1)) return nullptr;
  (void)kw;
  return deque_setitem(a[0], a[1], nullptr) < 0 ? nullptr : new_none();
}
DEQUE_METHOD(m_contains) {
  if (!check_nargs("__contains__", n - 1, 1, 1)) return nullptr;
  (void)kw;
  int r = deque_contains(a[0], a[1]);
  return r < 0 ? nullptr : new_bool(r);
}
DEQUE_METHOD(m_repr) {
  if (!check_nargs("__repr__", n - 1, 0, 0)) return nullptr;
  (void)kw;
  return deque_repr(a[0]);
}
DEQUE_METHOD(m_init) {
  return deque_init(a[0], a + 1, n - 1, kw) < 0 ? nullptr : new_none();
}
DEQUE_METHOD(m_iter) {
  if (!check_nargs("__iter__", n - 1, 0, 0)) return nullptr;
  (void)kw;
  return deque_iter(a[0]);
}

Object* maxlen_get(Object*, Object* const* a, size_t n, TupleObject*) {
  if (n < 1 || !is_deque(a[0])) return type_error("maxlen: a deque is required");
  DequeObject* d = as_deque(a[0]);
  return d->maxlen >= 0 ? new_int(d->maxlen) : new_none();
}

// ---- the iterators ----

// CPython: dequeiter_next, dequereviter_next
Object* iter_next_item(Object* self) {
  auto* it = static_cast<DequeIterObject*>(self);
  if (it->deque == nullptr || it->counter == 0) return nullptr;
  DequeObject* d = it->deque;
  if (d->state != it->state) {
    it->counter = 0;
    return mutated_error();
  }
  size_t size = d->items.size();
  Object* item = it->reversed ? d->items[size - 1 - it->index] : d->items[it->index];
  ++it->index;
  --it->counter;
  return new_ref(item);
}

Object* iter_self(Object* self) { return new_ref(self); }

Object* it_next_method(Object*, Object* const* a, size_t, TupleObject*) {
  Object* item = iter_next_item(a[0]);
  if (!item && !error_occurred()) set_error(&exc_StopIteration, "");
  return item;
}
Object* it_iter_method(Object*, Object* const* a, size_t, TupleObject*) { return new_ref(a[0]); }
Object* it_length_hint(Object*, Object* const* a, size_t, TupleObject*) {
  return new_int(static_cast<DequeIterObject*>(a[0])->counter);
}

// CPython's dequeiter_spec and dequereviter_spec name them in module collections.
TypeObject* make_iter_type(const char* name) {
  TypeObject* t = new_native_type(name, "collections");
  if (!t) return nullptr;
  t->tp_iter = iter_self;
  t->tp_iternext = iter_next_item;
  add_method(t, "__next__", it_next_method);
  add_method(t, "__iter__", it_iter_method);
  add_method(t, "__length_hint__", it_length_hint);
  return t;
}

struct MethodEntry {
  const char* name;
  BuiltinFn fn;
};

const MethodEntry kMethods[] = {
    {"append", m_append},       {"appendleft", m_appendleft}, {"clear", m_clear},
    {"copy", m_copy},           {"__copy__", m_copy},         {"count", m_count},
    {"extend", m_extend},       {"extendleft", m_extendleft}, {"index", m_index},
    {"insert", m_insert},       {"pop", m_pop},               {"popleft", m_popleft},
    {"remove", m_remove},       {"reverse", m_reverse},       {"rotate", m_rotate},
    {"__reversed__", m_reversed}, {"__reduce__", m_reduce},   {"__len__", m_len},
    {"__getitem__", m_getitem}, {"__setitem__", m_setitem},   {"__delitem__", m_delitem},
    {"__contains__", m_contains}, {"__iter__", m_iter},     {"__init__", m_init},
    {"__repr__", m_repr},
};

int add_maxlen(TypeObject* t) {
  Ref<> getter = Ref<>::steal(new_builtin_function("maxlen", maxlen_get));
  Ref<> prop = Ref<>::steal(call1(&property_type, getter.get()));
  if (!prop) return -1;
  return dict_set_str(t->dict, "maxlen", prop.get());
}

}  // namespace

int add_deque(ModuleObject* module) {
  Ref<TypeObject> deque = Ref<TypeObject>::steal(new_native_type("deque", "collections"));
  if (!deque) return -1;
  TypeObject* t = deque.get();
  t->flags |= TypeFlags::basetype;  // Python classes derive from it (their objects are deques)
  t->tp_new = deque_new;
  t->tp_init = deque_init;
  t->tp_repr = deque_repr;
  t->tp_hash = deque_hash;
  t->tp_richcompare = deque_richcompare;
  t->tp_iter = deque_iter;
  t->sq_length = deque_len;
  t->mp_subscript = deque_getitem;
  t->mp_ass_subscript = deque_setitem;
  t->sq_contains = deque_contains;
  t->nb_binary[size_t(BinaryOp::add)] = deque_add;
  t->nb_binary[size_t(BinaryOp::mul)] = deque_mul;
  t->nb_inplace[size_t(BinaryOp::add)] = deque_iadd;
  t->nb_inplace[size_t(BinaryOp::mul)] = deque_imul;
  for (const MethodEntry& m : kMethods) add_method(t, m.name, m.fn);
  Ref<> doc = Ref<>::steal(new_str("A list-like sequence optimized for data accesses near its endpoints."));
  add_class_getitem(t);
  if (dict_set_str(t->dict, "__hash__", None()) < 0 || dict_set_str(t->dict, "__doc__", doc.get()) < 0 ||
      add_maxlen(t) < 0)
    return -1;
  Ref<TypeObject> it = Ref<TypeObject>::steal(make_iter_type("_deque_iterator"));
  Ref<TypeObject> rit = Ref<TypeObject>::steal(make_iter_type("_deque_reverse_iterator"));
  if (!it || !rit) return -1;
  if (dict_set_str(module->dict, "deque", t) < 0 || dict_set_str(module->dict, "_deque_iterator", it.get()) < 0 ||
      dict_set_str(module->dict, "_deque_reverse_iterator", rit.get()) < 0)
    return -1;
  // The module's dict owns them; iterators of this interpreter's deques are made of them.
  g_iter_type = it.get();
  g_reviter_type = rit.get();
  return 0;
}

}  // namespace gopy::collections
