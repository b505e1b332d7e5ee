// site_test: `site` at the main phase through the real gopy executable: site-packages of
// the prefix, the user site (-s, -I, PYTHONNOUSERSITE), venvs (pyvenv.cfg with and
// without include-system-site-packages), .pth files (path lines and import lines, in
// order), sitecustomize, usercustomize, -S, the _sitebuiltins names and `-m site`.
#include <catch2/catch.hpp>

#include <filesystem>
#include <map>
#include <string>

#include "spawn.hpp"

namespace fs = std::filesystem;

namespace {

// The build tree's site-packages (build/bin/gopy -> build/lib/python3.14/site-packages).
fs::path prefix_site_packages() {
  return fs::path(gopy_executable()).parent_path().parent_path() / "lib/python3.14/site-packages";
}

const char* kShowPath = "import sys\nfor p in sys.path: print(p)\n";

bool has_line(const std::string& text, const std::string& line) {
  return ("\n" + text).find("\n" + line + "\n") != std::string::npos;
}

}  // namespace

TEST_CASE("site_test: the prefix's site-packages, and -S", "[lifecycle][site]") {
  TempDir dir;
  std::map<std::string, std::string> env = {{"HOME", dir.path().string()}};
  ChildResult r = run_gopy({"-c", kShowPath}, dir.path(), "", env);
  CHECK(r.err.empty());
  CHECK(has_line(r.out, prefix_site_packages().string()));
  ChildResult s = run_gopy({"-S", "-c", kShowPath}, dir.path(), "", env);
  CHECK_FALSE(has_line(s.out, prefix_site_packages().string()));
  SECTION("-S leaves no exit(), site leaves exit(3) giving 3") {
    CHECK(run_gopy({"-c", "exit(3)"}, dir.path(), "", env).exit_code == 3);
    CHECK(run_gopy({"-c", "quit('bye')"}, dir.path(), "", env).err == "bye\n");
    ChildResult none = run_gopy({"-S", "-c", "exit(3)"}, dir.path(), "", env);
    CHECK(none.exit_code == 1);
    CHECK(none.err.ends_with("NameError: name 'exit' is not defined\n"));
  }
}

TEST_CASE("site_test: the user site, -s, -I and PYTHONNOUSERSITE", "[lifecycle][site]") {
  TempDir dir;
  const std::string user_site = (dir.path() / ".local/lib/python3.14/site-packages").string();
  dir.write(".local/lib/python3.14/site-packages/usermod.py", "VALUE = 'user'\n");
  std::map<std::string, std::string> env = {{"HOME", dir.path().string()}};
  ChildResult r = run_gopy({"-c", "import usermod, site; print(usermod.VALUE, site.ENABLE_USER_SITE, site.USER_SITE)"},
                           dir.path(), "", env);
  CHECK(r.err.empty());
  CHECK(r.out == "user True " + user_site + "\n");
  for (const char* flag : {"-s", "-I"}) {
    INFO(flag);
    ChildResult off = run_gopy({flag, "-c", kShowPath}, dir.path(), "", env);
    CHECK_FALSE(has_line(off.out, user_site));
    CHECK(has_line(off.out, prefix_site_packages().string()));
  }
  auto no_user = env;
  no_user["PYTHONNOUSERSITE"] = "1";
  CHECK_FALSE(has_line(run_gopy({"-c", kShowPath}, dir.path(), "", no_user).out, user_site));
  SECTION("PYTHONUSERBASE moves it") {
    auto moved = env;
    moved["PYTHONUSERBASE"] = (dir.path() / "ub").string();
    dir.write("ub/lib/python3.14/site-packages/x.txt", "");
    CHECK(has_line(run_gopy({"-c", kShowPath}, dir.path(), "", moved).out,
                   (dir.path() / "ub/lib/python3.14/site-packages").string()));
  }
}

TEST_CASE("site_test: .pth files, path lines and import lines in order", "[lifecycle][site]") {
  TempDir dir;
  const fs::path site = dir.path() / ".local/lib/python3.14/site-packages";
  dir.write(".local/lib/python3.14/site-packages/b.pth",
            "# a comment\n\nextra\nimport sys; print('b.pth sees', sys.path[-1].endswith('extra'))\nmissing\n");
  dir.write(".local/lib/python3.14/site-packages/a.pth", "import sys; print('a.pth first')\n");
  dir.write(".local/lib/python3.14/site-packages/.hidden.pth", "import sys; print('hidden')\n");
  dir.write(".local/lib/python3.14/site-packages/extra/extramod.py", "X = 5\n");
  std::map<std::string, std::string> env = {{"HOME", dir.path().string()}};
  ChildResult r = run_gopy({"-c", "import extramod, sys; print(extramod.X, sys.path.count('" +
                                      (site / "missing").string() + "'))"},
                           dir.path(), "", env);
  CHECK(r.err.empty());
  CHECK(r.out == "a.pth first\nb.pth sees True\n5 0\n");
  SECTION("an import line that fails ends its file with CPython's report") {
    dir.write(".local/lib/python3.14/site-packages/c.pth", "import nosuchmod\nafter\n");
    dir.write(".local/lib/python3.14/site-packages/after/keep.txt", "");
    ChildResult e = run_gopy({"-c", "import sys; print(any(p.endswith('after') for p in sys.path))"}, dir.path(), "", env);
    CHECK(e.out.ends_with("False\n"));
    CHECK(e.err.starts_with("Error processing line 1 of " + (site / "c.pth").string() + ":\n\n  Traceback"));
    CHECK(e.err.find("  ModuleNotFoundError: No module named 'nosuchmod'\n") != std::string::npos);
    CHECK(e.err.ends_with("\nRemainder of file ignored\n"));
  }
}

TEST_CASE("site_test: sitecustomize and usercustomize", "[lifecycle][site]") {
  TempDir dir;
  std::map<std::string, std::string> env = {{"HOME", dir.path().string()}};
  dir.write(".local/lib/python3.14/site-packages/sitecustomize.py", "import sys\nsys.site_mark = 'site'\n");
  dir.write(".local/lib/python3.14/site-packages/usercustomize.py", "import sys\nsys.user_mark = 'user'\n");
  ChildResult r = run_gopy({"-c", "import sys; print(sys.site_mark, sys.user_mark)"}, dir.path(), "", env);
  CHECK(r.err.empty());
  CHECK(r.out == "site user\n");
  SECTION("a failing sitecustomize is reported, not fatal") {
    dir.write(".local/lib/python3.14/site-packages/sitecustomize.py", "raise ValueError('bad')\n");
    ChildResult e = run_gopy({"-c", "print('ran')"}, dir.path(), "", env);
    CHECK(e.err == "Error in sitecustomize; set PYTHONVERBOSE for traceback:\nValueError: bad\n");
    CHECK(e.out == "ran\n");
  }
}

TEST_CASE("site_test: a venv, with and without the system site-packages", "[lifecycle][site]") {
  TempDir dir;
  const fs::path venv = dir.path() / "venv";
  fs::create_directories(venv / "bin");
  fs::create_symlink(gopy_executable(), venv / "bin/gopy");
  dir.write("venv/lib/python3.14/site-packages/venvmod.py", "WHERE = 'venv'\n");
  dir.write("home/.local/lib/python3.14/site-packages/usermod.py", "WHERE = 'user'\n");
  const std::string home = fs::path(gopy_executable()).parent_path().string();
  std::map<std::string, std::string> env = {{"HOME", (dir.path() / "home").string()}};
  const std::string show = "import sys, venvmod\nprint(sys.prefix == sys.base_prefix)\nfor p in sys.path: print(p)\n";
  SECTION("include-system-site-packages = false") {
    dir.write("venv/pyvenv.cfg", "home = " + home + "\ninclude-system-site-packages = false\n");
    ChildResult r = run_program((venv / "bin/gopy").string(), {"-c", show}, dir.path(), "", env);
    INFO(r.err);
    CHECK(r.out.starts_with("False\n"));
    CHECK(has_line(r.out, (venv / "lib/python3.14/site-packages").string()));
    CHECK_FALSE(has_line(r.out, prefix_site_packages().string()));
    CHECK_FALSE(has_line(r.out, (dir.path() / "home/.local/lib/python3.14/site-packages").string()));
  }
  SECTION("include-system-site-packages = true") {
    dir.write("venv/pyvenv.cfg", "home = " + home + "\ninclude-system-site-packages = true\n");
    ChildResult r = run_program((venv / "bin/gopy").string(), {"-c", show}, dir.path(), "", env);
    INFO(r.err);
    std::string venv_site = (venv / "lib/python3.14/site-packages").string();
    std::string user_site = (dir.path() / "home/.local/lib/python3.14/site-packages").string();
    CHECK(has_line(r.out, venv_site));
    CHECK(has_line(r.out, prefix_site_packages().string()));
    CHECK(has_line(r.out, user_site));
    // The venv's own site-packages come first, then the user site, then the system one.
    CHECK(r.out.find(venv_site) < r.out.find(user_site));
    CHECK(r.out.find(user_site) < r.out.find(prefix_site_packages().string()));
  }
}

TEST_CASE("site_test: gopy -m site prints what CPython's does", "[lifecycle][site]") {
  TempDir dir;
  std::map<std::string, std::string> env = {{"HOME", dir.path().string()}};
  ChildResult r = run_gopy({"-m", "site"}, dir.path(), "", env);
  CHECK(r.err.empty());
  CHECK(r.exit_code == 0);
  CHECK(r.out.starts_with("sys.path = [\n    '" + dir.path().string() + "',\n"));
  CHECK(has_line(r.out, "    '" + prefix_site_packages().string() + "',"));
  const std::string base = (dir.path() / ".local").string();
  CHECK(r.out.ends_with("]\nUSER_BASE: '" + base + "' (doesn't exist)\nUSER_SITE: '" + base +
                        "/lib/python3.14/site-packages' (doesn't exist)\nENABLE_USER_SITE: True\n"));
  ChildResult u = run_gopy({"-s", "-m", "site", "--user-site"}, dir.path(), "", env);
  CHECK(u.out == base + "/lib/python3.14/site-packages\n");
  CHECK(u.exit_code == 1);
}
