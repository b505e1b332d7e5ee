// The time module's definition (a module of the posix plugin) (CPython: Modules/timemodule.c time_methods, time_exec):
// the functions of time_clocks.cpp and time_struct.cpp, the clock ids, the time zone, and
// struct_time, a struct sequence made in Python when the module is.
#include <vector>

#include "gopy/eval.hpp"
#include "gopy/plugin.hpp"
#include "time_internal.hpp"

namespace gopy_time {
namespace {

using namespace gopy;

constexpr const char* kPythonPart = R"PY(
import _structseq
struct_time = _structseq.make("time.struct_time",
    ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
     "tm_zone", "tm_gmtoff"), 9,
    doc="The time value as returned by gmtime(), localtime(), and strptime(), and\n"
        " accepted by asctime(), mktime() and strftime().  May be considered as a\n"
        " sequence of 9 integers.")
del _structseq
)PY";

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
  Ref<> done = Ref<>::steal(exec_source_in_module(kPythonPart, "<time>", module));
  return done ? 0 : -1;
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
