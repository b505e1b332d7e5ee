"""Utility code for constructing importers, etc. (gopy's own)."""

import sys
import _imp

from ._bootstrap import (MAGIC_NUMBER, cache_from_source, source_from_cache, decode_source,
                         spec_from_loader, spec_from_file_location, module_from_spec,
                         _resolve_name, _find_spec)

__all__ = ["MAGIC_NUMBER", "cache_from_source", "decode_source", "find_spec", "module_from_spec",
           "resolve_name", "source_from_cache", "source_hash", "spec_from_file_location",
           "spec_from_loader"]


def source_hash(source_bytes):
    """Return the hash of *source_bytes* as used in hash-based pyc files."""
    return _imp._source_hash(source_bytes)


def resolve_name(name, package):
    """Resolve a relative module name to an absolute one."""
    if not name.startswith("."):
        return name
    elif not package:
        raise ImportError("no package specified for {} (required for relative module names)".format(repr(name)))
    level = 0
    for character in name:
        if character != ".":
            break
        level += 1
    return _resolve_name(name[level:], package, level)


def find_spec(name, package=None):
    """Return the spec for the specified module.

    First, sys.modules is checked to see if the module was already imported. If so, then
    sys.modules[name].__spec__ is returned. If that happens to be set to None, then
    ValueError is raised. If the module is not in sys.modules, then sys.meta_path is
    searched for a suitable spec with the value of 'path' given to the finders. None is
    returned if no spec could be found.

    If the name is for submodule (contains a dot), the parent module is automatically
    imported.
    """
    fullname = resolve_name(name, package) if name.startswith(".") else name
    if fullname not in sys.modules:
        parent_name = fullname.rpartition(".")[0]
        if parent_name:
            parent = _imp.import_module(parent_name)
            try:
                parent_path = parent.__path__
            except AttributeError as e:
                raise ModuleNotFoundError(
                    "__path__ attribute not found on {!r} while trying to find {!r}".format(parent_name, fullname),
                    name=fullname) from e
        else:
            parent_path = None
        return _find_spec(fullname, parent_path)
    module = sys.modules[fullname]
    if module is None:
        return None
    try:
        spec = module.__spec__
    except AttributeError:
        raise ValueError("{}.__spec__ is not set".format(name)) from None
    if spec is None:
        raise ValueError("{}.__spec__ is None".format(name))
    return spec
