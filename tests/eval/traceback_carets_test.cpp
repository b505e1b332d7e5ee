// The PEP 657 markers under traceback lines, through the real executable. The expected
// texts follow CPython 3.14's Lib/traceback.py (format_frame_summary,
// _should_show_carets, _extract_caret_anchors_from_line_segment).
#include <catch2/catch.hpp>

#include "run_source.hpp"

TEST_CASE("traceback carets: binary operators mark the operator, operands with ~", "[traceback]") {
  ChildResult r = run_source("def f(a, b):\n    return a  +  b\nf(1, 's')\n");
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "Traceback (most recent call last):\n"
        "  File \"<string>\", line 3, in <module>\n"
        "    f(1, 's')\n"
        "    ~^^^^^^^^\n"
        "  File \"<string>\", line 2, in f\n"
        "    return a  +  b\n"
        "           ~~~^~~~\n"
        "TypeError: unsupported operand type(s) for +: 'int' and 'str'\n");
}

TEST_CASE("traceback carets: two-character operators and parenthesised operands", "[traceback]") {
  ChildResult r = run_source("x = (1) // (0) + 2\n");
  CHECK(r.err ==
        "Traceback (most recent call last):\n"
        "  File \"<string>\", line 1, in <module>\n"
        "    x = (1) // (0) + 2\n"
        "        ~~~~^^~~~~\n"
        "ZeroDivisionError: division by zero\n");
}

TEST_CASE("traceback carets: subscripts mark the brackets", "[traceback]") {
  ChildResult r = run_source("d = {'k': {}}\nprint(d['k']['x'])\n");
  CHECK(r.err ==
        "Traceback (most recent call last):\n"
        "  File \"<string>\", line 2, in <module>\n"
        "    print(d['k']['x'])\n"
        "          ~~~~~~^^^^^\n"
        "KeyError: 'x'\n");
}

TEST_CASE("traceback carets: attribute access gets plain ^ unless it is the whole line", "[traceback]") {
  ChildResult r = run_source("class C: pass\nprint(C().missing)\n");
  CHECK(r.err ==
        "Traceback (most recent call last):\n"
        "  File \"<string>\", line 2, in <module>\n"
        "    print(C().missing)\n"
        "          ^^^^^^^^^^^\n"
        "AttributeError: 'C' object has no attribute 'missing'\n");
  ChildResult whole = run_source("class C: pass\nC().missing\n");
  CHECK(whole.err ==
        "Traceback (most recent call last):\n"
        "  File \"<string>\", line 2, in <module>\n"
        "    C().missing\n"
        "AttributeError: 'C' object has no attribute 'missing'\n");
}

TEST_CASE("traceback carets: none for `x = f()`, `return f()` and whole statements", "[traceback]") {
  ChildResult r = run_source(
      "def f():\n    raise ValueError('v')\n"
      "def g():\n    return f()\n"
      "def h():\n    x = g()\n    return x\n"
      "h()\n");
  CHECK(r.err ==
        "Traceback (most recent call last):\n"
        "  File \"<string>\", line 8, in <module>\n"
        "    h()\n"
        "    ~^^\n"
        "  File \"<string>\", line 6, in h\n"
        "    x = g()\n"
        "  File \"<string>\", line 4, in g\n"
        "    return f()\n"
        "  File \"<string>\", line 2, in f\n"
        "    raise ValueError('v')\n"
        "ValueError: v\n");
}

TEST_CASE("traceback carets: method calls and comparisons", "[traceback]") {
  ChildResult r = run_source(
      "class C:\n    def m(self, a):\n        return a < 'z'\n"
      "if C().m(1): pass\n");
  CHECK(r.err ==
        "Traceback (most recent call last):\n"
        "  File \"<string>\", line 4, in <module>\n"
        "    if C().m(1): pass\n"
        "       ~~~~~^^^\n"
        "  File \"<string>\", line 3, in m\n"
        "    return a < 'z'\n"
        "           ^^^^^^^\n"
        "TypeError: '<' not supported between instances of 'int' and 'str'\n");
}

TEST_CASE("traceback carets: a statement sharing its line, stores, deletes and assert", "[traceback]") {
  ChildResult r = run_source("x = 1; raise ValueError\n");
  CHECK(r.err ==
        "Traceback (most recent call last):\n"
        "  File \"<string>\", line 1, in <module>\n"
        "    x = 1; raise ValueError\n"
        "           ^^^^^^^^^^^^^^^^\n"
        "ValueError\n");
  ChildResult store = run_source("x = None\nx[0] = 1\n");
  CHECK(store.err ==
        "Traceback (most recent call last):\n"
        "  File \"<string>\", line 2, in <module>\n"
        "    x[0] = 1\n"
        "    ~^^^\n"
        "TypeError: 'NoneType' object does not support item assignment\n");
  ChildResult del = run_source("x = [1]\ndel x[5]\n");
  CHECK(del.err ==
        "Traceback (most recent call last):\n"
        "  File \"<string>\", line 2, in <module>\n"
        "    del x[5]\n"
        "        ~^^^\n"
        "IndexError: list assignment index out of range\n");
  ChildResult check = run_source("assert 1 == 2\n");
  CHECK(check.err ==
        "Traceback (most recent call last):\n"
        "  File \"<string>\", line 1, in <module>\n"
        "    assert 1 == 2\n"
        "           ^^^^^^\n"
        "AssertionError\n");
}
