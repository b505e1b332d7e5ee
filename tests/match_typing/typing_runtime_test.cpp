// What the typing module needs from the kernel, through the real gopy binary: TypeVar,
// ParamSpec, TypeVarTuple and TypeAliasType made by calling them, Union[...] and `T | X`,
// isinstance()/issubclass() through unions and a metaclass's __instancecheck__ /
// __subclasscheck__, and __dict__ of every built-in type (ABCs walk them).
#include "program.hpp"

namespace {

// A stand-in typing module: the kernel calls typing._type_check for bounds, constraints
// and Union members (ints are refused, None becomes NoneType).
const std::string fake_typing =
    "import sys\n"
    "class _Typing:\n"
    "    @staticmethod\n"
    "    def _type_check(arg, msg):\n"
    "        if isinstance(arg, int): raise TypeError(msg)\n"
    "        return type(None) if arg is None else arg\n"
    "sys.modules['typing'] = _Typing()\n";

}  // namespace

TEST_CASE("TypeVar, ParamSpec, TypeVarTuple and TypeAliasType can be called", "[typing]") {
  check_clean_run(
      fake_typing +
      "type A = int\n"
      "def f[T, **P, *Ts](): pass\n"
      "TV, PS, TVT = (type(p) for p in f.__type_params__)\n"
      "T = TV('T'); K = TV('K', covariant=True); C = TV('C', contravariant=True)\n"
      "print(T, K, C, T.__name__, T.__module__, T.__covariant__, T.__infer_variance__)\n"
      "S = TV('S', int, str); B = TV('B', bound=float)\n"
      "print(S.__constraints__, S.__bound__, B.__bound__, B.__constraints__, TV('D', default=int).__default__)\n"
      "print(PS('P'), PS('P').args, TVT('Ts'), type(A)('X', list[int]).__value__)\n"
      "for call in (lambda: TV('X', int), lambda: TV(1), lambda: TV('X', covariant=True, contravariant=True),\n"
      "             lambda: TV('X', int, str, bound=int), lambda: TV('X', covariant=True, infer_variance=True)):\n"
      "    try:\n        call()\n    except (TypeError, ValueError) as e:\n        print(type(e).__name__, e)\n",
      "~T +K -C T __main__ False False\n"
      "(<class 'int'>, <class 'str'>) None <class 'float'> () <class 'int'>\n"
      "~P P.args Ts list[int]\n"
      "TypeError A single constraint is not allowed\n"
      "TypeError TypeVar() argument 'name' must be str, not int\n"
      "ValueError Bivariant type variables are not supported.\n"
      "TypeError Constraints cannot be combined with bound=...\n"
      "ValueError Variance cannot be specified with infer_variance.\n");
}

TEST_CASE("Union[...] checks its members through typing and `T | X` makes a union", "[typing]") {
  check_clean_run(
      fake_typing +
      "U = type(int | None)\n"
      "print(U[int, str], U[int], U[int, int, None], U[str, int] == U[int, str])\n"
      "def f[T](): pass\n"
      "T, = f.__type_params__\n"
      "print(T | None, int | T)\n"
      "try:\n    U[1, 2]\nexcept TypeError as e:\n    print(e)\n",
      "int | str <class 'int'> int | None True\nT | None int | T\n"
      "Union[arg, ...]: each arg must be a type.\n");
}

TEST_CASE("isinstance and issubclass see unions and the metaclass hooks", "[typing]") {
  check_clean_run(
      "print(isinstance(1, int | str), isinstance(1.5, int | None), issubclass(bool, int | str))\n"
      "class Meta(type):\n"
      "    def __instancecheck__(cls, obj): return obj == 42\n"
      "    def __subclasscheck__(cls, sub): return sub is float\n"
      "class Answer(metaclass=Meta): pass\n"
      "print(isinstance(42, Answer), isinstance(41, Answer), issubclass(float, Answer), issubclass(int, Answer))\n"
      "print(isinstance(Answer(), Answer), isinstance(42, (str, Answer)))\n",
      "True False True\nTrue False True False\nTrue True\n");
}

TEST_CASE("__dict__ of a built-in type made without one is an empty dict", "[typing]") {
  check_clean_run(
      "async def co(): pass\n"
      "print(type(type(co).__dict__).__name__)\n",
      "dict\n");
}
