// Loading one plugin library with Boost.DLL (internal to the kernel).
#pragma once

#include <boost/dll/shared_library.hpp>

#include "gopy/plugin_abi.h"
#include "gopy/plugin_host.hpp"

namespace gopy::plugin {

struct LoadedLibrary {
  boost::dll::shared_library library;
  const gopy_plugin_descriptor* descriptor = nullptr;
  bool loaded() const { return descriptor != nullptr; }
};

// Checks the manifest's ABI tag, loads the library (binding every symbol now when
// `bind_now`), finds the entry symbol and checks the descriptor's ABI tag. On error `out`
// is left unloaded.
Status load_plugin(const Manifest& manifest, LoadedLibrary& out, bool bind_now = true);

// What stops `manifest` from loading that is known without loading it: its manifest's ABI
// tag, a library that is missing or not a regular file. "" when none.
std::string preload_problem(const Manifest& manifest);

// LLVM's wording: "Wrong API version on plugin 'X'. Got version N, supported version is M."
std::string wrong_abi_message(const std::string& plugin, const AbiTag& got, const AbiTag& kernel,
                              const std::string& where);

}  // namespace gopy::plugin
