"""The JSON encoder: JSONEncoder, over gopy's native _json encoder."""
import _json

__all__ = ['JSONEncoder']

encode_basestring = _json.encode_basestring
encode_basestring_ascii = _json.encode_basestring_ascii
_encode = _json.encode

INFINITY = float('inf')


class JSONEncoder(object):
    """Extensible JSON <https://json.org> encoder for Python data structures.

    dict becomes an object, list and tuple arrays, str strings, int and float numbers
    (int and float subclasses too), True/False/None true/false/null. For any other object,
    default() returns something serializable or raises TypeError; subclasses override it.
    """
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        """skipkeys: skip dict keys that are not str, int, float, bool or None instead of
        raising TypeError. ensure_ascii: escape every non-ASCII character. check_circular:
        detect reference cycles (ValueError) instead of recursing. allow_nan: write NaN and
        the infinities (else ValueError). sort_keys: write dict members sorted by key.
        indent: a str or a number of spaces to pretty-print with (None: one line).
        separators: (item_separator, key_separator); by default (', ', ': '), or (',', ': ')
        with an indent. default: called for objects that cannot otherwise be serialized."""
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        """Return a serializable object for o, or raise TypeError (this implementation)."""
        raise TypeError(f'Object of type {o.__class__.__name__} is not JSON serializable')

    def encode(self, o):
        """The JSON text of o, as a str."""
        if isinstance(o, str):
            if self.ensure_ascii:
                return encode_basestring_ascii(o)
            return encode_basestring(o)
        chunks = self.iterencode(o, _one_shot=True)
        if not isinstance(chunks, (list, tuple)):
            chunks = list(chunks)
        return ''.join(chunks)

    def iterencode(self, o, _one_shot=False):
        """Encode o, yielding its JSON text in pieces."""
        if _one_shot:
            return (self._encode(o, False),)
        return self._iterencode(o)

    def _iterencode(self, o):
        # The pieces made before an error are yielded before it is raised, as a
        # generator encoding as it goes would.
        chunks, error = self._encode(o, True)
        yield from chunks
        if error is not None:
            raise error

    def _encode(self, o, chunked):
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        return _encode(o, True if self.check_circular else None, self.default, indent,
                       self.key_separator, self.item_separator, self.sort_keys,
                       self.skipkeys, self.allow_nan, self.ensure_ascii, chunked)
