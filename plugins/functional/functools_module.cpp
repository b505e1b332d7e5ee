// The _functools module: reduce, partial with 3.14's Placeholder, cmp_to_key's KeyWrapper
// and the lru_cache wrapper (CPython: Modules/_functoolsmodule.c). functools.py builds
// the rest of functools over it.
#include <vector>

#include "gopy/module.h"
#include "native.hpp"

namespace gopy::functional::functools_module {
namespace {

struct Types {
  TypeObject *partial, *placeholder_type, *key_wrapper, *lru_wrapper;
  Object* placeholder;  // the Placeholder singleton
};
Types types{};  // owned references, as itertools' (the running interpreter's)

// ---- reduce(function, iterable, /, initial=<missing>) ----
Object* reduce(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  Object* a[3];
  if (nargs < 2) {
    return type_error("reduce() takes at least 2 positional arguments (" + std::to_string(nargs) + " given)");
  }
  if (!bind("reduce", args, nargs, kw, {"function", "iterable", "initial"}, 2, 2, a)) return nullptr;
  Ref<> it = Ref<>::steal(get_iter(a[1]));
  if (!it) {
    if (error_matches(&exc_TypeError)) {
      clear_error();
      type_error("reduce() arg 2 must support iteration");
    }
    return nullptr;
  }
  Ref<> value = Ref<>::borrow(a[2]);
  Object* pair[2];
  for (;;) {
    Object* item = iter_next(it.get());
    if (!item) break;
    if (!value) {
      value = Ref<>::steal(item);
      continue;
    }
    pair[0] = value.get();
    pair[1] = item;
    Object* next = call(a[0], pair, 2);
    decref(item);
    if (!next) return nullptr;
    value = Ref<>::steal(next);
  }
  if (error_occurred()) return nullptr;
  if (!value) return type_error("reduce() of empty iterable with no initial value");
  return value.release();
}

// ---- Placeholder ----
Object* placeholder_new(TypeObject*, Object* const*, size_t nargs, TupleObject* kw) {
  if (nargs || (kw && !kw->items.empty())) return type_error("_PlaceholderType takes no arguments");
  return new_ref(types.placeholder);
}

Object* placeholder_repr(Object*) { return str("Placeholder"); }

Object* placeholder_reduce(Object*, Object* const*, size_t, TupleObject*) { return str("Placeholder"); }

// ---- partial(func, /, *args, **keywords) ----
struct Partial : NativeObject {
  Object* fn = nullptr;
  Object* args = nullptr;      // a tuple
  Object* kw = nullptr;        // a dict
  DictObject* dict = nullptr;  // __dict__, made on first use
  size_t phcount = 0;          // Placeholders among args
  using NativeObject::NativeObject;
  ~Partial() override { clear_refs(); }
  void clear_refs() override {
    Object* d = dict;
    dict = nullptr;
    xdecref(d);
    for (Object** field : {&fn, &args, &kw}) {
      Object* old = *field;
      *field = nullptr;
      xdecref(old);
    }
    NativeObject::clear_refs();
  }
  int traverse(VisitFn visit, void* arg) override {
    for (Object* ref : {fn, args, kw, static_cast<Object*>(dict)})
      if (int r = visit_ref(ref, visit, arg)) return r;
    return NativeObject::traverse(visit, arg);
  }
};

DictObject** partial_dict(Object* o) { return &static_cast<Partial*>(o)->dict; }

std::vector<Object*>& tuple_items(Object* t) { return static_cast<TupleObject*>(t)->items; }

// CPython: Modules/_functoolsmodule.c partial_new (flattening a partial of a partial: its
// placeholders take the new arguments first)
Object* partial_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (nargs < 1) return type_error("type 'partial' takes at least one argument");
  Object* func = args[0];
  if (!callable_check(func)) return type_error("the first argument must be callable");
  if (nargs > 1 && args[nargs - 1] == types.placeholder) return type_error("trailing Placeholders are not allowed");
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  for (size_t k = 0; k < nkw; ++k)
    if (args[nargs + k] == types.placeholder)
      return type_error("Placeholder cannot be passed as a keyword argument");
  std::vector<Object*> merged;  // borrowed
  Object* base_kw = nullptr;
  if (func->type == types.partial && !static_cast<Partial*>(func)->dict) {
    auto* inner = static_cast<Partial*>(func);
    size_t next = 1;
    for (Object* a : tuple_items(inner->args)) {
      if (a == types.placeholder && next < nargs)
        merged.push_back(args[next++]);
      else
        merged.push_back(a);
    }
    for (; next < nargs; ++next) merged.push_back(args[next]);
    base_kw = inner->kw;
    func = inner->fn;
  } else {
    merged.assign(args + 1, args + nargs);
  }
  Ref<Partial> p = Ref<Partial>::steal(make<Partial>(type));
  p->fn = new_ref(func);
  Ref<TupleObject> t = Ref<TupleObject>::steal(new_tuple(ssize(merged.size())));
  for (size_t i = 0; i < merged.size(); ++i) {
    t->items[i] = new_ref(merged[i]);
    if (merged[i] == types.placeholder) ++p->phcount;
  }
  p->args = t.release();
  DictObject* kw = base_kw ? dict_copy(static_cast<DictObject*>(base_kw)) : new_dict();
  p->kw = kw;
  for (size_t k = 0; k < nkw; ++k)
    if (dict_set_item(kw, kwnames->items[k], args[nargs + k]) < 0) return nullptr;
  return p.release();
}

// CPython: Modules/_functoolsmodule.c partial_vectorcall
Object* partial_call(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames) {
  auto* p = static_cast<Partial*>(self);
  if (nargs < p->phcount)
    return type_error("missing positional arguments in 'partial' call; expected at least " +
                      std::to_string(p->phcount) + ", got " + std::to_string(nargs));
  Ref<> hold = Ref<>::borrow(self);  // the call may drop the last other reference
  auto& stored = tuple_items(p->args);
  auto* kw = static_cast<DictObject*>(p->kw);
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  std::vector<Object*> all;  // borrowed
  all.reserve(stored.size() + nargs + nkw + size_t(kw->used));
  size_t next = 0;
  for (Object* a : stored) all.push_back(a == types.placeholder ? args[next++] : a);
  for (; next < nargs; ++next) all.push_back(args[next]);
  size_t npos = all.size();
  if (kw->used == 0) {
    for (size_t k = 0; k < nkw; ++k) all.push_back(args[nargs + k]);
    return call(p->fn, all.data(), npos, kwnames);
  }
  // The stored keywords, overridden by the call's.
  Ref<DictObject> merged = Ref<DictObject>::steal(dict_copy(kw));
  for (size_t k = 0; k < nkw; ++k)
    if (dict_set_item(merged.get(), kwnames->items[k], args[nargs + k]) < 0) return nullptr;
  Ref<TupleObject> names = Ref<TupleObject>::steal(new_tuple(merged->used));
  size_t i = 0;
  dict_for_each(merged.get(), [&](Object* key, Object* value) {
    names->items[i++] = new_ref(key);
    all.push_back(value);
  });
  return call(p->fn, all.data(), npos, names.get());
}

Object* partial_repr(Object* self) {
  auto* p = static_cast<Partial*>(self);
  Ref<> hold = Ref<>::borrow(self);
  std::string text = self->type->module + "." + self->type->qualname + "(";
  std::string part;
  if (!repr_text(p->fn, &part)) return nullptr;
  text += part;
  Ref<> args = Ref<>::borrow(p->args);
  for (Object* a : tuple_items(args.get())) {
    if (!repr_text(a, &part)) return nullptr;
    text += ", " + part;
  }
  Ref<DictObject> kw = Ref<DictObject>::steal(dict_copy(static_cast<DictObject*>(p->kw)));
  bool ok = true;
  dict_for_each(kw.get(), [&](Object* key, Object* value) {
    if (!ok) return;
    std::string v;
    ok = is_str(key) && repr_text(value, &v);
    if (ok) text += ", " + as_str(key)->utf8 + "=" + v;
  });
  if (!ok) return error_occurred() ? nullptr : type_error("keywords must be strings");
  return str(text + ")");
}

// partial.__call__ and partial.__repr__ as methods, for a subclass's super() calls.
Object* partial_call_method(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  return partial_call(args[0], args + 1, nargs - 1, kw);
}

Object* partial_repr_method(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("__repr__", kw) || !check_positional("__repr__", nargs - 1, 0, 0)) return nullptr;
  return partial_repr(args[0]);
}

// CPython: Modules/_functoolsmodule.c partial_reduce: (type, (fn,), (fn, args, kw, dict))
Object* partial_reduce_method(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("__reduce__", kw) || !check_positional("__reduce__", nargs - 1, 0, 0)) return nullptr;
  auto* p = static_cast<Partial*>(args[0]);
  Ref<TupleObject> ctor = Ref<TupleObject>::steal(new_tuple_from({p->fn}));
  Ref<TupleObject> state = Ref<TupleObject>::steal(
      new_tuple_from({p->fn, p->args, p->kw, p->dict ? static_cast<Object*>(p->dict) : None()}));
  return new_tuple_from({args[0]->type, ctor.get(), state.get()});
}

// CPython: Modules/_functoolsmodule.c partial_setstate
Object* partial_setstate_method(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("__setstate__", kw) || !check_positional("__setstate__", nargs - 1, 1, 1)) return nullptr;
  auto* p = static_cast<Partial*>(args[0]);
  Object* state = args[1];
  if (!is_tuple(state) || tuple_items(state).size() != 4) return type_error("invalid partial state");
  Object* fn = tuple_items(state)[0];
  Object* fnargs = tuple_items(state)[1];
  Object* fnkw = tuple_items(state)[2];
  Object* dict = tuple_items(state)[3];
  if (!callable_check(fn) || !is_tuple(fnargs) || (fnkw != None() && !is_dict(fnkw)) ||
      (dict != None() && !is_dict(dict)))
    return type_error("invalid partial state");
  auto& items = tuple_items(fnargs);
  if (!items.empty() && items.back() == types.placeholder)
    return type_error("trailing Placeholders are not allowed");
  size_t phcount = 0;
  for (Object* a : items)
    if (a == types.placeholder) ++phcount;
  // a tuple subclass's items become a plain tuple
  Object* new_args = fnargs->type == &tuple_type ? new_ref(fnargs) : tuple_from_iterable(fnargs);
  if (!new_args) return nullptr;
  Object* new_kw = fnkw == None() ? new_dict()
                   : fnkw->type == &dict_type ? new_ref(fnkw)
                                             : dict_copy(static_cast<DictObject*>(fnkw));
  if (!new_kw) {
    decref(new_args);
    return nullptr;
  }
  Object* old[4] = {p->fn, p->args, p->kw, p->dict};
  p->fn = new_ref(fn);
  p->args = new_args;
  p->kw = new_kw;
  p->dict = dict == None() ? nullptr : static_cast<DictObject*>(new_ref(dict));
  p->phcount = phcount;
  for (Object* o : old) xdecref(o);
  return new_none();
}

Object* partial_getattr(Object* self, StrObject* name) {
  auto* p = static_cast<Partial*>(self);
  std::string_view n = name->view();
  if (n == "func") return new_ref(p->fn);
  if (n == "args") return new_ref(p->args);
  if (n == "keywords") return new_ref(p->kw);
  return generic_getattr(self, name);
}

int partial_setattr(Object* self, StrObject* name, Object* value) {
  std::string_view n = name->view();
  if (n == "func" || n == "args" || n == "keywords") {
    set_error(&exc_AttributeError, "readonly attribute");
    return -1;
  }
  return generic_setattr(self, name, value);
}

// 3.14: a partial is a method descriptor (it binds as a function does).
Object* bind_as_method(Object* self, Object* obj, TypeObject*) {
  if (!obj || obj == None()) return new_ref(self);
  return new_method(self, obj);
}

// __get__(instance, owner=None, /): the slot as a method, as CPython's wrapper of
// tp_descr_get gives it (Objects/typeobject.c wrap_descr_get).
Object* descr_get_method(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("__get__", kw) || !check_positional("__get__", nargs - 1, 1, 2)) return nullptr;
  Object* obj = args[1];
  Object* owner = nargs > 2 ? args[2] : None();
  if (obj == None() && owner == None()) return type_error("__get__(None, None) is invalid");
  return bind_as_method(args[0], obj == None() ? nullptr : obj, nullptr);
}

// ---- cmp_to_key(mycmp) -> KeyWrapper ----
struct KeyWrapper : NativeObject {
  Object *cmp = nullptr, *object = nullptr;
  using NativeObject::NativeObject;
  ~KeyWrapper() override { clear_refs(); }
  GOPY_OWNED_FIELDS(&cmp, &object)
};

Object* new_key_wrapper(Object* cmp, Object* object) {
  auto* k = make<KeyWrapper>(types.key_wrapper);
  k->cmp = new_ref(cmp);
  if (object) k->object = new_ref(object);
  return k;
}

Object* cmp_to_key(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  Object* a[1];
  if (!bind("cmp_to_key", args, nargs, kw, {"mycmp"}, 0, 1, a)) return nullptr;
  return new_key_wrapper(a[0], nullptr);
}

Object* key_wrapper_call(Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  Object* a[1];
  if (!bind("K", args, nargs, kw, {"obj"}, 0, 1, a)) return nullptr;
  return new_key_wrapper(static_cast<KeyWrapper*>(self)->cmp, a[0]);
}

// CPython: Modules/_functoolsmodule.c keyobject_richcompare
Object* key_wrapper_compare(Object* self, Object* other, CompareOp op) {
  if (other->type != types.key_wrapper) return type_error("other argument must be K instance");
  auto* a = static_cast<KeyWrapper*>(self);
  auto* b = static_cast<KeyWrapper*>(other);
  if (!a->object || !b->object) return attribute_error(self, intern("obj"));
  Object* pair[2] = {a->object, b->object};
  Ref<> result = Ref<>::steal(call(a->cmp, pair, 2));
  if (!result) return nullptr;
  Ref<> zero = Ref<>::steal(new_int(0));
  return rich_compare(result.get(), zero.get(), op);
}

Object* key_wrapper_getattr(Object* self, StrObject* name) {
  auto* k = static_cast<KeyWrapper*>(self);
  if (name->view() == "obj" && k->object) return new_ref(k->object);
  return generic_getattr(self, name);
}

int64_t unhashable(Object* o) {
  type_error("unhashable type: '" + o->type->module + "." + o->type->name + "'");
  return -1;
}

// ---- _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type) ----
// The cache is a dict in least- to most-recently-used order: a hit moves its key to the
// end, and a full bounded cache drops its first key.
struct LruWrapper : NativeObject {
  Object* func = nullptr;
  Object* cache = nullptr;           // a dict
  Object* cache_info_type = nullptr;
  Object* kwd_mark = nullptr;        // separates positional and keyword parts of a key
  DictObject* dict = nullptr;        // __dict__ (update_wrapper's attributes)
  ssize maxsize = -1;                // -1: unbounded
  bool typed = false;
  ssize hits = 0, misses = 0;
  using NativeObject::NativeObject;
  ~LruWrapper() override { clear_refs(); }
  void clear_refs() override {
    Object* d = dict;
    dict = nullptr;
    xdecref(d);
    for (Object** field : {&func, &cache, &cache_info_type, &kwd_mark}) {
      Object* old = *field;
      *field = nullptr;
      xdecref(old);
    }
    NativeObject::clear_refs();
  }
  int traverse(VisitFn visit, void* arg) override {
    for (Object* ref : {func, cache, cache_info_type, kwd_mark, static_cast<Object*>(dict)})
      if (int r = visit_ref(ref, visit, arg)) return r;
    return NativeObject::traverse(visit, arg);
  }
};

DictObject** lru_dict(Object* o) { return &static_cast<LruWrapper*>(o)->dict; }

Object* lru_wrapper_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  Object* a[4];
  if (!bind("_lru_cache_wrapper", args, nargs, kw, {"user_function", "maxsize", "typed", "cache_info_type"}, 0, 4, a))
    return nullptr;
  if (!callable_check(a[0])) return type_error("the first argument must be callable");
  ssize maxsize = -1;
  if (a[1] != None()) {
    if (!is_int(a[1])) return type_error("maxsize should be integer or None");
    if (!index_as_ssize(a[1], &maxsize)) return nullptr;
    if (maxsize < 0) maxsize = 0;
  }
  int typed = object_is_true(a[2]);
  if (typed < 0) return nullptr;
  auto* w = make<LruWrapper>(type);
  w->func = new_ref(a[0]);
  w->cache = new_dict();
  w->cache_info_type = new_ref(a[3]);
  w->kwd_mark = call0(&object_type);  // a unique object
  if (!w->kwd_mark) {
    decref(w);
    return nullptr;
  }
  w->maxsize = maxsize;
  w->typed = typed;
  return w;
}

// The cache key of a call. CPython: Modules/_functoolsmodule.c lru_cache_make_key
Object* make_key(LruWrapper* w, Object* const* args, size_t nargs, TupleObject* kwnames) {
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  if (nkw == 0 && nargs == 1 && !w->typed && (args[0]->type == &int_type || args[0]->type == &str_type))
    return new_ref(args[0]);
  std::vector<Object*> parts;  // borrowed
  parts.assign(args, args + nargs);
  if (nkw) {
    parts.push_back(w->kwd_mark);
    for (size_t k = 0; k < nkw; ++k) {
      parts.push_back(kwnames->items[k]);
      parts.push_back(args[nargs + k]);
    }
  }
  if (w->typed) {
    for (size_t i = 0; i < nargs; ++i) parts.push_back(args[i]->type);
    for (size_t k = 0; k < nkw; ++k) parts.push_back(args[nargs + k]->type);
  }
  TupleObject* key = new_tuple(ssize(parts.size()));
  for (size_t i = 0; i < parts.size(); ++i) key->items[i] = new_ref(parts[i]);
  return key;
}

Object* lru_call(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames) {
  auto* w = static_cast<LruWrapper*>(self);
  Ref<> hold = Ref<>::borrow(self);
  if (w->maxsize == 0) {
    ++w->misses;
    return call(w->func, args, nargs, kwnames);
  }
  Ref<> key = Ref<>::steal(make_key(w, args, nargs, kwnames));
  if (!key) return nullptr;
  auto* cache = static_cast<DictObject*>(w->cache);
  if (object_hash(key.get()) == -1 && error_occurred()) return nullptr;
  if (Object* found = dict_get_item(cache, key.get())) {
    ++w->hits;
    Ref<> result = Ref<>::borrow(found);
    if (w->maxsize > 0) {  // most recently used: to the end
      if (dict_del_item(cache, key.get()) < 0 || dict_set_item(cache, key.get(), result.get()) < 0) return nullptr;
    }
    return result.release();
  }
  if (error_occurred()) return nullptr;
  ++w->misses;
  Ref<> result = Ref<>::steal(call(w->func, args, nargs, kwnames));
  if (!result) return nullptr;
  if (dict_get_item(cache, key.get())) return result.release();  // a recursive call cached it
  if (error_occurred()) return nullptr;
  if (w->maxsize > 0 && cache->used >= w->maxsize) {
    for (const DictEntry& e : cache->entries) {
      if (!e.key) continue;
      Ref<> oldest = Ref<>::borrow(e.key);
      if (dict_del_item(cache, oldest.get()) < 0) return nullptr;
      break;
    }
  }
  if (dict_set_item(cache, key.get(), result.get()) < 0) return nullptr;
  return result.release();
}

// Methods receive their instance as args[0] (the kernel's calling convention).
Object* lru_cache_info(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("cache_info", kw) || !check_positional("cache_info", nargs - 1, 0, 0)) return nullptr;
  auto* w = static_cast<LruWrapper*>(args[0]);
  Ref<> hits = Ref<>::steal(new_int(w->hits));
  Ref<> misses = Ref<>::steal(new_int(w->misses));
  Ref<> maxsize = Ref<>::steal(w->maxsize < 0 ? new_none() : new_int(w->maxsize));
  Ref<> size = Ref<>::steal(new_int(static_cast<DictObject*>(w->cache)->used));
  Object* parts[4] = {hits.get(), misses.get(), maxsize.get(), size.get()};
  return call(w->cache_info_type, parts, 4);
}

Object* lru_cache_clear(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("cache_clear", kw) || !check_positional("cache_clear", nargs - 1, 0, 0)) return nullptr;
  auto* w = static_cast<LruWrapper*>(args[0]);
  w->hits = w->misses = 0;
  dict_clear(static_cast<DictObject*>(w->cache));
  return new_none();
}

// ---- the module ----

int exec_functools(gopy_plugin_context*, gopy_Object* handle) {
  auto* m = reinterpret_cast<ModuleObject*>(handle);
  types = Types{};
  types.placeholder_type = new_native_type("functools", "_PlaceholderType",
                                           "The type of Placeholder, the mark of a positional argument that a "
                                           "partial's call supplies.",
                                           placeholder_new);
  types.partial = new_native_type("functools", "partial",
                                  "partial(func, /, *args, **keywords): func with some of its arguments "
                                  "given in advance.",
                                  partial_new);
  types.key_wrapper = new_native_type("functools", "KeyWrapper", nullptr, nullptr);
  types.lru_wrapper = new_native_type("functools", "_lru_cache_wrapper", nullptr, lru_wrapper_new);
  if (!types.placeholder_type || !types.partial || !types.key_wrapper || !types.lru_wrapper) return -1;
  types.placeholder = make<NativeObject>(types.placeholder_type);
  types.placeholder_type->tp_repr = placeholder_repr;
  add_method(types.placeholder_type, "__reduce__", placeholder_reduce);

  TypeObject* p = types.partial;
  p->tp_call = partial_call;
  p->tp_repr = partial_repr;
  p->tp_getattr = partial_getattr;
  p->tp_setattr = partial_setattr;
  p->tp_descr_get = bind_as_method;
  p->instance_dict = partial_dict;
  p->flags |= TypeFlags::weakrefable | TypeFlags::basetype;  // Python classes derive from it
  add_method(p, "__call__", partial_call_method);
  add_method(p, "__repr__", partial_repr_method);
  add_method(p, "__reduce__", partial_reduce_method);
  add_method(p, "__get__", descr_get_method);
  add_class_getitem(p);
  add_method(p, "__setstate__", partial_setstate_method);

  TypeObject* k = types.key_wrapper;
  k->tp_call = key_wrapper_call;
  k->tp_richcompare = key_wrapper_compare;
  k->tp_getattr = key_wrapper_getattr;
  k->tp_hash = unhashable;

  TypeObject* l = types.lru_wrapper;
  l->tp_call = lru_call;
  l->tp_descr_get = bind_as_method;
  l->instance_dict = lru_dict;
  l->flags |= TypeFlags::weakrefable;
  add_method(l, "cache_info", lru_cache_info);
  add_method(l, "__get__", descr_get_method);
  add_method(l, "cache_clear", lru_cache_clear);

  if (add_module_function(m, "reduce", reduce) < 0 || add_module_function(m, "cmp_to_key", cmp_to_key) < 0 ||
      dict_set_str(m->dict, "partial", types.partial) < 0 ||
      dict_set_str(m->dict, "_PlaceholderType", types.placeholder_type) < 0 ||
      dict_set_str(m->dict, "Placeholder", types.placeholder) < 0 ||
      dict_set_str(m->dict, "KeyWrapper", types.key_wrapper) < 0 ||
      dict_set_str(m->dict, "_lru_cache_wrapper", types.lru_wrapper) < 0)
    return -1;
  return 0;
}

const gopy_ModuleDef kFunctools = {GOPY_MODULE_API_VERSION, "_functools", "reduce, partial, cmp_to_key and the lru_cache wrapper: the native part of functools.",
                                   nullptr, nullptr, nullptr, nullptr, exec_functools};

}  // namespace
}  // namespace gopy::functional::functools_module

GOPY_MODULE_INIT(_functools, gopy::functional::functools_module::kFunctools)
