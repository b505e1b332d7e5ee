"""Common operations on Posix pathnames.

Instead of importing this module directly, import os and refer to
this module as os.path.  The "os.path" name is an alias for this
module on Posix systems; on other systems (e.g. Windows),
os.path provides the same operations in a manner specific to that
platform, and is an alias to another module (e.g. ntpath).
"""

curdir = '.'
pardir = '..'
extsep = '.'
sep = '/'
pathsep = ':'
defpath = '/bin:/usr/bin'
altsep = None
devnull = '/dev/null'

import os
import stat
import genericpath
from genericpath import *

__all__ = ["normcase", "isabs", "join", "splitdrive", "splitroot", "split", "splitext",
           "basename", "dirname", "commonprefix", "getsize", "getmtime",
           "getatime", "getctime", "islink", "exists", "lexists", "isdir", "isfile",
           "ismount", "expanduser", "expandvars", "normpath", "abspath",
           "samefile", "sameopenfile", "samestat",
           "curdir", "pardir", "sep", "pathsep", "defpath", "altsep", "extsep",
           "devnull", "realpath", "supports_unicode_filenames", "relpath",
           "commonpath", "isjunction", "isdevdrive", "ALLOW_MISSING"]

supports_unicode_filenames = False


def _seps(path):
    """The separator, '.', '..' and '' of the path's kind (str or bytes)."""
    if isinstance(path, bytes):
        return b'/', b'.', b'..', b''
    return '/', '.', '..', ''


def normcase(s):
    """Normalize case of pathname.  Has no effect under Posix"""
    return os.fspath(s)


def isabs(s):
    """Test whether a path is absolute"""
    s = os.fspath(s)
    return s.startswith(_seps(s)[0])


def join(a, *p):
    """Join two or more pathname components, inserting '/' as needed.
    If any component is an absolute path, all previous path components
    will be discarded.  An empty last part will result in a path that
    ends with a separator."""
    a = os.fspath(a)
    sep = _seps(a)[0]
    result = a
    try:
        for part in p:
            part = os.fspath(part)
            if part.startswith(sep) or not result:
                result = part
            elif result.endswith(sep):
                result = result + part
            else:
                result = result + sep + part
    except (TypeError, AttributeError):
        genericpath._check_arg_types('join', a, *p)
        raise
    return result


def split(p):
    """Split a pathname.  Returns tuple "(head, tail)" where "tail" is
    everything after the final slash.  Either part may be empty."""
    p = os.fspath(p)
    sep = _seps(p)[0]
    cut = p.rfind(sep) + 1
    head, tail = p[:cut], p[cut:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    """Split the extension from a pathname.

    Extension is everything from the last dot to the end, ignoring
    leading dots.  Returns "(root, ext)"; ext may be empty."""
    p = os.fspath(p)
    if isinstance(p, bytes):
        return genericpath._splitext(p, b'/', None, b'.')
    return genericpath._splitext(p, '/', None, '.')


def splitdrive(p):
    """Split a pathname into drive and path. On Posix, drive is always
    empty."""
    p = os.fspath(p)
    return p[:0], p


def _path_arg(path, fname):
    # os.fspath with the type error of a C function's path_t converter (posixmodule.c
    # path_converter), for the functions CPython takes from posix.
    if not isinstance(path, (str, bytes)) and not hasattr(type(path), "__fspath__"):
        raise TypeError(f"{fname}: path should be string, bytes or os.PathLike, "
                        f"not {type(path).__name__}")
    return os.fspath(path)


def splitroot(p):
    """Split a pathname into drive, root and tail.

    The tail contains anything after the root."""
    # CPython's is posix._path_splitroot_ex.
    p = _path_arg(p, "_path_splitroot_ex")
    sep, _, _, empty = _seps(p)
    if p[:1] != sep:
        return empty, empty, p
    if p[1:2] != sep or p[2:3] == sep:
        # One slash, or three and more: POSIX keeps one.
        return empty, sep, p[1:]
    # Exactly two leading slashes: implementation-defined, kept as they are.
    return empty, p[:2], p[2:]


def basename(p):
    """Returns the final component of a pathname"""
    p = os.fspath(p)
    return p[p.rfind(_seps(p)[0]) + 1:]


def dirname(p):
    """Returns the directory component of a pathname"""
    p = os.fspath(p)
    sep = _seps(p)[0]
    head = p[:p.rfind(sep) + 1]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def ismount(path):
    """Test whether a path is a mount point"""
    try:
        s1 = os.lstat(path)
    except (OSError, ValueError):
        return False
    if stat.S_ISLNK(s1.st_mode):
        return False
    path = os.fspath(path)
    parent = join(path, b'..' if isinstance(path, bytes) else '..')
    try:
        s2 = os.lstat(parent)
    except (OSError, ValueError):
        parent = realpath(parent)
        try:
            s2 = os.lstat(parent)
        except (OSError, ValueError):
            return False
    return s1.st_dev != s2.st_dev or s1.st_ino == s2.st_ino


def _home_of(uid=None, name=None):
    """The home directory /etc/passwd gives a user (by uid or by name), or None."""
    try:
        with open('/etc/passwd', encoding='utf-8', errors='surrogateescape') as f:
            for line in f:
                fields = line.rstrip('\n').split(':')
                if len(fields) < 7:
                    continue
                if (name is not None and fields[0] == name) or (uid is not None and fields[2] == str(uid)):
                    return fields[5]
    except OSError:
        pass
    return None


def expanduser(path):
    """Expand ~ and ~user constructions.  If user or $HOME is unknown,
    do nothing."""
    path = os.fspath(path)
    is_bytes = isinstance(path, bytes)
    tilde = b'~' if is_bytes else '~'
    if not path.startswith(tilde):
        return path
    sep = _seps(path)[0]
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i == 1:
        if 'HOME' in os.environ:
            userhome = os.environ['HOME']
        else:
            userhome = _home_of(uid=os.getuid())
            if userhome is None:
                return path
    else:
        name = path[1:i]
        if is_bytes:
            name = os.fsdecode(name)
        userhome = _home_of(name=name)
        if userhome is None:
            return path
    if is_bytes:
        userhome = os.fsencode(userhome)
    userhome = userhome.rstrip(sep)
    return (userhome + path[i:]) or sep


def _is_word(ch):
    return ch.isascii() and (ch.isalnum() or ch == '_')


def expandvars(path):
    """Expand shell variables of form $var and ${var}.  Unknown variables
    are left unchanged."""
    path = os.fspath(path)
    is_bytes = isinstance(path, bytes)
    text = path.decode('latin-1') if is_bytes else path
    if '$' not in text:
        return path
    out = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch != '$':
            out.append(ch)
            i += 1
            continue
        j = i + 1
        if j < n and text[j] == '{':
            end = text.find('}', j + 1)
            if end < 0:
                out.append(ch)
                i += 1
                continue
            name = text[j + 1:end]
            stop = end + 1
        else:
            stop = j
            while stop < n and _is_word(text[stop]):
                stop += 1
            name = text[j:stop]
            if not name:
                out.append(ch)
                i += 1
                continue
        if is_bytes:
            value = os.environb.get(name.encode('latin-1')) if os.supports_bytes_environ else None
            value = value.decode('latin-1') if value is not None else None
        else:
            value = os.environ.get(name)
        out.append(text[i:stop] if value is None else value)
        i = stop
    result = ''.join(out)
    return result.encode('latin-1') if is_bytes else result


def normpath(path):
    """Normalize path, eliminating double slashes, etc."""
    # CPython's is posix._path_normpath.
    path = _path_arg(path, "_path_normpath")
    sep, dot, dotdot, empty = _seps(path)
    if not path:
        return dot
    _, root, rest = splitroot(path)
    parts = []
    for comp in rest.split(sep):
        if comp == empty or comp == dot:
            continue
        if comp != dotdot:
            parts.append(comp)
        elif parts and parts[-1] != dotdot:
            parts.pop()
        elif not root:
            parts.append(comp)
    return (root + sep.join(parts)) or dot


def abspath(path):
    """Return an absolute path."""
    path = os.fspath(path)
    if not isabs(path):
        cwd = os.getcwdb() if isinstance(path, bytes) else os.getcwd()
        path = join(cwd, path)
    return normpath(path)


def realpath(filename, *, strict=False):
    """Return the canonical path of the specified filename, eliminating any
    symbolic links encountered in the path."""
    filename = os.fspath(filename)
    if strict is ALLOW_MISSING:
        ignored = FileNotFoundError
    elif strict:
        ignored = ()
    else:
        ignored = OSError
    # A relative name is resolved from the working directory, so the file names in errors
    # (strict) are absolute (CPython: Lib/posixpath.py realpath starts at getcwd()).
    if isinstance(filename, bytes):
        start = filename[:0] if filename.startswith(b'/') else os.getcwdb()
    else:
        start = filename[:0] if filename.startswith('/') else os.getcwd()
    path, _ = _resolve(start, filename, ignored, {})
    return abspath(path)


# Joins `rest` onto the already resolved `path`, resolving symbolic links. `seen` maps a
# link to its resolution (None while it is being resolved: a loop). Returns the path and
# whether it resolved completely.
def _resolve(path, rest, ignored, seen):
    sep, dot, dotdot, empty = _seps(rest)
    if rest.startswith(sep):
        rest = rest[1:]
        path = sep
    while rest:
        name, _, rest = rest.partition(sep)
        if not name or name == dot:
            continue
        if name == dotdot:
            if path:
                path, name = split(path)
                if name == dotdot:
                    path = join(path, dotdot, dotdot)
            else:
                path = dotdot
            continue
        newpath = join(path, name)
        try:
            st = os.lstat(newpath)
        except ignored:
            is_link = False
        else:
            is_link = stat.S_ISLNK(st.st_mode)
        if not is_link:
            path = newpath
            continue
        if newpath in seen:
            resolved = seen[newpath]
            if resolved is not None:
                path = resolved
                continue
            if ignored is not OSError:
                os.stat(newpath)
            return join(newpath, rest), False
        seen[newpath] = None
        path, ok = _resolve(path, os.readlink(newpath), ignored, seen)
        if not ok:
            return join(path, rest), False
        seen[newpath] = path
    return path, True


def relpath(path, start=None):
    """Return a relative version of a path"""
    path = os.fspath(path)
    if not path:
        raise ValueError("no path specified")
    sep, dot, dotdot, empty = _seps(path)
    if start is None:
        start = dot
    else:
        start = os.fspath(start)
    try:
        start_parts = [x for x in abspath(start).split(sep) if x]
        path_parts = [x for x in abspath(path).split(sep) if x]
        common = len(commonprefix([start_parts, path_parts]))
        parts = [dotdot] * (len(start_parts) - common) + path_parts[common:]
        if not parts:
            return dot
        return join(*parts)
    except (TypeError, AttributeError, DeprecationWarning):
        genericpath._check_arg_types('relpath', path, start)
        raise


def commonpath(paths):
    """Given an iterable of path names, returns the longest common sub-path."""
    paths = tuple(map(os.fspath, paths))
    if not paths:
        raise ValueError('commonpath() arg is an empty sequence')
    sep, dot, dotdot, empty = _seps(paths[0])
    try:
        split_paths = [p.split(sep) for p in paths]
        try:
            (isabs,) = {p[:1] == sep for p in paths}
        except ValueError:
            raise ValueError("Can't mix absolute and relative paths") from None
        split_paths = [[c for c in s if c and c != dot] for s in split_paths]
        lo = min(split_paths)
        hi = max(split_paths)
        common = lo
        for i, c in enumerate(lo):
            if c != hi[i]:
                common = lo[:i]
                break
        prefix = sep if isabs else sep[:0]
        return prefix + sep.join(common)
    except (TypeError, AttributeError):
        genericpath._check_arg_types('commonpath', *paths)
        raise
