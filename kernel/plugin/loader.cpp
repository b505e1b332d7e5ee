// Loading plugin libraries: ABI checked before loading (from the manifest) and before
// calling into the plugin (from the descriptor it embeds).
#include "plugin/loader.hpp"

#include <system_error>

#if !defined(_WIN32)
#include <dlfcn.h>
#endif

namespace gopy::plugin {
namespace fs = std::filesystem;

std::string wrong_abi_message(const std::string& plugin, const AbiTag& got, const AbiTag& kernel,
                              const std::string& where) {
  return "Wrong API version on plugin '" + plugin + "'. Got version " + got.to_string() +
         ", supported version is " + kernel.to_string() + " (" + where + ")";
}

namespace {

// Boost.DLL reports a failed dlopen as a generic error code; the loader's own text (a
// missing dependency, a wrong ELF class, an undefined symbol) is what a user can act on.
std::string load_failure_text(const fs::path& library, bool bind_now, const std::error_code& ec) {
#if !defined(_WIN32)
  if (void* handle = dlopen(library.c_str(), (bind_now ? RTLD_NOW : RTLD_LAZY) | RTLD_LOCAL)) {
    dlclose(handle);
  } else if (const char* text = dlerror()) {
    return text;
  }
#else
  (void)library;
  (void)bind_now;
#endif
  return ec.message();
}

}  // namespace

Status load_plugin(const Manifest& m, LoadedLibrary& out, bool bind_now) {
  const AbiTag& kernel = kernel_abi();
  if (!abi_compatible(m.abi, kernel))
    return Status::error("", wrong_abi_message(m.name, m.abi, kernel, "manifest " + m.file.string()));

  std::error_code exists_ec;
  if (!fs::exists(m.library, exists_ec))
    return Status::error("", "plugin '" + m.name + "': library " + m.library.string() +
                                 " not found (manifest " + m.file.string() + ")");

  boost::dll::shared_library library;
  std::error_code ec;
  namespace mode = boost::dll::load_mode;
  // Bound now, a missing symbol is a load error here rather than the end of the process at
  // its first call.
  library.load(m.library, (bind_now ? mode::rtld_now : mode::rtld_lazy) | mode::rtld_local, ec);
  if (ec)
    return Status::error("", "plugin '" + m.name + "': cannot load library " +
                                 m.library.string() + ": " + load_failure_text(m.library, bind_now, ec));
  if (!library.has(m.entry))
    return Status::error("", "plugin '" + m.name + "': library " + m.library.string() +
                                 " has no entry symbol '" + m.entry + "' (manifest " +
                                 m.file.string() + ")");
  auto entry = library.get<const gopy_plugin_descriptor*()>(m.entry);
  const gopy_plugin_descriptor* d = entry();
  if (d == nullptr)
    return Status::error("", "plugin '" + m.name + "': entry symbol '" + m.entry +
                                 "' returned no descriptor");
  AbiTag got{d->abi_major, d->abi_minor, d->abi_identity != nullptr ? d->abi_identity : ""};
  if (!abi_compatible(got, kernel))
    return Status::error("", wrong_abi_message(m.name, got, kernel,
                                               "descriptor in " + m.library.string()));
  std::string described = d->name != nullptr ? d->name : "";
  if (described != m.name)
    return Status::error("", "plugin '" + m.name + "': library " + m.library.string() +
                                 " describes itself as '" + described + "'");
  if (d->attach == nullptr)
    return Status::error("", "plugin '" + m.name + "': descriptor has no attach callback");
  out.library = std::move(library);
  out.descriptor = d;
  return Status::ok();
}

}  // namespace gopy::plugin
