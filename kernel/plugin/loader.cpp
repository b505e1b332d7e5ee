// Loading plugin libraries: ABI checked before loading (from the manifest) and before
// calling into the plugin (from the descriptor it embeds). Nothing a library holds may
// crash or hang gopy: it must be a regular file, an exception from its static initializers
// is contained, and the entry must be a function the library itself defines.
#include "plugin/loader.hpp"

#include <exception>

#include "plugin/bound_libraries.hpp"
#include "plugin/manifest.hpp"

#include <dlfcn.h>
#include <elf.h>
#include <link.h>
#include <sys/stat.h>

namespace gopy::plugin {

std::string wrong_abi_message(const std::string& plugin, const AbiTag& got, const AbiTag& kernel,
                              const std::string& where) {
  return "Wrong API version on plugin '" + plugin + "'. Got version " + got.to_string() +
         ", supported version is " + kernel.to_string() + " (" + where + ")";
}

namespace {

// "plugin 'X': library L <problem> (manifest M)": the loader's one-line error.
Status library_error(const Manifest& m, const std::string& problem) {
  return Status::error(Status::Category::plugin, "",
                       "plugin '" + m.name + "': library " + printable(m.library.string()) + " " +
                           problem + " (manifest " + printable(m.file.string()) + ")");
}

// dlopen, with the dynamic loader's own text on failure (a missing dependency, a wrong ELF
// class, an undefined symbol: what a user can act on). Bound now, a missing symbol is a
// load error here rather than the end of the process at its first call. A C++ exception thrown by a static
// initializer unwinds through the dynamic loader's frames up to here; it is contained and
// reported instead of ending the process. The half-initialized library stays mapped and
// unused: gopy stops, as for any plugin that fails to load.
void* open_library(const Manifest& m, bool bind_now, Status& error) {
  // glibc declares dlopen noexcept, so a direct call would end in std::terminate when the
  // exception reaches it; called through a pointer the compiler cannot see through, the
  // call may throw and the catch below applies.
  static void* (*volatile const may_throw_dlopen)(const char*, int) = &dlopen;
  dlerror();
  void* handle = nullptr;
  try {
    handle = may_throw_dlopen(m.library.c_str(), (bind_now ? RTLD_NOW : RTLD_LAZY) | RTLD_LOCAL);
  } catch (const std::exception& e) {
    error = library_error(m, std::string("threw a C++ exception from a static initializer: ") +
                                 printable(e.what()));
    return nullptr;
  } catch (...) {
    error = library_error(m, "threw a C++ exception from a static initializer");
    return nullptr;
  }
  if (handle == nullptr) {
    const char* text = dlerror();
    error = Status::error(Status::Category::plugin, "",
                          "plugin '" + m.name + "': cannot load library " +
                              printable(m.library.string()) + ": " +
                              printable(text != nullptr ? text : "unknown error"));
  }
  return handle;
}

// The entry, only as a function defined by the library itself: dlsym searches the
// library's dependencies too (a libc function) and returns data symbols alike, and calling
// either would crash. dladdr1 names the object and the symbol table entry at the address.
// Returns what is wrong with the entry, or "" with `address` set.
std::string entry_problem(void* handle, const std::string& entry, void** address) {
  const std::string quoted = "'" + entry + "'";
  *address = dlsym(handle, entry.c_str());
  if (*address == nullptr) return "has no entry symbol " + quoted;
  link_map* own = nullptr;
  Dl_info info;
  ElfW(Sym)* symbol = nullptr;
  if (dlinfo(handle, RTLD_DI_LINKMAP, &own) != 0 ||
      dladdr1(*address, &info, reinterpret_cast<void**>(&symbol), RTLD_DL_SYMENT) == 0)
    return "does not itself define entry symbol " + quoted;
  // glibc names the object by its link map's own l_name; when that does not settle it,
  // the object is asked for by its link map (each dladdr1 searches its symbol table).
  if (info.dli_fname != own->l_name) {
    link_map* defining = nullptr;
    if (dladdr1(*address, &info, reinterpret_cast<void**>(&defining), RTLD_DL_LINKMAP) == 0 ||
        defining != own)
      return "does not itself define entry symbol " + quoted;
  }
  // ELF32_ST_TYPE and ELF64_ST_TYPE are the same low four bits.
  if (symbol == nullptr || ELF64_ST_TYPE(symbol->st_info) != STT_FUNC)
    return "has entry symbol " + quoted + ", which is not a function";
  return "";
}

// What is wrong with loading `m`'s library, whose file has `stamp` (stat, following
// symlinks), or "".
std::string preload_problem(const Manifest& m, const Stamp& stamp) {
  const AbiTag& kernel = kernel_abi();
  if (!abi_compatible(m.abi, kernel))
    return printable(wrong_abi_message(m.name, m.abi, kernel, "manifest " + m.file.string()));
  // A FIFO or a device would block dlopen's read forever; a directory cannot load.
  if (!stamp.exists) return library_error(m, "not found").message();
  if (!S_ISREG(stamp.mode)) return library_error(m, "is not a regular file; refusing it").message();
  return "";
}

}  // namespace

std::string preload_problem(const Manifest& m) { return preload_problem(m, stamp_of(m.library.string())); }

Status load_plugin(const Manifest& m, LoadedLibrary& out, bool bind_now) {
  const AbiTag& kernel = kernel_abi();
  const std::string path = m.library.string();
  const Stamp stamp = stamp_of(path);  // one stat serves the check and the rebinding
  if (std::string problem = preload_problem(m, stamp); !problem.empty())
    return Status::error(Status::Category::plugin, "", problem);

  // Bound now the first time; the same file loaded again binds lazily (bound_libraries.hpp).
  // A lazy load that brought back a library of its own (which may have changed), or that
  // read the file after it changed, is done again, bound now.
  bool rebound_lazily = bind_now && bound_before(path, stamp);
  Status error;
  unsigned long long loads_before = libraries_loaded_so_far();
  void* handle = open_library(m, bind_now && !rebound_lazily, error);
  const unsigned long long added = libraries_loaded_so_far() - loads_before;
  if (handle != nullptr && rebound_lazily && (added > 1 || (added == 1 && !(stamp_of(path) == stamp)))) {
    dlclose(handle);
    rebound_lazily = false;
    loads_before = libraries_loaded_so_far();
    handle = open_library(m, true, error);
  }
  if (handle == nullptr) return error;
  if (bind_now && !rebound_lazily && libraries_loaded_so_far() - loads_before == 1)
    remember_bound(path, stamp);
  void* address = nullptr;
  std::string problem = entry_problem(handle, m.entry, &address);
  if (!problem.empty()) {
    dlclose(handle);
    return library_error(m, problem);
  }
  // Boost.DLL owns the library from here (the second dlopen only counts a reference).
  boost::dll::shared_library library;
  std::error_code ec;
  namespace mode = boost::dll::load_mode;
  library.load(m.library,
               (bind_now && !rebound_lazily ? mode::rtld_now : mode::rtld_lazy) | mode::rtld_local, ec);
  dlclose(handle);
  if (ec) return library_error(m, "cannot be loaded: " + ec.message());
  auto entry = reinterpret_cast<const gopy_plugin_descriptor* (*)()>(address);
  const gopy_plugin_descriptor* d = entry();
  if (d == nullptr)
    return Status::error(
        Status::Category::plugin, "",
        "plugin '" + m.name + "': entry symbol '" + m.entry + "' returned no descriptor");
  AbiTag got{d->abi_major, d->abi_minor, d->abi_identity != nullptr ? d->abi_identity : ""};
  if (!abi_compatible(got, kernel))
    return Status::error(
        Status::Category::plugin, "",
        printable(wrong_abi_message(m.name, got, kernel, "descriptor in " + m.library.string())));
  std::string described = d->name != nullptr ? d->name : "";
  if (described != m.name)
    return Status::error(Status::Category::plugin, "",
                         "plugin '" + m.name + "': library " + printable(m.library.string()) +
                             " describes itself as '" + printable(described) + "'");
  if (d->attach == nullptr && !m.lazy())  // a module plugin may do without callbacks
    return Status::error(Status::Category::plugin, "",
                         "plugin '" + m.name + "': descriptor has no attach callback");
  out.library = std::move(library);
  out.descriptor = d;
  return Status::ok();
}

}  // namespace gopy::plugin
