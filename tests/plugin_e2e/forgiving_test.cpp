// Forgiving plugin loading end to end: a broken third-party plugin (site-plugins or
// GOPY_PLUGIN_PATH) costs one line on stderr naming its file and the problem, and the
// program still runs; it stops gopy only when another plugin requires it or it fills a slot
// nothing else can. Every problem of a run is reported at once, and `-X plugins` shows the
// same verdicts with the exit code a run would have.
#include <catch2/catch.hpp>

#include <algorithm>

#include "e2e_prefix.hpp"
#include "gopy/plugin_host.hpp"

using namespace plugin_e2e;
using plugin_test::Spec;

namespace {

// The manifest of fixture `name` attaching at main 25 (after sys, before __main__ runs).
Spec late(const std::string& name) {
  return Spec(name).at(R"([{"phase": "main", "order": 25}])");
}

// What the kernel says of foreign_abi's tag.
std::string foreign_abi_problem() {
  return "Got version " + std::to_string(gopy::plugin::kernel_abi().major + 1) + ".0";
}

Spec foreign_abi(const std::string& name) {
  // A major the kernel does not speak: the next one.
  return late(name).tag(R"({"major": )" + std::to_string(gopy::plugin::kernel_abi().major + 1) +
                        R"(, "minor": 0, "identity": ")" + gopy::plugin::kernel_abi().identity + "\"}");
}

bool has_line(const std::string& text, const std::string& line) {
  std::vector<std::string> lines = lines_of(text);
  return std::find(lines.begin(), lines.end(), line) != lines.end();
}

}  // namespace

TEST_CASE("forgiving: each kind of broken site plugin is skipped with one line, and the program runs",
          "[e2e][forgiving]") {
  struct Broken {
    const char* what;
    Spec spec;
    fs::path library;  // empty: none installed
    std::string problem;
  };
  const std::vector<Broken> cases = {
      {"the manifest's ABI differs", foreign_abi("e2e_ok"), e2e_library("e2e_ok"), foreign_abi_problem()},
      {"the library is missing", late("e2e_ok"), {}, "not found (manifest "},
      {"the manifest is invalid", late("e2e_ok").with(R"("requires": 3)"), e2e_library("e2e_ok"),
       "key 'requires': expected an array, got an integer"},
      {"the library's dependency is missing (found when loading)", late("tp_needs_dep"),
       test_plugin_library("tp_needs_dep"), "libtp_missing_dependency.so: cannot open shared object file"},
      {"the entry symbol is missing (found when loading)", late("e2e_no_entry"),
       e2e_library("e2e_no_entry"), "has no entry symbol 'gopy_plugin_e2e_no_entry'"},
      {"the descriptor's ABI differs (found when loading)", late("tp_bad_abi"),
       test_plugin_library("tp_bad_abi"), "Got version 99.0"},
  };
  for (const Broken& b : cases) {
    DYNAMIC_SECTION(b.what) {
      GopyPrefix prefix;
      fs::path site = prefix.site_plugins();
      fs::path manifest = b.library.empty() ? plugin_test::add_plugin(site, b.spec, false)
                                            : add_fixture(site, b.spec, b.library);
      RunResult r = prefix.run({"-c", "print(1+2)"});
      INFO("stdout: " << r.out << "\nstderr: " << r.err);
      CHECK(r.exit_code == 0);
      CHECK(r.out == "3\n");
      std::vector<std::string> lines = lines_of(r.err);
      REQUIRE(lines.size() == 1);
      // The line names the file (the manifest, or the library beside it) and the problem.
      CHECK_THAT(lines[0], Catch::Contains(site.string() + "/"));
      CHECK_THAT(lines[0], Catch::Contains(b.problem));
      CHECK_THAT(lines[0], Catch::EndsWith("; skipped"));
    }
  }
}

TEST_CASE("forgiving: every problem of a run is reported at once", "[e2e][forgiving]") {
  GopyPrefix prefix;
  fs::path site = prefix.site_plugins();
  fs::path env_dir = prefix.dir("env-plugins");
  fs::path abi = add_fixture(env_dir, foreign_abi("e2e_ok"), e2e_library("e2e_ok"));
  fs::path not_json = site / "broken.json";
  plugin_test::write_file(not_json, "{\"name\": \"x\",\n  \"library\" \"x.so\"}");
  fs::path newer = add_fixture(site, late("e2e_ok").with(R"("colour": "blue")"), e2e_library("e2e_ok"));
  fs::path unloadable = add_fixture(site, late("tp_needs_dep"), test_plugin_library("tp_needs_dep"));
  RunResult r = prefix.run({"-c", "print(1+2)"}, {"GOPY_PLUGIN_PATH=" + env_dir.string()});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "3\n");
  std::vector<std::string> lines = lines_of(r.err);
  CHECK(lines.size() == 4);
  CHECK(has_line(r.err, "plugin manifest " + newer.string() + ": key 'colour': unknown key, ignored"));
  CHECK(std::count_if(lines.begin(), lines.end(), [&](const std::string& l) {
          return l.find(abi.string()) != std::string::npos && l.ends_with("; skipped");
        }) == 1);
  CHECK(has_line(r.err, "plugin manifest " + not_json.string() +
                            ": not valid JSON at 2:13: syntax error; skipped"));
  CHECK_THAT(r.err, Catch::Contains("libtp_missing_dependency.so"));
  CHECK_THAT(r.err, Catch::Contains(unloadable.parent_path().string()));
}

TEST_CASE("forgiving: a broken plugin that another requires stops gopy", "[e2e][forgiving]") {
  GopyPrefix prefix;
  fs::path site = prefix.site_plugins();
  fs::path broken = add_fixture(site, foreign_abi("e2e_ok"), e2e_library("e2e_ok"));
  fs::path sys = prefix.plugins() / "sys.json";
  std::string text = plugin_test::read_file(sys);
  std::size_t at = text.find(R"("requires": ["builtins")");
  REQUIRE(at != std::string::npos);
  text.insert(at + std::string(R"("requires": ["builtins")").size(), R"(, "e2e_ok")");
  plugin_test::write_file(sys, text);
  RunResult r = prefix.run({"-c", "print(1+2)"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  REQUIRE(lines_of(r.err).size() == 1);
  CHECK_THAT(r.err, Catch::Contains(broken.string()));
  CHECK_THAT(r.err, Catch::Contains(foreign_abi_problem()));
  CHECK_THAT(r.err, Catch::EndsWith("; plugin 'sys' requires it\n"));
}

TEST_CASE("forgiving: a broken site plugin claiming a slot gives it back to the shipped plugin",
          "[e2e][forgiving]") {
  GopyPrefix prefix;
  fs::path site = prefix.site_plugins();
  add_fixture(site, foreign_abi("e2e_ok").with(R"("provides": ["pathconfig"])"), e2e_library("e2e_ok"));
  RunResult r = prefix.run({"-c", "import sys; print(bool(sys.path))"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "True\n");
  CHECK(lines_of(r.err).size() == 1);
  RunResult plan = prefix.run({"-X", "plugins"});
  CHECK(plan.exit_code == 0);
  CHECK(has_line(plan.out, "  [2] pathconfig_unix.json: chosen"));
}

TEST_CASE("forgiving: a shipped plugin stays fatal", "[e2e][forgiving]") {
  GopyPrefix prefix;
  fs::remove(prefix.plugins() / "sys.so");
  RunResult r = prefix.run({"-c", "print(1+2)"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == "plugin 'sys': library " + (prefix.plugins() / "sys.so").string() +
                     " not found (manifest " + (prefix.plugins() / "sys.json").string() + ")\n");
}

TEST_CASE("forgiving: -X plugins checks ABI and library, shows states and exits 1 for a failing plan",
          "[e2e][forgiving][xplugins]") {
  GopyPrefix prefix;
  fs::path site = prefix.site_plugins();
  fs::path skipped = add_fixture(site, foreign_abi("e2e_ok"), e2e_library("e2e_ok"));
  RunResult ok = prefix.run({"-X", "plugins"});
  INFO("stdout: " << ok.out << "\nstderr: " << ok.err);
  CHECK(ok.exit_code == 0);
  CHECK_THAT(ok.out, Catch::Contains("  [1] e2e_ok.json: skipped (broken): Wrong API version"));
  CHECK_THAT(ok.out, Catch::Contains("warning: Wrong API version on plugin 'e2e_ok'"));

  fs::remove(prefix.plugins() / "import_stub.so");
  RunResult broken = prefix.run({"-X", "plugins"});
  INFO("stdout: " << broken.out << "\nstderr: " << broken.err);
  CHECK(broken.exit_code == 1);
  const std::string error = "plugin 'import_stub': library " +
                            (prefix.plugins() / "import_stub.so").string() + " not found (manifest " +
                            (prefix.plugins() / "import_stub.json").string() + ")";
  CHECK(has_line(broken.out, "  [2] import_stub.json: invalid: " + error));
  CHECK(has_line(broken.out, "error: " + error));
}

TEST_CASE("forgiving: -X plugins=0 turns the report off", "[e2e][forgiving][xplugins]") {
  GopyPrefix prefix;
  RunResult r = prefix.run({"-X", "plugins=0", "-c", "print(1+2)"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "3\n");
}
