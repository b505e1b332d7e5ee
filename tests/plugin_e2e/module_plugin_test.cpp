// Module plugins (a manifest's "modules"): not loaded at start-up, loaded by the first
// import of their module, listed as lazy by `-X plugins`, unloaded at finalize; and the
// shapes of sys.builtin_module_names and sys.stdlib_module_names.
#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include "e2e_prefix.hpp"
#include "gopy.h"
#include "gopy/plugin_host.hpp"

using namespace plugin_e2e;

namespace {

// The libraries of the module plugins in `dir` (their manifests list "modules").
std::vector<std::string> module_plugin_libraries(const fs::path& dir) {
  std::vector<std::string> libraries;
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    if (text.str().find("\"modules\"") == std::string::npos) continue;
    libraries.push_back(entry.path().stem().string() + ".so");
  }
  return libraries;
}

// A program printing, before and after `import math`, the plugin libraries mapped into
// its own process, one line each ("[...]" as Python prints a sorted list).
std::string maps_program(const fs::path& plugins) {
  return "prefix = " + std::string("'") + plugins.string() + "/'\n" +
         "def mapped():\n"
         "    f = open('/proc/self/maps')\n"
         "    text = f.read()\n"
         "    f.close()\n"
         "    names = set()\n"
         "    for line in text.split('\\n'):\n"
         "        fields = line.split()\n"
         "        if len(fields) >= 6 and fields[5].startswith(prefix):\n"
         "            names.add(fields[5][len(prefix):])\n"
         "    return sorted(names)\n"
         "print(mapped())\n"
         "import math\n"
         "print(mapped())\n";
}

bool mentions(const std::string& line, const std::string& library) {
  return line.find("'" + library + "'") != std::string::npos;
}

bool has_line(const std::string& text, const std::string& line) {
  for (const std::string& l : lines_of(text))
    if (l == line) return true;
  return false;
}

}  // namespace

TEST_CASE("module plugins: none is mapped at start-up, `import math` maps exactly math's", "[e2e][modules]") {
  GopyPrefix prefix;
  std::vector<std::string> lazy = module_plugin_libraries(prefix.plugins());
  REQUIRE(std::find(lazy.begin(), lazy.end(), "math.so") != lazy.end());
  RunResult r = prefix.run({"-c", maps_program(prefix.plugins())});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  std::vector<std::string> lines = lines_of(r.out);
  REQUIRE(lines.size() == 2);
  CHECK(mentions(lines[0], "builtins.so"));  // the start-up plugins are there
  for (const std::string& library : lazy) {
    CHECK_FALSE(mentions(lines[0], library));
    CHECK(mentions(lines[1], library) == (library == "math.so"));
  }
}

TEST_CASE("module plugins: -X plugins lists them as lazy and not loaded, with their modules", "[e2e][modules][xplugins]") {
  GopyPrefix prefix;
  RunResult r = prefix.run({"-X", "plugins"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(has_line(r.out, "  [2] math.json: chosen (lazy: modules math; not loaded)"));
  CHECK(has_line(r.out, "loaded on import:"));
  CHECK(has_line(r.out, "  import math: math (" + prefix.plugins().string() + "/math.so)"));
}

TEST_CASE("module plugins: a listed module the library does not define is an ImportError", "[e2e][modules]") {
  GopyPrefix prefix;
  // math's library under a manifest that also claims a module it does not export.
  fs::path site = prefix.site_plugins();
  install_library(prefix.plugins() / "math.so", site);
  std::ofstream(site / "math.json") << R"({"name": "math", "library": "math.so", "entry": "gopy_plugin_math",
    "abi": {"major": 2, "minor": 1, "identity": "c"}, "modules": ["math", "nosuch"]})";
  RunResult r = prefix.run({"-c", "import math\nprint(math.floor(2.5))\nimport nosuch"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out == "2\n");
  CHECK(r.err.find("ImportError: plugin 'math': library " + (site / "math.so").string() +
                   " lists module 'nosuch' but does not export gopy_module_nosuch") != std::string::npos);
}

TEST_CASE("module plugins: a manifest with both modules and attach points is refused", "[e2e][modules]") {
  GopyPrefix prefix;
  fs::path site = prefix.site_plugins();
  install_library(prefix.plugins() / "math.so", site);
  std::ofstream(site / "math.json") << R"({"name": "math", "library": "math.so", "entry": "gopy_plugin_math",
    "abi": {"major": 2, "minor": 1, "identity": "c"}, "modules": ["math"], "attach": [{"phase": "main", "order": 40}]})";
  RunResult r = prefix.run({"-X", "plugins"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.out.find("key 'attach': a plugin listing \"modules\" is loaded when one of them is imported and "
                   "has no attach points") != std::string::npos);
}

TEST_CASE("sys.builtin_module_names is a sorted tuple of str, sys.stdlib_module_names a frozenset", "[e2e][modules]") {
  GopyPrefix prefix;
  RunResult r = prefix.run(
      {"-c",
       "import sys\n"
       "b = sys.builtin_module_names\n"
       "print(type(b).__name__, all(type(n) is str for n in b), list(b) == sorted(b), 'sys' in b, 'builtins' in b)\n"
       "s = sys.stdlib_module_names\n"
       "print(type(s).__name__, 'math' in s, 'math' in b, set(b) <= s)\n"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "tuple True True True True\nfrozenset True False True\n");
}

TEST_CASE("module plugins: finalize unmaps a module plugin that an embedded run imported", "[e2e][modules][embed]") {
  const std::string math_library = (gopy::plugin::kernel_library_dir() / "gopy/plugins/math.so").string();
  auto mapped = [&] {
    std::ifstream maps("/proc/self/maps");
    std::stringstream text;
    text << maps.rdbuf();
    return text.str().find(math_library) != std::string::npos;
  };
  gopy_InitConfig* config = gopy_InitConfig_Create();
  REQUIRE(config != nullptr);
  int initialized = gopy_InitializeFromInitConfig(config);
  gopy_InitConfig_Free(config);
  REQUIRE(initialized == 0);
  CHECK_FALSE(mapped());
  CHECK(gopy_RunSimpleString("import math\nassert math.factorial(5) == 120") == 0);
  CHECK(mapped());
  CHECK(gopy_FinalizeEx() == 0);
  CHECK_FALSE(mapped());
}

TEST_CASE("module API: exec hooks, refused definitions and the error rule", "[e2e][modules][module_api]") {
  GopyPrefix prefix;
  fs::path site = prefix.site_plugins();
  install_library(e2e_library("mapi"), site);
  std::ofstream(site / "mapi.json") << R"({"name": "mapi", "library": "mapi.so", "entry": "gopy_plugin_mapi",
    "abi": {"major": 2, "minor": 1, "identity": "c"},
    "modules": ["mapi_exec", "mapi_exec_fails", "mapi_bad_params", "mapi_bad_version", "mapi_misbehaves"]})";
  auto attempt = [](const std::string& statement) {
    return "try:\n    " + statement + "\nexcept Exception as e:\n    print(type(e).__name__ + ':', e)\n";
  };
  RunResult r = prefix.run(
      {"-O", "-c",
       "import sys\nprint('mapi_exec' in sys.stdlib_module_names)\n"  // a site plugin's module is not stdlib
       "import mapi_exec\nprint(mapi_exec.optimize)\n" + attempt("import mapi_exec_fails") +
           attempt("import mapi_bad_params") + attempt("import mapi_bad_version") +
           "import mapi_misbehaves as m\n" + attempt("m.null()") + attempt("m.both()") +
           "print(m.count(1, 2, 3), m.count(sep='-'))\n" + attempt("m.count(1, bad=2)")});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out ==
        "False\n"
        "1\n"
        "ValueError: exec refused\n"
        "ImportError: module 'mapi_bad_params': function 'f': parameters 'a=[1]': default '[1]' of 'a' is not a "
        "literal\n"
        "ImportError: module 'mapi_bad_version': module definition has API version 99, gopy supports 1\n"
        "RuntimeError: <built-in function null> returned NULL without setting an exception\n"
        "RuntimeError: <built-in function both> returned a result with an exception set\n"
        "(3, ', ') (0, '-')\n"
        "TypeError: count() got an unexpected keyword argument 'bad'\n");
}
