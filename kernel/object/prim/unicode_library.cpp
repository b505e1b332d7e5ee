// Loads libgopy_unicode.so (ICU) from the directory libgopy itself was loaded from, the
// first time a non-ASCII character needs the database, so start-up never maps ICU.
#include "object/prim/unicode_library.hpp"

#include <dlfcn.h>

#include <atomic>
#include <cstdio>
#include <mutex>
#include <string>

#include "object/icu/gopy_unicode.h"
#include "object/prim/companion_library.hpp"
#include "object/prim/unicode.hpp"

namespace gopy::prim {

namespace {

constexpr const char* kLibraryName = "libgopy_unicode.so";

std::once_flag g_once;
UnicodeLibrary g_library;
std::atomic<bool> g_loaded{false};

void load() {
  const std::string path = libgopy_directory() + kLibraryName;
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    std::fprintf(stderr, "gopy: cannot load %s: %s; non-ASCII character data is unavailable\n",
                 path.c_str(), dlerror());
    return;
  }
  int32_t (*abi_version)() = nullptr;
  UnicodeLibrary lib;
  const bool complete = resolve_symbol(handle, "gopy_unicode_abi_version", abi_version) &&
                        resolve_symbol(handle, "gopy_unicode_flags", lib.flags) &&
                        resolve_symbol(handle, "gopy_unicode_decimal", lib.decimal) &&
                        resolve_symbol(handle, "gopy_unicode_digit", lib.digit) &&
                        resolve_symbol(handle, "gopy_unicode_case_map", lib.case_map) &&
                        resolve_symbol(handle, "gopy_unicode_data_version", lib.data_version) &&
                        resolve_symbol(handle, "gopy_unicode_char_name", lib.char_name) &&
                        resolve_symbol(handle, "gopy_unicode_char_from_name", lib.char_from_name) &&
                        resolve_symbol(handle, "gopy_unicode_nfkc", lib.nfkc) &&
                        resolve_symbol(handle, "gopy_unicode_converter_open", lib.converter_open) &&
                        resolve_symbol(handle, "gopy_unicode_converter_close", lib.converter_close) &&
                        resolve_symbol(handle, "gopy_unicode_converter_single_byte", lib.converter_single_byte) &&
                        resolve_symbol(handle, "gopy_unicode_converter_encode", lib.converter_encode) &&
                        resolve_symbol(handle, "gopy_unicode_converter_decode", lib.converter_decode);
  if (!complete || abi_version() != GOPY_UNICODE_ABI_VERSION) {
    std::fprintf(stderr, "gopy: %s does not match this libgopy; non-ASCII character data is unavailable\n",
                 path.c_str());
    dlclose(handle);
    return;
  }
  // The handle stays open for the life of the process: the pointers are used until exit.
  g_library = lib;
  g_loaded.store(true, std::memory_order_release);
}

}  // namespace

const UnicodeLibrary* unicode_library() {
  std::call_once(g_once, load);
  return g_loaded.load(std::memory_order_acquire) ? &g_library : nullptr;
}

bool unicode_library_loaded() { return g_loaded.load(std::memory_order_acquire); }

}  // namespace gopy::prim

namespace gopy::prim {

int32_t char_from_name(const std::string& name) {
  const UnicodeLibrary* lib = unicode_library();
  return lib ? lib->char_from_name(name.c_str()) : -1;
}

bool nfkc_normalize(std::string_view utf8, std::string* out) {
  const UnicodeLibrary* lib = unicode_library();
  if (!lib) return false;
  // NFKC grows a character at most 18-fold (U+FDFA); UTF-8 at most 3 bytes per UTF-16 unit.
  std::string buf(utf8.size() * 18 * 3 + 1, '\0');
  int32_t n = lib->nfkc(utf8.data(), static_cast<int32_t>(utf8.size()), buf.data(), static_cast<int32_t>(buf.size()));
  if (n < 0) return false;
  buf.resize(static_cast<size_t>(n));
  *out = std::move(buf);
  return true;
}

}  // namespace gopy::prim
