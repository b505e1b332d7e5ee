"""The Python-level types of gopy's posix and time modules (struct sequences, DirEntry,
the scandir iterator), made here once and cached as bytecode; the modules' exec hooks
copy them in. Functions reach posix through a late import: this module is imported
while posix is being made.
"""
import _structseq


def _posix():
    import posix
    return posix


stat_result = _structseq.make("os.stat_result",
    ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", None, None, None,
     "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
     "st_blksize", "st_blocks", "st_rdev"), 10,
    ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
     "st_atime", "st_mtime", "st_ctime"),
    int_fallback={"st_atime": 7, "st_mtime": 8, "st_ctime": 9})
terminal_size = _structseq.make("os.terminal_size", ("columns", "lines"), 2)
uname_result = _structseq.make("posix.uname_result", ("sysname", "nodename", "release", "version", "machine"), 5)
times_result = _structseq.make("posix.times_result", ("user", "system", "children_user", "children_system", "elapsed"), 5)
statvfs_result = _structseq.make("os.statvfs_result",
    ("f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail",
     "f_flag", "f_namemax", "f_fsid"), 10)
struct_time = _structseq.make("time.struct_time",
    ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
     "tm_zone", "tm_gmtoff"), 9,
    doc="The time value as returned by gmtime(), localtime(), and strptime(), and\n"
        " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
        " sequence of 9 integers.")
del _structseq

_S_IFMT = 0o170000


_set_slot = object.__setattr__


def _readonly_member(self, value=None):
    raise AttributeError("readonly attribute")


class DirEntry:
    __module__ = "posix"
    # name and path are read-only and the entries take no other attributes (CPython:
    # DirEntry's members are READONLY and the type has no __dict__).
    __slots__ = ("_name", "_path", "_kind", "_inode", "_dir_fd", "_stat", "_lstat")

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'posix.DirEntry' instances")

    name = property(lambda self: self._name, _readonly_member, _readonly_member)
    path = property(lambda self: self._path, _readonly_member, _readonly_member)

    def __setattr__(self, name, value):
        if name in ("name", "path"):
            _readonly_member(self)
        raise AttributeError(f"'posix.DirEntry' object has no attribute '{name}' and no __dict__ for "
                             "setting new attributes")

    def __delattr__(self, name):
        self.__setattr__(name, None)

    @classmethod
    def _make(cls, directory, name, kind, inode, dir_fd):
        self = object.__new__(cls)
        if dir_fd is not None or not directory:
            path = name
        elif isinstance(directory, bytes):
            path = directory + name if directory.endswith(b"/") else directory + b"/" + name
        else:
            path = directory + name if directory.endswith("/") else directory + "/" + name
        set_slot = _set_slot
        set_slot(self, "_name", name)
        set_slot(self, "_path", path)
        set_slot(self, "_kind", kind)
        set_slot(self, "_inode", inode)
        set_slot(self, "_dir_fd", dir_fd)
        set_slot(self, "_stat", None)
        set_slot(self, "_lstat", None)
        return self

    def __repr__(self):
        return f"<DirEntry {self.name!r}>"

    def __fspath__(self):
        return self.path

    def inode(self):
        return self._inode

    def stat(self, *, follow_symlinks=True):
        if follow_symlinks and self.is_symlink():
            if self._stat is None:
                object.__setattr__(self, "_stat", _posix().stat(self.path if self._dir_fd is None else self.name,
                                                                dir_fd=self._dir_fd))
            return self._stat
        if self._lstat is None:
            object.__setattr__(self, "_lstat", _posix().lstat(self.path if self._dir_fd is None else self.name,
                                                              dir_fd=self._dir_fd))
        return self._lstat

    def _test_mode(self, follow_symlinks, kind, mode_bits):
        if self._kind == 0 or (follow_symlinks and self._kind == 3):
            try:
                st = self.stat(follow_symlinks=follow_symlinks)
            except FileNotFoundError:
                return False
            return st.st_mode & _S_IFMT == mode_bits
        return self._kind == kind

    def is_dir(self, *, follow_symlinks=True):
        return self._test_mode(follow_symlinks, 1, 0o040000)

    def is_file(self, *, follow_symlinks=True):
        return self._test_mode(follow_symlinks, 2, 0o100000)

    def is_symlink(self):
        if self._kind == 0:
            return self._test_mode(False, 3, 0o120000)
        return self._kind == 3

    def is_junction(self):
        return False

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)


class ScandirIterator:
    __module__ = "posix"

    def __init__(self, path):
        dir_fd = path if isinstance(path, int) else None
        if path is None:
            directory = "."
        elif dir_fd is not None:
            directory = None
        else:
            directory = fspath(path)
        entries = _posix()._scandir_entries(path)
        self._entries = iter([DirEntry._make(directory, n, k, i, dir_fd) for n, k, i in entries])

    def __iter__(self):
        return self

    def __next__(self):
        if self._entries is None:
            raise StopIteration
        return next(self._entries)

    def close(self):
        self._entries = None

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()
        return False


def scandir(path=None):
    """Return an iterator of DirEntry objects for given path."""
    return ScandirIterator(path)


def fspath(path):
    """Return the file system representation of the path."""
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, "__fspath__"):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not " + path_type.__name__) from None
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected " + path_type.__name__ + ".__fspath__() to return str or bytes, not " +
                    type(path_repr).__name__)

