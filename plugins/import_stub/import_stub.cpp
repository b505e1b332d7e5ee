// The import_stub plugin: `import` for modules already in sys.modules (sys, builtins),
// for the modules built into libgopy (codecs), and for source modules and packages found
// on sys.path (through the bytecode cache, gopy/bytecode_cache.hpp) and sourceless .pyc
// files, each executed once and kept in sys.modules (CPython: Python/import.c
// PyImport_ImportModuleLevelObject and Lib/importlib/_bootstrap.py _find_and_load,
// without finders or hooks).
#include <sys/stat.h>
#include <unistd.h>

#include <string>

#include "gopy/builtin_modules.hpp"
#include "gopy/bytecode_cache.hpp"
#include "gopy/eval.hpp"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/fs_fault.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "gopy/plugin.hpp"
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

std::nullptr_t module_not_found(const std::string& name, const std::string& detail = "") {
  // Owned from creation: std::bad_alloc part-way frees them.
  ORef exc = ORef::steal(new_exception(&exc_ModuleNotFoundError, "No module named '" + name + "'" + detail));
  if (!exc) return nullptr;
  auto* e = static_cast<BaseExceptionObject*>(exc.get());
  ORef n = ORef::steal(new_str(name));
  if (!e->dict) e->dict = new_dict();
  dict_set_str(e->dict, "name", n.get());
  raise_object(exc.get());
  return nullptr;
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

// Imports a dotted name component by component; returns the leaf module.
Object* import_dotted(Interpreter* interp, const std::string& name) {
  Object* parent = nullptr;
  size_t start = 0;
  for (;;) {
    size_t dot = name.find('.', start);
    std::string prefix = name.substr(0, dot);
    Object* m = dict_get_str(interp->modules, prefix);
    if (m) {
      incref(m);
    } else {
      if (parent && !dict_get_str(static_cast<ModuleObject*>(parent)->dict, "__path__")) {
        std::string pname = name.substr(0, start - 1);
        xdecref(parent);
        return module_not_found(prefix, "; '" + pname + "' is not a package");
      }
      if (BuiltinModuleInit init = parent ? nullptr : find_builtin_module(prefix)) {
        m = init();
        if (m && dict_set_str(interp->modules, prefix, m) < 0) {
          decref(m);
          m = nullptr;
        }
      } else {
        bool found = false;
        m = parent ? nullptr : find_module_plugin(interp, prefix, &found);
        if (!found) m = load_module(interp, prefix, parent);
      }
    }
    xdecref(parent);
    if (!m) return nullptr;
    if (dot == std::string::npos) return m;
    parent = m;
    start = dot + 1;
  }
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
  Object* leaf = import_dotted(interp, name);
  if (!leaf) return nullptr;
  bool has_fromlist = fromlist && fromlist != None() && is_tuple(fromlist) && !static_cast<TupleObject*>(fromlist)->items.empty();
  if (has_fromlist) {
    // `from pkg import sub`: import submodules named in the fromlist (CPython: _handle_fromlist).
    if (leaf->type == &module_type && dict_get_str(static_cast<ModuleObject*>(leaf)->dict, "__path__")) {
      for (Object* item : static_cast<TupleObject*>(fromlist)->items) {
        if (!is_str(item) || as_str(item)->utf8 == "*") continue;
        if (dict_get_str(static_cast<ModuleObject*>(leaf)->dict, as_str(item))) continue;
        std::string sub = name + "." + as_str(item)->utf8;
        Object* m = import_dotted(interp, sub);
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
  static_cast<Interpreter*>(ctx.interp)->import_hook = import_hook;
  return Status::ok();
}

Status detach(gopy_plugin_context& ctx) {
  static_cast<Interpreter*>(ctx.interp)->import_hook = nullptr;
  return Status::ok();
}

}  // namespace
}  // namespace gopy::import_stub

GOPY_PLUGIN(gopy_plugin_import_stub, "import_stub", gopy::import_stub::attach, gopy::import_stub::detach)
