// types.SimpleNamespace: an object whose attributes live in its own dict, shown as
// "namespace(a=1, b='x')" (a subclass's name for its instances) in insertion order, equal to another namespace when their dicts
// are equal (CPython: Objects/namespaceobject.c).
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject simple_namespace_type;

void NamespaceObject::clear_refs() {
  DictObject* d = dict;
  dict = nullptr;
  xdecref(d);
}

int NamespaceObject::traverse(VisitFn visit, void* arg) { return visit_ref(dict, visit, arg); }

namespace {

NamespaceObject* as_namespace(Object* o) { return static_cast<NamespaceObject*>(o); }

DictObject** namespace_dict_slot(Object* o) { return &as_namespace(o)->dict; }

// CPython: namespace_repr (str keys only; a namespace inside itself is "namespace(...)").
Object* namespace_repr(Object* o) {
  // a subclass's instances show its name
  std::string name = o->type == &simple_namespace_type ? "namespace" : o->type->name;
  if (repr_enter(o)) return new_str(name + "(...)");
  std::string text = name + "(";
  bool first = true;
  bool failed = false;
  std::vector<DictEntry> snapshot;
  if (DictObject* d = as_namespace(o)->dict) {
    for (const DictEntry& e : d->entries) {
      if (e.key == nullptr || !is_str(e.key)) continue;
      incref(e.key);
      incref(e.value);
      snapshot.push_back(e);
    }
  }
  for (const DictEntry& e : snapshot) {
    if (!failed) {
      Object* value = object_repr(e.value);
      if (value == nullptr) {
        failed = true;
      } else {
        text += cat(first ? "" : ", ", as_str(e.key)->utf8, "=", as_str(value)->utf8);
        first = false;
        decref(value);
      }
    }
    decref(e.key);
    decref(e.value);
  }
  repr_leave(o);
  if (failed) return nullptr;
  return new_str(text + ")");
}

// CPython: namespace_richcompare (two namespaces compare by their dicts).
Object* namespace_richcompare(Object* a, Object* b, CompareOp op) {
  if (!isinstance_of(a, &simple_namespace_type) || !isinstance_of(b, &simple_namespace_type))
    return new_ref<Object>(NotImplemented());
  DictObject* da = as_namespace(a)->dict;
  DictObject* db = as_namespace(b)->dict;
  DictObject* empty = nullptr;
  if (da == nullptr || db == nullptr) empty = new_dict();
  Object* result = rich_compare(da ? da : empty, db ? db : empty, op);
  xdecref(empty);
  return result;
}

// SimpleNamespace(mapping_or_iterable=(), /, **kwargs): __new__ makes an empty namespace
// (of the subclass too) whatever the arguments; __init__ adds the positional argument's
// items (made a dict as dict() makes one), then the keywords; every name must be a str.
// CPython: namespace_new, namespace_init
Object* namespace_new(TypeObject*, Object* const*, size_t, TupleObject*) { return new_namespace(); }

int namespace_init(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (nargs > 1) {
    type_error(cat(self->type == &simple_namespace_type ? "SimpleNamespace" : self->type->name,
                   " expected at most 1 argument, got ", nargs));
    return -1;
  }
  DictObject* dict = as_namespace(self)->dict;
  if (nargs == 1) {
    Ref<> items = Ref<>::steal(args[0]->type == &dict_type ? new_ref(args[0]) : call1(&dict_type, args[0]));
    if (!items) return -1;
    auto* d = static_cast<DictObject*>(items.get());
    for (const DictEntry& e : d->entries)
      if (e.key && !is_str(e.key)) {
        type_error("keywords must be strings");
        return -1;
      }
    if (dict_update(dict, d) < 0) return -1;
  }
  if (kwnames != nullptr) {
    for (std::size_t i = 0; i < kwnames->items.size(); ++i)
      if (dict_set_item(dict, kwnames->items[i], args[nargs + i]) < 0) return -1;
  }
  return 0;
}

// copy.replace(ns, **changes): type(ns)() with ns's attributes, then the changes.
// CPython: namespace_replace
Object* m_replace(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (n > 1) return type_error("__replace__() takes no positional arguments");
  Ref<> result = Ref<>::steal(call0(a[0]->type));
  if (!result) return nullptr;
  if (!isinstance_of(result.get(), &simple_namespace_type)) return result.release();
  DictObject* target = as_namespace(result.get())->dict;
  if (DictObject* own = as_namespace(a[0])->dict; own && dict_update(target, own) < 0) return nullptr;
  if (kw != nullptr)
    for (std::size_t i = 0; i < kw->items.size(); ++i)
      if (dict_set_item(target, kw->items[i], a[n + i]) < 0) return nullptr;
  return result.release();
}

void init_namespace_methods() { add_method(&simple_namespace_type, "__replace__", m_replace); }

}  // namespace

NamespaceObject* new_namespace() {
  auto* ns = make<NamespaceObject>();
  ns->dict = new_dict();
  return ns;
}

void init_namespace_type() {
  make_static_type(&simple_namespace_type, &type_type, "SimpleNamespace", &object_type);
  simple_namespace_type.module = "types";
  simple_namespace_type.instance_dict = namespace_dict_slot;
  simple_namespace_type.tp_new = namespace_new;
  simple_namespace_type.tp_init = namespace_init;
  simple_namespace_type.lazy_methods = init_namespace_methods;
  simple_namespace_type.tp_repr = namespace_repr;
  simple_namespace_type.tp_getattr = generic_getattr;
  simple_namespace_type.tp_setattr = generic_setattr;
  simple_namespace_type.tp_richcompare = namespace_richcompare;
}

}  // namespace gopy
