// Modules provided by module plugins (a manifest's "modules"), loaded on their first import
// as CPython loads lib-dynload's extension modules (Python/importdl.c
// _PyImport_LoadDynamicModuleWithSpec): the importer asks here before it searches sys.path.
#pragma once
#include "gopy/api_begin.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/object_func.hpp"

namespace gopy {

// Loads the plugin whose manifest lists `name` (once), and makes the module from its
// gopy_module_<name> definition (gopy/module.h), running its exec hook. A new module; or
// null with an exception set when that fails (ImportError naming the problem, or the exec
// hook's own); or null with no exception and *found false when no module plugin lists
// `name`. The caller registers the module in sys.modules.
ModuleObject* load_plugin_module(std::string_view name, bool* found);

// The shared library of the module plugin whose manifest lists `name` (not loaded), or
// nothing when no module plugin provides it: the module's spec origin and __file__.
std::optional<std::string> plugin_module_origin(std::string_view name);

// Every module the runtime's shipped module plugins provide (those of gopy's own plugin
// directory, not site-plugins or GOPY_PLUGIN_PATH), sorted; empty without a runtime.
std::vector<std::string> shipped_plugin_module_names();
// The same names as views into the runtime's plugin plan: use them before the runtime
// changes.
std::vector<std::string_view> shipped_plugin_module_name_views();

}  // namespace gopy
#include "gopy/api_end.h"
