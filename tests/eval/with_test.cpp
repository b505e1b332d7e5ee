// `with` through the real gopy executable: the protocol looked up on the type, 3.14's
// TypeError texts, suppression, exceptions raised by __exit__, and return/break/continue
// leaving the block (checked against CPython 3.14 by hand).
#include <catch2/catch.hpp>

#include <string>

#include "run_source.hpp"

namespace {

const char* kManager =
    "class M:\n"
    "    def __init__(self, name, suppress=False):\n"
    "        self.name, self.suppress = name, suppress\n"
    "    def __enter__(self):\n"
    "        print('enter', self.name)\n"
    "        return self.name\n"
    "    def __exit__(self, et, ev, tb):\n"
    "        print('exit', self.name, et.__name__ if et else None, tb is not None)\n"
    "        return self.suppress\n";

}  // namespace

TEST_CASE("with: items enter left to right and exit right to left", "[with]") {
  ChildResult r = run_source(std::string(kManager) +
                             "with (M('a') as a,\n      M('b', True) as b):\n"
                             "    print('body', a, b)\n"
                             "    raise KeyError(1)\n"
                             "print('after')\n");
  CHECK(r.err == "");
  CHECK(r.out == "enter a\nenter b\nbody a b\nexit b KeyError True\nexit a None False\nafter\n");
}

TEST_CASE("with: return, break and continue call __exit__ with None", "[with]") {
  ChildResult r = run_source(std::string(kManager) +
                             "def f():\n"
                             "    with M('r'):\n"
                             "        return 'value'\n"
                             "print(f())\n"
                             "for i in range(3):\n"
                             "    with M(i):\n"
                             "        if i == 0:\n"
                             "            continue\n"
                             "        break\n"
                             "print('i', i)\n");
  CHECK(r.err == "");
  CHECK(r.out == "enter r\nexit r None False\nvalue\nenter 0\nexit 0 None False\nenter 1\nexit 1 None False\ni 1\n");
}

TEST_CASE("with: __enter__ and __exit__ come from the type, with 3.14's TypeError", "[with]") {
  ChildResult r = run_source(
      "class A:\n"
      "    async def __aenter__(self): pass\n"
      "    async def __aexit__(self, *a): pass\n"
      "class E:\n"
      "    def __enter__(self): return self\n"
      "e = E()\n"
      "e.__exit__ = lambda *a: None\n"
      "for o in (A(), e, 1):\n"
      "    try:\n"
      "        with o: pass\n"
      "    except TypeError as x:\n"
      "        print(x)\n");
  CHECK(r.err == "");
  CHECK(r.out ==
        "'A' object does not support the context manager protocol (missed __exit__ method) but it supports the "
        "asynchronous context manager protocol. Did you mean to use 'async with'?\n"
        "'E' object does not support the context manager protocol (missed __exit__ method)\n"
        "'int' object does not support the context manager protocol (missed __exit__ method)\n");
}

TEST_CASE("with: an exception in __exit__ chains the body's and is reported at the with line", "[with]") {
  ChildResult r = run_source(
      "class C:\n"
      "    def __enter__(self): return self\n"
      "    def __exit__(self, *a):\n"
      "        raise OSError('close')\n"
      "try:\n"
      "    with C():\n"
      "        1/0\n"
      "except OSError as e:\n"
      "    print(repr(e.__context__))\n"
      "with C():\n"
      "    pass\n");
  CHECK(r.out == "ZeroDivisionError('division by zero')\n");
  CHECK(r.err.find("  File \"<string>\", line 10, in <module>\n") != std::string::npos);
  CHECK(r.err.find("During handling") == std::string::npos);
  CHECK(r.err.ends_with("OSError: close\n"));
  CHECK(r.exit_code == 1);
}
