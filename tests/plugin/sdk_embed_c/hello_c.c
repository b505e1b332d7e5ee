/* A module plugin in plain C (docs/sdk.md), built with the installed SDK's pkg-config flags
 * by tests/plugin/sdk_test.cmake: hello_c.hello(x, /, times=1) and a constant. */
#include "gopy/module.h"

/* hello(x, /, times=1) -> (x, times): both arguments are borrowed; the tuple is new. */
static gopy_Object *hello(gopy_Object *module, gopy_Object *const *args) {
  (void)module;
  return gopy_Tuple_New(args, 2);
}

static const gopy_FunctionDef functions[] = {
    {"hello", hello, "x, /, times=1", "hello(x, /, times=1) -> (x, times)"},
    {NULL, NULL, NULL, NULL},
};
static const gopy_ConstantDef constants[] = {
    GOPY_CONST_INT("ANSWER", 42),
    {NULL, GOPY_CONST_INT, 0, 0.0, NULL},
};
static const gopy_ModuleDef module = {
    GOPY_MODULE_API_VERSION, "hello_c", "A module plugin in C", functions, NULL, constants, NULL, NULL,
};

GOPY_MODULE_PLUGIN(gopy_plugin_hello_c, "hello_c")
GOPY_MODULE_INIT(hello_c, module)
