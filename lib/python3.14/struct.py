"""Conversion between Python values and C structs represented as bytes objects.

The format string's first character may give the byte order, size and alignment:
'@' native (the default), '=' native order with standard sizes, '<' little-endian,
'>' and '!' big-endian (network). Each format character may be preceded by a repeat
count: x pad byte, c char, b/B signed/unsigned char, ? bool, h/H short, i/I int, l/L long,
q/Q long long, n/N ssize_t/size_t (native only), e half float, f float, d double,
F/D float/double complex, s char[], p pascal string, P void* (native only).
"""
import _struct

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from', 'iter_unpack',
           'Struct', 'error']


class error(Exception):
    pass


_struct.error = error
calcsize = _struct.calcsize
pack = _struct.pack
pack_into = _struct.pack_into
unpack = _struct.unpack
_unpack_from = _struct.unpack_from
_unpack_all = _struct._unpack_all


def unpack_from(format, /, buffer, offset=0):
    """Unpack from buffer starting at position offset, according to format."""
    return _unpack_from(format, buffer, offset)


def iter_unpack(format, buffer):
    """An iterator over the tuples unpacked from buffer, calcsize(format) bytes each."""
    return iter(_unpack_all(format, buffer))


class Struct:
    """Struct(format): a compiled format, with its size and pack/unpack methods."""

    def __init__(self, format):
        if not isinstance(format, (str, bytes)):
            raise TypeError('Struct() argument 1 must be a str or bytes object, '
                            f'not {type(format).__name__}')
        self.size = calcsize(format)
        self.format = format if isinstance(format, str) else format.decode('latin-1')
        self._format = format

    def pack(self, *values):
        return pack(self._format, *values)

    def pack_into(self, buffer, offset, *values):
        return pack_into(self._format, buffer, offset, *values)

    def unpack(self, buffer):
        return unpack(self._format, buffer)

    def unpack_from(self, buffer, offset=0):
        return _unpack_from(self._format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter(_unpack_all(self._format, buffer))

    def __repr__(self):
        return f'{type(self).__name__}({self.format!r})'


def _clearcache():
    """Clear the internal cache (gopy's layouts are cached natively)."""
