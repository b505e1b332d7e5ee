// The gc module: the collector's interface (CPython 3.14.7: Modules/gcmodule.c).
#include <string>
#include <vector>

#include "gopy/gc.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/strcat.hpp"

namespace gopy {

namespace {

GcState& state() { return current_interp()->gc; }

ListObject* garbage_list() {
  GcState& gc = state();
  if (!gc.garbage) gc.garbage = new_list();
  return gc.garbage;
}
ListObject* callbacks_list() {
  GcState& gc = state();
  if (!gc.callbacks) gc.callbacks = new_list();
  return gc.callbacks;
}

// CPython's METH_NOARGS and METH_O errors: "gc.enable() takes no arguments (1 given)".
bool no_args(const char* name, size_t nargs, TupleObject* kwnames) {
  std::string fname = cat("gc.", name);
  if (!check_no_kwargs(fname.c_str(), kwnames)) return false;
  if (nargs) type_error(cat(fname, "() takes no arguments (", nargs, " given)"));
  return nargs == 0;
}
bool one_arg(const char* name, size_t nargs, TupleObject* kwnames) {
  std::string fname = cat("gc.", name);
  return check_no_kwargs(fname.c_str(), kwnames) && check_nargs(fname.c_str(), nargs, 1, 1);
}
// An int argument as a C int (CPython: Argument Clinic's `int` converter).
bool int_arg(Object* o, int* out) {
  if (is_float(o)) {
    type_error("'float' object cannot be interpreted as an integer");
    return false;
  }
  ssize v;
  if (!index_as_ssize(o, &v)) return false;
  if (v > INT32_MAX || v < INT32_MIN) {
    overflow_error(v > 0 ? "signed integer is greater than maximum" : "signed integer is less than minimum");
    return false;
  }
  *out = int(v);
  return true;
}

Object* f_enable(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!no_args("enable", nargs, kwnames)) return nullptr;
  state().enabled = true;
  return new_none();
}
Object* f_disable(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!no_args("disable", nargs, kwnames)) return nullptr;
  state().enabled = false;
  return new_none();
}
Object* f_isenabled(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!no_args("isenabled", nargs, kwnames)) return nullptr;
  return new_bool(state().enabled);
}

// CPython: gc_collect_impl: collect(generation=2).
Object* f_collect(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_kwargs_allowed("collect", kwnames, {"generation"})) return nullptr;
  if (nargs > 1) return type_error(cat("collect() takes at most 1 argument (", nargs, " given)"));
  Object* g = nargs ? args[0] : find_kwarg(args, nargs, kwnames, "generation");
  int generation = GcState::kGenerations - 1;
  if (g && !int_arg(g, &generation)) return nullptr;
  if (generation < 0 || generation >= GcState::kGenerations) return value_error("invalid generation");
  ssize n = gc_collect(generation);
  return new_int(n < 0 ? 0 : n);  // a collection already running: 0, as CPython
}

// One field of every generation, as a tuple.
Object* per_generation(ssize GcGeneration::*field) {
  std::vector<Object*> items;
  for (auto& g : state().generations) items.push_back(new_int(g.*field));
  return new_tuple_steal(std::move(items));
}

Object* f_get_count(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!no_args("get_count", nargs, kwnames)) return nullptr;
  return per_generation(&GcGeneration::count);
}

Object* f_get_threshold(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!no_args("get_threshold", nargs, kwnames)) return nullptr;
  return per_generation(&GcGeneration::threshold);
}

// CPython: gc_set_threshold_impl: threshold0, [threshold1, [threshold2]].
Object* f_set_threshold(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("gc.set_threshold", kwnames)) return nullptr;
  if (nargs < 1 || nargs > 3) return type_error("gc.set_threshold requires 1 to 3 arguments");
  int values[GcState::kGenerations];
  for (size_t i = 0; i < nargs; ++i)
    if (!int_arg(args[i], &values[i])) return nullptr;
  GcState& gc = state();
  for (size_t i = 0; i < nargs; ++i) gc.generations[i].threshold = values[i];
  return new_none();
}

Object* f_get_debug(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!no_args("get_debug", nargs, kwnames)) return nullptr;
  return new_int(state().debug);
}
Object* f_set_debug(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!one_arg("set_debug", nargs, kwnames)) return nullptr;
  int flags;
  if (!int_arg(args[0], &flags)) return nullptr;
  state().debug = flags;
  return new_none();
}

Object* f_is_tracked(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!one_arg("is_tracked", nargs, kwnames)) return nullptr;
  GcObject* g = args[0]->as_gc();
  return new_bool(g && gc_is_tracked(g));
}
Object* f_is_finalized(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!one_arg("is_finalized", nargs, kwnames)) return nullptr;
  return new_bool(args[0]->as_gc() && current_interp()->finalized.count(args[0]));
}

Object* f_freeze(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!no_args("freeze", nargs, kwnames)) return nullptr;
  gc_freeze();
  return new_none();
}
Object* f_unfreeze(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!no_args("unfreeze", nargs, kwnames)) return nullptr;
  gc_unfreeze();
  return new_none();
}
Object* f_get_freeze_count(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!no_args("get_freeze_count", nargs, kwnames)) return nullptr;
  return new_int(gc_freeze_count());
}

// The tracked objects of `generation` (the permanent generation when -1).
void collect_tracked(int generation, std::vector<GcObject*>* out) {
  gc_for_each_tracked(generation, [](GcObject* o, void* arg) {
    static_cast<std::vector<GcObject*>*>(arg)->push_back(o);
  }, out);
}
std::vector<GcObject*> all_tracked() {
  std::vector<GcObject*> all;
  for (int g = 0; g < GcState::kGenerations; ++g) collect_tracked(g, &all);
  collect_tracked(-1, &all);
  return all;
}

struct ReferrerSearch {
  Object* const* targets;
  size_t count;
};
int visit_is_target(Object* ref, void* arg) {
  auto* s = static_cast<ReferrerSearch*>(arg);
  for (size_t i = 0; i < s->count; ++i)
    if (s->targets[i] == ref) return 1;
  return 0;
}

// CPython: gc_get_referrers_impl.
Object* f_get_referrers(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("gc.get_referrers", kwnames)) return nullptr;
  ListObject* result = new_list();
  ReferrerSearch search{args, nargs};
  for (GcObject* o : all_tracked())
    if (o != result && o->traverse(visit_is_target, &search)) list_append(result, o);
  return result;
}

int visit_append(Object* ref, void* arg) {
  list_append(static_cast<ListObject*>(arg), ref);
  return 0;
}

// CPython: gc_get_referents: only objects the collector knows report their references.
Object* f_get_referents(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("gc.get_referents", kwnames)) return nullptr;
  ListObject* result = new_list();
  for (size_t i = 0; i < nargs; ++i)
    if (GcObject* g = args[i]->as_gc()) (void)g->traverse(visit_append, result);
  return result;
}

// CPython: gc_get_objects_impl: get_objects(generation=None).
Object* f_get_objects(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_kwargs_allowed("get_objects", kwnames, {"generation"})) return nullptr;
  if (nargs > 1) return type_error(cat("get_objects() takes at most 1 argument (", nargs, " given)"));
  Object* g = nargs ? args[0] : find_kwarg(args, nargs, kwnames, "generation");
  std::vector<GcObject*> objects;
  if (g && g != None()) {
    int generation;
    if (!int_arg(g, &generation)) return nullptr;
    if (generation >= GcState::kGenerations)
      return value_error(cat("generation parameter must be less than the number of available generations (",
                             std::to_string(GcState::kGenerations), ")"));
    if (generation < 0) return value_error("generation parameter cannot be negative");
    collect_tracked(generation, &objects);
  } else {
    objects = all_tracked();
  }
  ListObject* result = new_list(ssize(objects.size()));
  for (GcObject* o : objects) list_append(result, o);
  return result;
}

// CPython: gc_get_stats_impl.
Object* f_get_stats(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!no_args("get_stats", nargs, kwnames)) return nullptr;
  GcState& gc = state();
  ListObject* result = new_list();
  for (const GcStats& s : gc.stats) {
    DictObject* d = new_dict();
    const std::pair<const char*, ssize> fields[] = {
        {"collections", s.collections}, {"collected", s.collected}, {"uncollectable", s.uncollectable}};
    for (auto& [key, value] : fields) {
      Object* v = new_int(value);
      (void)dict_set_str(d, key, v);
      decref(v);
    }
    list_append(result, d);
    decref(d);
  }
  return result;
}

}  // namespace

ModuleObject* create_gc_module() {
  ModuleObject* m = new_module("gc");
  const ModuleFunction fns[] = {{"enable", f_enable},
             {"disable", f_disable},
             {"isenabled", f_isenabled},
             {"collect", f_collect},
             {"get_count", f_get_count},
             {"get_threshold", f_get_threshold},
             {"set_threshold", f_set_threshold},
             {"get_debug", f_get_debug},
             {"set_debug", f_set_debug},
             {"is_tracked", f_is_tracked},
             {"is_finalized", f_is_finalized},
             {"freeze", f_freeze},
             {"unfreeze", f_unfreeze},
             {"get_freeze_count", f_get_freeze_count},
             {"get_referrers", f_get_referrers},
             {"get_referents", f_get_referents},
             {"get_objects", f_get_objects},
             {"get_stats", f_get_stats}};
  (void)add_module_functions(m, fns);
  (void)dict_set_str(m->dict, "garbage", garbage_list());
  (void)dict_set_str(m->dict, "callbacks", callbacks_list());
  const std::pair<const char*, int> flags[] = {{"DEBUG_STATS", kGcDebugStats},
                                               {"DEBUG_COLLECTABLE", kGcDebugCollectable},
                                               {"DEBUG_UNCOLLECTABLE", kGcDebugUncollectable},
                                               {"DEBUG_SAVEALL", kGcDebugSaveAll},
                                               {"DEBUG_LEAK", kGcDebugLeak}};
  for (auto& [name, value] : flags) {
    Object* v = new_int(value);
    (void)dict_set_str(m->dict, name, v);
    decref(v);
  }
  return m;
}

}  // namespace gopy
