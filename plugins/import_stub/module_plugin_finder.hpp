// The importer's finder step for module plugins (module_plugin_finder.cpp).
#pragma once

#include <string>

#include "gopy/object.hpp"
#include "gopy/state.hpp"

namespace gopy::import_stub {

// The module a module plugin provides under the top-level `name`, registered in
// sys.modules (new reference); null with an exception on failure; null with none and
// *found false when no module plugin lists `name`.
Object* find_module_plugin(Interpreter* interp, const std::string& name, bool* found);

}  // namespace gopy::import_stub
