// Invalid manifests end to end: `gopy -c` refuses to start with one line per invalid
// manifest (naming the file and the key) and exit code 1; under the sanitizer tree a leak
// on that path would turn the exit code into the sanitizers' own.
#include <catch2/catch.hpp>

#include "e2e_prefix.hpp"

using namespace plugin_e2e;
using plugin_test::Spec;

namespace {

// Replaces the first `from` in `file` with `to`; the test fails when `from` is absent.
void edit(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = plugin_test::read_file(file);
  std::size_t at = text.find(from);
  REQUIRE(at != std::string::npos);
  text.replace(at, from.size(), to);
  plugin_test::write_file(file, text);
}

}  // namespace

TEST_CASE("manifests: one invalid shipped manifest stops gopy -c with one line", "[e2e][manifest]") {
  struct Breakage {
    const char* manifest;
    std::string from, to;
    std::string key;  // the key the error line names
  };
  const std::vector<Breakage> breakages = {
      {"sys.json", R"("name": "sys")", R"("name": "sys", "version": 1)", "version"},
      {"sys.json", R"("entry": "gopy_plugin_sys",)", "", "entry"},
      {"builtins.json", R"("order": 10)", R"("order": "10")", "attach[0].order"},
      {"import_stub.json", R"("phase": "main")", R"("phase": "late")", "attach[0].phase"},
      {"pathconfig_unix.json", R"("library": "pathconfig_unix.so")",
       R"("library": "../pathconfig_unix.so")", "library"},
      {"sys.json", R"("requires": ["builtins"])", R"("requires": ["no_such_plugin"])", "requires"},
  };
  for (const Breakage& b : breakages) {
    DYNAMIC_SECTION(b.manifest << ": key " << b.key) {
      GopyPrefix prefix;
      fs::path file = prefix.plugins() / b.manifest;
      edit(file, b.from, b.to);
      RunResult r = prefix.run({"-c", "print(1+2)"});
      INFO("stderr: " << r.err);
      CHECK(r.exit_code == 1);
      CHECK(r.out.empty());
      REQUIRE(lines_of(r.err).size() == 1);
      CHECK_THAT(r.err, Catch::StartsWith("plugin manifest " + file.string() + ": key '" + b.key + "': "));
    }
  }
}

TEST_CASE("manifests: every invalid manifest is reported together", "[e2e][manifest]") {
  GopyPrefix prefix;
  fs::path site = prefix.site_plugins();
  fs::path env_dir = prefix.dir("env-plugins");
  // Three directories, four problems: all reported, one line each, in search order.
  fs::path no_entry = env_dir / "no_entry.json";
  plugin_test::write_file(no_entry, R"({"name": "no_entry", "library": "x.so",
    "abi": {"major": 2, "minor": 0, "identity": "x"}, "attach": [{"phase": "main", "order": 1}]})");
  fs::path not_json = site / "broken.json";
  plugin_test::write_file(not_json, "{\"name\": ");
  fs::path bad_phase = plugin_test::add_plugin(site, Spec("e2e_ok").at(R"([{"phase": "early", "order": 1}])"), false);
  fs::path sys = prefix.plugins() / "sys.json";
  edit(sys, R"("name": "sys")", R"("name": 7)");
  // The third-party ones are skipped (first), the shipped one stops gopy.
  RunResult r = prefix.run({"-c", "print(1+2)"}, {"GOPY_PLUGIN_PATH=" + env_dir.string()});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  std::vector<std::string> lines = lines_of(r.err);
  REQUIRE(lines.size() == 4);
  CHECK_THAT(lines[0], Catch::StartsWith("plugin manifest " + no_entry.string() + ": key 'entry': "));
  // The site-plugins directory is listed in name order.
  CHECK_THAT(lines[1], Catch::StartsWith("plugin manifest " + not_json.string() + ": not valid JSON"));
  CHECK_THAT(lines[2], Catch::StartsWith("plugin manifest " + bad_phase.string() + ": key 'attach[0].phase': "));
  CHECK_THAT(lines[3], Catch::StartsWith("plugin manifest " + sys.string() + ": key 'name': "));
}

TEST_CASE("manifests: two plugins of one name in one directory name both files", "[e2e][manifest]") {
  GopyPrefix prefix;
  fs::path site = prefix.site_plugins();
  fs::path first = plugin_test::add_plugin(site, Spec("e2e_ok"), false, "a_first");
  fs::path second = plugin_test::add_plugin(site, Spec("e2e_ok"), false, "b_second");
  install_library(e2e_library("e2e_ok"), site);
  RunResult r = prefix.run({"-c", "print(1+2)"});
  INFO("stderr: " << r.err);
  // Third-party: both are skipped, with one line.
  CHECK(r.exit_code == 0);
  CHECK(r.out == "3\n");
  REQUIRE(lines_of(r.err).size() == 1);
  CHECK_THAT(r.err, Catch::EndsWith("; skipped\n"));
  CHECK_THAT(r.err, Catch::Contains(first.string()));
  CHECK_THAT(r.err, Catch::Contains(second.string()));
}

TEST_CASE("manifests: a \\u0000 in a manifest string cuts off no error line", "[e2e][manifest]") {
  GopyPrefix prefix;
  fs::path site = prefix.site_plugins();
  // First in name order: a name holding a NUL; then a library path holding one (which would
  // name another file at the NUL), a document that is not JSON, and a shipped manifest.
  fs::path nul_name = plugin_test::add_plugin(site, Spec("e2e_ok"), false, "a_nul_name");
  edit(nul_name, R"("name": "e2e_ok")", R"("name": "e2e\u0000ok")");
  fs::path nul_library = plugin_test::add_plugin(site, Spec("e2e_ok").lib("e2e_ok.so\\u0000.txt"),
                                                 false, "b_nul_library");
  fs::path not_json = site / "c_broken.json";
  plugin_test::write_file(not_json, "{\"name\": \"\\u0000");
  fs::path sys = prefix.plugins() / "sys.json";
  edit(sys, R"("name": "sys")", R"("name": 7)");
  RunResult r = prefix.run({"-c", "print(1+2)"});
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find('\0') == std::string::npos);
  std::vector<std::string> lines = lines_of(r.err);
  REQUIRE(lines.size() == 4);
  CHECK(lines[0] == "plugin manifest " + nul_name.string() +
                        ": key 'name': 'e2e\\u0000ok' is not a valid name (letters, digits and '_'); skipped");
  CHECK(lines[1] == "plugin manifest " + nul_library.string() +
                        ": key 'library': path 'e2e_ok.so\\u0000.txt' contains a NUL character; skipped");
  CHECK_THAT(lines[2], Catch::StartsWith("plugin manifest " + not_json.string() + ": not valid JSON"));
  CHECK_THAT(lines[3], Catch::StartsWith("plugin manifest " + sys.string() + ": key 'name': "));
}
