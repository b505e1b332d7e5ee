/* gopy's embedding API: a plain C header shaped as CPython 3.14's PEP 741 API
 * (PyInitConfig, PyConfig_Get, Py_InitializeFromInitConfig), plus PEP 432's phase
 * queries and its core-only step ("runtime initialized"), which CPython's public API
 * cannot reach.
 *
 *   gopy_InitConfig *config = gopy_InitConfig_Create();
 *   if (gopy_InitConfig_SetStr(config, "run_command", "print(1+2)") < 0 ||
 *       gopy_InitializeFromInitConfig(config) < 0) {
 *       const char *err; gopy_InitConfig_GetError(config, &err); ... }
 *   gopy_InitConfig_Free(config);
 *   return gopy_RunMain();
 *
 * Conventions, as CPython's: functions returning int give 0 on success and -1 on error;
 * an InitConfig keeps its error (GetError / GetExitCode); the runtime queries keep theirs
 * for gopy_GetLastError. Strings are UTF-8. Memory handed out is released with free().
 */
#ifndef GOPY_H
#define GOPY_H
#include "gopy/api_begin.h"

#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct gopy_InitConfig gopy_InitConfig;

/* CPython: PyInitConfig_Create: the isolated preset's defaults. NULL on memory failure. */
gopy_InitConfig *gopy_InitConfig_Create(void);
void gopy_InitConfig_Free(gopy_InitConfig *config);

/* 1 and the message (owned by config) when an error is set, else 0. */
int gopy_InitConfig_GetError(gopy_InitConfig *config, const char **err_msg);
/* 1 and the code when the last failure asked the process to exit (e.g. --version). */
int gopy_InitConfig_GetExitCode(gopy_InitConfig *config, int *exitcode);

/* 1 when `name` is a configuration option (the config spec table's names), else 0. */
int gopy_InitConfig_HasOption(gopy_InitConfig *config, const char *name);

int gopy_InitConfig_GetInt(gopy_InitConfig *config, const char *name, int64_t *value);
/* *value: a new string, or NULL when the option is unset (None). */
int gopy_InitConfig_GetStr(gopy_InitConfig *config, const char *name, char **value);
int gopy_InitConfig_GetStrList(gopy_InitConfig *config, const char *name, size_t *length, char ***items);
void gopy_InitConfig_FreeStrList(size_t length, char **items);

/* Unknown names are errors naming the option; a value of the wrong type is an error. */
int gopy_InitConfig_SetInt(gopy_InitConfig *config, const char *name, int64_t value);
/* value NULL: unset (None), for the options that allow it. */
int gopy_InitConfig_SetStr(gopy_InitConfig *config, const char *name, const char *value);
int gopy_InitConfig_SetStrList(gopy_InitConfig *config, const char *name, size_t length,
                               char *const *items);

/* CPython: Py_InitializeFromInitConfig: the core phase, then the main phase unless the
 * option "_init_main" is 0 (then the runtime stops "runtime initialized"). */
int gopy_InitializeFromInitConfig(gopy_InitConfig *config);
/* PEP 432: complete the main phase of a runtime stopped after its core phase. */
int gopy_InitializeMain(void);

/* PEP 432's queries. */
int gopy_IsInitializing(void);        /* pre-initialized, or core done but not main */
int gopy_IsRuntimeInitialized(void); /* core phase done (also once fully initialized) */
int gopy_IsInitialized(void);        /* main phase done */
int gopy_IsFinalizing(void);

/* CPython: PyConfig_Get for a C caller: the option's value as Python's repr() shows it
 * ("None", "True", "3", "'text'", "['a', 'b']"), a new string. */
int gopy_Config_Get(const char *name, char **repr);
/* CPython: PyConfig_GetInt */
int gopy_Config_GetInt(const char *name, int *value);
/* CPython: PyConfig_Names: every option readable by name. */
int gopy_Config_Names(size_t *length, char ***names);
/* The message of the last failed gopy_Config_* / gopy_InitializeMain / gopy_Run* call of
 * this thread (never NULL). */
const char *gopy_GetLastError(void);

/* CPython: PyRun_SimpleString: runs `source` in __main__; 0, or -1 after printing the
 * traceback of its uncaught exception. */
int gopy_RunSimpleString(const char *source);
/* CPython: Py_RunMain: runs what the configuration says, finalizes, gives the exit code. */
int gopy_RunMain(void);
/* CPython: Py_FinalizeEx: 0, or -1 when flushing stdout failed. */
int gopy_FinalizeEx(void);

/* ---- What a plugin reads of the runtime through its context -----------------------------
 * A plugin's attach/detach callback receives a gopy_plugin_context (gopy/plugin_abi.h).
 * Through it, by name as PEP 741's PyConfig_Get/PyConfig_GetInt, a plugin reads:
 *   - the read configuration, read-only (the options PyConfig_Get can read);
 *   - the Environment the runtime was given (an embedder's, or the process's);
 *   - only the plugin filling the "pathconfig" slot: a writable path-configuration view
 *     (the fields getpath writes), and every option, init-only ones included, to read.
 * Each returns GOPY_PLUGIN_OK (0) or a negative gopy_PluginStatus, and writes its output
 * only on success. Strings handed out are new (free()); lists are released with
 * gopy_InitConfig_FreeStrList. */
struct gopy_plugin_context;

typedef enum gopy_PluginStatus {
  GOPY_PLUGIN_OK = 0,
  GOPY_PLUGIN_UNKNOWN_NAME = -1, /* no configuration option of that name */
  GOPY_PLUGIN_WRONG_TYPE = -2,   /* the option is not of the type asked for */
  GOPY_PLUGIN_UNAVAILABLE = -3,  /* this context has no such view (no configuration yet, or
                                    the path view asked by a plugin not filling the slot) */
  GOPY_PLUGIN_READ_ONLY = -4,    /* the path view does not write this option */
  GOPY_PLUGIN_BAD_VALUE = -5,    /* out of the option's range */
  GOPY_PLUGIN_NO_MEMORY = -6,
  GOPY_PLUGIN_BAD_ARGUMENT = -7  /* a NULL argument, or a context the kernel did not make */
} gopy_PluginStatus;

/* "unknown config option name", ...: a status as text (never NULL). */
const char *gopy_PluginStatus_Text(int status);

/* The configuration. int: int, unsigned and bool options (a bool is 0 or 1). str: *value
 * is NULL when the option is None. */
int gopy_PluginConfig_GetInt(struct gopy_plugin_context *ctx, const char *name, int64_t *value);
int gopy_PluginConfig_GetStr(struct gopy_plugin_context *ctx, const char *name, char **value);
int gopy_PluginConfig_GetStrList(struct gopy_plugin_context *ctx, const char *name,
                                 size_t *length, char ***items);

/* The runtime's Environment: *value is NULL when the variable is not set. Whatever -E
 * says: a plugin applies use_environment itself, as getpath does. */
int gopy_PluginEnv_Get(struct gopy_plugin_context *ctx, const char *name, char **value);
/* Its current directory; *value is NULL when it cannot be known. */
int gopy_PluginEnv_GetCwd(struct gopy_plugin_context *ctx, char **value);

/* The path-configuration view (the "pathconfig" slot's plugin only): program_name, home,
 * executable, base_executable, prefix, exec_prefix, base_prefix, base_exec_prefix,
 * platlibdir, stdlib_dir, module_search_paths (also marks it set), _is_python_build, and
 * the flags a ._pth file forces: isolated, use_environment, site_import, safe_path.
 * SetStr's value may be NULL (None). */
int gopy_PluginPathConfig_SetInt(struct gopy_plugin_context *ctx, const char *name, int64_t value);
int gopy_PluginPathConfig_SetStr(struct gopy_plugin_context *ctx, const char *name,
                                 const char *value);
int gopy_PluginPathConfig_SetStrList(struct gopy_plugin_context *ctx, const char *name,
                                     size_t length, char *const *items);

#ifdef __cplusplus
}
#endif

#include "gopy/api_end.h"
#endif /* GOPY_H */
