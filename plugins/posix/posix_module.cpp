// The posix module: the native layer under os (CPython: Modules/posixmodule.c
// posixmodule_exec). Its functions come from the tables of posix_files.cpp, posix_fd.cpp
// and posix_process.cpp; its struct sequences and DirEntry are Python, run in the module
// when it is made.
#include <vector>

#include "gopy/eval.hpp"
#include "gopy/object_func.hpp"
#include "gopy/plugin.hpp"
#include "posix_internal.hpp"

namespace gopy_posix {
namespace {

using namespace gopy;

// CPython: Modules/posixmodule.c DirEntry and ScandirIterator; stat_result's fields as
// _pystat_fromstructstat fills them.
constexpr const char* kPythonPart = R"PY(
import _structseq
stat_result = _structseq.make("os.stat_result",
    ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size", None, None, None,
     "st_atime", "st_mtime", "st_ctime", "st_atime_ns", "st_mtime_ns", "st_ctime_ns",
     "st_blksize", "st_blocks", "st_rdev"), 10,
    ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid", "st_size",
     "st_atime", "st_mtime", "st_ctime"))
terminal_size = _structseq.make("os.terminal_size", ("columns", "lines"), 2)
uname_result = _structseq.make("posix.uname_result", ("sysname", "nodename", "release", "version", "machine"), 5)
times_result = _structseq.make("posix.times_result", ("user", "system", "children_user", "children_system", "elapsed"), 5)
statvfs_result = _structseq.make("os.statvfs_result",
    ("f_bsize", "f_frsize", "f_blocks", "f_bfree", "f_bavail", "f_files", "f_ffree", "f_favail",
     "f_flag", "f_namemax", "f_fsid"), 10)
del _structseq

_S_IFMT = 0o170000


class DirEntry:
    __module__ = "posix"

    def __init__(self, *args, **kwargs):
        raise TypeError("cannot create 'posix.DirEntry' instances")

    @classmethod
    def _make(cls, directory, name, kind, inode, dir_fd):
        self = object.__new__(cls)
        self.name = name
        if dir_fd is not None:
            self.path = name
        elif not directory:
            self.path = name
        elif isinstance(directory, bytes):
            self.path = directory + name if directory.endswith(b"/") else directory + b"/" + name
        else:
            self.path = directory + name if directory.endswith("/") else directory + "/" + name
        self._kind = kind
        self._inode = inode
        self._dir_fd = dir_fd
        self._stat = None
        self._lstat = None
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
                self._stat = stat(self.path if self._dir_fd is None else self.name, dir_fd=self._dir_fd)
            return self._stat
        if self._lstat is None:
            self._lstat = lstat(self.path if self._dir_fd is None else self.name, dir_fd=self._dir_fd)
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
        entries = _scandir_entries(path)
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


error = OSError
)PY";

std::vector<gopy_FunctionDef> all_functions() {
  std::vector<gopy_FunctionDef> all;
  for (const gopy_FunctionDef* table : {kFileFunctions, kFdFunctions, kProcessFunctions})
    for (const gopy_FunctionDef* f = table; f->name; ++f) all.push_back(*f);
  all.push_back({nullptr, nullptr, nullptr, nullptr});
  return all;
}

int exec_posix(gopy_plugin_context*, gopy_Object* module_handle) {
  auto* module = reinterpret_cast<ModuleObject*>(module_handle);
  set_posix_module(module);
  Ref<> variables = Ref<>::steal(environ_dict());
  if (!variables || dict_set_str(module->dict, "environ", variables.get()) < 0) return -1;
  if (add_constants(module) < 0) return -1;
  Ref<> done = Ref<>::steal(exec_source_in_module(kPythonPart, "<posix>", module));
  return done ? 0 : -1;
}

const gopy_ModuleDef& posix_def() {
  static const std::vector<gopy_FunctionDef> functions = all_functions();
  static const gopy_ModuleDef def = {GOPY_MODULE_API_VERSION,
                                     "posix",
                                     "This module provides access to operating system functionality that is\n"
                                     "standardized by the C Standard and the POSIX standard (a thinly\n"
                                     "disguised Unix interface).  Refer to the library manual and\n"
                                     "corresponding Unix manual entries for more information on calls.",
                                     functions.data(),
                                     nullptr,
                                     nullptr,
                                     nullptr,
                                     exec_posix};
  return def;
}

}  // namespace
}  // namespace gopy_posix

extern "C" GOPY_PLUGIN_EXPORT const gopy_plugin_descriptor* gopy_plugin_posix(void) {
  static const gopy_plugin_descriptor descriptor = {GOPY_ABI_MAJOR, GOPY_ABI_MINOR, GOPY_ABI_IDENTITY, "posix",
                                                    nullptr, nullptr};
  return &descriptor;
}

extern "C" GOPY_PLUGIN_EXPORT const gopy_ModuleDef* gopy_module_posix(void) { return &gopy_posix::posix_def(); }
