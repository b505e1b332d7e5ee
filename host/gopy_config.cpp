// gopy-config: what a plugin build needs to know about this gopy installation, in the
// manner of python3-config. Paths are relative to where the kernel library really is, so
// a relocated install tree answers for itself.
#include <cstdio>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "gopy/plugin_host.hpp"

int main(int argc, char** argv) {
  CLI::App app{"Print the compiler and linker flags and the plugin ABI of this gopy SDK.",
               "gopy-config"};
  app.add_flag("--prefix")->description("the installation prefix");
  app.add_flag("--cflags")->description("compiler flags for a plugin");
  app.add_flag("--libs")->description("linker flags for a plugin");
  app.add_flag("--plugindir")->description("the built-in plugin directory");
  app.add_flag("--abi")->description("the kernel ABI tag a plugin must match (major.minor identity)");
  CLI11_PARSE(app, argc, argv);
  // Printed in the order asked for, one line each (as python3-config does).
  std::vector<std::string> order;
  for (const CLI::Option* option : app.parse_order()) order.push_back(option->get_name());
  if (order.empty()) {
    std::fputs(app.help().c_str(), stderr);
    return 1;
  }

  namespace plugin = gopy::plugin;
  const std::filesystem::path lib_dir = plugin::kernel_library_dir();
  const std::filesystem::path prefix = lib_dir.parent_path();
  for (const std::string& what : order) {
    std::string line;
    if (what == "--prefix") {
      line = prefix.string();
    } else if (what == "--cflags") {
      line = "-I" + (prefix / "include").string() + " -std=c++20 -DBOOST_DLL_USE_STD_FS";
    } else if (what == "--libs") {
      line = "-L" + lib_dir.string() + " -lgopy";
    } else if (what == "--plugindir") {
      line = (lib_dir / "gopy" / "plugins").string();
    } else if (what == "--abi") {
      const plugin::AbiTag& abi = plugin::kernel_abi();
      line = std::to_string(abi.major) + "." + std::to_string(abi.minor) + " " + abi.identity;
    }
    std::printf("%s\n", line.c_str());
  }
  return 0;
}
