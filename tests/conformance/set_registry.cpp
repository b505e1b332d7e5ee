#include "set_registry.hpp"

#include <algorithm>
#include <utility>

namespace gopy::conformance {
namespace {

// A function-local static, so registrations from other translation units work whatever
// the static-initialization order is.
std::vector<std::pair<std::string, SetRunner>>& registry() {
  static std::vector<std::pair<std::string, SetRunner>> sets;
  return sets;
}

}  // namespace

SetRegistration::SetRegistration(const char* name, SetRunner run) {
  registry().emplace_back(name, run);
}

SetRunner find_set(std::string_view name) {
  for (const auto& [set_name, run] : registry()) {
    if (set_name == name) return run;
  }
  return nullptr;
}

std::vector<std::string> registered_set_names() {
  std::vector<std::string> names;
  for (const auto& entry : registry()) names.push_back(entry.first);
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace gopy::conformance
