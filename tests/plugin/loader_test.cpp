// Loading: ABI checks (manifest and descriptor), missing library, missing symbol, and the
// libraries and entries the loader refuses before calling in.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "gopy/plugin.hpp"
#include "gopy/plugin_host.hpp"
#include "plugin_dir.hpp"
#include "test_trace.h"

using namespace gopy::plugin;
using plugin_test::add_plugin;
using plugin_test::Spec;
using plugin_test::TempDir;
namespace fs = std::filesystem;

namespace {

// Attaches the core phase of a one-plugin directory; returns the status.
gopy::Status attach_one(const fs::path& dir, TestTrace* trace, std::string* trace_text = nullptr) {
  Plan plan = discover({dir}, "linux");
  REQUIRE(plan.ok());
  PluginHost host(std::move(plan));
  gopy::Status status = host.attach_phase(Phase::core, trace);
  if (trace_text != nullptr) *trace_text = host.trace_text();
  CHECK(host.attached().empty() != status.is_ok());
  CHECK(host.detach_all(trace).is_ok());
  host.unload_all();
  return status;
}

std::string kernel_tag() { return kernel_abi().to_string(); }

}  // namespace

TEST_CASE("loader: the kernel's ABI tag", "[loader]") {
  const AbiTag& k = kernel_abi();
  CHECK(k.major == GOPY_ABI_MAJOR);
  CHECK(k.minor == GOPY_ABI_MINOR);
  CHECK(k.identity == GOPY_ABI_IDENTITY);
  CHECK(k.identity.find("/c++") != std::string::npos);
  CHECK(abi_compatible(k, k));
  CHECK(abi_compatible({k.major, 0, k.identity}, {k.major, 3, k.identity}));   // older minor
  CHECK_FALSE(abi_compatible({k.major, 4, k.identity}, {k.major, 3, k.identity}));  // newer
  CHECK_FALSE(abi_compatible({k.major + 1, 0, k.identity}, k));
  CHECK_FALSE(abi_compatible({k.major, k.minor, "other-compiler"}, k));
  // "c": only the C interfaces (the module API arrived with minor 1), any compiler.
  CHECK(abi_compatible({k.major, 1, "c"}, k));
  CHECK_FALSE(abi_compatible({k.major, 0, "c"}, k));
  CHECK_FALSE(abi_compatible({k.major + 1, 1, "c"}, k));
}

TEST_CASE("loader: a plugin loads and attaches", "[loader]") {
  TempDir tmp;
  add_plugin(tmp.path(), Spec("tp_a"));
  TestTrace trace;
  REQUIRE(attach_one(tmp.path(), &trace).is_ok());
  CHECK(std::string(trace.text) == "tp_a+ tp_a-");
}

TEST_CASE("loader: a wrong ABI in the manifest is refused before loading", "[loader]") {
  TempDir tmp;
  std::string identity = kernel_abi().identity;
  fs::path file = add_plugin(tmp.path(), Spec("tp_a").tag(R"({"major": 3, "minor": 0, "identity": ")" + identity + "\"}"));
  TestTrace trace;
  std::string text;
  gopy::Status status = attach_one(tmp.path(), &trace, &text);
  REQUIRE(status.is_error());
  CHECK(status.message() == "Wrong API version on plugin 'tp_a'. Got version 3.0 [" + identity +
                                "], supported version is " + kernel_tag() + " (manifest " +
                                file.string() + ")");
  CHECK(std::string(trace.text).empty());  // never called into
  CHECK(text == "tp_a!");

  // A newer minor, or another compiler identity, is refused as well.
  add_plugin(tmp.path(), Spec("tp_a").tag(R"({"major": 2, "minor": 99, "identity": ")" + identity + "\"}"));
  CHECK(attach_one(tmp.path(), &trace).message().find("Got version 2.99 [") != std::string::npos);
  add_plugin(tmp.path(), Spec("tp_a").tag(R"({"major": 2, "minor": 0, "identity": "msvc-1939/msvcstl-143/c++20"})"));
  CHECK(attach_one(tmp.path(), &trace).message() ==
        "Wrong API version on plugin 'tp_a'. Got version 2.0 [msvc-1939/msvcstl-143/c++20], "
        "supported version is " + kernel_tag() + " (manifest " + file.string() + ")");
}

TEST_CASE("loader: a wrong ABI in the descriptor is refused before calling in", "[loader]") {
  TempDir tmp;
  add_plugin(tmp.path(), Spec("tp_bad_abi"));
  TestTrace trace;
  gopy::Status status = attach_one(tmp.path(), &trace);
  REQUIRE(status.is_error());
  CHECK(status.message() == "Wrong API version on plugin 'tp_bad_abi'. Got version 99.0 [" +
                                kernel_abi().identity + "], supported version is " + kernel_tag() +
                                " (descriptor in " + (tmp.path() / "tp_bad_abi.so").string() + ")");
  CHECK(std::string(trace.text).empty());
}

TEST_CASE("loader: a missing library is a clear error", "[loader]") {
  TempDir tmp;
  fs::path file = add_plugin(tmp.path(), Spec("tp_a"), false);
  gopy::Status status = attach_one(tmp.path(), nullptr);
  REQUIRE(status.is_error());
  CHECK(status.message() == "plugin 'tp_a': library " + (tmp.path() / "tp_a.so").string() +
                                " not found (manifest " + file.string() + ")");
}

TEST_CASE("loader: a library that is not a shared object is a clear error", "[loader]") {
  TempDir tmp;
  add_plugin(tmp.path(), Spec("tp_a"), false);
  plugin_test::write_file(tmp.path() / "tp_a.so", "not an ELF file");
  gopy::Status status = attach_one(tmp.path(), nullptr);
  REQUIRE(status.is_error());
  std::string prefix = "plugin 'tp_a': cannot load library " + (tmp.path() / "tp_a.so").string() + ": ";
  CHECK(status.message().rfind(prefix, 0) == 0);
  CHECK(status.message().size() > prefix.size());
}

TEST_CASE("loader: a missing entry symbol is a clear error", "[loader]") {
  TempDir tmp;
  fs::path file = add_plugin(tmp.path(), Spec("tp_a").sym("gopy_plugin_nowhere"));
  gopy::Status status = attach_one(tmp.path(), nullptr);
  REQUIRE(status.is_error());
  CHECK(status.message() == "plugin 'tp_a': library " + (tmp.path() / "tp_a.so").string() +
                                " has no entry symbol 'gopy_plugin_nowhere' (manifest " +
                                file.string() + ")");
}

// The one-line error for `problem` with plugin `name`'s library in `dir`.
static std::string library_error(const fs::path& dir, const std::string& name, const fs::path& manifest,
                          const std::string& problem) {
  return "plugin '" + name + "': library " + (dir / (name + ".so")).string() + " " + problem +
         " (manifest " + manifest.string() + ")";
}

TEST_CASE("loader: an entry that is a data symbol is refused before calling in", "[loader]") {
  TempDir tmp;
  fs::path file = add_plugin(tmp.path(), Spec("tp_data_entry"));
  gopy::Status status = attach_one(tmp.path(), nullptr);
  REQUIRE(status.is_error());
  CHECK(status.message() ==
        library_error(tmp.path(), "tp_data_entry", file,
                      "has entry symbol 'gopy_plugin_tp_data_entry', which is not a function"));
}

TEST_CASE("loader: an entry that only a dependency defines (libc) is refused", "[loader]") {
  for (const char* symbol : {"getpid", "abort", "malloc"}) {
    DYNAMIC_SECTION(symbol) {
      TempDir tmp;
      fs::path file = add_plugin(tmp.path(), Spec("tp_a").sym(symbol));
      TestTrace trace;
      gopy::Status status = attach_one(tmp.path(), &trace);
      REQUIRE(status.is_error());
      CHECK(status.message() == library_error(tmp.path(), "tp_a", file,
                                              std::string("does not itself define entry symbol '") +
                                                  symbol + "'"));
      CHECK(std::string(trace.text).empty());
    }
  }
}

TEST_CASE("loader: a library that is not a regular file is refused without opening it", "[loader]") {
  TempDir tmp;
  fs::path file = add_plugin(tmp.path(), Spec("tp_a"), false);
  SECTION("a FIFO (dlopen would wait for a writer forever)") {
    REQUIRE(::mkfifo((tmp.path() / "tp_a.so").c_str(), 0644) == 0);
  }
  SECTION("a directory") { fs::create_directory(tmp.path() / "tp_a.so"); }
  gopy::Status status = attach_one(tmp.path(), nullptr);
  REQUIRE(status.is_error());
  CHECK(status.message() ==
        library_error(tmp.path(), "tp_a", file, "is not a regular file; refusing it"));
}

TEST_CASE("loader: an exception from a static initializer is contained and reported", "[loader]") {
  TempDir tmp;
  fs::path file = add_plugin(tmp.path(), Spec("tp_throwing_init"));
  gopy::Status status = attach_one(tmp.path(), nullptr);
  REQUIRE(status.is_error());
  CHECK(status.message() ==
        library_error(tmp.path(), "tp_throwing_init", file,
                      "threw a C++ exception from a static initializer: thrown by a static "
                      "initializer on purpose"));
  // The loader still works afterwards.
  TempDir other;
  add_plugin(other.path(), Spec("tp_a"));
  CHECK(attach_one(other.path(), nullptr).is_ok());
}

TEST_CASE("loader: a descriptor naming another plugin is refused", "[loader]") {
  TempDir tmp;
  // tp_b.so under the name tp_a.
  plugin_test::copy_plugin(tmp.path(), "tp_b");
  fs::rename(tmp.path() / "tp_b.so", tmp.path() / "tp_a.so");
  add_plugin(tmp.path(), Spec("tp_a").sym("gopy_plugin_tp_b"), false);
  gopy::Status status = attach_one(tmp.path(), nullptr);
  CHECK(status.message() == "plugin 'tp_a': library " + (tmp.path() / "tp_a.so").string() +
                                " describes itself as 'tp_b'");
}

TEST_CASE("loader: a manifest copied by gopy_plugin() carries the kernel's ABI", "[loader]") {
  Plan plan = discover({GOPY_TEST_PLUGIN_DIR}, "linux");
  REQUIRE(plan.ok());
  REQUIRE(plan.plugins.size() == 1);
  CHECK(plan.plugins[0].abi.identity == kernel_abi().identity);
  PluginHost host(std::move(plan));
  TestTrace trace;
  REQUIRE(host.attach_phase(Phase::core, &trace).is_ok());
  CHECK(host.detach_all(&trace).is_ok());
  CHECK(std::string(trace.text) == "tp_a+ tp_a-");
}

TEST_CASE("loader: a plugin whose dependency is missing fails to load, clearly", "[loader]") {
  TempDir tmp;
  add_plugin(tmp.path(), Spec("tp_needs_dep"));
  gopy::Status status = attach_one(tmp.path(), nullptr);
  REQUIRE(status.is_error());
  CHECK(status.message() == "plugin 'tp_needs_dep': cannot load library " +
                                (tmp.path() / "tp_needs_dep.so").string() +
                                ": libtp_missing_dependency.so: cannot open shared object file: "
                                "No such file or directory");
}

TEST_CASE("loader: lazily bound, a plugin loads although a symbol it never calls is missing",
          "[loader]") {
  TempDir tmp;
  add_plugin(tmp.path(), Spec("tp_undefined"));
  Plan plan = discover({tmp.path()}, "linux");
  REQUIRE(plan.ok());
  PluginHost host(std::move(plan), HostOptions{.bind_now = false, .on_skip = {}});
  // With no interpreter its attach does not call the undefined function.
  REQUIRE(host.attach_phase(Phase::core, nullptr).is_ok());
  CHECK(host.trace_text() == "tp_undefined+");
}

TEST_CASE("loader: an undefined symbol fails at load, not at the first call", "[loader]") {
  TempDir tmp;
  add_plugin(tmp.path(), Spec("tp_undefined"));
  gopy::Status status = attach_one(tmp.path(), nullptr);
  REQUIRE(status.is_error());
  CHECK(status.message() == "plugin 'tp_undefined': cannot load library " +
                                (tmp.path() / "tp_undefined.so").string() + ": " +
                                (tmp.path() / "tp_undefined.so").string() +
                                ": undefined symbol: gopy_test_function_nobody_defines");
}
