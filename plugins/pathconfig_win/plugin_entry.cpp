// The pathconfig_win plugin: at the main phase, runs the Windows getpath strategy of the
// path-configuration library with CPython's Windows build constants. Windows has no
// compiled prefix: everything is found from the executable (or the DLL) and its landmarks.
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
  // The file-system calls are the host's; the semantics of paths are ntpath's.
  RealFileSystem fs(nt_path_syntax());
  StrategyBinding binding;
  binding.os_name = OsName::nt;
  binding.compute = &compute_nt_path_config;
  binding.constants = windows_build_constants();
  binding.fs = &fs;
  return apply_path_strategy(ctx, binding);
}

// The computed paths live in the interpreter's configuration: nothing to undo.
gopy::Status detach(gopy_plugin_context&) { return gopy::Status::ok(); }

}  // namespace

GOPY_PLUGIN(gopy_plugin_pathconfig_win, "pathconfig_win", attach, detach)
