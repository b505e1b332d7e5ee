"""CSV parsing and writing (gopy's own implementation, reader and writer included)."""

import sys

__all__ = ["QUOTE_MINIMAL", "QUOTE_ALL", "QUOTE_NONNUMERIC", "QUOTE_NONE",
           "QUOTE_STRINGS", "QUOTE_NOTNULL", "Error", "Dialect", "excel", "excel_tab",
           "field_size_limit", "reader", "writer", "register_dialect", "get_dialect",
           "list_dialects", "Sniffer", "unregister_dialect", "DictReader", "DictWriter",
           "unix_dialect"]

__version__ = "1.0"

QUOTE_MINIMAL, QUOTE_ALL, QUOTE_NONNUMERIC, QUOTE_NONE, QUOTE_STRINGS, QUOTE_NOTNULL = range(6)


class Error(Exception):
    pass


Error.__module__ = "_csv"

_dialects = {}
_field_limit = 128 * 1024


def field_size_limit(*args):
    """Set or get the field size limit; returns the previous limit."""
    global _field_limit
    if len(args) > 1:
        raise TypeError(f"field_size_limit expected at most 1 argument, got {len(args)}")
    old = _field_limit
    if args:
        if not isinstance(args[0], int):
            raise TypeError("limit must be an integer")
        _field_limit = args[0]
    return old


# --- dialects -------------------------------------------------------------------------

def _char_param(name, value, default, allow_none):
    # CPython: Modules/_csv.c _set_char / _set_char_or_none
    if value is _MISSING:
        return default
    if value is None and allow_none:
        return None
    if not isinstance(value, str):
        kind = "a unicode character or None" if allow_none else "a unicode character"
        raise TypeError(f'"{name}" must be {kind}, not {type(value).__name__}')
    if len(value) != 1:
        kind = "a unicode character or None" if allow_none else "a unicode character"
        raise TypeError(f'"{name}" must be {kind}, not a string of length {len(value)}')
    return value


_MISSING = object()
_PARAMS = ("delimiter", "doublequote", "escapechar", "lineterminator", "quotechar",
           "quoting", "skipinitialspace", "strict")


class _ReadOnly:
    # A read-only attribute of _csv.Dialect, with CPython's texts: a getter-only getset
    # (delimiter, ...) or, for the three flags, a READONLY member (Dialect_memberlist).
    def __init__(self, name, member=False):
        self.name = name
        self.slot = "_" + name
        self.member = member

    def __get__(self, obj, owner=None):
        return self if obj is None else getattr(obj, self.slot)

    def __set__(self, obj, value):
        if self.member:
            raise AttributeError("readonly attribute")
        raise AttributeError(f"attribute '{self.name}' of '_csv.Dialect' objects is not writable")

    def __delete__(self, obj):
        self.__set__(obj, None)


class _Dialect:
    """CSV dialect: the parsing and generation options, validated."""

    __slots__ = ("_delimiter", "_doublequote", "_escapechar", "_lineterminator",
                 "_quotechar", "_quoting", "_skipinitialspace", "_strict")

    def __new__(cls, dialect=None, **kwargs):
        # CPython: Modules/_csv.c dialect_new
        for key in kwargs:
            if key not in _PARAMS:
                raise TypeError(f"'{key}' is an invalid keyword argument for Dialect()")
        if isinstance(dialect, str):
            dialect = get_dialect(dialect)
        if isinstance(dialect, _Dialect) and not kwargs:
            return dialect
        values = {}
        for name in _PARAMS:
            value = kwargs.get(name, _MISSING)
            if value is _MISSING and dialect is not None:
                value = getattr(dialect, name, _MISSING)
            values[name] = value
        self = object.__new__(cls)
        self._delimiter = _char_param("delimiter", values["delimiter"], ",", False)
        dq = values["doublequote"]
        self._doublequote = True if dq is _MISSING else bool(dq)
        self._escapechar = _char_param("escapechar", values["escapechar"], None, True)
        term = values["lineterminator"]
        if term is _MISSING:
            term = "\r\n"
        elif not isinstance(term, str):
            raise TypeError(f'"lineterminator" must be a string, not {type(term).__name__}')
        self._lineterminator = term
        quotechar = values["quotechar"]
        self._quotechar = _char_param("quotechar", quotechar, '"', True)
        quoting = values["quoting"]
        if quoting is _MISSING:
            quoting = QUOTE_MINIMAL
        elif type(quoting) is not int:
            raise TypeError(f'"quoting" must be an integer, not {type(quoting).__name__}')
        sis = values["skipinitialspace"]
        self._skipinitialspace = False if sis is _MISSING else bool(sis)
        strict = values["strict"]
        self._strict = False if strict is _MISSING else bool(strict)
        if quoting not in range(6):
            raise TypeError('bad "quoting" value')
        if quotechar is None and values["quoting"] is _MISSING:
            quoting = QUOTE_NONE
        self._quoting = quoting
        if quoting != QUOTE_NONE and self._quotechar is None:
            raise TypeError("quotechar must be set if quoting enabled")
        self._check_char("delimiter", self._delimiter, True)
        self._check_char("escapechar", self._escapechar, not self._skipinitialspace)
        self._check_char("quotechar", self._quotechar, not self._skipinitialspace)
        for (n1, c1), (n2, c2) in ((("delimiter", self._delimiter), ("escapechar", self._escapechar)),
                                   (("delimiter", self._delimiter), ("quotechar", self._quotechar)),
                                   (("escapechar", self._escapechar), ("quotechar", self._quotechar))):
            if c1 is not None and c1 == c2:
                raise ValueError(f"bad {n1} or {n2} value")
        return self

    def _check_char(self, name, c, allow_space):
        if c is None:
            return
        if c in "\r\n" or (c == " " and not allow_space):
            raise ValueError(f"bad {name} value")
        if c in self._lineterminator:
            raise ValueError(f"bad {name} or lineterminator value")

    delimiter = _ReadOnly("delimiter")
    doublequote = _ReadOnly("doublequote", member=True)
    escapechar = _ReadOnly("escapechar")
    lineterminator = _ReadOnly("lineterminator")
    quotechar = _ReadOnly("quotechar")
    quoting = _ReadOnly("quoting")
    skipinitialspace = _ReadOnly("skipinitialspace", member=True)
    strict = _ReadOnly("strict", member=True)

    def __reduce__(self):
        raise TypeError(f"cannot pickle '{type(self).__name__}' instances")

    __reduce_ex__ = __reduce__


_Dialect.__name__ = _Dialect.__qualname__ = "Dialect"
_Dialect.__module__ = "_csv"


def register_dialect(name, dialect=None, **fmtparams):
    """Create a mapping from a string name to a dialect class."""
    if not isinstance(name, str):
        raise TypeError("dialect name must be a string")
    _dialects[name] = _Dialect(dialect, **fmtparams)


def unregister_dialect(name):
    """Delete the name/dialect mapping associated with a string name."""
    if name not in _dialects:
        raise Error("unknown dialect")
    del _dialects[name]


def get_dialect(name):
    """Return the dialect instance associated with name."""
    try:
        return _dialects[name]
    except (KeyError, TypeError):
        raise Error("unknown dialect") from None


def list_dialects():
    """Return a list of all known dialect names."""
    return list(_dialects)


# --- reader ---------------------------------------------------------------------------

(_START_RECORD, _START_FIELD, _ESCAPED_CHAR, _IN_FIELD, _IN_QUOTED_FIELD,
 _ESCAPE_IN_QUOTED_FIELD, _QUOTE_IN_QUOTED_FIELD, _EAT_CRNL, _AFTER_ESCAPED_CRNL) = range(9)

_EOL = object()   # the end of one input line


class _Reader:
    """CSV reader: iterates over the records of an iterable of lines."""

    def __init__(self, input_iter, dialect):
        self._input = input_iter
        self.dialect = dialect
        self.line_num = 0
        self._fields = None
        self._field = []
        self._state = _START_RECORD
        self._unquoted = False

    def __iter__(self):
        return self

    def _save_field(self):
        # CPython: Modules/_csv.c parse_save_field
        quoting = self.dialect._quoting
        if self._unquoted and not self._field and quoting in (QUOTE_NOTNULL, QUOTE_STRINGS):
            value = None
        else:
            value = "".join(self._field)
            if self._unquoted and self._field and quoting in (QUOTE_NONNUMERIC, QUOTE_STRINGS):
                value = float(value)
            self._field = []
        self._fields.append(value)

    def _add_char(self, c):
        if len(self._field) >= _field_limit:
            raise Error(f"field larger than field limit ({_field_limit})")
        self._field.append(c)

    def _process(self, c):
        # CPython: Modules/_csv.c parse_process_char
        d = self.dialect
        state = self._state
        eol = c is _EOL
        newline = not eol and c in "\r\n"
        if state == _START_RECORD:
            if eol:
                return
            if newline:
                self._state = _EAT_CRNL
                return
            state = self._state = _START_FIELD
        if state == _START_FIELD:
            self._unquoted = True
            if eol or newline:
                self._save_field()
                self._state = _START_RECORD if eol else _EAT_CRNL
            elif c == d._quotechar and d._quoting != QUOTE_NONE:
                self._unquoted = False
                self._state = _IN_QUOTED_FIELD
            elif c == d._escapechar:
                self._state = _ESCAPED_CHAR
            elif c == " " and d._skipinitialspace:
                pass
            elif c == d._delimiter:
                self._save_field()
            else:
                self._add_char(c)
                self._state = _IN_FIELD
            return
        if state == _ESCAPED_CHAR:
            if newline:
                self._add_char(c)
                self._state = _AFTER_ESCAPED_CRNL
                return
            self._add_char("\n" if eol else c)
            self._state = _IN_FIELD
            return
        if state == _AFTER_ESCAPED_CRNL:
            if eol:
                return
            state = _IN_FIELD
        if state == _IN_FIELD:
            if eol or newline:
                self._save_field()
                self._state = _START_RECORD if eol else _EAT_CRNL
            elif c == d._escapechar:
                self._state = _ESCAPED_CHAR
            elif c == d._delimiter:
                self._save_field()
                self._state = _START_FIELD
            else:
                self._add_char(c)
                self._state = _IN_FIELD
            return
        if state == _IN_QUOTED_FIELD:
            if eol:
                pass
            elif c == d._escapechar:
                self._state = _ESCAPE_IN_QUOTED_FIELD
            elif c == d._quotechar and d._quoting != QUOTE_NONE:
                self._state = _QUOTE_IN_QUOTED_FIELD if d._doublequote else _IN_FIELD
            else:
                self._add_char(c)
            return
        if state == _ESCAPE_IN_QUOTED_FIELD:
            self._add_char("\n" if eol else c)
            self._state = _IN_QUOTED_FIELD
            return
        if state == _QUOTE_IN_QUOTED_FIELD:
            if d._quoting != QUOTE_NONE and c == d._quotechar:
                self._add_char(c)
                self._state = _IN_QUOTED_FIELD
            elif c == d._delimiter:
                self._save_field()
                self._state = _START_FIELD
            elif eol or newline:
                self._save_field()
                self._state = _START_RECORD if eol else _EAT_CRNL
            elif not d._strict:
                self._add_char(c)
                self._state = _IN_FIELD
            else:
                raise Error(f"'{d._delimiter}' expected after '{d._quotechar}'")
            return
        if state == _EAT_CRNL:
            if newline:
                pass
            elif eol:
                self._state = _START_RECORD
            else:
                raise Error("new-line character seen in unquoted field - "
                            "do you need to open the file with newline=''?")

    def __next__(self):
        # CPython: Modules/_csv.c Reader_iternext
        self._fields = []
        self._field = []
        self._state = _START_RECORD
        self._unquoted = False
        while True:
            try:
                line = next(self._input)
            except StopIteration:
                if self._field or self._state == _IN_QUOTED_FIELD:
                    if self.dialect._strict:
                        raise Error("unexpected end of data")
                    self._save_field()
                    break
                raise
            if not isinstance(line, str):
                raise Error(f"iterator should return strings, not {type(line).__name__} "
                            f"(the file should be opened in text mode)")
            self.line_num += 1
            for c in line:
                self._process(c)
            self._process(_EOL)
            if self._state == _START_RECORD:
                break
        fields, self._fields = self._fields, None
        return fields


_Reader.__name__ = _Reader.__qualname__ = "reader"
_Reader.__module__ = "_csv"


def reader(csvfile, dialect=None, **fmtparams):
    """Return a reader that iterates over the lines of csvfile as lists of fields."""
    return _Reader(iter(csvfile), _Dialect(dialect, **fmtparams))


# --- writer ---------------------------------------------------------------------------

def _is_number(value):
    t = type(value)
    return (isinstance(value, (int, float, complex)) or hasattr(t, "__index__")
            or hasattr(t, "__float__") or hasattr(t, "__int__"))


class _Writer:
    """CSV writer: formats rows and passes them to a file-like object's write()."""

    def __init__(self, fileobj, dialect):
        try:
            self._write = fileobj.write
        except AttributeError:
            raise TypeError('argument 1 must have a "write" method') from None
        self.dialect = dialect

    def _append(self, parts, field, quoted, first):
        # CPython: Modules/_csv.c join_append / join_append_data
        d = self.dialect
        if not field and d._delimiter == " " and d._skipinitialspace:
            if d._quoting == QUOTE_NONE or (field is None and
                                            d._quoting in (QUOTE_STRINGS, QUOTE_NOTNULL)):
                raise Error("empty field must be quoted if delimiter is a space "
                            "and skipinitialspace is true")
            quoted = True
        out = []
        for c in field or "":
            if (c == d._delimiter or c == d._escapechar or c == d._quotechar or c in "\r\n"
                    or c in d._lineterminator):
                want_escape = False
                if d._quoting == QUOTE_NONE:
                    want_escape = True
                else:
                    if c == d._quotechar:
                        if d._doublequote:
                            out.append(c)
                        else:
                            want_escape = True
                    elif c == d._escapechar:
                        want_escape = True
                    if not want_escape:
                        quoted = True
                if want_escape:
                    if d._escapechar is None:
                        raise Error("need to escape, but no escapechar set")
                    out.append(d._escapechar)
            out.append(c)
        if not first:
            parts.append(d._delimiter)
        if quoted:
            parts.append(d._quotechar + "".join(out) + d._quotechar)
        else:
            parts.append("".join(out))

    def writerow(self, row):
        """Construct and write a CSV record from an iterable of fields."""
        d = self.dialect
        try:
            fields = iter(row)
        except TypeError:
            raise Error(f"iterable expected, not {type(row).__name__}") from None
        parts = []
        count = 0
        null_field = False
        for field in fields:
            quoting = d._quoting
            if quoting == QUOTE_NONNUMERIC:
                quoted = not _is_number(field)
            elif quoting == QUOTE_ALL:
                quoted = True
            elif quoting == QUOTE_STRINGS:
                quoted = isinstance(field, str)
            elif quoting == QUOTE_NOTNULL:
                quoted = field is not None
            else:
                quoted = False
            null_field = field is None
            if null_field:
                text = None
            elif isinstance(field, str):
                text = field
            else:
                text = str(field)
            self._append(parts, text, quoted, count == 0)
            count += 1
        if count and not "".join(parts):
            if d._quoting == QUOTE_NONE or (null_field and
                                            d._quoting in (QUOTE_STRINGS, QUOTE_NOTNULL)):
                raise Error("single empty field record must be quoted")
            parts = []
            self._append(parts, None, True, True)
        return self._write("".join(parts) + d._lineterminator)

    def writerows(self, rows):
        """Construct and write a series of iterables to a csv file."""
        for row in rows:
            self.writerow(row)


_Writer.__name__ = _Writer.__qualname__ = "writer"
_Writer.__module__ = "_csv"


def writer(csvfile, dialect=None, **fmtparams):
    """Return a writer that converts rows to delimited strings on csvfile."""
    return _Writer(csvfile, _Dialect(dialect, **fmtparams))


# --- the Python-level dialect classes -------------------------------------------------

class Dialect:
    """Describe a CSV dialect (subclass it, as csv.excel does)."""

    _name = ""
    _valid = False
    delimiter = None
    quotechar = None
    escapechar = None
    doublequote = None
    skipinitialspace = None
    lineterminator = None
    quoting = None

    def __init__(self):
        if self.__class__ != Dialect:
            self._valid = True
        self._validate()

    def _validate(self):
        try:
            _Dialect(self)
        except TypeError as e:
            raise Error(str(e)) from None


class excel(Dialect):
    """Describe the usual properties of Excel-generated CSV files."""
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\r\n"
    quoting = QUOTE_MINIMAL


register_dialect("excel", excel)


class excel_tab(excel):
    """Describe the usual properties of Excel-generated TAB-delimited files."""
    delimiter = "\t"


register_dialect("excel-tab", excel_tab)


class unix_dialect(Dialect):
    """Describe the usual properties of Unix-generated CSV files."""
    delimiter = ","
    quotechar = '"'
    doublequote = True
    skipinitialspace = False
    lineterminator = "\n"
    quoting = QUOTE_ALL


register_dialect("unix", unix_dialect)


class DictReader:
    """Reads rows as dicts keyed by the first row (or the given fieldnames)."""

    def __init__(self, f, fieldnames=None, restkey=None, restval=None, dialect="excel",
                 *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self._fieldnames = fieldnames
        self.restkey = restkey
        self.restval = restval
        self.reader = reader(f, dialect, *args, **kwds)
        self.dialect = dialect
        self.line_num = 0

    def __iter__(self):
        return self

    @property
    def fieldnames(self):
        if self._fieldnames is None:
            try:
                self._fieldnames = next(self.reader)
            except StopIteration:
                pass
        self.line_num = self.reader.line_num
        return self._fieldnames

    @fieldnames.setter
    def fieldnames(self, value):
        self._fieldnames = value

    def __next__(self):
        if self.line_num == 0:
            self.fieldnames
        row = next(self.reader)
        self.line_num = self.reader.line_num
        while row == []:
            row = next(self.reader)
        names = self.fieldnames
        result = dict(zip(names, row))
        if len(names) < len(row):
            result[self.restkey] = row[len(names):]
        else:
            for key in names[len(row):]:
                result[key] = self.restval
        return result

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class DictWriter:
    """Writes dicts as rows in the order of fieldnames."""

    def __init__(self, f, fieldnames, restval="", extrasaction="raise", dialect="excel",
                 *args, **kwds):
        if fieldnames is not None and iter(fieldnames) is fieldnames:
            fieldnames = list(fieldnames)
        self.fieldnames = fieldnames
        self.restval = restval
        extrasaction = extrasaction.lower()
        if extrasaction not in ("raise", "ignore"):
            raise ValueError(f"extrasaction ({extrasaction}) must be 'raise' or 'ignore'")
        self.extrasaction = extrasaction
        self.writer = writer(f, dialect, *args, **kwds)

    def writeheader(self):
        return self.writerow(dict(zip(self.fieldnames, self.fieldnames)))

    def _dict_to_list(self, rowdict):
        if self.extrasaction == "raise":
            wrong = [k for k in rowdict if k not in self.fieldnames]
            if wrong:
                raise ValueError("dict contains fields not in fieldnames: "
                                 + ", ".join(repr(x) for x in wrong))
        return (rowdict.get(key, self.restval) for key in self.fieldnames)

    def writerow(self, rowdict):
        return self.writer.writerow(self._dict_to_list(rowdict))

    def writerows(self, rowdicts):
        return self.writer.writerows(map(self._dict_to_list, rowdicts))

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


# --- Sniffer --------------------------------------------------------------------------

class Sniffer:
    """Deduces the format of a CSV file from a sample."""

    def __init__(self):
        self.preferred = [",", "\t", ";", " ", ":"]

    def sniff(self, sample, delimiters=None):
        """Return a dialect (a Dialect subclass) matching the sample."""
        quotechar, doublequote, delimiter, skipinitialspace = \
            self._guess_quote_and_delimiter(sample, delimiters)
        if not delimiter:
            delimiter, skipinitialspace = self._guess_delimiter(sample, delimiters)
        if not delimiter:
            raise Error("Could not determine delimiter")

        class dialect(Dialect):
            _name = "sniffed"
            lineterminator = "\r\n"
            quoting = QUOTE_MINIMAL

        dialect.doublequote = doublequote
        dialect.delimiter = delimiter
        dialect.quotechar = quotechar or '"'
        dialect.skipinitialspace = skipinitialspace
        return dialect

    # A quoted field between delimiters, at a line's start, at its end, or alone on it.
    _QUOTED_FIELD_PATTERNS = (
        r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?P=delim)',
        r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?P<delim>[^\w\n"\'])(?P<space> ?)',
        r'(?P<delim>[^\w\n"\'])(?P<space> ?)(?P<quote>["\']).*?(?P=quote)(?:$|\n)',
        r'(?:^|\n)(?P<quote>["\']).*?(?P=quote)(?:$|\n)',
    )

    def _guess_quote_and_delimiter(self, data, delimiters):
        # CPython: Lib/csv.py Sniffer._guess_quote_and_delimiter
        import re
        matches = []
        for pattern in self._QUOTED_FIELD_PATTERNS:
            regex = re.compile(pattern, re.DOTALL | re.MULTILINE)
            matches = list(regex.finditer(data))
            if matches:
                break
        if not matches:
            return "", False, None, 0
        quote_counts = {}
        delim_counts = {}
        spaces = 0
        for m in matches:
            groups = m.groupdict()
            quote = groups["quote"]
            if quote:
                quote_counts[quote] = quote_counts.get(quote, 0) + 1
            delim = groups.get("delim")
            if delim and (delimiters is None or delim in delimiters):
                delim_counts[delim] = delim_counts.get(delim, 0) + 1
            if groups.get("space"):
                spaces += 1
        quotechar = max(quote_counts, key=quote_counts.get)
        if delim_counts:
            delim = max(delim_counts, key=delim_counts.get)
            skipinitialspace = delim_counts[delim] == spaces
            if delim == "\n":
                delim = ""
        else:
            delim = ""
            skipinitialspace = 0
        d = re.escape(delim)
        q = re.escape(quotechar)
        doubled = re.compile(rf"(({d})|^)\W*{q}[^{d}\n]*{q}[^{d}\n]*{q}\W*(({d})|$)",
                             re.MULTILINE)
        doublequote = bool(doubled.search(data))
        return quotechar, doublequote, delim, skipinitialspace

    def _guess_delimiter(self, data, delimiters):
        # The character whose count per line is the most consistent wins; lines are
        # examined ten at a time until exactly one candidate stands out.
        # CPython: Lib/csv.py Sniffer._guess_delimiter
        lines = [line for line in data.split("\n") if line]
        chunk = min(10, len(lines))
        histograms = {}       # char -> {count per line: number of lines}
        modes = {}            # char -> (usual count, lines with it minus the others)
        candidates = {}
        rounds = 0
        done = 0
        while done < len(lines):
            rounds += 1
            for line in lines[done:done + chunk]:
                for code in range(127):
                    char = chr(code)
                    hist = histograms.setdefault(char, {})
                    n = line.count(char)
                    hist[n] = hist.get(n, 0) + 1
            done += chunk
            for char, hist in histograms.items():
                entries = list(hist.items())
                if len(entries) == 1:
                    if entries[0][0] == 0:
                        continue
                    modes[char] = entries[0]
                    continue
                best = max(entries, key=lambda entry: entry[1])
                others = sum(entry[1] for entry in entries if entry is not best)
                modes[char] = (best[0], best[1] - others)
            seen = float(min(chunk * rounds, len(lines)))
            consistency = 1.0
            while not candidates and consistency >= 0.9:
                for char, (count, agree) in modes.items():
                    if count > 0 and agree > 0 and agree / seen >= consistency and (
                            delimiters is None or char in delimiters):
                        candidates[char] = (count, agree)
                consistency -= 0.01
            if len(candidates) == 1:
                (delim,) = candidates
                return delim, self._spaced(lines[0], delim)
        if not candidates:
            return "", 0
        if len(candidates) > 1:
            for delim in self.preferred:
                if delim in candidates:
                    return delim, self._spaced(lines[0], delim)
        delim = max((mode, char) for char, mode in candidates.items())[1]
        return delim, self._spaced(lines[0], delim)

    @staticmethod
    def _spaced(line, delim):
        return line.count(delim) == line.count(delim + " ")

    def has_header(self, sample):
        """Guess whether the first row of the sample is a header."""
        # A column is typed by its first 20 rows: a number type, or a constant length;
        # the header votes for itself where its cell does not fit the column's type.
        # CPython: Lib/csv.py Sniffer.has_header
        rows = reader(sample.splitlines(), self.sniff(sample))
        header = next(rows)
        kinds = {index: None for index in range(len(header))}
        for checked, row in enumerate(rows):
            if checked > 20:
                break
            if len(row) != len(header):
                continue
            for index in list(kinds):
                try:
                    complex(row[index])
                    kind = complex
                except (ValueError, OverflowError):
                    kind = len(row[index])
                if kind != kinds[index]:
                    if kinds[index] is None:
                        kinds[index] = kind
                    else:
                        del kinds[index]
        votes = 0
        for index, kind in kinds.items():
            if isinstance(kind, int):
                votes += 1 if len(header[index]) != kind else -1
            else:
                try:
                    kind(header[index])
                except (ValueError, TypeError):
                    votes += 1
                else:
                    votes -= 1
        return votes > 0
