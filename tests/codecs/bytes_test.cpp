// Expected outputs recorded from CPython 3.13 running the same programs.
#include <catch2/catch.hpp>

#include "run_python.hpp"

TEST_CASE("bytes and bytearray: literals, operators, methods, errors", "[bytes]") {
  ChildResult r = run_program_text(R"(b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:4], b[::-2], list(b"AB"), b"a" * 3 + b"b", 3 * b"x")
print(b"ab" == b"ab", b"ab" < b"b", b"ab" == bytearray(b"ab"), b"ab" != "ab", hash(b"ab") == hash("ab"), b"" or "empty")
print(b"lo" in b, 111 in b, 7 in b, b.find(b"o"), b.rfind(b"o"), b.find(b"o", 5), b.count(b"l"), b.count(108), b.index(b"w"))
print(b.startswith(b"he"), b.endswith((b"x", b"ld")), b.startswith(b"wo", 6), b.split(), b.split(b"o"), b.rsplit(b" ", 1), b"a,b,,c".split(b",", 2))
print(b"  x y \n".strip(), b"xxhixx".strip(b"x"), b"  a".lstrip(), b"a  ".rstrip(), b.upper(), b"MiXed".lower(), b"MiXed".swapcase(), b"hello there".title(), b"abc".capitalize())
print(b"-".join([b"a", bytearray(b"b"), memoryview(b"c")]), b.replace(b"o", b"0"), b.replace(b"l", b"L", 2), b.partition(b" "), b.rpartition(b"o"))
print(b"\x00\xff".hex(), b"abc".hex(":"), b"abcde".hex("-", 2), bytes.fromhex("41 42\t43"), bytearray.fromhex("ff00"), b"ab".fromhex("4a"))
print(bytes(3), bytes([65, 66]), bytes(range(3)), bytes("é", "utf-8"), bytes("é", encoding="latin-1"), bytes(bytearray(b"q")), bytes(memoryview(b"mv")))
print(b"caf\xc3\xa9".decode(), b"caf\xe9".decode("latin-1"), bytearray(b"\xc3\xa9").decode("utf-8"), b"abc".decode(encoding="ascii", errors="strict"))
print(repr(b"it's"), repr(b'say "hi"'), repr(b"both ' and \""), repr(b"\t\n\r\x7f\\"), repr(bytearray(b"'")), repr(bytearray()))
print(b"%s=%d %r %x %5s|%-4d|%c%c %% %.1f %05d" % (b"k", 5, b"q", 255, b"ab", 7, 65, b"z", 1.25, 42))
print(b"AbC1".isalpha(), b"123".isdigit(), b"ab12".isalnum(), b" \t".isspace(), b"abc".islower(), b"ABC".isupper(), b"ab".center(6, b"*"), b"ab".ljust(4, b"."), b"ab".rjust(4), b"-5".zfill(4))
ba = bytearray(b"abc")
ba.append(100)
ba[0] = 65
ba.extend(b"xy")
ba.extend([1, 2])
ba += b"!"
print(ba, len(ba), ba.pop(), ba.pop(0), ba)
ba[1:3] = b"ZZZ"
del ba[0]
ba.insert(0, 48)
ba.remove(90)
print(ba, ba[::2], ba * 2, bytes(ba))
del ba[::2]
ba.reverse()
print(ba, ba.copy(), ba == bytearray(ba), ba.decode("latin-1"))
ba.clear()
print(ba, bool(ba))
m = memoryview(b"abcdef")
print(len(m), m[0], m[-1], m[1:3].tobytes(), m.tobytes(), bytes(m[2:]), list(m[:2]), m.readonly, m.nbytes, m == b"abcdef")
m.release()
data = bytearray(b"xyz")
mv = memoryview(data)
mv[0] = 65
print(data, mv.tobytes(), mv.readonly)
key = "x"
def setitem(o):
    o[0] = 1
for call in [lambda: b"a"[5], lambda: bytearray(b"a")[5], lambda: b"a"[key], lambda: b"a" + "b", lambda: "a" in b"a",
             lambda: 300 in b"a", lambda: bytes("a"), lambda: bytes(-1), lambda: bytes([256]), lambda: bytearray([256]),
             lambda: bytearray(b"a").append(256), lambda: bytearray().pop(), lambda: b"a".index(b"z"),
             lambda: b"a".split(b""), lambda: bytes.fromhex("4g"), lambda: b"a".join(["a"]), lambda: m[0], lambda: data.append(1),
             lambda: setitem(memoryview(b"a")), lambda: memoryview("a"), lambda: b"a" < "a", lambda: hash(bytearray()),
             lambda: b"a".startswith("a")]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__ + ":", e)
mv.release()
data.append(33)
print(data, b"%b" % b"x" if False else "done")
print(b"a b  c ".split(None, 1), b" a b c ".rsplit(None, 1), b"  a b".split(maxsplit=0), b"a b  ".rsplit(maxsplit=0))
)");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == R"(b'hello world' 11 104 100 b'ell' b'drwolh' [65, 66] b'aaab' b'xxx'
True True True True True empty
True True False 4 7 7 3 3 6
True True True [b'hello', b'world'] [b'hell', b' w', b'rld'] [b'hello', b'world'] [b'a', b'b', b',c']
b'x y' b'hi' b'a' b'a' b'HELLO WORLD' b'mixed' b'mIxED' b'Hello There' b'Abc'
b'a-b-c' b'hell0 w0rld' b'heLLo world' (b'hello', b' ', b'world') (b'hello w', b'o', b'rld')
00ff 61:62:63 61-6263-6465 b'ABC' bytearray(b'\xff\x00') b'J'
b'\x00\x00\x00' b'AB' b'\x00\x01\x02' b'\xc3\xa9' b'\xe9' b'q' b'mv'
café café é abc
b"it's" b'say "hi"' b'both \' and "' b'\t\n\r\x7f\\' bytearray(b"\'") bytearray(b'')
b"k=5 b'q' ff    ab|7   |Az % 1.2 00042"
False True True True True True b'**ab**' b'ab..' b'  ab' b'-005'
bytearray(b'bcdxy\x01\x02') 9 33 65 bytearray(b'bcdxy\x01\x02')
bytearray(b'0ZZxy\x01\x02') bytearray(b'0Zy\x02') bytearray(b'0ZZxy\x01\x020ZZxy\x01\x02') b'0ZZxy\x01\x02'
bytearray(b'\x01xZ') bytearray(b'\x01xZ') True xZ
bytearray(b'') False
6 97 102 b'bc' b'abcdef' b'cdef' [97, 98] True 6 True
bytearray(b'Ayz') b'Ayz' False
IndexError: index out of range
IndexError: bytearray index out of range
TypeError: byte indices must be integers or slices, not str
TypeError: can't concat str to bytes
TypeError: a bytes-like object is required, not 'str'
ValueError: byte must be in range(0, 256)
TypeError: string argument without an encoding
ValueError: negative count
ValueError: bytes must be in range(0, 256)
ValueError: byte must be in range(0, 256)
ValueError: byte must be in range(0, 256)
IndexError: pop from empty bytearray
ValueError: subsection not found
ValueError: empty separator
ValueError: non-hexadecimal number found in fromhex() arg at position 1
TypeError: sequence item 0: expected a bytes-like object, str found
ValueError: operation forbidden on released memoryview object
BufferError: Existing exports of data: object cannot be re-sized
TypeError: cannot modify read-only memory
TypeError: memoryview: a bytes-like object is required, not 'str'
TypeError: '<' not supported between instances of 'bytes' and 'str'
TypeError: unhashable type: 'bytearray'
TypeError: startswith first arg must be bytes or a tuple of bytes, not str
bytearray(b'Ayz!') done
[b'a', b'b  c '] [b' a b', b'c'] [b'a b'] [b'a b']
)");
}

TEST_CASE("bytes literals: prefixes, escapes, concatenation", "[bytes]") {
  ChildResult r = run_program_text(R"(print(b'a\x41\101\n', rb'\x41\n', br"\d", Rb'x', b'''tri
ple''', b"con" b'cat', b'\
x', b"\q")
)");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == R"(b'aAA\n' b'\\x41\\n' b'\\d' b'x' b'tri\nple' b'concat' b'x' b'\\q'
)");
}

namespace {

ChildResult run_source(const std::string& source) {
  TempDir dir;
  return run_gopy({"-c", source}, dir.path());
}

bool ends_with(const std::string& text, const std::string& tail) {
  return text.size() >= tail.size() && text.compare(text.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

TEST_CASE("bytes literals: CPython's SyntaxErrors", "[bytes]") {
  ChildResult r = run_source("x = b\"caf\xc3\xa9\"");
  CHECK(r.exit_code == 1);
  CHECK(ends_with(r.err, "    x = b\"caf\xc3\xa9\"\n        ^^^^^^^\n"
                         "SyntaxError: bytes can only contain ASCII literal characters\n"));
  r = run_source("x = b\"\\x4\"");
  CHECK(r.exit_code == 1);
  CHECK(ends_with(r.err, "    x = b\"\\x4\"\n        ^^^^^^\nSyntaxError: (value error) invalid \\x escape at position 0\n"));
  r = run_source("x = b\"a\" \"b\"");
  CHECK(r.exit_code == 1);
  CHECK(ends_with(r.err, "SyntaxError: cannot mix bytes and nonbytes literals\n"));
  r = run_source("x = b'a' f'b'");
  CHECK(r.exit_code == 1);
  CHECK(ends_with(r.err, "SyntaxError: cannot mix bytes and nonbytes literals\n"));
}
