// init_test: initialize, look at the thread state, finalize, and again: nothing is left
// behind (no thread state, no extra thread).
#include <catch2/catch.hpp>

#include <signal.h>

#include "capture.hpp"
#include "spawn.hpp"
#include "gopy/config.hpp"
#include "gopy/config_active.hpp"
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
    CHECK(gopy::active_config() != nullptr);

    CHECK(gopy::finalize_ex() == 0);
    CHECK(gopy::get_thread_state() == nullptr);
    CHECK_FALSE(gopy::is_initialized());
    CHECK(gopy::runtime_phase() == gopy::RuntimePhase::uninitialized);
    CHECK(gopy::active_config() == nullptr);
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

// The handler a signal has in this process right now.
void (*current_handler(int signum))(int) {
  struct sigaction action {};
  ::sigaction(signum, nullptr, &action);
  return action.sa_handler;
}

}  // namespace

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
