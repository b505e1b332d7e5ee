"""Strptime-related classes and functions: time.strptime's parser.

The format is matched against the text from the start, each directive trying its
readings in the order CPython's regular expressions would (a two-digit reading before a
one-digit one), backtracking when the rest does not match; names match without regard
to case. The C locale's names are used.
"""

import time

__all__ = []

_DAYS_ABBR = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_DAYS_FULL = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_MONTHS_ABBR = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTHS_FULL = ("january", "february", "march", "april", "may", "june", "july", "august",
                "september", "october", "november", "december")
_AM_PM = ("am", "pm")

# Numeric directives: (fewest digits, most digits, lowest value, highest value).
_NUMERIC = {
    "d": (1, 2, 1, 31), "e": (1, 2, 1, 31), "H": (1, 2, 0, 23), "I": (1, 2, 1, 12),
    "m": (1, 2, 1, 12), "M": (1, 2, 0, 59), "S": (1, 2, 0, 61), "j": (1, 3, 1, 366),
    "U": (1, 2, 0, 53), "W": (1, 2, 0, 53), "V": (1, 2, 1, 53), "w": (1, 1, 0, 6),
    "u": (1, 1, 1, 7), "y": (2, 2, 0, 99), "Y": (4, 4, 0, 9999), "G": (4, 4, 0, 9999),
    "f": (1, 6, 0, 999999),
}
# Directives that stand for others in the C locale.
_COMPOSITE = {"c": "%a %b %d %H:%M:%S %Y", "x": "%m/%d/%y", "X": "%H:%M:%S",
              "T": "%H:%M:%S", "R": "%H:%M", "r": "%I:%M:%S %p"}
_NAMES = {"a": _DAYS_ABBR, "A": _DAYS_FULL, "b": _MONTHS_ABBR, "B": _MONTHS_FULL, "p": _AM_PM}
# Directives that read as another: %k is %H, %l is %I, %P is %p.
_ALIASES = {"k": "H", "l": "I", "P": "p"}
# The directives an O modifier may precede (the locale's alternative digits).
_O_MODIFIED = set("dmwyHIMSep")


def _tokens(format):
    """The format as a list of ('lit', text), ('space', None) and ('dir', letter)."""
    tokens = []
    i = 0
    n = len(format)
    while i < n:
        ch = format[i]
        if ch == "%":
            # Flags, a width and an O modifier are accepted and ignored, as glibc's.
            j = i + 1
            while j < n and format[j] in "-_0^#":
                j += 1
            while j < n and format[j].isdigit():
                j += 1
            modifier = ""
            if j < n and format[j] == "O":
                modifier = "O"
                j += 1
            if j >= n or format[j].isspace():
                raise ValueError(f"stray % in format '{format}'")
            if format[j] == "E" and j + 1 < n:
                raise ValueError(f"'E{format[j + 1]}' is a bad directive in format '{format}'")
            d = _ALIASES.get(format[j], format[j])
            if modifier and format[j] not in _O_MODIFIED:
                raise ValueError(f"'O{format[j]}' is a bad directive in format '{format}'")
            i = j - 1
            if d in _COMPOSITE:
                tokens.extend(_tokens(_COMPOSITE[d]))
            elif d == "%":
                tokens.append(("lit", "%"))
            elif d in _NUMERIC or d in _NAMES or d in "zZ":
                tokens.append(("dir", d))
            else:
                raise ValueError(f"'{format[i + 1]}' is a bad directive in format '{format}'")
            i += 2
        elif ch.isspace():
            while i < n and format[i].isspace():
                i += 1
            tokens.append(("space", None))
        else:
            tokens.append(("lit", ch))
            i += 1
    return tokens


def _readings(directive, text, pos):
    """(end, value) readings of a directive at pos, most preferred first."""
    if directive in _NUMERIC:
        fewest, most, low, high = _NUMERIC[directive]
        found = []
        for width in range(most, fewest - 1, -1):
            piece = text[pos:pos + width]
            if len(piece) == width and piece.isascii() and piece.isdigit():
                value = int(piece)
                if low <= value <= high:
                    if directive == "f":
                        value = int(piece + "0" * (6 - width))
                    found.append((pos + width, value))
        # A space-padded day or hour ('%e' style) is tried last.
        if directive in "dIeH" and text[pos:pos + 1] == " " and text[pos + 1:pos + 2].isdigit():
            value = int(text[pos + 1])
            if value >= low:
                found.append((pos + 2, value))
        return found
    if directive in _NAMES:
        lowered = text[pos:].lower()
        names = sorted(enumerate(_NAMES[directive]), key=lambda item: -len(item[1]))
        return [(pos + len(name), index) for index, name in names if lowered.startswith(name)]
    if directive == "Z":
        lowered = text[pos:].lower()
        names = {"utc", "gmt"} | {name.lower() for name in time.tzname}
        return [(pos + len(name), name) for name in sorted(names, key=len, reverse=True)
                if name and lowered.startswith(name)]
    if directive == "z":
        return _read_offset(text, pos)
    return []


def _read_offset(text, pos):
    """The readings of a UTC offset, as CPython's pattern [+-]\\d\\d:?[0-5]\\d(:?[0-5]\\d(\\.\\d{1,6})?)?
    or Z matches it, longest first: a shorter one is tried when the rest of the format
    needs it. Each reading is the text matched; _offset_value reads it."""
    if text[pos:pos + 1] == "Z":
        return [(pos + 1, "Z")]
    hours = text[pos + 1:pos + 3]
    if text[pos:pos + 1] not in ("+", "-") or not (len(hours) == 2 and hours.isdigit()):
        return []
    i = pos + 3 + (text[pos + 3:pos + 4] == ":")
    if not _two_digits(text, i, "012345"):
        return []
    i += 2
    readings = [(i, text[pos:i])]
    j = i + (text[i:i + 1] == ":")
    if _two_digits(text, j, "012345"):
        j += 2
        readings.insert(0, (j, text[pos:j]))
        if text[j:j + 1] == ".":
            k = j + 1
            while k < len(text) and k - j <= 6 and text[k].isdigit():
                k += 1
            for end in range(j + 2, k + 1):
                readings.insert(0, (end, text[pos:end]))
    return readings


def _two_digits(text, i, first="0123456789"):
    pair = text[i:i + 2]
    return len(pair) == 2 and pair.isdigit() and pair.isascii() and pair[0] in first


def _offset_value(z):
    """(seconds, microseconds) of an offset _read_offset matched (CPython: _strptime's 'z'
    branch, with its check that a second ':' follows a first)."""
    if z == "Z":
        return 0, 0
    text = z
    if text[3] == ":":
        text = text[:3] + text[4:]
        if len(text) > 5:
            if text[5] != ":":
                raise ValueError(f"Inconsistent use of : in {z}")
            text = text[:5] + text[6:]
    seconds = int(text[1:3]) * 3600 + int(text[3:5]) * 60 + int(text[5:7] or 0)
    fraction = text[8:]
    micro = int(fraction + "0" * (6 - len(fraction)))
    if text.startswith("-"):
        return -seconds, -micro
    return seconds, micro


def _match(tokens, ti, text, pos, found):
    """The end of the first match of tokens[ti:] at pos, with `found` filled, or -1."""
    if ti == len(tokens):
        return pos
    kind, value = tokens[ti]
    if kind == "lit":
        if text[pos:pos + 1].lower() != value.lower() or pos >= len(text):
            return -1
        return _match(tokens, ti + 1, text, pos + 1, found)
    if kind == "space":
        end = pos
        while end < len(text) and text[end].isspace():
            end += 1
        if end == pos:
            return -1
        return _match(tokens, ti + 1, text, end, found)
    for end, reading in _readings(value, text, pos):
        previous = found.get(value)
        found[value] = reading
        result = _match(tokens, ti + 1, text, end, found)
        if result >= 0:
            return result
        if previous is None:
            del found[value]
        else:
            found[value] = previous
    return -1


def _is_leap(year):
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _days_before_month(year, month):
    days = (0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334)[month - 1]
    return days + (1 if month > 2 and _is_leap(year) else 0)


def _ordinal(year, month, day):
    y = year - 1
    return y * 365 + y // 4 - y // 100 + y // 400 + _days_before_month(year, month) + day


def _from_ordinal(n):
    """(year, month, day) of a proleptic Gregorian ordinal (1 is 0001-01-01)."""
    n -= 1
    n400, n = divmod(n, 146097)
    year = n400 * 400 + 1
    n100, n = divmod(n, 36524)
    n4, n = divmod(n, 1461)
    n1, n = divmod(n, 365)
    year += n100 * 100 + n4 * 4 + n1
    if n1 == 4 or n100 == 4:
        return year - 1, 12, 31
    month = 1
    while month < 12 and _days_before_month(year, month + 1) <= n:
        month += 1
    return year, month, n - _days_before_month(year, month) + 1


def _days_in_month(year, month):
    if month == 2:
        return 29 if _is_leap(year) else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _strptime(data_string, format="%a %b %d %H:%M:%S %Y"):
    """Return a 2-tuple consisting of a time struct and an int containing
    the number of microseconds based on the input string and the
    format string."""
    for index, arg in enumerate([data_string, format]):
        if not isinstance(arg, str):
            raise TypeError(f"strptime() argument {index} must be str, not {type(arg)}")
    tokens = _tokens(format)
    directives = {value for kind, value in tokens if kind == "dir"}
    if "d" in directives and not directives & {"Y", "y", "G"}:
        import os
        import warnings
        warnings.warn("""\
Parsing dates involving a day of month without a year specified is ambiguous
and fails to parse leap day. The default behavior will change in Python 3.15
to either always raise an exception or to use a different default year (TBD).
To avoid trouble, add a specific year to the input & format.
See https://github.com/python/cpython/issues/70647.""",
                      DeprecationWarning,
                      skip_file_prefixes=(os.path.dirname(__file__),))
    found = {}
    end = _match(tokens, 0, data_string, 0, found)
    if end < 0:
        raise ValueError(f"time data {data_string!r} does not match format {format!r}")
    if end != len(data_string):
        raise ValueError(f"unconverted data remains: {data_string[end:]}")

    year = None
    if "y" in found:
        year = found["y"] + (2000 if found["y"] <= 68 else 1900)
    if "Y" in found:
        year = found["Y"]
    iso_year = found.get("G")
    iso_week = found.get("V")
    month = found.get("B", found.get("b", found.get("h")))
    month = month + 1 if month is not None else found.get("m", 1)
    day = found.get("d", found.get("e", 1))
    hour = found.get("H", 0)
    if "I" in found:
        hour = found["I"]
        ampm = found.get("p")
        if ampm is None or ampm == 0:
            if hour == 12:
                hour = 0
        elif hour != 12:
            hour += 12
    minute = found.get("M", 0)
    second = found.get("S", 0)
    fraction = found.get("f", 0)
    weekday = found.get("A", found.get("a"))
    if weekday is None and "w" in found:
        weekday = (found["w"] - 1) % 7
    if weekday is None and "u" in found:
        weekday = found["u"] - 1
    julian = found.get("j")
    tz = -1
    gmtoff = None
    gmtoff_fraction = 0
    tzname = None
    if "z" in found:
        gmtoff, gmtoff_fraction = _offset_value(found["z"])
    if "Z" in found:
        tzname = found["Z"]
        if tzname in ("utc", "gmt"):
            tz = 0
        else:
            lowered = [name.lower() for name in time.tzname]
            if time.daylight and tzname == lowered[1]:
                tz = 1
            elif tzname == lowered[0]:
                tz = 0
        for name in ("UTC", "GMT") + tuple(time.tzname):
            if name.lower() == tzname:
                tzname = name
                break

    # The ISO year and week go together, with a weekday, and with nothing else
    # (CPython: _strptime's checks before it assumes defaults).
    if iso_year is not None:
        if julian is not None:
            raise ValueError("Day of the year directive '%j' is not compatible with ISO year "
                             "directive '%G'. Use '%Y' instead.")
        if iso_week is None or weekday is None:
            raise ValueError("ISO year directive '%G' must be used with the ISO week directive "
                             "'%V' and a weekday directive ('%A', '%a', '%w', or '%u').")
    elif iso_week is not None:
        if year is None or weekday is None:
            raise ValueError("ISO week directive '%V' must be used with the ISO year directive "
                             "'%G' and a weekday directive ('%A', '%a', '%w', or '%u').")
        raise ValueError("ISO week directive '%V' is incompatible with the year directive "
                         "'%Y'. Use the ISO year '%G' instead.")

    leap_year_fix = False
    if year is None:
        if month == 2 and day == 29:
            year = 1904
            leap_year_fix = True
        else:
            year = 1900

    if julian is None and weekday is not None and iso_year is not None:
        # date.fromisocalendar checks the week ("Invalid week: 53").
        from datetime import date
        iso = date.fromisocalendar(iso_year, iso_week, weekday + 1)
        year, month, day = iso.year, iso.month, iso.day
    elif julian is None and weekday is not None and ("U" in found or "W" in found):
        # Day 1 of week 1 is the year's first Monday (%W) or Sunday (%U).
        week = found.get("W", found.get("U"))
        first_weekday = (_ordinal(year, 1, 1) + 6) % 7
        day_in_week = weekday
        if "W" not in found:
            first_weekday = (first_weekday + 1) % 7
            day_in_week = (weekday + 1) % 7
        if week == 0:
            julian = 1 + day_in_week - first_weekday
        else:
            julian = 1 + (7 - first_weekday) % 7 + 7 * (week - 1) + day_in_week
        if julian <= 0:
            year -= 1
            julian += 366 if _is_leap(year) else 365
    if julian is None:
        if day > _days_in_month(year, month):
            # CPython builds datetime.date(year, month, day) here: its check_date_args text.
            raise ValueError(f"day {day} must be in range 1..{_days_in_month(year, month)} "
                             f"for month {month} in year {year}")
        julian = _ordinal(year, month, day) - _ordinal(year, 1, 1) + 1
    else:
        year, month, day = _from_ordinal(_ordinal(year, 1, 1) + julian - 1)
    if weekday is None:
        weekday = (_ordinal(year, month, day) + 6) % 7
    if leap_year_fix:
        year = 1900
    return ((year, month, day, hour, minute, second, weekday, julian, tz, tzname, gmtoff),
            fraction, gmtoff_fraction)


def _strptime_time(data_string, format="%a %b %d %H:%M:%S %Y"):
    """Return a time struct based on the input string and the
    format string."""
    tt = _strptime(data_string, format)[0]
    return time.struct_time(tt[:time.struct_time.n_fields])
