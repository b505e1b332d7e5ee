// Reading one getpath case (tests/conformance/vectors/getpath, see its README): the
// request and the virtual file system. Shared by gopy-conformance's getpath set and the
// getpath fuzz target.
#include "getpath_case.hpp"

#include <stdexcept>

namespace gopy::pathconfig {

namespace json = boost::json;

// obj[key], or an error naming the missing key.
const json::value& need(const json::object& obj, const char* key) {
  const json::value* v = obj.if_contains(key);
  if (!v) throw std::runtime_error(std::string("missing key '") + key + "'");
  return *v;
}

std::vector<std::string> str_list(const json::value* v) {
  std::vector<std::string> items;
  if (!v || v->is_null()) return items;
  for (const auto& item : v->as_array()) items.emplace_back(item.as_string());
  return items;
}

namespace {

// A str field, "" for null or absent.
std::string str_or_empty(const json::object& obj, const char* key) {
  const json::value* v = obj.if_contains(key);
  return (v && v->is_string()) ? std::string(v->get_string()) : std::string();
}

OptString opt_str(const json::object& obj, const char* key) {
  const json::value* v = obj.if_contains(key);
  if (!v || v->is_null()) return std::nullopt;
  return std::string(v->as_string());
}

// An int field read for truth; `fallback` when null or absent.
std::int64_t int_or(const json::object& obj, const char* key, std::int64_t fallback) {
  const json::value* v = obj.if_contains(key);
  if (!v || v->is_null()) return fallback;
  if (v->is_bool()) return v->get_bool() ? 1 : 0;
  return v->to_number<std::int64_t>();
}

OsName parse_os_name(const std::string& name) {
  if (name == "posix") return OsName::posix;
  if (name == "darwin") return OsName::darwin;
  if (name == "nt") return OsName::nt;
  throw std::runtime_error("unknown os_name '" + name + "'");
}

}  // namespace

PathConfigRequest request_from_case(const json::object& c) {
  PathConfigRequest r;
  r.os_name = parse_os_name(std::string(need(c, "os_name").as_string()));
  const auto& k = need(c, "constants").as_object();
  r.constants.PREFIX = str_or_empty(k, "PREFIX");
  r.constants.EXEC_PREFIX = str_or_empty(k, "EXEC_PREFIX");
  r.constants.PYTHONPATH = str_or_empty(k, "PYTHONPATH");
  r.constants.VPATH = str_or_empty(k, "VPATH");
  r.constants.PLATLIBDIR = str_or_empty(k, "PLATLIBDIR");
  r.constants.PYDEBUGEXT = str_or_empty(k, "PYDEBUGEXT");
  r.constants.EXE_SUFFIX = str_or_empty(k, "EXE_SUFFIX");
  r.constants.VERSION_MAJOR = static_cast<int>(int_or(k, "VERSION_MAJOR", 3));
  r.constants.VERSION_MINOR = static_cast<int>(int_or(k, "VERSION_MINOR", 14));
  r.constants.ABI_THREAD = str_or_empty(k, "ABI_THREAD");
  r.constants.PYWINVER = str_or_empty(k, "PYWINVER");
  r.constants.WITH_NEXT_FRAMEWORK = int_or(k, "WITH_NEXT_FRAMEWORK", 0) != 0;
  const auto& env = need(c, "env").as_object();
  r.env.PATH = str_or_empty(env, "PATH");
  r.env.PYTHONHOME = str_or_empty(env, "PYTHONHOME");
  r.env.PYTHONEXECUTABLE = str_or_empty(env, "PYTHONEXECUTABLE");
  r.env.PYVENV_LAUNCHER = str_or_empty(env, "__PYVENV_LAUNCHER__");
  const auto& rt = need(c, "runtime").as_object();
  r.runtime.real_executable = str_or_empty(rt, "real_executable");
  r.runtime.executable_dir = str_or_empty(rt, "executable_dir");
  r.runtime.library = str_or_empty(rt, "library");
  r.runtime.py_setpath = str_or_empty(rt, "py_setpath");
  r.cwd = std::string(need(c, "cwd").as_string());
  const auto& cfg = need(c, "config").as_object();
  r.config.program_name = opt_str(cfg, "program_name");
  r.config.home = opt_str(cfg, "home");
  r.config.executable = opt_str(cfg, "executable");
  r.config.base_executable = opt_str(cfg, "base_executable");
  r.config.prefix = opt_str(cfg, "prefix");
  r.config.exec_prefix = opt_str(cfg, "exec_prefix");
  r.config.base_prefix = opt_str(cfg, "base_prefix");
  r.config.base_exec_prefix = opt_str(cfg, "base_exec_prefix");
  r.config.pythonpath_env = opt_str(cfg, "pythonpath_env");
  r.config.module_search_paths = str_list(cfg.if_contains("module_search_paths"));
  r.config.module_search_paths_set = int_or(cfg, "module_search_paths_set", 0) != 0;
  r.config.stdlib_dir = opt_str(cfg, "stdlib_dir");
  r.config.platlibdir = opt_str(cfg, "platlibdir");
  r.config.orig_argv = str_list(cfg.if_contains("orig_argv"));
  r.config.use_environment = int_or(cfg, "use_environment", 1) != 0;
  r.config.is_python_build = static_cast<int>(int_or(cfg, "_is_python_build", 0));
  return r;
}

void fill_virtual_fs(const json::object& fs_json, VirtualFileSystem& fs) {
  for (const auto& [path, lines] : need(fs_json, "files").as_object()) {
    fs.add_file(std::string(path), str_list(&lines));
  }
  for (const auto& p : str_list(fs_json.if_contains("xfiles"))) fs.add_xfile(p);
  for (const auto& p : str_list(fs_json.if_contains("dirs"))) fs.add_dir(p);
  if (const auto* links = fs_json.if_contains("links")) {
    for (const auto& [path, target] : links->as_object()) {
      fs.add_link(std::string(path), std::string(target.as_string()));
    }
  }
  for (const auto& p : str_list(fs_json.if_contains("unreadable"))) fs.add_unreadable(p);
  for (const auto& p : str_list(fs_json.if_contains("oserror"))) fs.add_oserror(p);
}

}  // namespace gopy::pathconfig
