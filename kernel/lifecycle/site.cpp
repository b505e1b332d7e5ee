// `site` at the main phase, native so that it costs no compilation at start-up: sys.path
// made absolute and deduplicated, the venv's site-packages (pyvenv.cfg), the user site,
// prefix/lib/python3.14/site-packages, .pth files (path lines and `import` lines in file
// then line order), the _sitebuiltins names, sitecustomize and usercustomize. Its state
// and functions form the `_site` module; lib/python3.14/site.py is the `site` module
// programs import, over it. CPython: Lib/site.py main and the functions it calls.
#include "lifecycle/site.hpp"

#include <unistd.h>
#include <pwd.h>

#include <algorithm>
#include <cstdio>
#include <set>
#include <string>
#include <vector>

#include "gopy/eval.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "lifecycle/runtime.hpp"
#include "lifecycle/site_builtins.hpp"
#include "lifecycle/site_paths.hpp"
#include "object/args.hpp"
#include "object/sys_flag.hpp"

namespace gopy {

namespace sp = site_paths;

namespace {

using KnownPaths = std::set<std::string>;

DictObject* sys_dict() { return get_thread_state()->interp->sys_module->dict; }

std::string sys_str(const char* name) {
  Object* v = dict_get_str(sys_dict(), name);
  std::string out;
  if (v && is_str(v)) (void)str_fs_encode(as_str(v), &out);
  return out;
}

ListObject* sys_path() {
  Object* p = dict_get_str(sys_dict(), "path");
  return p && is_list(p) ? static_cast<ListObject*>(p) : nullptr;
}

void append_sys_path(const std::string& dir) {
  if (ListObject* path = sys_path()) {
    ORef s = ORef::steal(new_str_fs(dir));  // freed on std::bad_alloc too
    (void)list_append(path, s.get());
  }
}

std::string repr_of(const std::string& fs_name) {
  Object* r = object_repr(ORef::steal(new_str_fs(fs_name)).get());
  std::string out = r ? as_str(r)->utf8 : fs_name;
  if (!r) clear_error();
  xdecref(r);
  return out;
}

// CPython: site._trace (with -v).
void trace(const std::string& message) {
  if (sys_flag("verbose")) std::fprintf(stderr, "%s\n", message.c_str());
}

// The `_site` module: its dict holds PREFIXES, ENABLE_USER_SITE, USER_BASE and USER_SITE.
DictObject* site_dict();
// _site.<name>, borrowed; null when absent or when the module could not be made.
Object* site_global(const char* name) {
  DictObject* d = site_dict();
  return d ? dict_get_str(d, name) : nullptr;
}

void set_global(const char* name, Object* value) {  // steals
  ORef owned = ORef::steal(value);
  if (DictObject* d = site_dict()) (void)dict_set_str(d, name, owned.get());
}

Object* str_or_none(const std::optional<std::string>& s) { return s ? new_str_fs(*s) : new_ref(None()); }

// CPython: site.removeduppaths
KnownPaths remove_duplicate_paths() {
  KnownPaths known;
  ListObject* path = sys_path();
  if (!path) return known;
  std::vector<ORef> kept;  // owned as made, so that std::bad_alloc part-way frees them
  for (Object* item : path->items) {
    std::string dir;
    if (!is_str(item) || !str_fs_encode(as_str(item), &dir)) {
      kept.push_back(ORef::borrow(item));
      continue;
    }
    dir = sp::abspath(dir);
    if (known.insert(dir).second) kept.push_back(ORef::steal(new_str_fs(dir)));
  }
  std::vector<Object*> items;
  items.reserve(kept.size());
  for (ORef& o : kept) items.push_back(o.release());
  items.swap(path->items);
  for (Object* o : items) decref(o);
  return known;
}

// CPython: site._init_pathinfo
KnownPaths existing_path_entries() {
  KnownPaths known;
  if (ListObject* path = sys_path())
    for (Object* item : path->items)
      if (std::string dir; is_str(item) && str_fs_encode(as_str(item), &dir) && sp::exists(dir))
        known.insert(sp::abspath(dir));
  return known;
}

// Runs one `import` line of a .pth file, as exec(line) in site.addpackage.
bool exec_pth_line(const std::string& line) {
  Object* code = compile_module_source(line, "<string>");
  if (!code) return false;
  DictObject* ns = new_dict();
  (void)dict_set_str(ns, "__builtins__", get_thread_state()->interp->builtins_module);
  Object* r = exec_code(code, ns);
  decref(code);
  decref(ns);
  xdecref(r);
  return r != nullptr;
}

// The pending exception's traceback text, each line indented by two spaces.
std::string indented_traceback(Object* exc) {
  Interpreter* interp = get_thread_state()->interp;
  std::string out;
  Object* io = interp->import_hook ? interp->import_hook(interp, intern("io"), nullptr, nullptr, 0) : nullptr;
  Object* buffer = io ? call_method(io, "StringIO", nullptr, 0) : nullptr;
  xdecref(io);
  if (buffer) {
    print_exception_to(buffer, exc);
    Object* text = call_method(buffer, "getvalue", nullptr, 0);
    if (text && is_str(text)) {
      const std::string& t = as_str(text)->utf8;
      size_t pos = 0;
      while (pos < t.size()) {
        size_t end = t.find('\n', pos);
        if (end == std::string::npos) end = t.size();
        out += "  " + t.substr(pos, end - pos) + "\n";
        pos = end + 1;
      }
    }
    xdecref(text);
    decref(buffer);
  }
  clear_error();
  return out;
}

void write_stderr(const std::string& text) {
  Interpreter* interp = get_thread_state()->interp;
  if (interp->stderr_obj && write_to_stream(interp->stderr_obj, text) == 0) return;
  clear_error();
  std::fputs(text.c_str(), stderr);
}

std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find_first_of("\r\n", pos);
    if (end == std::string::npos) {
      lines.push_back(text.substr(pos));
      break;
    }
    lines.push_back(text.substr(pos, end - pos));
    pos = end + (text[end] == '\r' && end + 1 < text.size() && text[end + 1] == '\n' ? 2 : 1);
  }
  return lines;
}

// CPython: site.addpackage
void add_package(const std::string& sitedir, const std::string& name, KnownPaths& known) {
  std::string fullname = sp::join(sitedir, name);
  trace("Processing .pth file: " + repr_of(fullname));
  std::string content;
  if (read_source_file(fullname, &content) != 0) return;
  if (content.starts_with("\xEF\xBB\xBF")) content.erase(0, 3);  // utf-8-sig
  std::vector<std::string> lines = split_lines(content);
  for (size_t n = 0; n < lines.size(); ++n) {
    const std::string& line = lines[n];
    if (line.starts_with('#')) continue;
    if (line.find_first_not_of(" \t\f\v") == std::string::npos) continue;
    if (line.starts_with("import ") || line.starts_with("import\t")) {
      if (exec_pth_line(line)) continue;
      Object* exc = fetch_error();
      std::string report = "Error processing line " + std::to_string(n + 1) + " of " + fullname + ":\n\n";
      report += indented_traceback(exc);
      report += "\nRemainder of file ignored\n";
      decref(exc);
      write_stderr(report);
      break;
    }
    std::string entry = line;
    entry.erase(entry.find_last_not_of(" \t\f\v") + 1);
    std::string dir = sp::abspath(sp::join(sitedir, entry));
    if (!known.count(dir) && sp::exists(dir)) {
      append_sys_path(dir);
      known.insert(dir);
    }
  }
}

// CPython: site.addsitedir
void add_site_dir(const std::string& given, KnownPaths& known) {
  trace("Adding directory: " + repr_of(given));
  std::string sitedir = sp::abspath(given);
  if (known.insert(sitedir).second) append_sys_path(sitedir);
  std::vector<std::string> names;
  if (!sp::list_dir(sitedir, &names)) return;
  std::erase_if(names, [](const std::string& n) { return !n.ends_with(".pth") || n.starts_with('.'); });
  std::sort(names.begin(), names.end());
  for (const std::string& name : names) add_package(sitedir, name, known);
}

// CPython: site.getsitepackages
std::vector<std::string> site_packages_of(const std::vector<std::string>& prefixes) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  std::string platlibdir = sys_str("platlibdir");
  if (platlibdir.empty()) platlibdir = "lib";
  for (const std::string& prefix : prefixes) {
    if (prefix.empty() || !seen.insert(prefix).second) continue;
    std::vector<std::string> libdirs = {platlibdir};
    if (platlibdir != "lib") libdirs.push_back("lib");
    for (const std::string& libdir : libdirs) out.push_back(sp::join(sp::join(sp::join(prefix, libdir), "python3.14"), "site-packages"));
  }
  return out;
}

std::vector<std::string> prefixes_global() {
  std::vector<std::string> out;
  Object* p = site_global("PREFIXES");
  if (p && is_list(p))
    for (Object* item : static_cast<ListObject*>(p)->items)
      if (std::string s; is_str(item) && str_fs_encode(as_str(item), &s)) out.push_back(s);
  return out;
}

// CPython: site.addsitepackages
void add_site_packages(KnownPaths& known, const std::vector<std::string>& prefixes) {
  trace("Processing global site-packages");
  for (const std::string& dir : site_packages_of(prefixes))
    if (sp::is_dir(dir)) add_site_dir(dir, known);
}

// CPython: site._getuserbase (os.path.expanduser("~/.local") without HOME reads pwd).
std::optional<std::string> user_base() {
  Environment& env = runtime_environment();
  if (auto base = env.get("PYTHONUSERBASE"); base && !base->empty()) return *base;
  std::optional<std::string> home = env.get("HOME");
  if (!home) {
    if (passwd* pw = ::getpwuid(::getuid())) home = std::string(pw->pw_dir);
    else return std::string("~/.local");
  }
  std::string h = *home;
  while (h.size() > 1 && h.ends_with('/')) h.pop_back();
  if (h == "/") h.clear();
  return h + "/.local";
}

// CPython: site._get_path
std::string user_site_of(const std::string& base) { return base + "/lib/python3.14/site-packages"; }

// CPython: site.check_enableusersite: True, False (by the user) or None (setuid).
Object* check_enable_user_site() {
  if (sys_flag("no_user_site")) return new_ref(False());
  if (::geteuid() != ::getuid() || ::getegid() != ::getgid()) return new_ref(None());
  return new_ref(True());
}

// CPython: site.venv
void venv(KnownPaths& known) {
  std::string exe_dir = sp::dirname(sp::abspath(sys_str("executable")));
  std::string site_prefix = sp::dirname(exe_dir);
  (void)dict_set_str(sys_dict(), "_home", None());
  std::string conf;
  for (const std::string& candidate : {sp::join(exe_dir, "pyvenv.cfg"), sp::join(site_prefix, "pyvenv.cfg")})
    if (sp::is_file(candidate)) {
      conf = candidate;
      break;
    }
  if (conf.empty()) return;
  std::string text;
  if (read_source_file(conf, &text) != 0) return;
  std::string system_site = "true";
  auto strip = [](std::string s) {
    size_t b = s.find_first_not_of(" \t\r\n\f\v");
    if (b == std::string::npos) return std::string();
    return s.substr(b, s.find_last_not_of(" \t\r\n\f\v") - b + 1);
  };
  for (const std::string& line : split_lines(text)) {
    size_t eq = line.find('=');
    if (eq == std::string::npos) continue;
    std::string key = strip(line.substr(0, eq)), value = strip(line.substr(eq + 1));
    std::transform(key.begin(), key.end(), key.begin(), ::tolower);
    if (key == "include-system-site-packages") {
      std::transform(value.begin(), value.end(), value.begin(), ::tolower);
      system_site = value;
    } else if (key == "home") {
      Object* v = new_str_fs(value);
      (void)dict_set_str(sys_dict(), "_home", v);
      decref(v);
    }
  }
  // The venv's own site-packages come before the user site.
  add_site_packages(known, {sys_str("prefix")});
  if (system_site == "true") {
    Object* p = site_global("PREFIXES");
    for (const char* name : {"base_prefix", "base_exec_prefix"}) {
      Object* v = new_str_fs(sys_str(name));
      if (p && is_list(p)) (void)list_append(static_cast<ListObject*>(p), v);
      decref(v);
    }
  } else {
    set_global("ENABLE_USER_SITE", new_ref(False()));
  }
}

// CPython: site.execsitecustomize / execusercustomize
void exec_customize(const char* module) {
  Interpreter* interp = get_thread_state()->interp;
  Object* m = interp->import_hook ? interp->import_hook(interp, intern(module), nullptr, nullptr, 0) : nullptr;
  if (m) {
    decref(m);
    return;
  }
  if (!error_occurred()) return;
  if (error_matches(&exc_ImportError)) {
    Object* name = exception_get_attr(current_error(), "name");
    if (name && is_str(name) && as_str(name)->utf8 == module) {
      clear_error();
      return;
    }
  }
  if (!error_matches(&exc_Exception)) return;  // KeyboardInterrupt, SystemExit: propagate
  Object* exc = fetch_error();
  if (sys_flag("verbose")) {
    print_exception_to(interp->stderr_obj, exc);
  } else {
    Object* text = object_str(exc);
    std::string message = text ? as_str(text)->utf8 : "";
    if (!text) clear_error();
    xdecref(text);
    write_stderr(std::string("Error in ") + module + "; set PYTHONVERBOSE for traceback:\n" + exc->type->name +
                 ": " + message + "\n");
  }
  decref(exc);
}

bool enable_user_site_is_true() { return site_global("ENABLE_USER_SITE") == True(); }

// CPython: site.main
bool site_main() {
  KnownPaths known = remove_duplicate_paths();
  venv(known);
  if (site_global("ENABLE_USER_SITE") == None()) set_global("ENABLE_USER_SITE", check_enable_user_site());
  // CPython: site.addusersitepackages (getusersitepackages sets USER_BASE and USER_SITE)
  trace("Processing user site-packages");
  std::optional<std::string> base = user_base();
  set_global("USER_BASE", str_or_none(base));
  if (base) set_global("USER_SITE", new_str_fs(user_site_of(*base)));
  if (base && enable_user_site_is_true() && sp::is_dir(user_site_of(*base))) add_site_dir(user_site_of(*base), known);
  add_site_packages(known, prefixes_global());
  if (!install_site_builtins(sys_flag("isolated") != 0).is_ok()) return false;
  exec_customize("sitecustomize");
  if (error_occurred()) return false;
  if (enable_user_site_is_true()) exec_customize("usercustomize");
  set_global("_ran", new_ref(True()));
  return !error_occurred();
}

// ---- the `_site` module's functions ----

bool fs_arg(Object* o, std::string* out) {
  if (!is_str(o) || !str_fs_encode(as_str(o), out)) {
    type_error("expected str, not " + o->type->name);
    return false;
  }
  return true;
}

// _site.main()
Object* f_main(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("main", kw) || !check_nargs("main", n, 0, 0)) return nullptr;
  return site_main() ? new_ref(None()) : nullptr;
}

// _site.addsitedir(sitedir, known_paths=None): with a set, it is updated and returned.
Object* f_addsitedir(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[2] = {};
  if (!bind_args("addsitedir", a, n, kw, {"sitedir", "known_paths"}, 1, args)) return nullptr;
  std::string sitedir;
  if (!fs_arg(args[0], &sitedir)) return nullptr;
  bool given = args[1] && args[1] != None();
  KnownPaths known;
  if (given) {
    Object* it = get_iter(args[1]);
    if (!it) return nullptr;
    while (Object* item = iter_next(it)) {
      if (std::string s; is_str(item) && str_fs_encode(as_str(item), &s)) known.insert(s);
      decref(item);
    }
    decref(it);
    if (error_occurred()) return nullptr;
  } else {
    known = existing_path_entries();
  }
  add_site_dir(sitedir, known);
  if (error_occurred()) return nullptr;
  if (!given) return new_ref(None());
  for (const std::string& s : known) {
    Object* v = new_str_fs(s);
    Object* r = call_method(args[1], "add", &v, 1);
    decref(v);
    if (!r) return nullptr;
    decref(r);
  }
  return new_ref(args[1]);
}

// _site.getsitepackages(prefixes=None)
Object* f_getsitepackages(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[1] = {};
  if (!bind_args("getsitepackages", a, n, kw, {"prefixes"}, 0, args)) return nullptr;
  std::vector<std::string> prefixes;
  if (!args[0] || args[0] == None()) {
    prefixes = prefixes_global();
  } else {
    Object* it = get_iter(args[0]);
    if (!it) return nullptr;
    while (Object* item = iter_next(it)) {
      std::string s;
      bool ok = fs_arg(item, &s);
      decref(item);
      if (!ok) {
        decref(it);
        return nullptr;
      }
      prefixes.push_back(s);
    }
    decref(it);
    if (error_occurred()) return nullptr;
  }
  ListObject* out = new_list();
  for (const std::string& dir : site_packages_of(prefixes)) {
    Object* s = new_str_fs(dir);
    (void)list_append(out, s);
    decref(s);
  }
  return out;
}

Object* f_getuserbase(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("getuserbase", kw) || !check_nargs("getuserbase", n, 0, 0)) return nullptr;
  return str_or_none(user_base());
}

Object* f_user_site_of(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("_get_path", kw) || !check_nargs("_get_path", n, 1, 1)) return nullptr;
  std::string base;
  if (!fs_arg(a[0], &base)) return nullptr;
  return new_str_fs(user_site_of(base));
}

Object* f_check_enableusersite(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("check_enableusersite", kw) || !check_nargs("check_enableusersite", n, 0, 0)) return nullptr;
  return check_enable_user_site();
}

Object* f_isdir(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("_isdir", kw) || !check_nargs("_isdir", n, 1, 1)) return nullptr;
  std::string p;
  return new_bool(is_str(a[0]) && str_fs_encode(as_str(a[0]), &p) && sp::is_dir(p));
}

ModuleObject* make_site_module() {
  ModuleObject* m = new_module("_site");
  const ModuleFunction fns[] = {{"main", f_main},
             {"addsitedir", f_addsitedir},
             {"getsitepackages", f_getsitepackages},
             {"getuserbase", f_getuserbase},
             {"_get_path", f_user_site_of},
             {"check_enableusersite", f_check_enableusersite},
             {"_isdir", f_isdir}};
  (void)add_module_functions(m, fns);
  ListObject* prefixes = new_list();
  for (const char* name : {"prefix", "exec_prefix"}) {
    Object* v = dict_get_str(get_thread_state()->interp->sys_module->dict, name);
    (void)list_append(prefixes, v ? v : None());
  }
  (void)dict_set_str(m->dict, "PREFIXES", prefixes);
  decref(prefixes);
  for (const char* name : {"ENABLE_USER_SITE", "USER_BASE", "USER_SITE"}) (void)dict_set_str(m->dict, name, None());
  (void)dict_set_str(m->dict, "_ran", False());
  return m;
}

DictObject* site_dict() {
  Interpreter* interp = get_thread_state()->interp;
  Object* m = dict_get_str(interp->modules, "_site");
  if (m && m->type == &module_type) return static_cast<ModuleObject*>(m)->dict;
  // sys.modules keeps it; null (MemoryError set) when it could not be stored there.
  Ref<ModuleObject> made = Ref<ModuleObject>::steal(make_site_module());
  if (dict_set_str(interp->modules, "_site", made.get()) < 0) return nullptr;
  return made->dict;
}

}  // namespace

ModuleObject* create__site_module() { return make_site_module(); }

Status run_site_main() {
  if (site_dict() && site_main()) return Status::ok();
  // As CPython's init_import_site failing: the exception is printed and start-up fails.
  (void)handle_uncaught_exception();
  return Status::error(Status::Category::runtime, "init_import_site", "Failed to import the site module");
}

}  // namespace gopy
