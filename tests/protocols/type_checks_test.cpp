// What abc, types and collections.abc need of the kernel: isinstance/issubclass through the
// metaclass and over unions, object.__subclasshook__, the special methods a built-in
// type's __dict__ shows, identity hashes, function and code attributes, and the
// constructors of types.GenericAlias, ModuleType and MethodType.
#include <catch2/catch.hpp>

#include "program.hpp"

TEST_CASE("isinstance and issubclass ask the metaclass", "[protocols][type_checks]") {
  check_clean_run(
      "class Meta(type):\n"
      "    def __instancecheck__(cls, obj):\n"
      "        return obj == 'yes'\n"
      "    def __subclasscheck__(cls, sub):\n"
      "        return sub is int\n"
      "class Any(metaclass=Meta): pass\n"
      "print(isinstance('yes', Any), isinstance('no', Any), issubclass(int, Any), issubclass(str, Any))\n"
      "print(isinstance(Any(), Any), isinstance(3, (str, Any)))\n",
      "True False True False\nTrue False\n");  // an exact instance needs no check
  check_failing_run(
      "class Meta(type):\n"
      "    def __subclasscheck__(cls, sub):\n"
      "        raise KeyError('from the hook')\n"
      "class Any(metaclass=Meta): pass\n"
      "issubclass(int, Any)\n",
      "", "KeyError: 'from the hook'\n");
}

TEST_CASE("isinstance and issubclass take unions", "[protocols][type_checks]") {
  check_clean_run("print(isinstance(1, int | str), isinstance(1.5, int | str), issubclass(bool, str | int),\n"
                  "      isinstance(None, (float, int | None)))\n",
                  "True False True True\n");
}

TEST_CASE("object.__subclasshook__ answers NotImplemented", "[protocols][type_checks]") {
  check_clean_run("class C: pass\nprint(object.__subclasshook__(int), C.__subclasshook__(C))\n",
                  "NotImplemented NotImplemented\n");
}

TEST_CASE("a built-in type's __dict__ shows its special methods", "[protocols][type_checks]") {
  check_clean_run(
      "print('__iter__' in list.__dict__, '__len__' in tuple.__dict__, '__call__' in type(len).__dict__)\n"
      "print(list.__dict__['__hash__'], dict.__dict__['__hash__'], '__hash__' in int.__dict__)\n"
      "print('__len__' in object.__dict__, '__next__' in type(iter([])).__dict__)\n",
      "True True True\nNone None True\nFalse True\n");
}

TEST_CASE("built-in objects without a comparison hash by identity", "[protocols][type_checks]") {
  check_clean_run(
      "it = iter([])\n"
      "def g(): yield\n"
      "gen = g()\n"
      "print(hash(it) == hash(it), len({it, gen, iter(())}))\n",
      "True 3\n");
  check_failing_run("hash({}.keys())\n", "", "TypeError: unhashable type: 'dict_keys'\n");
}

TEST_CASE("function __code__ __closure__ and writable defaults", "[protocols][type_checks]") {
  check_clean_run(
      "def outer():\n"
      "    x = 1\n"
      "    def inner(a, b=2, *, c=3): return a, b, c, x\n"
      "    return inner\n"
      "f = outer()\n"
      "print(type(f.__code__).__name__, f.__code__.co_name, len(f.__closure__), f.__kwdefaults__)\n"
      "f.__defaults__ = (20,)\n"
      "f.__kwdefaults__ = {'c': 30}\n"
      "print(f(1))\n"
      "f.__defaults__ = None\n"
      "try:\n"
      "    f(1)\n"
      "except TypeError as e:\n"
      "    print(e)\n"
      "try:\n"
      "    f.__defaults__ = [1]\n"
      "except TypeError as e:\n"
      "    print(e)\n",
      "code inner 1 {'c': 3}\n(1, 20, 30, 1)\n"
      "outer.<locals>.inner() missing 1 required positional argument: 'b'\n"
      "__defaults__ must be set to a tuple object\n");
}

TEST_CASE("code.co_flags says generator coroutine and varargs", "[protocols][type_checks]") {
  check_clean_run(
      "def f(*a, **k): pass\n"
      "def g(): yield\n"
      "async def c(): pass\n"
      "async def ag(): yield\n"
      "print(f.__code__.co_flags & 0xc, g.__code__.co_flags & 0x20, c.__code__.co_flags & 0x80,\n"
      "      ag.__code__.co_flags & 0x200)\n",
      "12 32 128 512\n");
}

TEST_CASE("GenericAlias ModuleType and MethodType construct", "[protocols][type_checks]") {
  check_clean_run(
      "GA = type(list[int])\n"
      "print(GA(list, (int,)) == list[int], GA(dict, str))\n"
      "Method = type((lambda self: 0).__get__(1))\n"
      "m = Method(lambda self, y: (self, y), 'obj')\n"
      "print(m(2))\n",
      "True dict[str]\n('obj', 2)\n");
  check_clean_run(
      "import sys\n"
      "Module = type(sys)\n"
      "m = Module('demo', 'the doc')\n"
      "print(m, m.__name__, m.__doc__, m.__spec__, Module(name='x').__doc__)\n",
      "<module 'demo'> demo the doc None None\n");
  check_failing_run("import sys\ntype(sys)(5)\n", "",
                    "TypeError: module() argument 'name' must be str, not int\n");
}

TEST_CASE("SimpleNamespace takes a mapping or pairs before its keywords", "[protocols][type_checks]") {
  check_clean_run(
      "import sys\n"
      "NS = type(sys.implementation)\n"
      "print(NS({'a': 1}, b=2), NS([('k', 'v')]), NS(z=0))\n",
      "namespace(a=1, b=2) namespace(k='v') namespace(z=0)\n");
  check_failing_run("import sys\ntype(sys.implementation)({1: 2})\n", "", "TypeError: keywords must be strings\n");
}

TEST_CASE("set and frozenset subclasses show their class in repr", "[protocols][type_checks]") {
  check_clean_run("class Fs(frozenset): pass\nclass S(set): pass\n"
                  "print(Fs([1]), Fs(), S([2]), S(), set(), frozenset(), {3}, frozenset({4}))\n",
                  "Fs({1}) Fs() S({2}) S() set() frozenset() {3} frozenset({4})\n");
}

TEST_CASE("GenericAlias can be subclassed and compares with its subclasses", "[protocols][type_checks]") {
  check_clean_run(
      "GA = type(list[int])\n"
      "class Shown(GA):\n"
      "    def __repr__(self):\n"
      "        return 'shown ' + super().__repr__()\n"
      "s = Shown(list, (int,))\n"
      "print(s, s.__origin__, s == list[int], list[int] == s, isinstance(s, GA))\n",
      "shown list[int] <class 'list'> True True True\n");
}
