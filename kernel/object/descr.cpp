// The built-in descriptor types a class body uses: property, classmethod and
// staticmethod (CPython: Objects/descrobject.c property_*, Objects/funcobject.c cm_*,
// sm_*).
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/typevar.hpp"
#include "object/args.hpp"
#include "object/descr_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject property_type, classmethod_type, staticmethod_type;

void PropertyObject::clear_refs() {
  for (Object** field : {&fget, &fset, &fdel, &doc, &name}) xdecref(std::exchange(*field, nullptr));
}

int PropertyObject::traverse(VisitFn visit, void* arg) {
  for (Object* field : {fget, fset, fdel, doc, name})
    if (int r = visit_ref(field, visit, arg)) return r;
  return 0;
}

void WrapperDescrObject::clear_refs() {
  xdecref(std::exchange(func, nullptr));
  xdecref(std::exchange(dict, nullptr));
}

int WrapperDescrObject::traverse(VisitFn visit, void* arg) {
  if (int r = visit_ref(func, visit, arg)) return r;
  return visit_ref(dict, visit, arg);
}

namespace {

PropertyObject* as_property(Object* o) { return static_cast<PropertyObject*>(o); }
WrapperDescrObject* as_wrapper(Object* o) { return static_cast<WrapperDescrObject*>(o); }

Object* or_none(Object* o) { return new_ref(o ? o : None()); }

// ---- property ----

// CPython: Objects/descrobject.c property_name: the name __set_name__ gave, else fget's.
Ref<> property_name(PropertyObject* p) {
  if (p->name) return Ref<>::borrow(p->name);
  if (!p->fget) return nullptr;
  int error;
  Ref<> n = Ref<>::steal(lookup_attr(p->fget, intern("__name__"), &error));
  if (error) clear_error();
  return n;
}

// CPython: Objects/descrobject.c property_descr_get / property_descr_set: the error
// names the property and the class when it can ("property 'x' of 'C' object has no setter").
Object* missing_accessor(PropertyObject* p, Object* obj, const char* which) {
  Ref<> name = property_name(p);
  Ref<> name_repr = name ? Ref<>::steal(object_repr(name.get())) : nullptr;
  if (name && !name_repr) return nullptr;
  std::string owner = obj ? cat("'", obj->type->qualname, "'") : "";
  if (name_repr && obj)
    return set_error(&exc_AttributeError, cat("property ", as_str(name_repr.get())->utf8, " of ", owner,
                                              " object has no ", which));
  if (obj) return set_error(&exc_AttributeError, cat("property of ", owner, " object has no ", which));
  if (name_repr)
    return set_error(&exc_AttributeError, cat("property ", as_str(name_repr.get())->utf8, " has no ", which));
  return set_error(&exc_AttributeError, cat("property has no ", which));
}

Object* property_get(Object* self, Object* obj, TypeObject*) {
  if (!obj || obj == None()) return new_ref(self);
  PropertyObject* p = as_property(self);
  if (!p->fget) return missing_accessor(p, obj, "getter");
  Ref<> fget = Ref<>::borrow(p->fget);
  return call1(fget.get(), obj);
}

int property_set(Object* self, Object* obj, Object* value) {
  PropertyObject* p = as_property(self);
  Object* fn = value ? p->fset : p->fdel;
  if (!fn) {
    missing_accessor(p, obj, value ? "setter" : "deleter");
    return -1;
  }
  Ref<> hold = Ref<>::borrow(fn);
  Ref<> r = Ref<>::steal(value ? call2(fn, obj, value) : call1(fn, obj));
  return r ? 0 : -1;
}

// CPython: Objects/descrobject.c property_init_impl: the doc defaults to fget's; a
// property subclass keeps it in the instance's __dict__.
int property_fill(PropertyObject* p, Object* fget, Object* fset, Object* fdel, Object* doc) {
  auto keep = [](Object* o) { return o && o != None() ? new_ref(o) : nullptr; };
  p->fget = keep(fget);
  p->fset = keep(fset);
  p->fdel = keep(fdel);
  p->doc = keep(doc);
  p->getter_doc = false;
  if (!p->doc && p->fget) {
    int error;
    Object* d = lookup_attr(p->fget, intern("__doc__"), &error);
    if (error) return -1;
    if (d && d != None()) {
      p->doc = d;
      p->getter_doc = true;
    } else {
      xdecref(d);
    }
  }
  return 0;
}

Object* property_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kwnames) {
  Object* a[4] = {};
  if (!bind_args("property", args, nargs, kwnames, {"fget", "fset", "fdel", "doc"}, 0, a)) return nullptr;
  (void)type;  // a subclass's instance is re-typed by builtin_subclass_new
  auto* p = make<PropertyObject>();
  if (property_fill(p, a[0], a[1], a[2], a[3]) < 0) {
    decref(p);
    return nullptr;
  }
  return p;
}

// CPython: Objects/descrobject.c property_copy: type(self)(fget, fset, fdel, doc), the
// doc left to the new getter when it came from the old one.
Object* property_copy(Object* self, Object* fget, Object* fset, Object* fdel) {
  PropertyObject* p = as_property(self);
  Ref<> get = Ref<>::borrow(fget ? fget : p->fget ? p->fget : None());
  Ref<> set = Ref<>::borrow(fset ? fset : p->fset ? p->fset : None());
  Ref<> del = Ref<>::borrow(fdel ? fdel : p->fdel ? p->fdel : None());
  Ref<> doc = Ref<>::borrow(p->getter_doc && get.get() != None() ? None() : p->doc ? p->doc : None());
  Object* argv[4] = {get.get(), set.get(), del.get(), doc.get()};
  Object* made = call(p->type, argv, 4, nullptr);
  if (made && isinstance_of(made, &property_type)) {
    PropertyObject* q = as_property(made);
    Object* old = q->name;
    q->name = p->name ? new_ref(p->name) : nullptr;
    xdecref(old);
  }
  return made;
}

bool check_property_self(const char* fname, Object* const* args, size_t nargs, size_t want) {
  if (nargs == 0 || !isinstance_of(args[0], &property_type)) {
    type_error(cat("descriptor '", fname, "' for 'property' objects doesn't apply to a '",
                   nargs ? args[0]->type->name : std::string("NoneType"), "' object"));
    return false;
  }
  return check_nargs(fname, nargs - 1, want, want);
}

Object* property_getter(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!check_no_kwargs("getter", kw) || !check_property_self("getter", args, nargs, 1)) return nullptr;
  return property_copy(args[0], args[1], nullptr, nullptr);
}
Object* property_setter(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!check_no_kwargs("setter", kw) || !check_property_self("setter", args, nargs, 1)) return nullptr;
  return property_copy(args[0], nullptr, args[1], nullptr);
}
Object* property_deleter(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!check_no_kwargs("deleter", kw) || !check_property_self("deleter", args, nargs, 1)) return nullptr;
  return property_copy(args[0], nullptr, nullptr, args[1]);
}

Object* property_get_method(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!check_no_kwargs("__get__", kw) || !check_nargs("__get__", nargs, 2, 3)) return nullptr;
  Object* obj = args[1] == None() ? nullptr : args[1];
  return property_get(args[0], obj, nullptr);
}
Object* property_set_method(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!check_no_kwargs("__set__", kw) || !check_nargs("__set__", nargs, 3, 3)) return nullptr;
  if (property_set(args[0], args[1], args[2]) < 0) return nullptr;
  return new_none();
}
Object* property_delete_method(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!check_no_kwargs("__delete__", kw) || !check_nargs("__delete__", nargs, 2, 2)) return nullptr;
  if (property_set(args[0], args[1], nullptr) < 0) return nullptr;
  return new_none();
}
// CPython 3.13+: property.__set_name__ remembers the attribute name for messages.
Object* property_set_name_method(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!check_no_kwargs("__set_name__", kw) || !check_nargs("__set_name__", nargs, 3, 3)) return nullptr;
  PropertyObject* p = as_property(args[0]);
  Object* old = p->name;
  p->name = new_ref(args[2]);
  xdecref(old);
  return new_none();
}

Object* property_getattr(Object* self, StrObject* name) {
  PropertyObject* p = as_property(self);
  std::string_view n = name->view();
  if (n == "fget") return or_none(p->fget);
  if (n == "fset") return or_none(p->fset);
  if (n == "fdel") return or_none(p->fdel);
  if (n == "__doc__") return or_none(p->doc);
  if (n == "__name__") {
    Ref<> pn = property_name(p);
    if (pn) return pn.release();
    if (error_occurred()) return nullptr;
    return set_error(&exc_AttributeError, cat("'", self->type->name, "' object has no attribute '__name__'"));
  }
  if (n == "__isabstractmethod__") {
    for (Object* f : {p->fget, p->fset, p->fdel}) {
      if (!f) continue;
      int error;
      Ref<> v = Ref<>::steal(lookup_attr(f, name, &error));
      if (error) return nullptr;
      if (v) {
        int t = object_is_true(v.get());
        if (t < 0) return nullptr;
        if (t) return new_bool(true);
      }
    }
    return new_bool(false);
  }
  return generic_getattr(self, name);
}

int property_setattr(Object* self, StrObject* name, Object* value) {
  if (name->view() == "__doc__") {
    PropertyObject* p = as_property(self);
    Object* old = p->doc;
    p->doc = value && value != None() ? new_ref(value) : nullptr;
    xdecref(old);
    return 0;
  }
  return generic_setattr(self, name, value);
}

// ---- classmethod and staticmethod ----

// CPython: Objects/funcobject.c functools_wraps: the wrapper takes the function's
// __module__, __name__, __qualname__, __doc__ and keeps it as __wrapped__.
int copy_wrapped_attrs(WrapperDescrObject* w) {
  if (!w->dict) w->dict = new_dict();
  for (const char* attr : {"__module__", "__name__", "__qualname__", "__doc__"}) {
    int error;
    Ref<> v = Ref<>::steal(lookup_attr(w->func, intern(attr), &error));
    if (error) return -1;
    if (v && dict_set_str(w->dict, attr, v.get()) < 0) return -1;
  }
  return dict_set_str(w->dict, "__wrapped__", w->func);
}

Object* wrapper_new(TypeObject* exact, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (kwnames && !kwnames->items.empty())
    return type_error(cat(exact->name, "() takes no keyword arguments"));
  if (nargs != 1) return type_error(cat(exact->name, " expected 1 argument, got ", nargs));
  auto* w = make<WrapperDescrObject>(exact);  // a subclass's: re-typed by builtin_subclass_new
  w->func = new_ref(args[0]);
  if (copy_wrapped_attrs(w) < 0) {
    decref(w);
    return nullptr;
  }
  return w;
}

Object* classmethod_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return wrapper_new(&classmethod_type, args, nargs, kwnames);
}
Object* staticmethod_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return wrapper_new(&staticmethod_type, args, nargs, kwnames);
}

// CPython: Objects/funcobject.c cm_descr_get (3.13+: no chaining through __get__).
Object* classmethod_get(Object* self, Object* obj, TypeObject* type) {
  Object* owner = type ? static_cast<Object*>(type) : obj ? static_cast<Object*>(obj->type) : nullptr;
  if (!owner) return type_error("classmethod.__get__(None, None) is invalid");
  return new_method(as_wrapper(self)->func, owner);
}

Object* staticmethod_get(Object* self, Object*, TypeObject*) { return new_ref(as_wrapper(self)->func); }

Object* staticmethod_call(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return call(as_wrapper(self)->func, args, nargs, kwnames);
}

Object* wrapper_repr(Object* self) {
  Ref<> inner = Ref<>::steal(object_repr(as_wrapper(self)->func));
  if (!inner) return nullptr;
  return new_str(cat("<", self->type->name, "(", as_str(inner.get())->utf8, ")>"));
}

DictObject** wrapper_dict_slot(Object* o) { return &as_wrapper(o)->dict; }

Object* wrapper_getattr(Object* self, StrObject* name) {
  std::string_view n = name->view();
  if (n == "__func__") return new_ref(as_wrapper(self)->func);
  if (n == "__isabstractmethod__") {
    int error;
    Object* v = lookup_attr(as_wrapper(self)->func, name, &error);
    if (v || error) return v;
    return new_bool(false);
  }
  // The wrapped function's annotations, unless set on the wrapper itself.
  // CPython: Objects/funcobject.c cm_get___annotations__, cm_get___annotate__
  if ((n == "__annotations__" || n == "__annotate__") && !object_own_attr(self, name))
    return get_attr(as_wrapper(self)->func, name);
  return generic_getattr(self, name);
}

Object* wrapper_get_method(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!check_no_kwargs("__get__", kw) || !check_nargs("__get__", nargs, 2, 3)) return nullptr;
  Object* obj = args[1] == None() ? nullptr : args[1];
  Object* type = nargs == 3 && args[2] != None() ? args[2] : nullptr;
  if (type && !is_type_object(type)) return type_error("__get__(None, None) is invalid");
  return args[0]->type->tp_descr_get(args[0], obj, static_cast<TypeObject*>(type));
}

void init_property_methods() {
  add_method(&property_type, "getter", property_getter);
  add_method(&property_type, "setter", property_setter);
  add_method(&property_type, "deleter", property_deleter);
  add_method(&property_type, "__get__", property_get_method);
  add_method(&property_type, "__set__", property_set_method);
  add_method(&property_type, "__delete__", property_delete_method);
  add_method(&property_type, "__set_name__", property_set_name_method);
}
void init_classmethod_methods() {
  add_method(&classmethod_type, "__get__", wrapper_get_method);
  add_class_getitem(&classmethod_type);
}
void init_staticmethod_methods() {
  add_method(&staticmethod_type, "__get__", wrapper_get_method);
  add_class_getitem(&staticmethod_type);
}

void init_wrapper_type(TypeObject* t, const char* name, NewFn new_fn, DescrGetFn get) {
  make_static_type(t, &type_type, name, &object_type);
  t->tp_new = new_fn;
  t->tp_descr_get = get;
  t->tp_repr = wrapper_repr;
  t->tp_getattr = wrapper_getattr;
  t->tp_setattr = generic_setattr;
  t->instance_dict = wrapper_dict_slot;
  t->tp_hash = object_identity_hash;
}

}  // namespace

void init_descriptor_types() {
  make_static_type(&property_type, &type_type, "property", &object_type);
  property_type.tp_new = property_new;
  property_type.tp_descr_get = property_get;
  property_type.tp_descr_set = property_set;
  property_type.tp_getattr = property_getattr;
  property_type.tp_setattr = property_setattr;
  property_type.tp_hash = object_identity_hash;
  init_wrapper_type(&classmethod_type, "classmethod", classmethod_new, classmethod_get);
  init_wrapper_type(&staticmethod_type, "staticmethod", staticmethod_new, staticmethod_get);
  staticmethod_type.tp_call = staticmethod_call;
  property_type.lazy_methods = init_property_methods;
  classmethod_type.lazy_methods = init_classmethod_methods;
  staticmethod_type.lazy_methods = init_staticmethod_methods;
}

}  // namespace gopy
