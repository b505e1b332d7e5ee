// Unit tests of gopy-conformance's own rules: the comparisons of the cli and run READMEs,
// the known-failures bookkeeping, and the child-process plumbing.
#include <catch2/catch.hpp>

#include "case_runner.hpp"
#include "compare.hpp"
#include "regex_match.hpp"
#include "known_failures.hpp"
#include "process.hpp"
#include "scratch_dir.hpp"

using namespace gopy::conformance;

TEST_CASE("placeholders are replaced everywhere, other text kept", "[compare]") {
  CHECK(replace_placeholders("usage: @ARGV0@ [option]\n@CWD@/x.py @CWD@", "/b/gopy", "/tmp/d") ==
        "usage: /b/gopy [option]\n/tmp/d/x.py /tmp/d");
  CHECK(replace_placeholders("@ARGV@ @CWD", "/b/gopy", "/tmp/d") == "@ARGV@ @CWD");
  CHECK(replace_placeholders("", "a", "b").empty());
}

TEST_CASE("stderr_last_line drops one trailing newline only", "[compare]") {
  CHECK(last_line("a\nb\n") == "b");
  CHECK(last_line("a\nb") == "b");
  CHECK(last_line("a\n\n") == "");
  CHECK(last_line("") == "");
  CHECK(last_line("\n") == "");
}

TEST_CASE("regexes must match the whole text, '.' not across newlines", "[compare]") {
  CHECK(regex_full_match("Python 3\\.14\\.0 \\(.+\\) \\[.+\\]\\n", "Python 3.14.0 (main, Jan 1) [GCC 12]\n") ==
        RegexMatch::match);
  CHECK(regex_full_match("abc", "abcd") == RegexMatch::no_match);
  CHECK(regex_full_match("a.c", "a\nc") == RegexMatch::no_match);
  CHECK(regex_full_match("a(", "a(") == RegexMatch::bad_pattern);
  CHECK(regex_full_match(".*", std::string(regex_text_limit + 1, 'x')) == RegexMatch::text_too_long);
}

TEST_CASE("invalid UTF-8 is replaced like Python's errors='replace'", "[compare]") {
  CHECK(decode_utf8_replace("stra\xC3\x9F" "e") == "stra\xC3\x9F" "e");
  CHECK(decode_utf8_replace("a\xFF" "b") == "a\xEF\xBF\xBD" "b");
  CHECK(decode_utf8_replace("\xE2\x82") == "\xEF\xBF\xBD");           // truncated: one U+FFFD
  CHECK(decode_utf8_replace("\xE0\x80") == "\xEF\xBF\xBD\xEF\xBF\xBD");  // overlong: two
}

TEST_CASE("last_line mode keeps the last non-blank line", "[normalize]") {
  CHECK(normalize_last_line_mode("  File \"m.py\", line 1\n    x = (\n        ^\nSyntaxError: '(' was never closed\n") ==
        "SyntaxError: '(' was never closed\n");
  CHECK(normalize_last_line_mode("RecursionError: x\r\n  \n\n") == "RecursionError: x\n");
  CHECK(normalize_last_line_mode(" \n\t\n").empty());
  CHECK(normalize_last_line_mode("").empty());
}

TEST_CASE("traceback mode strips the case directory, sources and carets", "[normalize]") {
  std::string raw =
      "Traceback (most recent call last):\n"
      "  File \"/tmp/gopy-run-abc/main.py\", line 9, in <module>\n"
      "    parse_port(\"eighty\")\n"
      "    ~~~~~~~~~~^^^^^^^^^^\n"
      "  File \"/private/tmp/gopy-run-abc/pkg/m.py\", line 5, in parse_port\n"
      "    return int(s)\n"
      "ValueError: invalid literal for int() with base 10: 'eighty'\n";
  CHECK(normalize_traceback(raw, {"/tmp/gopy-run-abc", "/private/tmp/gopy-run-abc"}) ==
        "Traceback (most recent call last):\n"
        "  File \"main.py\", line 9, in <module>\n"
        "  File \"pkg/m.py\", line 5, in parse_port\n"
        "ValueError: invalid literal for int() with base 10: 'eighty'\n");
}

TEST_CASE("traceback mode keeps program output, separators and message lines", "[normalize]") {
  std::string raw =
      "warning from the program\n"
      "  indented program output\n"
      "Traceback (most recent call last):\n"
      "  File \"/d/main.py\", line 2, in f\n"
      "    raise KeyError('k')\n"
      "KeyError: 'k'\n"
      "\n"
      "During handling of the above exception, another exception occurred:\n"
      "\n"
      "Traceback (most recent call last):\n"
      "  File \"/d/main.py\", line 4\n"
      "  [Previous line repeated 996 more times]\n"
      "ValueError: first line\n"
      "  second line of the message\n";
  CHECK(normalize_traceback(raw, {"/d"}) ==
        "warning from the program\n"
        "  indented program output\n"
        "Traceback (most recent call last):\n"
        "  File \"main.py\", line 2, in f\n"
        "KeyError: 'k'\n"
        "During handling of the above exception, another exception occurred:\n"
        "Traceback (most recent call last):\n"
        "  File \"main.py\", line 4\n"
        "ValueError: first line\n"
        "  second line of the message\n");
}

TEST_CASE("File lines parse greedily, like Python's regex", "[normalize]") {
  // A name that itself contains `", line 1`: the greedy (.*) takes the longest name.
  CHECK(normalize_traceback("  File \"/d/a\", line 1, in b\", line 7, in f\n", {"/d"}) ==
        "  File \"a\", line 1, in b\", line 7, in f\n");
  CHECK(normalize_traceback("  File \"/d/x.py\", line 12\n", {"/d"}) == "  File \"x.py\", line 12\n");
  CHECK(normalize_traceback("  File \"/elsewhere/x.py\", line 3, in g\n", {"/d"}) ==
        "  File \"/elsewhere/x.py\", line 3, in g\n");
  // Not a File line (no digits): kept verbatim outside a traceback.
  CHECK(normalize_traceback("  File \"x\", line z\n", {"/d"}) == "  File \"x\", line z\n");
}

TEST_CASE("differences are described at the first differing byte", "[compare]") {
  CHECK(describe_difference("abc\n", "abd\n") == "at byte 2: expected \"abc\\n\", got \"abd\\n\"");
  CHECK(describe_difference("ab", "abc") == "at byte 2 (extra output): expected \"ab\", got \"abc\"");
  CHECK(describe_difference("", "Traceback (most recent call last):\n  File \"<string>\", line 1, in <module>\nNameError: x\n") ==
        "at byte 0 (extra output): expected \"\", got \"Traceback (most recent call last):\\n  File \\\"<string>\\\", line 1\"... "
        "ending \"NameError: x\"");
  CHECK(describe_difference("line1\nline2\n", "line1\n") ==
        "at byte 6 (output ends early): expected \"line2\\n\", got \"\"");
}

TEST_CASE("known-failures files parse names and reasons", "[known_failures]") {
  KnownFailureList list;
  std::string error;
  REQUIRE(parse_known_failures("# header\n# more\n\nalpha\tnot yet (issue 5)\nbeta   spaced reason\ngamma\n# c\n",
                               list, error));
  REQUIRE(list.entries.size() == 3);
  CHECK(list.header == std::vector<std::string>{"# header", "# more"});
  CHECK(list.entries[0].name == "alpha");
  CHECK(list.entries[0].reason == "not yet (issue 5)");
  CHECK(list.entries[1].reason == "spaced reason");
  CHECK(list.entries[2].reason.empty());
  CHECK_FALSE(parse_known_failures("a x\nb y\na z\n", list, error));
  CHECK(error == "line 3: 'a' is listed twice");
}

TEST_CASE("known failures: unexpected failures and unexpected passes", "[known_failures]") {
  KnownFailureList list;
  std::string error;
  REQUIRE(parse_known_failures("grp/a reason a\ngrp/b reason b\nno_such_case gone\n", list, error));
  KnownFailureCheck check = check_known_failures({"grp/a", "grp/c"}, list);
  CHECK(check.unexpected_failures == std::vector<std::string>{"grp/c"});
  REQUIRE(check.unexpected_passes.size() == 2);
  CHECK(check.unexpected_passes[0].name == "grp/b");
  CHECK(check.unexpected_passes[1].name == "no_such_case");
  CHECK_FALSE(check.ok());
  CHECK(check_known_failures({"grp/a", "grp/b", "no_such_case"}, list).ok());
}

TEST_CASE("writing known failures keeps reasons of entries still failing", "[known_failures]") {
  KnownFailureList previous;
  std::string error;
  REQUIRE(parse_known_failures("# mine\nb\told reason\nfixed\tgone now\n", previous, error));
  CHECK(format_known_failures({"c", "b"}, previous, "new", {"# default"}) == "# mine\nb\told reason\nc\tnew\n");
  CHECK(format_known_failures({"x"}, KnownFailureList{}, "why", {"# default"}) == "# default\nx\twhy\n");
}

TEST_CASE("paths are made absolute like os.path.abspath", "[paths]") {
  CHECK(normalize_path("/a/./b/../c/") == "/a/c");
  CHECK(normalize_path("//a//b") == "//a/b");
  CHECK(normalize_path("///a") == "/a");
  CHECK(normalize_path("/..") == "/");
  CHECK(normalize_path("../x/..") == "..");
  CHECK(normalize_path("") == ".");
  CHECK(absolute_path("/usr/bin/../bin/python3") == "/usr/bin/python3");
  CHECK(absolute_path("rel").front() == '/');
}

TEST_CASE("environments are built from scratch, in order", "[process]") {
  EnvChanges changes{{"A", "1"}, {"LC_ALL", std::nullopt}, {"B", "2"}, {"A", "3"}};
  CHECK(build_environment({"LC_ALL=C.UTF-8"}, changes) == std::vector<std::string>{"A=3", "B=2"});
}

TEST_CASE("a child gets exactly its argv, environment, directory and stdin", "[process]") {
  ScratchDir dir;
  std::string error;
  REQUIRE(dir.create({{"sub/in.txt", "content"}}, error));
  ProcessSpec spec;
  spec.program = "/bin/sh";
  spec.argv = {"/bin/sh", "-c", "cat sub/in.txt; echo \" $0 $X $HOME\"; pwd; cat; echo err >&2; exit 3", "zero"};
  spec.env = {"X=1"};
  spec.cwd = dir.canonical_path();
  spec.stdin_data = std::string(200000, 'i');  // larger than a pipe buffer
  ProcessResult result = run_process(spec);
  REQUIRE(result.exited_normally());
  CHECK(result.exit_code == 3);
  CHECK(result.out == "content zero 1 \n" + dir.canonical_path() + "\n" + spec.stdin_data);
  CHECK(result.err == "err\n");
}

TEST_CASE("a child is killed at its time limit, signals and bad programs are reported", "[process]") {
  ScratchDir dir;
  std::string error;
  REQUIRE(dir.create({}, error));
  ProcessSpec spec;
  spec.program = "/bin/sh";
  spec.cwd = dir.path();
  spec.argv = {"/bin/sh", "-c", "sleep 30"};
  spec.timeout = std::chrono::milliseconds(200);
  CHECK(run_process(spec).timed_out);

  spec.argv = {"/bin/sh", "-c", "while :; do echo yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy; done"};
  spec.output_limit = 100000;
  ProcessResult flood = run_process(spec);
  CHECK(flood.too_much_output);
  CHECK_FALSE(flood.timed_out);

  spec.argv = {"/bin/sh", "-c", "kill -SEGV $$"};
  spec.timeout = std::chrono::seconds(10);
  ProcessResult killed = run_process(spec);
  CHECK(killed.signal == 11);
  CHECK(abnormal_end(killed, 10).rfind("killed by signal 11", 0) == 0);

  spec.program = "/nonexistent/gopy";
  ProcessResult missing = run_process(spec);
  CHECK_FALSE(missing.start_error.empty());
  CHECK_FALSE(binary_problem("/nonexistent/gopy").empty());
}

TEST_CASE("case files must stay inside the case directory", "[paths]") {
  std::string error;
  ScratchDir outside;
  CHECK_FALSE(outside.create({{"../escape.py", ""}}, error));
  ScratchDir absolute;
  CHECK_FALSE(absolute.create({{"/etc/x", ""}}, error));
}
