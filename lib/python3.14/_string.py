"""string helper module"""

# gopy: the format-string parsers string.Formatter is built on, written in Python with
# CPython's rules and messages (CPython: Objects/stringlib/unicode_format.h
# MarkupIterator_next, parse_field, field_name_split, FieldNameIterator_next).

__all__ = ['formatter_parser', 'formatter_field_name_split']


def _integer(text):
    # CPython: get_integer: the value of an all-decimal-digit text, else -1
    if not text:
        return -1
    value = 0
    for ch in text:
        if not ch.isdecimal():
            return -1
        value = value * 10 + int(ch)
        if value > 9223372036854775807:
            raise ValueError("Too many decimal digits in format string")
    return value


def _parse_field(s, i, n):
    # The field after a '{' at s[i:]: (field_name, format_spec, conversion, next index).
    start = i
    c = ''
    while i < n:
        c = s[i]
        i += 1
        if c == '{':
            raise ValueError("unexpected '{' in field name")
        if c == '[':
            while i < n and s[i] != ']':
                i += 1
            continue
        if c in '}:!':
            break
    else:
        raise ValueError("expected '}' before end of string")
    name = s[start:i - 1]
    conversion = None
    if c == '!' or c == ':':
        if c == '!':
            if i >= n:
                raise ValueError("end of string while looking for conversion specifier")
            conversion = s[i]
            i += 1
            if i < n:
                c = s[i]
                i += 1
                if c == '}':
                    return name, '', conversion, i
                if c != ':':
                    raise ValueError("expected ':' after conversion specifier")
        spec_start = i
        depth = 1
        while i < n:
            c = s[i]
            i += 1
            if c == '{':
                depth += 1
            elif c == '}':
                depth -= 1
                if depth == 0:
                    return name, s[spec_start:i - 1], conversion, i
        raise ValueError("unmatched '{' in format spec")
    if c != '}':
        raise ValueError("expected '}' before end of string")
    return name, '', conversion, i


def formatter_parser(format_string):
    """Yields (literal_text, field_name, format_spec, conversion) for each piece."""
    if not isinstance(format_string, str):
        raise TypeError(f"expected str, got {type(format_string).__name__}")
    return _pieces(format_string)


def _pieces(s):
    i, n = 0, len(s)
    while i < n:
        start = i
        c = ''
        markup = False
        while i < n:
            c = s[i]
            i += 1
            if c == '{' or c == '}':
                markup = True
                break
        at_end = i >= n
        length = i - start
        if c == '}' and markup and (at_end or s[i] != '}'):
            raise ValueError("Single '}' encountered in format string")
        if at_end and c == '{' and markup:
            raise ValueError("Single '{' encountered in format string")
        if not at_end and markup:
            if s[i] == c:
                i += 1          # a doubled brace: literal text only
                markup = False
            else:
                length -= 1
        literal = s[start:start + length]
        if not markup:
            yield (literal, None, None, None)
            continue
        name, spec, conversion, i = _parse_field(s, i, n)
        yield (literal, name, spec, conversion)


def _rest(s, i):
    n = len(s)
    while i < n:
        c = s[i]
        i += 1
        if c == '.':
            start = i
            while i < n and s[i] not in '.[':
                i += 1
            name = s[start:i]
            if not name:
                raise ValueError("Empty attribute in format string")
            yield (True, name)
        elif c == '[':
            start = i
            while i < n and s[i] != ']':
                i += 1
            if i >= n:
                raise ValueError("Missing ']' in format string")
            key = s[start:i]
            i += 1
            if not key:
                raise ValueError("Empty attribute in format string")
            index = _integer(key)
            yield (False, key if index == -1 else index)
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")


def formatter_field_name_split(field_name):
    """Splits a field name into its first part (an int when it is all digits) and an
    iterator of (is_attribute, key) for the rest."""
    if not isinstance(field_name, str):
        raise TypeError(f"expected str, got {type(field_name).__name__}")
    i = 0
    n = len(field_name)
    while i < n and field_name[i] not in '.[':
        i += 1
    first = field_name[:i]
    index = _integer(first)
    return (first if index == -1 else index), _rest(field_name, i)
