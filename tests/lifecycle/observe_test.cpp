// observe_test: what the real executable shows of its lifecycle: the -X lifecycle lines
// on stderr and the sys._configuration snapshot.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

#include "spawn.hpp"

namespace {

// The step names of -X lifecycle's lines ("lifecycle:   12 us | attach sys@core:20").
std::vector<std::string> lifecycle_steps(const std::string& err) {
  std::vector<std::string> steps;
  std::istringstream in(err);
  std::string text;
  while (std::getline(in, text)) {
    size_t bar = text.find(" us | ");
    if (text.rfind("lifecycle: ", 0) != 0 || bar == std::string::npos) continue;
    std::string micros = text.substr(11, bar - 11);
    micros.erase(0, micros.find_first_not_of(' '));
    if (micros.empty() || micros.find_first_not_of("0123456789") != std::string::npos) continue;
    steps.push_back(text.substr(bar + 6));
  }
  return steps;
}

size_t index_of(const std::vector<std::string>& steps, const std::string& step) {
  for (size_t i = 0; i < steps.size(); ++i)
    if (steps[i] == step) return i;
  return steps.size();
}

}  // namespace

TEST_CASE("observe_test: -X lifecycle shows phases and plugins in order", "[lifecycle][observe]") {
  TempDir dir;
  ChildResult r = run_gopy({"-X", "lifecycle", "-c", "print('ran')"}, dir.path());
  CHECK(r.out == "ran\n");
  CHECK(r.exit_code == 0);
  std::vector<std::string> steps = lifecycle_steps(r.err);
  INFO(r.err);
  // Every stderr line is a lifecycle line.
  CHECK(std::count(r.err.begin(), r.err.end(), '\n') == static_cast<long>(steps.size()));
  const size_t n = steps.size();
  size_t attach_builtins = index_of(steps, "attach builtins@core:10");
  size_t attach_sys_main = index_of(steps, "attach sys@main:20");
  size_t atexit = index_of(steps, "atexit callbacks");
  size_t modules = index_of(steps, "finalize_modules");
  size_t detach_builtins = index_of(steps, "detach builtins@core:10");
  size_t free_objects = index_of(steps, "free objects");
  size_t unload_builtins = index_of(steps, "unload builtins");
  size_t destroy = index_of(steps, "destroy interpreter");
  CHECK(index_of(steps, "discover plugins") == 0);
  CHECK(attach_builtins < attach_sys_main);
  CHECK(attach_sys_main < atexit);
  CHECK(atexit < modules);
  CHECK(modules < detach_builtins);
  CHECK(detach_builtins < free_objects);
  CHECK(free_objects < unload_builtins);
  CHECK(unload_builtins < destroy);
  CHECK(destroy == n - 1);
}

TEST_CASE("observe_test: without -X lifecycle nothing is shown", "[lifecycle][observe]") {
  TempDir dir;
  ChildResult r = run_gopy({"-c", "pass"}, dir.path());
  CHECK(r.err == "");
}

TEST_CASE("observe_test: sys._configuration is PEP 432's read-only snapshot", "[lifecycle][observe]") {
  TempDir dir;
  const char* program =
      "import sys\n"
      "c = sys._configuration\n"
      "a = c.active_interpreter\n"
      "print(c.all_interpreters.utf8_mode, a.isolated, a.argv, a.run_command is not None)\n"
      "print(a.executable == sys.executable,\n"
      "      a.module_search_paths == tuple(sys.path[1:1 + len(a.module_search_paths)]))\n"
      "print(hasattr(a, 'hash_seed'), hasattr(c.all_interpreters, 'argv'), hasattr(a, 'utf8_mode'))\n"
      "try:\n"
      "    a.isolated = True\n"
      "except AttributeError as e:\n"
      "    print('AttributeError:', e)\n";
  ChildResult r = run_gopy({"-X", "utf8", "-c", program, "x"}, dir.path());
  CHECK(r.err == "");
  CHECK(r.out ==
        "True False ('-c', 'x') True\n"
        "True True\n"
        "False False False\n"
        "AttributeError: readonly attribute\n");
  CHECK(r.exit_code == 0);

  r = run_gopy({"-I", "-c", "import sys; print(sys._configuration.active_interpreter.isolated)"}, dir.path());
  CHECK(r.out == "True\n");
}
