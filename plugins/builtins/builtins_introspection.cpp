// vars() and dir() (CPython: Python/bltinmodule.c builtin_vars_impl, builtin_dir_impl;
// Objects/typeobject.c object___dir___impl, type___dir___impl).
#include "builtins_internal.hpp"
#include "gopy/async_iter.hpp"
#include "gopy/introspect.hpp"
#include "gopy/object_bytes.hpp"

namespace gopy::builtins {
namespace {

// Adds the keys of `o.__dict__` (if it has one) to `names`.
bool merge_dict_of(Object* o, DictObject* names) {
  int error = 0;
  Object* d = lookup_attr(o, intern("__dict__"), &error);
  if (error) return false;
  if (!d) return true;
  bool ok = true;
  if (is_dict(d)) {
    dict_for_each(static_cast<DictObject*>(d), [&](Object* key, Object*) {
      if (ok) ok = dict_set_item(names, key, None()) == 0;
    });
  }
  decref(d);
  return ok;
}

// A class's attribute names and those of its bases, recursively.
// CPython: Objects/typeobject.c merge_class_dict
bool merge_class(Object* cls, DictObject* names) {
  // Any lookup fills a type dict that is filled on first use (bytes and its kin).
  if (is_subtype(cls->type, &type_type)) (void)type_lookup(static_cast<TypeObject*>(cls), "__init__");
  if (!merge_dict_of(cls, names)) return false;
  int error = 0;
  Object* bases = lookup_attr(cls, intern("__bases__"), &error);
  if (error) return false;
  if (!bases) return true;
  bool ok = true;
  if (is_tuple(bases))
    for (Object* b : static_cast<TupleObject*>(bases)->items)
      if (ok) ok = merge_class(b, names);
  decref(bases);
  return ok;
}

// Sorts `list` in place and returns it (stolen), or null.
Object* sort_list(ListObject* list) {
  if (!list) return nullptr;
  Object* sort = get_attr(list, "sort");
  Object* r = sort ? call0(sort) : nullptr;
  xdecref(sort);
  if (!r) {
    decref(list);
    return nullptr;
  }
  decref(r);
  return list;
}

// The default dir(): the instance's own names plus its class's (or, for a class, its own
// and its bases'). CPython: object___dir___impl, type___dir___impl
Object* default_dir(Object* o) {
  DictObject* names = new_dict();
  bool ok = is_subtype(o->type, &type_type) ? merge_class(o, names) : merge_dict_of(o, names) && merge_class(o->type, names);
  Object* r = ok ? sort_list(list_from_iterable(names)) : nullptr;
  decref(names);
  return r;
}

Object* b_vars(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("vars", kw) || !check_nargs("vars", n, 0, 1)) return nullptr;
  if (n == 0) return current_locals();
  int error = 0;
  Object* d = lookup_attr(a[0], intern("__dict__"), &error);
  if (!d && !error) return type_error("vars() argument must have __dict__ attribute");
  return d;
}

Object* b_dir(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("dir", kw) || !check_nargs("dir", n, 0, 1)) return nullptr;
  if (n == 0) {
    Object* locals = current_locals();
    if (!locals) return nullptr;
    ListObject* list = list_from_iterable(locals);
    decref(locals);
    return sort_list(list);
  }
  Object* o = a[0];
  Object* custom = type_lookup(o->type, "__dir__");
  bool is_module = o->type == &module_type || is_subtype(o->type, &module_type);
  if (!custom || (custom->type == &builtin_function_type && !is_module)) return default_dir(o);
  Object* r = call_method(o, "__dir__", nullptr, 0);
  if (!r) return nullptr;
  ListObject* list = list_from_iterable(r);
  decref(r);
  return sort_list(list);
}

Object* b_globals(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("globals", kw) || !check_nargs("globals", n, 0, 0)) return nullptr;
  DictObject* g = current_globals();
  return g ? new_ref<Object>(g) : new_dict();
}

Object* b_locals(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("locals", kw) || !check_nargs("locals", n, 0, 0)) return nullptr;
  return current_locals();
}

// Binds a[0..n) and the keywords to `names` (positional or keyword; the first
// `required` must be given) as CPython's argument clinic does for these built-ins.
bool bind(const char* fname, Object* const* a, size_t n, TupleObject* kw,
          std::initializer_list<std::string_view> names, size_t required, Object** out) {
  if (!check_kwargs_allowed(fname, kw, names)) return false;
  if (n > names.size()) {
    type_error(std::string(fname) + "() takes at most " + std::to_string(names.size()) + " arguments (" +
               std::to_string(n) + " given)");
    return false;
  }
  size_t i = 0;
  for (std::string_view name : names) {
    out[i] = i < n ? a[i] : find_kwarg(a, n, kw, name);
    if (!out[i] && i < required) {
      type_error(std::string(fname) + "() missing required argument '" + std::string(name) + "' (pos " +
                 std::to_string(i + 1) + ")");
      return false;
    }
    ++i;
  }
  return true;
}

// The source text of eval()/exec()/compile(): a str or bytes (UTF-8).
bool source_text(Object* o, std::string* out) {
  if (is_str(o)) {
    *out = as_str(o)->utf8;
    return true;
  }
  std::string_view view;
  if (bytes_like_view(o, &view)) {
    out->assign(view);
    return true;
  }
  return false;
}

// eval() and exec(): source or code, run with the given or the caller's namespaces.
// CPython: Python/bltinmodule.c builtin_eval_impl, builtin_exec_impl
Object* run_source(const char* fname, Object* const* a, size_t n, TupleObject* kw, std::string_view mode) {
  Object* args[3] = {nullptr, nullptr, nullptr};
  if (!bind(fname, a, n, kw, {"source", "globals", "locals"}, 1, args)) return nullptr;
  Object* globals = args[1] == None() ? nullptr : args[1];
  Object* locals = args[2] == None() ? nullptr : args[2];
  // PyMapping_Check: a type with __getitem__. eval() checks the locals first, exec() after
  // the globals.
  const bool locals_not_mapping = locals && !locals->type->mp_subscript;
  if (mode == "eval" && locals_not_mapping) return type_error("locals must be a mapping");
  if (globals && !is_dict(globals))
    return type_error(mode == "eval" ? (globals->type->mp_subscript
                                            ? "globals must be a real dict; try eval(expr, {}, mapping)"
                                            : "globals must be a dict")
                                     : std::string("exec() globals must be a dict, not ") + globals->type->name);
  if (locals_not_mapping) return type_error(std::string("locals must be a mapping or None, not ") + locals->type->name);
  Object* code;
  if (args[0]->type == &code_type) {
    code = new_ref(args[0]);
  } else {
    std::string text;
    if (!source_text(args[0], &text))
      return type_error(std::string(fname) + "() arg 1 must be a string, bytes or code object");
    code = compile_source(text, "<string>", mode);
    if (!code) return nullptr;
  }
  Object* owned_locals = nullptr;
  if (!globals) {
    globals = current_globals();
    if (!locals) locals = owned_locals = current_locals();
    if (!globals || (!locals && error_occurred())) {
      decref(code);
      return globals ? nullptr : type_error("no frame to take globals from");
    }
  }
  Object* r = run_code_in(code, static_cast<DictObject*>(globals), locals);
  decref(code);
  xdecref(owned_locals);
  if (r && mode == "exec") {
    decref(r);
    return new_none();
  }
  return r;
}

Object* b_eval(Object*, Object* const* a, size_t n, TupleObject* kw) { return run_source("eval", a, n, kw, "eval"); }
Object* b_exec(Object*, Object* const* a, size_t n, TupleObject* kw) { return run_source("exec", a, n, kw, "exec"); }

// CPython: Python/bltinmodule.c builtin_compile_impl (flags and optimize are accepted)
Object* b_compile(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[6] = {};
  if (!bind("compile", a, n, kw, {"source", "filename", "mode", "flags", "dont_inherit", "optimize"}, 3, args))
    return nullptr;
  if (!is_str(args[2])) return type_error(std::string("compile() argument 'mode' must be str, not ") + args[2]->type->name);
  std::string text;
  if (!source_text(args[0], &text)) return type_error("compile() arg 1 must be a string, bytes or AST object");
  Object* filename = object_str(args[1]);
  if (!filename) return nullptr;
  Object* code = compile_source(text, as_str(filename)->utf8, as_str(args[2])->utf8);
  decref(filename);
  return code;
}

// CPython: Objects/abstract.c PyObject_GetAIter
Object* b_aiter(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("aiter", kw) || !check_nargs("aiter", n, 1, 1)) return nullptr;
  if (!is_async_iterable(a[0]))
    return type_error(std::string("'") + a[0]->type->name + "' object is not an async iterable");
  Object* it = call_method(a[0], "__aiter__", nullptr, 0);
  if (it && !is_async_iterator(it)) {
    std::string msg = std::string("aiter() returned not an async iterator of type '") + it->type->name + "'";
    decref(it);
    return type_error(msg);
  }
  return it;
}

// CPython: Python/bltinmodule.c builtin_anext_impl: __anext__() at once; with a default,
// its awaitable wrapped so that StopAsyncIteration gives the default.
Object* b_anext(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("anext", kw) || !check_nargs("anext", n, 1, 2)) return nullptr;
  if (!is_async_iterator(a[0]))
    return type_error(std::string("'") + a[0]->type->name + "' object is not an async iterator");
  Object* awaitable = call_method(a[0], "__anext__", nullptr, 0);
  if (n == 1 || !awaitable) return awaitable;
  Ref<> hold = Ref<>::steal(awaitable);
  return new_anext_awaitable(awaitable, a[1]);
}

// CPython: Python/bltinmodule.c builtin___import___impl, PyImport_ImportModuleLevelObject:
// the importer with the caller's globals for a relative name; the top package unless a
// fromlist is given.
Object* b_import(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[5] = {};
  if (!bind("__import__", a, n, kw, {"name", "globals", "locals", "fromlist", "level"}, 1, args)) return nullptr;
  if (!is_str(args[0])) return type_error("module name must be a string");
  int64_t level = 0;
  if (args[4]) {
    if (!is_int(args[4]))
      return type_error(std::string("'") + args[4]->type->name + "' object cannot be interpreted as an integer");
    if (!int_to_int64(args[4], &level)) return nullptr;
  }
  if (level < 0) return value_error("level must be >= 0");
  if (level == 0 && as_str(args[0])->utf8.empty()) return value_error("Empty module name");
  DictObject* globals = args[1] && args[1] != None() && is_dict(args[1]) ? static_cast<DictObject*>(args[1]) : nullptr;
  Ref<DictObject> empty;
  if (!globals) {
    empty = Ref<DictObject>::steal(new_dict());
    globals = empty.get();
  }
  Interpreter* interp = get_thread_state()->interp;
  Object* fromlist = args[3] ? args[3] : None();
  auto* name = static_cast<StrObject*>(args[0]);
  if (!interp->import_hook) return set_error(&exc_ImportError, "__import__ not found");
  return interp->import_hook(interp, name, globals, fromlist, int(level));
}

// CPython calls sys.breakpointhook, which starts pdb; gopy has no debugger.
Object* b_breakpoint(Object*, Object* const*, size_t, TupleObject*) {
  return set_error(&exc_NotImplementedError, "breakpoint() is unavailable: gopy has no debugger");
}

}  // namespace

const FunctionDef kIntrospectionFunctions[] = {{"vars", b_vars},       {"dir", b_dir},   {"globals", b_globals},
                                               {"locals", b_locals},   {"eval", b_eval}, {"exec", b_exec},
                                               {"compile", b_compile}, {"aiter", b_aiter},
                                               {"anext", b_anext},     {"breakpoint", b_breakpoint},
                                               {"__import__", b_import}};
const size_t kIntrospectionFunctionCount = sizeof(kIntrospectionFunctions) / sizeof(kIntrospectionFunctions[0]);

}  // namespace gopy::builtins
