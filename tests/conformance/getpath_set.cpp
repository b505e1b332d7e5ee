// The "getpath" vector set: every case of tests/conformance/vectors/getpath (see its README) runs
// through the strategy for its os_name over a virtual file system filled from the case,
// and its outputs are compared with what CPython 3.14's getpath.py produced.
#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <boost/json.hpp>

#include "gopy/getpath_nt.hpp"
#include "gopy/getpath_posix.hpp"
#include "getpath_case.hpp"
#include "virtual_fs.hpp"
#include "vector_set.hpp"

namespace gopy::conformance {
namespace {

namespace json = boost::json;
namespace pc = gopy::pathconfig;

using pc::need;
using pc::str_list;

// ---- the outputs as the vectors spell them -------------------------------------------

json::value to_json(const pc::OptString& s) {
  return s ? json::value(json::string(*s)) : json::value(nullptr);
}

// The input config with every key getpath writes overwritten (README "config (in/out)").
json::object output_config(const json::object& input, const pc::PathConfigOutput& out) {
  json::object cfg = input;
  cfg["program_name"] = to_json(out.program_name);
  cfg["home"] = to_json(out.home);
  cfg["executable"] = to_json(out.executable);
  cfg["base_executable"] = to_json(out.base_executable);
  cfg["prefix"] = to_json(out.prefix);
  cfg["exec_prefix"] = to_json(out.exec_prefix);
  cfg["base_prefix"] = to_json(out.base_prefix);
  cfg["base_exec_prefix"] = to_json(out.base_exec_prefix);
  cfg["platlibdir"] = json::string(out.platlibdir);
  cfg["stdlib_dir"] = json::string(out.stdlib_dir);
  cfg["platstdlib_dir"] = json::string(out.platstdlib_dir);
  if (out.module_search_paths) {
    json::array paths;
    for (const auto& p : *out.module_search_paths) paths.emplace_back(json::string(p));
    cfg["module_search_paths"] = std::move(paths);
    cfg["module_search_paths_set"] = 1;
  }
  if (out.is_python_build) cfg["_is_python_build"] = 1;
  if (out.pth_flags) {
    cfg["isolated"] = out.pth_flags->isolated ? 1 : 0;
    cfg["use_environment"] = out.pth_flags->use_environment ? 1 : 0;
    cfg["site_import"] = out.pth_flags->site_import ? 1 : 0;
    cfg["safe_path"] = out.pth_flags->safe_path ? 1 : 0;
  }
  return cfg;
}

// JSON equality where an int equals the same int whatever its storage kind.
bool same_value(const json::value& a, const json::value& b) {
  bool a_int = a.is_int64() || a.is_uint64();
  bool b_int = b.is_int64() || b.is_uint64();
  if (a_int && b_int) return a.to_number<std::int64_t>() == b.to_number<std::int64_t>();
  if (a.is_array() && b.is_array()) {
    const auto& x = a.get_array();
    const auto& y = b.get_array();
    if (x.size() != y.size()) return false;
    for (std::size_t i = 0; i < x.size(); ++i) {
      if (!same_value(x[i], y[i])) return false;
    }
    return true;
  }
  return a == b;
}

// One "what differed" entry per mismatching key.
void diff_config(const json::object& expected, const json::object& actual,
                 std::vector<std::string>& diffs) {
  for (const auto& [key, value] : expected) {
    const json::value* got = actual.if_contains(key);
    if (!got) {
      diffs.push_back("config." + std::string(key) + " missing (expected " +
                      json::serialize(value) + ")");
    } else if (!same_value(value, *got)) {
      diffs.push_back("config." + std::string(key) + " expected " + json::serialize(value) +
                      ", got " + json::serialize(*got));
    }
  }
  for (const auto& [key, value] : actual) {
    if (!expected.if_contains(key)) {
      diffs.push_back("config." + std::string(key) + " unexpected (got " +
                      json::serialize(value) + ")");
    }
  }
}

void diff_warnings(const json::value& expected, const std::vector<std::string>& actual,
                   std::vector<std::string>& diffs) {
  std::vector<std::string> want = str_list(&expected);
  if (want == actual) return;
  json::array got;
  for (const auto& w : actual) got.emplace_back(json::string(w));
  diffs.push_back("warnings expected " + json::serialize(expected) + ", got " +
                  json::serialize(got));
}

void diff_global(const json::object& globals, const char* key, const pc::OptString& actual,
                 std::vector<std::string>& diffs) {
  const json::value* want = globals.if_contains(key);
  if (!want) return;
  json::value got = to_json(actual);
  if (!same_value(*want, got)) {
    diffs.push_back(std::string("globals.") + key + " expected " + json::serialize(*want) +
                    ", got " + json::serialize(got));
  }
}

// The status, and the exception the script raised when there is one.
std::string describe_failure(const Status& status, const pc::PathConfigOutput& out) {
  std::string text = status.to_string();
  if (out.error) text += " (" + out.error->type + ": " + out.error->message + ")";
  return text;
}

// Runs one case; returns what differed (empty when it passes).
std::vector<std::string> run_case(const json::object& c) {
  pc::PathConfigRequest request = pc::request_from_case(c);
  bool nt = request.os_name == pc::OsName::nt;
  pc::VirtualFileSystem fs(nt ? pc::nt_path_syntax() : pc::posix_path_syntax());
  pc::fill_virtual_fs(need(c, "fs").as_object(), fs);
  pc::PathConfigOutput out;
  Status status = nt ? pc::compute_nt_path_config(request, fs, out)
                     : pc::compute_posix_path_config(request, fs, out);

  std::vector<std::string> diffs;
  const auto& expected = need(c, "expected").as_object();
  const json::value& want_error = need(expected, "error");
  if (!want_error.is_null()) {
    std::string type(need(want_error.as_object(), "type").as_string());
    if (status.is_ok()) {
      diffs.push_back("expected " + type + ", but the calculation succeeded");
    } else if (!out.error || out.error->type != type) {
      diffs.push_back("expected " + type + ", got: " + describe_failure(status, out));
    }
    return diffs;
  }
  if (!status.is_ok()) {
    diffs.push_back("calculation failed: " + describe_failure(status, out));
    return diffs;
  }
  diff_warnings(need(expected, "warnings"), out.warnings, diffs);
  diff_config(need(expected, "config").as_object(),
              output_config(need(c, "config").as_object(), out), diffs);
  if (const auto* globals = expected.if_contains("globals")) {
    diff_global(globals->as_object(), "build_prefix", out.build_prefix, diffs);
    diff_global(globals->as_object(), "venv_prefix", out.venv_prefix, diffs);
  }
  return diffs;
}

std::string join_diffs(const std::vector<std::string>& diffs) {
  std::string text;
  for (const auto& d : diffs) text += (text.empty() ? "" : "; ") + d;
  return text;
}

// Every *.json below the given directories (or the files themselves), sorted. False with
// `error` set when a directory cannot be read.
bool vector_files(const std::vector<std::string>& dirs, std::vector<std::filesystem::path>& files,
                  std::string& error) {
  namespace fs = std::filesystem;
  for (const auto& dir : dirs) {
    std::error_code ec;
    if (fs::is_regular_file(dir, ec)) {
      files.emplace_back(dir);
      continue;
    }
    if (!fs::is_directory(dir, ec)) {
      error = dir + ": not a directory of getpath vectors";
      return false;
    }
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
      if (it->is_regular_file() && it->path().extension() == ".json") files.push_back(it->path());
    }
    if (ec) {
      error = dir + ": " + ec.message();
      return false;
    }
  }
  std::sort(files.begin(), files.end());
  return true;
}

// The "cases" array of a vector file, or nullptr with `error` set.
const json::array* read_cases(const std::filesystem::path& file, json::value& doc,
                              std::string& error) {
  std::ifstream in(file, std::ios::binary);
  if (!in) {
    error = file.string() + ": cannot read";
    return nullptr;
  }
  std::stringstream text;
  text << in.rdbuf();
  json::error_code ec;
  doc = json::parse(text.str(), ec);
  if (ec) {
    error = file.string() + ": invalid JSON (" + ec.message() + ")";
    return nullptr;
  }
  const json::value* cases = doc.is_object() ? doc.get_object().if_contains("cases") : nullptr;
  if (!cases || !cases->is_array()) {
    error = file.string() + ": expected an object with a \"cases\" array";
    return nullptr;
  }
  return &cases->get_array();
}

struct OsTally {
  int passed = 0, failed = 0;
};

SetResult run_getpath_set(const std::vector<std::string>& dirs, const RunOptions& options,
                          std::ostream& out) {
  SetResult result;
  std::vector<std::filesystem::path> files;
  if (!vector_files(dirs, files, result.error)) return result;
  std::map<std::string, OsTally> per_os{{"posix", {}}, {"darwin", {}}, {"nt", {}}};
  std::set<std::string> seen;
  for (const auto& file : files) {
    json::value doc;
    const json::array* cases = read_cases(file, doc, result.error);
    if (!cases) return result;
    for (const auto& case_value : *cases) {
      const json::object* c = case_value.if_object();
      const json::value* name_value = c ? c->if_contains("name") : nullptr;
      if (!name_value || !name_value->is_string()) {
        result.error = file.string() + ": a case without a string \"name\"";
        return result;
      }
      std::string name(name_value->get_string());
      if (!seen.insert(name).second) {
        result.error = file.string() + ": case name '" + name + "' is repeated";
        return result;
      }
      const json::value* os_value = c->if_contains("os_name");
      std::string os = os_value && os_value->is_string() ? std::string(os_value->get_string())
                                                          : std::string("posix");
      std::string what;
      try {
        what = join_diffs(run_case(*c));
      } catch (const std::exception& e) {
        what = std::string("malformed case: ") + e.what();
      }
      if (what.empty()) {
        ++result.passed;
        ++per_os[os].passed;
        if (options.verbose) out << "PASS " << name << "\n";
      } else {
        out << "FAIL " << name << ": " << what << "\n";
        ++result.failed;
        ++per_os[os].failed;
        result.failed_names.push_back(name);
      }
    }
  }
  for (const auto& os : {"posix", "darwin", "nt"}) {
    out << os << ": " << per_os[os].passed << " passed, " << per_os[os].failed << " failed\n";
  }
  return result;
}

const SetRegistration registration("getpath", &run_getpath_set);

}  // namespace
}  // namespace gopy::conformance
