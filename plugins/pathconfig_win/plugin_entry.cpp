// The pathconfig_win plugin: at the main phase, hands the Windows getpath strategy and
// CPython's Windows build constants to the lifecycle. Windows has no compiled prefix:
// everything is found from the executable (or the DLL) and its landmarks.
#include <exception>

#include "gopy/getpath_nt.hpp"
#include "gopy/pathconfig_fs.hpp"
#include "gopy/plugin_abi.h"

#ifndef GOPY_ABI_IDENTITY
#define GOPY_ABI_IDENTITY "unknown"
#endif

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

int attach(gopy_plugin_context* ctx) {
  try {
    // The file-system calls are the host's; the semantics of paths are ntpath's.
    RealFileSystem fs(nt_path_syntax());
    StrategyBinding binding;
    binding.os_name = OsName::nt;
    binding.compute = &compute_nt_path_config;
    binding.constants = windows_build_constants();
    binding.fs = &fs;
    gopy::Status status = apply_path_strategy(ctx->interp, binding);
    if (status.is_ok()) return 0;
    ctx->set_error(ctx, status.func().c_str(), status.message().c_str());
  } catch (const std::exception& e) {
    ctx->set_error(ctx, "pathconfig_win", e.what());
  } catch (...) {
    ctx->set_error(ctx, "pathconfig_win", "unknown error");
  }
  return 1;
}

int detach(gopy_plugin_context*) { return 0; }

const gopy_plugin_descriptor descriptor = {GOPY_ABI_MAJOR, GOPY_ABI_MINOR, GOPY_ABI_IDENTITY,
                                           "pathconfig_win", &attach, &detach};

}  // namespace

extern "C" const gopy_plugin_descriptor* gopy_plugin_pathconfig_win() { return &descriptor; }
