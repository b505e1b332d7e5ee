// The install tree, end to end: `cmake --install` into a temp prefix gives a gopy that finds
// its landmarks from its own location (the compiled-in PREFIX is the configured install
// prefix, elsewhere), and whose site-plugins directory can swap the path strategy.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "run_gopy.hpp"

using namespace gopy_test;
namespace fs = std::filesystem;

namespace {

const std::string kPrintPathAndPrefix = "import sys; print(sys.path, sys.prefix)";

// `cmake --install <build tree> --prefix <prefix>`; the test stops if it fails.
void install_gopy(const fs::path& prefix) {
  ProcessResult r = run_process(
      GOPY_TEST_CMAKE, {GOPY_TEST_CMAKE, "--install", GOPY_TEST_BUILD_DIR, "--prefix", prefix.string()},
      minimal_env());
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
}

std::vector<std::string> stdlib_entries(const std::string& prefix) {
  // getpath's entries, then the prefix's site-packages that site adds.
  return {prefix + "/lib/python314.zip", prefix + "/lib/python3.14",
          prefix + "/lib/python3.14/lib-dynload", prefix + "/lib/python3.14/site-packages"};
}

ProcessResult run_installed(const fs::path& prefix, const std::vector<std::string>& args,
                            std::vector<std::string> env = minimal_env()) {
  const std::string gopy = (prefix / "bin" / "gopy").string();
  std::vector<std::string> argv = {gopy};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(gopy, argv, env);
}

}  // namespace

TEST_CASE("an installed gopy finds its prefix with no warning", "[pathconfig][e2e][install]") {
  ScratchDir scratch;
  const fs::path prefix = scratch.path() / "gopy-root";
  install_gopy(prefix);
  // Everything the runtime needs, and the landmarks getpath looks for.
  for (const char* file :
       {"bin/gopy", "lib/libgopy.so", "lib/libgopy_unicode.so", "lib/gopy/plugins/builtins.so",
        "lib/gopy/plugins/builtins.json", "lib/gopy/plugins/sys.so", "lib/gopy/plugins/sys.json",
        "lib/gopy/plugins/import_stub.so", "lib/gopy/plugins/import_stub.json",
        "lib/gopy/plugins/pathconfig_unix.so", "lib/gopy/plugins/pathconfig_unix.json",
        "lib/python3.14/os.py"}) {
    INFO(file);
    CHECK(fs::is_regular_file(prefix / file));
  }
  CHECK(fs::is_directory(prefix / "lib/python3.14/lib-dynload"));
  CHECK(fs::is_directory(prefix / "lib/python3.14/site-packages"));
  CHECK(fs::is_regular_file(prefix / "lib/python3.14/site.py"));
  // The installed prefix is not the compiled-in one: only the landmarks can find it.
  REQUIRE(prefix.string() != GOPY_TEST_INSTALL_PREFIX);

  std::vector<std::string> path = stdlib_entries(prefix.string());
  path.insert(path.begin(), "");  // -c: '' first
  const std::string expected = py_list_repr(path) + " " + prefix.string() + "\n";
  SECTION("started by its absolute path") {
    ProcessResult r = run_installed(prefix, {"-c", kPrintPathAndPrefix});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == expected);
  }
  SECTION("found on PATH by its bare name") {
    std::vector<std::string> env = {"PATH=" + (prefix / "bin").string() + ":/usr/bin:/bin"};
    ProcessResult r = run_process((prefix / "bin/gopy").string(),
                                  {"gopy", "-c", kPrintPathAndPrefix + "; print(sys.executable)"},
                                  env);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == expected + (prefix / "bin/gopy").string() + "\n");
  }
  SECTION("the Unicode data library is installed beside libgopy") {
    ProcessResult r = run_installed(prefix, {"-c", "print('\xc3\xa9t\xc3\xa9'.upper())"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "\xc3\x89T\xc3\x89\n");
  }
  SECTION("without its landmarks it falls back to the compiled-in prefix, with CPython's warnings") {
    fs::remove(prefix / "lib/python3.14/os.py");
    fs::remove(prefix / "lib/python3.14/lib-dynload");
    ProcessResult r = run_installed(prefix, {"-c", "import sys; print(sys.prefix, sys.exec_prefix)"});
    const std::string compiled = GOPY_TEST_INSTALL_PREFIX;
    CHECK(r.exit_code == 0);
    CHECK(r.out == compiled + " " + compiled + "\n");
    CHECK(r.err == "Could not find platform independent libraries <prefix>\n"
                   "Could not find platform dependent libraries <exec_prefix>\n");
  }
}

TEST_CASE("a strategy plugin in the install tree's site-plugins replaces pathconfig_unix",
          "[pathconfig][e2e][install][swap]") {
  ScratchDir scratch;
  const fs::path prefix = scratch.path() / "gopy-root";
  install_gopy(prefix);
  copy_plugin(GOPY_TEST_STRATEGY_DIR, prefix / "lib/gopy/site-plugins", "pathconfig_test");
  std::vector<std::string> marked = stdlib_entries(prefix.string());
  marked.insert(marked.begin(), GOPY_TEST_STRATEGY_MARKER);

  // The deployment's own directory, unlike GOPY_PLUGIN_PATH, holds under -E and -I.
  for (const char* flag : {"-E", "-I"}) {
    SECTION(std::string("with ") + flag) {
      ProcessResult r = run_installed(prefix, {flag, "-X", "lifecycle", "-c", kPrintPathAndPrefix});
      INFO(r.err);
      REQUIRE(r.exit_code == 0);
      std::vector<std::string> expected = marked;
      if (std::string(flag) == "-E") expected.insert(expected.begin(), "");
      CHECK(r.out == py_list_repr(expected) + " " + prefix.string() + "\n");
      CHECK(lines_containing(r.err, "| attach pathconfig").size() == 1);
      CHECK(lines_containing(r.err, "| attach pathconfig_test@main:10").size() == 1);
    }
  }
}
