/* A C program embedding gopy (docs/sdk.md): configure, initialize, run, finalize. Built
 * by a C-only CMake project (tests/plugin/sdk_test.cmake) and with pkg-config. */
#include <stdio.h>

#include "gopy.h"

int main(int argc, char **argv) {
  const char *source = argc > 1 ? argv[1] : "print(1+2)";
  gopy_InitConfig *config = gopy_InitConfig_Create();
  if (config == NULL) return 1;
  if (gopy_InitializeFromInitConfig(config) < 0) {
    const char *error = "";
    gopy_InitConfig_GetError(config, &error);
    fprintf(stderr, "embed: %s\n", error);
    gopy_InitConfig_Free(config);
    return 1;
  }
  gopy_InitConfig_Free(config);
  int failed = gopy_RunSimpleString(source) < 0;
  if (gopy_FinalizeEx() < 0) return 120;
  return failed;
}
