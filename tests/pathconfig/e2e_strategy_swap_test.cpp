// Swapping the path strategy per deployment, end to end: the test-only pathconfig_test
// plugin, dropped into a GOPY_PLUGIN_PATH directory, shadows the built-in pathconfig_unix
// (same `pathconfig` slot) without rebuilding gopy; -E and -I ignore that directory.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "run_gopy.hpp"

using namespace gopy_test;
namespace fs = std::filesystem;

namespace {

const std::string kMarker = GOPY_TEST_STRATEGY_MARKER;

std::string gopy_binary() { return fs::canonical(GOPY_TEST_GOPY).string(); }

std::vector<std::string> build_tree_path() {
  const std::string prefix = fs::canonical(GOPY_TEST_BUILD_DIR).string();
  // getpath's entries, then the prefix's site-packages that site adds.
  return {prefix + "/lib/python314.zip", prefix + "/lib/python3.14",
          prefix + "/lib/python3.14/lib-dynload", prefix + "/lib/python3.14/site-packages"};
}

ProcessResult run_traced(const std::vector<std::string>& flags,
                         const std::vector<std::string>& env) {
  std::vector<std::string> argv = {gopy_binary(), "-X", "lifecycle"};
  argv.insert(argv.end(), flags.begin(), flags.end());
  argv.insert(argv.end(), {"-c", "import sys; print(sys.path)"});
  return run_process(gopy_binary(), argv, env);
}

// The attach lines of -X lifecycle's trace for plugins named pathconfig*.
std::vector<std::string> strategy_attaches(const std::string& trace) {
  std::vector<std::string> names;
  for (const std::string& line : lines_containing(trace, "| attach pathconfig")) {
    names.push_back(line.substr(line.find("| attach ") + 9));
  }
  return names;
}

// The text of `manifest` with its "name" changed to `name`.
std::string renamed_manifest(const fs::path& manifest, const std::string& name) {
  std::ifstream in(manifest);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  const std::string key = "\"name\": \"pathconfig_test\"";
  const auto at = text.find(key);
  REQUIRE(at != std::string::npos);
  return text.replace(at, key.size(), "\"name\": \"" + name + "\"");
}

}  // namespace

TEST_CASE("a strategy plugin in GOPY_PLUGIN_PATH replaces pathconfig_unix",
          "[pathconfig][e2e][swap]") {
  ScratchDir scratch;
  const fs::path plugin_dir = scratch.path() / "deployment-plugins";
  copy_plugin(GOPY_TEST_STRATEGY_DIR, plugin_dir, "pathconfig_test");
  std::vector<std::string> env = minimal_env();
  env.push_back("GOPY_PLUGIN_PATH=" + plugin_dir.string());

  SECTION("its search path is used and it is the only strategy attached") {
    ProcessResult r = run_traced({}, env);
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    std::vector<std::string> expected = {"", kMarker};
    for (const std::string& entry : build_tree_path()) expected.push_back(entry);
    CHECK(r.out == py_list_repr(expected) + "\n");
    CHECK(strategy_attaches(r.err) == std::vector<std::string>{"pathconfig_test@main:10"});
    CHECK(lines_containing(r.err, "load pathconfig_unix").empty());
    CHECK(lines_containing(r.err, "Could not find").empty());
  }
  SECTION("a relative entry is ignored: the current directory is never a plugin directory") {
    std::vector<std::string> relative_env = minimal_env();
    relative_env.push_back("GOPY_PLUGIN_PATH=deployment-plugins");
    std::vector<std::string> argv = {gopy_binary(), "-X", "lifecycle", "-c",
                                     "import sys; print(sys.path)"};
    ProcessResult r = run_process(gopy_binary(), argv, relative_env, scratch.str());
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    CHECK(strategy_attaches(r.err) == std::vector<std::string>{"pathconfig_unix@main:10"});
  }
  for (const char* flag : {"-E", "-I"}) {
    SECTION(std::string(flag) + " ignores GOPY_PLUGIN_PATH: the built-in strategy runs") {
      ProcessResult r = run_traced({flag}, env);
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
      std::vector<std::string> expected = build_tree_path();
      if (std::string(flag) == "-E") expected.insert(expected.begin(), "");
      CHECK(r.out == py_list_repr(expected) + "\n");
      CHECK(strategy_attaches(r.err) == std::vector<std::string>{"pathconfig_unix@main:10"});
      CHECK(lines_containing(r.err, "pathconfig_test").empty());
    }
  }
}

TEST_CASE("two strategies for the slot in one directory are an error naming both",
          "[pathconfig][e2e][swap]") {
  ScratchDir scratch;
  const fs::path plugin_dir = scratch.path() / "deployment-plugins";
  copy_plugin(GOPY_TEST_STRATEGY_DIR, plugin_dir, "pathconfig_test");
  // A second manifest for the same library and slot, under another plugin name.
  write_text(plugin_dir / "pathconfig_other.json",
             renamed_manifest(plugin_dir / "pathconfig_test.json", "pathconfig_other"));
  std::vector<std::string> env = minimal_env();
  env.push_back("GOPY_PLUGIN_PATH=" + plugin_dir.string());
  ProcessResult r = run_traced({}, env);
  INFO(r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err.find("pathconfig_test.json") != std::string::npos);
  CHECK(r.err.find("pathconfig_other.json") != std::string::npos);
  CHECK(r.err.find("slot 'pathconfig'") != std::string::npos);
}
