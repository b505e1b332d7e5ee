// The standard streams' codec as CPython's main phase sets it up (PYTHONIOENCODING, the
// locale, UTF-8 mode), and the fatal error for an unknown encoding. Expected texts and
// bytes recorded from CPython 3.13/3.14.
#include <catch2/catch.hpp>

#include <regex>

#include "run_python.hpp"

namespace {

const std::string kShowStreams =
    "import sys\n"
    "print(sys.stdout.encoding, sys.stdout.errors, sys.stderr.encoding, sys.stderr.errors,\n"
    "      sys.stdin.encoding, sys.stdin.errors, sys.getfilesystemencoding(), sys.getfilesystemencodeerrors())\n";

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

TEST_CASE("PYTHONIOENCODING=latin-1 writes Latin-1 bytes", "[stdio]") {
  ChildResult r = run_program_text("import sys\nprint('\\xe9', sys.stdout.encoding, sys.stdout.errors)\n",
                                   {{"PYTHONIOENCODING", "latin-1"}});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "\xe9 iso8859-1 strict\n");
}

TEST_CASE("A character the stdout codec cannot encode raises UnicodeEncodeError", "[stdio]") {
  ChildResult r = run_program_text("print('\\u20ac')\n", {{"PYTHONIOENCODING", "latin-1"}});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(ends_with(r.err, "UnicodeEncodeError: 'latin-1' codec can't encode character '\\u20ac' in position 0: "
                         "ordinal not in range(256)\n"));
}

TEST_CASE("PYTHONIOENCODING=enc:errors sets both; stderr keeps backslashreplace", "[stdio]") {
  ChildResult r = run_program_text("import sys\nprint('\\xe9\\u20ac', sys.stdout.errors, sys.stderr.errors)\n",
                                   {{"PYTHONIOENCODING", "ascii:replace"}});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "?? replace backslashreplace\n");
  r = run_program_text("import sys\nprint(sys.stdout.encoding, sys.stdout.errors)\n", {{"PYTHONIOENCODING", ":replace"}});
  CHECK(r.out == "utf-8 replace\n");
  r = run_program_text("import sys\nprint(sys.stdout.encoding)\n", {{"PYTHONIOENCODING", "UTF8"}});
  CHECK(r.out == "utf-8\n");
}

TEST_CASE("PYTHONIOENCODING=bogus is a fatal start-up error", "[stdio]") {
  TempDir dir;
  ChildResult r = run_gopy({"-c", "pass"}, dir.path(), "", {{"PYTHONIOENCODING", "bogus"}});
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  const std::regex expected(
      "Fatal Python error: init_stdio_encoding: failed to get the Python codec name of the stdio encoding\n"
      "Python runtime state: core initialized\n"
      "LookupError: unknown encoding: bogus\n"
      "\n"
      "Current thread 0x[0-9a-f]{16}( \\[[^\\]\n]+\\])? \\(most recent call first\\):\n"
      "  <no Python frame>\n");
  INFO(r.err);
  CHECK(std::regex_match(r.err, expected));
}

TEST_CASE("The C locale without UTF-8 mode: ascii with surrogateescape", "[stdio]") {
  ChildResult r = run_program_text(kShowStreams, {{"LC_ALL", "C"}, {"PYTHONUTF8", "0"}});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "ascii surrogateescape ascii backslashreplace ascii surrogateescape ascii surrogateescape\n");
  r = run_program_text("print('\\xe9')\n", {{"LC_ALL", "C"}, {"PYTHONUTF8", "0"}});
  CHECK(r.exit_code == 1);
  CHECK(ends_with(r.err, "UnicodeEncodeError: 'ascii' codec can't encode character '\\xe9' in position 0: "
                         "ordinal not in range(128)\n"));
}

TEST_CASE("The C.UTF-8 locale: utf-8 with surrogateescape", "[stdio]") {
  ChildResult r = run_program_text(kShowStreams);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "utf-8 surrogateescape utf-8 backslashreplace utf-8 surrogateescape utf-8 surrogateescape\n");
}

TEST_CASE("stdin is decoded with the stdio codec", "[stdio]") {
  ChildResult r = run_program_text("import sys\nprint(ascii(input()), sys.stdin.encoding)\n",
                                   {{"PYTHONIOENCODING", "latin-1"}}, "caf\xe9\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "'caf\\xe9' iso8859-1\n");
  r = run_program_text("print(ascii(input()))\n", {{"LC_ALL", "C"}, {"PYTHONUTF8", "0"}}, "caf\xe9\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out == "'caf\\udce9'\n");
}
