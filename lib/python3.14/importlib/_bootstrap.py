"""The import system's machinery (gopy's own): module specs, the default finders and
loaders, and the walk over sys.meta_path that `import` makes.

gopy's importer is native (the import_stub plugin): it answers from sys.modules itself and
loads this module on the first import it cannot answer that way. It then calls
_find_and_load for each module, which asks the finders on sys.meta_path as CPython's
importlib does. The file reading, the bytecode cache, built-in modules and module
plugins stay native (the _imp module). This module is also sys.modules'
'_frozen_importlib' and '_frozen_importlib_external', the names CPython's reprs show.
"""

import sys
import _imp

_BOOTSTRAP = "_frozen_importlib"
_EXTERNAL = "_frozen_importlib_external"

SOURCE_SUFFIXES = [".py"]
BYTECODE_SUFFIXES = [".pyc"]
# Native modules come from module plugins (found by ModulePluginFinder), never from
# files on sys.path.
EXTENSION_SUFFIXES = []
DEBUG_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES
OPTIMIZED_BYTECODE_SUFFIXES = BYTECODE_SUFFIXES

_PYCACHE = "__pycache__"
_OPT = "opt-"
_ERR_MSG_PREFIX = "No module named "
MAGIC_NUMBER = _imp._magic()


def all_suffixes():
    """Returns a list of all recognized module suffixes for this process"""
    return SOURCE_SUFFIXES + BYTECODE_SUFFIXES + EXTENSION_SUFFIXES


def _verbose_message(message, *args, verbosity=1):
    """Print the message to stderr if -v/PYTHONVERBOSE is turned on."""
    if sys.flags.verbose >= verbosity:
        if not message.startswith(("#", "import ")):
            message = "# " + message
        print(message.format(*args), file=sys.stderr)


def _object_name(obj):
    try:
        return obj.__qualname__
    except AttributeError:
        return type(obj).__qualname__


# Paths (POSIX) ---------------------------------------------------------------------


def _path_join(*parts):
    joined = ""
    for part in parts:
        if not part:
            continue
        if part.startswith("/") or not joined:
            joined = part
        elif joined.endswith("/"):
            joined += part
        else:
            joined += "/" + part
    return joined


def _path_split(path):
    head, _, tail = path.rpartition("/")
    if not head and path.startswith("/"):
        head = "/"
    return head, tail


def _path_isabs(path):
    return path.startswith("/")


def _path_abspath(path):
    if not _path_isabs(path):
        path = _path_join(_imp._getcwd(), path)
    return path


def _fspath(path):
    if isinstance(path, str):
        return path
    if isinstance(path, bytes):
        return path.decode("utf-8", "surrogateescape")
    fspath = getattr(type(path), "__fspath__", None)
    if fspath is None:
        raise TypeError("expected str, bytes or os.PathLike object, not " + type(path).__name__)
    return _fspath(fspath(path))


def _path_isfile(path):
    return _imp._stat_kind(path) == 1


def _path_isdir(path):
    if not path:
        path = _imp._getcwd()
    return _imp._stat_kind(path) == 2


# Module specs ------------------------------------------------------------------------


class ModuleSpec:
    """The specification for a module, used for loading.

    A module's spec is the source for information about the module. For data associated
    with the module, including source, use the spec's loader.
    """

    def __init__(self, name, loader, *, origin=None, loader_state=None, is_package=None):
        self.name = name
        self.loader = loader
        self.origin = origin
        self.loader_state = loader_state
        self.submodule_search_locations = [] if is_package else None
        self._uninitialized_submodule_search_locations = False
        self._set_fileattr = False
        self._cached = None

    def __repr__(self):
        args = ["name={!r}".format(self.name), "loader={!r}".format(self.loader)]
        if self.origin is not None:
            args.append("origin={!r}".format(self.origin))
        if self.submodule_search_locations is not None:
            args.append("submodule_search_locations={}".format(self.submodule_search_locations))
        return "{}({})".format(self.__class__.__name__, ", ".join(args))

    def __eq__(self, other):
        smsl = self.submodule_search_locations
        try:
            return (self.name == other.name and self.loader == other.loader and
                    self.origin == other.origin and smsl == other.submodule_search_locations and
                    self.cached == other.cached and self.has_location == other.has_location)
        except AttributeError:
            return NotImplemented

    @property
    def cached(self):
        if self._cached is None and self.origin is not None and self._set_fileattr:
            self._cached = _get_cached(self.origin)
        return self._cached

    @cached.setter
    def cached(self, cached):
        self._cached = cached

    @property
    def parent(self):
        """The name of the module's parent."""
        if self.submodule_search_locations is None:
            return self.name.rpartition(".")[0]
        return self.name

    @property
    def has_location(self):
        return self._set_fileattr

    @has_location.setter
    def has_location(self, value):
        self._set_fileattr = bool(value)


def _get_cached(filename):
    if filename.endswith(tuple(SOURCE_SUFFIXES)):
        try:
            return cache_from_source(filename)
        except NotImplementedError:
            pass
    elif filename.endswith(tuple(BYTECODE_SUFFIXES)):
        return filename
    return None


def spec_from_loader(name, loader, *, origin=None, is_package=None):
    """Return a module spec based on various loader methods."""
    if origin is None:
        origin = getattr(loader, "_ORIGIN", None)
    if not origin and hasattr(loader, "get_filename"):
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        search = [] if is_package else None
        return spec_from_file_location(name, loader=loader, submodule_search_locations=search)
    if is_package is None:
        if hasattr(loader, "is_package"):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                is_package = None
        else:
            is_package = False
    return ModuleSpec(name, loader, origin=origin, is_package=is_package)


_POPULATE = object()


def spec_from_file_location(name, location=None, *, loader=None, submodule_search_locations=_POPULATE):
    """Return a module spec based on a file location."""
    if location is None:
        location = "<unknown>"
        if hasattr(loader, "get_filename"):
            try:
                location = loader.get_filename(name)
            except ImportError:
                pass
    else:
        location = _fspath(location)
        location = _path_abspath(location)
    spec = ModuleSpec(name, loader, origin=location)
    spec._set_fileattr = True
    if loader is None:
        for loader_class, suffixes in _get_supported_file_loaders():
            if location.endswith(tuple(suffixes)):
                loader = loader_class(name, location)
                spec.loader = loader
                break
        else:
            return None
    if submodule_search_locations is _POPULATE:
        if hasattr(loader, "is_package"):
            try:
                is_package = loader.is_package(name)
            except ImportError:
                pass
            else:
                if is_package:
                    spec.submodule_search_locations = []
    else:
        spec.submodule_search_locations = submodule_search_locations
    if spec.submodule_search_locations == []:
        if location:
            spec.submodule_search_locations.append(_path_split(location)[0])
    return spec


def _new_module(name):
    return _imp._new_module(name)


def _init_module_attrs(spec, module, override=False):
    # CPython: Lib/importlib/_bootstrap.py _init_module_attrs
    if override or getattr(module, "__name__", None) is None:
        try:
            module.__name__ = spec.name
        except AttributeError:
            pass
    if override or getattr(module, "__loader__", None) is None:
        loader = spec.loader
        if loader is None and spec.submodule_search_locations is not None:
            loader = NamespaceLoader.__new__(NamespaceLoader)
            loader._path = spec.submodule_search_locations
            spec.loader = loader
            module.__file__ = None
        try:
            module.__loader__ = loader
        except AttributeError:
            pass
    if override or getattr(module, "__package__", None) is None:
        try:
            module.__package__ = spec.parent
        except AttributeError:
            pass
    try:
        module.__spec__ = spec
    except AttributeError:
        pass
    if override or getattr(module, "__path__", None) is None:
        if spec.submodule_search_locations is not None:
            try:
                module.__path__ = spec.submodule_search_locations
            except AttributeError:
                pass
    if spec.has_location:
        if override or getattr(module, "__file__", None) is None:
            try:
                module.__file__ = spec.origin
            except AttributeError:
                pass
        if override or getattr(module, "__cached__", None) is None:
            if spec.cached is not None:
                try:
                    module.__cached__ = spec.cached
                except AttributeError:
                    pass
    return module


def module_from_spec(spec):
    """Create a module based on the provided spec."""
    module = None
    if hasattr(spec.loader, "create_module"):
        module = spec.loader.create_module(spec)
    elif hasattr(spec.loader, "exec_module"):
        raise ImportError("loaders that define exec_module() must also define create_module()")
    if module is None:
        module = _new_module(spec.name)
    _init_module_attrs(spec, module)
    return module


# Loading -----------------------------------------------------------------------------


def _load_backward_compatible(spec):
    # A loader with load_module() only (deprecated, as in CPython 3.14).
    try:
        spec.loader.load_module(spec.name)
    except:
        if spec.name in sys.modules:
            module = sys.modules.pop(spec.name)
            sys.modules[spec.name] = module
        raise
    module = sys.modules.pop(spec.name)
    sys.modules[spec.name] = module
    if getattr(module, "__loader__", None) is None:
        try:
            module.__loader__ = spec.loader
        except AttributeError:
            pass
    if getattr(module, "__package__", None) is None:
        try:
            module.__package__ = module.__name__
            if not hasattr(module, "__path__"):
                module.__package__ = spec.name.rpartition(".")[0]
        except AttributeError:
            pass
    if getattr(module, "__spec__", None) is None:
        try:
            module.__spec__ = spec
        except AttributeError:
            pass
    return module


def _load_unlocked(spec):
    # CPython: Lib/importlib/_bootstrap.py _load_unlocked
    if spec.loader is not None:
        if not hasattr(spec.loader, "exec_module"):
            import warnings
            msg = "{}.exec_module() not found; falling back to load_module()".format(_object_name(spec.loader))
            warnings.warn(msg, ImportWarning)
            return _load_backward_compatible(spec)
    module = module_from_spec(spec)
    spec._initializing = True
    try:
        sys.modules[spec.name] = module
        try:
            if spec.loader is None:
                if spec.submodule_search_locations is None:
                    raise ImportError("missing loader", name=spec.name)
            else:
                spec.loader.exec_module(module)
        except:
            try:
                del sys.modules[spec.name]
            except KeyError:
                pass
            raise
        module = sys.modules.pop(spec.name)
        sys.modules[spec.name] = module
        _verbose_message("import {!r} # {!r}", spec.name, spec.loader)
    finally:
        spec._initializing = False
    return module


def _load(spec):
    """Return a new module object, loaded by the spec's loader."""
    return _load_unlocked(spec)


def _find_spec(name, path, target=None):
    """Find a module's spec."""
    meta_path = sys.meta_path
    if meta_path is None:
        raise ImportError("sys.meta_path is None, Python is likely shutting down")
    if not meta_path:
        import warnings
        warnings.warn("sys.meta_path is empty", ImportWarning)
    is_reload = name in sys.modules
    for finder in meta_path:
        try:
            find_spec = finder.find_spec
        except AttributeError:
            continue
        spec = find_spec(name, path, target)
        if spec is not None:
            if not is_reload and name in sys.modules:
                module = sys.modules[name]
                try:
                    __spec__ = module.__spec__
                except AttributeError:
                    return spec
                return spec if __spec__ is None else __spec__
            return spec
    return None


def _find_and_load(name):
    """Find and load the module `name` (its parent package already imported by the caller,
    or imported here)."""
    path = None
    parent, _, child = name.rpartition(".")
    parent_module = None
    if parent:
        if parent not in sys.modules:
            _imp.import_module(parent)
        if name in sys.modules:
            return sys.modules[name]
        parent_module = sys.modules[parent]
        try:
            path = parent_module.__path__
        except AttributeError:
            raise ModuleNotFoundError("{}{!r}; {!r} is not a package".format(_ERR_MSG_PREFIX, name, parent),
                                      name=name) from None
    spec = _find_spec(name, path)
    if spec is None:
        raise ModuleNotFoundError("{}{!r}".format(_ERR_MSG_PREFIX, name), name=name)
    module = _load_unlocked(spec)
    if parent_module is not None:
        try:
            setattr(parent_module, child, module)
        except AttributeError:
            import warnings
            warnings.warn("Cannot set an attribute on {!r} for child module {!r}".format(parent, child),
                          ImportWarning)
    return module


def _exec(spec, module):
    """Execute the spec's module in an existing module's namespace (reload)."""
    name = spec.name
    if sys.modules.get(name) is not module:
        raise ImportError("module {!r} not in sys.modules".format(name), name=name)
    try:
        if spec.loader is None:
            if spec.submodule_search_locations is None:
                raise ImportError("missing loader", name=spec.name)
            _init_module_attrs(spec, module, override=True)
        else:
            _init_module_attrs(spec, module, override=True)
            if not hasattr(spec.loader, "exec_module"):
                spec.loader.load_module(name)
            else:
                spec.loader.exec_module(module)
    finally:
        module = sys.modules.pop(spec.name)
        sys.modules[spec.name] = module
    return module


def _resolve_name(name, package, level):
    """Resolve a relative module name to an absolute one."""
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    return "{}.{}".format(base, name) if name else base


# Built-in modules and module plugins ---------------------------------------------------


class BuiltinImporter:
    """Meta path import for built-in modules."""

    _ORIGIN = "built-in"

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if _imp.is_builtin(fullname):
            return spec_from_loader(fullname, cls, origin=cls._ORIGIN)
        return None

    @staticmethod
    def create_module(spec):
        """Create a built-in module"""
        if not _imp.is_builtin(spec.name):
            raise ImportError("{!r} is not a built-in module".format(spec.name), name=spec.name)
        return _imp.create_builtin(spec)

    @staticmethod
    def exec_module(module):
        """Exec a built-in module"""

    @classmethod
    def is_package(cls, fullname):
        """Return False as built-in modules are never packages."""
        return False

    @classmethod
    def get_code(cls, fullname):
        """Return None as built-in modules do not have code objects."""
        return None

    @classmethod
    def get_source(cls, fullname):
        """Return None as built-in modules do not have source code."""
        return None


class ExtensionFileLoader:
    """Loader for a native module: in gopy, one a module plugin provides (its origin is
    the plugin's shared library)."""

    def __init__(self, name, path):
        self.name = name
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    def create_module(self, spec):
        """Create a native module from its plugin."""
        module = _imp._create_plugin(spec.name)
        _verbose_message("extension module {!r} loaded from {!r}", spec.name, self.path)
        return module

    def exec_module(self, module):
        """The plugin's exec hook ran in create_module."""

    def is_package(self, fullname):
        return False

    def get_code(self, fullname):
        """Return None as a native module cannot create a code object."""
        return None

    def get_source(self, fullname):
        """Return None as native modules have no source code."""
        return None

    def get_filename(self, name=None):
        return self.path


class ModulePluginFinder:
    """Meta path finder for the modules that module plugins provide (their manifests'
    "modules"): the plugin is loaded only when one of them is imported."""

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        if path is not None:
            return None
        origin = _imp._plugin_origin(fullname)
        if origin is None:
            return None
        spec = ModuleSpec(fullname, ExtensionFileLoader(fullname, origin), origin=origin)
        spec._set_fileattr = True
        return spec

    @classmethod
    def invalidate_caches(cls):
        pass


# Files -------------------------------------------------------------------------------


class _LoaderBasics:
    """Base class of common code needed by both SourceLoader and SourcelessFileLoader."""

    def is_package(self, fullname):
        filename = _path_split(self.get_filename(fullname))[1]
        filename_base = filename.rsplit(".", 1)[0]
        tail_name = fullname.rpartition(".")[2]
        return filename_base == "__init__" and tail_name != "__init__"

    def create_module(self, spec):
        """Use default semantics for module creation."""

    def exec_module(self, module):
        """Execute the module."""
        code = self.get_code(module.__name__)
        if code is None:
            raise ImportError("cannot load module {!r} when get_code() returns None".format(module.__name__))
        exec(code, module.__dict__)

    def load_module(self, fullname):
        """This method is deprecated."""
        return _load_module_shim(self, fullname)


def _load_module_shim(self, fullname):
    spec = spec_from_loader(fullname, self)
    if fullname in sys.modules:
        module = sys.modules[fullname]
        _exec(spec, module)
        return sys.modules[fullname]
    return _load(spec)


class SourceLoader(_LoaderBasics):

    def path_mtime(self, path):
        raise OSError

    def path_stats(self, path):
        return {"mtime": self.path_mtime(path)}

    def _cache_bytecode(self, source_path, cache_path, data):
        return self.set_data(cache_path, data)

    def set_data(self, path, data):
        """Optional method which writes data (bytes) to a file path (a str)."""

    def get_source(self, fullname):
        """Concrete implementation of InspectLoader.get_source."""
        path = self.get_filename(fullname)
        try:
            source_bytes = self.get_data(path)
        except OSError as exc:
            raise ImportError("source not available through get_data()", name=fullname) from exc
        return decode_source(source_bytes)

    def source_to_code(self, data, path, *, _optimize=-1):
        """Return the code object compiled from source."""
        return compile(data, path, "exec", dont_inherit=True, optimize=_optimize)

    def get_code(self, fullname):
        """Concrete implementation of InspectLoader.get_code: the source through
        get_data, compiled."""
        source_path = self.get_filename(fullname)
        return self.source_to_code(self.get_data(source_path), source_path)


def _check_name(method):
    def _check_name_wrapper(self, name=None, *args, **kwargs):
        if name is None:
            name = self.name
        elif self.name != name:
            raise ImportError("loader for %s cannot handle %s" % (self.name, name), name=name)
        return method(self, name, *args, **kwargs)
    _check_name_wrapper.__name__ = method.__name__
    _check_name_wrapper.__qualname__ = method.__qualname__
    _check_name_wrapper.__doc__ = method.__doc__
    return _check_name_wrapper


class FileLoader:
    """Base file loader class which implements the loader protocol methods that require
    file system usage."""

    def __init__(self, fullname, path):
        self.name = fullname
        self.path = path

    def __eq__(self, other):
        return self.__class__ == other.__class__ and self.__dict__ == other.__dict__

    def __hash__(self):
        return hash(self.name) ^ hash(self.path)

    @_check_name
    def load_module(self, fullname):
        """Load a module from a file (deprecated)."""
        return _load_module_shim(self, fullname)

    @_check_name
    def get_filename(self, fullname):
        """Return the path to the source file as found by the finder."""
        return self.path

    def get_data(self, path):
        """Return the data from path as raw bytes."""
        return _imp._read_file(_fspath(path))

    def get_resource_reader(self, module):
        return None


class SourceFileLoader(FileLoader, SourceLoader):
    """Concrete implementation of SourceLoader using the file system."""

    def path_stats(self, path):
        """Return the metadata for the path."""
        return _imp._path_stats(path)

    def set_data(self, path, data, *, _mode=0o666):
        """Write bytes data to a file (gopy's get_code writes its cache natively)."""

    def get_code(self, fullname):
        # The source through gopy's bytecode cache (validated, rewritten when stale).
        path = self.get_filename(fullname)
        return _imp._source_code(path)


class SourcelessFileLoader(FileLoader, _LoaderBasics):
    """Loader which handles sourceless file imports."""

    def get_code(self, fullname):
        return _imp._sourceless_code(self.get_filename(fullname), fullname)

    def get_source(self, fullname):
        """Return None as there is no source code."""
        return None


class _NamespacePath:
    """A namespace package's __path__: its portions, in sys.path order."""

    def __init__(self, portions):
        self._path = list(portions)

    def __iter__(self):
        return iter(self._path)

    def __getitem__(self, index):
        return self._path[index]

    def __setitem__(self, index, path):
        self._path[index] = path

    def __len__(self):
        return len(self._path)

    def __contains__(self, item):
        return item in self._path

    def __eq__(self, other):
        if isinstance(other, _NamespacePath):
            other = other._path
        return self._path == other

    def append(self, item):
        self._path.append(item)

    def __repr__(self):
        return "_NamespacePath({!r})".format(self._path)


class NamespaceLoader:
    """The loader of a namespace package (PEP 420)."""

    def __init__(self, name, path, path_finder):
        self._path = path

    def is_package(self, fullname):
        return True

    def get_source(self, fullname):
        return ""

    def get_code(self, fullname):
        return compile("", "<string>", "exec", dont_inherit=True)

    def create_module(self, spec):
        """Use default semantics for module creation."""

    def exec_module(self, module):
        pass

    def load_module(self, fullname):
        """Load a namespace module (deprecated)."""
        return _load_module_shim(self, fullname)

    def get_resource_reader(self, module):
        return None


def _get_supported_file_loaders():
    """Returns a list of file-based module loaders: (loader, suffixes) pairs."""
    return [(ExtensionFileLoader, EXTENSION_SUFFIXES), (SourceFileLoader, SOURCE_SUFFIXES),
            (SourcelessFileLoader, BYTECODE_SUFFIXES)]


class PathFinder:
    """Meta path finder for sys.path and package __path__ attributes."""

    @staticmethod
    def invalidate_caches():
        """Call the invalidate_caches() method on all path entry finders stored in
        sys.path_importer_cache (where implemented)."""
        for name, finder in list(sys.path_importer_cache.items()):
            if finder is None or not _path_isabs(name):
                del sys.path_importer_cache[name]
            elif hasattr(finder, "invalidate_caches"):
                finder.invalidate_caches()

    @staticmethod
    def _path_hooks(path):
        """Search sys.path_hooks for a finder for 'path'."""
        if sys.path_hooks is not None and not sys.path_hooks:
            import warnings
            warnings.warn("sys.path_hooks is empty", ImportWarning)
        for hook in sys.path_hooks:
            try:
                return hook(path)
            except ImportError:
                continue
        return None

    @classmethod
    def _path_importer_cache(cls, path):
        """Get the finder for the path entry from sys.path_importer_cache; if the entry is
        not there, find one through sys.path_hooks and cache it (None when there is
        none)."""
        if path == "":
            try:
                path = _imp._getcwd()
            except FileNotFoundError:
                return None
        try:
            finder = sys.path_importer_cache[path]
        except KeyError:
            finder = cls._path_hooks(path)
            sys.path_importer_cache[path] = finder
        return finder

    @classmethod
    def _get_spec(cls, fullname, path, target=None):
        namespace_path = []
        for entry in path:
            if not isinstance(entry, str):
                continue
            finder = cls._path_importer_cache(entry)
            if finder is not None:
                spec = finder.find_spec(fullname, target)
                if spec is None:
                    continue
                if spec.loader is not None:
                    return spec
                portions = spec.submodule_search_locations
                if portions is None:
                    raise ImportError("spec missing loader")
                namespace_path.extend(portions)
        spec = ModuleSpec(fullname, None)
        spec.submodule_search_locations = namespace_path
        return spec

    @classmethod
    def find_spec(cls, fullname, path=None, target=None):
        """Try to find a spec for 'fullname' on sys.path or 'path'."""
        if path is None:
            path = sys.path
        spec = cls._get_spec(fullname, path, target)
        if spec is None:
            return None
        if spec.loader is None:
            namespace_path = spec.submodule_search_locations
            if namespace_path:
                # The loader is made when the module is (_init_module_attrs), which
                # also sets __file__ to None.
                spec.origin = None
                spec.submodule_search_locations = _NamespacePath(namespace_path)
                return spec
            return None
        return spec


class FileFinder:
    """File-based finder: a directory's modules, through the loaders given with their
    suffixes."""

    def __init__(self, path, *loader_details):
        loaders = []
        for loader, suffixes in loader_details:
            loaders.extend((suffix, loader) for suffix in suffixes)
        self._loaders = loaders
        self._path_mtime = -1
        self._path_cache = set()
        if not path or path == ".":
            self.path = _imp._getcwd()
        else:
            self.path = _path_abspath(path)

    def invalidate_caches(self):
        """Invalidate the directory mtime."""
        self._path_mtime = -1

    def _get_spec(self, loader_class, fullname, path, smsl, target):
        loader = loader_class(fullname, path)
        return spec_from_file_location(fullname, path, loader=loader, submodule_search_locations=smsl)

    def find_spec(self, fullname, target=None):
        """Try to find a spec for the specified module."""
        tail_module = fullname.rpartition(".")[2]
        # The directory's listing, read again whenever the directory changed: a name not
        # in it needs no stat.
        mtime = _imp._dir_mtime(self.path)
        if mtime != self._path_mtime:
            self._path_cache = _imp._listdir(self.path)
            self._path_mtime = mtime
        cache = self._path_cache
        is_namespace = False
        if tail_module in cache:
            base_path = _path_join(self.path, tail_module)
            for suffix, loader_class in self._loaders:
                full_path = _path_join(base_path, "__init__" + suffix)
                _verbose_message("trying {}", full_path, verbosity=2)
                if _path_isfile(full_path):
                    return self._get_spec(loader_class, fullname, full_path, [base_path], target)
            is_namespace = _path_isdir(base_path)
        for suffix, loader_class in self._loaders:
            if tail_module + suffix not in cache:
                continue
            full_path = _path_join(self.path, tail_module + suffix)
            _verbose_message("trying {}", full_path, verbosity=2)
            if _path_isfile(full_path):
                return self._get_spec(loader_class, fullname, full_path, None, target)
        if is_namespace:
            _verbose_message("possible namespace for {}", base_path, verbosity=2)
            spec = ModuleSpec(fullname, None)
            spec.submodule_search_locations = [base_path]
            return spec
        return None

    @classmethod
    def path_hook(cls, *loader_details):
        """A class method which returns a closure to use on sys.path_hook which will
        return an instance using the specified loaders and the path called on the
        closure."""
        def path_hook_for_FileFinder(path):
            """Path hook for importlib.machinery.FileFinder."""
            if not _path_isdir(path):
                raise ImportError("only directories are supported", path=path)
            return cls(path, *loader_details)
        return path_hook_for_FileFinder

    def __repr__(self):
        return "FileFinder({!r})".format(self.path)


# Helpers of importlib.util ---------------------------------------------------------------


def cache_from_source(path, debug_override=None, *, optimization=None):
    """Given the path to a .py file, return the path to its .pyc file."""
    if debug_override is not None:
        import warnings
        warnings.warn("the debug_override parameter is deprecated; use 'optimization' instead",
                      DeprecationWarning)
        if optimization is not None:
            raise TypeError("debug_override or optimization must be set to None")
        optimization = "" if debug_override else 1
    path = _fspath(path)
    head, tail = _path_split(path)
    base, sep, rest = tail.rpartition(".")
    tag = sys.implementation.cache_tag
    if tag is None:
        raise NotImplementedError("sys.implementation.cache_tag is None")
    almost_filename = "".join([(base if base else rest), sep, tag])
    if optimization is None:
        optimization = "" if sys.flags.optimize == 0 else sys.flags.optimize
    optimization = str(optimization)
    if optimization != "":
        if not optimization.isalnum():
            raise ValueError("{!r} is not alphanumeric".format(optimization))
        almost_filename = "{}.{}{}".format(almost_filename, _OPT, optimization)
    filename = almost_filename + BYTECODE_SUFFIXES[0]
    if sys.pycache_prefix is not None:
        head = _path_abspath(head)
        if head.startswith("/"):
            head = head.lstrip("/")
        return _path_join(sys.pycache_prefix, head, filename)
    return _path_join(head, _PYCACHE, filename)


def source_from_cache(path):
    """Given the path to a .pyc. file, return the path to its .py file."""
    if sys.implementation.cache_tag is None:
        raise NotImplementedError("sys.implementation.cache_tag is None")
    path = _fspath(path)
    head, pycache_filename = _path_split(path)
    found_in_pycache_prefix = False
    if sys.pycache_prefix is not None:
        stripped = sys.pycache_prefix.rstrip("/")
        if head.startswith(stripped + "/"):
            head = head[len(stripped):]
            found_in_pycache_prefix = True
    if not found_in_pycache_prefix:
        head, pycache = _path_split(head)
        if pycache != _PYCACHE:
            raise ValueError("{} not bottom-level directory in {!r}".format(_PYCACHE, path))
    dot_count = pycache_filename.count(".")
    if dot_count not in {2, 3}:
        raise ValueError("expected only 2 or 3 dots in {!r}".format(pycache_filename))
    elif dot_count == 3:
        optimization = pycache_filename.rsplit(".", 2)[-2]
        if not optimization.startswith(_OPT):
            raise ValueError("optimization portion of filename does not start with {!r}".format(_OPT))
        opt_level = optimization[len(_OPT):]
        if not opt_level.isalnum():
            raise ValueError("optimization level {!r} is not an alphanumeric value".format(optimization))
    base_filename = pycache_filename.partition(".")[0]
    return _path_join(head, base_filename + SOURCE_SUFFIXES[0])


def decode_source(source_bytes):
    """Decode bytes representing source code and return the string, with universal
    newline support (its coding declaration or BOM honoured, else UTF-8)."""
    return _imp._decode_source(source_bytes)


# Installation --------------------------------------------------------------------------

def _zip_path_hook(path):
    """sys.path_hooks' entry for zip archives: a zipimport.zipimporter when the path
    entry names a file, or a path inside one (zipimport is imported only then)."""
    probe = path
    while True:
        kind = _imp._stat_kind(probe) if probe else 2
        if kind == 1:
            break
        head = _path_split(probe)[0]
        if kind == 2 or not head or head == probe:
            raise ImportError("not a Zip file", path=path)
        probe = head
    global _zipimport_loading
    if _zipimport_loading:
        # zipimport itself is being imported (through this very path entry): its search
        # passes the archive over; the outer call caches the archive's importer.
        raise ImportError("not a Zip file", path=path)
    _zipimport_loading = True
    try:
        import zipimport
    finally:
        _zipimport_loading = False
    return zipimport.zipimporter(path)


_zipimport_loading = False


_DEFAULT_META_PATH = (BuiltinImporter, ModulePluginFinder, PathFinder)
_DEFAULT_PATH_HOOKS = (_zip_path_hook, FileFinder.path_hook(*_get_supported_file_loaders()))


def _set_module_names():
    for cls in (ModuleSpec, BuiltinImporter):
        cls.__module__ = _BOOTSTRAP
    for cls in (ExtensionFileLoader, ModulePluginFinder, _LoaderBasics, SourceLoader, FileLoader,
                SourceFileLoader, SourcelessFileLoader, NamespaceLoader, PathFinder, FileFinder):
        cls.__module__ = _EXTERNAL


def _install():
    """Make this module the import system: the default finders first on sys.meta_path
    (after any a program put there already), the file finder's hook on sys.path_hooks,
    and specs for the modules imported before it."""
    _set_module_names()
    this = sys.modules[__name__]
    sys.modules.setdefault(_BOOTSTRAP, this)
    sys.modules.setdefault(_EXTERNAL, this)
    sys.meta_path.extend(finder for finder in _DEFAULT_META_PATH if finder not in sys.meta_path)
    sys.path_hooks.extend(_DEFAULT_PATH_HOOKS)
    for name, module in list(sys.modules.items()):
        if getattr(module, "__spec__", None) is not None:
            continue
        if _imp.is_builtin(name):
            spec = ModuleSpec(name, BuiltinImporter, origin="built-in")
        elif getattr(module, "__file__", None) and name != "__main__":
            spec = spec_from_file_location(name, module.__file__)
            if spec is None:
                continue
            if hasattr(module, "__path__"):
                spec.submodule_search_locations = module.__path__
        else:
            continue
        _init_module_attrs(spec, module)
