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

#ifdef __cplusplus
}
#endif

#endif /* GOPY_H */
