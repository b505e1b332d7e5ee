// The pathconfig_unix plugin: at the main phase, runs the POSIX getpath strategy of the
// path-configuration library with gopy's build constants over the real file system; the
// result goes into the runtime's configuration through the plugin context's path view.
#include "gopy/getpath_posix.hpp"
#include "gopy/pathconfig_fs.hpp"
#include "gopy/plugin.hpp"

namespace {

using namespace gopy::pathconfig;

// The values CPython's configure would compile into getpath.c.
BuildConstants gopy_build_constants() {
  BuildConstants c;
  c.PREFIX = GOPY_PATHCONFIG_PREFIX;
  c.EXEC_PREFIX = GOPY_PATHCONFIG_EXEC_PREFIX;
  c.PLATLIBDIR = GOPY_PATHCONFIG_PLATLIBDIR;
  c.VERSION_MAJOR = GOPY_PATHCONFIG_VERSION_MAJOR;
  c.VERSION_MINOR = GOPY_PATHCONFIG_VERSION_MINOR;
  return c;  // not a macOS framework build: WITH_NEXT_FRAMEWORK stays false
}

gopy::Status attach(gopy_plugin_context& ctx) {
  RealFileSystem fs(posix_path_syntax());
  StrategyBinding binding;
#ifdef __APPLE__
  binding.os_name = OsName::darwin;
#else
  binding.os_name = OsName::posix;
#endif
  binding.compute = &compute_posix_path_config;
  binding.constants = gopy_build_constants();
  binding.fs = &fs;
  return apply_path_strategy(ctx, binding);
}

// The computed paths live in the interpreter's configuration: nothing to undo.
gopy::Status detach(gopy_plugin_context&) { return gopy::Status::ok(); }

}  // namespace

GOPY_PLUGIN(gopy_plugin_pathconfig_unix, "pathconfig_unix", attach, detach)
