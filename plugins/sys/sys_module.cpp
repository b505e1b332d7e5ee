// The sys plugin's basic attributes: the standard streams, exit, modules, maxsize,
// platform and the recursion/int-digit limits (CPython: Python/sysmodule.c _PySys_InitCore,
// create_stdio in pylifecycle.c). Each attribute derived from the configuration (sys.argv,
// sys.flags, sys.version, ...) is set by sys_config.cpp and sys_paths.cpp, from the
// configuration the plugin context shows.
#include <unistd.h>

#include <climits>
#include <string>
#include <utility>

#include "gopy/builtin_modules.hpp"
#include "gopy/config_sys.hpp"
#include "gopy/introspect.hpp"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/module_plugins.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/object_textio.hpp"
#include "gopy/plugin.hpp"
#include "gopy/state.hpp"
#include "gopy/sys_streams.hpp"
#include "sys_module.hpp"

namespace gopy::sys {

namespace {

// CPython: Python/sysmodule.c sys_exit_impl raises with PyErr_SetObject, which makes the
// exception from its value as _PyErr_CreateException does: None gives no arguments and a
// tuple gives its items as the arguments (sys.exit((5,)) exits 5, sys.exit(()) exits 0).
Object* s_exit(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("sys.exit", kw) || !check_nargs("exit", n, 0, 1)) return nullptr;
  if (n == 1 && a[0] == None()) n = 0;
  if (n == 1 && is_tuple(a[0])) {
    auto* items = static_cast<TupleObject*>(a[0]);
    a = items->items.data();
    n = items->items.size();
  }
  Object* exc = new_exception_args(&exc_SystemExit, a, n);
  if (!exc) return nullptr;
  raise_object(exc);
  decref(exc);
  return nullptr;
}

Object* s_getrecursionlimit(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("sys.getrecursionlimit", kw) || !check_nargs("sys.getrecursionlimit", n, 0, 0)) return nullptr;
  return new_int(get_thread_state()->interp->recursion_limit);
}

// CPython: Python/sysmodule.c sys_setrecursionlimit_impl
Object* s_setrecursionlimit(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("sys.setrecursionlimit", kw) || !check_nargs("sys.setrecursionlimit", n, 1, 1)) return nullptr;
  if (!is_int(a[0])) return type_error("'" + std::string(a[0]->type->name) + "' object cannot be interpreted as an integer");
  int64_t v;
  if (!int_to_int64(a[0], &v) || v > INT_MAX) return overflow_error("Python int too large to convert to C int");
  if (v < 1) return value_error("recursion limit must be greater or equal than 1");
  ThreadState* ts = get_thread_state();
  if (v <= ts->depth)
    return set_error(&exc_RecursionError, "cannot set the recursion limit to " + std::to_string(v) +
                                              " at the recursion depth " + std::to_string(ts->depth) +
                                              ": the limit is too low");
  ts->interp->recursion_limit = int(v);
  return new_none();
}

Object* s_get_int_max_str_digits(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("sys.get_int_max_str_digits", kw) || !check_nargs("sys.get_int_max_str_digits", n, 0, 0)) return nullptr;
  return new_int(get_thread_state()->interp->settings.int_max_str_digits);
}

Object* s_set_int_max_str_digits(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* v = n ? a[0] : find_kwarg(a, n, kw, "maxdigits");
  if (!v) return type_error("set_int_max_str_digits() missing required argument 'maxdigits' (pos 1)");
  int64_t d;
  if (!is_int(v) || !int_to_int64(v, &d)) return type_error("an integer is required");
  if (d != 0 && d < 640) return value_error("maxdigits must be >= 640 or 0 for unlimited");
  get_thread_state()->interp->settings.int_max_str_digits = int(d);
  return new_none();
}

Object* s_intern(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("sys.intern", kw) || !check_nargs("sys.intern", n, 1, 1)) return nullptr;
  if (!is_str(a[0])) return type_error("intern() argument must be str, not " + std::string(a[0]->type->name));
  return new_ref<Object>(intern(as_str(a[0])->view()));
}

Object* s_exception(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("sys.exception", kw) || !check_nargs("sys.exception", n, 0, 0)) return nullptr;
  ThreadState* ts = get_thread_state();
  return new_ref(ts->handled && ts->handled->exc ? ts->handled->exc : None());
}

Object* s_exc_info(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("sys.exc_info", kw) || !check_nargs("sys.exc_info", n, 0, 0)) return nullptr;
  ThreadState* ts = get_thread_state();
  Object* e = ts->handled ? ts->handled->exc : nullptr;
  if (!e) return new_tuple_from({None(), None(), None()});
  Object* tb = static_cast<BaseExceptionObject*>(e)->traceback;
  return new_tuple_from({e->type, e, tb ? tb : None()});
}

// CPython: Python/sysmodule.c sys_excepthook_impl (PyErr_Display of the value)
Object* s_excepthook(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("sys.excepthook", kw)) return nullptr;
  if (n != 3) return type_error("excepthook expected 3 arguments, got " + std::to_string(n));
  display_exception(a[1]);
  return new_none();
}

// CPython: Python/sysmodule.c sys_displayhook
Object* s_displayhook(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("sys.displayhook", kw) || !check_nargs("sys.displayhook", n, 1, 1)) return nullptr;
  if (default_displayhook(a[0]) < 0) return nullptr;
  return new_none();
}

// The standard streams: stdout is line-buffered on a terminal and block-buffered
// otherwise, stderr always line-buffered (CPython: Python/pylifecycle.c create_stdio).
void create_stdio(Interpreter* interp, ModuleObject* m) {
  interp->stdin_obj = new_textio(0, "<stdin>", true, false);
  interp->stdout_obj = new_textio(1, "<stdout>", false, ::isatty(1) == 1);
  interp->stderr_obj = new_textio(2, "<stderr>", false, true, "backslashreplace");
  struct Stream {
    const char* name;
    const char* original;  // sys.__stdin__, ...: the streams as they were at start-up
    Object* stream;
  };
  const Stream streams[] = {{"stdin", "__stdin__", interp->stdin_obj},
                            {"stdout", "__stdout__", interp->stdout_obj},
                            {"stderr", "__stderr__", interp->stderr_obj}};
  for (const Stream& s : streams) {
    dict_set_str(m->dict, s.name, s.stream);
    dict_set_str(m->dict, s.original, s.stream);
  }
}

}  // namespace

// sys.implementation, a SimpleNamespace in CPython's field order . CPython: Python/sysmodule.c
// make_impl_info
Object* make_implementation(Object* version_info) {
  Ref<NamespaceObject> impl = Ref<NamespaceObject>::steal(new_namespace());
  auto field = [&impl](const char* name, Object* value) {
    ORef owned = own(value);
    dict_set_str(impl->dict, name, owned.get());
  };
  field("name", new_str(kImplementationName));
  field("cache_tag", new_str(kCacheTag));
  field("version", new_ref(version_info));
  field("hexversion", new_int(kHexVersion));
#ifdef GOPY_MULTIARCH
  field("_multiarch", new_str(GOPY_MULTIARCH));
#endif
  return impl.release();
}

TypeObject* new_sys_type(const char* name) {
  Ref<TypeObject> t = Ref<TypeObject>::steal(make<TypeObject>());
  t->type = new_ref(&type_type);
  t->name = name;
  t->qualname = name;
  t->module = "sys";
  t->flags = TypeFlags::heap;
  t->base = new_ref(&object_type);
  t->bases = new_tuple_from({&object_type});
  t->dict = new_dict();
  return t.release();
}

ListObject* str_list(const std::vector<std::string>& items) {
  Ref<ListObject> l = Ref<ListObject>::steal(new_list());
  l->items.reserve(items.size());
  for (const auto& s : items) l->items.push_back(new_str_fs(s));  // no growth: cannot throw after new_str_fs
  return l.release();
}

TupleObject* str_tuple(const std::vector<std::string>& items) {
  Ref<TupleObject> t = Ref<TupleObject>::steal(new_tuple(ssize(items.size())));
  for (size_t i = 0; i < items.size(); ++i) t->items[i] = new_str_fs(items[i]);
  return t.release();
}

Object* str_or_none(const std::optional<std::string>& text) {
  return text ? static_cast<Object*>(new_str_fs(*text)) : new_none();
}

void put(ModuleObject* m, const char* name, Object* value) {
  ORef owned = own(value);
  dict_set_str(m->dict, name, owned.get());
}

// CPython: Python/sysmodule.c sys_getrefcount_impl (the argument's own reference counts).
Object* s_getrefcount(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("sys.getrefcount", kw) || !check_nargs("sys.getrefcount", n, 1, 1)) return nullptr;
  return new_int(int64_t(a[0]->refcnt));
}

Object* s_getdefaultencoding(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("sys.getdefaultencoding", kw) || !check_nargs("sys.getdefaultencoding", n, 0, 0)) return nullptr;
  return new_str("utf-8");
}

Object* s_is_finalizing(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("sys.is_finalizing", kw) || !check_nargs("sys.is_finalizing", n, 0, 0)) return nullptr;
  return new_bool(get_thread_state()->interp->finalizing);
}

// The interval a thread switch would wait: gopy runs one thread, so it is only kept.
// CPython: Python/sysmodule.c sys_setswitchinterval_impl.
// In an unnamed namespace: a plugin-internal variable needs no dynamic symbol look-up at
// each load.
namespace {
double switch_interval = 0.005;
}  // namespace

Object* s_getswitchinterval(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("sys.getswitchinterval", kw) || !check_nargs("sys.getswitchinterval", n, 0, 0)) return nullptr;
  return new_float(switch_interval);
}

Object* s_setswitchinterval(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("sys.setswitchinterval", kw) || !check_nargs("sys.setswitchinterval", n, 1, 1)) return nullptr;
  double v;
  if (is_float(a[0])) {
    v = static_cast<FloatObject*>(a[0])->value;
  } else if (is_int(a[0])) {
    int64_t i;
    // An int beyond 64 bits is still a (huge) real number of the right sign.
    v = int_to_int64(a[0], &i) ? double(i) : (int_sign(a[0]) < 0 ? -1.0 : 1e300);
  } else {
    return type_error("must be real number, not " + std::string(a[0]->type->name));
  }
  if (!(v > 0.0)) return value_error("switch interval must be strictly positive");
  switch_interval = v;
  return new_none();
}

// Tracing and profiling hooks: none is ever set; asking to set one is refused clearly
// rather than ignored (gopy's evaluator reports no trace events).
Object* no_hook(const char* name, size_t n, TupleObject* kw) {
  const std::string full = std::string("sys.") + name;
  if (!check_no_kwargs(full.c_str(), kw) || !check_nargs(full.c_str(), n, 0, 0)) return nullptr;
  return new_none();
}

Object* set_no_hook(const char* name, Object* const* a, size_t n, TupleObject* kw) {
  const std::string full = std::string("sys.") + name;
  if (!check_no_kwargs(full.c_str(), kw) || !check_nargs(full.c_str(), n, 1, 1)) return nullptr;
  if (a[0] != None())
    return set_error(&exc_NotImplementedError, std::string("sys.") + name + "(): gopy has no trace or profile events");
  return new_none();
}

Object* s_gettrace(Object*, Object* const*, size_t n, TupleObject* kw) { return no_hook("gettrace", n, kw); }
Object* s_getprofile(Object*, Object* const*, size_t n, TupleObject* kw) { return no_hook("getprofile", n, kw); }
Object* s_settrace(Object*, Object* const* a, size_t n, TupleObject* kw) { return set_no_hook("settrace", a, n, kw); }
Object* s_setprofile(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return set_no_hook("setprofile", a, n, kw);
}

// A depth argument as PyLong_AsInt takes it: an int (or __index__), not beyond int.
bool depth_arg(Object* arg, int64_t* depth) {
  Ref<> index = Ref<>::steal(number_index(arg));
  if (!index) return false;
  if (!int_to_int64(index.get(), depth) || *depth > INT_MAX || *depth < INT_MIN) {
    clear_error();
    overflow_error("Python int too large to convert to C int");
    return false;
  }
  return true;
}

// CPython: Python/sysmodule.c sys__getframe_impl. The frame is a snapshot (see
// frame_snapshot): the code, line, globals and locals as they are at the call.
Object* s_getframe(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("_getframe", kw) || !check_nargs("_getframe", n, 0, 1)) return nullptr;
  int64_t depth = 0;
  if (n > 0 && !depth_arg(a[0], &depth)) return nullptr;
  return frame_snapshot(depth);
}

// CPython: Python/sysmodule.c sys__getframemodulename_impl (depth=0, keyword allowed).
Object* s_getframemodulename(Object*, Object* const* a, size_t n, TupleObject* kw) {
  size_t nkw = kw ? kw->items.size() : 0;
  if (n + nkw > 1)
    return type_error("_getframemodulename() takes at most 1 argument (" + std::to_string(n + nkw) + " given)");
  if (nkw && as_str(kw->items[0])->view() != "depth")
    return type_error("_getframemodulename() got an unexpected keyword argument '" +
                      std::string(as_str(kw->items[0])->view()) + "'");
  int64_t depth = 0;
  if (n + nkw == 1 && !depth_arg(a[0], &depth)) return nullptr;
  return frame_module_name(depth);
}

Status fill_basic(Interpreter* interp) {
  ModuleObject* m = interp->sys_module;
  create_stdio(interp, m);
  dict_set_str(m->dict, "modules", interp->modules);
  const ModuleFunction fns[] = {{"exit", s_exit},
                    {"getrecursionlimit", s_getrecursionlimit},
                    {"setrecursionlimit", s_setrecursionlimit},
                    {"get_int_max_str_digits", s_get_int_max_str_digits},
                    {"set_int_max_str_digits", s_set_int_max_str_digits},
                    {"intern", s_intern},
                    {"exception", s_exception},
                    {"exc_info", s_exc_info},
                    {"excepthook", s_excepthook},
                    {"displayhook", s_displayhook},
                    {"getrefcount", s_getrefcount},
                    {"getdefaultencoding", s_getdefaultencoding},
                    {"is_finalizing", s_is_finalizing},
                    {"getswitchinterval", s_getswitchinterval},
                    {"setswitchinterval", s_setswitchinterval},
                    {"gettrace", s_gettrace},
                    {"getprofile", s_getprofile},
                    {"settrace", s_settrace},
                    {"setprofile", s_setprofile},
                    {"_getframe", s_getframe},
                    {"_getframemodulename", s_getframemodulename}};
  (void)add_module_functions(m, fns);
  // The originals, for restoring the hooks (CPython: sys.__excepthook__, __displayhook__).
  dict_set_str(m->dict, "__excepthook__", dict_get_str(m->dict, "excepthook"));
  dict_set_str(m->dict, "__displayhook__", dict_get_str(m->dict, "displayhook"));
  put(m, "maxsize", new_int(INT64_MAX));
  put(m, "platform", new_str(sys_platform()));
  put(m, "byteorder", new_str("little"));
  put(m, "maxunicode", new_int(0x10FFFF));
  put(m, "api_version", new_int(1013));
  put(m, "float_repr_style", new_str("short"));
  // CPython's shapes: a sorted tuple of str, and a frozenset of str (gopy's standard
  // library is what it builds in and what its module plugins provide).
  const std::vector<std::string>& builtin_names = builtin_module_name_list();
  Ref<TupleObject> builtin_tuple = Ref<TupleObject>::steal(str_tuple(builtin_names));
  Ref<SetObject> stdlib_names = Ref<SetObject>::steal(new_set(&frozenset_type));
  for (Object* name : builtin_tuple->items) set_add(stdlib_names.get(), name);
  for (std::string_view name : shipped_plugin_module_name_views()) {
    ORef n = own(new_str(name));
    set_add(stdlib_names.get(), n.get());
  }
  put(m, "builtin_module_names", builtin_tuple.release());
  put(m, "stdlib_module_names", stdlib_names.release());
  if (error_occurred()) {
    clear_error();
    return Status::error(Status::Category::runtime, "sys", "could not fill the sys module");
  }
  return Status::ok();
}

namespace {

Status attach(gopy_plugin_context& ctx) {
  auto* interp = static_cast<Interpreter*>(ctx.interp);
  SysConfig config;
  GOPY_RETURN_IF_ERROR(read_sys_config(ctx, config));
  std::string_view phase = ctx.phase;
  if (phase == "core") {
    switch_interval = 0.005;  // each interpreter starts with CPython's default
    GOPY_RETURN_IF_ERROR(fill_basic(interp));
    GOPY_RETURN_IF_ERROR(fill_config(interp, config, phase));
  } else if (phase == "main") {
    GOPY_RETURN_IF_ERROR(fill_config(interp, config, phase));
    GOPY_RETURN_IF_ERROR(fill_paths(interp, config.config));
    defer_configuration(interp, std::move(config));
  }
  return Status::ok();
}

Status detach(gopy_plugin_context& ctx) {
  forget_configuration(static_cast<Interpreter*>(ctx.interp));
  return Status::ok();
}

}  // namespace
}  // namespace gopy::sys

GOPY_PLUGIN(gopy_plugin_sys, "sys", gopy::sys::attach, gopy::sys::detach)
