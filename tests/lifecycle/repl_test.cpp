// The REPL on a pseudo-terminal (line editing, history, completion, Ctrl-C, exit) and
// the site builtins it relies on (exit, quit, help, copyright, credits, license,
// sys.__interactivehook__), through the real gopy executable.
#include <catch2/catch.hpp>

#include <chrono>
#include <fstream>
#include <sstream>

#include "spawn.hpp"

namespace {

namespace fs = std::filesystem;

// Generous: the machine running the tests may be loaded.
constexpr std::chrono::seconds kWait{30};

// A REPL session that remembers how far the screen has been read, so each step waits
// for what the step itself produced.
class Repl {
 public:
  Repl(const std::vector<std::string>& args, const fs::path& cwd, const std::map<std::string, std::string>& env = {})
      : pty_(args, cwd, env) {}
  // Waits for `text` after what earlier steps saw; false (and the screen in the log) if
  // it never comes.
  bool expect(const std::string& text) {
    size_t end = 0;
    bool seen = pty_.wait_for(text, at_, &end, kWait);
    UNSCOPED_INFO("waited for " << text << "; screen since: " << pty_.screen().substr(at_));
    if (seen) at_ = end;
    return seen;
  }
  void type(const std::string& keys) { pty_.type(keys); }
  int wait_exit() { return pty_.wait_exit(kWait); }
  const std::string& screen() const { return pty_.screen(); }

 private:
  PtySession pty_;
  size_t at_ = 0;
};

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream out;
  out << in.rdbuf();
  return out.str();
}

}  // namespace

TEST_CASE("repl_test: Up recalls the previous line, and the history file keeps it", "[lifecycle][repl]") {
  TempDir dir;
  {
    Repl repl({"-q"}, dir.path(), {{"HOME", dir.path().string()}});
    REQUIRE(repl.expect(">>> "));
    repl.type("6 * 7\r");
    REQUIRE(repl.expect("42\r\n"));
    REQUIRE(repl.expect(">>> "));
    repl.type("\x1b[A\r");  // Up, Return: the same line again
    CHECK(repl.expect("42\r\n"));
    REQUIRE(repl.expect(">>> "));
    repl.type("\x04");
    CHECK(repl.wait_exit() == 0);
  }
  // libedit's format: a _HiStOrY_V2_ line, then one line per entry with spaces as \040.
  std::string history = read_file(dir.path() / ".python_history");
  CHECK(history.rfind("_HiStOrY_V2_\n", 0) == 0);
  CHECK(history.find("6\\040*\\0407\n") != std::string::npos);

  // A second session starts with the first one's history.
  Repl again({"-q"}, dir.path(), {{"HOME", dir.path().string()}});
  REQUIRE(again.expect(">>> "));
  again.type("\x1b[A\r");
  CHECK(again.expect("42\r\n"));
  REQUIRE(again.expect(">>> "));
  again.type("\x04");
  CHECK(again.wait_exit() == 0);
}

TEST_CASE("repl_test: PYTHON_HISTORY names the history file; -I keeps none", "[lifecycle][repl]") {
  TempDir dir;
  fs::path chosen = dir.path() / "chosen_history";
  {
    Repl repl({"-q"}, dir.path(), {{"HOME", dir.path().string()}, {"PYTHON_HISTORY", chosen.string()}});
    REQUIRE(repl.expect(">>> "));
    repl.type("'kept'\r");
    REQUIRE(repl.expect("'kept'\r\n"));
    REQUIRE(repl.expect(">>> "));
    repl.type("\x04");
    CHECK(repl.wait_exit() == 0);
  }
  CHECK(read_file(chosen).find("'kept'") != std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / ".python_history"));

  // -E ignores PYTHON_HISTORY: the default file is used.
  {
    Repl repl({"-q", "-E"}, dir.path(), {{"HOME", dir.path().string()}, {"PYTHON_HISTORY", chosen.string()}});
    REQUIRE(repl.expect(">>> "));
    repl.type("'default file'\r");
    REQUIRE(repl.expect("'default file'\r\n"));
    REQUIRE(repl.expect(">>> "));
    repl.type("\x04");
    CHECK(repl.wait_exit() == 0);
  }
  CHECK(read_file(dir.path() / ".python_history").find("'default\\040file'") != std::string::npos);
  CHECK(read_file(chosen).find("default") == std::string::npos);
  fs::remove(dir.path() / ".python_history");

  // Isolated: line editing still works, but no history file is read or written.
  Repl isolated({"-q", "-I"}, dir.path(), {{"HOME", dir.path().string()}});
  REQUIRE(isolated.expect(">>> "));
  isolated.type("\x1b[A\r");  // no history: Up does nothing, Return gives a new prompt
  REQUIRE(isolated.expect(">>> "));
  isolated.type("'isolated entry'\r");
  REQUIRE(isolated.expect("'isolated entry'\r\n"));
  REQUIRE(isolated.expect(">>> "));
  isolated.type("\x04");
  CHECK(isolated.wait_exit() == 0);
  CHECK(isolated.screen().find("'kept'") == std::string::npos);
  CHECK_FALSE(fs::exists(dir.path() / ".python_history"));
}

TEST_CASE("repl_test: Ctrl-C cancels the input line and a running statement; the session goes on",
          "[lifecycle][repl]") {
  TempDir dir;
  Repl repl({"-q"}, dir.path(), {{"HOME", dir.path().string()}});
  REQUIRE(repl.expect(">>> "));
  repl.type("1 + ");
  REQUIRE(repl.expect("1 + "));  // echoed: the editor has the partial line
  repl.type("\x03");
  REQUIRE(repl.expect("KeyboardInterrupt\r\n"));
  REQUIRE(repl.expect(">>> "));
  repl.type("def spin():\r");
  REQUIRE(repl.expect("... "));
  repl.type("    global x; x = 0; print('spinning')\r");
  REQUIRE(repl.expect("... "));
  repl.type("    while True: x += 1\r");
  REQUIRE(repl.expect("... "));
  repl.type("\r");
  REQUIRE(repl.expect(">>> "));
  repl.type("spin()\r");
  REQUIRE(repl.expect("spinning\r\n"));  // the loop runs: now interrupt it
  repl.type("\x03");
  REQUIRE(repl.expect("KeyboardInterrupt\r\n"));
  REQUIRE(repl.expect(">>> "));
  repl.type("x > 0\r");
  CHECK(repl.expect("True\r\n"));
  REQUIRE(repl.expect(">>> "));
  repl.type("\x04");
  CHECK(repl.wait_exit() == 0);
}

TEST_CASE("repl_test: Tab completes names and attributes", "[lifecycle][repl]") {
  TempDir dir;
  Repl repl({"-q"}, dir.path(), {{"HOME", dir.path().string()}});
  REQUIRE(repl.expect(">>> "));
  repl.type("unusually_named_value = 41\r");
  REQUIRE(repl.expect(">>> "));
  repl.type("unusually_na\t + 1\r");  // a global
  CHECK(repl.expect("42\r\n"));
  REQUIRE(repl.expect(">>> "));
  repl.type("isinst\t3, int)\r");  // a builtin; callables complete with "("
  CHECK(repl.expect("True\r\n"));
  REQUIRE(repl.expect(">>> "));
  repl.type("class Box:\r");
  REQUIRE(repl.expect("... "));
  repl.type("\tremarkable = 'attr'\r");  // Tab on an empty word indents
  REQUIRE(repl.expect("... "));
  repl.type("\r");
  REQUIRE(repl.expect(">>> "));
  repl.type("Box.remar\t\r");  // an attribute
  CHECK(repl.expect("'attr'\r\n"));
  REQUIRE(repl.expect(">>> "));
  // Two Tabs list the choices; after a bare "." the _private and __dunder__ names are
  // left out.
  size_t listing = repl.screen().size();
  repl.type("Box.\t\t");
  REQUIRE(repl.expect("Box.remarkable"));
  REQUIRE(repl.expect(">>> Box."));  // the line again, below the list
  CHECK(repl.screen().substr(listing).find("__class__") == std::string::npos);
  repl.type("\x15");  // Ctrl-U: drop the line
  repl.type("whi\tFalse: pass\r");  // a keyword completes with a space
  REQUIRE(repl.expect("while False: pass"));
  REQUIRE(repl.expect("... "));
  repl.type("\r");
  REQUIRE(repl.expect(">>> "));
  repl.type("\x04");
  CHECK(repl.wait_exit() == 0);
}

TEST_CASE("repl_test: multi-line blocks, sys.ps1 and sys.ps2", "[lifecycle][repl]") {
  TempDir dir;
  Repl repl({"-q"}, dir.path(), {{"HOME", dir.path().string()}});
  REQUIRE(repl.expect(">>> "));
  repl.type("import sys; sys.ps1 = 'py> '; sys.ps2 = 'more '\r");
  REQUIRE(repl.expect("py> "));
  repl.type("if True:\r");
  REQUIRE(repl.expect("more "));
  repl.type("    first = [1,\r");  // an open bracket inside a block
  REQUIRE(repl.expect("more "));
  repl.type("             2]\r");
  REQUIRE(repl.expect("more "));
  repl.type("    print(sum(first))\r");
  REQUIRE(repl.expect("more "));
  repl.type("\r");  // the empty line ends the block
  CHECK(repl.expect("3\r\n"));
  REQUIRE(repl.expect("py> "));
  repl.type("\x04");
  CHECK(repl.wait_exit() == 0);
}

TEST_CASE("repl_test: exit() and quit() end the session with their code; Ctrl-D with 0", "[lifecycle][repl]") {
  TempDir dir;
  {
    Repl repl({"-q"}, dir.path(), {{"HOME", dir.path().string()}});
    REQUIRE(repl.expect(">>> "));
    repl.type("exit\r");
    CHECK(repl.expect("Use exit() or Ctrl-D (i.e. EOF) to exit\r\n"));
    REQUIRE(repl.expect(">>> "));
    repl.type("exit()\r");
    CHECK(repl.wait_exit() == 0);
  }
  {
    Repl repl({"-q"}, dir.path(), {{"HOME", dir.path().string()}});
    REQUIRE(repl.expect(">>> "));
    repl.type("quit(3)\r");
    CHECK(repl.wait_exit() == 3);
  }
  {
    Repl repl({"-q"}, dir.path(), {{"HOME", dir.path().string()}});
    REQUIRE(repl.expect(">>> "));
    repl.type("'half an entry");
    REQUIRE(repl.expect("'half an entry"));
    repl.type("\x15\x04");  // Ctrl-U empties the line, Ctrl-D on an empty line is EOF
    CHECK(repl.wait_exit() == 0);
  }
}

TEST_CASE("repl_test: the banner, -q, -i after -c, and sys.__interactivehook__", "[lifecycle][repl]") {
  TempDir dir;
  dir.write("startup.py",
            "import sys\n"
            "def hook():\n"
            "    print('hook ran')\n"
            "sys.__interactivehook__ = hook\n");
  Repl repl({}, dir.path(), {{"HOME", dir.path().string()}, {"PYTHONSTARTUP", (dir.path() / "startup.py").string()}});
  REQUIRE(repl.expect("Python 3.14.0"));
  REQUIRE(repl.expect(" on linux\r\nType \"help\", \"copyright\", \"credits\" or \"license\" for more information.\r\n"));
  REQUIRE(repl.expect("hook ran\r\n"));  // after PYTHONSTARTUP, before the first prompt
  REQUIRE(repl.expect(">>> "));
  repl.type("\x04");
  CHECK(repl.wait_exit() == 0);

  // -i after -c: the command's names, then the REPL; no banner with -q.
  Repl inspect({"-q", "-i", "-c", "answer = 42"}, dir.path(), {{"HOME", dir.path().string()}});
  REQUIRE(inspect.expect(">>> "));
  inspect.type("answer\r");
  CHECK(inspect.expect("42\r\n"));
  REQUIRE(inspect.expect(">>> "));
  inspect.type("\x04");
  CHECK(inspect.wait_exit() == 0);
  CHECK(inspect.screen().find("Python 3.14.0") == std::string::npos);

  // A failing hook is reported and the REPL still starts.
  dir.write("failing.py", "import sys\ndef hook():\n    raise ValueError('no hook')\nsys.__interactivehook__ = hook\n");
  Repl failing({"-q"}, dir.path(), {{"HOME", dir.path().string()}, {"PYTHONSTARTUP", (dir.path() / "failing.py").string()}});
  REQUIRE(failing.expect("Failed calling sys.__interactivehook__\r\n"));
  REQUIRE(failing.expect("ValueError: no hook\r\n"));
  REQUIRE(failing.expect(">>> "));
  failing.type("\x04");
  CHECK(failing.wait_exit() == 0);
}

TEST_CASE("repl_test: the site builtins outside the REPL", "[lifecycle][repl]") {
  TempDir dir;
  ChildResult r = run_gopy({"-c",
                            "print(repr(exit)); print(repr(quit)); print(repr(help)); "
                            "print(repr(credits).startswith('gopy')); print(type(exit).__module__)"},
                           dir.path());
  CHECK(r.out ==
        "Use exit() or Ctrl-D (i.e. EOF) to exit\n"
        "Use quit() or Ctrl-D (i.e. EOF) to exit\n"
        "Type help() for interactive help, or help(object) for help about object.\n"
        "True\n"
        "_sitebuiltins\n");
  CHECK(r.err == "");

  // The pager of copyright/credits/license: 23 lines a page; Return shows the next
  // page, q stops, another answer asks again.
  r = run_gopy({"-c",
                "import _sitebuiltins\n"
                "_sitebuiltins._Printer('demo', '\\n'.join(str(i) for i in range(60)))()\n"
                "print('done')"},
               dir.path(), "\nwhat\nq\n");
  std::string pages;
  for (int i = 0; i < 46; ++i) pages += std::to_string(i) + "\n";
  const std::string prompt = "Hit Return for more, or q (and Return) to quit: ";
  CHECK(r.out == pages.substr(0, pages.find("23\n")) + prompt + pages.substr(pages.find("23\n")) + prompt + prompt +
                     "done\n");

  // help(...) is pydoc.help(...), whichever pydoc import finds.
  dir.write("pydoc.py", "def help(*args, **kwds):\n    print('pydoc.help', args, kwds)\n");
  r = run_gopy({"-c", "help(len, depth=2)"}, dir.path());
  CHECK(r.out == "pydoc.help (<built-in function len>,) {'depth': 2}\n");

  r = run_gopy({"-c", "exit(5)"}, dir.path());
  CHECK(r.exit_code == 5);
  r = run_gopy({"-c", "quit('bye')"}, dir.path());
  CHECK(r.err == "bye\n");
  CHECK(r.exit_code == 1);

  // site installs the interactive hook only when not isolated; -S installs nothing.
  r = run_gopy({"-c", "import sys; print(hasattr(sys, '__interactivehook__'))"}, dir.path());
  CHECK(r.out == "True\n");
  r = run_gopy({"-I", "-c", "import sys; print(hasattr(sys, '__interactivehook__'), repr(exit)[:8])"}, dir.path());
  CHECK(r.out == "False Use exit\n");
  r = run_gopy({"-S", "-c", "exit"}, dir.path());
  CHECK(r.err.find("NameError: name 'exit' is not defined") != std::string::npos);
  CHECK(r.exit_code == 1);
}
