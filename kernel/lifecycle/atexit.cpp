#include "lifecycle/atexit.hpp"

#include <utility>
#include <vector>

#include "gopy/lifecycle.hpp"

namespace gopy {

namespace {
std::vector<std::pair<void (*)(void*), void*>>& callbacks() {
  static std::vector<std::pair<void (*)(void*), void*>> list;
  return list;
}
}  // namespace

void register_atexit(void (*callback)(void*), void* data) {
  callbacks().emplace_back(callback, data);
}

void run_atexit_callbacks() {
  // Most recently registered first; a callback may register more.
  auto& list = callbacks();
  while (!list.empty()) {
    auto [callback, data] = list.back();
    list.pop_back();
    callback(data);
  }
}

void clear_atexit_callbacks() { callbacks().clear(); }

}  // namespace gopy
