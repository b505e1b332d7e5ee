// Discovery: search directories, platform skip, shadowing, conflicts and the plan order.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "gopy/environment.hpp"
#include "gopy/plugin_host.hpp"
#include "plugin_dir.hpp"

using namespace gopy::plugin;
using plugin_test::add_plugin;
using plugin_test::Spec;
using plugin_test::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> step_names(const Plan& plan) {
  std::vector<std::string> out;
  for (const Step& s : plan.steps)
    out.push_back(std::string(phase_name(s.phase)) + ":" + std::to_string(s.order) + ":" +
                  plan.plugins[s.plugin].name);
  return out;
}

const Candidate& candidate(const Plan& plan, const fs::path& file) {
  for (const Candidate& c : plan.candidates)
    if (c.file == file) return c;
  FAIL("no candidate " << file);
  throw;
}

// Sets an environment variable for one scope.
struct EnvVar {
  std::string name;
  EnvVar(std::string n, const char* value) : name(std::move(n)) {
    if (value) setenv(name.c_str(), value, 1); else unsetenv(name.c_str());
  }
  ~EnvVar() { unsetenv(name.c_str()); }
};

}  // namespace

TEST_CASE("discovery: the plan is ordered by phase, order, then name", "[discovery]") {
  TempDir tmp;
  add_plugin(tmp.path(), Spec("tp_c").at(R"([{"phase": "main", "order": 5}])"), false);
  add_plugin(tmp.path(), Spec("tp_b").at(R"([{"phase": "core", "order": 20}, {"phase": "main", "order": 5}])"), false);
  add_plugin(tmp.path(), Spec("tp_a").at(R"([{"phase": "core", "order": 20}])"), false);
  add_plugin(tmp.path(), Spec("tp_d").at(R"([{"phase": "core", "order": -3}])"), false);
  Plan plan = discover({tmp.path()}, "linux");
  REQUIRE(plan.ok());
  REQUIRE(step_names(plan) == std::vector<std::string>{"core:-3:tp_d", "core:20:tp_a",
                                                       "core:20:tp_b", "main:5:tp_b",
                                                       "main:5:tp_c"});
}

TEST_CASE("discovery: a plugin for another platform is skipped with the reason", "[discovery]") {
  TempDir tmp;
  fs::path win = add_plugin(tmp.path(), Spec("tp_a").with(R"("platforms": ["windows"], "provides": ["slot"])"), false);
  fs::path nix = add_plugin(tmp.path(), Spec("tp_b").with(R"("platforms": ["linux", "macos"], "provides": ["slot"])"), false);
  Plan plan = discover({tmp.path()}, "linux");
  REQUIRE(plan.ok());  // the skipped one claims no slot
  CHECK(candidate(plan, win).state == Candidate::State::platform);
  CHECK(candidate(plan, win).reason == "platforms [windows] do not include linux");
  CHECK(candidate(plan, nix).state == Candidate::State::chosen);
  REQUIRE(step_names(plan) == std::vector<std::string>{"core:10:tp_b"});

  Plan on_windows = discover({tmp.path()}, "windows");
  REQUIRE(on_windows.ok());
  REQUIRE(step_names(on_windows) == std::vector<std::string>{"core:10:tp_a"});
}

TEST_CASE("discovery: a higher-priority directory shadows by name and by slot", "[discovery]") {
  TempDir tmp;
  fs::path high = tmp.sub("high"), low = tmp.sub("low");
  fs::path hi_a = add_plugin(high, Spec("tp_a").with(R"("provides": ["pathconfig"])"), false);
  fs::path lo_a = add_plugin(low, Spec("tp_a"), false);
  fs::path lo_b = add_plugin(low, Spec("tp_b").with(R"("provides": ["pathconfig"])"), false);
  fs::path lo_c = add_plugin(low, Spec("tp_c"), false);
  Plan plan = discover({high, low}, "linux");
  REQUIRE(plan.ok());
  CHECK(candidate(plan, hi_a).state == Candidate::State::chosen);
  CHECK(candidate(plan, lo_a).state == Candidate::State::shadowed);
  CHECK(candidate(plan, lo_a).reason == "shadowed by " + hi_a.string() + " (plugin 'tp_a')");
  CHECK(candidate(plan, lo_b).state == Candidate::State::shadowed);
  CHECK(candidate(plan, lo_b).reason == "shadowed by " + hi_a.string() + " (slot 'pathconfig')");
  CHECK(candidate(plan, lo_c).state == Candidate::State::chosen);
  REQUIRE(plan.plugins.size() == 2);
  CHECK(plan.plugins[0].file == hi_a);
  CHECK(plan.plugins[0].library == high / "tp_a.so");

  // The order of the directories decides.
  Plan reversed = discover({low, high}, "linux");
  REQUIRE(reversed.ok());
  CHECK(candidate(reversed, lo_a).state == Candidate::State::chosen);
  CHECK(candidate(reversed, hi_a).state == Candidate::State::shadowed);
}

TEST_CASE("discovery: two candidates for one name or slot in one directory are an error",
          "[discovery]") {
  TempDir tmp;
  fs::path first = add_plugin(tmp.path(), Spec("tp_a"), false, "first");
  fs::path second = add_plugin(tmp.path(), Spec("tp_a"), false, "second");
  Plan plan = discover({tmp.path()}, "linux");
  REQUIRE(plan.errors == std::vector<std::string>{
                             "plugin manifest " + second.string() +
                             ": key 'name': plugin 'tp_a' is also named by " + first.string() +
                             " in the same directory"});
  CHECK(candidate(plan, first).state == Candidate::State::invalid);

  TempDir slots;
  fs::path unix_like = add_plugin(slots.path(), Spec("tp_a").with(R"("provides": ["pathconfig"])"), false);
  fs::path other = add_plugin(slots.path(), Spec("tp_b").with(R"("provides": ["pathconfig"])"), false);
  Plan slot_plan = discover({slots.path()}, "linux");
  REQUIRE(slot_plan.errors == std::vector<std::string>{
                                  "plugin manifest " + other.string() +
                                  ": key 'provides': slot 'pathconfig' is also provided by " +
                                  unix_like.string() + " in the same directory"});
}

TEST_CASE("discovery: missing directories are skipped and nothing else is scanned",
          "[discovery]") {
  TempDir tmp;
  add_plugin(tmp.path(), Spec("tp_a"), false);
  plugin_test::write_file(tmp.path() / "notes.txt", "not a manifest");
  fs::create_directories(tmp.path() / "nested");
  add_plugin(tmp.path() / "nested", Spec("tp_b"), false);
  Plan plan = discover({tmp.path() / "absent", tmp.path()}, "linux");
  REQUIRE(plan.ok());
  REQUIRE(plan.candidates.size() == 1);
  CHECK(plan.candidates[0].dir_index == 1);
}

TEST_CASE("discovery: default directories come from the environment, then the kernel",
          "[discovery]") {
  fs::path lib_dir = kernel_library_dir();
  REQUIRE(fs::exists(lib_dir));
  const std::vector<fs::path> builtin{lib_dir / "gopy" / "site-plugins", lib_dir / "gopy" / "plugins"};
  // The Environment given, never the process's: the variable below is not in it.
  EnvVar process("GOPY_PLUGIN_PATH", "/opt/process");
  gopy::MapEnvironment env{{"GOPY_PLUGIN_PATH", "/opt/one::relative/dir:/opt/two/"}};
  std::vector<fs::path> with_env{"/opt/one", "/opt/two/"};
  with_env.insert(with_env.end(), builtin.begin(), builtin.end());
  CHECK(default_search_dirs(&env) == with_env);
  CHECK(default_search_dirs(nullptr) == builtin);  // -E / -I
  gopy::MapEnvironment unset;
  CHECK(default_search_dirs(&unset) == builtin);
}

TEST_CASE("discovery: the shipped manifests make the documented plan", "[discovery]") {
  TempDir tmp;
  for (const char* name : {"builtins", "sys", "pathconfig_unix", "pathconfig_win", "import_stub"}) {
    std::ifstream in(fs::path(GOPY_TEST_MANIFESTS) / (std::string(name) + ".json"));
    std::stringstream text;
    text << in.rdbuf();
    std::string json = text.str();
    // What gopy_plugin() does when it copies a manifest next to its library.
    const std::string marker = "@GOPY_ABI_IDENTITY@";
    auto at = json.find(marker);
    REQUIRE(at != std::string::npos);
    json.replace(at, marker.size(), kernel_abi().identity);
    plugin_test::write_file(tmp.path() / (std::string(name) + ".json"), json);
  }
  Plan plan = discover({tmp.path()}, "linux");
  INFO(plan.describe());
  REQUIRE(plan.ok());
  REQUIRE(step_names(plan) == std::vector<std::string>{"core:10:builtins", "core:20:sys",
                                                       "main:10:pathconfig_unix", "main:20:sys",
                                                       "main:30:import_stub"});
  CHECK(candidate(plan, tmp.path() / "pathconfig_win.json").state == Candidate::State::platform);
  for (const Manifest& m : plan.plugins) {
    CHECK(m.library == tmp.path() / (m.name + ".so"));
    CHECK(m.entry == "gopy_plugin_" + m.name);
    CHECK(abi_compatible(m.abi, kernel_abi()));
  }
  Plan windows = discover({tmp.path()}, "windows");
  REQUIRE(windows.ok());
  CHECK(step_names(windows)[2] == "main:10:pathconfig_win");
}

TEST_CASE("discovery: describe() lists directories, every candidate and the order",
          "[discovery]") {
  TempDir tmp;
  fs::path high = tmp.sub("high"), low = tmp.sub("low");
  add_plugin(high, Spec("tp_a"), false);
  add_plugin(low, Spec("tp_a"), false);
  add_plugin(low, Spec("tp_b").with(R"("platforms": ["windows"])"), false);
  std::string text = discover({high, low}, "linux").describe();
  CHECK(text == "plugin directories (highest priority first):\n"
                "  [1] " + high.string() + "\n"
                "  [2] " + low.string() + "\n"
                "manifests:\n"
                "  [1] tp_a.json: chosen\n"
                "  [2] tp_a.json: skipped (shadowed): shadowed by " + (high / "tp_a.json").string() + " (plugin 'tp_a')\n"
                "  [2] tp_b.json: skipped (platform): platforms [windows] do not include linux\n"
                "attach order:\n"
                "  core 10 tp_a (" + (high / "tp_a.so").string() + ")\n");
}
