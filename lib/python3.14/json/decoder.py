"""The JSON decoder: JSONDecoder and JSONDecodeError, over gopy's native _json scanner."""
import _json

__all__ = ['JSONDecoder', 'JSONDecodeError']

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

scanstring = _json.scanstring
_skip_whitespace = _json.skip_whitespace
_raw_decode = _json.raw_decode


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the position of the error in the document.

    msg: the unformatted error message; doc: the JSON document being parsed; pos: the index
    in doc where parsing failed; lineno, colno: the line and column of pos.
    """

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, f'{msg}: line {lineno} column {colno} (char {pos})')
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


_CONSTANTS = {'-Infinity': NegInf, 'Infinity': PosInf, 'NaN': NaN}
_default_parse_constant = _CONSTANTS.__getitem__


class JSONDecoder(object):
    """Simple JSON <https://json.org> decoder.

    JSON objects become dicts, arrays lists, strings strs, integers ints, other numbers
    floats, true/false/null True/False/None; NaN, Infinity and -Infinity are accepted as
    the floats they name.
    """

    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        """object_hook, if given, is called with every decoded object (a dict) and its
        result used instead; object_pairs_hook likewise with the object's list of
        (key, value) pairs, and takes priority. parse_float and parse_int are called with
        the text of each float and int; parse_constant with '-Infinity', 'Infinity' or
        'NaN'. strict=False allows control characters inside strings."""
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _default_parse_constant
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook
        self.parse_string = scanstring
        self.memo = {}

    def scan_once(self, s, idx):
        return self.raw_decode(s, idx)

    def decode(self, s, _w=None):
        """The Python object for the JSON document s (a str)."""
        obj, end = self.raw_decode(s, _skip_whitespace(s, 0))
        end = _skip_whitespace(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        """Decode the JSON document starting at s[idx]: (the object, the index where the
        document ended). Text may follow the document."""
        parse_constant = self.parse_constant
        if parse_constant is _default_parse_constant:
            parse_constant = None
        return _raw_decode(s, idx, self.strict, self.object_hook, self.object_pairs_hook,
                           self.parse_float, self.parse_int, parse_constant)
