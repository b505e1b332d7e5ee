// A module plugin for plugin_e2e_test's module API cases (module_plugin_test.cpp): an exec
// hook reading the configuration through its context, definitions the kernel refuses, and
// functions that break the error rule.
#include "gopy.h"
#include "gopy/module.h"

namespace {

// exec: the configuration's optimization_level becomes the module's `optimize`.
int exec_reads_config(gopy_plugin_context* ctx, gopy_Object* module) {
  int64_t level = -1;
  if (gopy_PluginConfig_GetInt(ctx, "optimization_level", &level) != GOPY_PLUGIN_OK) {
    gopy_Err_Raise("RuntimeError", "optimization_level is not readable");
    return -1;
  }
  gopy_Object* value = gopy_Long_FromInt64(level);
  if (value == nullptr) return -1;
  int r = gopy_Object_SetAttr(module, "optimize", value);
  gopy_DecRef(value);
  return r;
}

int exec_fails(gopy_plugin_context*, gopy_Object*) {
  gopy_Err_Raise("ValueError", "exec refused");
  return -1;
}

gopy_Object* returns_null_silently(gopy_Object*, gopy_Object* const*) { return nullptr; }

gopy_Object* returns_value_with_error(gopy_Object*, gopy_Object* const*) {
  gopy_Err_Raise("ValueError", "left set");
  return gopy_NewRef(gopy_None());
}

// f(*values, sep=', '): the *args tuple and a keyword-only default.
gopy_Object* join_count(gopy_Object*, gopy_Object* const* args) {
  gopy_Object* items[] = {gopy_Long_FromInt64(static_cast<int64_t>(gopy_Tuple_Size(args[0]))), args[1]};
  if (items[0] == nullptr) return nullptr;
  gopy_Object* result = gopy_Tuple_New(items, 2);
  gopy_DecRef(items[0]);
  return result;
}

const gopy_FunctionDef kNoFunctions[] = {{nullptr, nullptr, nullptr, nullptr}};
const gopy_FunctionDef kBadParams[] = {{"f", returns_null_silently, "a=[1]", nullptr}, {nullptr, nullptr, nullptr, nullptr}};
const gopy_FunctionDef kMisbehaving[] = {
    {"null", returns_null_silently, "", nullptr},
    {"both", returns_value_with_error, nullptr, nullptr},
    {"count", join_count, "*values, sep=', '", nullptr},
    {nullptr, nullptr, nullptr, nullptr},
};

const gopy_ModuleDef kExec = {GOPY_MODULE_API_VERSION, "mapi_exec", nullptr, kNoFunctions, nullptr, nullptr, nullptr, exec_reads_config};
const gopy_ModuleDef kExecFails = {GOPY_MODULE_API_VERSION, "mapi_exec_fails", nullptr, nullptr, nullptr, nullptr, nullptr, exec_fails};
const gopy_ModuleDef kBadParamsModule = {GOPY_MODULE_API_VERSION, "mapi_bad_params", nullptr, kBadParams, nullptr, nullptr, nullptr, nullptr};
const gopy_ModuleDef kBadVersion = {99, "mapi_bad_version", nullptr, nullptr, nullptr, nullptr, nullptr, nullptr};
const gopy_ModuleDef kMisbehaves = {GOPY_MODULE_API_VERSION, "mapi_misbehaves", nullptr, kMisbehaving, nullptr, nullptr, nullptr, nullptr};

}  // namespace

GOPY_MODULE_PLUGIN(gopy_plugin_mapi, "mapi")
GOPY_MODULE_INIT(mapi_exec, kExec)
GOPY_MODULE_INIT(mapi_exec_fails, kExecFails)
GOPY_MODULE_INIT(mapi_bad_params, kBadParamsModule)
GOPY_MODULE_INIT(mapi_bad_version, kBadVersion)
GOPY_MODULE_INIT(mapi_misbehaves, kMisbehaves)
