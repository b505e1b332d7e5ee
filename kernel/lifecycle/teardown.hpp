// Shared by finalize and by a failed initialization: release the interpreter and the
// plugins in Py_FinalizeEx's order. Internal to kernel/lifecycle.
#pragma once

#include <string_view>

#include "gopy/status.hpp"

namespace gopy {

// The func of a Status that reports a plugin failure (its category is plugin, so main
// prints its message lines as they are instead of a fatal Python error); embedders see it
// as the failing function.
inline constexpr std::string_view kPluginErrorFunc = "gopy-plugins";

// Sends the plugin host's attach/detach events to the lifecycle observer.
void install_plugin_trace_hook();

// Clears modules, detaches the plugins in reverse, frees every object, unloads the
// plugin libraries in reverse, destroys the interpreter: the runtime is uninitialized
// afterwards. Returns the first plugin detach failure, if any.
Status tear_down_runtime();

}  // namespace gopy
