// Locale coercion (PEP 538) and UTF-8 mode (PEP 540).
#include <catch2/catch.hpp>

#include "config_test_support.hpp"

using gopy::test::run_config;

TEST_CASE("preconfig: the C locale turns UTF-8 mode on", "[preconfig]") {
  CHECK(run_config({"-c", ""}).preconfig.utf8_mode == 0);
  CHECK(run_config({"-c", ""}, {{"LC_ALL", "C"}}).preconfig.utf8_mode == 1);
  CHECK(run_config({"-c", ""}, {{"LC_ALL", "POSIX"}}).preconfig.utf8_mode == 1);
  CHECK(run_config({"-X", "utf8=0", "-c", ""}, {{"LC_ALL", "C"}}).preconfig.utf8_mode == 0);
  CHECK(run_config({"-c", ""}, {{"LC_ALL", "C"}, {"PYTHONUTF8", "0"}}).preconfig.utf8_mode == 0);
  CHECK(run_config({"-I", "-c", ""}, {{"LC_ALL", "C"}}).preconfig.utf8_mode == 1);
}

TEST_CASE("preconfig: an empty environment coerces the C locale", "[preconfig]") {
  gopy::MapEnvironment env;
  gopy::PreConfig pre = gopy::PreConfig::python();
  REQUIRE(gopy::preconfig_read(pre, {"gopy"}, env).is_ok());
  CHECK(pre.coerce_c_locale == 2);
  CHECK(pre.utf8_mode == 1);
  std::string err;
  gopy::PreConfig applied;
  gopy::ConsoleOutput console{[](std::string_view) {}, [&](std::string_view t) { err += t; }};
  REQUIRE(gopy::preconfig_write(pre, applied, env, console).is_ok());
  CHECK(env.get("LC_CTYPE") == "C.UTF-8");
  CHECK(err.empty());
  CHECK_FALSE(gopy::legacy_locale_warning(applied, env).has_value());
}

TEST_CASE("preconfig: PYTHONCOERCECLOCALE=warn and =0", "[preconfig]") {
  auto warn = run_config({"-c", ""},
                         {{"LC_ALL", std::nullopt}, {"LC_CTYPE", "C"}, {"PYTHONCOERCECLOCALE", "warn"}});
  CHECK(warn.err ==
        "Python detected LC_CTYPE=C: LC_CTYPE coerced to C.UTF-8 (set another locale or "
        "PYTHONCOERCECLOCALE=0 to disable this locale coercion behavior).\n");
  auto off = run_config({"-c", ""},
                        {{"LC_ALL", std::nullopt}, {"LC_CTYPE", "C"}, {"PYTHONCOERCECLOCALE", "0"}});
  CHECK(off.preconfig.coerce_c_locale == 0);
  CHECK(off.preconfig.utf8_mode == 1);
  CHECK(off.err.empty());
}

TEST_CASE("preconfig: LC_ALL=C with warn: no coercion / the legacy-locale warning later", "[preconfig]") {
  gopy::MapEnvironment env({{"LC_ALL", "C"}, {"PYTHONCOERCECLOCALE", "warn"}});
  gopy::PreConfig pre = gopy::PreConfig::python();
  REQUIRE(gopy::preconfig_read(pre, {"gopy"}, env).is_ok());
  CHECK(pre.coerce_c_locale == 0);
  gopy::PreConfig applied;
  REQUIRE(gopy::preconfig_write(pre, applied, env).is_ok());
  auto warning = gopy::legacy_locale_warning(applied, env);
  REQUIRE(warning.has_value());
  CHECK(warning->rfind("Python runtime initialized with LC_CTYPE=C", 0) == 0);
}

TEST_CASE("preconfig: stdio and file system encodings", "[preconfig]") {
  auto base = run_config({"-c", ""});
  CHECK(base.config.stdio_encoding == "utf-8");
  CHECK(base.config.stdio_errors == "surrogateescape");
  CHECK(base.config.filesystem_encoding == "utf-8");
  auto io = run_config({"-c", ""}, {{"PYTHONIOENCODING", "latin1"}});
  CHECK(io.config.stdio_encoding == "latin1");
  CHECK(io.config.stdio_errors == "strict");
  auto errors_only = run_config({"-c", ""}, {{"PYTHONIOENCODING", ":replace"}});
  CHECK(errors_only.config.stdio_encoding == "utf-8");
  CHECK(errors_only.config.stdio_errors == "replace");
}
