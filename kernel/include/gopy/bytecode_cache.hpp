// A source module's code through the bytecode cache, for the importer (the import
// plugin) and the kernel's own loaders. It lives in libgopy beside the compiler so that
// the import plugin stays small to load at every start. The policy reads sys
// (dont_write_bytecode, pycache_prefix, flags.optimize, implementation.cache_tag) at each
// call, as importlib does, and --check-hash-based-pycs from the configuration.
#pragma once
#include "gopy/api_begin.h"

#include <string>

#include "gopy/object.hpp"

namespace gopy {

// CPython: importlib.util.cache_from_source: `dir/__pycache__/NAME.gopy-3140.pyc` (with
// `.opt-N` under -O), or under sys.pycache_prefix when it is set.
std::string cache_from_source(const std::string& source_path);

// CPython: SourceLoader.get_code. The code of the source file `path` (file-system bytes):
// from its cache file when that is valid for the source (mtime and size, or hash), else
// compiled from the source and, unless sys.dont_write_bytecode, written to the cache.
// `filename` is the name the code carries (tracebacks). New reference, or null with the
// error set.
Object* source_code(const std::string& path, const std::string& filename);

// CPython: SourcelessFileLoader.get_code: the code stored in a .pyc file, or null with
// ImportError set ("bad magic number in ...").
Object* sourceless_code(const std::string& path, const std::string& name);

// The same over a .pyc file's bytes already read (a zip archive's member).
Object* code_from_pyc(const std::string& pyc, const std::string& name);

}  // namespace gopy
#include "gopy/api_end.h"
