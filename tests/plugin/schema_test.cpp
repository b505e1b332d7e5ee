// manifests/manifest.schema.json and the kernel's validation agree: every shipped manifest
// satisfies the schema, and every invalid fixture the schema can judge is rejected by both,
// at the same key.
//
// The checker below implements just the JSON Schema keywords the manifest schema uses; it
// is test code, so the kernel carries no schema engine.
#include <catch2/catch.hpp>

// GCC 12 at -O1 (the sanitizer tree) reports a false -Wmaybe-uninitialized inside
// <regex>'s automaton; the pattern keyword is the only user.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#include <regex>
#pragma GCC diagnostic pop

#include <boost/json.hpp>

#include "gopy/plugin_host.hpp"
#include "plugin_dir.hpp"

namespace json = boost::json;
namespace fs = std::filesystem;

namespace {

std::string str(const json::string& s) { return std::string(s.data(), s.size()); }

// The first schema violation, named the way the kernel names keys ("attach[0].order",
// "abi.patch"; a missing key by its own name; the document itself "(top level)").
class SchemaChecker {
 public:
  explicit SchemaChecker(json::value schema) : root_(std::move(schema)) {}

  // "" when `doc` is valid, else the key where it is not.
  std::string first_error(const json::value& doc) const { return check(root_, doc, ""); }

 private:
  static std::string child(const std::string& at, const std::string& key) {
    return at.empty() ? key : at + "." + key;
  }
  static std::string here(const std::string& at) { return at.empty() ? "(top level)" : at; }

  const json::value& resolve(const json::value& schema) const {
    const json::object& s = schema.as_object();
    if (const json::value* ref = s.if_contains("$ref")) {
      std::string target = str(ref->as_string());
      const std::string prefix = "#/$defs/";
      REQUIRE(target.rfind(prefix, 0) == 0);
      return root_.at("$defs").at(target.substr(prefix.size()));
    }
    return schema;
  }

  static bool has_type(const json::value& v, const std::string& type) {
    if (type == "object") return v.is_object();
    if (type == "array") return v.is_array();
    if (type == "string") return v.is_string();
    if (type == "integer") return v.is_int64() || v.is_uint64();
    FAIL("schema type not supported by the checker: " << type);
    return false;
  }

  static double number(const json::value& v) {
    return v.is_int64() ? static_cast<double>(v.get_int64())
                        : v.is_uint64() ? static_cast<double>(v.get_uint64()) : v.as_double();
  }

  std::string check(const json::value& schema_in, const json::value& v, const std::string& at) const {
    const json::value& schema = resolve(schema_in);
    const json::object& s = schema.as_object();
    for (const auto& kv : s) {
      std::string keyword = str(json::string(kv.key()));
      const json::value& arg = kv.value();
      std::string error;
      if (keyword == "type") {
        if (!has_type(v, str(arg.as_string()))) return here(at);
      } else if (keyword == "enum") {
        bool found = false;
        for (const json::value& option : arg.as_array()) found = found || option == v;
        if (!found) return here(at);
      } else if (keyword == "minLength" && v.is_string()) {
        if (v.as_string().size() < arg.to_number<std::size_t>()) return here(at);
      } else if (keyword == "pattern" && v.is_string()) {
        if (!std::regex_search(str(v.as_string()), std::regex(str(arg.as_string()))))
          return here(at);
      } else if (keyword == "minimum" && (v.is_int64() || v.is_uint64())) {
        if (number(v) < number(arg)) return here(at);
      } else if (keyword == "maximum" && (v.is_int64() || v.is_uint64())) {
        if (number(v) > number(arg)) return here(at);
      } else if (keyword == "minItems" && v.is_array()) {
        if (v.as_array().size() < arg.to_number<std::size_t>()) return here(at);
      } else if (keyword == "uniqueItems" && v.is_array() && arg.as_bool()) {
        const json::array& a = v.as_array();
        for (std::size_t i = 0; i < a.size(); ++i)
          for (std::size_t j = 0; j < i; ++j)
            if (a[i] == a[j]) return at + "[" + std::to_string(i) + "]";
      } else if (keyword == "items" && v.is_array()) {
        const json::array& a = v.as_array();
        for (std::size_t i = 0; i < a.size(); ++i) {
          error = check(arg, a[i], at + "[" + std::to_string(i) + "]");
          if (!error.empty()) return error;
        }
      } else if (keyword == "additionalProperties" && v.is_object() && !arg.as_bool()) {
        const json::object& props = s.at("properties").as_object();
        for (const auto& member : v.as_object())
          if (!props.contains(member.key())) return child(at, str(json::string(member.key())));
      } else if (keyword == "required" && v.is_object()) {
        for (const json::value& name : arg.as_array())
          if (!v.as_object().contains(name.as_string())) return child(at, str(name.as_string()));
      } else if (keyword == "properties" && v.is_object()) {
        for (const auto& member : v.as_object()) {
          const json::value* sub = arg.as_object().if_contains(member.key());
          if (sub == nullptr) continue;
          error = check(*sub, member.value(), child(at, str(json::string(member.key()))));
          if (!error.empty()) return error;
        }
      } else if (keyword == "not") {
        if (check(arg, v, at).empty()) return here(at);
      } else if (keyword == "anyOf") {
        bool any = false;
        for (const json::value& option : arg.as_array()) any = any || check(option, v, at).empty();
        if (!any) return here(at);
      }
    }
    return {};
  }

  json::value root_;
};

SchemaChecker load_schema() {
  return SchemaChecker(json::parse(plugin_test::read_file(fs::path(GOPY_TEST_MANIFESTS) / "manifest.schema.json")));
}

// The key an error line names: "... key 'attach[0].order': ..." -> "attach[0].order".
std::string key_of(const std::string& line) {
  auto start = line.find(": key '");
  if (start == std::string::npos) return {};
  start += 7;
  return line.substr(start, line.find('\'', start) - start);
}

}  // namespace

TEST_CASE("schema: every shipped manifest satisfies the schema", "[schema]") {
  SchemaChecker schema = load_schema();
  std::size_t checked = 0;
  for (const auto& entry : fs::directory_iterator(GOPY_TEST_MANIFESTS)) {
    if (entry.path().extension() != ".json" || entry.path().filename() == "manifest.schema.json")
      continue;
    INFO(entry.path());
    CHECK(schema.first_error(json::parse(plugin_test::read_file(entry.path()))) == "");
    ++checked;
  }
  CHECK(checked >= 5);
}

TEST_CASE("schema: each invalid fixture is rejected by schema and kernel at the same key",
          "[schema]") {
  // An unknown key is an error for the schema (what authors check against) and a warning
  // naming the same key for the kernel (a newer manifest must still load).
  SchemaChecker schema = load_schema();
  plugin_test::TempDir tmp;
  fs::path dir = plugin_test::copy_fixtures(tmp, "single");
  gopy::plugin::Plan plan = gopy::plugin::discover({dir}, "linux");
  std::size_t judged = 0;
  for (const gopy::plugin::Candidate& c : plan.candidates) {
    INFO(c.file);
    std::string line = c.reason;
    if (c.state != gopy::plugin::Candidate::State::invalid) {
      for (const std::string& warning : plan.warnings)
        if (warning.find(c.file.string() + ":") != std::string::npos) line = warning;
      REQUIRE_THAT(line, Catch::EndsWith("unknown key, ignored"));
    }
    boost::system::error_code ec;
    json::value doc = json::parse(plugin_test::read_file(c.file), ec);
    if (ec) continue;  // not JSON: nothing for a schema to say
    std::string kernel_key = key_of(line);
    if (kernel_key.empty()) kernel_key = "(top level)";
    CHECK(schema.first_error(doc) == kernel_key);
    ++judged;
  }
  CHECK(judged + 1 == plan.candidates.size());
}

TEST_CASE("schema: rules spanning manifests are the kernel's alone", "[schema]") {
  // Each manifest of these sets is valid on its own; discovery rejects the set.
  SchemaChecker schema = load_schema();
  for (const char* set : {"cycle", "missing_requirement", "late_requirement"}) {
    for (const auto& entry : fs::directory_iterator(fs::path(GOPY_TEST_FIXTURES) / set)) {
      INFO(entry.path());
      CHECK(schema.first_error(json::parse(plugin_test::read_file(entry.path()))) == "");
    }
  }
}
