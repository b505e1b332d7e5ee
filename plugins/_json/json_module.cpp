// The _json module plugin: the json package's accelerator (CPython: Modules/_json.c), on the
// kernel's C++ API so that encoding and decoding walk the kernel's dicts, lists and strs
// directly (plugins/common/native_module.hpp).
#include "json_internal.hpp"

namespace gopy::json {
namespace {

int exec_module(gopy_plugin_context*, gopy_Object* module) {
  return native::add_functions(module, {
                                           {"encode", encode},
                                           {"encode_basestring", encode_basestring},
                                           {"encode_basestring_ascii", encode_basestring_ascii},
                                           {"raw_decode", raw_decode},
                                           {"scanstring", scanstring},
                                           {"skip_whitespace", skip_whitespace},
                                       });
}

const gopy_ModuleDef kModule = {GOPY_MODULE_API_VERSION, "_json", "json speedups", nullptr, nullptr, nullptr,
                                nullptr, exec_module};

}  // namespace
}  // namespace gopy::json

GOPY_NATIVE_MODULE_PLUGIN(gopy_plugin__json, "_json")
GOPY_MODULE_INIT(_json, gopy::json::kModule)
