// The command-line scanner's corner cases (CPython: Python/getopt.c).
#include <catch2/catch.hpp>

#include <cstdint>

#include "config_test_support.hpp"

using gopy::test::run_config;
using Strings = std::vector<std::string>;

TEST_CASE("getopt: clustered short flags", "[getopt]") {
  auto r = run_config({"-bbB", "-OOv", "-c", ""});
  REQUIRE(r.status.is_ok());
  CHECK(r.config.bytes_warning == 2);
  CHECK(r.config.write_bytecode == 0);
  CHECK(r.config.optimization_level == 2);
  CHECK(r.config.verbose == 1);
}

TEST_CASE("getopt: -c and -m end the options / what follows is sys.argv", "[getopt]") {
  auto c = run_config({"-c", "code", "-O", "-c", "--help"});
  REQUIRE(c.status.is_ok());
  CHECK(c.config.argv == Strings{"-c", "-O", "-c", "--help"});
  CHECK(c.config.run_command == "code\n");
  CHECK(c.config.optimization_level == 0);
  auto m = run_config({"-mmod", "a", "-b"});
  REQUIRE(m.status.is_ok());
  CHECK(m.config.run_module == "mod");
  CHECK(m.config.argv == Strings{"-m", "a", "-b"});
  CHECK(m.config.bytes_warning == 0);
  auto cluster = run_config({"-Bcprint(2)", "x"});
  CHECK(cluster.config.run_command == "print(2)\n");
  CHECK(cluster.config.argv == Strings{"-c", "x"});
  CHECK(cluster.config.write_bytecode == 0);
}

TEST_CASE("getopt: the script / '-' / '--' and orig_argv", "[getopt]") {
  auto script = run_config({"s.py", "-c", "x", "--"});
  CHECK(script.config.run_filename == "/tmp/case/s.py");  // made absolute against the cwd
  CHECK(script.config.argv == Strings{"s.py", "-c", "x", "--"});
  CHECK(script.config.orig_argv == Strings{gopy::test::kProgram, "s.py", "-c", "x", "--"});
  auto dash = run_config({"-O", "-", "-O"});
  CHECK_FALSE(dash.config.run_filename.has_value());
  CHECK(dash.config.argv == Strings{"-", "-O"});
  CHECK(dash.config.optimization_level == 1);
  auto ddash = run_config({"--", "-", "x"});
  CHECK(ddash.config.argv == Strings{"-", "x"});
  auto ddash_script = run_config({"--", "-x.py"});
  CHECK(ddash_script.config.run_filename == "/tmp/case/-x.py");
  auto none = run_config({});
  CHECK(none.config.argv == Strings{""});
}

TEST_CASE("getopt: -X and -W with attached and separate values / repeated", "[getopt]") {
  auto r = run_config({"-Xa=1", "-X", "b", "-Wignore", "-W", "always", "-c", ""});
  REQUIRE(r.status.is_ok());
  CHECK(r.config.xoptions == Strings{"a=1", "b"});
  CHECK(r.config.warnoptions == Strings{"ignore", "always"});
}

TEST_CASE("getopt: -h wins over a later error", "[getopt]") {
  auto r = run_config({"-h", "-Z"});
  CHECK(r.status.is_exit());
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(r.out.rfind(std::string("usage: ") + gopy::test::kProgram + " [option]", 0) == 0);
}

TEST_CASE("getopt: usage errors: text and exit code 2", "[getopt]") {
  const std::string usage = std::string("usage: ") + gopy::test::kProgram +
                            " [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
                            "Try `python -h' for more information.\n";
  struct Case {
    Strings args;
    std::string first_line;
  };
  const std::vector<Case> cases = {
      {{"-z"}, "Unknown option: -z\n"},
      {{"-BZ", "-c", "pass"}, "Unknown option: -Z\n"},
      {{"--foo"}, "Unknown option: --foo\n"},
      {{"--hel"}, "Unknown option: --hel\n"},
      {{"--check-hash-based-pycs=always"}, "Unknown option: --check-hash-based-pycs=always\n"},
      {{"-c"}, "Argument expected for the -c option\n"},
      {{"-B", "-m"}, "Argument expected for the -m option\n"},
      {{"-W"}, "Argument expected for the -W option\n"},
      {{"-X"}, "Argument expected for the -X option\n"},
      {{"--check-hash-based-pycs"}, "Argument expected for the --check-hash-based-pycs options\n"},
      {{"--check-hash-based-pycs", "sometimes"},
       "--check-hash-based-pycs must be one of 'default', 'always', or 'never'\n"},
  };
  for (const Case& c : cases) {
    INFO(c.args.front());
    auto r = run_config(c.args);
    CHECK(r.status.is_exit());
    CHECK(r.exit_code == 2);
    CHECK(r.out.empty());
    CHECK(r.err == c.first_line + usage);
  }
}

TEST_CASE("getopt: --check-hash-based-pycs takes its value from the next argument", "[getopt]") {
  for (const char* mode : {"always", "never", "default"}) {
    auto r = run_config({"--check-hash-based-pycs", mode, "-c", ""});
    REQUIRE(r.status.is_ok());
    CHECK(r.config.check_hash_pycs_mode == mode);
  }
  CHECK(run_config({"-c", ""}).config.check_hash_pycs_mode == "default");
}

TEST_CASE("getopt: -V and -VV", "[getopt]") {
  auto v = run_config({"-V", "-c", "print(1)"});
  CHECK(v.status.is_exit());
  CHECK(v.out == "Python 3.14.0\n");
  auto vv = run_config({"-V", "--version"});
  CHECK(vv.out.rfind("Python 3.14.0 (gopy ", 0) == 0);
  CHECK(vv.out.find(") [") != std::string::npos);
  CHECK(vv.out.back() == '\n');
}

TEST_CASE("getopt: scanner oddities kept from CPython", "[getopt]") {
  // A cluster ending in '-': "Expected long option", and the options end there.
  auto dash_end = run_config({"-B-", "-c", "x"});
  REQUIRE(dash_end.status.is_ok());
  CHECK(dash_end.err == "Expected long option\n");
  CHECK(dash_end.config.run_filename == "/tmp/case/-c");
  CHECK(dash_end.config.write_bytecode == 0);
  // ':' is found in the option string: a usage error without a first line.
  auto colon = run_config({"-:"});
  CHECK(colon.exit_code == 2);
  CHECK(colon.err.rfind("usage: ", 0) == 0);
  // After an unknown long option the pre-configuration pass reads on through its
  // letters: "--X" takes the next argument as a -X option, as CPython does.
  auto long_x = run_config({"--X", "utf8=2"});
  CHECK(long_x.exit_code == 1);
  CHECK(long_x.err.find("invalid -X utf8 option value") != std::string::npos);
}

TEST_CASE("getopt: any argument vector ends in ok / exit 0 or 2 / a fatal error", "[getopt]") {
  // Deterministic pseudo-random command lines over the option alphabet and odd bytes.
  const std::string alphabet = "-bBcdEhiImOPqRsStuvVWxX?:=Z \xc3\xa9" "0123";
  std::uint32_t state = 12345;
  auto next = [&state] {
    state = state * 1103515245u + 12345u;
    return (state >> 16) & 0x7FFF;
  };
  for (int round = 0; round < 2000; ++round) {
    Strings args;
    const int count = static_cast<int>(next() % 5);
    for (int i = 0; i < count; ++i) {
      std::string arg;
      const int length = static_cast<int>(next() % 6);
      for (int j = 0; j < length; ++j) arg += alphabet[next() % alphabet.size()];
      args.push_back(arg);
    }
    auto r = run_config(args);
    INFO(round);
    if (r.status.is_ok()) {
      CHECK_FALSE(r.config.argv.empty());
    } else {
      CHECK((r.exit_code == 0 || r.exit_code == 1 || r.exit_code == 2));
    }
  }
}
