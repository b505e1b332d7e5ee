// system_host_test: gopy-system is gopy with isolated mode (-I) as its preset.
#include <catch2/catch.hpp>

#include <filesystem>

#include "spawn.hpp"

namespace {

std::string gopy_system() {
  return (std::filesystem::path(gopy_executable()).parent_path() / "gopy-system").string();
}

}  // namespace

TEST_CASE("system_host_test: gopy-system runs code like gopy", "[lifecycle][system]") {
  TempDir dir;
  ChildResult r = run_program(gopy_system(), {"-c", "import sys; print(sys.argv, 6 * 7)", "a"}, dir.path());
  CHECK(r.err == "");
  CHECK(r.out == "['-c', 'a'] 42\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("system_host_test: neither the script's directory nor the current one is searched",
          "[lifecycle][system]") {
  TempDir dir;
  dir.write("prog.py", "import sys\nprint(sys.path[0] == '" + dir.path().string() + "')\n");
  dir.write("mymod.py", "print('found')\n");
  CHECK(run_gopy({"prog.py"}, dir.path()).out == "True\n");
  CHECK(run_program(gopy_system(), {"prog.py"}, dir.path()).out == "False\n");

  CHECK(run_gopy({"-m", "mymod"}, dir.path()).out == "found\n");
  ChildResult r = run_program(gopy_system(), {"-m", "mymod"}, dir.path());
  CHECK(r.out == "");
  CHECK(r.err == gopy_system() + ": No module named mymod\n");
  CHECK(r.exit_code == 1);
}

TEST_CASE("system_host_test: PYTHON* variables are ignored", "[lifecycle][system]") {
  TempDir dir;
  dir.write("lib/extra.py", "print('extra imported')\n");
  std::map<std::string, std::string> env{{"PYTHONPATH", (dir.path() / "lib").string()}};
  CHECK(run_gopy({"-c", "import extra"}, dir.path(), "", env).out == "extra imported\n");
  ChildResult r = run_program(gopy_system(), {"-c", "import extra"}, dir.path(), "", env);
  CHECK(r.out == "");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("ModuleNotFoundError: No module named 'extra'") != std::string::npos);
}
