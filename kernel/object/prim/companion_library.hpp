// Internal: libgopy's companion libraries (libgopy_unicode.so, libgopy_lineedit.so),
// opened with dlopen from the directory libgopy itself was loaded from, on first use.
#pragma once

#include <dlfcn.h>

#include <string>

namespace gopy::prim {

// The directory of the shared object libgopy is, with a trailing '/'; empty when unknown.
std::string libgopy_directory();

// Looks `name` up in `handle` into `out`; false when it is missing.
template <class Fn>
bool resolve_symbol(void* handle, const char* name, Fn& out) {
  out = reinterpret_cast<Fn>(dlsym(handle, name));
  return out != nullptr;
}

}  // namespace gopy::prim
