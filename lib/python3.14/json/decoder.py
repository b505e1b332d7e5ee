"""The JSON decoder: JSONDecoder and JSONDecodeError, over gopy's native _json scanner;
JSONObject and JSONArray, the parsers json.scanner.py_make_scanner calls back."""
import _json
from json import scanner

__all__ = ['JSONDecoder', 'JSONDecodeError']

WHITESPACE_STR = ' \t\n\r'

NaN = float('nan')
PosInf = float('inf')
NegInf = float('-inf')

scanstring = _json.scanstring
c_scanstring = py_scanstring = scanstring
_skip_whitespace = _json.skip_whitespace


def __getattr__(name):
    # The module's regular expressions, compiled when first asked for (json itself needs
    # none of them).
    import re
    flags = re.VERBOSE | re.MULTILINE | re.DOTALL
    patterns = {'FLAGS': flags,
                'WHITESPACE': re.compile(r'[ \t\n\r]*', flags),
                'STRINGCHUNK': re.compile(r'(.*?)(["\\\x00-\x1f])', flags)}
    if name not in patterns:
        raise AttributeError(f'module {__name__!r} has no attribute {name!r}')
    globals().update(patterns)
    return patterns[name]


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


def _skip_ws(s, end):
    # what the WHITESPACE pattern's match(s, end).end() gives
    return _skip_whitespace(s, end) if end < len(s) else end


def _scan_value(s, end, scan_once):
    try:
        return scan_once(s, end)
    except StopIteration as err:
        raise JSONDecodeError("Expecting value", s, err.value) from None


# CPython: Lib/json/decoder.py JSONObject. The members of an object whose '{' ends just
# before s_and_end[1]: (the object, the index after its '}').
def JSONObject(s_and_end, strict, scan_once, object_hook, object_pairs_hook,
               memo=None, _w=None, _ws=WHITESPACE_STR):
    s, end = s_and_end
    if memo is None:
        memo = {}
    pairs = []
    end = _skip_ws(s, end)
    nextchar = s[end:end + 1]
    if nextchar == '}':
        if object_pairs_hook is not None:
            return object_pairs_hook(pairs), end + 1
        result = {}
        if object_hook is not None:
            result = object_hook(result)
        return result, end + 1
    if nextchar != '"':
        raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end)
    end += 1
    while True:
        key, end = scanstring(s, end, strict)
        key = memo.setdefault(key, key)
        end = _skip_ws(s, end)
        if s[end:end + 1] != ':':
            raise JSONDecodeError("Expecting ':' delimiter", s, end)
        end = _skip_ws(s, end + 1)
        value, end = _scan_value(s, end, scan_once)
        pairs.append((key, value))
        end = _skip_ws(s, end)
        nextchar = s[end:end + 1]
        end += 1
        if nextchar == '}':
            break
        if nextchar != ',':
            raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
        comma_idx = end - 1
        end = _skip_ws(s, end)
        nextchar = s[end:end + 1]
        end += 1
        if nextchar != '"':
            if nextchar == '}':
                raise JSONDecodeError("Illegal trailing comma before end of object", s, comma_idx)
            raise JSONDecodeError("Expecting property name enclosed in double quotes", s, end - 1)
    if object_pairs_hook is not None:
        return object_pairs_hook(pairs), end
    result = dict(pairs)
    if object_hook is not None:
        result = object_hook(result)
    return result, end


# CPython: Lib/json/decoder.py JSONArray. The items of an array whose '[' ends just
# before s_and_end[1]: (the list, the index after its ']').
def JSONArray(s_and_end, scan_once, _w=None, _ws=WHITESPACE_STR):
    s, end = s_and_end
    values = []
    end = _skip_ws(s, end)
    if s[end:end + 1] == ']':
        return values, end + 1
    while True:
        value, end = _scan_value(s, end, scan_once)
        values.append(value)
        end = _skip_ws(s, end)
        nextchar = s[end:end + 1]
        end += 1
        if nextchar == ']':
            break
        if nextchar != ',':
            raise JSONDecodeError("Expecting ',' delimiter", s, end - 1)
        comma_idx = end - 1
        end = _skip_ws(s, end)
        if s[end:end + 1] == ']':
            raise JSONDecodeError("Illegal trailing comma before end of array", s, comma_idx)
    return values, end


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
        self.parse_object = JSONObject
        self.parse_array = JSONArray
        self.parse_string = scanstring
        self.memo = {}
        self.scan_once = scanner.make_scanner(self)

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
        try:
            return self.scan_once(s, idx)
        except StopIteration as err:
            raise JSONDecodeError("Expecting value", s, err.value) from None
