// Plugin libraries bound completely before (bound_libraries.hpp).
#include "plugin/bound_libraries.hpp"

#include <link.h>
#include <time.h>

#include <map>
#include <mutex>

namespace gopy::plugin {

namespace {

std::mutex g_mutex;
std::map<std::string, Stamp> g_bound;

int read_load_count(dl_phdr_info* info, size_t, void* out) {
  *static_cast<unsigned long long*>(out) = info->dlpi_adds;
  return 1;  // the count is the same in every entry: the first one will do
}

}  // namespace

unsigned long long libraries_loaded_so_far() {
  unsigned long long adds = 0;
  dl_iterate_phdr(read_load_count, &adds);
  return adds;
}

bool bound_before(const std::string& library, const Stamp& stamp) {
  if (!stamp.exists) return false;
  std::lock_guard<std::mutex> lock(g_mutex);
  auto found = g_bound.find(library);
  return found != g_bound.end() && found->second == stamp;
}

void remember_bound(const std::string& library, const Stamp& stamp) {
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  std::lock_guard<std::mutex> lock(g_mutex);
  if (!stamp.exists || too_recent(stamp, now.tv_sec)) {
    g_bound.erase(library);
    return;
  }
  g_bound[library] = stamp;
}

}  // namespace gopy::plugin
