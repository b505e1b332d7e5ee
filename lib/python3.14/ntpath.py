"""Common pathname manipulations, WindowsNT/95 version.

Instead of importing this module directly, import os and refer to this
module as os.path.
"""
# gopy's Windows path rules, written from CPython's Lib/ntpath.py semantics: a path is a
# drive ('C:', '\\server\share', '\\?\UNC\server\share', '\\.\device'), a root ('\')
# and the rest; '/' is accepted wherever '\' is.

import os
import genericpath
from genericpath import *

__all__ = ["normcase", "isabs", "join", "splitdrive", "splitroot", "split", "splitext",
           "basename", "dirname", "commonprefix", "getsize", "getmtime", "getatime",
           "getctime", "islink", "exists", "lexists", "isdir", "isfile", "ismount",
           "expanduser", "expandvars", "normpath", "abspath", "curdir", "pardir", "sep",
           "pathsep", "defpath", "altsep", "extsep", "devnull", "realpath",
           "supports_unicode_filenames", "relpath", "samefile", "sameopenfile", "samestat",
           "commonpath", "isjunction", "isdevdrive", "isreserved"]

curdir = '.'
pardir = '..'
extsep = '.'
sep = '\\'
pathsep = ';'
altsep = '/'
defpath = '.;C:\\bin'
devnull = 'nul'
supports_unicode_filenames = True


def _chars(path):
    # (sep, altsep, colon, dot, empty) of the path's type.
    if isinstance(path, bytes):
        return b'\\', b'/', b':', b'.', b''
    return '\\', '/', ':', '.', ''


def normcase(s):
    """Normalize case of pathname.

    Makes all characters lowercase and all slashes into backslashes.
    """
    s = os.fspath(s)
    sep_, alt, _, _, _ = _chars(s)
    return s.replace(alt, sep_).lower()


def isabs(s):
    """Test whether a path is absolute"""
    s = os.fspath(s)
    sep_, alt, colon, _, _ = _chars(s)
    head = s[:3].replace(alt, sep_)
    # A drive letter with a root, or a UNC or device path.
    return head[1:3] == colon + sep_ or head[:2] == sep_ * 2


def splitroot(p):
    """Split a pathname into drive, root and tail.

    The tail contains anything after the root."""
    p = os.fspath(p)
    sep_, alt, colon, _, empty = _chars(p)
    norm = p.replace(alt, sep_)
    if norm[:1] == sep_:
        if norm[1:2] != sep_:
            return empty, p[:1], p[1:]  # rooted, no drive: \Windows
        # UNC (\\server\share, \\?\UNC\server\share) or device (\\.\dev, \\?\dev) drive:
        # the first two components after the prefix.
        unc = sep_ * 2 + (b'?' if isinstance(p, bytes) else '?') + sep_ + \
            (b'UNC' if isinstance(p, bytes) else 'UNC') + sep_
        start = 8 if norm[:8].upper() == unc else 2
        first = norm.find(sep_, start)
        if first == -1:
            return p, empty, empty
        second = norm.find(sep_, first + 1)
        if second == -1:
            return p, empty, empty
        return p[:second], p[second:second + 1], p[second + 1:]
    if norm[1:2] == colon:
        if norm[2:3] == sep_:
            return p[:2], p[2:3], p[3:]  # X:\Windows
        return p[:2], empty, p[2:]       # X:Windows, relative to that drive
    return empty, empty, p


def splitdrive(p):
    """Split a pathname into drive/UNC sharepoint and relative path specifiers.
    Returns a 2-tuple (drive_or_unc, path); either part may be empty."""
    drive, root, tail = splitroot(p)
    return drive, root + tail


def join(path, *paths):
    path = os.fspath(path)
    sep_, alt, colon, _, _ = _chars(path)
    seps = sep_ + alt
    try:
        drive, root, rest = splitroot(path)
        for p in map(os.fspath, paths):
            p_drive, p_root, p_rest = splitroot(p)
            if p_root:
                # An absolute piece replaces what came before (keeping the drive when it
                # has none of its own).
                if p_drive or not drive:
                    drive = p_drive
                root, rest = p_root, p_rest
                continue
            if p_drive and p_drive != drive:
                if p_drive.lower() != drive.lower():
                    drive, root, rest = p_drive, p_root, p_rest  # another drive
                    continue
                drive = p_drive  # the same drive, spelt differently
            if rest and rest[-1:] not in seps:
                rest += sep_
            rest += p_rest
        # A UNC drive and a relative rest are joined with a separator.
        if rest and not root and drive and drive[-1:] not in colon + seps:
            return drive + sep_ + rest
        return drive + root + rest
    except (TypeError, AttributeError, BytesWarning):
        genericpath._check_arg_types('join', path, *paths)
        raise


def split(p):
    """Split a pathname.

    Return tuple (head, tail) where tail is everything after the final slash.
    Either part may be empty."""
    p = os.fspath(p)
    sep_, alt, _, _, _ = _chars(p)
    drive, root, rest = splitroot(p)
    i = len(rest)
    while i and rest[i - 1:i] not in (sep_, alt):
        i -= 1
    head, tail = rest[:i], rest[i:]
    return drive + root + head.rstrip(sep_ + alt), tail


def splitext(p):
    p = os.fspath(p)
    sep_, alt, _, dot, _ = _chars(p)
    return genericpath._splitext(p, sep_, alt, dot)


splitext.__doc__ = genericpath._splitext.__doc__


def basename(p):
    """Returns the final component of a pathname"""
    return split(p)[1]


def dirname(p):
    """Returns the directory component of a pathname"""
    return split(p)[0]


def isreserved(path):
    """Return true if the pathname is reserved by the system."""
    path = os.fsdecode(splitroot(path)[2]).replace(altsep, sep)
    return any(_isreservedname(name) for name in reversed(path.split(sep)))


_reserved_chars = frozenset({chr(i) for i in range(32)} | set('"*:<>?|/\\'))
_reserved_names = frozenset({'CON', 'PRN', 'AUX', 'NUL', 'CONIN$', 'CONOUT$'} |
                            {f'COM{c}' for c in '123456789\xb9\xb2\xb3'} |
                            {f'LPT{c}' for c in '123456789\xb9\xb2\xb3'})


def _isreservedname(name):
    # Names ending in a dot or space, holding a reserved character, or a device name
    # (before any extension or stream) are reserved.
    if name[-1:] in ('.', ' '):
        return name not in ('.', '..')
    if _reserved_chars.intersection(name):
        return True
    return name.partition('.')[0].rstrip(' ').upper() in _reserved_names


def ismount(path):
    """Test whether a path is a mount point (a drive root, or a UNC share root)."""
    path = os.fspath(path)
    sep_, alt, _, _, _ = _chars(path)
    drive, root, rest = splitroot(path)
    if drive and drive[:1] in (sep_, alt):
        return not rest
    return bool(root) and not rest


def expanduser(path):
    """Expand ~ and ~user constructs.

    If user or $HOME is unknown, do nothing."""
    path = os.fspath(path)
    tilde = b'~' if isinstance(path, bytes) else '~'
    if not path.startswith(tilde):
        return path
    sep_, alt, _, _, _ = _chars(path)
    i = 1
    while i < len(path) and path[i:i + 1] not in (sep_, alt):
        i += 1
    if 'USERPROFILE' in os.environ:
        home = os.environ['USERPROFILE']
    elif 'HOMEPATH' in os.environ:
        home = join(os.environ.get('HOMEDRIVE', ''), os.environ['HOMEPATH'])
    else:
        return path
    if i != 1:  # ~user: a sibling of the current user's directory
        target = path[1:i]
        if isinstance(target, bytes):
            target = os.fsdecode(target)
        current = os.environ.get('USERNAME')
        if target != current:
            if current != basename(home):
                return path
            home = join(dirname(home), target)
    if isinstance(path, bytes):
        home = os.fsencode(home)
    return home + path[i:]


def expandvars(path):
    """Expand shell variables of the forms $var, ${var} and %var%.

    Unknown variables are left unchanged."""
    path = os.fspath(path)
    if isinstance(path, bytes):
        return os.fsencode(expandvars(os.fsdecode(path)))
    if '$' not in path and '%' not in path:
        return path
    out = []
    i, n = 0, len(path)
    word = set('abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-')
    while i < n:
        c = path[i]
        if c == "'":  # quoted text is kept as is
            end = path.find("'", i + 1)
            if end < 0:
                out.append(path[i:])
                break
            out.append(path[i:end + 1])
            i = end + 1
        elif c == '%':
            if path[i + 1:i + 2] == '%':
                out.append('%')
                i += 2
                continue
            end = path.find('%', i + 1)
            if end < 0:
                out.append(path[i:])
                break
            name = path[i + 1:end]
            out.append(os.environ.get(name, '%' + name + '%'))
            i = end + 1
        elif c == '$':
            if path[i + 1:i + 2] == '$':
                out.append('$')
                i += 2
            elif path[i + 1:i + 2] == '{':
                end = path.find('}', i + 2)
                if end < 0:
                    out.append(path[i:])
                    break
                name = path[i + 2:end]
                out.append(os.environ.get(name, '${' + name + '}'))
                i = end + 1
            else:
                j = i + 1
                while j < n and path[j] in word:
                    j += 1
                name = path[i + 1:j]
                out.append(os.environ.get(name, '$' + name) if name else '$')
                i = j
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def normpath(path):
    """Normalize path, eliminating double slashes, etc."""
    path = os.fspath(path)
    sep_, alt, _, dot, empty = _chars(path)
    dotdot = dot * 2
    path = path.replace(alt, sep_)
    drive, root, rest = splitroot(path)
    parts = rest.split(sep_)
    kept = []
    for part in parts:
        if not part or part == dot:
            continue
        if part == dotdot:
            if kept and kept[-1] != dotdot:
                kept.pop()
            elif not root:
                kept.append(part)
            continue
        kept.append(part)
    prefix = drive + root
    if not prefix and not kept:
        return dot
    return prefix + sep_.join(kept)


def abspath(path):
    """Return the absolute version of a path."""
    path = os.fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(path, *, strict=False):
    """Return the absolute version of a path (no links are resolved on this system)."""
    return abspath(path)


def relpath(path, start=None):
    """Return a relative version of a path"""
    path = os.fspath(path)
    if not path:
        raise ValueError("no path specified")
    sep_, _, _, dot, _ = _chars(path)
    if start is None:
        start = dot
    start = os.fspath(start)
    try:
        start_abs = abspath(normpath(start))
        path_abs = abspath(normpath(path))
        start_drive, _, start_rest = splitroot(start_abs)
        path_drive, _, path_rest = splitroot(path_abs)
        if normcase(start_drive) != normcase(path_drive):
            raise ValueError(f'path is on mount {path_drive!r}, start on mount {start_drive!r}')
        start_list = [x for x in start_rest.split(sep_) if x]
        path_list = [x for x in path_rest.split(sep_) if x]
        common = 0
        for a, b in zip(start_list, path_list):
            if normcase(a) != normcase(b):
                break
            common += 1
        rel = [dot * 2] * (len(start_list) - common) + path_list[common:]
        return join(*rel) if rel else dot
    except (TypeError, ValueError, AttributeError, BytesWarning, DeprecationWarning):
        genericpath._check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    """Given an iterable of path names, returns the longest common sub-path."""
    paths = tuple(map(os.fspath, paths))
    if not paths:
        raise ValueError('commonpath() arg is an empty iterable')
    sep_, alt, _, dot, _ = _chars(paths[0])
    try:
        # Compared without case; the answer is spelt as the first path spells it.
        folded = [splitroot(p.replace(alt, sep_).lower()) for p in paths]
        if len({drive for drive, _, _ in folded}) != 1:
            raise ValueError("Paths don't have the same drive")
        drive, root, rest = splitroot(paths[0].replace(alt, sep_))
        if len({r for _, r, _ in folded}) != 1:
            if drive:
                raise ValueError("Can't mix absolute and relative paths")
            raise ValueError("Can't mix rooted and not-rooted paths")
        parts = [[c for c in r.split(sep_) if c and c != dot] for _, _, r in folded]
        shortest, longest = min(parts), max(parts)
        n = len(shortest)
        for i, c in enumerate(shortest):
            if c != longest[i]:
                n = i
                break
        first = [c for c in rest.split(sep_) if c and c != dot]
        return drive + root + sep_.join(first[:n])
    except (TypeError, AttributeError):
        genericpath._check_arg_types('commonpath', *paths)
        raise


def isjunction(path):
    """Test whether a path is a junction (never on this system)."""
    os.fspath(path)
    return False


def isdevdrive(path):
    """Determines whether the specified path is on a Windows Dev Drive (never here)."""
    return False
