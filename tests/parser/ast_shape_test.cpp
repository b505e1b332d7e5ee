// The tree each construct of the slice parses into (compared through ast::dump).
#include <catch2/catch.hpp>

#include "parser_test_support.hpp"

using gopy::parser::test::dump_expr;
using gopy::parser::test::dump_module;

namespace {
std::string body(const std::string& source) {
  std::string d = dump_module(source);
  // "Module([X])" -> "X"
  if (d.rfind("Module([", 0) == 0 && d.size() >= 10) return d.substr(8, d.size() - 10);
  return d;
}
}  // namespace

TEST_CASE("simple statements", "[ast]") {
  CHECK(body("print(1+2)\n") ==
        "Expr(Call(Name('print'), [BinOp(Constant(1), Add, Constant(2))], []))");
  CHECK(body("a = b = 1\n") == "Assign([Name('a', Store), Name('b', Store)], Constant(1))");
  CHECK(body("x += 1\n") == "AugAssign(Name('x', Store), Add, Constant(1))");
  CHECK(body("x //= 2\n") == "AugAssign(Name('x', Store), FloorDiv, Constant(2))");
  CHECK(body("x: int = 1\n") == "AnnAssign(Name('x', Store), Name('int'), Constant(1), 1)");
  CHECK(body("(x): int\n") == "AnnAssign(Name('x', Store), Name('int'), None, 0)");
  CHECK(body("a, *b = c\n") ==
        "Assign([Tuple([Name('a', Store), Starred(Name('b', Store), Store)], Store)], Name('c'))");
  CHECK(body("x[1:2, ::3] = y\n") ==
        "Assign([Subscript(Name('x'), Tuple([Slice(Constant(1), Constant(2), None), "
        "Slice(None, None, Constant(3))]), Store)], Name('y'))");
  CHECK(body("a.b = 1\n") == "Assign([Attribute(Name('a'), 'b', Store)], Constant(1))");
  CHECK(body("del a, b.c\n") == "Delete([Name('a', Del), Attribute(Name('b'), 'c', Del)])");
  CHECK(body("del (a, b)\n") == "Delete([Tuple([Name('a', Del), Name('b', Del)], Del)])");
  CHECK(body("pass\n") == "Pass");
  CHECK(body("raise E from c\n") == "Raise(Name('E'), Name('c'))");
  CHECK(body("raise\n") == "Raise(None, None)");
  CHECK(body("assert x, 'm'\n") == "Assert(Name('x'), Constant('m'))");
  CHECK(body("import a.b as c, d\n") == "Import([a.b as c, d])");
  CHECK(body("from ..m import (x as y, z,)\n") == "ImportFrom(m, [x as y, z], 2)");
  CHECK(body("from . import x\n") == "ImportFrom(, [x], 1)");
  CHECK(body("from ...a.b import *\n") == "ImportFrom(a.b, [*], 3)");
  CHECK(body("global a, b\n") == "Global([a, b])");
  CHECK(body("x = 1; y = 2\n") ==
        "Assign([Name('x', Store)], Constant(1)), Assign([Name('y', Store)], Constant(2))");
}

TEST_CASE("compound statements", "[ast]") {
  CHECK(body("if a:\n  x\nelif b:\n  y\nelse:\n  z\n") ==
        "If(Name('a'), [Expr(Name('x'))], [If(Name('b'), [Expr(Name('y'))], "
        "[Expr(Name('z'))])])");
  CHECK(body("while x:\n  break\nelse:\n  pass\n") == "While(Name('x'), [Break], [Pass])");
  CHECK(body("for a, b in c:\n  continue\nelse:\n  pass\n") ==
        "For(Tuple([Name('a', Store), Name('b', Store)], Store), Name('c'), [Continue], [Pass])");
  CHECK(body("try:\n  pass\nexcept E as e:\n  pass\nexcept:\n  pass\nelse:\n  pass\n"
             "finally:\n  pass\n") ==
        "Try([Pass], [ExceptHandler(Name('E'), e, [Pass]), ExceptHandler(None, None, [Pass])], "
        "[Pass], [Pass])");
  CHECK(body("try:\n  pass\nexcept A, B:\n  pass\n") ==
        "Try([Pass], [ExceptHandler(Tuple([Name('A'), Name('B')]), None, [Pass])], [], [])");
  CHECK(body("def f(a, b=1, /, c=2, *d, e, f=3, **g) -> int:\n  return a\n") ==
        "FunctionDef(f, arguments(posonly=[a, b], [c], *d, kwonly=[e, f], kw_defaults=[None, "
        "Constant(3)], **g, defaults=[Constant(1), Constant(2)]), [Return(Name('a'))], "
        "returns=Name('int'))");
  CHECK(body("def f(x: int, *, y): pass\n") ==
        "FunctionDef(f, arguments([x:Name('int')], kwonly=[y], kw_defaults=[None]), [Pass])");
  CHECK(body("def f():\n  nonlocal a\n  return\n") ==
        "FunctionDef(f, arguments([]), [Nonlocal([a]), Return(None)])");
  CHECK(body("class A(B, metaclass=M):\n  x = 1\n") ==
        "ClassDef(A, [Name('B')], [keyword(metaclass, Name('M'))], "
        "[Assign([Name('x', Store)], Constant(1))])");
  CHECK(body("class A: pass\n") == "ClassDef(A, [], [], [Pass])");
  CHECK(body("if x: a; b\n") == "If(Name('x'), [Expr(Name('a')), Expr(Name('b'))], [])");
}

TEST_CASE("expressions", "[ast]") {
  CHECK(dump_expr("f(*a, k=1, **kw)") ==
        "Call(Name('f'), [Starred(Name('a'))], [keyword(k, Constant(1)), keyword(Name('kw'))])");
  CHECK(dump_expr("lambda a, *, b=2: a") ==
        "Lambda(arguments([a], kwonly=[b], kw_defaults=[Constant(2)]), Name('a'))");
  CHECK(dump_expr("lambda: 0") == "Lambda(arguments([]), Constant(0))");
  CHECK(dump_expr("[i for i in r if i for j in i]") ==
        "ListComp(Name('i'), [comprehension(Name('i', Store), Name('r'), [Name('i')]), "
        "comprehension(Name('j', Store), Name('i'), [])])");
  CHECK(dump_expr("{k: v for k, v in d}") ==
        "DictComp(Name('k'), Name('v'), [comprehension(Tuple([Name('k', Store), "
        "Name('v', Store)], Store), Name('d'), [])])");
  CHECK(dump_expr("{x for x in y}") ==
        "SetComp(Name('x'), [comprehension(Name('x', Store), Name('y'), [])])");
  CHECK(dump_expr("(x for x in y)") ==
        "GeneratorExp(Name('x'), [comprehension(Name('x', Store), Name('y'), [])])");
  CHECK(dump_expr("f(i for i in r)") ==
        "Call(Name('f'), [GeneratorExp(Name('i'), [comprehension(Name('i', Store), Name('r'), "
        "[])])], [])");
  CHECK(dump_expr("{1, *s}") == "Set([Constant(1), Starred(Name('s'))])");
  CHECK(dump_expr("{'a': 1, **d}") == "Dict([Constant('a'), None], [Constant(1), Name('d')])");
  CHECK(dump_expr("{}") == "Dict([], [])");
  CHECK(dump_expr("[]") == "List([])");
  CHECK(dump_expr("()") == "Tuple([])");
  CHECK(dump_expr("(1,)") == "Tuple([Constant(1)])");
  CHECK(dump_expr("1, 2") == "Tuple([Constant(1), Constant(2)])");
  CHECK(dump_expr("a if b else c") == "IfExp(Name('b'), Name('a'), Name('c'))");
  CHECK(dump_expr("(y := 5)") == "NamedExpr(Name('y', Store), Constant(5))");
  CHECK(dump_expr("1 < 2 <= 3 != 4") ==
        "Compare(Constant(1), [Lt, LtE, NotEq], [Constant(2), Constant(3), Constant(4)])");
  CHECK(dump_expr("a is not b not in c") ==
        "Compare(Name('a'), [IsNot, NotIn], [Name('b'), Name('c')])");
  CHECK(dump_expr("not a and b or c") ==
        "BoolOp(Or, [BoolOp(And, [UnaryOp(Not, Name('a')), Name('b')]), Name('c')])");
  CHECK(dump_expr("a or b or c") == "BoolOp(Or, [Name('a'), Name('b'), Name('c')])");
  CHECK(dump_expr("-2 ** -1") ==
        "UnaryOp(USub, BinOp(Constant(2), Pow, UnaryOp(USub, Constant(1))))");
  CHECK(dump_expr("2 ** 3 ** 2") ==
        "BinOp(Constant(2), Pow, BinOp(Constant(3), Pow, Constant(2)))");
  CHECK(dump_expr("a - b - c") == "BinOp(BinOp(Name('a'), Sub, Name('b')), Sub, Name('c'))");
  CHECK(dump_expr("a | b ^ c & d << e + f * g") ==
        "BinOp(Name('a'), BitOr, BinOp(Name('b'), BitXor, BinOp(Name('c'), BitAnd, "
        "BinOp(Name('d'), LShift, BinOp(Name('e'), Add, BinOp(Name('f'), Mult, Name('g')))))))");
  CHECK(dump_expr("a @ b // c % d") ==
        "BinOp(BinOp(BinOp(Name('a'), MatMult, Name('b')), FloorDiv, Name('c')), Mod, Name('d'))");
  CHECK(dump_expr("~-+x") == "UnaryOp(Invert, UnaryOp(USub, UnaryOp(UAdd, Name('x'))))");
  CHECK(dump_expr("a[1][2](3).b") ==
        "Attribute(Call(Subscript(Subscript(Name('a'), Constant(1)), Constant(2)), "
        "[Constant(3)], []), 'b')");
  CHECK(dump_expr("a[:]") == "Subscript(Name('a'), Slice(None, None, None))");
  CHECK(dump_expr("a[::-1]") == "Subscript(Name('a'), Slice(None, None, UnaryOp(USub, Constant(1))))");
  CHECK(dump_expr("...") == "Constant(Ellipsis)");
  CHECK(dump_expr("None, True, False") ==
        "Tuple([Constant(None), Constant(True), Constant(False)])");
  CHECK(dump_expr("1 .real") == "Attribute(Constant(1), 'real')");
}

TEST_CASE("f-strings", "[ast][fstring]") {
  CHECK(dump_expr("f'a{b!r:>{w}}c{d=}'") ==
        "JoinedStr([Constant('a'), FormattedValue(Name('b'), 114, JoinedStr([Constant('>'), "
        "FormattedValue(Name('w'), -1, None)])), Constant('cd='), FormattedValue(Name('d'), 114, "
        "None)])");
  CHECK(dump_expr("f'{x:.2f}'") ==
        "JoinedStr([FormattedValue(Name('x'), -1, JoinedStr([Constant('.2f')]))])");
  CHECK(dump_expr("f'{x!s}{y!a}'") ==
        "JoinedStr([FormattedValue(Name('x'), 115, None), FormattedValue(Name('y'), 97, None)])");
  CHECK(dump_expr("f'{ x = }'") == "JoinedStr([Constant(' x = '), FormattedValue(Name('x'), 114, None)])");
  CHECK(dump_expr("f'{x=:>5}'") ==
        "JoinedStr([Constant('x='), FormattedValue(Name('x'), -1, JoinedStr([Constant('>5')]))])");
  CHECK(dump_expr("f'{{a}}'") == "JoinedStr([Constant('{a}')])");
  CHECK(dump_expr("'a' f'{b}' 'c'") ==
        "JoinedStr([Constant('a'), FormattedValue(Name('b'), -1, None), Constant('c')])");
  CHECK(dump_expr("f'{'nested'}'") == "JoinedStr([FormattedValue(Constant('nested'), -1, None)])");
  CHECK(dump_expr("f\"{f'{x}'}\"") ==
        "JoinedStr([FormattedValue(JoinedStr([FormattedValue(Name('x'), -1, None)]), -1, None)])");
  CHECK(dump_expr("f'{a[\"k\"]}'") ==
        "JoinedStr([FormattedValue(Subscript(Name('a'), Constant('k')), -1, None)])");
  CHECK(dump_expr("f'{(lambda: 1)()}'") ==
        "JoinedStr([FormattedValue(Call(Lambda(arguments([]), Constant(1)), [], []), -1, None)])");
  CHECK(dump_expr("f'{x:=10}'") ==
        "JoinedStr([FormattedValue(Name('x'), -1, JoinedStr([Constant('=10')]))])");
  CHECK(dump_expr("f'''{\nx\n}'''") == "JoinedStr([FormattedValue(Name('x'), -1, None)])");
  CHECK(dump_expr("rf'\\d{x}'") == "JoinedStr([Constant('\\\\d'), FormattedValue(Name('x'), -1, None)])");
  CHECK(dump_expr("f'\\t{x}'") == "JoinedStr([Constant('\\t'), FormattedValue(Name('x'), -1, None)])");
  CHECK(dump_expr("f''") == "JoinedStr([])");
  // A format spec's escapes are decoded even in a raw f-string, as CPython does.
  CHECK(dump_expr("rf'{x:\\n}\\n'") ==
        "JoinedStr([FormattedValue(Name('x'), -1, JoinedStr([Constant('\\n')])), Constant('\\\\n')])");
}

TEST_CASE("interactive mode marks expression statements for echo", "[ast][interactive]") {
  using gopy::parser::parse_interactive;
  auto r = parse_interactive("1 + 1\n", "<stdin>");
  REQUIRE(r.ok());
  CHECK(gopy::ast::dump(*r.root) == "Interactive([Expr!(BinOp(Constant(1), Add, Constant(1)))])");
  r = parse_interactive("if x:\n  y\n  def f():\n    z\n\n", "<stdin>");
  REQUIRE(r.ok());
  CHECK(gopy::ast::dump(*r.root) ==
        "Interactive([If(Name('x'), [Expr!(Name('y')), FunctionDef(f, arguments([]), "
        "[Expr(Name('z'))])], [])])");
  r = parse_interactive("a; b\n", "<stdin>");
  REQUIRE(r.ok());
  CHECK(gopy::ast::dump(*r.root) == "Interactive([Expr!(Name('a')), Expr!(Name('b'))])");
  // Blank lines inside an entry do not end it (the REPL decides where an entry ends).
  r = parse_interactive("if x:\n\n  y\n", "<stdin>");
  REQUIRE(r.ok());
  CHECK(gopy::ast::dump(*r.root) == "Interactive([If(Name('x'), [Expr!(Name('y'))], [])])");
  // As compile(source, name, "single"):
  r = parse_interactive("\n", "<stdin>");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->msg == "invalid syntax");
  r = parse_interactive("x = 1\ny = 2\n", "<stdin>");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->msg == "multiple statements found while compiling a single statement");
  CHECK(r.error->lineno == 1);
  CHECK(r.error->offset == 6);
  r = parse_interactive("if x:\n  y\nz\n", "<stdin>");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->msg == "invalid syntax");
  CHECK(r.error->lineno == 3);
}

TEST_CASE("eval mode", "[ast][eval]") {
  CHECK(dump_expr("x + 1\n\n") == "BinOp(Name('x'), Add, Constant(1))");
  CHECK(dump_expr("x = 1") == "ERROR: SyntaxError: invalid syntax");
  CHECK(dump_expr("*a,") == "ERROR: SyntaxError: invalid syntax");
  CHECK(dump_expr("1, 2,") == "Tuple([Constant(1), Constant(2)])");
  CHECK(dump_expr("1,") == "Tuple([Constant(1)])");
  CHECK(dump_expr("") == "ERROR: SyntaxError: invalid syntax");
  auto r = gopy::parser::parse_expression(" 1", "<string>");
  REQUIRE_FALSE(r.ok());
  CHECK(r.error->type == "IndentationError");
  CHECK(r.error->msg == "unexpected indent");
}

TEST_CASE("decorators, async, with, except* and PEP 695", "[ast][syntax]") {
  CHECK(body("@a.b(1)\n@c[0] or d\ndef f(): pass\n") ==
        "FunctionDef(f, arguments([]), [Pass], decorators=[Call(Attribute(Name('a'), 'b'), "
        "[Constant(1)], []), BoolOp(Or, [Subscript(Name('c'), Constant(0)), Name('d')])])");
  CHECK(body("@d\nclass C: pass\n") == "ClassDef(C, [], [], [Pass], decorators=[Name('d')])");
  CHECK(body("@d\nasync def f(): pass\n") ==
        "AsyncFunctionDef(f, arguments([]), [Pass], decorators=[Name('d')])");
  CHECK(body("async def f():\n  async for x in y: pass\n  async with a as b: pass\n") ==
        "AsyncFunctionDef(f, arguments([]), [AsyncFor(Name('x', Store), Name('y'), [Pass], []), "
        "AsyncWith([withitem(Name('a'), Name('b', Store))], [Pass])])");
  CHECK(body("with a as (b, c), d: pass\n") ==
        "With([withitem(Name('a'), Tuple([Name('b', Store), Name('c', Store)], Store)), "
        "withitem(Name('d'), None)], [Pass])");
  CHECK(body("with (a as b, c,): pass\n") ==
        "With([withitem(Name('a'), Name('b', Store)), withitem(Name('c'), None)], [Pass])");
  CHECK(body("with (a, b) as c: pass\n") ==
        "With([withitem(Tuple([Name('a'), Name('b')]), Name('c', Store))], [Pass])");
  CHECK(dump_expr("[x async for x in y]") ==
        "ListComp(Name('x'), [comprehension(Name('x', Store), Name('y'), [], is_async=1)])");
  CHECK(body("try:\n  pass\nexcept* E as e:\n  pass\n") ==
        "TryStar([Pass], [ExceptHandler(Name('E'), e, [Pass])], [], [])");
  CHECK(body("type A[T: int, *Ts, **P = [int]] = list[T]\n") ==
        "TypeAlias(Name('A', Store), [TypeVar(T, bound=Name('int')), TypeVarTuple(Ts), "
        "ParamSpec(P, default=List([Name('int')]))], Subscript(Name('list'), Name('T')))");
  CHECK(body("def f[T = int](x: T) -> T: pass\n") ==
        "FunctionDef(f, arguments([x:Name('T')]), [Pass], returns=Name('T'), "
        "type_params=[TypeVar(T, default=Name('int'))])");
  CHECK(body("class C[T](B): pass\n") == "ClassDef(C, [Name('B')], [], [Pass], type_params=[TypeVar(T)])");
  CHECK(body("type = 1\n") == "Assign([Name('type', Store)], Constant(1))");
}

TEST_CASE("star expressions where 3.14 allows them", "[ast][syntax]") {
  CHECK(dump_expr("a[*b]") == "Subscript(Name('a'), Tuple([Starred(Name('b'))]))");
  CHECK(dump_expr("a[1, *b]") == "Subscript(Name('a'), Tuple([Constant(1), Starred(Name('b'))]))");
  CHECK(body("def f(*args: *Ts): pass\n") ==
        "FunctionDef(f, arguments([], *args:Starred(Name('Ts'))), [Pass])");
  CHECK(body("for x in *a, *b: pass\n") ==
        "For(Name('x', Store), Tuple([Starred(Name('a')), Starred(Name('b'))]), [Pass], [])");
  CHECK(body("del a[0], (b.c), [d, (e)]\n") ==
        "Delete([Subscript(Name('a'), Constant(0), Del), Attribute(Name('b'), 'c', Del), "
        "List([Name('d', Del), Name('e', Del)], Del)])");
}

TEST_CASE("match statements and every pattern kind", "[ast][syntax][match]") {
  auto case_of = [](const std::string& pattern) {
    std::string d = body("match s:\n  case " + pattern + ":\n    pass\n");
    // "Match(Name('s'), [match_case(P, None, [Pass])])" -> "P"
    const std::string head = "Match(Name('s'), [match_case(", tail = ", None, [Pass])])";
    if (d.rfind(head, 0) == 0 && d.ends_with(tail)) return d.substr(head.size(), d.size() - head.size() - tail.size());
    return d;
  };
  CHECK(case_of("1") == "MatchValue(Constant(1))");
  CHECK(case_of("-1") == "MatchValue(UnaryOp(USub, Constant(1)))");
  CHECK(case_of("'a' 'b'") == "MatchValue(Constant('ab'))");
  CHECK(case_of("None") == "MatchSingleton(None)");
  CHECK(case_of("True") == "MatchSingleton(True)");
  CHECK(case_of("x") == "MatchAs(None, x)");
  CHECK(case_of("_") == "MatchAs(None, None)");
  CHECK(case_of("a.b.c") == "MatchValue(Attribute(Attribute(Name('a'), 'b'), 'c'))");
  CHECK(case_of("[a, *rest]") == "MatchSequence([MatchAs(None, a), MatchStar(rest)])");
  CHECK(case_of("(a, *_)") == "MatchSequence([MatchAs(None, a), MatchStar(None)])");
  CHECK(case_of("a, b") == "MatchSequence([MatchAs(None, a), MatchAs(None, b)])");
  CHECK(case_of("()") == "MatchSequence([])");
  CHECK(case_of("(x)") == "MatchAs(None, x)");
  CHECK(case_of("{'k': v, a.b: 1, **rest}") ==
        "MatchMapping([Constant('k'), Attribute(Name('a'), 'b')], [MatchAs(None, v), "
        "MatchValue(Constant(1))], **rest)");
  CHECK(case_of("{}") == "MatchMapping([], [])");
  CHECK(case_of("Point(0, y=yy)") ==
        "MatchClass(Name('Point'), [MatchValue(Constant(0))], [y], [MatchAs(None, yy)])");
  CHECK(case_of("m.C()") == "MatchClass(Attribute(Name('m'), 'C'), [], [], [])");
  CHECK(case_of("1 | 2 | x.y") ==
        "MatchOr([MatchValue(Constant(1)), MatchValue(Constant(2)), MatchValue(Attribute(Name('x'), 'y'))])");
  CHECK(case_of("[a] as b") == "MatchAs(MatchSequence([MatchAs(None, a)]), b)");
  CHECK(body("match a, *b:\n  case x if x > 1:\n    pass\n  case _:\n    pass\n") ==
        "Match(Tuple([Name('a'), Starred(Name('b'))]), [match_case(MatchAs(None, x), "
        "Compare(Name('x'), [Gt], [Constant(1)]), [Pass]), match_case(MatchAs(None, None), None, [Pass])])");
  // `match` stays a name elsewhere.
  CHECK(body("match(x)\n") == "Expr(Call(Name('match'), [Name('x')], []))");
}

// The table's generic traversal (ast::for_each_child) reaches every child, through helper
// records (arguments, keywords, comprehensions, with items, match cases, type parameters).
namespace {
struct NameCounter {
  std::vector<std::string> names;
  void operator()(const gopy::ast::Expr* e) {
    if (auto* n = gopy::ast::dyn_cast<gopy::ast::Name>(e)) names.push_back(n->id);
    gopy::ast::for_each_child(*e, *this);
  }
  void operator()(const gopy::ast::Stmt* s) { gopy::ast::for_each_child(*s, *this); }
  void operator()(const gopy::ast::Pattern* p) { gopy::ast::for_each_child(*p, *this); }
  void operator()(const gopy::ast::TypeParam* t) { gopy::ast::for_each_child(*t, *this); }
};
}  // namespace

TEST_CASE("the generic child traversal reaches every node", "[ast][table]") {
  auto r = gopy::parser::parse_module(
      "@d1\ndef f[T: b1](x: a1 = v1, *, k=v2) -> r1:\n"
      "  with c1 as t1, c2: g(p1, kw=p2, **p3)\n"
      "  match s1:\n    case C1(x=V.a) if g1: [e for e in it1 if f1]\n"
      "try:\n  pass\nexcept* E1 as e:\n  pass\n",
      "main.py");
  REQUIRE(r.ok());
  NameCounter counter;
  gopy::ast::for_each_child(*r.root, counter);
  // Every Name, in table field order (a parameter's annotation, keyword-only defaults,
  // defaults, the body, `returns`, decorators, type parameter bounds).
  CHECK(counter.names == std::vector<std::string>{"a1", "v2", "v1", "c1", "t1", "c2", "g", "p1", "p2", "p3",
                                                  "s1", "C1", "V", "g1", "e", "e", "it1", "f1", "r1", "d1",
                                                  "b1", "E1"});
}
