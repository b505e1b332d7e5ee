// __slots__: member descriptors, instances without __dict__, CPython 3.14's errors.
#include <catch2/catch.hpp>

#include "program.hpp"

TEST_CASE("a slot is a member descriptor; unset and unknown attributes fail as in CPython", "[protocols][slots]") {
  check_clean_run(
      "class C:\n"
      "    __slots__ = ('x', 'y')\n"
      "c = C()\n"
      "try:\n"
      "    c.x\n"
      "except AttributeError as e:\n"
      "    print(e)\n"
      "c.x = 1\n"
      "print(c.x, hasattr(c, 'y'), hasattr(c, '__dict__'))\n"
      "print(C.x, type(C.x).__name__, C.x.__name__)\n"
      "try:\n"
      "    c.z = 1\n"
      "except AttributeError as e:\n"
      "    print(e)\n"
      "try:\n"
      "    c.z\n"
      "except AttributeError as e:\n"
      "    print(e)\n"
      "try:\n"
      "    del c.y\n"
      "except AttributeError as e:\n"
      "    print(repr(e))\n"
      "del c.x\n"
      "print(hasattr(c, 'x'))\n"
      "C.x.__set__(c, 5)\n"
      "print(C.x.__get__(c), C.x.__get__(None, C) is C.x)\n"
      "try:\n"
      "    C.x.__get__(1)\n"
      "except TypeError as e:\n"
      "    print(e)\n",
      "'C' object has no attribute 'x'\n"
      "1 False False\n"
      "<member 'x' of 'C' objects> member_descriptor x\n"
      "'C' object has no attribute 'z' and no __dict__ for setting new attributes\n"
      "'C' object has no attribute 'z'\n"
      "AttributeError('y')\n"
      "False\n"
      "5 True\n"
      "descriptor 'x' for 'C' objects doesn't apply to a 'int' object\n");
}

TEST_CASE("__slots__ as a str or an iterable, with private names mangled", "[protocols][slots]") {
  check_clean_run(
      "class A:\n"
      "    __slots__ = 'ab'\n"
      "class B:\n"
      "    __slots__ = ['b', 'a']\n"
      "class _P__:\n"
      "    __slots__ = iter(('__secret', '__dunder__'))\n"
      "print(A.__slots__, A.ab, B.a, B.b)\n"
      "print(_P__._P____secret, _P__.__dunder__)\n"
      "class __:\n"
      "    __slots__ = ('__x',)\n"
      "print(__.__x)\n"
      "print([k for k in B.__dict__ if k in ('a', 'b')])\n",
      "ab <member 'ab' of 'A' objects> <member 'a' of 'B' objects> <member 'b' of 'B' objects>\n"
      "<member '_P____secret' of '_P__' objects> <member '__dunder__' of '_P__' objects>\n"
      "<member '__x' of '__' objects>\n"
      "['a', 'b']\n");
}

TEST_CASE("__dict__ and __weakref__ in __slots__", "[protocols][slots]") {
  check_clean_run(
      "class D:\n"
      "    __slots__ = ('x', '__dict__')\n"
      "d = D()\n"
      "d.x = 1\n"
      "d.y = 2\n"
      "print(d.x, d.y, d.__dict__)\n"
      "class W:\n"
      "    __slots__ = ('__weakref__',)\n"
      "try:\n"
      "    W().a = 1\n"
      "except AttributeError as e:\n"
      "    print(e)\n"
      "class E(D):\n"
      "    __slots__ = ('e',)\n"
      "e = E()\n"
      "e.e = 3\n"
      "e.x = 4\n"
      "e.f = 5\n"
      "print(e.e, e.x, e.__dict__)\n"
      "class Plain:\n"
      "    pass\n"
      "class F(Plain):\n"
      "    __slots__ = ('g',)\n"
      "f = F()\n"
      "f.g = 1\n"
      "f.h = 2\n"
      "print(f.g, f.__dict__)\n",
      "1 2 {'y': 2}\n"
      "'W' object has no attribute 'a' and no __dict__ for setting new attributes\n"
      "3 4 {'f': 5}\n"
      "1 {'h': 2}\n");
}

TEST_CASE("a subclass's slots follow its base's, and may name them again", "[protocols][slots]") {
  check_clean_run(
      "class A:\n"
      "    __slots__ = ('a',)\n"
      "class B(A):\n"
      "    __slots__ = ('b', 'a')\n"
      "b = B()\n"
      "b.a = 1\n"
      "b.b = 2\n"
      "A.a.__set__(b, 3)\n"
      "print(b.a, b.b, A.a.__get__(b), hasattr(b, '__dict__'))\n"
      "try:\n"
      "    A.a.__get__(A()) \n"
      "except AttributeError as e:\n"
      "    print(e)\n",
      "1 2 3 False\n"
      "'A' object has no attribute 'a'\n");
}

namespace {

// The class body raises: the traceback ends with `message`.
void check_class_error(const std::string& body, const std::string& message) {
  check_failing_run(body, "", "\n" + message + "\n");
}

}  // namespace

TEST_CASE("__slots__ errors have CPython's types and texts", "[protocols][slots]") {
  check_class_error("class C:\n    __slots__ = ('x',)\n    x = 1\n",
                    "ValueError: 'x' in __slots__ conflicts with class variable");
  check_class_error("class C:\n    __slots__ = ('__x',)\n    _C__x = 1\n",
                    "ValueError: '_C__x' in __slots__ conflicts with class variable");
  check_class_error("class C:\n    __slots__ = ('__dict__', '__dict__')\n",
                    "TypeError: __dict__ slot disallowed: we already got one");
  check_class_error("class B:\n    pass\nclass C(B):\n    __slots__ = ('__dict__',)\n",
                    "TypeError: __dict__ slot disallowed: we already got one");
  check_class_error("class C:\n    __slots__ = ('__weakref__', '__weakref__')\n",
                    "TypeError: __weakref__ slot disallowed: we already got one");
  check_class_error("class B:\n    pass\nclass C(B):\n    __slots__ = ('__weakref__',)\n",
                    "TypeError: __weakref__ slot disallowed: we already got one");
  check_class_error("class C:\n    __slots__ = (1,)\n", "TypeError: __slots__ items must be strings, not 'int'");
  check_class_error("class C:\n    __slots__ = ('1a',)\n", "TypeError: __slots__ must be identifiers");
  check_class_error("class C:\n    __slots__ = 5\n", "TypeError: 'int' object is not iterable");
}

TEST_CASE("without a __dict__, a class attribute is read-only on the instance", "[protocols][slots]") {
  check_clean_run(
      "class S:\n"
      "    __slots__ = ()\n"
      "    def m(self):\n"
      "        return 1\n"
      "for target in (S(), 1):\n"
      "    try:\n"
      "        target.bit_length = 0 if target == 1 else None\n"
      "        S.m\n"
      "        target.m = 0\n"
      "    except AttributeError as e:\n"
      "        print(e)\n"
      "try:\n"
      "    S().m = 2\n"
      "except AttributeError as e:\n"
      "    print(e)\n",
      "'S' object has no attribute 'bit_length' and no __dict__ for setting new attributes\n"
      "'int' object attribute 'bit_length' is read-only\n"
      "'S' object attribute 'm' is read-only\n");
}
