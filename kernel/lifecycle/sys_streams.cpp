// Where the runtime's own output goes: sys.stdout, sys.stderr and sys.excepthook as they
// are when it writes. CPython: Python/sysmodule.c _PySys_GetOptionalAttr,
// PySys_WriteStderr; Python/pythonrun.c _PyErr_PrintEx, PyErr_Display, flush_io;
// Python/errors.c write_unraisable_exc_file; Python/pylifecycle.c flush_std_files.
#include "gopy/sys_streams.hpp"

#include <unistd.h>

#include <cstdio>
#include <new>
#include <optional>
#include <string>

#include "gopy/eval.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "gopy/object_num.hpp"
#include "gopy/state.hpp"
#include "lifecycle/runtime.hpp"
#include "lifecycle/traceback_c.hpp"

namespace gopy {

Object* sys_attribute(std::string_view name) {
  ThreadState* ts = get_thread_state();
  if (!ts || !ts->interp->sys_module || !ts->interp->sys_module->dict) return nullptr;
  return dict_get_str(ts->interp->sys_module->dict, name);
}

Object* sys_required_attribute(std::string_view name) {
  Object* value = sys_attribute(name);
  if (!value) set_error(&exc_RuntimeError, std::string("lost sys.").append(name));
  return value;
}

namespace {

// Writes `text` with stream.write(); false (error cleared) when that fails.
bool write_quietly(Object* stream, std::string_view text) {
  if (!stream || stream == None()) return false;
  if (write_to_stream(stream, text) == 0) return true;
  clear_error();
  return false;
}

// CPython: _PyFile_Flush, errors cleared; false when flush() failed (the error stays set).
bool flush_stream(Object* stream) {
  // Held for the call: flush() may rebind sys.stdout.
  Object* r = call_method(Ref<>::borrow(stream).get(), "flush", nullptr, 0);
  if (!r) return false;
  decref(r);
  return true;
}

// CPython: Python/pylifecycle.c file_is_closed
bool stream_is_closed(Object* stream) {
  Object* closed = nullptr;
  try {
    closed = get_attr(stream, "closed");
  } catch (const std::bad_alloc&) {
    // Memory ran out while asking: as any other failure to ask, the stream counts as open.
  }
  if (!closed) {
    clear_error();
    return false;
  }
  int t = object_is_true(closed);
  decref(closed);
  if (t < 0) clear_error();
  return t > 0;
}

// Sets sys.<name> to `value`, ignoring failures (CPython: _PySys_SetAttr + PyErr_Clear).
void set_sys_attribute(const char* name, Object* value) {
  Interpreter* interp = get_thread_state()->interp;
  if (!interp->sys_module || !interp->sys_module->dict) return;
  if (dict_set_str(interp->sys_module->dict, name, value) < 0) clear_error();
}

// CPython: Objects/object.c _PyObject_Dump, what is left to say when sys.stderr is gone.
void dump_object(Object* o) {
  std::string repr = "<repr failed>";
  if (Object* r = object_repr(o)) {
    repr = as_str(r)->utf8;
    decref(r);
  } else {
    clear_error();
  }
  std::fprintf(stderr,
               "object address  : %p\nobject refcount : %lld\nobject type     : %p\n"
               "object type name: %s\nobject repr     : %s\n",
               static_cast<void*>(o), static_cast<long long>(o->refcnt), static_cast<void*>(o->type),
               o->type->name.c_str(), repr.c_str());
}

}  // namespace

void sys_write_stderr(std::string_view text) {
  Object* pending = fetch_error();
  if (!write_quietly(sys_attribute("stderr"), text)) {
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fflush(stderr);
  }
  if (pending) restore_error(pending);
}

namespace {

// A true environment variable as _colorize reads one: set and not empty.
bool env_flag(const Environment& env, std::string_view name) {
  std::optional<std::string> value = env.get(name);
  return value && !value->empty();
}

// Whether stream.fileno() is a terminal; stream.isatty() when fileno() raises OSError.
bool stream_is_terminal(Object* stream) {
  int missing = 0;
  Ref<> fileno = Ref<>::steal(lookup_attr(stream, intern("fileno"), &missing));
  if (!fileno) {
    clear_error();
    return false;
  }
  Ref<> fd = Ref<>::steal(call0(fileno.get()));
  int64_t number = 0;
  if (fd && is_int(fd.get()) && int_to_int64(fd.get(), &number)) return ::isatty(int(number)) == 1;
  bool os_error = !fd && error_matches(&exc_OSError);
  clear_error();
  if (!os_error) return false;
  Ref<> answer = Ref<>::steal(call_method(stream, "isatty", nullptr, 0));
  int yes = answer ? object_is_true(answer.get()) : 0;
  clear_error();
  return yes == 1;
}

// CPython: Lib/_colorize.py can_colorize(file=sys.stderr), which the built-in excepthook
// asks (Lib/traceback.py _print_exception_bltin).
bool can_colorize(Object* stream) {
  const Environment& env = runtime_environment();
  const Config* config = runtime().config.get();
  if (!config || config->use_environment > 0) {
    std::optional<std::string> choice = env.get("PYTHON_COLORS");
    if (choice == "0") return false;
    if (choice == "1") return true;
  }
  if (env_flag(env, "NO_COLOR")) return false;
  if (env_flag(env, "FORCE_COLOR")) return true;
  if (env.get("TERM") == "dumb") return false;
  return stream_is_terminal(stream);
}

}  // namespace

void display_exception(Object* exc) {
  Object* stream = sys_attribute("stderr");
  if (!stream) {
    dump_object(exc);
    std::fputs("lost sys.stderr\n", stderr);
    return;
  }
  if (stream == None()) return;
  Ref<> held = Ref<>::borrow(stream);  // printing may rebind sys.stderr
  print_exception_to(stream, exc, can_colorize(stream));
}

void print_uncaught_exception(Object* exc) {
  Object* tb = None();
  if (is_exception_instance(exc))
    if (Object* own = static_cast<BaseExceptionObject*>(exc)->traceback) tb = own;
  set_sys_attribute("last_exc", exc);
  set_sys_attribute("last_type", exc->type);
  set_sys_attribute("last_value", exc);
  set_sys_attribute("last_traceback", tb);
  Object* hook = sys_attribute("excepthook");
  if (!hook) {
    sys_write_stderr("sys.excepthook is missing\n");
    display_exception(exc);
    return;
  }
  Object* args[3] = {exc->type, exc, tb};
  // Held for the call: the hook may rebind sys.excepthook.
  Object* result = call(Ref<>::borrow(hook).get(), args, 3);
  if (result) {
    decref(result);
    return;
  }
  Object* hook_error = fetch_error();
  sys_write_stderr("Error in sys.excepthook:\n");
  display_exception(hook_error);
  sys_write_stderr("\nOriginal exception was:\n");
  display_exception(exc);
  decref(hook_error);
}

int default_displayhook(Object* value) {
  if (value == None()) return 0;
  DictObject* builtins = get_thread_state()->interp->builtins_dict;
  // Cleared first, so that repr() cannot see a stale `_`.
  if (builtins && dict_set_str(builtins, "_", None()) < 0) return -1;
  Object* out = sys_required_attribute("stdout");
  if (!out) return -1;
  if (out == None()) {
    set_error(&exc_RuntimeError, "lost sys.stdout");
    return -1;
  }
  Object* text = object_repr(value);
  if (!text) return -1;
  // Held for the call: writing may rebind sys.stdout.
  int written = write_to_stream(Ref<>::borrow(out).get(), as_str(text)->utf8 + "\n");
  decref(text);
  if (written < 0) return -1;
  if (builtins && dict_set_str(builtins, "_", value) < 0) return -1;
  return 0;
}

void write_unraisable(std::string_view what) {
  Object* exc = fetch_error();
  if (!exc) return;
  Object* stream = sys_attribute("stderr");
  if (stream && stream != None()) {
    Ref<> held = Ref<>::borrow(stream);  // writing may rebind sys.stderr
    std::string text = std::string(what) + ":\n";
    bool ok = write_quietly(stream, text);
    auto* e = static_cast<BaseExceptionObject*>(exc);
    // CPython: write_unraisable_exc_file uses the C printer (PyTraceBack_Print).
    if (ok && e->traceback) ok = print_c_traceback(stream, e->traceback);
    if (ok) {
      text = exception_type_display_name(exc->type);
      Object* s = object_str(exc);
      if (s) {
        text += ": " + as_str(s)->utf8;
        decref(s);
      } else {
        clear_error();
        text += ": <exception str() failed>";
      }
      ok = write_quietly(stream, text + "\n");
    }
    if (ok && !flush_stream(stream)) clear_error();
  }
  decref(exc);
}

bool flush_std_streams() {
  Object* pending = fetch_error();
  bool ok = true;
  for (const char* name : {"stderr", "stdout"}) {
    Object* stream = sys_attribute(name);
    if (!stream || stream == None()) continue;
    if (!flush_stream(stream)) {
      clear_error();
      ok = false;
    }
  }
  if (pending) restore_error(pending);
  return ok;
}

bool flush_std_files() {
  bool ok = true;
  Object* out = sys_attribute("stdout");
  if (out && out != None() && !stream_is_closed(out) && !flush_stream(out)) {
    ok = false;
    write_unraisable("Exception ignored while flushing sys.stdout");
  }
  Object* err = sys_attribute("stderr");
  if (err && err != None() && !stream_is_closed(err) && !flush_stream(err)) {
    clear_error();
    ok = false;
  }
  return ok;
}

}  // namespace gopy
