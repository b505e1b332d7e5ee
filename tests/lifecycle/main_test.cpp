// main_test: the kernel's Main, command line to exit code, with captured output.
#include <catch2/catch.hpp>

#include <filesystem>

#include "capture.hpp"
#include "gopy/lifecycle.hpp"
#include "gopy/state.hpp"

namespace {

struct MainRun {
  int exit_code;
  std::string out;
  std::string err;
};

// argv[0] as the host would get it: the gopy executable beside this test binary, so the
// path configuration finds gopy's landmarks.
std::string gopy_path() {
  return (std::filesystem::read_symlink("/proc/self/exe").parent_path() / "gopy").string();
}

MainRun run(std::vector<std::string> argv) {
  argv.insert(argv.begin(), gopy_path());
  FdCapture out(1);
  FdCapture err(2);
  int code = gopy::main(argv);
  std::string err_text = err.finish();
  return MainRun{code, out.finish(), err_text};
}

}  // namespace

TEST_CASE("main_test: -c print(1+2)", "[lifecycle]") {
  MainRun result = run({"-c", "print(1+2)"});
  CHECK(result.out == "3\n");
  CHECK(result.err == "");
  CHECK(result.exit_code == 0);
  CHECK(gopy::get_thread_state() == nullptr);
}

TEST_CASE("main_test: an uncaught exception exits 1 with a traceback", "[lifecycle]") {
  MainRun result = run({"-c", "print(1//0)"});
  CHECK(result.exit_code == 1);
  CHECK(result.out == "");
  CHECK(result.err.rfind("Traceback (most recent call last):\n", 0) == 0);
  CHECK(result.err.find("ZeroDivisionError") != std::string::npos);
}

TEST_CASE("main_test: a usage error exits 2", "[lifecycle]") {
  MainRun result = run({"-c"});
  CHECK(result.exit_code == 2);
  CHECK(result.err.rfind("Argument expected for the -c option\n", 0) == 0);
  CHECK(gopy::runtime_phase() == gopy::RuntimePhase::uninitialized);
}

TEST_CASE("main_test: Main runs twice in one process", "[lifecycle]") {
  CHECK(run({"-c", "print('a')"}).out == "a\n");
  CHECK(run({"-S", "-c", "print('b', 2)"}).out == "b 2\n");
}
