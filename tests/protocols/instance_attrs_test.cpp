// Instance attributes kept inline with keys shared per class: what a program sees must be
// a real dict's behaviour, whichever form the instance is in.
#include <catch2/catch.hpp>

#include "program.hpp"

TEST_CASE("instance attributes keep each instance's insertion order", "[protocols][instances]") {
  check_clean_run(
      "class P:\n"
      "    pass\n"
      "a = P(); a.x = 1; a.y = 2\n"
      "b = P(); b.y = 3; b.x = 4\n"
      "c = P(); c.x = 5; c.y = 6; c.z = 7\n"
      "d = P(); d.x = 8; d.z = 9\n"
      "a.x = 10\n"
      "print(a.__dict__, b.__dict__, c.__dict__, d.__dict__)\n"
      "print(a.x, b.x, c.z, d.z, hasattr(d, 'y'))\n",
      "{'x': 10, 'y': 2} {'y': 3, 'x': 4} {'x': 5, 'y': 6, 'z': 7} {'x': 8, 'z': 9}\n"
      "10 4 7 9 False\n");
}

TEST_CASE("__dict__ is the instance's storage: changes show through attribute access", "[protocols][instances]") {
  check_clean_run(
      "class P:\n"
      "    def __init__(self):\n"
      "        self.x = 1\n"
      "        self.y = 2\n"
      "p = P()\n"
      "d = p.__dict__\n"
      "d['z'] = 3\n"
      "del d['x']\n"
      "d[1] = 'one'\n"
      "print(p.z, hasattr(p, 'x'), p.__dict__ is d, d)\n"
      "p.x = 4\n"
      "setattr(p, 'w', 5)\n"
      "print(d, getattr(p, 'w'), getattr(p, 'nope', 'default'))\n"
      "q = P()\n"
      "del q.x\n"
      "print(q.__dict__, hasattr(q, 'x'))\n"
      "try:\n"
      "    del q.x\n"
      "except AttributeError as e:\n"
      "    print(e)\n"
      "r = P()\n"
      "try:\n"
      "    del r.nope\n"
      "except AttributeError as e:\n"
      "    print(e)\n"
      "print(r.__dict__)\n",
      "3 False True {'y': 2, 'z': 3, 1: 'one'}\n"
      "{'y': 2, 'z': 3, 1: 'one', 'x': 4, 'w': 5} 5 default\n"
      "{'y': 2} False\n"
      "'P' object has no attribute 'x'\n"
      "'P' object has no attribute 'nope'\n"
      "{'x': 1, 'y': 2}\n");
}

TEST_CASE("many attributes, methods shadowed by instance attributes, subclasses", "[protocols][instances]") {
  check_clean_run(
      "class P:\n"
      "    def m(self):\n"
      "        return 'method'\n"
      "p = P()\n"
      "for i in range(40):\n"
      "    setattr(p, 'a' + str(i), i)\n"
      "print(len(p.__dict__), p.a0, p.a39, list(p.__dict__)[30])\n"
      "print(p.m())\n"
      "p.m = lambda: 'instance'\n"
      "print(p.m())\n"
      "class Q(P):\n"
      "    pass\n"
      "q = Q(); q.b = 1; q.a = 2\n"
      "r = Q(); r.a = 3; r.b = 4\n"
      "print(q.__dict__, r.__dict__, q.m())\n",
      "40 0 39 a30\n"
      "method\n"
      "instance\n"
      "{'b': 1, 'a': 2} {'a': 3, 'b': 4} method\n");
}
