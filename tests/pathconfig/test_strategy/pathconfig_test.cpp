// A test-only path strategy, as a deployment would write one: CPython's POSIX rules, then
// a marker entry put first in the search path, so the end-to-end tests can tell from
// sys.path which strategy filled the `pathconfig` slot. It goes through the same bridge
// (StrategyBinding, apply_path_strategy of the path-configuration library) as the built-in
// pathconfig_unix. docs/pathconfig.md's worked example is the same plugin, built out of
// tree against an installed SDK (tests/pathconfig/sdk_strategy.cmake).
#include "gopy/getpath_posix.hpp"
#include "gopy/pathconfig_fs.hpp"
#include "gopy/plugin.hpp"

namespace {

using namespace gopy::pathconfig;

gopy::Status marked_paths(const PathConfigRequest& request, const FileSystem& fs,
                          PathConfigOutput& out) {
  GOPY_RETURN_IF_ERROR(compute_posix_path_config(request, fs, out));
  if (out.module_search_paths) {
    out.module_search_paths->insert(out.module_search_paths->begin(), GOPY_TEST_STRATEGY_MARKER);
  }
  return gopy::Status::ok();
}

gopy::Status attach(gopy_plugin_context& ctx) {
  RealFileSystem fs(posix_path_syntax());
  StrategyBinding binding;
  binding.os_name = OsName::posix;
  binding.compute = &marked_paths;
  binding.constants.PREFIX = GOPY_TEST_STRATEGY_PREFIX;
  binding.constants.EXEC_PREFIX = GOPY_TEST_STRATEGY_PREFIX;
  binding.constants.PLATLIBDIR = "lib";
  binding.constants.VERSION_MAJOR = 3;
  binding.constants.VERSION_MINOR = 14;
  binding.fs = &fs;
  return apply_path_strategy(ctx, binding);
}

gopy::Status detach(gopy_plugin_context&) { return gopy::Status::ok(); }

}  // namespace

GOPY_PLUGIN(gopy_plugin_pathconfig_test, "pathconfig_test", attach, detach)
