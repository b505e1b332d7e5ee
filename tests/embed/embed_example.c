/* An application embedding gopy through its C API only (gopy.h + libgopy), as a third
 * party would: it stops after the core phase, looks at the runtime, completes the main
 * phase, runs code, finalizes and initializes again. Exit status 0 when every step
 * behaved as documented; each step is printed so that a failure says where. */
#include <gopy.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int failures = 0;

#define EXPECT(cond)                                              \
  do {                                                            \
    if (cond) {                                                   \
      printf("ok: %s\n", #cond);                                  \
    } else {                                                      \
      printf("FAILED (line %d): %s\n", __LINE__, #cond);          \
      failures++;                                                 \
    }                                                             \
  } while (0)

static int contains(const char *text, const char *part) { return text && strstr(text, part) != NULL; }

/* Options are checked by name, as PEP 741 asks: unknown names and wrong types fail. */
static void check_option_errors(void) {
  gopy_InitConfig *config = gopy_InitConfig_Create();
  const char *err = NULL;
  EXPECT(gopy_InitConfig_HasOption(config, "isolated") == 1);
  EXPECT(gopy_InitConfig_HasOption(config, "no_such_option") == 0);
  EXPECT(gopy_InitConfig_SetInt(config, "no_such_option", 1) == -1);
  EXPECT(gopy_InitConfig_GetError(config, &err) == 1 && contains(err, "no_such_option"));
  EXPECT(gopy_InitConfig_SetStr(config, "isolated", "yes") == -1);
  EXPECT(gopy_InitConfig_GetError(config, &err) == 1 && contains(err, "config option type is not string"));
  int64_t value = -1;
  EXPECT(gopy_InitConfig_GetInt(config, "isolated", &value) == 0 && value == 1);
  gopy_InitConfig_Free(config);
}

static int initialize(int core_only) {
  gopy_InitConfig *config = gopy_InitConfig_Create();
  char *argv[] = {"embed_example"};
  int rc = gopy_InitConfig_SetStrList(config, "argv", 1, argv);
  if (rc == 0) rc = gopy_InitConfig_SetInt(config, "site_import", 0);
  if (rc == 0 && core_only) rc = gopy_InitConfig_SetInt(config, "_init_main", 0);
  if (rc == 0) rc = gopy_InitializeFromInitConfig(config);
  if (rc != 0) {
    const char *err = NULL;
    gopy_InitConfig_GetError(config, &err);
    printf("initialize failed: %s\n", err ? err : "?");
  }
  gopy_InitConfig_Free(config);
  return rc;
}

int main(void) {
  check_option_errors();

  /* 1. Core only: PEP 432's "runtime initialized" state. */
  EXPECT(initialize(1) == 0);
  EXPECT(gopy_IsRuntimeInitialized() == 1);
  EXPECT(gopy_IsInitialized() == 0);
  int isolated = -1;
  EXPECT(gopy_Config_GetInt("isolated", &isolated) == 0 && isolated == 1);
  EXPECT(gopy_Config_GetInt("no_such_option", &isolated) == -1 &&
         contains(gopy_GetLastError(), "no_such_option"));
  /* Code needs the main phase. */
  EXPECT(gopy_RunSimpleString("print('too early')") == -1);

  /* 2. Complete the main phase, run code. */
  EXPECT(gopy_InitializeMain() == 0);
  EXPECT(gopy_IsInitialized() == 1);
  char *repr = NULL;
  EXPECT(gopy_Config_Get("argv", &repr) == 0 && strcmp(repr, "['embed_example']") == 0);
  free(repr);
  size_t count = 0;
  char **names = NULL;
  EXPECT(gopy_Config_Names(&count, &names) == 0 && count > 10);
  gopy_InitConfig_FreeStrList(count, names);
  fflush(stdout);
  EXPECT(gopy_RunSimpleString("import sys\nprint('embedded', 6 * 7, sys._configuration.active_interpreter.isolated)") == 0);
  EXPECT(gopy_RunSimpleString("raise ValueError('expected by the example')") == -1);

  /* 3. Finalize; then initialize again in full and finalize once more. */
  EXPECT(gopy_FinalizeEx() == 0);
  EXPECT(gopy_IsRuntimeInitialized() == 0);
  EXPECT(gopy_InitializeMain() == -1);
  EXPECT(initialize(0) == 0);
  EXPECT(gopy_IsInitialized() == 1);
  fflush(stdout);
  EXPECT(gopy_RunSimpleString("print('again')") == 0);
  EXPECT(gopy_FinalizeEx() == 0);

  printf("%s\n", failures ? "embed example FAILED" : "embed example passed");
  return failures ? 1 : 0;
}
