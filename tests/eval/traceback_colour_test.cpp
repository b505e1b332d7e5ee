// Tracebacks in colour (3.14's default theme), through the real executable. The expected
// texts were recorded by hand from CPython 3.13 with FORCE_COLOR=1 and checked against
// CPython 3.14's Lib/traceback.py (format_frame_summary, _format_final_exc_line,
// _format_syntax_error) and Lib/_colorize.py (can_colorize, Traceback), which print the
// same for these programs.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "spawn.hpp"

namespace {

ChildResult run_with(const std::string& program, const std::map<std::string, std::string>& env,
                     const std::vector<std::string>& options = {}) {
  TempDir dir;
  std::vector<std::string> args = options;
  args.insert(args.end(), {"-S", "-c", program});
  return run_gopy(args, dir.path(), "", env);
}

const std::string kBinop = "def f(a, b):\n    return a  +  b\nf(1, 's')\n";
const std::string kBinopColoured =
    "Traceback (most recent call last):\n"
    "  File \x1b[35m\"<string>\"\x1b[0m, line \x1b[35m3\x1b[0m, in \x1b[35m<module>\x1b[0m\n"
    "    \x1b[31mf\x1b[0m\x1b[1;31m(1, 's')\x1b[0m\n"
    "    \x1b[31m~\x1b[0m\x1b[1;31m^^^^^^^^\x1b[0m\n"
    "  File \x1b[35m\"<string>\"\x1b[0m, line \x1b[35m2\x1b[0m, in \x1b[35mf\x1b[0m\n"
    "    return \x1b[31ma  \x1b[0m\x1b[1;31m+\x1b[0m\x1b[31m  b\x1b[0m\n"
    "           \x1b[31m~~~\x1b[0m\x1b[1;31m^\x1b[0m\x1b[31m~~~\x1b[0m\n"
    "\x1b[1;35mTypeError\x1b[0m: \x1b[35munsupported operand type(s) for +: 'int' and 'str'\x1b[0m\n";
const std::string kBinopPlain =
    "Traceback (most recent call last):\n"
    "  File \"<string>\", line 3, in <module>\n"
    "    f(1, 's')\n"
    "    ~^^^^^^^^\n"
    "  File \"<string>\", line 2, in f\n"
    "    return a  +  b\n"
    "           ~~~^~~~\n"
    "TypeError: unsupported operand type(s) for +: 'int' and 'str'\n";

}  // namespace

TEST_CASE("traceback colour: FORCE_COLOR colours files, lines, carets and the exception", "[traceback]") {
  ChildResult r = run_with(kBinop, {{"FORCE_COLOR", "1"}});
  CHECK(r.exit_code == 1);
  CHECK(r.err == kBinopColoured);
}

TEST_CASE("traceback colour: an exception without a message and a line without carets", "[traceback]") {
  ChildResult r = run_with("raise KeyError\n", {{"FORCE_COLOR", "1"}});
  CHECK(r.err ==
        "Traceback (most recent call last):\n"
        "  File \x1b[35m\"<string>\"\x1b[0m, line \x1b[35m1\x1b[0m, in \x1b[35m<module>\x1b[0m\n"
        "    raise KeyError\n"
        "\x1b[1;35mKeyError\x1b[0m\n");
}

TEST_CASE("traceback colour: a SyntaxError marks its columns", "[traceback]") {
  ChildResult r = run_with("x = 1 +\n", {{"FORCE_COLOR", "1"}});
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "  File \x1b[35m\"<string>\"\x1b[0m, line \x1b[35m1\x1b[0m\n"
        "    x = 1 +\x1b[1;31m\x1b[0m\n"
        "           \x1b[1;31m^\x1b[0m\n"
        "\x1b[1;35mSyntaxError\x1b[0m: \x1b[35minvalid syntax\x1b[0m\n");
}

TEST_CASE("traceback colour: the environment decides, as _colorize.can_colorize does", "[traceback]") {
  // Not a terminal and nothing asked: plain.
  CHECK(run_with(kBinop, {}).err == kBinopPlain);
  // PYTHON_COLORS comes first, both ways.
  CHECK(run_with(kBinop, {{"PYTHON_COLORS", "0"}, {"FORCE_COLOR", "1"}}).err == kBinopPlain);
  CHECK(run_with(kBinop, {{"PYTHON_COLORS", "1"}, {"NO_COLOR", "1"}}).err == kBinopColoured);
  // ... unless -E ignores it: then NO_COLOR wins over FORCE_COLOR.
  CHECK(run_with(kBinop, {{"PYTHON_COLORS", "1"}}, {"-E"}).err == kBinopPlain);
  CHECK(run_with(kBinop, {{"NO_COLOR", "1"}, {"FORCE_COLOR", "1"}}).err == kBinopPlain);
  // Empty values count as unset; TERM=dumb only matters without FORCE_COLOR.
  CHECK(run_with(kBinop, {{"NO_COLOR", ""}, {"FORCE_COLOR", "1"}}).err == kBinopColoured);
  CHECK(run_with(kBinop, {{"TERM", "dumb"}, {"FORCE_COLOR", "1"}}).err == kBinopColoured);
}

TEST_CASE("traceback colour: on a terminal by default, not with TERM=dumb", "[traceback]") {
  TempDir dir;
  {
    // An unknown PYTHON_COLORS value decides nothing (PtySession sets NO_COLOR without it).
    PtySession session({"-S", "-c", "raise KeyError"}, dir.path(), {{"PYTHON_COLORS", "auto"}});
    session.wait_exit();
    CHECK(session.screen().find("\x1b[1;35mKeyError\x1b[0m") != std::string::npos);
  }
  {
    PtySession session({"-S", "-c", "raise KeyError"}, dir.path(), {{"PYTHON_COLORS", "auto"}, {"TERM", "dumb"}});
    session.wait_exit();
    CHECK(session.screen().find("KeyError") != std::string::npos);
    CHECK(session.screen().find("\x1b[") == std::string::npos);
  }
}

// CPython keeps no columns in code compiled under -X no_debug_ranges (or
// PYTHONNODEBUGRANGES), so its tracebacks show the source lines without markers.
TEST_CASE("traceback: no column markers under -X no_debug_ranges", "[traceback]") {
  const std::string without =
      "Traceback (most recent call last):\n"
      "  File \"<string>\", line 3, in <module>\n"
      "    f(1, 's')\n"
      "  File \"<string>\", line 2, in f\n"
      "    return a  +  b\n"
      "TypeError: unsupported operand type(s) for +: 'int' and 'str'\n";
  CHECK(run_with(kBinop, {}, {"-X", "no_debug_ranges"}).err == without);
  CHECK(run_with(kBinop, {{"PYTHONNODEBUGRANGES", "1"}}).err == without);
  CHECK(run_with(kBinop, {}).err == kBinopPlain);
}
