// What enum-style classes need from the class machinery, through the real gopy binary: a
// metaclass's __prepare__ namespace that is a dict subclass sees the body's stores, loads
// and deletes; object.__init__ accepts the constructor's arguments when the class overrides
// __new__; a class's __class__ is its metaclass; instances of a metaclass format and print;
// unhashable built-in types show __hash__ None (dataclasses tests it for mutable defaults).
#include <catch2/catch.hpp>

#include "program.hpp"

TEST_CASE("a dict-subclass class namespace runs its own item methods", "[protocols][classes]") {
  check_clean_run(
      "class NS(dict):\n"
      "    def __setitem__(self, k, v):\n"
      "        if not k.startswith('__'): print('set', k)\n"
      "        super().__setitem__(k, v * 2 if k == 'x' else v)\n"
      "    def __getitem__(self, k):\n"
      "        if k == 'magic': return 42\n"
      "        return super().__getitem__(k)\n"
      "    def __delitem__(self, k):\n"
      "        print('del', k)\n"
      "        super().__delitem__(k)\n"
      "class M(type):\n"
      "    @classmethod\n"
      "    def __prepare__(mcls, name, bases): return NS()\n"
      "    def __new__(mcls, name, bases, ns): return super().__new__(mcls, name, bases, dict(ns))\n"
      "class A(metaclass=M):\n"
      "    x = 5\n"
      "    y = x + magic\n"
      "    del x\n"
      "print(A.y, hasattr(A, 'x'))\n",
      "set x\nset y\ndel x\n52 False\n");
}

TEST_CASE("a missing name in a dict-subclass namespace is a NameError", "[protocols][classes]") {
  check_failing_run(
      "class M(type):\n"
      "    @classmethod\n"
      "    def __prepare__(mcls, name, bases): return type('NS', (dict,), {})()\n"
      "class A(metaclass=M):\n"
      "    del nothing\n",
      "", "NameError: name 'nothing' is not defined\n");
}

TEST_CASE("object.__init__ takes the arguments of a class that overrides __new__", "[protocols][classes]") {
  check_clean_run(
      "class S(str):\n"
      "    def __new__(cls, v): return str.__new__(cls, v)\n"
      "s = S('x'); s.__init__('x', 1)\n"
      "class E:\n"
      "    def __new__(cls, v): return object.__new__(cls)\n"
      "E(1).__init__(1)\n"
      "class F: pass\n"
      "try: F().__init__(1)\n"
      "except TypeError as e: print(e)\n"
      "class G:\n"
      "    def __init__(self): super().__init__(1)\n"
      "try: G()\n"
      "except TypeError as e: print(e)\n",
      "F.__init__() takes exactly one argument (the instance to initialize)\n"
      "object.__init__() takes exactly one argument (the instance to initialize)\n");
}

TEST_CASE("a class's __class__ is its metaclass; a metaclass's instances format", "[protocols][classes]") {
  check_clean_run(
      "class M(type): pass\n"
      "class E(metaclass=M): pass\n"
      "print(int.__class__, E.__class__.__name__, E().__class__ is E)\n"
      "print(f'{E}', format(E, ''), str(E))\n",
      "<class 'type'> M True\n<class '__main__.E'> <class '__main__.E'> <class '__main__.E'>\n");
}

TEST_CASE("unhashable built-in types have __hash__ None", "[protocols][classes]") {
  check_clean_run(
      "print(list.__hash__, dict.__hash__, set.__hash__, bytearray.__hash__)\n"
      "print(int.__hash__ is None, frozenset.__hash__ is None, tuple.__hash__ is None)\n"
      "class L(list): pass\n"
      "print(L.__hash__, type([]).__hash__ is None)\n",
      "None None None None\nFalse False False\nNone True\n");
}
