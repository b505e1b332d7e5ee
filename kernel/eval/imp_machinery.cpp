// The native half of gopy's importlib (lib/python3.14/importlib/_bootstrap.py): what its
// finders and loaders need from the file system, the bytecode cache, built-in modules and
// module plugins. CPython: Python/import.c (_imp.is_builtin, _imp.create_builtin) and the
// posix calls Lib/importlib/_bootstrap_external.py makes.
#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "eval/imp_machinery.hpp"
#include "gopy/builtin_modules.hpp"
#include "gopy/bytecode_cache.hpp"
#include "gopy/eval.hpp"
#include "gopy/fs_fault.hpp"
#include "gopy/module_plugins.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/pyc.hpp"
#include "gopy/state.hpp"
#include "object/args.hpp"

namespace gopy {

namespace {

// A str argument as a file name (bytes); false with TypeError set otherwise.
bool fs_arg(const char* fname, Object* o, std::string* out) {
  if (is_str(o) && str_fs_encode(as_str(o), out)) return true;
  if (!error_occurred()) type_error(std::string(fname) + "() argument must be str, not " + o->type->name);
  return false;
}

std::string str_arg(Object* o) { return is_str(o) ? as_str(o)->utf8 : std::string(); }

Object* one_arg(const char* fname, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs(fname, kw) || !check_nargs(fname, n, 1, 1)) return nullptr;
  return a[0];
}

// _imp.is_builtin(name): 1 when `name` is compiled into gopy (CPython returns -1 for
// modules that cannot be re-initialized; gopy has none).
Object* f_is_builtin(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* name = one_arg("is_builtin", a, n, kw);
  if (!name) return nullptr;
  if (!is_str(name)) return type_error("is_builtin() argument must be str, not " + name->type->name);
  const std::string& text = as_str(name)->utf8;
  return new_int(text == "sys" || text == "builtins" || find_builtin_module(text) ? 1 : 0);
}

// _imp.create_builtin(spec): the built-in module spec.name names (sys and builtins are
// the interpreter's own).
Object* f_create_builtin(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* spec = one_arg("create_builtin", a, n, kw);
  if (!spec) return nullptr;
  Object* name = get_attr(spec, "name");
  if (!name) return nullptr;
  std::string text = str_arg(name);
  decref(name);
  Interpreter* interp = get_thread_state()->interp;
  if (text == "sys" && interp->sys_module) return new_ref(interp->sys_module);
  if (text == "builtins" && interp->builtins_module) return new_ref(interp->builtins_module);
  BuiltinModuleInit init = find_builtin_module(text);
  if (!init) return set_error(&exc_ImportError, "no built-in module named " + text);
  return init();
}

// _imp._plugin_origin(name): the shared library of the module plugin providing `name`,
// or None.
Object* f_plugin_origin(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* name = one_arg("_plugin_origin", a, n, kw);
  if (!name) return nullptr;
  std::optional<std::string> origin = plugin_module_origin(str_arg(name));
  return origin ? new_str_fs(*origin) : new_ref(None());
}

// _imp._create_plugin(name): the module, its plugin loaded and its exec hook run.
Object* f_create_plugin(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* name = one_arg("_create_plugin", a, n, kw);
  if (!name) return nullptr;
  bool found = false;
  ModuleObject* m = load_plugin_module(str_arg(name), &found);
  if (!m && !found && !error_occurred())
    return set_error(&exc_ImportError, "no module plugin provides " + str_arg(name));
  return m;
}

// _imp._source_code(path): the source file's code through the bytecode cache.
Object* f_source_code(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* path = one_arg("_source_code", a, n, kw);
  std::string file;
  if (!path || !fs_arg("_source_code", path, &file)) return nullptr;
  return source_code(file, as_str(path)->utf8);
}

// _imp._sourceless_code(path, name): the code a .pyc file holds.
Object* f_sourceless_code(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("_sourceless_code", kw) || !check_nargs("_sourceless_code", n, 2, 2)) return nullptr;
  std::string file;
  if (!fs_arg("_sourceless_code", a[0], &file)) return nullptr;
  return sourceless_code(file, str_arg(a[1]));
}

// _imp._code_from_pyc(data, name): the code a .pyc file's bytes hold.
Object* f_code_from_pyc(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("_code_from_pyc", kw) || !check_nargs("_code_from_pyc", n, 2, 2)) return nullptr;
  std::string_view view;
  if (!bytes_like_view(a[0], &view)) return type_error("a bytes-like object is required, not '" + a[0]->type->name + "'");
  return code_from_pyc(std::string(view), str_arg(a[1]));
}

// _imp._stat_kind(path): 1 for a regular file, 2 for a directory, 0 for anything else
// or nothing.
Object* f_stat_kind(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* path = one_arg("_stat_kind", a, n, kw);
  std::string file;
  if (!path || !fs_arg("_stat_kind", path, &file)) return nullptr;
  struct stat st;
  int kind = 0;
  if (fault::fs_error("stat", file.c_str()) == 0 && ::stat(file.c_str(), &st) == 0) kind = S_ISREG(st.st_mode) ? 1 : S_ISDIR(st.st_mode) ? 2 : 0;
  return new_int(kind);
}

// _imp._dir_mtime(path): the directory's modification time in nanoseconds, or -1 when it
// cannot be read (CPython: FileFinder.find_spec's _path_stat(...).st_mtime).
Object* f_dir_mtime(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* path = one_arg("_dir_mtime", a, n, kw);
  std::string dir;
  if (!path || !fs_arg("_dir_mtime", path, &dir)) return nullptr;
  struct stat st;
  if (fault::fs_error("stat", dir.c_str()) != 0 || ::stat(dir.c_str(), &st) != 0) return new_int(-1);
  return new_int(int64_t(st.st_mtim.tv_sec) * 1000000000 + st.st_mtim.tv_nsec);
}

// _imp._listdir(path): the set of names in the directory, empty when it cannot be read
// (CPython: FileFinder._fill_cache).
Object* f_listdir(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* path = one_arg("_listdir", a, n, kw);
  std::string dir;
  if (!path || !fs_arg("_listdir", path, &dir)) return nullptr;
  SetObject* names = new_set();
  if (DIR* d = ::opendir(dir.c_str())) {
    while (struct dirent* entry = ::readdir(d)) {
      std::string_view name = entry->d_name;
      if (name == "." || name == "..") continue;
      Object* item = new_str_fs(std::string(name));
      int rc = set_add(names, item);
      decref(item);
      if (rc < 0) {
        ::closedir(d);
        decref(names);
        return nullptr;
      }
    }
    ::closedir(d);
  }
  return names;
}

Object* f_getcwd(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("_getcwd", kw) || !check_nargs("_getcwd", n, 0, 0)) return nullptr;
  std::string buf(4096, '\0');
  while (!::getcwd(buf.data(), buf.size())) {
    if (errno != ERANGE) return os_error_from_errno(errno);
    buf.resize(buf.size() * 2);
  }
  buf.resize(buf.find('\0'));
  return new_str_fs(buf);
}

Object* f_read_file(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* path = one_arg("_read_file", a, n, kw);
  std::string file, data;
  if (!path || !fs_arg("_read_file", path, &file)) return nullptr;
  if (read_source_file_or_raise(file, &data) < 0) return nullptr;
  return new_bytes(data);
}

// _imp._path_stats(path): {'mtime': ..., 'size': ...} (CPython: SourceFileLoader.path_stats).
Object* f_path_stats(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* path = one_arg("_path_stats", a, n, kw);
  std::string file;
  if (!path || !fs_arg("_path_stats", path, &file)) return nullptr;
  struct stat st;
  if (::stat(file.c_str(), &st) != 0) return os_error_from_errno(errno, &file);
  DictObject* d = new_dict();
  Object* mtime = new_int(int64_t(st.st_mtime));
  Object* size = new_int(int64_t(st.st_size));
  dict_set_str(d, "mtime", mtime);
  dict_set_str(d, "size", size);
  decref(mtime);
  decref(size);
  return d;
}

// _imp._decode_source(data): PEP 263 decoding with universal newlines.
Object* f_decode_source(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* data = one_arg("_decode_source", a, n, kw);
  if (!data) return nullptr;
  std::string_view view;
  if (!bytes_like_view(data, &view)) return type_error("a bytes-like object is required, not '" + data->type->name + "'");
  std::string text(view);
  if (!decode_source_file(&text, "<string>")) return nullptr;
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\r') {
      out += '\n';
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
    } else {
      out += text[i];
    }
  }
  return new_str(out);
}

// _imp._new_module(name): an empty module (CPython: types.ModuleType(name)).
Object* f_new_module(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* name = one_arg("_new_module", a, n, kw);
  if (!name) return nullptr;
  if (!is_str(name)) return type_error("module.__init__() argument 'name' must be str, not " + name->type->name);
  return new_module(as_str(name)->utf8);
}

// _imp._source_hash(data): the 8 bytes (little-endian) hash-based cache files store.
Object* f_source_hash(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* data = one_arg("_source_hash", a, n, kw);
  if (!data) return nullptr;
  std::string_view view;
  if (!bytes_like_view(data, &view)) return type_error("a bytes-like object is required, not '" + data->type->name + "'");
  std::uint64_t hash = pyc_source_hash(view);
  std::string out(8, '\0');
  for (int i = 0; i < 8; ++i) out[size_t(i)] = char((hash >> (8 * i)) & 0xff);
  return new_bytes(out);
}

Object* f_magic(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("_magic", kw) || !check_nargs("_magic", n, 0, 0)) return nullptr;
  return new_bytes(pyc_magic());
}

}  // namespace

void add_imp_machinery(ModuleObject* m) {
  (void)add_module_function(m, "is_builtin", f_is_builtin);
  (void)add_module_function(m, "create_builtin", f_create_builtin);
  (void)add_module_function(m, "_plugin_origin", f_plugin_origin);
  (void)add_module_function(m, "_create_plugin", f_create_plugin);
  (void)add_module_function(m, "_source_code", f_source_code);
  (void)add_module_function(m, "_sourceless_code", f_sourceless_code);
  (void)add_module_function(m, "_stat_kind", f_stat_kind);
  (void)add_module_function(m, "_code_from_pyc", f_code_from_pyc);
  (void)add_module_function(m, "_getcwd", f_getcwd);
  (void)add_module_function(m, "_dir_mtime", f_dir_mtime);
  (void)add_module_function(m, "_listdir", f_listdir);
  (void)add_module_function(m, "_read_file", f_read_file);
  (void)add_module_function(m, "_path_stats", f_path_stats);
  (void)add_module_function(m, "_decode_source", f_decode_source);
  (void)add_module_function(m, "_magic", f_magic);
  (void)add_module_function(m, "_source_hash", f_source_hash);
  (void)add_module_function(m, "_new_module", f_new_module);
}

}  // namespace gopy
