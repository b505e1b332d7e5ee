// io and open() through the real gopy executable. Expected outputs recorded from
// CPython 3.13 running the same programs (in a fresh directory each).
#include <catch2/catch.hpp>

#include "run_python.hpp"

TEST_CASE("io: open() in every mode: types, mode and name attributes, the ABCs, io constants", "[io]") {
  ChildResult r = run_program_text(R"PY(import io
f = open("a.txt", "w")
print(type(f).__name__, f.mode, f.name, f.readable(), f.writable(), f.seekable(), f.encoding, f.closed)
print(f.write("one\n"), f.write("two\n"))
f.close()
print(f.closed, open("a.txt").read() == "one\ntwo\n")
f = open("a.txt", "a")
f.write("three\n")
print(f.tell())
f.close()
print(repr(open("a.txt").read()))
f = open("a.txt", "r+")
print(f.mode, f.readable(), f.writable(), repr(f.readline()))
f.close()
f = open("a.txt", "w+")
f.write("fresh")
f.seek(0)
print(repr(f.read()))
f.close()
f = open("a.txt", "a+")
f.write("!")
f.seek(0)
print(repr(f.read()))
f.close()
f = open("b.bin", "xb")
print(type(f).__name__, f.mode, f.write(b"\x00\x01\x02\xff"))
f.close()
try:
    open("b.bin", "x")
except FileExistsError as e:
    print("FileExistsError:", e)
f = open("b.bin", "rb")
print(type(f).__name__, f.mode, f.read(1), f.read(2), f.tell(), f.read(), f.read())
f.close()
f = open("b.bin", "ab")
print(type(f).__name__, f.mode, f.tell())
f.write(b"\xfe")
f.close()
f = open("b.bin", "rb+")
print(type(f).__name__, f.mode, f.read(2))
f.write(b"ZZ")
f.seek(0)
print(f.read())
f.close()
raw = open("b.bin", "rb", buffering=0)
print(type(raw).__name__, raw.mode, raw.read(3), raw.readall())
raw.close()
print(open("b.bin", "rt").buffer.raw.mode, open("a.txt", "x+" if False else "r").buffer.raw.mode)
f = open("a.txt")
print(isinstance(f, io.TextIOBase), isinstance(f, io.IOBase), isinstance(f.buffer, io.BufferedIOBase),
      isinstance(f.buffer.raw, io.RawIOBase), isinstance(f.buffer.raw, io.FileIO), isinstance(f, io.RawIOBase))
print(isinstance(io.StringIO(), io.TextIOBase), isinstance(io.BytesIO(), io.BufferedIOBase))
print(io.open is open or io.open("a.txt").read() == f.read())
print(io.SEEK_SET, io.SEEK_CUR, io.SEEK_END, io.DEFAULT_BUFFER_SIZE, issubclass(io.UnsupportedOperation, OSError))
f.close()
)PY");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == R"PY(TextIOWrapper w a.txt False True True UTF-8 False
4 4
True True
14
'one\ntwo\nthree\n'
r+ True True 'one\n'
'fresh'
'fresh!'
BufferedWriter xb 4
FileExistsError: [Errno 17] File exists: 'b.bin'
BufferedReader rb b'\x00' b'\x01\x02' 3 b'\xff' b''
BufferedWriter ab 4
BufferedRandom rb+ b'\x00\x01'
b'\x00\x01ZZ\xfe'
FileIO rb b'\x00\x01Z' b'Z\xfe'
rb rb
True True True True True False
True True
True
0 1 2 8192 True
)PY");
}

TEST_CASE("io: errors: a closed file, a wrong mode, a bad encoding, missing files", "[io]") {
  ChildResult r = run_program_text(R"PY(import io
def attempt(label, fn):
    try:
        r = fn()
        print(label, "ok", repr(r))
    except Exception as e:
        print(label, type(e).__module__ if type(e).__module__ == "io" else "", type(e).__name__ + ":", e)
f = open("t.txt", "w")
f.write("data\n")
f.close()
attempt("write closed", lambda: f.write("x"))
attempt("flush closed", lambda: f.flush())
attempt("close twice", lambda: f.close())
r = open("t.txt")
attempt("write r", lambda: r.write("x"))
r.close()
for op in ["read", "readline", "tell", "readlines", "fileno"]:
    attempt(op + " closed", getattr(r, op))
attempt("iter closed", lambda: next(iter(r)))
attempt("seek closed", lambda: r.seek(0))
w = open("t.txt", "a")
attempt("read w", lambda: w.read())
attempt("readline w", lambda: w.readline())
w.close()
b = open("t.txt", "rb")
attempt("write rb", lambda: b.write(b"x"))
b.close()
attempt("read rb closed", lambda: b.read())
wb = open("t.txt", "ab")
attempt("read ab", lambda: wb.read())
wb.close()
for mode in ["rw", "q", "rr", "rbt", "b", "+", "ra", "xw", "U"]:
    attempt("mode " + mode, lambda: open("t.txt", mode))
attempt("enc", lambda: open("t.txt", encoding="no-such-codec"))
attempt("enc w", lambda: open("t2.txt", "w", encoding="bogus"))
attempt("t2 exists", lambda: open("t2.txt").read())
attempt("binary enc", lambda: open("t.txt", "rb", encoding="utf-8"))
attempt("binary errors", lambda: open("t.txt", "rb", errors="strict"))
attempt("binary newline", lambda: open("t.txt", "rb", newline=""))
attempt("unbuffered text", lambda: open("t.txt", "r", buffering=0))
attempt("newline", lambda: open("t.txt", newline="x"))
attempt("missing", lambda: open("no/such/file.txt"))
attempt("missing r", lambda: open("missing.txt"))

attempt("dir", lambda: open("."))
attempt("invalid file", lambda: open(3.5))
try:
    open("t.txt").write("x")
except io.UnsupportedOperation as e:
    print("caught as io.UnsupportedOperation", isinstance(e, OSError), e.args)
f = open("t.txt", encoding="latin-1")
print(f.encoding, repr(f.read()))
f.close()
f = open("t.txt", "w", encoding="ascii")
attempt("encode error", lambda: f.write("é"))
f.close()
f = open("t.txt", "wb")
f.write(b"caf\xe9")
f.close()
attempt("decode error", lambda: open("t.txt", encoding="utf-8").read())
print(repr(open("t.txt", encoding="utf-8", errors="replace").read()))
print(repr(open("t.txt", encoding="utf-8", errors="surrogateescape").read()))
)PY");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == R"PY(write closed  ValueError: I/O operation on closed file.
flush closed  ValueError: I/O operation on closed file.
close twice ok None
write r io UnsupportedOperation: not writable
read closed  ValueError: I/O operation on closed file.
readline closed  ValueError: I/O operation on closed file.
tell closed  ValueError: I/O operation on closed file.
readlines closed  ValueError: I/O operation on closed file.
fileno closed  ValueError: I/O operation on closed file
iter closed  ValueError: I/O operation on closed file.
seek closed  ValueError: I/O operation on closed file.
read w io UnsupportedOperation: not readable
readline w io UnsupportedOperation: not readable
write rb io UnsupportedOperation: write
read rb closed  ValueError: read of closed file
read ab io UnsupportedOperation: read
mode rw  ValueError: must have exactly one of create/read/write/append mode
mode q  ValueError: invalid mode: 'q'
mode rr  ValueError: invalid mode: 'rr'
mode rbt  ValueError: can't have text and binary mode at once
mode b  ValueError: Must have exactly one of create/read/write/append mode and at most one plus
mode +  ValueError: Must have exactly one of create/read/write/append mode and at most one plus
mode ra  ValueError: must have exactly one of create/read/write/append mode
mode xw  ValueError: must have exactly one of create/read/write/append mode
mode U  ValueError: invalid mode: 'U'
enc  LookupError: unknown encoding: no-such-codec
enc w  LookupError: unknown encoding: bogus
t2 exists ok ''
binary enc  ValueError: binary mode doesn't take an encoding argument
binary errors  ValueError: binary mode doesn't take an errors argument
binary newline  ValueError: binary mode doesn't take a newline argument
unbuffered text  ValueError: can't have unbuffered text I/O
newline  ValueError: illegal newline value: x
missing  FileNotFoundError: [Errno 2] No such file or directory: 'no/such/file.txt'
missing r  FileNotFoundError: [Errno 2] No such file or directory: 'missing.txt'
dir  IsADirectoryError: [Errno 21] Is a directory: '.'
invalid file  TypeError: expected str, bytes or os.PathLike object, not float
caught as io.UnsupportedOperation True ('not writable',)
latin-1 'data\n'
encode error  UnicodeEncodeError: 'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128)
decode error  UnicodeDecodeError: 'utf-8' codec can't decode byte 0xe9 in position 3: unexpected end of data
'caf�'
'caf\udce9'
)PY");
}

TEST_CASE("io: newline translation on reading (None, '', \n, \r, \r\n) and writing", "[io]") {
  ChildResult r = run_program_text(R"PY(data = b"unix\nwindows\r\nmac\rend\r"
f = open("nl.bin", "wb")
f.write(data)
f.close()
for nl in [None, "", "\n", "\r", "\r\n"]:
    f = open("nl.bin", newline=nl)
    print(repr(nl), f.readlines())
    f.close()
    f = open("nl.bin", newline=nl)
    print(repr(nl), repr(f.read()))
    f.close()
    f = open("nl.bin", newline=nl)
    print(repr(nl), [f.read(3) for _ in range(9)])
    f.close()
for nl in [None, "", "\n", "\r", "\r\n"]:
    f = open("out.txt", "w", newline=nl)
    f.write("a\nb\r\nc\rd")
    f.writelines(["e\n", "f"])
    f.close()
    f = open("out.txt", "rb")
    print(repr(nl), f.read())
    f.close()
# a \r\n pair cut by the decoder's chunk boundary is still one line end
f = open("big.txt", "wb")
f.write(b"x" * 8191 + b"\r\nnext\r\n")
f.close()
f = open("big.txt")
lines = f.readlines()
print(len(lines), len(lines[0]), repr(lines[0][-2:]), repr(lines[1]))
f.close()
)PY");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == R"PY(None ['unix\n', 'windows\n', 'mac\n', 'end\n']
None 'unix\nwindows\nmac\nend\n'
None ['uni', 'x\nw', 'ind', 'ows', '\nma', 'c\ne', 'nd\n', '', '']
'' ['unix\n', 'windows\r\n', 'mac\r', 'end\r']
'' 'unix\nwindows\r\nmac\rend\r'
'' ['uni', 'x\nw', 'ind', 'ows', '\r\nm', 'ac\r', 'end', '\r', '']
'\n' ['unix\n', 'windows\r\n', 'mac\rend\r']
'\n' 'unix\nwindows\r\nmac\rend\r'
'\n' ['uni', 'x\nw', 'ind', 'ows', '\r\nm', 'ac\r', 'end', '\r', '']
'\r' ['unix\nwindows\r', '\nmac\r', 'end\r']
'\r' 'unix\nwindows\r\nmac\rend\r'
'\r' ['uni', 'x\nw', 'ind', 'ows', '\r\nm', 'ac\r', 'end', '\r', '']
'\r\n' ['unix\nwindows\r\n', 'mac\rend\r']
'\r\n' 'unix\nwindows\r\nmac\rend\r'
'\r\n' ['uni', 'x\nw', 'ind', 'ows', '\r\nm', 'ac\r', 'end', '\r', '']
None b'a\nb\r\nc\rde\nf'
'' b'a\nb\r\nc\rde\nf'
'\n' b'a\nb\r\nc\rde\nf'
'\r' b'a\rb\r\rc\rde\rf'
'\r\n' b'a\r\nb\r\r\nc\rde\r\nf'
2 8192 'x\n' 'next\n'
)PY");
}

TEST_CASE("io: buffering: held until flush, line buffering, unbuffered binary, reconfigure", "[io]") {
  ChildResult r = run_program_text(R"PY(def on_disk(name):
    r = open(name, "rb")
    data = r.read()
    r.close()
    return data
w = open("b.txt", "w")
w.write("held\n")
print(w.line_buffering, w.write_through, on_disk("b.txt"))
w.flush()
print(on_disk("b.txt"))
w.close()
w = open("b.txt", "w", buffering=1)
w.write("no newline yet")
print(w.line_buffering, on_disk("b.txt"))
w.write(" - now\n")
print(on_disk("b.txt"))
w.close()
w = open("b.bin", "wb", buffering=0)
print(type(w).__name__, w.write(b"raw"), on_disk("b.bin"))
w.close()
w = open("b.bin", "wb", buffering=4)
w.write(b"ab")
print(on_disk("b.bin"))
w.write(b"cde")
print(on_disk("b.bin"))
w.close()
print(on_disk("b.bin"))
w = open("b.txt", "w")
w.write("x")
w.reconfigure(line_buffering=True)
print(w.line_buffering, on_disk("b.txt"))
w.write("y\n")
print(on_disk("b.txt"))
w.reconfigure(encoding="latin-1", newline="\r\n", write_through=True)
print(w.encoding, w.errors, w.write_through)
w.write("é\n")
w.close()
print(on_disk("b.txt"))
r = open("b.txt", encoding="utf-8")
r.reconfigure(encoding="latin-1", errors="replace")
print(r.encoding, r.errors, repr(r.read()))
r.close()
r = open("b.txt", encoding="latin-1")
r.read(1)
try:
    r.reconfigure(newline="")
except Exception as e:
    print(type(e).__name__ + ":", e)
r.close()
w = open("late.txt", "w")
w.write("flushed at close")
w.close()
print(on_disk("late.txt"))
)PY");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == R"PY(False False b''
b'held\n'
True b''
b'no newline yet - now\n'
FileIO 3 b'raw'
b''
b'ab'
b'abcde'
True b'x'
b'xy\n'
latin-1 strict True
b'xy\n\xe9\r\n'
latin-1 replace 'xy\né\n'
UnsupportedOperation: It is not possible to set the encoding or newline of stream after the first read
b'flushed at close'
)PY");
}

TEST_CASE("io: seek and tell on text and binary files, truncate, BufferedRandom", "[io]") {
  ChildResult r = run_program_text(R"PY(f = open("s.txt", "w", encoding="utf-8")
f.write("héllo\nwörld €\n😀 end\n")
print(f.tell())
f.close()
f = open("s.txt", encoding="utf-8")
print(f.tell(), repr(f.read(2)), f.tell())
pos = f.tell()
print(repr(f.readline()), f.tell())
line2 = f.tell()
print(repr(f.readline()), f.tell())
f.seek(pos)
print(repr(f.read()), f.tell())
f.seek(line2)
print(repr(f.read(1)), f.tell(), f.seek(0, 1))
print(f.seek(0, 2), repr(f.read()), f.tell())
print(f.seek(0), repr(f.readline()))
for args in [(1, 1), (-1, 2), (0, 3), (-5,)]:
    try:
        f.seek(*args)
    except Exception as e:
        print(type(e).__name__ + ":", e)
f.close()
f = open("l.txt", "w", encoding="latin-1")
f.write("café\r\nx")
f.close()
f = open("l.txt", encoding="latin-1")
print(repr(f.read(4)), f.tell(), repr(f.readline()), f.tell())
f.close()
f = open("s.txt", "r+", encoding="utf-8")
f.seek(7)
f.write("W")
f.seek(0)
print(repr(f.read()))
print(f.truncate(5), f.tell())
f.seek(0)
print(repr(f.read()))
f.close()
b = open("s.txt", "rb+")
print(type(b).__name__, b.seek(2), b.read(2), b.tell(), b.seek(-1, 1), b.seek(-2, 2), b.read())
b.write(b"XY")
print(b.tell(), b.seek(0), b.read(), b.truncate(3), b.tell())
b.seek(0)
print(b.read())
b.close()
)PY");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == R"PY(27
0 'hé' 3
'llo\n' 7
'wörld €\n' 18
'llo\nwörld €\n😀 end\n' 27
'w' 8 8
27 '' 27
0 'héllo\n'
UnsupportedOperation: can't do nonzero cur-relative seeks
UnsupportedOperation: can't do nonzero end-relative seeks
ValueError: invalid whence (3, should be 0, 1 or 2)
ValueError: negative seek position -5
'café' 4 '\n' 6
'héllo\nWörld €\n😀 end\n'
5 27
'héll'
BufferedRandom 2 b'\xa9l' 4 3 3 b'll'
7 0 b'h\xc3\xa9llXY' 3 7
b'h\xc3\xa9'
)PY");
}

TEST_CASE("io: StringIO and BytesIO", "[io]") {
  ChildResult r = run_program_text(R"PY(import io
s = io.StringIO()
print(s.write("alpha\n"), s.tell())
print("beta", file=s)
s.writelines(["gamma\n", "δelta"])
print(repr(s.getvalue()), s.tell(), s.readable(), s.writable(), s.seekable(), s.closed)
print(s.seek(0), repr(s.readline()), repr(s.read(3)), s.tell(), s.readlines())
s.seek(2)
s.write("XYZ")
print(repr(s.getvalue()), s.tell())
s.seek(40)
s.write("!")
print(repr(s.getvalue()[-4:]), len(s.getvalue()))
print(s.truncate(5), repr(s.getvalue()), s.tell())
try:
    s.seek(1, 1)
except OSError as e:
    print(type(e).__name__ + ":", e)
s.close()
try:
    s.getvalue()
except ValueError as e:
    print("ValueError:", e)
src = io.StringIO("x,1\ny,2\nz,3")
print([line.rstrip().split(",") for line in src], src.read() == "")
print(repr(io.StringIO("a\r\nb\rc", newline=None).getvalue()), repr(io.StringIO("a\r\nb").getvalue()))
t = io.StringIO(newline=None)
t.write("1\r\n2\r3\n")
print(repr(t.getvalue()))
b = io.BytesIO(b"binary\x00data\nline2\n")
print(b.read(6), b.tell(), b.readline(), b.readlines(), b.read())
print(b.getvalue(), len(b.getvalue()))
print(b.seek(-3, 2), b.read(), b.seek(2), b.write(b"NA"), b.getvalue()[:8])
print(b.seek(30), b.write(b"!"), b.getvalue()[-3:], len(b.getvalue()))
print(b.truncate(4), b.getvalue(), b.tell())
try:
    b.write("text")
except TypeError as e:
    print("TypeError:", e)
try:
    b.seek(-1)
except ValueError as e:
    print("ValueError:", e)
b.close()
print(b.closed)
try:
    b.read()
except ValueError as e:
    print("ValueError:", e)
print(list(io.BytesIO(b"a\nb\nc")))
)PY");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == R"PY(6 6
'alpha\nbeta\ngamma\nδelta' 22 True True True False
0 'alpha\n' 'bet' 9 ['a\n', 'gamma\n', 'δelta']
'alXYZ\nbeta\ngamma\nδelta' 5
'\x00\x00\x00!' 41
5 'alXYZ' 41
OSError: Can't do nonzero cur-relative seeks
ValueError: I/O operation on closed file
[['x', '1'], ['y', '2'], ['z', '3']] True
'a\nb\nc' 'a\r\nb'
'1\n2\n3\n'
b'binary' 6 b'\x00data\n' [b'line2\n'] b''
b'binary\x00data\nline2\n' 18
15 b'e2\n' 2 2 b'biNAry\x00d'
30 1 b'\x00\x00!' 31
4 b'biNA' 31
TypeError: a bytes-like object is required, not 'str'
ValueError: negative seek value -1
True
ValueError: I/O operation on closed file.
[b'a\n', b'b\n', b'c']
)PY");
}

TEST_CASE("io: the standard streams are text streams", "[io]") {
  ChildResult r = run_program_text(R"PY(import io, sys
print(isinstance(sys.stdout, io.TextIOBase), isinstance(sys.stdin, io.IOBase), isinstance(sys.stderr, io.RawIOBase))
print(sys.stdout.writable(), sys.stdin.readable(), sys.stdout.readable(), sys.stdin.writable())
sys.stdout.writelines(["a\n", "b\n"])
print(sys.stdin.readlines())
)PY", {}, "x\ny\n");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "True True False\nTrue True False False\na\nb\n['x\\n', 'y\\n']\n");
}

TEST_CASE("io: a descriptor, the layers built by hand, readline limits, peek and read1", "[io]") {
  ChildResult r = run_program_text(R"PY(import io
out = open(1, "w", closefd=False)
print(out.name, out.mode, out.buffer.raw.closefd, flush=True)
out.write("via fd 1\n")
out.flush()
out.close()
f = open("m.txt", "w")
f.write("line one\nline two\nthree")
f.close()
raw = io.FileIO("m.txt")
buf = io.BufferedReader(raw)
t = io.TextIOWrapper(buf, encoding="utf-8")
print(repr(t.readline(4)), repr(t.readline()), repr(t.read(0)), t.readlines(), t.encoding)
t.close()
print(raw.closed, buf.closed, t.closed)
f = open("m.txt")
print(repr(f.readline(-1)), f.readlines(3))
f.close()
f = open("m.txt", "rb")
print(f.readline(), f.peek(3)[:3], f.read1(4), list(f))
f.close()
f = open("m.txt", "r+")
print(repr(f.read(4)))
f.write("#")
f.seek(0)
print(repr(f.read()))
f.close()
w = io.FileIO("m2.txt", "w")
print(w.mode, w.write(b"abc"), w.tell(), w.seekable(), w.readable())
w.close()
try:
    io.FileIO("m2.txt", "rw")
except ValueError as e:
    print("ValueError:", e)
print(repr(io.StringIO("abc").read(-1)), io.BytesIO(b"abc").read(None))
)PY");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == R"PY(1 w False
via fd 1
'line' ' one\n' '' ['line two\n', 'three'] utf-8
True True True
'line one\n' ['line two\n']
b'line one\n' b'lin' b'line' [b' two\n', b'three']
'line'
'line one\nline two\nthree#'
wb 3 3 True False
ValueError: Must have exactly one of create/read/write/append mode and at most one plus
'abc' b'abc'
)PY");
}

TEST_CASE("io: the newlines attribute records the line ends decoded; io.open is open", "[io]") {
  ChildResult r = run_program_text(R"PY(import io
f = open("n.bin", "wb")
f.write(b"a\nb\r\nc\rd")
f.close()
for nl in [None, "", "\n"]:
    f = open("n.bin", newline=nl)
    seen = [f.newlines]
    for line in f:
        seen.append(f.newlines)
    print(repr(nl), seen)
    f.close()
print(io.open is open)
)PY");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == R"PY(None [None, ('\r', '\n', '\r\n'), ('\r', '\n', '\r\n'), ('\r', '\n', '\r\n'), ('\r', '\n', '\r\n')]
'' [None, ('\r', '\n', '\r\n'), ('\r', '\n', '\r\n'), ('\r', '\n', '\r\n'), ('\r', '\n', '\r\n')]
'\n' [None, None, None, None]
True
)PY");
}

TEST_CASE("io: open()'s opener is called with the name and the flags", "[io]") {
  ChildResult r = run_program_text(R"PY(seen = []
def opener(path, flags):
    seen.append((path, type(flags).__name__))
    return -1
try:
    open("o.txt", "w", opener=opener)
except ValueError as e:
    print("ValueError:", e, seen)
try:
    open("o.txt", "w", opener=lambda p, fl: "x")
except TypeError as e:
    print("TypeError:", e)
def failing(path, flags):
    raise KeyError(path)
try:
    open("o.txt", "w", opener=failing)
except KeyError as e:
    print("KeyError:", e)
)PY");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out == R"PY(ValueError: opener returned -1 [('o.txt', 'int')]
TypeError: expected integer from opener
KeyError: 'o.txt'
)PY");
}

TEST_CASE("io: __enter__ answers the open file, __exit__ closes it", "[io]") {
  ChildResult r = run_program_text(R"PY(f = open("e.txt", "w")
print(f.__enter__() is f)
f.__exit__(None, None, None)
print(f.closed)
try:
    f.__enter__()
except ValueError as e:
    print(e)
)PY");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == R"PY(True
True
I/O operation on closed file.
)PY");
}

TEST_CASE("io: open() takes an os.PathLike, io.text_encoding, a subclass of io.IOBase", "[io]") {
  ChildResult r = run_program_text(R"PY(import io
class P:
    def __init__(self, path):
        self.path = path
    def __fspath__(self):
        return self.path
with open(P("p.txt"), "w") as f:
    f.write("through __fspath__")
print(f.name, open(P(b"p.txt")).read())
class Bad:
    def __fspath__(self):
        return 3
for arg in (Bad(), 2.5):
    try:
        open(arg)
    except TypeError as e:
        print("TypeError:", e)
print(io.text_encoding(None), io.text_encoding("latin-1"), io.text_encoding(encoding=None, stacklevel=3))
class Stream(io.IOBase):
    pass
s = Stream()
print(type(s).__name__, s.closed, s.readable())
s.close()
print(s.closed)
)PY");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == R"PY(p.txt through __fspath__
TypeError: expected Bad.__fspath__() to return str or bytes, not int
TypeError: expected str, bytes or os.PathLike object, not float
locale latin-1 locale
Stream False False
True
)PY");
}
