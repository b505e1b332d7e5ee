// PEP 695 through the real gopy binary: `type` statements (TypeAliasType with its lazily
// evaluated value), generic functions and classes with their TypeVar, ParamSpec and
// TypeVarTuple parameters, lazily evaluated bounds, constraints and defaults.
#include "program.hpp"

TEST_CASE("type statements make lazily evaluated aliases", "[pep695]") {
  check_clean_run(
      "type Alias = list[Later]\n"
      "print(Alias, type(Alias).__name__, Alias.__name__, Alias.__type_params__, Alias.__module__)\n"
      "try:\n    Alias.__value__\nexcept NameError as e:\n    print('lazy:', e)\n"
      "Later = int\n"
      "print(Alias.__value__, Alias.__value__ is Alias.__value__)\n"
      "type Pair[K, V] = dict[K, V]\n"
      "print(Pair.__type_params__, Pair[str, int], Pair.__value__)\n"
      "try:\n    Alias[int]\nexcept TypeError as e:\n    print(e)\n"
      "class C:\n    type Inner = int; x = 1\n"
      "print(C.Inner.__value__, C.x)\n",
      "Alias TypeAliasType Alias () __main__\nlazy: name 'Later' is not defined\nlist[int] True\n"
      "(K, V) Pair[str, int] dict[K, V]\nOnly generic type aliases are subscriptable\n<class 'int'> 1\n");
}

TEST_CASE("generic functions get __type_params__; their parameters are in scope", "[pep695]") {
  check_clean_run(
      "def first[T](xs: list[T]) -> T:\n    return xs[0]\n"
      "print(first([3, 4]), first.__type_params__, first.__annotations__, first.__qualname__)\n"
      "(T,) = first.__type_params__\n"
      "print(T.__name__, T.__bound__, T.__constraints__, T.__default__, T.__infer_variance__, T.has_default())\n"
      "def g[B: (int, str), N: float = int, *Ts, **P](): pass\n"
      "b, n, ts, p = g.__type_params__\n"
      "print(b.__constraints__, b.__bound__, n.__bound__, n.__default__, n.has_default())\n"
      "print(type(b).__name__, type(ts).__name__, type(p).__name__, ts, p, p.args, p.kwargs.__origin__ is p)\n"
      "try:\n    Ts\nexcept NameError:\n    print('not leaked')\n",
      "3 (T,) {'xs': list[T], 'return': T} first\nT None () typing.NoDefault True False\n"
      "(<class 'int'>, <class 'str'>) None <class 'float'> <class 'int'> True\n"
      "TypeVar TypeVarTuple ParamSpec Ts P P.args True\nnot leaked\n");
}

TEST_CASE("a generic def's defaults see the enclosing function", "[pep695]") {
  check_clean_run(
      "def outer():\n    x = 7\n    def f[T](a=x, *, b=x + 1): return a, b\n    return f\n"
      "print(outer()(), outer()(1, b=2))\n",
      "(7, 8) (1, 2)\n");
}

TEST_CASE("bounds and defaults are evaluated lazily", "[pep695]") {
  check_clean_run(
      "def f[X: Undefined = AlsoUndefined](): pass\n"
      "(X,) = f.__type_params__\n"
      "for attr in ('__bound__', '__default__'):\n"
      "    try:\n        getattr(X, attr)\n    except NameError as e:\n        print(e)\n"
      "Undefined = 1\n"
      "print(X.__bound__, X.evaluate_bound(1))\n",
      "name 'Undefined' is not defined\nname 'AlsoUndefined' is not defined\n1 1\n");
}

TEST_CASE("generic classes: __type_params__, subscription and methods", "[pep695]") {
  check_clean_run(
      "class Box[T]:\n"
      "    def __init__(self, item: T): self.item = item\n"
      "    def get(self) -> T: return self.item\n"
      "print(Box.__type_params__, Box.__qualname__, Box[int], Box[int](5).item, Box(6).get())\n"
      "alias = Box[str]\n"
      "print(alias.__origin__ is Box, alias.__args__, alias == Box[str], list[int], tuple[int, ...])\n"
      "class Plain: pass\n"
      "try:\n    Plain[int]\nexcept TypeError as e:\n    print(e)\n",
      "(T,) Box __main__.Box[int] 5 6\nTrue (<class 'str'>,) True list[int] tuple[int, ...]\n"
      "type 'Plain' is not subscriptable\n");
}

TEST_CASE("the | of classes, None, aliases and unions is a typing.Union", "[pep604]") {
  check_clean_run(
      "u = int | None\n"
      "print(u, type(u), u.__args__, int | int, (int | str) == (str | int), hash(int | str) == hash(str | int))\n"
      "type A = int\n"
      "print(A | None, None | list[int], (int | str) | (bytes | int))\n"
      "def f(x: int | None = None) -> list[int] | None: pass\n"
      "print(f.__annotations__)\n"
      "try:\n    1 | int\nexcept TypeError as e:\n    print(e)\n",
      "int | None <class 'typing.Union'> (<class 'int'>, <class 'NoneType'>) <class 'int'> True True\n"
      "A | None None | list[int] int | str | bytes\n"
      "{'x': int | None, 'return': list[int] | None}\n"
      "unsupported operand type(s) for |: 'int' and 'type'\n");
}

TEST_CASE("a TypeVarTuple unpacks into typing.Unpack", "[pep695]") {
  check_clean_run(
      "def f[*Ts](*args: *Ts) -> tuple[*Ts]: pass\n"
      "print(f.__annotations__, list(f.__type_params__[0]))\n",
      "{'args': typing.Unpack[Ts], 'return': tuple[typing.Unpack[Ts]]} [typing.Unpack[Ts]]\n");
}
