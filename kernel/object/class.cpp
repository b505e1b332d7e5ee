// Classes defined in Python: creating the heap type for a class statement and the slot
// functions that dispatch the protocols to the class's special methods
// (CPython: Objects/typeobject.c type_new, slot_tp_*, SLOT1BINFULL, update_one_slot).
#include <cstddef>
#include <unordered_map>

#include "gopy/object.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_complex.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/introspect.hpp"
#include "gopy/state.hpp"
#include "gopy/sys_streams.hpp"
#include "object/descr_internal.hpp"
#include "object/exc_notes.hpp"
#include "object/slots_internal.hpp"
#include "object/special_names.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

namespace {

// The interned str for a special-method name given as a string literal, without hashing
// the text on every call (the literal's address is the key; reset per interpreter).
StrObject* special_name(std::string_view literal) {
  static std::unordered_map<const char*, StrObject*> cache;
  static uint64_t generation = 0;
  if (generation != interpreter_generation()) {
    cache.clear();
    generation = interpreter_generation();
  }
  auto [it, inserted] = cache.try_emplace(literal.data(), nullptr);
  if (inserted) it->second = intern(literal);
  return it->second;
}

// Calls a special method found on type(self): a function (or a built-in method
// descriptor) gets self first, any other callable only the arguments.
Object* call_unbound(Object* descr, Object* self, Object* const* args, size_t nargs) {
  Object* full[4];
  full[0] = self;
  for (size_t i = 0; i < nargs && i < 3; ++i) full[i + 1] = args[i];
  if (descr->type == &function_type ||
      (descr->type == &builtin_function_type && static_cast<BuiltinFunctionObject*>(descr)->is_method))
    return call(descr, full, nargs + 1, nullptr);
  // Any other descriptor is bound first (CPython: lookup_maybe_method).
  Ref<> bound = Ref<>::steal(descr_bind(Ref<>::borrow(descr).get(), self, self->type));
  if (!bound) return nullptr;
  return call(bound.get(), args, nargs, nullptr);
}

// Calls type(self).<name>(self, *args); *found says whether the method exists.
Object* call_special(Object* self, std::string_view name, Object* const* args, size_t nargs, bool* found) {
  Object* descr = type_lookup(self->type, special_name(name));
  *found = descr != nullptr;
  if (!descr) return nullptr;
  if (descr == None()) {
    *found = false;
    return nullptr;
  }
  return call_unbound(descr, self, args, nargs);
}

Object* call_special_required(Object* self, std::string_view name, Object* const* args, size_t nargs) {
  bool found;
  Object* r = call_special(self, name, args, nargs, &found);
  if (!found) return attribute_error(self, special_name(name));
  return r;
}

Object* slot_repr(Object* self) { return call_special_required(self, "__repr__", nullptr, 0); }
Object* slot_str(Object* self) { return call_special_required(self, "__str__", nullptr, 0); }

int64_t slot_hash(Object* self) {
  Object* r = call_special_required(self, "__hash__", nullptr, 0);
  if (!r) return -1;
  if (!is_int(r)) {
    decref(r);
    type_error("__hash__ method should return an integer");
    return -1;
  }
  // CPython: Objects/typeobject.c slot_tp_hash: a result that fits in a hash is kept as
  // is (so __hash__ returning hash(x) matches x); only larger ints are reduced.
  int64_t h;
  if (!int_to_int64(r, &h)) h = int_hash(r);
  decref(r);
  return h == -1 ? -2 : h;
}

Object* slot_richcompare(Object* self, Object* other, CompareOp op) {
  bool found;
  Object* r = call_special(self, kCompareNames[int(op)], &other, 1, &found);
  if (!found) return new_ref(NotImplemented());
  return r;
}

Object* slot_call(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames) {
  Object* descr = type_lookup(self->type, intern("__call__"));
  if (!descr) return type_error(cat("'", self->type->name, "' object is not callable"));
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  std::vector<Object*> full(nargs + nkw + 1);
  full[0] = self;
  for (size_t i = 0; i < nargs + nkw; ++i) full[i + 1] = args[i];
  return call(descr, full.data(), nargs + 1, kwnames);
}

// CPython: Objects/typeobject.c slot_tp_iter: `__iter__ = None` marks the class not iterable.
Object* slot_iter(Object* self) {
  if (type_lookup(self->type, "__iter__") == None())
    return type_error(cat("'", self->type->name, "' object is not iterable"));
  return call_special_required(self, "__iter__", nullptr, 0);
}

Object* slot_iternext(Object* self) {
  Object* r = call_special_required(self, "__next__", nullptr, 0);
  if (!r && error_matches(&exc_StopIteration)) clear_error();
  return r;
}

// CPython: Objects/typeobject.c slot_sq_length (the result goes through __index__)
ssize slot_length(Object* self) {
  Object* result = call_special_required(self, "__len__", nullptr, 0);
  if (!result) return -1;
  Object* r = number_index(result);
  decref(result);
  if (!r) return -1;
  int64_t n = 0;
  bool fits = int_to_int64(r, &n);
  int sign = int_sign(r);
  decref(r);
  if (sign < 0) {
    value_error("__len__() should return >= 0");
    return -1;
  }
  if (!fits) {
    overflow_error("cannot fit 'int' into an index-sized integer");
    return -1;
  }
  return ssize(n);
}

Object* slot_getitem(Object* self, Object* key) { return call_special_required(self, "__getitem__", &key, 1); }

int slot_setitem(Object* self, Object* key, Object* value) {
  Object* r;
  if (value) {
    Object* args[2] = {key, value};
    r = call_special_required(self, "__setitem__", args, 2);
  } else {
    r = call_special_required(self, "__delitem__", &key, 1);
  }
  if (!r) return -1;
  decref(r);
  return 0;
}

int slot_contains(Object* self, Object* item) {
  bool found;
  Object* r = call_special(self, "__contains__", &item, 1, &found);
  if (!found) {
    // No __contains__ in this class: iterate (CPython falls back the same way).
    Object* it = get_iter(self);
    if (!it) return -1;
    int hit = 0;
    while (Object* x = iter_next(it)) {
      hit = object_eq(x, item);
      decref(x);
      if (hit) break;
    }
    decref(it);
    if (!hit && error_occurred()) return -1;
    return hit;
  }
  if (!r) return -1;
  int t = object_is_true(r);
  decref(r);
  return t;
}

int slot_bool(Object* self) {
  Object* r = call_special_required(self, "__bool__", nullptr, 0);
  if (!r) return -1;
  if (r->type != &bool_type) {
    type_error(cat("__bool__ should return bool, returned ", r->type->name));
    decref(r);
    return -1;
  }
  int t = r == True();
  decref(r);
  return t;
}


// CPython: Objects/typeobject.c SLOT1BINFULL
template <int OP>
Object* slot_binary(Object* a, Object* b) {
  TypeObject* ta = a->type;
  TypeObject* tb = b->type;
  bool a_has = ta->nb_binary[OP] == &slot_binary<OP>;
  bool b_has = tb != ta && tb->nb_binary[OP] == &slot_binary<OP>;
  bool found;
  if (a_has) {
    if (b_has && is_subtype(tb, ta)) {
      Object* r = call_special(b, kBinaryNames[OP][1], &a, 1, &found);
      if (!found || r != NotImplemented()) {
        if (found) return r;
      } else {
        decref(r);
      }
      b_has = false;
    }
    Object* r = call_special(a, kBinaryNames[OP][0], &b, 1, &found);
    if (found && (r != NotImplemented() || ta == tb)) return r;
    if (found) decref(r);
  }
  if (b_has) {
    Object* r = call_special(b, kBinaryNames[OP][1], &a, 1, &found);
    if (found) return r;
  }
  return new_ref(NotImplemented());
}

template <int OP>
Object* slot_inplace(Object* a, Object* b) {
  bool found;
  Object* r = call_special(a, kBinaryNames[OP][2], &b, 1, &found);
  if (!found) return new_ref(NotImplemented());
  return r;
}

template <int... OPS>
struct BinarySlotTable {
  static constexpr BinaryFn binary[] = {&slot_binary<OPS>...};
  static constexpr BinaryFn inplace[] = {&slot_inplace<OPS>...};
};
using BinarySlots = BinarySlotTable<0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12>;
static_assert(sizeof(BinarySlots::binary) / sizeof(BinaryFn) == size_t(BinaryOp::count));

template <int OP>
Object* slot_unary(Object* a) {
  return call_special_required(a, kUnaryNames[OP], nullptr, 0);
}
constexpr UnaryFn kUnarySlots[] = {&slot_unary<0>, &slot_unary<1>, &slot_unary<2>};

Object* slot_abs(Object* a) { return call_special_required(a, "__abs__", nullptr, 0); }
Object* slot_index(Object* a) { return call_special_required(a, "__index__", nullptr, 0); }
Object* slot_int(Object* a) { return call_special_required(a, "__int__", nullptr, 0); }
Object* slot_float(Object* a) { return call_special_required(a, "__float__", nullptr, 0); }

// CPython: Objects/typeobject.c slot_tp_getattr_hook: __getattribute__ (object's is the
// generic lookup), then __getattr__ when that raised AttributeError.
Object* slot_getattr_hook(Object* self, StrObject* name) {
  TypeObject* t = self->type;
  Ref<> getattribute = Ref<>::borrow(type_lookup(t, special_name("__getattribute__")));
  Ref<> getattr = Ref<>::borrow(type_lookup(t, special_name("__getattr__")));
  Object* r;
  Object* arg = name;
  if (!getattribute || getattribute.get() == type_lookup(&object_type, special_name("__getattribute__")))
    r = generic_getattr(self, name);
  else
    r = call_unbound(getattribute.get(), self, &arg, 1);
  if (r || !getattr || !error_matches(&exc_AttributeError)) return r;
  clear_error();
  return call_unbound(getattr.get(), self, &arg, 1);
}

int slot_setattr(Object* self, StrObject* name, Object* value) {
  Object* r;
  if (value) {
    Object* args[2] = {name, value};
    r = call_special_required(self, "__setattr__", args, 2);
  } else {
    Object* arg = name;
    bool found;
    r = call_special(self, "__delattr__", &arg, 1, &found);
    if (!found) return generic_setattr(self, name, nullptr);
  }
  if (!r) return -1;
  decref(r);
  return 0;
}

int slot_init(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames) {
  Object* init = type_lookup(self->type, special_name("__init__"));
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  Object* stack[8];
  std::vector<Object*> heap;
  Object** full = stack;
  if (nargs + nkw + 1 > 8) {
    heap.resize(nargs + nkw + 1);
    full = heap.data();
  }
  full[0] = self;
  for (size_t i = 0; i < nargs + nkw; ++i) full[i + 1] = args[i];
  Object* r = call(init, full, nargs + 1, kwnames);
  if (!r) return -1;
  if (r != None()) {
    type_error(cat("__init__() should return None, not '", r->type->name, "'"));
    decref(r);
    return -1;
  }
  decref(r);
  return 0;
}

// CPython: Objects/typeobject.c slot_tp_new: type.__new__ (a staticmethod) gets the class first.
Object* slot_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kwnames) {
  Object* descr = type_lookup(type, special_name("__new__"));
  if (!descr) return type_error(cat("cannot create '", type->name, "' instances"));
  Ref<> fn = Ref<>::steal(descr_bind(Ref<>::borrow(descr).get(), nullptr, type));
  if (!fn) return nullptr;
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  std::vector<Object*> full(nargs + nkw + 1);
  full[0] = type;
  for (size_t i = 0; i < nargs + nkw; ++i) full[i + 1] = args[i];
  return call(fn.get(), full.data(), nargs + 1, kwnames);
}

// CPython: Objects/typeobject.c slot_tp_descr_get
Object* slot_descr_get(Object* self, Object* obj, TypeObject* type) {
  Object* get = type_lookup(self->type, special_name("__get__"));
  if (!get) return new_ref(self);
  Ref<> hold = Ref<>::borrow(get);
  Object* args[3] = {self, obj ? obj : None(), type ? static_cast<Object*>(type) : None()};
  return call(get, args, 3, nullptr);
}

// CPython: Objects/typeobject.c slot_tp_descr_set
int slot_descr_set(Object* self, Object* obj, Object* value) {
  std::string_view name = value ? "__set__" : "__delete__";
  Object* method = type_lookup(self->type, special_name(name));
  if (!method) {
    set_error(&exc_AttributeError, std::string(name));
    return -1;
  }
  Ref<> hold = Ref<>::borrow(method);
  Object* args[3] = {self, obj, value};
  Ref<> r = Ref<>::steal(call(method, args, value ? 3 : 2, nullptr));
  return r ? 0 : -1;
}

// CPython: Objects/typeobject.c slot_tp_finalize. Runs type(self).__del__(self) with the
// error indicator saved; an exception it raises is reported as unraisable.
void slot_finalize(Object* self) {
  Object* del = type_lookup(self->type, special_name("__del__"));
  if (!del) return;
  ThreadState* ts = get_thread_state();
  Object* saved = ts->current_exception;
  bool saved_pending = ts->traceback_pending;
  ts->current_exception = nullptr;
  ts->traceback_pending = false;
  incref(del);  // __del__ may delete itself from the class
  Object* r = call_unbound(del, self, nullptr, 0);
  if (r) {
    decref(r);
  } else {
    Object* exc = fetch_error();
    Object* what = object_repr(del);
    std::string message = "Exception ignored while calling deallocator";
    if (what) message += cat(" ", as_str(what)->utf8);
    xdecref(what);
    clear_error();
    restore_error(exc);
    write_unraisable(message);
  }
  decref(del);
  xdecref(ts->current_exception);
  ts->current_exception = saved;
  ts->traceback_pending = saved_pending;
}

void inherit_slots(TypeObject* t, const TypeObject* b) {
  t->tp_new = b->tp_new;
  t->tp_init = b->tp_init;
  t->tp_call = b->tp_call;
  t->tp_repr = b->tp_repr;
  t->tp_str = b->tp_str;
  t->tp_hash = b->tp_hash;
  t->tp_richcompare = b->tp_richcompare;
  t->tp_getattr = b->tp_getattr;
  t->tp_setattr = b->tp_setattr;
  t->tp_iter = b->tp_iter;
  t->tp_iternext = b->tp_iternext;
  t->sq_length = b->sq_length;
  t->mp_subscript = b->mp_subscript;
  t->mp_ass_subscript = b->mp_ass_subscript;
  t->sq_contains = b->sq_contains;
  t->nb_bool = b->nb_bool;
  for (size_t i = 0; i < size_t(BinaryOp::count); ++i) {
    t->nb_binary[i] = b->nb_binary[i];
    t->nb_inplace[i] = b->nb_inplace[i];
  }
  for (size_t i = 0; i < size_t(UnaryOp::count); ++i) t->nb_unary[i] = b->nb_unary[i];
  t->nb_index = b->nb_index;
  t->nb_int = b->nb_int;
  t->nb_float = b->nb_float;
  t->nb_abs = b->nb_abs;
  t->nb_ternary_pow = b->nb_ternary_pow;
  t->tp_finalize = b->tp_finalize;
  t->tp_descr_get = b->tp_descr_get;
  t->tp_descr_set = b->tp_descr_set;
}

// CPython: Objects/typeobject.c type_new_set_names: value.__set_name__(cls, name) for each
// class attribute that has one, in definition order (over a copy: it may change the dict).
int set_names(TypeObject* t) {
  Ref<DictObject> names = Ref<DictObject>::steal(dict_copy(t->dict));
  for (size_t i = 0; i < names->entries.size(); ++i) {
    const DictEntry& e = names->entries[i];
    if (!e.key) continue;
    Ref<> key = Ref<>::borrow(e.key);
    Ref<> value = Ref<>::borrow(e.value);
    Object* args[2] = {t, key.get()};
    bool found;
    Ref<> r = Ref<>::steal(call_special(value.get(), "__set_name__", args, 2, &found));
    if (!found) continue;
    if (!r) {
      Object* exc = fetch_error();
      Ref<> key_repr = Ref<>::steal(object_repr(key.get()));
      if (!key_repr ||
          exception_add_note(exc, cat("Error calling __set_name__ on '", value->type->name, "' instance ",
                                      as_str(key_repr.get())->utf8, " in '", t->name, "'")) < 0)
        clear_error();  // the original error is what the user needs; the note is a bonus
      restore_error(exc);
      return -1;
    }
  }
  return 0;
}

}  // namespace

InitFn python_init_slot() { return &slot_init; }

bool descr_has_get(Object* descr) { return descr->type->tp_descr_get != nullptr; }
bool descr_is_data(Object* descr) { return descr->type->tp_descr_set != nullptr; }

Object* descr_get(Object* descr, Object* obj, TypeObject* type) {
  if (!descr->type->tp_descr_get) return new_ref(descr);
  return descr->type->tp_descr_get(descr, obj, type);
}

int descr_set(Object* descr, Object* obj, Object* value) {
  if (!descr->type->tp_descr_set) {
    set_error(&exc_AttributeError, value ? "__set__" : "__delete__");
    return -1;
  }
  return descr->type->tp_descr_set(descr, obj, value);
}

// CPython: Objects/typeobject.c update_one_slot (for the dunders the slice dispatches).
void update_slot(TypeObject* t, StrObject* name) {
  std::string_view n = name->view();
  if (!n.starts_with("__") || !t->base) return;
  bool defined = type_lookup(t, name) != nullptr;
  const TypeObject* b = t->base;
  auto pick = [&](auto slot, auto base_slot) { return defined ? slot : base_slot; };
  if (n == "__repr__") t->tp_repr = pick(&slot_repr, b->tp_repr);
  else if (n == "__str__") t->tp_str = pick(&slot_str, b->tp_str);
  else if (n == "__hash__") {
    Object* h = type_lookup(t, name);
    t->tp_hash = h == None() ? nullptr : pick(&slot_hash, b->tp_hash);
  } else if (n == "__lt__" || n == "__le__" || n == "__eq__" || n == "__ne__" || n == "__gt__" || n == "__ge__") {
    t->tp_richcompare = &slot_richcompare;
  } else if (n == "__call__") t->tp_call = pick(&slot_call, b->tp_call);
  else if (n == "__iter__") t->tp_iter = pick(&slot_iter, b->tp_iter);
  else if (n == "__next__") t->tp_iternext = pick(&slot_iternext, b->tp_iternext);
  else if (n == "__len__") t->sq_length = pick(&slot_length, b->sq_length);
  else if (n == "__getitem__") t->mp_subscript = pick(&slot_getitem, b->mp_subscript);
  else if (n == "__setitem__" || n == "__delitem__") t->mp_ass_subscript = &slot_setitem;
  else if (n == "__contains__") t->sq_contains = pick(&slot_contains, b->sq_contains);
  else if (n == "__bool__") t->nb_bool = pick(&slot_bool, b->nb_bool);
  else if (n == "__abs__") t->nb_abs = pick(&slot_abs, b->nb_abs);
  else if (n == "__index__") t->nb_index = pick(&slot_index, b->nb_index);
  else if (n == "__int__") t->nb_int = pick(&slot_int, b->nb_int);
  else if (n == "__float__") t->nb_float = pick(&slot_float, b->nb_float);
  else if (n == "__getattr__" || n == "__getattribute__") {
    bool hooked = type_lookup(t, special_name("__getattr__")) ||
                  type_lookup(t, special_name("__getattribute__")) !=
                      type_lookup(&object_type, special_name("__getattribute__"));
    t->tp_getattr = hooked ? &slot_getattr_hook : b->tp_getattr;
  } else if (n == "__get__") t->tp_descr_get = pick(&slot_descr_get, b->tp_descr_get);
  else if (n == "__set__" || n == "__delete__") {
    bool data = type_lookup(t, special_name("__set__")) || type_lookup(t, special_name("__delete__"));
    t->tp_descr_set = data ? &slot_descr_set : b->tp_descr_set;
  }
  else if (n == "__setattr__" || n == "__delattr__") t->tp_setattr = &slot_setattr;
  else if (n == "__init__") t->tp_init = pick(&slot_init, b->tp_init);
  else if (n == "__new__")
    t->tp_new = pick(&slot_new, (t->flags & TypeFlags::builtin_subclass) ? &inherited_builtin_new : b->tp_new);
  else if (n == "__del__") t->tp_finalize = pick(&slot_finalize, b->tp_finalize);
  else {
    for (int i = 0; i < int(BinaryOp::count); ++i) {
      if (n == kBinaryNames[i][0] || n == kBinaryNames[i][1]) t->nb_binary[i] = BinarySlots::binary[i];
      if (n == kBinaryNames[i][2]) t->nb_inplace[i] = BinarySlots::inplace[i];
    }
    for (int i = 0; i < int(UnaryOp::count); ++i)
      if (n == kUnaryNames[i]) t->nb_unary[i] = kUnarySlots[i];
  }
  // Subclasses that inherit the name follow (CPython: update_subclasses).
  for (TypeObject* sub : t->subclasses)
    if (!sub->dict || !dict_get_str(sub->dict, name)) update_slot(sub, name);
}

namespace {

// CPython: Objects/typeobject.c type_new_set_classcell's neighbours: a class body's
// __new__ is a staticmethod and its __init_subclass__ and __class_getitem__ are
// classmethods, whether or not it says so (type_new_set_attrs).
int wrap_implicit_methods(DictObject* d) {
  struct Implicit {
    const char* name;
    TypeObject* wrapper;
  };
  for (Implicit i : {Implicit{"__new__", &staticmethod_type}, Implicit{"__init_subclass__", &classmethod_type},
                     Implicit{"__class_getitem__", &classmethod_type}}) {
    Object* f = dict_get_str(d, i.name);
    if (!f || f->type != &function_type) continue;
    Ref<> wrapped = Ref<>::steal(call1(i.wrapper, f));
    if (!wrapped || dict_set_str(d, i.name, wrapped.get()) < 0) return -1;
  }
  return 0;
}

// Appends a keywords dict's values to argv and returns their names for a vectorcall
// (null when there are none).
Ref<TupleObject> append_keywords(DictObject* kwargs, std::vector<Object*>& argv) {
  if (!kwargs || kwargs->used == 0) return nullptr;
  std::vector<Object*> names;
  dict_for_each(kwargs, [&](Object* k, Object* v) {
    names.push_back(new_ref(k));
    argv.push_back(v);
  });
  return Ref<TupleObject>::steal(new_tuple_steal(std::move(names)));
}

// CPython: Objects/typeobject.c type_new_init_subclass: super(type, type).__init_subclass__(**kwargs).
int init_subclass(TypeObject* t, DictObject* kwargs) {
  Ref<> super = Ref<>::steal(new_super(t, t));
  if (!super) return -1;
  Ref<> fn = Ref<>::steal(get_attr(super.get(), special_name("__init_subclass__")));
  if (!fn) return -1;
  std::vector<Object*> argv;
  Ref<TupleObject> kwnames = append_keywords(kwargs, argv);
  Ref<> r = Ref<>::steal(call(fn.get(), argv.data(), 0, kwnames.get()));
  return r ? 0 : -1;
}

// Sets the abstract flag from a __abstractmethods__ value (CPython: type_set_abstractmethods).
int note_abstract(TypeObject* t, Object* value) {
  int abstract = value ? object_is_true(value) : 0;
  if (abstract < 0) return -1;
  if (abstract) t->flags |= TypeFlags::is_abstract;
  else t->flags &= ~TypeFlags::is_abstract;
  return 0;
}

// The dunder names the classes of the MRO define (the slots to derive for a new class).
std::vector<StrObject*> dunder_names(TypeObject* t) {
  std::vector<StrObject*> names;
  for (Object* o : t->mro->items) {
    auto* c = static_cast<TypeObject*>(o);
    if (!(c->flags & TypeFlags::heap) || !c->dict) continue;
    dict_for_each(c->dict, [&](Object* k, Object*) {
      if (is_str(k) && as_str(k)->view().starts_with("__")) names.push_back(as_str(k));
    });
  }
  return names;
}

}  // namespace

// CPython: Objects/typeobject.c type_new_impl: the bases checked, the MRO linearized, the
// layout base chosen, then the class made from the namespace.
Object* build_class(TypeObject* meta, StrObject* name, TupleObject* given_bases, DictObject* ns, DictObject* kwargs) {
  Ref<TupleObject> bases = Ref<TupleObject>::borrow(given_bases);
  if (bases->items.empty()) bases = Ref<TupleObject>::steal(new_tuple_from({&object_type}));
  for (Object* b : bases->items) {
    if (!is_type_object(b)) {
      int error = 0;
      Ref<> entries_of = Ref<>::steal(lookup_attr(b, intern("__mro_entries__"), &error));
      if (error) return nullptr;
      if (entries_of) return type_error("type() doesn't support MRO entry resolution; use types.new_class()");
      // CPython: _PyType_CalculateMetaclass runs over the bases' types before best_base.
      if (!is_subtype(meta, b->type) && !is_subtype(b->type, meta))
        return type_error(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses "
            "of all its bases");
      return type_error("bases must be types");
    }
    auto* bt = static_cast<TypeObject*>(b);
    if (!(bt->flags & TypeFlags::basetype))
      return type_error(cat("type '", bt->name, "' is not an acceptable base type"));
  }
  TypeObject* winner = calculate_metaclass(meta, bases.get());
  if (!winner) return nullptr;
  meta = winner;
  TypeObject* base = best_base(bases.get());
  if (!base) return nullptr;
  TypeObject* layout = solid_base(base);
  layout = layout_type(layout);  // the built-in (or native) type beneath
  bool plain = layout == &object_type;
  bool exception = (layout->flags & TypeFlags::exception) != 0;
  bool metaclass = is_subtype(layout, &type_type);
  bool builtin_subclass = !plain && !exception && !metaclass;
  Object* slots_spec = dict_get_str(ns, "__slots__");
  SlotsPlan slots;
  if (slots_spec && plan_slots(name->utf8, base, ns, slots_spec, &slots) < 0) return nullptr;
  // Variable-size instances (int, bytes, tuple) have no room for slots (CPython:
  // type_new_slots_impl, a base with tp_itemsize).
  if (!slots.names.empty() && (layout == &int_type || layout == &bytes_type || layout == &tuple_type))
    return type_error(cat("nonempty __slots__ not supported for subtype of '", base->name, "'"));
  if (!plain && !slots.names.empty())
    return set_error(&exc_NotImplementedError,
                     cat("class '", name->utf8, "': __slots__ in a subclass of '", layout->name,
                         "' is not supported by gopy"));
  auto instance_dict = base->instance_dict;
  // A metaclass's instances are classes: their namespace is the type's own dict, never an
  // instance dict laid over the type object.
  if (!instance_dict && !metaclass && (!slots_spec || slots.add_dict))
    instance_dict = builtin_subclass ? side_dict_slot : instance_dict_slot_of_instance;
  bool weakrefable = !slots_spec || slots.add_weakref || (base->flags & TypeFlags::weakrefable);
  unsigned inherited = 0;
  for (Object* b : bases->items)
    inherited |= static_cast<TypeObject*>(b)->flags &
                 (TypeFlags::exception | TypeFlags::int_subclass | TypeFlags::str_subclass |
                  TypeFlags::tuple_subclass | TypeFlags::type_subclass | TypeFlags::float_subclass |
                  TypeFlags::builtin_subclass);
  type_modified();
  auto* t = make<TypeObject>();
  Ref<> hold = Ref<>::steal(t);
  t->type = new_ref(meta);
  t->name = name->utf8;
  t->qualname = name->utf8;
  if (Object* q = dict_get_str(ns, "__qualname__")) {
    if (!is_str(q)) return type_error(cat("type __qualname__ must be a str, not ", q->type->name));
    t->qualname = as_str(q)->utf8;
  }
  t->flags = TypeFlags::heap | TypeFlags::basetype | inherited | (plain ? TypeFlags::plain_instances : 0) |
             (builtin_subclass ? TypeFlags::builtin_subclass : 0) | (weakrefable ? TypeFlags::weakrefable : 0);
  t->base = new_ref(base);
  t->bases = new_ref(bases.get());
  t->dict = dict_copy(ns);
  t->instance_dict = instance_dict;
  t->mro = compute_mro(t, bases.get());
  if (!t->mro) return nullptr;
  if (plain && add_slot_members(t, slots) < 0) return nullptr;
  // CPython: Objects/typeobject.c type_new_set_module: without __module__ in the namespace
  // (type(name, bases, dict)), the running frame's __name__ is the class's module.
  if (!dict_get_str(t->dict, "__module__")) {
    if (DictObject* g = current_globals()) {
      if (Object* name = dict_get_str(g, "__name__"); name && dict_set_str(t->dict, "__module__", name) < 0)
        return nullptr;
    }
  }
  if (Object* m = dict_get_str(t->dict, "__module__"); m && is_str(m)) t->module = as_str(m)->utf8;
  else t->module = "__main__";
  if (dict_get_str(t->dict, "__qualname__")) dict_del_item(t->dict, intern("__qualname__"));
  // Every class has its own __doc__, None when the body gives none, so a subclass never
  // shows its base's docstring (CPython: Objects/typeobject.c type_new_set_doc).
  if (!dict_get_str(t->dict, "__doc__") && dict_set_str(t->dict, "__doc__", None()) < 0) return nullptr;
  if (wrap_implicit_methods(t->dict) < 0) return nullptr;
  // __abstractmethods__ in the body is a plain attribute: only assigning it to the class
  // (as abc.ABCMeta does) makes the class abstract (CPython: type_set_abstractmethods).
  register_subclass(t);
  inherit_slots(t, base);
  if (builtin_subclass) {
    // A native type makes its objects for any subtype itself (and holds that type).
    t->tp_new = is_native_heap_type(layout) ? layout->tp_new : &inherited_builtin_new;
    if (InitFn init = builtin_container_init(layout)) t->tp_init = init;
  }
  // A class that defines __eq__ without __hash__ is unhashable (CPython: inherit_slots).
  if (dict_get_str(t->dict, "__eq__") && !dict_get_str(t->dict, "__hash__"))
    dict_set_str(t->dict, "__hash__", None());
  type_modified();  // the dict changed after the class existed: no lookup may see the old one
  for (StrObject* n : dunder_names(t)) update_slot(t, n);
  if (set_names(t) < 0 || init_subclass(t, kwargs) < 0) return nullptr;
  return hold.release();
}

// CPython: Python/bltinmodule.c builtin___build_class__: the metaclass ("metaclass=" or
// the bases' most derived) and the namespace its __prepare__ gives.
DictObject* class_prepare(StrObject* name, TupleObject* bases, DictObject* kwargs, Object** meta_out,
                          DictObject** kw_out) {
  Ref<DictObject> kw = kwargs ? Ref<DictObject>::steal(dict_copy(kwargs)) : nullptr;
  Ref<> meta = kw ? Ref<>::borrow(dict_get_str(kw.get(), "metaclass")) : nullptr;
  if (meta && dict_del_item(kw.get(), intern("metaclass")) < 0) return nullptr;
  bool isclass = !meta || is_type_object(meta.get());
  if (!meta) meta = Ref<>::borrow(bases->items.empty() ? &type_type : bases->items[0]->type);
  if (isclass) {
    TypeObject* winner = calculate_metaclass(static_cast<TypeObject*>(meta.get()), bases);
    if (!winner) return nullptr;
    meta = Ref<>::borrow(winner);
  }
  int error;
  Ref<> prepare = Ref<>::steal(lookup_attr(meta.get(), special_name("__prepare__"), &error));
  if (error) return nullptr;
  Ref<> ns;
  if (prepare) {
    std::vector<Object*> argv{name, bases};
    Ref<TupleObject> kwnames = append_keywords(kw.get(), argv);
    ns = Ref<>::steal(call(prepare.get(), argv.data(), 2, kwnames.get()));
    if (!ns) return nullptr;
    if (!is_dict(ns.get())) {
      std::string who = is_type_object(meta.get()) ? static_cast<TypeObject*>(meta.get())->name : "<metaclass>";
      type_error(cat(who, ".__prepare__() must return a mapping, not ", ns->type->name));
      return nullptr;
    }
  } else {
    ns = Ref<>::steal(new_dict());
  }
  *meta_out = meta.release();
  *kw_out = kw.release();
  return static_cast<DictObject*>(ns.release());
}

TupleObject* resolve_mro_entries(TupleObject* bases) {
  std::vector<Object*> resolved;  // borrowed from `bases` or from `held`
  std::vector<Ref<>> held;
  bool changed = false;
  for (Object* base : bases->items) {
    if (is_type_object(base)) {
      resolved.push_back(base);
      continue;
    }
    int error = 0;
    Ref<> entries_of = Ref<>::steal(lookup_attr(base, intern("__mro_entries__"), &error));
    if (error) return nullptr;
    if (!entries_of) {
      resolved.push_back(base);
      continue;
    }
    Ref<> entries = Ref<>::steal(call1(entries_of.get(), bases));
    if (!entries) return nullptr;
    if (!is_tuple(entries.get())) return static_cast<TupleObject*>(type_error("__mro_entries__ must return a tuple"));
    for (Object* e : static_cast<TupleObject*>(entries.get())->items) resolved.push_back(e);
    held.push_back(std::move(entries));
    changed = true;
  }
  if (!changed) return static_cast<TupleObject*>(new_ref(bases));
  std::vector<Object*> items;
  items.reserve(resolved.size());
  for (Object* o : resolved) items.push_back(new_ref(o));
  return new_tuple_steal(std::move(items));
}

// meta(name, bases, namespace, **kwargs)
Object* class_finish(Object* meta, StrObject* name, TupleObject* bases, DictObject* ns, DictObject* kwargs) {
  std::vector<Object*> argv{name, bases, ns};
  Ref<TupleObject> kwnames = append_keywords(kwargs, argv);
  return call(meta, argv.data(), 3, kwnames.get());
}

namespace {

// The MRO of t and of every class below it, from the bases each has now.
int recompute_mros(TypeObject* t) {
  TupleObject* mro = compute_mro(t, t->bases);
  if (!mro) return -1;
  TupleObject* old = t->mro;
  t->mro = mro;
  xdecref(old);
  for (TypeObject* sub : std::vector<TypeObject*>(t->subclasses))
    if (recompute_mros(sub) < 0) return -1;
  return 0;
}

// CPython: Objects/typeobject.c type_set_bases: a tuple of classes, no cycle, the same
// instance layout; then the MROs below are worked out again and the slots follow.
int set_bases(TypeObject* t, Object* value) {
  if (!value) {
    type_error(cat("cannot delete '__bases__' attribute of immutable type '", t->name, "'"));
    return -1;
  }
  if (!is_tuple(value)) {
    type_error(cat("can only assign tuple to ", t->name, ".__bases__, not ", value->type->name));
    return -1;
  }
  auto* bases = static_cast<TupleObject*>(value);
  if (bases->items.empty()) {
    type_error(cat("can only assign non-empty tuple to ", t->name, ".__bases__, not ()"));
    return -1;
  }
  for (Object* b : bases->items) {
    if (!is_type_object(b)) {
      type_error(cat(t->name, ".__bases__ must be tuple of classes, not '", b->type->name, "'"));
      return -1;
    }
    if (is_subtype(static_cast<TypeObject*>(b), t)) {
      type_error("a __bases__ item causes an inheritance cycle");
      return -1;
    }
  }
  TypeObject* new_base = best_base(bases);
  if (!new_base) return -1;
  TypeObject* new_layout = layout_type(solid_base(new_base));
  TypeObject* old_layout = layout_type(solid_base(t->base));
  // CPython compares the deallocators first (compatible_for_assignment): classes and the
  // built-in types the collector tracks free their objects through the collector; object
  // and the atomic built-ins do not.
  auto collector_freed = [](TypeObject* c) {
    return (c->flags & TypeFlags::heap) ||
           !(c == &object_type || c == &int_type || c == &bool_type || c == &float_type || c == &complex_type ||
             c == &str_type || c == &bytes_type || c == &bytearray_type);
  };
  const bool dealloc_differs = collector_freed(new_base) != collector_freed(t->base);
  if (dealloc_differs || new_layout != old_layout) {
    const char* what = dealloc_differs ? "' deallocator differs from '" : "' object layout differs from '";
    type_error(cat("__bases__ assignment: '", new_base->name, what, t->base->name, "'"));
    return -1;
  }
  TupleObject* old_bases = t->bases;
  TypeObject* old_base = t->base;
  // The slots the old MRO filled may have to be emptied: their names are updated too.
  std::vector<StrObject*> old_names = dunder_names(t);
  forget_subclass(t);
  t->bases = new_ref(bases);
  t->base = new_ref(new_base);
  type_modified();
  if (recompute_mros(t) < 0) {
    // Put back what was there (CPython: mro_hierarchy's undo).
    decref(t->bases);
    decref(t->base);
    t->bases = old_bases;
    t->base = old_base;
    register_subclass(t);
    recompute_mros(t);
    type_modified();
    return -1;
  }
  register_subclass(t);
  decref(old_bases);
  decref(old_base);
  type_modified();
  std::vector<TypeObject*> todo = {t};
  while (!todo.empty()) {
    TypeObject* c = todo.back();
    todo.pop_back();
    for (StrObject* n : dunder_names(c)) update_slot(c, n);
    for (StrObject* n : old_names) update_slot(c, n);
    todo.insert(todo.end(), c->subclasses.begin(), c->subclasses.end());
  }
  return 1;
}

}  // namespace

int type_set_special(TypeObject* t, StrObject* name, Object* value) {
  if (name->view() == "__abstractmethods__") return note_abstract(t, value);
  if (name->view() == "__bases__") return set_bases(t, value);
  // CPython: Objects/typeobject.c type_set_name, type_set_qualname (kept on the type,
  // not in its dict).
  if (name->view() == "__name__" || name->view() == "__qualname__") {
    if (value == nullptr) {
      type_error(cat("cannot delete '", name->utf8, "' attribute of immutable type '", t->name, "'"));
      return -1;
    }
    if (!is_str(value)) {
      type_error(cat("can only assign string to ", t->name, ".", name->utf8, ", not '", value->type->name, "'"));
      return -1;
    }
    const std::string& text = as_str(value)->utf8;
    if (name->view() == "__name__") {
      if (text.find('\0') != std::string::npos) {
        value_error("type name must not contain null characters");
        return -1;
      }
      t->name = text;
    } else {
      t->qualname = text;
    }
    return 1;
  }
  return 0;
}

}  // namespace gopy
