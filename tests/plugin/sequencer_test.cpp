// The sequencer: attach order follows the manifests, detach is the exact reverse, a failure
// unwinds what attached and comes back as an error.
#include <catch2/catch.hpp>

#include <cstring>

#include "gopy/plugin_host.hpp"
#include "plugin_dir.hpp"
#include "test_trace.h"

using namespace gopy::plugin;
using plugin_test::add_plugin;
using plugin_test::Spec;
using plugin_test::TempDir;
namespace fs = std::filesystem;

namespace {

// tp_a core 10; tp_b core 20 and main 20; tp_c main 10; tp_d main 30, requires tp_b.
void add_ordered_set(const fs::path& dir) {
  add_plugin(dir, Spec("tp_d").at(R"([{"phase": "main", "order": 30}])").with(R"("requires": ["tp_b"])"));
  add_plugin(dir, Spec("tp_c").at(R"([{"phase": "main", "order": 10}])"));
  add_plugin(dir, Spec("tp_b").at(R"([{"phase": "core", "order": 20}, {"phase": "main", "order": 20}])"));
  add_plugin(dir, Spec("tp_a").at(R"([{"phase": "core", "order": 10}])"));
}

// tp_a, tp_b, tp_c at core 10, 20, 30.
void add_core_chain(const fs::path& dir) {
  add_plugin(dir, Spec("tp_a").at(R"([{"phase": "core", "order": 10}])"));
  add_plugin(dir, Spec("tp_b").at(R"([{"phase": "core", "order": 20}])"));
  add_plugin(dir, Spec("tp_c").at(R"([{"phase": "core", "order": 30}])"));
}

PluginHost host_for(const fs::path& dir) {
  Plan plan = discover({dir}, "linux");
  INFO(plan.describe());
  REQUIRE(plan.ok());
  return PluginHost(std::move(plan));
}

}  // namespace

TEST_CASE("sequencer: attach follows the manifests, finalize detaches in exact reverse",
          "[sequencer]") {
  TempDir tmp;
  add_ordered_set(tmp.path());
  PluginHost host = host_for(tmp.path());
  TestTrace trace;
  REQUIRE(host.attach_phase(Phase::core, &trace).is_ok());
  CHECK(std::string(trace.text) == "tp_a+ tp_b+");
  REQUIRE(host.attach_phase(Phase::main, &trace).is_ok());
  CHECK(std::string(trace.text) == "tp_a+ tp_b+ tp_c+ tp_b+ tp_d+");
  CHECK(host.attached() == std::vector<std::string>{"tp_a@core:10", "tp_b@core:20", "tp_c@main:10",
                                                    "tp_b@main:20", "tp_d@main:30"});
  REQUIRE(host.detach_all(&trace).is_ok());
  CHECK(host.attached().empty());
  const std::string expected = "tp_a+ tp_b+ tp_c+ tp_b+ tp_d+ tp_d- tp_b- tp_c- tp_b- tp_a-";
  CHECK(std::string(trace.text) == expected);
  CHECK(host.trace_text() == expected);  // the kernel's record agrees with the plugins'
  host.unload_all();
}

TEST_CASE("sequencer: a failing attach unwinds in reverse and returns the error", "[sequencer]") {
  TempDir tmp;
  add_core_chain(tmp.path());
  PluginHost host = host_for(tmp.path());
  TestTrace trace;
  std::strcpy(trace.fail_attach, "tp_c");
  gopy::Status status = host.attach_phase(Phase::core, &trace);
  REQUIRE(status.is_error());
  CHECK(status.exit_code() == 1);
  CHECK(status.category() == gopy::Status::Category::plugin);
  CHECK(status.message() ==
        "plugin 'tp_c' failed to attach (core 30): test_attach: attach of tp_c failed on purpose");
  CHECK(std::string(trace.text) == "tp_a+ tp_b+ tp_c! tp_b- tp_a-");
  CHECK(host.trace_text() == "tp_a+ tp_b+ tp_c! tp_b- tp_a-");
  CHECK(host.attached().empty());
  // Nothing more attaches until the host starts over.
  CHECK(host.attach_phase(Phase::main, &trace).is_error());
  host.unload_all();

  TestTrace again;
  REQUIRE(host.attach_phase(Phase::core, &again).is_ok());
  CHECK(std::string(again.text) == "tp_a+ tp_b+ tp_c+");
  CHECK(host.detach_all(&again).is_ok());
  CHECK(std::string(again.text) == "tp_a+ tp_b+ tp_c+ tp_c- tp_b- tp_a-");
}

TEST_CASE("sequencer: a failure in the main phase unwinds the core phase too", "[sequencer]") {
  TempDir tmp;
  add_ordered_set(tmp.path());
  PluginHost host = host_for(tmp.path());
  TestTrace trace;
  std::strcpy(trace.fail_attach, "tp_d");
  REQUIRE(host.attach_phase(Phase::core, &trace).is_ok());
  REQUIRE(host.attach_phase(Phase::main, &trace).is_error());
  CHECK(std::string(trace.text) == "tp_a+ tp_b+ tp_c+ tp_b+ tp_d! tp_b- tp_c- tp_b- tp_a-");
}

TEST_CASE("sequencer: a C++ exception thrown in attach is contained", "[sequencer]") {
  TempDir tmp;
  add_core_chain(tmp.path());
  PluginHost host = host_for(tmp.path());
  TestTrace trace;
  std::strcpy(trace.throw_attach, "tp_b");
  gopy::Status status = host.attach_phase(Phase::core, &trace);
  REQUIRE(status.is_error());
  CHECK(status.message() ==
        "plugin 'tp_b' failed to attach (core 20): tp_b: uncaught C++ exception: thrown by tp_b");
  CHECK(std::string(trace.text) == "tp_a+ tp_b! tp_a-");
}

TEST_CASE("sequencer: an exception from a plugin without the SDK wrapper is contained",
          "[sequencer]") {
  TempDir tmp;
  add_plugin(tmp.path(), Spec("tp_a").at(R"([{"phase": "core", "order": 1}])"));
  add_plugin(tmp.path(), Spec("tp_raw").at(R"([{"phase": "core", "order": 2}])"));
  PluginHost host = host_for(tmp.path());
  TestTrace trace;
  gopy::Status status = host.attach_phase(Phase::core, &trace);
  REQUIRE(status.is_error());
  CHECK(status.message() ==
        "plugin 'tp_raw' failed to attach (core 2): tp_raw: uncaught C++ exception: raw plugin threw");
  CHECK(std::string(trace.text) == "tp_a+ tp_raw! tp_a-");
}

TEST_CASE("sequencer: a detach failing while an attach failure unwinds adds its line",
          "[sequencer]") {
  TempDir tmp;
  add_core_chain(tmp.path());
  PluginHost host = host_for(tmp.path());
  TestTrace trace;
  std::strcpy(trace.fail_attach, "tp_c");
  std::strcpy(trace.fail_detach, "tp_a");
  gopy::Status status = host.attach_phase(Phase::core, &trace);
  REQUIRE(status.is_error());
  CHECK(status.category() == gopy::Status::Category::plugin);
  CHECK(status.message() ==
        "plugin 'tp_c' failed to attach (core 30): test_attach: attach of tp_c failed on purpose\n"
        "plugin 'tp_a' failed to detach (core 10): test_detach: detach of tp_a failed on purpose");
  CHECK(std::string(trace.text) == "tp_a+ tp_b+ tp_c! tp_b- tp_a-!");
  host.unload_all();
}

TEST_CASE("sequencer: a failing detach does not stop the others", "[sequencer]") {
  TempDir tmp;
  add_core_chain(tmp.path());
  PluginHost host = host_for(tmp.path());
  TestTrace trace;
  std::strcpy(trace.fail_detach, "tp_b");
  REQUIRE(host.attach_phase(Phase::core, &trace).is_ok());
  gopy::Status status = host.detach_all(&trace);
  REQUIRE(status.is_error());
  CHECK(status.message() ==
        "plugin 'tp_b' failed to detach (core 20): test_detach: detach of tp_b failed on purpose");
  CHECK(std::string(trace.text) == "tp_a+ tp_b+ tp_c+ tp_c- tp_b-! tp_a-");
  CHECK(host.trace_text() == "tp_a+ tp_b+ tp_c+ tp_c- tp_b-! tp_a-");
}

TEST_CASE("sequencer: a plugin failing to load unwinds like a failing attach", "[sequencer]") {
  TempDir tmp;
  add_plugin(tmp.path(), Spec("tp_a").at(R"([{"phase": "core", "order": 10}])"));
  add_plugin(tmp.path(), Spec("tp_b").at(R"([{"phase": "core", "order": 20}])"), false);
  add_plugin(tmp.path(), Spec("tp_c").at(R"([{"phase": "core", "order": 30}])"));
  PluginHost host = host_for(tmp.path());
  TestTrace trace;
  gopy::Status status = host.attach_phase(Phase::core, &trace);
  REQUIRE(status.is_error());
  CHECK(status.message().find("plugin 'tp_b': library ") == 0);
  CHECK(host.trace_text() == "tp_a+ tp_b! tp_a-");
  CHECK(std::string(trace.text) == "tp_a+ tp_a-");
  REQUIRE(host.trace().size() >= 3);
  CHECK(host.trace()[2].kind == TraceEvent::Kind::attach_failed);
  CHECK(host.trace()[2].order == 20);
}

TEST_CASE("sequencer: the trace hook sees loads, attaches, detaches and unloads in order",
          "[sequencer]") {
  TempDir tmp;
  add_core_chain(tmp.path());
  PluginHost host = host_for(tmp.path());
  std::vector<std::string> seen;
  host.set_trace_hook([&](const TraceEvent& e) {
    seen.push_back(std::string(kind_name(e.kind)) + " " + e.plugin);
    CHECK(e.duration.count() >= 0);
  });
  TestTrace trace;
  REQUIRE(host.attach_phase(Phase::core, &trace).is_ok());
  CHECK(host.detach_all(&trace).is_ok());
  host.unload_all();
  CHECK(seen == std::vector<std::string>{"load tp_a", "attach tp_a", "load tp_b", "attach tp_b",
                                         "load tp_c", "attach tp_c", "detach tp_c", "detach tp_b",
                                         "detach tp_a", "unload tp_c", "unload tp_b",
                                         "unload tp_a"});
  CHECK(host.trace().size() == seen.size());
}

TEST_CASE("sequencer: a host can be moved while attached", "[sequencer]") {
  TempDir tmp;
  add_core_chain(tmp.path());
  TestTrace trace;
  PluginHost first = host_for(tmp.path());
  REQUIRE(first.attach_phase(Phase::core, &trace).is_ok());
  PluginHost second(std::move(first));
  CHECK(second.attached().size() == 3);
  CHECK(second.detach_all(&trace).is_ok());
  CHECK(std::string(trace.text) == "tp_a+ tp_b+ tp_c+ tp_c- tp_b- tp_a-");
}

TEST_CASE("sequencer: phases attach once each, core first", "[sequencer]") {
  TempDir tmp;
  add_ordered_set(tmp.path());
  PluginHost host = host_for(tmp.path());
  TestTrace trace;
  CHECK(host.attach_phase(Phase::main, &trace).is_error());
  REQUIRE(host.attach_phase(Phase::core, &trace).is_ok());
  CHECK(host.attach_phase(Phase::core, &trace).is_error());
  REQUIRE(host.attach_phase(Phase::main, &trace).is_ok());
  // Destroying the host detaches and unloads what is left.
}

TEST_CASE("sequencer: an invalid plan attaches nothing and returns every error", "[sequencer]") {
  TempDir tmp;
  add_plugin(tmp.path(), Spec("tp_a"));
  plugin_test::write_file(tmp.path() / "broken.json", "{}");
  plugin_test::write_file(tmp.path() / "broken2.json", "[]");
  Plan plan = discover({tmp.path()}, "linux");
  REQUIRE(plan.errors.size() == 2);
  PluginHost host(std::move(plan));
  TestTrace trace;
  gopy::Status status = host.attach_phase(Phase::core, &trace);
  REQUIRE(status.is_error());
  CHECK(status.message() == host.plan().errors[0] + "\n" + host.plan().errors[1]);
  CHECK(std::string(trace.text).empty());
}

TEST_CASE("sequencer: every fault class gives one error line, exit code 1 and an unwound trace",
          "[sequencer][faults]") {
  struct Fault {
    const char* what;
    std::string plugin;         // the faulty plugin, attached at core 20
    Spec spec;                  // its manifest
    const char* switch_name;    // TestTrace switch to set, if any
    std::string message_start;  // how its error line begins
  };
  const std::string identity = kernel_abi().identity;
  const std::vector<Fault> faults = {
      {"error from attach", "tp_b", Spec("tp_b"), "fail_attach", "plugin 'tp_b' failed to attach (core 20): "},
      {"C++ exception in attach", "tp_b", Spec("tp_b"), "throw_attach", "plugin 'tp_b' failed to attach (core 20): "},
      {"missing entry symbol", "tp_b", Spec("tp_b").sym("gopy_plugin_elsewhere"), nullptr, "plugin 'tp_b': library "},
      {"wrong ABI in the manifest", "tp_b",
       Spec("tp_b").tag(R"({"major": 9, "minor": 0, "identity": ")" + identity + "\"}"), nullptr,
       "Wrong API version on plugin 'tp_b'. Got version 9.0"},
      {"wrong ABI in the descriptor", "tp_bad_abi", Spec("tp_bad_abi"), nullptr,
       "Wrong API version on plugin 'tp_bad_abi'. Got version 99.0"},
      {"missing dependency", "tp_needs_dep", Spec("tp_needs_dep"), nullptr,
       "plugin 'tp_needs_dep': cannot load library "},
  };
  for (const Fault& fault : faults) {
    INFO(fault.what);
    TempDir tmp;
    add_plugin(tmp.path(), Spec("tp_a").at(R"([{"phase": "core", "order": 10}])"));
    add_plugin(tmp.path(), Spec(fault.spec).at(R"([{"phase": "core", "order": 20}])"));
    add_plugin(tmp.path(), Spec("tp_c").at(R"([{"phase": "core", "order": 30}])"));
    PluginHost host = host_for(tmp.path());
    TestTrace trace;
    std::string name = fault.switch_name != nullptr ? fault.switch_name : "";
    if (name == "fail_attach") std::strcpy(trace.fail_attach, "tp_b");
    if (name == "throw_attach") std::strcpy(trace.throw_attach, "tp_b");
    gopy::Status status = host.attach_phase(Phase::core, &trace);
    REQUIRE(status.is_error());
    CHECK(status.exit_code() == 1);
    CHECK(status.message().rfind(fault.message_start, 0) == 0);
    CHECK(status.message().find('\n') == std::string::npos);
    CHECK(host.trace_text() == "tp_a+ " + fault.plugin + "! tp_a-");
    CHECK(host.attached().empty());
  }
}
