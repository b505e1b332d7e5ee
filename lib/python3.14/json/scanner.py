"""JSON token scanner: make_scanner(context) gives the scan_once(string, idx) function a
JSONDecoder parses with, returning (value, end) or raising StopIteration(idx) when no
JSON value starts at idx (CPython: Lib/json/scanner.py).

make_scanner is gopy's native scanner (as CPython's is _json's); py_make_scanner the one
that calls back into the context's parse_object, parse_array and parse_string.
"""
import _json

__all__ = ['make_scanner']


def _number_re():
    # compiled when first needed: the native scanner needs no regular expression
    pattern = globals().get('NUMBER_RE')
    if pattern is None:
        import re
        pattern = globals()['NUMBER_RE'] = re.compile(
            r'(-?(?:0|[1-9][0-9]*))(\.[0-9]+)?([eE][-+]?[0-9]+)?',
            re.VERBOSE | re.MULTILINE | re.DOTALL)
    return pattern


def __getattr__(name):
    if name == 'NUMBER_RE':
        return _number_re()
    raise AttributeError(f'module {__name__!r} has no attribute {name!r}')


def c_make_scanner(context):
    """The native scanner, with the context's settings as they are now."""
    strict = context.strict
    object_hook = context.object_hook
    object_pairs_hook = context.object_pairs_hook
    parse_float = context.parse_float
    parse_int = context.parse_int
    parse_constant = context.parse_constant
    from json import decoder
    if parse_constant is decoder._default_parse_constant:
        parse_constant = None  # the native scanner's own NaN and infinities
    raw_decode = _json.raw_decode

    def scan_once(string, idx):
        try:
            return raw_decode(string, idx, strict, object_hook, object_pairs_hook,
                              parse_float, parse_int, parse_constant)
        except ValueError as err:
            # as _json's scanner: a missing value is StopIteration, wherever it is missing
            if getattr(err, 'msg', None) == 'Expecting value' and hasattr(err, 'pos'):
                raise StopIteration(err.pos) from None
            raise

    return scan_once


def py_make_scanner(context):
    """A scanner that parses objects, arrays and strings with the context's parse_object,
    parse_array and parse_string."""
    parse_object = context.parse_object
    parse_array = context.parse_array
    parse_string = context.parse_string
    match_number = _number_re().match
    strict = context.strict
    parse_float = context.parse_float
    parse_int = context.parse_int
    parse_constant = context.parse_constant
    object_hook = context.object_hook
    object_pairs_hook = context.object_pairs_hook
    memo = context.memo

    def _scan_once(string, idx):
        if idx >= len(string) or idx < -len(string):
            raise StopIteration(idx)
        nextchar = string[idx]
        if nextchar == '"':
            return parse_string(string, idx + 1, strict)
        if nextchar == '{':
            return parse_object((string, idx + 1), strict, _scan_once, object_hook,
                                object_pairs_hook, memo)
        if nextchar == '[':
            return parse_array((string, idx + 1), _scan_once)
        for word, value in (('null', None), ('true', True), ('false', False)):
            if string.startswith(word, idx):
                return value, idx + len(word)
        m = match_number(string, idx)
        if m is not None:
            integer, frac, exp = m.groups()
            if frac or exp:
                return parse_float(integer + (frac or '') + (exp or '')), m.end()
            return parse_int(integer), m.end()
        for word in ('NaN', 'Infinity', '-Infinity'):
            if string.startswith(word, idx):
                return parse_constant(word), idx + len(word)
        raise StopIteration(idx)

    def scan_once(string, idx):
        try:
            return _scan_once(string, idx)
        finally:
            memo.clear()

    return scan_once


make_scanner = c_make_scanner
