// Where plugins are searched: the environment's directories first, then the deployment's
// site-plugins, then the built-in plugins next to the kernel library.
#include <string_view>

#include <boost/dll/runtime_symbol_info.hpp>

#include "gopy/environment.hpp"
#include "gopy/plugin_host.hpp"

namespace gopy::plugin {
namespace fs = std::filesystem;

std::string_view host_platform() {
#if defined(_WIN32)
  return "windows";
#elif defined(__APPLE__)
  return "macos";
#elif defined(__FreeBSD__)
  return "freebsd";
#elif defined(__NetBSD__)
  return "netbsd";
#elif defined(__OpenBSD__)
  return "openbsd";
#else
  return "linux";
#endif
}

// The directory of libgopy itself (not of the executable), so the host, the test binaries
// and an embedding program all find the same plugins, in the build and install trees.
fs::path kernel_library_dir() {
  boost::dll::fs::error_code ec;
  fs::path self = boost::dll::this_line_location(ec);
  if (ec) return {};
  // The loader may have found it through "$ORIGIN/../lib": keep paths shown to users clean.
  return self.parent_path().lexically_normal();
}

fs::path shipped_plugin_dir() {
  fs::path lib_dir = kernel_library_dir();
  return lib_dir.empty() ? lib_dir : lib_dir / "gopy" / "plugins";
}

std::vector<fs::path> default_search_dirs(const Environment* environment) {
  std::vector<fs::path> dirs;
  if (environment != nullptr) {
    // Like PYTHONPATH, but only absolute entries: an empty or relative entry would make
    // the current directory a plugin directory.
    if (std::optional<std::string> env = environment->get("GOPY_PLUGIN_PATH")) {
      std::string_view rest(*env);
      for (;;) {
        std::size_t colon = rest.find(':');
        std::string_view entry = rest.substr(0, colon);
        fs::path dir(entry);
        if (!entry.empty() && dir.is_absolute()) dirs.push_back(dir.lexically_normal());
        if (colon == std::string_view::npos) break;
        rest.remove_prefix(colon + 1);
      }
    }
  }
  fs::path lib_dir = kernel_library_dir();
  if (!lib_dir.empty()) {
    dirs.push_back(lib_dir / "gopy" / "site-plugins");
    dirs.push_back(lib_dir / "gopy" / "plugins");
  }
  return dirs;
}

}  // namespace gopy::plugin
