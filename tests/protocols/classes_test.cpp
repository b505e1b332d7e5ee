// Classes and the object protocol through the real gopy binary: property, classmethod and
// staticmethod, super() in its forms, the C3 MRO, metaclasses, __init_subclass__,
// __class_getitem__, abstract classes and classes derived from built-in types, with
// CPython 3.14's texts and exit codes for the errors (checked against CPython by hand).
#include <catch2/catch.hpp>

#include "program.hpp"

TEST_CASE("property: getter, setter, deleter, doc and copies", "[protocols][classes]") {
  check_clean_run(
      "class A:\n"
      "    def __init__(self): self._v = 1\n"
      "    def get(self):\n"
      "        'the value'\n"
      "        return self._v\n"
      "    def put(self, v): self._v = v\n"
      "    def drop(self): del self._v\n"
      "    v = property(get)\n"
      "    v = v.setter(put)\n"
      "    v = v.deleter(drop)\n"
      "a = A()\n"
      "a.v = 5\n"
      "print(a.v, A.v.__doc__, A.v.fget is A.get, type(A.v).__name__)\n"
      "del a.v\n"
      "print(hasattr(a, '_v'), A.v.__name__)\n"
      "class P(property):\n"
      "    pass\n"
      "class B:\n"
      "    w = P(lambda self: 42, doc='answer')\n"
      "print(B().w, type(B.__dict__['w']).__name__, B.w.__doc__, isinstance(B.w, property))\n",
      "5 the value True property\nFalse v\n42 P answer True\n");
}

TEST_CASE("property without a setter or deleter names itself and the class", "[protocols][classes]") {
  check_failing_run(
      "class Circle:\n"
      "    area = property(lambda self: 1)\n"
      "c = Circle()\n"
      "try:\n"
      "    del c.area\n"
      "except AttributeError as e:\n"
      "    print(e)\n"
      "c.area = 5\n",
      "property 'area' of 'Circle' object has no deleter\n",
      "\nAttributeError: property 'area' of 'Circle' object has no setter\n");
}

TEST_CASE("a descriptor raising in __set__ propagates its exception", "[protocols][classes]") {
  check_failing_run(
      "class Positive:\n"
      "    def __get__(self, obj, objtype=None):\n"
      "        return 1\n"
      "    def __set__(self, obj, value):\n"
      "        raise ValueError(f'{value} is not positive')\n"
      "class C:\n"
      "    x = Positive()\n"
      "C().x = -3\n",
      "", "\nValueError: -3 is not positive\n");
}

TEST_CASE("classmethod and staticmethod bind as CPython's do", "[protocols][classes]") {
  check_clean_run(
      "class D:\n"
      "    def make(cls, n): return (cls.__name__, n)\n"
      "    make = classmethod(make)\n"
      "    def twice(x): return 2 * x\n"
      "    twice = staticmethod(twice)\n"
      "class E(D): pass\n"
      "print(D.make(1), E.make(2), E().make(3), D.twice(4), D().twice(5))\n"
      "cm, sm = D.__dict__['make'], D.__dict__['twice']\n"
      "print(type(cm).__name__, cm.__func__.__name__, sm.__wrapped__(6), sm(7), E.make.__self__.__name__)\n",
      "('D', 1) ('E', 2) ('E', 3) 8 10\nclassmethod make 12 14 E\n");
}

TEST_CASE("classmethod and staticmethod show their function's annotations", "[protocols][classes]") {
  check_clean_run(
      "def f(x: int) -> str: pass\n"
      "def g(x): pass\n"
      "cm, sm = classmethod(f), staticmethod(g)\n"
      "print(cm.__annotations__, cm.__annotate__ is f.__annotate__, sm.__annotations__, sm.__annotate__)\n",
      "{'x': <class 'int'>, 'return': <class 'str'>} True {} None\n");
}

TEST_CASE("super() without arguments, with one and with two", "[protocols][classes]") {
  check_clean_run(
      "class A:\n"
      "    def who(self): return 'A'\n"
      "class B(A):\n"
      "    def who(self): return 'B' + super().who()\n"
      "class C(B):\n"
      "    def who(self): return 'C' + super(C, self).who()\n"
      "    def skip(self): return super(B, self).who()\n"
      "c = C()\n"
      "print(c.who(), c.skip(), super(C, C).who(c), super(A))\n",
      "CBA A BA <super: <class 'A'>, NULL>\n");
}

TEST_CASE("multiple inheritance follows the C3 MRO", "[protocols][classes]") {
  check_clean_run(
      "class O: pass\n"
      "class A(O):\n"
      "    def f(self): return 'A' + super().f()\n"
      "class B(O):\n"
      "    def f(self): return 'B'\n"
      "class C(A, B):\n"
      "    pass\n"
      "print([k.__name__ for k in C.__mro__], C().f(), issubclass(C, B), isinstance(C(), O))\n"
      "print(sorted(k.__name__ for k in O.__subclasses__()))\n",
      "['C', 'A', 'B', 'O', 'object'] AB True True\n['A', 'B']\n");
}

TEST_CASE("an inconsistent MRO is CPython's TypeError", "[protocols][classes]") {
  check_failing_run(
      "class A: pass\n"
      "class B(A): pass\n"
      "class C(A, B): pass\n",
      "", "\nTypeError: Cannot create a consistent method resolution order (MRO) for bases A, B\n");
}

TEST_CASE("conflicting metaclasses are CPython's TypeError", "[protocols][classes]") {
  check_failing_run(
      "class M1(type): pass\n"
      "class M2(type): pass\n"
      "class X(metaclass=M1): pass\n"
      "class Y(metaclass=M2): pass\n"
      "class Z(X, Y): pass\n",
      "",
      "\nTypeError: metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
      "metaclasses of all its bases\n");
}

TEST_CASE("metaclasses: __new__, __call__, __prepare__ and three-argument type()", "[protocols][classes]") {
  check_clean_run(
      "class Meta(type):\n"
      "    def __prepare__(mcls, name, bases, **kw):\n"
      "        return {'prepared': True}\n"
      "    __prepare__ = classmethod(__prepare__)\n"
      "    def __new__(mcls, name, bases, ns, **kw):\n"
      "        cls = super().__new__(mcls, name, bases, ns)\n"
      "        cls.tag = name.upper()\n"
      "        return cls\n"
      "    def __call__(cls, *args):\n"
      "        print('call', cls.__name__, args)\n"
      "        return super().__call__(*args)\n"
      "class M(metaclass=Meta):\n"
      "    def __init__(self, x=0): self.x = x\n"
      "m = M(3)\n"
      "print(m.x, M.tag, M.prepared, type(M).__name__, isinstance(M, type))\n"
      "T = type('T', (M,), {'y': 2})\n"
      "print(T.y, type(T).__name__, [k.__name__ for k in T.__mro__])\n",
      "call M (3,)\n3 M True Meta True\n2 Meta ['T', 'M', 'object']\n");
}

TEST_CASE("__init_subclass__ gets the class keywords; object's refuses them", "[protocols][classes]") {
  check_failing_run(
      "class Base:\n"
      "    def __init_subclass__(cls, /, tag=None, **kw):\n"
      "        super().__init_subclass__(**kw)\n"
      "        print('init_subclass', cls.__name__, tag)\n"
      "class Sub(Base, tag='t'): pass\n"
      "class Bad(Base, colour='red'): pass\n",
      "init_subclass Sub t\n", "\nTypeError: Bad.__init_subclass__() takes no keyword arguments\n");
}

TEST_CASE("__class_getitem__ is an implicit classmethod", "[protocols][classes]") {
  check_clean_run(
      "class Box:\n"
      "    def __class_getitem__(cls, item): return (cls.__name__, item)\n"
      "print(Box[int] == ('Box', int), Box['x'])\n",
      "True ('Box', 'x')\n");
}

TEST_CASE("an abstract class cannot be instantiated", "[protocols][classes]") {
  check_failing_run(
      "class Shape:\n"
      "    pass\n"
      "Shape.__abstractmethods__ = frozenset({'area', 'perimeter'})\n"
      "try:\n"
      "    Shape()\n"
      "except TypeError as e:\n"
      "    print(e)\n"
      "Shape.__abstractmethods__ = frozenset()\n"
      "print(type(Shape()).__name__)\n"
      "Shape.__abstractmethods__ = frozenset({'area'})\n"
      "Shape()\n",
      "Can't instantiate abstract class Shape without an implementation for abstract methods 'area', "
      "'perimeter'\nShape\n",
      "\nTypeError: Can't instantiate abstract class Shape without an implementation for abstract method 'area'\n");
}

TEST_CASE("classes derived from built-in types", "[protocols][classes]") {
  check_clean_run(
      "class Upper(str):\n"
      "    def __new__(cls, v): return super().__new__(cls, v.upper())\n"
      "    def shout(self): return self + '!'\n"
      "class Money(int):\n"
      "    def __repr__(self): return f'Money({int(self)})'\n"
      "class Stack(list):\n"
      "    def push(self, x):\n"
      "        self.append(x)\n"
      "        return self\n"
      "class Counter(dict):\n"
      "    def __missing__(self, key): return 0\n"
      "class Pair(tuple):\n"
      "    def __new__(cls, a, b): return super().__new__(cls, (a, b))\n"
      "class F(float): pass\n"
      "u = Upper('hi')\n"
      "print(u, u.shout(), type(u).__name__, len(u), u == 'HI', hash(u) == hash('HI'))\n"
      "m = Money(5)\n"
      "print(repr(m), m + 1, type(m + 1).__name__, isinstance(m, int))\n"
      "s = Stack([1]).push(2)\n"
      "s.tag = 'x'\n"
      "print(s, len(s), s.tag, type(s[:1]).__name__)\n"
      "c = Counter(a=1)\n"
      "c['b'] += 2\n"
      "print(c, c['z'])\n"
      "p = Pair(3, 4)\n"
      "print(p, p[0] + p[1], type(p).__name__, F(1.5) * 2)\n",
      "HI HI! Upper 2 True True\nMoney(5) 6 int True\n[1, 2] 2 x list\n{'a': 1, 'b': 2} 0\n(3, 4) 7 Pair 3.0\n");
}

TEST_CASE("special methods of the type slots reach Python code", "[protocols][classes]") {
  check_clean_run(
      "class N:\n"
      "    def __init__(self, v): self.v = v\n"
      "    def __radd__(self, o): return ('radd', o)\n"
      "    def __iadd__(self, o):\n"
      "        self.v += o\n"
      "        return self\n"
      "    def __index__(self): return self.v\n"
      "    def __round__(self, n=None): return ('round', n)\n"
      "    def __contains__(self, x): return x == self.v\n"
      "    def __reversed__(self): return iter([3, 2, 1])\n"
      "    def __dir__(self): return ['b', 'a']\n"
      "n = N(2)\n"
      "n += 1\n"
      "print(1 + n, n.v, [10, 20, 30, 40][n], round(n), round(n, 2), 3 in n, list(reversed(n)), dir(n))\n",
      "('radd', 1) 3 40 ('round', None) ('round', 2) True [3, 2, 1] ['a', 'b']\n");
}

TEST_CASE("the built-in types' special methods are reachable by name and through super()", "[protocols][classes]") {
  check_clean_run(
      "class Doubling(dict):\n"
      "    def __setitem__(self, k, v):\n"
      "        super().__setitem__(k, v * 2)\n"
      "    def __getitem__(self, k):\n"
      "        return super().__getitem__(k) + 1\n"
      "d = Doubling()\n"
      "d['a'] = 5\n"
      "print(d['a'], dict.__getitem__(d, 'a'), int.__add__(2, 3), int.__radd__(2, 3), list.__len__([1, 2]))\n"
      "class Loud(list):\n"
      "    def __repr__(self): return 'Loud' + super().__repr__()\n"
      "print(Loud([1]), 3 .__lt__(4), hasattr(object(), '__lt__'))\n",
      "11 10 5 5 2\nLoud[1] True True\n");
}

TEST_CASE("docstrings of functions and classes, cleaned as CPython 3.13+ does", "[protocols][classes]") {
  check_clean_run(
      "class C:\n"
      "    '''  Title.\n"
      "\n"
      "        indented\n"
      "      less\n"
      "    '''\n"
      "    def m(self):\n"
      "        'one line'\n"
      "print(repr(C.__doc__), C.m.__doc__)\n",
      "'Title.\\n\\n  indented\\nless\\n' one line\n");
}

TEST_CASE("a collected class leaves its bases' __subclasses__()", "[protocols][classes]") {
  check_clean_run(
      "import gc\n"
      "class Base: pass\n"
      "def make():\n"
      "    class Temp(Base, list): pass\n"
      "    t = Temp([1, 2])\n"
      "    t.me = t\n"
      "    return len(Base.__subclasses__())\n"
      "print(make())\n"
      "gc.collect()\n"
      "print(Base.__subclasses__())\n",
      "1\n[]\n");
}

TEST_CASE("instances of built-in subclasses work where the built-in type does", "[protocols][classes]") {
  check_clean_run(
      "class S(str): pass\n"
      "class B(bytes): pass\n"
      "class T(tuple): pass\n"
      "class N(int):\n"
      "    def __new__(cls, v): return super().__new__(cls, v * 10)\n"
      "class L(list):\n"
      "    def __init__(self, n): super().__init__(range(n))\n"
      "s = S('ab')\n"
      "print(f'{s}|{s:>4}', type(str(s)).__name__, B(b'xy') + b'z', T((1,)) + (2,), N(4), type(N(4)).__name__, L(3))\n",
      "ab|  ab str b'xyz' (1, 2) 40 N [0, 1, 2]\n");
}

TEST_CASE("__mro_entries__ replaces a base that is not a class; type() refuses it", "[protocols][classes]") {
  check_clean_run(
      "class Alias:\n"
      "    def __mro_entries__(self, bases):\n"
      "        print('bases', len(bases))\n"
      "        return (int,)\n"
      "a = Alias()\n"
      "class C(a, object): pass\n"
      "print(C.__mro__, C.__orig_bases__[0] is a, '__orig_bases__' in int.__dict__)\n"
      "class D(int): pass\n"
      "print('__orig_bases__' in D.__dict__)\n"
      "class Bad:\n"
      "    def __mro_entries__(self, bases): return [int]\n"
      "try:\n"
      "    class E(Bad()): pass\n"
      "except TypeError as e:\n"
      "    print(e)\n"
      "try:\n"
      "    type('F', (a,), {})\n"
      "except TypeError as e:\n"
      "    print(e)\n",
      "bases 2\n(<class '__main__.C'>, <class 'int'>, <class 'object'>) True False\nFalse\n"
      "__mro_entries__ must return a tuple\n"
      "type() doesn't support MRO entry resolution; use types.new_class()\n");
}
