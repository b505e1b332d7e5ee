// Runs a program with the real gopy executable and returns what it printed.
#pragma once

#include <map>
#include <string>

#include "spawn.hpp"

// gopy -c `program`; stdout, with the exit code and stderr checked by the caller.
inline ChildResult run_program_text(const std::string& program, const std::map<std::string, std::string>& env = {},
                                    const std::string& stdin_text = "") {
  TempDir dir;
  dir.write("main.py", program);
  return run_gopy({"main.py"}, dir.path(), stdin_text, env);
}
