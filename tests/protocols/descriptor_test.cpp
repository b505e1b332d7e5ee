// Class-level protocol hooks: data and non-data descriptors with CPython's precedence,
// __set_name__ at class creation, and __getattribute__/__getattr__.
#include <catch2/catch.hpp>

#include "program.hpp"

TEST_CASE("descriptor precedence: data descriptor > instance dict > non-data > class", "[protocols][descr]") {
  check_clean_run(
      "class NonData:\n"
      "    def __get__(self, obj, objtype=None):\n"
      "        return ('nondata', obj is None, objtype.__name__)\n"
      "class Data:\n"
      "    def __get__(self, obj, objtype=None):\n"
      "        return ('data', obj is None, objtype.__name__)\n"
      "    def __set__(self, obj, value):\n"
      "        print('Data.__set__', value)\n"
      "    def __delete__(self, obj):\n"
      "        print('Data.__delete__')\n"
      "class SetOnly:\n"
      "    def __set__(self, obj, value):\n"
      "        print('SetOnly.__set__', value)\n"
      "class C:\n"
      "    nd = NonData()\n"
      "    d = Data()\n"
      "    so = SetOnly()\n"
      "c = C()\n"
      "print(c.nd, c.d)\n"
      "c.__dict__['nd'] = 'instance nd'\n"
      "c.__dict__['d'] = 'instance d'\n"
      "print(c.nd, c.d)\n"
      "c.d = 5\n"
      "del c.d\n"
      "print(C.nd, C.d)\n"
      "print(type(c.so).__name__)\n"
      "c.so = 1\n"
      "c.__dict__['so'] = 'instance so'\n"
      "print(c.so)\n"
      "try:\n"
      "    del c.so\n"
      "except AttributeError as e:\n"
      "    print('AttributeError:', e)\n"
      "class D(C):\n"
      "    pass\n"
      "print(D().d, D.nd)\n"
      "class Getter:\n"
      "    def __get__(self, obj, objtype):\n"
      "        return lambda: 'bound ' + type(obj).__name__\n"
      "class F:\n"
      "    m = Getter()\n"
      "    def __init__(self):\n"
      "        super().__init__()\n"
      "class G(F):\n"
      "    def m2(self):\n"
      "        return super().m()\n"
      "print(F().m(), G().m2())\n",
      "('nondata', False, 'C') ('data', False, 'C')\n"
      "instance nd ('data', False, 'C')\n"
      "Data.__set__ 5\n"
      "Data.__delete__\n"
      "('nondata', True, 'C') ('data', True, 'C')\n"
      "SetOnly\n"
      "SetOnly.__set__ 1\n"
      "instance so\n"
      "AttributeError: __delete__\n"
      "('data', False, 'D') ('nondata', True, 'D')\n"
      "bound F bound G\n");
}

TEST_CASE("__set_name__ runs at class creation in definition order", "[protocols][descr]") {
  check_clean_run(
      "class Named:\n"
      "    def __set_name__(self, owner, name):\n"
      "        print('set_name', owner.__name__, name)\n"
      "        self.name = name\n"
      "class E:\n"
      "    b = Named()\n"
      "    a = Named()\n"
      "    def f(self):\n"
      "        return 1\n"
      "print(E.a.name, E.b.name)\n",
      "set_name E b\nset_name E a\na b\n");
}

TEST_CASE("an error in __set_name__ carries CPython's note", "[protocols][descr]") {
  check_failing_run(
      "class Bad:\n"
      "    def __set_name__(self, owner, name):\n"
      "        raise ValueError('no ' + name)\n"
      "class C:\n"
      "    x = Bad()\n",
      "", "\nValueError: no x\nError calling __set_name__ on 'Bad' instance 'x' in 'C'\n");
}

TEST_CASE("__getattribute__ runs for every lookup, __getattr__ after its AttributeError", "[protocols][descr]") {
  check_clean_run(
      "class G:\n"
      "    def __init__(self):\n"
      "        self.x = 1\n"
      "    def __getattribute__(self, name):\n"
      "        print('get', name)\n"
      "        return object.__getattribute__(self, name)\n"
      "    def __getattr__(self, name):\n"
      "        return 'fallback ' + name\n"
      "g = G()\n"
      "print(g.x, g.zzz)\n"
      "class H:\n"
      "    pass\n"
      "h = H()\n"
      "H.__getattribute__ = lambda self, name: name.upper()\n"
      "print(h.abc)\n"
      "del H.__getattribute__\n"
      "print(hasattr(h, 'abc'))\n",
      "get x\nget zzz\n1 fallback zzz\nABC\nFalse\n");
}
