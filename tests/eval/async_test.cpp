// Coroutines driven by hand through the real gopy executable: await, async for, async
// with, the coroutine object's protocol and its texts (checked against CPython 3.14 by
// hand; no event loop).
#include <catch2/catch.hpp>

#include <string>

#include "spawn.hpp"

namespace {

ChildResult run_source(const std::string& program) {
  TempDir dir;
  return run_gopy({"-S", "-c", program}, dir.path());
}

const char* kAwaitable =
    "class Tick:\n"
    "    def __await__(self):\n"
    "        got = yield 'tick'\n"
    "        return got\n";

}  // namespace

TEST_CASE("async: await delegates to __await__ and nested coroutines", "[async]") {
  ChildResult r = run_source(std::string(kAwaitable) +
                             "async def inner(x):\n"
                             "    return x + await Tick()\n"
                             "async def outer():\n"
                             "    return [await inner(i) for i in range(2)]\n"
                             "c = outer()\n"
                             "print(type(c).__name__, c.send(None), c.send(10))\n"
                             "try:\n"
                             "    c.send(20)\n"
                             "except StopIteration as e:\n"
                             "    print('result', e.value)\n"
                             "try:\n"
                             "    c.send(None)\n"
                             "except RuntimeError as e:\n"
                             "    print(e)\n");
  CHECK(r.err == "");
  CHECK(r.out == "coroutine tick tick\nresult [10, 21]\ncannot reuse already awaited coroutine\n");
}

TEST_CASE("async: async for ends at StopAsyncIteration and runs else, async with suppresses", "[async]") {
  ChildResult r = run_source(std::string(kAwaitable) +
                             "class Count:\n"
                             "    def __init__(self, n): self.i, self.n = 0, n\n"
                             "    def __aiter__(self): return self\n"
                             "    async def __anext__(self):\n"
                             "        if self.i == self.n: raise StopAsyncIteration\n"
                             "        self.i += 1\n"
                             "        return await Tick() + self.i\n"
                             "class Guard:\n"
                             "    async def __aenter__(self): return 'g'\n"
                             "    async def __aexit__(self, et, ev, tb):\n"
                             "        print('aexit', et.__name__)\n"
                             "        return True\n"
                             "async def main():\n"
                             "    seen = []\n"
                             "    async for x in Count(2):\n"
                             "        seen.append(x)\n"
                             "    else:\n"
                             "        seen.append('else')\n"
                             "    async with Guard() as g:\n"
                             "        seen.append(g)\n"
                             "        raise ValueError\n"
                             "    return seen\n"
                             "m = main()\n"
                             "m.send(None)\n"
                             "m.send(100)\n"
                             "try:\n"
                             "    m.send(200)\n"
                             "except StopIteration as e:\n"
                             "    print(e.value)\n");
  CHECK(r.err == "");
  CHECK(r.out == "aexit ValueError\n[101, 202, 'else', 'g']\n");
}

TEST_CASE("async: the coroutine object's attributes, throw, close and __await__", "[async]") {
  ChildResult r = run_source(std::string(kAwaitable) +
                             "async def f():\n"
                             "    try:\n"
                             "        await Tick()\n"
                             "    except KeyError:\n"
                             "        return 'caught'\n"
                             "c = f()\n"
                             "print(c.cr_running, c.cr_suspended, c.cr_await, c.__name__)\n"
                             "c.send(None)\n"
                             "print(c.cr_suspended, type(c.cr_await).__name__)\n"
                             "try:\n"
                             "    c.throw(KeyError)\n"
                             "except StopIteration as e:\n"
                             "    print(e.value)\n"
                             "w = f().__await__()\n"
                             "print(next(w), type(w).__name__)\n"
                             "print(f().close())\n"
                             "try:\n"
                             "    iter(f())\n"
                             "except TypeError as e:\n"
                             "    print(e)\n");
  CHECK(r.err == "");
  CHECK(r.out ==
        "False False None f\nTrue generator\ncaught\ntick coroutine_wrapper\nNone\n'coroutine' object is not "
        "iterable\n");
}

TEST_CASE("async: CPython 3.14's TypeErrors for what cannot be awaited or iterated", "[async]") {
  ChildResult r = run_source(
      "async def aw(): await 1\n"
      "async def aw2():\n"
      "    class A:\n"
      "        async def __aexit__(self, *a): pass\n"
      "        async def __aenter__(self): return 1\n"
      "        __aenter__ = lambda self: 2\n"
      "    async with A(): pass\n"
      "async def af():\n"
      "    async for x in [1]: pass\n"
      "async def ac():\n"
      "    c = aw()\n"
      "    await c\n"
      "for co in (aw(), aw2(), af()):\n"
      "    try:\n"
      "        co.send(None)\n"
      "    except TypeError as e:\n"
      "        print(e)\n");
  CHECK(r.err == "");
  CHECK(r.out ==
        "'int' object can't be awaited\n"
        "'async with' received an object from __aenter__ that does not implement __await__: int\n"
        "'async for' requires an object with __aiter__ method, got list\n");
}
