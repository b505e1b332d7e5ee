// The _json module plugin: the json package's accelerator (CPython: Modules/_json.c). A
// module plugin on the kernel's C++ API (its manifest carries the C++ ABI identity), so
// that encoding and decoding walk the kernel's dicts, lists and strs directly.
#include "gopy/module.h"
#include "gopy/plugin.hpp"
#include "json_internal.hpp"

namespace gopy::json {
namespace {

struct Function {
  const char* name;
  BuiltinFn fn;
};
const Function kFunctions[] = {
    {"encode", encode},
    {"encode_basestring", encode_basestring},
    {"encode_basestring_ascii", encode_basestring_ascii},
    {"raw_decode", raw_decode},
    {"scanstring", scanstring},
    {"skip_whitespace", skip_whitespace},
};

int exec_module(gopy_plugin_context*, gopy_Object* handle) {
  try {
    auto* module = reinterpret_cast<ModuleObject*>(handle);
    for (const Function& f : kFunctions)
      if (add_module_function(module, f.name, f.fn) < 0) return -1;
    return 0;
  } catch (...) {
    no_memory();
    return -1;
  }
}

const gopy_ModuleDef kModule = {GOPY_MODULE_API_VERSION, "_json", "json speedups", nullptr, nullptr, nullptr,
                                nullptr, exec_module};

}  // namespace
}  // namespace gopy::json

extern "C" GOPY_PLUGIN_EXPORT const gopy_plugin_descriptor* gopy_plugin__json(void) {
  static const gopy_plugin_descriptor descriptor = {GOPY_ABI_MAJOR, GOPY_ABI_MINOR, GOPY_ABI_IDENTITY, "_json",
                                                     nullptr, nullptr};
  return &descriptor;
}
GOPY_MODULE_INIT(_json, gopy::json::kModule)
