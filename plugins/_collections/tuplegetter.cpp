// _collections._tuplegetter(index, doc): the read-only field descriptor of a namedtuple
// class, giving item `index` of the tuple (CPython: Modules/_collectionsmodule.c
// tuplegetter_descr_get).
#include <string>

#include "collections_internal.hpp"

namespace gopy::collections {
namespace {

struct TupleGetterObject : GcObject {
  ssize index;
  Object* doc;  // owned
  TupleGetterObject(TypeObject* t, ssize i, Object* d) : GcObject(t), index(i), doc(new_ref(d)) { incref(t); }
  ~TupleGetterObject() override { clear_refs(); }
  void clear_refs() override {
    Object* d = doc;
    doc = nullptr;
    xdecref(d);
    release_type(this);
  }
  int traverse(VisitFn visit, void* arg) override {
    if (int r = visit_ref(doc, visit, arg)) return r;
    return visit_type(this, visit, arg);
  }
};

TupleGetterObject* as_getter(Object* o) { return static_cast<TupleGetterObject*>(o); }

// _tuplegetter(index, doc, /). CPython: tuplegetter_new_impl
Object* getter_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("_tuplegetter", kwnames) || !check_nargs("_tuplegetter", nargs, 2, 2)) return nullptr;
  ssize index;
  if (!index_as_ssize(args[0], &index)) return nullptr;
  return make<TupleGetterObject>(type, index, args[1]);
}

Object* getter_get(Object* descr, Object* obj, TypeObject*) {
  TupleGetterObject* g = as_getter(descr);
  if (obj == nullptr || obj == None()) return new_ref(descr);
  if (!is_tuple(obj))
    return type_error("descriptor for index '" + std::to_string(g->index) +
                      "' for tuple subclasses doesn't apply to '" + type_name(obj) + "' object");
  auto* t = static_cast<TupleObject*>(obj);
  if (g->index < 0 || g->index >= ssize(t->items.size())) return index_error("tuple index out of range");
  return new_ref(t->items[size_t(g->index)]);
}

int getter_set(Object*, Object*, Object* value) {
  set_error(&exc_AttributeError, value ? "can't set attribute" : "can't delete attribute");
  return -1;
}

Object* getter_getattr(Object* self, StrObject* name) {
  if (name->view() == "__doc__") return new_ref(as_getter(self)->doc);
  return generic_getattr(self, name);
}

int getter_setattr(Object* self, StrObject* name, Object* value) {
  if (name->view() == "__doc__") {
    TupleGetterObject* g = as_getter(self);
    Object* old = g->doc;
    g->doc = new_ref(value ? value : None());
    xdecref(old);
    return 0;
  }
  return generic_setattr(self, name, value);
}

// CPython: tuplegetter_repr
Object* getter_repr(Object* self) {
  TupleGetterObject* g = as_getter(self);
  Ref<> doc = Ref<>::steal(object_repr(g->doc));
  if (!doc) return nullptr;
  return new_str(self->type->name + "(" + std::to_string(g->index) + ", " + as_str(doc.get())->utf8 + ")");
}

Object* m_get(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__get__", kw) || !check_nargs("__get__", n - 1, 1, 2)) return nullptr;
  return getter_get(a[0], a[1], nullptr);
}

}  // namespace

int add_tuplegetter(ModuleObject* module) {
  Ref<TypeObject> t = Ref<TypeObject>::steal(new_native_type("_tuplegetter", "collections"));
  if (!t) return -1;
  t->tp_new = getter_new;
  t->tp_descr_get = getter_get;
  t->tp_descr_set = getter_set;
  t->tp_getattr = getter_getattr;
  t->tp_setattr = getter_setattr;
  t->tp_repr = getter_repr;
  add_method(t.get(), "__get__", m_get);
  return dict_set_str(module->dict, "_tuplegetter", t.get());
}

}  // namespace gopy::collections
