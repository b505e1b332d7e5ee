// The posix module: the native layer under os (CPython: Modules/posixmodule.c
// posixmodule_exec). Its functions come from the tables of posix_files.cpp, posix_fd.cpp,
// posix_fd_more.cpp, posix_process.cpp, posix_children.cpp and posix_conf.cpp; its struct sequences and DirEntry are Python classes of
// lib/python3.14/_posixtypes.py (compiled once, cached), copied in when it is made.
#include <vector>

#include "gopy/object_func.hpp"
#include "gopy/plugin.hpp"
#include "posix_internal.hpp"

namespace gopy_posix {
namespace {

using namespace gopy;

std::vector<gopy_FunctionDef> all_functions() {
  std::vector<gopy_FunctionDef> all;
  for (const gopy_FunctionDef* table : {kFileFunctions, kFdFunctions, kFdMoreFunctions, kProcessFunctions, kChildFunctions,
                                            kConfFunctions})
    for (const gopy_FunctionDef* f = table; f->name; ++f) all.push_back(*f);
  all.push_back({nullptr, nullptr, nullptr, nullptr});
  return all;
}

int exec_posix(gopy_plugin_context*, gopy_Object* module_handle) {
  auto* module = reinterpret_cast<ModuleObject*>(module_handle);
  set_posix_module(module);
  Ref<> variables = Ref<>::steal(environ_dict());
  if (!variables || dict_set_str(module->dict, "environ", variables.get()) < 0) return -1;
  if (add_constants(module) < 0 || add_conf_names(module) < 0) return -1;
  if (dict_set_str(module->dict, "error", &exc_OSError) < 0) return -1;
  return copy_attributes("_posixtypes", module,
                         {"stat_result", "terminal_size", "uname_result", "times_result", "statvfs_result",
                          "DirEntry", "ScandirIterator", "scandir", "fspath"});
}

const gopy_ModuleDef& posix_def() {
  static const std::vector<gopy_FunctionDef> functions = all_functions();
  static const gopy_ModuleDef def = {GOPY_MODULE_API_VERSION,
                                     "posix",
                                     "This module provides access to operating system functionality that is\n"
                                     "standardized by the C Standard and the POSIX standard (a thinly\n"
                                     "disguised Unix interface).  Refer to the library manual and\n"
                                     "corresponding Unix manual entries for more information on calls.",
                                     functions.data(),
                                     nullptr,
                                     nullptr,
                                     nullptr,
                                     exec_posix};
  return def;
}

}  // namespace
}  // namespace gopy_posix

extern "C" GOPY_PLUGIN_EXPORT const gopy_plugin_descriptor* gopy_plugin_posix(void) {
  static const gopy_plugin_descriptor descriptor = {GOPY_ABI_MAJOR, GOPY_ABI_MINOR, GOPY_ABI_IDENTITY, "posix",
                                                    nullptr, nullptr};
  return &descriptor;
}

extern "C" GOPY_PLUGIN_EXPORT const gopy_ModuleDef* gopy_module_posix(void) { return &gopy_posix::posix_def(); }
