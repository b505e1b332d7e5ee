"""Filename globbing utility."""

import os
import fnmatch

__all__ = ["glob", "iglob", "escape", "translate"]


def glob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """Return a list of paths matching a pathname pattern.

    The pattern may contain simple shell-style wildcards a la
    fnmatch. Unlike fnmatch, filenames starting with a
    dot are special cases that are not matched by '*' and '?'
    patterns by default.

    If `include_hidden` is true, the patterns '*', '?', '**'  will match hidden
    directories.

    If `recursive` is true, the pattern '**' will match any files and
    zero or more directories and subdirectories.
    """
    return list(iglob(pathname, root_dir=root_dir, dir_fd=dir_fd, recursive=recursive,
                      include_hidden=include_hidden))


def iglob(pathname, *, root_dir=None, dir_fd=None, recursive=False, include_hidden=False):
    """Return an iterator which yields the paths matching a pathname pattern.

    The pattern may contain simple shell-style wildcards a la
    fnmatch. However, unlike fnmatch, filenames starting with a
    dot are special cases that are not matched by '*' and '?'
    patterns.

    If recursive is true, the pattern '**' will match any files and
    zero or more directories and subdirectories.
    """
    pathname = os.fspath(pathname)
    if root_dir is not None:
        root_dir = os.fspath(root_dir)
    else:
        root_dir = pathname[:0]
    if dir_fd is not None:
        # Resolved through the descriptor's directory.
        root_dir = os.path.join(f"/proc/self/fd/{dir_fd}", root_dir) if isinstance(root_dir, str) \
            else os.path.join(os.fsencode(f"/proc/self/fd/{dir_fd}"), root_dir)
    walker = _Glob(root_dir, recursive, include_hidden)
    results = walker.iglob(pathname, False)
    if not pathname or (recursive and _isrecursive(pathname[:2])):
        # A leading '**' first yields the empty path: it is not a result.
        return (p for p in results if p)
    return results


class _Glob:
    def __init__(self, root_dir, recursive, include_hidden):
        self.root_dir = root_dir
        self.recursive = recursive
        self.include_hidden = include_hidden

    def _full(self, path):
        return os.path.join(self.root_dir, path) if self.root_dir else path

    def iglob(self, pathname, dironly):
        dirname, basename = os.path.split(pathname)
        if not has_magic(pathname):
            if basename:
                if _lexists(self._full(pathname)):
                    yield pathname
            elif _isdir(self._full(dirname)):
                # Patterns ending with a slash match only directories.
                yield pathname
            return
        if not dirname:
            if self.recursive and _isrecursive(basename):
                yield from self.glob_recursive(dirname, basename, dironly)
            else:
                yield from self.glob_in(dirname, basename, dironly)
            return
        if dirname != pathname and has_magic(dirname):
            dirs = self.iglob(dirname, True)
        else:
            dirs = [dirname]
        if has_magic(basename):
            glob_in_dir = self.glob_recursive if self.recursive and _isrecursive(basename) else self.glob_in
        else:
            glob_in_dir = self.glob_literal
        for directory in dirs:
            for name in glob_in_dir(directory, basename, dironly):
                yield os.path.join(directory, name)

    def glob_in(self, dirname, pattern, dironly):
        names = self.listdir(dirname, dironly)
        if not (self.include_hidden or _ishidden(pattern)):
            names = [x for x in names if not _ishidden(x)]
        return fnmatch.filter(names, pattern)

    def glob_literal(self, dirname, basename, dironly):
        if basename:
            if _lexists(os.path.join(self._full(dirname), basename)):
                return [basename]
        elif _isdir(self._full(dirname)):
            return [basename]
        return []

    def glob_recursive(self, dirname, pattern, dironly):
        yield pattern[:0]
        yield from self.walk(dirname, dironly)

    def walk(self, dirname, dironly):
        for name in self.listdir(dirname, dironly):
            if self.include_hidden or not _ishidden(name):
                yield name
                path = os.path.join(dirname, name) if dirname else name
                for sub in self.walk(path, dironly):
                    yield os.path.join(name, sub)

    def listdir(self, dirname, dironly):
        directory = self._full(dirname)
        if not directory:
            directory = os.curdir if isinstance(dirname, str) else bytes(os.curdir, 'ASCII')
        try:
            with os.scandir(directory) as entries:
                names = []
                for entry in entries:
                    try:
                        if not dironly or entry.is_dir():
                            names.append(entry.name)
                    except OSError:
                        pass
                return names
        except OSError:
            return []


# glob0 and glob1: deprecated (CPython 3.14: warnings._deprecated, removal in 3.15).
_DEPRECATED = ("glob.{} is deprecated and will be removed in Python 3.15. Use glob.glob and "
               "pass a directory to its root_dir argument instead.")


def glob0(dirname, pattern):
    import warnings
    warnings.warn(_DEPRECATED.format("glob0"), DeprecationWarning, stacklevel=2)
    return _Glob(dirname, False, False).glob_literal("", pattern, False)


def glob1(dirname, pattern):
    import warnings
    warnings.warn(_DEPRECATED.format("glob1"), DeprecationWarning, stacklevel=2)
    return _Glob(dirname, False, False).glob_in("", pattern, False)


def _lexists(pathname):
    return os.path.lexists(pathname)


def _isdir(pathname):
    return os.path.isdir(pathname)


def has_magic(s):
    if isinstance(s, bytes):
        return any(c in b'*?[' for c in s)
    return any(c in '*?[' for c in s)


def _ishidden(path):
    return path[0] in ('.', b'.'[0])


def _isrecursive(pattern):
    if isinstance(pattern, bytes):
        return pattern == b'**'
    return pattern == '**'


def escape(pathname):
    """Escape all special characters.
    """
    drive, pathname = os.path.splitdrive(pathname)
    if isinstance(pathname, bytes):
        pathname = b''.join(b'[' + bytes([c]) + b']' if c in b'*?[' else bytes([c]) for c in pathname)
    else:
        pathname = ''.join('[' + c + ']' if c in '*?[' else c for c in pathname)
    return drive + pathname


def translate(pat, *, recursive=False, include_hidden=False, seps=None):
    """Translate a pathname with shell wildcards to a regular expression.

    If `recursive` is true, the pattern segment '**' will match any number
    of path segments.

    If `include_hidden` is true, wildcards can match path segments beginning
    with a dot ('.').

    If a sequence of separator characters is given to `seps`, they will be
    used to split the pattern into segments and match path separators.  If
    not given, os.path.sep and os.path.altsep (where available) are used.
    """
    # CPython: Lib/glob.py translate. Each segment of the pattern becomes its own piece:
    # '*' one segment, '**' (recursive) any run of segments, the rest fnmatch's translation
    # with wildcards kept inside one segment.
    import re
    if not seps:
        seps = (os.path.sep, os.path.altsep) if os.path.altsep else os.path.sep
    sep_chars = ''.join(re.escape(c) for c in seps)
    sep = f'[{sep_chars}]' if len(seps) > 1 else sep_chars
    non_sep = f'[^{sep_chars}]'
    if include_hidden:
        last_seg = f'{non_sep}+'
        segs = f'(?:.+{sep})?'
        last_segs = '.*'
    else:
        last_seg = f'[^{sep_chars}.]{non_sep}*'
        segs = f'(?:{last_seg}{sep})*'
        last_segs = f'{segs}(?:{last_seg})?'
    pieces = re.split(sep, pat)
    out = []
    for i, piece in enumerate(pieces):
        is_last = i == len(pieces) - 1
        if piece == '*':
            out.append(last_seg if is_last else last_seg + sep)
        elif recursive and piece == '**':
            if is_last:
                out.append(last_segs)
            elif pieces[i + 1] != '**':
                out.append(segs)
        else:
            if piece:
                if not include_hidden and piece[0] in '*?':
                    out.append(r'(?!\.)')
                out.extend(fnmatch._translate(piece, non_sep + '*', non_sep)[0])
            if not is_last:
                out.append(sep)
    return fr'(?s:{"".join(out)})\z'
