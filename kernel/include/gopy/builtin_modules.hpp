// Modules compiled into libgopy and created on their first import (the import plugin
// asks here before it searches sys.path). CPython: Python/import.c
// _PyImport_FindBuiltin over PyImport_Inittab.
#pragma once
#include "gopy/api_begin.h"

#include <string>
#include <string_view>
#include <vector>

#include "gopy/object_func.hpp"

namespace gopy {

using BuiltinModuleInit = ModuleObject* (*)();
// The function that creates the module, or null when `name` is not built in.
BuiltinModuleInit find_builtin_module(std::string_view name);
// Every module compiled into gopy (builtins, sys and libgopy's own), sorted: what
// sys.builtin_module_names lists.
std::vector<std::string> builtin_module_names();
// The same list, made once for the whole process (no copy).
const std::vector<std::string>& builtin_module_name_list();
// The native `_imp` module (import by name for gopy's Python library).
ModuleObject* create__imp_module();

}  // namespace gopy
#include "gopy/api_end.h"
