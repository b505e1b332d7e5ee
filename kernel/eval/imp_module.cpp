// The native `_imp` module: import by name for gopy's own Python library (importlib,
// warnings) until builtins has __import__. CPython: Python/import.c
// PyImport_ImportModuleLevelObject, Lib/importlib/__init__.py import_module.
#include "gopy/builtin_modules.hpp"
#include "eval/imp_machinery.hpp"
#include "gopy/eval.hpp"
#include "gopy/pyc.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/args.hpp"

namespace gopy {

namespace {

// _imp.import_module(name, package=None, level=0): the module `name` names (the leaf of a
// dotted name), imported through the interpreter's import hook; a relative name is
// resolved against `package`.
Object* f_import_module(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[3] = {};
  if (!bind_args("import_module", a, n, kw, {"name", "package", "level"}, 1, args)) return nullptr;
  if (!is_str(args[0])) return type_error("module name must be str, not " + args[0]->type->name);
  int64_t level = 0;
  if (args[2] && !int_to_int64(args[2], &level)) return nullptr;
  Interpreter* interp = get_thread_state()->interp;
  if (!interp->import_hook) return set_error(&exc_ImportError, "import of " + as_str(args[0])->utf8 + " halted");
  DictObject* globals = nullptr;
  if (args[1] && args[1] != None()) {
    globals = new_dict();
    (void)dict_set_str(globals, "__package__", args[1]);
  }
  // A non-empty fromlist makes the hook return the leaf module, not the top package.
  TupleObject* fromlist = new_tuple_from({intern("__name__")});
  Object* m = interp->import_hook(interp, as_str(args[0]), globals, fromlist, int(level));
  decref(fromlist);
  if (globals) decref(globals);
  return m;
}

// _imp.reload(module): its file executed again in its own namespace (the objects the
// program holds see the new definitions); a module without a file (built in) is returned
// as it is. CPython: Lib/importlib/__init__.py reload -> _bootstrap._exec.
Object* f_reload(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("reload", kw) || !check_nargs("reload", n, 1, 1)) return nullptr;
  if (a[0]->type != &module_type) return type_error("reload() argument must be a module");
  auto* m = static_cast<ModuleObject*>(a[0]);
  Object* file = dict_get_str(m->dict, "__file__");
  std::string path;
  if (!file || !is_str(file) || !str_fs_encode(as_str(file), &path)) return new_ref(m);
  std::string contents;
  if (read_source_file_or_raise(path, &contents) < 0) return nullptr;
  Object* code = nullptr;
  if (path.ends_with(".pyc")) {
    code = pyc_load_code(contents);
    if (!code) return set_error(&exc_ImportError, "bad marshal data (" + path + ")");
  } else {
    if (!decode_source_file(&contents, path)) return nullptr;
    code = compile_module_source(contents, as_str(file)->utf8);
    if (!code) return nullptr;
  }
  Object* r = exec_code(code, m->dict);
  decref(code);
  if (!r) return nullptr;
  decref(r);
  return new_ref(m);
}

}  // namespace

ModuleObject* create__imp_module() {
  ModuleObject* m = new_module("_imp");
  (void)add_module_function(m, "import_module", f_import_module);
  (void)add_module_function(m, "reload", f_reload);
  add_imp_machinery(m);
  return m;
}

}  // namespace gopy
