"""A collection of string constants.

Public module variables:

whitespace -- a string containing all ASCII whitespace
ascii_lowercase -- a string containing all ASCII lowercase letters
ascii_uppercase -- a string containing all ASCII uppercase letters
ascii_letters -- a string containing all ASCII letters
digits -- a string containing all ASCII decimal digits
hexdigits -- a string containing all ASCII hexadecimal digits
octdigits -- a string containing all ASCII octal digits
punctuation -- a string containing all ASCII punctuation characters
printable -- a string containing all ASCII characters considered printable

"""

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

import _string

whitespace = ' \t\n\r\v\f'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each
    word using capitalize, and join the capitalized words using
    join.  If the optional second argument sep is absent or None,
    runs of whitespace characters are replaced by a single space
    and leading and trailing whitespace are removed, otherwise
    sep is used to split and join the words.

    """
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))


####################################################################
# Template: gopy scans for the delimiter by hand and matches the identifier patterns
# with a small matcher of their usual regular-expression forms (character classes,
# escapes and quantifiers, the (?a:...) and (?i:...) groups), so that string needs no
# `re`. A class that sets its own `pattern` is matched with `re`, as CPython does.

_sentinel_dict = {}
_IGNORECASE = 2   # re.IGNORECASE
_VERBOSE = 64     # re.VERBOSE


class _IdPattern:
    """The identifier pattern of a Template class: a sequence of character sets, each
    with its repeat bounds, matched greedily with backtracking."""

    def __init__(self, source, ignorecase):
        self.atoms = []
        self._parse(source, ignorecase, False)

    def _parse(self, s, ignorecase, ascii_only):
        i, n = 0, len(s)
        while i < n:
            c = s[i]
            if c in ' \t\n\r\f\v':     # re.VERBOSE
                i += 1
                continue
            if c == '#':
                while i < n and s[i] != '\n':
                    i += 1
                continue
            if s.startswith('(?', i):
                close = self._group_end(s, i)
                flags_end = s.index(':', i)
                flags = s[i + 2:flags_end]
                inner_ignore, inner_ascii = ignorecase, ascii_only
                on = True
                for f in flags:
                    if f == '-':
                        on = False
                    elif f == 'i':
                        inner_ignore = on
                    elif f == 'a':
                        inner_ascii = True
                    else:
                        raise _Unsupported
                if close + 1 < n and s[close + 1] in '*+?{':
                    raise _Unsupported
                self._parse(s[flags_end + 1:close], inner_ignore, inner_ascii)
                i = close + 1
                continue
            if c in '()|^$':
                raise _Unsupported
            if c == '[':
                i, test = self._charset(s, i + 1, ascii_only)
            elif c == '\\':
                i, test = self._escape(s, i + 1, ascii_only)
            elif c == '.':
                i, test = i + 1, (lambda ch: ch != '\n')
            else:
                i, test = i + 1, self._literal(c)
            i, low, high = self._quantifier(s, i)
            if ignorecase:
                test = self._folded(test)
            self.atoms.append((test, low, high))

    @staticmethod
    def _group_end(s, i):
        depth = 0
        while i < len(s):
            if s[i] == '\\':
                i += 2
                continue
            if s[i] == '(':
                depth += 1
            elif s[i] == ')':
                depth -= 1
                if depth == 0:
                    return i
            i += 1
        raise _Unsupported

    @staticmethod
    def _literal(c):
        return lambda ch: ch == c

    @staticmethod
    def _folded(test):
        return lambda ch: test(ch) or test(ch.lower()) or test(ch.upper())

    @staticmethod
    def _class_escape(c, ascii_only):
        if c == 'w':
            if ascii_only:
                return lambda ch: ch.isascii() and (ch.isalnum() or ch == '_')
            return lambda ch: ch.isalnum() or ch == '_'
        if c == 'd':
            return (lambda ch: ch in '0123456789') if ascii_only else str.isdecimal
        if c == 's':
            return lambda ch: ch in ' \t\n\r\f\v' or (not ascii_only and ch.isspace())
        if c in 'WDS':
            inner = _IdPattern._class_escape(c.lower(), ascii_only)
            return lambda ch: not inner(ch)
        return None

    def _escape(self, s, i, ascii_only):
        c = s[i]
        test = self._class_escape(c, ascii_only)
        if test is None:
            if c.isalnum():
                raise _Unsupported
            test = self._literal(c)
        return i + 1, test

    def _charset(self, s, i, ascii_only):
        negate = s[i] == '^'
        if negate:
            i += 1
        tests = []
        first = True
        while i < len(s) and (s[i] != ']' or first):
            first = False
            c = s[i]
            if c == '\\':
                test = self._class_escape(s[i + 1], ascii_only)
                if test is not None:
                    tests.append(test)
                    i += 2
                    continue
                c = s[i + 1]
                i += 1
            if i + 2 < len(s) and s[i + 1] == '-' and s[i + 2] != ']':
                high = s[i + 2]
                if high == '\\':
                    high = s[i + 3]
                    i += 1
                tests.append(lambda ch, lo=c, hi=high: lo <= ch <= hi)
                i += 3
            else:
                tests.append(self._literal(c))
                i += 1
        if i >= len(s):
            raise _Unsupported
        if negate:
            return i + 1, lambda ch: not any(t(ch) for t in tests)
        return i + 1, lambda ch: any(t(ch) for t in tests)

    @staticmethod
    def _quantifier(s, i):
        n = len(s)
        while i < n and s[i] in ' \t\n\r\f\v':
            i += 1
        if i >= n:
            return i, 1, 1
        c = s[i]
        if c == '*':
            bounds = (0, None)
        elif c == '+':
            bounds = (1, None)
        elif c == '?':
            bounds = (0, 1)
        elif c == '{' and '}' in s[i:]:
            close = s.index('}', i)
            body = s[i + 1:close]
            low, _, high = body.partition(',')
            if not (low.isdigit() and (high.isdigit() or high == '')):
                return i, 1, 1
            bounds = (int(low), int(low) if ',' not in body else (int(high) if high else None))
            i = close
        else:
            return i, 1, 1
        i += 1
        if i < n and s[i] in '?+':
            raise _Unsupported      # lazy and possessive forms
        return i, bounds[0], bounds[1]

    def ends(self, text, pos):
        """The positions where a match starting at pos can end, the greedy one first."""
        return self._ends(text, pos, 0)

    def _ends(self, text, pos, k):
        if k == len(self.atoms):
            yield pos
            return
        test, low, high = self.atoms[k]
        run = pos
        limit = len(text) if high is None else min(len(text), pos + high)
        while run < limit and test(text[run]):
            run += 1
        for end in range(run, pos + low - 1, -1):
            yield from self._ends(text, end, k + 1)


class _Unsupported(Exception):
    pass


class _Match:
    """What a placeholder scan found: the groups of CPython's Template pattern."""

    def __init__(self, text, start, end, kind, value, invalid_at):
        self._text = text
        self._span = (start, end)
        self._kind = kind
        self._value = value
        self._invalid_at = invalid_at

    def group(self, name=0):
        if name == 0:
            return self._text[self._span[0]:self._span[1]]
        return self._value if name == self._kind else None

    def start(self, name=0):
        if name == 'invalid' and self._kind == 'invalid':
            return self._invalid_at
        return self._span[0]


class _Scanner:
    """Finds the placeholders of a template as CPython's Template pattern does."""

    def __init__(self, cls):
        ignorecase = bool((cls.flags if cls.flags is not None else _IGNORECASE) & _IGNORECASE)
        self.delimiter = cls.delimiter
        self.named = _IdPattern(cls.idpattern, ignorecase)
        self.braced = _IdPattern(cls.braceidpattern or cls.idpattern, ignorecase)

    def _at(self, text, p):
        delim = self.delimiter
        q = p + len(delim)
        if text.startswith(delim, q):
            return _Match(text, p, q + len(delim), 'escaped', delim, None)
        for end in self.named.ends(text, q):
            return _Match(text, p, end, 'named', text[q:end], None)
        if text.startswith('{', q):
            for end in self.braced.ends(text, q + 1):
                if text.startswith('}', end):
                    return _Match(text, p, end + 1, 'braced', text[q + 1:end], None)
        return _Match(text, p, q, 'invalid', '', q)

    def finditer(self, text):
        if not isinstance(text, str):
            # what CPython's str pattern says of the template it is given
            if isinstance(text, (bytes, bytearray, memoryview)):
                raise TypeError('cannot use a string pattern on a bytes-like object')
            raise TypeError('expected string or bytes-like object, got '
                            f'{type(text).__name__!r}')
        delim = self.delimiter
        i = 0
        while True:
            p = text.find(delim, i)
            if p < 0 or not delim:
                return
            match = self._at(text, p)
            yield match
            i = match._span[1]

    def sub(self, convert, text):
        pieces = []
        i = 0
        for match in self.finditer(text):
            pieces.append(text[i:match._span[0]])
            pieces.append(convert(match))
            i = match._span[1]
        pieces.append(text[i:])
        return ''.join(pieces)


def _compiled_pattern(cls):
    # The regular expression CPython's Template uses (for a class's own `pattern`, and for
    # reading Template.pattern).
    import re
    pattern = cls.__dict__.get('pattern', _TemplatePattern)
    if isinstance(pattern, re.Pattern):
        return pattern
    if pattern is _TemplatePattern:
        delim = re.escape(cls.delimiter)
        bid = cls.braceidpattern or cls.idpattern
        pattern = fr"""
            {delim}(?:
              (?P<escaped>{delim})  |   # Escape sequence of two delimiters
              (?P<named>{cls.idpattern})       |   # delimiter and a Python identifier
              {{(?P<braced>{bid})}} |   # delimiter and a braced identifier
              (?P<invalid>)             # Other ill-formed delimiter exprs
            )
            """
    _settle_flags(cls)
    return re.compile(pattern, cls.flags | re.VERBOSE)


def _settle_flags(cls):
    # CPython 3.14 Template._compile_pattern: compiling a class's pattern (when the class
    # is made, or the first time Template itself uses it) stores IGNORECASE as its flags
    # when they are None.
    if cls.flags is None and not hasattr(cls.__dict__.get('pattern'), 'match'):
        import re
        cls.flags = re.IGNORECASE


class _TemplatePatternDescriptor:
    def __get__(self, instance, cls=None):
        if cls is None:
            return self
        compiled = _compiled_pattern(cls)
        cls.pattern = compiled
        return compiled


_TemplatePattern = _TemplatePatternDescriptor()


class _ChainLookup:
    # collections.ChainMap's lookup, for substitute(mapping, **kws).
    def __init__(self, *maps):
        self.maps = maps

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        raise KeyError(key)


def _mapping_of(mapping, kws):
    # substitute's mapping: the keywords alone, or looked up before the mapping
    if mapping is _sentinel_dict:
        return kws
    if kws:
        return _ChainLookup(kws, mapping)
    return mapping


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    # r'[a-z]' matches to non-ASCII letters when used with IGNORECASE, but
    # without the ASCII flag.  We can't add re.ASCII to flags because of
    # backward compatibility.  So we use the ?a local flag and [a-z] pattern.
    # See https://bugs.python.org/issue31672
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None
    flags = None  # default: re.IGNORECASE

    pattern = _TemplatePattern

    def __init_subclass__(cls):
        super().__init_subclass__()
        _settle_flags(cls)
        if 'pattern' not in cls.__dict__:
            # each class reads its own pattern, never a base's compiled one
            cls.pattern = _TemplatePattern
        cls._scanner = cls._make_scanner()

    @classmethod
    def _make_scanner(cls):
        if 'pattern' in cls.__dict__ and cls.__dict__['pattern'] is not _TemplatePattern:
            # a pattern of the class's own, compiled now and kept (CPython: _compile_pattern)
            cls.pattern = _compiled_pattern(cls)
            return cls.pattern
        try:
            return _Scanner(cls)
        except (_Unsupported, ValueError, IndexError):
            return _compiled_pattern(cls)

    def __init__(self, template):
        self.template = template

    def _invalid(self, mo):
        i = mo.start('invalid')
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' %
                         (lineno, colno))

    def _replace(self, mapping, safe):
        # substitute (safe false) and safe_substitute (safe true)
        def convert(mo):
            named = mo.group('named') or mo.group('braced')
            if named is not None:
                if not safe:
                    return str(mapping[named])
                try:
                    return str(mapping[named])
                except KeyError:
                    return mo.group()
            if mo.group('escaped') is not None:
                return self.delimiter
            if mo.group('invalid') is not None:
                if safe:
                    return mo.group()
                self._invalid(mo)
            raise ValueError('Unrecognized named group in pattern',
                             self.pattern)
        return self._scanner.sub(convert, self.template)

    def substitute(self, mapping=_sentinel_dict, /, **kws):
        if type(self).flags is None:
            _settle_flags(type(self))
        return self._replace(_mapping_of(mapping, kws), False)

    def safe_substitute(self, mapping=_sentinel_dict, /, **kws):
        if type(self).flags is None:
            _settle_flags(type(self))
        return self._replace(_mapping_of(mapping, kws), True)

    def is_valid(self):
        if type(self).flags is None:
            _settle_flags(type(self))
        for mo in self._scanner.finditer(self.template):
            if mo.group('invalid') is not None:
                return False
            if (mo.group('named') is None
                    and mo.group('braced') is None
                    and mo.group('escaped') is None):
                raise ValueError('Unrecognized named group in pattern',
                                 self.pattern)
        return True

    def get_identifiers(self):
        if type(self).flags is None:
            _settle_flags(type(self))
        ids = []
        for mo in self._scanner.finditer(self.template):
            named = mo.group('named') or mo.group('braced')
            if named is not None and named not in ids:
                ids.append(named)
            elif (named is None
                    and mo.group('invalid') is None
                    and mo.group('escaped') is None):
                raise ValueError('Unrecognized named group in pattern',
                                 self.pattern)
        return ids


Template._scanner = Template._make_scanner()


########################################################################
# the Formatter class (PEP 3101), over the parsers of _string

class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal_text, field_name, format_spec, conversion in \
                self.parse(format_string):
            if literal_text:
                result.append(literal_text)
            if field_name is None:
                continue
            first, _ = _string.formatter_field_name_split(field_name)
            if first == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field '
                                     'specification to automatic field '
                                     'numbering')
                field_name = str(auto_arg_index) + field_name
                auto_arg_index += 1
            elif isinstance(first, int):
                if auto_arg_index:
                    raise ValueError('cannot switch from automatic field '
                                     'numbering to manual field '
                                     'specification')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs,
                used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))

    def parse(self, format_string):
        return _string.formatter_parser(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _string.formatter_field_name_split(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, key in rest:
            obj = getattr(obj, key) if is_attr else obj[key]
        return obj, first
