// Coroutines driven by hand through the real gopy executable: await, async for, async
// with, the coroutine object's protocol and its texts (checked against CPython 3.14 by
// hand; no event loop).
#include <catch2/catch.hpp>

#include <string>

#include "run_source.hpp"

namespace {

const char* kAwaitable =
    "class Tick:\n"
    "    def __await__(self):\n"
    "        got = yield 'tick'\n"
    "        return got\n";

// Drives the coroutine main() by hand, each await answered with 1, and prints its result.
const char* kRunMain =
    "aw = main()\n"
    "try:\n"
    "    aw.send(None)\n"
    "    while True:\n"
    "        aw.send(1)\n"
    "except StopIteration as e:\n"
    "    print(e.value)\n";

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
                             "    iter(c)\n"
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

TEST_CASE("async: asynchronous generators through asend, athrow, aclose and async for", "[async]") {
  ChildResult r = run_source(std::string(kAwaitable) +
                             "async def agen(n):\n"
                             "    try:\n"
                             "        for i in range(n):\n"
                             "            got = yield i\n"
                             "            print('got', got)\n"
                             "            await Tick()\n"
                             "    finally:\n"
                             "        print('cleanup')\n"
                             "def drive(aw):\n"
                             "    try:\n"
                             "        aw.send(None)\n"
                             "        while True:\n"
                             "            aw.send('resumed')\n"
                             "    except StopIteration as e:\n"
                             "        return ('stop', e.value)\n"
                             "    except StopAsyncIteration:\n"
                             "        return 'async-stop'\n"
                             "g = agen(2)\n"
                             "print(type(g).__name__, drive(g.__anext__()), drive(g.asend('hi')), drive(g.asend('x')))\n"
                             "async def collect():\n"
                             "    out = []\n"
                             "    async for x in agen(3):\n"
                             "        out.append(x)\n"
                             "    return out\n"
                             "print(drive(collect()))\n"
                             "g2 = agen(5)\n"
                             "drive(g2.__anext__())\n"
                             "print(drive(g2.aclose()), drive(g2.__anext__()))\n"
                             "g3 = agen(5)\n"
                             "drive(g3.__anext__())\n"
                             "try:\n"
                             "    drive(g3.athrow(ValueError('boom')))\n"
                             "except ValueError as e:\n"
                             "    print('athrow raised', e)\n");
  CHECK(r.err == "");
  CHECK(r.out ==
        "got hi\ngot x\ncleanup\nasync_generator ('stop', 0) ('stop', 1) async-stop\n"
        "got None\ngot None\ngot None\ncleanup\n('stop', [0, 1, 2])\n"
        "cleanup\n('stop', None) async-stop\n"
        "cleanup\nathrow raised boom\n");
}

TEST_CASE("async: an asynchronous generator's misuse, with CPython's texts", "[async]") {
  ChildResult r = run_source(
      "def drive(aw):\n"
      "    aw.send(None)\n"
      "    while True:\n"
      "        aw.send(None)\n"
      "async def stubborn():\n"
      "    try:\n"
      "        yield 1\n"
      "    except GeneratorExit:\n"
      "        yield 2\n"
      "async def stopper():\n"
      "    yield 1\n"
      "    raise StopAsyncIteration\n"
      "for make, step in ((stubborn, 'aclose'), (stopper, '__anext__')):\n"
      "    g = make()\n"
      "    try:\n"
      "        drive(g.__anext__())\n"
      "    except StopIteration:\n"
      "        pass\n"
      "    try:\n"
      "        drive(getattr(g, step)())\n"
      "    except RuntimeError as e:\n"
      "        print(e)\n"
      "a = stopper().__anext__()\n"
      "try:\n"
      "    a.send(None)\n"
      "except StopIteration:\n"
      "    pass\n"
      "try:\n"
      "    a.send(None)\n"
      "except RuntimeError as e:\n"
      "    print(e)\n");
  CHECK(r.err == "");
  CHECK(r.out ==
        "async generator ignored GeneratorExit\nasync generator raised StopAsyncIteration\n"
        "cannot reuse already awaited __anext__()/asend()\n");
}

TEST_CASE("async: asynchronous list, set and dict comprehensions run inlined", "[async]") {
  ChildResult r = run_source(std::string(kAwaitable) +
                             "async def agen(n):\n"
                             "    for i in range(n):\n"
                             "        await Tick()\n"
                             "        yield i\n"
                             "async def main():\n"
                             "    a = [x * 10 async for x in agen(3)]\n"
                             "    b = {x async for x in agen(2) if x}\n"
                             "    c = {x: y async for x in agen(2) for y in 'ab'}\n"
                             "    d = [[y async for y in agen(x)] for x in range(3)]\n"
                             "    e = len([x async for x in agen(2)]) + sum([await Tick() for _ in range(2)])\n"
                             "    return a, b, c, d, e\n" +
                             kRunMain);
  CHECK(r.err == "");
  CHECK(r.out == "([0, 10, 20], {1}, {0: 'b', 1: 'b'}, [[], [0], [0, 1]], 4)\n");
}

TEST_CASE("async: asynchronous generator expressions, by `async for` or by await", "[async]") {
  ChildResult r = run_source(std::string(kAwaitable) +
                             "async def agen(n):\n"
                             "    for i in range(n):\n"
                             "        await Tick()\n"
                             "        yield i\n"
                             "async def double(x):\n"
                             "    return 2 * x + await Tick()\n"
                             "def sync():\n"
                             "    return (await double(x) for x in range(2))\n"
                             "async def main():\n"
                             "    g = (x * 10 async for x in agen(3))\n"
                             "    a = [y async for y in g]\n"
                             "    b = [y async for y in sync()]\n"
                             "    c = [y async for y in (x + y async for x in agen(3) for y in (100, 200) if x)]\n"
                             "    d = [y async for y in ([await double(z) for z in range(x)] for x in range(3))]\n"
                             "    return type(g).__name__, g.__name__, a, b, c, d\n"
                             "print(type((x async for x in agen(1))).__name__, type(sync()).__name__)\n" +
                             kRunMain);
  CHECK(r.err == "");
  CHECK(r.out ==
        "async_generator async_generator\n"
        "('async_generator', '<genexpr>', [0, 10, 20], [1, 3], [101, 201, 102, 202], [[], [1], [1, 3]])\n");
}

TEST_CASE("async: a coroutine freed before it ran warns that it was never awaited", "[async]") {
  TempDir dir;
  dir.write("prog.py",
            "async def f():\n"
            "    pass\n"
            "f()\n"
            "c = f()\n"
            "c.close()\n"
            "del c\n"
            "print('after')\n");
  ChildResult r = run_gopy({"-S", "prog.py"}, dir.path());
  CHECK(r.exit_code == 0);
  CHECK(r.out == "after\n");
  CHECK(r.err == (dir.path() / "prog.py").string() + ":3: RuntimeWarning: coroutine 'f' was never awaited\n  f()\n");
  // As an error it cannot propagate out of the finalizer: it is reported as unraisable.
  ChildResult e = run_gopy({"-S", "-W", "error", "prog.py"}, dir.path());
  CHECK(e.exit_code == 0);
  CHECK(e.out == "after\n");
  CHECK(e.err.starts_with("Exception ignored while finalizing coroutine <coroutine object f at 0x"));
  CHECK(e.err.find("in _warn_unawaited_coroutine\n") != std::string::npos);
  CHECK(e.err.ends_with("\nRuntimeWarning: coroutine 'f' was never awaited\n"));
}
