// itertools' combinatoric iterators: product, permutations, combinations,
// combinations_with_replacement (CPython: Modules/itertoolsmodule.c product_next,
// permutations_next, combinations_next, cwr_next). Each keeps its pools as tuples and the
// indices of the next result.
#include <vector>

#include "itertools_internal.hpp"

namespace gopy::functional::itertools {
namespace {

struct Combinatoric : NativeObject {
  std::vector<Object*> pools;  // owned tuples: product's pools, or the one pool of the others
  std::vector<ssize> indices;
  std::vector<ssize> cycles;   // permutations
  ssize r = 0;
  bool first = true;
  bool stopped = false;
  using NativeObject::NativeObject;
  ~Combinatoric() override { clear_refs(); }
  void clear_refs() override {
    std::vector<Object*> old;
    old.swap(pools);
    for (Object* x : old) decref(x);
    NativeObject::clear_refs();
  }
  int traverse(VisitFn visit, void* arg) override {
    if (int v = visit_all(pools, visit, arg)) return v;
    return NativeObject::traverse(visit, arg);
  }
  std::vector<Object*>& pool(size_t i = 0) { return static_cast<TupleObject*>(pools[i])->items; }
  // The tuple of pool items at `indices` (one pool) or of pool i at indices[i] (product).
  Object* result(bool per_pool) {
    std::vector<Object*> items;
    items.reserve(size_t(r));
    for (ssize i = 0; i < r; ++i)
      items.push_back(new_ref(per_pool ? pool(size_t(i))[size_t(indices[size_t(i)])] : pool()[size_t(indices[size_t(i)])]));
    return new_tuple_steal(std::move(items));
  }
};

// ---- product(*iterables, repeat=1) ----
Object* product_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  ssize repeat = 1;
  if (kw) {
    for (size_t k = 0; k < kw->items.size(); ++k) {
      if (as_str(kw->items[k])->view() != "repeat")
        return type_error("product() got an unexpected keyword argument '" + as_str(kw->items[k])->utf8 + "'");
      if (!index_as_ssize(args[nargs + k], &repeat)) return nullptr;
    }
    if (repeat < 0) return value_error("repeat argument cannot be negative");
  }
  Ref<Combinatoric> p = Ref<Combinatoric>::steal(make<Combinatoric>(type));
  std::vector<Object*> base;
  for (size_t i = 0; i < nargs; ++i) {
    TupleObject* t = tuple_from_iterable(args[i]);
    if (!t) {
      for (Object* x : base) decref(x);
      return nullptr;
    }
    base.push_back(t);
  }
  for (ssize k = 0; k < repeat; ++k)
    for (Object* t : base) p->pools.push_back(new_ref(t));
  for (Object* x : base) decref(x);
  p->r = ssize(p->pools.size());
  p->indices.assign(p->pools.size(), 0);
  for (size_t i = 0; i < p->pools.size(); ++i)
    if (p->pool(i).empty()) p->stopped = true;
  return p.release();
}

// Moves product's indices to the next result (the rightmost pool first, carrying left):
// false when they wrap around.
bool product_advance(Combinatoric* p) {
  for (ssize i = p->r - 1; i >= 0; --i) {
    size_t u = size_t(i);
    if (++p->indices[u] < ssize(p->pool(u).size())) return true;
    p->indices[u] = 0;
  }
  return false;
}

// The first result, then each that `advance` reaches, until it reports the end.
template <bool (*Advance)(Combinatoric*), bool PerPool = false>
Object* combinatoric_next(Object* o) {
  auto* c = static_cast<Combinatoric*>(o);
  if (c->stopped) return nullptr;
  if (c->first) {
    c->first = false;
  } else if (!Advance(c)) {
    c->stopped = true;
    return nullptr;
  }
  return c->result(PerPool);
}

// The pool and r of permutations, combinations and combinations_with_replacement.
Combinatoric* one_pool(TypeObject* type, const char* name, Object* const* args, size_t nargs, TupleObject* kw,
                       bool r_required) {
  Object* a[2];
  if (!bind(name, args, nargs, kw, {"iterable", "r"}, 0, r_required ? 2 : 1, a)) return nullptr;
  Ref<TupleObject> pool = Ref<TupleObject>::steal(tuple_from_iterable(a[0]));
  if (!pool) return nullptr;
  ssize r = pool->size();
  if (a[1] && a[1] != None()) {
    // permutations (the one whose r may be None) takes an int only (CPython:
    // permutations_new), the others any index
    if (!r_required && !is_int(a[1])) return type_error("Expected int as r");
    if (!index_as_ssize(a[1], &r)) return nullptr;
    if (r < 0) return value_error("r must be non-negative");
  } else if (r_required && a[1] == None()) {
    return type_error(std::string("'NoneType' object cannot be interpreted as an integer"));
  }
  auto* c = make<Combinatoric>(type);
  c->pools.push_back(pool.release());
  c->r = r;
  return c;
}

// ---- permutations(iterable, r=None) ----
Object* permutations_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  Combinatoric* c = one_pool(type, "permutations", args, nargs, kw, false);
  if (!c) return nullptr;
  ssize n = ssize(c->pool().size());
  if (c->r > n) c->stopped = true;
  for (ssize i = 0; i < n; ++i) c->indices.push_back(i);
  for (ssize i = 0; i < c->r && !c->stopped; ++i) c->cycles.push_back(n - i);
  return c;
}

// CPython: Modules/itertoolsmodule.c permutations_next
bool permutations_advance(Combinatoric* c) {
  ssize n = ssize(c->pool().size());
  if (n == 0) return false;
  auto& idx = c->indices;
  for (ssize i = c->r - 1; i >= 0; --i) {
    size_t u = size_t(i);
    if (--c->cycles[u] == 0) {
      // Rotate indices[i:] left by one.
      ssize moved = idx[u];
      for (size_t j = u; j + 1 < size_t(n); ++j) idx[j] = idx[j + 1];
      idx[size_t(n - 1)] = moved;
      c->cycles[u] = n - i;
    } else {
      std::swap(idx[u], idx[size_t(n - c->cycles[u])]);
      return true;
    }
  }
  return false;
}

// ---- combinations(iterable, r) ----
Object* combinations_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  Combinatoric* c = one_pool(type, "combinations", args, nargs, kw, true);
  if (!c) return nullptr;
  if (c->r > ssize(c->pool().size())) c->stopped = true;
  for (ssize i = 0; i < c->r && !c->stopped; ++i) c->indices.push_back(i);
  return c;
}

// CPython: Modules/itertoolsmodule.c combinations_next
bool combinations_advance(Combinatoric* c) {
  ssize n = ssize(c->pool().size()), r = c->r;
  auto& idx = c->indices;
  ssize i = r - 1;
  while (i >= 0 && idx[size_t(i)] == i + n - r) --i;
  if (i < 0) return false;
  ++idx[size_t(i)];
  for (ssize j = i + 1; j < r; ++j) idx[size_t(j)] = idx[size_t(j - 1)] + 1;
  return true;
}

// ---- combinations_with_replacement(iterable, r) ----
Object* cwr_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  Combinatoric* c = one_pool(type, "combinations_with_replacement", args, nargs, kw, true);
  if (!c) return nullptr;
  if (c->pool().empty() && c->r > 0) c->stopped = true;
  c->indices.assign(size_t(c->r), 0);
  return c;
}

// CPython: Modules/itertoolsmodule.c cwr_next
bool cwr_advance(Combinatoric* c) {
  ssize n = ssize(c->pool().size());
  auto& idx = c->indices;
  ssize i = c->r - 1;
  while (i >= 0 && idx[size_t(i)] == n - 1) --i;
  if (i < 0) return false;
  ssize next = idx[size_t(i)] + 1;
  for (ssize j = i; j < c->r; ++j) idx[size_t(j)] = next;
  return true;
}

}  // namespace

int add_combinatoric_types(ModuleObject* m) {
  if (add_iterator_type(m, &types.product, "product", "product(*iterables, repeat=1): the tuples of one item from each iterable, as nested loops.",
                        product_new, combinatoric_next<product_advance, true>) < 0 ||
      add_iterator_type(m, &types.permutations, "permutations",
                        "permutations(iterable, r=None): the r-item orderings of the items, in order.", permutations_new,
                        combinatoric_next<permutations_advance>) < 0 ||
      add_iterator_type(m, &types.combinations, "combinations",
                        "combinations(iterable, r): the r-item subsets of the items, in order.", combinations_new,
                        combinatoric_next<combinations_advance>) < 0 ||
      add_iterator_type(m, &types.combinations_with_replacement, "combinations_with_replacement",
                        "combinations_with_replacement(iterable, r): the r-item combinations, items repeating.",
                        cwr_new, combinatoric_next<cwr_advance>) < 0)
    return -1;
  return 0;
}

}  // namespace gopy::functional::itertools
