// The objects behind the module API's definitions: a plugin's functions and methods
// (CPython: Objects/methodobject.c, descrobject.c), its types and their instances
// (Objects/typeobject.c PyType_FromSpec), and the module made from a gopy_ModuleDef
// (Objects/moduleobject.c PyModule_FromDefAndSpec + PyModule_ExecDef).
#include "object/module_api_objects.hpp"

#include <cstdio>
#include <cstdlib>

#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/function_internal.hpp"
#include "object/module_api_guard.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject api_function_type;

using module_api::handle;

void ApiFunctionObject::clear_refs() {
  Object* refs[] = {defaults, self, owner};
  defaults = nullptr;
  self = nullptr;
  owner = nullptr;
  for (Object* r : refs) xdecref(r);
}

int ApiFunctionObject::traverse(VisitFn visit, void* arg) {
  for (Object* r : {static_cast<Object*>(defaults), self, static_cast<Object*>(owner)})
    if (int v = visit_ref(r, visit, arg)) return v;
  return 0;
}

void ApiTypeObject::clear_refs() {
  TupleObject* d = init_defaults;
  init_defaults = nullptr;
  xdecref(d);
  TypeObject::clear_refs();
}

int ApiTypeObject::traverse(VisitFn visit, void* arg) {
  if (int v = visit_ref(init_defaults, visit, arg)) return v;
  return TypeObject::traverse(visit, arg);
}

namespace {

// The plugin's traverse hook sees gopy_Object handles; the collector's visitor sees Objects.
struct VisitBridge {
  VisitFn visit;
  void* arg;
};

int bridge_visit(gopy_Object* ref, void* arg) {
  auto* bridge = static_cast<VisitBridge*>(arg);
  return ref ? bridge->visit(module_api::obj(ref), bridge->arg) : 0;
}

}  // namespace

ApiInstanceObject::~ApiInstanceObject() {
  clear_refs();
  if (data && def->free_data) def->free_data(data);
  std::free(data);
}

void ApiInstanceObject::clear_refs() {
  if (data && def->clear) def->clear(handle(this));
  if (type && type != &object_type) {
    TypeObject* t = type;
    type = &object_type;  // keep a valid type for the rest of the object's life
    decref(t);
  }
}

int ApiInstanceObject::traverse(VisitFn visit, void* arg) {
  if (type && type != &object_type)
    if (int v = visit(type, arg)) return v;
  if (!data || !def->traverse) return 0;
  VisitBridge bridge{visit, arg};
  return def->traverse(handle(this), bridge_visit, &bridge);
}

namespace {

ApiFunctionObject* as_function(Object* o) { return static_cast<ApiFunctionObject*>(o); }

// The plugin's answer, checked as CPython's _Py_CheckFunctionResult does.
Object* checked_result(Object* result, const std::string& who) {
  if (!result && !error_occurred())
    return set_error(module_api::system_error(), cat(who, " returned NULL without setting an exception"));
  if (result && error_occurred()) {
    decref(result);
    Object* cause = fetch_error();
    set_error(module_api::system_error(), cat(who, " returned a result with an exception set"));
    decref(cause);
    return nullptr;
  }
  return result;
}

// Binds the arguments to `sig` and calls fn(self, bound).
template <class Call>
Object* call_bound(const Signature& sig, TupleObject* defaults, std::string_view qualname, Object* const* args,
                   size_t nargs, TupleObject* kwnames, Call&& fn) {
  std::vector<Object*> bound(sig.params.size());
  Ref<> varargs;
  if (!bind_signature(sig, defaults, qualname, args, nargs, kwnames, bound.data(), &varargs)) return nullptr;
  return fn(reinterpret_cast<gopy_Object* const*>(bound.data()));
}

// The name CPython's errors give a built-in: with its module, unless it is a method or
// a built-in (Objects/object.c _PyObject_FunctionStr).
std::string function_str(ApiFunctionObject* f) {
  if (f->owner) return f->qualname;
  Ref<> module = Ref<>::steal(builtin_function_module(f->self));
  if (module && is_str(module.get()) && as_str(module.get())->view() != "builtins")
    return cat(as_str(module.get())->view(), ".", f->qualname);
  return f->qualname;
}

// A function whose parameters are all positional-only is checked as CPython checks such a C
// function, in the words of its calling convention: no parameters is METH_NOARGS, one
// required parameter METH_O (Objects/methodobject.c), several Argument Clinic's
// _PyArg_CheckPositional (Python/getargs.c), and only *args takes no keywords either.
// False with the TypeError set.
bool check_positional_only_call(ApiFunctionObject* f, size_t nargs, TupleObject* kwnames) {
  const Signature& sig = *f->sig;
  size_t total = 0, required = 0;
  for (const Signature::Param& p : sig.params) {
    if (p.kind == Signature::Kind::varargs) continue;
    if (p.kind != Signature::Kind::positional_only) return true;
    ++total;
    if (p.default_index < 0) ++required;
  }
  bool keywords = kwnames && !kwnames->items.empty();
  bool one_object = total == 1 && required == 1 && !sig.has_varargs;
  if (keywords) {
    type_error(cat(total == 0 || one_object ? function_str(f) : std::string(f->def->name), "() takes no keyword arguments"));
    return false;
  }
  if (total == 0 && !sig.has_varargs && nargs > 0) {
    type_error(cat(function_str(f), "() takes no arguments (", nargs, " given)"));
    return false;
  }
  if (one_object && nargs != 1) {
    type_error(cat(function_str(f), "() takes exactly one argument (", nargs, " given)"));
    return false;
  }
  if (total > 0 && (nargs < required || (nargs > total && !sig.has_varargs))) {
    bool too_few = nargs < required;
    size_t bound = too_few ? required : total;
    const char* which = required == total ? "" : too_few ? "at least " : "at most ";
    type_error(cat(f->def->name, " expected ", which, bound, " argument", bound == 1 ? "" : "s", ", got ", nargs));
    return false;
  }
  return true;
}

Object* api_function_call(Object* callable, Object* const* args, size_t nargs, TupleObject* kwnames) {
  ApiFunctionObject* f = as_function(callable);
  Ref<> hold = Ref<>::borrow(callable);
  Object* self = f->self;
  if (f->owner && !self) {
    // Type.method(instance, ...)
    // CPython: Objects/descrobject.c method_check_args, descr_check
    if (nargs == 0) return type_error(cat("unbound method ", f->qualname, "() needs an argument"));
    if (!isinstance_of(args[0], f->owner))
      return type_error(cat("descriptor '", f->def->name, "' for '", f->owner->name, "' objects doesn't apply to a '",
                            type_name(args[0]), "' object"));
    self = args[0];
    ++args;
    --nargs;
  }
  if (!check_positional_only_call(f, nargs, kwnames)) return nullptr;
  Ref<> hold_self = Ref<>::borrow(self);
  Object* result = call_bound(*f->sig, f->defaults, f->qualname, args, nargs, kwnames, [&](gopy_Object* const* bound) {
    return module_api::obj(f->def->function(handle(self), bound));
  });
  return checked_result(result, cat("<built-in function ", f->def->name, ">"));
}

Object* api_function_repr(Object* o) {
  ApiFunctionObject* f = as_function(o);
  if (f->owner && !f->self) return new_str(cat("<method '", f->def->name, "' of '", f->owner->name, "' objects>"));
  if (f->owner) {
    char at[48];
    std::snprintf(at, sizeof at, " object at %p>", static_cast<void*>(f->self));
    return new_str(cat("<built-in method ", f->def->name, " of ", f->owner->name, at));
  }
  return new_str(cat("<built-in function ", f->def->name, ">"));
}

Object* api_function_getattr(Object* o, StrObject* name) {
  ApiFunctionObject* f = as_function(o);
  std::string_view n = name->view();
  if (n == "__name__") return new_str(f->def->name);
  if (n == "__qualname__") return new_str(f->qualname);
  if (n == "__doc__") return f->def->doc ? static_cast<Object*>(new_str(f->def->doc)) : new_none();
  if (n == "__self__") return new_ref(f->self ? f->self : None());
  if (n == "__module__" && !(f->owner && !f->self)) return builtin_function_module(f->self);  // a method descriptor has none
  if (n == "__text_signature__")
    return new_str(cat("(", f->owner ? (f->def->params && *f->def->params ? "self, " : "self") : "",
                       f->def->params ? f->def->params : "", ")"));
  return generic_getattr(o, name);
}

ApiFunctionObject* new_api_function(const gopy_FunctionDef* def, std::shared_ptr<const Signature> sig,
                                    TupleObject* defaults, Object* self, TypeObject* owner, std::string qualname) {
  auto* f = make<ApiFunctionObject>();
  f->def = def;
  f->sig = std::move(sig);
  f->defaults = new_ref(defaults);
  f->self = self ? new_ref(self) : nullptr;
  f->owner = owner ? new_ref(owner) : nullptr;
  f->qualname = std::move(qualname);
  return f;
}

// ---- instances ----

ApiTypeObject* api_type(Object* o) { return static_cast<ApiTypeObject*>(o->type); }

const gopy_GetSetDef* find_getset(const gopy_TypeDef* def, std::string_view name) {
  for (const gopy_GetSetDef* g = def->getset; g && g->name; ++g)
    if (name == g->name) return g;
  return nullptr;
}

}  // namespace

Object* api_instance_getattr(Object* o, StrObject* name) {
  auto* inst = static_cast<ApiInstanceObject*>(o);
  if (const gopy_GetSetDef* g = find_getset(inst->def, name->view()); g && g->get) {
    Ref<> hold = Ref<>::borrow(o);
    return checked_result(module_api::obj(g->get(handle(o))), cat("getter of '", g->name, "'"));
  }
  Object* descr = type_lookup(o->type, name);
  if (descr && descr->type == &api_function_type) {
    ApiFunctionObject* f = as_function(descr);
    if (f->owner && !f->self) return new_api_function(f->def, f->sig, f->defaults, o, f->owner, f->qualname);
  }
  return generic_getattr(o, name);
}

namespace {

// CPython: Objects/descrobject.c getset_set + Objects/object.c _PyObject_GenericSetAttrWithDict
int api_instance_setattr(Object* o, StrObject* name, Object* value) {
  auto* inst = static_cast<ApiInstanceObject*>(o);
  const std::string& tname = o->type->name;
  if (const gopy_GetSetDef* g = find_getset(inst->def, name->view())) {
    if (!g->set) {
      set_error(&exc_AttributeError, cat("attribute '", g->name, "' of '", tname, "' objects is not writable"));
      return -1;
    }
    Ref<> hold = Ref<>::borrow(o);
    int r = g->set(handle(o), value ? handle(value) : nullptr);
    if (r < 0 && !error_occurred()) set_error(module_api::system_error(), cat("setter of '", g->name, "' failed without an exception"));
    return r < 0 ? -1 : 0;
  }
  if (type_lookup(o->type, name)) {
    set_error(&exc_AttributeError, cat("'", tname, "' object attribute '", name->utf8, "' is read-only"));
    return -1;
  }
  set_error(&exc_AttributeError, cat("'", tname, "' object has no attribute '", name->utf8,
                                     "' and no __dict__ for setting new attributes"));
  return -1;
}

Object* api_instance_new(TypeObject* type, Object* const*, size_t, TupleObject*) {
  auto* t = static_cast<ApiTypeObject*>(type);
  auto* o = make<ApiInstanceObject>(t);
  incref(t);
  o->data = std::calloc(1, t->def->data_size ? t->def->data_size : 1);
  if (!o->data) {
    decref(o);
    return no_memory();
  }
  return o;
}

int api_instance_init(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames) {
  ApiTypeObject* t = api_type(self);
  int status = 0;
  Object* done = call_bound(*t->init_sig, t->init_defaults, t->name, args, nargs, kwnames, [&](gopy_Object* const* bound) {
    status = t->def->init(handle(self), bound);
    return status < 0 ? nullptr : new_none();
  });
  if (!done) {
    if (!error_occurred()) set_error(module_api::system_error(), cat(t->name, " init failed without an exception"));
    return -1;
  }
  decref(done);
  return 0;
}

Object* api_instance_repr(Object* o) {
  const gopy_TypeDef* def = static_cast<ApiInstanceObject*>(o)->def;
  Ref<> hold = Ref<>::borrow(o);
  Object* r = checked_result(module_api::obj(def->repr(handle(o))), cat(def->name, " repr"));
  if (r && !is_str(r)) {
    std::string got = type_name(r);
    decref(r);
    return type_error(cat("__repr__ returned non-string (type ", got, ")"));
  }
  return r;
}

// ---- the module ----

std::nullptr_t bad_definition(const gopy_ModuleDef* def, std::string_view problem) {
  return set_error(&exc_ImportError, cat("module '", def->name ? def->name : "?", "': ", problem));
}

// Parses `params` (NULL or "" is none).
bool make_signature(const gopy_ModuleDef* mdef, std::string_view who, const char* params,
                    std::shared_ptr<const Signature>* sig, TupleObject** defaults) {
  auto parsed = std::make_shared<Signature>();
  std::string error;
  if (!parse_signature(params ? params : "", parsed.get(), defaults, &error)) {
    bad_definition(mdef, cat(who, ": parameters '", params, "': ", error));
    return false;
  }
  *sig = std::move(parsed);
  return true;
}

int add_functions(const gopy_ModuleDef* mdef, ModuleObject* module, const gopy_FunctionDef* defs, TypeObject* owner,
                  DictObject* into) {
  for (const gopy_FunctionDef* d = defs; d && d->name; ++d) {
    std::string qualname = owner ? cat(owner->name, ".", d->name) : std::string(d->name);
    if (!d->function) return bad_definition(mdef, cat("function '", qualname, "' has no C function")), -1;
    std::shared_ptr<const Signature> sig;
    TupleObject* defaults = nullptr;
    if (!make_signature(mdef, cat("function '", qualname, "'"), d->params, &sig, &defaults)) return -1;
    Ref<> f = Ref<>::steal(new_api_function(d, std::move(sig), defaults, owner ? nullptr : module, owner, qualname));
    decref(defaults);
    if (dict_set_str(into, d->name, f.get()) < 0) return -1;
  }
  return 0;
}

int add_exceptions(const gopy_ModuleDef* mdef, ModuleObject* module) {
  Ref<> modname = Ref<>::steal(new_str(mdef->name));
  for (const gopy_ExceptionDef* e = mdef->exceptions; e && e->name; ++e) {
    Object* base = e->base ? builtin_exception(e->base) : &exc_Exception;
    if (!base && e->base) {
      base = dict_get_str(module->dict, e->base);
      if (base && !is_exception_class(base)) base = nullptr;
    }
    if (!base) return bad_definition(mdef, cat("exception '", e->name, "': no exception class '", e->base, "'")), -1;
    Ref<DictObject> ns = Ref<DictObject>::steal(new_dict());
    Ref<> doc = Ref<>::steal(e->doc ? static_cast<Object*>(new_str(e->doc)) : new_none());
    Ref<TupleObject> bases = Ref<TupleObject>::steal(new_tuple_from({base}));
    Ref<StrObject> name = Ref<StrObject>::steal(new_str(e->name));
    if (dict_set_str(ns.get(), "__module__", modname.get()) < 0 || dict_set_str(ns.get(), "__doc__", doc.get()) < 0)
      return -1;
    Ref<> cls = Ref<>::steal(build_class(&type_type, name.get(), bases.get(), ns.get(), nullptr));
    if (!cls || dict_set_str(module->dict, e->name, cls.get()) < 0) return -1;
  }
  return 0;
}

int add_types(const gopy_ModuleDef* mdef, ModuleObject* module) {
  for (const gopy_TypeDef* d = mdef->types; d && d->name; ++d) {
    type_modified();
    Ref<ApiTypeObject> t = Ref<ApiTypeObject>::steal(make<ApiTypeObject>());
    t->type = new_ref(&type_type);
    t->def = d;
    t->name = d->name;
    t->qualname = d->name;
    t->module = mdef->name;
    t->flags = TypeFlags::heap;
    t->base = new_ref(&object_type);
    t->bases = new_tuple_from({&object_type});
    t->dict = new_dict();
    t->tp_hash = object_type.tp_hash;
    t->tp_richcompare = object_type.tp_richcompare;
    t->tp_str = object_type.tp_str;
    t->tp_getattr = api_instance_getattr;
    t->tp_setattr = api_instance_setattr;
    if (d->repr) t->tp_repr = api_instance_repr;
    if (d->init) {
      if (!make_signature(mdef, cat("type '", d->name, "' init"), d->init_params, &t->init_sig, &t->init_defaults))
        return -1;
      t->tp_new = api_instance_new;
      t->tp_init = api_instance_init;
    }
    Ref<> modname = Ref<>::steal(new_str(mdef->name));
    Ref<> doc = Ref<>::steal(d->doc ? static_cast<Object*>(new_str(d->doc)) : new_none());
    if (dict_set_str(t->dict, "__module__", modname.get()) < 0 || dict_set_str(t->dict, "__doc__", doc.get()) < 0 ||
        add_functions(mdef, module, d->methods, t.get(), t->dict) < 0 ||
        dict_set_str(module->dict, d->name, t.get()) < 0)
      return -1;
  }
  return 0;
}

int add_constants(const gopy_ModuleDef* mdef, ModuleObject* module) {
  for (const gopy_ConstantDef* c = mdef->constants; c && c->name; ++c) {
    Ref<> value;
    switch (c->kind) {
      case GOPY_CONST_INT: value = Ref<>::steal(new_int(c->int_value)); break;
      case GOPY_CONST_FLOAT: value = Ref<>::steal(new_float(c->float_value)); break;
      case GOPY_CONST_STR: value = Ref<>::steal(new_str(c->str_value ? c->str_value : "")); break;
    }
    if (!value) return bad_definition(mdef, cat("constant '", c->name, "' has an unknown kind")), -1;
    if (dict_set_str(module->dict, c->name, value.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace

ModuleObject* create_api_module(const gopy_ModuleDef* def, ModuleExecRunner run_exec, void* runner_arg) {
  if (def->api_version != GOPY_MODULE_API_VERSION)
    return bad_definition(def, cat("module definition has API version ", def->api_version, ", gopy supports ",
                                   GOPY_MODULE_API_VERSION));
  if (!def->name) return bad_definition(def, "module definition has no name");
  Ref<ModuleObject> module = Ref<ModuleObject>::steal(new_module(def->name));
  Ref<> doc = Ref<>::steal(def->doc ? static_cast<Object*>(new_str(def->doc)) : new_none());
  if (dict_set_str(module->dict, "__doc__", doc.get()) < 0 || add_exceptions(def, module.get()) < 0 ||
      add_types(def, module.get()) < 0 || add_constants(def, module.get()) < 0 ||
      add_functions(def, module.get(), def->functions, nullptr, module->dict) < 0)
    return nullptr;
  if (def->exec && run_exec(runner_arg, def, module.get()) < 0) {
    if (!error_occurred()) bad_definition(def, "its exec hook failed without an exception");
    return nullptr;
  }
  return module.release();
}

void init_module_api_types() {
  make_static_type(&api_function_type, &type_type, "builtin_function_or_method", &object_type, 0);
  api_function_type.tp_call = api_function_call;
  api_function_type.tp_repr = api_function_repr;
  api_function_type.tp_getattr = api_function_getattr;
  api_function_type.tp_setattr = generic_setattr;
  api_function_type.tp_hash = object_type.tp_hash;
  api_function_type.tp_richcompare = object_type.tp_richcompare;
}

}  // namespace gopy

extern "C" void* gopy_Object_Data(gopy_Object* o, const gopy_TypeDef* type) {
  gopy::Object* x = gopy::module_api::obj(o);
  if (x == nullptr || x->type->tp_getattr != gopy::api_instance_getattr) return nullptr;
  auto* inst = static_cast<gopy::ApiInstanceObject*>(x);
  return type == nullptr || inst->def == type ? inst->data : nullptr;
}
