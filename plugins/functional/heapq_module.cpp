// The _heapq module: the heap operations over a list, min-heaps and 3.14's max-heaps
// (CPython: Modules/_heapqmodule.c). heapq.py adds merge, nlargest and nsmallest.
#include <utility>

#include "gopy/module.h"
#include "native.hpp"

namespace gopy::functional::heapq_module {
namespace {

// Whether `a` belongs above `b` in the heap (a < b for a min-heap, b < a for a max-heap):
// 1, 0, or -1 with an exception. Ints and floats compare inline, without touching their
// counts (no Python code runs); other objects through rich comparison, which may run
// Python code: the operands are held meanwhile, and the list must keep its size.
// CPython: Modules/_heapqmodule.c siftdown/siftup's PyObject_RichCompareBool
template <bool Max>
int before(ListObject* heap, size_t size, Object* a, Object* b) {
  if constexpr (Max) std::swap(a, b);
  if (a->type == &int_type && b->type == &int_type && int_is_small(a) && int_is_small(b))
    return int_small_value(a) < int_small_value(b);
  if (a->type == &float_type && b->type == &float_type)
    return static_cast<FloatObject*>(a)->value < static_cast<FloatObject*>(b)->value;
  incref(a);
  incref(b);
  int cmp = rich_compare_bool(a, b, CompareOp::lt);
  decref(a);
  decref(b);
  if (cmp >= 0 && heap->items.size() != size) {
    set_error(&exc_RuntimeError, "list changed size during iteration");
    return -1;
  }
  return cmp;
}

// Moves the item at `pos` up toward `start` while it belongs above its parent.
// CPython: Modules/_heapqmodule.c siftdown
template <bool Max>
int sift_down(ListObject* heap, size_t start, size_t pos) {
  size_t size = heap->items.size();
  while (pos > start) {
    size_t parent = (pos - 1) >> 1;
    int cmp = before<Max>(heap, size, heap->items[pos], heap->items[parent]);
    if (cmp < 0) return -1;
    if (!cmp) break;
    std::swap(heap->items[pos], heap->items[parent]);
    pos = parent;
  }
  return 0;
}

// Moves the item at `pos` down to a leaf along the children that belong higher, then
// back up. CPython: Modules/_heapqmodule.c siftup
template <bool Max>
int sift_up(ListObject* heap, size_t pos) {
  size_t end = heap->items.size();
  size_t start = pos;
  size_t limit = end >> 1;
  while (pos < limit) {
    size_t child = 2 * pos + 1;
    // The next step compares two of these four grandchildren: fetching them now overlaps
    // their cache misses with this step's (a large heap is bound by memory latency).
    if (size_t grand = 4 * pos + 3; grand + 3 < end)
      for (size_t k = 0; k < 4; ++k) __builtin_prefetch(heap->items[grand + k]);
    if (child + 1 < end) {
      int cmp = before<Max>(heap, end, heap->items[child], heap->items[child + 1]);
      if (cmp < 0) return -1;
      if (!cmp) ++child;
    }
    std::swap(heap->items[child], heap->items[pos]);
    pos = child;
  }
  return sift_down<Max>(heap, start, pos);
}

// The heap argument: a list, as the functions' signatures require ("argument" alone for
// the functions of one argument).
ListObject* heap_arg(const char* name, Object* o, bool only = false) {
  if (!is_list(o)) {
    type_error(std::string(name) + "() argument" + (only ? "" : " 1") + " must be list, not " +
               (o == None() ? std::string("None") : o->type->name));
    return nullptr;
  }
  return static_cast<ListObject*>(o);
}

// Puts `item` at the top, sifts it down, and gives back the old top (the list's reference).
template <bool Max>
Object* swap_top(ListObject* heap, Object* item) {
  Object* top = heap->items[0];
  heap->items[0] = new_ref(item);
  if (sift_up<Max>(heap, 0) < 0) {
    decref(top);
    return nullptr;
  }
  return top;
}

template <bool Max>
Object* push(const char* name, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_args("_heapq", name, n, kw, 2, 2)) return nullptr;
  ListObject* heap = heap_arg(name, a[0]);
  if (!heap || list_append(heap, a[1]) < 0) return nullptr;
  if (sift_down<Max>(heap, 0, heap->items.size() - 1) < 0) return nullptr;
  return new_none();
}

template <bool Max>
Object* pop(const char* name, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_args("_heapq", name, n, kw, 1, 1)) return nullptr;
  ListObject* heap = heap_arg(name, a[0], true);
  if (!heap) return nullptr;
  if (heap->items.empty()) return index_error("index out of range");
  Ref<> last = Ref<>::steal(heap->items.back());  // the list's reference moves to us
  heap->items.pop_back();
  if (heap->items.empty()) return last.release();
  return swap_top<Max>(heap, last.get());
}

template <bool Max>
Object* replace(const char* name, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_args("_heapq", name, n, kw, 2, 2)) return nullptr;
  ListObject* heap = heap_arg(name, a[0]);
  if (!heap) return nullptr;
  if (heap->items.empty()) return index_error("index out of range");
  return swap_top<Max>(heap, a[1]);
}

template <bool Max>
Object* pushpop(const char* name, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_args("_heapq", name, n, kw, 2, 2)) return nullptr;
  ListObject* heap = heap_arg(name, a[0]);
  if (!heap) return nullptr;
  if (heap->items.empty()) return new_ref(a[1]);
  int cmp = before<Max>(heap, heap->items.size(), heap->items[0], a[1]);
  if (cmp < 0) return nullptr;
  if (!cmp) return new_ref(a[1]);
  if (heap->items.empty()) return index_error("index out of range");
  return swap_top<Max>(heap, a[1]);
}

template <bool Max>
Object* heapify(const char* name, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_args("_heapq", name, n, kw, 1, 1)) return nullptr;
  ListObject* heap = heap_arg(name, a[0], true);
  if (!heap) return nullptr;
  for (size_t i = heap->items.size() / 2; i-- > 0;)
    if (sift_up<Max>(heap, i) < 0) return nullptr;
  return new_none();
}

#define GOPY_HEAP_FN(NAME, OP, ORDER) \
  Object* NAME(Object*, Object* const* a, size_t n, TupleObject* kw) { return OP<ORDER>(#NAME, a, n, kw); }
GOPY_HEAP_FN(heappush, push, false)
GOPY_HEAP_FN(heappop, pop, false)
GOPY_HEAP_FN(heapreplace, replace, false)
GOPY_HEAP_FN(heappushpop, pushpop, false)
GOPY_HEAP_FN(heapify, heapify, false)
GOPY_HEAP_FN(heappush_max, push, true)
GOPY_HEAP_FN(heappop_max, pop, true)
GOPY_HEAP_FN(heapreplace_max, replace, true)
GOPY_HEAP_FN(heappushpop_max, pushpop, true)
GOPY_HEAP_FN(heapify_max, heapify, true)
#undef GOPY_HEAP_FN

int exec_heapq(gopy_plugin_context*, gopy_Object* handle) {
  auto* m = reinterpret_cast<ModuleObject*>(handle);
  const std::pair<const char*, BuiltinFn> functions[] = {
      {"heappush", heappush},         {"heappop", heappop},         {"heapreplace", heapreplace},
      {"heappushpop", heappushpop},   {"heapify", heapify},         {"heappush_max", heappush_max},
      {"heappop_max", heappop_max},   {"heapreplace_max", heapreplace_max},
      {"heappushpop_max", heappushpop_max}, {"heapify_max", heapify_max},
  };
  for (const auto& [name, fn] : functions)
    if (add_module_function(m, name, fn) < 0) return -1;
  return 0;
}

const gopy_ModuleDef kHeapq = {GOPY_MODULE_API_VERSION, "_heapq", "The heap operations on lists, min- and max-heaps: the native part of heapq.",
                               nullptr, nullptr, nullptr, nullptr, exec_heapq};

}  // namespace
}  // namespace gopy::functional::heapq_module

GOPY_MODULE_INIT(_heapq, gopy::functional::heapq_module::kHeapq)
