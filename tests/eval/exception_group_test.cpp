// ExceptionGroup, BaseExceptionGroup and except* through the real gopy executable
// (PEP 654; texts and results checked against CPython 3.14 by hand).
#include <catch2/catch.hpp>

#include <string>

#include "run_source.hpp"

TEST_CASE("exception groups: the constructor's checks and class choice", "[exception_group]") {
  ChildResult r = run_source(
      "for args in [('x',), ('x', 1), ('x', []), ('x', [1]), (1, [ValueError()])]:\n"
      "    try:\n"
      "        ExceptionGroup(*args)\n"
      "    except Exception as e:\n"
      "        print(type(e).__name__, e)\n"
      "try:\n"
      "    ExceptionGroup('x', [KeyboardInterrupt()])\n"
      "except TypeError as e:\n"
      "    print(e)\n"
      "print(type(BaseExceptionGroup('x', [ValueError()])).__name__,\n"
      "      type(BaseExceptionGroup('x', [KeyboardInterrupt()])).__name__)\n"
      "eg = ExceptionGroup('boom', (ValueError(1), TypeError(2)))\n"
      "print(eg, repr(eg), eg.message, eg.exceptions, isinstance(eg, Exception))\n");
  CHECK(r.err == "");
  CHECK(r.out ==
        "TypeError BaseExceptionGroup.__new__() takes exactly 2 arguments (1 given)\n"
        "TypeError second argument (exceptions) must be a sequence\n"
        "ValueError second argument (exceptions) must be a non-empty sequence\n"
        "ValueError Item 0 of second argument (exceptions) is not an exception\n"
        "TypeError BaseExceptionGroup.__new__() argument 1 must be str, not int\n"
        "Cannot nest BaseExceptions in an ExceptionGroup\n"
        "ExceptionGroup BaseExceptionGroup\n"
        "boom (2 sub-exceptions) ExceptionGroup('boom', (ValueError(1), TypeError(2))) boom "
        "(ValueError(1), TypeError(2)) True\n");
}

TEST_CASE("exception groups: split, subgroup and derive keep the nesting and the notes", "[exception_group]") {
  ChildResult r = run_source(
      "eg = ExceptionGroup('g', [ValueError(1), ExceptionGroup('in', [ValueError(2), KeyError(3)])])\n"
      "eg.add_note('n')\n"
      "m, rest = eg.split(ValueError)\n"
      "print(repr(m), repr(rest), m.__notes__, m.__notes__ is eg.__notes__)\n"
      "print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))), eg.subgroup(OSError))\n"
      "print(repr(eg.derive([TypeError()])))\n"
      "try:\n"
      "    eg.split(1)\n"
      "except TypeError as e:\n"
      "    print(e)\n");
  CHECK(r.err == "");
  CHECK(r.out ==
        "ExceptionGroup('g', [ValueError(1), ExceptionGroup('in', [ValueError(2)])]) "
        "ExceptionGroup('g', [ExceptionGroup('in', [KeyError(3)])]) ['n'] False\n"
        "ExceptionGroup('g', [ExceptionGroup('in', [KeyError(3)])]) None\n"
        "ExceptionGroup('g', [TypeError()])\n"
        "expected an exception type, a tuple of exception types, or a callable (other than a class)\n");
}

TEST_CASE("except*: clauses take their parts, the rest and new exceptions propagate", "[exception_group]") {
  ChildResult r = run_source(
      "try:\n"
      "    raise ExceptionGroup('m', [ValueError(1), TypeError(2), KeyError(3)])\n"
      "except* ValueError as e:\n"
      "    print('VE', repr(e))\n"
      "except* (TypeError, KeyError) as e:\n"
      "    print('TE/KE', repr(e))\n"
      "try:\n"
      "    try:\n"
      "        raise ExceptionGroup('g', [ValueError(1), TypeError(2)])\n"
      "    except* ValueError:\n"
      "        raise KeyError('new')\n"
      "except ExceptionGroup as e:\n"
      "    print(repr(e), repr(e.exceptions[0].__context__))\n"
      "try:\n"
      "    try:\n"
      "        raise ValueError('naked')\n"
      "    except* ValueError as e:\n"
      "        raise\n"
      "except ExceptionGroup as e:\n"
      "    print(repr(e))\n"
      "try:\n"
      "    try:\n"
      "        raise ValueError(5)\n"
      "    except* TypeError:\n"
      "        pass\n"
      "except ValueError as e:\n"
      "    print('unmatched', repr(e))\n"
      "try:\n"
      "    try:\n"
      "        raise ValueError(5)\n"
      "    except* ExceptionGroup:\n"
      "        pass\n"
      "except TypeError as e:\n"
      "    print(e)\n");
  CHECK(r.err == "");
  CHECK(r.out ==
        "VE ExceptionGroup('m', [ValueError(1)])\n"
        "TE/KE ExceptionGroup('m', [TypeError(2), KeyError(3)])\n"
        "ExceptionGroup('', [KeyError('new'), ExceptionGroup('g', [TypeError(2)])]) "
        "ExceptionGroup('g', [ValueError(1)])\n"
        "ExceptionGroup('', (ValueError('naked'),))\n"
        "unmatched ValueError(5)\n"
        "catching ExceptionGroup with except* is not allowed. Use except instead.\n");
}

TEST_CASE("except*: else and finally run as with except", "[exception_group]") {
  ChildResult r = run_source(
      "def f():\n"
      "    try:\n"
      "        raise ExceptionGroup('x', [OSError(1)])\n"
      "    except* OSError:\n"
      "        print('handled')\n"
      "    finally:\n"
      "        print('finally')\n"
      "    try:\n"
      "        pass\n"
      "    except* OSError:\n"
      "        pass\n"
      "    else:\n"
      "        print('else')\n"
      "    return 'ok'\n"
      "print(f())\n");
  CHECK(r.err == "");
  CHECK(r.out == "handled\nfinally\nelse\nok\n");
}

TEST_CASE("exception groups: an uncaught group prints as a tree of its members", "[exception_group]") {
  ChildResult r = run_source(
      "eg = ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', [TypeError(2)])])\n"
      "eg.add_note('a note')\n"
      "raise eg\n");
  CHECK(r.exit_code == 1);
  CHECK(r.err.starts_with("  + Exception Group Traceback (most recent call last):\n"
                          "  |   File \"<string>\", line 3, in <module>\n"));
  CHECK(r.err.ends_with("  | ExceptionGroup: outer (2 sub-exceptions)\n"
                        "  | a note\n"
                        "  +-+---------------- 1 ----------------\n"
                        "    | ValueError: 1\n"
                        "    +---------------- 2 ----------------\n"
                        "    | ExceptionGroup: inner (1 sub-exception)\n"
                        "    +-+---------------- 1 ----------------\n"
                        "      | TypeError: 2\n"
                        "      +------------------------------------\n"));
}

TEST_CASE("exception groups: ExceptionGroup derives from BaseExceptionGroup and Exception", "[exception_group]") {
  ChildResult r = run_source(
      "print(ExceptionGroup.__mro__)\n"
      "print(ExceptionGroup.__bases__, ExceptionGroup.__base__)\n"
      "eg = BaseExceptionGroup('m', [ValueError(1)])\n"
      "print(type(eg).__name__, isinstance(eg, BaseExceptionGroup), isinstance(eg, Exception))\n"
      "class MyEG(ExceptionGroup):\n"
      "    pass\n"
      "print([c.__name__ for c in MyEG.__mro__], type(MyEG('x', [KeyError()])).__name__)\n"
      "for cls in (ExceptionGroup, MyEG):\n"
      "    try:\n"
      "        raise cls('m', [ValueError(1)])\n"
      "    except BaseExceptionGroup as e:\n"
      "        print('caught', repr(e))\n");
  CHECK(r.err == "");
  CHECK(r.out ==
        "(<class 'ExceptionGroup'>, <class 'BaseExceptionGroup'>, <class 'Exception'>, <class 'BaseException'>, "
        "<class 'object'>)\n"
        "(<class 'BaseExceptionGroup'>, <class 'Exception'>) <class 'BaseExceptionGroup'>\n"
        "ExceptionGroup True True\n"
        "['MyEG', 'ExceptionGroup', 'BaseExceptionGroup', 'Exception', 'BaseException', 'object'] MyEG\n"
        "caught ExceptionGroup('m', [ValueError(1)])\n"
        "caught MyEG('m', [ValueError(1)])\n");
}
