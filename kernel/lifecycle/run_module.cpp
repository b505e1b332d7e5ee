// `gopy -m module` and a directory holding __main__.py: finding a module's source on
// sys.path (or its parent package's __path__) without executing it, then running it as
// __main__. CPython: Lib/runpy.py _run_module_as_main, _get_module_details,
// _get_main_module_details, _run_code.
#include <sys/stat.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <vector>

#include "gopy/bytecode_cache.hpp"
#include "gopy/eval.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "gopy/sys_streams.hpp"
#include "gopy/warnings.hpp"
#include "lifecycle/run_main_impl.hpp"

namespace gopy {

namespace {

// runpy's _Error: a message printed as "<sys.executable>: <message>", exit code 1.
struct RunpyError {
  std::string message;
};

struct ModuleDetails {
  std::string name;     // the module actually run (pkg.__main__ for a package)
  std::string origin;   // its source file
  std::string package;  // __package__
  Ref<> spec;           // found through importlib: its spec and loader.get_code()'s code
  Ref<> code;
};

bool is_regular_file(const std::string& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

// The str items of a path list as file names (bytes); an item that names no file (a
// surrogate that stands for no byte) is passed over.
std::vector<std::string> str_items(Object* list) {
  std::vector<std::string> out;
  if (!list || !is_list(list)) return out;
  for (Object* p : static_cast<ListObject*>(list)->items)
    if (std::string bytes; is_str(p) && str_fs_encode(as_str(p), &bytes)) out.push_back(std::move(bytes));
  return out;
}

Interpreter* interp() { return get_thread_state()->interp; }

ModuleObject* loaded_module(const std::string& name) {
  Object* m = dict_get_str(interp()->modules, name);
  return m && m->type == &module_type ? static_cast<ModuleObject*>(m) : nullptr;
}

std::string quoted(const std::string& s) { return "'" + s + "'"; }

struct FoundSpec {
  std::string origin;
  bool is_package = false;
};

// CPython: importlib.util.find_spec for a source module or a regular package, its parent
// package already imported. `error` is set when the module could not be looked for
// (parent missing or not a package); nothing found gives std::nullopt.

std::optional<FoundSpec> find_source_spec(const std::string& name, std::optional<RunpyError>* error) {
  size_t dot = name.rfind('.');
  std::vector<std::string> dirs;
  if (dot != std::string::npos) {
    std::string parent = name.substr(0, dot);
    ModuleObject* pkg = loaded_module(parent);
    if (!pkg) {
      *error = RunpyError{"Error while finding module specification for " + quoted(name) +
                          " (ModuleNotFoundError: No module named " + quoted(parent) + ")"};
      return std::nullopt;
    }
    Object* path = dict_get_str(pkg->dict, "__path__");
    if (!path) {
      *error = RunpyError{"Error while finding module specification for " + quoted(name) +
                          " (ModuleNotFoundError: __path__ attribute not found on " + quoted(parent) +
                          " while trying to find " + quoted(name) + ")"};
      return std::nullopt;
    }
    dirs = str_items(path);
  } else if (interp()->sys_module) {
    dirs = str_items(dict_get_str(interp()->sys_module->dict, "path"));
  }
  std::string last = name.substr(dot == std::string::npos ? 0 : dot + 1);
  for (const std::string& dir : dirs) {
    std::string base = dir.empty() ? last : dir + "/" + last;
    if (is_regular_file(base + "/__init__.py")) return FoundSpec{base + "/__init__.py", true};
    if (is_regular_file(base + ".py")) return FoundSpec{base + ".py", false};
  }
  return std::nullopt;
}

// Imports `package` as runpy does before looking for a submodule: a missing ancestor is
// left for find_spec to report; any other failure propagates (false, exception set).
bool import_parent(const std::string& package) {
  Object* r = interp()->import_hook(interp(), intern(package), nullptr, None(), 0);
  if (r) {
    decref(r);
    return true;
  }
  if (!error_matches(&exc_ImportError)) return false;
  Object* exc = current_error();
  Object* missing = exception_get_attr(exc, "name");
  if (!missing || !is_str(missing)) return false;
  const std::string& m = as_str(missing)->utf8;
  if (m != package && package.rfind(m + ".", 0) != 0) return false;
  clear_error();
  return true;
}

// runpy._get_module_details for source modules and regular packages only, for gopy
// without its library (no importlib.util to ask).
bool source_module_details(const std::string& name, ModuleDetails* details, std::optional<RunpyError>* error) {
  if (name.empty() || name[0] == '.') {
    *error = RunpyError{"Relative module names not supported"};
    return false;
  }
  size_t dot = name.rfind('.');
  if (dot != std::string::npos && !import_parent(name.substr(0, dot))) return false;
  std::optional<FoundSpec> spec = find_source_spec(name, error);
  if (*error) {
    if (name.size() > 3 && name.compare(name.size() - 3, 3, ".py") == 0)
      error->value().message += ". Try using " + quoted(name.substr(0, name.size() - 3)) + " instead of " +
                                quoted(name) + " as the module name.";
    return false;
  }
  if (!spec) {
    *error = RunpyError{"No module named " + name};
    return false;
  }
  if (spec->is_package) {
    if (name == "__main__" || (name.size() > 9 && name.compare(name.size() - 9, 9, ".__main__") == 0)) {
      *error = RunpyError{"Cannot use package as __main__ module"};
      return false;
    }
    // The package itself is imported first; then its __main__ submodule is what runs.
    if (!import_parent(name) || !loaded_module(name)) return false;
    if (!source_module_details(name + ".__main__", details, error)) {
      if (*error && loaded_module(name))
        error->value().message += "; " + quoted(name) + " is a package and cannot be directly executed";
      return false;
    }
    return true;
  }
  details->name = name;
  details->origin = spec->origin;
  details->package = dot == std::string::npos ? "" : name.substr(0, dot);
  return true;
}

std::string repr_text(Object* o, const std::string& fallback) {
  Ref<> r = Ref<>::steal(object_repr(o));
  if (r) return as_str(r.get())->utf8;
  clear_error();
  return fallback;
}

std::string str_text(Object* o) {
  Ref<> s = Ref<>::steal(object_str(o));
  if (s) return as_str(s.get())->utf8;
  clear_error();
  return "<exception str() failed>";
}

bool ends_with(const std::string& s, const std::string& tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

// Moves the pending exception into `error` as runpy's _Error, when it is one of the types
// runpy catches (`prefix` + its str()); otherwise it stays pending.
bool error_from_pending(std::initializer_list<TypeObject*> types, const std::string& prefix,
                        std::optional<RunpyError>* error, bool with_type) {
  bool caught = false;
  for (TypeObject* t : types) caught = caught || error_matches(t);
  if (!caught) return false;
  Ref<> exc = Ref<>::steal(fetch_error());
  std::string text = with_type ? std::string(type_name(exc.get())) + ": " + str_text(exc.get()) : str_text(exc.get());
  *error = RunpyError{prefix + text};
  return true;
}

// CPython: runpy._get_module_details, with importlib.util.find_spec (any finder: source,
// sourceless, plugin and built-in modules, namespace packages, zip archives on
// sys.path, modules already in sys.modules). Fills `details`, or `error`, or leaves a
// Python exception pending (returns false in the last two cases).
bool get_module_details(const std::string& name, ModuleDetails* details, std::optional<RunpyError>* error) {
  if (!name.empty() && name[0] == '.') {
    *error = RunpyError{"Relative module names not supported"};
    return false;
  }
  Ref<> name_str = Ref<>::steal(new_str(name));
  size_t dot = name.rfind('.');
  if (dot != std::string::npos) {
    std::string package = name.substr(0, dot);
    if (!import_parent(package)) return false;
    // Already imported under its own name (os.path by os): run anyway, with a warning.
    Object* existing = dict_get_str(interp()->modules, name);
    if (existing && existing != None()) {
      int lookup_error = 0;
      Ref<> path = Ref<>::steal(lookup_attr(existing, intern("__path__"), &lookup_error));
      if (lookup_error) return false;
      // runpy is frozen in CPython 3.14: the warning names <frozen runpy>, line 130.
      if (!path && warn_explicit(&exc_RuntimeWarning,
                                 repr_text(name_str.get(), quoted(name)) + " found in sys.modules after import of package " +
                                     quoted(package) + ", but prior to execution of " +
                                     repr_text(name_str.get(), quoted(name)) + "; this may result in unpredictable behaviour",
                                 "<frozen runpy>", 130) < 0)
        return false;
    }
  }
  Object* fromlist = new_tuple_from({intern("find_spec")});
  Ref<> util = Ref<>::steal(interp()->import_hook(interp(), intern("importlib.util"), nullptr, fromlist, 0));
  decref(fromlist);
  if (!util) {
    if (!error_matches(&exc_ImportError)) return false;
    clear_error();
    return source_module_details(name, details, error);
  }
  Object* arg = name_str.get();
  Ref<> spec = Ref<>::steal(call_method(util.get(), "find_spec", &arg, 1));
  if (!spec) {
    std::string prefix = "Error while finding module specification for " + repr_text(name_str.get(), quoted(name)) + " (";
    if (!error_from_pending({&exc_ImportError, &exc_AttributeError, &exc_TypeError, &exc_ValueError}, prefix, error, true))
      return false;
    error->value().message += ")";
    if (ends_with(name, ".py"))
      error->value().message += ". Try using " + quoted(name.substr(0, name.size() - 3)) + " instead of " + quoted(name) +
                                " as the module name.";
    return false;
  }
  if (spec.get() == None()) {
    *error = RunpyError{"No module named " + name};
    return false;
  }
  Ref<> locations = Ref<>::steal(get_attr(spec.get(), "submodule_search_locations"));
  if (!locations) return false;
  if (locations.get() != None()) {
    if (name == "__main__" || ends_with(name, ".__main__")) {
      *error = RunpyError{"Cannot use package as __main__ module"};
      return false;
    }
    if (!get_module_details(name + ".__main__", details, error)) {
      if (*error && dict_get_str(interp()->modules, name))
        error->value().message += "; " + repr_text(name_str.get(), quoted(name)) + " is a package and cannot be directly executed";
      return false;
    }
    return true;
  }
  Ref<> loader = Ref<>::steal(get_attr(spec.get(), "loader"));
  if (!loader) return false;
  if (loader.get() == None()) {
    *error = RunpyError{repr_text(name_str.get(), quoted(name)) + " is a namespace package and cannot be executed"};
    return false;
  }
  Ref<> code = Ref<>::steal(call_method(loader.get(), "get_code", &arg, 1));
  if (!code) {
    error_from_pending({&exc_ImportError}, "", error, false);
    return false;
  }
  if (code.get() == None()) {
    *error = RunpyError{"No code object available for " + name};
    return false;
  }
  Ref<> origin = Ref<>::steal(get_attr(spec.get(), "origin"));
  if (!origin) return false;
  details->name = name;
  if (is_str(origin.get()) && !str_fs_encode(as_str(origin.get()), &details->origin)) clear_error();
  details->spec = std::move(spec);
  details->code = std::move(code);
  return true;
}

void set_str(DictObject* d, const char* key, const std::string& value) {
  Object* s = new_str(value);
  dict_set_str(d, key, s);
  decref(s);
}

// __main__'s __spec__ (named as the module run, not "__main__"), __loader__ and
// __cached__, from importlib's spec for its file (CPython: runpy._run_module_as_main
// passes the spec importlib.util.find_spec found). Without gopy's importlib (no library),
// they are None and __cached__ names the cache file.
bool set_main_spec(ModuleObject* m, const ModuleDetails& details) {
  Object* fromlist = new_tuple_from({intern("__name__")});
  Object* boot = interp()->import_hook(interp(), intern("importlib._bootstrap"), nullptr, fromlist, 0);
  decref(fromlist);
  Object* spec = nullptr;
  if (boot) {
    Object* args[2] = {new_str(details.name), new_str_fs(details.origin)};
    spec = call_method(boot, "spec_from_file_location", args, 2);
    decref(args[0]);
    decref(args[1]);
    decref(boot);
    if (!spec) return false;
  } else if (error_matches(&exc_ImportError)) {
    clear_error();
  } else {
    return false;
  }
  Object* loader = spec ? get_attr(spec, "loader") : new_ref(None());
  Object* cached = spec ? get_attr(spec, "cached") : new_str_fs(cache_from_source(details.origin));
  bool ok = loader && cached;
  if (ok) {
    dict_set_str(m->dict, "__spec__", spec ? spec : None());
    dict_set_str(m->dict, "__loader__", loader);
    dict_set_str(m->dict, "__cached__", cached);
  }
  xdecref(loader);
  xdecref(cached);
  xdecref(spec);
  return ok;
}

// CPython: runpy._run_code: __main__'s globals from the spec importlib found.
int run_spec_code_as_main(const ModuleDetails& details, bool inspect) {
  ModuleObject* m = main_module();
  if (!m) return finish_main_run(nullptr, inspect);
  Object* spec = details.spec.get();
  Ref<> origin = Ref<>::steal(get_attr(spec, "origin"));
  Ref<> cached = origin ? Ref<>::steal(get_attr(spec, "cached")) : Ref<>();
  Ref<> loader = cached ? Ref<>::steal(get_attr(spec, "loader")) : Ref<>();
  Ref<> parent = loader ? Ref<>::steal(get_attr(spec, "parent")) : Ref<>();
  if (!parent) return finish_main_run(nullptr, inspect);
  set_str(m->dict, "__name__", "__main__");
  dict_set_str(m->dict, "__file__", origin.get());
  dict_set_str(m->dict, "__cached__", cached.get());
  dict_set_str(m->dict, "__doc__", None());
  dict_set_str(m->dict, "__loader__", loader.get());
  dict_set_str(m->dict, "__package__", parent.get());
  dict_set_str(m->dict, "__spec__", spec);
  return finish_main_run(exec_code(details.code.get(), m->dict), inspect);
}

// CPython: runpy._run_code with __main__'s namespace; the code comes through the
// bytecode cache (loader.get_code), and __cached__ names its cache file (spec.cached).
int run_code_as_main(const ModuleDetails& details, bool inspect) {
  if (details.code) return run_spec_code_as_main(details, inspect);
  Object* file = new_str_fs(details.origin);
  Object* code = source_code(details.origin, as_str(file)->utf8);
  ModuleObject* m = code ? main_module() : nullptr;
  if (!m) {
    decref(file);
    xdecref(code);
    return finish_main_run(nullptr, inspect);
  }
  set_str(m->dict, "__name__", "__main__");
  dict_set_str(m->dict, "__file__", file);
  decref(file);
  set_str(m->dict, "__package__", details.package);
  dict_set_str(m->dict, "__doc__", None());
  if (!set_main_spec(m, details)) {
    decref(code);
    return finish_main_run(nullptr, inspect);
  }
  Object* r = exec_code(code, m->dict);
  decref(code);
  return finish_main_run(r, inspect);
}

std::string sys_executable() {
  if (interp()->sys_module)
    if (Object* e = dict_get_str(interp()->sys_module->dict, "executable"); e && is_str(e))
      return as_str(e)->utf8;
  return "gopy";
}

int report_runpy_error(const RunpyError& error) {
  flush_std_streams();
  sys_write_stderr(sys_executable() + ": " + error.message + "\n");
  flush_std_streams();
  return 1;
}

}  // namespace

// CPython: Modules/main.c pymain_run_module -> runpy._run_module_as_main
int run_module_as_main(const std::string& name, bool alter_argv, bool inspect) {
  ModuleDetails details;
  std::optional<RunpyError> error;
  bool found;
  // CPython made __main__ at start-up (add_main_module): `-m __main__` finds it there.
  if (!main_module()) return finish_main_run(nullptr, inspect);
  // CPython: _run_module_as_main: only a directory or zip run (argv kept) hides __main__.
  if (name == "__main__" && !alter_argv) {
    // CPython: runpy._get_main_module_details: __main__ is hidden while looking.
    {
      Ref<> saved = Ref<>::borrow(dict_get_str(interp()->modules, "__main__"));
      Ref<> key = Ref<>::steal(new_str("__main__"));
      if (saved) dict_del_item(interp()->modules, key.get());
      found = get_module_details(name, &details, &error);
      if (saved) dict_set_item(interp()->modules, key.get(), saved.get());
    }
    if (!found && error && error->message.find("__main__") != std::string::npos) {
      std::string path0;
      if (interp()->sys_module) {
        auto path = str_items(dict_get_str(interp()->sys_module->dict, "path"));
        if (!path.empty()) path0 = path.front();
      }
      Object* path0_str = new_str_fs(path0);
      Object* repr = object_repr(path0_str);
      decref(path0_str);
      error->message = "can't find '__main__' module in " + (repr ? as_str(repr)->utf8 : quoted(path0));
      xdecref(repr);
    }
  } else {
    found = get_module_details(name, &details, &error);
  }
  if (!found) {
    if (error) return report_runpy_error(*error);
    return finish_main_run(nullptr, inspect);
  }
  if (alter_argv && interp()->sys_module) {
    Object* argv = dict_get_str(interp()->sys_module->dict, "argv");
    if (argv && is_list(argv) && !static_cast<ListObject*>(argv)->items.empty()) {
      auto& items = static_cast<ListObject*>(argv)->items;
      decref(items[0]);
      items[0] = new_str_fs(details.origin);
    }
  }
  return run_code_as_main(details, inspect);
}

}  // namespace gopy
