// phase_test: PEP 432's states and queries through every transition, each step called in
// the wrong state, Py_FinalizeEx's order as the lifecycle observer records it, and many
// initialize/finalize cycles leaving no thread, descriptor or memory behind.
#include <catch2/catch.hpp>
#include <link.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "capture.hpp"
#include "spawn.hpp"
#include "gopy/config.hpp"
#include "gopy/lifecycle.hpp"
#include "gopy/preconfig.hpp"
#include "gopy/state.hpp"

namespace {

// As an application beside the gopy executable would be: the path configuration finds
// gopy's landmarks from there (and stays quiet).
gopy::Config embedded_config() {
  gopy::Config config = gopy::Config::python();
  config.parse_argv = 0;
  config.site_import = 0;
  config.program_name = gopy_executable();
  return config;
}

struct Queries {
  bool initializing, runtime_initialized, initialized, finalizing;
  bool operator==(const Queries&) const = default;
};

Queries queries() {
  return Queries{gopy::is_initializing(), gopy::is_runtime_initialized(), gopy::is_initialized(),
                 gopy::is_finalizing()};
}

// What the observer saw, in order, and the queries' answers at a few of those steps.
struct Trace {
  std::vector<std::string> steps;
  std::vector<Queries> during_finalize;
};
Trace* recording = nullptr;

gopy::LifecycleOptions recording_options() {
  gopy::LifecycleOptions options;
  options.observer = [](std::string_view what, std::chrono::microseconds) {
    if (!recording) return;
    recording->steps.emplace_back(what);
    if (what == "finalize_modules") recording->during_finalize.push_back(queries());
  };
  return options;
}

// The plugin libraries mapped in this process now (dl_iterate_phdr, not the sequencer's
// own account), by plugin name: ".../gopy/plugins/sys.so" -> "sys".
std::set<std::string> mapped_plugins() {
  std::set<std::string> names;
  dl_iterate_phdr(
      [](dl_phdr_info* info, size_t, void* data) {
        std::string path = info->dlpi_name != nullptr ? info->dlpi_name : "";
        const std::string dir = "/gopy/plugins/";
        auto at = path.rfind(dir);
        if (at != std::string::npos && path.size() > 3 && path.ends_with(".so")) {
          std::string file = path.substr(at + dir.size());
          static_cast<std::set<std::string>*>(data)->insert(file.substr(0, file.size() - 3));
        }
        return 0;
      },
      &names);
  return names;
}

// The kind of a step ("detach builtins@core:10" -> "detach").
std::string kind_of(const std::string& step) { return step.substr(0, step.find(' ')); }

}  // namespace

TEST_CASE("phase_test: each transition answers PEP 432's queries", "[lifecycle][phase]") {
  REQUIRE(gopy::runtime_phase() == gopy::RuntimePhase::uninitialized);
  CHECK(queries() == Queries{false, false, false, false});
  CHECK(gopy::runtime_state_name() == "unknown");

  REQUIRE(gopy::preinitialize(gopy::PreConfig::python()).is_ok());
  CHECK(gopy::runtime_phase() == gopy::RuntimePhase::preinitialized);
  CHECK(queries() == Queries{true, false, false, false});
  CHECK(gopy::runtime_state_name() == "preinitialized");

  REQUIRE(gopy::initialize_core(embedded_config()).is_ok());
  CHECK(gopy::runtime_phase() == gopy::RuntimePhase::core_initialized);
  CHECK(queries() == Queries{true, true, false, false});
  CHECK(gopy::runtime_state_name() == "core initialized");
  CHECK(gopy::get_thread_state() != nullptr);

  REQUIRE(gopy::initialize_main().is_ok());
  CHECK(gopy::runtime_phase() == gopy::RuntimePhase::initialized);
  CHECK(queries() == Queries{false, true, true, false});
  CHECK(gopy::runtime_state_name() == "initialized");

  CHECK(gopy::finalize_ex() == 0);
  CHECK(queries() == Queries{false, false, false, false});
  CHECK(gopy::get_thread_state() == nullptr);
}

TEST_CASE("phase_test: finalizing is visible while finalize runs", "[lifecycle][phase]") {
  Trace trace;
  recording = &trace;
  REQUIRE(gopy::initialize_from_config(embedded_config(), recording_options()).is_ok());
  CHECK(gopy::finalize_ex() == 0);
  recording = nullptr;
  REQUIRE(trace.during_finalize.size() == 1);
  CHECK(trace.during_finalize[0] == Queries{false, false, false, true});
}

TEST_CASE("phase_test: steps called in the wrong state are errors", "[lifecycle][phase]") {
  SECTION("initialize_main before anything") {
    gopy::Status s = gopy::initialize_main();
    CHECK(s.is_error());
    CHECK(s.message().find("expected core initialized") != std::string::npos);
    CHECK(gopy::runtime_phase() == gopy::RuntimePhase::uninitialized);
  }
  SECTION("initialize_main after pre-initialization only") {
    REQUIRE(gopy::preinitialize(gopy::PreConfig::python()).is_ok());
    gopy::Status s = gopy::initialize_main();
    CHECK(s.is_error());
    CHECK(s.message().find("preinitialized") != std::string::npos);
    CHECK(gopy::runtime_phase() == gopy::RuntimePhase::preinitialized);
    // The runtime can still go on from there.
    REQUIRE(gopy::initialize_from_config(embedded_config()).is_ok());
    CHECK(gopy::finalize_ex() == 0);
  }
  SECTION("run_main before initialization") {
    FdCapture err(2);
    CHECK(gopy::run_main() == 1);
    CHECK(err.finish().find("not initialized") != std::string::npos);
  }
  SECTION("run_main after the core phase only") {
    REQUIRE(gopy::initialize_core(embedded_config()).is_ok());
    FdCapture err(2);
    CHECK(gopy::run_main() == 1);
    CHECK(err.finish().find("core initialized") != std::string::npos);
    CHECK(gopy::is_runtime_initialized());
    CHECK(gopy::finalize_ex() == 0);
  }
  SECTION("finalize before initialization is a no-op") {
    CHECK(gopy::finalize_ex() == 0);
    CHECK(gopy::runtime_phase() == gopy::RuntimePhase::uninitialized);
  }
  SECTION("finalize twice") {
    REQUIRE(gopy::initialize_from_config(embedded_config()).is_ok());
    CHECK(gopy::finalize_ex() == 0);
    CHECK(gopy::finalize_ex() == 0);
    CHECK(gopy::runtime_phase() == gopy::RuntimePhase::uninitialized);
  }
  SECTION("finalize from the core phase") {
    REQUIRE(gopy::initialize_core(embedded_config()).is_ok());
    CHECK(gopy::finalize_ex() == 0);
    CHECK(gopy::runtime_phase() == gopy::RuntimePhase::uninitialized);
  }
  SECTION("initializing again is a no-op in every initialized state") {
    REQUIRE(gopy::initialize_core(embedded_config()).is_ok());
    gopy::ThreadState* ts = gopy::get_thread_state();
    CHECK(gopy::initialize_core(embedded_config()).is_ok());
    CHECK(gopy::preinitialize(gopy::PreConfig::python()).is_ok());
    CHECK(gopy::runtime_phase() == gopy::RuntimePhase::core_initialized);
    REQUIRE(gopy::initialize_main().is_ok());
    CHECK(gopy::initialize_main().is_ok());
    CHECK(gopy::initialize_from_config(embedded_config()).is_ok());
    CHECK(gopy::get_thread_state() == ts);
    CHECK(gopy::finalize_ex() == 0);
  }
  CHECK(gopy::runtime_phase() == gopy::RuntimePhase::uninitialized);
}

TEST_CASE("phase_test: finalize follows Py_FinalizeEx's documented order", "[lifecycle][phase]") {
  Trace trace;
  recording = &trace;
  REQUIRE(gopy::initialize_from_config(embedded_config(), recording_options()).is_ok());
  std::vector<std::string> attached;
  std::vector<std::string> loaded;
  for (const std::string& step : trace.steps) {
    if (kind_of(step) == "attach") attached.push_back(step.substr(7));
    if (kind_of(step) == "load") loaded.push_back(step.substr(5));
  }
  REQUIRE(attached.size() >= 3);  // builtins, sys, import at least
  trace.steps.clear();
  CHECK(gopy::finalize_ex() == 0);
  recording = nullptr;

  // atexit, flush, modules, detach in reverse, free objects, unload in reverse, interpreter.
  std::vector<std::string> kinds;
  std::vector<std::string> detached;
  std::vector<std::string> unloaded;
  for (const std::string& step : trace.steps) {
    std::string k = step.rfind("atexit", 0) == 0 ? "atexit" : step.rfind("flush", 0) == 0 ? "flush"
                    : step.rfind("free", 0) == 0 ? "free" : step.rfind("destroy", 0) == 0 ? "destroy" : kind_of(step);
    if (kinds.empty() || kinds.back() != k) kinds.push_back(k);
    if (k == "detach") detached.push_back(step.substr(7));
    if (k == "unload") unloaded.push_back(step.substr(7));
  }
  CHECK(kinds == std::vector<std::string>{"atexit", "flush", "finalize_modules", "detach", "free", "unload",
                                          "destroy"});
  CHECK(detached == std::vector<std::string>(attached.rbegin(), attached.rend()));
  CHECK(unloaded == std::vector<std::string>(loaded.rbegin(), loaded.rend()));
}

TEST_CASE("phase_test: each unload step unmaps its library, in reverse load order",
          "[lifecycle][phase][unload]") {
  // What the process maps after each unload step, as the dynamic linker sees it: a plugin
  // glibc marks NODELETE (an STB_GNU_UNIQUE symbol does that) would stay.
  static std::vector<std::string> unloaded;
  static std::vector<std::set<std::string>> mapped_after;
  unloaded.clear();
  mapped_after.clear();
  gopy::LifecycleOptions options;
  std::vector<std::string> loaded;
  static std::vector<std::string>* loads = nullptr;
  loads = &loaded;
  options.observer = [](std::string_view what, std::chrono::microseconds) {
    std::string step(what);
    if (kind_of(step) == "load") loads->push_back(step.substr(5));
    if (kind_of(step) != "unload") return;
    unloaded.push_back(step.substr(7));
    mapped_after.push_back(mapped_plugins());
  };
  REQUIRE(mapped_plugins().empty());
  REQUIRE(gopy::initialize_from_config(embedded_config(), options).is_ok());
  REQUIRE(loaded.size() >= 4);  // builtins, sys, the path strategy, import
  std::set<std::string> expected(loaded.begin(), loaded.end());
  CHECK(mapped_plugins() == expected);
  CHECK(gopy::finalize_ex() == 0);
  loads = nullptr;
  CHECK(unloaded == std::vector<std::string>(loaded.rbegin(), loaded.rend()));
  REQUIRE(mapped_after.size() == unloaded.size());
  for (std::size_t i = 0; i < unloaded.size(); ++i) {
    INFO("after unloading " << unloaded[i]);
    expected.erase(unloaded[i]);
    CHECK(mapped_after[i] == expected);
  }
  CHECK(mapped_plugins().empty());
}

TEST_CASE("phase_test: atexit callbacks run first, most recent first", "[lifecycle][phase]") {
  static std::vector<int> order;
  static int first = 1, second = 2;
  order.clear();
  REQUIRE(gopy::initialize_from_config(embedded_config()).is_ok());
  gopy::register_atexit([](void* d) { order.push_back(*static_cast<int*>(d)); }, &first);
  gopy::register_atexit([](void* d) { order.push_back(*static_cast<int*>(d)); }, &second);
  CHECK(gopy::finalize_ex() == 0);
  CHECK(order == std::vector<int>{2, 1});
}

TEST_CASE("phase_test: 1000 initialize/finalize cycles leave nothing behind", "[lifecycle][phase][cycles]") {
  // One cycle first, so that what stays loaded for the process's life (the C++ runtime's
  // own first-use allocations, the locale) is counted in the baseline.
  REQUIRE(gopy::initialize_from_config(embedded_config()).is_ok());
  REQUIRE(gopy::finalize_ex() == 0);
  const int threads = count_proc_entries("/proc/self/task");
  const int fds = count_proc_entries("/proc/self/fd");
  for (int i = 0; i < 1000; ++i) {
    gopy::Status s = gopy::initialize_from_config(embedded_config());
    if (!s.is_ok()) FAIL("cycle " << i << ": " << s.to_string());
    if (gopy::finalize_ex() != 0) FAIL("cycle " << i << ": finalize failed");
  }
  CHECK(count_proc_entries("/proc/self/task") == threads);
  CHECK(count_proc_entries("/proc/self/fd") == fds);
  CHECK(gopy::get_thread_state() == nullptr);
}

TEST_CASE("phase_test: initializing while finalizing is refused", "[lifecycle][phase]") {
  static std::vector<std::string> seen;
  seen.clear();
  gopy::LifecycleOptions options;
  options.observer = [](std::string_view what, std::chrono::microseconds) {
    if (what != "finalize_modules") return;
    // Called from inside finalize: the runtime says it is finalizing and refuses to start.
    gopy::Status core = gopy::initialize_core(embedded_config());
    gopy::Status main = gopy::initialize_main();
    seen.push_back(std::string(gopy::runtime_state_name()));
    seen.push_back(core.is_error() ? core.message() : "ok");
    seen.push_back(main.is_error() ? main.message() : "ok");
    seen.push_back(std::to_string(gopy::finalize_ex()));  // nested: nothing to do
  };
  REQUIRE(gopy::initialize_from_config(embedded_config(), options).is_ok());
  CHECK(gopy::finalize_ex() == 0);
  REQUIRE(seen.size() == 4);
  CHECK(seen[0] == "finalizing");
  CHECK(seen[1].find("called while the runtime is finalizing") != std::string::npos);
  CHECK(seen[2].find("called while the runtime is finalizing") != std::string::npos);
  CHECK(seen[3] == "0");
  CHECK(gopy::runtime_phase() == gopy::RuntimePhase::uninitialized);
  CHECK(gopy::get_thread_state() == nullptr);
}

// Last in this file: the libraries it keeps stay mapped for the rest of the process.
TEST_CASE("phase_test: keep_plugins_loaded keeps the plugin libraries mapped across cycles",
          "[lifecycle][phase]") {
  gopy::LifecycleOptions options;
  options.keep_plugins_loaded = true;
  REQUIRE(gopy::initialize_from_config(embedded_config(), options).is_ok());
  const std::set<std::string> loaded = mapped_plugins();
  REQUIRE(loaded.count("sys") == 1);
  REQUIRE(gopy::finalize_ex() == 0);
  CHECK(gopy::runtime_phase() == gopy::RuntimePhase::uninitialized);
  CHECK(gopy::get_thread_state() == nullptr);
  CHECK(mapped_plugins() == loaded);
  // The next cycle gets a new interpreter and attaches every plugin again.
  REQUIRE(gopy::initialize_from_config(embedded_config(), options).is_ok());
  CHECK(gopy::is_initialized());
  CHECK(gopy::get_thread_state() != nullptr);
  REQUIRE(gopy::finalize_ex() == 0);
  CHECK(mapped_plugins() == loaded);
}
