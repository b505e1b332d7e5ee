// The evaluator end to end: source in, stdout/stderr/exit code out.
#include <catch2/catch.hpp>

#include "runtime_fixture.hpp"

using gopy::test::run_source;

TEST_CASE("print(1+2) goes through the builtins plugin") {
  auto r = run_source("print(1+2)\n");
  CHECK(r.out == "3\n");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
}
