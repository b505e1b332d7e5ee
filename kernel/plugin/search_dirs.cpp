// Where plugins are searched: the environment's directories first, then the deployment's
// site-plugins, then the built-in plugins next to the kernel library.
#include <link.h>

#include <cstdint>
#include <string>
#include <string_view>

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

namespace {

// The file name of the loaded object whose segments hold `address` (dladdr would also
// search its symbol table, which costs tens of thousands of instructions).
std::string object_file_of(const void* address) {
  struct Search {
    std::uintptr_t address;
    std::string file;
  } search{reinterpret_cast<std::uintptr_t>(address), {}};
  dl_iterate_phdr(
      [](dl_phdr_info* info, std::size_t, void* data) {
        auto* s = static_cast<Search*>(data);
        for (ElfW(Half) i = 0; i < info->dlpi_phnum; ++i) {
          const ElfW(Phdr)& ph = info->dlpi_phdr[i];
          std::uintptr_t start = info->dlpi_addr + ph.p_vaddr;
          if (ph.p_type == PT_LOAD && s->address >= start && s->address < start + ph.p_memsz) {
            s->file = info->dlpi_name != nullptr ? info->dlpi_name : "";
            return 1;
          }
        }
        return 0;
      },
      &search);
  return search.file;
}

}  // namespace

// The directory of libgopy itself (not of the executable), so the host, the test binaries
// and an embedding program all find the same plugins, in the build and install trees.
// Found once per process: the library does not move while it is mapped.
fs::path kernel_library_dir() {
  static const fs::path dir = [] {
    fs::path self = object_file_of(reinterpret_cast<const void*>(&kernel_library_dir));
    if (self.empty()) return fs::path();
    std::error_code ec;
    if (self.is_relative()) self = fs::absolute(self, ec);
    // The loader may have found it through "$ORIGIN/../lib": keep paths shown to users clean.
    return self.parent_path().lexically_normal();
  }();
  return dir;
}

fs::path shipped_plugin_dir() {
  static const fs::path dir = [] {
    fs::path lib_dir = kernel_library_dir();
    return lib_dir.empty() ? lib_dir : lib_dir / "gopy" / "plugins";
  }();
  return dir;
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
  // Composed once: path arithmetic costs an embedder's every initialization otherwise.
  static const std::vector<fs::path> beside_kernel = [] {
    std::vector<fs::path> beside;
    if (fs::path lib_dir = kernel_library_dir(); !lib_dir.empty()) {
      beside.push_back(lib_dir / "gopy" / "site-plugins");
      beside.push_back(shipped_plugin_dir());
    }
    return beside;
  }();
  dirs.insert(dirs.end(), beside_kernel.begin(), beside_kernel.end());
  return dirs;
}

}  // namespace gopy::plugin
