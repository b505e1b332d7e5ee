// Fuzz target: the command line and environment reader, as the host runs it.
#include <string>
#include <vector>

#include "fuzz_targets.hpp"
#include "gopy/config.hpp"
#include "gopy/console.hpp"
#include "gopy/environment.hpp"
#include "gopy/preconfig.hpp"

namespace gopy::fuzz {

namespace {
// The field that ends the arguments (an argument may be empty, as in `-c ''`).
constexpr std::string_view kEnvironmentMark = "\x01";
}  // namespace

std::string cli_input(const std::vector<std::string>& args,
                      const std::vector<std::string>& env_changes) {
  std::string input;
  for (const std::string& arg : args) (input += arg) += '\0';
  input += kEnvironmentMark;
  input += '\0';
  for (const std::string& change : env_changes) (input += change) += '\0';
  return input;
}

bool cli_accepts(const std::uint8_t* data, std::size_t size) {
  std::vector<std::string> argv{"/opt/gopy/bin/gopy"};
  MapEnvironment env({{"LC_ALL", "C.UTF-8"}});
  env.set_current_directory("/tmp/case");
  std::string_view input(reinterpret_cast<const char*>(data), size);
  bool in_env = false;
  for (std::size_t start = 0; start < input.size();) {
    std::size_t end = input.find('\0', start);
    if (end == std::string_view::npos) end = input.size();
    std::string_view field = input.substr(start, end - start);
    start = end + 1;
    if (!in_env) {
      if (field == kEnvironmentMark) {
        in_env = true;
      } else {
        argv.emplace_back(field);
      }
      continue;
    }
    std::size_t eq = field.find('=');
    if (eq == std::string_view::npos) {
      env.unset(field);
    } else if (eq > 0) {
      env.set(field.substr(0, eq), field.substr(eq + 1));
    }
  }

  ConsoleOutput quiet{[](std::string_view) {}, [](std::string_view) {}};
  PreConfig preconfig = PreConfig::python();
  PreConfig applied;
  Status status = preconfig_read(preconfig, argv, env);
  if (status.is_ok()) status = preconfig_write(preconfig, applied, env, quiet);
  if (!status.is_ok()) return false;
  Config config = Config::python();
  status = config_read(config, applied, argv, env, quiet);
  return status.is_ok() || (status.is_exit() && status.exit_code() == 0);
}

}  // namespace gopy::fuzz
