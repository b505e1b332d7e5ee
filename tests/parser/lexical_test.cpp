// Lexical corners: literals, line endings, indentation characters, encodings.
#include <catch2/catch.hpp>

#include "parser_test_support.hpp"

using namespace gopy;
using parser::test::dump_expr;
using parser::test::dump_module;
using parser::test::error_of;

namespace {
const ast::Constant* constant_of(const parser::ParseResult& r) {
  REQUIRE(r.ok());
  return ast::dyn_cast<ast::Constant>(r.expression()->body);
}
}  // namespace

TEST_CASE("int literals keep digits and base", "[lexical][numbers]") {
  auto r = parser::parse_expression("0xFF_ff", "<s>");
  auto* c = constant_of(r);
  REQUIRE(c);
  CHECK(c->value_kind == ast::ConstantKind::Int);
  CHECK(c->int_base == 16);
  CHECK(c->int_digits == "ffff");
  CHECK(c->int_fits_int64);
  CHECK(c->int_small == 0xffff);

  r = parser::parse_expression("0o0017", "<s>");
  c = constant_of(r);
  CHECK(c->int_base == 8);
  CHECK(c->int_digits == "17");
  CHECK(c->int_small == 15);

  r = parser::parse_expression("0b1_0_1", "<s>");
  c = constant_of(r);
  CHECK(c->int_base == 2);
  CHECK(c->int_small == 5);

  r = parser::parse_expression("1_000_000", "<s>");
  c = constant_of(r);
  CHECK(c->int_digits == "1000000");
  CHECK(c->int_small == 1000000);

  r = parser::parse_expression("0_0", "<s>");
  c = constant_of(r);
  CHECK(c->int_digits == "0");
  CHECK(c->int_small == 0);

  r = parser::parse_expression("9223372036854775807", "<s>");
  CHECK(constant_of(r)->int_fits_int64);
  CHECK(constant_of(r)->int_small == INT64_C(9223372036854775807));
  r = parser::parse_expression("9223372036854775808", "<s>");
  CHECK_FALSE(constant_of(r)->int_fits_int64);
  CHECK(constant_of(r)->int_digits == "9223372036854775808");
}

TEST_CASE("big int literals with thousands of digits", "[lexical][numbers]") {
  std::string digits(5000, '7');
  auto r = parser::parse_expression(digits, "<s>");
  auto* c = constant_of(r);
  CHECK_FALSE(c->int_fits_int64);
  CHECK(c->int_digits == digits);
  std::string hex = "0x" + std::string(3000, 'A');
  r = parser::parse_expression(hex, "<s>");
  CHECK(constant_of(r)->int_digits == std::string(3000, 'a'));
}

TEST_CASE("float literals", "[lexical][numbers]") {
  auto value = [](const char* text) {
    auto r = parser::parse_expression(text, "<s>");
    auto* c = constant_of(r);
    REQUIRE(c->value_kind == ast::ConstantKind::Float);
    return c->float_value;
  };
  CHECK(value("1.5e-10") == 1.5e-10);
  CHECK(value("1E5") == 1e5);
  CHECK(value("1.") == 1.0);
  CHECK(value(".5") == 0.5);
  CHECK(value("1_000.000_1") == 1000.0001);
  CHECK(value("00.5") == 0.5);
  CHECK(value("0e0") == 0.0);
  CHECK(value("1e999") == HUGE_VAL);
  CHECK(value("1e-999") == 0.0);
  CHECK(value("09.5") == 9.5);
}

TEST_CASE("string literals", "[lexical][strings]") {
  CHECK(dump_expr("'a' \"b\" '''c''' \"\"\"d\"\"\"") == "Constant('abcd')");
  CHECK(dump_expr("'\\n\\t\\\\\\'\\x41\\101\\u00e9\\U0001F600'") ==
        "Constant('\\n\\t\\\\\\'AA\xC3\xA9\xF0\x9F\x98\x80')");
  CHECK(dump_expr("r'\\n' R'\\x'") == "Constant('\\\\n\\\\x')");
  CHECK(dump_expr("u'x'") == "Constant('x')");
  CHECK(dump_expr("'a\\\nb'") == "Constant('ab')");
  CHECK(dump_expr("''''a'''") == "Constant('\\'a')");
  CHECK(dump_expr("'\\ud800'") == "Constant('\xED\xA0\x80')");
  CHECK(dump_expr("'\\0'") == std::string("Constant('") + '\0' + "')");
  CHECK(error_of("x = '\\x1'\n") ==
        "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-2: "
        "truncated \\xXX escape @ 1:5-1:10");
  CHECK(error_of("x = '\\U00110000'\n") ==
        "SyntaxError: (unicode error) 'unicodeescape' codec can't decode bytes in position 0-9: "
        "illegal Unicode character @ 1:5-1:17");
}

TEST_CASE("unterminated strings at end of input", "[lexical][strings]") {
  CHECK(error_of("x = 'abc") == "SyntaxError: unterminated string literal (detected at line 1) @ 1:5-1:5");
  CHECK(error_of("x = '''abc") ==
        "SyntaxError: unterminated triple-quoted string literal (detected at line 1) @ 1:5-1:5");
  CHECK(error_of("x = 1\ny = \"\"\"\n\n\n") ==
        "SyntaxError: unterminated triple-quoted string literal (detected at line 4) @ 2:5-2:5");
  CHECK(error_of("x = f'{a}") ==
        "SyntaxError: unterminated f-string literal (detected at line 1) @ 1:5-1:5");
  CHECK(error_of("x = f'''{a}\n") ==
        "SyntaxError: unterminated triple-quoted f-string literal (detected at line 1) @ 1:5-1:5");
  CHECK(error_of("s = 'it\\'s\n") ==
        "SyntaxError: unterminated string literal (detected at line 1); perhaps you escaped the "
        "end quote? @ 1:5-1:5");
}

TEST_CASE("line endings, BOM, form feed, no final newline", "[lexical]") {
  CHECK(dump_module("x = 1\r\ny = 2\r\n") ==
        "Module([Assign([Name('x', Store)], Constant(1)), Assign([Name('y', Store)], Constant(2))])");
  CHECK(dump_module("x = 1\ry = 2\r") == dump_module("x = 1\ny = 2\n"));
  CHECK(dump_module("x = '''a\r\nb'''\r\n") == "Module([Assign([Name('x', Store)], Constant('a\\nb'))])");
  CHECK(dump_module("\xEF\xBB\xBFx = 1\n") == "Module([Assign([Name('x', Store)], Constant(1))])");
  CHECK(dump_module("if x:\n  pass") == "Module([If(Name('x'), [Pass], [])])");
  CHECK(dump_module("x = 1") == "Module([Assign([Name('x', Store)], Constant(1))])");
  CHECK(dump_module("") == "Module([])");
  CHECK(dump_module("\n\n# only a comment") == "Module([])");
  CHECK(dump_module("\fx = 1\n") == "Module([Assign([Name('x', Store)], Constant(1))])");
  CHECK(dump_module("if x:\n\f  pass\n") == "Module([If(Name('x'), [Pass], [])])");
  CHECK(dump_module("x = 1 \\\n  + 2\n") ==
        "Module([Assign([Name('x', Store)], BinOp(Constant(1), Add, Constant(2)))])");
  CHECK(dump_module("x = [\n  1,\n  # c\n\n  2,\n]\n") ==
        "Module([Assign([Name('x', Store)], List([Constant(1), Constant(2)]))])");
  CHECK(error_of("x = 1 \\\n") == "SyntaxError: unexpected EOF while parsing @ 1:8-1:-1");
  CHECK(error_of(std::string_view("x = 'a'\0\n", 9)) == "SyntaxError: source code cannot contain null bytes @ 1:0-1:0");
  CHECK(error_of("x = '\xff'\n") ==
        "SyntaxError: (unicode error) 'utf-8' codec can't decode byte 0xff in position 5: invalid "
        "start byte @ 1:0-1:0");
}

TEST_CASE("tabs and spaces in indentation", "[lexical][indent]") {
  CHECK(dump_module("if x:\n\tpass\n\tpass\n") == "Module([If(Name('x'), [Pass, Pass], [])])");
  CHECK(dump_module("if x:\n        pass\n\tpass\n") == "ERROR: TabError: inconsistent use of tabs and spaces in indentation");
  CHECK(error_of("if 1:\n\tx\n        y\n") ==
        "TabError: inconsistent use of tabs and spaces in indentation @ 3:1-3:0");
  CHECK(error_of("if x:\n\t pass\n\t pass\n") == "OK");
  CHECK(error_of("if 1:\n  x\n y\n") ==
        "IndentationError: unindent does not match any outer indentation level @ 3:3-3:-1");
}

TEST_CASE("identifiers and invalid characters", "[lexical]") {
  CHECK(dump_module("caf\xC3\xA9 = \xE6\x97\xA5\xE6\x9C\xAC\n") ==
        "Module([Assign([Name('caf\xC3\xA9', Store)], Name('\xE6\x97\xA5\xE6\x9C\xAC'))])");
  CHECK(error_of("x = a\xE2\x80\xA6" "b\n") == "SyntaxError: invalid character '\xE2\x80\xA6' (U+2026) @ 1:6-1:6");
  CHECK(error_of("x = \xE2\x80\x9Chi\xE2\x80\x9D\n") ==
        "SyntaxError: invalid character '\xE2\x80\x9C' (U+201C) @ 1:5-1:5");
  CHECK(error_of("x = 1 \xE2\x80\x93 2\n") == "SyntaxError: invalid character '\xE2\x80\x93' (U+2013) @ 1:7-1:7");
  CHECK(error_of("x = a\xC2\xA0" "b\n") == "SyntaxError: invalid non-printable character U+00A0 @ 1:6-1:6");
  CHECK(error_of("x = \x01\n") == "SyntaxError: invalid non-printable character U+0001 @ 1:5-1:5");
  CHECK(error_of("x = \xF0\x9F\x98\x80\n") == "SyntaxError: invalid character '\xF0\x9F\x98\x80' (U+1F600) @ 1:5-1:5");
  CHECK(error_of("x = a\xC2\xB7" "b\n") == "OK");
  // Unicode's own classes decide: U+0375 is a symbol, U+2118 an identifier start.
  CHECK(error_of("x = a\xCD\xB5" "b\n") == "SyntaxError: invalid character '\xCD\xB5' (U+0375) @ 1:6-1:6");
  CHECK(error_of("x = \xE2\x84\x98\n") == "OK");
}
