"""Base16, Base32, Base64 (RFC 4648), Base85 and Ascii85 data encodings."""
import binascii

__all__ = ['encode', 'decode', 'encodebytes', 'decodebytes', 'b64encode', 'b64decode',
           'b32encode', 'b32decode', 'b32hexencode', 'b32hexdecode', 'b16encode', 'b16decode',
           'b85encode', 'b85decode', 'a85encode', 'a85decode', 'z85encode', 'z85decode',
           'standard_b64encode', 'standard_b64decode', 'urlsafe_b64encode', 'urlsafe_b64decode']

bytes_types = (bytes, bytearray)


def _bytes_from_decode_data(s):
    # What the decoders take: bytes-like objects and ASCII str.
    if isinstance(s, str):
        if not s.isascii():
            raise ValueError('string argument should contain only ASCII characters')
        return s.encode('ascii')
    if isinstance(s, bytes_types):
        return s
    try:
        return memoryview(s).tobytes()
    except TypeError:
        raise TypeError('argument should be a bytes-like object or ASCII string, '
                        f'not {s.__class__.__name__!r}') from None


def _as_bytes(s):
    return s if isinstance(s, bytes_types) else memoryview(s).tobytes()


# ---- Base64 --------------------------------------------------------------------------

def b64encode(s, altchars=None):
    """Base64 of the bytes-like object s; altchars (2 bytes) replace '+' and '/'."""
    encoded = binascii.b2a_base64(s, newline=False)
    if altchars is None:
        return encoded
    assert len(altchars) == 2, repr(altchars)
    return encoded.translate(bytes.maketrans(b'+/', altchars))


def b64decode(s, altchars=None, validate=False):
    """Decode Base64 (bytes-like or ASCII str). Characters outside the alphabet are
    discarded unless validate is true, when they raise binascii.Error."""
    s = _bytes_from_decode_data(s)
    if altchars is not None:
        altchars = _bytes_from_decode_data(altchars)
        assert len(altchars) == 2, repr(altchars)
        s = s.translate(bytes.maketrans(altchars, b'+/'))
    return binascii.a2b_base64(s, strict_mode=validate)


def standard_b64encode(s):
    """Base64 with the standard alphabet."""
    return b64encode(s)


def standard_b64decode(s):
    """Decode Base64 written with the standard alphabet."""
    return b64decode(s)


_urlsafe_encode = bytes.maketrans(b'+/', b'-_')
_urlsafe_decode = bytes.maketrans(b'-_', b'+/')


def urlsafe_b64encode(s):
    """Base64 with the URL- and filesystem-safe alphabet ('-' and '_')."""
    return b64encode(s).translate(_urlsafe_encode)


def urlsafe_b64decode(s):
    """Decode Base64 written with the URL- and filesystem-safe alphabet."""
    return b64decode(_bytes_from_decode_data(s).translate(_urlsafe_decode))


# ---- Base32 --------------------------------------------------------------------------

_b32alphabet = b'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'
_b32hexalphabet = b'0123456789ABCDEFGHIJKLMNOPQRSTUV'
# Padding characters left by each remainder of 5-byte groups.
_b32_padding = {0: 0, 1: 6, 2: 4, 3: 3, 4: 1}
_b32_reverse = {}


def _b32encode(alphabet, s):
    s = _as_bytes(s)
    out = bytearray()
    for start in range(0, len(s), 5):
        group = s[start:start + 5]
        n = int.from_bytes(group.ljust(5, b'\0'))
        digits = bytes(alphabet[(n >> shift) & 31] for shift in range(35, -5, -5))
        pad = _b32_padding[len(group) % 5]
        out += digits[:8 - pad] + b'=' * pad
    return bytes(out)


def _b32decode(alphabet, s, casefold=False, map01=None):
    reverse = _b32_reverse.get(alphabet)
    if reverse is None:
        reverse = _b32_reverse[alphabet] = {c: i for i, c in enumerate(alphabet)}
    s = _bytes_from_decode_data(s)
    if len(s) % 8:
        raise binascii.Error('Incorrect padding')
    if map01 is not None:
        map01 = _bytes_from_decode_data(map01)
        assert len(map01) == 1, repr(map01)
        s = s.translate(bytes.maketrans(b'01', b'O' + map01))
    if casefold:
        s = s.upper()
    body = s.rstrip(b'=')
    pads = len(s) - len(body)
    out = bytearray()
    for start in range(0, len(body), 8):
        n = 0
        for c in body[start:start + 8]:
            digit = reverse.get(c)
            if digit is None:
                raise binascii.Error('Non-base32 digit found')
            n = (n << 5) | digit
        out += n.to_bytes(5)
    if pads not in (0, 1, 3, 4, 6):
        raise binascii.Error('Incorrect padding')
    if pads and out:
        n <<= 5 * pads
        keep = (43 - 5 * pads) // 8
        out[-5:] = n.to_bytes(5)[:keep]
    return bytes(out)


def b32encode(s):
    """Base32 of the bytes-like object s."""
    return _b32encode(_b32alphabet, s)


def b32decode(s, casefold=False, map01=None):
    """Decode Base32; casefold accepts lowercase, map01 maps '0' to 'O' and '1' to it."""
    return _b32decode(_b32alphabet, s, casefold, map01)


def b32hexencode(s):
    """Base32 with the extended hex alphabet (RFC 4648)."""
    return _b32encode(_b32hexalphabet, s)


def b32hexdecode(s, casefold=False):
    """Decode Base32 written with the extended hex alphabet."""
    return _b32decode(_b32hexalphabet, s, casefold)


# ---- Base16 --------------------------------------------------------------------------

def b16encode(s):
    """Base16 (uppercase hex) of the bytes-like object s."""
    return binascii.hexlify(s).upper()


def b16decode(s, casefold=False):
    """Decode Base16; casefold accepts lowercase digits."""
    s = _bytes_from_decode_data(s)
    if casefold:
        s = s.upper()
    if s.translate(None, delete=b'0123456789ABCDEF'):
        raise binascii.Error('Non-base16 digit found')
    return binascii.unhexlify(s)


# ---- Ascii85 and Base85 --------------------------------------------------------------

_A85START = b'<~'
_A85END = b'~>'
_b85alphabet = (b'0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'
                b'abcdefghijklmnopqrstuvwxyz!#$%&()*+-;<=>?@^_`{|}~')
_a85alphabet = bytes(range(33, 118))
_b85_reverse = None


def _85encode(b, alphabet, pad=False, foldnuls=False, foldspaces=False):
    b = _as_bytes(b)
    padding = -len(b) % 4
    b += b'\0' * padding
    out = []
    for start in range(0, len(b), 4):
        word = int.from_bytes(b[start:start + 4])
        if foldnuls and not word:
            out.append(b'z')
        elif foldspaces and word == 0x20202020:
            out.append(b'y')
        else:
            digits = bytearray(5)
            for i in range(4, -1, -1):
                word, digits[i] = divmod(word, 85)
            out.append(bytes(alphabet[d] for d in digits))
    if padding and not pad:
        if out[-1] == b'z':
            out[-1] = bytes((alphabet[0],)) * 5
        out[-1] = out[-1][:-padding]
    return b''.join(out)


def a85encode(b, *, foldspaces=False, wrapcol=0, pad=False, adobe=False):
    """Ascii85 of the bytes-like object b: foldspaces writes 'y' for four spaces, wrapcol
    breaks lines, pad keeps the padding, adobe frames with <~ and ~>."""
    result = _85encode(b, _a85alphabet, pad, True, foldspaces)
    if adobe:
        result = _A85START + result
    if wrapcol:
        wrapcol = max(2 if adobe else 1, wrapcol)
        lines = [result[i:i + wrapcol] for i in range(0, len(result), wrapcol)]
        if adobe and len(lines[-1]) + 2 > wrapcol:
            lines.append(b'')
        result = b'\n'.join(lines)
    if adobe:
        result += _A85END
    return result


def a85decode(b, *, foldspaces=False, adobe=False, ignorechars=b' \t\n\r\v'):
    """Decode Ascii85 (bytes-like or ASCII str)."""
    b = _bytes_from_decode_data(b)
    if adobe:
        if not b.endswith(_A85END):
            raise ValueError(f'Ascii85 encoded byte sequences must end with {_A85END!r}')
        b = b[2:-2] if b.startswith(_A85START) else b[:-2]
    out = bytearray()
    group = []
    for c in b + b'uuuu':
        if 33 <= c <= 117:
            group.append(c - 33)
            if len(group) == 5:
                n = 0
                for d in group:
                    n = n * 85 + d
                if n > 0xFFFFFFFF:
                    raise ValueError('Ascii85 overflow')
                out += n.to_bytes(4)
                group.clear()
        elif c == 122:  # z
            if group:
                raise ValueError('z inside Ascii85 5-tuple')
            out += b'\0\0\0\0'
        elif foldspaces and c == 121:  # y
            if group:
                raise ValueError('y inside Ascii85 5-tuple')
            out += b'    '
        elif c in ignorechars:
            continue
        else:
            raise ValueError('Non-Ascii85 digit found: %c' % c)
    padding = 4 - len(group)
    if padding:
        del out[-padding:]
    return bytes(out)


def b85encode(b, pad=False):
    """Base85 (as in git binary patches) of the bytes-like object b."""
    return _85encode(b, _b85alphabet, pad)


def b85decode(b):
    """Decode Base85 (bytes-like or ASCII str)."""
    global _b85_reverse
    if _b85_reverse is None:
        _b85_reverse = {c: i for i, c in enumerate(_b85alphabet)}
    b = _bytes_from_decode_data(b)
    padding = -len(b) % 5
    b += b'~' * padding
    out = bytearray()
    for start in range(0, len(b), 5):
        n = 0
        for j, c in enumerate(b[start:start + 5]):
            d = _b85_reverse.get(c)
            if d is None:
                raise ValueError('bad base85 character at position %d' % (start + j))
            n = n * 85 + d
        if n > 0xFFFFFFFF:
            raise ValueError('base85 overflow in hunk starting at byte %d' % start)
        out += n.to_bytes(4)
    if padding:
        del out[-padding:]
    return bytes(out)


_z85alphabet = (b'0123456789abcdefghijklmnopqrstuvwxyz'
                b'ABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#')
_z85_to_b85 = bytes.maketrans(_z85alphabet + b';_`|~', _b85alphabet + b'\0' * 5)
_b85_to_z85 = bytes.maketrans(_b85alphabet, _z85alphabet)


def z85encode(s):
    """Z85 (ZeroMQ's Base85) of the bytes-like object s."""
    return b85encode(s).translate(_b85_to_z85)


def z85decode(s):
    """Decode Z85 (bytes-like or ASCII str)."""
    s = _bytes_from_decode_data(s).translate(_z85_to_b85)
    try:
        return b85decode(s)
    except ValueError as e:
        raise ValueError(e.args[0].replace('base85', 'z85')) from None


# ---- Legacy interface: lines of base64 -----------------------------------------------

MAXLINESIZE = 76
MAXBINSIZE = (MAXLINESIZE // 4) * 3


def encode(input, output):
    """Encode the binary file input as lines of base64 into the binary file output."""
    while s := input.read(MAXBINSIZE):
        while len(s) < MAXBINSIZE and (more := input.read(MAXBINSIZE - len(s))):
            s += more
        output.write(binascii.b2a_base64(s))


def decode(input, output):
    """Decode the lines of base64 of the binary file input into the binary file output."""
    while line := input.readline():
        output.write(binascii.a2b_base64(line))


def _input_type_check(s):
    try:
        m = memoryview(s)
    except TypeError as err:
        raise TypeError(f'expected bytes-like object, not {s.__class__.__name__}') from err
    if m.format not in ('c', 'b', 'B'):
        raise TypeError(f'expected single byte elements, not {m.format!r} from '
                        f'{s.__class__.__name__}')
    if m.ndim != 1:
        raise TypeError(f'expected 1-D data, not {m.ndim}-D data from {s.__class__.__name__}')


def encodebytes(s):
    """Base64 of s in lines of at most 76 characters, each ending in a newline."""
    _input_type_check(s)
    return b''.join(binascii.b2a_base64(s[i:i + MAXBINSIZE])
                    for i in range(0, len(s), MAXBINSIZE))


def decodebytes(s):
    """Decode lines of base64."""
    _input_type_check(s)
    return binascii.a2b_base64(s)


def _short_options(args, letters):
    # getopt.getopt(args, letters) for flag options only: (options, operands), or
    # the message getopt's GetoptError carries.
    opts = []
    while args and args[0].startswith('-') and args[0] != '-':
        if args[0] == '--':
            args = args[1:]
            break
        if args[0].startswith('--'):
            name = args[0][2:].split('=', 1)[0]
            return None, f'option --{name} not recognized'
        for ch in args[0][1:]:
            if ch not in letters:
                return None, f'option -{ch} not recognized'
            opts.append(('-' + ch, ''))
        args = args[1:]
    return opts, args


# CPython: Lib/base64.py main (python -m base64 [-h|-d|-e|-u] [file|-])
def main():
    """Small main program"""
    import sys
    usage = f"""usage: {sys.argv[0]} [-h|-d|-e|-u] [file|-]
        -h: print this help message and exit
        -d, -u: decode
        -e: encode (default)"""
    opts, args = _short_options(sys.argv[1:], 'hdeu')
    if opts is None:
        sys.stdout = sys.stderr
        print(args)
        print(usage)
        sys.exit(2)
    func = encode
    for o, a in opts:
        if o == '-e': func = encode
        if o == '-d': func = decode
        if o == '-u': func = decode
        if o == '-h': print(usage); return
    if args and args[0] != '-':
        with open(args[0], 'rb') as f:
            func(f, sys.stdout.buffer)
    else:
        if sys.stdin.isatty():
            # a terminal's input is read at once, so that its end is seen
            import io
            buffer = io.BytesIO(sys.stdin.buffer.read())
        else:
            buffer = sys.stdin.buffer
        func(buffer, sys.stdout.buffer)


if __name__ == '__main__':
    main()
