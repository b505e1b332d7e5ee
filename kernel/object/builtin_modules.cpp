// The modules compiled into libgopy, each created on its first import.
// CPython: Python/import.c _PyImport_FindBuiltin over PyImport_Inittab.
#include "gopy/builtin_modules.hpp"

#include <algorithm>

#include "gopy/gc.hpp"
#include "gopy/warnings.hpp"
#include "lifecycle/atexit.hpp"
#include "lifecycle/site.hpp"

#include "object/codec_internal.hpp"
#include "object/future_module.hpp"
#include "object/io_internal.hpp"

namespace gopy {

namespace {

struct BuiltinModule {
  std::string_view name;
  BuiltinModuleInit init;
};

// Sorted by name.
constexpr BuiltinModule kBuiltinModules[] = {
    {"__future__", create_future_module},   {"_imp", create__imp_module},
    {"_io", create__io_module},             {"_site", create__site_module},
    {"_warnings", create__warnings_module}, {"_weakref", create__weakref_module},
    {"atexit", create_atexit_module},       {"codecs", create_codecs_module},
    {"gc", create_gc_module},
    {"io", create_io_module},               {"weakref", create_weakref_module},
};

}  // namespace

BuiltinModuleInit find_builtin_module(std::string_view name) {
  for (const BuiltinModule& m : kBuiltinModules)
    if (m.name == name) return m.init;
  return nullptr;
}

// CPython: Python/sysmodule.c list_builtin_module_names (builtins and sys are the plugins').
// A fixed list: made once per process (sys asks for it at every start-up).
const std::vector<std::string>& builtin_module_name_list() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> list{"builtins", "sys"};
    for (const BuiltinModule& m : kBuiltinModules) list.emplace_back(m.name);
    std::sort(list.begin(), list.end());
    return list;
  }();
  return names;
}

std::vector<std::string> builtin_module_names() { return builtin_module_name_list(); }

}  // namespace gopy
