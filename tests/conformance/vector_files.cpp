#include "vector_files.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace gopy::conformance {
namespace fs = std::filesystem;
namespace json = boost::json;

namespace {

// Thrown inside this file only, caught by the loaders and turned into their error text.
struct VectorError {
  std::string message;
};

[[noreturn]] void fail(const std::string& where, const std::string& what) { throw VectorError{where + ": " + what}; }

const json::value* member(const json::object& object, const char* key) {
  auto it = object.find(key);
  return it == object.end() ? nullptr : &it->value();
}

std::string as_string(const json::value& value, const std::string& where) {
  if (!value.is_string()) fail(where, "expected a string");
  return std::string(value.get_string());
}

std::optional<std::string> optional_string(const json::object& object, const char* key, const std::string& where) {
  const json::value* value = member(object, key);
  if (value == nullptr) return std::nullopt;
  return as_string(*value, where + "." + key);
}

std::string required_string(const json::object& object, const char* key, const std::string& where) {
  auto value = optional_string(object, key, where);
  if (!value) fail(where, std::string("missing member '") + key + "'");
  return *value;
}

int required_int(const json::object& object, const char* key, const std::string& where) {
  const json::value* value = member(object, key);
  if (value == nullptr) fail(where, std::string("missing member '") + key + "'");
  if (!value->is_int64() && !value->is_uint64()) fail(where + "." + key, "expected an integer");
  return static_cast<int>(value->to_number<int64_t>());
}

std::vector<std::string> string_list(const json::object& object, const char* key, const std::string& where,
                                     bool required) {
  const json::value* value = member(object, key);
  if (value == nullptr) {
    if (required) fail(where, std::string("missing member '") + key + "'");
    return {};
  }
  if (!value->is_array()) fail(where + "." + key, "expected an array of strings");
  std::vector<std::string> items;
  for (const auto& item : value->get_array()) items.push_back(as_string(item, where + "." + key));
  return items;
}

FileList file_list(const json::object& object, const std::string& where) {
  const json::value* value = member(object, "files");
  if (value == nullptr) return {};
  if (!value->is_object()) fail(where + ".files", "expected an object");
  FileList files;
  for (const auto& entry : value->get_object()) {
    std::string key(entry.key());
    files.emplace_back(key, as_string(entry.value(), where + ".files." + key));
  }
  return files;
}

// Applied in order, as the JSON object lists them.
EnvChanges env_changes(const json::object& object, const std::string& where, bool allow_null) {
  const json::value* value = member(object, "env");
  if (value == nullptr) return {};
  if (!value->is_object()) fail(where + ".env", "expected an object");
  EnvChanges changes;
  for (const auto& entry : value->get_object()) {
    std::string key(entry.key());
    if (allow_null && entry.value().is_null()) {
      changes.emplace_back(key, std::nullopt);
    } else {
      changes.emplace_back(key, as_string(entry.value(), where + ".env." + key));
    }
  }
  return changes;
}

std::vector<fs::path> vector_files_in(const std::vector<std::string>& dirs) {
  std::vector<fs::path> all;
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (!fs::is_directory(dir, ec)) fail(dir, "not a directory");
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
      if (entry.is_regular_file() && entry.path().extension() == ".json") files.push_back(entry.path());
    }
    if (ec) fail(dir, ec.message());
    std::sort(files.begin(), files.end());
    all.insert(all.end(), files.begin(), files.end());
  }
  return all;
}

// Parses one file and returns its "cases" array.
json::array read_cases(const fs::path& file) {
  std::ifstream stream(file, std::ios::binary);
  std::stringstream text;
  text << stream.rdbuf();
  if (!stream) fail(file.string(), "cannot read");
  boost::system::error_code ec;
  json::value document = json::parse(text.str(), ec);
  if (ec) fail(file.string(), "invalid JSON: " + ec.message());
  if (!document.is_object()) fail(file.string(), "expected an object with a 'cases' array");
  const json::value* cases = member(document.get_object(), "cases");
  if (cases == nullptr || !cases->is_array()) fail(file.string(), "expected an object with a 'cases' array");
  return cases->get_array();
}

// Tracks names across every folder given: a repeat is an error naming both files.
class NameRegistry {
 public:
  void add(const std::string& name, const fs::path& file) {
    auto [it, inserted] = seen_.emplace(name, file.string());
    if (!inserted) fail(file.string(), "case name '" + name + "' repeats a case of " + it->second);
  }

 private:
  std::map<std::string, std::string> seen_;
};

template <typename Case, typename ReadCase>
bool load_cases(const std::vector<std::string>& dirs, std::vector<Case>& cases, std::string& error,
                ReadCase read_case) {
  cases.clear();
  try {
    NameRegistry names;
    for (const auto& file : vector_files_in(dirs)) {
      json::array entries = read_cases(file);
      for (size_t i = 0; i < entries.size(); ++i) {
        std::string where = file.string() + ": cases[" + std::to_string(i) + "]";
        if (!entries[i].is_object()) fail(where, "expected an object");
        Case parsed = read_case(entries[i].get_object(), where, file);
        names.add(parsed.name, file);
        cases.push_back(std::move(parsed));
      }
    }
  } catch (const VectorError& e) {
    error = e.message;
    return false;
  }
  return true;
}

}  // namespace

bool load_cli_cases(const std::vector<std::string>& dirs, std::vector<CliCase>& cases, std::string& error) {
  return load_cases(dirs, cases, error, [](const json::object& o, const std::string& where, const fs::path&) {
    CliCase c;
    c.name = required_string(o, "name", where);
    std::string at = where + " (" + c.name + ")";
    c.argv = string_list(o, "argv", at, true);
    c.env = env_changes(o, at, true);
    c.stdin_data = optional_string(o, "stdin", at).value_or("");
    c.files = file_list(o, at);
    c.exit_code = required_int(o, "exit_code", at);
    c.stdout_text = optional_string(o, "stdout", at);
    c.stdout_regex = optional_string(o, "stdout_regex", at);
    c.stderr_text = optional_string(o, "stderr", at);
    c.stderr_regex = optional_string(o, "stderr_regex", at);
    c.stderr_last_line = optional_string(o, "stderr_last_line", at);
    return c;
  });
}

bool load_run_cases(const std::vector<std::string>& dirs, std::vector<RunCase>& cases, std::string& error) {
  return load_cases(dirs, cases, error, [](const json::object& o, const std::string& where, const fs::path& file) {
    RunCase c;
    c.group = file.stem().string();
    c.name = required_string(o, "name", where);
    std::string at = where + " (" + c.name + ")";
    c.files = file_list(o, at);
    c.main = required_string(o, "main", at);
    c.argv = string_list(o, "argv", at, false);
    c.stdin_data = optional_string(o, "stdin", at).value_or("");
    c.env = env_changes(o, at, false);
    std::string mode = optional_string(o, "stderr_mode", at).value_or("traceback");
    if (mode == "last_line") {
      c.stderr_mode = StderrMode::last_line;
    } else if (mode != "traceback") {
      fail(at + ".stderr_mode", "expected \"traceback\" or \"last_line\", got \"" + mode + "\"");
    }
    c.exit_code = required_int(o, "exit", at);
    c.stdout_text = required_string(o, "stdout", at);
    c.stderr_text = required_string(o, "stderr", at);
    return c;
  });
}

}  // namespace gopy::conformance
