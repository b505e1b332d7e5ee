// Runtime, interpreter and thread state: creation, the module teardown, freeing every
// object, and the recursion guards (CPython: Python/pystate.c, Python/pylifecycle.c
// finalize_modules, Python/ceval.c _Py_CheckRecursiveCall).
#include "object/getset_internal.hpp"
#include "gopy/state.hpp"

#include <algorithm>
#include <cstdio>
#include <string>
#include <utility>
#include <cstdlib>
#include <new>
#include <vector>

#include "eval/stack_bounds.hpp"
#include "gopy/object.hpp"
#include "gopy/object_complex.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/object_textio.hpp"
#include "gopy/weakref.hpp"
#include "object/int_free_list.hpp"
#include "object/num_internal.hpp"
#include "object/num_methods.hpp"
#include "object/prim/hash.hpp"
#include "object/seq_internal.hpp"
#include "object/strcat.hpp"
#include "object/io_internal.hpp"
#include "object/type_init.hpp"
#include "object/object_alloc.hpp"
#include "object/str_internal.hpp"
#include "object/type_internal.hpp"
#include "object/module_api_objects.hpp"
#include "object/traceback_carets.hpp"
#include "object/typevar.hpp"
#include "object/exception_group.hpp"
#include "object/dict_internal.hpp"
#include "object/sys_flag.hpp"

namespace gopy {
void free_data_stack(ThreadState* ts);  // kernel/eval/frame_stack.cpp
}

namespace gopy {

namespace {

uint64_t g_interpreter_generation = 0;
std::vector<Object*> g_repr_stack;

#if defined(GOPY_SANITIZE) || defined(__SANITIZE_ADDRESS__)
constexpr size_t kStackMargin = 1024 * 1024;  // sanitizer frames are much larger
#else
constexpr size_t kStackMargin = 256 * 1024;
#endif

// The lowest address deep C++ recursion may reach: a margin above the stack's end, left
// for the frames between two depth checks and for raising RecursionError. The margin
// scales down with small stacks (ulimit -s 128 keeps a quarter of what is left), so every
// stack size gets a limit. CPython: Python/ceval.c _Py_InitializeRecursionLimits
char* find_stack_limit() {
  std::uintptr_t low = thread_stack_low();
  auto here = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
  if (low == 0 || here <= low) return nullptr;
  const size_t margin = std::min(kStackMargin, (here - low) / 4);
  return reinterpret_cast<char*>(low + margin);
}

void init_static_types_once() {
  static bool done = false;
  if (done) return;
  done = true;
  init_type_and_object_types();
  init_int_float_types_int_part();
  init_int_float_types_float_part();
  init_num_slots();
  init_str_type();
  init_list_tuple_types();
  init_dict_type();
  init_set_type();
  init_range_slice_types();
  init_complex_type();
  init_function_types();
  init_member_descr_type();
  init_getset_descr_types();
  init_descriptor_types();
  init_namespace_type();
  init_module_api_types();
  init_typevar_types();
  init_exception_types();
  init_iterator_types();
  init_builtin_iter_types();
  init_io_types();  // before the standard streams' type, a TextIOBase
  init_textio_type();
  init_bytes_types();
  init_weakref_types();
}

}  // namespace

int repr_enter(Object* o) {
  if (std::find(g_repr_stack.begin(), g_repr_stack.end(), o) != g_repr_stack.end()) return 1;
  g_repr_stack.push_back(o);
  return 0;
}
void repr_leave(Object* o) {
  auto it = std::find(g_repr_stack.rbegin(), g_repr_stack.rend(), o);
  if (it != g_repr_stack.rend()) g_repr_stack.erase(std::next(it).base());
}

Interpreter::Interpreter() = default;
Interpreter::~Interpreter() = default;

ThreadState* detail::current_thread_state = nullptr;
uint64_t interpreter_generation() { return g_interpreter_generation; }

ThreadState* create_interpreter(const InterpreterSettings& settings) {
  init_static_types_once();
  ++g_interpreter_generation;
  auto* interp = new Interpreter();
  interp->settings = settings;
  interp->recursion_limit = settings.recursion_limit > 0 ? settings.recursion_limit : 1000;
  prim::HashSecret secret = settings.use_hash_seed ? prim::hash_secret_from_seed(uint32_t(settings.hash_seed))
                                                   : prim::hash_secret_random();
  interp->hash_k0 = secret.k0;
  interp->hash_k1 = secret.k1;
  auto* ts = new ThreadState();
  ts->interp = interp;
  ts->stack_limit = find_stack_limit();
  interp->main_thread = ts;
  detail::current_thread_state = ts;
  int_free_list_configure(object_alloc_pools_enabled());

  // The interned table first: type dicts are keyed by interned names.
  reset_stranded_interned();
  interp->interned = new_dict();
  // Sized for the names a bare start-up interns (about 230) and a short script's more, so
  // the table is not re-indexed on the way there.
  dict_reserve(interp->interned, 340);
  // It holds only strs, so it can be in no cycle: untracked, as CPython untracks a dict of
  // atomic values, so that no collection traverses every name. free_all_objects frees it.
  gc_forget(interp->interned);
  init_eval_types();  // made once
  init_type_and_object_methods();
  // Start-up cost: these method tables are built in each interpreter on the type's first
  // use (type_dict), not here; a short program touches few of them. A table that fills
  // several types is set on each of them: it runs once, for all (fill_lazy_methods).
  str_type.lazy_methods = init_str_methods;
  list_type.lazy_methods = init_list_methods;
  tuple_type.lazy_methods = init_tuple_methods;
  dict_type.lazy_methods = init_dict_methods;
  set_type.lazy_methods = init_set_methods;
  frozenset_type.lazy_methods = init_set_methods;
  textio_type.lazy_methods = init_textio_methods;
  function_type.lazy_methods = init_function_methods;
  for (TypeObject* t : {&typevar_type, &paramspec_type, &typevartuple_type, &union_type})
    t->lazy_methods = init_typevar_methods;
  member_descr_type.lazy_methods = init_member_descr_methods;
  for (TypeObject* t : {&exc_BaseException, &exc_BaseExceptionGroup, &exc_ExceptionGroup})
    t->lazy_methods = init_exception_methods;
  int_type.lazy_methods = init_int_float_methods;
  float_type.lazy_methods = init_int_float_methods;
  range_type.lazy_methods = init_range_methods;
  slice_type.lazy_methods = init_range_methods;
  init_traceback_attrs();
  init_exception_group_bases();

  interp->modules = new_dict();
  interp->builtins_module = new_module("builtins");
  interp->builtins_dict = interp->builtins_module->dict;
  interp->sys_module = new_module("sys");
  // Sized for what the builtins and sys plugins put in them (about 150 and 80 names).
  dict_reserve(interp->builtins_dict, 160);
  dict_reserve(interp->sys_module->dict, 96);
  dict_set_str(interp->modules, "builtins", interp->builtins_module);
  dict_set_str(interp->modules, "sys", interp->sys_module);
  return ts;
}

namespace {

// CPython's finalize_modules collects garbage once the modules left sys.modules and before
// their dicts are cleared, so finalizers still see their globals. Objects with a finalizer
// that are still alive after that collection are then finalized too, oldest first, so
// every `__del__` runs before the modules go; they stay alive until their references go,
// and their finalizers do not run again.
void finalize_objects_at_exit(Interpreter* interp) {
  (void)gc_collect(GcState::kGenerations - 1);
  std::vector<Object*> pinned;
  for (int gen = GcState::kGenerations - 1; gen >= -1; --gen) {
    gc_for_each_tracked(gen, [](GcObject* o, void* arg) {
      auto& pinned = *static_cast<std::vector<Object*>*>(arg);
      if (o->type->tp_finalize && !current_interp()->finalized.count(o)) pinned.push_back(new_ref(o));
    }, &pinned);
  }
  for (Object* o : pinned) {
    FinalizeFn finalize = o->type->tp_finalize;  // an earlier finalizer may have changed it
    if (finalize && interp->finalized.insert(o).second) finalize(o);
  }
  for (Object* o : pinned) decref(o);
}

}  // namespace

// CPython: Python/pylifecycle.c finalize_modules: the modules leave sys.modules (watched
// through weak references), garbage is collected so that modules nothing refers to go
// with their cycles, and the dicts of the modules still alive are cleared.
namespace {
// Drops the interpreter's own references to sys's standard streams.
void drop_standard_streams(Interpreter* interp) {
  for (Object** stream : {&interp->stdout_obj, &interp->stderr_obj, &interp->stdin_obj}) {
    Object* s = *stream;
    *stream = nullptr;
    xdecref(s);
  }
}
}  // namespace

// -v's lines about the modules at exit, on sys.stderr while it is there (CPython:
// PySys_FormatStderr in finalize_remove_modules, finalize_modules_clear_weaklist and
// module_dealloc).
void verbose_cleanup(Interpreter* interp, bool verbose, const std::string& line) {
  if (!verbose) return;
  if (!interp->stderr_obj || write_to_stream(interp->stderr_obj, line + "\n") < 0) {
    clear_error();
    std::fputs((line + "\n").c_str(), stderr);
  }
}

void finalize_modules(Interpreter* interp) {
  if (!interp->modules) return;
  const bool verbose = sys_flag("verbose") > 0;
  std::vector<Object*> keys;
  std::vector<std::pair<std::string, Object*>> watched;  // name, weak reference
  dict_for_each(interp->modules, [&](Object* k, Object* v) {
    if (v->type != &module_type) return;
    if (is_str(k)) verbose_cleanup(interp, verbose, "# cleanup[2] removing " + as_str(k)->utf8);
    if (v != interp->builtins_module && v != interp->sys_module) {
      keys.push_back(new_ref(k));
      // A module that cannot be watched (no memory for its weak reference) keeps its
      // dict; CPython skips it the same way.
      Object* w = nullptr;
      try {
        w = new_weakref(v);
      } catch (const std::bad_alloc&) {
      }
      if (w)
        watched.emplace_back(is_str(k) ? as_str(k)->utf8 : std::string(), w);
      else
        clear_error();
    }
  });
  for (Object* k : keys) {
    if (dict_del_item(interp->modules, k) < 0) clear_error();
    decref(k);
  }
  finalize_objects_at_exit(interp);
  // The modules still alive are wiped, the most recently imported first.
  for (auto it = watched.rbegin(); it != watched.rend(); ++it) {
    Object* w = it->second;
    if (Object* m = static_cast<WeakRefObject*>(w)->referent) {
      verbose_cleanup(interp, verbose, "# cleanup[3] wiping " + it->first);
      incref(m);
      if (DictObject* d = static_cast<ModuleObject*>(m)->dict) dict_clear(d);
      decref(m);
    }
    if (!static_cast<WeakRefObject*>(w)->referent) verbose_cleanup(interp, verbose, "# destroy " + it->first);
    decref(w);
  }
  dict_clear(interp->modules);
  verbose_cleanup(interp, verbose, "# cleanup[3] wiping sys");
  verbose_cleanup(interp, verbose, "# cleanup[3] wiping builtins");
  drop_standard_streams(interp);
  if (interp->sys_module && interp->sys_module->dict) dict_clear(interp->sys_module->dict);
  if (interp->builtins_module && interp->builtins_module->dict) dict_clear(interp->builtins_module->dict);
}

// Frees every object still alive: the collector frees what it tracks, cycles included,
// and with it every untracked object they held.
void free_all_objects(Interpreter* interp) {
  interp->finalizing = true;
  interp->freeing_all = true;
  // The streams are untracked: when start-up failed before finalize_modules could drop
  // them, this reference is the last one the collector would not free.
  drop_standard_streams(interp);
  gc_free_all(interp);
  // Untracked (create_interpreter): freed after everything that may hold its strs.
  if (DictObject* interned = interp->interned) {
    interp->interned = nullptr;
    decref(interned);
  }
  reset_stranded_interned();
  interp->finalized.clear();
  reset_static_type_dicts();
  type_modified();
  interp->modules = nullptr;
  interp->builtins_module = nullptr;
  interp->builtins_dict = nullptr;
  interp->sys_module = nullptr;
  interp->interned = nullptr;
  g_repr_stack.clear();
  if (ThreadState* ts = interp->main_thread) {
    ts->current_exception = nullptr;
    ts->handled = nullptr;
  }
}

void destroy_interpreter(ThreadState* ts) {
  if (!ts) return;
  Interpreter* interp = ts->interp;
  if (!interp->freeing_all) free_all_objects(interp);
  free_data_stack(ts);
  if (detail::current_thread_state == ts) detail::current_thread_state = nullptr;
  delete ts;
  delete interp;
  int_free_list_configure(false);  // its ints hold pool blocks
  object_alloc_release_free_memory();  // an embedder's init/finalize cycles do not grow
}

void add_lazy_sys_attributes(Interpreter* interp, bool (*names)(std::string_view), int (*make)(Interpreter*)) {
  interp->lazy_sys_attributes.push_back({names, make});
}

void remove_lazy_sys_attributes(Interpreter* interp, int (*make)(Interpreter*)) {
  std::erase_if(interp->lazy_sys_attributes, [make](const Interpreter::LazySysAttributes& l) { return l.make == make; });
}

bool cpp_stack_exhausted(ThreadState* ts) {
  char here;
  return ts->stack_limit && &here < ts->stack_limit;
}

// CPython 3.14: Python/ceval.c _Py_CheckRecursiveCall (the C recursion guard measures the
// stack, and says how much of it is used).
bool enter_recursive_call(ThreadState* ts, const char* where) {
  if (cpp_stack_exhausted(ts)) {
    auto here = reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
    std::uintptr_t top = thread_stack_top();
    std::uintptr_t used_kb = top > here ? (top - here) / 1024 : 0;
    set_error(&exc_RecursionError, cat("Stack overflow (used ", used_kb, " kB)", where));
    return false;
  }
  ++ts->c_depth;
  return true;
}

}  // namespace gopy
