// Runs the two start-up steps as the host does (preconfig read + write, then config
// read) over a map environment, capturing what they print.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "gopy/config.hpp"
#include "gopy/preconfig.hpp"

namespace gopy::test {

inline constexpr const char* kProgram = "/opt/gopy/bin/gopy";
inline constexpr const char* kWorkingDirectory = "/tmp/case";

struct ConfigRun {
  Status status;
  int exit_code = 0;
  std::string out;
  std::string err;  // includes the fatal-error text, as the host would print it
  PreConfig preconfig;
  Config config;
};

// `env_changes`: a value sets, nullopt removes; applied over the base LC_ALL=C.UTF-8.
ConfigRun run_config(const std::vector<std::string>& args,
                     const std::map<std::string, std::optional<std::string>>& env_changes = {});

}  // namespace gopy::test
