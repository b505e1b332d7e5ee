// A ._pth file beside the executable, end to end: the path-configuration plugin makes the
// runtime isolated and replaces the search path, and sys shows it (sys.flags, sys.path,
// the prefixes), as CPython's _PySys_UpdateConfig does after the path step.
#include <catch2/catch.hpp>

#include "e2e_prefix.hpp"

using namespace plugin_e2e;

namespace {

const std::string kShowSys =
    "import sys\n"
    "f = sys.flags\n"
    "print(f.isolated, f.ignore_environment, f.no_site, f.safe_path)\n"
    "print(sys.path)\n"
    "c = sys._configuration.active_interpreter\n"
    "print(c.isolated, c.use_environment, c.site_import, c.safe_path)\n"
    "print(sys.prefix == c.prefix, sys.exec_prefix == c.exec_prefix)\n"
    "print(sys.base_prefix == c.base_prefix, sys.base_exec_prefix == c.base_exec_prefix)\n"
    "print(sys.executable == c.executable, sys._base_executable == c.base_executable)\n"
    "print(sys.prefix)\n";

void write_pth(const fs::path& file, const std::string& text) {
  std::FILE* f = std::fopen(file.c_str(), "w");
  REQUIRE(f != nullptr);
  std::fputs(text.c_str(), f);
  std::fclose(f);
}

}  // namespace

TEST_CASE("pth: a ._pth file beside the executable shows in sys.flags and sys.path",
          "[e2e][pathconfig][pth]") {
  GopyPrefix prefix;
  const std::string root = fs::canonical(prefix.root()).string();
  const std::string bin = root + "/bin";
  SECTION("without 'import site': isolated, no environment, no site, safe path") {
    write_pth(prefix.root() / "bin/gopy._pth", "# the search path\nmodules\n../lib/python3.14\n");
    RunResult r = prefix.run({"-c", kShowSys}, {"PYTHONPATH=/from/the/environment"});
    INFO(r.err);
    CHECK(r.err.empty());
    CHECK(r.exit_code == 0);
    CHECK(lines_of(r.out) == std::vector<std::string>{
                                 "1 1 1 True",
                                 // joined to the file's directory, then normalized
                                 "['" + bin + "/modules', '" + root + "/lib/python3.14']",
                                 "True False False True",
                                 "True True",
                                 "True True",
                                 "True True",
                                 bin,
                             });
  }
  SECTION("with 'import site': isolated, site imported") {
    write_pth(prefix.root() / "bin/gopy._pth", "modules\nimport site\n");
    RunResult r = prefix.run({"-S", "-c", "import sys; f = sys.flags; print(f.isolated, f.no_site)"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    // -S is overridden by the file, as CPython's getpath does.
    CHECK(r.out == "1 0\n");
  }
  SECTION("no ._pth: the command line's flags") {
    RunResult r = prefix.run({"-c", "import sys; f = sys.flags; print(f.isolated, f.no_site, f.safe_path)"});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "0 0 False\n");
  }
}
