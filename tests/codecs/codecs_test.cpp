// Expected outputs recorded from CPython 3.13 running the same programs.
#include <catch2/catch.hpp>

#include "run_python.hpp"

TEST_CASE("codecs: round trips and CodecInfo names", "[codecs]") {
  ChildResult r = run_program_text(R"(import codecs
samples = {"utf-8": "aé€😀", "utf-8-sig": "aé€😀", "utf-16": "aé€😀", "utf-16-le": "aé€😀", "utf-16-be": "aé€😀",
           "utf-32": "aé€😀", "utf-32-le": "aé€😀", "utf-32-be": "aé€😀", "ascii": "abc~", "latin-1": "aé\xff",
           "cp1252": "aé€Ÿ"}
for enc, text in samples.items():
    data = text.encode(enc)
    back = data.decode(enc)
    print(enc, codecs.lookup(enc).name, data.hex(), back == text, bytearray(data).decode(enc) == text)
)");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == R"(utf-8 utf-8 61c3a9e282acf09f9880 True True
utf-8-sig utf-8-sig efbbbf61c3a9e282acf09f9880 True True
utf-16 utf-16 fffe6100e900ac203dd800de True True
utf-16-le utf-16-le 6100e900ac203dd800de True True
utf-16-be utf-16-be 006100e920acd83dde00 True True
utf-32 utf-32 fffe000061000000e9000000ac20000000f60100 True True
utf-32-le utf-32-le 61000000e9000000ac20000000f60100 True True
utf-32-be utf-32-be 00000061000000e9000020ac0001f600 True True
ascii ascii 6162637e True True
latin-1 iso8859-1 61e9ff True True
cp1252 cp1252 61e9809f True True
)");
}
TEST_CASE("codecs: error handlers and exception texts", "[codecs]") {
  ChildResult r = run_program_text(R"(text = "aé€😀\udcff"
for enc in ["ascii", "latin-1", "cp1252", "utf-8", "utf-16-le", "utf-32-be"]:
    for errors in ["ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogateescape", "surrogatepass"]:
        try:
            print(enc, errors, text.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError:", e)
data = b"a\xff\xe9\x80\xed\xa0\x80"
for enc in ["ascii", "latin-1", "cp1252", "utf-8"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape", "surrogatepass"]:
        try:
            print(enc, errors, ascii(data.decode(enc, errors)))
        except UnicodeDecodeError as e:
            print(enc, errors, "UnicodeDecodeError:", e)
for data, enc in [(b"\xff", "utf-8"), (b"\xe2\x82", "utf-8"), (b"\xc3(", "utf-8"), (b"\x00\xd8", "utf-16-le"),
                  (b"\x00\xdc", "utf-16-le"), (b"A", "utf-16-be"), (b"\x00\x00\x11\x00", "utf-32-le"),
                  (b"\x00\xd8\x00\x00", "utf-32-le"), (b"\x81", "cp1252"), (b"\x80", "ascii")]:
    try:
        data.decode(enc)
    except UnicodeDecodeError as e:
        print(type(e).__name__, e, e.start, e.end, e.reason, e.encoding, e.object)
for text, enc in [("é", "ascii"), ("é€", "ascii"), ("€", "latin-1"), ("\u0100", "cp1252"), ("\ud800", "utf-8"), ("\ud800", "utf-16")]:
    try:
        text.encode(enc)
    except UnicodeEncodeError as e:
        print(type(e).__name__, e, e.start, e.end, e.reason)
for call in [lambda: "a".encode("bogus"), lambda: b"a".decode("bogus"), lambda: b"\xff".decode("utf-8", "bogus"), lambda: b"\xff".decode("utf-8", "namereplace")]:
    try:
        call()
    except Exception as e:
        print(type(e).__name__, e)
print(b"\xef\xbb\xbfx".decode("utf-8-sig"), b"\xfe\xff\x00x".decode("utf-16"), b"x\x00".decode("utf-16"), str(b"caf\xc3\xa9", "utf-8"), str(b"\xff", "ascii", "replace"))
)");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == R"(ascii ignore b'a'
ascii replace b'a????'
ascii backslashreplace b'a\\xe9\\u20ac\\U0001f600\\udcff'
ascii xmlcharrefreplace b'a&#233;&#8364;&#128512;&#56575;'
ascii namereplace b'a\\N{LATIN SMALL LETTER E WITH ACUTE}\\N{EURO SIGN}\\N{GRINNING FACE}\\udcff'
ascii surrogateescape UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-4: ordinal not in range(128)
ascii surrogatepass UnicodeEncodeError: 'ascii' codec can't encode characters in position 1-4: ordinal not in range(128)
latin-1 ignore b'a\xe9'
latin-1 replace b'a\xe9???'
latin-1 backslashreplace b'a\xe9\\u20ac\\U0001f600\\udcff'
latin-1 xmlcharrefreplace b'a\xe9&#8364;&#128512;&#56575;'
latin-1 namereplace b'a\xe9\\N{EURO SIGN}\\N{GRINNING FACE}\\udcff'
latin-1 surrogateescape UnicodeEncodeError: 'latin-1' codec can't encode characters in position 2-4: ordinal not in range(256)
latin-1 surrogatepass UnicodeEncodeError: 'latin-1' codec can't encode characters in position 2-4: ordinal not in range(256)
cp1252 ignore b'a\xe9\x80'
cp1252 replace b'a\xe9\x80??'
cp1252 backslashreplace b'a\xe9\x80\\U0001f600\\udcff'
cp1252 xmlcharrefreplace b'a\xe9\x80&#128512;&#56575;'
cp1252 namereplace b'a\xe9\x80\\N{GRINNING FACE}\\udcff'
cp1252 surrogateescape UnicodeEncodeError: 'charmap' codec can't encode characters in position 3-4: character maps to <undefined>
cp1252 surrogatepass UnicodeEncodeError: 'charmap' codec can't encode characters in position 3-4: character maps to <undefined>
utf-8 ignore b'a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80'
utf-8 replace b'a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80?'
utf-8 backslashreplace b'a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\\udcff'
utf-8 xmlcharrefreplace b'a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80&#56575;'
utf-8 namereplace b'a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\\udcff'
utf-8 surrogateescape b'a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xff'
utf-8 surrogatepass b'a\xc3\xa9\xe2\x82\xac\xf0\x9f\x98\x80\xed\xb3\xbf'
utf-16-le ignore b'a\x00\xe9\x00\xac =\xd8\x00\xde'
utf-16-le replace b'a\x00\xe9\x00\xac =\xd8\x00\xde?\x00'
utf-16-le backslashreplace b'a\x00\xe9\x00\xac =\xd8\x00\xde\\\x00u\x00d\x00c\x00f\x00f\x00'
utf-16-le xmlcharrefreplace b'a\x00\xe9\x00\xac =\xd8\x00\xde&\x00#\x005\x006\x005\x007\x005\x00;\x00'
utf-16-le namereplace b'a\x00\xe9\x00\xac =\xd8\x00\xde\\\x00u\x00d\x00c\x00f\x00f\x00'
utf-16-le surrogateescape UnicodeEncodeError: 'utf-16-le' codec can't encode character '\udcff' in position 4: surrogates not allowed
utf-16-le surrogatepass b'a\x00\xe9\x00\xac =\xd8\x00\xde\xff\xdc'
utf-32-be ignore b'\x00\x00\x00a\x00\x00\x00\xe9\x00\x00 \xac\x00\x01\xf6\x00'
utf-32-be replace b'\x00\x00\x00a\x00\x00\x00\xe9\x00\x00 \xac\x00\x01\xf6\x00\x00\x00\x00?'
utf-32-be backslashreplace b'\x00\x00\x00a\x00\x00\x00\xe9\x00\x00 \xac\x00\x01\xf6\x00\x00\x00\x00\\\x00\x00\x00u\x00\x00\x00d\x00\x00\x00c\x00\x00\x00f\x00\x00\x00f'
utf-32-be xmlcharrefreplace b'\x00\x00\x00a\x00\x00\x00\xe9\x00\x00 \xac\x00\x01\xf6\x00\x00\x00\x00&\x00\x00\x00#\x00\x00\x005\x00\x00\x006\x00\x00\x005\x00\x00\x007\x00\x00\x005\x00\x00\x00;'
utf-32-be namereplace b'\x00\x00\x00a\x00\x00\x00\xe9\x00\x00 \xac\x00\x01\xf6\x00\x00\x00\x00\\\x00\x00\x00u\x00\x00\x00d\x00\x00\x00c\x00\x00\x00f\x00\x00\x00f'
utf-32-be surrogateescape UnicodeEncodeError: 'utf-32-be' codec can't encode character '\udcff' in position 4: surrogates not allowed
utf-32-be surrogatepass b'\x00\x00\x00a\x00\x00\x00\xe9\x00\x00 \xac\x00\x01\xf6\x00\x00\x00\xdc\xff'
ascii strict UnicodeDecodeError: 'ascii' codec can't decode byte 0xff in position 1: ordinal not in range(128)
ascii ignore 'a'
ascii replace 'a\ufffd\ufffd\ufffd\ufffd\ufffd\ufffd'
ascii backslashreplace 'a\\xff\\xe9\\x80\\xed\\xa0\\x80'
ascii surrogateescape 'a\udcff\udce9\udc80\udced\udca0\udc80'
ascii surrogatepass UnicodeDecodeError: 'ascii' codec can't decode byte 0xff in position 1: ordinal not in range(128)
latin-1 strict 'a\xff\xe9\x80\xed\xa0\x80'
latin-1 ignore 'a\xff\xe9\x80\xed\xa0\x80'
latin-1 replace 'a\xff\xe9\x80\xed\xa0\x80'
latin-1 backslashreplace 'a\xff\xe9\x80\xed\xa0\x80'
latin-1 surrogateescape 'a\xff\xe9\x80\xed\xa0\x80'
latin-1 surrogatepass 'a\xff\xe9\x80\xed\xa0\x80'
cp1252 strict 'a\xff\xe9\u20ac\xed\xa0\u20ac'
cp1252 ignore 'a\xff\xe9\u20ac\xed\xa0\u20ac'
cp1252 replace 'a\xff\xe9\u20ac\xed\xa0\u20ac'
cp1252 backslashreplace 'a\xff\xe9\u20ac\xed\xa0\u20ac'
cp1252 surrogateescape 'a\xff\xe9\u20ac\xed\xa0\u20ac'
cp1252 surrogatepass 'a\xff\xe9\u20ac\xed\xa0\u20ac'
utf-8 strict UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte
utf-8 ignore 'a'
utf-8 replace 'a\ufffd\ufffd\ufffd\ufffd\ufffd'
utf-8 backslashreplace 'a\\xff\\xe9\\x80\\xed\\xa0\\x80'
utf-8 surrogateescape 'a\udcff\udce9\udc80\udced\udca0\udc80'
utf-8 surrogatepass UnicodeDecodeError: 'utf-8' codec can't decode byte 0xff in position 1: invalid start byte
UnicodeDecodeError 'utf-8' codec can't decode byte 0xff in position 0: invalid start byte 0 1 invalid start byte utf-8 b'\xff'
UnicodeDecodeError 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data 0 2 unexpected end of data utf-8 b'\xe2\x82'
UnicodeDecodeError 'utf-8' codec can't decode byte 0xc3 in position 0: invalid continuation byte 0 1 invalid continuation byte utf-8 b'\xc3('
UnicodeDecodeError 'utf-16-le' codec can't decode bytes in position 0-1: unexpected end of data 0 2 unexpected end of data utf-16-le b'\x00\xd8'
UnicodeDecodeError 'utf-16-le' codec can't decode bytes in position 0-1: illegal encoding 0 2 illegal encoding utf-16-le b'\x00\xdc'
UnicodeDecodeError 'utf-16-be' codec can't decode byte 0x41 in position 0: truncated data 0 1 truncated data utf-16-be b'A'
UnicodeDecodeError 'utf-32-le' codec can't decode bytes in position 0-3: code point not in range(0x110000) 0 4 code point not in range(0x110000) utf-32-le b'\x00\x00\x11\x00'
UnicodeDecodeError 'utf-32-le' codec can't decode bytes in position 0-3: code point in surrogate code point range(0xd800, 0xe000) 0 4 code point in surrogate code point range(0xd800, 0xe000) utf-32-le b'\x00\xd8\x00\x00'
UnicodeDecodeError 'charmap' codec can't decode byte 0x81 in position 0: character maps to <undefined> 0 1 character maps to <undefined> charmap b'\x81'
UnicodeDecodeError 'ascii' codec can't decode byte 0x80 in position 0: ordinal not in range(128) 0 1 ordinal not in range(128) ascii b'\x80'
UnicodeEncodeError 'ascii' codec can't encode character '\xe9' in position 0: ordinal not in range(128) 0 1 ordinal not in range(128)
UnicodeEncodeError 'ascii' codec can't encode characters in position 0-1: ordinal not in range(128) 0 2 ordinal not in range(128)
UnicodeEncodeError 'latin-1' codec can't encode character '\u20ac' in position 0: ordinal not in range(256) 0 1 ordinal not in range(256)
UnicodeEncodeError 'charmap' codec can't encode character '\u0100' in position 0: character maps to <undefined> 0 1 character maps to <undefined>
UnicodeEncodeError 'utf-8' codec can't encode character '\ud800' in position 0: surrogates not allowed 0 1 surrogates not allowed
UnicodeEncodeError 'utf-16' codec can't encode character '\ud800' in position 0: surrogates not allowed 0 1 surrogates not allowed
LookupError unknown encoding: bogus
LookupError unknown encoding: bogus
LookupError unknown error handler name 'bogus'
TypeError don't know how to handle UnicodeDecodeError in error callback
x x x café �
)");
}
TEST_CASE("codecs module: lookup, registry, incremental coders", "[codecs]") {
  ChildResult r = run_program_text(R"(import codecs
info = codecs.lookup("Latin_1")
print(info.name, info.encode("é"), info.decode(b"\xe9"), codecs.lookup("UTF8").name, codecs.lookup("windows-1252").name)
print(codecs.encode("é", "utf-16-be"), codecs.decode(b"\xe9", "latin-1"), codecs.encode("x"), codecs.decode(b"y"))
def handler(exc):
    return (f"<{exc.start}-{exc.end}>", exc.end)
codecs.register_error("mark", handler)
print("aé€b".encode("ascii", "mark"), b"a\xff\xfeb".decode("utf-8", "mark"), codecs.lookup_error("mark") is handler)
print(codecs.lookup_error("strict"), codecs.lookup_error("replace")(UnicodeEncodeError("ascii", "é", 0, 1, "x")))
try:
    codecs.lookup("nope")
except LookupError as e:
    print("LookupError:", e)
try:
    codecs.lookup_error("nope")
except LookupError as e:
    print("LookupError:", e)
d = codecs.getincrementaldecoder("utf-8")()
print(ascii(d.decode(b"a\xe2")), ascii(d.decode(b"\x82")), ascii(d.decode(b"\xac", final=True)))
d = codecs.getincrementaldecoder("utf-16")()
print(ascii(d.decode(b"\xff")), ascii(d.decode(b"\xfea")), ascii(d.decode(b"\x00")))
e = codecs.getincrementalencoder("utf-16")()
print(e.encode("a"), e.encode("b"), e.encode("", final=True))
d = codecs.getincrementaldecoder("ascii")("replace")
print(ascii(d.decode(b"a\xffb")))
try:
    codecs.getincrementaldecoder("utf-8")().decode(b"\xe2\x82", final=True)
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print(codecs.BOM_UTF8, codecs.BOM_UTF16_BE)
)");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == R"(iso8859-1 (b'\xe9', 1) ('é', 1) utf-8 cp1252
b'\x00\xe9' é b'x' y
b'a<1-3>b' a<1-2><2-3>b True
<built-in function strict_errors> ('?', 1)
LookupError: unknown encoding: nope
LookupError: unknown error handler name 'nope'
'a' '' '\u20ac'
'' '' 'a'
b'\xff\xfea\x00' b'b\x00' b''
'a\ufffdb'
UnicodeDecodeError: 'utf-8' codec can't decode bytes in position 0-1: unexpected end of data
b'\xef\xbb\xbf' b'\xfe\xff'
)");
}
TEST_CASE("codecs from ICU's converters: code pages, CJK, UTF-7", "[codecs]") {
  ChildResult r = run_program_text(R"(import codecs
for enc, text in [("cp1251", "Привет"), ("koi8-r", "Привет"), ("cp437", "é½░"), ("iso8859-15", "€œ"), ("latin9", "Ÿ"),
                  ("mac-roman", "é∂"), ("cp850", "ÆØ"), ("shift_jis", "日本語"), ("euc_jp", "日本"), ("gbk", "中文"),
                  ("big5", "中文"), ("euc-kr", "한국"), ("utf-7", "a€+")]:
    data = text.encode(enc)
    print(enc, codecs.lookup(enc).name, data.hex(), data.decode(enc) == text)
for enc, data in [("cp1255", b"\xd9"), ("shift_jis", b"\xff"), ("iso8859-15", b"\xa4")]:
    try:
        print(ascii(data.decode(enc)))
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
for enc, text in [("cp1251", "é"), ("koi8-r", "€x"), ("shift_jis", "é")]:
    try:
        text.encode(enc)
    except UnicodeEncodeError as e:
        print("UnicodeEncodeError:", e)
print("aé".encode("cp1251", "replace"), b"a\xd9".decode("cp1255", "replace"), "日é".encode("shift_jis", "xmlcharrefreplace"))
)");
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == R"(cp1251 cp1251 cff0e8e2e5f2 True
koi8-r koi8-r f0d2c9d7c5d4 True
cp437 cp437 82abb0 True
iso8859-15 iso8859-15 a4bd True
latin9 iso8859-15 be True
mac-roman mac-roman 8eb6 True
cp850 cp850 929d True
shift_jis shift_jis 93fa967b8cea True
euc_jp euc_jp c6fccbdc True
gbk gbk d6d0cec4 True
big5 big5 a4a4a4e5 True
euc-kr euc_kr c7d1b1b9 True
utf-7 utf-7 612b494b77414b772d True
UnicodeDecodeError: 'charmap' codec can't decode byte 0xd9 in position 0: character maps to <undefined>
UnicodeDecodeError: 'shift_jis' codec can't decode byte 0xff in position 0: illegal multibyte sequence
'\u20ac'
UnicodeEncodeError: 'charmap' codec can't encode character '\xe9' in position 0: character maps to <undefined>
UnicodeEncodeError: 'charmap' codec can't encode character '\u20ac' in position 0: character maps to <undefined>
UnicodeEncodeError: 'shift_jis' codec can't encode character '\xe9' in position 0: illegal multibyte sequence
b'a?' a� b'\x93\xfa&#233;'
)");
}
