"""A pure Python implementation of import's public interface (gopy's own).

gopy's importer is native (the import_stub plugin) over the finders and loaders of
importlib._bootstrap (sys.meta_path); this package gives programs CPython's entry points:
import_module, invalidate_caches and reload, with importlib.machinery, importlib.util and
importlib.abc.
"""

import sys
import _imp

__all__ = ["import_module", "invalidate_caches", "reload"]


def import_module(name, package=None):
    """Import a module.

    The 'package' argument is required when performing a relative import. It
    specifies the package to use as the anchor point from which to resolve the
    relative import to an absolute import.
    """
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for " + repr(name))
        for character in name:
            if character != ".":
                break
            level += 1
    return _imp.import_module(name[level:], package, level)


def invalidate_caches():
    """Call the invalidate_caches() method on all meta path finders stored in
    sys.meta_path (where implemented)."""
    for finder in getattr(sys, "meta_path", []):
        if hasattr(finder, "invalidate_caches"):
            finder.invalidate_caches()


_RELOADING = {}


def reload(module):
    """Reload the module and return it.

    The module must have been successfully imported before.
    """
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module") from None
    if sys.modules.get(name) is not module:
        raise ImportError("module " + name + " not in sys.modules", name=name)
    if name in _RELOADING:
        return _RELOADING[name]
    _RELOADING[name] = module
    try:
        parent_name = name.rpartition(".")[0]
        if parent_name:
            try:
                parent = sys.modules[parent_name]
            except KeyError:
                raise ImportError("parent {!r} not in sys.modules".format(parent_name), name=parent_name) from None
            else:
                pkgpath = parent.__path__
        else:
            pkgpath = None
        from . import _bootstrap
        spec = module.__spec__ = _bootstrap._find_spec(name, pkgpath, module)
        if spec is None:
            raise ModuleNotFoundError("spec not found for the module {!r}".format(name), name=name)
        _bootstrap._exec(spec, module)
        return sys.modules[name]
    finally:
        del _RELOADING[name]
