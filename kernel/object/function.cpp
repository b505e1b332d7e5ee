// Function-like objects and namespaces: functions (their call lives in the evaluator),
// built-in functions and methods, bound methods, cells, modules and super
// (CPython: Objects/funcobject.c, methodobject.c, classobject.c, cellobject.c,
// moduleobject.c, typeobject.c super_getattro).
#include <cstdio>

#include "eval/code.hpp"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/args.hpp"
#include "object/attr_lookup.hpp"
#include "object/class_method.hpp"
#include "object/descr_internal.hpp"
#include "object/function_internal.hpp"
#include "object/annotations.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject function_type, builtin_function_type, method_type, module_type, cell_type, super_type;

static void drop(Object*& field) {
  Object* o = field;
  field = nullptr;
  xdecref(o);
}
template <class T>
static void drop_t(T*& field) {
  T* o = field;
  field = nullptr;
  xdecref(o);
}

// FunctionObject::clear_refs is in kernel/eval/call.cpp, where CodeObject is complete.
void function_clear_fields(FunctionObject* f) {
  drop_t(f->globals);
  drop_t(f->builtins);
  drop_t(f->defaults);
  drop_t(f->kwdefaults);
  drop_t(f->closure);
  drop_t(f->name);
  drop_t(f->qualname);
  drop(f->module);
  drop_t(f->dict);
  drop(f->annotate);
  drop_t(f->annotations);
  drop_t(f->type_params);
}
void BuiltinFunctionObject::clear_refs() {
  drop(self);
  drop(module_name);
}
void MethodObject::clear_refs() {
  drop(func);
  drop(self);
}
void CellObject::clear_refs() { drop(ref); }
void ModuleObject::clear_refs() { drop_t(dict); }
void SuperObject::clear_refs() {
  drop_t(start_type);
  drop(obj);
}

int BuiltinFunctionObject::traverse(VisitFn visit, void* arg) {
  if (int r = visit_ref(self, visit, arg)) return r;
  return visit_ref(module_name, visit, arg);
}
int MethodObject::traverse(VisitFn visit, void* arg) {
  if (int r = visit_ref(func, visit, arg)) return r;
  return visit_ref(self, visit, arg);
}
int CellObject::traverse(VisitFn visit, void* arg) { return visit_ref(ref, visit, arg); }
int ModuleObject::traverse(VisitFn visit, void* arg) { return visit_ref(dict, visit, arg); }
int SuperObject::traverse(VisitFn visit, void* arg) {
  if (int r = visit_ref(start_type, visit, arg)) return r;
  return visit_ref(obj, visit, arg);
}

BuiltinFunctionObject* new_builtin_function(const char* name, BuiltinFn fn, Object* self) {
  auto* f = make<BuiltinFunctionObject>();
  f->name = name;
  f->fn = fn;
  f->self = self;
  xincref(self);
  return f;
}

void add_method(TypeObject* type, const char* name, BuiltinFn fn) {
  DictObject* d = type_own_dict(type);
  if (!d) return;  // a static type while the interpreter frees everything: no dict to fill
  type_modified();
  // Owned while the name is interned: that may throw std::bad_alloc.
  Ref<BuiltinFunctionObject> f = Ref<BuiltinFunctionObject>::steal(new_builtin_function(name, fn));
  f->is_method = true;
  f->owner = type;
  dict_set_str(d, name, f.get());
}

void add_class_method(TypeObject* type, const char* name, BuiltinFn fn) {
  DictObject* d = type_own_dict(type);
  if (!d) return;
  type_modified();
  BuiltinFunctionObject* f = new_builtin_function(name, fn);
  f->owner = type;
  dict_set_str(d, name, f);
  decref(f);
}

void add_static_method(TypeObject* type, const char* name, BuiltinFn fn) {
  DictObject* d = type_own_dict(type);
  if (!d) return;
  type_modified();
  BuiltinFunctionObject* f = new_builtin_function(name, fn);
  dict_set_str(d, name, f);
  decref(f);
}

int add_module_function(ModuleObject* m, const char* name, BuiltinFn fn) {
  const ModuleFunction one{name, fn};
  return add_module_functions(m, {&one, 1});
}

int add_module_functions(ModuleObject* m, std::span<const ModuleFunction> fns) {
  // By the interned name, whose hash is kept: a module's functions are added by the dozen
  // at start-up, and hashing the text each time showed. Interned again in each interpreter
  // (a new table, a new hash secret).
  static StrObject* dunder_name = nullptr;
  static uint64_t dunder_name_generation = 0;
  if (dunder_name_generation != interpreter_generation()) {
    dunder_name = intern("__name__");
    dunder_name_generation = interpreter_generation();
  }
  Object* module_name = dict_get_str(m->dict, dunder_name);
  int result = 0;
  for (const ModuleFunction& def : fns) {
    Ref<BuiltinFunctionObject> f = Ref<BuiltinFunctionObject>::steal(new_builtin_function(def.name, def.fn));
    if (module_name != nullptr) f->module_name = new_ref(module_name);
    if (dict_set_str(m->dict, def.name, f.get()) < 0) result = -1;
  }
  return result;
}

ModuleObject* new_module(std::string_view name) {
  // The dict first: a module is never seen without one, even when memory runs out between
  // the two (std::bad_alloc from either `new`).
  Ref<DictObject> dict = Ref<DictObject>::steal(new_dict());
  Ref<ModuleObject> m = Ref<ModuleObject>::steal(make<ModuleObject>());
  m->dict = dict.release();
  Ref<Object> n = Ref<Object>::steal(new_str(name));
  dict_set_str(m->dict, "__name__", n.get());
  dict_set_str(m->dict, "__doc__", None());
  return m.release();
}

namespace {

// types.ModuleType(name, doc=None) (CPython: Objects/moduleobject.c module___init___impl).
Object* module_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_kwargs_allowed("module", kwnames, {"name", "doc"})) return nullptr;
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  if (nargs > 2) return type_error(cat("module() takes at most 2 arguments (", nargs + nkw, " given)"));
  Object* name = nargs > 0 ? args[0] : find_kwarg(args, nargs, kwnames, "name");
  Object* doc = nargs > 1 ? args[1] : find_kwarg(args, nargs, kwnames, "doc");
  if (!name) return type_error("module() missing required argument 'name' (pos 1)");
  if (!is_str(name))
    return type_error(cat("module() argument 'name' must be str, not ", name->type->name));
  Ref<ModuleObject> m = Ref<ModuleObject>::steal(new_module(as_str(name)->utf8));
  if (doc && dict_set_str(m->dict, "__doc__", doc) < 0) return nullptr;
  for (const char* attr : {"__package__", "__loader__", "__spec__"})
    if (dict_set_str(m->dict, attr, None()) < 0) return nullptr;
  return m.release();
}

// types.MethodType(function, instance) (CPython: Objects/classobject.c method_new_impl).
Object* method_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("method", kwnames) || !check_nargs("method", nargs, 2, 2)) return nullptr;
  if (!callable_check(args[0])) return type_error("first argument must be callable");
  if (args[1] == None()) return type_error("instance must not be None");
  return new_method(args[0], args[1]);
}

}  // namespace

Object* new_method(Object* func, Object* self) {
  auto* m = make<MethodObject>();
  m->func = new_ref(func);
  m->self = new_ref(self);
  return m;
}

CellObject* new_cell(Object* value) {
  auto* c = make<CellObject>();
  c->ref = value;
  xincref(value);
  return c;
}

// ---- argument checks for built-in functions ----

bool check_no_kwargs(const char* fname, TupleObject* kwnames) {
  if (kwnames && !kwnames->items.empty()) {
    type_error(cat(fname, "() takes no keyword arguments"));
    return false;
  }
  return true;
}

std::string bound_method_name(Object* self, std::string_view name) {
  // A direct call `x.m()` reaches the method descriptor, whose errors name the class that
  // defines m (CPython: descrobject.c method_check_args over descr->d_type).
  auto* t = is_type_object(self) ? static_cast<TypeObject*>(self) : self->type;
  Ref<TupleObject> mro = Ref<TupleObject>::steal(type_mro_tuple(t));
  if (mro) {
    for (Object* c : mro->items) {
      auto* ct = static_cast<TypeObject*>(c);
      DictObject* d = type_dict(ct);  // a static type's lazily made methods included
      if (d && dict_get_str(d, name)) return cat(ct->qualname, ".", name);
    }
  } else {
    clear_error();
  }
  return cat(t->qualname, ".", name);
}

bool check_method_args(Object* self, const char* name, TupleObject* kw, size_t nargs, size_t min, size_t max) {
  if ((!kw || kw->items.empty()) && nargs >= min && nargs <= max) return true;
  const std::string fname = bound_method_name(self, name);  // only on the error path
  return check_no_kwargs(fname.c_str(), kw) && check_nargs(fname.c_str(), nargs, min, max);
}

bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  // CPython: METH_NOARGS and METH_O functions, then Python/getargs.c _PyArg_CheckPositional.
  if (min == max && min == 0) {
    type_error(cat(fname, "() takes no arguments (", nargs, " given)"));
  } else if (min == max && min == 1) {
    type_error(cat(fname, "() takes exactly one argument (", nargs, " given)"));
  } else if (nargs < min) {
    type_error(cat(fname, " expected ", min == max ? "" : "at least ", min, " argument", min == 1 ? "" : "s", ", got ",
                   nargs));
  } else {
    type_error(cat(fname, " expected ", min == max ? "" : "at most ", max, " argument", max == 1 ? "" : "s", ", got ",
                   nargs));
  }
  return false;
}

Object* find_kwarg(Object* const* args, size_t nargs, TupleObject* kwnames, std::string_view name) {
  if (!kwnames) return nullptr;
  for (size_t i = 0; i < kwnames->items.size(); ++i)
    if (as_str(kwnames->items[i])->view() == name) return args[nargs + i];
  return nullptr;
}

bool check_kwargs_allowed(const char* fname, TupleObject* kwnames, std::initializer_list<std::string_view> allowed) {
  if (!kwnames) return true;
  for (Object* k : kwnames->items) {
    bool ok = false;
    for (auto a : allowed) ok |= as_str(k)->view() == a;
    if (!ok) {
      unexpected_keyword_error(fname, as_str(k)->view(), allowed);
      return false;
    }
  }
  return true;
}

namespace {

std::string address(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", p);
  return buf;
}

// ---- function ----

Object* function_repr(Object* o) {
  auto* f = static_cast<FunctionObject*>(o);
  return new_str(cat("<function ", f->qualname->utf8, " at ", address(o), ">"));
}

Object* function_getattr(Object* o, StrObject* name) { return function_getattr_or_miss(o, name, true); }

// __defaults__ (None or a tuple) and __kwdefaults__ (None or a dict); deleting is setting
// None. CPython: Objects/funcobject.c func_set_defaults, func_set_kwdefaults
int function_defaults_set(FunctionObject* f, std::string_view n, Object* value) {
  if (value == None()) value = nullptr;
  bool tuple = n == "__defaults__";
  if (value && (tuple ? !is_tuple(value) : !is_dict(value))) {
    type_error(tuple ? "__defaults__ must be set to a tuple object" : "__kwdefaults__ must be set to a dict object");
    return -1;
  }
  if (tuple) {
    TupleObject* old = f->defaults;
    f->defaults = static_cast<TupleObject*>(value ? new_ref(value) : nullptr);
    xdecref(old);
  } else {
    DictObject* old = f->kwdefaults;
    f->kwdefaults = static_cast<DictObject*>(value ? new_ref(value) : nullptr);
    xdecref(old);
  }
  return 0;
}

int function_setattr(Object* o, StrObject* name, Object* value) {
  auto* f = static_cast<FunctionObject*>(o);
  std::string_view n = name->view();
  if (n == "__name__" || n == "__qualname__") {
    if (!value || !is_str(value)) {
      type_error(cat(n, " must be set to a string object"));
      return -1;
    }
    StrObject*& field = n == "__name__" ? f->name : f->qualname;
    StrObject* old = field;
    field = static_cast<StrObject*>(new_ref(value));
    decref(old);
    return 0;
  }
  if (n == "__annotations__" || n == "__annotate__" || n == "__type_params__")
    return function_annotation_set(f, n, value);
  if (n == "__defaults__" || n == "__kwdefaults__") return function_defaults_set(f, n, value);
  // CPython: Objects/funcobject.c func_memberlist (READONLY members) and func_set_code.
  if (n == "__globals__" || n == "__closure__" || n == "__builtins__") {
    set_error(&exc_AttributeError, "readonly attribute");
    return -1;
  }
  if (n == "__module__") {  // a plain member: deleting leaves None
    Object* old = f->module;
    f->module = value ? new_ref(value) : nullptr;
    xdecref(old);
    return 0;
  }
  if (n == "__code__") {
    if (!value || value->type != &code_type) {
      type_error("__code__ must be set to a code object");
      return -1;
    }
    auto* code = static_cast<CodeObject*>(value);
    size_t nclosure = f->closure ? f->closure->items.size() : 0;
    if (code->freenames.size() != nclosure) {
      value_error(cat(f->name->utf8, "() requires a code object with ", nclosure, " free vars, not ",
                      code->freenames.size()));
      return -1;
    }
    CodeObject* old = f->code;
    f->code = static_cast<CodeObject*>(new_ref(value));
    xdecref(old);
    return 0;
  }
  if (!f->dict) f->dict = new_dict();
  if (value) return dict_set_item(f->dict, name, value);
  return dict_del_item(f->dict, name);
}

// ---- built-in function ----

Object* builtin_call(Object* callable, Object* const* args, size_t nargs, TupleObject* kwnames) {
  auto* f = static_cast<BuiltinFunctionObject*>(callable);
  if (f->is_method) {
    if (nargs < 1) return type_error(cat("unbound method ", f->owner->name, ".", f->name, "() needs an argument"));
    if (!isinstance_of(args[0], f->owner))
      return type_error(cat("descriptor '", f->name, "' for '", f->owner->name, "' objects doesn't apply to a '",
                            args[0]->type->name, "' object"));
    return f->fn(nullptr, args, nargs, kwnames);
  }
  if (!f->self) return f->fn(nullptr, args, nargs, kwnames);
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  Object* small[8];
  std::vector<Object*> big;
  Object** full = small;
  if (nargs + nkw + 1 > 8) {
    big.resize(nargs + nkw + 1);
    full = big.data();
  }
  full[0] = f->self;
  for (size_t i = 0; i < nargs + nkw; ++i) full[i + 1] = args[i];
  return f->fn(nullptr, full, nargs + 1, kwnames);
}

Object* builtin_repr(Object* o) {
  auto* f = static_cast<BuiltinFunctionObject*>(o);
  if (f->is_method) return new_str(cat("<method '", f->name, "' of '", f->owner->name, "' objects>"));
  if (f->self)
    return new_str(cat("<built-in method ", f->name, " of ", f->self->type->name, " object at ", address(f->self), ">"));
  return new_str(cat("<built-in function ", f->name, ">"));
}

Object* builtin_getattr(Object* o, StrObject* name) {
  auto* f = static_cast<BuiltinFunctionObject*>(o);
  if (name->view() == "__name__") return new_str(f->name);
  if (name->view() == "__qualname__") {
    // A method's is its type's qualified name and its own (CPython: methodobject.c
    // meth_get__qualname__, descrobject.c descr_get_qualname).
    const TypeObject* owner = nullptr;
    if (f->is_method) owner = f->owner;
    else if (f->self && f->self->type != &module_type)
      owner = is_type_object(f->self) ? static_cast<const TypeObject*>(f->self) : f->self->type;
    if (owner) return new_str(cat(owner->qualname, ".", f->name));
    return new_str(f->name);
  }
  if (name->view() == "__self__") return new_ref(f->self ? f->self : None());
  if (name->view() == "__module__" && !f->is_method)
    return f->module_name ? new_ref(f->module_name) : builtin_function_module(f->self);
  // A method descriptor's class (CPython: descrobject.c descr_members, __objclass__).
  if (f->is_method && name->view() == "__objclass__") return new_ref<Object>(f->owner);
  return generic_getattr(o, name);
}

// ---- bound method ----

Object* method_call(Object* callable, Object* const* args, size_t nargs, TupleObject* kwnames) {
  auto* m = static_cast<MethodObject*>(callable);
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  Object* small[8];
  std::vector<Object*> big;
  Object** full = small;
  if (nargs + nkw + 1 > 8) {
    big.resize(nargs + nkw + 1);
    full = big.data();
  }
  full[0] = m->self;
  for (size_t i = 0; i < nargs + nkw; ++i) full[i + 1] = args[i];
  return call(m->func, full, nargs + 1, kwnames);
}

Object* method_repr(Object* o) {
  auto* m = static_cast<MethodObject*>(o);
  Object* self_repr = object_repr(m->self);
  if (!self_repr) return nullptr;
  // CPython: Objects/classobject.c method_repr: the function's __qualname__, else its
  // __name__, else "?".
  std::string fname = "?";
  if (m->func->type == &function_type) {
    fname = static_cast<FunctionObject*>(m->func)->qualname->utf8;
  } else {
    for (const char* attr : {"__qualname__", "__name__"}) {
      int error = 0;
      Ref<> n = Ref<>::steal(lookup_attr(m->func, intern(attr), &error));
      if (error) {
        decref(self_repr);
        return nullptr;
      }
      if (n && is_str(n.get())) {
        fname = as_str(n.get())->utf8;
        break;
      }
    }
  }
  Object* r = new_str(cat("<bound method ", fname, " of ", as_str(self_repr)->utf8, ">"));
  decref(self_repr);
  return r;
}

Object* method_getattr(Object* o, StrObject* name) {
  auto* m = static_cast<MethodObject*>(o);
  if (name->view() == "__self__") return new_ref(m->self);
  if (name->view() == "__func__") return new_ref(m->func);
  return get_attr(m->func, name);
}

Object* method_richcompare(Object* a, Object* b, CompareOp op) {
  if (b->type != &method_type || (op != CompareOp::eq && op != CompareOp::ne)) return new_ref(NotImplemented());
  auto* x = static_cast<MethodObject*>(a);
  auto* y = static_cast<MethodObject*>(b);
  bool eq = x->func == y->func && x->self == y->self;
  return new_bool(op == CompareOp::eq ? eq : !eq);
}

// ---- module ----

Object* module_getattr(Object* o, StrObject* name) { return module_getattr_or_miss(o, name, true); }

// The lazily made attributes of sys (Interpreter::lazy_sys_attributes) that reading
// `name` asks for: each maker runs once, and leaves the list before it runs.
static int make_lazy_sys_attributes(Interpreter* interp, std::string_view name) {
  auto& lazy = interp->lazy_sys_attributes;
  for (std::size_t i = 0; i < lazy.size();) {
    if (name != "__dict__" && !lazy[i].names(name)) {
      ++i;
      continue;
    }
    int (*make)(Interpreter*) = lazy[i].make;
    lazy.erase(lazy.begin() + static_cast<std::ptrdiff_t>(i));
    if (make(interp) < 0) return -1;
    i = 0;  // a maker may have removed others
  }
  return 0;
}

// CPython: Objects/object.c _PyObject_GenericSetAttrWithDict, a module's tp_setattro: the
// type's data descriptors (a ModuleType subclass's properties, __class__), then the
// namespace. A lazily made attribute of sys is made first, so that assigning or deleting
// it replaces what a read would have shown.
int module_setattr(Object* o, StrObject* name, Object* value) {
  auto* m = static_cast<ModuleObject*>(o);
  Ref<> descr = Ref<>::borrow(type_lookup(o->type, name));
  if (descr && descr_is_data(descr.get())) return descr_set(descr.get(), o, value);
  if (name->view() == "__class__") return set_object_class(o, value);
  if (name->view() == "__dict__") {  // CPython: module_members' READONLY __dict__
    set_error(&exc_AttributeError, "readonly attribute");
    return -1;
  }
  Interpreter* interp = get_thread_state()->interp;
  if (m == interp->sys_module && !interp->lazy_sys_attributes.empty() && !dict_get_item(m->dict, name) &&
      make_lazy_sys_attributes(interp, name->view()) < 0)
    return -1;
  if (value) return dict_set_item(m->dict, name, value);
  if (!dict_get_item(m->dict, name)) {
    attribute_error(o, name, cat("'", o->type->name, "' object has no attribute '", name->utf8, "'"));
    return -1;
  }
  return dict_del_item(m->dict, name);
}

Object* module_repr(Object* o) {
  auto* m = static_cast<ModuleObject*>(o);
  std::string mname = "?";
  if (Object* n = dict_get_str(m->dict, "__name__"); n && is_str(n)) mname = as_str(n)->utf8;
  if (Object* f = dict_get_str(m->dict, "__file__"); f && is_str(f))
    return new_str(cat("<module '", mname, "' from '", as_str(f)->utf8, "'>"));
  // A module made by ModuleType() has no loader (CPython: importlib _module_repr_from_spec).
  if (dict_get_str(m->dict, "__loader__") == None() && dict_get_str(m->dict, "__spec__") == None())
    return new_str(cat("<module '", mname, "'>"));
  return new_str(cat("<module '", mname, "' (built-in)>"));
}

// ---- super ----

// CPython: Objects/typeobject.c super_getattro: the attribute of the first class after
// the start type in the MRO of obj's type (or of obj, when obj is a class); bound to obj,
// or to nothing when obj is that class itself. __class__ is the super object's own.
Object* super_getattr(Object* o, StrObject* name) {
  auto* s = static_cast<SuperObject*>(o);
  if (!s->obj || name->view() == "__class__") return generic_getattr(o, name);
  TypeObject* start = s->obj->type;
  if (is_type_object(s->obj) && is_subtype(static_cast<TypeObject*>(s->obj), s->start_type))
    start = static_cast<TypeObject*>(s->obj);
  Ref<TupleObject> mro = Ref<TupleObject>::steal(type_mro_tuple(start));
  size_t i = 0;
  while (i < mro->items.size() && mro->items[i] != s->start_type) ++i;
  for (++i; i < mro->items.size(); ++i) {
    auto* t = static_cast<TypeObject*>(mro->items[i]);
    Object* v = type_lookup_own(t, name);
    if (!v) continue;
    Ref<> attr = Ref<>::borrow(v);
    return descr_bind(attr.get(), s->obj == start ? nullptr : s->obj, start);
  }
  return set_error(&exc_AttributeError, cat("'super' object has no attribute '", name->utf8, "'"));
}

Object* super_new(TypeObject*, Object* const* args, size_t nargs, TupleObject*) {
  if (nargs == 0) return set_error(&exc_RuntimeError, "super(): no arguments");
  // CPython: Objects/typeobject.c super_vectorcall (_PyArg_CheckPositional).
  if (nargs > 2) return type_error(cat("super() expected at most 2 arguments, got ", nargs));
  if (!is_type_object(args[0]))
    return type_error(cat("super() argument 1 must be a type, not ", args[0]->type->name));
  if (nargs == 1 || args[1] == None()) {
    // An unbound super object: super(C).attr finds nothing but its own attributes.
    auto* s = make<SuperObject>();
    s->start_type = new_ref(static_cast<TypeObject*>(args[0]));
    return s;
  }
  return new_super(static_cast<TypeObject*>(args[0]), args[1]);
}

Object* super_repr(Object* o) {
  auto* s = static_cast<SuperObject*>(o);
  if (!s->obj) return new_str(cat("<super: <class '", s->start_type->name, "'>, NULL>"));
  return new_str(cat("<super: <class '", s->start_type->name, "'>, <", s->obj->type->name, " object>>"));
}

// CPython: Objects/funcobject.c func_descr_get: a function bound to an instance.
Object* function_descr_get(Object* self, Object* obj, TypeObject*) {
  if (!obj || obj == None()) return new_ref(self);
  return new_method(self, obj);
}

Object* function_get_method(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!check_no_kwargs("__get__", kw) || !check_nargs("__get__", nargs, 2, 3)) return nullptr;
  if (args[1] == None() && (nargs < 3 || args[2] == None())) return type_error("__get__(None, None) is invalid");
  return function_descr_get(args[0], args[1], nullptr);
}

Object* cell_repr(Object* o) { return new_str(cat("<cell at ", address(o), ">")); }

// types.CellType(contents=<empty>, /) (CPython: Objects/cellobject.c cell_new).
Object* cell_new(TypeObject*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("cell", kw) || !check_nargs("cell", n, 0, 1)) return nullptr;
  return new_cell(n ? a[0] : nullptr);
}

// CPython: Objects/cellobject.c cell_get_contents / cell_set_contents: reading an empty
// cell is a ValueError; deleting the contents empties the cell.
Object* cell_getattr(Object* o, StrObject* name) {
  if (name->view() == "cell_contents") {
    auto* c = static_cast<CellObject*>(o);
    if (!c->ref) return set_error(&exc_ValueError, "Cell is empty");
    return new_ref(c->ref);
  }
  return generic_getattr(o, name);
}

int cell_setattr(Object* o, StrObject* name, Object* value) {
  if (name->view() == "cell_contents") {
    auto* c = static_cast<CellObject*>(o);
    Object* old = c->ref;
    c->ref = value ? new_ref(value) : nullptr;
    xdecref(old);
    return 0;
  }
  return generic_setattr(o, name, value);
}

}  // namespace

Object* new_super(TypeObject* type, Object* obj) {
  bool ok = isinstance_of(obj, type) || (is_type_object(obj) && is_subtype(static_cast<TypeObject*>(obj), type));
  // CPython: Objects/typeobject.c supercheck
  if (!ok) {
    const bool is_type = is_type_object(obj);
    return type_error(cat("super(type, obj): obj (", is_type ? "type " : "instance of ",
                          is_type ? static_cast<TypeObject*>(obj)->name : obj->type->name,
                          ") is not an instance or subtype of type (", type->name, ")."));
  }
  auto* s = make<SuperObject>();
  s->start_type = new_ref(type);
  s->obj = new_ref(obj);
  return s;
}

void init_function_types() {
  make_static_type(&function_type, &type_type, "function", &object_type, 0);
  make_static_type(&builtin_function_type, &type_type, "builtin_function_or_method", &object_type, 0);
  make_static_type(&method_type, &type_type, "method", &object_type, 0);
  make_static_type(&module_type, &type_type, "module", &object_type);
  make_static_type(&cell_type, &type_type, "cell", &object_type, 0);
  make_static_type(&super_type, &type_type, "super", &object_type);
  function_type.tp_repr = function_repr;
  function_type.tp_new = function_new;
  function_type.tp_getattr = function_getattr;
  function_type.tp_setattr = function_setattr;
  function_type.tp_hash = object_identity_hash;
  function_type.tp_descr_get = function_descr_get;
  builtin_function_type.tp_call = builtin_call;
  builtin_function_type.tp_repr = builtin_repr;
  builtin_function_type.tp_getattr = builtin_getattr;
  builtin_function_type.tp_hash = object_identity_hash;
  method_type.tp_call = method_call;
  method_type.tp_repr = method_repr;
  method_type.tp_getattr = method_getattr;
  method_type.tp_richcompare = method_richcompare;
  method_type.tp_hash = object_identity_hash;
  method_type.tp_new = method_new;
  module_type.tp_getattr = module_getattr;
  module_type.tp_setattr = module_setattr;
  module_type.tp_repr = module_repr;
  module_type.tp_hash = object_identity_hash;
  module_type.tp_new = module_new;
  cell_type.tp_repr = cell_repr;
  cell_type.tp_new = cell_new;
  cell_type.tp_getattr = cell_getattr;
  cell_type.tp_setattr = cell_setattr;
  super_type.tp_new = super_new;
  super_type.tp_getattr = super_getattr;
  super_type.tp_repr = super_repr;
}

void init_function_methods() { add_method(&function_type, "__get__", function_get_method); }

// ---- attribute lookups that may report a plain miss (attr_lookup.hpp) ----

// CPython: Objects/moduleobject.c _Py_module_getattro_impl: the type's data descriptors,
// the module's namespace, the type's other attributes, then the module's own __getattr__
// (PEP 562). A plain module's type has no data descriptor that a namespace name could
// stand behind (its __dict__, __class__ and __annotations__ are answered here), so its
// namespace is read first.
Object* module_getattr_or_miss(Object* o, StrObject* name, bool raise_on_miss) {
  auto* m = static_cast<ModuleObject*>(o);
  Ref<> descr;
  if (o->type != &module_type) {
    descr = Ref<>::borrow(type_lookup(o->type, name));
    if (descr && descr_has_get(descr.get()) && descr_is_data(descr.get())) return descr_get(descr.get(), o, o->type);
  }
  if (m->dict)
    if (Object* v = dict_get_str(m->dict, name)) return new_ref(v);
  // Attributes of sys made on their first read (Interpreter::lazy_sys_attributes).
  Interpreter* interp = get_thread_state()->interp;
  if (m == interp->sys_module && !interp->lazy_sys_attributes.empty() && m->dict) {
    if (make_lazy_sys_attributes(interp, name->view()) < 0) return nullptr;
    if (Object* v = dict_get_str(m->dict, name)) return new_ref(v);
  }
  if (name->view() == "__dict__") return new_ref<Object>(m->dict);
  if (m->dict && (name->view() == "__annotations__" || name->view() == "__annotate__"))
    return module_annotation_get(m, name->view());
  if (name->view() == "__class__") return new_ref<Object>(o->type);
  if (o->type == &module_type) descr = Ref<>::borrow(type_lookup(o->type, name));
  if (descr) return descr_bind(descr.get(), o, o->type);
  if (m->dict)
    if (Object* hook = dict_get_str(m->dict, "__getattr__")) {
      Object* arg = name;
      return call(hook, &arg, 1, nullptr);
    }
  if (!raise_on_miss) return nullptr;
  std::string mname = "?";
  if (m->dict)
    if (Object* n = dict_get_str(m->dict, "__name__"); n && is_str(n)) mname = as_str(n)->utf8;
  return attribute_error(o, name, cat("module '", mname, "' has no attribute '", name->utf8, "'"));
}

Object* function_getattr_or_miss(Object* o, StrObject* name, bool raise_on_miss) {
  auto* f = static_cast<FunctionObject*>(o);
  std::string_view n = name->view();
  if (n == "__name__") return new_ref<Object>(f->name);
  if (n == "__qualname__") return new_ref<Object>(f->qualname);
  if (n == "__module__") return new_ref(f->module ? f->module : None());
  if (n == "__defaults__") return new_ref<Object>(f->defaults ? static_cast<Object*>(f->defaults) : None());
  if (n == "__globals__") return new_ref<Object>(f->globals);
  if (n == "__builtins__") return new_ref<Object>(f->builtins);
  if (n == "__code__") return new_ref<Object>(static_cast<Object*>(f->code));
  if (n == "__closure__") return new_ref<Object>(f->closure ? static_cast<Object*>(f->closure) : None());
  if (n == "__kwdefaults__") return new_ref<Object>(f->kwdefaults ? static_cast<Object*>(f->kwdefaults) : None());
  if (n == "__dict__") {
    if (!f->dict) f->dict = new_dict();
    return new_ref<Object>(f->dict);
  }
  if (n.starts_with("__") && (n == "__annotations__" || n == "__annotate__" || n == "__type_params__"))
    return function_annotation_get(f, n);
  if (f->dict)
    if (Object* v = dict_get_str(f->dict, name)) return new_ref(v);
  if (n == "__doc__") return new_ref(f->code->doc ? f->code->doc : None());
  return generic_getattr_or_miss(o, name, raise_on_miss);
}

Object* builtin_function_module(Object* self) {
  if (self && self->type == &module_type) {
    DictObject* d = static_cast<ModuleObject*>(self)->dict;
    if (Object* module_name = d ? dict_get_str(d, "__name__") : nullptr) return new_ref(module_name);
  }
  return new_none();
}

}  // namespace gopy
