// The sys plugin's parts: the basic attributes (sys_module.cpp) and, when present, the
// configuration-derived ones (sys_config.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/config.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "gopy/plugin_abi.h"
#include "gopy/preconfig.hpp"
#include "gopy/state.hpp"
#include "gopy/status.hpp"

namespace gopy::sys {

// Helpers every part of the sys plugin uses. Memory running out while an object is made
// throws std::bad_alloc (caught at the plugin boundary), so every new reference is owned
// by a Ref from the moment it exists: the unwinding then frees it.
inline ORef own(Object* o) { return ORef::steal(o); }
// Named attributes, in order (struct sequences and namespaces).
using NamedFields = std::vector<std::pair<std::string, ORef>>;
// module[name] = value, dropping the caller's reference to value.
void put(ModuleObject* m, const char* name, Object* value);
// A new heap type of module sys, with object as its base; the caller sets its slots.
TypeObject* new_sys_type(const char* name);
// A new list, and a new tuple, of str.
ListObject* str_list(const std::vector<std::string>& items);
TupleObject* str_tuple(const std::vector<std::string>& items);
// A new str, or None for an unset value.
Object* str_or_none(const std::optional<std::string>& text);

// The configuration sys shows, as the plugin context hands it out (sys_context.cpp).
struct SysConfig {
  Config config;
  PreConfig preconfig;
};
// Reads every option readable by name through `ctx` (gopy.h's gopy_PluginConfig_*).
Status read_sys_config(gopy_plugin_context& ctx, SysConfig& out);

// Creates the standard streams and the attributes that do not depend on the
// configuration on interp->sys_module (core phase).
Status fill_basic(Interpreter* interp);
// Adds the attributes derived from the configuration (sys.flags, sys.argv, sys.version,
// ...) and the streams' codecs at `phase` "core", and at "main" sets again those the path
// configuration changed, as CPython's _PySys_UpdateConfig (sys_config.cpp).
Status fill_config(Interpreter* interp, const SysConfig& config, std::string_view phase);
// sys.implementation: a types.SimpleNamespace in CPython's field order.
Object* make_implementation(Object* version_info);
// Sets sys.path, sys.executable, the prefixes, platlibdir and _stdlib_dir from the path
// configuration (main phase).
Status fill_paths(Interpreter* interp, const Config& config);
// Sets sys._configuration, PEP 432's read-only snapshot (sys_configuration.cpp), the first
// time a program reads it (main phase): few do, and building it costs a start-up about
// 60,000 instructions. forget_configuration drops what was kept for it (detach).
void defer_configuration(Interpreter* interp, SysConfig config);
void forget_configuration(Interpreter* interp);

}  // namespace gopy::sys
