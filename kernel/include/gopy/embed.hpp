// A thin C++ layer over gopy.h (the C embedding API, PEP 741's shape): an owning
// InitConfig whose setters report errors as gopy::Status values.
//
//   gopy::embed::InitConfig config;
//   config.set("run_command", "print(1+2)");
//   if (auto s = config.initialize(); !s.is_ok()) ...;
//   return gopy_RunMain();
#pragma once
#include "gopy/api_begin.h"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "gopy.h"
#include "gopy/status.hpp"

namespace gopy::embed {

class InitConfig {
 public:
  InitConfig() : config_(gopy_InitConfig_Create(), &gopy_InitConfig_Free) {}

  bool has_option(const std::string& name) const { return gopy_InitConfig_HasOption(get(), name.c_str()) == 1; }

  Status set(const std::string& name, std::int64_t value) {
    return result(gopy_InitConfig_SetInt(get(), name.c_str(), value), "gopy_InitConfig_SetInt");
  }
  Status set(const std::string& name, const char* value) {
    return result(gopy_InitConfig_SetStr(get(), name.c_str(), value), "gopy_InitConfig_SetStr");
  }
  Status set(const std::string& name, const std::vector<std::string>& items) {
    std::vector<char*> raw;
    for (const std::string& s : items) raw.push_back(const_cast<char*>(s.c_str()));
    return result(gopy_InitConfig_SetStrList(get(), name.c_str(), raw.size(), raw.data()),
                  "gopy_InitConfig_SetStrList");
  }
  std::optional<std::int64_t> get_int(const std::string& name) {
    std::int64_t v = 0;
    if (gopy_InitConfig_GetInt(get(), name.c_str(), &v) < 0) return std::nullopt;
    return v;
  }

  // Py_InitializeFromInitConfig; an exit request (e.g. --version) comes back as Status::exit.
  Status initialize() { return result(gopy_InitializeFromInitConfig(get()), "gopy_InitializeFromInitConfig"); }

 private:
  gopy_InitConfig* get() const { return config_.get(); }
  Status result(int rc, const char* func) {
    if (rc == 0) return Status::ok();
    int code = 0;
    if (gopy_InitConfig_GetExitCode(get(), &code)) return Status::exit(code);
    const char* msg = nullptr;
    gopy_InitConfig_GetError(get(), &msg);
    return Status::error(Status::Category::runtime, func, msg ? msg : "unknown error");
  }

  std::unique_ptr<gopy_InitConfig, void (*)(gopy_InitConfig*)> config_;
};

}  // namespace gopy::embed
#include "gopy/api_end.h"
