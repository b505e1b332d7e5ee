// streams_test: output through sys as CPython 3.14 does it, through the real gopy
// executable: stream order under -u, flush errors at exit, sys.stdout / sys.stderr /
// sys.excepthook replaced or deleted, SIGINT, a closed pipe, and errno texts.
#include <catch2/catch.hpp>

#include <signal.h>

#include <filesystem>
#include <string>

#include "spawn.hpp"

namespace fs = std::filesystem;

namespace {

// print to stdout, a write to stderr, print again: one pipe shows the interleaving.
const char* kInterleaved = "import sys\nprint('a')\nsys.stderr.write('b\\n')\nprint('c')\n";

ChildResult run_merged(const std::vector<std::string>& args, const fs::path& cwd,
                       const std::map<std::string, std::string>& env = {}) {
  ChildOptions options;
  options.merge_stderr = true;
  options.env = env;
  return run_child(gopy_executable(), args, cwd, options);
}

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

TEST_CASE("streams_test: stdout is block-buffered into a pipe and stderr line-buffered", "[lifecycle][streams]") {
  TempDir dir;
  ChildResult r = run_merged({"-c", kInterleaved}, dir.path());
  CHECK(r.out == "b\na\nc\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("streams_test: -u and PYTHONUNBUFFERED write through", "[lifecycle][streams]") {
  TempDir dir;
  ChildResult r = run_merged({"-u", "-c", kInterleaved}, dir.path());
  CHECK(r.out == "a\nb\nc\n");
  CHECK(r.exit_code == 0);
  r = run_merged({"-c", kInterleaved}, dir.path(), {{"PYTHONUNBUFFERED", "1"}});
  CHECK(r.out == "a\nb\nc\n");
  // -E ignores the variable: buffered again.
  r = run_merged({"-E", "-c", kInterleaved}, dir.path(), {{"PYTHONUNBUFFERED", "1"}});
  CHECK(r.out == "b\na\nc\n");
}

TEST_CASE("streams_test: a failing flush at exit is reported with exit status 120", "[lifecycle][streams]") {
  TempDir dir;
  ChildOptions options;
  options.stdout_file = "/dev/full";
  ChildResult r = run_child(gopy_executable(), {"-c", "print(1)"}, dir.path(), options);
  CHECK(r.err == "Exception ignored while flushing sys.stdout:\nOSError: [Errno 28] No space left on device\n");
  CHECK(r.exit_code == 120);

  // An explicit flush raises; what it could not write stays buffered and fails again.
  r = run_child(gopy_executable(),
                {"-c", "import sys\nprint(1)\ntry:\n    sys.stdout.flush()\nexcept OSError as e:\n"
                       "    sys.stderr.write(f'{type(e).__name__} {e.errno} {e.strerror}\\n')\n"},
                dir.path(), options);
  CHECK(r.err ==
        "OSError 28 No space left on device\n"
        "Exception ignored while flushing sys.stdout:\nOSError: [Errno 28] No space left on device\n");
  CHECK(r.exit_code == 120);
}

TEST_CASE("streams_test: print and the runtime write to sys.stdout as it is now", "[lifecycle][streams]") {
  TempDir dir;
  const char* capture =
      "import sys\n"
      "class Capture:\n"
      "    def __init__(self): self.parts = []\n"
      "    def write(self, s): self.parts.append(s)\n"
      "    def flush(self): self.parts.append('<flush>')\n"
      "c = Capture()\n"
      "sys.stdout = c\n"
      "print('x', 1, sep='-')\n"
      "print('y', flush=True)\n"
      "print('z', file=None)\n"
      "sys.stdout = sys.__stdout__\n"
      "print(c.parts)\n"
      "print(sys.__stderr__ is sys.stderr, sys.__stdin__ is sys.stdin)\n";
  ChildResult r = run_gopy({"-c", capture}, dir.path());
  CHECK(r.err == "");
  CHECK(r.out == "['x', '-', '1', '\\n', 'y', '\\n', '<flush>', 'z', '\\n']\nTrue True\n");
  CHECK(r.exit_code == 0);

  // None: print does nothing; a missing sys.stdout is CPython's RuntimeError.
  r = run_gopy({"-c", "import sys\nsys.stdout = None\nprint('gone')\n"}, dir.path());
  CHECK(r.out == "");
  CHECK(r.err == "");
  CHECK(r.exit_code == 0);
  r = run_gopy({"-c", "import sys\ndel sys.stdout\nprint('x')\n"}, dir.path());
  CHECK(r.out == "");
  CHECK(ends_with(r.err, "RuntimeError: lost sys.stdout\n"));
  CHECK(r.exit_code == 1);
  r = run_gopy({"-c", "import sys\ndel sys.stdin\ninput()\n"}, dir.path());
  CHECK(ends_with(r.err, "RuntimeError: lost sys.stdin\n"));
}

TEST_CASE("streams_test: tracebacks go to sys.stderr and through sys.excepthook", "[lifecycle][streams]") {
  TempDir dir;
  // sys.stderr = None: nothing is printed; the status is still 1.
  ChildResult r = run_gopy({"-c", "import sys\nsys.stderr = None\n1/0\n"}, dir.path());
  CHECK(r.err == "");
  CHECK(r.exit_code == 1);

  // A replaced sys.stderr receives the traceback.
  r = run_gopy({"-c",
                "import sys\nclass E:\n    def write(self, s): sys.__stdout__.write(s.upper())\n"
                "    def flush(self): pass\nsys.stderr = E()\nraise KeyError('k')\n"},
               dir.path());
  CHECK(r.err == "");
  CHECK(ends_with(r.out, "KEYERROR: 'K'\n"));
  CHECK(r.exit_code == 1);

  // A hook that works replaces the report.
  r = run_gopy({"-c",
                "import sys\ndef hook(t, v, tb): print('hook', t.__name__, v, tb is v.__traceback__)\n"
                "sys.excepthook = hook\nraise ValueError('v')\n"},
               dir.path());
  CHECK(r.err == "");
  CHECK(r.out == "hook ValueError v True\n");
  CHECK(r.exit_code == 1);

  // A failing hook: its error, then the original one.
  r = run_gopy({"-c",
                "import sys\ndef hook(*a):\n    raise ValueError('hook')\n"
                "sys.excepthook = hook\n1/0\n"},
               dir.path());
  CHECK(r.err.starts_with("Error in sys.excepthook:\nTraceback (most recent call last):\n"));
  CHECK(r.err.find("ValueError: hook\n\nOriginal exception was:\nTraceback (most recent call last):\n") !=
        std::string::npos);
  CHECK(ends_with(r.err, "ZeroDivisionError: division by zero\n"));
  CHECK(r.exit_code == 1);

  // The originals stay reachable.
  r = run_gopy({"-c",
                "import sys\nprint(sys.excepthook is sys.__excepthook__, sys.displayhook is sys.__displayhook__)\n"
                "sys.excepthook = None\nsys.excepthook = sys.__excepthook__\nraise KeyError(1)\n"},
               dir.path());
  CHECK(r.out == "True True\n");
  CHECK(ends_with(r.err, "KeyError: 1\n"));
  r = run_gopy({"-c", "import sys\ndel sys.excepthook\nraise KeyError(2)\n"}, dir.path());
  CHECK(r.err.starts_with("sys.excepthook is missing\n"));
  CHECK(ends_with(r.err, "KeyError: 2\n"));
}

TEST_CASE("streams_test: SIGINT raises KeyboardInterrupt at the next safe point", "[lifecycle][streams][signals]") {
  TempDir dir;
  ChildOptions options;
  options.interrupt_on_stderr = "ready";
  const char* loop =
      "import sys\n"
      "print('buffered before')\n"
      "def spin():\n"
      "    while True:\n"
      "        pass\n"
      "try:\n"
      "    sys.stderr.write('ready\\n')\n"
      "    spin()\n"
      "except KeyboardInterrupt as e:\n"
      "    print('caught', repr(e))\n"
      "finally:\n"
      "    print('finally')\n";
  ChildResult r = run_child(gopy_executable(), {"-c", loop}, dir.path(), options);
  CHECK(r.out == "buffered before\ncaught KeyboardInterrupt()\nfinally\n");
  CHECK(r.err == "ready\n");
  CHECK(r.exit_code == 0);

  // Uncaught: the traceback, buffered output flushed, then death by SIGINT.
  const char* uncaught = "import sys\nprint('kept')\nsys.stderr.write('ready\\n')\nwhile True:\n    pass\n";
  r = run_child(gopy_executable(), {"-c", uncaught}, dir.path(), options);
  CHECK(r.out == "kept\n");
  CHECK(r.err.starts_with("ready\nTraceback (most recent call last):\n  File \"<string>\", line "));
  CHECK(ends_with(r.err, "KeyboardInterrupt\n"));
  CHECK(r.exit_code == -1);
  CHECK(r.term_signal == SIGINT);

  // In a blocking call: time.sleep runs the handler when the signal interrupts it (PEP 475).
  const char* sleeping =
      "import sys, time\n"
      "sys.stderr.write('ready\\n')\n"
      "try:\n"
      "    time.sleep(30)\n"
      "    print('slept through')\n"
      "except KeyboardInterrupt as e:\n"
      "    print('caught', repr(e))\n";
  r = run_child(gopy_executable(), {"-c", sleeping}, dir.path(), options);
  CHECK(r.out == "caught KeyboardInterrupt()\n");
  CHECK(r.exit_code == 0);

  // Raised by the program itself: the same exit.
  r = run_gopy({"-c", "raise KeyboardInterrupt"}, dir.path());
  CHECK(ends_with(r.err, "KeyboardInterrupt\n"));
  CHECK(r.exit_code == -1);
  CHECK(r.term_signal == SIGINT);
}

TEST_CASE("streams_test: a closed pipe is BrokenPipeError, not death by SIGPIPE", "[lifecycle][streams][signals]") {
  TempDir dir;
  ChildOptions options;
  options.close_stdout_after = 1;  // as `| head -1` does once it has its line
  ChildResult r = run_child(gopy_executable(), {"-c", "for i in range(10**6): print(i)"}, dir.path(), options);
  CHECK(r.term_signal == 0);
  CHECK(r.err.starts_with("Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\n"));
  CHECK(ends_with(r.err, "BrokenPipeError: [Errno 32] Broken pipe\n"));
  // The chunk that failed is not kept (CPython's BufferedWriter), so the exit flush has
  // nothing left to fail on: status 1.
  CHECK(r.exit_code == 1);

  // Caught, with more output buffered: the exit flush fails and is reported (120).
  const char* caught =
      "import sys\n"
      "try:\n"
      "    for i in range(10**6): print(i)\n"
      "except BrokenPipeError as e:\n"
      "    sys.stderr.write(f'caught {e.errno}\\n')\n"
      "print('more')\n";
  r = run_child(gopy_executable(), {"-c", caught}, dir.path(), options);
  CHECK(r.err == "caught 32\nException ignored while flushing sys.stdout:\nBrokenPipeError: [Errno 32] Broken pipe\n");
  CHECK(r.exit_code == 120);
}

TEST_CASE("streams_test: a script that cannot be opened names its errno", "[lifecycle][streams][errno]") {
  TempDir dir;
  ChildResult r = run_gopy({"missing.py"}, dir.path());
  std::string program = gopy_executable();
  CHECK(r.err == program + ": can't open file '" + (dir.path() / "missing.py").string() +
                     "': [Errno 2] No such file or directory\n");
  CHECK(r.exit_code == 2);
  dir.write("file", "");
  r = run_gopy({"file/x.py"}, dir.path());
  CHECK(r.err == program + ": can't open file '" + (dir.path() / "file/x.py").string() +
                     "': [Errno 20] Not a directory\n");
  CHECK(r.exit_code == 2);
  std::string long_name(300, 'n');
  r = run_gopy({long_name + ".py"}, dir.path());
  CHECK(ends_with(r.err, ": [Errno 36] File name too long\n"));
}

TEST_CASE("streams_test: unreadable modules and scripts raise PermissionError", "[lifecycle][streams][errno]") {
  TempDir dir;
  fs::permissions(dir.path(), fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec |
                                  fs::perms::others_read | fs::perms::others_exec);
  if (std::string reason = nobody_unavailable_reason(dir.path()); !reason.empty()) {
    WARN("skipped: " << reason);
    return;
  }
  dir.write("m.py", "print('read')\n");
  dir.write("main.py", "import m\n");
  dir.write("secret.py", "print('read')\n");
  fs::permissions(dir.path() / "m.py", fs::perms::owner_read | fs::perms::owner_write);
  fs::permissions(dir.path() / "secret.py", fs::perms::owner_read | fs::perms::owner_write);
  fs::permissions(dir.path() / "main.py", fs::perms::owner_read | fs::perms::others_read);
  ChildOptions options;
  options.as_nobody = true;
  std::string denied = "PermissionError: [Errno 13] Permission denied: '" + (dir.path() / "m.py").string() + "'\n";

  ChildResult r = run_child(gopy_executable(), {"main.py"}, dir.path(), options);
  CHECK(r.out == "");
  CHECK(ends_with(r.err, denied));
  CHECK(r.exit_code == 1);

  r = run_child(gopy_executable(), {"-m", "m"}, dir.path(), options);
  CHECK(r.out == "");
  CHECK(ends_with(r.err, denied));
  CHECK(r.exit_code == 1);

  r = run_child(gopy_executable(), {"secret.py"}, dir.path(), options);
  CHECK(r.err == gopy_executable() + ": can't open file '" + (dir.path() / "secret.py").string() +
                     "': [Errno 13] Permission denied\n");
  CHECK(r.exit_code == 2);
}

TEST_CASE("streams_test: the REPL reports a PYTHONSTARTUP it cannot read by errno", "[lifecycle][streams][repl]") {
  TempDir dir;
  PtySession repl({"-q"}, dir.path(), {{"PYTHONSTARTUP", dir.path().string()}});
  REQUIRE(repl.wait_for(">>> "));
  CHECK(repl.screen().find("Could not open PYTHONSTARTUP\r\nIsADirectoryError: [Errno 21] Is a directory: '" +
                           dir.path().string() + "'\r\n") != std::string::npos);
  repl.type("\x04");
  CHECK(repl.wait_exit() == 0);
}

TEST_CASE("streams_test: Ctrl-C in the REPL interrupts and the loop goes on", "[lifecycle][streams][repl]") {
  TempDir dir;
  PtySession repl({"-q"}, dir.path(), {});
  size_t at = 0;
  REQUIRE(repl.wait_for(">>> ", 0, &at));
  repl.type("1 +");
  repl.type("\x03");  // the terminal sends SIGINT
  bool seen = repl.wait_for("KeyboardInterrupt\r\n>>> ", at, &at);
  INFO("screen: " << repl.screen());
  REQUIRE(seen);
  repl.type("while True: pass\n\n");
  REQUIRE(repl.wait_for("... ", at, &at));
  repl.type("\x03");
  REQUIRE(repl.wait_for("KeyboardInterrupt\r\n>>> ", at, &at));
  repl.type("40 + 2\n");
  CHECK(repl.wait_for("42\r\n>>> ", at));
  repl.type("\x04");
  CHECK(repl.wait_exit() == 0);  // a KeyboardInterrupt the REPL handled is no exit by SIGINT
}
