// CPython: Objects/typevarobject.c (typevar_*, paramspec_*, typevartuple_*, typealias_*,
// NoDefault), Objects/genericaliasobject.c (ga_repr, ga_getattro, ga_call, ga_richcompare),
// Objects/abstract.c PyObject_GetItem (__class_getitem__).
#include "object/typevar.hpp"

#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "object/descr_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject typevar_type, paramspec_type, typevartuple_type, typealias_type, generic_alias_type, nodefault_type;

namespace {

Object nodefault_object;

void drop(Object*& field) {
  Object* o = field;
  field = nullptr;
  xdecref(o);
}

struct TypeParamObject : GcObject {
  Object* name = nullptr;
  Object* module = nullptr;
  Object* bound = nullptr;  // the evaluated bound or constraints tuple, cached
  Object* evaluate_bound = nullptr;
  bool has_constraints = false;  // evaluate_bound computes the constraints
  Object* default_value = nullptr;
  Object* evaluate_default = nullptr;
  explicit TypeParamObject(TypeObject* t) : GcObject(t) {}
  ~TypeParamObject() override { clear_refs(); }
  void clear_refs() override {
    for (Object** f : {&name, &module, &bound, &evaluate_bound, &default_value, &evaluate_default}) drop(*f);
  }
  int traverse(VisitFn visit, void* arg) override {
    for (Object* o : {name, module, bound, evaluate_bound, default_value, evaluate_default})
      if (int r = visit_ref(o, visit, arg)) return r;
    return 0;
  }
};

struct TypeAliasObject : GcObject {
  Object* name = nullptr;
  Object* type_params = nullptr;  // a tuple or null
  Object* compute_value = nullptr;
  Object* value = nullptr;  // cached
  Object* module = nullptr;
  TypeAliasObject() : GcObject(&typealias_type) {}
  ~TypeAliasObject() override { clear_refs(); }
  void clear_refs() override {
    for (Object** f : {&name, &type_params, &compute_value, &value, &module}) drop(*f);
  }
  int traverse(VisitFn visit, void* arg) override {
    for (Object* o : {name, type_params, compute_value, value, module})
      if (int r = visit_ref(o, visit, arg)) return r;
    return 0;
  }
};

struct GenericAliasObject : GcObject {
  Object* origin = nullptr;
  TupleObject* args = nullptr;
  GenericAliasObject() : GcObject(&generic_alias_type) {}
  ~GenericAliasObject() override { clear_refs(); }
  void clear_refs() override {
    drop(origin);
    Object* a = args;
    args = nullptr;
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

// A cached lazily computed value: the evaluate function is called with no argument (its
// `format` defaults to VALUE).
Object* lazy_value(Object*& cache, Object* evaluate, Object* absent) {
  if (cache) return new_ref(cache);
  if (!evaluate) return new_ref(absent);
  Object* v = call0(evaluate);
  if (v) cache = new_ref(v);
  return v;
}

// ---- TypeVar, ParamSpec, TypeVarTuple ----

Object* type_param_repr(Object* o) { return new_ref(static_cast<TypeParamObject*>(o)->name); }

Object* type_param_has_default(Object* self, Object* const* args, size_t, TupleObject*) {
  auto* p = static_cast<TypeParamObject*>(self ? self : args[0]);
  return new_bool(p->evaluate_default || p->default_value);
}

Object* type_param_getattr(Object* o, StrObject* name) {
  auto* p = static_cast<TypeParamObject*>(o);
  std::string_view n = name->view();
  bool typevar = o->type == &typevar_type;
  if (n == "__name__") return new_ref(p->name);
  if (n == "__module__") return new_ref(p->module ? p->module : None());
  if (n == "__default__") return lazy_value(p->default_value, p->evaluate_default, &nodefault_object);
  if (n == "evaluate_default") return new_ref(p->evaluate_default ? p->evaluate_default : None());
  if (n == "__covariant__" || n == "__contravariant__") return new_bool(false);
  if (n == "__infer_variance__") return new_bool(o->type != &typevartuple_type);
  if (o->type != &typevartuple_type && n == "__bound__")
    return p->has_constraints ? new_none() : lazy_value(p->bound, p->evaluate_bound, None());
  if (typevar && n == "__constraints__") {
    if (!p->has_constraints) return empty_tuple();
    return lazy_value(p->bound, p->evaluate_bound, None());
  }
  if (typevar && (n == "evaluate_bound" || n == "evaluate_constraints")) {
    bool want_constraints = n == "evaluate_constraints";
    Object* f = p->evaluate_bound && p->has_constraints == want_constraints ? p->evaluate_bound : None();
    return new_ref(f);
  }
  return generic_getattr(o, name);
}

// ---- TypeAliasType ----

Object* typealias_repr(Object* o) { return new_ref(static_cast<TypeAliasObject*>(o)->name); }

Object* typealias_getattr(Object* o, StrObject* name) {
  auto* a = static_cast<TypeAliasObject*>(o);
  std::string_view n = name->view();
  if (n == "__name__") return new_ref(a->name);
  if (n == "__module__") return new_ref(a->module ? a->module : None());
  if (n == "__value__") {
    if (a->value) return new_ref(a->value);
    Object* one = new_int(1);
    Object* v = call1(a->compute_value, one);
    decref(one);
    if (v) a->value = new_ref(v);
    return v;
  }
  if (n == "evaluate_value") return new_ref(a->compute_value);
  if (n == "__type_params__" || n == "__parameters__")
    return a->type_params ? new_ref(a->type_params) : empty_tuple();
  return generic_getattr(o, name);
}

Object* typealias_subscript(Object* o, Object* key) {
  auto* a = static_cast<TypeAliasObject*>(o);
  if (!a->type_params || static_cast<TupleObject*>(a->type_params)->items.empty())
    return type_error("Only generic type aliases are subscriptable");
  return new_generic_alias(o, key);
}

// ---- GenericAlias ----

// How a type appears inside a GenericAlias repr (CPython: _Py_typing_type_repr).
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
  if (b->type != &generic_alias_type || (op != CompareOp::eq && op != CompareOp::ne)) return new_ref(NotImplemented());
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

Object* nodefault_repr(Object*) { return new_str("typing.NoDefault"); }

}  // namespace

Object* new_type_param(TypeParamKind kind, Object* name, Object* module) {
  TypeObject* t = kind == TypeParamKind::typevar     ? &typevar_type
                  : kind == TypeParamKind::paramspec ? &paramspec_type
                                                     : &typevartuple_type;
  auto* p = make<TypeParamObject>(t);
  p->name = new_ref(name);
  if (module) p->module = new_ref(module);
  return p;
}

void type_param_set_bound(Object* param, Object* evaluate, bool constraints) {
  auto* p = static_cast<TypeParamObject*>(param);
  drop(p->evaluate_bound);
  p->evaluate_bound = new_ref(evaluate);
  p->has_constraints = constraints;
}

void type_param_set_default(Object* param, Object* evaluate) {
  auto* p = static_cast<TypeParamObject*>(param);
  drop(p->evaluate_default);
  p->evaluate_default = new_ref(evaluate);
}

Object* new_type_alias(Object* name, Object* type_params, Object* compute_value, Object* module) {
  auto* a = make<TypeAliasObject>();
  a->name = new_ref(name);
  if (type_params && type_params != None()) a->type_params = new_ref(type_params);
  a->compute_value = new_ref(compute_value);
  if (module) a->module = new_ref(module);
  return a;
}

Object* new_generic_alias(Object* origin, Object* args) {
  auto* g = make<GenericAliasObject>();
  g->origin = new_ref(origin);
  g->args = args->type == &tuple_type ? static_cast<TupleObject*>(new_ref(args)) : new_tuple_from({args});
  return g;
}

Object* class_subscript(TypeObject* cls, Object* key) {
  StrObject* getitem = intern("__class_getitem__");
  if (Object* raw = type_lookup(cls, getitem)) {
    // A plain function there is an implicit classmethod (CPython: type_new_set_classcell's
    // neighbour, type_new_set_attrs, wraps it).
    if (raw->type == &function_type) return call2(raw, cls, key);
    Ref<> bound = Ref<>::steal(get_attr(cls, getitem));
    if (!bound) return nullptr;
    return call1(bound.get(), key);
  }
  // The built-in containers' __class_getitem__ is types.GenericAlias (PEP 585).
  for (TypeObject* t : {&list_type, &tuple_type, &dict_type, &set_type, &frozenset_type, &type_type})
    if (cls == t) return new_generic_alias(cls, key);
  Object* params = type_lookup(cls, intern("__type_params__"));
  if (params && params->type == &tuple_type && !static_cast<TupleObject*>(params)->items.empty())
    return new_generic_alias(cls, key);
  return nullptr;
}

void init_typevar_types() {
  static bool done = false;
  if (done) return;
  done = true;
  struct {
    TypeObject* t;
    const char* name;
  } params[] = {{&typevar_type, "TypeVar"}, {&paramspec_type, "ParamSpec"}, {&typevartuple_type, "TypeVarTuple"}};
  for (auto& p : params) {
    make_static_type(p.t, &type_type, p.name, &object_type, 0);
    p.t->module = "typing";
    p.t->tp_repr = type_param_repr;
    p.t->tp_getattr = type_param_getattr;
    p.t->tp_hash = object_identity_hash;
  }
  make_static_type(&typealias_type, &type_type, "TypeAliasType", &object_type, 0);
  typealias_type.module = "typing";
  typealias_type.tp_repr = typealias_repr;
  typealias_type.tp_getattr = typealias_getattr;
  typealias_type.tp_hash = object_identity_hash;
  typealias_type.mp_subscript = typealias_subscript;
  make_static_type(&generic_alias_type, &type_type, "GenericAlias", &object_type, 0);
  generic_alias_type.module = "types";
  generic_alias_type.tp_repr = generic_alias_repr;
  generic_alias_type.tp_getattr = generic_alias_getattr;
  generic_alias_type.tp_call = generic_alias_call;
  generic_alias_type.tp_richcompare = generic_alias_richcompare;
  generic_alias_type.tp_hash = generic_alias_hash;
  make_static_type(&nodefault_type, &type_type, "NoDefaultType", &object_type, 0);
  nodefault_type.module = "typing";
  nodefault_type.tp_repr = nodefault_repr;
  nodefault_object.type = &nodefault_type;
  nodefault_object.refcnt = kImmortalRefcnt;
}

void init_typevar_methods() {
  for (TypeObject* t : {&typevar_type, &paramspec_type, &typevartuple_type})
    add_method(t, "has_default", type_param_has_default);
}

}  // namespace gopy
