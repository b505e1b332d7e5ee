// Source and identifiers through the real gopy executable: PEP 263 coding declarations,
// CPython 3.14's errors for unknown encodings and undecodable source, NFKC identifiers
// (PEP 3131) and \N{NAME} escapes. Only characters of Unicode 15.0 (Debian 12's ICU 72),
// which CPython 3.14's Unicode 16.0 also has.
#include <catch2/catch.hpp>

#include <string>

#include "spawn.hpp"

namespace {

ChildResult run_file(const std::string& bytes) {
  TempDir dir;
  dir.write("main.py", bytes);
  ChildResult r = run_gopy({"main.py"}, dir.path());
  // The traceback names the script by its absolute path.
  std::string prefix = dir.path().string() + "/";
  for (std::size_t at; (at = r.err.find(prefix)) != std::string::npos;) r.err.erase(at, prefix.size());
  return r;
}

}  // namespace

TEST_CASE("a coding declaration decodes the source through its codec", "[source][pep263]") {
  auto r = run_file("# -*- coding: latin-1 -*-\nx = 'caf\xe9'\nprint(x, len(x))\n");
  CHECK(r.out == "caf\xc3\xa9 4\n");
  CHECK(r.exit_code == 0);
  r = run_file("#!/usr/bin/env python3\n# vim: set fileencoding=cp1252 :\nprint('\x80')\n");
  CHECK(r.out == "\xe2\x82\xac\n");
  // Only the first two lines may declare it, and a code line ends the search.
  r = run_file("x = 1\n# coding: latin-1\nprint('\xc3\xa9')\n");
  CHECK(r.out == "\xc3\xa9\n");
}

TEST_CASE("an unknown encoding is a SyntaxError", "[source][pep263]") {
  auto r = run_file("# coding: bogus\nprint(1)\n");
  CHECK(r.err == "  File \"main.py\", line 0\nSyntaxError: unknown encoding: bogus\n");
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
}

TEST_CASE("undeclared non-UTF-8 source names the byte and shows the line decoded with replace",
          "[source][pep263]") {
  auto r = run_file("print(1)\nx = \"\x82" "abc\"\n");
  CHECK(r.err ==
        "  File \"main.py\", line 2\n"
        "    x = \"\xef\xbf\xbd" "abc\"\n"
        "         ^\n"
        "SyntaxError: Non-UTF-8 code starting with '\\x82' in file main.py on line 2, but no encoding "
        "declared; see https://peps.python.org/pep-0263/ for details\n");
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());  // nothing ran, and no raw byte reached the terminal
  CHECK(r.err.find('\x82') == std::string::npos);
  // A truncated sequence is one U+FFFD, as Python's "replace" decodes it.
  r = run_file("x = '\xe2\x82" "A'\n");
  CHECK(r.err.starts_with("  File \"main.py\", line 1\n    x = '\xef\xbf\xbd" "A'\n         ^\n"));
}

TEST_CASE("bytes the declared codec cannot decode", "[source][pep263]") {
  auto r = run_file("# coding: ascii\nx = \"\xe9\"\n");
  CHECK(r.err.ends_with("SyntaxError: (unicode error) 'ascii' codec can't decode byte 0xe9 in position 21: "
                        "ordinal not in range(128)\n"));
  CHECK(r.err.starts_with("  File \"main.py\", line 2\n"));
  CHECK(r.exit_code == 1);
}

TEST_CASE("identifiers are NFKC-normalized", "[source][pep3131]") {
  // FULLWIDTH LATIN SMALL LETTER F/O, the LATIN SMALL LIGATURE FI, MATHEMATICAL BOLD SMALL X.
  auto r = run_file("\xef\xbd\x86\xef\xbd\x8f\xef\xbd\x8f = 2\nprint(foo)\n"
                    "\xef\xac\x81x = 3\nprint(fix)\n"
                    "def g(\xf0\x9d\x90\xb1): return x\nprint(g(x=5))\n");
  CHECK(r.out == "2\n3\n5\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("\\N{NAME} escapes", "[source][escapes]") {
  auto r = run_file("print('\\N{BULLET}', '\\N{latin small letter a}\\N{EM DASH}', ascii('\\N{LATIN CAPITAL LETTER GHA}'))\n");
  CHECK(r.out == "\xe2\x80\xa2 a\xe2\x80\x94 '\\u01a2'\n");  // GHA: a name alias of U+01A2
  CHECK(r.exit_code == 0);
  r = run_file("x = '\\N{NO SUCH NAME}'\n");
  CHECK(r.err.ends_with("SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "0-15: unknown Unicode character name\n"));
  r = run_file("x = '\\N{}'\n");
  CHECK(r.err.ends_with("SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position "
                        "0-2: malformed \\N character escape\n"));
  // In bytes, \N is no escape.
  r = run_file("print(b'\\N{BULLET}')\n");
  CHECK(r.out == "b'\\\\N{BULLET}'\n");
}

TEST_CASE("source read from stdin follows PEP 263 too", "[source][pep263]") {
  TempDir dir;
  ChildResult r = run_gopy({}, dir.path(), "# coding: latin-1\nprint('caf\xe9')\n");
  CHECK(r.out == "caf\xc3\xa9\n");
  r = run_gopy({}, dir.path(), "x = '\x82'\n");
  CHECK(r.err.ends_with("SyntaxError: Non-UTF-8 code starting with '\\x82' in file <stdin> on line 1, but no "
                        "encoding declared; see https://peps.python.org/pep-0263/ for details\n"));
  CHECK(r.exit_code == 1);
}
