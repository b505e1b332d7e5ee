// The sys plugin's configuration view, run for real: each cli vector whose `-c` program
// prints sys attributes runs in a runtime whose active configuration was read from the
// case's command line and environment; its stdout must be the vector's.
#include <catch2/catch.hpp>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "config_test_support.hpp"
#include "gopy/config_sys.hpp"
#include "gopy/object_textio.hpp"
#include "gopy/state.hpp"
#include "runtime_fixture.hpp"

namespace json = boost::json;

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size()) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

// The output of `source` run with the plugins' contexts showing the configuration of `r`.
gopy::test::RunResult run_with(const gopy::test::ConfigRun& r, const std::string& source) {
  const gopy::test::RuntimeConfig config{r.config, r.preconfig};
  return gopy::test::run_source(source, "", &config);
}

}  // namespace

TEST_CASE("sys_view: struct sequences and attributes", "[sys]") {
  auto r = gopy::test::run_config({"-X", "dev", "-W", "error", "-c", "pass", "x"});
  REQUIRE(r.status.is_ok());
  auto out = run_with(r,
                      "import sys\n"
                      "print(sys.flags.dev_mode, sys.flags.gil, len(sys.flags), sys.flags[13])\n"
                      "print(sys.version_info, sys.version_info[:2], sys.version_info >= (3, 14))\n"
                      "print(sys.version_info.major, sys.implementation.version.minor)\n"
                      "print(sys.hash_info.algorithm, sys.hash_info.modulus == 2**61 - 1)\n"
                      "print(sys.argv, sys.warnoptions, sys._xoptions)\n"
                      "print(sys.version.startswith('3.14.0 (gopy '))\n");
  CHECK(out.err == "");
  CHECK(out.out ==
        "True 1 18 True\n"
        "sys.version_info(major=3, minor=14, micro=0, releaselevel='final', serial=0) (3, 14) True\n"
        "3 14\n"
        "siphash13 True\n"
        "['-c', 'x'] ['default', 'error'] {'dev': True}\n"
        "True\n");
}

TEST_CASE("sys_view: struct sequences are read-only", "[sys]") {
  auto r = gopy::test::run_config({"-c", "pass"});
  auto out = run_with(r,
                      "import sys\n"
                      "try:\n"
                      "    sys.flags.debug = 1\n"
                      "except AttributeError as e:\n"
                      "    print('AttributeError', e)\n");
  CHECK(out.out == "AttributeError readonly attribute\n");
}

TEST_CASE("sys_view: the cli vectors that print sys attributes", "[sys][vectors]") {
  const std::filesystem::path dir = std::filesystem::path(GOPY_VECTORS_DIR) / "cli";
  int checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const json::value doc = json::parse(text.str());
    for (const auto& item : doc.at("cases").as_array()) {
      const json::object& c = item.as_object();
      std::vector<std::string> args;
      for (const auto& a : c.at("argv").as_array()) args.emplace_back(a.as_string());
      const auto* out = c.if_contains("stdout");
      if (args.size() < 2 || args[0] != "-c" || out == nullptr || c.if_contains("files") ||
          c.if_contains("stdin") || args[1].rfind("import sys", 0) != 0 ||
          args[1].find("hash(") != std::string::npos || args[1].find("stdout") != std::string::npos) {
        continue;
      }
      std::map<std::string, std::optional<std::string>> env;
      if (const auto* e = c.if_contains("env")) {
        for (const auto& [key, value] : e->as_object()) {
          env[std::string(key)] = value.is_null() ? std::nullopt
                                                  : std::optional<std::string>(value.as_string());
        }
      }
      auto r = gopy::test::run_config(args, env);
      if (!r.status.is_ok()) continue;
      INFO(std::string(c.at("name").as_string()));
      auto result = run_with(r, *r.config.run_command);
      CHECK(result.out ==
            replace_all(std::string(out->as_string()), "@ARGV0@", gopy::test::kProgram));
      // run_source returns the status before the process truncates it to a byte.
      CHECK((result.exit_code & 0xFF) == c.at("exit_code").as_int64());
      ++checked;
    }
  }
  WARN("cli vectors run through the sys view: " << checked);
  CHECK(checked >= 60);
}

TEST_CASE("sys_view: sys.stdin and sys.stdout take the configuration's error handler", "[sys]") {
  auto r = gopy::test::run_config({"-c", "pass"}, {{"LC_ALL", "C"}});
  REQUIRE(r.config.stdio_errors == "surrogateescape");
  const gopy::test::RuntimeConfig config{r.config, r.preconfig};
  gopy::ThreadState* ts = gopy::test::start_runtime({}, &config);
  auto errors_of = [](gopy::Object* stream) {
    return static_cast<gopy::TextIOObject*>(stream)->errors;
  };
  CHECK(errors_of(ts->interp->stdout_obj) == "surrogateescape");
  CHECK(errors_of(ts->interp->stdin_obj) == "surrogateescape");
  CHECK(errors_of(ts->interp->stderr_obj) == "backslashreplace");
  gopy::test::stop_runtime(ts);
}
