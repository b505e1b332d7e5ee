// itertools' iterators that end with their input: accumulate, batched, chain, compress,
// dropwhile, filterfalse, groupby, islice, pairwise, starmap, takewhile, tee, zip_longest
// (CPython: Modules/itertoolsmodule.c).
#include <vector>

#include "itertools_internal.hpp"

namespace gopy::functional::itertools {
namespace {

// Drops an owned reference and leaves the field null.
void clear_field(Object** field) {
  Object* old = *field;
  *field = nullptr;
  xdecref(old);
}

// ---- accumulate(iterable, func=None, *, initial=None) ----
struct Accumulate : NativeObject {
  Object *it = nullptr, *func = nullptr, *total = nullptr, *initial = nullptr;
  using NativeObject::NativeObject;
  ~Accumulate() override { clear_refs(); }
  GOPY_OWNED_FIELDS(&it, &func, &total, &initial)
};

Object* accumulate_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  if (nargs > 2)
    return type_error("accumulate() takes at most 2 positional arguments (" + std::to_string(nargs) + " given)");
  Object* a[3];
  if (!bind("accumulate", args, nargs, kw, {"iterable", "func", "initial"}, 0, 1, a)) return nullptr;
  Object* it = get_iter(a[0]);
  if (!it) return nullptr;
  auto* acc = make<Accumulate>(type);
  acc->it = it;
  if (a[1] && a[1] != None()) acc->func = new_ref(a[1]);
  if (a[2] && a[2] != None()) acc->initial = new_ref(a[2]);
  return acc;
}

Object* accumulate_next(Object* o) {
  auto* acc = static_cast<Accumulate*>(o);
  if (acc->initial) {
    acc->total = acc->initial;  // the reference moves
    acc->initial = nullptr;
    return new_ref(acc->total);
  }
  if (!acc->it) return nullptr;
  Object* value = next_guarded(acc->it);
  if (!value) return nullptr;
  if (!acc->total) {
    acc->total = new_ref(value);
    return value;
  }
  Object* next = acc->func ? call2(acc->func, acc->total, value) : binary_op(acc->total, value, BinaryOp::add);
  decref(value);
  if (!next) return nullptr;
  clear_field(&acc->total);
  acc->total = next;
  return new_ref(next);
}

// ---- batched(iterable, n, *, strict=False) ----
struct Batched : NativeObject {
  Object* it = nullptr;
  ssize n = 0;
  bool strict = false;
  using NativeObject::NativeObject;
  ~Batched() override { clear_refs(); }
  GOPY_OWNED_FIELDS(&it)
};

Object* batched_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  if (nargs > 2)
    return type_error("batched() takes at most 2 positional arguments (" + std::to_string(nargs) + " given)");
  Object* a[3];
  if (!bind("batched", args, nargs, kw, {"iterable", "n", "strict"}, 0, 2, a)) return nullptr;
  ssize n;
  if (!index_as_ssize(a[1], &n)) return nullptr;
  if (n < 1) return value_error("n must be at least one");
  int strict = a[2] ? object_is_true(a[2]) : 0;
  if (strict < 0) return nullptr;
  Object* it = get_iter(a[0]);
  if (!it) return nullptr;
  auto* b = make<Batched>(type);
  b->it = it;
  b->n = n;
  b->strict = strict;
  return b;
}

Object* batched_next(Object* o) {
  auto* b = static_cast<Batched*>(o);
  if (!b->it) return nullptr;
  std::vector<Object*> items;
  items.reserve(size_t(b->n < 1024 ? b->n : 1024));
  while (ssize(items.size()) < b->n) {
    Object* item = next_guarded(b->it);
    if (!item) break;
    items.push_back(item);
  }
  if (error_occurred()) {
    for (Object* x : items) decref(x);
    return nullptr;
  }
  if (ssize(items.size()) < b->n) {
    clear_field(&b->it);  // a short batch is the last
    if (items.empty()) return nullptr;
    if (b->strict) {
      for (Object* x : items) decref(x);
      return value_error("batched(): incomplete batch");
    }
  }
  return new_tuple_steal(std::move(items));
}

// ---- chain(*iterables), chain.from_iterable(iterable) ----
struct Chain : NativeObject {
  Object* source = nullptr;  // an iterator over the iterables
  Object* active = nullptr;  // the current one's iterator
  using NativeObject::NativeObject;
  ~Chain() override { clear_refs(); }
  GOPY_OWNED_FIELDS(&source, &active)
};

Object* chain_from(TypeObject* type, Object* iterable) {
  Object* source = get_iter(iterable);
  if (!source) return nullptr;
  auto* c = make<Chain>(type);
  c->source = source;
  return c;
}

Object* chain_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("chain", kw)) return nullptr;
  Ref<TupleObject> all = Ref<TupleObject>::steal(new_tuple(ssize(nargs)));
  for (size_t i = 0; i < nargs; ++i) all->items[i] = new_ref(args[i]);
  return chain_from(type, all.get());
}

// Bound to the type: args[0] is the type (the kernel's calling convention).
Object* chain_from_iterable(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("from_iterable", kw) || !check_positional("from_iterable", nargs - 1, 1, 1)) return nullptr;
  return chain_from(static_cast<TypeObject*>(args[0]), args[1]);
}

Object* chain_next(Object* o) {
  auto* c = static_cast<Chain*>(o);
  for (;;) {
    if (c->active) {
      Object* item = next_guarded(c->active);
      if (item || error_occurred()) return item;
      clear_field(&c->active);
    }
    if (!c->source) return nullptr;
    Object* iterable = next_guarded(c->source);
    if (!iterable) {
      if (!error_occurred()) clear_field(&c->source);
      return nullptr;
    }
    c->active = get_iter(iterable);
    decref(iterable);
    if (!c->active) return nullptr;
  }
}

// ---- compress(data, selectors) ----
struct Compress : NativeObject {
  Object *data = nullptr, *selectors = nullptr;
  using NativeObject::NativeObject;
  ~Compress() override { clear_refs(); }
  GOPY_OWNED_FIELDS(&data, &selectors)
};

Object* compress_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  Object* a[2];
  if (!bind("compress", args, nargs, kw, {"data", "selectors"}, 0, 2, a)) return nullptr;
  Ref<> data = Ref<>::steal(get_iter(a[0]));
  if (!data) return nullptr;
  Ref<> selectors = Ref<>::steal(get_iter(a[1]));
  if (!selectors) return nullptr;
  auto* c = make<Compress>(type);
  c->data = data.release();
  c->selectors = selectors.release();
  return c;
}

Object* compress_next(Object* o) {
  auto* c = static_cast<Compress*>(o);
  for (;;) {
    Object* datum = next_guarded(c->data);
    if (!datum) return nullptr;
    Object* selector = next_guarded(c->selectors);
    if (!selector) {
      decref(datum);
      return nullptr;
    }
    int ok = object_is_true(selector);
    decref(selector);
    if (ok > 0) return datum;
    decref(datum);
    if (ok < 0) return nullptr;
  }
}

// ---- dropwhile, takewhile, filterfalse, starmap: (function, iterable, /) ----
struct FuncIter : NativeObject {
  Object *func = nullptr, *it = nullptr;
  bool flag = false;  // dropwhile: dropping is over; takewhile: taking is over
  using NativeObject::NativeObject;
  ~FuncIter() override { clear_refs(); }
  GOPY_OWNED_FIELDS(&func, &it)
};

Object* func_iter_new(const char* name, TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords(name, kw) || !check_positional(name, nargs, 2, 2)) return nullptr;
  Object* it = get_iter(args[1]);
  if (!it) return nullptr;
  auto* f = make<FuncIter>(type);
  f->func = new_ref(args[0]);
  f->it = it;
  return f;
}

// predicate(item) as a truth value: 1, 0, or -1.
int predicate_true(Object* func, Object* item) {
  Object* r = call1(func, item);
  if (!r) return -1;
  int t = object_is_true(r);
  decref(r);
  return t;
}

Object* dropwhile_new(TypeObject* t, Object* const* a, size_t n, TupleObject* kw) {
  return func_iter_new("dropwhile", t, a, n, kw);
}

Object* dropwhile_next(Object* o) {
  auto* f = static_cast<FuncIter*>(o);
  for (;;) {
    Object* item = next_guarded(f->it);
    if (!item || f->flag) return item;
    int t = predicate_true(f->func, item);
    if (t == 0) {
      f->flag = true;
      return item;
    }
    decref(item);
    if (t < 0) return nullptr;
  }
}

Object* takewhile_new(TypeObject* t, Object* const* a, size_t n, TupleObject* kw) {
  return func_iter_new("takewhile", t, a, n, kw);
}

Object* takewhile_next(Object* o) {
  auto* f = static_cast<FuncIter*>(o);
  if (f->flag) return nullptr;
  Object* item = next_guarded(f->it);
  if (!item) return nullptr;
  int t = predicate_true(f->func, item);
  if (t > 0) return item;
  decref(item);
  if (t == 0) f->flag = true;
  return nullptr;
}

Object* filterfalse_new(TypeObject* t, Object* const* a, size_t n, TupleObject* kw) {
  return func_iter_new("filterfalse", t, a, n, kw);
}

Object* filterfalse_next(Object* o) {
  auto* f = static_cast<FuncIter*>(o);
  for (;;) {
    Object* item = next_guarded(f->it);
    if (!item) return nullptr;
    int t = (f->func == None() || f->func == &bool_type) ? object_is_true(item) : predicate_true(f->func, item);
    if (t == 0) return item;
    decref(item);
    if (t < 0) return nullptr;
  }
}

Object* starmap_new(TypeObject* t, Object* const* a, size_t n, TupleObject* kw) {
  return func_iter_new("starmap", t, a, n, kw);
}

Object* starmap_next(Object* o) {
  auto* f = static_cast<FuncIter*>(o);
  Object* args = next_guarded(f->it);
  if (!args) return nullptr;
  if (args->type != &tuple_type) {
    Object* t = tuple_from_iterable(args);
    decref(args);
    if (!t) return nullptr;
    args = t;
  }
  auto& items = static_cast<TupleObject*>(args)->items;
  Object* r = call(f->func, items.data(), items.size());
  decref(args);
  return r;
}

// ---- groupby(iterable, key=None) and its groups ----
struct GroupBy : NativeObject {
  Object *it = nullptr, *keyfunc = nullptr, *tgtkey = nullptr, *currkey = nullptr, *currvalue = nullptr;
  Object* currgrouper = nullptr;  // borrowed: only compared, the group that may still yield
  using NativeObject::NativeObject;
  ~GroupBy() override { clear_refs(); }
  GOPY_OWNED_FIELDS(&it, &keyfunc, &tgtkey, &currkey, &currvalue)
};

struct Grouper : NativeObject {
  Object *parent = nullptr, *tgtkey = nullptr;
  using NativeObject::NativeObject;
  ~Grouper() override { clear_refs(); }
  GOPY_OWNED_FIELDS(&parent, &tgtkey)
};

Object* groupby_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  Object* a[2];
  if (!bind("groupby", args, nargs, kw, {"iterable", "key"}, 0, 1, a)) return nullptr;
  Object* it = get_iter(a[0]);
  if (!it) return nullptr;
  auto* g = make<GroupBy>(type);
  g->it = it;
  if (a[1] && a[1] != None()) g->keyfunc = new_ref(a[1]);
  return g;
}

// Reads the next value and its key. 0, or -1 (exhausted: no exception).
// CPython: Modules/itertoolsmodule.c groupby_step
int groupby_step(GroupBy* g) {
  Object* value = next_guarded(g->it);
  if (!value) return -1;
  Object* key = value;
  if (g->keyfunc) {
    key = call1(g->keyfunc, value);
    if (!key) {
      decref(value);
      return -1;
    }
  } else {
    incref(key);
  }
  clear_field(&g->currvalue);
  g->currvalue = value;
  clear_field(&g->currkey);
  g->currkey = key;
  return 0;
}

Object* groupby_next(Object* o) {
  auto* g = static_cast<GroupBy*>(o);
  g->currgrouper = nullptr;
  // Skip what is left of the current group.
  for (;;) {
    if (g->currkey) {
      if (!g->tgtkey) break;
      int eq = rich_compare_bool(g->tgtkey, g->currkey, CompareOp::eq);
      if (eq < 0) return nullptr;
      if (eq == 0) break;
    }
    if (groupby_step(g) < 0) return nullptr;
  }
  clear_field(&g->tgtkey);
  g->tgtkey = new_ref(g->currkey);
  auto* grouper = make<Grouper>(types.grouper);
  grouper->parent = new_ref<Object>(g);
  grouper->tgtkey = new_ref(g->tgtkey);
  g->currgrouper = grouper;
  Ref<> hold = Ref<>::steal(grouper);
  return new_tuple_from({g->currkey, grouper});
}

Object* grouper_next(Object* o) {
  auto* gr = static_cast<Grouper*>(o);
  auto* g = static_cast<GroupBy*>(gr->parent);
  if (!g || g->currgrouper != gr) return nullptr;
  if (!g->currvalue && groupby_step(g) < 0) return nullptr;
  int eq = rich_compare_bool(gr->tgtkey, g->currkey, CompareOp::eq);
  if (eq <= 0) return nullptr;
  Object* r = g->currvalue;  // the reference moves to the caller
  g->currvalue = nullptr;
  clear_field(&g->currkey);
  return r;
}

// ---- islice(iterable, stop) / islice(iterable, start, stop[, step]) ----
struct ISlice : NativeObject {
  Object* it = nullptr;
  ssize next = 0, stop = -1, step = 1, cnt = 0;
  using NativeObject::NativeObject;
  ~ISlice() override { clear_refs(); }
  GOPY_OWNED_FIELDS(&it)
};

// PyNumber_AsSsize_t with any failure cleared: -1.
ssize index_or_minus_one(Object* o) {
  ssize v;
  if (index_as_ssize(o, &v)) return v;
  clear_error();
  return -1;
}

Object* islice_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("islice", kw) || !check_positional("islice", nargs, 2, 4)) return nullptr;
  static const char kStop[] = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";
  ssize start = 0, stop = -1, step = 1;
  if (nargs == 2) {
    if (args[1] != None()) {
      stop = index_or_minus_one(args[1]);
      if (stop == -1) return value_error(kStop);
    }
  } else {
    if (args[1] != None()) start = index_or_minus_one(args[1]);
    if (args[2] != None()) {
      stop = index_or_minus_one(args[2]);
      if (stop == -1) return value_error(kStop);
    }
  }
  if (start < 0 || stop < -1)
    return value_error("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  if (nargs == 4) {
    if (args[3] != None()) step = index_or_minus_one(args[3]);
    if (step < 1) return value_error("Step for islice() must be a positive integer or None.");
  }
  Object* it = get_iter(args[0]);
  if (!it) return nullptr;
  auto* s = make<ISlice>(type);
  s->it = it;
  s->next = start;
  s->stop = stop;
  s->step = step;
  return s;
}

// CPython: Modules/itertoolsmodule.c islice_next
Object* islice_next(Object* o) {
  auto* s = static_cast<ISlice*>(o);
  if (!s->it) return nullptr;
  while (s->cnt < s->next) {
    Object* item = next_guarded(s->it);
    if (!item) {
      clear_field(&s->it);
      return nullptr;
    }
    decref(item);
    ++s->cnt;
  }
  if (s->stop != -1 && s->cnt >= s->stop) {
    clear_field(&s->it);
    return nullptr;
  }
  Object* item = next_guarded(s->it);
  if (!item) {
    clear_field(&s->it);
    return nullptr;
  }
  ++s->cnt;
  ssize old = s->next;
  if (__builtin_add_overflow(s->next, s->step, &s->next) || s->next < old || (s->stop != -1 && s->next > s->stop))
    s->next = s->stop;
  return item;
}

// ---- pairwise(iterable, /) ----
struct Pairwise : NativeObject {
  Object *it = nullptr, *old = nullptr;
  using NativeObject::NativeObject;
  ~Pairwise() override { clear_refs(); }
  GOPY_OWNED_FIELDS(&it, &old)
};

Object* pairwise_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("pairwise", kw) || !check_positional("pairwise", nargs, 1, 1)) return nullptr;
  Object* it = get_iter(args[0]);
  if (!it) return nullptr;
  auto* p = make<Pairwise>(type);
  p->it = it;
  return p;
}

Object* pairwise_next(Object* o) {
  auto* p = static_cast<Pairwise*>(o);
  if (!p->it) return nullptr;
  if (!p->old) {
    p->old = next_guarded(p->it);
    if (!p->old) {
      clear_field(&p->it);
      return nullptr;
    }
  }
  Object* next = next_guarded(p->it);
  if (!next) {
    clear_field(&p->it);
    clear_field(&p->old);
    return nullptr;
  }
  Object* r = new_tuple_from({p->old, next});
  clear_field(&p->old);
  p->old = next;
  return r;
}

// ---- tee(iterable, n=2, /): _tee objects over shared _tee_dataobject links ----
constexpr int kLinkCells = 57;

struct TeeData : NativeObject {
  Object* it = nullptr;
  Object* nextlink = nullptr;
  Object* values[kLinkCells] = {};
  int numread = 0;
  bool running = false;
  using NativeObject::NativeObject;
  ~TeeData() override { clear_refs(); }
  void clear_refs() override {
    for (int i = 0; i < numread; ++i) clear_field(&values[i]);
    numread = 0;
    clear_field(&it);
    clear_field(&nextlink);
    NativeObject::clear_refs();
  }
  int traverse(VisitFn visit, void* arg) override {
    for (int i = 0; i < numread; ++i)
      if (int r = visit_ref(values[i], visit, arg)) return r;
    if (int r = visit_ref(it, visit, arg)) return r;
    if (int r = visit_ref(nextlink, visit, arg)) return r;
    return NativeObject::traverse(visit, arg);
  }
};

struct Tee : NativeObject {
  Object* data = nullptr;  // a TeeData
  int index = 0;
  using NativeObject::NativeObject;
  ~Tee() override { clear_refs(); }
  GOPY_OWNED_FIELDS(&data)
};

TeeData* new_tee_data(Object* it) {
  auto* d = make<TeeData>(types.tee_dataobject);
  d->it = new_ref(it);
  return d;
}

Tee* new_tee(Object* data, int index) {
  auto* t = make<Tee>(types.tee);
  t->data = new_ref(data);
  t->index = index;
  return t;
}

// CPython: Modules/itertoolsmodule.c tee_fromiterable
Object* tee_from_iterable(Object* iterable) {
  Ref<> it = Ref<>::steal(get_iter(iterable));
  if (!it) return nullptr;
  if (it->type == types.tee) {
    auto* t = static_cast<Tee*>(it.get());
    return new_tee(t->data, t->index);
  }
  Ref<> data = Ref<>::steal(new_tee_data(it.get()));
  return new_tee(data.get(), 0);
}

Object* tee_type_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("_tee", kw) || !check_positional("_tee", nargs, 1, 1)) return nullptr;
  return tee_from_iterable(args[0]);
}

// CPython: Modules/itertoolsmodule.c teedataobject_getitem
Object* tee_data_item(TeeData* d, int i) {
  if (i < d->numread) return new_ref(d->values[i]);
  if (d->running) return set_error(&exc_RuntimeError, "cannot re-enter the tee iterator");
  d->running = true;
  Object* value = next_guarded(d->it);
  d->running = false;
  if (!value) return nullptr;
  d->values[d->numread++] = value;
  return new_ref(value);
}

Object* tee_next(Object* o) {
  auto* t = static_cast<Tee*>(o);
  auto* d = static_cast<TeeData*>(t->data);
  if (t->index >= kLinkCells) {
    if (!d->nextlink) d->nextlink = new_tee_data(d->it);
    Object* next = new_ref(d->nextlink);
    clear_field(&t->data);
    t->data = next;
    t->index = 0;
    d = static_cast<TeeData*>(next);
  }
  Object* value = tee_data_item(d, t->index);
  if (value) ++t->index;
  return value;
}

Object* tee_copy(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("__copy__", kw) || !check_positional("__copy__", nargs - 1, 0, 0)) return nullptr;
  auto* t = static_cast<Tee*>(args[0]);
  return new_tee(t->data, t->index);
}

Object* tee_function(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!check_args("itertools", "tee", nargs, kw, 1, 2)) return nullptr;
  ssize n = 2;
  if (nargs == 2 && !index_as_ssize(args[1], &n)) return nullptr;
  if (n < 0) return value_error("n must be >= 0");
  if (n == 0) return new_tuple(0);
  Ref<> it = Ref<>::steal(get_iter(args[0]));
  if (!it) return nullptr;
  int error = 0;
  Ref<> copyfunc = Ref<>::steal(lookup_attr(it.get(), intern("__copy__"), &error));
  if (error) return nullptr;
  Ref<> copyable;
  if (copyfunc) {
    copyable = it;
  } else {
    copyable = Ref<>::steal(tee_from_iterable(it.get()));
    if (!copyable) return nullptr;
  }
  std::vector<Object*> result;
  result.push_back(copyable.release());
  for (ssize i = 1; i < n; ++i) {
    Object* next = call_method(result.back(), intern("__copy__"), nullptr, 0);
    if (!next) {
      for (Object* x : result) decref(x);
      return nullptr;
    }
    result.push_back(next);
  }
  return new_tuple_steal(std::move(result));
}

// ---- zip_longest(*iterables, fillvalue=None) ----
struct ZipLongest : NativeObject {
  std::vector<Object*> iters;  // null once exhausted
  Object* fillvalue = nullptr;
  size_t active = 0;
  using NativeObject::NativeObject;
  ~ZipLongest() override { clear_refs(); }
  void clear_refs() override {
    std::vector<Object*> old;
    old.swap(iters);
    for (Object* x : old) xdecref(x);
    clear_field(&fillvalue);
    NativeObject::clear_refs();
  }
  int traverse(VisitFn visit, void* arg) override {
    if (int r = visit_all(iters, visit, arg)) return r;
    if (int r = visit_ref(fillvalue, visit, arg)) return r;
    return NativeObject::traverse(visit, arg);
  }
};

Object* zip_longest_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  Object* fill = None();
  if (kw) {
    for (size_t k = 0; k < kw->items.size(); ++k) {
      if (as_str(kw->items[k])->view() != "fillvalue")
        return type_error("zip_longest() got an unexpected keyword argument");
      fill = args[nargs + k];
    }
  }
  Ref<ZipLongest> z = Ref<ZipLongest>::steal(make<ZipLongest>(type));
  z->fillvalue = new_ref(fill);
  for (size_t i = 0; i < nargs; ++i) {
    Object* it = get_iter(args[i]);
    if (!it) return nullptr;
    z->iters.push_back(it);
  }
  z->active = nargs;
  return z.release();
}

Object* zip_longest_next(Object* o) {
  auto* z = static_cast<ZipLongest*>(o);
  if (z->iters.empty() || z->active == 0) return nullptr;
  std::vector<Object*> items;
  items.reserve(z->iters.size());
  for (Object*& it : z->iters) {
    Object* item = nullptr;
    if (it) {
      item = next_guarded(it);
      if (!item) {
        if (error_occurred() || --z->active == 0) {
          z->active = 0;
          for (Object* x : items) decref(x);
          return nullptr;
        }
        clear_field(&it);
      }
    }
    items.push_back(item ? item : new_ref(z->fillvalue));
  }
  return new_tuple_steal(std::move(items));
}

}  // namespace

int add_terminating_types(ModuleObject* m) {
  struct Def {
    TypeObject** slot;
    const char* name;
    const char* doc;
    NewFn make;
    UnaryFn next;
  };
  const Def defs[] = {
      {&types.accumulate, "accumulate", "accumulate(iterable, func=None, *, initial=None): running totals (or func's results).",
       accumulate_new, accumulate_next},
      {&types.batched, "batched", "batched(iterable, n, *, strict=False): tuples of n items; the last may be shorter.",
       batched_new, batched_next},
      {&types.chain, "chain",
       "chain(*iterables): the items of each iterable in turn.",
       chain_new, chain_next},
      {&types.compress, "compress", "compress(data, selectors): the items of data whose selector is true.", compress_new,
       compress_next},
      {&types.dropwhile, "dropwhile",
       "dropwhile(predicate, iterable, /): the items from the first for which predicate is false.",
       dropwhile_new, dropwhile_next},
      {&types.filterfalse, "filterfalse",
       "filterfalse(function, iterable, /): the items for which function (None: the item) is false.",
       filterfalse_new, filterfalse_next},
      {&types.groupby, "groupby", "groupby(iterable, key=None): (key, group) for each run of items with equal keys.",
       groupby_new, groupby_next},
      {&types.grouper, "_grouper", nullptr, nullptr, grouper_next},
      {&types.islice, "islice",
       "islice(iterable, stop) or islice(iterable, start, stop[, step]): the items a slice would\n"
       "select, read lazily.",
       islice_new, islice_next},
      {&types.pairwise, "pairwise", "pairwise(iterable, /): each item with the next, as overlapping pairs.",
       pairwise_new, pairwise_next},
      {&types.starmap, "starmap",
       "starmap(function, iterable, /): function(*args) for each args of the iterable.",
       starmap_new, starmap_next},
      {&types.takewhile, "takewhile", "takewhile(predicate, iterable, /): the items up to the first for which predicate is false.", takewhile_new, takewhile_next},
      {&types.tee, "_tee", "One of the independent iterators tee() makes over a shared buffer.", tee_type_new, tee_next},
      {&types.zip_longest, "zip_longest",
       "zip_longest(*iterables, fillvalue=None): tuples of the iterables' items until the longest\n"
       "ends, fillvalue standing in for the shorter ones.",
       zip_longest_new, zip_longest_next},
  };
  for (const Def& d : defs)
    if (add_iterator_type(m, d.slot, d.name, d.doc, d.make, d.next) < 0) return -1;
  types.tee_dataobject = new_native_type("itertools", "_tee_dataobject", "The buffer tee()'s iterators share.", nullptr);
  if (!types.tee_dataobject || dict_set_str(m->dict, "_tee_dataobject", types.tee_dataobject) < 0) return -1;
  add_method(types.tee, "__copy__", tee_copy);
  Ref<BuiltinFunctionObject> from = Ref<BuiltinFunctionObject>::steal(
      new_builtin_function("from_iterable", chain_from_iterable, types.chain));
  if (dict_set_str(types.chain->dict, "from_iterable", from.get()) < 0) return -1;
  add_class_getitem(types.chain);
  return add_module_function(m, "tee", tee_function);
}

}  // namespace gopy::functional::itertools
