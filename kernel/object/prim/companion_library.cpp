#include "object/prim/companion_library.hpp"

#include <dlfcn.h>

namespace gopy::prim {

std::string libgopy_directory() {
  Dl_info info{};
  if (dladdr(reinterpret_cast<void*>(&libgopy_directory), &info) == 0 || info.dli_fname == nullptr) return {};
  std::string path = info.dli_fname;
  const size_t slash = path.rfind('/');
  return slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
}

}  // namespace gopy::prim
