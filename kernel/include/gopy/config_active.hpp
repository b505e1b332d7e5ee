// The configuration of the running interpreter, for the plugins that show it (the sys
// plugin's sys.flags, sys.warnoptions, ...). CPython: _Py_GetConfig and
// _PyRuntime.preconfig. The lifecycle sets it before the core phase attaches plugins
// and clears it after finalization; the pointed-to objects must outlive that span.
#pragma once

#include "gopy/config.hpp"
#include "gopy/preconfig.hpp"

namespace gopy {

void set_active_config(const Config* config, const PreConfig* preconfig);
void clear_active_config();
// nullptr when no runtime is configured.
const Config* active_config();
const PreConfig* active_preconfig();

}  // namespace gopy
