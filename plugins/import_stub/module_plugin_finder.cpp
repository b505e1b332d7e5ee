// The importer's finder step for module plugins: a top-level name that a plugin's manifest
// lists under "modules" loads that plugin and makes its module (CPython's lib-dynload
// extension modules, found by the path finder's ExtensionFileLoader).
#include "module_plugin_finder.hpp"

#include "gopy/module_plugins.hpp"
#include "gopy/object_containers.hpp"

namespace gopy::import_stub {

Object* find_module_plugin(Interpreter* interp, const std::string& name, bool* found) {
  ModuleObject* m = load_plugin_module(name, found);
  if (!m) return nullptr;
  if (dict_set_str(interp->modules, name, m) < 0) {
    decref(m);
    return nullptr;
  }
  return m;
}

}  // namespace gopy::import_stub
