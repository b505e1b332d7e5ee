// The pathconfig_unix plugin: at the main phase, hands the POSIX getpath strategy, gopy's
// build constants and the real file system to the lifecycle, which applies the result to
// the interpreter being initialized.
#include <exception>

#include "gopy/getpath_posix.hpp"
#include "gopy/pathconfig_fs.hpp"
#include "gopy/plugin_abi.h"

#ifndef GOPY_ABI_IDENTITY
#define GOPY_ABI_IDENTITY "unknown"
#endif

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
#ifdef __APPLE__
  c.WITH_NEXT_FRAMEWORK = false;
#endif
  return c;
}

int attach(gopy_plugin_context* ctx) {
  try {
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
    gopy::Status status = apply_path_strategy(ctx->interp, binding);
    if (status.is_ok()) return 0;
    ctx->set_error(ctx, status.func().c_str(), status.message().c_str());
  } catch (const std::exception& e) {
    ctx->set_error(ctx, "pathconfig_unix", e.what());
  } catch (...) {
    ctx->set_error(ctx, "pathconfig_unix", "unknown error");
  }
  return 1;
}

int detach(gopy_plugin_context*) { return 0; }

const gopy_plugin_descriptor descriptor = {GOPY_ABI_MAJOR, GOPY_ABI_MINOR, GOPY_ABI_IDENTITY,
                                           "pathconfig_unix", &attach, &detach};

}  // namespace

extern "C" const gopy_plugin_descriptor* gopy_plugin_pathconfig_unix() { return &descriptor; }
