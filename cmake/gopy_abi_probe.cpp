// Prints the ABI identity plugins are built with, for manifests (see GopyPlugin.cmake).
#include <cstdio>

#include "gopy/plugin.hpp"

int main() {
  std::printf("%s", GOPY_ABI_IDENTITY);
  return 0;
}
