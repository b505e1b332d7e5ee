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


def iter_unpack(*args, **kwargs):
    """iter_unpack(format, buffer, /): an iterator over the tuples unpacked from buffer,
    calcsize(format) bytes each."""
    # _unpack_all checks the arguments, with the errors of CPython's built-in.
    return unpack_iterator(_unpack_all(*args, **kwargs))


class unpack_iterator:
    """What iter_unpack returns: the tuples one at a time, with a length hint."""

    __slots__ = ('_items', '_index')
    __module__ = '_struct'

    def __init__(self, items):
        self._items = items
        self._index = 0

    def __iter__(self):
        return self

    def __next__(self):
        items = self._items
        i = self._index
        if i >= len(items):
            self._items = ()  # exhausted for good, its hint 0
            self._index = 0
            raise StopIteration
        self._index = i + 1
        return items[i]

    def __length_hint__(self):
        return len(self._items) - self._index


class _Member:
    # A read-only attribute as a native type's getset has it (CPython: Struct.size/format).
    __slots__ = ('_name', '_slot')

    def __init__(self, name, slot):
        self._name = name
        self._slot = slot

    def __get__(self, instance, owner=None):
        if instance is None:
            return self
        return self._slot.__get__(instance, owner)

    def __set__(self, instance, value):
        raise AttributeError(f"attribute '{self._name}' of '_struct.Struct' objects is not writable")

    def __delete__(self, instance):
        self.__set__(instance, None)


class Struct:
    """Struct(fmt) --> compiled struct object

"""
    __slots__ = ('_format', '_size', '_text')
    __module__ = '_struct'

    def __init__(self, format):
        if isinstance(format, str):
            text = format
            format = format.encode('ascii')
        elif isinstance(format, bytes):
            text = format.decode('latin-1')
        else:
            raise TypeError('Struct() argument 1 must be a str or bytes object, '
                            f'not {type(format).__name__}')
        setattr_ = object.__setattr__
        setattr_(self, '_size', calcsize(format))
        setattr_(self, '_format', format)
        setattr_(self, '_text', text)

    def __setattr__(self, name, value):
        # an exact Struct has no __dict__ (a subclass's instances have one)
        if type(self) is Struct and name not in ('size', 'format'):
            raise AttributeError(f"'_struct.Struct' object has no attribute '{name}' and "
                                 "no __dict__ for setting new attributes")
        object.__setattr__(self, name, value)

    def pack(self, *values):
        return pack(self._format, *values)

    def pack_into(self, buffer, offset, *values):
        return pack_into(self._format, buffer, offset, *values)

    def unpack(self, buffer):
        return unpack(self._format, buffer)

    def unpack_from(self, buffer, offset=0):
        return _unpack_from(self._format, buffer, offset)

    def iter_unpack(self, *args, **kwargs):
        # METH_O in CPython: its errors, not a Python function's.
        if kwargs:
            raise TypeError("Struct.iter_unpack() takes no keyword arguments")
        if len(args) != 1:
            raise TypeError(f"Struct.iter_unpack() takes exactly one argument ({len(args)} given)")
        return unpack_iterator(_unpack_all(self._format, args[0]))

    def __repr__(self):
        return f'{type(self).__name__}({self._text!r})'


Struct.size = _Member('size', Struct._size)
Struct.format = _Member('format', Struct._text)


def _clearcache():
    """Clear the internal cache (gopy's layouts are cached natively)."""
