// Module plugins at run time: from `import name` to the module their definition describes
// (CPython: Python/importdl.c _PyImport_LoadDynamicModuleWithSpec, then
// Objects/moduleobject.c PyModule_FromDefAndSpec and PyModule_ExecDef).
#include "gopy/module_plugins.hpp"

#include <algorithm>

#include "gopy/module.h"
#include "gopy/object_exc.hpp"
#include "gopy/state.hpp"
#include "lifecycle/runtime.hpp"
#include "object/module_api_guard.hpp"
#include "object/module_api_objects.hpp"

namespace gopy {
namespace {

std::nullptr_t import_error(const std::string& message) { return set_error(&exc_ImportError, message); }

// Runs the definition's exec hook with a context of its plugin (the configuration
// accessors of gopy.h read through it).
int run_exec(void* arg, const gopy_ModuleDef* def, ModuleObject* module) {
  auto* name = static_cast<std::string_view*>(arg);
  Runtime& rt = runtime();
  int rc = 0;
  Status status = rt.plugins->call_module_plugin(*name, rt.tstate->interp, [&](gopy_plugin_context* ctx) {
    rc = def->exec(ctx, module_api::handle(module));
    return 0;
  });
  if (!status.is_ok()) {
    import_error(status.message());
    return -1;
  }
  return rc < 0 ? -1 : 0;
}

}  // namespace

ModuleObject* load_plugin_module(std::string_view name, bool* found) {
  *found = false;
  Runtime& rt = runtime();
  if (!rt.plugins || !rt.tstate) return nullptr;
  void* init = nullptr;
  Status status = rt.plugins->load_module(name, rt.tstate->interp, &init);
  if (!status.is_ok()) {
    *found = true;
    return import_error(status.message());
  }
  if (init == nullptr) return nullptr;
  *found = true;
  const gopy_ModuleDef* def = reinterpret_cast<gopy_ModuleInitFn>(init)();
  if (def == nullptr) return import_error("gopy_module_" + std::string(name) + " returned no module definition");
  if (def->name == nullptr || name != def->name)
    return import_error("gopy_module_" + std::string(name) + " defines module '" +
                        std::string(def->name ? def->name : "(null)") + "'");
  return create_api_module(def, run_exec, &name);
}

std::optional<std::string> plugin_module_origin(std::string_view name) {
  Runtime& rt = runtime();
  if (!rt.plugins) return std::nullopt;
  for (const plugin::Manifest& m : rt.plugins->plan().plugins)
    if (std::find(m.modules.begin(), m.modules.end(), name) != m.modules.end()) return m.library.string();
  return std::nullopt;
}

// Views into the plan's manifests: no string is copied (sys asks at every start-up).
std::vector<std::string_view> shipped_plugin_module_name_views() {
  std::vector<std::string_view> names;
  Runtime& rt = runtime();
  if (!rt.plugins) return names;
  for (const plugin::Manifest& m : rt.plugins->plan().plugins)
    if (!m.skippable) names.insert(names.end(), m.modules.begin(), m.modules.end());
  std::sort(names.begin(), names.end());
  names.erase(std::unique(names.begin(), names.end()), names.end());
  return names;
}

std::vector<std::string> shipped_plugin_module_names() {
  std::vector<std::string_view> views = shipped_plugin_module_name_views();
  return {views.begin(), views.end()};
}

}  // namespace gopy
