// File-system errors in the path library and the importer, through the real gopy (a private
// copy of the build prefix): EACCES, ELOOP, ENAMETOOLONG and EIO injected with
// GOPY_FAIL_FS (gopy/fs_fault.hpp), and, for real, a symlink loop, an over-long name and a
// FIFO where a file is expected. Each ends in the Python exception CPython raises, a clean
// fatal start-up error (exit 1) or a normal run: never a signal or a hang.
#include <catch2/catch.hpp>

#include <sys/stat.h>

#include "e2e_prefix.hpp"

using namespace plugin_e2e;

namespace {

// A module directory holding mod.py, and the -c program importing it from there.
struct ModuleDir {
  fs::path dir;
  std::string program;
  explicit ModuleDir(const GopyPrefix& prefix) : dir(prefix.dir("mods")) {
    plugin_test::write_file(dir / "mod.py", "print('mod ran')\n");
    program = "import sys; sys.path.insert(0, '" + dir.string() + "'); import mod";
  }
};

std::string last_line(const std::string& text) {
  std::vector<std::string> lines = lines_of(text);
  return lines.empty() ? "" : lines.back();
}

}  // namespace

TEST_CASE("fs faults: the importer's open errors are the loader's OSError", "[fsfault]") {
  GopyPrefix prefix;
  ModuleDir mods(prefix);
  const std::string file = (mods.dir / "mod.py").string();
  struct Case {
    const char* err;
    std::string line;
  };
  for (const Case& c : {Case{"EACCES", "PermissionError: [Errno 13] Permission denied: '" + file + "'"},
                        Case{"ELOOP", "OSError: [Errno 40] Too many levels of symbolic links: '" + file + "'"},
                        Case{"ENAMETOOLONG", "OSError: [Errno 36] File name too long: '" + file + "'"},
                        Case{"EIO", "OSError: [Errno 5] Input/output error: '" + file + "'"}}) {
    DYNAMIC_SECTION(c.err) {
      RunResult r = prefix.run({"-c", mods.program}, {"GOPY_FAIL_FS=" + std::string(c.err) + ":open:mod.py"});
      INFO("stderr: " << r.err);
      CHECK(r.exit_code == 1);
      CHECK(r.out.empty());
      CHECK(last_line(r.err) == c.line);
    }
  }
}

TEST_CASE("fs faults: a failing stat hides a module, as a missing file", "[fsfault]") {
  GopyPrefix prefix;
  ModuleDir mods(prefix);
  RunResult r = prefix.run({"-c", mods.program}, {"GOPY_FAIL_FS=EIO:stat:mod.py"});
  CHECK(r.exit_code == 1);
  CHECK(last_line(r.err) == "ModuleNotFoundError: No module named 'mod'");
}

TEST_CASE("fs faults: real ELOOP, ENAMETOOLONG and a FIFO in the importer", "[fsfault]") {
  GopyPrefix prefix;
  ModuleDir mods(prefix);
  SECTION("a symlink loop is no module") {
    fs::remove(mods.dir / "mod.py");
    fs::create_symlink("mod.py", mods.dir / "mod.py");
    RunResult r = prefix.run({"-c", mods.program});
    CHECK(r.exit_code == 1);
    CHECK(last_line(r.err) == "ModuleNotFoundError: No module named 'mod'");
  }
  SECTION("a FIFO named like a module is passed over, not waited on") {
    fs::remove(mods.dir / "mod.py");
    REQUIRE(::mkfifo((mods.dir / "mod.py").c_str(), 0644) == 0);
    RunResult r = prefix.run({"-c", mods.program});
    CHECK(r.exit_code == 1);
    CHECK(last_line(r.err) == "ModuleNotFoundError: No module named 'mod'");
  }
  SECTION("a sys.path entry longer than PATH_MAX") {
    RunResult r = prefix.run({"-c", "import sys; sys.path.insert(0, '/" + std::string(5000, 'x') +
                                         "'); import mod"});
    CHECK(r.exit_code == 1);
    CHECK(last_line(r.err) == "ModuleNotFoundError: No module named 'mod'");
  }
}

TEST_CASE("fs faults: the path library's pyvenv.cfg", "[fsfault]") {
  GopyPrefix prefix;
  const fs::path cfg = prefix.root() / "pyvenv.cfg";  // one level above bin/gopy
  SECTION("EACCES is no venv, as CPython's getpath (PermissionError is caught)") {
    plugin_test::write_file(cfg, "home = /nowhere\n");
    RunResult r = prefix.run({"-c", "print('ran')"}, {"GOPY_FAIL_FS=EACCES:open:pyvenv.cfg"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "ran\n");
  }
  for (const char* err : {"EIO", "ELOOP", "ENAMETOOLONG"}) {
    DYNAMIC_SECTION(err << " stops the start-up with the path error") {
      plugin_test::write_file(cfg, "home = /nowhere\n");
      RunResult r = prefix.run({"-c", "print('ran')"}, {"GOPY_FAIL_FS=" + std::string(err) + ":open:pyvenv.cfg"});
      INFO("stderr: " << r.err);
      CHECK(r.exit_code == 1);
      CHECK(r.out.empty());
      CHECK_THAT(r.err, Catch::Contains("OSError: [Errno "));
      CHECK_THAT(r.err, Catch::Contains("error evaluating path"));
    }
  }
  SECTION("a FIFO as pyvenv.cfg is refused, not waited on") {
    REQUIRE(::mkfifo(cfg.c_str(), 0644) == 0);
    RunResult r = prefix.run({"-c", "print('ran')"});
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("OSError: [Errno 22] Invalid argument: '" + cfg.string() + "'"));
  }
  SECTION("a symlink loop as pyvenv.cfg is CPython's ELOOP") {
    fs::create_symlink("pyvenv.cfg", cfg);
    RunResult r = prefix.run({"-c", "print('ran')"});
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::Contains("[Errno 40] Too many levels of symbolic links"));
  }
  SECTION("failing stat and readlink calls are no landmark, no link") {
    RunResult r = prefix.run({"-c", "print('ran')"},
                             {"GOPY_FAIL_FS=ENAMETOOLONG:stat:os.py;EIO:readlink:gopy"});
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(r.out == "ran\n");
  }
}
