// range and slice (CPython: Objects/rangeobject.c, Objects/sliceobject.c). A range whose
// bounds fit in int64 iterates without allocating big ints.
#include "object/getset_internal.hpp"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/slice_internal.hpp"
#include "object/seq_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject range_type, slice_type, range_iter_type;

RangeObject::~RangeObject() { clear_refs(); }
void RangeObject::clear_refs() {
  Object* a = start;
  Object* b = stop;
  Object* c = step;
  start = stop = step = nullptr;
  xdecref(a);
  xdecref(b);
  xdecref(c);
}

int RangeObject::traverse(VisitFn visit, void* arg) {
  for (Object* o : {start, stop, step})
    if (int r = visit_ref(o, visit, arg)) return r;
  return 0;
}

SliceObject::~SliceObject() { clear_refs(); }
int SliceObject::traverse(VisitFn visit, void* arg) {
  for (Object* o : {start, stop, step})
    if (int r = visit_ref(o, visit, arg)) return r;
  return 0;
}
void SliceObject::clear_refs() {
  Object* a = start;
  Object* b = stop;
  Object* c = step;
  start = stop = step = nullptr;
  xdecref(a);
  xdecref(b);
  xdecref(c);
}

Object* new_range(Object* start, Object* stop, Object* step) {
  auto* r = make<RangeObject>();
  r->start = new_ref(start);
  r->stop = new_ref(stop);
  r->step = new_ref(step);
  return r;
}

Object* new_slice(Object* start, Object* stop, Object* step) {
  auto* s = make<SliceObject>();
  s->start = new_ref(start ? start : None());
  s->stop = new_ref(stop ? stop : None());
  s->step = new_ref(step ? step : None());
  return s;
}

// CPython: Objects/sliceobject.c PySlice_Unpack + PySlice_AdjustIndices
// CPython: Objects/sliceobject.c PySlice_Unpack (may run __index__, so user code)
bool slice_unpack(SliceObject* s, ssize* start, ssize* stop, ssize* step) {
  auto get = [](Object* o, ssize dflt, ssize* out) -> bool {
    if (o == None()) {
      *out = dflt;
      return true;
    }
    if (o->type == &int_type && int_is_small(o)) {  // the common case: no __index__ call
      *out = ssize(int_small_value(o));
      return true;
    }
    if (!o->type->nb_index) {
      type_error("slice indices must be integers or None or have an __index__ method");
      return false;
    }
    Object* i = number_index(o);
    if (!i) return false;
    int64_t v;
    if (!int_to_int64(i, &v)) v = int_sign(i) < 0 ? INT64_MIN / 2 : INT64_MAX / 2;
    decref(i);
    *out = ssize(v);
    return true;
  };
  if (!get(s->step, 1, step)) return false;
  if (*step == 0) {
    value_error("slice step cannot be zero");
    return false;
  }
  if (!get(s->start, *step < 0 ? INT64_MAX / 2 : 0, start)) return false;
  return get(s->stop, *step < 0 ? INT64_MIN / 2 : INT64_MAX / 2, stop);
}

bool subscript_index(Object* key, ssize* out) {
  if (key->type == &int_type && int_is_small(key)) {
    *out = ssize(int_small_value(key));
    return true;
  }
  Object* i = number_index(key);
  if (!i) return false;
  int64_t v;
  bool fits = int_to_int64(i, &v);
  decref(i);
  if (!fits) {
    index_error(cat("cannot fit '", key->type->name, "' into an index-sized integer"));
    return false;
  }
  *out = ssize(v);
  return true;
}

// CPython: Objects/sliceobject.c PySlice_AdjustIndices
ssize slice_adjust(ssize length, ssize* start, ssize* stop, ssize step) {
  if (*start < 0) {
    *start += length;
    if (*start < 0) *start = step < 0 ? -1 : 0;
  } else if (*start >= length) {
    *start = step < 0 ? length - 1 : length;
  }
  if (*stop < 0) {
    *stop += length;
    if (*stop < 0) *stop = step < 0 ? -1 : 0;
  } else if (*stop >= length) {
    *stop = step < 0 ? length - 1 : length;
  }
  if (step < 0) {
    if (*stop < *start) return (*start - *stop - 1) / (-step) + 1;
  } else if (*start < *stop) {
    return (*stop - *start - 1) / step + 1;
  }
  return 0;
}

ssize slice_indices(SliceObject* s, ssize length, ssize* start, ssize* stop, ssize* step) {
  if (!slice_unpack(s, start, stop, step)) return -1;
  return slice_adjust(length, start, stop, *step);
}

namespace {

RangeObject* as_range(Object* o) { return static_cast<RangeObject*>(o); }

// The bounds as int64 when they all fit.
bool small_bounds(RangeObject* r, int64_t* a, int64_t* b, int64_t* c) {
  return int_to_int64(r->start, a) && int_to_int64(r->stop, b) && int_to_int64(r->step, c);
}

int64_t small_length(int64_t a, int64_t b, int64_t c) {
  if (c > 0 && a < b) return int64_t((uint64_t(b) - uint64_t(a) - 1) / uint64_t(c) + 1);
  if (c < 0 && a > b) return int64_t((uint64_t(a) - uint64_t(b) - 1) / uint64_t(-c) + 1);
  return 0;
}

// ---- ranges past int64: Python int arithmetic (CPython: Objects/rangeobject.c
// compute_range_length, compute_item, range_contains_long) ----

Object* op(Object* a, Object* b, BinaryOp o) { return binary_op(a, b, o); }

// The length as a Python int (new reference), or null on error.
Object* big_length(RangeObject* r) {
  Ref<> zero = Ref<>::steal(new_int(0));
  int positive = rich_compare_bool(r->step, zero.get(), CompareOp::gt);
  if (positive < 0) return nullptr;
  Object* lo = positive ? r->start : r->stop;
  Object* hi = positive ? r->stop : r->start;
  int empty = rich_compare_bool(lo, hi, CompareOp::ge);
  if (empty < 0) return nullptr;
  if (empty) return new_int(0);
  Ref<> step = Ref<>::steal(positive ? new_ref(r->step) : unary_op(r->step, UnaryOp::neg));
  Ref<> one = Ref<>::steal(new_int(1));
  Ref<> diff = Ref<>::steal(op(hi, lo, BinaryOp::sub));
  if (!step || !diff) return nullptr;
  Ref<> less = Ref<>::steal(op(diff.get(), one.get(), BinaryOp::sub));
  Ref<> q = Ref<>::steal(less ? op(less.get(), step.get(), BinaryOp::floordiv) : nullptr);
  return q ? op(q.get(), one.get(), BinaryOp::add) : nullptr;
}

// r[i] for an int index i of any size.
Object* big_item(RangeObject* r, Object* index) {
  Ref<> len = Ref<>::steal(big_length(r));
  if (!len) return nullptr;
  Ref<> zero = Ref<>::steal(new_int(0));
  Ref<> i = Ref<>::borrow(index);
  int neg = rich_compare_bool(i.get(), zero.get(), CompareOp::lt);
  if (neg < 0) return nullptr;
  if (neg) i = Ref<>::steal(op(i.get(), len.get(), BinaryOp::add));
  if (!i) return nullptr;
  int below = rich_compare_bool(i.get(), zero.get(), CompareOp::lt);
  int above = below ? 0 : rich_compare_bool(i.get(), len.get(), CompareOp::ge);
  if (below < 0 || above < 0) return nullptr;
  if (below || above) return index_error("range object index out of range");
  Ref<> offset = Ref<>::steal(op(i.get(), r->step, BinaryOp::mul));
  return offset ? op(r->start, offset.get(), BinaryOp::add) : nullptr;
}

// Whether an int lies on the range: 1, 0, or -1 on error.
int big_contains(RangeObject* r, Object* v) {
  Ref<> zero = Ref<>::steal(new_int(0));
  int positive = rich_compare_bool(r->step, zero.get(), CompareOp::gt);
  if (positive < 0) return -1;
  int in1 = positive ? rich_compare_bool(r->start, v, CompareOp::le) : rich_compare_bool(v, r->start, CompareOp::le);
  if (in1 <= 0) return in1;
  int in2 = positive ? rich_compare_bool(v, r->stop, CompareOp::lt) : rich_compare_bool(r->stop, v, CompareOp::lt);
  if (in2 <= 0) return in2;
  Ref<> diff = Ref<>::steal(op(v, r->start, BinaryOp::sub));
  Ref<> rem = Ref<>::steal(diff ? op(diff.get(), r->step, BinaryOp::mod) : nullptr);
  if (!rem) return -1;
  return rich_compare_bool(rem.get(), zero.get(), CompareOp::eq);
}

struct RangeIterObject : Object {
  int64_t next, step, remaining;
  RangeIterObject(int64_t n, int64_t s, int64_t r) : Object(&range_iter_type), next(n), step(s), remaining(r) {}
};

// CPython: Objects/rangeobject.c rangeiter_length_hint (what operator.length_hint reads)
Object* range_iter_length_hint(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__length_hint__", kw) || !check_nargs("__length_hint__", n - 1, 0, 0)) return nullptr;
  return new_int(static_cast<RangeIterObject*>(a[0])->remaining);
}

void init_range_iter_methods() { add_method(&range_iter_type, "__length_hint__", range_iter_length_hint); }

Object* range_iter_next(Object* o) {
  auto* it = static_cast<RangeIterObject*>(o);
  if (it->remaining <= 0) return nullptr;
  --it->remaining;
  int64_t v = it->next;
  it->next += it->remaining ? it->step : 0;
  return new_int(v);
}
Object* self_iter(Object* o) { return new_ref(o); }

Object* range_iter(Object* o) {
  int64_t a, b, c;
  if (!small_bounds(as_range(o), &a, &b, &c))
    return overflow_error("Python int too large to convert to C long");
  return make<RangeIterObject>(a, c, small_length(a, b, c));
}

ssize range_length(Object* o) {
  int64_t a, b, c;
  // A length past PY_SSIZE_T_MAX (range(-2**63, 2**63 - 1)) wraps negative in int64.
  int64_t n = -1;
  if (small_bounds(as_range(o), &a, &b, &c)) n = small_length(a, b, c);
  if (n < 0) {
    overflow_error("Python int too large to convert to C ssize_t");
    return -1;
  }
  return ssize(n);
}

Object* range_repr(Object* o) {
  auto* r = as_range(o);
  Object* a = object_repr(r->start);
  Object* b = object_repr(r->stop);
  std::string text = cat("range(", as_str(a)->utf8, ", ", as_str(b)->utf8);
  decref(a);
  decref(b);
  int64_t step;
  if (!(int_to_int64(r->step, &step) && step == 1)) {
    Object* c = object_repr(r->step);
    text += cat(", ", as_str(c)->utf8);
    decref(c);
  }
  return new_str(text + ")");
}

Object* range_subscript(Object* o, Object* key) {
  auto* r = as_range(o);
  int64_t a, b, c;
  if (!small_bounds(r, &a, &b, &c)) {
    if (key->type != &slice_type && key->type->nb_index) {
      Ref<> i = Ref<>::steal(number_index(key));
      return i ? big_item(r, i.get()) : nullptr;
    }
    if (key->type != &slice_type)
      return type_error(cat("range indices must be integers or slices, not ", key->type->name));
    return overflow_error("Python int too large to convert to C long");
  }
  int64_t n = small_length(a, b, c);
  if (key->type == &slice_type) {
    ssize start, stop, step;
    ssize len = slice_indices(static_cast<SliceObject*>(key), ssize(n), &start, &stop, &step);
    if (len < 0) return nullptr;
    Object* x = new_int(a + start * c);
    Object* y = new_int(a + stop * c);
    Object* z = new_int(step * c);
    Object* res = new_range(x, y, z);
    decref(x);
    decref(y);
    decref(z);
    return res;
  }
  ssize i;
  if (!key->type->nb_index)
    return type_error(cat("range indices must be integers or slices, not ", key->type->name));
  if (!index_as_ssize(key, &i)) return nullptr;
  if (i < 0) i += n;
  if (i < 0 || i >= n) return index_error("range object index out of range");
  return new_int(a + i * c);
}

int range_contains(Object* o, Object* item) {
  auto* r = as_range(o);
  int64_t a, b, c, v;
  if (item->type == &int_type && small_bounds(r, &a, &b, &c) && int_to_int64(item, &v)) {
    if (c > 0 ? (v < a || v >= b) : (v > a || v <= b)) return 0;
    return (v - a) % c == 0;
  }
  if (item->type == &int_type || item->type == &bool_type) return big_contains(r, item);
  Object* it = range_iter(o);
  if (!it) return -1;
  int found = 0;
  while (Object* x = range_iter_next(it)) {
    found = object_eq(x, item);
    decref(x);
    if (found) break;
  }
  decref(it);
  return found;
}

Object* range_richcompare(Object* a, Object* b, CompareOp op) {
  if (b->type != &range_type || (op != CompareOp::eq && op != CompareOp::ne)) return new_ref(NotImplemented());
  int64_t a1, b1, c1, a2, b2, c2;
  bool eq = false;
  if (small_bounds(as_range(a), &a1, &b1, &c1) && small_bounds(as_range(b), &a2, &b2, &c2)) {
    int64_t n1 = small_length(a1, b1, c1), n2 = small_length(a2, b2, c2);
    eq = n1 == n2 && (n1 == 0 || (a1 == a2 && (n1 == 1 || c1 == c2)));
  } else {
    // CPython: range_equals: equal lengths, then starts (unless empty), then steps
    // (unless one element).
    auto* x = as_range(a);
    auto* y = as_range(b);
    Ref<> n1 = Ref<>::steal(big_length(x));
    Ref<> n2 = Ref<>::steal(n1 ? big_length(y) : nullptr);
    if (!n2) return nullptr;
    Ref<> zero = Ref<>::steal(new_int(0)), one = Ref<>::steal(new_int(1));
    int r = rich_compare_bool(n1.get(), n2.get(), CompareOp::eq);
    if (r == 1) {
      int empty = rich_compare_bool(n1.get(), zero.get(), CompareOp::eq);
      if (empty != 0) {
        r = empty;
      } else if ((r = rich_compare_bool(x->start, y->start, CompareOp::eq)) == 1) {
        int single = rich_compare_bool(n1.get(), one.get(), CompareOp::eq);
        r = single != 0 ? single : rich_compare_bool(x->step, y->step, CompareOp::eq);
      }
    }
    if (r < 0) return nullptr;
    eq = r;
  }
  return new_bool(op == CompareOp::eq ? eq : !eq);
}

// Equal ranges hash alike: by (length, start, step), with the parts an empty or
// one-element range does not depend on left out. CPython: Objects/rangeobject.c range_hash
int64_t range_hash(Object* o) {
  auto* r = as_range(o);
  Object* len = big_length(r);
  if (!len) return -1;
  int64_t n = 2;  // "more than one" for a length past int64
  if (!int_to_int64(len, &n)) n = 2;
  TupleObject* key = new_tuple_from({len, n == 0 ? None() : r->start, n <= 1 ? None() : r->step});
  decref(len);
  int64_t h = object_hash(key);
  decref(key);
  return h;
}

Object* range_getattr(Object* o, StrObject* name) {
  auto* r = as_range(o);
  if (name->view() == "start") return new_ref(r->start);
  if (name->view() == "stop") return new_ref(r->stop);
  if (name->view() == "step") return new_ref(r->step);
  return generic_getattr(o, name);
}

Object* range_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (kwnames && !kwnames->items.empty()) return type_error("range() takes no keyword arguments");
  if (nargs == 0) return type_error("range expected at least 1 argument, got 0");
  if (nargs > 3) return type_error(cat("range expected at most 3 arguments, got ", nargs));
  Object* v[3];
  for (size_t i = 0; i < nargs; ++i) {
    // Exact ints: range(True) is range(0, 1) (CPython: range_new's PyNumber_Index).
    Object* idx = number_index(args[i]);
    v[i] = idx && idx->type != &int_type ? int_exact_copy(idx) : idx;
    if (idx && v[i] != idx) decref(idx);
    if (!v[i]) {
      for (size_t k = 0; k < i; ++k) decref(v[k]);
      return nullptr;
    }
  }
  Object* start = nargs == 1 ? new_int(0) : v[0];
  Object* stop = nargs == 1 ? v[0] : v[1];
  Object* step = nargs == 3 ? v[2] : new_int(1);
  Object* r = nullptr;
  if (int_sign(step) == 0) value_error("range() arg 3 must not be zero");
  else r = new_range(start, stop, step);
  decref(start);
  decref(stop);
  decref(step);
  return r;
}

Object* slice_repr(Object* o) {
  auto* s = static_cast<SliceObject*>(o);
  std::string text = "slice(";
  Object* parts[3] = {s->start, s->stop, s->step};
  for (int i = 0; i < 3; ++i) {
    Object* r = object_repr(parts[i]);
    if (!r) return nullptr;
    text += (i ? ", " : "") + as_str(r)->utf8;
    decref(r);
  }
  return new_str(text + ")");
}

Object* m_index(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("range.index", kw) || !check_nargs("range.index", n - 1, 1, 1)) return nullptr;
  auto* r = as_range(a[0]);
  int64_t s, e, st, v;
  if (a[1]->type == &int_type && small_bounds(r, &s, &e, &st) && int_to_int64(a[1], &v)) {
    bool inside = st > 0 ? (v >= s && v < e) : (v <= s && v > e);
    if (inside && (v - s) % st == 0) return new_int((v - s) / st);
  } else if (a[1]->type == &int_type || a[1]->type == &bool_type) {
    // CPython: range_index: (ob - start) // step for an int on the range.
    int in = big_contains(r, a[1]);
    if (in < 0) return nullptr;
    if (in) {
      Ref<> diff = Ref<>::steal(op(a[1], r->start, BinaryOp::sub));
      return diff ? op(diff.get(), r->step, BinaryOp::floordiv) : nullptr;
    }
  } else {
    Object* it = range_iter(a[0]);
    if (!it) return nullptr;
    int64_t i = 0;
    while (Object* x = range_iter_next(it)) {
      int eq = object_eq(x, a[1]);
      decref(x);
      if (eq) {
        decref(it);
        return eq < 0 ? nullptr : new_int(i);
      }
      ++i;
    }
    decref(it);
    if (error_occurred()) return nullptr;
    // CPython: Objects/abstract.c _PySequence_IterSearch
    return value_error("sequence.index(x): x not in sequence");
  }
  return value_error("range.index(x): x not in range");
}

Object* m_count(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("range.count", kw) || !check_nargs("range.count", n - 1, 1, 1)) return nullptr;
  int c = range_contains(a[0], a[1]);
  if (c < 0) return nullptr;
  return new_int(c);
}

// reversed(r): a range_iterator over r[::-1]. CPython: Objects/rangeobject.c range_reverse
Object* m_reversed(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__reversed__", kw) || !check_nargs("__reversed__", n - 1, 0, 0)) return nullptr;
  Object* minus_one = new_int(-1);
  Object* backwards = new_slice(nullptr, nullptr, minus_one);
  decref(minus_one);
  Object* r = range_subscript(a[0], backwards);
  decref(backwards);
  if (!r) return nullptr;
  Object* it = range_iter(r);
  decref(r);
  return it;
}

}  // namespace

void init_range_methods() {
  add_method(&range_type, "__reversed__", m_reversed);
  add_method(&range_type, "index", m_index);
  add_method(&range_type, "count", m_count);
  init_slice_methods();
  add_readonly_attrs(&range_type, {"start", "stop", "step"}, true);
  add_readonly_attrs(&slice_type, {"start", "stop", "step"}, true);
}

void init_range_slice_types() {
  make_static_type(&range_type, &type_type, "range", &object_type, 0);
  make_static_type(&slice_type, &type_type, "slice", &object_type, 0);
  make_static_type(&range_iter_type, &type_type, "range_iterator", &object_type, 0);
  range_type.tp_new = range_new;
  range_type.tp_iter = range_iter;
  range_type.sq_length = range_length;
  range_type.tp_repr = range_repr;
  range_type.mp_subscript = range_subscript;
  range_type.sq_contains = range_contains;
  range_type.tp_richcompare = range_richcompare;
  range_type.tp_getattr = range_getattr;
  range_type.tp_hash = range_hash;
  slice_type.tp_repr = slice_repr;
  init_slice_slots();
  range_iter_type.tp_iter = self_iter;
  range_iter_type.tp_iternext = range_iter_next;
  range_iter_type.lazy_methods = init_range_iter_methods;
}

}  // namespace gopy
