// The itertools module: iterator building blocks, native (CPython:
// Modules/itertoolsmodule.c). Its types are made by the exec hook of each interpreter.
#include "gopy/module.h"
#include "itertools_internal.hpp"

namespace gopy::functional::itertools {

Types types{};

int add_iterator_type(ModuleObject* m, TypeObject** slot, const char* name, const char* doc, NewFn tp_new,
                      UnaryFn next) {
  TypeObject* t = new_native_type("itertools", name, doc, tp_new);
  if (!t) return -1;
  t->tp_iter = self_iter;
  t->tp_iternext = next;
  add_iterator_methods(t);
  *slot = t;  // owned by the slot (see Types)
  return dict_set_str(m->dict, name, t);
}

namespace {

int exec_itertools(gopy_plugin_context*, gopy_Object* handle) {
  auto* m = reinterpret_cast<ModuleObject*>(handle);
  types = Types{};
  if (add_infinite_types(m) < 0 || add_terminating_types(m) < 0 || add_combinatoric_types(m) < 0) return -1;
  return 0;
}

const gopy_ModuleDef kItertools = {
    GOPY_MODULE_API_VERSION, "itertools",
    "Iterators that count, repeat, combine, filter, slice, group and arrange other iterables.",
    nullptr, nullptr, nullptr, nullptr, exec_itertools};

}  // namespace
}  // namespace gopy::functional::itertools

GOPY_MODULE_INIT(itertools, gopy::functional::itertools::kItertools)
