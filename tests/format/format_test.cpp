// Formatting and issue 18's types, methods and built-ins through the real gopy executable.
// The error texts are CPython 3.14's, written from its sources (Objects/unicodeobject.c
// PyUnicode_Format, Objects/bytesobject.c _PyBytes_FormatEx, Python/formatter_unicode.c,
// Objects/stringlib/unicode_format.h); the outputs were checked by hand against CPython
// 3.13 where 3.14 behaves the same.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "spawn.hpp"

namespace {

ChildResult run_text(const std::string& program) {
  TempDir dir;
  return run_gopy({"-S", "-c", program}, dir.path());
}

std::string last_line(const std::string& text) {
  std::string t = text;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  size_t nl = t.rfind('\n');
  return nl == std::string::npos ? t : t.substr(nl + 1);
}

struct BadInput {
  const char* program;
  const char* error;  // the traceback's last line
};

// Each program fails uncaught: a traceback, CPython's exception line, exit status 1.
void check_uncaught(const std::vector<BadInput>& cases) {
  for (const auto& c : cases) {
    INFO(c.program);
    ChildResult r = run_text(c.program);
    CHECK(r.exit_code == 1);
    CHECK(r.out.empty());
    CHECK(r.err.starts_with("Traceback (most recent call last):\n"));
    CHECK(last_line(r.err) == c.error);
  }
}

void check_output(const std::string& program, const std::string& expected) {
  INFO(program);
  ChildResult r = run_text(program);
  CHECK(r.err.empty());
  CHECK(r.exit_code == 0);
  CHECK(r.out == expected);
}

}  // namespace

TEST_CASE("bad __format__ specs fail with CPython's errors", "[format][errors]") {
  check_uncaught({
      {"format(3.5, 'd')", "ValueError: Unknown format code 'd' for object of type 'float'"},
      {"format(5, 'Q')", "ValueError: Unknown format code 'Q' for object of type 'int'"},
      {"f'{10:.2}'", "ValueError: Precision not allowed in integer format specifier"},
      {"format('s', '+')", "ValueError: Sign not allowed in string format specifier"},
      {"format(10, ',s')", "ValueError: Cannot specify ',' with 's'."},
      {"format(1.5, ',_')", "ValueError: Cannot specify both ',' and '_'."},
      {"format(object(), '>10')", "TypeError: unsupported format string passed to object.__format__"},
      {"format(1+2j, '=10')", "ValueError: '=' alignment flag is not allowed in complex format specifier"},
      {"class R:\n    def __format__(self, spec):\n        return 42\nformat(R(), 'x')",
       "TypeError: __format__ must return a str, not int"},
      {"'{:d}'.format('x')", "ValueError: Unknown format code 'd' for object of type 'str'"},
  });
}

TEST_CASE("% with the wrong argument count or type fails with CPython's errors", "[format][percent][errors]") {
  check_uncaught({
      {"'%s %s' % ('a',)", "TypeError: not enough arguments for format string"},
      {"'%s' % ('a', 'b')", "TypeError: not all arguments converted during string formatting"},
      {"'no conversions' % 5", "TypeError: not all arguments converted during string formatting"},
      {"'%d' % 'x'", "TypeError: %d format: a real number is required, not str"},
      {"'%x' % 1.5", "TypeError: %x format: an integer is required, not float"},
      {"'%f' % 'x'", "TypeError: must be real number, not str"},
      {"'%c' % 'ab'", "TypeError: %c requires an int or a unicode character, not a string of length 2"},
      {"'%c' % 1234567890", "OverflowError: %c arg not in range(0x110000)"},
      {"'%*d' % ('x', 1)", "TypeError: * wants int"},
      {"'%(k)s' % ('t',)", "TypeError: format requires a mapping"},
      {"'%(k)s' % {}", "KeyError: 'k'"},
      {"'%(a' % {'a': 1}", "ValueError: incomplete format key"},
      {"'abc %' % ()", "ValueError: incomplete format"},
      {"'%z' % 1", "ValueError: unsupported format character 'z' (0x7a) at index 1"},
      {"b'%s %s' % (b'a',)", "TypeError: not enough arguments for format string"},
      {"b'%s' % (b'a', b'b')", "TypeError: not all arguments converted during bytes formatting"},
      {"b'%d' % b'x'", "TypeError: %d format: a real number is required, not bytes"},
  });
}

TEST_CASE("str.format field errors are CPython's", "[format][str_format][errors]") {
  check_uncaught({
      {"'{0} {}'.format(1, 2)",
       "ValueError: cannot switch from manual field specification to automatic field numbering"},
      {"'{} {0}'.format(1, 2)",
       "ValueError: cannot switch from automatic field numbering to manual field specification"},
      {"'{} {}'.format(1)", "IndexError: Replacement index 1 out of range for positional args tuple"},
      {"'{missing}'.format(present=1)", "KeyError: 'missing'"},
      {"'{0}'.format_map({})", "ValueError: Format string contains positional fields"},
      {"'{!x}'.format(1)", "ValueError: Unknown conversion specifier x"},
      {"'}'.format()", "ValueError: Single '}' encountered in format string"},
      {"'{'.format()", "ValueError: Single '{' encountered in format string"},
      {"'{0:{1:{2}}}'.format(1, 2, 3)", "ValueError: Max string recursion exceeded"},
      {"'{0.}'.format(1)", "ValueError: Empty attribute in format string"},
      {"'{0[}'.format(1)", "ValueError: expected '}' before end of string"},
  });
}

TEST_CASE("%-formatting converts as CPython", "[format][percent]") {
  check_output(
      "print('%5d|%-5d|%05d|%+d|% d|%.3d' % (42, 42, -42, 42, 42, -5))\n"
      "print('%x %X %#x %#08X %o %#o' % (255, 255, 255, 255, 8, 8))\n"
      "print('%e %.2E %g %#g %10.3f|%-8.1f|%+08.2f' % (12345.678, 0.5, 1e-5, 2.0, 3.14159, 2.5, -1.5))\n"
      "print('%r %s %a %c%c %.2s %5s|' % ('q', 'q', 'é', 72, 'i', 'abc', 'x'))\n"
      "print('%(a)s-%(b)05.1f %%' % {'a': 'x', 'b': 2.345}, '%*.*f|%-*s|' % (8, 2, 3.14159, 4, 'ab'))\n"
      "print('%i %u %d' % (3.9, -2, True), b'%s=%d %x' % (b'k', 5, 255))\n",
      "   42|42   |-0042|+42| 42|-005\n"
      "ff FF 0xff 0X0000FF 10 0o10\n"
      "1.234568e+04 5.00E-01 1e-05 2.00000      3.142|2.5     |-0001.50\n"
      "'q' q '\\xe9' Hi ab     x|\n"
      "x-002.3 %     3.14|ab  |\n"
      "3 -2 1 b'k=5 ff'\n");
}

TEST_CASE("str.format fields, conversions and nested specs", "[format][str_format]") {
  check_output(
      "class U:\n"
      "    name = 'ann'\n"
      "print('{} {}'.format(1, 2), '{1}{0}{1}'.format('a', 'b'), '{n}'.format(n=3), '{{x}}'.format())\n"
      "print('{0.name} {d[k]} {l[1]}'.format(U(), d={'k': 'v'}, l=[8, 9]))\n"
      "print('{!r}|{!s}|{!a}'.format('é', 'é', 'é'), '{:*^9}'.format('mid'), '{:{}{}}'.format(3, '>', 4))\n"
      "print('{:,} {:_x} {:#b} {:.1%} {:=+8.2f}'.format(10**9, 0xabcdef, 5, 0.25, -3.14159))\n"
      "print('{a}-{b}'.format_map({'a': 1, 'b': 2}))\n",
      "1 2 bab 3 {x}\n"
      "ann v 9\n"
      "'é'|é|'\\xe9' ***mid***    3\n"
      "1,000,000,000 ab_cdef 0b101 25.0% -   3.14\n"
      "1-2\n");
}

TEST_CASE("complex numbers: literals, construction, arithmetic, repr and format", "[format][complex]") {
  check_output(
      "print(3+4j, abs(3+4j), (1+2j).conjugate(), (2j).imag, complex(1, 2) * complex(0, 1), complex())\n"
      "print(complex(' ( 1.5-2.5j ) '), complex('-j'), complex('1e3+1_0j'), complex(1, -0.0), complex(imag=2))\n"
      "print((1+2j) ** 2, (1+2j) / (3-4j), 1+0j == 1, hash(1+0j) == hash(1), -(1j), bool(0j))\n"
      "print(format(1+2j), format(3j, '.2f'), format(1-0j, '+g'), format(2j, '>5'), format(1234.5+1j, ','))\n"
      "for bad in [lambda: complex('1+2'), lambda: 1j / 0, lambda: complex('1', 2), lambda: complex([]),\n"
      "            lambda: pow(1j, 2, 3), lambda: 0j ** -1]:\n"
      "    try:\n"
      "        bad()\n"
      "    except (ValueError, ZeroDivisionError, TypeError) as e:\n"
      "        print(type(e).__name__, e)\n",
      "(3+4j) 5.0 (1-2j) 2.0 (-2+1j) 0j\n"
      "(1.5-2.5j) -1j (1000+10j) (1-0j) 2j\n"
      "(-3+4j) (-0.2+0.4j) True True (-0-1j) False\n"
      "(1+2j) 0.00+3.00j +1+0j    2j (1,234.5+1j)\n"
      "ValueError complex() arg is a malformed string\n"
      "ZeroDivisionError division by zero\n"
      "TypeError complex() argument 'real' must be a real number, not str\n"
      "TypeError complex() argument must be a string or a number, not list\n"
      "ValueError complex modulo\n"
      "ZeroDivisionError zero to a negative or complex power\n");
}

TEST_CASE("slice objects, range and the int and float methods", "[format][slice][numbers]") {
  check_output(
      "s = slice(2, 8, 2)\n"
      "print(s, s.start, s.stop, s.step, s.indices(5), slice(None, None, -1).indices(4), slice(5))\n"
      "print(hash(s) == hash((2, 8, 2)), {s: 1}[slice(2, 8, 2)], slice(1, 2) < slice(1, 3), list(range(10))[s])\n"
      "print((5).real, (5).denominator, (255).bit_count(), (10).as_integer_ratio(), (0.5).as_integer_ratio())\n"
      "print((1024).to_bytes(2, 'big'), (-1).to_bytes(2, 'little', signed=True), int.from_bytes(b'\\xff\\xfe', 'big', signed=True))\n"
      "print((3.0).hex(), (0.1).hex(), float.fromhex('0x1.8p1'), float.fromhex('-0X1P-2'), (2.0).is_integer())\n"
      "print(list(reversed(range(2, 20, 3))), range(2, 20, 3).index(8))\n"
      "for bad in [lambda: (256).to_bytes(1), lambda: slice(1, 2).indices(-1), lambda: float.fromhex('0x')]:\n"
      "    try:\n"
      "        bad()\n"
      "    except (ValueError, OverflowError) as e:\n"
      "        print(type(e).__name__, e)\n",
      "slice(2, 8, 2) 2 8 2 (2, 5, 2) (3, -1, -1) slice(None, 5, None)\n"
      "False 1 True [2, 4, 6]\n"
      "5 1 8 (10, 1) (1, 2)\n"
      "b'\\x04\\x00' b'\\xff\\xff' -2\n"
      "0x1.8000000000000p+1 0x1.999999999999ap-4 3.0 -0.25 True\n"
      "[17, 14, 11, 8, 5, 2] 2\n"
      "OverflowError int too big to convert\n"
      "ValueError length should not be negative\n"
      "ValueError invalid hexadecimal floating-point string\n");
}

TEST_CASE("int's __trunc__, __floor__, __ceil__ and is_integer give the exact int", "[format][numbers]") {
  check_output(
      "class I(int):\n"
      "    pass\n"
      "print((7).__trunc__(), (-7).__floor__(), (2**70).__ceil__(), type(I(3).__trunc__()).__name__, True.__trunc__())\n"
      "print((5).is_integer(), int.__floor__(9), (3).conjugate())\n"
      "try:\n"
      "    (1).__ceil__(2)\n"
      "except TypeError as e:\n"
      "    print(e)\n",
      "7 -7 1180591620717411303424 int 1\n"
      "True 9 3\n"
      "int.__ceil__() takes no arguments (1 given)\n");
}

TEST_CASE("str, dict and set methods and operators of issue 18", "[format][methods]") {
  check_output(
      "print(repr('a\\tbc\\t\\td'.expandtabs()), repr('x\\ty'.expandtabs(3)), 'pre-x'.removeprefix('pre-'), 'a.txt'.removesuffix('.txt'))\n"
      "t = str.maketrans('ab', 'xy', 'c')\n"
      "print(t, 'abcabc'.translate(t), 'hello'.translate({ord('l'): 'L', ord('o'): None}))\n"
      "d = dict.fromkeys('ab', 0)\n"
      "d |= {'c': 1}\n"
      "print(d, {'a': 1} | {'b': 2}, sorted(d.keys() & {'a', 'z'}), sorted(d.keys() - {'a'}), list(reversed(d)))\n"
      "s = {1, 2, 3}\n"
      "s.symmetric_difference_update({3, 4})\n"
      "print(sorted(s), {1} < {1, 2}, {1, 2} <= {1, 2}, frozenset({1}) == {1})\n",
      "'a       bc              d' 'x  y' x a\n"
      "{97: 120, 98: 121, 99: None} xyxy heLL\n"
      "{'a': 0, 'b': 0, 'c': 1} {'a': 1, 'b': 2} ['a'] ['b', 'c'] ['c', 'b', 'a']\n"
      "[1, 2, 4] True True True\n");
}

TEST_CASE("eval, exec, compile, globals, locals, vars and dir", "[format][builtins]") {
  check_output(
      "x = 10\n"
      "print(eval('x * 2 + 1'), eval('a + b', {'a': 1, 'b': 2}), eval('  [i*i for i in range(3)]'))\n"
      "ns = {}\n"
      "exec('def sq(n):\\n    return n * n\\ny = sq(7)', ns)\n"
      "print(ns['y'], sorted(k for k in ns if k != '__builtins__'))\n"
      "def f(a, b=2):\n"
      "    c = a + b\n"
      "    return sorted(locals().items())\n"
      "print(f(1), globals()['x'], eval(compile('n + 1', '<e>', 'eval'), {'n': 1}))\n"
      "class W:\n"
      "    kind = 'w'\n"
      "    def __init__(self):\n"
      "        self.size = 3\n"
      "w = W()\n"
      "print(vars(w), [n for n in dir(w) if not n.startswith('_')])\n"
      "try:\n"
      "    eval('1 +')\n"
      "except SyntaxError as e:\n"
      "    print('SyntaxError:', e.msg)\n",
      "21 3 [0, 1, 4]\n"
      "49 ['sq', 'y']\n"
      "[('a', 1), ('b', 2), ('c', 3)] 10 2\n"
      "{'size': 3} ['kind', 'size']\n"
      "SyntaxError: invalid syntax\n");
}

TEST_CASE("bytes % converts as CPython", "[format][percent][bytes]") {
  check_output(
      "print(b'%s|%5s|%-5s|%.2s' % (b'ab', b'cd', b'ef', b'ghi'), b'%.3d %+05d %#x %c%c' % (5, 3, 255, 65, b'B'))\n"
      "print(b'%r %a %b %%' % (b'x', 'é', bytearray(b'z')), b'%(k)s' % {b'k': b'v'}, bytearray(b'%d') % 7)\n",
      "b'ab|   cd|ef   |gh' b'005 +0003 0xff AB'\n"
      "b\"b'x' '\\\\xe9' z %\" b'v' bytearray(b'7')\n");
  check_uncaught({
      {"b'%x' % 1.5", "TypeError: %x format: an integer is required, not float"},
      {"b'%f' % 'x'", "TypeError: float argument required, not str"},
      {"b'%s' % 'str'", "TypeError: %b requires a bytes-like object, or an object that implements __bytes__, not 'str'"},
      {"b'%c' % b'ab'", "TypeError: %c requires an integer in range(256) or a single byte, not a bytes object of length 2"},
      {"b'%c' % 256", "OverflowError: %c arg not in range(256)"},
  });
}

TEST_CASE("dict views, ranges and int() of bytes", "[format][methods]") {
  check_output(
      "d = {'a': 1, 'b': 2}\n"
      "print(type(d.keys()).__name__, type(d.values()).__name__, type(d.items()).__name__)\n"
      "print(d.keys() == {'a', 'b'}, d.items() == {('a', 1), ('b', 2)}, d.keys() <= {'a', 'b', 'c'}, {'a'} < d.keys())\n"
      "print(d.keys().isdisjoint({'z'}), hash(range(3)) == hash(range(0, 3, 1)), range(10)[::3], range(10)[::-1])\n"
      "print(int(b'12'), int(b'ff', 16), int(bytearray(b' -7 ')))\n",
      "dict_keys dict_values dict_items\n"
      "True True True True\n"
      "True True range(0, 10, 3) range(9, -1, -1)\n"
      "12 255 -7\n");
  check_uncaught({
      {"int(b'x')", "ValueError: invalid literal for int() with base 10: b'x'"},
      {"[1].count()", "TypeError: list.count() takes exactly one argument (0 given)"},
      {"{}.get()", "TypeError: get expected at least 1 argument, got 0"},
      {"[].copy(1)", "TypeError: list.copy() takes no arguments (1 given)"},
      {"isinstance(1)", "TypeError: isinstance expected 2 arguments, got 1"},
      {"'x'.removeprefix()", "TypeError: str.removeprefix() takes exactly one argument (0 given)"},
      {"aiter(1)", "TypeError: 'int' object is not an async iterable"},
      {"anext(1)", "TypeError: 'int' object is not an async iterator"},
      {"breakpoint()", "NotImplementedError: breakpoint() is unavailable: gopy has no debugger"},
  });
}

TEST_CASE("compile() in 'single' mode echoes expression statements", "[builtins]") {
  ChildResult r = run_text(
      "exec(compile('1 + 1', '<s>', 'single'))\n"
      "exec(compile('x = 5', '<s>', 'single')); print(x)\n"
      "exec(compile('for i in range(2): i\\n', '<s>', 'single'))\n"
      "try:\n"
      "    compile('x = 1\\ny = 2\\n', '<s>', 'single')\n"
      "except SyntaxError as e:\n"
      "    print(e.msg, e.lineno, e.offset)\n"
      "try:\n"
      "    compile('1', '<s>', 'bogus')\n"
      "except ValueError as e:\n"
      "    print(e)\n");
  CHECK(r.err == "");
  CHECK(r.out ==
        "2\n5\n0\n1\n"
        "multiple statements found while compiling a single statement 1 6\n"
        "compile() mode must be 'exec', 'eval' or 'single'\n");
}

TEST_CASE("__import__, module dir() and the remaining built-in exception types", "[builtins]") {
  ChildResult r = run_text(
      "m = __import__('math'); print(m.sqrt(4))\n"
      "print(__import__('importlib', fromlist=['x']).__name__)\n"
      "for bad in [(1,), ('',), ('math', None, None, (), -1)]:\n"
      "    try: __import__(*bad)\n"
      "    except (TypeError, ValueError) as e: print(type(e).__name__, e)\n"
      "import sys\n"
      "print('__eq__' in dir(sys), 'path' in dir(sys))\n"
      "for name in ['FloatingPointError', 'SystemError', 'UnicodeTranslateError', 'PythonFinalizationError']:\n"
      "    t = getattr(__builtins__, name); print(name, t.__mro__[1].__name__)\n"
      "e = UnicodeTranslateError('abc\\u20ac', 3, 4, 'no')\n"
      "print(e, e.object, e.start, e.end, e.reason, e.encoding)\n"
      "print(UnicodeTranslateError('abcd', 1, 3, 'bad'))\n");
  CHECK(r.err == "");
  CHECK(r.out ==
        "2.0\nimportlib\nTypeError module name must be a string\nValueError Empty module name\n"
        "ValueError level must be >= 0\nFalse True\nFloatingPointError ArithmeticError\n"
        "SystemError Exception\nUnicodeTranslateError UnicodeError\nPythonFinalizationError RuntimeError\n"
        "can't translate character '\\u20ac' in position 3: no abc\u20ac 3 4 no None\n"
        "can't translate characters in position 1-2: bad\n");
}

// CPython: Objects/moduleobject.c _Py_module_getattro_impl: a module's type attributes, a
// subclass's methods and properties, then the module's own __getattr__ (PEP 562).
TEST_CASE("module attributes: the type's, a subclass's and the module's __getattr__", "[builtins]") {
  ChildResult r = run_text(
      "import sys, types\n"
      "print(sys.__class__.__name__, callable(sys.__dir__))\n"
      "class M(types.ModuleType):\n"
      "    def hello(self): return 'hi ' + self.__name__\n"
      "    @property\n"
      "    def p(self): return 42\n"
      "m = M('x')\n"
      "m.p2 = 1\n"
      "print(m.hello(), m.p, m.p2)\n"
      "lazy = types.ModuleType('lazy')\n"
      "def module_getattr(name):\n"
      "    if name == 'answer': return 42\n"
      "    raise AttributeError(f'no {name} here')\n"
      "lazy.__getattr__ = module_getattr\n"
      "sys.modules['lazy'] = lazy\n"
      "from lazy import answer\n"
      "print(answer, lazy.answer, getattr(lazy, 'other', 'default'))\n"
      "try: lazy.other\n"
      "except AttributeError as e: print(e)\n"
      "try: m.missing\n"
      "except AttributeError as e: print(e)\n");
  CHECK(r.err == "");
  CHECK(r.out ==
        "module True\nhi x 42 1\n42 42 default\nno other here\nmodule 'x' has no attribute 'missing'\n");
}

// CPython: Objects/object.c PyObject_GetOptionalAttr: hasattr and getattr with a default
// make no AttributeError for a plain miss, and still see a getter's AttributeError, a
// getter's other errors, __getattr__ hooks and a module's __getattr__.
TEST_CASE("hasattr and getattr with a default over every kind of lookup", "[builtins]") {
  ChildResult r = run_text(
      "import types\n"
      "class A:\n"
      "    @property\n"
      "    def bad(self): raise AttributeError('inner')\n"
      "    @property\n"
      "    def boom(self): raise KeyError('k')\n"
      "class H:\n"
      "    def __getattr__(self, n): return 'hooked ' + n\n"
      "def f(): pass\n"
      "f.tag = 1\n"
      "m = types.ModuleType('m')\n"
      "m.__getattr__ = lambda n: (_ for _ in ()).throw(AttributeError(n)) if n != 'yes' else 'lazy'\n"
      "print(hasattr(A(), 'bad'), getattr(A(), 'bad', 'dflt'), hasattr(A, 'nope'), hasattr(A, 'bad'))\n"
      "try: hasattr(A(), 'boom')\n"
      "except KeyError as e: print('KeyError', e)\n"
      "print(getattr(H(), 'x', None), hasattr(f, 'tag'), hasattr(f, '__wrapped__'), getattr(f, 'nope', 3))\n"
      "print(getattr(m, 'yes', None), getattr(m, 'no', 'dflt'), hasattr(types, 'nope'), hasattr(types, 'ModuleType'))\n"
      "try: A().nope\n"
      "except AttributeError as e: print(e, e.name, type(e.obj).__name__)\n"
      "try: f.nope\n"
      "except AttributeError as e: print(e)\n");
  CHECK(r.err == "");
  CHECK(r.out ==
      "False dflt False True\n"
      "KeyError 'k'\n"
      "hooked x True False 3\n"
      "lazy dflt False True\n"
      "'A' object has no attribute 'nope' nope A\n"
      "'function' object has no attribute 'nope'\n");
}

// CPython: Python/bltinmodule.c builtin_anext_impl, Objects/iterobject.c anextawaitable:
// anext() and aiter() over native asynchronous generators and classes, with and without a
// default, and their type errors.
TEST_CASE("anext with a default, and aiter over asynchronous generators", "[builtins]") {
  ChildResult r = run_text(
      "async def agen():\n"
      "    yield 1\n"
      "    yield 2\n"
      "\n"
      "class Counter:\n"
      "    def __init__(self): self.n = 0\n"
      "    def __aiter__(self): return self\n"
      "    async def __anext__(self):\n"
      "        self.n += 1\n"
      "        if self.n > 2: raise StopAsyncIteration\n"
      "        return self.n\n"
      "\n"
      "class Bad:\n"
      "    def __aiter__(self): return self\n"
      "    async def __anext__(self):\n"
      "        raise ValueError('boom')\n"
      "\n"
      "async def main():\n"
      "    g = agen()\n"
      "    print(await anext(g, 'd'), await anext(g), await anext(g, 'done'), await anext(g, 'again'))\n"
      "    c = aiter(Counter())\n"
      "    print(await anext(c, 0), await anext(c, 0), await anext(c, 'end'))\n"
      "    aw = anext(aiter(agen()), None)\n"
      "    print(type(aw).__name__)\n"
      "    print(await aw)\n"
      "    try:\n"
      "        await anext(Bad(), 1)\n"
      "    except ValueError as e:\n"
      "        print('ValueError', e)\n"
      "    try:\n"
      "        await anext(agen())\n"
      "        await anext(g)\n"
      "    except StopAsyncIteration:\n"
      "        print('StopAsyncIteration')\n"
      "    for bad in (1, [], 'x'):\n"
      "        try: anext(bad, 1)\n"
      "        except TypeError as e: print(e)\n"
      "        try: aiter(bad)\n"
      "        except TypeError as e: print(e)\n"
      "    print(aiter(g) is g)\n"
      "\n"
      "c = main()\n"
      "try:\n"
      "    c.send(None)\n"
      "except StopIteration:\n"
      "    pass\n");
  CHECK(r.err == "");
  CHECK(r.out ==
      "1 2 done again\n"
      "1 2 end\n"
      "anext_awaitable\n"
      "1\n"
      "ValueError boom\n"
      "StopAsyncIteration\n"
      "'int' object is not an async iterator\n"
      "'int' object is not an async iterable\n"
      "'list' object is not an async iterator\n"
      "'list' object is not an async iterable\n"
      "'str' object is not an async iterator\n"
      "'str' object is not an async iterable\n"
      "True\n");
}

// CPython: Objects/exceptions.c NameError_init and AttributeError_init (name=, obj=), and
// the module and class attribute errors carrying both, so that the printer suggests.
TEST_CASE("NameError and AttributeError take name and obj; module attribute errors suggest", "[builtins]") {
  ChildResult r = run_text(
      "import collections\n"
      "for make in [lambda: AttributeError('x'), lambda: AttributeError('x', name='n', obj=3), lambda: NameError('y'), lambda: NameError('y', name='q'), lambda: UnboundLocalError('z')]:\n"
      "    e = make()\n"
      "    print(repr(e), e.name, getattr(e, 'obj', 'no obj'), e.args)\n"
      "for bad in [lambda: AttributeError('x', nme=1), lambda: NameError('x', obj=1), lambda: KeyError('k', name=1)]:\n"
      "    try: bad()\n"
      "    except TypeError as e: print(e)\n"
      "class K:\n"
      "    value = 1\n"
      "for expr in [\"collections.Countr\", \"K.valeu\", \"K().valeu\"]:\n"
      "    try:\n"
      "        eval(expr)\n"
      "    except AttributeError as e:\n"
      "        print(repr(e), e.name, type(e.obj).__name__)\n"
      "try:\n"
      "    undefined_thing\n"
      "except NameError as e:\n"
      "    print(e.name)\n");
  CHECK(r.err == "");
  CHECK(r.out ==
      "AttributeError('x') None None ('x',)\n"
      "AttributeError('x') n 3 ('x',)\n"
      "NameError('y') None no obj ('y',)\n"
      "NameError('y') q no obj ('y',)\n"
      "UnboundLocalError('z') None no obj ('z',)\n"
      "AttributeError() got an unexpected keyword argument 'nme'. Did you mean 'name'?\n"
      "NameError() got an unexpected keyword argument 'obj'\n"
      "KeyError() takes no keyword arguments\n"
      "AttributeError(\"module 'collections' has no attribute 'Countr'\") Countr module\n"
      "AttributeError(\"type object 'K' has no attribute 'valeu'\") valeu type\n"
      "AttributeError(\"'K' object has no attribute 'valeu'\") valeu K\n"
      "undefined_thing\n");
  r = run_text("import collections\ncollections.Countr\n");
  CHECK(r.err.ends_with("AttributeError: module 'collections' has no attribute 'Countr'. Did you mean: 'Counter'?\n"));
}

// CPython: Python/sysmodule.c: getdefaultencoding, float_repr_style, the switch interval,
// the (absent) trace and profile hooks, is_finalizing and getrefcount, with the
// argument-error texts that name them as sys.X().
TEST_CASE("sys: encoding, switch interval, hooks and reference counts", "[builtins][sys]") {
  ChildResult r = run_text(
      "import sys\n"
      "print(sys.getdefaultencoding(), sys.float_repr_style, sys.getswitchinterval(), sys.gettrace(), sys.getprofile(), sys.is_finalizing())\n"
      "sys.setswitchinterval(0.01); print(sys.getswitchinterval()); sys.settrace(None); sys.setprofile(None)\n"
      "for bad in [0, -1.0, 'x']:\n"
      "    try: sys.setswitchinterval(bad)\n"
      "    except (ValueError, TypeError) as e: print(type(e).__name__, e)\n"
      "x = object(); print(sys.getrefcount(x) >= 1)\n"
      "try: sys.gettrace(1)\n"
      "except TypeError as e: print(e)\n");
  CHECK(r.err == "");
  CHECK(r.out ==
      "utf-8 short 0.005 None None False\n"
      "0.01\n"
      "ValueError switch interval must be strictly positive\n"
      "ValueError switch interval must be strictly positive\n"
      "TypeError must be real number, not str\n"
      "True\n"
      "sys.gettrace() takes no arguments (1 given)\n");
  r = run_text("import sys\nsys.settrace(print)\n");
  CHECK(r.err.ends_with("NotImplementedError: sys.settrace(): gopy has no trace or profile events\n"));
}

// CPython: Objects/exceptions.c SyntaxError_str (the base name of the file and the line),
// while the traceback's last line shows the bare message (Lib/traceback.py
// _format_syntax_error).
TEST_CASE("str() of a SyntaxError names its file and line; the traceback does not", "[builtins]") {
  ChildResult r = run_text(
      "for make in [lambda: SyntaxError(), lambda: SyntaxError('m'), lambda: SyntaxError('m', (None, 2, 1, 'x')), lambda: SyntaxError('m', ('a/b.py', None, 1, 'x')), lambda: SyntaxError('m', ('f.py', 3, 1, 'x')), lambda: IndentationError('bad', ('/x/y/z.py', 7, 2, 'x'))]:\n"
      "    print(repr(str(make())))\n"
      "try: compile('x = (', '/a/b/f.py', 'exec')\n"
      "except SyntaxError as e: print(str(e))\n"
      "try: eval('object().x = 1')\n"
      "except SyntaxError as e: print(e)\n"
      "import traceback\n"
      "try: exec('def f(:\\n pass')\n"
      "except SyntaxError as e: print(''.join(traceback.format_exception_only(e)), end='')\n");
  CHECK(r.err == "");
  CHECK(r.out ==
      "'None'\n"
      "'m'\n"
      "'m (line 2)'\n"
      "'m (b.py)'\n"
      "'m (f.py, line 3)'\n"
      "'bad (z.py, line 7)'\n"
      "'(' was never closed (f.py, line 1)\n"
      "invalid syntax (<string>, line 1)\n"
      "  File \"<string>\", line 1\n"
      "    def f(:\n"
      "          ^\n"
      "SyntaxError: invalid syntax\n");
  r = run_text("exec('1 +* 2')\n");
  CHECK(r.err.ends_with("SyntaxError: invalid syntax\n"));
}

// `async for` and aiter() accept an __aiter__ that returns an asynchronous generator
// (its __anext__ is not in its type's dict): one check, is_async_iterator, serves both.
TEST_CASE("async for over an __aiter__ that returns an asynchronous generator", "[builtins]") {
  ChildResult r = run_text(
      "class C:\n"
      "    def __aiter__(self): return self.gen()\n"
      "    async def gen(self):\n"
      "        yield 1\n"
      "        yield 2\n"
      "async def main():\n"
      "    async for x in C(): print(x)\n"
      "    it = aiter(C())\n"
      "    print(type(it).__name__, await anext(it), await anext(it), await anext(it, 'end'))\n"
      "c = main()\n"
      "try: c.send(None)\n"
      "except StopIteration: pass\n");
  CHECK(r.err == "");
  CHECK(r.out ==
      "1\n"
      "2\n"
      "async_generator 1 2 end\n");
}
