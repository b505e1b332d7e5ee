"""A pure Python implementation of import's public interface (gopy's own).

gopy's importer is native (the import_stub plugin); this package gives programs
CPython's entry points over it. What exists today: import_module, invalidate_caches and
reload.
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
    return _imp.reload(module)
