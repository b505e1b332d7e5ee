// The real process environment: variables through getenv/setenv, the locale through
// setlocale. Each test restores what it changed.
#include <catch2/catch.hpp>

#include <clocale>
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include "gopy/config.hpp"

namespace {

// Sets a variable for the scope of one test.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    ::setenv(name, value, 1);
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }
  ScopedEnv(const ScopedEnv&) = delete;
  ScopedEnv& operator=(const ScopedEnv&) = delete;

 private:
  const char* name_;
  std::optional<std::string> old_;
};

}  // namespace

TEST_CASE("process_env: reading from the process environment", "[process]") {
  ScopedEnv locale("LC_ALL", "C.UTF-8");
  ScopedEnv optimize("PYTHONOPTIMIZE", "2");
  ScopedEnv warnings("PYTHONWARNINGS", "error,once");
  gopy::Environment& env = gopy::process_environment();
  CHECK(env.get("PYTHONOPTIMIZE") == "2");
  CHECK(env.ctype_locale() == "C.UTF-8");
  CHECK(env.has_locale("C"));
  CHECK_FALSE(env.has_locale("no_such_locale.XYZ"));

  const std::vector<std::string> argv{"gopy", "-W", "ignore", "-c", "pass"};
  gopy::PreConfig pre = gopy::PreConfig::python();
  REQUIRE(gopy::preconfig_read(pre, argv).is_ok());
  CHECK(pre.utf8_mode == 0);
  CHECK(pre.coerce_c_locale == 0);
  gopy::Config config = gopy::Config::python();
  std::string out, err;
  gopy::ConsoleOutput console{[&](std::string_view t) { out += t; },
                              [&](std::string_view t) { err += t; }};
  REQUIRE(gopy::config_read(config, pre, argv, gopy::process_environment(), console).is_ok());
  CHECK(config.optimization_level == 2);
  CHECK(config.warnoptions == std::vector<std::string>{"error", "once", "ignore"});
  CHECK(config.stdio_encoding == "utf-8");
  CHECK(out.empty());
  CHECK(err.empty());
  // Reading left the C library's locale as it was.
  CHECK(std::string(std::setlocale(LC_CTYPE, nullptr)) == "C");
}

TEST_CASE("process_env: variables lists the environment, unset removes one", "[process]") {
  ScopedEnv set("GOPY_TEST_LISTED", "listed value");
  gopy::Environment& env = gopy::process_environment();
  auto has = [&](const std::string& name, const std::string& value) {
    for (const auto& [n, v] : env.variables())
      if (n == name) return v == value;
    return false;
  };
  CHECK(has("GOPY_TEST_LISTED", "listed value"));
  env.unset("GOPY_TEST_LISTED");
  CHECK_FALSE(env.get("GOPY_TEST_LISTED"));
  CHECK_FALSE(has("GOPY_TEST_LISTED", "listed value"));
}

TEST_CASE("process_env: a map environment lists and unsets its own variables", "[process]") {
  gopy::MapEnvironment env{{"B", "2"}, {"A", "1"}};
  env.set("C", "3");
  env.unset("B");
  using Vars = std::vector<std::pair<std::string, std::string>>;
  CHECK(env.variables() == Vars{{"A", "1"}, {"C", "3"}});
}
