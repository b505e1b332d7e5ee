// init_test: initialize, look at the thread state, finalize, and again: nothing is left
// behind (no thread state, no extra thread); what the path step does to the configuration.
#include <catch2/catch.hpp>

#include <signal.h>

#include "capture.hpp"
#include "spawn.hpp"
#include <cstdlib>
#include <memory>
#include <string>

#include "gopy.h"
#include "gopy/config.hpp"
#include "gopy/environment.hpp"
#include "gopy/eval.hpp"
#include "gopy/lifecycle.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/state.hpp"

namespace {

gopy::Config embedded_config() {
  gopy::Config config = gopy::Config::python();
  config.parse_argv = 0;
  config.site_import = 0;
  // Beside the gopy executable, so that the path configuration finds its landmarks.
  config.program_name = gopy_executable();
  return config;
}

}  // namespace

TEST_CASE("init_test: initialize, finalize, initialize again", "[lifecycle]") {
  const int threads_before = count_proc_entries("/proc/self/task");
  REQUIRE(gopy::get_thread_state() == nullptr);

  for (int round = 0; round < 2; ++round) {
    gopy::Status status = gopy::initialize_from_config(embedded_config());
    INFO(status.to_string());
    REQUIRE(status.is_ok());
    CHECK(gopy::is_initialized());
    gopy::ThreadState* ts = gopy::get_thread_state();
    REQUIRE(ts != nullptr);
    CHECK(ts->interp != nullptr);
    int isolated = -1;
    CHECK(gopy_Config_GetInt("isolated", &isolated) == 0);

    CHECK(gopy::finalize_ex() == 0);
    CHECK(gopy::get_thread_state() == nullptr);
    CHECK_FALSE(gopy::is_initialized());
    CHECK(gopy::runtime_phase() == gopy::RuntimePhase::uninitialized);
    CHECK(gopy_Config_GetInt("isolated", &isolated) == -1);
  }
  CHECK(count_proc_entries("/proc/self/task") == threads_before);
}

TEST_CASE("init_test: initializing twice is a no-op", "[lifecycle]") {
  REQUIRE(gopy::initialize_from_config(embedded_config()).is_ok());
  gopy::ThreadState* ts = gopy::get_thread_state();
  REQUIRE(gopy::initialize_from_config(embedded_config()).is_ok());
  CHECK(gopy::get_thread_state() == ts);
  CHECK(gopy::finalize_ex() == 0);
}

TEST_CASE("init_test: finalize without initialize does nothing", "[lifecycle]") {
  CHECK(gopy::finalize_ex() == 0);
  CHECK(gopy::runtime_phase() == gopy::RuntimePhase::uninitialized);
}

TEST_CASE("init_test: the main phase needs the core phase first", "[lifecycle]") {
  gopy::Status status = gopy::initialize_main();
  CHECK(status.is_error());
  CHECK(status.message().find("expected core initialized") != std::string::npos);
}

TEST_CASE("init_test: stop after the core phase, complete main later", "[lifecycle]") {
  REQUIRE(gopy::initialize_core(embedded_config()).is_ok());
  CHECK(gopy::is_runtime_initialized());
  CHECK_FALSE(gopy::is_initialized());
  CHECK(gopy::runtime_state_name() == "core initialized");
  REQUIRE(gopy::initialize_main().is_ok());
  CHECK(gopy::is_initialized());
  CHECK(gopy::finalize_ex() == 0);
}

namespace {

// sys.flags.<name> as the running interpreter holds it.
int64_t sys_flag(const char* name) {
  gopy::ModuleObject* sys = gopy::get_thread_state()->interp->sys_module;
  gopy::Object* flags = gopy::dict_get_str(sys->dict, "flags");
  if (flags == nullptr) return -100;
  gopy::Object* value = gopy::get_attr(flags, name);
  int64_t out = -100;
  if (value != nullptr && !gopy::int_to_int64(value, &out)) out = -100;
  gopy::xdecref(value);
  return out;
}

int config_int(const char* name) {
  int value = -100;
  return gopy_Config_GetInt(name, &value) == 0 ? value : -200;
}

// The handler a signal has in this process right now.
void (*current_handler(int signum))(int) {
  struct sigaction action {};
  ::sigaction(signum, nullptr, &action);
  return action.sa_handler;
}

}  // namespace

TEST_CASE("init_test: the path step makes BOOL fields 0/1; sys.flags and PyConfig_Get agree",
          "[lifecycle][flags]") {
  gopy::Config config = embedded_config();
  config.parser_debug = 3;  // -ddd
  config.quiet = 2;         // -qq
  config.verbose = 3;       // -vvv: UINT, a count
  config._init_main = 0;
  REQUIRE(gopy::initialize_from_config(config).is_ok());
  // Core only: sys shows the counts, as CPython's before its path configuration.
  CHECK(sys_flag("debug") == 3);
  CHECK(sys_flag("quiet") == 2);
  CHECK(config_int("parser_debug") == 1);  // PyConfig_Get hands a BOOL out as a bool
  REQUIRE(gopy::initialize_main().is_ok());
  CHECK(sys_flag("debug") == 1);
  CHECK(sys_flag("quiet") == 1);
  CHECK(sys_flag("verbose") == 3);
  CHECK(config_int("parser_debug") == 1);
  CHECK(config_int("quiet") == 1);
  CHECK(config_int("verbose") == 3);
  CHECK(gopy::finalize_ex() == 0);
}

TEST_CASE("init_test: the main phase installs signal handlers only when asked, finalize restores them",
          "[lifecycle][signals]") {
  ::signal(SIGINT, SIG_DFL);
  ::signal(SIGPIPE, SIG_DFL);
  gopy::Config config = embedded_config();
  config.install_signal_handlers = 0;  // an embedder keeping its own handlers
  REQUIRE(gopy::initialize_from_config(config).is_ok());
  CHECK(current_handler(SIGINT) == SIG_DFL);
  CHECK(current_handler(SIGPIPE) == SIG_DFL);
  CHECK(gopy::finalize_ex() == 0);

  REQUIRE(gopy::initialize_from_config(embedded_config()).is_ok());
  CHECK(current_handler(SIGINT) != SIG_DFL);
  CHECK(current_handler(SIGPIPE) == SIG_IGN);
  CHECK(current_handler(SIGXFSZ) == SIG_IGN);
  CHECK(gopy::finalize_ex() == 0);
  CHECK(current_handler(SIGINT) == SIG_DFL);
  CHECK(current_handler(SIGPIPE) == SIG_DFL);
  CHECK(current_handler(SIGXFSZ) == SIG_DFL);
}

TEST_CASE("init_test: the runtime reads the Environment it is given, not the process's",
          "[lifecycle]") {
  // Neither variable is in the test's own environment; both reach the runtime only
  // through the Environment passed in the options.
  auto environment = std::make_shared<gopy::MapEnvironment>(gopy::MapEnvironment{
      {"PYTHONDONTWRITEBYTECODE", "1"}, {"PYTHONPATH", "/gopy-env-test/entry"}});
  gopy::LifecycleOptions options;
  options.environment = environment;
  gopy::Config config = embedded_config();
  REQUIRE(gopy::initialize_from_config(config, options).is_ok());
  int write_bytecode = -1;
  CHECK(gopy_Config_GetInt("write_bytecode", &write_bytecode) == 0);
  CHECK(write_bytecode == 0);
  // The path strategy plugin saw PYTHONPATH through its context.
  char* path = nullptr;
  REQUIRE(gopy_Config_Get("module_search_paths", &path) == 0);
  CHECK(std::string(path).rfind("['/gopy-env-test/entry', ", 0) == 0);
  std::free(path);
  CHECK(gopy::finalize_ex() == 0);
}

TEST_CASE("init_test: os.environ is the Environment the embedder gave, and writes go to it",
          "[lifecycle]") {
  auto environment = std::make_shared<gopy::MapEnvironment>(gopy::MapEnvironment{{"GOPY_EMBEDDED_VAR", "given"}});
  gopy::LifecycleOptions options;
  options.environment = environment;
  gopy::Config config = embedded_config();
  REQUIRE(gopy::initialize_from_config(config, options).is_ok());
  CHECK(gopy::run_main_string("import os\n"
                              "assert os.environ['GOPY_EMBEDDED_VAR'] == 'given'\n"
                              "assert 'PATH' not in os.environ\n"
                              "os.environ['GOPY_SET_BY_CODE'] = 'set'\n"
                              "del os.environ['GOPY_EMBEDDED_VAR']\n") == 0);
  CHECK(environment->get("GOPY_SET_BY_CODE") == std::optional<std::string>("set"));
  CHECK_FALSE(environment->get("GOPY_EMBEDDED_VAR"));
  CHECK(std::getenv("GOPY_SET_BY_CODE") == nullptr);
  CHECK(gopy::finalize_ex() == 0);
}
