// The atexit module: Python callbacks that finalize runs first, most recently registered
// first, each error reported as unraisable (CPython: Modules/atexitmodule.c
// atexit_register, atexit_unregister, atexit_callfuncs).
#include <vector>

#include "gopy/lifecycle.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "lifecycle/atexit.hpp"
#include "object/callback_errors.hpp"

namespace gopy {

namespace {

struct Callback {
  Object* func;          // owned
  TupleObject* args;     // owned
  DictObject* kwargs;    // owned, may be null
};

std::vector<Callback>& callbacks() {
  static std::vector<Callback> list;
  return list;
}

void release(Callback& cb) {
  decref(cb.func);
  decref(cb.args);
  xdecref(cb.kwargs);
}

// CPython: atexit_callfuncs. The callbacks registered when the run starts are called, most
// recent first; any registered while they run are dropped with them.
void call_all() {
  std::vector<Callback> run;
  run.swap(callbacks());
  for (auto it = run.rbegin(); it != run.rend(); ++it) {
    Callback& cb = *it;
    Object* result = nullptr;
    if (cb.kwargs) {
      std::vector<Object*> args(cb.args->items.begin(), cb.args->items.end());
      std::vector<Object*> names;
      dict_for_each(cb.kwargs, [&](Object* key, Object* value) {
        names.push_back(new_ref(key));
        args.push_back(value);
      });
      Ref<TupleObject> kwnames = Ref<TupleObject>::steal(new_tuple_steal(std::move(names)));
      result = call(cb.func, args.data(), cb.args->items.size(), kwnames.get());
    } else {
      result = call(cb.func, cb.args->items.data(), cb.args->items.size());
    }
    if (result == nullptr) write_unraisable_call_error("Exception ignored in atexit callback", cb.func);
    xdecref(result);
  }
  for (Callback& cb : run) release(cb);
  clear_python_atexit_callbacks();
}

void run_from_finalize(void*) { call_all(); }

Object* f_register(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (nargs == 0) return type_error(std::string("register() takes at least 1 argument (0 given)"));
  if (!callable_check(args[0])) return type_error("the first argument must be callable");
  Callback cb{new_ref(args[0]), nullptr, nullptr};
  std::vector<Object*> rest;
  for (size_t i = 1; i < nargs; ++i) rest.push_back(new_ref(args[i]));
  cb.args = new_tuple_steal(std::move(rest));
  if (kwnames && !kwnames->items.empty()) {
    cb.kwargs = new_dict();
    for (size_t i = 0; i < kwnames->items.size(); ++i)
      if (dict_set_item(cb.kwargs, kwnames->items[i], args[nargs + i]) < 0) {
        release(cb);
        return nullptr;
      }
  }
  callbacks().push_back(cb);
  return new_ref(args[0]);
}

// CPython: atexit_unregister (every registration of a callable equal to func).
Object* f_unregister(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("unregister", kwnames) || !check_nargs("unregister", nargs, 1, 1)) return nullptr;
  auto& list = callbacks();
  for (size_t i = 0; i < list.size();) {
    Object* func = list[i].func;
    incref(func);
    int eq = object_eq(func, args[0]);
    decref(func);
    if (eq < 0) return nullptr;
    if (eq && i < list.size() && list[i].func == func) {
      Callback cb = list[i];
      list.erase(list.begin() + static_cast<std::ptrdiff_t>(i));
      release(cb);
    } else {
      ++i;
    }
  }
  return new_ref(None());
}

Object* f_run_exitfuncs(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("_run_exitfuncs", kwnames) || !check_nargs("_run_exitfuncs", nargs, 0, 0)) return nullptr;
  call_all();
  return new_ref(None());
}

Object* f_clear(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("_clear", kwnames) || !check_nargs("_clear", nargs, 0, 0)) return nullptr;
  clear_python_atexit_callbacks();
  return new_ref(None());
}

Object* f_ncallbacks(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("_ncallbacks", kwnames) || !check_nargs("_ncallbacks", nargs, 0, 0)) return nullptr;
  return new_int(static_cast<int64_t>(callbacks().size()));
}

}  // namespace

void clear_python_atexit_callbacks() {
  auto& list = callbacks();
  std::vector<Callback> old;
  old.swap(list);
  for (Callback& cb : old) release(cb);
}

ModuleObject* create_atexit_module() {
  ModuleObject* m = new_module("atexit");
  if (m == nullptr) return nullptr;
  Ref<> doc = Ref<>::steal(new_str("allow programmer to define multiple exit functions to be executed\n"
                                   "upon normal program termination.\n\n"
                                   "Two public functions, register and unregister, are defined.\n"));
  (void)dict_set_str(m->dict, "__doc__", doc.get());
  (void)add_module_function(m, "register", f_register);
  (void)add_module_function(m, "unregister", f_unregister);
  (void)add_module_function(m, "_run_exitfuncs", f_run_exitfuncs);
  (void)add_module_function(m, "_clear", f_clear);
  (void)add_module_function(m, "_ncallbacks", f_ncallbacks);
  // The module is made once per interpreter: its callbacks run at finalize's atexit step.
  register_atexit(run_from_finalize, nullptr);
  return m;
}

}  // namespace gopy
