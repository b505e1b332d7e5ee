// The C++ layer over gopy.h (gopy/embed.hpp), used as a third party would: errors come
// back as gopy::Status values, and a command line asking to exit (--version) as an exit
// status with its code.
#include <cstdio>
#include <string>
#include <vector>

#include "gopy.h"
#include "gopy/embed.hpp"

namespace {

int failures = 0;

void expect(bool ok, const char* what) {
  std::printf("%s: %s\n", ok ? "ok" : "FAILED", what);
  if (!ok) ++failures;
}

}  // namespace

int main() {
  {
    gopy::embed::InitConfig config;
    gopy::Status s = config.set("no_such_option", std::int64_t{1});
    expect(s.is_error() && s.message().find("no_such_option") != std::string::npos, "unknown option named");
    s = config.set("argv", "not a list");
    expect(s.is_error() && s.message() == "config option type is not string", "wrong type refused");
    expect(config.get_int("isolated") == 1, "the isolated preset");
  }
  {
    // The command line is parsed when asked to: --version is an exit request, code 0.
    gopy::embed::InitConfig config;
    expect(config.set("parse_argv", std::int64_t{1}).is_ok(), "parse_argv set");
    expect(config.set("argv", std::vector<std::string>{"embedded", "--version"}).is_ok(), "argv set");
    std::fflush(stdout);
    gopy::Status s = config.initialize();
    expect(s.is_exit() && s.exit_code() == 0, "--version asks to exit 0");
    expect(gopy_IsInitialized() == 0, "nothing initialized");
  }
  {
    gopy::embed::InitConfig config;
    expect(config.set("argv", std::vector<std::string>{"embedded"}).is_ok(), "argv set");
    expect(config.initialize().is_ok(), "initialized");
    std::fflush(stdout);
    expect(gopy_RunSimpleString("print('from C++', sum([1, 2, 3]))") == 0, "code ran");
    expect(gopy_FinalizeEx() == 0, "finalized");
  }
  std::printf("%s\n", failures ? "embed C++ example FAILED" : "embed C++ example passed");
  return failures ? 1 : 0;
}
