// Type objects: the static built-in types, attribute lookup along the MRO, `type` itself
// (calling a class, class attributes) and the `object` base
// (CPython: Objects/typeobject.c).
#include <cstring>
#include <unordered_map>
#include <vector>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/attr_lookup.hpp"
#include "object/descr_internal.hpp"
#include "object/annotations.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject type_type, object_type, none_type, not_implemented_type, ellipsis_type;

static std::vector<TypeObject*>& static_types() {
  static std::vector<TypeObject*> types;
  return types;
}

void make_static_type(TypeObject* t, TypeObject* metatype, const char* name, TypeObject* base,
                      unsigned flags) {
  if (t->refcnt == kImmortalRefcnt) return;  // already made (a previous interpreter)
  t->refcnt = kImmortalRefcnt;
  t->type = metatype;
  t->name = name;
  t->qualname = name;
  t->module = "builtins";
  t->base = base;
  t->flags |= flags;
  if (base) {
    if (base->flags & TypeFlags::exception) t->flags |= TypeFlags::exception;
  }
  static_types().push_back(t);
}

void reset_static_type_dicts() {
  for (TypeObject* t : static_types()) {
    t->dict = nullptr;
    t->mro = nullptr;
    t->bases = nullptr;
  }
}

DictObject* type_own_dict(TypeObject* t) {
  if (t->dict) [[likely]]
    return t->dict;
  // Start-up cost: a static type's dict is made in each interpreter on the type's first
  // use, not for all of them when the interpreter starts. Not while the interpreter frees
  // its objects (it resets these dicts after), nor with no interpreter.
  if (t->flags & TypeFlags::heap) return nullptr;
  ThreadState* ts = get_thread_state();
  if (!ts || ts->interp->freeing_all) return nullptr;
  t->dict = new_dict();
  return t->dict;
}

TypeObject::~TypeObject() {
  type_modified();
  clear_refs();
}

void TypeObject::clear_refs() {
  if (!(flags & TypeFlags::heap)) return;  // static types: dicts reset by the interpreter
  forget_subclass(this);
  Object* d = dict;
  Object* b = bases;
  Object* m = mro;
  Object* bt = base;
  Object* keys = shared_keys;
  shared_keys = nullptr;
  xdecref(keys);
  dict = nullptr;
  bases = nullptr;
  mro = nullptr;
  base = nullptr;
  xdecref(d);
  xdecref(b);
  xdecref(m);
  xdecref(bt);
  if (type && (type->flags & TypeFlags::heap)) {
    TypeObject* meta = type;
    type = &type_type;  // a valid metatype for the rest of the class's life
    decref(meta);
  }
}

// CPython: Objects/typeobject.c type_traverse (heap types only: a static type's dict
// belongs to the interpreter, which resets it at finalize).
int TypeObject::traverse(VisitFn visit, void* arg) {
  if (!(flags & TypeFlags::heap)) return 0;
  if (type && (type->flags & TypeFlags::heap))
    if (int r = visit(type, arg)) return r;
  for (Object* o : {static_cast<Object*>(dict), static_cast<Object*>(mro), static_cast<Object*>(bases),
                    static_cast<Object*>(base), static_cast<Object*>(shared_keys)})
    if (int r = visit_ref(o, visit, arg)) return r;
  return 0;
}

// CPython: Objects/typeobject.c PyType_IsSubtype: along the MRO when the type has one
// (a class statement's), else along the base chain (the static types').
bool is_subtype(const TypeObject* a, const TypeObject* b) {
  if (a->mro) {
    for (Object* t : a->mro->items)
      if (t == b) return true;
    return false;
  }
  for (const TypeObject* t = a; t; t = t->base)
    if (t == b) return true;
  return false;
}

// The bases each class registered itself with, kept apart from its __bases__ tuple: the
// collector may empty that tuple before it clears the class.
static std::unordered_map<TypeObject*, std::vector<TypeObject*>>& registered_bases() {
  static std::unordered_map<TypeObject*, std::vector<TypeObject*>> bases;
  return bases;
}

void register_subclass(TypeObject* t) {
  std::vector<TypeObject*>& mine = registered_bases()[t];
  for (Object* b : t->bases->items) {
    auto* base = static_cast<TypeObject*>(b);
    base->subclasses.push_back(t);
    mine.push_back(base);
  }
}

void forget_subclass(TypeObject* t) {
  auto it = registered_bases().find(t);
  if (it == registered_bases().end()) return;
  for (TypeObject* base : it->second) std::erase(base->subclasses, t);
  registered_bases().erase(it);
}

// A global cache of MRO lookups for interned names, misses included (CPython: the type
// attribute cache, Objects/typeobject.c _PyType_LookupRef). Any change to any type's
// dict, and any type creation or destruction, starts a new epoch and so empties it.
uint64_t g_type_epoch = 1;

namespace {

struct LookupCacheEntry {
  const TypeObject* type = nullptr;
  const StrObject* name = nullptr;
  uint64_t epoch = 0;
  Object* value = nullptr;
};
constexpr size_t kLookupCacheSize = 4096;
LookupCacheEntry g_lookup_cache[kLookupCacheSize];

Object* lookup_in(TypeObject* t, StrObject* name) {
  DictObject* dict = type_dict(t);  // a static type's method table, filled on first use
  if (!dict) return nullptr;
  if (Object* v = dict_get_str(dict, name)) return v;
  // A built-in type's __new__ and its slots' special methods are made on first use
  // (CPython: add_tp_new_wrapper, add_operators), so creating an interpreter does not pay
  // for them.
  if (t->flags & TypeFlags::heap) return nullptr;
  std::string_view n = name->view();
  if (!n.starts_with("__")) return nullptr;
  if (n == "__new__") return t->tp_new ? add_new_wrapper(t) : nullptr;
  return add_slot_wrapper(t, name);
}

}  // namespace

Object* type_lookup_own(TypeObject* t, StrObject* name) { return lookup_in(t, name); }

namespace {

Object* type_lookup_uncached(TypeObject* t, StrObject* name) {
  if (t->mro) {
    for (Object* b : t->mro->items)
      if (Object* v = lookup_in(static_cast<TypeObject*>(b), name)) return v;
  } else {
    for (; t; t = t->base)
      if (Object* v = lookup_in(t, name)) return v;
  }
  return nullptr;
}

// Runs a static type's method table for this interpreter. A table may fill several types
// (set and frozenset): each type that shares it counts as filled, so it runs once.
void fill_lazy_methods(TypeObject* t) {
  void (*fill)() = t->lazy_methods;
  const uint64_t generation = interpreter_generation();
  t->lazy_methods_generation = generation;  // first: the table may look types up itself
  for (TypeObject* other : static_types())
    if (other->lazy_methods == fill) other->lazy_methods_generation = generation;
  fill();
  type_modified();
}
}  // namespace

DictObject* type_dict(TypeObject* t) {
  DictObject* d = type_own_dict(t);
  if (t->lazy_methods && t->lazy_methods_generation != interpreter_generation() && d) fill_lazy_methods(t);
  return d;
}

void type_modified() { ++g_type_epoch; }

Object* type_lookup(TypeObject* t, StrObject* name) {
  if (!name->interned) return type_lookup_uncached(t, name);
  auto h = (reinterpret_cast<uintptr_t>(t) >> 4) * 31 + (reinterpret_cast<uintptr_t>(name) >> 4);
  LookupCacheEntry& e = g_lookup_cache[(h ^ (h >> 12)) & (kLookupCacheSize - 1)];
  if (e.type == t && e.name == name && e.epoch == g_type_epoch) return e.value;
  Object* v = type_lookup_uncached(t, name);
  e.type = t;
  e.name = name;
  e.epoch = g_type_epoch;
  e.value = v;
  return v;
}
Object* type_lookup(TypeObject* t, std::string_view name) { return type_lookup(t, intern(name)); }

static bool is_type(Object* o) { return o->type == &type_type || is_subtype(o->type, &type_type); }

TupleObject* type_mro_tuple(TypeObject* t) {
  if (t->mro) return new_ref(t->mro);
  std::vector<Object*> items;
  for (TypeObject* b = t; b; b = b->base) items.push_back(new_ref<Object>(b));
  return new_tuple_steal(std::move(items));
}

// ---- type's own slots ----

static Object* type_repr(Object* o) {
  auto* t = static_cast<TypeObject*>(o);
  if (t->module == "builtins") return new_str(cat("<class '", t->qualname, "'>"));
  return new_str(cat("<class '", t->module, ".", t->qualname, "'>"));
}

// CPython: Objects/typeobject.c type_call
static Object* type_call(Object* callable, Object* const* args, size_t nargs, TupleObject* kwnames) {
  auto* t = static_cast<TypeObject*>(callable);
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  if (t == &type_type && nargs == 1 && nkw == 0) return new_ref<Object>(args[0]->type);
  if (!t->tp_new) return type_error(cat("cannot create '", t->module == "builtins" ? t->name : t->module + "." + t->name, "' instances"));
  Object* obj = t->tp_new(t, args, nargs, kwnames);
  if (!obj) return nullptr;
  if (!isinstance_of(obj, t)) return obj;
  if (obj->type->tp_init) {
    if (obj->type->tp_init(obj, args, nargs, kwnames) < 0) {
      decref(obj);
      return nullptr;
    }
  }
  return obj;
}

// CPython: Objects/typeobject.c type_new: type(name, bases, dict, **kwargs).
static Object* type_new(TypeObject* meta, Object* const* args, size_t nargs, TupleObject* kwnames) {
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  if (meta == &type_type && nargs == 1 && nkw == 0) return new_ref<Object>(args[0]->type);
  if (nargs != 3) {
    if (meta == &type_type) return type_error("type() takes 1 or 3 arguments");
    return type_error(cat("type.__new__() takes exactly 3 arguments (", nargs, " given)"));
  }
  if (!is_str(args[0]))
    return type_error(cat("type.__new__() argument 1 must be str, not ", args[0]->type->name));
  if (!is_tuple(args[1]))
    return type_error(cat("type.__new__() argument 2 must be tuple, not ", args[1]->type->name));
  if (!is_dict(args[2]))
    return type_error(cat("type.__new__() argument 3 must be dict, not ", args[2]->type->name));
  Ref<DictObject> kwargs;
  if (nkw) {
    kwargs = Ref<DictObject>::steal(new_dict());
    for (size_t i = 0; i < nkw; ++i)
      if (dict_set_item(kwargs.get(), kwnames->items[i], args[nargs + i]) < 0) return nullptr;
  }
  return build_class(meta, as_str(args[0]), static_cast<TupleObject*>(args[1]), static_cast<DictObject*>(args[2]),
                     kwargs.get());
}

// CPython: Objects/typeobject.c type_init
static int type_init(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  if (nargs == 1 && nkw) {
    type_error("type.__init__() takes no keyword arguments");
    return -1;
  }
  if (nargs != 1 && nargs != 3) {
    type_error("type.__init__() takes 1 or 3 arguments");
    return -1;
  }
  return 0;
}

static Object* type_call_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return type_call(args[0], args + 1, nargs - 1, kwnames);
}

static Object* type_init_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (type_init(args[0], args + 1, nargs - 1, kwnames) < 0) return nullptr;
  return new_none();
}

Object* type_getattr_or_miss(Object* o, StrObject* name, bool raise_on_miss) {
  auto* t = static_cast<TypeObject*>(o);
  std::string_view n = name->view();
  if (n.size() > 4 && n.starts_with("__")) {
    if (n == "__name__") return new_str(t->name);
    if (n == "__qualname__") return new_str(t->qualname);
    if (n == "__module__") {
      if (DictObject* d = type_dict(t))
        if (Object* m = dict_get_str(d, name)) return new_ref(m);
      return new_str(t->module);
    }
    if (n == "__mro__") return type_mro_tuple(t);
    // object.__class__ is a data descriptor the metatype inherits: a class's __class__ is
    // its metaclass.
    if (n == "__class__") return new_ref<Object>(t->type);
    if (n == "__bases__") {
      if (t->bases) return new_ref<Object>(t->bases);
      if (t->base) return new_tuple_from({t->base});
      return empty_tuple();
    }
    if (n == "__base__") return new_ref<Object>(t->base ? t->base : None());
    if (n == "__dict__") {
      add_all_slot_wrappers(t);  // a static type's dict made and filled first
      DictObject* d = type_dict(t);
      return d ? new_ref<Object>(d) : new_dict();  // none only while everything is freed
    }
    if (n == "__doc__") {
      if (Object* d = type_lookup(t, name)) return new_ref(d);
      return new_none();
    }
    if (n == "__annotations__" || n == "__annotate__") return type_annotation_get(t, n);
  }
  // CPython: Objects/typeobject.c _Py_type_getattro_impl: a data descriptor on the
  // metatype, then the class's own attribute (its __get__ called with no instance), then
  // the metatype's attribute (type.mro and friends) bound to the class.
  Ref<> meta = Ref<>::borrow(type_lookup(t->type, name));
  if (meta && descr_has_get(meta.get()) && descr_is_data(meta.get())) return descr_get(meta.get(), t, t->type);
  if (Ref<> attr = Ref<>::borrow(type_lookup(t, name))) return descr_bind(attr.get(), nullptr, t);
  if (meta) return descr_bind(meta.get(), t, t->type);
  return raise_on_miss ? attribute_error(t, name) : nullptr;
}

static Object* type_getattr(Object* o, StrObject* name) { return type_getattr_or_miss(o, name, true); }

static int type_setattr(Object* o, StrObject* name, Object* value) {
  auto* t = static_cast<TypeObject*>(o);
  if (!(t->flags & TypeFlags::heap)) {
    type_error(cat("cannot set '", name->utf8, "' attribute of immutable type '", t->name, "'"));
    return -1;
  }
  int special = type_set_special(t, name, value);
  if (special < 0) return -1;
  if (special > 0) return 0;
  int r;
  type_modified();
  if (value) {
    r = dict_set_item(t->dict, name, value);
  } else {
    if (!dict_get_str(t->dict, name)) {
      set_error(&exc_AttributeError, cat("type object '", t->qualname, "' has no attribute '", name->utf8, "'"));
      return -1;
    }
    r = dict_del_item(t->dict, name);
  }
  if (r == 0) update_slot(t, name);
  // The reprs (object.__repr__, the class's own) name the module __module__ says.
  if (r == 0 && value && is_str(value) && name->view() == "__module__") t->module = as_str(value)->utf8;
  return r;
}

static int64_t identity_hash(Object* o) {
  auto v = reinterpret_cast<uintptr_t>(o);
  int64_t h = int64_t((v >> 4) | (v << (8 * sizeof(v) - 4)));
  return h == -1 ? -2 : h;
}

static Object* type_richcompare(Object* a, Object* b, CompareOp op) {
  if (op == CompareOp::eq) return new_bool(a == b);
  if (op == CompareOp::ne) return new_bool(a != b);
  return new_ref(NotImplemented());
}

// ---- object ----

// CPython: Objects/typeobject.c object_new: "Can't instantiate abstract class X without an
// implementation for abstract method(s) 'a', 'b'" (the names sorted).
static Object* abstract_instantiation_error(TypeObject* t) {
  Object* methods = type_lookup(t, "__abstractmethods__");
  if (!methods) return type_error(cat("Can't instantiate abstract class ", t->name));
  Ref<ListObject> names = Ref<ListObject>::steal(list_from_iterable(methods));
  if (!names || list_sort(names.get(), nullptr, false) < 0) return nullptr;
  std::string joined;
  for (Object* n : names->items) {
    Ref<> text = Ref<>::steal(object_str(n));
    if (!text) return nullptr;
    joined += cat(joined.empty() ? "" : "', '", as_str(text.get())->utf8);
  }
  return type_error(cat("Can't instantiate abstract class ", t->name, " without an implementation for abstract method",
                        names->items.size() > 1 ? "s" : "", " '", joined, "'"));
}

// CPython: Objects/typeobject.c object_new: excess arguments are an error unless the
// class overrides __init__ (and does not override __new__).
static Object* object_new(TypeObject* t, Object* const*, size_t nargs, TupleObject* kwnames) {
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  if (nargs || nkw) {
    if (t->tp_new != object_new) return type_error("object.__new__() takes exactly one argument (the type to instantiate)");
    if (t->tp_init == object_type.tp_init) return type_error(cat(t->qualname, "() takes no arguments"));
  }
  if (t == &object_type) return make<InstanceObject>(&object_type);
  if (t->flags & TypeFlags::is_abstract) [[unlikely]]
    return abstract_instantiation_error(t);
  if (!(t->flags & TypeFlags::plain_instances)) {
    return type_error(cat("object.__new__(", t->name, ") is not safe"));
  }
  return new_instance(t);
}

static int object_init(Object* self, Object* const*, size_t nargs, TupleObject* kwnames) {
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  if ((nargs || nkw) && self->type->tp_new != object_new && false) return -1;
  (void)nkw;
  return 0;
}

static Object* object_init_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  if (nargs < 1) return type_error("descriptor '__init__' of 'object' object needs an argument");
  Object* self = args[0];
  if (nargs == 1 && !nkw) return new_none();
  // CPython: Objects/typeobject.c object_init: excess arguments are an error when the class
  // overrides __init__, or when it does not override __new__ (enum members are made by
  // their own __new__ and then initialized with the same arguments).
  if (type_lookup(self->type, "__init__") != type_lookup(&object_type, "__init__")) {
    return type_error("object.__init__() takes exactly one argument (the instance to initialize)");
  }
  if (type_lookup(self->type, "__new__") == type_lookup(&object_type, "__new__")) {
    return type_error(cat(self->type->name, ".__init__() takes exactly one argument (the instance to initialize)"));
  }
  return new_none();
}

static Object* object_repr_method(Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (nargs != 1) return type_error("expected 1 argument");
  Object* o = args[0];
  char buf[64];
  std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(o));
  std::string text = "<";
  if (o->type->module != "builtins") text += o->type->module + ".";
  return new_str(text + o->type->qualname + buf);
}

static Object* object_str_method(Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (nargs != 1) return type_error("expected 1 argument");
  return object_repr(args[0]);
}

static Object* object_eq_method(Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (nargs != 2) return type_error("expected 1 argument");
  return new_ref(args[0] == args[1] ? True() : NotImplemented());
}

static Object* object_ne_method(Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (nargs != 2) return type_error("expected 1 argument");
  Object* r = rich_compare(args[0], args[1], CompareOp::eq);
  if (!r || r == NotImplemented()) return r;
  int t = object_is_true(r);
  decref(r);
  if (t < 0) return nullptr;
  return new_bool(!t);
}

// CPython: Objects/typeobject.c object_richcompare: the orderings are not defined.
static Object* object_order_method(Object*, Object* const*, size_t nargs, TupleObject*) {
  if (nargs != 2) return type_error("expected 1 argument");
  return new_ref(NotImplemented());
}

static Object* object_hash_method(Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (nargs != 1) return type_error("expected 0 arguments");
  return new_int(identity_hash(args[0]));
}

static Object* object_setattr_method(Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (nargs != 3 || !is_str(args[1])) return type_error("__setattr__ expected 2 arguments");
  if (generic_setattr(args[0], as_str(args[1]), args[2]) < 0) return nullptr;
  return new_none();
}

static Object* object_getattribute_method(Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (nargs != 2 || !is_str(args[1])) return type_error("__getattribute__ expected 1 argument");
  return generic_getattr(args[0], as_str(args[1]));
}

static Object* type_mro_method(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  // CPython: METH_NOARGS, named after the class it is bound to ("int.mro()").
  if (!check_method_args(args[0], "mro", kw, nargs - 1, 0, 0)) return nullptr;
  TupleObject* t = type_mro_tuple(static_cast<TypeObject*>(args[0]));
  ListObject* l = list_from_iterable(t);
  decref(t);
  return l;
}

static Object* type_subclasses_method(Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (nargs != 1) return type_error("__subclasses__() takes no arguments");
  ListObject* l = new_list();
  for (TypeObject* sub : static_cast<TypeObject*>(args[0])->subclasses) list_append(l, sub);
  return l;
}

// CPython: Objects/typeobject.c merge_class_dict: the names of a class and its bases.
static int merge_class_names(DictObject* names, TypeObject* t) {
  Ref<TupleObject> mro = Ref<TupleObject>::steal(type_mro_tuple(t));
  for (Object* c : mro->items) {
    DictObject* d = type_dict(static_cast<TypeObject*>(c));  // a lazily made table filled
    if (d && dict_update(names, d) < 0) return -1;
  }
  return 0;
}

static Object* names_list(DictObject* names) {
  ListObject* l = new_list();
  dict_for_each(names, [&](Object* k, Object*) { list_append(l, k); });
  return l;
}

// CPython: Objects/typeobject.c object___dir___impl: the instance's __dict__ and its class's names.
static Object* object_dir_method(Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (nargs != 1) return type_error("__dir__() takes no arguments");
  Ref<DictObject> names = Ref<DictObject>::steal(new_dict());
  int error;
  Ref<> own = Ref<>::steal(lookup_attr(args[0], intern("__dict__"), &error));
  if (error) return nullptr;
  if (own && is_dict(own.get()) && dict_update(names.get(), own.get()) < 0) return nullptr;
  Ref<> cls = Ref<>::steal(lookup_attr(args[0], intern("__class__"), &error));
  if (error) return nullptr;
  if (cls && is_type_object(cls.get()) && merge_class_names(names.get(), static_cast<TypeObject*>(cls.get())) < 0)
    return nullptr;
  return names_list(names.get());
}

// CPython: Objects/moduleobject.c module___dir___impl: the module's own names, or what a
// __dir__ function in its namespace returns (PEP 562).
static Object* module_dir_method(Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (nargs != 1) return type_error("__dir__() takes no arguments");
  Ref<> dict = Ref<>::steal(get_attr(args[0], intern("__dict__")));
  if (!dict) return nullptr;
  if (!is_dict(dict.get())) return type_error("<module>.__dict__ is not a dictionary");
  if (Object* custom = dict_get_str(static_cast<DictObject*>(dict.get()), "__dir__"))
    return call0(Ref<>::borrow(custom).get());
  return names_list(static_cast<DictObject*>(dict.get()));
}

// CPython: Objects/typeobject.c type___dir___impl
static Object* type_dir_method(Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (nargs != 1) return type_error("__dir__() takes no arguments");
  Ref<DictObject> names = Ref<DictObject>::steal(new_dict());
  if (merge_class_names(names.get(), static_cast<TypeObject*>(args[0])) < 0) return nullptr;
  return names_list(names.get());
}

static Object* object_delattr_method(Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (nargs != 2 || !is_str(args[1])) return type_error("__delattr__ expected 1 argument");
  if (generic_setattr(args[0], as_str(args[1]), nullptr) < 0) return nullptr;
  return new_none();
}

// CPython: Objects/typeobject.c object_subclasshook: NotImplemented, so that
// issubclass() decides as usual (abc.ABCMeta asks it first).
static Object* object_subclasshook(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  // A class method taking one argument (METH_CLASS | METH_O): args[0] is the class.
  if (!check_no_kwargs("object.__subclasshook__", kwnames) ||
      !check_nargs("object.__subclasshook__", nargs > 0 ? nargs - 1 : 0, 1, 1))
    return nullptr;
  return new_ref(NotImplemented());
}

// CPython: Objects/typeobject.c object_init_subclass (a classmethod: args[0] is the class).
static Object* object_init_subclass(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (nargs < 1 || !is_type_object(args[0])) return type_error("__init_subclass__() needs a class");
  auto* cls = static_cast<TypeObject*>(args[0]);
  if (kwnames && !kwnames->items.empty())
    return type_error(cat(cls->qualname, ".__init_subclass__() takes no keyword arguments"));
  if (nargs > 1) return type_error(cat(cls->qualname, ".__init_subclass__() takes no arguments (", nargs - 1, " given)"));
  return new_none();
}

static Object* none_repr(Object*) { return new_str("None"); }
static Object* not_implemented_repr(Object*) { return new_str("NotImplemented"); }
static Object* ellipsis_repr(Object*) { return new_str("Ellipsis"); }
static int none_bool(Object*) { return 0; }
// CPython: Objects/object.c notimplemented_bool (an error since 3.14).
static int not_implemented_bool(Object*) {
  type_error("NotImplemented should not be used in a boolean context");
  return -1;
}
// CPython: Objects/object.c none_hash (a constant since 3.12, so hashes of None-holding
// tuples are the same in every run).
static int64_t none_hash(Object*) { return 0xFCA86420; }
// Calling a singleton's type returns the singleton (CPython: none_new, ellipsis_new,
// notimplemented_new).
static Object* none_call(TypeObject*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (nargs || (kwnames && !kwnames->items.empty())) return type_error("NoneType takes no arguments");
  return new_none();
}
static Object* ellipsis_call(TypeObject*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (nargs || (kwnames && !kwnames->items.empty())) return type_error("EllipsisType takes no arguments");
  return new_ref(&ellipsis_object);
}
static Object* not_implemented_call(TypeObject*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (nargs || (kwnames && !kwnames->items.empty())) return type_error("NotImplementedType takes no arguments");
  return new_ref(NotImplemented());
}

void init_type_and_object_types() {
  make_static_type(&type_type, &type_type, "type", &object_type);
  make_static_type(&object_type, &type_type, "object", nullptr);
  make_static_type(&none_type, &type_type, "NoneType", &object_type, 0);
  make_static_type(&not_implemented_type, &type_type, "NotImplementedType", &object_type, 0);
  make_static_type(&ellipsis_type, &type_type, "ellipsis", &object_type, 0);
  type_type.flags |= TypeFlags::type_subclass;
  type_type.tp_call = type_call;
  type_type.tp_new = type_new;
  type_type.tp_init = type_init;
  type_type.tp_repr = type_repr;
  type_type.tp_getattr = type_getattr;
  type_type.tp_setattr = type_setattr;
  type_type.tp_hash = identity_hash;
  type_type.tp_richcompare = type_richcompare;
  object_type.tp_new = object_new;
  object_type.tp_init = object_init;
  object_type.tp_hash = identity_hash;
  none_type.tp_repr = none_repr;
  none_type.nb_bool = none_bool;
  none_type.tp_hash = none_hash;
  none_type.tp_new = none_call;
  ellipsis_type.tp_new = ellipsis_call;
  not_implemented_type.tp_new = not_implemented_call;
  not_implemented_type.tp_repr = not_implemented_repr;
  not_implemented_type.nb_bool = not_implemented_bool;
  not_implemented_type.tp_hash = identity_hash;  // object's hash, as CPython (only None's is constant)
  ellipsis_type.tp_repr = ellipsis_repr;
  ellipsis_type.tp_hash = identity_hash;
  for (Object* o : {&none_object, &not_implemented_object, &ellipsis_object}) o->refcnt = kImmortalRefcnt;
  none_object.type = &none_type;
  not_implemented_object.type = &not_implemented_type;
  ellipsis_object.type = &ellipsis_type;
}

namespace {

// object's, type's and module's method tables, each run on the type's first use in an
// interpreter (type_dict): an interpreter that never looks them up never builds them.
void init_object_methods() {
  add_method(&object_type, "__init__", object_init_method);
  add_method(&object_type, "__repr__", object_repr_method);
  add_method(&object_type, "__str__", object_str_method);
  add_method(&object_type, "__eq__", object_eq_method);
  add_method(&object_type, "__ne__", object_ne_method);
  for (const char* order : {"__lt__", "__le__", "__gt__", "__ge__"}) add_method(&object_type, order, object_order_method);
  add_method(&object_type, "__hash__", object_hash_method);
  add_method(&object_type, "__setattr__", object_setattr_method);
  add_method(&object_type, "__getattribute__", object_getattribute_method);
  add_method(&object_type, "__delattr__", object_delattr_method);
  {
    Ref<> fn = Ref<>::steal(new_builtin_function("__init_subclass__", object_init_subclass));
    Ref<> cm = Ref<>::steal(call1(&classmethod_type, fn.get()));
    if (cm) dict_set_str(type_own_dict(&object_type), "__init_subclass__", cm.get());
  }
  {
    Ref<> fn = Ref<>::steal(new_builtin_function("__subclasshook__", object_subclasshook));
    Ref<> cm = Ref<>::steal(call1(&classmethod_type, fn.get()));
    if (cm) dict_set_str(type_own_dict(&object_type), "__subclasshook__", cm.get());
  }
  add_method(&object_type, "__dir__", object_dir_method);
  add_object_format_method();  // format.cpp
}

void init_type_methods() {
  add_method(&type_type, "__dir__", type_dir_method);
  add_method(&type_type, "__call__", type_call_method);
  add_method(&type_type, "__init__", type_init_method);
  add_method(&type_type, "mro", type_mro_method);
  add_method(&type_type, "__subclasses__", type_subclasses_method);
}

void init_module_methods() { add_method(&module_type, "__dir__", module_dir_method); }

}  // namespace

void init_type_and_object_methods() {
  object_type.lazy_methods = init_object_methods;
  type_type.lazy_methods = init_type_methods;
  module_type.lazy_methods = init_module_methods;
}

int64_t object_identity_hash(Object* o) { return identity_hash(o); }
bool is_type_object(Object* o) { return is_type(o); }
NewFn object_new_fn() { return object_new; }
InitFn object_init_fn() { return object_init; }

}  // namespace gopy
