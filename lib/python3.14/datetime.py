"""Concrete date/time and related types (gopy's own implementation).

The proleptic Gregorian calendar, fixed-offset time zones, and CPython 3.14's reprs, error
texts and ISO 8601 / strftime / strptime formats.
"""

__all__ = ("date", "datetime", "time", "timedelta", "timezone", "tzinfo",
           "MINYEAR", "MAXYEAR", "UTC")

MINYEAR = 1
MAXYEAR = 9999
_MAXORDINAL = 3652059

_DAYS_IN_MONTH = (0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)
_DAYS_BEFORE_MONTH = (0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)
_MONTHNAMES = (None, "January", "February", "March", "April", "May", "June", "July",
               "August", "September", "October", "November", "December")
_DAYNAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


# --- calendar arithmetic --------------------------------------------------------------

def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_year(year):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400


def _days_in_month(year, month):
    if month == 2 and _is_leap(year):
        return 29
    return _DAYS_IN_MONTH[month]


def _days_before_month(year, month):
    return _DAYS_BEFORE_MONTH[month] + (month > 2 and _is_leap(year))


def _ymd_to_ord(year, month, day):
    return _days_before_year(year) + _days_before_month(year, month) + day


def _ord_to_ymd(n):
    # Estimate the year from the mean Gregorian year, then correct by at most one.
    year = (n - 1) * 400 // 146097 + 1
    while _days_before_year(year + 1) < n:
        year += 1
    while _days_before_year(year) >= n:
        year -= 1
    n -= _days_before_year(year)
    month = 12
    while _days_before_month(year, month) >= n:
        month -= 1
    return year, month, n - _days_before_month(year, month)


def _iso_week1_monday(year):
    # The Monday of the week holding the year's first Thursday.
    first = _days_before_year(year) + 1
    weekday = (first + 6) % 7
    monday = first - weekday
    if weekday > 3:
        monday += 7
    return monday


def _index(value):
    if isinstance(value, int):
        return int(value)
    if isinstance(value, float):
        raise TypeError("'float' object cannot be interpreted as an integer")
    try:
        method = type(value).__index__
    except AttributeError:
        raise TypeError(f"'{type(value).__name__}' object cannot be interpreted as an integer") from None
    return method(value)


# The default of date's and datetime's required fields: CPython parses them with
# PyArg_ParseTupleAndKeywords("iii..."), whose message names the first one missing.
_REQUIRED = object()


def _check_date_fields(year, month, day):
    for pos, (name, value) in enumerate((("year", year), ("month", month), ("day", day)), 1):
        if value is _REQUIRED:
            raise TypeError(f"function missing required argument '{name}' (pos {pos})")
    year, month, day = _index(year), _index(month), _index(day)
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"year must be in {MINYEAR}..{MAXYEAR}, not {year}")
    if not 1 <= month <= 12:
        raise ValueError(f"month must be in 1..12, not {month}")
    dim = _days_in_month(year, month)
    if not 1 <= day <= dim:
        raise ValueError(f"day {day} must be in range 1..{dim} for month {month} in year {year}")
    return year, month, day


def _check_time_fields(hour, minute, second, microsecond, fold):
    hour, minute, second = _index(hour), _index(minute), _index(second)
    microsecond = _index(microsecond)
    if not 0 <= hour <= 23:
        raise ValueError(f"hour must be in 0..23, not {hour}")
    if not 0 <= minute <= 59:
        raise ValueError(f"minute must be in 0..59, not {minute}")
    if not 0 <= second <= 59:
        raise ValueError(f"second must be in 0..59, not {second}")
    if not 0 <= microsecond <= 999999:
        raise ValueError(f"microsecond must be in 0..999999, not {microsecond}")
    if fold not in (0, 1):
        raise ValueError(f"fold must be either 0 or 1, not {fold}")
    return hour, minute, second, microsecond, fold


def _check_tzinfo(tz):
    if tz is not None and not isinstance(tz, tzinfo):
        raise TypeError(f"tzinfo argument must be None or of a tzinfo subclass, "
                        f"not type '{type(tz).__name__}'")


def _round_half_even(a, b):
    # a / b rounded to the nearest integer, ties to even (b > 0).
    q, r = divmod(a, b)
    twice = 2 * r
    if twice > b or (twice == b and q % 2 == 1):
        q += 1
    return q


def _type_name(obj):
    t = type(obj)
    if t in _OWN_TYPES:
        return "datetime." + t.__name__
    return t.__name__


# Operands of these types never implement date arithmetic, so the error is raised here
# with the native type names CPython prints.
_FOREIGN = (int, float, complex, str, bytes, list, tuple, dict, set, frozenset, type(None))


def _binop_error(op, a, b):
    # Between two of this module's types, the reflected method would refuse too.
    own = isinstance(a, _OWN_TYPES) and isinstance(b, _OWN_TYPES)
    if own or isinstance(b, _FOREIGN) or isinstance(a, _FOREIGN):
        raise TypeError(f"unsupported operand type(s) for {op}: "
                        f"'{_type_name(a)}' and '{_type_name(b)}'")
    return NotImplemented


def _order_error(op, a, b):
    # A datetime meeting a date leaves the error to the date's method, which Python calls
    # next: `date < datetime` then names the operands in their written order.
    own = (isinstance(a, _OWN_TYPES) and isinstance(b, _OWN_TYPES)
           and not (isinstance(a, type(b)) and type(a) is not type(b)))
    if own or isinstance(b, _FOREIGN):
        raise TypeError(f"'{op}' not supported between instances of "
                        f"'{_type_name(a)}' and '{_type_name(b)}'")
    return NotImplemented


def _comparisons_by_compare():
    # The rich comparisons of a class whose _compare(other, op) gives -1/0/1, 2 (unequal
    # without an order) or None (not comparable).
    def method(op, test):
        def compare(self, other):
            c = self._compare(other, op)
            if c is None:
                return NotImplemented if op == "==" else _order_error(op, self, other)
            return test(c)
        compare.__name__ = compare.__qualname__ = _OP_NAMES[op]
        return compare
    return (method("==", lambda c: c == 0), method("<", lambda c: c < 0),
            method("<=", lambda c: c <= 0), method(">", lambda c: c == 1),
            method(">=", lambda c: c in (0, 1)))


_OP_NAMES = {"==": "__eq__", "<": "__lt__", "<=": "__le__", ">": "__gt__", ">=": "__ge__"}


def _readonly(slot):
    # A read-only attribute over a private slot.
    def get(self):
        return getattr(self, slot)
    return property(get)


def _cmp(a, b):
    return 0 if a == b else (1 if a > b else -1)


def _class_prefix(obj):
    # The native types print as datetime.date(...); a subclass by its bare name.
    t = type(obj)
    return "datetime." + t.__name__ if t in _OWN_TYPES else t.__name__


# --- timedelta ------------------------------------------------------------------------

_US_PER = {"days": 86400000000, "seconds": 1000000, "microseconds": 1,
           "milliseconds": 1000, "minutes": 60000000, "hours": 3600000000,
           "weeks": 604800000000}


class timedelta:
    """Difference between two datetime values."""

    __slots__ = ("_days", "_seconds", "_microseconds", "_hashcode")

    def __new__(cls, days=0, seconds=0, microseconds=0, milliseconds=0, minutes=0,
                hours=0, weeks=0):
        whole = 0
        frac = 0.0
        for unit, value in (("days", days), ("seconds", seconds),
                            ("microseconds", microseconds), ("milliseconds", milliseconds),
                            ("minutes", minutes), ("hours", hours), ("weeks", weeks)):
            mul = _US_PER[unit]
            if isinstance(value, int):
                whole += value * mul
            elif isinstance(value, float):
                if value != value or value in (float("inf"), float("-inf")):
                    raise ValueError("cannot convert float NaN to integer" if value != value
                                     else "cannot convert float infinity to integer")
                ip = int(value)
                whole += ip * mul
                frac += (value - ip) * mul
            else:
                raise TypeError(f"unsupported type for timedelta {unit} component: "
                                f"{type(value).__name__}")
        if frac:
            whole += round(frac)
        return cls._from_microseconds(whole)

    @classmethod
    def _from_microseconds(cls, us):
        self = object.__new__(cls)
        seconds, self._microseconds = divmod(us, 1000000)
        days, self._seconds = divmod(seconds, 86400)
        # microseconds_to_delta_ex reads the day count as a C int before checking its range.
        if not -2**31 <= days < 2**31:
            raise OverflowError("Python int too large to convert to C int")
        if abs(days) > 999999999:
            raise OverflowError(f"days={days}; must have magnitude <= 999999999")
        self._days = days
        self._hashcode = -1
        return self

    def _to_microseconds(self):
        return (self._days * 86400 + self._seconds) * 1000000 + self._microseconds

    days = _readonly("_days")
    seconds = _readonly("_seconds")
    microseconds = _readonly("_microseconds")

    def total_seconds(self):
        return self._to_microseconds() / 10**6

    def __repr__(self):
        parts = []
        if self._days:
            parts.append(f"days={self._days}")
        if self._seconds:
            parts.append(f"seconds={self._seconds}")
        if self._microseconds:
            parts.append(f"microseconds={self._microseconds}")
        return f"{_class_prefix(self)}({', '.join(parts) or '0'})"

    def __str__(self):
        mm, ss = divmod(self._seconds, 60)
        hh, mm = divmod(mm, 60)
        text = f"{hh}:{mm:02d}:{ss:02d}"
        if self._days:
            plural = "" if abs(self._days) == 1 else "s"
            text = f"{self._days} day{plural}, {text}"
        if self._microseconds:
            text += f".{self._microseconds:06d}"
        return text

    def __add__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() + other._to_microseconds())
        return _binop_error("+", self, other)

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return other.__add__(self)
        return _binop_error("+", other, self)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() - other._to_microseconds())
        return _binop_error("-", self, other)

    def __rsub__(self, other):
        if isinstance(other, timedelta):
            return other.__sub__(self)
        return _binop_error("-", other, self)

    def __neg__(self):
        return timedelta._from_microseconds(-self._to_microseconds())

    def __pos__(self):
        return self

    def __abs__(self):
        return -self if self._days < 0 else self

    def __mul__(self, other):
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() * other)
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            return timedelta._from_microseconds(_round_half_even(self._to_microseconds() * a, b))
        return _binop_error("*", self, other)

    def __rmul__(self, other):
        if isinstance(other, (int, float)):
            return self.__mul__(other)
        return _binop_error("*", other, self)

    def __floordiv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() // other._to_microseconds()
        if isinstance(other, int):
            return timedelta._from_microseconds(self._to_microseconds() // other)
        return _binop_error("//", self, other)

    def __truediv__(self, other):
        if isinstance(other, timedelta):
            return self._to_microseconds() / other._to_microseconds()
        if isinstance(other, int):
            if other == 0:
                raise ZeroDivisionError("division by zero")
            return timedelta._from_microseconds(_round_half_even(self._to_microseconds(), other)
                                                if other > 0 else
                                                _round_half_even(-self._to_microseconds(), -other))
        if isinstance(other, float):
            a, b = other.as_integer_ratio()
            if a == 0:
                raise ZeroDivisionError("division by zero")
            if a < 0:
                a, b = -a, -b
            return timedelta._from_microseconds(_round_half_even(b * self._to_microseconds(), a))
        return _binop_error("/", self, other)

    def __mod__(self, other):
        if isinstance(other, timedelta):
            return timedelta._from_microseconds(self._to_microseconds() % other._to_microseconds())
        return _binop_error("%", self, other)

    def __divmod__(self, other):
        if isinstance(other, timedelta):
            q, r = divmod(self._to_microseconds(), other._to_microseconds())
            return q, timedelta._from_microseconds(r)
        return _binop_error("divmod()", self, other)

    def _key(self):
        return (self._days, self._seconds, self._microseconds)

    def __eq__(self, other):
        if isinstance(other, timedelta):
            return self._key() == other._key()
        return NotImplemented

    def __lt__(self, other):
        if isinstance(other, timedelta):
            return self._key() < other._key()
        return _order_error("<", self, other)

    def __le__(self, other):
        if isinstance(other, timedelta):
            return self._key() <= other._key()
        return _order_error("<=", self, other)

    def __gt__(self, other):
        if isinstance(other, timedelta):
            return self._key() > other._key()
        return _order_error(">", self, other)

    def __ge__(self, other):
        if isinstance(other, timedelta):
            return self._key() >= other._key()
        return _order_error(">=", self, other)

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._key())
        return self._hashcode

    def __bool__(self):
        return bool(self._days or self._seconds or self._microseconds)

    def __reduce__(self):
        return (type(self), self._key())


timedelta.min = timedelta(-999999999)
timedelta.max = timedelta(days=999999999, hours=23, minutes=59, seconds=59,
                          microseconds=999999)
timedelta.resolution = timedelta(microseconds=1)


# --- formatting helpers ---------------------------------------------------------------

def _format_offset(off, sep=":"):
    # "+HH:MM[:SS[.ffffff]]" for a utcoffset(); "" for None.
    if off is None:
        return ""
    sign = "+"
    if off.days < 0:
        sign = "-"
        off = -off
    hh, rest = divmod(off.days * 86400 + off.seconds, 3600)
    mm, ss = divmod(rest, 60)
    text = f"{sign}{hh:02d}{sep}{mm:02d}"
    if ss or off.microseconds:
        text += f"{sep}{ss:02d}"
        if off.microseconds:
            text += f".{off.microseconds:06d}"
    return text


def _format_time(hh, mm, ss, us, timespec):
    if timespec == "auto":
        timespec = "microseconds" if us else "seconds"
    if timespec == "hours":
        return f"{hh:02d}"
    if timespec == "minutes":
        return f"{hh:02d}:{mm:02d}"
    if timespec == "seconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}"
    if timespec == "milliseconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}.{us // 1000:03d}"
    if timespec == "microseconds":
        return f"{hh:02d}:{mm:02d}:{ss:02d}.{us:06d}"
    raise ValueError("Unknown timespec value")


def _check_utc_offset(name, offset):
    if offset is None:
        return
    if not isinstance(offset, timedelta):
        raise TypeError(f"tzinfo.{name}() must return None or timedelta, "
                        f"not '{type(offset).__name__}'")
    if not -timedelta(1) < offset < timedelta(1):
        raise ValueError(f"offset must be a timedelta strictly between -timedelta(hours=24) "
                         f"and timedelta(hours=24), not {offset!r}")


def _strftime(obj, fmt, timetuple, microsecond):
    # CPython: _datetimemodule.c wrap_strftime. Only %z, %:z, %Z and %f are filled in here
    # (and a year below 1000 for %Y, %G, %F, %C, which the C library does not pad); the
    # rest of the format goes to time.strftime with the object's time tuple.
    if not isinstance(fmt, str):
        raise TypeError(f"strftime() argument 1 must be str, not {type(fmt).__name__}")
    import time as _time
    year = timetuple[0]
    out = []
    i, n, start = 0, len(fmt), 0
    while True:
        i = fmt.find("%", i)
        if i < 0 or i + 1 >= n:
            break
        end = i
        ch = fmt[i + 1]
        i += 2
        if ch == "z" or (ch == ":" and i < n and fmt[i] == "z"):
            if ch == ":":
                i += 1
            off = obj.utcoffset() if obj is not None else None
            rep = _format_offset(off, ":" if ch == ":" else "") if off is not None else ""
        elif ch == "Z":
            name = obj.tzname() if obj is not None else None
            rep = name.replace("%", "%%") if name is not None else ""
        elif ch == "f":
            rep = f"{microsecond:06d}"
        elif ch in "YGFC" and year < 1000:
            y = int(_time.strftime("%G", timetuple)) if ch == "G" else year
            rep = f"{y:04d}-%m-%d" if ch == "F" else f"{y:04d}"[:2] if ch == "C" else f"{y:04d}"
        else:
            continue
        out.append(fmt[start:end])
        out.append(rep)
        start = i
    out.append(fmt[start:])
    return _time.strftime("".join(out), timetuple)


def _ctime(year, month, day, hour, minute, second):
    # CPython: date_ctime / format_ctime, which pad the year to four digits.
    wday = (_ymd_to_ord(year, month, day) + 6) % 7
    return (f"{_DAYNAMES[wday][:3]} {_MONTHNAMES[month][:3]} {day:2d} "
            f"{hour:02d}:{minute:02d}:{second:02d} {year:04d}")


def _isocalendar(year, month, day):
    ordinal = _ymd_to_ord(year, month, day)
    iso_year = year
    week1 = _iso_week1_monday(iso_year)
    if ordinal < week1:
        iso_year -= 1
        week1 = _iso_week1_monday(iso_year)
    else:
        following = _iso_week1_monday(iso_year + 1)
        if ordinal >= following:
            iso_year += 1
            week1 = following
    week, wday = divmod(ordinal - week1, 7)
    return iso_year, week + 1, wday + 1


class IsoCalendarDate(tuple):
    """The (year, week, weekday) of date.isocalendar()."""

    def __new__(cls, year, week, weekday):
        return super().__new__(cls, (year, week, weekday))

    @property
    def year(self):
        return self[0]

    @property
    def week(self):
        return self[1]

    @property
    def weekday(self):
        return self[2]

    def __reduce__(self):
        return (tuple, (tuple(self),))

    def __repr__(self):
        return (f"{type(self).__name__}(year={self[0]}, week={self[1]}, weekday={self[2]})"
                if type(self) is not IsoCalendarDate else
                f"datetime.IsoCalendarDate(year={self[0]}, week={self[1]}, weekday={self[2]})")


def _struct_time(fields):
    import time as _time
    return _time.struct_time(fields)


# --- ISO 8601 parsing (3.11+ formats) -------------------------------------------------

def _parse_isoformat_date(s):
    # YYYY-MM-DD, YYYYMMDD, YYYY-Www[-D], YYYYWww[D]
    if len(s) < 7 or not s[:4].isdigit():
        raise ValueError
    year = int(s[:4])
    rest = s[4:]
    dashed = rest[:1] == "-"
    if dashed:
        rest = rest[1:]
    if rest[:1] == "W":
        rest = rest[1:]
        if len(rest) < 2 or not rest[:2].isdigit():
            raise ValueError
        week = int(rest[:2])
        rest = rest[2:]
        day = 1
        if rest:
            if dashed:
                if rest[:1] != "-":
                    raise ValueError
                rest = rest[1:]
            if len(rest) != 1 or not rest.isdigit():
                raise ValueError
            day = int(rest)
        return _from_iso_calendar(year, week, day)
    if dashed:
        if len(rest) != 5 or rest[2] != "-":
            raise ValueError
        mm, dd = rest[:2], rest[3:]
    else:
        if len(rest) != 4:
            raise ValueError
        mm, dd = rest[:2], rest[2:]
    if not (mm.isdigit() and dd.isdigit() and mm.isascii() and dd.isascii()):
        raise ValueError
    return _check_date_fields(year, int(mm), int(dd))


def _from_iso_calendar(year, week, day):
    if not MINYEAR <= year <= MAXYEAR:
        raise ValueError(f"year {year} is out of range")
    if not 0 < week < 53:
        valid = week == 53 and _isocalendar(year, 12, 28)[1] == 53
        if not valid:
            raise ValueError(f"Invalid week: {week}")
    if not 0 < day < 8:
        raise ValueError(f"Invalid weekday: {day} (range is [1, 7])")
    ordinal = _iso_week1_monday(year) + (week - 1) * 7 + day - 1
    return _ord_to_ymd(ordinal)


def _is_field_error(error):
    # A well-formed ISO string with an impossible field reports the field, as the
    # constructor does; anything else is an invalid string.
    return " must be in " in str(error)


def _check_iso_midnight(minute, second, microsecond):
    # 24:00 is the next day's midnight; nothing else past 23:59:59.
    if minute or second or microsecond:
        raise ValueError("minute, second, and microsecond must be 0 when hour is 24")


def _parse_digits(s, pos, count):
    part = s[pos:pos + count]
    if len(part) != count or not part.isdigit() or not part.isascii():
        raise ValueError
    return int(part), pos + count


def _parse_clock(text):
    # CPython: parse_hh_mm_ss_ff. HH[:MM[:SS[.ffffff]]] or HH[MM[SS[.ffffff]]] ("," as a
    # decimal mark too; fraction digits past six are dropped). Returns the four numbers and
    # whether a character was left over at the end, which only a following offset forgives.
    vals = [0, 0, 0]
    pos, n = 0, len(text)
    separated = True
    for i in range(3):
        vals[i], pos = _parse_digits(text, pos, 2)
        c = text[pos] if pos < n else ""
        pos += 1
        if i == 0:
            separated = c == ":"
        if c in (".", ","):
            if i < 2 or pos >= n:
                raise ValueError
            break
        if pos >= n:
            return vals[0], vals[1], vals[2], 0, c != ""
        if separated and c == ":":
            if i == 2:
                raise ValueError
            continue
        if separated:
            raise ValueError
        pos -= 1
    count = min(n - pos, 6)
    us, pos = _parse_digits(text, pos, count)
    us *= 10 ** (6 - count)
    while pos < n and text[pos] in "0123456789":
        pos += 1
    return vals[0], vals[1], vals[2], us, pos < n


def _parse_isoformat_time(s):
    # CPython: parse_isoformat_time. The offset starts at the first "Z", "+" or "-".
    tz_pos = len(s)
    for mark in "Z+-":
        k = s.find(mark)
        if k != -1 and k < tz_pos:
            tz_pos = k
    body, tz_text = s[:tz_pos], s[tz_pos:]
    hour, minute, second, us, rest = _parse_clock(body)
    tz = None
    if not tz_text:
        if rest:
            raise ValueError
    elif tz_text == "Z":
        tz = timezone.utc
    else:
        sign = -1 if tz_text[0] == "-" else 1
        oh, om, osec, ous, rest = _parse_clock(tz_text[1:])
        if rest:
            raise ValueError
        offset = timedelta(hours=oh, minutes=om, seconds=osec, microseconds=ous)
        tz = timezone.utc if not offset else timezone(sign * offset)
    return hour, minute, second, us, tz


# --- date -----------------------------------------------------------------------------

class date:
    """date(year, month, day) --> date object"""

    __slots__ = ("_year", "_month", "_day", "_hashcode")

    def __new__(cls, year=_REQUIRED, month=_REQUIRED, day=_REQUIRED):
        year, month, day = _check_date_fields(year, month, day)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        self._hashcode = -1
        return self

    @classmethod
    def fromtimestamp(cls, t):
        y, m, d, *_ = _local_fields(t)
        return cls(y, m, d)

    @classmethod
    def today(cls):
        import time as _time
        return cls.fromtimestamp(_time.time())

    @classmethod
    def fromordinal(cls, n):
        n = _index(n)
        if not 1 <= n <= _MAXORDINAL:
            raise ValueError(f"ordinal must be >= 1")
        return cls(*_ord_to_ymd(n))

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        if len(date_string) not in (7, 8, 10):
            raise ValueError(f"Invalid isoformat string: {date_string!r}")
        try:
            return cls(*_parse_isoformat_date(date_string))
        except ValueError as e:
            if _is_field_error(e):
                raise
            raise ValueError(f"Invalid isoformat string: {date_string!r}") from None

    @classmethod
    def fromisocalendar(cls, year, week, day):
        return cls(*_from_iso_calendar(year, week, day))

    @classmethod
    def strptime(cls, date_string, format):
        fields = _strptime(date_string, format)
        return cls(*fields[:3])

    def __repr__(self):
        return f"{_class_prefix(self)}({self._year}, {self._month}, {self._day})"

    def ctime(self):
        return _ctime(self._year, self._month, self._day, 0, 0, 0)

    def strftime(self, format):
        return _strftime(None, format, self.timetuple(), 0)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f"must be str, not {type(fmt).__name__}")
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def isoformat(self):
        return f"{self._year:04d}-{self._month:02d}-{self._day:02d}"

    __str__ = isoformat

    year = _readonly("_year")
    month = _readonly("_month")
    day = _readonly("_day")

    def timetuple(self):
        return _struct_time((self._year, self._month, self._day, 0, 0, 0, self.weekday(),
                             self.toordinal() - _days_before_year(self._year), -1))

    def toordinal(self):
        return _ymd_to_ord(self._year, self._month, self._day)

    def replace(self, year=None, month=None, day=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day)

    __replace__ = replace

    def _date_key(self):
        return (self._year, self._month, self._day)

    def _comparable(self, other):
        return isinstance(other, date) and not isinstance(other, datetime)

    def __eq__(self, other):
        if isinstance(self, datetime) or not self._comparable(other):
            return NotImplemented
        return self._date_key() == other._date_key()

    def __lt__(self, other):
        if self._comparable(other):
            return self._date_key() < other._date_key()
        return _order_error("<", self, other)

    def __le__(self, other):
        if self._comparable(other):
            return self._date_key() <= other._date_key()
        return _order_error("<=", self, other)

    def __gt__(self, other):
        if self._comparable(other):
            return self._date_key() > other._date_key()
        return _order_error(">", self, other)

    def __ge__(self, other):
        if self._comparable(other):
            return self._date_key() >= other._date_key()
        return _order_error(">=", self, other)

    def __hash__(self):
        if self._hashcode == -1:
            self._hashcode = hash(self._date_key())
        return self._hashcode

    def __add__(self, other):
        if isinstance(other, timedelta):
            n = self.toordinal() + other.days
            if 0 < n <= _MAXORDINAL:
                return type(self).fromordinal(n)
            raise OverflowError("date value out of range")
        return _binop_error("+", self, other)

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self.__add__(other)
        return _binop_error("+", other, self)

    def __sub__(self, other):
        if isinstance(other, timedelta):
            return self + timedelta(-other.days)
        if isinstance(other, date) and not isinstance(other, datetime):
            return timedelta(self.toordinal() - other.toordinal())
        return _binop_error("-", self, other)

    def __rsub__(self, other):
        return _binop_error("-", other, self)

    def weekday(self):
        return (self.toordinal() + 6) % 7

    def isoweekday(self):
        return self.weekday() + 1

    def isocalendar(self):
        return IsoCalendarDate(*_isocalendar(self._year, self._month, self._day))

    def __reduce__(self):
        return (type(self), self._date_key())


date.min = date(1, 1, 1)
date.max = date(9999, 12, 31)
date.resolution = timedelta(days=1)


# --- tzinfo and timezone --------------------------------------------------------------

class tzinfo:
    """Abstract base class for time zone info objects."""

    __slots__ = ()

    def tzname(self, dt):
        raise NotImplementedError("tzinfo subclass must override tzname()")

    def utcoffset(self, dt):
        raise NotImplementedError("tzinfo subclass must override utcoffset()")

    def dst(self, dt):
        raise NotImplementedError("tzinfo subclass must override dst()")

    def fromutc(self, dt):
        if not isinstance(dt, datetime):
            raise TypeError("fromutc() requires a datetime argument")
        if dt.tzinfo is not self:
            raise ValueError("dt.tzinfo is not self")
        off = dt.utcoffset()
        if off is None:
            raise ValueError("fromutc() requires a non-None utcoffset() result")
        dst = dt.dst()
        if dst is None:
            raise ValueError("fromutc() requires a non-None dst() result")
        delta = off - dst
        if delta:
            dt += delta
            dst = dt.dst()
            if dst is None:
                raise ValueError("fromutc(): dt.dst gave inconsistent results; "
                                 "cannot convert")
        return dt + dst

    def __reduce__(self):
        getinitargs = getattr(self, "__getinitargs__", None)
        args = getinitargs() if getinitargs else ()
        return (type(self), args, getattr(self, "__dict__", None) or None)


class timezone(tzinfo):
    """Fixed offset from UTC implementation of tzinfo."""

    __slots__ = ("_offset", "_name")

    _Omitted = object()

    def __new__(cls, offset, name=_Omitted):
        if not isinstance(offset, timedelta):
            raise TypeError(f"timezone() argument 1 must be datetime.timedelta, "
                            f"not {type(offset).__name__}")
        if name is cls._Omitted:
            if not offset:
                return cls.utc
            name = None
        elif not isinstance(name, str):
            raise TypeError(f"timezone() argument 2 must be str, not {type(name).__name__}")
        if not cls._minoffset <= offset <= cls._maxoffset:
            raise ValueError("offset must be a timedelta strictly between "
                             "-timedelta(hours=24) and timedelta(hours=24), "
                             f"not {offset!r}")
        return cls._create(offset, name)

    @classmethod
    def _create(cls, offset, name=None):
        self = tzinfo.__new__(cls)
        self._offset = offset
        self._name = name
        return self

    def __getinitargs__(self):
        return (self._offset,) if self._name is None else (self._offset, self._name)

    def __reduce__(self):
        return (type(self), self.__getinitargs__())

    def __eq__(self, other):
        if isinstance(other, timezone):
            return self._offset == other._offset
        return NotImplemented

    def __hash__(self):
        return hash(self._offset)

    def __repr__(self):
        if self is self.utc:
            return "datetime.timezone.utc"
        if self._name is None:
            return f"{_class_prefix(self)}({self._offset!r})"
        return f"{_class_prefix(self)}({self._offset!r}, {self._name!r})"

    def __str__(self):
        return self.tzname(None)

    def utcoffset(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return self._offset
        raise TypeError("utcoffset() argument must be a datetime instance or None")

    def tzname(self, dt):
        if isinstance(dt, datetime) or dt is None:
            if self._name is None:
                return self._name_from_offset(self._offset)
            return self._name
        raise TypeError("tzname() argument must be a datetime instance or None")

    def dst(self, dt):
        if isinstance(dt, datetime) or dt is None:
            return None
        raise TypeError("dst() argument must be a datetime instance or None")

    def fromutc(self, dt):
        if isinstance(dt, datetime):
            if dt.tzinfo is not self:
                raise ValueError("fromutc: dt.tzinfo is not self")
            return dt + self._offset
        raise TypeError("fromutc() argument must be a datetime instance or None")

    @staticmethod
    def _name_from_offset(delta):
        if not delta:
            return "UTC"
        return "UTC" + _format_offset(delta)


timezone._maxoffset = timedelta(hours=24, microseconds=-1)
timezone._minoffset = -timezone._maxoffset
timezone.utc = timezone._create(timedelta(0))
timezone.min = timezone._create(-timedelta(hours=23, minutes=59))
timezone.max = timezone._create(timedelta(hours=23, minutes=59))
UTC = timezone.utc


# --- time -----------------------------------------------------------------------------

class time:
    """time([hour[, minute[, second[, microsecond[, tzinfo]]]]]) --> a time object"""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_hashcode",
                 "_fold")

    def __new__(cls, hour=0, minute=0, second=0, microsecond=0, tzinfo=None, *, fold=0):
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._hour, self._minute, self._second = hour, minute, second
        self._microsecond, self._tzinfo, self._fold = microsecond, tzinfo, fold
        self._hashcode = -1
        return self

    hour = _readonly("_hour")
    minute = _readonly("_minute")
    second = _readonly("_second")
    microsecond = _readonly("_microsecond")
    tzinfo = _readonly("_tzinfo")
    fold = _readonly("_fold")

    def _time_key(self):
        return (self._hour, self._minute, self._second, self._microsecond)

    def _compare(self, other, op):
        if not isinstance(other, time):
            return None
        mytz, ottz = self._tzinfo, other._tzinfo
        myoff = otoff = None
        if mytz is ottz:
            return _cmp(self._time_key(), other._time_key())
        myoff, otoff = self.utcoffset(), other.utcoffset()
        if myoff == otoff:
            return _cmp(self._time_key(), other._time_key())
        if myoff is None or otoff is None:
            if op == "==":
                return 2
            raise TypeError("can't compare offset-naive and offset-aware times")
        mine = self._hour * 60 + self._minute - myoff // timedelta(minutes=1)
        theirs = other._hour * 60 + other._minute - otoff // timedelta(minutes=1)
        return _cmp((mine, self._second, self._microsecond),
                    (theirs, other._second, other._microsecond))

    __eq__, __lt__, __le__, __gt__, __ge__ = _comparisons_by_compare()

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            off = t.utcoffset()
            if not off:
                self._hashcode = hash(t._time_key())
            else:
                h, m = divmod(timedelta(hours=self._hour, minutes=self._minute) - off,
                              timedelta(hours=1))
                m //= timedelta(minutes=1)
                if 0 <= h < 24:
                    self._hashcode = hash(time(h, m, self._second, self._microsecond))
                else:
                    self._hashcode = hash((h, m, self._second, self._microsecond))
        return self._hashcode

    def __repr__(self):
        if self._microsecond:
            args = f"{self._hour}, {self._minute}, {self._second}, {self._microsecond}"
        elif self._second:
            args = f"{self._hour}, {self._minute}, {self._second}"
        else:
            args = f"{self._hour}, {self._minute}"
        text = f"{_class_prefix(self)}({args})"
        if self._tzinfo is not None:
            text = text[:-1] + f", tzinfo={self._tzinfo!r})"
        if self._fold:
            text = text[:-1] + ", fold=1)"
        return text

    def isoformat(self, timespec="auto"):
        text = _format_time(self._hour, self._minute, self._second, self._microsecond,
                            timespec)
        return text + _format_offset(self.utcoffset())

    __str__ = isoformat

    @classmethod
    def fromisoformat(cls, time_string):
        if not isinstance(time_string, str):
            raise TypeError("fromisoformat: argument must be str")
        text = time_string[1:] if time_string[:1] == "T" else time_string
        try:
            hh, mm, ss, us, tz = _parse_isoformat_time(text)
        except ValueError:
            raise ValueError(f"Invalid isoformat string: {time_string!r}") from None
        if hh == 24:
            _check_iso_midnight(mm, ss, us)
            hh = 0
        return cls(hh, mm, ss, us, tz)

    @classmethod
    def strptime(cls, date_string, format):
        fields = _strptime(date_string, format)
        return cls(*fields[3:])

    def strftime(self, format):
        return _strftime(self, format, (1900, 1, 1, self._hour, self._minute, self._second,
                                        0, 1, -1), self._microsecond)

    def __format__(self, fmt):
        if not isinstance(fmt, str):
            raise TypeError(f"must be str, not {type(fmt).__name__}")
        if fmt:
            return self.strftime(fmt)
        return str(self)

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        off = self._tzinfo.utcoffset(None)
        _check_utc_offset("utcoffset", off)
        return off

    def tzname(self):
        if self._tzinfo is None:
            return None
        return self._tzinfo.tzname(None)

    def dst(self):
        if self._tzinfo is None:
            return None
        off = self._tzinfo.dst(None)
        _check_utc_offset("dst", off)
        return off

    def replace(self, hour=None, minute=None, second=None, microsecond=None, tzinfo=True,
                *, fold=None):
        return type(self)(self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    __replace__ = replace

    def __reduce__(self):
        return (type(self), self._time_key() + (self._tzinfo,))


time.min = time(0, 0, 0)
time.max = time(23, 59, 59, 999999)
time.resolution = timedelta(microseconds=1)


# --- datetime -------------------------------------------------------------------------

_EPOCH_ORDINAL = 719163


def _utc_fields(seconds):
    days, rest = divmod(seconds, 86400)
    y, m, d = _ord_to_ymd(days + _EPOCH_ORDINAL)
    hh, rest = divmod(rest, 3600)
    mm, ss = divmod(rest, 60)
    return y, m, d, hh, mm, ss


def _local_fields(t):
    # The C library's localtime() through the time module.
    import time as _time
    whole, us = _split_timestamp(t)
    tm = _time.localtime(whole)
    return tm[0], tm[1], tm[2], tm[3], tm[4], min(tm[5], 59), us


def _split_timestamp(t):
    # Seconds and microseconds, the fraction rounded half to even.
    if isinstance(t, int):
        return t, 0
    if not isinstance(t, float):
        try:
            t = float(t)
        except (TypeError, ValueError):
            raise TypeError(f"'{type(t).__name__}' object cannot be interpreted as an integer") from None
    if t != t or t in (float("inf"), float("-inf")):
        raise ValueError("Invalid value NaN (not a number)" if t != t
                         else "cannot convert float infinity to integer")
    whole = int(t)
    us = round((t - whole) * 1e6)
    if us >= 1000000:
        whole += 1
        us -= 1000000
    elif us < 0:
        whole -= 1
        us += 1000000
    return whole, us


def _local_offset_seconds(seconds):
    import time as _time
    return _time.localtime(seconds).tm_gmtoff


class datetime(date):
    """datetime(year, month, day[, hour[, minute[, second[, microsecond[,tzinfo]]]]])"""

    __slots__ = ("_hour", "_minute", "_second", "_microsecond", "_tzinfo", "_fold")

    def __new__(cls, year=_REQUIRED, month=_REQUIRED, day=_REQUIRED, hour=0, minute=0, second=0, microsecond=0,
                tzinfo=None, *, fold=0):
        year, month, day = _check_date_fields(year, month, day)
        hour, minute, second, microsecond, fold = _check_time_fields(
            hour, minute, second, microsecond, fold)
        _check_tzinfo(tzinfo)
        self = object.__new__(cls)
        self._year, self._month, self._day = year, month, day
        self._hour, self._minute, self._second = hour, minute, second
        self._microsecond, self._tzinfo, self._fold = microsecond, tzinfo, fold
        self._hashcode = -1
        return self

    hour = time.hour
    minute = time.minute
    second = time.second
    microsecond = time.microsecond
    tzinfo = time.tzinfo
    fold = time.fold

    @classmethod
    def _from_timestamp(cls, t, utc, tz):
        whole, us = _split_timestamp(t)
        if utc:
            y, m, d, hh, mm, ss = _utc_fields(whole)
        else:
            y, m, d, hh, mm, ss, _ = _local_fields(whole)
        result = cls(y, m, d, hh, mm, ss, us, tz)
        return result

    @classmethod
    def fromtimestamp(cls, timestamp, tz=None):
        _check_tzinfo(tz)
        if tz is None:
            return cls._from_timestamp(timestamp, False, None)
        return tz.fromutc(cls._from_timestamp(timestamp, True, tz))

    @classmethod
    def utcfromtimestamp(cls, t):
        import warnings
        warnings.warn("datetime.datetime.utcfromtimestamp() is deprecated and scheduled "
                      "for removal in a future version. Use timezone-aware objects to "
                      "represent datetimes in UTC: "
                      "datetime.datetime.fromtimestamp(t, datetime.UTC).",
                      DeprecationWarning, stacklevel=2)
        return cls._from_timestamp(t, True, None)

    @classmethod
    def now(cls, tz=None):
        import time as _time
        return cls.fromtimestamp(_time.time(), tz)

    @classmethod
    def today(cls):
        import time as _time
        return cls.fromtimestamp(_time.time())

    @classmethod
    def utcnow(cls):
        import time as _time
        import warnings
        warnings.warn("datetime.datetime.utcnow() is deprecated and scheduled for removal "
                      "in a future version. Use timezone-aware objects to represent "
                      "datetimes in UTC: datetime.datetime.now(datetime.UTC).",
                      DeprecationWarning, stacklevel=2)
        return cls._from_timestamp(_time.time(), True, None)

    @classmethod
    def combine(cls, date, time, tzinfo=True):
        if not isinstance(date, _date_class):
            raise TypeError(f"combine() argument 1 must be datetime.date, "
                            f"not {type(date).__name__}")
        if not isinstance(time, _time_class):
            raise TypeError(f"combine() argument 2 must be datetime.time, "
                            f"not {type(time).__name__}")
        if tzinfo is True:
            tzinfo = time.tzinfo
        return cls(date.year, date.month, date.day, time.hour, time.minute, time.second,
                   time.microsecond, tzinfo, fold=time.fold)

    @classmethod
    def fromisoformat(cls, date_string):
        if not isinstance(date_string, str):
            raise TypeError("fromisoformat: argument must be str")
        if len(date_string) < 7:
            raise ValueError(f"Invalid isoformat string: {date_string!r}")
        split = _isoformat_separator(date_string)
        try:
            ymd = _parse_isoformat_date(date_string[:split])
        except ValueError as e:
            if _is_field_error(e):
                raise
            raise ValueError(f"Invalid isoformat string: {date_string!r}") from None
        if split < len(date_string):
            try:
                hh, mm, ss, us, tz = _parse_isoformat_time(date_string[split + 1:])
            except ValueError:
                raise ValueError(f"Invalid isoformat string: {date_string!r}") from None
            if hh == 24 and ymd[2] <= _days_in_month(ymd[0], ymd[1]):
                _check_iso_midnight(mm, ss, us)
                ymd = _ord_to_ymd(_ymd_to_ord(*ymd) + 1)
                hh = 0
        else:
            hh = mm = ss = us = 0
            tz = None
        return cls(*ymd, hh, mm, ss, us, tz)

    @classmethod
    def strptime(cls, date_string, format):
        fields = _strptime(date_string, format)
        return cls(*fields)

    def timetuple(self):
        dst = self.dst()
        flag = -1 if dst is None else int(bool(dst))
        return _struct_time((self._year, self._month, self._day, self._hour, self._minute,
                             self._second, self.weekday(),
                             self.toordinal() - _days_before_year(self._year), flag))

    def utctimetuple(self):
        off = self.utcoffset()
        t = self - off if off else self
        return _struct_time((t._year, t._month, t._day, t._hour, t._minute, t._second,
                             t.weekday(), t.toordinal() - _days_before_year(t._year), 0))

    def _seconds_since_epoch(self):
        return ((self.toordinal() - _EPOCH_ORDINAL) * 86400 + self._hour * 3600
                + self._minute * 60 + self._second)

    def _local_to_utc_seconds(self):
        # The UTC instant whose local time is this naive datetime.
        t = self._seconds_since_epoch()
        u = t - _local_offset_seconds(t)
        u2 = t - _local_offset_seconds(u)
        if u2 == u:
            return u
        u3 = t - _local_offset_seconds(u2)
        return u3 if self._fold else min(u2, u3) if u3 != u2 else u2

    def timestamp(self):
        if self._tzinfo is None:
            return self._local_to_utc_seconds() + self._microsecond / 1e6
        return (self - _EPOCH).total_seconds()

    def date(self):
        return date(self._year, self._month, self._day)

    def time(self):
        return time(self._hour, self._minute, self._second, self._microsecond,
                    fold=self._fold)

    def timetz(self):
        return time(self._hour, self._minute, self._second, self._microsecond,
                    self._tzinfo, fold=self._fold)

    def replace(self, year=None, month=None, day=None, hour=None, minute=None, second=None,
                microsecond=None, tzinfo=True, *, fold=None):
        return type(self)(self._year if year is None else year,
                          self._month if month is None else month,
                          self._day if day is None else day,
                          self._hour if hour is None else hour,
                          self._minute if minute is None else minute,
                          self._second if second is None else second,
                          self._microsecond if microsecond is None else microsecond,
                          self._tzinfo if tzinfo is True else tzinfo,
                          fold=self._fold if fold is None else fold)

    __replace__ = replace

    def _local_timezone(self):
        if self._tzinfo is None:
            ts = self._local_to_utc_seconds()
        else:
            ts = (self - _EPOCH) // timedelta(seconds=1)
        import time as _time
        local = _time.localtime(ts)
        return timezone(timedelta(seconds=local.tm_gmtoff), local.tm_zone)

    def astimezone(self, tz=None):
        if tz is None:
            tz = self._local_timezone()
        elif not isinstance(tz, tzinfo):
            raise TypeError("tzinfo argument must be an instance of tzinfo")
        mytz = self._tzinfo
        if mytz is None:
            mytz = self._local_timezone()
            myoffset = mytz.utcoffset(self)
        else:
            myoffset = mytz.utcoffset(self)
            if myoffset is None:
                mytz = self.replace(tzinfo=None)._local_timezone()
                myoffset = mytz.utcoffset(self)
        if tz is mytz:
            return self
        utc = (self - myoffset).replace(tzinfo=tz)
        return tz.fromutc(utc)

    def ctime(self):
        return _ctime(self._year, self._month, self._day, self._hour, self._minute, self._second)

    def strftime(self, format):
        return _strftime(self, format, self.timetuple(), self._microsecond)

    def isoformat(self, sep="T", timespec="auto"):
        text = (f"{self._year:04d}-{self._month:02d}-{self._day:02d}{sep}"
                + _format_time(self._hour, self._minute, self._second, self._microsecond,
                               timespec))
        return text + _format_offset(self.utcoffset())

    def __str__(self):
        return self.isoformat(sep=" ")

    def __repr__(self):
        fields = [self._year, self._month, self._day, self._hour, self._minute,
                  self._second, self._microsecond]
        while len(fields) > 5 and fields[-1] == 0:
            fields.pop()
        text = f"{_class_prefix(self)}({', '.join(map(str, fields))})"
        if self._tzinfo is not None:
            text = text[:-1] + f", tzinfo={self._tzinfo!r})"
        if self._fold:
            text = text[:-1] + ", fold=1)"
        return text

    def utcoffset(self):
        if self._tzinfo is None:
            return None
        off = self._tzinfo.utcoffset(self)
        _check_utc_offset("utcoffset", off)
        return off

    def tzname(self):
        if self._tzinfo is None:
            return None
        name = self._tzinfo.tzname(self)
        if name is not None and not isinstance(name, str):
            raise TypeError(f"tzinfo.tzname() must return None or a string, "
                            f"not '{type(name).__name__}'")
        return name

    def dst(self):
        if self._tzinfo is None:
            return None
        off = self._tzinfo.dst(self)
        _check_utc_offset("dst", off)
        return off

    def _dt_key(self):
        return (self._year, self._month, self._day, self._hour, self._minute, self._second,
                self._microsecond)

    def _compare(self, other, op):
        if not isinstance(other, datetime):
            return None
        mytz, ottz = self._tzinfo, other._tzinfo
        if mytz is ottz:
            return _cmp(self._dt_key(), other._dt_key())
        myoff, otoff = self.utcoffset(), other.utcoffset()
        if op == "==":
            # An ambiguous or missing local time never equals another time zone's.
            if myoff != self.replace(fold=not self._fold).utcoffset():
                return 2
            if otoff != other.replace(fold=not other._fold).utcoffset():
                return 2
        if myoff == otoff:
            return _cmp(self._dt_key(), other._dt_key())
        if myoff is None or otoff is None:
            if op == "==":
                return 2
            raise TypeError("can't compare offset-naive and offset-aware datetimes")
        diff = self - other
        if diff.days < 0:
            return -1
        return 1 if diff else 0

    __eq__, __lt__, __le__, __gt__, __ge__ = _comparisons_by_compare()

    def _total_microseconds(self):
        return (self._seconds_since_epoch() * 1000000) + self._microsecond

    def __add__(self, other):
        if not isinstance(other, timedelta):
            return _binop_error("+", self, other)
        us = self._total_microseconds() + other._to_microseconds()
        seconds, micro = divmod(us, 1000000)
        days = seconds // 86400
        if not 0 < days + _EPOCH_ORDINAL <= _MAXORDINAL:
            raise OverflowError("date value out of range")
        y, m, d, hh, mm, ss = _utc_fields(seconds)
        return type(self)(y, m, d, hh, mm, ss, micro, self._tzinfo)

    def __radd__(self, other):
        if isinstance(other, timedelta):
            return self.__add__(other)
        return _binop_error("+", other, self)

    def __sub__(self, other):
        if not isinstance(other, datetime):
            if isinstance(other, timedelta):
                return self + -other
            return _binop_error("-", self, other)
        base = timedelta._from_microseconds(self._total_microseconds()
                                            - other._total_microseconds())
        if self._tzinfo is other._tzinfo:
            return base
        myoff, otoff = self.utcoffset(), other.utcoffset()
        if myoff == otoff:
            return base
        if myoff is None or otoff is None:
            raise TypeError("can't subtract offset-naive and offset-aware datetimes")
        return base + otoff - myoff

    def __rsub__(self, other):
        return _binop_error("-", other, self)

    def __hash__(self):
        if self._hashcode == -1:
            t = self.replace(fold=0) if self._fold else self
            off = t.utcoffset()
            if off is None:
                self._hashcode = hash(t._dt_key())
            else:
                self._hashcode = hash(t._total_microseconds() - off._to_microseconds())
        return self._hashcode

    def __reduce__(self):
        return (type(self), self._dt_key() + (self._tzinfo,))


_date_class = date
_time_class = time

datetime.min = datetime(1, 1, 1)
datetime.max = datetime(9999, 12, 31, 23, 59, 59, 999999)
datetime.resolution = timedelta(microseconds=1)

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)

_OWN_TYPES = (date, datetime, time, timedelta, timezone, tzinfo)


def _isoformat_separator(s):
    # Where the date part of an ISO 8601 datetime string ends.
    # CPython: Lib/_pydatetime.py _find_isoformat_datetime_separator
    n = len(s)
    if n == 7:
        return 7
    if s[4] == "-":
        # Extended: YYYY-MM-DD or YYYY-Www-D or YYYY-Www.
        if s[5] == "W":
            if n < 8:
                raise ValueError(f"Invalid isoformat string: {s!r}")
            if n > 8 and s[8] == "-":
                if n == 9:
                    raise ValueError(f"Invalid isoformat string: {s!r}")
                if n > 10 and s[10].isdigit():
                    return 8
                return 10
            return 8
        return 10
    # Basic: YYYYMMDD or YYYYWww[D].
    if s[4] == "W":
        k = 7
        if n > 7 and s[7].isdigit():
            k = 8
        return k
    return 8


# --- strptime -------------------------------------------------------------------------

def _strptime_mismatch(data, fmt):
    return ValueError(f"time data {data!r} does not match format {fmt!r}")


_NUMERIC = {"d": (2, 1, 31), "m": (2, 1, 12), "H": (2, 0, 23), "I": (2, 1, 12),
            "M": (2, 0, 59), "S": (2, 0, 61), "j": (3, 1, 366), "y": (2, 0, 99),
            "U": (2, 0, 53), "W": (2, 0, 53), "V": (2, 1, 53), "w": (1, 0, 6),
            "u": (1, 1, 7)}


def _take_number(data, pos, width, low, high):
    end = pos
    while end < len(data) and end - pos < width and data[end].isdigit() and data[end].isascii():
        end += 1
    while end > pos:
        value = int(data[pos:end])
        if low <= value <= high:
            return value, end
        end -= 1
    return None, pos


def _take_name(data, pos, names):
    # The longest name that matches (case-insensitively) at pos.
    best = None
    lowered = data[pos:].lower()
    for index, name in enumerate(names):
        if name and lowered.startswith(name.lower()):
            if best is None or len(name) > len(names[best]):
                best = index
    if best is None:
        return None, pos
    return best, pos + len(names[best])


# Directives that stand for others in the C locale (3.14's strptime has no %D, %F or %h).
_STRPTIME_COMPOSITE = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S",
                       "T": "%H:%M:%S", "R": "%H:%M", "r": "%I:%M:%S %p"}
# %k reads as %H, %l as %I, %P as %p, %e as %d.
_STRPTIME_ALIASES = {"k": "H", "l": "I", "P": "p", "e": "d"}


def _format_directives(fmt):
    # The directive letters of a strptime format (after any flags and width).
    found = set()
    i = 0
    while i < len(fmt):
        if fmt[i] == "%":
            i += 1
            while i < len(fmt) and (fmt[i] in "-_0^#" or fmt[i].isdigit()):
                i += 1
            if i < len(fmt):
                found.add(fmt[i])
        i += 1
    return found


def _warn_day_without_year(fmt):
    # CPython: Lib/_strptime.py TimeRE.pattern (February 29 cannot parse without a year)
    directives = _format_directives(fmt)
    if "d" in directives and not directives & {"Y", "y", "G"}:
        import warnings
        warnings.warn("Parsing dates involving a day of month without a year specified is "
                      "ambiguous\nand fails to parse leap day. The default behavior will "
                      "change in Python 3.15\nto either always raise an exception or to use "
                      "a different default year (TBD).\nTo avoid trouble, add a specific "
                      "year to the input & format.\n"
                      "See https://github.com/python/cpython/issues/70647.",
                      DeprecationWarning, stacklevel=4)


def _strptime(data, fmt):
    # Returns (year, month, day, hour, minute, second, microsecond, tzinfo).
    # CPython: Lib/_strptime.py _strptime (there, a regular expression built from the format)
    if not isinstance(data, str):
        raise TypeError(f"strptime() argument 1 must be str, not {type(data).__name__}")
    if not isinstance(fmt, str):
        raise TypeError(f"strptime() argument 2 must be str, not {type(fmt).__name__}")
    # CPython compiles the whole format before it reads the data, so a stray % or a bad
    # directive is reported even where the data stops matching first.
    from _strptime import _tokens
    _tokens(fmt)
    _warn_day_without_year(fmt)
    found = {}
    pos = _strptime_match(data, 0, fmt, found, fmt)
    if pos != len(data):
        raise ValueError(f"unconverted data remains: {data[pos:]}")
    return _strptime_fields(found)


def _strptime_match(data, pos, fmt, found, original_fmt):
    # Reads data from pos as fmt says; returns where the reading ended.
    i = 0
    n = len(fmt)
    while i < n:
        ch = fmt[i]
        if ch == "%":
            i += 1
            while i < n and (fmt[i] in "-_0^#" or fmt[i].isdigit()):
                i += 1     # flags and widths are accepted and ignored
            if i < n and fmt[i] == "O" and i + 1 < n and fmt[i + 1] in "dmwyHIMSep":
                i += 1     # the locale's alternative digits are the C locale's digits
            if i >= n:
                raise ValueError(f"stray % in format '{original_fmt}'")
            code = fmt[i]
            i += 1
            if code == ":" and i < n and fmt[i] == "z":
                code = ":z"
                i += 1
            if code in _STRPTIME_COMPOSITE:
                pos = _strptime_match(data, pos, _STRPTIME_COMPOSITE[code], found, original_fmt)
                continue
            pos = _strptime_directive(data, pos, _STRPTIME_ALIASES.get(code, code), found,
                                      original_fmt)
            if pos is None:
                raise _strptime_mismatch(data, original_fmt)
        elif ch.isspace():
            i += 1
            while i < n and fmt[i].isspace():
                i += 1
            start = pos
            while pos < len(data) and data[pos].isspace():
                pos += 1
            if pos == start:
                raise _strptime_mismatch(data, original_fmt)
        else:
            if pos < len(data) and data[pos].lower() == ch.lower():
                pos += 1
                i += 1
            else:
                raise _strptime_mismatch(data, original_fmt)
    return pos


def _strptime_directive(data, pos, code, found, fmt):
    if code in _NUMERIC:
        width, low, high = _NUMERIC[code]
        if code == "d" and data[pos:pos + 1] == " ":
            value, end = _take_number(data, pos + 1, 1, 1, 9)
        else:
            value, end = _take_number(data, pos, width, low, high)
        if value is None:
            return None
        found[code] = value
        return end
    if code in "YG":
        part = data[pos:pos + 4]
        if len(part) != 4 or not part.isdigit() or not part.isascii():
            return None
        found[code] = int(part)
        return pos + 4
    if code == "f":
        end = pos
        while end < len(data) and end - pos < 6 and data[end].isdigit():
            end += 1
        if end == pos:
            return None
        found["f"] = int((data[pos:end] + "00000")[:6])
        return end
    if code in "aA":
        index, end = _take_name(data, pos, [d for d in _DAYNAMES] + [d[:3] for d in _DAYNAMES])
        if index is None:
            return None
        found["a"] = index % 7
        return end
    if code in "bB":
        names = list(_MONTHNAMES[1:]) + [m[:3] for m in _MONTHNAMES[1:]]
        index, end = _take_name(data, pos, names)
        if index is None:
            return None
        found["m"] = index % 12 + 1
        return end
    if code == "p":
        index, end = _take_name(data, pos, ["AM", "PM"])
        if index is None:
            return None
        found["p"] = index
        return end
    if code in ("z", ":z"):
        return _strptime_offset(data, pos, found)
    if code == "Z":
        names = ["UTC", "GMT"] + _local_zone_names()
        index, end = _take_name(data, pos, names)
        if index is None:
            return None
        found["Z"] = names[index]
        return end
    if code == "%":
        return pos + 1 if data[pos:pos + 1] == "%" else None
    raise ValueError(f"'{code}' is a bad directive in format '{fmt}'")


def _local_zone_names():
    try:
        import time as _time
    except ImportError:
        return []
    return [name for name in getattr(_time, "tzname", ())]


def _strptime_offset(data, pos, found):
    # The longest offset CPython's pattern matches here, read as _strptime reads it.
    from _strptime import _read_offset, _offset_value
    readings = _read_offset(data, pos)
    if not readings:
        return None
    end, text = readings[0]
    seconds, micro = _offset_value(text)
    found["z"] = timedelta(seconds=seconds, microseconds=micro)
    return end


def _strptime_fields(found):
    year = found.get("Y")
    if year is None and "y" in found:
        y = found["y"]
        year = y + (2000 if y <= 68 else 1900)
    month = found.get("m", 1)
    day = found.get("d", 1)
    hour = found.get("H", 0)
    if "I" in found:
        hour = found["I"] % 12 + (12 if found.get("p") == 1 else 0)
    minute = found.get("M", 0)
    second = found.get("S", 0)  # 60 and 61 parse, and the constructor refuses them
    us = found.get("f", 0)
    weekday = found.get("a")
    if weekday is None and "w" in found:
        weekday = (found["w"] - 1) % 7
    if weekday is None and "u" in found:
        weekday = found["u"] - 1
    # CPython: _strptime's checks of the ISO directives, in its order.
    if "G" in found:
        if "j" in found:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO year "
                             "directive '%G'. Use '%Y' instead.")
        if "V" not in found or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week "
                             "directive '%V' and a weekday directive ('%A', '%a', '%w', "
                             "or '%u').")
    elif "V" in found:
        if year is None or weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year "
                             "directive '%G' and a weekday directive ('%A', '%a', '%w', "
                             "or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year directive "
                         "'%Y'. Use the ISO year '%G' instead.")
    if "G" in found:
        year, month, day = _from_iso_calendar(found["G"], found["V"], weekday + 1)
    elif "j" in found:
        if year is None:
            year = 1900
        year, month, day = _ord_to_ymd(_days_before_year(year) + found["j"])
    elif weekday is not None and year is not None and ("U" in found or "W" in found):
        first = _days_before_year(year) + 1
        first_wday = (first + 6) % 7
        if "U" in found:
            week = found["U"]
            start = (first_wday + 1) % 7      # days from Sunday-week start
            wd = (weekday + 1) % 7
        else:
            week = found["W"]
            start = first_wday
            wd = weekday
        if week == 0:
            yday = wd - start + 1
        else:
            yday = (7 - start) % 7 + (week - 1) * 7 + wd + 1
        year, month, day = _ord_to_ymd(_days_before_year(year) + yday)
    if year is None:
        year = 1900
    tz = None
    if "z" in found:
        off = found["z"]
        tz = timezone.utc if not off and found.get("Z") in (None, "UTC") else timezone(off, found["Z"]) if "Z" in found else timezone(off)
    return year, month, day, hour, minute, second, us, tz
