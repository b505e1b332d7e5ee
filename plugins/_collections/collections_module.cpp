// The _collections module plugin: gopy_module__collections builds deque, its iterators,
// _tuplegetter and _count_elements with the kernel's C++ API (CPython:
// Modules/_collectionsmodule.c collections_exec).
#include <new>

#include "collections_internal.hpp"
#include "gopy/module.h"
#include "gopy/plugin.hpp"

namespace gopy::collections {

TypeObject* new_native_type(const char* name, const char* module) {
  auto* t = make<TypeObject>();
  t->type = new_ref(&type_type);
  t->name = name;
  t->qualname = name;
  t->module = module;
  t->flags = TypeFlags::heap;  // no basetype: instances are always this plugin's objects
  t->base = new_ref(&object_type);
  t->bases = new_tuple_from({&object_type});
  t->dict = new_dict();
  t->tp_hash = object_type.tp_hash;
  t->tp_richcompare = object_type.tp_richcompare;
  t->tp_str = object_type.tp_str;
  t->tp_repr = object_type.tp_repr;
  t->tp_getattr = generic_getattr;
  t->tp_setattr = generic_setattr;
  Ref<> modname = Ref<>::steal(new_str(module));
  if (dict_set_str(t->dict, "__module__", modname.get()) < 0) {
    decref(t);
    return nullptr;
  }
  return t;
}

void release_type(Object* o) {
  if (o->type == &object_type) return;
  TypeObject* t = o->type;
  o->type = &object_type;
  decref(t);
}

namespace {

Status attach(gopy_plugin_context&) { return Status::ok(); }
Status detach(gopy_plugin_context&) { return Status::ok(); }

// No C++ exception leaves the plugin: an allocation failure becomes MemoryError.
int exec_module(gopy_plugin_context*, gopy_Object* handle) noexcept {
  auto* module = reinterpret_cast<ModuleObject*>(handle);
  try {
    if (add_deque(module) < 0 || add_tuplegetter(module) < 0 || add_count_elements(module) < 0) return -1;
  } catch (const std::bad_alloc&) {
    no_memory();
    return -1;
  }
  return 0;
}

const gopy_ModuleDef kModule = {
    GOPY_MODULE_API_VERSION,
    "_collections",
    "High performance data structures.\n- deque:        ordered collection accessible from endpoints only\n",
    nullptr,
    nullptr,
    nullptr,
    nullptr,
    exec_module,
};

}  // namespace
}  // namespace gopy::collections

GOPY_PLUGIN(gopy_plugin__collections, "_collections", gopy::collections::attach, gopy::collections::detach)
GOPY_MODULE_INIT(_collections, gopy::collections::kModule)
