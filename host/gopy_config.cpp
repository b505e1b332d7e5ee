// gopy-config: what a plugin or an embedding program needs to know about this gopy, in
// the manner of python3-config. Paths are relative to where the kernel library really is,
// so a relocated install tree answers for itself; run from the build tree, it names the
// source tree's headers (the build tree has no include/ directory).
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "gopy/plugin_host.hpp"

namespace {

namespace fs = std::filesystem;

// The include directories: <prefix>/include when installed, else the build's own.
std::vector<fs::path> include_dirs(const fs::path& prefix) {
  fs::path installed = prefix / GOPY_INSTALL_INCLUDEDIR;
  if (fs::exists(installed / "gopy.h")) return {installed};
  std::vector<fs::path> dirs;
  std::string list = GOPY_BUILD_INCLUDE_DIRS;
  for (std::size_t start = 0; start <= list.size();) {
    std::size_t end = std::min(list.find(':', start), list.size());
    dirs.emplace_back(list.substr(start, end - start));
    start = end + 1;
  }
  return dirs;
}

std::string include_flags(const fs::path& prefix) {
  std::string flags;
  for (const fs::path& dir : include_dirs(prefix)) {
    if (!flags.empty()) flags += ' ';
    flags += "-I" + dir.string();
  }
  return flags;
}

fs::path schema_path(const fs::path& prefix) {
  fs::path installed = prefix / GOPY_INSTALL_SCHEMA;
  return fs::exists(installed) ? installed : fs::path(GOPY_BUILD_SCHEMA);
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"Print the compiler and linker flags, the plugin ABI and the paths of this gopy.",
               "gopy-config"};
  app.add_flag("--prefix")->description("the installation prefix");
  app.add_flag("--includes")->description("the -I flags for gopy's headers");
  app.add_flag("--cflags")->description("compiler flags for C (gopy.h) and C++ alike");
  app.add_flag("--cxxflags")->description("compiler flags for C++ using gopy/*.hpp (adds -std=c++20)");
  app.add_flag("--libs")->description("the libraries to link: -lgopy");
  app.add_flag("--ldflags")->description("linker flags: -L<libdir> and --libs");
  app.add_flag("--embed")->description(
      "with --ldflags: also the run path an embedding program needs to find libgopy "
      "(and through it the plugins)");
  app.add_flag("--plugindir")->description("the built-in plugin directory");
  app.add_flag("--schema")->description("the JSON Schema of plugin manifests");
  app.add_flag("--abi")->description("the kernel ABI tag a plugin must match (major.minor identity)");
  app.add_flag("--version")->description("gopy's version");
  CLI11_PARSE(app, argc, argv);
  // Printed in the order asked for, one line each (as python3-config does); --embed only
  // changes --ldflags.
  std::vector<std::string> order;
  bool embed = false;
  for (const CLI::Option* option : app.parse_order()) {
    if (option->get_name() == "--embed") {
      embed = true;
      continue;
    }
    order.push_back(option->get_name());
  }
  if (order.empty()) {
    std::fputs(app.help().c_str(), stderr);
    return 1;
  }

  namespace plugin = gopy::plugin;
  const fs::path lib_dir = plugin::kernel_library_dir();
  const fs::path prefix = lib_dir.parent_path();
  for (const std::string& what : order) {
    std::string line;
    if (what == "--prefix") {
      line = prefix.string();
    } else if (what == "--includes" || what == "--cflags") {
      line = include_flags(prefix);
    } else if (what == "--cxxflags") {
      line = include_flags(prefix) + " -std=c++20";
    } else if (what == "--libs") {
      line = "-lgopy";
    } else if (what == "--ldflags") {
      line = "-L" + lib_dir.string() + " -lgopy";
      if (embed) line += " -Wl,-rpath," + lib_dir.string();
    } else if (what == "--plugindir") {
      line = plugin::shipped_plugin_dir().string();
    } else if (what == "--schema") {
      line = schema_path(prefix).string();
    } else if (what == "--abi") {
      const plugin::AbiTag& abi = plugin::kernel_abi();
      line = std::to_string(abi.major) + "." + std::to_string(abi.minor) + " " + abi.identity;
    } else if (what == "--version") {
      line = GOPY_VERSION;
    }
    std::printf("%s\n", line.c_str());
  }
  return 0;
}
