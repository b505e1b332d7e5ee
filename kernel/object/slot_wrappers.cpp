// The special methods of the built-in types as attributes (`list.__setitem__`,
// `int.__radd__`, ...), made on first lookup from the type's slots, so that a subclass
// reaches them through super() and a class can call them by name (CPython:
// Objects/typeobject.c slotdefs, wrap_binaryfunc_l/_r, wrap_objobjargproc, ...).
#include <array>
#include <string_view>
#include <utility>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/special_names.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

namespace {

// The built-in type whose slots serve `self` (a subclass instance uses its built-in base's).
// A native plugin's heap type is passed over too: its slots may be unset where object's
// serve (its own special methods, in its dict, come first in the MRO).
TypeObject* layout_of(Object* self) {
  TypeObject* t = self->type;
  while (t->flags & TypeFlags::heap) t = t->base;
  return t;
}

bool want_args(const char* name, size_t nargs, size_t want, TupleObject* kw) {
  if (!check_no_kwargs(name, kw)) return false;
  if (nargs - 1 == want) return true;
  type_error(cat("expected ", want, " argument", want == 1 ? "" : "s", ", got ", nargs - 1));
  return false;
}

Object* from_status(int r) { return r < 0 ? nullptr : new_none(); }

Object* w_repr(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return want_args("__repr__", n, 0, kw) ? layout_of(a[0])->tp_repr(a[0]) : nullptr;
}
Object* w_str(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return want_args("__str__", n, 0, kw) ? layout_of(a[0])->tp_str(a[0]) : nullptr;
}
Object* w_hash(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!want_args("__hash__", n, 0, kw)) return nullptr;
  int64_t h = layout_of(a[0])->tp_hash(a[0]);
  return h == -1 && error_occurred() ? nullptr : new_int(h);
}
Object* w_call(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return layout_of(a[0])->tp_call(a[0], a + 1, n - 1, kw);
}
Object* w_iter(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return want_args("__iter__", n, 0, kw) ? layout_of(a[0])->tp_iter(a[0]) : nullptr;
}
Object* w_next(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!want_args("__next__", n, 0, kw)) return nullptr;
  Object* r = layout_of(a[0])->tp_iternext(a[0]);
  if (!r && !error_occurred()) set_error(&exc_StopIteration, "");
  return r;
}
Object* w_len(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!want_args("__len__", n, 0, kw)) return nullptr;
  ssize len = layout_of(a[0])->sq_length(a[0]);
  return len < 0 ? nullptr : new_int(int64_t(len));
}
Object* w_getitem(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return want_args("__getitem__", n, 1, kw) ? layout_of(a[0])->mp_subscript(a[0], a[1]) : nullptr;
}
Object* w_setitem(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return want_args("__setitem__", n, 2, kw) ? from_status(layout_of(a[0])->mp_ass_subscript(a[0], a[1], a[2]))
                                              : nullptr;
}
Object* w_delitem(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return want_args("__delitem__", n, 1, kw) ? from_status(layout_of(a[0])->mp_ass_subscript(a[0], a[1], nullptr))
                                              : nullptr;
}
Object* w_contains(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!want_args("__contains__", n, 1, kw)) return nullptr;
  int r = layout_of(a[0])->sq_contains(a[0], a[1]);
  return r < 0 ? nullptr : new_bool(r);
}
Object* w_bool(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!want_args("__bool__", n, 0, kw)) return nullptr;
  int r = layout_of(a[0])->nb_bool(a[0]);
  return r < 0 ? nullptr : new_bool(r);
}
Object* w_init(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return from_status(layout_of(a[0])->tp_init(a[0], a + 1, n - 1, kw));
}
Object* w_getattribute(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!want_args("__getattribute__", n, 1, kw)) return nullptr;
  if (!is_str(a[1])) return type_error(cat("attribute name must be string, not '", a[1]->type->name, "'"));
  return layout_of(a[0])->tp_getattr(a[0], as_str(a[1]));
}
Object* w_setattr(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!want_args("__setattr__", n, 2, kw)) return nullptr;
  if (!is_str(a[1])) return type_error(cat("attribute name must be string, not '", a[1]->type->name, "'"));
  return from_status(layout_of(a[0])->tp_setattr(a[0], as_str(a[1]), a[2]));
}
Object* w_delattr(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!want_args("__delattr__", n, 1, kw)) return nullptr;
  if (!is_str(a[1])) return type_error(cat("attribute name must be string, not '", a[1]->type->name, "'"));
  return from_status(layout_of(a[0])->tp_setattr(a[0], as_str(a[1]), nullptr));
}
Object* w_abs(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return want_args("__abs__", n, 0, kw) ? layout_of(a[0])->nb_abs(a[0]) : nullptr;
}
Object* w_index(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return want_args("__index__", n, 0, kw) ? layout_of(a[0])->nb_index(a[0]) : nullptr;
}
Object* w_int(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return want_args("__int__", n, 0, kw) ? layout_of(a[0])->nb_int(a[0]) : nullptr;
}
Object* w_float(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return want_args("__float__", n, 0, kw) ? layout_of(a[0])->nb_float(a[0]) : nullptr;
}

template <int OP>
Object* w_compare(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!want_args("comparison", n, 1, kw)) return nullptr;
  return layout_of(a[0])->tp_richcompare(a[0], a[1], CompareOp(OP));
}

// str, list and tuple add and repeat through CPython's sequence slots (sq_concat,
// sq_repeat): their __add__ and __mul__ raise rather than answer NotImplemented, and
// they have no __radd__ (CPython: wrap_binaryfunc over sq_concat, wrap_indexargfunc).
bool is_concat_sequence(const TypeObject* t) { return t == &str_type || t == &list_type || t == &tuple_type; }

template <int OP>
Object* w_binary_l(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (OP == int(BinaryOp::pow) && n == 3 && layout_of(a[0])->nb_ternary_pow)
    return layout_of(a[0])->nb_ternary_pow(a[0], a[1], a[2]);
  if (!want_args("binary operator", n, 1, kw)) return nullptr;
  TypeObject* t = layout_of(a[0]);
  Object* r = t->nb_binary[OP](a[0], a[1]);
  if (r == NotImplemented() && is_concat_sequence(t)) {
    if (OP == int(BinaryOp::add)) {
      decref(r);
      return type_error(cat("can only concatenate ", t->name, " (not \"", a[1]->type->name, "\") to ", t->name));
    }
    if (OP == int(BinaryOp::mul)) {
      decref(r);
      return type_error(cat("'", a[1]->type->name, "' object cannot be interpreted as an integer"));
    }
  }
  return r;
}
template <int OP>
Object* w_binary_r(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return want_args("binary operator", n, 1, kw) ? layout_of(a[0])->nb_binary[OP](a[1], a[0]) : nullptr;
}
template <int OP>
Object* w_inplace(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return want_args("in-place operator", n, 1, kw) ? layout_of(a[0])->nb_inplace[OP](a[0], a[1]) : nullptr;
}
template <int OP>
Object* w_unary(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return want_args("unary operator", n, 0, kw) ? layout_of(a[0])->nb_unary[OP](a[0]) : nullptr;
}

struct Wrapper {
  std::string_view name;
  BuiltinFn fn;
  bool (*has)(const TypeObject*);
};

#define GOPY_HAS(field) [](const TypeObject* t) { return t->field != nullptr; }


template <int... OPS>
void add_binary(std::vector<Wrapper>& out, std::integer_sequence<int, OPS...>) {
  ((out.push_back({kBinaryNames[OPS][0], &w_binary_l<OPS>,
                   [](const TypeObject* t) { return t->nb_binary[OPS] != nullptr; }}),
    out.push_back({kBinaryNames[OPS][1], &w_binary_r<OPS>,
                   [](const TypeObject* t) {
                     return t->nb_binary[OPS] != nullptr && !(OPS == int(BinaryOp::add) && is_concat_sequence(t));
                   }}),
    out.push_back({kBinaryNames[OPS][2], &w_inplace<OPS>,
                   [](const TypeObject* t) { return t->nb_inplace[OPS] != nullptr; }})),
   ...);
}

template <int... OPS>
void add_compare(std::vector<Wrapper>& out, std::integer_sequence<int, OPS...>) {
  (out.push_back({kCompareNames[OPS], &w_compare<OPS>, GOPY_HAS(tp_richcompare)}), ...);
}

template <int... OPS>
void add_unary(std::vector<Wrapper>& out, std::integer_sequence<int, OPS...>) {
  (out.push_back({kUnaryNames[OPS], &w_unary<OPS>, [](const TypeObject* t) { return t->nb_unary[OPS] != nullptr; }}),
   ...);
}

const std::vector<Wrapper>& wrappers() {
  static const std::vector<Wrapper> table = [] {
    std::vector<Wrapper> w = {
        {"__repr__", w_repr, GOPY_HAS(tp_repr)},
        {"__str__", w_str, GOPY_HAS(tp_str)},
        {"__hash__", w_hash, GOPY_HAS(tp_hash)},
        {"__call__", w_call, GOPY_HAS(tp_call)},
        {"__iter__", w_iter, GOPY_HAS(tp_iter)},
        {"__next__", w_next, GOPY_HAS(tp_iternext)},
        {"__len__", w_len, GOPY_HAS(sq_length)},
        {"__getitem__", w_getitem, GOPY_HAS(mp_subscript)},
        {"__setitem__", w_setitem, GOPY_HAS(mp_ass_subscript)},
        {"__delitem__", w_delitem, GOPY_HAS(mp_ass_subscript)},
        {"__contains__", w_contains, GOPY_HAS(sq_contains)},
        {"__bool__", w_bool, GOPY_HAS(nb_bool)},
        {"__init__", w_init, GOPY_HAS(tp_init)},
        {"__getattribute__", w_getattribute, GOPY_HAS(tp_getattr)},
        {"__setattr__", w_setattr, GOPY_HAS(tp_setattr)},
        {"__delattr__", w_delattr, GOPY_HAS(tp_setattr)},
        {"__abs__", w_abs, GOPY_HAS(nb_abs)},
        {"__index__", w_index, GOPY_HAS(nb_index)},
        {"__int__", w_int, GOPY_HAS(nb_int)},
        {"__float__", w_float, GOPY_HAS(nb_float)},
    };
    add_compare(w, std::make_integer_sequence<int, 6>());
    add_binary(w, std::make_integer_sequence<int, int(BinaryOp::count)>());
    add_unary(w, std::make_integer_sequence<int, int(UnaryOp::count)>());
    return w;
  }();
  return table;
}

#undef GOPY_HAS

}  // namespace

// CPython fills a built-in type's dict with its slots' special methods when the type is
// readied (Objects/typeobject.c add_operators), and sets __hash__ to None for a type whose
// instances are unhashable (a comparison without a hash); gopy makes them on first lookup, so a reader of the whole
// `T.__dict__` (collections.abc's __subclasshook__s walk the MRO's dicts) makes them all.
void add_all_slot_wrappers(TypeObject* t) {
  if (t->flags & TypeFlags::heap) return;
  DictObject* dict = type_dict(t);
  if (!dict) return;
  if (t->tp_new && !dict_get_str(dict, "__new__")) add_new_wrapper(t);
  for (const Wrapper& w : wrappers())
    if (w.has(t) && !dict_get_str(dict, w.name)) add_method(t, w.name.data(), w.fn);
  if (!t->tp_hash && t->tp_richcompare && !dict_get_str(dict, "__hash__")) {
    type_modified();
    dict_set_str(dict, "__hash__", None());
  }
}

Object* add_slot_wrapper(TypeObject* t, StrObject* name) {
  std::string_view n = name->view();
  // A built-in type without a hash (list, dict, set, ...) says so with __hash__ = None, as
  // CPython's inherit_slots leaves it in the type's dict.
  if (n == "__hash__" && !t->tp_hash && !(t->flags & TypeFlags::heap) && t != &object_type) {
    if (dict_set_item(type_own_dict(t), name, None()) < 0) return nullptr;
    return dict_get_str(type_own_dict(t), name);
  }
  for (const Wrapper& w : wrappers()) {
    if (w.name != n) continue;
    if (!w.has(t)) return nullptr;
    add_method(t, w.name.data(), w.fn);  // the table's names are NUL-terminated literals
    return dict_get_str(type_own_dict(t), name);
  }
  return nullptr;
}

}  // namespace gopy
