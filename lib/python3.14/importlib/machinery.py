"""The implementations of the import system's finders and loaders (gopy's own; they live
in importlib._bootstrap)."""

from ._bootstrap import (ModuleSpec, BuiltinImporter, ModulePluginFinder, SOURCE_SUFFIXES,
                         DEBUG_BYTECODE_SUFFIXES, OPTIMIZED_BYTECODE_SUFFIXES, BYTECODE_SUFFIXES,
                         EXTENSION_SUFFIXES, PathFinder, FileFinder, SourceFileLoader,
                         SourcelessFileLoader, ExtensionFileLoader, NamespaceLoader, all_suffixes)

__all__ = ["BYTECODE_SUFFIXES", "BuiltinImporter", "DEBUG_BYTECODE_SUFFIXES", "EXTENSION_SUFFIXES",
           "ExtensionFileLoader", "FileFinder", "ModuleSpec", "NamespaceLoader",
           "OPTIMIZED_BYTECODE_SUFFIXES", "PathFinder", "SOURCE_SUFFIXES", "SourceFileLoader",
           "SourcelessFileLoader", "all_suffixes"]
