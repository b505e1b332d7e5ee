// Fault containment end to end: each fault class of a shipped plugin (a third-party one
// that cannot load is skipped instead: forgiving_test.cpp) makes gopy print one clear
// line naming the plugin and exit 1, after detaching every plugin already attached in
// reverse (seen in the `-X lifecycle` trace); a failing detach stops no other detach.
#include <catch2/catch.hpp>

#include <algorithm>

#include <sys/stat.h>

#include "e2e_prefix.hpp"
#include "gopy/plugin_host.hpp"

using namespace plugin_e2e;
using plugin_test::Spec;

namespace {

struct Fault {
  const char* what;
  Spec spec;            // the faulty plugin's manifest
  fs::path library;     // its library
  std::string message;  // what its error line must contain
  bool at_discovery = false;  // found before anything attaches (ABI tag, library file)
};

// The manifest of fixture `name` attaching it at `attach` ("main 25").
Spec at(const std::string& name, const std::string& attach) {
  return Spec(name).at(R"([{"phase": ")" + attach.substr(0, 4) + R"(", "order": )" +
                       attach.substr(5) + "}]");
}

void check_contained(const RunResult& r, const std::string& plugin, const std::string& message,
                     bool at_discovery = false) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());  // nothing ran
  PluginTrace trace = plugin_trace(r.err);
  // One clear line, naming the plugin.
  REQUIRE(trace.other_lines.size() == 1);
  CHECK_THAT(trace.other_lines[0], Catch::Contains("plugin '" + plugin + "'"));
  CHECK_THAT(trace.other_lines[0], Catch::Contains(message));
  if (at_discovery) {
    CHECK(trace.attached.empty());
    CHECK(trace.failed.empty());
    return;
  }
  // It failed once, after others attached, and every one of those detached in reverse.
  REQUIRE(trace.failed.size() == 1);
  CHECK_THAT(trace.failed[0], Catch::StartsWith(plugin));
  CHECK(std::find(trace.attached.begin(), trace.attached.end(), "builtins@core:10") !=
        trace.attached.end());
  std::vector<std::string> reversed(trace.attached.rbegin(), trace.attached.rend());
  CHECK(trace.detach_order == reversed);
  CHECK(trace.detach_failed.empty());
}

}  // namespace

TEST_CASE("fault: every fault class is one line, exit 1, and a reverse detach", "[e2e][fault]") {
  const std::string kernel_tag = "supported version is " + gopy::plugin::kernel_abi().to_string();
  const std::string identity = gopy::plugin::kernel_abi().identity;
  const std::vector<Fault> faults = {
      {"attach returns an error", at("e2e_attach_error", "main 25"),
       e2e_library("e2e_attach_error"),
       "failed to attach (main 25): e2e_attach_error: refused to attach on purpose"},
      {"attach returns an error in the core phase", at("e2e_attach_error", "core 15"),
       e2e_library("e2e_attach_error"),
       "failed to attach (core 15): e2e_attach_error: refused to attach on purpose"},
      {"attach throws a C++ exception", at("e2e_attach_throws", "main 25"),
       e2e_library("e2e_attach_throws"),
       "failed to attach (main 25): e2e_attach_throws: uncaught C++ exception: thrown from "
       "attach on purpose"},
      {"the entry symbol is missing", at("e2e_no_entry", "main 25"), e2e_library("e2e_no_entry"),
       "has no entry symbol 'gopy_plugin_e2e_no_entry'"},
      {"the manifest's ABI major differs", at("e2e_ok", "main 25").tag(
           R"({"major": 3, "minor": 0, "identity": ")" + identity + "\"}"),
       e2e_library("e2e_ok"), "Got version 3.0 [" + identity + "], " + kernel_tag + " (manifest ", true},
      {"the manifest's ABI minor is newer", at("e2e_ok", "main 25").tag(
           R"({"major": 2, "minor": 99, "identity": ")" + identity + "\"}"),
       e2e_library("e2e_ok"), "Got version 2.99 [" + identity + "], " + kernel_tag, true},
      {"the manifest's ABI identity differs", at("e2e_ok", "main 25").tag(
           R"({"major": 2, "minor": 0, "identity": "other-compiler/other-stdlib/c++20"})"),
       e2e_library("e2e_ok"), "Got version 2.0 [other-compiler/other-stdlib/c++20]", true},
      {"the descriptor's ABI differs", at("tp_bad_abi", "main 25"),
       test_plugin_library("tp_bad_abi"), "Got version 99.0 [" + identity + "], " + kernel_tag +
       " (descriptor in "},
      {"the library's dependency is missing", at("tp_needs_dep", "main 25"),
       test_plugin_library("tp_needs_dep"),
       // "cannot load library <path>: " and the dynamic loader's reason
       ".so: libtp_missing_dependency.so: cannot open shared object file"},
      {"the library has an undefined symbol", at("tp_undefined", "main 25"),
       test_plugin_library("tp_undefined"), "gopy_test_function_nobody_defines"},
      {"the entry is a data symbol", at("tp_data_entry", "main 25"),
       test_plugin_library("tp_data_entry"),
       "has entry symbol 'gopy_plugin_tp_data_entry', which is not a function (manifest "},
      {"the entry is a libc function (getpid)", at("e2e_ok", "main 25").sym("getpid"),
       e2e_library("e2e_ok"), "does not itself define entry symbol 'getpid' (manifest "},
      {"the entry is a libc function (abort)", at("e2e_ok", "main 25").sym("abort"),
       e2e_library("e2e_ok"), "does not itself define entry symbol 'abort' (manifest "},
      {"a static initializer throws", at("tp_throwing_init", "main 25"),
       test_plugin_library("tp_throwing_init"),
       "threw a C++ exception from a static initializer: thrown by a static initializer on "
       "purpose (manifest "},
  };
  for (const Fault& fault : faults) {
    DYNAMIC_SECTION(fault.what) {
      GopyPrefix prefix;
      add_fixture(prefix.plugins(), fault.spec, fault.library);
      RunResult r = prefix.run({"-X", "lifecycle", "-c", "print('ran')"});
      check_contained(r, fault.spec.name, fault.message, fault.at_discovery);
    }
  }
}

TEST_CASE("fault: a library that is a FIFO is refused, not waited on", "[e2e][fault]") {
  GopyPrefix prefix;
  fs::path shipped = prefix.plugins();
  fs::path manifest = plugin_test::add_plugin(shipped, at("e2e_ok", "main 25"), false);
  fs::path library = shipped / "e2e_ok.so";
  REQUIRE(::mkfifo(library.c_str(), 0644) == 0);
  RunResult r = prefix.run({"-X", "lifecycle", "-c", "print('ran')"});
  check_contained(r, "e2e_ok", "library " + library.string() +
                                   " is not a regular file; refusing it (manifest " +
                                   manifest.string() + ")", true);
}

TEST_CASE("fault: without -X lifecycle the error is the only output", "[e2e][fault]") {
  GopyPrefix prefix;
  fs::path site = prefix.site_plugins();
  add_fixture(site, at("e2e_attach_throws", "main 25"), e2e_library("e2e_attach_throws"));
  RunResult r = prefix.run({"-c", "print('ran')"});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err ==
        "plugin 'e2e_attach_throws' failed to attach (main 25): e2e_attach_throws: uncaught C++ "
        "exception: thrown from attach on purpose\n");
}

TEST_CASE("fault: a plugin failing in detach stops no other detach", "[e2e][fault]") {
  GopyPrefix prefix;
  fs::path site = prefix.site_plugins();
  add_fixture(site, at("e2e_detach_error", "main 25"), e2e_library("e2e_detach_error"));
  add_fixture(site, at("e2e_ok", "main 40"), e2e_library("e2e_ok"));
  RunResult r = prefix.run({"-X", "lifecycle", "-c", "import e2e_ok; print(e2e_ok.attached_at)"});
  INFO("stderr: " << r.err);
  CHECK(r.out == "main 40\n");  // the program ran
  PluginTrace trace = plugin_trace(r.err);
  CHECK(trace.failed.empty());
  CHECK(trace.detach_failed == std::vector<std::string>{"e2e_detach_error@main:25"});
  // Every attached plugin detached (or tried to), in exact reverse, those after the
  // failing one included.
  std::vector<std::string> reversed(trace.attached.rbegin(), trace.attached.rend());
  CHECK(trace.detach_order == reversed);
  auto failing = std::find(trace.detach_order.begin(), trace.detach_order.end(),
                           "e2e_detach_error@main:25");
  REQUIRE(failing != trace.detach_order.end());
  CHECK(std::distance(failing, trace.detach_order.end()) > 1);
  CHECK(trace.detach_order.back() == "builtins@core:10");
  // The failure is reported on one line naming the plugin, and finalization counts as
  // failed: exit 120, as CPython's Py_RunMain when Py_FinalizeEx fails.
  CHECK(r.exit_code == 120);
  CHECK(r.err.find("plugin 'e2e_detach_error' failed to detach") != std::string::npos);
}

TEST_CASE("fault: a detach failing while a failed attach is undone is reported too",
          "[e2e][fault]") {
  // In the failing phase the sequencer undoes it; in the core phase the start-up's teardown.
  for (std::string where : {"main 25", "core 25"}) {
    DYNAMIC_SECTION(where) {
      GopyPrefix prefix;
      fs::path site = prefix.site_plugins();
      add_fixture(site, at("e2e_detach_error", where), e2e_library("e2e_detach_error"));
      add_fixture(site, at("e2e_attach_throws", "main 30"), e2e_library("e2e_attach_throws"));
      RunResult r = prefix.run({"-c", "print('ran')"});
      CHECK(r.exit_code == 1);
      CHECK(r.out.empty());
      CHECK(r.err ==
            "plugin 'e2e_attach_throws' failed to attach (main 30): e2e_attach_throws: uncaught "
            "C++ exception: thrown from attach on purpose\n"
            "plugin 'e2e_detach_error' failed to detach (" +
                where + "): e2e_detach_error: refused to detach on purpose\n");
    }
  }
}

TEST_CASE("fault: a detach failing after a fatal start-up error is reported after it",
          "[e2e][fault]") {
  GopyPrefix prefix;
  fs::path site = prefix.site_plugins();
  add_fixture(site, at("e2e_detach_error", "core 25"), e2e_library("e2e_detach_error"));
  RunResult r = prefix.run({"-c", "print('ran')"}, {"PYTHONIOENCODING=no-such-codec"});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  const std::string detach_line =
      "plugin 'e2e_detach_error' failed to detach (core 25): e2e_detach_error: refused to "
      "detach on purpose\n";
  CHECK(r.err.rfind("Fatal Python error: init_stdio_encoding: ", 0) == 0);
  REQUIRE(r.err.size() > detach_line.size());
  CHECK(r.err.substr(r.err.size() - detach_line.size()) == detach_line);
}

TEST_CASE("fault: a healthy plugin's effect is visible from gopy -c", "[e2e]") {
  GopyPrefix prefix;
  fs::path site = prefix.site_plugins();
  add_fixture(site, at("e2e_ok", "main 40"), e2e_library("e2e_ok"));
  RunResult r = prefix.run({"-c", "import e2e_ok; print(e2e_ok.attached_at)"});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "main 40\n");
  CHECK(r.err.empty());
}
