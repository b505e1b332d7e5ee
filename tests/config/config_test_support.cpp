#include "config_test_support.hpp"

namespace gopy::test {

ConfigRun run_config(const std::vector<std::string>& args,
                     const std::map<std::string, std::optional<std::string>>& env_changes) {
  ConfigRun result;
  MapEnvironment env({{"LC_ALL", "C.UTF-8"}});
  env.set_current_directory(kWorkingDirectory);
  for (const auto& [name, value] : env_changes) {
    if (value) {
      env.set(name, *value);
    } else {
      env.unset(name);
    }
  }
  std::vector<std::string> argv{kProgram};
  argv.insert(argv.end(), args.begin(), args.end());
  ConsoleOutput console{[&](std::string_view text) { result.out += text; },
                        [&](std::string_view text) { result.err += text; }};

  auto finish = [&](const Status& status, const char* state) {
    result.status = status;
    if (status.is_error()) {
      result.err += fatal_error_text(status, state);
      result.exit_code = status.exit_code();
    } else if (status.is_exit()) {
      result.exit_code = status.exit_code();
    }
  };

  PreConfig preconfig = PreConfig::python();
  Status status = preconfig_read(preconfig, argv, env);
  if (!status.is_ok()) {
    finish(status, "preinitializing");
    return result;
  }
  status = preconfig_write(preconfig, result.preconfig, env, console);
  if (!status.is_ok()) {
    finish(status, "preinitializing");
    return result;
  }
  result.config = Config::python();
  status = config_read(result.config, result.preconfig, argv, env, console);
  finish(status, "preinitialized");
  return result;
}

}  // namespace gopy::test
