// external_bytes_test: bytes from outside that are not UTF-8 (the command line, PYTHONPATH,
// file names, stdin) reach Python as CPython gives them: argv, the environment and file
// names decode with surrogateescape (b'\xf0' -> '\udcf0'), and give the same bytes back when
// they name a file or are written out; stdin decodes with its error handler, so invalid input
// is a UnicodeDecodeError under strict, never a str whose length disagrees with its text.
#include <catch2/catch.hpp>

#include <map>
#include <string>

#include "spawn.hpp"

namespace {

// The last line of `text` (a traceback's exception line).
std::string last_line(const std::string& text) {
  std::string trimmed = text;
  while (!trimmed.empty() && trimmed.back() == '\n') trimmed.pop_back();
  return trimmed.substr(trimmed.rfind('\n') + 1);
}

// `bytes` with every byte outside printable ASCII as \xNN, for section names.
std::string ascii_escaped(const std::string& bytes) {
  static const char* const kHex = "0123456789abcdef";
  std::string out;
  for (unsigned char c : bytes) {
    if (c >= 0x20 && c < 0x7F) {
      out += static_cast<char>(c);
    } else {
      out += "\\x";
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

const std::map<std::string, std::string> kStrictStdio = {{"PYTHONIOENCODING", "utf-8:strict"}};

}  // namespace

TEST_CASE("external bytes: argv decodes with surrogateescape", "[lifecycle][unicode]") {
  TempDir dir;
  const char* show = "import sys\na = sys.argv[1]\nprint([ord(c) for c in a], len(a), ascii(a[0]), a[1], a[-1])\n"
                     "print(ascii(sys.argv[2:]))";
  ChildResult r = run_gopy({"-c", show, "\xf0" "abc", "\xed\xa0\x80", "\xc3\xa9\xff"}, dir.path());
  CHECK(r.err == "");
  CHECK(r.out == "[56560, 97, 98, 99] 4 '\\udcf0' a c\n"
                 "['\\udced\\udca0\\udc80', '\\xe9\\udcff']\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("external bytes: an argv str writes its original bytes back out", "[lifecycle][unicode]") {
  TempDir dir;
  SECTION("stdout's handler is surrogateescape under C.UTF-8, as CPython's") {
    ChildResult r = run_gopy({"-c", "import sys; print(sys.argv[1]); print(sys.stdout.errors)", "\xf0" "abc"}, dir.path());
    CHECK(r.err == "");
    CHECK(r.out == "\xf0" "abc\nsurrogateescape\n");
    CHECK(r.exit_code == 0);
  }
  struct Refused {
    const char* what;
    const char* program;
    std::map<std::string, std::string> env;
    const char* out;    // written before the error
    const char* where;  // the error's characters and position
  };
  const Refused refused[] = {
      {"a strict stdout refuses the surrogate", "import sys; print(sys.argv[1])", kStrictStdio, "",
       "character '\\udcf0' in position 0"},
      {"print writes each argument on its own, as CPython", "import sys; print('x', sys.argv[1])",
       kStrictStdio, "x ", "character '\\udcf0' in position 0"},
      {"a surrogate that stands for no byte is refused even by surrogateescape",
       "import sys; sys.stdout.write('x' + chr(0xdcf0) + chr(0xd800) + chr(0xdc80))", {}, "",
       "characters in position 2-3"},
  };
  for (const Refused& c : refused) {
    DYNAMIC_SECTION(c.what) {
      ChildResult r = run_gopy({"-c", c.program, "\xf0" "abc"}, dir.path(), "", c.env);
      CHECK(r.out == c.out);
      CHECK(last_line(r.err) == std::string("UnicodeEncodeError: 'utf-8' codec can't encode ") +
                                    c.where + ": surrogates not allowed");
      CHECK(r.exit_code == 1);
    }
  }
}

TEST_CASE("external bytes: a PYTHONPATH entry names its directory again", "[lifecycle][unicode]") {
  TempDir dir;
  dir.write("lib\xf0/undecodable.py", "here = __file__\n");
  ChildResult r = run_gopy({"-c",
                            "import sys, undecodable\n"
                            "entry = [p for p in sys.path if p.endswith('lib\\udcf0')]\n"
                            "print(len(entry), [ord(c) for c in entry[0][-4:]])\n"
                            "print(ascii(undecodable.here[len(entry[0]):]))\n"},
                           dir.path(), "", {{"PYTHONPATH", (dir.path() / "lib\xf0").string()}});
  CHECK(r.err == "");
  CHECK(r.out == "1 [108, 105, 98, 56560]\n'/undecodable.py'\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("external bytes: a script's file name", "[lifecycle][unicode]") {
  TempDir dir;
  dir.write("prog\xf0.py", "import sys\nprint(ascii(sys.argv[0]), ascii(__file__))\n");
  ChildResult r = run_gopy({"prog\xf0.py"}, dir.path());
  CHECK(r.err == "");
  // __file__ is absolute, as CPython makes it since 3.9.
  CHECK(r.out == "'prog\\udcf0.py' '" + dir.path().string() + "/prog\\udcf0.py'\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("external bytes: input() and sys.stdin decode with stdin's handler", "[lifecycle][unicode]") {
  TempDir dir;
  SECTION("surrogateescape under C.UTF-8, as CPython's") {
    ChildResult r = run_gopy({"-c", "s = input(); print([ord(c) for c in s], len(s)); print(ascii(input()))"},
                             dir.path(), "abc\xf0" "abc\n\xe2\x82\xac\xff\n");
    CHECK(r.err == "");
    CHECK(r.out == "[97, 98, 99, 56560, 97, 98, 99] 7\n'\\u20ac\\udcff'\n");
    CHECK(r.exit_code == 0);
  }
  struct Case {
    const char* input;
    const char* program;
    const char* error;
  };
  const Case cases[] = {
      {"abc\xf0" "abc\n", "input()", "byte 0xf0 in position 3: invalid continuation byte"},
      {"ok\n\xff\n", "input()", "byte 0xff in position 3: invalid start byte"},
      {"ab\xe2\x82", "input()", "bytes in position 0-1: unexpected end of data"},
      {"\xf0\x90\x80zz\n", "import sys; sys.stdin.readline()",
       "bytes in position 0-2: invalid continuation byte"},
      {"a\n\xc0\xaf\n", "import sys; sys.stdin.read()", "byte 0xc0 in position 2: invalid start byte"},
  };
  for (const Case& c : cases) {
    DYNAMIC_SECTION("strict: " << c.program << " reading " << ascii_escaped(c.input)) {
      ChildResult r = run_gopy({"-c", c.program}, dir.path(), c.input, kStrictStdio);
      CHECK(r.out == "");
      CHECK(last_line(r.err) == std::string("UnicodeDecodeError: 'utf-8' codec can't decode ") + c.error);
      CHECK(r.exit_code == 1);
    }
  }
}
