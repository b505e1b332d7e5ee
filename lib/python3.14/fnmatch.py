"""Filename matching with shell patterns.

fnmatch(FILENAME, PATTERN) matches according to the local convention.
fnmatchcase(FILENAME, PATTERN) always takes case in account.

The functions operate by translating the pattern into a regular
expression.  They cache the compiled regular expressions for speed.

The function translate(PATTERN) returns a regular expression
corresponding to PATTERN.  (It does not compile it.)

gopy matches patterns with a matcher of its own (the same language: `*`, `?`, `[seq]`,
`[!seq]`), so that fnmatch and glob need no regular expressions; translate() still
returns the regular expression CPython's gives.
"""

import os
import posixpath

__all__ = ["filter", "filterfalse", "fnmatch", "fnmatchcase", "translate"]


def fnmatch(name, pat):
    """Test whether FILENAME matches PATTERN.

    Patterns are Unix shell style:

    *       matches everything
    ?       matches any single character
    [seq]   matches any character in seq
    [!seq]  matches any char not in seq

    An initial period in FILENAME is not special.
    Both FILENAME and PATTERN are first case-normalized
    if the operating system requires it.
    If you don't want this, use fnmatchcase(FILENAME, PATTERN).
    """
    name = os.path.normcase(name)
    pat = os.path.normcase(pat)
    return fnmatchcase(name, pat)


_cache = {}


def _compile_pattern(pat):
    key = (type(pat), pat)
    matcher = _cache.get(key)
    if matcher is None:
        if isinstance(pat, bytes):
            items = _parse(str(pat, 'ISO-8859-1'))

            def matcher(name, items=items):
                _check_name(name, bytes)
                return _match(items, str(name, 'ISO-8859-1'))
        elif isinstance(pat, str):
            items = _parse(pat)

            def matcher(name, items=items):
                _check_name(name, str)
                return _match(items, name)
        else:
            raise TypeError(f"first argument must be str or bytes, not {type(pat).__name__}")
        if len(_cache) >= 32768:
            _cache.clear()
        _cache[key] = matcher
    return matcher


def _check_name(name, kind):
    # The errors of a compiled pattern's match() given the other kind of string, or no
    # string (CPython matches with re, and re raises these).
    if isinstance(name, kind):
        return
    if isinstance(name, str):
        raise TypeError("cannot use a bytes pattern on a string-like object")
    if isinstance(name, (bytes, bytearray, memoryview)):
        if kind is bytes:
            return
        raise TypeError("cannot use a string pattern on a bytes-like object")
    raise TypeError(f"expected string or bytes-like object, got '{type(name).__name__}'")


def filter(names, pat):
    """Construct a list from those elements of the iterable NAMES that match PAT."""
    pat = os.path.normcase(pat)
    match = _compile_pattern(pat)
    return [name for name in names if match(os.path.normcase(name))]


def filterfalse(names, pat):
    """Construct a list from those elements of the iterable NAMES that do not match PAT."""
    pat = os.path.normcase(pat)
    match = _compile_pattern(pat)
    return [name for name in names if not match(os.path.normcase(name))]


def fnmatchcase(name, pat):
    """Test whether FILENAME matches PATTERN, including case.

    This is a version of fnmatch() which doesn't case-normalize
    its arguments.
    """
    match = _compile_pattern(pat)
    return match(name)


# The pattern's pieces: STAR, ANY, a str (a literal character) or a _Set.
STAR = object()
ANY = object()


class _Set:
    """A bracket expression: characters and (low, high) ranges, maybe negated."""

    def __init__(self, negated, chars, ranges):
        self.negated = negated
        self.chars = chars
        self.ranges = ranges

    def matches(self, ch):
        found = ch in self.chars or any(lo <= ch <= hi for lo, hi in self.ranges)
        return found != self.negated


def _bracket_end(pat, i):
    """The index of the ']' closing the bracket expression whose contents start at i, or -1."""
    n = len(pat)
    j = i
    if j < n and pat[j] == '!':
        j += 1
    if j < n and pat[j] == ']':
        j += 1
    while j < n and pat[j] != ']':
        j += 1
    return j if j < n else -1


def _parse_set(stuff):
    negated = stuff[:1] == '!'
    if negated:
        stuff = stuff[1:]
    chars = set()
    ranges = []
    k = 0
    while k < len(stuff):
        # A '-' between two characters makes a range (an empty one when they are reversed);
        # a '-' first or last, or right after a range, is itself.
        if k + 2 < len(stuff) and stuff[k + 1] == '-':
            if stuff[k] <= stuff[k + 2]:
                ranges.append((stuff[k], stuff[k + 2]))
            k += 3
        else:
            chars.add(stuff[k])
            k += 1
    return _Set(negated, frozenset(chars), ranges)


def _parse(pat):
    items = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            if not items or items[-1] is not STAR:
                items.append(STAR)
        elif c == '?':
            items.append(ANY)
        elif c == '[':
            j = _bracket_end(pat, i)
            if j < 0:
                items.append('[')
            else:
                items.append(_parse_set(pat[i:j]))
                i = j + 1
        else:
            items.append(c)
    return items


def _match(items, name):
    """Whether name matches the pattern's items; a star backtracks to its last position."""
    ni = ii = 0
    star_item = -1
    star_name = 0
    n_items, n_name = len(items), len(name)
    while ni < n_name:
        if ii < n_items:
            item = items[ii]
            if item is STAR:
                star_item = ii
                star_name = ni
                ii += 1
                continue
            ch = name[ni]
            if item is ANY or (item.matches(ch) if isinstance(item, _Set) else item == ch):
                ii += 1
                ni += 1
                continue
        if star_item < 0:
            return False
        star_name += 1
        ni = star_name
        ii = star_item + 1
    while ii < n_items and items[ii] is STAR:
        ii += 1
    return ii == n_items


# re.escape's special characters (CPython: Lib/re/__init__.py _special_chars_map).
_SPECIAL = frozenset('()[]{}?*+-|^$\\.&~# \t\n\r\v\f')


def _escape(c):
    return '\\' + c if c in _SPECIAL else c


def translate(pat):
    """Translate a shell PATTERN to a regular expression.

    There is no way to quote meta-characters.
    """
    parts, star_indices = _translate(pat, '*', '.')
    return _join_translated_parts(parts, star_indices)


def _class_text(stuff):
    """The regular-expression class body of the bracket expression `stuff` (its '!' kept)."""
    negated = stuff[:1] == '!'
    body = stuff[1:] if negated else stuff
    if '-' not in body:
        text = body.replace('\\', r'\\')
    else:
        # The texts between the hyphens that make ranges: a hyphen makes one unless it is
        # first, or comes right after a range.
        pieces = []
        start, k = 0, 1
        while (k := body.find('-', k)) >= 0:
            pieces.append(body[start:k])
            start = k + 1
            k += 3
        if body[start:]:
            pieces.append(body[start:])
        else:
            pieces[-1] += '-'
        # A reversed range is empty: its two ends go.
        for k in range(len(pieces) - 1, 0, -1):
            if pieces[k - 1][-1] > pieces[k][0]:
                pieces[k - 1] = pieces[k - 1][:-1] + pieces[k][1:]
                del pieces[k]
        text = '-'.join(p.replace('\\', r'\\').replace('-', r'\-') for p in pieces)
    return '!' + text if negated else text


def _translate(pat, star, question_mark):
    res = []
    star_indices = []
    i, n = 0, len(pat)
    while i < n:
        c = pat[i]
        i += 1
        if c == '*':
            star_indices.append(len(res))
            res.append(star)
            while i < n and pat[i] == '*':
                i += 1
        elif c == '?':
            res.append(question_mark)
        elif c == '[':
            j = _bracket_end(pat, i)
            if j < 0:
                res.append('\\[')
                continue
            stuff = _class_text(pat[i:j])
            i = j + 1
            if not stuff:
                res.append('(?!)')
            elif stuff == '!':
                res.append('.')
            else:
                stuff = ''.join('\\' + ch if ch in '&~|' else ch for ch in stuff)
                if stuff[0] == '!':
                    stuff = '^' + stuff[1:]
                elif stuff[0] in ('^', '['):
                    stuff = '\\' + stuff
                res.append(f'[{stuff}]')
        else:
            res.append(_escape(c))
    return res, star_indices


def _join_translated_parts(parts, star_indices):
    if not star_indices:
        return fr'(?s:{"".join(parts)})\z'
    # Between two stars, a minimal match in an atomic group (no backtracking into it).
    out = parts[:star_indices[0]]
    for k in range(len(star_indices) - 1):
        out.append('(?>.*?')
        out.extend(parts[star_indices[k] + 1:star_indices[k + 1]])
        out.append(')')
    out.append('.*')
    out.extend(parts[star_indices[-1] + 1:])
    return fr'(?s:{"".join(out)})\z'
