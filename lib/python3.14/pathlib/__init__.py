"""Object-oriented filesystem paths.

This module provides classes to represent abstract paths and concrete
paths with operations that have semantics appropriate for different
operating systems.

gopy provides the POSIX flavour: PurePath, PurePosixPath, Path and PosixPath.
"""

import io
import os
import ntpath
import posixpath
from stat import S_ISDIR, S_ISREG, S_ISLNK, S_ISBLK, S_ISCHR, S_ISFIFO, S_ISSOCK

__all__ = [
    "UnsupportedOperation",
    "PurePath", "PurePosixPath", "PureWindowsPath",
    "Path", "PosixPath", "WindowsPath",
]


class UnsupportedOperation(NotImplementedError):
    """An exception that is raised when an unsupported operation is attempted.
    """
    pass


class _PathParents:
    """This object provides sequence-like access to the logical ancestors
    of a path.  Don't try to construct it yourself."""

    def __init__(self, path):
        self._path = path
        self._drv = path.drive
        self._root = path.root
        self._tail = path._tail

    def __len__(self):
        return len(self._tail)

    def __getitem__(self, idx):
        if isinstance(idx, slice):
            return tuple(self[i] for i in range(*idx.indices(len(self))))
        if idx >= len(self) or idx < -len(self):
            raise IndexError(idx)
        if idx < 0:
            idx += len(self)
        return self._path._from_parsed_parts(self._drv, self._root, self._tail[:-idx - 1])

    def __iter__(self):
        for i in range(len(self)):
            yield self[i]

    def __contains__(self, item):
        return any(p == item for p in self)

    def __repr__(self):
        return "<{}.parents>".format(type(self._path).__name__)


class PurePath:
    """Base class for manipulating paths without I/O.

    PurePath represents a filesystem path and offers operations which
    don't imply any actual filesystem I/O.  Depending on your system,
    instantiating a PurePath will return either a PurePosixPath or a
    PureWindowsPath object.  You can also instantiate either of these classes
    directly, regardless of your system.
    """

    parser = posixpath

    def __new__(cls, *args, **kwargs):
        if cls is PurePath:
            cls = PurePosixPath
        return object.__new__(cls)

    def __init__(self, *args):
        paths = []
        for arg in args:
            if isinstance(arg, PurePath):
                paths.extend(arg._raw_paths)
                continue
            try:
                path = os.fspath(arg)
            except TypeError:
                path = arg
            if not isinstance(path, str):
                raise TypeError(
                    "argument should be a str or an os.PathLike "
                    "object where __fspath__ returns a str, "
                    f"not {type(path).__name__!r}")
            paths.append(path)
        self._raw_paths = paths
        self._parsed = None
        self._str = None

    def with_segments(self, *pathsegments):
        """Construct a new path object from any number of path-like objects.
        Subclasses may override this method to customize how new path objects
        are created from methods like `iterdir()`.
        """
        return type(self)(*pathsegments)

    def _parse(self):
        if self._parsed is None:
            raw = self._raw_paths
            if not raw:
                path = ''
            elif len(raw) == 1:
                path = raw[0]
            else:
                path = self.parser.join(*raw)
            self._parsed = self._parse_path(path)
        return self._parsed

    @classmethod
    def _parse_path(cls, path):
        # CPython: Lib/pathlib PurePath._parse_path. A UNC drive without its root
        # ('//server/share') still has one.
        if not path:
            return '', '', []
        sep = cls.parser.sep
        if cls.parser.altsep:
            path = path.replace(cls.parser.altsep, sep)
        drv, root, rel = cls.parser.splitroot(path)
        if not root and drv.startswith(sep) and not drv.endswith(sep):
            pieces = drv.split(sep)
            if (len(pieces) == 4 and pieces[2] not in '?.') or len(pieces) == 6:
                root = sep
        return drv, root, [part for part in rel.split(sep) if part and part != '.']

    def _from_parsed_parts(self, drv, root, tail):
        path = self.with_segments(self._format(drv, root, tail))
        path._parsed = (drv, root, list(tail))
        return path

    @classmethod
    def _format(cls, drv, root, tail):
        sep = cls.parser.sep
        if drv or root:
            return drv + root + sep.join(tail)
        if tail and cls.parser.splitdrive(tail[0])[0]:
            tail = ['.'] + tail  # a first part like 'c:x' would read as a drive
        return sep.join(tail) or '.'

    @property
    def _tail(self):
        return self._parse()[2]

    @property
    def drive(self):
        """The drive prefix (letter or UNC path), if any."""
        return self._parse()[0]

    @property
    def root(self):
        """The root of the path, if any."""
        return self._parse()[1]

    @property
    def anchor(self):
        """The concatenation of the drive and root, or ''."""
        drv, root, _ = self._parse()
        return drv + root

    def __str__(self):
        """Return the string representation of the path, suitable for
        passing to system calls."""
        if self._str is None:
            self._str = self._format(*self._parse())
        return self._str

    def __fspath__(self):
        return str(self)

    def as_posix(self):
        """Return the string representation of the path with forward (/)
        slashes."""
        return str(self).replace(self.parser.sep, '/')

    def __bytes__(self):
        """Return the bytes representation of the path.  This is only
        recommended to use under Unix."""
        return os.fsencode(self)

    def __repr__(self):
        return "{}({!r})".format(self.__class__.__name__, self.as_posix())

    def __reduce__(self):
        return self.__class__, tuple(self._raw_paths)

    def as_uri(self):
        """Return the path as a URI."""
        # CPython 3.14 deprecates PurePath.as_uri (warnings._deprecated, removal in 3.19).
        import warnings
        warnings.warn("pathlib.PurePath.as_uri() is deprecated and scheduled for removal in "
                      "Python 3.19. Use pathlib.Path.as_uri().", DeprecationWarning, stacklevel=2)
        if not self.is_absolute():
            raise ValueError("relative path can't be expressed as a file URI")
        drive = self.drive
        if len(drive) == 2 and drive[1] == ':':
            return 'file:///' + drive + self._quote_uri(self.as_posix()[2:])  # file:///c:/a
        if drive:
            return 'file:' + self._quote_uri(self.as_posix())  # a network drive: file://host/share
        return self._file_uri()

    @staticmethod
    def _quote_uri(text):
        safe = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-~/")
        return ''.join(c if c in safe else ''.join('%{:02X}'.format(b) for b in c.encode('utf-8', 'surrogateescape'))
                       for c in text)

    def _file_uri(self):
        # 'file://' and the path percent-encoded, '/' kept: an absolute path gives
        # 'file:///a/b' ('file:////a' for a path under '//').
        return 'file://' + self._quote_uri(str(self))

    @property
    def _str_normcase(self):
        # Windows paths compare without case.
        return str(self) if self.parser is posixpath else str(self).lower()

    @property
    def _parts_normcase(self):
        return self._str_normcase.split(self.parser.sep)

    def __eq__(self, other):
        if not isinstance(other, PurePath):
            return NotImplemented
        return self._str_normcase == other._str_normcase and self.parser is other.parser

    def __hash__(self):
        return hash(self._str_normcase)

    def __lt__(self, other):
        if not isinstance(other, PurePath) or self.parser is not other.parser:
            return NotImplemented
        return self._parts_normcase < other._parts_normcase

    def __le__(self, other):
        if not isinstance(other, PurePath) or self.parser is not other.parser:
            return NotImplemented
        return self._parts_normcase <= other._parts_normcase

    def __gt__(self, other):
        if not isinstance(other, PurePath) or self.parser is not other.parser:
            return NotImplemented
        return self._parts_normcase > other._parts_normcase

    def __ge__(self, other):
        if not isinstance(other, PurePath) or self.parser is not other.parser:
            return NotImplemented
        return self._parts_normcase >= other._parts_normcase

    def __truediv__(self, key):
        try:
            return self.with_segments(self, key)
        except TypeError:
            return NotImplemented

    def __rtruediv__(self, key):
        try:
            return self.with_segments(key, self)
        except TypeError:
            return NotImplemented

    @property
    def parts(self):
        """An object providing sequence-like access to the
        components in the filesystem path."""
        drv, root, tail = self._parse()
        if drv or root:
            return (drv + root,) + tuple(tail)
        return tuple(tail)

    def joinpath(self, *pathsegments):
        """Combine this path with one or several arguments, and return a
        new path representing either a subpath (if all arguments are relative
        paths) or a totally different path (if one of the arguments is
        anchored).
        """
        return self.with_segments(self, *pathsegments)

    @property
    def parent(self):
        """The logical parent of the path."""
        drv, root, tail = self._parse()
        if not tail:
            return self
        return self._from_parsed_parts(drv, root, tail[:-1])

    @property
    def parents(self):
        """A sequence of this path's logical parents."""
        return _PathParents(self)

    @property
    def name(self):
        """The final path component, if any."""
        tail = self._tail
        return tail[-1] if tail else ''

    def with_name(self, name):
        """Return a new path with the file name changed."""
        p = self.parser
        if not name or p.sep in name or (p.altsep and p.altsep in name) or name == '.':
            raise ValueError(f"Invalid name {name!r}")
        drv, root, tail = self._parse()
        if not tail:
            raise ValueError(f"{self!r} has an empty name")
        return self._from_parsed_parts(drv, root, tail[:-1] + [name])

    def with_stem(self, stem):
        """Return a new path with the stem changed."""
        suffix = self.suffix
        if not suffix:
            return self.with_name(stem)
        if not stem:
            raise ValueError(f"{self!r} has a non-empty suffix")
        return self.with_name(stem + suffix)

    def with_suffix(self, suffix):
        """Return a new path with the file suffix changed.  If the path
        has no suffix, add given suffix.  If the given suffix is an empty
        string, remove the suffix from the path.
        """
        stem = self.stem
        if not stem:
            raise ValueError(f"{self!r} has an empty name")
        if suffix and not suffix.startswith('.'):
            raise ValueError(f"Invalid suffix {suffix!r}")
        return self.with_name(stem + suffix)

    @property
    def stem(self):
        """The final path component, minus its last suffix."""
        name = self.name
        dot = name.rfind('.')
        # A stem keeps at least one character that is not a dot.
        if dot != -1 and name[:dot].lstrip('.'):
            return name[:dot]
        return name

    @property
    def suffix(self):
        """
        The final component's last suffix, if any.

        This includes the leading period. For example: '.txt'
        """
        name = self.name.lstrip('.')
        dot = name.rfind('.')
        return name[dot:] if dot != -1 else ''

    @property
    def suffixes(self):
        """
        A list of the final component's suffixes, if any.

        These include the leading periods. For example: ['.tar', '.gz']
        """
        return ['.' + ext for ext in self.name.lstrip('.').split('.')[1:]]

    def relative_to(self, other, *, walk_up=False):
        """Return the relative path to another path identified by the passed
        arguments.  If the operation is not possible (because this is not
        related to the other path), raise ValueError.

        The *walk_up* parameter controls whether `..` may be used to resolve
        the path.
        """
        if not isinstance(other, PurePath):
            other = self.with_segments(other)
        ancestors = [other] + list(other.parents)
        own_parents = list(self.parents)
        for step, candidate in enumerate(ancestors):
            if candidate == self or candidate in own_parents:
                break
            if not walk_up:
                raise ValueError(f"{str(self)!r} is not in the subpath of {str(other)!r}")
            if candidate.name == '..':
                raise ValueError(f"'..' segment in {str(other)!r} cannot be walked")
        else:
            raise ValueError(f"{str(self)!r} and {str(other)!r} have different anchors")
        parts = ['..'] * step + self._tail[len(candidate._tail):]
        return self._from_parsed_parts('', '', parts)

    def is_relative_to(self, other):
        """Return True if the path is relative to another path or False.
        """
        if not isinstance(other, PurePath):
            other = self.with_segments(other)
        return other == self or other in self.parents

    def is_absolute(self):
        """True if the path is absolute (has both a root and, if applicable,
        a drive)."""
        if self.parser is posixpath:
            return bool(self.root)
        return self.parser.isabs(str(self))

    def is_reserved(self):
        """Return True if the path contains one of the special names reserved
        by the system, if any."""
        # CPython 3.14 deprecates it (warnings._deprecated, removal in 3.15).
        import warnings
        warnings.warn("pathlib.PurePath.is_reserved() is deprecated and scheduled for removal "
                      "in Python 3.15. Use os.path.isreserved() to detect reserved paths on "
                      "Windows.", DeprecationWarning, stacklevel=2)
        if self.parser is ntpath:
            return self.parser.isreserved(self)
        return False

    def match(self, path_pattern, *, case_sensitive=None):
        """
        Return True if this path matches the given pattern. If the pattern is
        relative, matching is done from the right; otherwise, the entire path
        is matched. The recursive wildcard '**' is *not* supported by this
        method.
        """
        if not isinstance(path_pattern, PurePath):
            path_pattern = self.with_segments(path_pattern)
        if case_sensitive is None:
            case_sensitive = self.parser is posixpath
        path_parts = self.parts[::-1]
        pattern_parts = path_pattern.parts[::-1]
        if not pattern_parts:
            raise ValueError("empty pattern")
        if len(path_parts) < len(pattern_parts):
            return False
        if len(path_parts) > len(pattern_parts) and path_pattern.anchor:
            return False
        for part, pattern in zip(path_parts, pattern_parts):
            if not _match_segment(part, pattern, case_sensitive):
                return False
        return True

    def full_match(self, pattern, *, case_sensitive=None):
        """
        Return True if this path matches the given glob-style pattern. The
        pattern is matched against the entire path.
        """
        if not isinstance(pattern, PurePath):
            pattern = self.with_segments(pattern)
        if case_sensitive is None:
            case_sensitive = self.parser is posixpath
        return _match_parts(list(self.parts), list(pattern.parts), case_sensitive)


def _match_segment(name, pattern, case_sensitive):
    import fnmatch
    if not case_sensitive:
        return fnmatch.fnmatchcase(name.lower(), pattern.lower())
    return fnmatch.fnmatchcase(name, pattern)


def _match_parts(parts, patterns, case_sensitive):
    """Whether the path's parts match the pattern's, '**' standing for any number of parts."""
    if not patterns:
        return not parts
    head = patterns[0]
    if head == '**':
        return any(_match_parts(parts[i:], patterns[1:], case_sensitive) for i in range(len(parts) + 1))
    if not parts or not _match_segment(parts[0], head, case_sensitive):
        return False
    return _match_parts(parts[1:], patterns[1:], case_sensitive)


class PurePosixPath(PurePath):
    """PurePath subclass for non-Windows systems.

    On a POSIX system, instantiating a PurePath should return this object.
    However, you can also instantiate it directly on any system.
    """
    parser = posixpath
    __slots__ = ()


class _PathInfo:
    """The file type of a path, from stat()/lstat() results taken once and kept.
    CPython: Lib/pathlib/_os.py _PosixPathInfo."""

    __slots__ = ('_path', '_results')

    def __init__(self, path):
        self._path = str(path)
        self._results = {}

    def __repr__(self):
        return "<PosixPath.info>"

    def _stat(self, follow_symlinks):
        # None when the call fails; a failure is remembered like a result.
        if follow_symlinks not in self._results:
            try:
                result = (os.stat if follow_symlinks else os.lstat)(self._path)
            except (OSError, ValueError):
                result = None
            self._results[follow_symlinks] = result
        return self._results[follow_symlinks]

    def exists(self, *, follow_symlinks=True):
        """Whether this path exists."""
        return self._stat(follow_symlinks) is not None

    def is_dir(self, *, follow_symlinks=True):
        """Whether this path is a directory."""
        st = self._stat(follow_symlinks)
        return st is not None and S_ISDIR(st.st_mode)

    def is_file(self, *, follow_symlinks=True):
        """Whether this path is a regular file."""
        st = self._stat(follow_symlinks)
        return st is not None and S_ISREG(st.st_mode)

    def is_symlink(self):
        """Whether this path is a symbolic link."""
        st = self._stat(False)
        return st is not None and S_ISLNK(st.st_mode)


class PureWindowsPath(PurePath):
    """PurePath subclass for Windows systems.

    On a Windows system, instantiating a PurePath should return this object.
    However, you can also instantiate it directly on any system.
    """
    parser = ntpath
    __slots__ = ()


class Path(PurePath):
    """PurePath subclass that can make system calls.

    Path represents a filesystem path but unlike PurePath, also offers
    methods to do system calls on path objects. Depending on your system,
    instantiating a Path will return either a PosixPath or a WindowsPath
    object. You can also instantiate a PosixPath or WindowsPath directly,
    but cannot instantiate a WindowsPath on a POSIX system or vice versa.
    """

    def __new__(cls, *args, **kwargs):
        if cls is Path:
            cls = PosixPath
        return object.__new__(cls)

    @property
    def info(self):
        """
        A PathInfo object that exposes the file type and other file attributes
        of this path.
        """
        info = self.__dict__.get('_info')
        if info is None:
            info = self.__dict__['_info'] = _PathInfo(self)
        return info

    def stat(self, *, follow_symlinks=True):
        """
        Return the result of the stat() system call on this path, like
        os.stat() does.
        """
        return os.stat(self, follow_symlinks=follow_symlinks)

    def lstat(self):
        """
        Like stat(), except if the path points to a symlink, the symlink's
        status information is returned, rather than its target's.
        """
        return os.lstat(self)

    def exists(self, *, follow_symlinks=True):
        """
        Whether this path exists.

        This method normally follows symlinks; to check whether a symlink exists,
        add the argument follow_symlinks=False.
        """
        if follow_symlinks:
            return os.path.exists(self)
        return os.path.lexists(self)

    def _mode(self, follow_symlinks=True):
        try:
            return self.stat(follow_symlinks=follow_symlinks).st_mode
        except (OSError, ValueError):
            return 0

    def is_dir(self, *, follow_symlinks=True):
        """
        Whether this path is a directory.
        """
        return S_ISDIR(self._mode(follow_symlinks))

    def is_file(self, *, follow_symlinks=True):
        """
        Whether this path is a regular file (also True for symlinks pointing
        to regular files).
        """
        return S_ISREG(self._mode(follow_symlinks))

    def is_mount(self):
        """
        Check if this path is a mount point
        """
        return os.path.ismount(self)

    def is_symlink(self):
        """
        Whether this path is a symbolic link.
        """
        return S_ISLNK(self._mode(False))

    def is_junction(self):
        """
        Whether this path is a junction.
        """
        return False

    def is_block_device(self):
        """
        Whether this path is a block device.
        """
        return S_ISBLK(self._mode())

    def is_char_device(self):
        """
        Whether this path is a character device.
        """
        return S_ISCHR(self._mode())

    def is_fifo(self):
        """
        Whether this path is a FIFO.
        """
        return S_ISFIFO(self._mode())

    def is_socket(self):
        """
        Whether this path is a socket.
        """
        return S_ISSOCK(self._mode())

    def samefile(self, other_path):
        """Return whether other_path is the same or not as this file
        (as returned by os.path.samefile()).
        """
        st = self.stat()
        try:
            other_st = other_path.stat()
        except AttributeError:
            other_st = self.with_segments(other_path).stat()
        return os.path.samestat(st, other_st)

    def open(self, mode='r', buffering=-1, encoding=None,
             errors=None, newline=None):
        """
        Open the file pointed to by this path and return a file object, as
        the built-in open() function does.
        """
        if "b" not in mode:
            encoding = io.text_encoding(encoding)
        return io.open(self, mode, buffering, encoding, errors, newline)

    def read_bytes(self):
        """
        Open the file in bytes mode, read it, and close the file.
        """
        with self.open(mode='rb', buffering=0) as f:
            return f.read()

    def read_text(self, encoding=None, errors=None, newline=None):
        """
        Open the file in text mode, read it, and close the file.
        """
        encoding = io.text_encoding(encoding)
        with self.open(mode='r', encoding=encoding, errors=errors, newline=newline) as f:
            return f.read()

    def write_bytes(self, data):
        """
        Open the file in bytes mode, write to it, and close the file.
        """
        view = memoryview(data)
        with self.open(mode='wb') as f:
            return f.write(view)

    def write_text(self, data, encoding=None, errors=None, newline=None):
        """
        Open the file in text mode, write to it, and close the file.
        """
        if not isinstance(data, str):
            raise TypeError('data must be str, not %s' %
                            data.__class__.__name__)
        encoding = io.text_encoding(encoding)
        with self.open(mode='w', encoding=encoding, errors=errors, newline=newline) as f:
            return f.write(data)

    def iterdir(self):
        """Yield path objects of the directory contents.

        The children are yielded in arbitrary order, and the
        special entries '.' and '..' are not included.
        """
        root = str(self)
        names = os.listdir(root)
        prefix = '' if root == '.' else (root if root.endswith('/') else root + '/')
        return (self._from_child(prefix + name, name) for name in names)

    def _from_child(self, path_str, name):
        drv, root, tail = self._parse()
        child = self.with_segments(path_str)
        child._parsed = (drv, root, tail + [name])
        return child

    def glob(self, pattern, *, case_sensitive=None, recurse_symlinks=False):
        """Iterate over this subtree and yield all existing files (of any
        kind, including directories) matching the given relative pattern.
        """
        given = str(pattern)
        if not isinstance(pattern, PurePath):
            pattern = self.with_segments(pattern)
        if pattern.anchor:
            raise NotImplementedError("Non-relative patterns are unsupported")
        parts = list(pattern._tail)
        raw = str(pattern._raw_paths[-1]) if pattern._raw_paths else ''
        if not parts:
            # The pattern as given (CPython: Path._parse_pattern).
            raise ValueError("Unacceptable pattern: {!r}".format(given))
        dir_only = raw.endswith('/')
        pedantic = case_sensitive is not None
        if case_sensitive is None:
            case_sensitive = True
        return self._select(parts, 0, dir_only, case_sensitive, recurse_symlinks, True, pedantic)

    def rglob(self, pattern, *, case_sensitive=None, recurse_symlinks=False):
        """Recursively yield all existing files (of any kind, including
        directories) matching the given relative pattern, anywhere in
        this subtree.
        """
        if not isinstance(pattern, PurePath):
            pattern = self.with_segments(pattern)
        pattern = self.with_segments('**', pattern)
        raw = str(pattern)
        return self.glob(raw + ('/' if str(pattern._raw_paths[-1]).endswith('/') else ''),
                         case_sensitive=case_sensitive, recurse_symlinks=recurse_symlinks)

    def _select(self, parts, i, dir_only, case_sensitive, recurse_symlinks, exists, pedantic=False):
        if i == len(parts):
            if not exists and not os.path.lexists(self):
                return
            if dir_only and not self.is_dir():
                return
            yield self
            return
        part = parts[i]
        last = i == len(parts) - 1
        if part == '**':
            if last:
                # A trailing '**' yields this directory and everything under it.
                yield self
                for path in self._descendants(recurse_symlinks, dirs_only=dir_only):
                    yield path
                return
            yield from self._select(parts, i + 1, dir_only, case_sensitive, recurse_symlinks, exists, pedantic)
            for path in self._descendants(recurse_symlinks, dirs_only=True):
                yield from path._select(parts, i + 1, dir_only, case_sensitive, recurse_symlinks, True, pedantic)
            return
        # A part with no wildcard is looked up directly, unless the caller chose the case
        # sensitivity: then every part is matched against the directory's entries
        # (CPython: Lib/pathlib Path.glob, case_pedantic).
        if part in ('..', '.') or (not pedantic and not any(c in part for c in '*?[')):
            child = self / part
            if last:
                yield from child._select(parts, i + 1, dir_only, case_sensitive, recurse_symlinks, False, pedantic)
            elif child.is_dir():
                yield from child._select(parts, i + 1, dir_only, case_sensitive, recurse_symlinks, True, pedantic)
            return
        try:
            with os.scandir(self) as it:
                entries = list(it)
        except OSError:
            return
        for entry in entries:
            if not _match_segment(entry.name, part, case_sensitive):
                continue
            if not last:
                try:
                    if not entry.is_dir():
                        continue
                except OSError:
                    continue
            child = self._from_child(entry.path if str(self) != '.' else entry.name, entry.name)
            yield from child._select(parts, i + 1, dir_only, case_sensitive, recurse_symlinks, True, pedantic)

    def _descendants(self, follow_symlinks, dirs_only):
        """Every path under this directory, depth first, each directory before its contents."""
        try:
            with os.scandir(self) as it:
                entries = list(it)
        except OSError:
            return
        for entry in entries:
            try:
                is_dir = entry.is_dir(follow_symlinks=follow_symlinks)
            except OSError:
                is_dir = False
            child = self._from_child(entry.path if str(self) != '.' else entry.name, entry.name)
            if is_dir or not dirs_only:
                yield child
            if is_dir:
                yield from child._descendants(follow_symlinks, dirs_only)

    def walk(self, top_down=True, on_error=None, follow_symlinks=False):
        """Walk the directory tree from this directory, similar to os.walk()."""
        paths = [self]
        while paths:
            path = paths.pop()
            if isinstance(path, tuple):
                yield path
                continue
            try:
                with os.scandir(path) as it:
                    entries = list(it)
            except OSError as error:
                if on_error is not None:
                    on_error(error)
                continue
            dirnames = []
            filenames = []
            for entry in entries:
                try:
                    is_dir = entry.is_dir(follow_symlinks=follow_symlinks)
                except OSError:
                    is_dir = False
                (dirnames if is_dir else filenames).append(entry.name)
            if top_down:
                yield path, dirnames, filenames
            else:
                paths.append((path, dirnames, filenames))
            paths += [path._from_child(str(path / d), d) for d in reversed(dirnames)]

    def absolute(self):
        """Return an absolute version of this path
        No normalization or symlink resolution is performed.

        Use resolve() to resolve symlinks and remove '..' segments.
        """
        if self.is_absolute():
            return self
        cwd = os.getcwd()
        if not self._tail:
            return self.with_segments(cwd)
        return self.with_segments(cwd, self)

    def resolve(self, strict=False):
        """
        Make the path absolute, resolving all symlinks on the way and also
        normalizing it.
        """
        return self.with_segments(os.path.realpath(self, strict=strict))

    def owner(self, *, follow_symlinks=True):
        """
        Return the login name of the file owner.
        """
        uid = self.stat(follow_symlinks=follow_symlinks).st_uid
        return _name_of(uid, '/etc/passwd', 'uid')

    def group(self, *, follow_symlinks=True):
        """
        Return the group name of the file gid.
        """
        gid = self.stat(follow_symlinks=follow_symlinks).st_gid
        return _name_of(gid, '/etc/group', 'gid')

    def readlink(self):
        """
        Return the path to which the symbolic link points.
        """
        return self.with_segments(os.readlink(self))

    def touch(self, mode=0o666, exist_ok=True):
        """
        Create this file with the given access mode, if it doesn't exist.
        """
        if exist_ok:
            try:
                os.utime(self, None)
            except OSError:
                pass
            else:
                return
        flags = os.O_CREAT | os.O_WRONLY
        if not exist_ok:
            flags |= os.O_EXCL
        fd = os.open(self, flags, mode)
        os.close(fd)

    def mkdir(self, mode=0o777, parents=False, exist_ok=False):
        """
        Create a new directory at this given path.
        """
        try:
            os.mkdir(self, mode)
        except FileNotFoundError:
            if not parents or self.parent == self:
                raise
            self.parent.mkdir(parents=True, exist_ok=True)
            self.mkdir(mode, parents=False, exist_ok=exist_ok)
        except OSError:
            if not exist_ok or not self.is_dir():
                raise

    def chmod(self, mode, *, follow_symlinks=True):
        """
        Change the permissions of the path, like os.chmod().
        """
        os.chmod(self, mode, follow_symlinks=follow_symlinks)

    def lchmod(self, mode):
        """
        Like chmod(), except if the path points to a symlink, the symlink's
        permissions are changed, rather than its target's.
        """
        self.chmod(mode, follow_symlinks=False)

    def unlink(self, missing_ok=False):
        """
        Remove this file or link.
        If the path is a directory, use rmdir() instead.
        """
        try:
            os.unlink(self)
        except FileNotFoundError:
            if not missing_ok:
                raise

    def rmdir(self):
        """
        Remove this directory.  The directory must be empty.
        """
        os.rmdir(self)

    def rename(self, target):
        """
        Rename this path to the target path.

        The target path may be absolute or relative. Relative paths are
        interpreted relative to the current working directory, *not* the
        directory of the Path object.

        Returns the new Path instance pointing to the target path.
        """
        os.rename(self, target)
        return self.with_segments(target)

    def replace(self, target):
        """
        Rename this path to the target path, overwriting if that path exists.

        The target path may be absolute or relative. Relative paths are
        interpreted relative to the current working directory, *not* the
        directory of the Path object.

        Returns the new Path instance pointing to the target path.
        """
        os.replace(self, target)
        return self.with_segments(target)

    # copy and move as CPython 3.14's (Lib/pathlib/__init__.py Path.copy, _copy_from,
    # move; Lib/pathlib/_os.py ensure_distinct_paths, ensure_different_files, copy_info).
    def copy(self, target, **kwargs):
        """
        Recursively copy this file or directory tree to the given destination.
        """
        if not hasattr(target, "with_segments"):
            target = self.with_segments(target)
        _check_distinct_paths(self, target)
        target._copy_from(self, **kwargs)
        return target.joinpath()

    def copy_into(self, target_dir, **kwargs):
        """
        Copy this file or directory tree into the given existing directory.
        """
        name = self.name
        if not name:
            raise ValueError(f"{self!r} has an empty name")
        if hasattr(target_dir, "with_segments"):
            target = target_dir / name
        else:
            target = self.with_segments(target_dir, name)
        return self.copy(target, **kwargs)

    def _copy_from(self, source, follow_symlinks=True, preserve_metadata=False):
        # The children are listed when the generator first runs, after this directory
        # is made.
        if not follow_symlinks and source.is_symlink():
            os.symlink(str(source.readlink()), self)
            if preserve_metadata:
                _copy_metadata(source, self, False)
        elif source.is_dir():
            children = source.iterdir()
            os.mkdir(self)
            for child in children:
                self.joinpath(child.name)._copy_from(child, follow_symlinks, preserve_metadata)
            if preserve_metadata:
                _copy_metadata(source, self, True)
        else:
            _check_different_files(source, self)
            with open(source, "rb") as source_file, open(self, "wb") as target_file:
                while chunk := source_file.read(1 << 20):
                    target_file.write(chunk)
            if preserve_metadata:
                _copy_metadata(source, self, True)

    def move(self, target):
        """
        Recursively move this file or directory tree to the given destination.
        """
        # A rename where the file system allows it; else a copy and a delete.
        try:
            target = self.with_segments(target)
        except TypeError:
            pass
        else:
            _check_different_files(self, target)
            try:
                os.replace(self, target)
            except OSError as err:
                if err.errno != _EXDEV:
                    raise
            else:
                return target.joinpath()
        target = self.copy(target, follow_symlinks=False, preserve_metadata=True)
        if self.is_symlink() or not self.is_dir():
            self.unlink()
        else:
            import shutil
            shutil.rmtree(self)
        return target

    def move_into(self, target_dir):
        """
        Move this file or directory tree into the given existing directory.
        """
        name = self.name
        if not name:
            raise ValueError(f"{self!r} has an empty name")
        if not isinstance(target_dir, PurePath):
            target_dir = self.with_segments(target_dir)
        return self.move(target_dir / name)

    def symlink_to(self, target, target_is_directory=False):
        """
        Make this path a symlink pointing to the target path.
        Note the order of arguments (link, target) is the reverse of os.symlink.
        """
        os.symlink(target, self, target_is_directory)

    def hardlink_to(self, target):
        """
        Make this path a hard link pointing to the same file as *target*.

        Note the order of arguments (self, target) is the reverse of os.link's.
        """
        os.link(target, self)

    def expanduser(self):
        """ Return a new path with expanded ~ and ~user constructs
        (as returned by os.path.expanduser)
        """
        drv, root, tail = self._parse()
        if not drv and not root and tail and tail[0][:1] == '~':
            homedir = os.path.expanduser(tail[0])
            if homedir[:1] == "~":
                raise RuntimeError("Could not determine home directory.")
            drv, root, home_tail = self.with_segments(homedir)._parse()
            return self._from_parsed_parts(drv, root, home_tail + tail[1:])
        return self

    @classmethod
    def cwd(cls):
        """Return a new path pointing to the current working directory."""
        return cls(os.getcwd())

    @classmethod
    def home(cls):
        """Return a new path pointing to expanduser('~').
        """
        homedir = os.path.expanduser("~")
        if homedir == "~":
            raise RuntimeError("Could not determine home directory.")
        return cls(homedir)

    def as_uri(self):
        """Return the path as a URI."""
        # CPython: Lib/pathlib Path.as_uri (urllib.request.pathname2url with the scheme).
        if not self.is_absolute():
            raise ValueError("relative paths can't be expressed as file URIs")
        return self._file_uri()

    @classmethod
    def from_uri(cls, uri):
        """Return a new path from the given 'file' URI."""
        # CPython 3.14: urllib.request.url2pathname(uri, require_scheme=True): the scheme
        # must be file, the authority empty or localhost, the path is percent-decoded.
        scheme, sep, rest = uri.partition(':')
        if not sep or scheme.lower() != 'file' or not scheme[:1].isascii() or not scheme[:1].isalpha():
            raise ValueError("URL is missing a 'file:' scheme")
        for mark in '?#':
            rest = rest.partition(mark)[0]
        if rest[:2] == '//':
            authority, slash, rest = rest[2:].partition('/')
            rest = slash + rest
            if authority not in ('', 'localhost'):
                raise ValueError("file:// scheme is supported only on localhost")
        path = cls(_percent_decode(rest))
        if not path.is_absolute():
            raise ValueError(f"URI is not absolute: {uri!r}")
        return path



def _percent_decode(text):
    # %XX escapes to bytes, the whole then decoded as a file name (CPython: urllib.parse.unquote
    # with the file-system encoding and error handler); a '%' without two hex digits stays.
    if '%' not in text:
        return text
    hexdigits = '0123456789abcdefABCDEF'
    pieces = text.split('%')
    out = bytearray(pieces[0].encode('utf-8', 'surrogateescape'))
    for piece in pieces[1:]:
        if len(piece) >= 2 and piece[0] in hexdigits and piece[1] in hexdigits:
            out.append(int(piece[:2], 16))
            piece = piece[2:]
        else:
            out += b'%'
        out += piece.encode('utf-8', 'surrogateescape')
    return out.decode('utf-8', 'surrogateescape')


_EINVAL = 22
_EXDEV = 18


def _path_error(message, source, target):
    err = OSError(_EINVAL, message)
    err.filename = str(source)
    err.filename2 = str(target)
    return err


def _check_distinct_paths(source, target):
    # Lexically: the same path, or the target inside the source.
    if source == target:
        raise _path_error("Source and target are the same path", source, target)
    if source in target.parents:
        raise _path_error("Source path is a parent of target path", source, target)


def _check_different_files(source, target):
    try:
        a = os.stat(source)
        b = os.stat(target)
    except (OSError, ValueError):
        return
    if (a.st_dev, a.st_ino) == (b.st_dev, b.st_ino):
        raise _path_error("Source and target are the same file", source, target)


def _copy_metadata(source, target, follow_symlinks):
    st = os.stat(source, follow_symlinks=follow_symlinks)
    os.utime(target, ns=(st.st_atime_ns, st.st_mtime_ns), follow_symlinks=follow_symlinks)
    try:
        os.chmod(target, st.st_mode & 0o7777, follow_symlinks=follow_symlinks)
    except (NotImplementedError, OSError):
        if follow_symlinks:
            raise

def _name_of(number, table, what):
    try:
        with open(table, encoding='utf-8', errors='surrogateescape') as f:
            for line in f:
                fields = line.split(':')
                if len(fields) > 2 and fields[2] == str(number):
                    return fields[0]
    except OSError:
        pass
    raise KeyError(f"getpw{what}(): {what} not found: {number}" if what == 'uid'
                   else f"getgrgid(): gid not found: {number}")


class PosixPath(Path, PurePosixPath):
    """Path subclass for non-Windows systems.

    On a POSIX system, instantiating a Path should return this object.
    """
    __slots__ = ()


class WindowsPath(Path, PureWindowsPath):
    """Path subclass for Windows systems.

    On a Windows system, instantiating a Path should return this object.
    """
    __slots__ = ()

    def __new__(cls, *args, **kwargs):
        raise UnsupportedOperation(f"cannot instantiate {cls.__name__!r} on your system")
