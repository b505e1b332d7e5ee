"""OS routines for NT or Posix depending on what system we're on.

This exports:
  - all functions from posix
  - os.path is either posixpath or ntpath
  - os.name is either 'posix' or 'nt'
  - os.curdir is a string representing the current directory (always '.')
  - os.pardir is a string representing the parent directory (always '..')
  - os.sep is the (or a most common) pathname separator ('/' or '\\')
  - os.extsep is the extension separator (always '.')
  - os.altsep is the alternate pathname separator (None or '/')
  - os.pathsep is the component separator used in $PATH etc
  - os.linesep is the line separator in text files ('\n' or '\r\n')
  - os.defpath is the default search path for executables
  - os.devnull is the file path of the null device ('/dev/null', etc.)

gopy's os is this module over the native posix module; it is also getpath's
standard-library landmark.
"""

import sys
import posix
from posix import *
from posix import _exit, fspath, stat_result, terminal_size, DirEntry

name = "posix"
sep = "/"
altsep = None
curdir = "."
pardir = ".."
extsep = "."
pathsep = ":"
defpath = "/bin:/usr/bin"
linesep = "\n"
devnull = "/dev/null"

import posixpath as path

sys.modules["os.path"] = path
del posix

error = OSError

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

supports_dir_fd = {stat, lstat, mkdir, rmdir, unlink, remove, rename, replace, access, chmod, utime,
                   symlink, link, readlink, open}
supports_effective_ids = {access}
supports_fd = {stat, listdir, scandir, chdir, chmod, utime, truncate, execve}
supports_follow_symlinks = {stat, access, chmod, utime, link}
supports_bytes_environ = True


def _get_exports_list(module):
    try:
        return list(module.__all__)
    except AttributeError:
        return [n for n in dir(module) if n[0] != "_"]


# CPython: Lib/os.py makedirs.
def makedirs(name, mode=0o777, exist_ok=False):
    """makedirs(name [, mode=0o777][, exist_ok=False])

    Super-mkdir; create a leaf directory and all intermediate ones.  Works like
    mkdir, except that any intermediate path segment (not just the rightmost)
    will be created if it does not exist. If the target directory already
    exists, raise an OSError if exist_ok is False. Otherwise no exception is
    raised.  This is recursive.
    """
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        cdir = curdir
        if isinstance(tail, bytes):
            cdir = bytes(curdir, "ASCII")
        if tail == cdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """removedirs(name)

    Super-rmdir; remove a leaf directory and all empty intermediate
    ones.  Works like rmdir except that, if the leaf directory is
    successfully removed, directories corresponding to rightmost path
    segments will be pruned away until either the whole path is
    consumed or an error occurs.  Errors during this latter phase are
    ignored -- they generally mean that a directory was not empty.
    """
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def renames(old, new):
    """renames(old, new)

    Super-rename; create directories as necessary and delete any left
    empty.
    """
    head, tail = path.split(new)
    if head and tail and not path.exists(head):
        makedirs(head)
    rename(old, new)
    head, tail = path.split(old)
    if head and tail:
        try:
            removedirs(head)
        except OSError:
            pass


# CPython: Lib/os.py walk (iterative, with the same order and error handling).
def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator.

    For each directory in the directory tree rooted at top (including top
    itself, but excluding '.' and '..'), yields a 3-tuple

        dirpath, dirnames, filenames
    """
    stack = [fspath(top)]
    islink, join = path.islink, path.join
    while stack:
        top = stack.pop()
        if isinstance(top, tuple):
            yield top
            continue
        dirs = []
        nondirs = []
        walk_dirs = []
        try:
            scandir_it = scandir(top)
        except OSError as error:
            if onerror is not None:
                onerror(error)
            continue
        cont = False
        with scandir_it:
            while True:
                try:
                    try:
                        entry = next(scandir_it)
                    except StopIteration:
                        break
                except OSError as error:
                    if onerror is not None:
                        onerror(error)
                    cont = True
                    break
                try:
                    is_dir = entry.is_dir()
                except OSError:
                    is_dir = False
                if is_dir:
                    dirs.append(entry.name)
                else:
                    nondirs.append(entry.name)
                if not topdown and is_dir:
                    if followlinks:
                        walk_into = True
                    else:
                        try:
                            is_symlink = entry.is_symlink()
                        except OSError:
                            is_symlink = False
                        walk_into = not is_symlink
                    if walk_into:
                        walk_dirs.append(entry.path)
        if cont:
            continue
        if topdown:
            yield top, dirs, nondirs
            for dirname in reversed(dirs):
                new_path = join(top, dirname)
                if followlinks or not islink(new_path):
                    stack.append(new_path)
        else:
            stack.append((top, dirs, nondirs))
            for new_path in reversed(walk_dirs):
                stack.append(new_path)


def fwalk(top=".", topdown=True, onerror=None, *, follow_symlinks=False, dir_fd=None):
    """Directory tree generator.

    This behaves exactly like walk(), except that it yields a 4-tuple

        dirpath, dirnames, filenames, dirfd

    `dirpath`, `dirnames` and `filenames` are identical to walk() output,
    and `dirfd` is a file descriptor referring to the directory `dirpath`.

    The advantage of fwalk() over walk() is that it's safe against symlink
    races (when follow_symlinks is False).

    If dir_fd is not None, it should be a file descriptor open to a directory,
      and top should be relative; top will then be relative to that directory.
      (dir_fd is always supported for fwalk.)

    Caution:
    Since fwalk() yields file descriptors, those are only valid until the
    next iteration step, so you should dup() them if you want to keep them
    for a longer period.
    """
    # CPython: Lib/os.py fwalk. Each directory is opened relative to its parent's
    # descriptor; without follow_symlinks, lstat before the open and fstat after must
    # agree, so a directory swapped for a link is not entered. The work is a stack of
    # ("walk", ...), ("yield", ...) and ("close", fd) items, so deep trees need no recursion.
    import stat as _stat_mod
    top = fspath(top)
    isbytes = isinstance(top, bytes)
    stack = [("walk", (True, dir_fd, top, top, None))]
    try:
        while stack:
            action, value = stack.pop()
            if action == "close":
                close(value)
                continue
            if action == "yield":
                yield value
                continue
            isroot, parent_fd, toppath, topname, entry = value
            try:
                if not follow_symlinks:
                    orig_st = (stat(topname, follow_symlinks=False, dir_fd=parent_fd)
                               if entry is None else entry.stat(follow_symlinks=False))
                topfd = open(topname, O_RDONLY | O_NONBLOCK, dir_fd=parent_fd)
            except OSError as err:
                if isroot:
                    raise
                if onerror is not None:
                    onerror(err)
                continue
            stack.append(("close", topfd))
            if not follow_symlinks:
                if isroot and not _stat_mod.S_ISDIR(orig_st.st_mode):
                    continue
                if not path.samestat(orig_st, stat(topfd)):
                    continue
            dirs, nondirs = [], []
            # Without topdown and links, the children are checked with their own entries.
            entries = None if topdown or follow_symlinks else []
            for child in scandir(topfd):
                name = fsencode(child.name) if isbytes else child.name
                try:
                    if child.is_dir():
                        dirs.append(name)
                        if entries is not None:
                            entries.append(child)
                    else:
                        nondirs.append(name)
                except OSError:
                    try:
                        if child.is_symlink():
                            nondirs.append(name)  # a dangling link
                    except OSError:
                        pass
            if topdown:
                yield toppath, dirs, nondirs, topfd
            else:
                stack.append(("yield", (toppath, dirs, nondirs, topfd)))
            prefix = path.join(toppath, toppath[:0])
            if entries is None:
                stack.extend(("walk", (False, topfd, prefix + name, name, None))
                             for name in reversed(dirs))
            else:
                stack.extend(("walk", (False, topfd, prefix + name, name, child))
                             for name, child in zip(reversed(dirs), reversed(entries)))
    finally:
        # Descriptors of directories not finished (the caller stopped early).
        while stack:
            action, value = stack.pop()
            if action == "close":
                close(value)


def fdopen(fd, mode="r", buffering=-1, encoding=None, *args, **kwargs):
    if not isinstance(fd, int):
        raise TypeError("invalid fd type (%s, expected integer)" % type(fd))
    import io
    if "b" not in mode:
        encoding = io.text_encoding(encoding)
    return io.open(fd, mode, buffering, encoding, *args, **kwargs)


def get_exec_path(env=None):
    """Returns the sequence of directories that will be searched for the
    named executable (similar to a shell) when launching a process.

    *env* must be an environment variable dict or None.  If *env* is None,
    os.environ will be used.
    """
    # As CPython's: a bytes b'PATH' key counts too (decoded), but not both keys.
    if env is None:
        env = environ
    try:
        path_list = env.get("PATH")
    except TypeError:
        path_list = None
    try:
        path_bytes = env[b"PATH"]
    except (KeyError, TypeError):
        pass
    else:
        if path_list is not None:
            raise ValueError("env cannot contain 'PATH' and b'PATH' keys")
        path_list = path_bytes
    if isinstance(path_list, bytes):
        path_list = fsdecode(path_list)
    if path_list is None:
        path_list = defpath
    return path_list.split(pathsep)



# The exec and spawn families over posix.execv/execve, fork and waitpid (CPython: Lib/os.py
# execl ... execvpe, _execvpe, _spawnvef).
def execl(file, *args):
    """Replace the process by the program `file`, with the arguments `args`."""
    execv(file, args)


def execle(file, *args):
    """As execl, the last argument being the environment mapping."""
    execve(file, args[:-1], args[-1])


def execlp(file, *args):
    """As execl, `file` being searched for along PATH."""
    execvp(file, args)


def execlpe(file, *args):
    """As execlp, the last argument being the environment mapping."""
    execvpe(file, args[:-1], args[-1])


def execvp(file, args):
    """As execv, `file` being searched for along PATH."""
    _execvpe(file, args)


def execvpe(file, args, env):
    """As execve, `file` being searched for along PATH."""
    _execvpe(file, args, env)


def _execvpe(file, args, env=None):
    if env is None:
        run = lambda target: execv(target, args)
    else:
        run = lambda target: execve(target, args, env)
    if path.dirname(file):
        run(file)
        return
    # Each directory of the search path in turn, as bytes; the error that is kept is the
    # first one that says more than "not there" (ENOENT, ENOTDIR), else the last.
    kept = None
    file = fsencode(file)
    for directory in map(fsencode, get_exec_path(env)):
        try:
            run(path.join(directory, file))
        except (FileNotFoundError, NotADirectoryError) as exc:
            last = exc
        except OSError as exc:
            last = exc
            if kept is None:
                kept = exc
    if kept is not None:
        raise kept
    raise last


P_WAIT = 0
P_NOWAIT = P_NOWAITO = 1


def _spawn(mode, file, args, env, exec_function):
    if not isinstance(args, (tuple, list)):
        raise TypeError("argv must be a tuple or a list")
    if not args or not args[0]:
        raise ValueError("argv first element cannot be empty")
    pid = fork()
    if pid == 0:
        try:
            if env is None:
                exec_function(file, args)
            else:
                exec_function(file, args, env)
        except:
            _exit(127)
    if mode == P_NOWAIT:
        return pid
    while True:
        _, status = waitpid(pid, 0)
        if WIFSTOPPED(status):
            continue
        return waitstatus_to_exitcode(status)


def spawnv(mode, file, args):
    """Run `file` with the argument list `args` in a child process: its pid for P_NOWAIT, else
    its exit code (-SIG when a signal ended it)."""
    return _spawn(mode, file, args, None, execv)


def spawnve(mode, file, args, env):
    """As spawnv, with the environment `env`."""
    return _spawn(mode, file, args, env, execve)


def spawnvp(mode, file, args):
    """As spawnv, `file` being searched for along PATH."""
    return _spawn(mode, file, args, None, execvp)


def spawnvpe(mode, file, args, env):
    """As spawnvp, with the environment `env`."""
    return _spawn(mode, file, args, env, execvpe)


def spawnl(mode, file, *args):
    """As spawnv, with the arguments given one by one."""
    return spawnv(mode, file, args)


def spawnle(mode, file, *args):
    """As spawnl, the last argument being the environment mapping."""
    return spawnve(mode, file, args[:-1], args[-1])


def spawnlp(mode, file, *args):
    """As spawnl, `file` being searched for along PATH."""
    return spawnvp(mode, file, args)


def spawnlpe(mode, file, *args):
    """As spawnlp, the last argument being the environment mapping."""
    return spawnvpe(mode, file, args[:-1], args[-1])


# popen: the shell runs `cmd` in a child whose stdout (mode "r") or stdin (mode "w") is a
# pipe to the returned file; closing it waits for the child (CPython: os.popen over
# subprocess.Popen(cmd, shell=True, text=True), _wrap_close).
def popen(cmd, mode="r", buffering=-1):
    if not isinstance(cmd, str):
        raise TypeError("invalid cmd type (%s, expected string)" % type(cmd))
    if mode not in ("r", "w"):
        raise ValueError("invalid mode %r" % mode)
    if buffering == 0 or buffering is None:
        raise ValueError("popen() does not support unbuffered streams")
    import io, posix as _posix
    read_end, write_end = pipe()
    child_end, own_end = (write_end, read_end) if mode == "r" else (read_end, write_end)
    pid = fork()
    if pid == 0:
        try:
            dup2(child_end, 1 if mode == "r" else 0)
            _posix._restore_signals()
            execv("/bin/sh", ["/bin/sh", "-c", cmd])
        finally:
            _exit(127)
    close(child_end)
    line_buffering = buffering == 1
    raw = io.open(own_end, mode + "b", -1 if line_buffering else buffering)
    stream = io.TextIOWrapper(raw, encoding=io.text_encoding(None), line_buffering=line_buffering,
                              write_through=mode == "w")
    return _wrap_close(stream, pid)


class _wrap_close:
    def __init__(self, stream, pid):
        self._stream = stream
        self._pid = pid
        self._returncode = None

    def close(self):
        self._stream.close()
        if self._returncode is None:
            while True:
                _, status = waitpid(self._pid, 0)
                if not WIFSTOPPED(status):
                    break
            self._returncode = waitstatus_to_exitcode(status)
        # The exit code in the high byte, as the wait status has it.
        return None if self._returncode == 0 else self._returncode << 8

    def __enter__(self):
        return self

    def __exit__(self, *args):
        self.close()

    def __getattr__(self, name):
        return getattr(self._stream, name)

    def __iter__(self):
        return iter(self._stream)

# The environment: os.environ maps str to str over posix.environ's bytes, decoded and
# encoded with the file-system codec (CPython: Lib/os.py _Environ, _create_environ_mapping).
class _Environ:
    def __init__(self, data, encodekey, decodekey, encodevalue, decodevalue):
        self.encodekey = encodekey
        self.decodekey = decodekey
        self.encodevalue = encodevalue
        self.decodevalue = decodevalue
        self._data = data

    def __getitem__(self, key):
        try:
            value = self._data[self.encodekey(key)]
        except KeyError:
            raise KeyError(key) from None
        return self.decodevalue(value)

    def __setitem__(self, key, value):
        key = self.encodekey(key)
        value = self.encodevalue(value)
        putenv(key, value)
        self._data[key] = value

    def __delitem__(self, key):
        encodedkey = self.encodekey(key)
        unsetenv(encodedkey)
        try:
            del self._data[encodedkey]
        except KeyError:
            raise KeyError(key) from None

    def __iter__(self):
        keys = list(self._data)
        for key in keys:
            yield self.decodekey(key)

    def __len__(self):
        return len(self._data)

    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        return True

    def __eq__(self, other):
        if isinstance(other, _Environ):
            other = dict(other.items())
        if not isinstance(other, dict):
            return NotImplemented
        return dict(self.items()) == other

    __hash__ = None

    def keys(self):
        return [self.decodekey(k) for k in self._data]

    def values(self):
        return [self.decodevalue(v) for v in self._data.values()]

    def items(self):
        return [(self.decodekey(k), self.decodevalue(v)) for k, v in self._data.items()]

    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default

    def pop(self, key, *default):
        try:
            value = self[key]
        except KeyError:
            if default:
                return default[0]
            raise
        del self[key]
        return value

    def popitem(self):
        for key in self:
            value = self[key]
            del self[key]
            return key, value
        raise KeyError

    def clear(self):
        for key in list(self):
            del self[key]

    def update(self, other=(), /, **kwds):
        if hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value

    def __repr__(self):
        formatted_items = ", ".join(
            f"{self.decodekey(key)!r}: {self.decodevalue(value)!r}"
            for key, value in self._data.items()
        )
        return f"environ({{{formatted_items}}})"

    def copy(self):
        return dict(self.items())

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]

    def __ior__(self, other):
        self.update(other)
        return self

    def __or__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(self.items())
        new.update(other)
        return new

    def __ror__(self, other):
        if not isinstance(other, (dict, _Environ)):
            return NotImplemented
        new = dict(other)
        new.update(self.items())
        return new


def _create_environ_mapping():
    def encode(value):
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        return value.encode("utf-8", "surrogateescape")

    def decode(value):
        return value.decode("utf-8", "surrogateescape")

    data = {}
    for key, value in _posix_environ.items():
        data[key] = value
    return _Environ(data, encode, decode, encode, decode)


from posix import environ as _posix_environ
environ = _create_environ_mapping()
del _posix_environ


def _check_bytes(value):
    if not isinstance(value, bytes):
        raise TypeError("bytes expected, not %s" % type(value).__name__)
    return value


def _identity(value):
    return value


environb = _Environ(environ._data, _check_bytes, _identity, _check_bytes, _identity)


def reload_environ():
    """Update os.environ and os.environb from the process environment (changes made
    by putenv, unsetenv or outside Python)."""
    # In place, so that environb, which shares the data, follows.
    import posix
    data = environ._data
    data.clear()
    data.update(posix._create_environ())


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist.
    The optional second argument can specify an alternate default.
    key, default and the result are str."""
    return environ.get(key, default)


def getenvb(key, default=None):
    """Get an environment variable, return None if it doesn't exist.
    The optional second argument can specify an alternate default.
    key, default and the result are bytes."""
    return environb.get(key, default)


def fsencode(filename):
    """Encode filename (an os.PathLike, bytes, or str) to the filesystem
    encoding with 'surrogateescape' error handler, return bytes unchanged.
    """
    filename = fspath(filename)
    if isinstance(filename, str):
        return filename.encode("utf-8", "surrogateescape")
    return filename


def fsdecode(filename):
    """Decode filename (an os.PathLike, bytes, or str) from the filesystem
    encoding with 'surrogateescape' error handler, return str unchanged.
    """
    filename = fspath(filename)
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return filename


class _PathLikeMeta(type):
    def __instancecheck__(cls, instance):
        return cls.__subclasscheck__(type(instance))

    def __subclasscheck__(cls, subclass):
        if cls is not PathLike:
            return type.__subclasscheck__(cls, subclass)
        for klass in subclass.__mro__:
            if "__fspath__" in klass.__dict__:
                return klass.__dict__["__fspath__"] is not None
        return False


class PathLike(metaclass=_PathLikeMeta):
    """Abstract base class for implementing the file system path protocol."""

    __slots__ = ()

    def __fspath__(self):
        """Return the file system path representation of the object."""
        raise NotImplementedError

    def __class_getitem__(cls, item):
        import types
        return types.GenericAlias(cls, item)
