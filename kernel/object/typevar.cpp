// CPython: Objects/typevarobject.c (typevar_*, paramspec_*, paramspecargs_*, typevartuple_*,
// typealias_*, NoDefault).
#include "object/typevar.hpp"

#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/introspect.hpp"
#include "gopy/state.hpp"
#include "object/args.hpp"
#include "object/descr_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject typing_types[10];

namespace {

// typing.NoDefault and typing.Unpack (one array: one static destructor).
Object typing_singletons[2];
Object& nodefault_object = typing_singletons[0];
Object& unpack_form = typing_singletons[1];

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
  // PEP 695 parameters infer their variance; TypeVar(...) states it
  bool covariant = false;
  bool contravariant = false;
  bool infer_variance = true;
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

// `P.args` / `P.kwargs` of a ParamSpec P (CPython: paramspecargs_*, paramspeckwargs_*).
struct ParamSpecPartObject : GcObject {
  Object* origin = nullptr;
  explicit ParamSpecPartObject(TypeObject* t, Object* o) : GcObject(t), origin(new_ref(o)) {}
  ~ParamSpecPartObject() override { clear_refs(); }
  void clear_refs() override { drop(origin); }
  int traverse(VisitFn visit, void* arg) override { return visit_ref(origin, visit, arg); }
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

// CPython: typevar_repr, paramspec_repr: '~T', '+T', '-T', or the bare name when the
// variance is inferred (and always for a TypeVarTuple).
Object* type_param_repr(Object* o) {
  auto* p = static_cast<TypeParamObject*>(o);
  if (p->infer_variance || o->type == &typevartuple_type) return new_ref(p->name);
  const char* mark = p->covariant ? "+" : p->contravariant ? "-" : "~";
  return new_str(std::string(mark) + as_str(p->name)->utf8);
}

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
  if (o->type != &typevartuple_type) {
    if (n == "__covariant__") return new_bool(p->covariant);
    if (n == "__contravariant__") return new_bool(p->contravariant);
    if (n == "__infer_variance__") return new_bool(p->infer_variance);
  }
  if (o->type != &typevartuple_type && n == "__bound__")
    return p->has_constraints ? new_none() : lazy_value(p->bound, p->evaluate_bound, None());
  if (o->type == &paramspec_type && (n == "args" || n == "kwargs"))
    return make<ParamSpecPartObject>(n == "args" ? &paramspec_args_type : &paramspec_kwargs_type, o);
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

Object* paramspec_part_repr(Object* o) {
  auto* p = static_cast<ParamSpecPartObject*>(o);
  Object* name = static_cast<TypeParamObject*>(p->origin)->name;
  return new_str(as_str(name)->utf8 + (o->type == &paramspec_args_type ? ".args" : ".kwargs"));
}

Object* paramspec_part_getattr(Object* o, StrObject* name) {
  if (name->view() == "__origin__") return new_ref(static_cast<ParamSpecPartObject*>(o)->origin);
  return generic_getattr(o, name);
}

Object* paramspec_part_richcompare(Object* a, Object* b, CompareOp op) {
  if (a->type != b->type || (op != CompareOp::eq && op != CompareOp::ne)) return new_ref(NotImplemented());
  bool same = static_cast<ParamSpecPartObject*>(a)->origin == static_cast<ParamSpecPartObject*>(b)->origin;
  return new_bool(same == (op == CompareOp::eq));
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

Object* nodefault_repr(Object*) { return new_str("typing.NoDefault"); }

Object* special_form_repr(Object*) { return new_str("typing.Unpack"); }

// `*Ts` unpacks a TypeVarTuple into typing.Unpack[Ts] (CPython: typevartuple_iter).
Object* typevartuple_iter(Object* o) {
  Ref<> unpacked = Ref<>::steal(new_generic_alias(&unpack_form, o));
  Ref<> items = Ref<>::steal(new_tuple_from({unpacked.get()}));
  return get_iter(items.get());
}


// ---- The constructors: TypeVar(...), ParamSpec(...), TypeVarTuple(...), TypeAliasType(...) ----
// CPython: Objects/typevarobject.c typevar_new_impl, paramspec_new_impl,
// typevartuple_new_impl, typealias_new_impl (the module is the caller's __name__).

Object* caller_module_name() {
  DictObject* g = current_globals();
  Object* name = g ? dict_get_str(g, "__name__") : nullptr;
  return name ? name : None();
}

bool truthy_flag(Object* o, bool& out) {
  if (!o) return true;
  int r = object_is_true(o);
  if (r < 0) return false;
  out = r != 0;
  return true;
}

// Fills a new type parameter from the constructor's bound/variance/default arguments.
Object* finish_type_param(TypeParamKind kind, Object* name, Object* bound, Object* constraints,
                          Object* covariant, Object* contravariant, Object* infer_variance, Object* default_value,
                          const char* fname) {
  if (!is_str(name))
    return type_error(std::string(fname) + "() argument 'name' must be str, not " + name->type->name);
  bool co = false, contra = false, infer = false;
  if (!truthy_flag(covariant, co) || !truthy_flag(contravariant, contra) || !truthy_flag(infer_variance, infer))
    return nullptr;
  if (co && contra) return set_error(&exc_ValueError, "Bivariant type variables are not supported.");
  if (infer && (co || contra)) return set_error(&exc_ValueError, "Variance cannot be specified with infer_variance.");
  Ref<> param = Ref<>::steal(new_type_param(kind, name, caller_module_name()));
  auto* p = static_cast<TypeParamObject*>(param.get());
  p->covariant = co;
  p->contravariant = contra;
  p->infer_variance = infer;
  if (bound && bound != None()) {
    Object* checked = typing_type_check(bound, "Bound must be a type.");
    if (!checked) return nullptr;
    p->bound = checked;
  }
  if (constraints) {
    auto* items = static_cast<TupleObject*>(constraints);
    if (items->items.size() == 1) return type_error("A single constraint is not allowed");
    if (!items->items.empty()) {
      if (p->bound) return type_error("Constraints cannot be combined with bound=...");
      std::vector<Object*> checked;
      for (Object* c : items->items) {
        Object* one = typing_type_check(c, "TypeVar(name, constraint, ...): constraints must be types.");
        if (!one) {
          for (Object* x : checked) decref(x);
          return nullptr;
        }
        checked.push_back(one);
      }
      p->bound = new_tuple_steal(std::move(checked));
      p->has_constraints = true;
    }
  }
  if (default_value && default_value != &nodefault_object) p->default_value = new_ref(default_value);
  return param.release();
}

Object* typevar_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  Object* kw[6] = {};
  size_t npos = nargs > 0 ? 1 : 0;
  if (!bind_args("TypeVar", args, npos, nullptr, {"name"}, 0, kw)) return nullptr;
  Object* named[5] = {};
  if (kwnames && !bind_args("TypeVar", args + nargs, 0, kwnames,
                            {"bound", "covariant", "contravariant", "infer_variance", "default"}, 0, named))
    return nullptr;
  Object* name = nargs > 0 ? args[0] : nullptr;
  if (!name && kwnames) name = find_kwarg(args, nargs, kwnames, "name");
  if (!name) return type_error("TypeVar() missing required argument 'name' (pos 1)");
  std::vector<Object*> rest;
  for (size_t i = 1; i < nargs; i++) rest.push_back(new_ref(args[i]));
  Ref<> constraints = Ref<>::steal(new_tuple_steal(std::move(rest)));
  return finish_type_param(TypeParamKind::typevar, name, named[0], constraints.get(), named[1], named[2], named[3],
                           named[4], "TypeVar");
}

Object* paramspec_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  Object* a[6] = {};
  if (!bind_args("ParamSpec", args, nargs, kwnames,
                 {"name", "bound", "covariant", "contravariant", "infer_variance", "default"}, 1, a))
    return nullptr;
  return finish_type_param(TypeParamKind::paramspec, a[0], a[1], nullptr, a[2], a[3], a[4], a[5], "ParamSpec");
}

Object* typevartuple_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  Object* a[2] = {};
  if (!bind_args("TypeVarTuple", args, nargs, kwnames, {"name", "default"}, 1, a)) return nullptr;
  return finish_type_param(TypeParamKind::typevartuple, a[0], nullptr, nullptr, nullptr, nullptr, nullptr, a[1],
                           "TypeVarTuple");
}

Object* typealias_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  Object* a[3] = {};
  if (!bind_args("TypeAliasType", args, nargs, kwnames, {"name", "value", "type_params"}, 2, a)) return nullptr;
  if (!is_str(a[0])) return type_error("typealias() argument 'name' must be str, not " + std::string(a[0]->type->name));
  if (a[2] && !is_tuple(a[2])) return type_error("type_params must be a tuple");
  auto* alias = static_cast<TypeAliasObject*>(new_type_alias(a[0], a[2], None(), caller_module_name()));
  alias->value = new_ref(a[1]);
  return alias;
}

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

Object* typing_type_check(Object* arg, const char* message) {
  if (arg == None()) return new_ref(arg);
  Interpreter* interp = get_thread_state()->interp;
  Ref<> typing;
  if (Object* m = dict_get_str(interp->modules, "typing")) {
    typing = Ref<>::borrow(m);
  } else {
    if (!interp->import_hook) return new_ref(arg);
    typing = Ref<>::steal(interp->import_hook(interp, intern("typing"), nullptr, nullptr, 0));
    if (!typing) return nullptr;
  }
  Ref<> check = Ref<>::steal(get_attr(typing.get(), intern("_type_check")));
  if (!check) return nullptr;
  Ref<> msg = Ref<>::steal(new_str(message));
  return call2(check.get(), arg, msg.get());
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
  typevar_type.tp_new = typevar_new;
  paramspec_type.tp_new = paramspec_new;
  typevartuple_type.tp_new = typevartuple_new;
  struct {
    TypeObject* t;
    const char* name;
  } parts[] = {{&paramspec_args_type, "ParamSpecArgs"}, {&paramspec_kwargs_type, "ParamSpecKwargs"}};
  for (auto& p : parts) {
    make_static_type(p.t, &type_type, p.name, &object_type, 0);
    p.t->module = "typing";
    p.t->tp_repr = paramspec_part_repr;
    p.t->tp_getattr = paramspec_part_getattr;
    p.t->tp_richcompare = paramspec_part_richcompare;
  }
  make_static_type(&typealias_type, &type_type, "TypeAliasType", &object_type, 0);
  typealias_type.module = "typing";
  typealias_type.tp_repr = typealias_repr;
  typealias_type.tp_getattr = typealias_getattr;
  typealias_type.tp_hash = object_identity_hash;
  typealias_type.mp_subscript = typealias_subscript;
  typealias_type.tp_new = typealias_new;
  make_static_type(&nodefault_type, &type_type, "NoDefaultType", &object_type, 0);
  nodefault_type.module = "typing";
  nodefault_type.tp_repr = nodefault_repr;
  nodefault_object.type = &nodefault_type;
  nodefault_object.refcnt = kImmortalRefcnt;
  make_static_type(&special_form_type, &type_type, "_SpecialForm", &object_type, 0);
  special_form_type.module = "typing";
  special_form_type.tp_repr = special_form_repr;
  special_form_type.tp_hash = object_identity_hash;
  unpack_form.type = &special_form_type;
  unpack_form.refcnt = kImmortalRefcnt;
  typevartuple_type.tp_iter = typevartuple_iter;
  init_generic_alias_type();
  init_union_type();
}

void init_typevar_methods() {
  for (TypeObject* t : {&typevar_type, &paramspec_type, &typevartuple_type})
    add_method(t, "has_default", type_param_has_default);
  init_union_methods();
}

}  // namespace gopy
