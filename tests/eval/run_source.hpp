// Runs a program given as text through the real gopy executable (-S -c), in a fresh
// temporary directory.
#pragma once

#include <string>

#include "spawn.hpp"

inline ChildResult run_source(const std::string& program) {
  TempDir dir;
  return run_gopy({"-S", "-c", program}, dir.path());
}
