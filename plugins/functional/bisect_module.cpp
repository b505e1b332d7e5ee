// The _bisect module: binary search and insertion in sorted sequences, with key, lo and hi
// (CPython: Modules/_bisectmodule.c). bisect.py re-exports it.
#include <utility>

#include "gopy/module.h"
#include "native.hpp"

namespace gopy::functional::bisect_module {
namespace {

struct Search {
  Object* a;
  Object* x;
  ssize lo = 0, hi = -1;
  Object* key = nullptr;  // null: the items themselves
};

// Binds (a, x, lo=0, hi=None, *, key=None). CPython: Modules/clinic/_bisectmodule.c.h
bool parse(const char* name, Object* const* args, size_t nargs, TupleObject* kw, Search* s) {
  if (nargs > 4) {
    type_error(std::string(name) + "() takes at most 4 positional arguments (" + std::to_string(nargs) + " given)");
    return false;
  }
  Object* v[5];
  if (!bind(name, args, nargs, kw, {"a", "x", "lo", "hi", "key"}, 0, 2, v)) return false;
  s->a = v[0];
  s->x = v[1];
  if (v[2] && !index_as_ssize(v[2], &s->lo)) return false;
  if (v[3] && v[3] != None() && !index_as_ssize(v[3], &s->hi)) return false;
  if (v[4] && v[4] != None()) s->key = v[4];
  if (s->lo < 0) {
    value_error("lo must be non-negative");
    return false;
  }
  if (s->hi == -1) {
    s->hi = object_length(s->a);
    if (s->hi < 0) return false;
  }
  return true;
}

// The insertion point of `x` (its key already applied) in a[lo:hi]: after equal items
// (right) or before them. -1 on error. CPython: internal_bisect_right, internal_bisect_left
ssize search(const Search& s, Object* x, bool right) {
  ssize lo = s.lo, hi = s.hi;
  while (lo < hi) {
    ssize mid = lo + (hi - lo) / 2;
    Object* item;
    if (s.a->type == &list_type && size_t(mid) < static_cast<ListObject*>(s.a)->items.size()) {
      item = new_ref(static_cast<ListObject*>(s.a)->items[size_t(mid)]);
    } else {
      Ref<> index = Ref<>::steal(new_int(mid));
      item = get_item(s.a, index.get());
      if (!item) return -1;
    }
    if (s.key) {
      Object* k = call1(s.key, item);
      decref(item);
      if (!k) return -1;
      item = k;
    }
    int cmp = right ? rich_compare_bool(x, item, CompareOp::lt) : rich_compare_bool(item, x, CompareOp::lt);
    decref(item);
    if (cmp < 0) return -1;
    if (cmp == right)
      hi = mid;
    else
      lo = mid + 1;
  }
  return lo;
}

template <bool Right>
Object* bisect_fn(const char* name, Object* const* args, size_t nargs, TupleObject* kw) {
  Search s;
  if (!parse(name, args, nargs, kw, &s)) return nullptr;
  ssize i = search(s, s.x, Right);
  return i < 0 ? nullptr : new_int(i);
}

template <bool Right>
Object* insort_fn(const char* name, Object* const* args, size_t nargs, TupleObject* kw) {
  Search s;
  if (!parse(name, args, nargs, kw, &s)) return nullptr;
  Ref<> k = Ref<>::borrow(s.x);
  if (s.key) {
    k = Ref<>::steal(call1(s.key, s.x));
    if (!k) return nullptr;
  }
  ssize i = search(s, k.get(), Right);
  if (i < 0) return nullptr;
  if (s.a->type == &list_type) {
    auto& items = static_cast<ListObject*>(s.a)->items;
    items.insert(items.begin() + std::min<ssize>(i, ssize(items.size())), new_ref(s.x));
    return new_none();
  }
  Ref<> index = Ref<>::steal(new_int(i));
  Object* insert_args[2] = {index.get(), s.x};
  Object* r = call_method(s.a, intern("insert"), insert_args, 2);
  if (!r) return nullptr;
  decref(r);
  return new_none();
}

Object* bisect_right(Object*, Object* const* a, size_t n, TupleObject* kw) { return bisect_fn<true>("bisect_right", a, n, kw); }
Object* bisect_left(Object*, Object* const* a, size_t n, TupleObject* kw) { return bisect_fn<false>("bisect_left", a, n, kw); }
Object* insort_right(Object*, Object* const* a, size_t n, TupleObject* kw) { return insort_fn<true>("insort_right", a, n, kw); }
Object* insort_left(Object*, Object* const* a, size_t n, TupleObject* kw) { return insort_fn<false>("insort_left", a, n, kw); }

int exec_bisect(gopy_plugin_context*, gopy_Object* handle) {
  auto* m = reinterpret_cast<ModuleObject*>(handle);
  const std::pair<const char*, BuiltinFn> functions[] = {
      {"bisect_right", bisect_right}, {"bisect_left", bisect_left},
      {"insort_right", insort_right}, {"insort_left", insort_left}};
  for (const auto& [name, fn] : functions)
    if (add_module_function(m, name, fn) < 0) return -1;
  return 0;
}

const gopy_ModuleDef kBisect = {GOPY_MODULE_API_VERSION, "_bisect",
                                "Binary search and sorted insertion: the native part of bisect.",
                                nullptr, nullptr, nullptr, nullptr, exec_bisect};

}  // namespace
}  // namespace gopy::functional::bisect_module

GOPY_MODULE_INIT(_bisect, gopy::functional::bisect_module::kBisect)
