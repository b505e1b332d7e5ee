// The cli vectors, checked at the configuration level: usage errors, help and version
// texts, fatal errors (text and exit code), and the `sys` values a `-c` program prints
// when it only prints configuration-derived attributes of sys. Cases that need the
// interpreter (running code, scripts, -m, tracebacks) are left to the end-to-end runner.
#include <catch2/catch.hpp>

#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "config_test_support.hpp"
#include "gopy/config_sys.hpp"

namespace json = boost::json;
using gopy::test::ConfigRun;

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t pos = 0; (pos = text.find(from, pos)) != std::string::npos; pos += to.size()) {
    text.replace(pos, from.size(), to);
  }
  return text;
}

std::string list_repr(const std::vector<std::string>& items) {
  std::string repr = "[";
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i) repr += ", ";
    repr += gopy::python_str_repr(items[i]);
  }
  return repr + "]";
}

// str() of one `sys...` expression, or nullopt when it is not a configuration value.
std::optional<std::string> sys_value(const std::string& expr, const ConfigRun& r) {
  const gopy::Config& c = r.config;
  if (expr == "sys.flags") return gopy::sys_flags_repr(c, r.preconfig);
  if (expr.rfind("sys.flags.", 0) == 0) {
    for (const gopy::SysFlag& flag : gopy::sys_flags(c, r.preconfig)) {
      if (expr.substr(10) == flag.name) {
        return flag.is_bool ? (flag.value ? "True" : "False") : std::to_string(flag.value);
      }
    }
    return std::nullopt;
  }
  if (expr == "sys.argv") return list_repr(c.argv);
  if (expr == "sys.orig_argv") return list_repr(c.orig_argv);
  if (expr == "sys.warnoptions") return list_repr(c.warnoptions);
  if (expr == "sys.dont_write_bytecode") return c.write_bytecode ? "False" : "True";
  if (expr == "sys.pycache_prefix") return c.pycache_prefix.value_or("None");
  if (expr == "sys._xoptions") {
    std::string repr = "{";
    bool first = true;
    for (const gopy::XOption& x : gopy::sys_xoptions(c)) {
      if (!first) repr += ", ";
      first = false;
      repr += gopy::python_str_repr(x.key) + ": " +
              (x.value ? gopy::python_str_repr(*x.value) : std::string("True"));
    }
    return repr + "}";
  }
  return std::nullopt;
}

// What `import sys; print(a, b, ...)` prints, when every argument is a sys value.
std::optional<std::string> expected_print(const std::string& program, const ConfigRun& r) {
  static const std::regex shape(R"(import sys[;\n] ?print\(([^()]*)\)\n?)");
  std::smatch match;
  if (!std::regex_match(program, match, shape)) return std::nullopt;
  std::string line;
  std::stringstream args(match[1].str());
  std::string expr;
  bool first = true;
  while (std::getline(args, expr, ',')) {
    while (!expr.empty() && expr.front() == ' ') expr.erase(0, 1);
    auto value = sys_value(expr, r);
    if (!value) return std::nullopt;
    line += (first ? "" : " ") + *value;
    first = false;
  }
  return line + "\n";
}

struct Tally {
  int checked = 0;
  int skipped = 0;
};

void check_case(const json::object& c, Tally& tally) {
  const std::string name(c.at("name").as_string());
  std::vector<std::string> args;
  for (const auto& a : c.at("argv").as_array()) args.emplace_back(a.as_string());
  std::map<std::string, std::optional<std::string>> env;
  if (const auto* e = c.if_contains("env")) {
    for (const auto& [key, value] : e->as_object()) {
      env[std::string(key)] = value.is_null() ? std::nullopt
                                              : std::optional<std::string>(value.as_string());
    }
  }
  ConfigRun r = gopy::test::run_config(args, env);
  const int expected_exit = static_cast<int>(c.at("exit_code").as_int64());
  auto expected_text = [&](const char* key) -> std::optional<std::string> {
    const auto* v = c.if_contains(key);
    if (v == nullptr) return std::nullopt;
    return replace_all(std::string(v->as_string()), "@ARGV0@", gopy::test::kProgram);
  };
  INFO(name);
  if (!r.status.is_ok()) {
    // The configuration ended the run: everything printed is ours to match.
    ++tally.checked;
    CHECK(r.exit_code == expected_exit);
    if (auto out = expected_text("stdout")) CHECK(r.out == *out);
    if (auto err = expected_text("stderr")) CHECK(r.err == *err);
    if (const auto* re = c.if_contains("stdout_regex")) {
      CHECK(std::regex_match(r.out, std::regex(std::string(re->as_string()))));
    }
    return;
  }
  // The run goes on into the interpreter. What the configuration printed so far must
  // begin the expected stderr; a program printing sys values is checked here.
  if (auto err = expected_text("stderr")) CHECK(err->rfind(r.err, 0) == 0);
  CHECK(r.out.empty());
  const std::string program = args.size() >= 2 && args[0] == "-c" ? args[1] : "";
  auto out = expected_text("stdout");
  auto predicted = expected_print(program, r);
  if (expected_exit == 0 && out && predicted) {
    ++tally.checked;
    CHECK(*predicted == *out);
  } else {
    ++tally.skipped;
  }
}

}  // namespace

TEST_CASE("vectors: cli vectors at the configuration level", "[vectors]") {
  const std::filesystem::path dir = std::filesystem::path(GOPY_VECTORS_DIR) / "cli";
  REQUIRE(std::filesystem::is_directory(dir));
  Tally tally;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".json") continue;
    std::ifstream in(entry.path());
    std::stringstream text;
    text << in.rdbuf();
    const json::value doc = json::parse(text.str());
    for (const auto& c : doc.at("cases").as_array()) check_case(c.as_object(), tally);
  }
  WARN("cli vectors checked at the configuration level: " << tally.checked << ", left to the "
       "interpreter: " << tally.skipped);
  CHECK(tally.checked >= 95);
}
