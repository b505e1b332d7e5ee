// Running a Python program through the real gopy binary (`gopy -S -c SOURCE`) and checking
// what it printed and how it exited.
#pragma once

#include <catch2/catch.hpp>

#include <string>

#include "spawn.hpp"

inline ChildResult run_python(const std::string& source) {
  TempDir dir;
  return run_gopy({"-S", "-c", source}, dir.path());
}

// `source` prints `out`, nothing on stderr, and exits 0.
inline void check_clean_run(const std::string& source, const std::string& out) {
  ChildResult r = run_python(source);
  CHECK(r.err == "");
  CHECK(r.out == out);
  CHECK(r.exit_code == 0);
}

// `source` prints `out`, then fails: its traceback ends with `err_tail`, and it exits 1.
inline void check_failing_run(const std::string& source, const std::string& out, const std::string& err_tail) {
  ChildResult r = run_python(source);
  CHECK(r.out == out);
  CHECK(r.err.ends_with(err_tail));
  CHECK(r.exit_code == 1);
}
