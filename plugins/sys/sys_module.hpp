// The sys plugin's parts: the basic attributes (sys_module.cpp) and, when present, the
// configuration-derived ones (sys_config.cpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/state.hpp"
#include "gopy/status.hpp"

namespace gopy::sys {

// Helpers every part of the sys plugin uses.
// module[name] = value, dropping the caller's reference to value.
void put(ModuleObject* m, const char* name, Object* value);
// A new list of str.
ListObject* str_list(const std::vector<std::string>& items);
// A new str, or None for an unset value.
Object* str_or_none(const std::optional<std::string>& text);

// Creates the standard streams and the basic attributes on interp->sys_module (core phase).
Status fill_basic(Interpreter* interp);
// Sets sys.path, sys.executable, the prefixes, platlibdir and _stdlib_dir from the path
// configuration (main phase).
Status fill_paths(Interpreter* interp);
// Adds the attributes derived from the configuration (sys.flags, ...) at `phase`
// ("core" or "main"). Declared weak: defined by sys_config.cpp when that file is built
// into the plugin; the attach skips it otherwise. Attributes go into interp->sys_module.
[[gnu::weak]] Status fill_config(Interpreter* interp, std::string_view phase);
// Sets sys._configuration, PEP 432's read-only snapshot (main phase; sys_configuration.cpp).
[[gnu::weak]] Status fill_configuration(Interpreter* interp);

}  // namespace gopy::sys
