// End to end with the real gopy binary from the build tree: sys.path in CPython's
// documented order, and a venv whose pyvenv.cfg points home at gopy's bin directory.
#include <catch2/catch.hpp>
#include <filesystem>
#include <string>
#include <vector>

#include "run_gopy.hpp"

using namespace gopy_test;
namespace fs = std::filesystem;

namespace {

const std::string kPrintPath = "import sys; print(sys.path)";

std::string build_dir() { return fs::canonical(GOPY_TEST_BUILD_DIR).string(); }
std::string gopy_binary() { return fs::canonical(GOPY_TEST_GOPY).string(); }

// The entries getpath adds for a prefix, in CPython's order.
std::vector<std::string> stdlib_entries(const std::string& prefix) {
  return {prefix + "/lib/python314.zip", prefix + "/lib/python3.14",
          prefix + "/lib/python3.14/lib-dynload"};
}

std::vector<std::string> concat(std::vector<std::string> head, const std::vector<std::string>& tail) {
  head.insert(head.end(), tail.begin(), tail.end());
  return head;
}

ProcessResult run_gopy(const std::vector<std::string>& args, std::vector<std::string> env,
                       const std::string& cwd = "/") {
  std::vector<std::string> argv = {gopy_binary()};
  argv.insert(argv.end(), args.begin(), args.end());
  return run_process(gopy_binary(), argv, env, cwd);
}

}  // namespace

TEST_CASE("gopy's sys.path follows CPython's order end to end", "[pathconfig][e2e]") {
  ScratchDir scratch;
  // getpath's entries, then the site-packages directory that site adds.
  const std::vector<std::string> stdlib =
      concat(stdlib_entries(build_dir()), {build_dir() + "/lib/python3.14/site-packages"});
  // A relative PYTHONPATH entry is made absolute against the current directory.
  std::vector<std::string> env = minimal_env();
  env.push_back("PYTHONPATH=/srv/one:rel/two");
  const std::vector<std::string> pythonpath = {"/srv/one", scratch.str("rel/two")};

  SECTION("-c: '' first, then PYTHONPATH, then zip, stdlib and lib-dynload") {
    ProcessResult r = run_gopy({"-c", kPrintPath}, env, scratch.str());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == py_list_repr(concat(concat({""}, pythonpath), stdlib)) + "\n");
  }
  SECTION("a script: its directory first") {
    write_text(scratch.path() / "app" / "main.py", kPrintPath + "\n");
    ProcessResult r = run_gopy({scratch.str("app/main.py")}, env, scratch.str());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == py_list_repr(concat(concat({scratch.str("app")}, pythonpath), stdlib)) + "\n");
  }
  SECTION("-E ignores PYTHONPATH") {
    ProcessResult r = run_gopy({"-E", "-c", kPrintPath}, env, scratch.str());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out == py_list_repr(concat({""}, stdlib)) + "\n");
  }
  SECTION("-P keeps PYTHONPATH but puts nothing first") {
    ProcessResult r = run_gopy({"-P", "-c", kPrintPath}, env, scratch.str());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out == py_list_repr(concat(pythonpath, stdlib)) + "\n");
  }
  SECTION("-I: neither PYTHONPATH nor a first entry") {
    ProcessResult r = run_gopy({"-I", "-c", kPrintPath}, env, scratch.str());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out == py_list_repr(stdlib) + "\n");
  }
}

TEST_CASE("the build tree's gopy reports its own prefix and executable", "[pathconfig][e2e]") {
  ProcessResult r = run_gopy(
      {"-c",
       "import sys; print(sys.prefix, sys.exec_prefix, sys.base_prefix, sys.base_exec_prefix); "
       "print(sys.executable, sys._base_executable, sys._stdlib_dir, sys.platlibdir)"},
      minimal_env());
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  const std::string prefix = build_dir();
  CHECK(r.out == prefix + " " + prefix + " " + prefix + " " + prefix + "\n" + gopy_binary() + " " +
                     gopy_binary() + " " + prefix + "/lib/python3.14 lib\n");
}

// CPython: Modules/getpath.py "READ pyvenv.cfg": prefix and exec_prefix become the venv,
// the base ones come from the landmarks found from `home`, sys.executable stays the venv's
// program and _base_executable is the one it stands for.
TEST_CASE("a venv made in a temp dir gives the venv and the base prefix", "[pathconfig][e2e][venv]") {
  ScratchDir scratch;
  const fs::path venv = scratch.path() / "venv";
  const std::string venv_gopy = (venv / "bin" / "gopy").string();
  const std::string base = build_dir();
  write_text(venv / "pyvenv.cfg",
             "home = " + base + "/bin\ninclude-system-site-packages = false\nversion = 3.14.0\n");
  const std::string program =
      "import sys; print(sys.prefix, sys.base_prefix); print(sys.exec_prefix, "
      "sys.base_exec_prefix); print(sys.executable, sys._base_executable); print(sys.path)";
  // What the program prints for a venv whose base executable is `base_executable`.
  auto report = [&](const std::string& base_executable) {
    return venv.string() + " " + base + "\n" + venv.string() + " " + base + "\n" + venv_gopy +
           " " + base_executable + "\n" + py_list_repr(concat({""}, stdlib_entries(base))) + "\n";
  };

  SECTION("bin/gopy a symlink: the base executable is its target") {
    fs::create_directories(venv / "bin");
    fs::create_symlink(gopy_binary(), venv_gopy);
    ProcessResult r = run_process(venv_gopy, {venv_gopy, "-c", program}, minimal_env());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == report(gopy_binary()));
  }
  SECTION("found on PATH as a bare name, as in an activated venv") {
    fs::create_directories(venv / "bin");
    fs::create_symlink(gopy_binary(), venv_gopy);
    std::vector<std::string> env = {"PATH=" + (venv / "bin").string() + ":/usr/bin:/bin"};
    ProcessResult r = run_process(venv_gopy, {"gopy", "-c", program}, env);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == report(gopy_binary()));
  }
  SECTION("bin/gopy a copy: the base executable is looked up in home") {
    fs::create_directories(venv / "bin");
    fs::copy_file(gopy_binary(), venv_gopy);
    // The copy's run path ($ORIGIN/../lib) does not reach libgopy from the venv.
    std::vector<std::string> env = minimal_env();
    env.push_back("LD_LIBRARY_PATH=" + base + "/lib");
    ProcessResult r = run_process(venv_gopy, {venv_gopy, "-c", program}, env);
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.err.empty());
    CHECK(r.out == report(base + "/bin/gopy"));
  }
}
