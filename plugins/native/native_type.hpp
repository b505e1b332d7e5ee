// A type made at run time by a native module plugin on the kernel's C++ API, which Python
// classes may derive from: its instances are the plugin's objects, re-typed to the class,
// as for the built-in types (kernel/object/subtype.cpp). The type is not a heap type (a
// class's layout walk stops at it) yet it lives on the heap, so it owns its dict, bases and
// MRO itself (CPython: a PyType_FromSpec type with Py_TPFLAGS_BASETYPE).
#pragma once

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"

namespace gopy::native {

struct NativeType : TypeObject {
  ~NativeType() override { release(); }
  void clear_refs() override { release(); }
  int traverse(VisitFn visit, void* arg) override {
    for (Object* o : {static_cast<Object*>(dict), static_cast<Object*>(mro), static_cast<Object*>(bases)})
      if (int r = visit_ref(o, visit, arg)) return r;
    return 0;
  }

 private:
  void release() {
    Object* refs[] = {dict, mro, bases};
    dict = nullptr;
    mro = nullptr;
    bases = nullptr;
    for (Object* r : refs) xdecref(r);
  }
};

struct Method {
  const char* name;
  BuiltinFn fn;
};

// A new type `module.name` deriving from `base` (object, or another NativeType), with
// `methods` in its dict; `subclassable` lets classes derive from it. New reference
// (bad_alloc may be thrown: callers catch it).
inline NativeType* make_type(const char* module, const char* name, NewFn tp_new, std::initializer_list<Method> methods,
                             bool subclassable, TypeObject* base = &object_type) {
  auto* t = make<NativeType>();
  t->type = &type_type;
  t->name = name;
  t->qualname = name;
  t->module = module;
  t->flags = subclassable ? TypeFlags::basetype : 0;
  t->base = base;  // object is immortal; a NativeType base is held by the bases tuple
  t->bases = new_tuple_from({base});
  t->mro = base == &object_type ? new_tuple_from({t, &object_type}) : new_tuple_from({t, base, &object_type});
  t->dict = new_dict();
  t->tp_new = tp_new;
  t->tp_hash = object_type.tp_hash;
  t->tp_richcompare = object_type.tp_richcompare;
  t->tp_getattr = generic_getattr;
  t->tp_setattr = generic_setattr;
  Ref<> modname = Ref<>::steal(new_str(module));
  dict_set_str(t->dict, "__module__", modname.get());
  for (const Method& m : methods) add_method(t, m.name, m.fn);
  return t;
}

}  // namespace gopy::native
