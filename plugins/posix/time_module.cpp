// The time module's definition, a module of the posix plugin (CPython:
// Modules/timemodule.c time_methods, time_exec): the functions of time_clocks.cpp and
// time_struct.cpp, the clock ids, the time zone, and struct_time (lib/python3.14/_posixtypes.py).
#include <vector>

#include "gopy/plugin.hpp"
#include "posix_internal.hpp"
#include "time_internal.hpp"

namespace gopy_time {
namespace {

using namespace gopy;

std::vector<gopy_FunctionDef> all_functions() {
  std::vector<gopy_FunctionDef> all;
  for (const gopy_FunctionDef* table : {kClockFunctions, kStructFunctions})
    for (const gopy_FunctionDef* f = table; f->name; ++f) all.push_back(*f);
  all.push_back({nullptr, nullptr, nullptr, nullptr});
  return all;
}

int exec_time(gopy_plugin_context*, gopy_Object* module_handle) {
  auto* module = reinterpret_cast<ModuleObject*>(module_handle);
  set_time_module(module);
  const std::pair<const char*, int64_t> clocks[] = {
      {"CLOCK_REALTIME", CLOCK_REALTIME},   {"CLOCK_MONOTONIC", CLOCK_MONOTONIC},
      {"CLOCK_MONOTONIC_RAW", CLOCK_MONOTONIC_RAW}, {"CLOCK_PROCESS_CPUTIME_ID", CLOCK_PROCESS_CPUTIME_ID},
      {"CLOCK_THREAD_CPUTIME_ID", CLOCK_THREAD_CPUTIME_ID}, {"CLOCK_BOOTTIME", CLOCK_BOOTTIME},
      {"CLOCK_TAI", CLOCK_TAI},
  };
  for (auto& [name, value] : clocks) {
    Ref<> v = Ref<>::steal(new_int(value));
    if (!v || dict_set_str(module->dict, name, v.get()) < 0) return -1;
  }
  if (set_timezone_attrs(module) < 0) return -1;
  return gopy_posix::copy_attributes("_posixtypes", module, {"struct_time"});
}

const gopy_ModuleDef& time_def() {
  static const std::vector<gopy_FunctionDef> functions = all_functions();
  static const gopy_ModuleDef def = {GOPY_MODULE_API_VERSION,
                                     "time",
                                     "This module provides various functions to manipulate time values.",
                                     functions.data(),
                                     nullptr,
                                     nullptr,
                                     nullptr,
                                     exec_time};
  return def;
}

}  // namespace
}  // namespace gopy_time

extern "C" GOPY_PLUGIN_EXPORT const gopy_ModuleDef* gopy_module_time(void) { return &gopy_time::time_def(); }
