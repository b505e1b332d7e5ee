// Manifest validation: each rule has a fixture and its exact one-line error.
#include <catch2/catch.hpp>

#include "gopy/plugin_host.hpp"
#include "plugin_dir.hpp"

using namespace gopy::plugin;
using plugin_test::Spec;
using plugin_test::TempDir;
namespace fs = std::filesystem;

namespace {

const fs::path kFixtures = GOPY_TEST_FIXTURES;

// Discovers a temporary directory holding only fixtures/single/<name>.json.
std::vector<std::string> errors_of(const std::string& name, fs::path* file_out = nullptr) {
  TempDir dir;
  fs::path file = dir.path() / (name + ".json");
  fs::copy_file(kFixtures / "single" / (name + ".json"), file);
  fs::permissions(file, fs::perms(0644));
  Plan plan = discover({dir.path()}, "linux");
  if (file_out != nullptr) *file_out = file;
  REQUIRE(plan.candidates.size() == 1);
  CHECK(plan.candidates[0].state == Candidate::State::invalid);
  CHECK(plan.plugins.empty());
  return plan.errors;
}

std::string expected(const fs::path& file, const std::string& key, const std::string& problem) {
  return "plugin manifest " + file.string() + ": key '" + key + "': " + problem;
}

}  // namespace

// Discovers a temporary directory holding only fixtures/single/<name>.json, which must be
// valid, and returns the plan's warnings.
std::vector<std::string> warnings_of(const std::string& name, fs::path* file_out) {
  TempDir dir;
  fs::path file = dir.path() / (name + ".json");
  fs::copy_file(kFixtures / "single" / (name + ".json"), file);
  fs::permissions(file, fs::perms(0644));
  Plan plan = discover({dir.path()}, "linux");
  *file_out = file;
  REQUIRE(plan.candidates.size() == 1);
  CHECK(plan.candidates[0].state == Candidate::State::chosen);
  CHECK(plan.ok());
  return plan.warnings;
}

// The one error of a manifest holding `text`.
std::string error_of_text(const std::string& text, fs::path* file_out) {
  TempDir dir;
  fs::path file = dir.path() / "m.json";
  plugin_test::write_file(file, text);
  Plan plan = discover({dir.path()}, "linux");
  *file_out = file;
  REQUIRE(plan.errors.size() == 1);
  return plan.errors[0];
}

TEST_CASE("manifest: an unknown key is a warning naming it, and the plugin is kept", "[manifest]") {
  fs::path file;
  std::vector<std::string> warnings = warnings_of("unknown_key", &file);
  REQUIRE(warnings == std::vector<std::string>{expected(file, "colour", "unknown key, ignored")});
  warnings = warnings_of("abi_unknown_key", &file);
  REQUIRE(warnings == std::vector<std::string>{expected(file, "abi.patch", "unknown key, ignored")});
}

TEST_CASE("manifest: \"version\" is allowed, and must be a string", "[manifest]") {
  TempDir dir;
  plugin_test::add_plugin(dir.path(), Spec("tp_a").with(R"("version": "1.2.3")"), false);
  Plan plan = discover({dir.path()}, "linux");
  CHECK(plan.ok());
  CHECK(plan.warnings.empty());
  fs::path file;
  std::string error = error_of_text(Spec("m").with(R"("version": 1)").to_json(), &file);
  CHECK(error == expected(file, "version", "expected a string, got an integer"));
}

TEST_CASE("manifest: a JSON syntax error carries line:column", "[manifest]") {
  struct Case {
    const char* text;
    const char* problem;
  };
  for (const Case& c : {Case{"{\n  \"name\" 1}", "not valid JSON at 2:10: syntax error"},
                        Case{"{\"name\":\n", "not valid JSON at 2:1: incomplete JSON"},  // at the end
                        Case{"{} x", "not valid JSON at 1:4: extra data"}}) {
    fs::path file;
    std::string error = error_of_text(c.text, &file);
    CHECK(error == "plugin manifest " + file.string() + ": " + c.problem);
  }
}

TEST_CASE("manifest: a missing key is named", "[manifest]") {
  fs::path file;
  auto errors = errors_of("missing_key", &file);
  REQUIRE(errors == std::vector<std::string>{expected(file, "entry", "missing key")});
}

TEST_CASE("manifest: a wrong type names the key path and both types", "[manifest]") {
  fs::path file;
  auto errors = errors_of("wrong_type", &file);
  REQUIRE(errors == std::vector<std::string>{
                        expected(file, "attach[0].order", "expected an integer, got a string")});
  errors = errors_of("wrong_type_requires", &file);
  REQUIRE(errors ==
          std::vector<std::string>{expected(file, "requires", "expected an array, got a string")});
}

TEST_CASE("manifest: an unknown phase is named", "[manifest]") {
  fs::path file;
  auto errors = errors_of("unknown_phase", &file);
  REQUIRE(errors == std::vector<std::string>{expected(
                        file, "attach[0].phase",
                        "unknown phase 'early' (expected \"core\" or \"main\")")});
}

TEST_CASE("manifest: a library path leaving the directory is refused", "[manifest]") {
  fs::path file;
  auto errors = errors_of("library_dotdot", &file);
  REQUIRE(errors == std::vector<std::string>{expected(
                        file, "library",
                        "path '../library_dotdot.so' leaves the manifest's directory")});
  errors = errors_of("library_absolute", &file);
  REQUIRE(errors == std::vector<std::string>{expected(
                        file, "library",
                        "path '/usr/lib/library_absolute.so' must be relative to the "
                        "manifest's directory")});
}

TEST_CASE("manifest: a library symlink resolving outside the directory is refused",
          "[manifest]") {
  TempDir tmp;
  fs::path plugins = tmp.sub("plugins");
  fs::path outside = tmp.sub("elsewhere");
  plugin_test::copy_plugin(outside, "tp_a");
  fs::create_symlink(outside / "tp_a.so", plugins / "tp_a.so");
  fs::path file = plugin_test::add_plugin(plugins, Spec("tp_a"), false);
  Plan plan = discover({plugins}, "linux");
  fs::path real = fs::canonical(outside / "tp_a.so");
  REQUIRE(plan.errors == std::vector<std::string>{expected(
                             file, "library",
                             "path 'tp_a.so' resolves to " + real.string() +
                                 ", outside the manifest's directory")});

  // A symlink that stays inside the directory is fine.
  fs::remove(plugins / "tp_a.so");
  plugin_test::copy_plugin(plugins, "tp_a");
  fs::rename(plugins / "tp_a.so", plugins / "tp_a.real.so");
  fs::create_symlink("tp_a.real.so", plugins / "tp_a.so");
  REQUIRE(discover({plugins}, "linux").ok());
}

TEST_CASE("manifest: nested keys, platforms, names, shape and syntax", "[manifest]") {
  fs::path file;
  std::vector<std::string> errors = errors_of("unknown_platform", &file);
  REQUIRE(errors ==
          std::vector<std::string>{expected(
              file, "platforms[1]",
              "unknown platform 'beos' (expected linux, windows, macos, freebsd, netbsd or "
              "openbsd)")});
  errors = errors_of("bad_name", &file);
  REQUIRE(errors ==
          std::vector<std::string>{
              expected(file, "name", "'bad-name' is not a valid name (letters, digits and '_')")});
  errors = errors_of("not_an_object", &file);
  REQUIRE(errors ==
          std::vector<std::string>{expected(file, "(top level)", "expected an object, got an array")});
  errors = errors_of("not_json", &file);
  REQUIRE(errors.size() == 1);
  CHECK(errors[0].rfind("plugin manifest " + file.string() + ": not valid JSON at 2:1: ", 0) == 0);
  CHECK(errors[0].find('\n') == std::string::npos);
}

TEST_CASE("manifest: every invalid manifest is reported, one line each", "[manifest]") {
  TempDir tmp;
  fs::path dir = plugin_test::copy_fixtures(tmp, "single");
  Plan plan = discover({dir}, "linux");
  std::size_t files = 0;
  for (const auto& entry : fs::directory_iterator(dir))
    files += entry.path().extension() == ".json" &&
             entry.path().stem().string().find("unknown_key") == std::string::npos;
  REQUIRE(files >= 10);
  REQUIRE(plan.errors.size() == files);
  for (const std::string& line : plan.errors) {
    CHECK(line.find('\n') == std::string::npos);
    CHECK(line.rfind("plugin manifest " + dir.string() + "/", 0) == 0);
  }
  gopy::Status status = plan.status();
  REQUIRE(status.is_error());
  CHECK(status.exit_code() == 1);
  CHECK(std::count(status.message().begin(), status.message().end(), '\n') ==
        static_cast<long>(files - 1));
}

TEST_CASE("manifest: a requires cycle names the cycle for each member", "[manifest]") {
  TempDir tmp;
  fs::path dir = plugin_test::copy_fixtures(tmp, "cycle");
  Plan plan = discover({dir}, "linux");
  REQUIRE(plan.errors ==
          std::vector<std::string>{
              expected(dir / "cyc_a.json", "requires", "requirement cycle cyc_a -> cyc_b -> cyc_a"),
              expected(dir / "cyc_b.json", "requires", "requirement cycle cyc_b -> cyc_a -> cyc_b")});
}

TEST_CASE("manifest: a missing requirement is named", "[manifest]") {
  TempDir tmp;
  fs::path dir = plugin_test::copy_fixtures(tmp, "missing_requirement");
  Plan plan = discover({dir}, "linux");
  REQUIRE(plan.errors == std::vector<std::string>{expected(
                             dir / "needs_ghost.json", "requires",
                             "requires 'ghost', which no plugin directory provides")});
}

TEST_CASE("manifest: a requirement must attach earlier", "[manifest]") {
  TempDir tmp;
  fs::path dir = plugin_test::copy_fixtures(tmp, "late_requirement");
  Plan plan = discover({dir}, "linux");
  REQUIRE(plan.errors == std::vector<std::string>{expected(
                             dir / "early.json", "requires",
                             "requires 'late', which first attaches at main 10, not before "
                             "'early' at core 10")});
}

TEST_CASE("manifest: a requirement skipped on this platform is explained", "[manifest]") {
  TempDir tmp;
  plugin_test::add_plugin(tmp.path(), Spec("tp_a").with(R"("platforms": ["windows"])"), false);
  fs::path b = plugin_test::add_plugin(
      tmp.path(),
      Spec("tp_b").at(R"([{"phase": "main", "order": 1}])").with(R"("requires": ["tp_a"])"),
      false);
  Plan plan = discover({tmp.path()}, "linux");
  REQUIRE(plan.errors == std::vector<std::string>{expected(
                             b, "requires",
                             "requires 'tp_a', which is skipped on this platform (platforms "
                             "[windows] do not include linux)")});
}

TEST_CASE("manifest: the library path is kept in normal form", "[manifest]") {
  TempDir tmp;
  plugin_test::add_plugin(tmp.path(), Spec("tp_a").lib("./sub//tp_a.so"), false);
  Plan plan = discover({tmp.path()}, "linux");
  REQUIRE(plan.ok());
  CHECK(plan.plugins[0].library == tmp.path() / "sub" / "tp_a.so");

  fs::path file = plugin_test::add_plugin(tmp.path(), Spec("tp_a").lib("./"), false);
  REQUIRE(discover({tmp.path()}, "linux").errors ==
          std::vector<std::string>{expected(file, "library", "path './' names no file")});
}

TEST_CASE("manifest: a module plugin lists modules instead of attach points", "[manifest][modules]") {
  const std::string head = R"({"name": "m", "library": "m.so", "entry": "e", "abi": {"major": 2, "minor": 1, "identity": "c"}, )";
  SECTION("valid: lazy, no steps, its modules kept") {
    TempDir dir;
    plugin_test::write_file(dir.path() / "m.json", head + R"("modules": ["alpha", "beta"]})");
    Plan plan = discover({dir.path()}, "linux");
    REQUIRE(plan.ok());
    REQUIRE(plan.plugins.size() == 1);
    CHECK(plan.plugins[0].lazy());
    CHECK(plan.plugins[0].modules == std::vector<std::string>{"alpha", "beta"});
    CHECK(plan.steps.empty());
    CHECK(plan.describe().find("m.json: chosen (lazy: modules alpha, beta; not loaded)") != std::string::npos);
    CHECK(plan.describe([](std::string_view) { return true; }).find("; loaded)") != std::string::npos);
  }
  struct Case {
    std::string rest;
    const char* key;
    const char* problem;
  };
  for (const Case& c : {
           Case{R"("modules": []})", "modules", "must list at least one module (or be left out)"},
           Case{R"("modules": ["a.b"]})", "modules[0]", "'a.b' is not a valid name (letters, digits and '_')"},
           Case{R"("modules": ["a", "a"]})", "modules[1]", "'a' is listed twice"},
           Case{R"("modules": ["a"], "attach": [{"phase": "main", "order": 1}]})", "attach",
                "a plugin listing \"modules\" is loaded when one of them is imported and has no attach points"},
       }) {
    fs::path file;
    std::string error = error_of_text(head + c.rest, &file);
    CHECK(error == expected(file, c.key, c.problem));
  }
}

TEST_CASE("manifest: a plugin cannot require a module plugin, which loads on import", "[manifest][modules]") {
  TempDir dir;
  plugin_test::write_file(dir.path() / "lazy.json",
                          R"({"name": "lazy", "library": "lazy.so", "entry": "e", "abi": {"major": 2, "minor": 1, "identity": "c"}, "modules": ["lazy"]})");
  plugin_test::write_file(dir.path() / "user.json", Spec("user").with(R"("requires": ["lazy"])").to_json());
  Plan plan = discover({dir.path()}, "linux");
  REQUIRE(plan.errors.size() == 1);
  CHECK(plan.errors[0].find("requires 'lazy', which first attaches at import, not before 'user'") != std::string::npos);
}
