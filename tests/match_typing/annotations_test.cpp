// Annotations as 3.14 has them (PEP 649/749) through the real gopy binary: evaluated
// lazily by __annotate__, cached in __annotations__, on functions, classes and modules;
// strings under `from __future__ import annotations`.
#include "program.hpp"

TEST_CASE("a function's annotations are evaluated on first access, then cached", "[annotations]") {
  check_clean_run(
      "def f(a: int, /, b: 'str' = 1, *args: float, c: Later, **kw: dict) -> bool: pass\n"
      "try:\n    f.__annotations__\nexcept NameError as e:\n    print('lazy:', e)\n"
      "Later = list\n"
      "print(f.__annotations__)\n"
      "print(f.__annotations__ is f.__annotations__, f.__annotate__.__name__)\n"
      "try:\n    f.__annotate__(3)\nexcept NotImplementedError:\n    print('format 3 refused')\n"
      "def g(): pass\n"
      "print(g.__annotations__, g.__annotate__)\n",
      "lazy: name 'Later' is not defined\n"
      "{'a': <class 'int'>, 'b': 'str', 'args': <class 'float'>, 'c': <class 'list'>, 'kw': <class 'dict'>, "
      "'return': <class 'bool'>}\n"
      "True __annotate__\nformat 3 refused\n{} None\n");
}

TEST_CASE("setting a function's annotations", "[annotations]") {
  check_clean_run(
      "def f(x: int): pass\n"
      "f.__annotations__ = {'y': 1}\n"
      "print(f.__annotations__, f.__annotate__)\n"
      "f.__annotate__ = lambda fmt: {'z': fmt}\n"
      "print(f.__annotations__)\n"
      "for bad in (('__annotations__', 1), ('__annotate__', 2), ('__type_params__', [])):\n"
      "    try:\n        setattr(f, *bad)\n    except TypeError as e:\n        print(e)\n",
      "{'y': 1} None\n{'z': 1}\n__annotations__ must be set to a dict object\n"
      "__annotate__ must be callable or None\n__type_params__ must be set to a tuple\n");
}

TEST_CASE("module annotations keep the annotated names whose statements ran", "[annotations]") {
  check_clean_run(
      "import sys\n"
      "x: int = 1\n"
      "if False:\n    y: str\n"
      "z: 'fwd'\n"
      "print(__annotate__(1))\n"
      "print(sys.modules[__name__].__annotations__, 'z' in sys.modules[__name__].__dict__)\n",
      "{'x': <class 'int'>, 'z': 'fwd'}\n{'x': <class 'int'>, 'z': 'fwd'} False\n");
}

TEST_CASE("class annotations see the class namespace", "[annotations]") {
  check_clean_run(
      "class C:\n"
      "    Alias = int\n"
      "    a: Alias\n"
      "    b: 'C' = 2\n"
      "    def m(self, v: Alias) -> Alias: return v\n"
      "class D: pass\n"
      "print(C.__annotations__, C.b, C.m.__annotations__)\n"
      "print(D.__annotations__, D.__annotate__)\n"
      "try:\n    int.__annotations__\nexcept AttributeError as e:\n    print(e)\n",
      "{'a': <class 'int'>, 'b': 'C'} 2 {'v': <class 'int'>, 'return': <class 'int'>}\n{} None\n"
      "type object 'int' has no attribute '__annotations__'\n");
}

TEST_CASE("a class keeps the conditional annotations whose statements ran", "[annotations]") {
  check_clean_run(
      "class C:\n"
      "    a: int\n"
      "    if len('x') == 1:\n        b: str\n    else:\n        c: float\n"
      "    for i in range(0):\n        d: bytes\n"
      "    try:\n        e: list\n    finally:\n        f: dict\n"
      "print(C.__annotations__, '__conditional_annotations__' in C.__dict__)\n",
      "{'a': <class 'int'>, 'b': <class 'str'>, 'e': <class 'list'>, 'f': <class 'dict'>} False\n");
}

TEST_CASE("annotated assignments to other targets are evaluated, not stored", "[annotations]") {
  check_clean_run(
      "class O:\n    def __repr__(self): return 'O'\n"
      "o = O()\n"
      "def trace(v):\n    print('eval', v)\n    return v\n"
      "trace(o).attr: int\n"
      "d = {}\n"
      "trace(d)[trace('k')]: int\n"
      "o.attr: int = 5\n"
      "print(o.attr, d)\n"
      "def local():\n    q: undefined_name = 3\n    r: undefined_name\n    return q\n"
      "print(local(), local.__annotations__)\n",
      "eval O\neval {}\neval k\n5 {}\n3 {}\n");
}

TEST_CASE("from __future__ import annotations gives strings", "[annotations]") {
  check_clean_run(
      "from __future__ import annotations\n"
      "import __future__\n"
      "print(__future__.annotations.getMandatoryRelease())\n"
      "def f(a: List[int], b: dict[str,  int] = {}, *, c: 'x' | None) -> Optional[a.b]: pass\n"
      "print(f.__annotations__, f.__annotate__)\n"
      "x: Undefined[1, -2 ** 3] = 3\n"
      "print(__annotations__)\n"
      "def g(a: lambda p, /, q=2, *r, s, **t: q+1, b: lambda: 0): pass\n"
      "print(g.__annotations__)\n",
      "None\n"
      "{'a': 'List[int]', 'b': 'dict[str, int]', 'c': \"'x' | None\", 'return': 'Optional[a.b]'} None\n"
      "{'x': 'Undefined[1, -2 ** 3]'}\n"
      "{'a': 'lambda p, /, q=2, *r, s, **t: q + 1', 'b': 'lambda: 0'}\n");
}
