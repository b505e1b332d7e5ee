// run_modes_test: every way the real gopy executable runs __main__ (-c, a script, a
// directory, -, piped stdin, -m for modules and packages, -i), with sys.argv and
// sys.path[0] checked; and the REPL on a pseudo-terminal.
#include <catch2/catch.hpp>

#include <string>

#include "spawn.hpp"

namespace {

// Prints what CPython decides for a program: sys.argv, sys.path[0] and __name__.
const char* kShowProgram = "import sys\nprint(sys.argv)\nprint(repr(sys.path[0]))\nprint(__name__)\n";

std::string quoted(const std::string& s) { return "'" + s + "'"; }

std::string expected_show(const std::string& argv_repr, const std::string& path0) {
  return argv_repr + "\n" + quoted(path0) + "\n__main__\n";
}

}  // namespace

TEST_CASE("run_modes_test: -c", "[lifecycle][run]") {
  TempDir dir;
  ChildResult r = run_gopy({"-c", kShowProgram, "a"}, dir.path());
  CHECK(r.err == "");
  CHECK(r.out == expected_show("['-c', 'a']", ""));
  CHECK(r.exit_code == 0);
}

TEST_CASE("run_modes_test: -c runs its command dedented (3.14)", "[lifecycle][run]") {
  TempDir dir;
  ChildResult r = run_gopy({"-c", "\n    if 1:\n        print(1)\n  \n    print(2)\n"}, dir.path());
  CHECK(r.err == "");
  CHECK(r.out == "1\n2\n");
  CHECK(r.exit_code == 0);

  r = run_gopy({"-c", "\tprint(3)\n\tprint(4)\n    "}, dir.path());
  CHECK(r.out == "3\n4\n");
  CHECK(r.exit_code == 0);

  // Only the common indentation goes: a tab and spaces share none.
  r = run_gopy({"-c", "  print(5)\n\tprint(6)"}, dir.path());
  CHECK(r.out == "");
  CHECK(r.err.find("IndentationError: unexpected indent") != std::string::npos);
  CHECK(r.exit_code == 1);
}

TEST_CASE("run_modes_test: -c with bytes that do not decode", "[lifecycle][run]") {
  TempDir dir;
  // CPython's pymain_run_command: the command must encode back to UTF-8.
  ChildResult r = run_gopy({"-c", "print('\xff')"}, dir.path());
  CHECK(r.out == "");
  CHECK(r.err == "Unable to decode the command from the command line:\n"
                 "UnicodeEncodeError: 'utf-8' codec can't encode character '\\udcff' in position 7: "
                 "surrogates not allowed\n");
  CHECK(r.exit_code == 1);
}

TEST_CASE("run_modes_test: a script in a sub-directory", "[lifecycle][run]") {
  TempDir dir;
  dir.write("sub/prog.py", kShowProgram);
  ChildResult r = run_gopy({"sub/prog.py", "x"}, dir.path());
  CHECK(r.err == "");
  CHECK(r.out == expected_show("['sub/prog.py', 'x']", (dir.path() / "sub").string()));
  CHECK(r.exit_code == 0);
}

TEST_CASE("run_modes_test: a script's __file__ and __cached__ last for its run", "[lifecycle][run]") {
  TempDir dir;
  dir.write("prog.py", "print(__cached__, __file__.endswith('/prog.py'))\nx = 1\n");
  ChildResult r = run_gopy({"prog.py"}, dir.path());
  CHECK(r.err == "");
  CHECK(r.out == "None True\n");
  CHECK(r.exit_code == 0);

  // CPython's _PyRun_SimpleFile removes both once the script ran: -i does not see them.
  r = run_gopy({"-i", "prog.py"}, dir.path(), "print(x, '__file__' in globals(), '__cached__' in globals())\n");
  CHECK(r.out == "None True\n1 False False\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("run_modes_test: -P and -I add nothing for a script", "[lifecycle][run]") {
  TempDir dir;
  dir.write("prog.py", "import sys\nprint(sys.path[0] == '" + dir.path().string() + "')\n");
  CHECK(run_gopy({"prog.py"}, dir.path()).out == "True\n");
  CHECK(run_gopy({"-P", "prog.py"}, dir.path()).out == "False\n");
  CHECK(run_gopy({"-I", "prog.py"}, dir.path()).out == "False\n");
}

TEST_CASE("run_modes_test: a directory holding __main__.py", "[lifecycle][run]") {
  TempDir dir;
  dir.write("app/__main__.py", std::string(kShowProgram) + "print(__file__)\n");
  dir.write("app/helper.py", "VALUE = 7\n");
  ChildResult r = run_gopy({"app", "x"}, dir.path());
  std::string app = (dir.path() / "app").string();
  CHECK(r.err == "");
  CHECK(r.out == expected_show("['app', 'x']", app) + app + "/__main__.py\n");
  CHECK(r.exit_code == 0);

  // Its siblings import from sys.path[0], even under -I (the directory is always added).
  dir.write("app/__main__.py", "import helper\nprint(helper.VALUE)\n");
  r = run_gopy({"-I", "app"}, dir.path());
  CHECK(r.out == "7\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("run_modes_test: a directory without __main__.py", "[lifecycle][run]") {
  TempDir dir;
  dir.write("empty/readme.txt", "");
  ChildResult r = run_gopy({"empty"}, dir.path());
  CHECK(r.out == "");
  CHECK(r.err == gopy_executable() + ": can't find '__main__' module in '" + (dir.path() / "empty").string() + "'\n");
  CHECK(r.exit_code == 1);
}

TEST_CASE("run_modes_test: a zip archive without __main__", "[lifecycle][run]") {
  TempDir dir;
  // The smallest zip: an empty end-of-central-directory record.
  dir.write("app.zip", std::string("PK\x05\x06", 4) + std::string(18, '\0'));
  ChildResult r = run_gopy({"app.zip"}, dir.path());
  CHECK(r.exit_code == 1);
  CHECK(r.err == gopy_executable() + ": can't find '__main__' module in '" + (dir.path() / "app.zip").string() + "'\n");
}

TEST_CASE("run_modes_test: - and piped stdin", "[lifecycle][run]") {
  TempDir dir;
  ChildResult r = run_gopy({"-", "a"}, dir.path(), std::string(kShowProgram) + "print(__file__)\n");
  CHECK(r.err == "");
  CHECK(r.out == expected_show("['-', 'a']", "") + "<stdin>\n");
  CHECK(r.exit_code == 0);

  r = run_gopy({}, dir.path(), kShowProgram);
  CHECK(r.out == expected_show("['']", ""));
  CHECK(r.exit_code == 0);

  r = run_gopy({"-"}, dir.path(), "print('before')\nraise SystemExit(5)\n");
  CHECK(r.out == "before\n");
  CHECK(r.exit_code == 5);

  r = run_gopy({"-"}, dir.path(), "1/0\n");
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("File \"<stdin>\", line 1") != std::string::npos);
}

TEST_CASE("run_modes_test: -m runs a module with argv[0] its full path", "[lifecycle][run]") {
  TempDir dir;
  dir.write("mymod.py", kShowProgram);
  ChildResult r = run_gopy({"-m", "mymod", "-b", "x"}, dir.path());
  CHECK(r.err == "");
  std::string cwd = dir.path().string();
  CHECK(r.out == expected_show("['" + cwd + "/mymod.py', '-b', 'x']", cwd));
  CHECK(r.exit_code == 0);
}

TEST_CASE("run_modes_test: -m runs a package's __main__", "[lifecycle][run]") {
  TempDir dir;
  dir.write("pkg/__init__.py", "print('init', __name__)\n");
  dir.write("pkg/__main__.py", std::string(kShowProgram) + "print(__package__)\n");
  dir.write("pkg/sub.py", "import sys\nprint(sys.argv[0].endswith('/pkg/sub.py'), __name__, __package__)\n");
  std::string cwd = dir.path().string();
  ChildResult r = run_gopy({"-m", "pkg", "y"}, dir.path());
  CHECK(r.err == "");
  CHECK(r.out == "init pkg\n" + expected_show("['" + cwd + "/pkg/__main__.py', 'y']", cwd) + "pkg\n");
  CHECK(r.exit_code == 0);

  r = run_gopy({"-m", "pkg.sub"}, dir.path());
  CHECK(r.err == "");
  CHECK(r.out == "init pkg\nTrue __main__ pkg\n");
}

TEST_CASE("run_modes_test: -m errors", "[lifecycle][run]") {
  TempDir dir;
  const std::string exe = gopy_executable();
  dir.write("mymod.py", "print('found')\n");
  dir.write("lib/__init__.py", "");
  ChildResult r = run_gopy({"-m", "missing"}, dir.path());
  CHECK(r.err == exe + ": No module named missing\n");
  CHECK(r.exit_code == 1);

  r = run_gopy({"-I", "-m", "mymod"}, dir.path());
  CHECK(r.err == exe + ": No module named mymod\n");
  CHECK(r.exit_code == 1);

  r = run_gopy({"-m", "lib"}, dir.path());
  CHECK(r.err == exe + ": No module named lib.__main__; 'lib' is a package and cannot be directly executed\n");
  CHECK(r.exit_code == 1);

  r = run_gopy({"-m", "nopkg.mod"}, dir.path());
  CHECK(r.err == exe + ": Error while finding module specification for 'nopkg.mod' "
                       "(ModuleNotFoundError: No module named 'nopkg')\n");
  CHECK(r.exit_code == 1);

  r = run_gopy({"-m", ".rel"}, dir.path());
  CHECK(r.err == exe + ": Relative module names not supported\n");
  CHECK(r.exit_code == 1);

  // runpy asks importlib.util.find_spec: an empty name is simply not found, a built-in
  // module has no code, __main__ (in sys.modules, no spec) is refused by find_spec.
  r = run_gopy({"-m", ""}, dir.path());
  CHECK(r.err == exe + ": No module named \n");
  CHECK(r.exit_code == 1);

  r = run_gopy({"-m", "sys"}, dir.path());
  CHECK(r.err == exe + ": No code object available for sys\n");
  CHECK(r.exit_code == 1);

  r = run_gopy({"-m", "__main__"}, dir.path());
  CHECK(r.err == exe + ": Error while finding module specification for '__main__' "
                       "(ValueError: __main__.__spec__ is None)\n");
  CHECK(r.exit_code == 1);
}

TEST_CASE("run_modes_test: -m and namespace packages", "[lifecycle][run]") {
  TempDir dir;
  const std::string exe = gopy_executable();
  dir.write("ns/mod.py", "import sys\nprint(__name__, __package__, __spec__.name, sys.argv[1:])\n");
  ChildResult r = run_gopy({"-m", "ns.mod", "a"}, dir.path());
  CHECK(r.err == "");
  CHECK(r.out == "__main__ ns ns.mod ['a']\n");
  CHECK(r.exit_code == 0);

  r = run_gopy({"-m", "ns"}, dir.path());
  CHECK(r.err == exe + ": No module named ns.__main__; 'ns' is a package and cannot be directly executed\n");
  CHECK(r.exit_code == 1);
}

TEST_CASE("run_modes_test: -i runs the code, then the REPL on stdin", "[lifecycle][run]") {
  TempDir dir;
  ChildResult r = run_gopy({"-i", "-c", "x = 20"}, dir.path(), "x + 1\nprint('hi')\n");
  CHECK(r.out == "21\nhi\n");
  CHECK(r.err == ">>> >>> >>> \n");
  CHECK(r.exit_code == 0);

  // A SystemExit under -i is reported, and the REPL still follows.
  r = run_gopy({"-i", "-c", "raise SystemExit(3)"}, dir.path(), "print('after')\n");
  CHECK(r.out == "after\n");
  CHECK(r.err.find("SystemExit: 3\n>>> ") != std::string::npos);
  CHECK(r.exit_code == 0);

  // In the REPL, SystemExit ends the process with its code.
  r = run_gopy({"-i", "-c", "pass"}, dir.path(), "raise SystemExit(4)\nprint('never')\n");
  CHECK(r.out == "");
  CHECK(r.exit_code == 4);

  // PYTHONINSPECT without a terminal and without -i: no REPL (stdin is not interactive).
  r = run_gopy({"-c", "print(1)"}, dir.path(), "print(2)\n", {{"PYTHONINSPECT", "1"}});
  CHECK(r.out == "1\n");
  CHECK(r.err == "");
}

TEST_CASE("run_modes_test: -i reads whole compound statements from piped stdin", "[lifecycle][run]") {
  TempDir dir;
  // A try is incomplete until its except arrives (the parser's error lies past the input).
  ChildResult r = run_gopy({"-q", "-i"}, dir.path(), "try:\n  1/0\nexcept ZeroDivisionError:\n  print('z')\n\n");
  CHECK(r.out == "z\n");
  CHECK(r.err == ">>> ... ... ... ... >>> \n");
  CHECK(r.exit_code == 0);

  r = run_gopy({"-q", "-i"}, dir.path(), "@staticmethod\ndef f(): pass\n\nprint(f)\n");
  CHECK(r.out.rfind("<staticmethod(<function f at ", 0) == 0);
  CHECK(r.err == ">>> ... ... >>> >>> \n");

  // EOF inside a block runs it; the next prompt then meets EOF too.
  r = run_gopy({"-q", "-i"}, dir.path(), "for i in range(2):\n    i\n");
  CHECK(r.out == "0\n1\n");
  CHECK(r.err == ">>> ... ... \n>>> \n");
  CHECK(r.exit_code == 0);

  r = run_gopy({"-q", "-i"}, dir.path(), "x = (\n");
  CHECK(r.err == ">>> ... \n  File \"<stdin>\", line 1\n    x = (\n        ^\nSyntaxError: '(' was never closed\n>>> \n");
}

TEST_CASE("run_modes_test: -i blocks, blank and comment lines, prompts", "[lifecycle][run]") {
  TempDir dir;
  // Every compound statement waits for its empty line (with, async def, match, try*).
  ChildResult r = run_gopy({"-q", "-i"}, dir.path(), "with open('/dev/null'):\n  print(1)\n  print(2)\n\n");
  CHECK(r.out == "1\n2\n");
  CHECK(r.err == ">>> ... ... ... >>> \n");

  r = run_gopy({"-q", "-i"}, dir.path(), "match 1:\n  case 1:\n    print('one')\n\n");
  CHECK(r.out == "one\n");
  CHECK(r.err == ">>> ... ... ... >>> \n");

  // Only a totally empty line ends a block; a first line of a comment is an empty entry.
  r = run_gopy({"-q", "-i"}, dir.path(), "# note\nif 1:\n  1\n  \n  # c\n  2\n\n");
  CHECK(r.out == "1\n2\n");
  CHECK(r.err == ">>> >>> ... ... ... ... ... >>> \n");

  // A backslash at the end of a quoted string's line continues the string.
  r = run_gopy({"-q", "-i"}, dir.path(), "'a\\\nb'\n");
  CHECK(r.out == "'ab'\n");
  CHECK(r.err == ">>> ... >>> \n");

  // sys.ps1 deleted after the loop started: the prompt is empty, not restored.
  r = run_gopy({"-q", "-i"}, dir.path(), "import sys; del sys.ps1\n1\n");
  CHECK(r.out == "1\n");
  CHECK(r.err == ">>> \n");
}

TEST_CASE("run_modes_test: the REPL on a terminal", "[lifecycle][run][repl]") {
  TempDir dir;
  dir.write("startup.py", "greeting = 'hello'\n");
  PtySession repl({}, dir.path(), {{"PYTHONSTARTUP", (dir.path() / "startup.py").string()}});
  size_t at = 0;
  REQUIRE(repl.wait_for(">>> ", 0, &at));
  CHECK(repl.screen().find("Python 3.14.0") != std::string::npos);
  CHECK(repl.screen().find("Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.") !=
        std::string::npos);

  auto enter = [&](const std::string& line, const std::string& expect) {
    repl.type(line + "\n");
    size_t end = 0;
    bool seen = repl.wait_for(expect, at, &end);
    INFO("typed " << line << "; screen: " << repl.screen().substr(at));
    CHECK(seen);
    if (seen) at = end;
  };
  enter("1 + 2", "3\r\n>>> ");
  enter("greeting", "'hello'\r\n>>> ");  // PYTHONSTARTUP ran in __main__ first
  enter("_ * 2", "'hellohello'\r\n>>> ");
  enter("None", "None\r\n>>> ");
  enter("def triple(x):", "... ");
  enter("    return 3 * x", "... ");
  enter("", ">>> ");
  enter("triple(4); triple(5)", "12\r\n15\r\n>>> ");
  enter("for i in range(2): i", "... ");
  enter("", "0\r\n1\r\n>>> ");
  enter("1/0", "ZeroDivisionError: division by zero\r\n>>> ");
  enter("(1 +", "... ");
  enter(" 2)", "3\r\n>>> ");
  enter("print('still here')", "still here\r\n>>> ");
  repl.type("\x04");  // EOF
  CHECK(repl.wait_exit() == 0);
}

TEST_CASE("run_modes_test: -q hides the banner, -E ignores PYTHONSTARTUP", "[lifecycle][run][repl]") {
  TempDir dir;
  dir.write("startup.py", "print('startup ran')\n");
  PtySession repl({"-q", "-E"}, dir.path(), {{"PYTHONSTARTUP", (dir.path() / "startup.py").string()}});
  REQUIRE(repl.wait_for(">>> "));
  repl.type("\x04");
  CHECK(repl.wait_exit() == 0);
  CHECK(repl.screen().find("Python 3.14.0") == std::string::npos);
  CHECK(repl.screen().find("startup ran") == std::string::npos);
}
