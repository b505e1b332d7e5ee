// Special methods returning the wrong type: CPython's TypeError (or ValueError) texts, never
// a crash or a value read from the wrong kind of object.
#include <catch2/catch.hpp>

#include "program.hpp"

TEST_CASE("__index__ returning a float or a str", "[protocols][results]") {
  std::string expected;
  for (const char* type : {"float", "str"})
    for (const char* use : {"hex", "oct", "bin", "slice", "index", "range", "mul", "int", "chr"})
      expected += std::string(use) + " TypeError: __index__ returned non-int (type " + type + ")\n";
  check_clean_run(
      "class F:\n"
      "    def __index__(self):\n"
      "        return 1.5\n"
      "class S:\n"
      "    def __index__(self):\n"
      "        return '3'\n"
      "for bad in (F(), S()):\n"
      "    for name, fn in (('hex', hex), ('oct', oct), ('bin', bin),\n"
      "                     ('slice', lambda x: [1, 2, 3][x:]), ('index', lambda x: [1, 2, 3][x]),\n"
      "                     ('range', range), ('mul', lambda x: [0] * x), ('int', int), ('chr', chr)):\n"
      "        try:\n"
      "            print(name, fn(bad))\n"
      "        except TypeError as e:\n"
      "            print(name, 'TypeError:', e)\n",
      expected);
}

TEST_CASE("__int__ and __float__ results are type-checked; __index__ serves both", "[protocols][results]") {
  check_clean_run(
      "class I:\n"
      "    def __int__(self):\n"
      "        return '7'\n"
      "class F:\n"
      "    def __float__(self):\n"
      "        return 7\n"
      "class G:\n"
      "    def __index__(self):\n"
      "        return 4\n"
      "for fn, x in ((int, I()), (float, F()), (int, G()), (float, G())):\n"
      "    try:\n"
      "        r = fn(x)\n"
      "        print(type(r).__name__, r)\n"
      "    except TypeError as e:\n"
      "        print('TypeError:', e)\n",
      "TypeError: __int__ returned non-int (type str)\n"
      "TypeError: F.__float__ returned non-float (type int)\n"
      "int 4\nfloat 4.0\n");
}

TEST_CASE("__iter__ returning a non-iterator", "[protocols][results]") {
  std::string expected;
  for (const char* type : {"int", "NoNext"}) {
    for (const char* use : {"iter", "list", "tuple", "sorted", "unpack"})
      expected += std::string(use) + " TypeError: iter() returned non-iterator of type '" + type + "'\n";
  }
  check_failing_run(
      "class It:\n"
      "    def __iter__(self):\n"
      "        return 5\n"
      "class NoNext:\n"
      "    def __iter__(self):\n"
      "        return self\n"
      "for make in (It, NoNext):\n"
      "    for name, fn in (('iter', iter), ('list', list), ('tuple', tuple), ('sorted', sorted),\n"
      "                     ('unpack', lambda x: [*x])):\n"
      "        try:\n"
      "            fn(make())\n"
      "        except TypeError as e:\n"
      "            print(name, 'TypeError:', e)\n"
      "try:\n"
      "    1 in It()\n"
      "except TypeError as e:\n"
      "    print('in TypeError:', e)\n"
      "for x in It():\n"
      "    pass\n",
      expected + "in TypeError: argument of type 'It' is not a container or iterable\n",
      "\nTypeError: iter() returned non-iterator of type 'int'\n");
}

TEST_CASE("__len__, __bool__, __repr__, __str__, __hash__ and __contains__ results", "[protocols][results]") {
  check_clean_run(
      "class L:\n"
      "    def __init__(self, v):\n"
      "        self.v = v\n"
      "    def __len__(self):\n"
      "        return self.v\n"
      "class Four:\n"
      "    def __index__(self):\n"
      "        return 4\n"
      "for v in (-1, 1.5, 'x', 2**70, Four()):\n"
      "    try:\n"
      "        print(len(L(v)))\n"
      "    except (TypeError, ValueError, OverflowError) as e:\n"
      "        print(type(e).__name__ + ':', e)\n"
      "class B:\n"
      "    def __bool__(self):\n"
      "        return 1\n"
      "try:\n"
      "    print(bool(B()))\n"
      "except TypeError as e:\n"
      "    print('TypeError:', e)\n"
      "try:\n"
      "    if B():\n"
      "        pass\n"
      "except TypeError as e:\n"
      "    print('TypeError:', e)\n"
      "class R:\n"
      "    def __repr__(self):\n"
      "        return 1\n"
      "    def __str__(self):\n"
      "        return 2\n"
      "for fn in (repr, str, ascii, lambda x: f'{x}'):\n"
      "    try:\n"
      "        fn(R())\n"
      "    except TypeError as e:\n"
      "        print('TypeError:', e)\n"
      "class H:\n"
      "    def __hash__(self):\n"
      "        return 1.0\n"
      "for fn in (hash, lambda x: {x}, lambda x: {x: 1}):\n"
      "    try:\n"
      "        fn(H())\n"
      "    except TypeError as e:\n"
      "        print('TypeError:', e)\n"
      "class C:\n"
      "    def __contains__(self, x):\n"
      "        return [x]\n"
      "print(1 in C(), 1 not in C())\n",
      "ValueError: __len__() should return >= 0\n"
      "TypeError: 'float' object cannot be interpreted as an integer\n"
      "TypeError: 'str' object cannot be interpreted as an integer\n"
      "OverflowError: cannot fit 'int' into an index-sized integer\n"
      "4\n"
      "TypeError: __bool__ should return bool, returned int\n"
      "TypeError: __bool__ should return bool, returned int\n"
      "TypeError: __repr__ returned non-string (type int)\n"
      "TypeError: __str__ returned non-string (type int)\n"
      "TypeError: __repr__ returned non-string (type int)\n"
      "TypeError: __str__ returned non-string (type int)\n"
      "TypeError: __hash__ method should return an integer\n"
      "TypeError: cannot use 'H' as a set element (__hash__ method should return an integer)\n"
      "TypeError: cannot use 'H' as a dict key (__hash__ method should return an integer)\n"
      "True False\n");
}
