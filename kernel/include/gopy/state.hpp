// Runtime, interpreter and thread state (CPython: Include/internal/pycore_interp.h,
// pycore_tstate.h, Python/pystate.c).
//
// Life of a runtime, as the lifecycle drives it:
//   InterpreterSettings s{...};
//   ThreadState* ts = create_interpreter(s);   // types ready, builtins/sys modules empty
//   ... plugins attach (they fill interp->builtins_module, interp->sys_module) ...
//   run_main_string / run_main_file (gopy/eval.hpp)
//   finalize_modules(interp);                   // CPython finalize_modules
//   free_all_objects(interp);                   // every object, cycles included
//   destroy_interpreter(ts);                    // get_thread_state() is null again
#pragma once
#include "gopy/api_begin.h"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "gopy/gc.hpp"
#include "gopy/object.hpp"

namespace gopy {

struct ModuleObject;
struct Frame;
struct BaseExceptionObject;
struct WeakRefObject;

// What the lifecycle hands to create_interpreter().
struct InterpreterSettings {
  bool use_hash_seed = false;  // PYTHONHASHSEED given
  uint64_t hash_seed = 0;      // 0 with use_hash_seed = hash randomization off
  int int_max_str_digits = 4300;
  int recursion_limit = 1000;
  int optimization_level = 0;  // -O: __debug__ is False and assert statements are dropped
  bool code_debug_ranges = true;  // -X no_debug_ranges: tracebacks show no column markers
  // sys.argv, sys.path and the prefixes come from the configuration, which the sys plugin
  // reads through its context.
};

// An exception being handled (the `except`/`finally` stack: sys.exception()).
struct HandledException {
  Object* exc = nullptr;  // borrowed from the handler's frame, which keeps it alive
  HandledException* previous = nullptr;
};

struct ThreadState {
  Interpreter* interp = nullptr;
  Object* current_exception = nullptr;  // owned; the raised exception instance
  // True while the current exception has not yet been given a traceback entry for the
  // frame it is leaving (CPython adds one per frame at its error label).
  bool traceback_pending = false;
  HandledException* handled = nullptr;
  Frame* frame = nullptr;  // innermost executing frame
  int depth = 0;           // Python call depth (checked against the recursion limit)
  int c_depth = 0;         // C++ recursion through the protocols (repr, compare, ...)
  char* stack_limit = nullptr;  // lowest safe C++ stack address (RecursionError below it)
  // The data stack frames live on: chunks allocated on demand (kernel/eval/frame_stack.cpp).
  struct DataStackChunk* datastack_chunk = nullptr;
  Object** datastack_top = nullptr;
  Object** datastack_limit = nullptr;
  // The trashcan (see dealloc_object): how deeply deallocations nest right now, and the
  // dead objects (count zero, still linked) that wait for the outermost one to free them.
  int dealloc_depth = 0;
  std::vector<Object*> dealloc_pending;
};

struct Interpreter {
  InterpreterSettings settings;
  ThreadState* main_thread = nullptr;
  // How many heap objects are alive (made minus freed): finalize brings it to zero.
  size_t live_count = 0;
  // The cycle collector: the tracked objects and their generations.
  GcState gc;
  // Weak references, by referent: the first of each referent's list (CPython keeps the
  // list in the object, at tp_weaklistoffset; gopy keeps it out of the object).
  std::unordered_map<Object*, WeakRefObject*> weakrefs;
  bool finalizing = false;
  bool freeing_all = false;  // free_all_objects runs (or ran): finalizers no longer run
  // Set when the program ended with an uncaught KeyboardInterrupt: CPython then exits by
  // re-raising SIGINT (Modules/main.c exit_sigint); the lifecycle does the same.
  bool unhandled_keyboard_interrupt = false;
  int recursion_limit = 1000;
  uint64_t hash_k0 = 0, hash_k1 = 0;  // SipHash key from the seed
  DictObject* modules = nullptr;           // sys.modules
  ModuleObject* builtins_module = nullptr; // filled by the builtins plugin
  ModuleObject* sys_module = nullptr;      // filled by the sys plugin
  DictObject* builtins_dict = nullptr;     // borrowed view of builtins_module's dict
  DictObject* interned = nullptr;          // interned names
  DictObject* type_dicts_owner = nullptr;  // keeps the static types' dicts
  // The import hook the import plugin installs: import_name(name, globals, fromlist, level).
  Object* (*import_hook)(Interpreter*, StrObject* name, DictObject* globals, Object* fromlist,
                         int level) = nullptr;
  // Attributes of sys made the first time a program reads one of them, or the whole
  // namespace (sys.__dict__, vars(sys), dir(sys)), so that start-up does not pay for what
  // few programs read: the import plugin's hooks and default finders (sys.meta_path,
  // sys.path_hooks, sys.path_importer_cache), the sys plugin's sys._configuration. Each
  // maker runs at most once per interpreter and returns 0, or -1 with an exception; the
  // plugin that registers one removes it at detach.
  struct LazySysAttributes {
    bool (*names)(std::string_view name) = nullptr;  // whether the maker makes `name`
    int (*make)(Interpreter*) = nullptr;
  };
  std::vector<LazySysAttributes> lazy_sys_attributes;
  // Source text of code compiled from strings ("<string>" for -c), so tracebacks can show
  // its lines as CPython 3.13+ does (linecache's registered sources).
  std::map<std::string, std::string> string_sources;
  // Standard streams objects (sys.stdout & co.), set by the sys plugin.
  Object* stdout_obj = nullptr;
  Object* stderr_obj = nullptr;
  Object* stdin_obj = nullptr;
  // Objects whose finalizer has run and that are still alive (resurrected by it, or kept
  // by a cycle at shutdown): their finalizer must not run again (CPython: the GC's
  // FINALIZED bit). An object leaves the set when it is freed.
  std::unordered_set<Object*> finalized;

  Interpreter();
  ~Interpreter();
};

namespace detail {
extern ThreadState* current_thread_state;  // set by create_interpreter (state.cpp)
}
// The current thread's state while a runtime is initialized, nullptr otherwise. Inline:
// every allocation and every free asks for it.
inline ThreadState* get_thread_state() { return detail::current_thread_state; }
inline Interpreter* current_interp() { return get_thread_state()->interp; }
// Where the evaluator may run a collection that allocations scheduled.
inline void gc_safe_point(Interpreter* interp) {
  if (interp->gc.scheduled) [[unlikely]]
    gc_run_scheduled();
}

// Creates the interpreter and its main thread state and makes it current: the static
// types get their attribute dicts, sys.modules exists, builtins and sys modules exist
// (empty until their plugins attach). Never fails except on memory exhaustion.
ThreadState* create_interpreter(const InterpreterSettings& settings);
// CPython: Python/pylifecycle.c finalize_modules. Clears sys.modules and every module's
// namespace (builtins and sys last), dropping references so most objects are released.
void finalize_modules(Interpreter* interp);
// Frees every object the interpreter still owns, reference cycles included.
void free_all_objects(Interpreter* interp);
// Destroys the thread state and interpreter; get_thread_state() returns nullptr afterwards.
void destroy_interpreter(ThreadState* ts);

// RecursionError guard for C++ recursion (CPython: _Py_EnterRecursiveCall): true when the
// call may proceed; false with RecursionError set.
bool enter_recursive_call(ThreadState* ts, const char* where = "");
inline void leave_recursive_call(ThreadState* ts) { --ts->c_depth; }
// True when the C++ stack is close to its end (checked by deep C++ recursion paths).
bool cpp_stack_exhausted(ThreadState* ts);

// Registers, and at detach removes, a maker of lazily made sys attributes
// (Interpreter::lazy_sys_attributes).
void add_lazy_sys_attributes(Interpreter* interp, bool (*names)(std::string_view), int (*make)(Interpreter*));
void remove_lazy_sys_attributes(Interpreter* interp, int (*make)(Interpreter*));

}  // namespace gopy
#include "gopy/api_end.h"
