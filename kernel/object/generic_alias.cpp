// CPython: Objects/genericaliasobject.c (ga_repr, ga_getattro, ga_call, ga_richcompare,
// ga_hash), Objects/typevarobject.c _Py_typing_type_repr, Objects/abstract.c
// PyObject_GetItem (__class_getitem__).
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "object/class_method.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"
#include "object/typevar.hpp"

namespace gopy {

namespace {

struct GenericAliasObject : GcObject {
  Object* origin = nullptr;
  TupleObject* args = nullptr;
  GenericAliasObject() : GcObject(&generic_alias_type) {}
  ~GenericAliasObject() override { clear_refs(); }
  void clear_refs() override {
    Object* o = origin;
    TupleObject* a = args;
    origin = nullptr;
    args = nullptr;
    xdecref(o);
    xdecref(a);
  }
  int traverse(VisitFn visit, void* arg) override {
    if (int r = visit_ref(origin, visit, arg)) return r;
    return visit_ref(args, visit, arg);
  }
};

bool is_type_param(const Object* o) {
  return o->type == &typevar_type || o->type == &paramspec_type || o->type == &typevartuple_type;
}

}  // namespace

// CPython: Objects/typevarobject.c _Py_typing_type_repr.
bool append_type_repr(std::string& out, Object* p) {
  if (p == &ellipsis_object) {
    out += "...";
    return true;
  }
  if (p == static_cast<Object*>(&none_type)) {
    out += "None";
    return true;
  }
  int err = 0;
  if (p->type != &generic_alias_type && is_type_object(p)) {
    auto* t = static_cast<TypeObject*>(p);
    Ref<> module = Ref<>::steal(lookup_attr(p, intern("__module__"), &err));
    if (err) return false;
    if (module && is_str(module.get()) && as_str(module.get())->view() != "builtins")
      out += cat(as_str(module.get())->utf8, ".");
    out += t->qualname;
    return true;
  }
  Ref<> r = Ref<>::steal(object_repr(p));
  if (!r) return false;
  out += as_str(r.get())->utf8;
  return true;
}

namespace {

Object* generic_alias_repr(Object* o) {
  auto* g = static_cast<GenericAliasObject*>(o);
  std::string out;
  if (!append_type_repr(out, g->origin)) return nullptr;
  out += "[";
  if (g->args->items.empty()) out += "()";
  for (size_t i = 0; i < g->args->items.size(); ++i) {
    if (i) out += ", ";
    if (!append_type_repr(out, g->args->items[i])) return nullptr;
  }
  return new_str(out + "]");
}

Object* generic_alias_getattr(Object* o, StrObject* name) {
  auto* g = static_cast<GenericAliasObject*>(o);
  std::string_view n = name->view();
  if (n == "__origin__") return new_ref(g->origin);
  if (n == "__args__") return new_ref<Object>(g->args);
  if (n == "__parameters__") {
    std::vector<Object*> params;
    for (Object* a : g->args->items)
      if (is_type_param(a)) params.push_back(new_ref(a));
    return new_tuple_steal(std::move(params));
  }
  if (n == "__class__") return new_ref<Object>(o->type);
  // Everything else is the origin's (CPython: ga_getattro forwards all but a few dunders).
  return get_attr(g->origin, name);
}

Object* generic_alias_call(Object* o, Object* const* args, size_t nargs, TupleObject* kwnames) {
  auto* g = static_cast<GenericAliasObject*>(o);
  Object* r = call(g->origin, args, nargs, kwnames);
  if (!r) return nullptr;
  // The instance remembers its alias when it can (CPython: ga_call).
  if (set_attr(r, intern("__orig_class__"), o) < 0) {
    if (!error_matches(&exc_AttributeError) && !error_matches(&exc_TypeError)) {
      decref(r);
      return nullptr;
    }
    clear_error();
  }
  return r;
}

Object* generic_alias_richcompare(Object* a, Object* b, CompareOp op) {
  // Subclasses too (collections.abc.Callable[...] is one). CPython: ga_richcompare
  if (!isinstance_of(b, &generic_alias_type) || (op != CompareOp::eq && op != CompareOp::ne))
    return new_ref(NotImplemented());
  auto* x = static_cast<GenericAliasObject*>(a);
  auto* y = static_cast<GenericAliasObject*>(b);
  int eq = object_eq(x->origin, y->origin);
  if (eq > 0) eq = object_eq(x->args, y->args);
  if (eq < 0) return nullptr;
  return new_bool((op == CompareOp::eq) == (eq > 0));
}

int64_t generic_alias_hash(Object* o) {
  auto* g = static_cast<GenericAliasObject*>(o);
  int64_t h0 = object_hash(g->origin);
  if (h0 == -1) return -1;
  int64_t h1 = object_hash(g->args);
  if (h1 == -1) return -1;
  int64_t h = h0 ^ h1;
  return h == -1 ? -2 : h;
}

}  // namespace

Object* new_generic_alias(Object* origin, Object* args) {
  auto* g = make<GenericAliasObject>();
  g->origin = new_ref(origin);
  g->args = args->type == &tuple_type ? static_cast<TupleObject*>(new_ref(args)) : new_tuple_from({args});
  return g;
}

Object* class_subscript(TypeObject* cls, Object* key) {
  StrObject* getitem = intern("__class_getitem__");
  if (Object* raw = type_lookup(cls, getitem)) {
    // A plain function there is an implicit classmethod (CPython: typeobject.c
    // type_new_set_attrs wraps it).
    if (raw->type == &function_type) return call2(raw, cls, key);
    Ref<> bound = Ref<>::steal(get_attr(cls, getitem));
    if (!bound) return nullptr;
    return call1(bound.get(), key);
  }
  if (cls == &type_type) return new_generic_alias(cls, key);
  Object* params = type_lookup(cls, intern("__type_params__"));
  if (params && params->type == &tuple_type && !static_cast<TupleObject*>(params)->items.empty())
    return new_generic_alias(cls, key);
  return nullptr;
}

// CPython: Objects/genericaliasobject.c Py_GenericAlias, the class method __class_getitem__
// of the built-in containers (PEP 585), which their subclasses inherit.
static Object* m_class_getitem(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__class_getitem__", kw) || !check_nargs("__class_getitem__", n - 1, 1, 1)) return nullptr;
  return new_generic_alias(a[0], a[1]);
}

void add_class_getitem(TypeObject* t) { add_class_method(t, "__class_getitem__", m_class_getitem); }

namespace {

// types.GenericAlias(origin, args, /): what `__class_getitem__ = classmethod(GenericAlias)`
// makes (CPython: Objects/genericaliasobject.c ga_new).
Object* generic_alias_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (kwnames && !kwnames->items.empty()) return type_error("GenericAlias() takes no keyword arguments");
  if (!check_nargs("GenericAlias", nargs, 2, 2)) return nullptr;
  return new_generic_alias(args[0], args[1]);
}

}  // namespace

void init_generic_alias_type() {
  make_static_type(&generic_alias_type, &type_type, "GenericAlias", &object_type);
  generic_alias_type.module = "types";
  generic_alias_type.tp_repr = generic_alias_repr;
  generic_alias_type.tp_getattr = generic_alias_getattr;
  generic_alias_type.tp_call = generic_alias_call;
  generic_alias_type.tp_new = generic_alias_new;
  generic_alias_type.tp_richcompare = generic_alias_richcompare;
  generic_alias_type.tp_hash = generic_alias_hash;
}

}  // namespace gopy
