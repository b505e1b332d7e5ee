// warn() and warn_explicit() for C++ callers: they call the `warnings` module's functions
// of the same names, so its filters, registries and showwarning hook apply.
// CPython: Python/_warnings.c PyErr_WarnExplicitObject, PyErr_WarnEx.
#include "gopy/warnings.hpp"

#include <cstdio>
#include <string>

#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/callback_errors.hpp"

namespace gopy {

namespace {

// The warnings module (new reference); null with no error set when it cannot be imported
// (no standard library on sys.path), null with the error set when importing it failed.
Object* warnings_module() {
  Interpreter* interp = get_thread_state()->interp;
  if (Object* m = dict_get_str(interp->modules, "warnings")) return new_ref(m);
  if (!interp->import_hook) return nullptr;
  Object* m = interp->import_hook(interp, intern("warnings"), nullptr, nullptr, 0);
  if (!m && error_matches(&exc_ModuleNotFoundError)) clear_error();
  return m;
}

// Without the module: the line the default action shows (CPython: _warnings.c
// show_warning when the Python showwarning is unavailable).
void print_fallback(TypeObject* category, std::string_view message, std::string_view filename, int lineno) {
  std::string text = std::string(filename) + ":" + std::to_string(lineno) + ": " + category->qualname + ": " +
                     std::string(message) + "\n";
  std::fputs(text.c_str(), stderr);
}

int call_warnings(const char* function, Object* const* args, size_t nargs) {
  Object* m = warnings_module();
  if (!m) return error_occurred() ? -1 : 1;
  Object* r = call_method(m, function, args, nargs);
  decref(m);
  if (!r) return -1;
  decref(r);
  return 0;
}

}  // namespace

void warn_unawaited_coroutine(Object* coro, std::string_view qualname) {
  bool warned = false;
  if (Object* m = warnings_module()) {
    // An optional attribute: a warnings module without it falls back to warn().
    int failed = 0;
    Object* fn = lookup_attr(m, intern("_warn_unawaited_coroutine"), &failed);
    decref(m);
    if (fn) {
      Object* r = call(fn, &coro, 1);
      decref(fn);
      warned = r || error_matches(&exc_RuntimeWarning);
      xdecref(r);
    }
  }
  if (error_occurred()) write_unraisable_call_error("Exception ignored while finalizing coroutine", coro);
  if (!warned && warn(&exc_RuntimeWarning, "coroutine '" + std::string(qualname) + "' was never awaited") < 0)
    write_unraisable_call_error("Exception ignored while finalizing coroutine", coro);
}

int warn_explicit(TypeObject* category, std::string_view message, std::string_view filename, int lineno) {
  Object* args[] = {new_str(message), category, new_str(filename), new_int(lineno)};
  int status = call_warnings("warn_explicit", args, 4);
  decref(args[0]);
  decref(args[2]);
  decref(args[3]);
  if (status == 1) print_fallback(category, message, filename, lineno);
  return status < 0 ? -1 : 0;
}

int warn(TypeObject* category, std::string_view message, int stacklevel) {
  Object* args[] = {new_str(message), category, new_int(stacklevel)};
  int status = call_warnings("warn", args, 3);
  decref(args[0]);
  decref(args[2]);
  if (status == 1) print_fallback(category, message, "<sys>", 0);
  return status < 0 ? -1 : 0;
}

}  // namespace gopy
