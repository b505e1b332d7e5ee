// The built-in open() (CPython: Modules/_io/_iomodule.c _io_open_impl); the io module
// itself is created on its first import (gopy/builtin_modules.hpp).
#pragma once
#include "gopy/api_begin.h"

#include <cstddef>

#include "gopy/object.hpp"

namespace gopy {

// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
// closefd=True, opener=None): a FileIO, Buffered* or TextIOWrapper; null with the error.
Object* io_open(Object* const* args, size_t nargs, TupleObject* kwnames);

}  // namespace gopy
#include "gopy/api_end.h"
