// Helpers for plugin_e2e_test: a private copy of the build prefix whose plugin directories
// a test may change, running its gopy, and reading the plugin trace `-X lifecycle` prints.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "plugin_dir.hpp"

namespace plugin_e2e {

namespace fs = std::filesystem;

struct RunResult {
  int exit_code = -1;  // -1: could not start, timed out or killed by a signal
  std::string out;
  std::string err;
};

// bin/gopy and lib/ (libgopy, the landmarks, lib/gopy/plugins) of the build tree, copied
// into a fresh temporary directory (large libraries hard-linked when the file system
// allows), so the kernel finds the copy's plugin directories relative to its libgopy.
class GopyPrefix {
 public:
  GopyPrefix();
  const fs::path& root() const { return tmp_.path(); }
  fs::path plugins() const { return root() / "lib/gopy/plugins"; }
  fs::path site_plugins() const;            // lib/gopy/site-plugins, created
  fs::path dir(const std::string& name) const;  // root()/name, created (for GOPY_PLUGIN_PATH)
  // Runs the copy's gopy with `args` in root(), its environment only LC_ALL=C.UTF-8 plus `env`.
  RunResult run(const std::vector<std::string>& args, const std::vector<std::string>& env = {}) const;

 private:
  plugin_test::TempDir tmp_;
};

// Copies fixture library `so_file` into `dir` (mode 0755) and returns the copy.
fs::path install_library(const fs::path& so_file, const fs::path& dir);
// Writes `spec`'s manifest into `dir` and copies `so_file` beside it; returns the manifest.
fs::path add_fixture(const fs::path& dir, const plugin_test::Spec& spec, const fs::path& so_file);
// tests/plugin_e2e's fixture <name>.so.
fs::path e2e_library(const std::string& name);
// tests/plugin's fixture <name>.so.
fs::path test_plugin_library(const std::string& name);

std::vector<std::string> lines_of(const std::string& text);

// The plugin events of `-X lifecycle` output, each as "name@phase:order", in order.
struct PluginTrace {
  std::vector<std::string> attached;       // "attach ..."
  std::vector<std::string> failed;         // "attach failed ..." / "load failed ..."
  std::vector<std::string> detached;       // "detach ..."
  std::vector<std::string> detach_failed;  // "detach failed ..."
  std::vector<std::string> detach_order;   // detached and detach_failed, as they happened
  std::vector<std::string> other_lines;    // lines of stderr that are not lifecycle lines
};
PluginTrace plugin_trace(const std::string& err);

}  // namespace plugin_e2e
