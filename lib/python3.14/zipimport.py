"""zipimport provides support for importing Python modules from Zip archives
(gopy's own; the archive reading is native, the _zipimport module plugin).

This module exports two objects:
- zipimporter: a class; its constructor takes a path to a Zip archive.
- ZipImportError: exception raised by zipimporter objects. It's a subclass of
  ImportError, so it can be caught as ImportError, too.

It is usually not needed to use the zipimport module explicitly; it is used by the
builtin import mechanism for sys.path items that are paths to Zip archives.
"""

import sys
import _imp
import _zipimport
from importlib import _bootstrap

__all__ = ["ZipImportError", "zipimporter"]

path_sep = "/"
alt_path_sep = ""


class ZipImportError(ImportError):
    pass


# The table of contents of each archive read, by archive path.
_zip_directory_cache = {}

# (suffix, is_bytecode, is_package), in the order zipimport tries them.
_zip_searchorder = (
    (path_sep + "__init__.pyc", True, True),
    (path_sep + "__init__.py", False, True),
    (".pyc", True, False),
    (".py", False, False),
)


def _read_directory(archive):
    try:
        return _zipimport._read_directory(archive)
    except ValueError as exc:
        raise ZipImportError(str(exc), path=archive) from None


def _get_data(archive, toc_entry):
    try:
        return _zipimport._get_data(archive, toc_entry)
    except ValueError as exc:
        raise ZipImportError(str(exc), path=archive) from None


class zipimporter(_bootstrap._LoaderBasics):
    """zipimporter(archivepath) -> zipimporter object

    Create a new zipimporter instance. 'archivepath' must be a path to a zipfile, or to
    a specific path inside a zipfile. For example, it can be '/tmp/myimport.zip', or
    '/tmp/myimport.zip/mydirectory', if mydirectory is a valid directory inside the
    archive.

    'ZipImportError is raised if 'archivepath' doesn't point to a valid Zip archive.

    The 'archive' attribute of zipimporter objects contains the name of the zipfile
    targeted.
    """

    def __init__(self, path):
        path = _bootstrap._fspath(path)
        if not path:
            raise ZipImportError("archive path is empty", path=path)
        prefix = []
        while True:
            kind = _imp._stat_kind(path)
            if kind == 0 and not _exists(path):
                dirname, basename = _bootstrap._path_split(path)
                if dirname == path or not dirname:
                    raise ZipImportError("not a Zip file", path=path)
                path = dirname
                prefix.append(basename)
            else:
                if kind != 1:
                    raise ZipImportError("not a Zip file", path=path)
                break
        if path not in _zip_directory_cache:
            _zip_directory_cache[path] = _read_directory(path)
        self.archive = path
        self.prefix = _bootstrap._path_join(*prefix[::-1])
        if self.prefix:
            self.prefix += path_sep

    @property
    def _files(self):
        return _zip_directory_cache[self.archive]

    def find_spec(self, fullname, target=None):
        """Create a ModuleSpec for the specified module.

        Returns None if the module cannot be found.
        """
        module_info = _get_module_info(self, fullname)
        if module_info is not None:
            return _bootstrap.spec_from_loader(fullname, self, is_package=module_info)
        modpath = _get_module_path(self, fullname)
        if _is_dir(self, modpath):
            path = "{}{}{}".format(self.archive, path_sep, modpath)
            spec = _bootstrap.ModuleSpec(name=fullname, loader=None, is_package=True)
            spec.submodule_search_locations.append(path)
            return spec
        return None

    def get_code(self, fullname):
        """get_code(fullname) -> code object.

        Return the code object for the specified module. Raise ZipImportError if the
        module couldn't be imported.
        """
        code, ispackage, modpath = _get_module_code(self, fullname)
        return code

    def get_data(self, pathname):
        """get_data(pathname) -> string with file data.

        Return the data associated with 'pathname'. Raise OSError if the file wasn't
        found.
        """
        key = pathname
        if pathname.startswith(self.archive + path_sep):
            key = pathname[len(self.archive + path_sep):]
        try:
            toc_entry = self._files[key]
        except KeyError:
            raise OSError(0, "", key)
        return _get_data(self.archive, toc_entry)

    def get_filename(self, fullname):
        """get_filename(fullname) -> filename string.

        Return the filename for the specified module or raise ZipImportError if it
        couldn't be imported.
        """
        code, ispackage, modpath = _get_module_code(self, fullname)
        return modpath

    def get_source(self, fullname):
        """get_source(fullname) -> source string.

        Return the source code for the specified module. Raise ZipImportError if the
        module couldn't be found, return None if the archive does contain the module,
        but has no source for it.
        """
        mi = _get_module_info(self, fullname)
        if mi is None:
            raise ZipImportError("can't find module {!r}".format(fullname), name=fullname)
        path = _get_module_path(self, fullname)
        if mi:
            fullpath = _bootstrap._path_join(path, "__init__.py")
        else:
            fullpath = path + ".py"
        try:
            toc_entry = self._files[fullpath]
        except KeyError:
            return None
        return _bootstrap.decode_source(_get_data(self.archive, toc_entry))

    def is_package(self, fullname):
        """is_package(fullname) -> bool.

        Return True if the module specified by fullname is a package. Raise
        ZipImportError if the module couldn't be found.
        """
        mi = _get_module_info(self, fullname)
        if mi is None:
            raise ZipImportError("can't find module {!r}".format(fullname), name=fullname)
        return mi

    def get_resource_reader(self, fullname):
        return None

    def invalidate_caches(self):
        """Reload the file data of the archive path."""
        try:
            _zip_directory_cache[self.archive] = _read_directory(self.archive)
        except ZipImportError:
            _zip_directory_cache.pop(self.archive, None)

    def __repr__(self):
        return '<zipimporter object "{}{}{}">'.format(self.archive, path_sep, self.prefix)


def _exists(path):
    return _imp._stat_kind(path) != 0 or _bootstrap._path_isdir(path)


def _get_module_path(self, fullname):
    return self.prefix + fullname.rpartition(".")[2]


def _is_dir(self, path):
    dirpath = path + path_sep
    return dirpath in self._files


def _get_module_info(self, fullname):
    path = _get_module_path(self, fullname)
    for suffix, isbytecode, ispackage in _zip_searchorder:
        fullpath = path + suffix
        if fullpath in self._files:
            return ispackage
    return None


def _compile_source(pathname, source):
    return compile(_bootstrap.decode_source(source), pathname, "exec", dont_inherit=True)


def _get_module_code(self, fullname):
    path = _get_module_path(self, fullname)
    import_error = None
    for suffix, isbytecode, ispackage in _zip_searchorder:
        fullpath = path + suffix
        _bootstrap._verbose_message("trying {}{}{}", self.archive, path_sep, fullpath, verbosity=2)
        try:
            toc_entry = self._files[fullpath]
        except KeyError:
            continue
        modpath = toc_entry[0]
        data = _get_data(self.archive, toc_entry)
        if isbytecode:
            try:
                code = _imp._code_from_pyc(data, fullname)
            except ImportError as exc:
                import_error = exc
                continue
        else:
            code = _compile_source(modpath, data)
        if code is None:
            continue
        return code, ispackage, modpath
    if import_error:
        msg = "module load failed: {}".format(import_error)
        raise ZipImportError(msg, name=fullname) from import_error
    raise ZipImportError("can't find module {!r}".format(fullname), name=fullname)
