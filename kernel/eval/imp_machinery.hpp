// The native functions gopy's importlib/_bootstrap.py calls, added to the _imp module.
#pragma once
#include "gopy/object_func.hpp"

namespace gopy {

void add_imp_machinery(ModuleObject* m);

}  // namespace gopy
