// The configuration's gate: env < command line < explicit settings after read(), and
// the isolated preset ignoring the environment.
#include <catch2/catch.hpp>

#include "config_test_support.hpp"
#include "gopy/config_spec.hpp"
#include "gopy/config_sys.hpp"

using gopy::test::run_config;

TEST_CASE("gate: -X int_max_str_digits overrides PYTHONINTMAXSTRDIGITS", "[gate]") {
  auto from_env = run_config({"-c", "pass"}, {{"PYTHONINTMAXSTRDIGITS", "9000"}});
  REQUIRE(from_env.status.is_ok());
  CHECK(from_env.config.int_max_str_digits == 9000);
  auto both = run_config({"-X", "int_max_str_digits=700", "-c", "pass"},
                         {{"PYTHONINTMAXSTRDIGITS", "9000"}});
  REQUIRE(both.status.is_ok());
  CHECK(both.config.int_max_str_digits == 700);
  auto neither = run_config({"-c", "pass"});
  CHECK(neither.config.int_max_str_digits == 4300);
}

TEST_CASE("gate: -X utf8=0 overrides PYTHONUTF8=1", "[gate]") {
  CHECK(run_config({"-c", "pass"}, {{"PYTHONUTF8", "1"}}).preconfig.utf8_mode == 1);
  auto both = run_config({"-X", "utf8=0", "-c", "pass"}, {{"PYTHONUTF8", "1"}});
  REQUIRE(both.status.is_ok());
  CHECK(both.preconfig.utf8_mode == 0);
  CHECK(run_config({"-X", "utf8", "-c", "pass"}, {{"PYTHONUTF8", "0"}}).preconfig.utf8_mode == 1);
}

TEST_CASE("gate: levels: the larger of the environment and the command line wins", "[gate]") {
  CHECK(run_config({"-O", "-c", ""}, {{"PYTHONOPTIMIZE", "1"}}).config.optimization_level == 1);
  CHECK(run_config({"-OO", "-c", ""}, {{"PYTHONOPTIMIZE", "1"}}).config.optimization_level == 2);
  CHECK(run_config({"-O", "-c", ""}, {{"PYTHONOPTIMIZE", "2"}}).config.optimization_level == 2);
  CHECK(run_config({"-v", "-c", ""}, {{"PYTHONVERBOSE", "2"}}).config.verbose == 2);
  CHECK(run_config({"-c", ""}, {{"PYTHONOPTIMIZE", "x"}}).config.optimization_level == 1);
  CHECK(run_config({"-c", ""}, {{"PYTHONOPTIMIZE", "-3"}}).config.optimization_level == 1);
  CHECK(run_config({"-c", ""}, {{"PYTHONOPTIMIZE", ""}}).config.optimization_level == 0);
  CHECK(run_config({"-c", ""}, {{"PYTHONOPTIMIZE", "0"}}).config.optimization_level == 0);
  CHECK(run_config({"-dd", "-c", ""}, {{"PYTHONDEBUG", "yes"}}).config.parser_debug == 2);
}

TEST_CASE("gate: flags that clear a default: -B / PYTHONDONTWRITEBYTECODE", "[gate]") {
  CHECK(run_config({"-c", ""}, {{"PYTHONDONTWRITEBYTECODE", "1"}}).config.write_bytecode == 0);
  CHECK(run_config({"-c", ""}, {{"PYTHONDONTWRITEBYTECODE", "0"}}).config.write_bytecode == 1);
  CHECK(run_config({"-B", "-c", ""}).config.write_bytecode == 0);
  CHECK(run_config({"-E", "-c", ""}, {{"PYTHONDONTWRITEBYTECODE", "1"}}).config.write_bytecode == 1);
}

TEST_CASE("gate: a field set after read() wins over the command line and the environment", "[gate]") {
  gopy::MapEnvironment env({{"LC_ALL", "C.UTF-8"}, {"PYTHONOPTIMIZE", "2"}});
  const std::vector<std::string> argv{gopy::test::kProgram, "-O", "-v", "-c", "pass"};
  gopy::PreConfig pre = gopy::PreConfig::python();
  REQUIRE(gopy::preconfig_read(pre, argv, env).is_ok());
  gopy::Config config = gopy::Config::python();
  REQUIRE(gopy::config_read(config, pre, argv, env).is_ok());
  CHECK(config.optimization_level == 2);
  CHECK(config.verbose == 1);

  config.optimization_level = 0;
  config.verbose = 0;
  REQUIRE(gopy::set_int_by_name(config, pre, "quiet", 1).is_ok());
  // The initialization reads the configuration again: the explicit values stay.
  REQUIRE(gopy::config_read(config, pre, argv, env).is_ok());
  CHECK(config.optimization_level == 0);
  CHECK(config.verbose == 0);
  CHECK(config.quiet == 1);
  CHECK(config.argv == std::vector<std::string>{"-c"});
}

TEST_CASE("gate: a field set before read() combines as in CPython", "[gate]") {
  gopy::MapEnvironment env({{"LC_ALL", "C.UTF-8"}});
  const std::vector<std::string> argv{gopy::test::kProgram, "-b", "-c", "pass"};
  gopy::PreConfig pre = gopy::PreConfig::python();
  REQUIRE(gopy::preconfig_read(pre, argv, env).is_ok());
  gopy::Config config = gopy::Config::python();
  config.bytes_warning = 1;  // -b counts on top of it
  config.pycache_prefix = "/explicit";
  REQUIRE(gopy::config_read(config, pre, argv, env).is_ok());
  CHECK(config.bytes_warning == 2);
  CHECK(config.pycache_prefix == "/explicit");
  CHECK(config.warnoptions == std::vector<std::string>{"error::BytesWarning"});
}

TEST_CASE("gate: the isolated preset ignores the environment", "[gate]") {
  gopy::MapEnvironment env({{"LC_ALL", "C.UTF-8"},
                            {"PYTHONOPTIMIZE", "2"},
                            {"PYTHONUTF8", "1"},
                            {"PYTHONHASHSEED", "oops"},
                            {"PYTHONWARNINGS", "error"},
                            {"PYTHONINTMAXSTRDIGITS", "1000"},
                            {"PYTHONDEVMODE", "1"},
                            {"PYTHONPATH", "/somewhere"}});
  gopy::PreConfig pre = gopy::PreConfig::isolated_preset();
  REQUIRE(gopy::preconfig_read(pre, {}, env).is_ok());
  CHECK(pre.utf8_mode == 0);
  CHECK(pre.dev_mode == 0);
  gopy::Config config = gopy::Config::isolated_preset();
  config.argv = {"embedded"};
  REQUIRE(gopy::config_read(config, pre, {}, env).is_ok());
  CHECK(config.optimization_level == 0);
  CHECK(config.use_hash_seed == 0);
  CHECK(config.warnoptions.empty());
  CHECK(config.int_max_str_digits == 4300);
  CHECK(config.dev_mode == 0);
  CHECK_FALSE(config.pythonpath_env.has_value());
  CHECK(config.isolated == 1);
  CHECK(config.safe_path == 1);
  CHECK(config.user_site_directory == 0);
  // parse_argv is 0 in the isolated preset: argv is the program's, untouched.
  CHECK(config.argv == std::vector<std::string>{"embedded"});
}

TEST_CASE("gate: -I implies -E / -P and -s", "[gate]") {
  auto r = run_config({"-I", "-c", ""}, {{"PYTHONDEBUG", "1"}, {"PYTHONSAFEPATH", ""}});
  REQUIRE(r.status.is_ok());
  CHECK(r.config.isolated == 1);
  CHECK(r.config.use_environment == 0);
  CHECK(r.config.safe_path == 1);
  CHECK(r.config.user_site_directory == 0);
  CHECK(r.config.parser_debug == 0);
}

TEST_CASE("gate: -X dev: development mode / faulthandler / the debug allocator / 'default' warnings",
          "[gate]") {
  auto r = run_config({"-X", "dev", "-c", ""});
  REQUIRE(r.status.is_ok());
  CHECK(r.config.dev_mode == 1);
  CHECK(r.config.faulthandler == 1);
  CHECK(r.preconfig.allocator == static_cast<int>(gopy::AllocatorName::debug));
  CHECK(r.config.warnoptions == std::vector<std::string>{"default"});
  auto malloc_wins = run_config({"-X", "dev", "-c", ""}, {{"PYTHONMALLOC", "malloc"}});
  CHECK(malloc_wins.preconfig.allocator == static_cast<int>(gopy::AllocatorName::malloc));
}

TEST_CASE("gate: warnoptions order: dev / PYTHONWARNINGS / -W / -b / duplicates dropped", "[gate]") {
  auto r = run_config({"-b", "-W", "once", "-X", "dev", "-W", "module", "-c", ""},
                      {{"PYTHONWARNINGS", ",module,,error,"}});
  REQUIRE(r.status.is_ok());
  CHECK(r.config.warnoptions ==
        std::vector<std::string>{"default", "module", "error", "once", "default::BytesWarning"});
}

TEST_CASE("gate: xoptions keep command-line order / sys._xoptions replaces a repeated key in place",
          "[gate]") {
  auto r = run_config({"-X", "b=2", "-X", "a=1", "-Xc", "-X", "b=3", "-c", ""});
  REQUIRE(r.status.is_ok());
  CHECK(r.config.xoptions == std::vector<std::string>{"b=2", "a=1", "c", "b=3"});
  auto x = gopy::sys_xoptions(r.config);
  REQUIRE(x.size() == 3);
  CHECK(x[0].key == "b");
  CHECK(x[0].value == "3");
  CHECK(x[2].key == "c");
  CHECK_FALSE(x[2].value.has_value());
}
