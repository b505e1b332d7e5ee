"""Conversions between binary data and ASCII: hex, base64 and the CRCs over gopy's
native _binascii module; uuencode and quoted-printable here."""
import _binascii

__all__ = ['Error', 'Incomplete', 'a2b_base64', 'a2b_hex', 'a2b_qp', 'a2b_uu', 'b2a_base64',
           'b2a_hex', 'b2a_qp', 'b2a_uu', 'crc32', 'crc_hqx', 'hexlify', 'unhexlify']


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


_binascii.Error = Error
crc32 = _binascii.crc32
crc_hqx = _binascii.crc_hqx
unhexlify = _binascii.unhexlify


# CPython's a2b_hex and b2a_hex are functions of their own names, not aliases.
def a2b_hex(hexstr, /):
    """Binary data of hexadecimal representation.

hexstr must contain an even number of hex digits (upper or lower case)."""
    return _binascii.unhexlify(hexstr)


def hexlify(data, sep=None, bytes_per_sep=1):
    """Hexadecimal representation of binary data; sep, if given, goes between every
    bytes_per_sep bytes (counted from the right, or from the left when negative)."""
    return _binascii.hexlify(data, sep, bytes_per_sep)


def b2a_hex(data, sep=None, bytes_per_sep=1):
    """Hexadecimal representation of binary data; sep, if given, goes between every
    bytes_per_sep bytes (counted from the right, or from the left when negative)."""
    return _binascii.hexlify(data, sep, bytes_per_sep)


def b2a_base64(data, /, *, newline=True):
    """Base64-code line of data, with a newline unless newline is false."""
    return _binascii.b2a_base64(data, newline)


def a2b_base64(data, /, *, strict_mode=False):
    """Decode a line of base64 data; strict_mode refuses what is not exact base64."""
    return _binascii.a2b_base64(data, strict_mode)


def _ascii_data(data):
    # What CPython's ascii_buffer converter accepts: an ASCII str or a bytes-like object.
    if isinstance(data, str):
        try:
            return data.encode('ascii')
        except UnicodeEncodeError:
            raise ValueError('string argument should contain only ASCII characters') from None
    try:
        return bytes(memoryview(data))
    except TypeError:
        raise TypeError('argument should be bytes, buffer or ASCII string, '
                        f'not {type(data).__name__!r}') from None


def _bytes_data(data):
    if isinstance(data, str):
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'")
    try:
        return bytes(memoryview(data))
    except TypeError:
        raise TypeError(f"a bytes-like object is required, not '{type(data).__name__}'") from None


# CPython: Modules/binascii.c binascii_a2b_uu_impl
def a2b_uu(data, /):
    """Decode a line of uuencoded data."""
    data = _ascii_data(data)
    if not data:
        raise Error('Missing length byte')
    size = (data[0] - 32) & 0o77
    out = bytearray()
    bits = acc = 0
    pos = 1
    while len(out) < size:
        ch = data[pos] if pos < len(data) else 0
        pos += 1
        if ch in (10, 13) or pos > len(data):
            ch = 0  # spaces eaten at the end of the line
        else:
            # 64 as well as 63: some encoders write '`' for zero
            if ch < 32 or ch > 96:
                raise Error('Illegal char')
            ch = (ch - 32) & 0o77
        acc = (acc << 6) | ch
        bits += 6
        if bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xff)
            acc &= (1 << bits) - 1
    for ch in data[pos:]:
        if ch not in (32, 96, 10, 13):
            raise Error('Trailing garbage')
    return bytes(out)


# CPython: Modules/binascii.c binascii_b2a_uu_impl
def b2a_uu(data, /, *, backtick=False):
    """Uuencode line of data."""
    data = _bytes_data(data)
    if len(data) > 45:
        raise Error('At most 45 bytes at once')
    out = bytearray(b'`' if backtick and not data else bytes([32 + len(data)]))
    padded = data + bytes(-len(data) % 3)
    for i in range(0, len(padded), 3):
        n = int.from_bytes(padded[i:i + 3])
        for shift in (18, 12, 6, 0):
            c = (n >> shift) & 0x3f
            out.append(96 if backtick and not c else c + 32)
    out.append(10)
    return bytes(out)


_HEXDIGITS = b'0123456789ABCDEFabcdef'


# CPython: Modules/binascii.c binascii_a2b_qp_impl
def a2b_qp(data, header=False):
    """Decode a string of qp-encoded data."""
    data = _ascii_data(data)
    out = bytearray()
    n = len(data)
    i = 0
    while i < n:
        c = data[i]
        if c == 61:  # '='
            i += 1
            if i >= n:
                break
            c = data[i]
            if c in (10, 13):  # soft line break
                if c != 10:
                    while i < n and data[i] != 10:
                        i += 1
                if i < n:
                    i += 1
            elif c == 61:
                out.append(61)
                i += 1
            elif i + 1 < n and c in _HEXDIGITS and data[i + 1] in _HEXDIGITS:
                out.append(int(data[i:i + 2], 16))
                i += 2
            else:
                out.append(61)
        elif header and c == 95:  # '_'
            out.append(32)
            i += 1
        else:
            out.append(c)
            i += 1
    return bytes(out)


# CPython: Modules/binascii.c binascii_b2a_qp_impl (76 columns at most)
def b2a_qp(data, quotetabs=False, istext=True, header=False):
    """Encode a string using quoted-printable encoding.

On encoding, when istext is set, newlines are not encoded, and white
space at end of lines is.  When istext is not set, \\r and \\n (CR/LF)
are both encoded.  When quotetabs is set, space and tabs are encoded."""
    data = _bytes_data(data)
    n = len(data)
    nl = data.find(b'\n')
    eol = b'\r\n' if nl > 0 and data[nl - 1] == 13 else b'\n'
    out = bytearray()
    linelen = 0
    i = 0
    while i < n:
        c = data[i]
        nxt = data[i + 1] if i + 1 < n else None
        if (c > 126 or c == 61 or (header and c == 95)
                or (c == 46 and linelen == 0 and nxt in (None, 10, 13, 0))
                or (not istext and c in (10, 13))
                or (c in (9, 32) and nxt is None)
                or (c < 33 and c not in (10, 13) and (quotetabs or c not in (9, 32)))):
            if linelen + 3 >= 76:
                out += b'=' + eol
                linelen = 0
            out += b'=%02X' % c
            i += 1
            linelen += 3
        elif istext and (c == 10 or (c == 13 and nxt == 10)):
            linelen = 0
            if out and out[-1] in (9, 32):  # whitespace ending a line is quoted
                out[-1:] = b'=%02X' % out[-1]
            out += eol
            i += 2 if c == 13 else 1
        else:
            if nxt is not None and nxt != 10 and linelen + 1 >= 76:
                out += b'=' + eol
                linelen = 0
            linelen += 1
            out.append(95 if header and c == 32 else c)
            i += 1
    return bytes(out)
