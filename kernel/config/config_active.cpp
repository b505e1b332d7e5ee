// The active configuration: one per process, as CPython's runtime holds one.
#include "gopy/config_active.hpp"

namespace gopy {
namespace {

const Config* g_config = nullptr;
const PreConfig* g_preconfig = nullptr;

}  // namespace

void set_active_config(const Config* config, const PreConfig* preconfig) {
  g_config = config;
  g_preconfig = preconfig;
}

void clear_active_config() { set_active_config(nullptr, nullptr); }

const Config* active_config() { return g_config; }
const PreConfig* active_preconfig() { return g_preconfig; }

}  // namespace gopy
