// The pathconfig_win plugin: at the main phase, hands the Windows getpath strategy and
// CPython's Windows build constants to the lifecycle. Windows has no compiled prefix:
// everything is found from the executable (or the DLL) and its landmarks.
#include "gopy/getpath_nt.hpp"
#include "gopy/pathconfig_fs.hpp"
#include "gopy/plugin.hpp"

namespace {

using namespace gopy::pathconfig;

// CPython: PC/pyconfig.h and Modules/getpath.c for MS_WINDOWS.
BuildConstants windows_build_constants() {
  BuildConstants c;
  c.PLATLIBDIR = "DLLs";
  c.VPATH = "..\\..";
  c.EXE_SUFFIX = ".exe";
  c.VERSION_MAJOR = 3;
  c.VERSION_MINOR = 14;
  c.PYWINVER = "3.14";
  return c;
}

gopy::Status attach(gopy_plugin_context& ctx) {
  if (ctx.interp == nullptr) {
    return gopy::Status::error("pathconfig_win", "attached with no interpreter to configure");
  }
  // The file-system calls are the host's; the semantics of paths are ntpath's.
  RealFileSystem fs(nt_path_syntax());
  StrategyBinding binding;
  binding.os_name = OsName::nt;
  binding.compute = &compute_nt_path_config;
  binding.constants = windows_build_constants();
  binding.fs = &fs;
  return apply_path_strategy(ctx.interp, binding);
}

// The computed paths live in the interpreter's configuration: nothing to undo.
gopy::Status detach(gopy_plugin_context&) { return gopy::Status::ok(); }

}  // namespace

GOPY_PLUGIN(gopy_plugin_pathconfig_win, "pathconfig_win", attach, detach)
