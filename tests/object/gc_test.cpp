// The cycle collector in-process: every built-in container reports its references, cycles
// are freed by gc_collect with finalizers run once and weak references cleared, and only
// objects that can be part of a cycle carry the collector's links.
#include <catch2/catch.hpp>

#include <vector>

#include "gopy/gc.hpp"
#include "gopy/object.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "gopy/weakref.hpp"
#include "object_runtime.hpp"

using namespace gopy;

namespace {

// The references an object reports.
std::vector<Object*> referents(Object* o) {
  std::vector<Object*> seen;
  (void)o->traverse([](Object* ref, void* arg) {
    static_cast<std::vector<Object*>*>(arg)->push_back(ref);
    return 0;
  }, &seen);
  return seen;
}

bool reports(Object* container, Object* item) {
  for (Object* r : referents(container))
    if (r == item) return true;
  return false;
}

}  // namespace

TEST_CASE("gc: numbers, strings and bytes carry no collector links", "[object][gc]") {
  CHECK(sizeof(GcObject) == sizeof(Object) + 2 * sizeof(void*));
  CHECK(sizeof(Object) == 3 * sizeof(void*));  // vptr, count, type
  ObjectRuntime rt;
  Object* i = new_int(1LL << 40);
  Object* s = new_str("text");
  Object* b = new_bytes("raw");
  for (Object* o : {i, s, b}) {
    CHECK(o->as_gc() == nullptr);
    decref(o);
  }
  ListObject* l = new_list();
  REQUIRE(l->as_gc() != nullptr);
  CHECK(gc_is_tracked(l));
  decref(l);
}

TEST_CASE("gc: every built-in container reports the references it holds", "[object][gc]") {
  ObjectRuntime rt;
  Object* item = new_str("item");
  Object* key = new_str("key");

  ListObject* list = new_list();
  list_append(list, item);
  TupleObject* tuple = new_tuple_from({item, key});
  DictObject* dict = new_dict();
  (void)dict_set_item(dict, key, item);
  SetObject* set = new_set();
  (void)set_add(set, item);
  SetObject* frozen = new_set(&frozenset_type);
  (void)set_add(frozen, key);
  CellObject* cell = new_cell(item);
  Object* method = new_method(list, item);
  ModuleObject* module = new_module("m");
  NamespaceObject* ns = new_namespace();
  Object* slice = new_slice(item, key, nullptr);
  Object* exc = new_exception_args(&exc_ValueError, &item, 1);
  Object* list_iter = get_iter(list);
  Object* dict_keys = call_method(dict, "keys", nullptr, 0);
  Object* args[] = {list};
  Object* enumerate = call(&enumerate_type, args, 1);
  Object* zip = call(&zip_type, args, 1);
  REQUIRE((list_iter && dict_keys && enumerate && zip));

  CHECK(reports(list, item));
  CHECK(reports(tuple, item));
  CHECK(reports(tuple, key));
  CHECK(reports(dict, key));
  CHECK(reports(dict, item));
  CHECK(reports(set, item));
  CHECK(reports(frozen, key));
  CHECK(reports(cell, item));
  CHECK(reports(method, list));
  CHECK(reports(method, item));
  CHECK(reports(module, module->dict));
  CHECK(reports(ns, ns->dict));
  CHECK(reports(slice, item));
  CHECK(reports(slice, key));
  CHECK(reports(exc, static_cast<BaseExceptionObject*>(exc)->args));
  CHECK(reports(list_iter, list));
  CHECK(reports(dict_keys, dict));
  CHECK(reports(enumerate, list_iter) == false);  // enumerate holds its own iterator
  CHECK(referents(enumerate).size() >= 1);
  CHECK(referents(zip).size() >= 1);
  for (Object* o : std::initializer_list<Object*>{list, tuple, dict, set, frozen, cell, method, module, ns, slice, exc,
                                                  list_iter, dict_keys, enumerate, zip}) {
    CHECK(o->as_gc() != nullptr);
    decref(o);
  }
  decref(item);
  decref(key);
}

TEST_CASE("gc: a traversal stops at the first non-zero visit", "[object][gc]") {
  ObjectRuntime rt;
  TupleObject* t = new_tuple_from({None(), None(), None()});
  int calls = 0;
  int r = t->traverse([](Object*, void* arg) {
    ++*static_cast<int*>(arg);
    return 7;
  }, &calls);
  CHECK(r == 7);
  CHECK(calls == 1);
  decref(t);
}

TEST_CASE("gc: collect frees unreachable cycles and keeps reachable ones", "[object][gc]") {
  ObjectRuntime rt;
  Interpreter* interp = rt.ts->interp;
  (void)gc_collect(2);
  size_t before = interp->live_count;
  ListObject* a = new_list();
  ListObject* b = new_list();
  list_append(a, b);
  list_append(b, a);
  ListObject* kept = new_list();
  list_append(kept, kept);
  decref(a);
  decref(b);
  CHECK(interp->live_count == before + 3);
  CHECK(gc_collect(2) == 2);
  CHECK(interp->live_count == before + 1);
  CHECK(gc_collect(0) == 0);
  kept->items.clear();  // drop the self-reference by hand
  decref(kept);         // the count of the reference the list held
  decref(kept);
  CHECK(interp->live_count == before);
}

TEST_CASE("gc: weak references to collected objects are cleared before they go", "[object][gc]") {
  ObjectRuntime rt;
  ModuleObject* m = new_module("cyclic");
  (void)dict_set_str(m->dict, "self", m);
  WeakRefObject* wr = new_weakref(m);
  CHECK(wr->referent == m);
  decref(m);
  CHECK(wr->referent == m);
  CHECK(gc_collect(2) >= 2);
  CHECK(wr->referent == nullptr);
  CHECK(first_weakref(m) == nullptr);
  decref(wr);
}

TEST_CASE("gc: allocation counts schedule a collection of the young generation", "[object][gc]") {
  ObjectRuntime rt;
  GcState& gc = rt.ts->interp->gc;
  (void)gc_collect(2);
  CHECK_FALSE(gc.scheduled);
  std::vector<Object*> held;
  for (ssize i = 0; i <= gc.generations[0].threshold; ++i) held.push_back(new_list());
  CHECK(gc.scheduled);
  gc_run_scheduled();
  CHECK_FALSE(gc.scheduled);
  CHECK(gc.generations[0].count == 0);
  CHECK(gc.stats[0].collections == 1);
  for (Object* o : held) decref(o);
}

TEST_CASE("gc: freeze moves every tracked object out of the collector's reach", "[object][gc]") {
  ObjectRuntime rt;
  ListObject* a = new_list();
  list_append(a, a);
  decref(a);
  gc_freeze();
  CHECK(gc_freeze_count() > 0);
  CHECK(gc_collect(2) == 0);
  gc_unfreeze();
  CHECK(gc_freeze_count() == 0);
  CHECK(gc_collect(2) == 1);
}
