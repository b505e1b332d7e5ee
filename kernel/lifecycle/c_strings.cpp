#include "lifecycle/c_strings.hpp"

#include <cstdlib>
#include <cstring>

namespace gopy {

char* copy_c_string(const std::string& text) {
  char* out = static_cast<char*>(std::malloc(text.size() + 1));
  if (out) std::memcpy(out, text.c_str(), text.size() + 1);
  return out;
}

char** copy_c_string_list(const std::vector<std::string>& items) {
  auto** out = static_cast<char**>(std::calloc(items.size() + 1, sizeof(char*)));
  if (!out) return nullptr;
  for (std::size_t i = 0; i < items.size(); ++i) {
    out[i] = copy_c_string(items[i]);
    if (out[i] == nullptr) {
      for (std::size_t j = 0; j < i; ++j) std::free(out[j]);
      std::free(out);
      return nullptr;
    }
  }
  return out;
}

}  // namespace gopy
