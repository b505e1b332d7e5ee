// The import_stub plugin: `import` (CPython: Python/import.c
// PyImport_ImportModuleLevelObject). sys.modules answers first; otherwise the module is
// found and loaded by importlib._bootstrap._find_and_load over sys.meta_path, its parent
// package first (-X importtime times each). importlib._bootstrap itself, loaded on the
// first such import, and any import when gopy's library has no importlib, go through the
// native search below: built-in modules, module plugins, then source modules, packages,
// sourceless .pyc files and namespace packages on sys.path (through the bytecode cache).
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <string>

#include "gopy/builtin_modules.hpp"
#include "gopy/bytecode_cache.hpp"
#include "gopy/eval.hpp"
#include "gopy/module_plugins.hpp"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/fs_fault.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "gopy/plugin.hpp"
#include "gopy/plugin_context.hpp"
#include "gopy/state.hpp"
#include "module_plugin_finder.hpp"

namespace gopy::import_stub {
namespace {

bool is_file(const std::string& p) {
  if (fault::fs_error("stat", p.c_str()) != 0) return false;  // as a failing stat
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISREG(st.st_mode);
}

bool is_dir(const std::string& p) {
  if (fault::fs_error("stat", p.c_str()) != 0) return false;
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 && S_ISDIR(st.st_mode);
}

// Whether nothing is at `p`: stat fails with ENOENT or ENOTDIR. Any other failure (a
// loop, a name too long, a fault) might hide something the finders would report.
bool nothing_at(const std::string& p) {
  if (fault::fs_error("stat", p.c_str()) != 0) return false;
  struct stat st;
  return ::stat(p.c_str(), &st) != 0 && (errno == ENOENT || errno == ENOTDIR);
}

// PEP 420: a namespace package over the directories found (no __init__ in any of them),
// registered in sys.modules; its __path__ lists the portions in sys.path order.
// CPython: Lib/importlib/_bootstrap_external.py PathFinder._get_spec, NamespaceLoader.
Object* namespace_package(Interpreter* interp, const std::string& fullname, const std::vector<std::string>& portions,
                          Object* parent) {
  ModuleObject* m = new_module(fullname);
  ListObject* path = new_list();
  for (const std::string& dir : portions) {
    Object* d = new_str_fs(dir);
    (void)list_append(path, d);
    decref(d);
  }
  dict_set_str(m->dict, "__path__", path);
  decref(path);
  Object* pkg = new_str(fullname);
  dict_set_str(m->dict, "__package__", pkg);
  decref(pkg);
  dict_set_str(m->dict, "__file__", None());
  dict_set_str(interp->modules, fullname, m);
  if (parent && set_attr(parent, intern(fullname.substr(fullname.rfind('.') + 1)), m) < 0) clear_error();
  return m;
}

// ModuleNotFoundError(message, name=name).
std::nullptr_t raise_module_not_found(const std::string& message, const std::string& name) {
  // Owned from creation: std::bad_alloc part-way frees them.
  ORef exc = ORef::steal(new_exception(&exc_ModuleNotFoundError, message));
  if (!exc) return nullptr;
  auto* e = static_cast<BaseExceptionObject*>(exc.get());
  ORef n = ORef::steal(new_str(name));
  if (!e->dict) e->dict = new_dict();
  dict_set_str(e->dict, "name", n.get());
  raise_object(exc.get());
  return nullptr;
}

std::nullptr_t module_not_found(const std::string& name, const std::string& detail = "") {
  return raise_module_not_found("No module named '" + name + "'" + detail, name);
}

// CPython 3.14: FileFinder.__init__: '' and '.' are the current directory, a relative
// entry is made absolute, so module files (__file__, __cached__) have absolute names.
std::string absolute_dir(const std::string& dir) {
  if (dir.starts_with('/')) return dir;
  char cwd[4096];
  if (!::getcwd(cwd, sizeof cwd)) return dir;
  if (dir.empty() || dir == ".") return cwd;
  return std::string(cwd) + "/" + dir;
}

// The directories to search, as file names (bytes): the parent package's __path__, or
// sys.path. An entry that names no file (a surrogate that stands for no byte) is passed
// over.
std::vector<std::string> search_path(Interpreter* interp, Object* parent) {
  std::vector<std::string> dirs;
  Object* path = nullptr;
  if (parent && parent->type == &module_type) path = dict_get_str(static_cast<ModuleObject*>(parent)->dict, "__path__");
  else if (interp->sys_module) path = dict_get_str(interp->sys_module->dict, "path");
  if (path && is_list(path))
    for (Object* p : static_cast<ListObject*>(path)->items)
      if (std::string dir; is_str(p) && str_fs_encode(as_str(p), &dir)) dirs.push_back(absolute_dir(dir));
  return dirs;
}

// Finds, creates, registers and executes one module (its parent already imported).
Object* load_module(Interpreter* interp, const std::string& fullname, Object* parent) {
  std::string last = fullname.substr(fullname.rfind('.') + 1);
  std::vector<std::string> portions;  // directories without __init__: a namespace package
  for (const std::string& dir : search_path(interp, parent)) {
    std::string base = dir + "/" + last;
    std::string file;
    bool package = false;
    // CPython: FileFinder's order: the package's __init__ (source, then sourceless), then
    // the module (source, then a sourceless .pyc beside it).
    if (is_file(base + "/__init__.py")) {
      file = base + "/__init__.py";
      package = true;
    } else if (is_file(base + "/__init__.pyc")) {
      file = base + "/__init__.pyc";
      package = true;
    } else if (is_file(base + ".py")) {
      file = base + ".py";
    } else if (is_file(base + ".pyc")) {
      file = base + ".pyc";
    } else {
      if (is_dir(base)) portions.push_back(base);
      continue;
    }
    const bool sourceless = file.ends_with(".pyc");
    Object* f = new_str_fs(file);
    const std::string filename = as_str(f)->utf8;  // as tracebacks name it
    // An unreadable file is the loader's OSError (PermissionError, ...), as CPython's
    // SourceLoader.get_data raises it; the cache is used when it is valid.
    Object* code = sourceless ? sourceless_code(file, fullname) : source_code(file, filename);
    if (!code) {
      decref(f);
      return nullptr;
    }
    ModuleObject* m = new_module(fullname);
    dict_set_str(m->dict, "__file__", f);
    decref(f);
    Object* cached = new_str_fs(sourceless ? file : cache_from_source(file));
    dict_set_str(m->dict, "__cached__", cached);
    decref(cached);
    std::string pkg = package ? fullname : (fullname.find('.') == std::string::npos ? "" : fullname.substr(0, fullname.rfind('.')));
    Object* p = new_str(pkg);
    dict_set_str(m->dict, "__package__", p);
    decref(p);
    if (package) {
      ListObject* path = new_list();
      path->items.push_back(new_str_fs(base));
      dict_set_str(m->dict, "__path__", path);
      decref(path);
    }
    dict_set_str(m->dict, "__builtins__", interp->builtins_module);
    // Registered before it runs, so circular imports see the partial module.
    dict_set_str(interp->modules, fullname, m);
    Object* r = exec_code(code, m->dict);
    decref(code);
    if (!r) {
      // Forget the half-initialized module; the exception (and its traceback state) stays set.
      Object* key = new_str(fullname);
      if (dict_get_str(interp->modules, fullname)) dict_del_item(interp->modules, key);
      decref(key);
      decref(m);
      return nullptr;
    }
    decref(r);
    // The module object in sys.modules wins (a module may replace itself).
    Object* final_module = dict_get_str(interp->modules, fullname);
    Object* result = new_ref(final_module ? final_module : static_cast<Object*>(m));
    decref(m);
    if (parent) {
      if (set_attr(parent, intern(last), result) < 0) clear_error();
    }
    return result;
  }
  if (!portions.empty()) return namespace_package(interp, fullname, portions, parent);
  return module_not_found(fullname);
}

// -X importtime (PYTHONPROFILEIMPORTTIME): 0 off, 1 the table, 2 also the modules found in
// sys.modules ("cached"). Read from the configuration when the plugin attaches.
int import_time = 0;
bool import_time_header_printed = false;
int import_level = 0;
std::chrono::steady_clock::duration import_accumulated{};

// True while importlib._bootstrap itself is being loaded (through the native search).
bool bootstrapping = false;

Object* find_and_load(Interpreter* interp, const std::string& name);

void print_import_time_header() {
  if (import_time_header_printed) return;
  std::fputs("import time: self [us] | cumulative | imported package\n", stderr);
  import_time_header_printed = true;
}

// The module `name` (new reference): from sys.modules, or found and loaded.
// CPython: Python/import.c PyImport_ImportModuleLevelObject's import_get_module step.
Object* import_module(Interpreter* interp, const std::string& name) {
  Object* m = dict_get_str(interp->modules, name);
  if (m == None()) return raise_module_not_found("import of " + name + " halted; None in sys.modules", name);
  if (m) {
    if (import_time == 2) print_import_time_header();
    if (import_time == 2) std::fprintf(stderr, "import time: %9s | %10s | %*s%s\n", "cached", "cached", import_level * 2, "", name.c_str());
    return new_ref(m);
  }
  return find_and_load(interp, name);
}

int install_import_finders(Interpreter* interp);

// sys.meta_path, sys.path_hooks and sys.path_importer_cache, empty, where they are missing.
// Made now, they are no longer made on a first read: a program deleting one later deletes it.
void ensure_import_hook_slots(Interpreter* interp) {
  remove_lazy_sys_attributes(interp, install_import_finders);
  DictObject* sys = interp->sys_module->dict;
  auto ensure = [&](const char* name, Object* (*make)()) {
    if (dict_get_str(sys, name)) return;
    Object* value = make();
    if (value) dict_set_str(sys, name, value);
    xdecref(value);
  };
  ensure("meta_path", [] { return static_cast<Object*>(new_list()); });
  ensure("path_hooks", [] { return static_cast<Object*>(new_list()); });
  ensure("path_importer_cache", [] { return static_cast<Object*>(new_dict()); });
}

// importlib._bootstrap once it is loaded (borrowed), loading it on the first call: null
// while it is being loaded, or when gopy's library has no importlib (the native search
// then serves).
Object* bootstrap_module(Interpreter* interp) {
  if (Object* b = dict_get_str(interp->modules, "importlib._bootstrap")) return b;
  if (bootstrapping) return nullptr;
  ensure_import_hook_slots(interp);
  bootstrapping = true;
  Object* b = import_module(interp, "importlib._bootstrap");
  Object* r = b ? call_method(b, "_install", nullptr, 0) : nullptr;
  bootstrapping = false;
  xdecref(b);
  if (!r) {
    if (!error_matches(&exc_ImportError)) return nullptr;
    clear_error();
    return nullptr;
  }
  decref(r);
  return dict_get_str(interp->modules, "importlib._bootstrap");
}

// The names install_import_finders makes.
bool is_import_hook_name(std::string_view n) {
  return n == "meta_path" || n == "path_hooks" || n == "path_importer_cache";
}

// Made lazily (Interpreter::lazy_sys_attributes): the hooks in sys and the default finders
// in them (without importlib in gopy's library, the hooks stay empty).
int install_import_finders(Interpreter* interp) {
  ensure_import_hook_slots(interp);
  if (bootstrap_module(interp) || !error_occurred()) return 0;
  return -1;
}

// Whether an import of the top-level `name` can only fail, decided without loading
// importlib._bootstrap: no program has put anything in the import hooks yet
// (sys.meta_path, sys.path_hooks and sys.path_importer_cache missing or empty), and
// neither a built-in module, a module plugin, nor any sys.path entry offers the name. The
// default finders would then raise exactly the ModuleNotFoundError that the caller
// raises, so a start-up whose site finds no sitecustomize does not pay for the bootstrap.
// Anything the default finders might read otherwise (an entry that is not a str, an
// archive, a file or directory of that name) answers false, and the full search runs.
bool surely_absent(Interpreter* interp, const std::string& name) {
  if (!interp->sys_module || name.find('.') != std::string::npos) return false;
  DictObject* sys = interp->sys_module->dict;
  // Missing until a program reads them (is_import_hook_name), or empty.
  auto untouched_list = [&](const char* n) {
    Object* v = dict_get_str(sys, n);
    return !v || (is_list(v) && static_cast<ListObject*>(v)->items.empty());
  };
  Object* importer_cache = dict_get_str(sys, "path_importer_cache");
  Object* path = dict_get_str(sys, "path");
  if (!untouched_list("meta_path") || !untouched_list("path_hooks")) return false;
  if (importer_cache && (!is_dict(importer_cache) || static_cast<DictObject*>(importer_cache)->used != 0))
    return false;
  if (!path || !is_list(path)) return false;
  if (find_builtin_module(name) || plugin_module_origin(name)) return false;
  for (Object* entry : static_cast<ListObject*>(path)->items) {
    std::string dir;
    if (!is_str(entry) || !str_fs_encode(as_str(entry), &dir)) return false;
    dir = absolute_dir(dir);
    if (is_dir(dir)) {
      const std::string base = dir + "/" + name;
      if (!nothing_at(base) || !nothing_at(base + ".py") || !nothing_at(base + ".pyc")) return false;
      continue;
    }
    // Not a directory: an archive, or a path inside one (the zip hook's walk up to the
    // first existing ancestor), unless that ancestor is a directory.
    for (std::string probe = dir;;) {
      if (!nothing_at(probe)) {
        if (!is_dir(probe)) return false;
        break;
      }
      const size_t slash = probe.rfind('/');
      if (slash == std::string::npos || slash == 0) break;
      probe.resize(slash);
    }
  }
  return true;
}

// The native search (before importlib._bootstrap is loaded): built-in modules, module
// plugins, then source files on sys.path or the parent's __path__.
Object* load_natively(Interpreter* interp, const std::string& name, Object* parent) {
  const bool top = name.find('.') == std::string::npos;
  if (BuiltinModuleInit init = top ? find_builtin_module(name) : nullptr) {
    Object* m = init();
    if (m && dict_set_str(interp->modules, name, m) < 0) {
      decref(m);
      return nullptr;
    }
    return m;
  }
  bool found = false;
  Object* m = top ? find_module_plugin(interp, name, &found) : nullptr;
  if (found) return m;
  return load_module(interp, name, parent);
}

// Drops importlib._bootstrap's own frames from the pending exception's traceback, so a
// program sees the import statement and the imported module's frames only.
// CPython: Python/import.c remove_importlib_frames.
void remove_importlib_frames(Object* boot) {
  Object* exc = current_error();
  Object* file = boot->type == &module_type ? dict_get_str(static_cast<ModuleObject*>(boot)->dict, "__file__") : nullptr;
  if (!exc || !file || !is_str(file)) return;
  auto* e = static_cast<BaseExceptionObject*>(exc);
  const std::string& path = as_str(file)->utf8;
  auto is_importlib = [&](TracebackObject* tb) { return tb->filename && tb->filename->utf8 == path; };
  // The head, then the links after a kept entry (each entry owns the next).
  while (e->traceback && is_importlib(static_cast<TracebackObject*>(e->traceback))) {
    auto* tb = static_cast<TracebackObject*>(e->traceback);
    e->traceback = tb->next;
    tb->next = nullptr;
    decref(tb);
  }
  for (auto* kept = static_cast<TracebackObject*>(e->traceback); kept;) {
    TracebackObject* tb = kept->next;
    if (tb && is_importlib(tb)) {
      kept->next = tb->next;
      tb->next = nullptr;
      decref(tb);
    } else {
      kept = tb;
    }
  }
}

// Finds and loads `name`, its parent package first. CPython: Python/import.c
// import_find_and_load (the -X importtime lines) over _bootstrap._find_and_load.
Object* find_and_load_untimed(Interpreter* interp, const std::string& name) {
  size_t dot = name.rfind('.');
  Object* parent = nullptr;
  if (dot != std::string::npos) {
    parent = import_module(interp, name.substr(0, dot));
    if (!parent) return nullptr;
    if (Object* m = dict_get_str(interp->modules, name)) {
      decref(parent);
      return new_ref(m);
    }
    if (parent->type != &module_type || !dict_get_str(static_cast<ModuleObject*>(parent)->dict, "__path__")) {
      decref(parent);
      return module_not_found(name, "; '" + name.substr(0, dot) + "' is not a package");
    }
  }
  if (!parent && !dict_get_str(interp->modules, "importlib._bootstrap") && surely_absent(interp, name))
    return module_not_found(name);
  Object* result;
  if (Object* boot = bootstrap_module(interp)) {
    Object* n = new_str(name);
    result = call_method(boot, "_find_and_load", &n, 1);
    decref(n);
    if (!result) remove_importlib_frames(boot);
  } else if (error_occurred()) {
    result = nullptr;
  } else {
    result = load_natively(interp, name, parent);
  }
  xdecref(parent);
  return result;
}

Object* find_and_load(Interpreter* interp, const std::string& name) {
  if (!import_time) return find_and_load_untimed(interp, name);
  print_import_time_header();
  auto accumulated = import_accumulated;
  import_accumulated = {};
  ++import_level;
  auto start = std::chrono::steady_clock::now();
  Object* m = find_and_load_untimed(interp, name);
  auto cumulative = std::chrono::steady_clock::now() - start;
  --import_level;
  auto us = [](std::chrono::steady_clock::duration d) {
    return long(std::chrono::ceil<std::chrono::microseconds>(d).count());
  };
  std::fprintf(stderr, "import time: %9ld | %10ld | %*s%s\n", us(cumulative - import_accumulated), us(cumulative),
               import_level * 2, "", name.c_str());
  import_accumulated = accumulated + cumulative;
  return m;
}

// CPython: Lib/importlib/_bootstrap.py _calc___package__ + _resolve_name
bool resolve_relative(DictObject* globals, int level, std::string* name) {
  Object* pkg = globals ? dict_get_str(globals, "__package__") : nullptr;
  std::string package;
  if (pkg && is_str(pkg)) {
    package = as_str(pkg)->utf8;
  } else if (globals) {
    Object* n = dict_get_str(globals, "__name__");
    if (n && is_str(n)) {
      package = as_str(n)->utf8;
      if (!dict_get_str(globals, "__path__")) {
        size_t dot = package.rfind('.');
        package = dot == std::string::npos ? "" : package.substr(0, dot);
      }
    }
  }
  if (package.empty()) {
    set_error(&exc_ImportError, "attempted relative import with no known parent package");
    return false;
  }
  for (int i = 1; i < level; ++i) {
    size_t dot = package.rfind('.');
    if (dot == std::string::npos) {
      set_error(&exc_ImportError, "attempted relative import beyond top-level package");
      return false;
    }
    package = package.substr(0, dot);
  }
  *name = name->empty() ? package : package + "." + *name;
  return true;
}

Object* import_hook(Interpreter* interp, StrObject* name_obj, DictObject* globals, Object* fromlist, int level) {
  std::string name = name_obj->utf8;
  if (level > 0 && !resolve_relative(globals, level, &name)) return nullptr;
  if (name.empty()) return set_error(&exc_ValueError, "Empty module name");
  Object* leaf = import_module(interp, name);
  if (!leaf) return nullptr;
  bool has_fromlist = fromlist && fromlist != None() && is_tuple(fromlist) && !static_cast<TupleObject*>(fromlist)->items.empty();
  if (has_fromlist) {
    // `from pkg import sub`: import submodules named in the fromlist (CPython: _handle_fromlist).
    if (leaf->type == &module_type && dict_get_str(static_cast<ModuleObject*>(leaf)->dict, "__path__")) {
      for (Object* item : static_cast<TupleObject*>(fromlist)->items) {
        if (!is_str(item) || as_str(item)->utf8 == "*") continue;
        if (dict_get_str(static_cast<ModuleObject*>(leaf)->dict, as_str(item))) continue;
        std::string sub = name + "." + as_str(item)->utf8;
        Object* m = import_module(interp, sub);
        if (m) {
          decref(m);
        } else if (error_matches(&exc_ModuleNotFoundError)) {
          Object* exc = current_error();
          Object* n = exception_get_attr(exc, "name");
          if (n && is_str(n) && as_str(n)->utf8 == sub) clear_error();
          else {
            decref(leaf);
            return nullptr;
          }
        } else {
          decref(leaf);
          return nullptr;
        }
      }
    }
    return leaf;
  }
  if (level > 0 || name.find('.') == std::string::npos) return leaf;
  // `import a.b.c` binds the top-level package.
  decref(leaf);
  Object* top = dict_get_str(interp->modules, name.substr(0, name.find('.')));
  if (!top) return module_not_found(name.substr(0, name.find('.')));
  return new_ref(top);
}

Status attach(gopy_plugin_context& ctx) {
  std::int64_t it = 0;
  if (sdk::PluginContext(ctx).get_int("import_time", it).is_ok()) import_time = int(it > 0 ? it : 0);
  import_time_header_printed = false;
  static_cast<Interpreter*>(ctx.interp)->import_hook = import_hook;
  add_lazy_sys_attributes(static_cast<Interpreter*>(ctx.interp), is_import_hook_name, install_import_finders);
  return Status::ok();
}

Status detach(gopy_plugin_context& ctx) {
  static_cast<Interpreter*>(ctx.interp)->import_hook = nullptr;
  remove_lazy_sys_attributes(static_cast<Interpreter*>(ctx.interp), install_import_finders);
  return Status::ok();
}

}  // namespace
}  // namespace gopy::import_stub

GOPY_PLUGIN(gopy_plugin_import_stub, "import_stub", gopy::import_stub::attach, gopy::import_stub::detach)
