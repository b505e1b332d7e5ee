// SyntaxError details: type, message, line and offsets as CPython reports them.
#include <catch2/catch.hpp>

#include "parser_test_support.hpp"

using gopy::parser::test::error_of;

namespace {
struct ErrorCase {
  const char* source;
  const char* expected;
};

// Each row was checked against CPython 3.14.7.
const ErrorCase kCpythonErrors[] = {
#include "errors_cases.inc"
};
}  // namespace

TEST_CASE("sources parse or fail exactly as in CPython", "[errors]") {
  for (const ErrorCase& c : kCpythonErrors) {
    INFO("source: " << c.source);
    CHECK(error_of(c.source) == c.expected);
  }
}

TEST_CASE("the run vectors' syntax errors", "[errors]") {
  CHECK(error_of("print(\"never runs\")\nx = (1, 2,\ny = 3\n") ==
        "SyntaxError: '(' was never closed @ 2:5-2:0");
  CHECK(error_of("print(\"never runs\")\nx = = 1\n") == "SyntaxError: invalid syntax @ 2:5-2:6");
  CHECK(error_of("def f():\n    x = 1\n      y = 2\n") ==
        "IndentationError: unexpected indent @ 3:6-3:-1");
  CHECK(error_of("if True\n    print(\"x\")\n") == "SyntaxError: expected ':' @ 1:8-1:9");
  CHECK(error_of("s = \"abc\nprint(s)\n") ==
        "SyntaxError: unterminated string literal (detected at line 1) @ 1:5-1:5");
  CHECK(error_of("x = 1\nreturn x\n") == "SyntaxError: 'return' outside function @ 2:1-2:9");
  CHECK(error_of("for i in range(3):\nprint(i)\n") ==
        "IndentationError: expected an indented block after 'for' statement on line 1 @ 2:1-2:6");
  CHECK(error_of("1 = x\n") ==
        "SyntaxError: cannot assign to literal here. Maybe you meant '==' instead of '='? @ 1:1-1:2");
}

TEST_CASE("compiler-stage errors come after every syntax error", "[errors]") {
  CHECK(error_of("return 1\nx = (\n") == "SyntaxError: '(' was never closed @ 2:5-2:0");
  CHECK(error_of("def f():\n  return 1\nclass A:\n  return 2\n") ==
        "SyntaxError: 'return' outside function @ 4:3-4:11");
  CHECK(error_of("while x:\n  def f():\n    break\n") ==
        "SyntaxError: 'break' outside loop @ 3:5-3:10");
  CHECK(error_of("for x in y:\n  pass\nelse:\n  continue\n") ==
        "SyntaxError: 'continue' not properly in loop @ 4:3-4:11");
  CHECK(error_of("nonlocal x\n") ==
        "SyntaxError: nonlocal declaration not allowed at module level @ 1:1-1:11");
  CHECK(error_of("x = *a\n") == "SyntaxError: can't use starred expression here @ 1:5-1:7");
  CHECK(error_of("*a = 1\n") ==
        "SyntaxError: starred assignment target must be in a list or tuple @ 1:1-1:3");
  CHECK(error_of("__debug__ = 1\n") == "SyntaxError: cannot assign to __debug__ @ 1:1-1:10");
}

TEST_CASE("a later tokenizer error replaces a parser error", "[errors]") {
  // CPython: _PyPegen_tokenize_full_source_to_check_for_errors
  CHECK(error_of("x = = 1\ns = \"abc\n") ==
        "SyntaxError: unterminated string literal (detected at line 2) @ 2:5-2:5");
  CHECK(error_of("x = = 1\ny = (\n") == "SyntaxError: invalid syntax @ 1:5-1:6");
  CHECK(error_of("x = (\ny = = 1\n") == "SyntaxError: '(' was never closed @ 1:5-1:0");
  // ...but not an indentation error from the parser.
  CHECK(error_of("  x = 1\ns = 'a\n") == "IndentationError: unexpected indent @ 1:2-1:-1");
}

TEST_CASE("CPython 3.14 tokenizer rules", "[errors]") {
  CHECK(error_of("x = ur'x'\n") == "SyntaxError: 'u' and 'r' prefixes are incompatible @ 1:5-1:7");
  CHECK(error_of("x = f'{x:\n}'\n") ==
        "SyntaxError: f-string: newlines are not allowed in format specifiers for single quoted "
        "f-strings @ 1:9-1:9");
  CHECK(error_of("try:\n  pass\nexcept A, B as e:\n  pass\n") ==
        "SyntaxError: multiple exception types must be parenthesized when using 'as' @ 3:8-3:17");
}

TEST_CASE("bytes literals: ASCII only, valid \\x escapes, never mixed with str", "[errors]") {
  CHECK(error_of("x = b'abc' rb'\\x' Br'\\d'\n") == "OK");
  CHECK(error_of("x = b'caf\xc3\xa9'\n") ==
        "SyntaxError: bytes can only contain ASCII literal characters @ 1:5-1:12");
  CHECK(error_of("x = b'\\x4'\n") == "SyntaxError: (value error) invalid \\x escape at position 0 @ 1:5-1:11");
  CHECK(error_of("x = b'a' 'b'\n").starts_with("SyntaxError: cannot mix bytes and nonbytes literals"));
}

// Decorators, with, match, async statements, except* and PEP 695 parse; the compiler
// refuses them until code generation exists (tests/parser/compile_errors_test.cpp).
TEST_CASE("constructs outside the slice name themselves", "[errors][unsupported]") {
  CHECK(error_of("match = 1\nmatch(x)\nprint(match)\n") == "OK");
  CHECK(error_of("type = 1\n") == "OK");
  CHECK(error_of("x = 1j\n") == "OK");
  CHECK(error_of("x = 1.5e3J\n") == "OK");
  CHECK(error_of("x = 1jx\n").starts_with("SyntaxError: invalid imaginary literal"));
  CHECK(error_of("x = t'{a}'\n") == "SyntaxError: t-string literal is not supported by gopy @ 1:5-1:6");
  CHECK(error_of("x = '\\N{BULLET}'\n") == "OK");
}

TEST_CASE("SyntaxErrorInfo carries the file name and the source line", "[errors]") {
  auto r = gopy::parser::parse_module("x = 1\ny = (1 +\n", "prog.py");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->filename == "prog.py");
  CHECK(r.error->text == "y = (1 +\n");
  r = gopy::parser::parse_module("s = 'abc\n", "prog.py");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->text == "s = 'abc");  // tokenizer errors keep no newline, as CPython
  // Offsets count characters, not bytes.
  r = gopy::parser::parse_module("x = '\xC3\xA9\xC3\xA9' $\n", "prog.py");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->offset == 10);
  CHECK(r.error->end_offset == 11);
}

TEST_CASE("invalid escape sequences are SyntaxWarnings", "[errors][warnings]") {
  auto r = gopy::parser::parse_module("x = 1\ny = '\\d'\nz = '''\n\\q'''\n", "w.py");
  REQUIRE(r.ok());
  REQUIRE(r.warnings.size() == 2);
  CHECK(r.warnings[0].lineno == 2);
  CHECK(r.warnings[0].filename == "w.py");
  CHECK(r.warnings[0].msg ==
        "\"\\d\" is an invalid escape sequence. Such sequences will not work in the future. "
        "Did you mean \"\\\\d\"? A raw string is also an option.");
  CHECK(r.warnings[1].lineno == 4);
  r = gopy::parser::parse_module("y = '\\777'\n", "w.py");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].msg.rfind("\"\\777\" is an invalid octal escape sequence.", 0) == 0);
  r = gopy::parser::parse_module("y = r'\\d' + f'{x}\\w'\n", "w.py");
  REQUIRE(r.warnings.size() == 1);
  CHECK(r.warnings[0].msg.rfind("\"\\w\"", 0) == 0);
}
