// Compile-time errors of the new syntax through the real gopy executable: CPython 3.14's
// message, line, offset (the caret range) and exit code, one case each. The texts and
// positions come from CPython 3.14.7's Python/codegen.c, Python/symtable.c and
// Grammar/python.gram.
#include <catch2/catch.hpp>

#include <string>

#include "spawn.hpp"

namespace {

struct CompileError {
  std::string source;
  std::string expected_stderr;
};

// Runs `source` as main.py and checks the whole stderr (file, line, source line, caret
// range, message) and the exit code.
void check(const CompileError& c) {
  TempDir dir;
  dir.write("main.py", c.source);
  ChildResult r = run_gopy({"main.py"}, dir.path());
  INFO(c.source);
  // The traceback names the script by its absolute path.
  std::string err = r.err;
  std::string prefix = dir.path().string() + "/";
  if (auto at = err.find(prefix); at != std::string::npos) err.erase(at, prefix.size());
  CHECK(err == c.expected_stderr);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
}

std::string error(int line, const std::string& text, const std::string& carets, const std::string& msg,
                  const std::string& type = "SyntaxError") {
  return "  File \"main.py\", line " + std::to_string(line) + "\n    " + text + "\n    " + carets + "\n" + type +
         ": " + msg + "\n";
}

}  // namespace

TEST_CASE("match: a capture pattern makes the remaining cases unreachable", "[compile_errors][match]") {
  check({"match x:\n    case a: pass\n    case 1: pass\n",
         error(2, "case a: pass", "     ^", "name capture 'a' makes remaining patterns unreachable")});
}

TEST_CASE("match: a wildcard makes the remaining cases unreachable", "[compile_errors][match]") {
  check({"match x:\n    case _: pass\n    case 1: pass\n",
         error(2, "case _: pass", "     ^", "wildcard makes remaining patterns unreachable")});
}

TEST_CASE("match: an irrefutable alternative must come last", "[compile_errors][match]") {
  check({"match x:\n    case (1 | y) | z: pass\n",
         error(2, "case (1 | y) | z: pass", "          ^", "name capture 'y' makes remaining patterns unreachable")});
}

TEST_CASE("match: a name bound twice in one pattern", "[compile_errors][match]") {
  check({"match x:\n    case [a, {\"k\": a}]: pass\n",
         error(2, "case [a, {\"k\": a}]: pass", "               ^", "multiple assignments to name 'a' in pattern")});
}

TEST_CASE("match: alternatives binding different names", "[compile_errors][match]") {
  check({"match x:\n    case [a] | b: pass\n",
         error(2, "case [a] | b: pass", "     ^^^^^^^", "alternative patterns bind different names")});
}

TEST_CASE("match: a name bound twice through a star or **rest", "[compile_errors][match]") {
  check({"match x:\n    case [a, *a]: pass\n",
         error(2, "case [a, *a]: pass", "         ^^", "multiple assignments to name 'a' in pattern")});
  check({"match x:\n    case {\"a\": x, **x}: pass\n",
         error(2, "case {\"a\": x, **x}: pass", "     ^^^^^^^^^^^^^", "multiple assignments to name 'x' in pattern")});
}

TEST_CASE("match: two starred names in a sequence pattern", "[compile_errors][match]") {
  check({"match x:\n    case [*a, *b]: pass\n",
         error(2, "case [*a, *b]: pass", "     ^^^^^^^^", "multiple starred names in sequence pattern")});
}

TEST_CASE("match: a mapping pattern with a duplicate key", "[compile_errors][match]") {
  check({"match x:\n    case {\"a\": 1, \"a\": 2}: pass\n",
         error(2, "case {\"a\": 1, \"a\": 2}: pass", "     ^^^^^^^^^^^^^^^^", "mapping pattern checks duplicate key ('a')")});
}

TEST_CASE("match: mapping keys equal as numbers are duplicates", "[compile_errors][match]") {
  check({"match x:\n    case {1: _, 1.0: _}: pass\n",
         error(2, "case {1: _, 1.0: _}: pass", "     ^^^^^^^^^^^^^^", "mapping pattern checks duplicate key (1.0)")});
}

TEST_CASE("match: a mapping key that is no literal", "[compile_errors][match]") {
  check({"match x:\n    case {f\"a\": 1}: pass\n",
         error(2, "case {f\"a\": 1}: pass", "     ^^^^^^^^^",
               "mapping pattern keys may only match literals and attribute lookups")});
}

TEST_CASE("match: a value pattern that is no literal", "[compile_errors][match]") {
  check({"match x:\n    case f\"a\": pass\n",
         error(2, "case f\"a\": pass", "     ^^^^", "patterns may only match literals and attribute lookups")});
}

TEST_CASE("match: a class pattern repeating an attribute", "[compile_errors][match]") {
  check({"match x:\n    case C(a=1, a=2): pass\n",
         error(2, "case C(a=1, a=2): pass", "              ^", "attribute name repeated in class pattern: a")});
}

TEST_CASE("match: positional patterns after keyword patterns", "[compile_errors][match]") {
  check({"match x:\n    case C(a=1, 2): pass\n",
         error(2, "case C(a=1, 2): pass", "            ^", "positional patterns follow keyword patterns")});
}

TEST_CASE("match: '_' as an as-pattern target", "[compile_errors][match]") {
  check({"match x:\n    case 1 as _: pass\n", error(2, "case 1 as _: pass", "          ^", "cannot use '_' as a target")});
}

TEST_CASE("match: a starred group is no pattern", "[compile_errors][match]") {
  check({"match x:\n    case (*y): pass\n", error(2, "case (*y): pass", "        ^", "invalid syntax")});
}

TEST_CASE("match: binding __debug__", "[compile_errors][match]") {
  check({"match x:\n    case [a, *__debug__]: pass\n",
         error(2, "case [a, *__debug__]: pass", "         ^^^^^^^^^^", "cannot assign to __debug__")});
  check({"match x:\n    case C(__debug__=1): pass\n",
         error(2, "case C(__debug__=1): pass", "                 ^", "cannot assign to __debug__")});
}

TEST_CASE("match: a header without its colon", "[compile_errors][match]") {
  check({"match x\n    case 1: pass\n", error(1, "match x", "       ^", "expected ':'")});
}

TEST_CASE("except*: break leaves the handler", "[compile_errors][except_star]") {
  check({"try:\n    pass\nexcept* E:\n    break\n",
         error(4, "break", "^^^^^", "'break', 'continue' and 'return' cannot appear in an except* block")});
}

TEST_CASE("except*: continue leaves the handler", "[compile_errors][except_star]") {
  check({"for i in x:\n    try:\n        pass\n    except* E:\n        continue\n",
         error(5, "continue", "^^^^^^^^", "'break', 'continue' and 'return' cannot appear in an except* block")});
}

TEST_CASE("except*: return leaves the handler (a constant is the location)", "[compile_errors][except_star]") {
  check({"def f():\n    try:\n        pass\n    except* E:\n        return 1\n",
         error(5, "return 1", "       ^", "'break', 'continue' and 'return' cannot appear in an except* block")});
}

TEST_CASE("except*: a loop inside the handler may break, a nested def may return", "[compile_errors][except_star]") {
  check({"def f():\n    try:\n        pass\n    except* E:\n        for i in x:\n            break\n"
         "        def g():\n            return 1\n        return 2\n",
         error(9, "return 2", "       ^", "'break', 'continue' and 'return' cannot appear in an except* block")});
}

TEST_CASE("except*: mixing except and except*", "[compile_errors][except_star]") {
  check({"try:\n    pass\nexcept* E:\n    pass\nexcept F:\n    pass\n",
         error(5, "except F:", "^^^^^^", "cannot have both 'except' and 'except*' on the same 'try'")});
}

TEST_CASE("except*: a target that is no name", "[compile_errors][except_star]") {
  check({"try:\n    pass\nexcept* E as (a, b):\n    pass\n",
         error(3, "except* E as (a, b):", "             ^^^^^^", "cannot use except* statement with tuple")});
}

TEST_CASE("except*: without an exception type", "[compile_errors][except_star]") {
  check({"try:\n    pass\nexcept*:\n    pass\n", error(3, "except*:", "       ^", "expected one or more exception types")});
}

TEST_CASE("nonlocal at module level", "[compile_errors][scope]") {
  check({"nonlocal x\n", error(1, "nonlocal x", "^^^^^^^^^^", "nonlocal declaration not allowed at module level")});
}

TEST_CASE("global and nonlocal: a name declared both ways", "[compile_errors][scope]") {
  check({"def f():\n    global x\n    nonlocal x\n",
         error(2, "global x", "^^^^^^^^", "name 'x' is nonlocal and global")});
}

TEST_CASE("global: a name used, annotated or assigned before the declaration", "[compile_errors][scope]") {
  check({"def f():\n    print(x)\n    global x\n",
         error(3, "global x", "^^^^^^^^", "name 'x' is used prior to global declaration")});
  check({"def f():\n    x: int = 1\n    global x\n", error(3, "global x", "^^^^^^^^", "annotated name 'x' can't be global")});
  check({"def f():\n    global x\n    x: int = 1\n",
         error(3, "x: int = 1", "^^^^^^^^^^", "annotated name 'x' can't be global")});
}

TEST_CASE("with: the parenthesized form without its colon", "[compile_errors][with]") {
  check({"with (a, b as c)\n    pass\n", error(1, "with (a, b as c)", "                ^", "expected ':'")});
}

TEST_CASE("star expressions: unpacking in a comprehension", "[compile_errors][star]") {
  check({"print(f(*a for a in b))\n",
         error(1, "print(f(*a for a in b))", "        ^^", "iterable unpacking cannot be used in comprehension")});
}

TEST_CASE("PEP 695: a duplicate type parameter", "[compile_errors][pep695]") {
  check({"def f[T, T](): pass\n", error(1, "def f[T, T](): pass", "         ^", "duplicate type parameter 'T'")});
}

TEST_CASE("PEP 695: nonlocal cannot rebind a type parameter", "[compile_errors][pep695]") {
  check({"def f[T]():\n    def g():\n        nonlocal T\n",
         error(3, "nonlocal T", "^^^^^^^^^^", "nonlocal binding not allowed for type parameter 'T'")});
}

TEST_CASE("PEP 695: a walrus in a TypeVar bound", "[compile_errors][pep695]") {
  check({"def f[T: (x:=1)](): pass\n",
         error(1, "def f[T: (x:=1)](): pass", "          ^^^^", "named expression cannot be used within a TypeVar bound")});
}

TEST_CASE("PEP 695: a walrus in a type alias", "[compile_errors][pep695]") {
  check({"type X = (y:=1)\n",
         error(1, "type X = (y:=1)", "          ^^^^", "named expression cannot be used within a type alias")});
}

TEST_CASE("PEP 695: a yield in a TypeVar bound", "[compile_errors][pep695]") {
  check({"def f[T: (yield)](): pass\n",
         error(1, "def f[T: (yield)](): pass", "          ^^^^^", "yield expression cannot be used within a TypeVar bound")});
}

TEST_CASE("PEP 695: a walrus in a type alias inside a class", "[compile_errors][pep695]") {
  check({"class C[T]:\n    type X = (y := 1)\n",
         error(2, "type X = (y := 1)", "          ^^^^^^", "named expression cannot be used within a type alias")});
}

TEST_CASE("PEP 695: a walrus in a generic class's bases", "[compile_errors][pep695]") {
  check({"class C[T](B(x:=1)): pass\n",
         error(1, "class C[T](B(x:=1)): pass", "             ^^^^",
               "named expression cannot be used within the definition of a generic")});
}

TEST_CASE("PEP 695: an empty type parameter list", "[compile_errors][pep695]") {
  check({"def f[](): pass\n", error(1, "def f[](): pass", "      ^", "Type parameter list cannot be empty")});
}

TEST_CASE("PEP 695: a bound on a TypeVarTuple", "[compile_errors][pep695]") {
  check({"def f[*Ts: int](): pass\n",
         error(1, "def f[*Ts: int](): pass", "         ^^^^^", "cannot use bound with TypeVarTuple")});
}

TEST_CASE("async with, async for and async comprehensions outside async def", "[compile_errors][async]") {
  check({"def f():\n    async with a: pass\n",
         error(2, "async with a: pass", "^^^^^^^^^^^^^^^^^^", "'async with' outside async function")});
  check({"def f():\n    async for x in y: pass\n",
         error(2, "async for x in y: pass", "^^^^^^^^^^^^^^^^^^^^^^", "'async for' outside async function")});
  check({"def f():\n    x = [a async for a in b]\n",
         error(2, "x = [a async for a in b]", "    ^^^^^^^^^^^^^^^^^^^^",
               "asynchronous comprehension outside of an asynchronous function")});
}

TEST_CASE("await in a function that is not async", "[compile_errors][async]") {
  check({"def f():\n    return await x\n",
         error(2, "return await x", "       ^^^^^^^", "'await' outside async function")});
  check({"async def f():\n    g = lambda: await x\n",
         error(2, "g = lambda: await x", "            ^^^^^^^", "'await' outside async function")});
}

TEST_CASE("await at module level", "[compile_errors][async]") {
  check({"x = 1\nawait x\n", error(2, "await x", "^^^^^^^", "'await' outside function")});
}

TEST_CASE("yield outside a function", "[compile_errors][generators]") {
  check({"yield 1\n", error(1, "yield 1", "^^^^^^^", "'yield' outside function")});
  check({"class C:\n    x = yield 1\n", error(2, "x = yield 1", "    ^^^^^^^", "'yield' outside function")});
}

TEST_CASE("return with a value in an async generator", "[compile_errors][async]") {
  check({"async def f():\n    yield 1\n    return 2\n",
         error(3, "return 2", "^^^^^^^^", "'return' with value in async generator")});
}

TEST_CASE("yield from inside async def", "[compile_errors][async]") {
  check({"async def f():\n    yield from x\n",
         error(2, "yield from x", "^^^^^^^^^^^^", "'yield from' inside async function")});
}

TEST_CASE("PEP 649: a walrus or a yield in an annotation", "[compile_errors][annotations]") {
  check({"def f(x: (y := 1)): pass\n",
         error(1, "def f(x: (y := 1)): pass", "          ^^^^^^", "named expression cannot be used within an annotation")});
  check({"class C:\n    a: (yield)\n",
         error(2, "a: (yield)", "    ^^^^^", "yield expression cannot be used within an annotation")});
}

TEST_CASE("__future__: an unknown feature, braces, and a late future import", "[compile_errors][future]") {
  check({"from __future__ import nope, annotations\n",
         error(1, "from __future__ import nope, annotations", "                       ^^^^",
               "future feature nope is not defined")});
  check({"from __future__ import braces\n",
         error(1, "from __future__ import braces", "                       ^^^^^^", "not a chance")});
  check({"\"doc\"\nfrom __future__ import division\nx = 1\nfrom __future__ import annotations\n",
         error(4, "from __future__ import annotations", "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
               "from __future__ imports must occur at the beginning of the file")});
}
