// The `__future__` module: the feature records `from __future__ import ...` binds
// (CPython: Lib/__future__.py). The compiler acts on the statement itself.
#pragma once

#include "gopy/object_func.hpp"

namespace gopy {

ModuleObject* create_future_module();

}  // namespace gopy
