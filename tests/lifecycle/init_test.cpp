// init_test: initialize, look at the thread state, finalize, and again: nothing is left
// behind (no thread state, no extra thread).
#include <catch2/catch.hpp>

#include "capture.hpp"
#include "spawn.hpp"
#include <cstdlib>
#include <memory>
#include <string>

#include "gopy.h"
#include "gopy/config.hpp"
#include "gopy/environment.hpp"
#include "gopy/lifecycle.hpp"
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
