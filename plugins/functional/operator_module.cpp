// The _operator module: the operators as functions, and itemgetter, attrgetter and
// methodcaller (CPython: Modules/_operator.c). operator.py re-exports it.
#include <algorithm>
#include <vector>

#include "gopy/module.h"
#include "native.hpp"

namespace gopy::functional::operator_module {
namespace {

// ---- the functions ----

// Checks a positional-only function's arguments: no keywords, exactly `n` positionals.
bool args_ok(const char* name, size_t nargs, TupleObject* kw, size_t n) {
  return check_args("_operator", name, nargs, kw, n, n);
}

// A function's name as a template argument, for its argument errors.
template <size_t N>
struct Name {
  char text[N];
  constexpr Name(const char (&s)[N]) { std::copy_n(s, N, text); }
};

template <Name F, BinaryOp Op>
Object* binary(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok(F.text, n, kw, 2)) return nullptr;
  return binary_op(a[0], a[1], Op);
}

template <Name F, BinaryOp Op>
Object* inplace(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok(F.text, n, kw, 2)) return nullptr;
  return inplace_op(a[0], a[1], Op);
}

template <Name F, CompareOp Op>
Object* compare(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok(F.text, n, kw, 2)) return nullptr;
  return rich_compare(a[0], a[1], Op);
}

template <Name F, UnaryOp Op>
Object* unary(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok(F.text, n, kw, 1)) return nullptr;
  return unary_op(a[0], Op);
}

Object* op_abs(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok("abs", n, kw, 1)) return nullptr;
  if (!a[0]->type->nb_abs) return type_error("bad operand type for abs(): '" + a[0]->type->name + "'");
  return a[0]->type->nb_abs(a[0]);
}

Object* op_index(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok("index", n, kw, 1)) return nullptr;
  // always an exact int: a bool or another int subclass is copied (CPython: PyNumber_Index)
  Object* r = number_index(a[0]);
  if (!r || r->type == &int_type) return r;
  Object* exact = int_exact_copy(r);
  decref(r);
  return exact;
}

Object* op_truth(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok("truth", n, kw, 1)) return nullptr;
  int t = object_is_true(a[0]);
  return t < 0 ? nullptr : new_bool(t);
}

Object* op_not(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok("not_", n, kw, 1)) return nullptr;
  int t = object_is_true(a[0]);
  return t < 0 ? nullptr : new_bool(!t);
}

Object* op_is(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok("is_", n, kw, 2)) return nullptr;
  return new_bool(a[0] == a[1]);
}

Object* op_is_not(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok("is_not", n, kw, 2)) return nullptr;
  return new_bool(a[0] != a[1]);
}

Object* op_is_none(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok("is_none", n, kw, 1)) return nullptr;
  return new_bool(a[0] == None());
}

Object* op_is_not_none(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok("is_not_none", n, kw, 1)) return nullptr;
  return new_bool(a[0] != None());
}

// CPython: Objects/abstract.c PySequence_Check (what concat accepts).
bool is_sequence(Object* o) { return !is_dict(o) && o->type->mp_subscript != nullptr; }

Object* concat_impl(const char* name, Object* const* a, size_t n, TupleObject* kw, bool in_place) {
  if (!args_ok(name, n, kw, 2)) return nullptr;
  if (!is_sequence(a[0])) return type_error("'" + a[0]->type->name + "' object can't be concatenated");
  return in_place ? inplace_op(a[0], a[1], BinaryOp::add) : binary_op(a[0], a[1], BinaryOp::add);
}

Object* op_concat(Object*, Object* const* a, size_t n, TupleObject* kw) { return concat_impl("concat", a, n, kw, false); }
Object* op_iconcat(Object*, Object* const* a, size_t n, TupleObject* kw) { return concat_impl("iconcat", a, n, kw, true); }

Object* op_contains(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok("contains", n, kw, 2)) return nullptr;
  int r = sequence_contains(a[0], a[1]);
  return r < 0 ? nullptr : new_bool(r);
}

// Scans `seq` for items that are or equal `x`: the count, or the first index (stop_at_first).
// CPython: Objects/abstract.c _PySequence_IterSearch
ssize iter_search(Object* seq, Object* x, bool stop_at_first) {
  Ref<> it = Ref<>::steal(get_iter(seq));
  if (!it) {
    if (error_matches(&exc_TypeError)) {
      clear_error();
      type_error("argument of type '" + seq->type->name + "' is not iterable");
    }
    return -1;
  }
  ssize found = 0, index = 0;
  for (;;) {
    Object* item = iter_next(it.get());
    if (!item) break;
    int eq = item == x ? 1 : rich_compare_bool(item, x, CompareOp::eq);
    decref(item);
    if (eq < 0) return -1;
    if (eq) {
      if (stop_at_first) return index;
      ++found;
    }
    ++index;
  }
  if (error_occurred()) return -1;
  if (stop_at_first) {
    value_error("sequence.index(x): x not in sequence");
    return -1;
  }
  return found;
}

Object* op_count_of(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok("countOf", n, kw, 2)) return nullptr;
  ssize r = iter_search(a[0], a[1], false);
  return r < 0 ? nullptr : new_int(r);
}

Object* op_index_of(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok("indexOf", n, kw, 2)) return nullptr;
  ssize r = iter_search(a[0], a[1], true);
  return r < 0 ? nullptr : new_int(r);
}

Object* op_getitem(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok("getitem", n, kw, 2)) return nullptr;
  return get_item(a[0], a[1]);
}

Object* op_setitem(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok("setitem", n, kw, 3)) return nullptr;
  return set_item(a[0], a[1], a[2]) < 0 ? nullptr : new_none();
}

Object* op_delitem(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!args_ok("delitem", n, kw, 2)) return nullptr;
  return del_item(a[0], a[1]) < 0 ? nullptr : new_none();
}

// CPython: Objects/abstract.c PyObject_LengthHint
Object* op_length_hint(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_args("_operator", "length_hint", n, kw, 1, 2)) return nullptr;
  ssize fallback = 0;
  if (n == 2) {
    if (!is_int(a[1])) return type_error("'" + a[1]->type->name + "' object cannot be interpreted as an integer");
    if (!index_as_ssize(a[1], &fallback)) return nullptr;
  }
  Object* o = a[0];
  if (o->type->sq_length) {
    ssize len = object_length(o);
    if (len >= 0) return new_int(len);
    if (!error_matches(&exc_TypeError)) return nullptr;
    clear_error();
  }
  Object* hint = type_lookup(o->type, intern("__length_hint__"));
  if (!hint) return new_int(fallback);
  Ref<> result = Ref<>::steal(call_method(o, intern("__length_hint__"), nullptr, 0));
  if (!result) {
    if (!error_matches(&exc_TypeError)) return nullptr;
    clear_error();
    return new_int(fallback);
  }
  if (result.get() == NotImplemented()) return new_int(fallback);
  if (!is_int(result.get()))
    return type_error("__length_hint__ must be an integer, not " + result->type->name);
  ssize value;
  if (!index_as_ssize(result.get(), &value)) return nullptr;
  if (value < 0) return value_error("__length_hint__() should return >= 0");
  return new_int(value);
}

Object* op_call(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (n < 1) return type_error("call() missing required argument 'obj' (pos 1)");
  return call(a[0], a + 1, n - 1, kw);
}

// ---- itemgetter(item, /, *items) ----
struct ItemGetter : NativeObject {
  std::vector<Object*> items;  // owned
  ssize small_index = -1;      // one non-negative int item: the list/tuple fast path
  using NativeObject::NativeObject;
  ~ItemGetter() override { clear_refs(); }
  void clear_refs() override {
    std::vector<Object*> old;
    old.swap(items);
    for (Object* x : old) decref(x);
    NativeObject::clear_refs();
  }
  int traverse(VisitFn visit, void* arg) override {
    if (int r = visit_all(items, visit, arg)) return r;
    return NativeObject::traverse(visit, arg);
  }
};

Object* itemgetter_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  // No arguments: "itemgetter expected 1 argument, got 0" (CPython unpacks one).
  if (!no_keywords("itemgetter", kw) || !check_positional("itemgetter", nargs, 1, nargs ? SIZE_MAX : 1)) return nullptr;
  auto* g = make<ItemGetter>(type);
  for (size_t i = 0; i < nargs; ++i) g->items.push_back(new_ref(args[i]));
  int64_t v;
  if (nargs == 1 && args[0]->type == &int_type && int_to_int64(args[0], &v) && v >= 0) g->small_index = ssize(v);
  return g;
}

// CPython: Modules/_operator.c itemgetter_call (with its tuple/list index fast path)
Object* itemgetter_call(Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("itemgetter", kw) || !check_positional("itemgetter", nargs, 1, 1)) return nullptr;
  auto* g = static_cast<ItemGetter*>(self);
  Object* obj = args[0];
  if (g->small_index >= 0) {
    const std::vector<Object*>* items = nullptr;
    if (obj->type == &tuple_type)
      items = &static_cast<TupleObject*>(obj)->items;
    else if (obj->type == &list_type)
      items = &static_cast<ListObject*>(obj)->items;
    if (items && size_t(g->small_index) < items->size()) return new_ref((*items)[size_t(g->small_index)]);
  }
  if (g->items.size() == 1) return get_item(obj, g->items[0]);
  std::vector<Object*> out;
  out.reserve(g->items.size());
  for (Object* item : g->items) {
    Object* v = get_item(obj, item);
    if (!v) {
      for (Object* x : out) decref(x);
      return nullptr;
    }
    out.push_back(v);
  }
  return new_tuple_steal(std::move(out));
}

// "operator.name(a, b, k=v)" of a getter's arguments.
Object* getter_repr(Object* self, const std::vector<Object*>& args, TupleObject* kwnames, size_t nkw_offset) {
  std::string text = "operator." + self->type->name + "(";
  bool ok = true;
  for (size_t i = 0; i < args.size() && ok; ++i) {
    std::string part;
    if (i) text += ", ";
    if (kwnames && i >= nkw_offset) text += as_str(kwnames->items[i - nkw_offset])->utf8 + "=";
    ok = repr_text(args[i], &part);
    text += part;
  }
  return ok ? str(text + ")") : nullptr;
}

Object* itemgetter_repr(Object* self) {
  auto* g = static_cast<ItemGetter*>(self);
  return getter_repr(self, g->items, nullptr, 0);
}

// ---- attrgetter(attr, /, *attrs) ----
struct AttrGetter : NativeObject {
  std::vector<Object*> names;  // owned strs, as given
  std::vector<std::vector<StrObject*>> paths;  // borrowed interned parts of each name
  using NativeObject::NativeObject;
  ~AttrGetter() override { clear_refs(); }
  void clear_refs() override {
    std::vector<Object*> old;
    old.swap(names);
    paths.clear();
    for (Object* x : old) decref(x);
    NativeObject::clear_refs();
  }
  int traverse(VisitFn visit, void* arg) override {
    if (int r = visit_all(names, visit, arg)) return r;
    return NativeObject::traverse(visit, arg);
  }
};

Object* attrgetter_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  // No arguments: "attrgetter expected 1 argument, got 0" (CPython unpacks one).
  if (!no_keywords("attrgetter", kw) || !check_positional("attrgetter", nargs, 1, nargs ? SIZE_MAX : 1)) return nullptr;
  for (size_t i = 0; i < nargs; ++i)
    if (!is_str(args[i])) return type_error("attribute name must be a string");
  auto* g = make<AttrGetter>(type);
  for (size_t i = 0; i < nargs; ++i) {
    g->names.push_back(new_ref(args[i]));
    std::vector<StrObject*> path;
    std::string_view name = as_str(args[i])->view();
    for (size_t start = 0;;) {
      size_t dot = name.find('.', start);
      path.push_back(intern(name.substr(start, dot == std::string_view::npos ? std::string_view::npos : dot - start)));
      if (dot == std::string_view::npos) break;
      start = dot + 1;
    }
    g->paths.push_back(std::move(path));
  }
  return g;
}

Object* resolve_path(Object* obj, const std::vector<StrObject*>& path) {
  Object* cur = new_ref(obj);
  for (StrObject* part : path) {
    Object* next = get_attr(cur, part);
    decref(cur);
    if (!next) return nullptr;
    cur = next;
  }
  return cur;
}

Object* attrgetter_call(Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("attrgetter", kw) || !check_positional("attrgetter", nargs, 1, 1)) return nullptr;
  auto* g = static_cast<AttrGetter*>(self);
  if (g->paths.size() == 1) return resolve_path(args[0], g->paths[0]);
  std::vector<Object*> out;
  for (const auto& path : g->paths) {
    Object* v = resolve_path(args[0], path);
    if (!v) {
      for (Object* x : out) decref(x);
      return nullptr;
    }
    out.push_back(v);
  }
  return new_tuple_steal(std::move(out));
}

Object* attrgetter_repr(Object* self) {
  auto* g = static_cast<AttrGetter*>(self);
  return getter_repr(self, g->names, nullptr, 0);
}

// ---- methodcaller(name, /, *args, **kwargs) ----
struct MethodCaller : NativeObject {
  Object* name = nullptr;       // an interned str
  std::vector<Object*> values;  // positional arguments, then keyword values (owned)
  size_t npositional = 0;
  Object* kwnames = nullptr;    // a tuple, or null
  using NativeObject::NativeObject;
  ~MethodCaller() override { clear_refs(); }
  void clear_refs() override {
    std::vector<Object*> old;
    old.swap(values);
    for (Object* x : old) decref(x);
    Object* n = name;
    Object* k = kwnames;
    name = kwnames = nullptr;
    xdecref(n);
    xdecref(k);
    NativeObject::clear_refs();
  }
  int traverse(VisitFn visit, void* arg) override {
    if (int r = visit_all(values, visit, arg)) return r;
    if (int r = visit_ref(name, visit, arg)) return r;
    if (int r = visit_ref(kwnames, visit, arg)) return r;
    return NativeObject::traverse(visit, arg);
  }
};

Object* methodcaller_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  if (nargs < 1) return type_error("methodcaller needs at least one argument, the method name");
  if (!is_str(args[0])) return type_error("method name must be a string");
  auto* c = make<MethodCaller>(type);
  c->name = new_ref<Object>(intern(as_str(args[0])->view()));
  size_t nkw = kw ? kw->items.size() : 0;
  for (size_t i = 1; i < nargs + nkw; ++i) c->values.push_back(new_ref(args[i]));
  c->npositional = nargs - 1;
  if (nkw) c->kwnames = new_ref<Object>(kw);
  return c;
}

Object* methodcaller_call(Object* self, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("methodcaller", kw) || !check_positional("methodcaller", nargs, 1, 1)) return nullptr;
  auto* c = static_cast<MethodCaller*>(self);
  if (!c->kwnames) return call_method(args[0], as_str(c->name), c->values.data(), c->values.size());
  Ref<> method = Ref<>::steal(get_attr(args[0], as_str(c->name)));
  if (!method) return nullptr;
  return call(method.get(), c->values.data(), c->npositional, static_cast<TupleObject*>(c->kwnames));
}

Object* methodcaller_repr(Object* self) {
  auto* c = static_cast<MethodCaller*>(self);
  std::vector<Object*> shown{c->name};
  shown.insert(shown.end(), c->values.begin(), c->values.end());
  return getter_repr(self, shown, static_cast<TupleObject*>(c->kwnames), 1 + c->npositional);
}

// ---- pickling and copying (CPython: Modules/_operator.c itemgetter_reduce,
// attrgetter_reduce, methodcaller_reduce) ----

Object* tuple_of(const std::vector<Object*>& items, size_t from = 0) {
  Object* t = new_tuple(ssize(items.size() - from));
  for (size_t i = from; i < items.size(); ++i) static_cast<TupleObject*>(t)->items[i - from] = new_ref(items[i]);
  return t;
}

Object* itemgetter_reduce(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!no_keywords("__reduce__", kw) || !check_positional("__reduce__", n - 1, 0, 0)) return nullptr;
  Ref<> items = Ref<>::steal(tuple_of(static_cast<ItemGetter*>(a[0])->items));
  return new_tuple_from({a[0]->type, items.get()});
}

Object* attrgetter_reduce(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!no_keywords("__reduce__", kw) || !check_positional("__reduce__", n - 1, 0, 0)) return nullptr;
  Ref<> names = Ref<>::steal(tuple_of(static_cast<AttrGetter*>(a[0])->names));
  return new_tuple_from({a[0]->type, names.get()});
}

// Without keywords (type, (name, *args)); with them (partial(type, name, **kwargs), args).
Object* methodcaller_reduce(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!no_keywords("__reduce__", kw) || !check_positional("__reduce__", n - 1, 0, 0)) return nullptr;
  auto* c = static_cast<MethodCaller*>(a[0]);
  std::vector<Object*> positional(c->values.begin(), c->values.begin() + ssize(c->npositional));
  if (!c->kwnames || static_cast<TupleObject*>(c->kwnames)->items.empty()) {
    positional.insert(positional.begin(), c->name);
    Ref<> args = Ref<>::steal(tuple_of(positional));
    return new_tuple_from({a[0]->type, args.get()});
  }
  Ref<> functools = Ref<>::steal(reinterpret_cast<Object*>(gopy_Import("functools")));
  if (!functools) return nullptr;
  Ref<> partial = Ref<>::steal(get_attr(functools.get(), "partial"));
  if (!partial) return nullptr;
  std::vector<Object*> call_args{a[0]->type, c->name};
  call_args.insert(call_args.end(), c->values.begin() + ssize(c->npositional), c->values.end());
  Ref<> bound = Ref<>::steal(call(partial.get(), call_args.data(), 2, static_cast<TupleObject*>(c->kwnames)));
  if (!bound) return nullptr;
  Ref<> args = Ref<>::steal(tuple_of(positional));
  return new_tuple_from({bound.get(), args.get()});
}

// ---- the module ----

struct FunctionEntry {
  const char* name;
  BuiltinFn fn;
};

int exec_operator(gopy_plugin_context*, gopy_Object* handle) {
  auto* m = reinterpret_cast<ModuleObject*>(handle);
  const FunctionEntry functions[] = {
      {"add", binary<"add", BinaryOp::add>},
      {"sub", binary<"sub", BinaryOp::sub>},
      {"mul", binary<"mul", BinaryOp::mul>},
      {"matmul", binary<"matmul", BinaryOp::matmul>},
      {"truediv", binary<"truediv", BinaryOp::truediv>},
      {"floordiv", binary<"floordiv", BinaryOp::floordiv>},
      {"mod", binary<"mod", BinaryOp::mod>},
      {"pow", binary<"pow", BinaryOp::pow>},
      {"lshift", binary<"lshift", BinaryOp::lshift>},
      {"rshift", binary<"rshift", BinaryOp::rshift>},
      {"and_", binary<"and_", BinaryOp::and_>},
      {"or_", binary<"or_", BinaryOp::or_>},
      {"xor", binary<"xor", BinaryOp::xor_>},
      {"iadd", inplace<"iadd", BinaryOp::add>},
      {"isub", inplace<"isub", BinaryOp::sub>},
      {"imul", inplace<"imul", BinaryOp::mul>},
      {"imatmul", inplace<"imatmul", BinaryOp::matmul>},
      {"itruediv", inplace<"itruediv", BinaryOp::truediv>},
      {"ifloordiv", inplace<"ifloordiv", BinaryOp::floordiv>},
      {"imod", inplace<"imod", BinaryOp::mod>},
      {"ipow", inplace<"ipow", BinaryOp::pow>},
      {"ilshift", inplace<"ilshift", BinaryOp::lshift>},
      {"irshift", inplace<"irshift", BinaryOp::rshift>},
      {"iand", inplace<"iand", BinaryOp::and_>},
      {"ior", inplace<"ior", BinaryOp::or_>},
      {"ixor", inplace<"ixor", BinaryOp::xor_>},
      {"lt", compare<"lt", CompareOp::lt>},
      {"le", compare<"le", CompareOp::le>},
      {"eq", compare<"eq", CompareOp::eq>},
      {"ne", compare<"ne", CompareOp::ne>},
      {"gt", compare<"gt", CompareOp::gt>},
      {"ge", compare<"ge", CompareOp::ge>},
      {"neg", unary<"neg", UnaryOp::neg>},
      {"pos", unary<"pos", UnaryOp::pos>},
      {"inv", unary<"inv", UnaryOp::invert>},
      {"invert", unary<"invert", UnaryOp::invert>},
      {"abs", op_abs},
      {"index", op_index},
      {"truth", op_truth},
      {"not_", op_not},
      {"is_", op_is},
      {"is_not", op_is_not},
      {"is_none", op_is_none},
      {"is_not_none", op_is_not_none},
      {"concat", op_concat},
      {"iconcat", op_iconcat},
      {"contains", op_contains},
      {"countOf", op_count_of},
      {"indexOf", op_index_of},
      {"getitem", op_getitem},
      {"setitem", op_setitem},
      {"delitem", op_delitem},
      {"length_hint", op_length_hint},
      {"call", op_call},
  };
  for (const FunctionEntry& f : functions)
    if (add_module_function(m, f.name, f.fn) < 0) return -1;
  struct TypeEntry {
    const char* name;
    const char* doc;
    NewFn make;
    CallFn call;
    ReprFn repr;
    BuiltinFn reduce;
  };
  const TypeEntry getters[] = {
      {"itemgetter",
       "itemgetter(item, /, *items): a callable giving obj[item], or a tuple of obj[i] for each item.",
       itemgetter_new, itemgetter_call, itemgetter_repr, itemgetter_reduce},
      {"attrgetter",
       "attrgetter(attr, /, *attrs): a callable giving obj.attr (dotted names follow each step), or a "
       "tuple of them.",
       attrgetter_new, attrgetter_call, attrgetter_repr, attrgetter_reduce},
      {"methodcaller",
       "methodcaller(name, /, *args, **kwargs): a callable giving obj.name(*args, **kwargs).",
       methodcaller_new, methodcaller_call, methodcaller_repr, methodcaller_reduce},
  };
  for (const TypeEntry& e : getters) {
    Ref<TypeObject> t = Ref<TypeObject>::steal(new_native_type("operator", e.name, e.doc, e.make));
    if (!t) return -1;
    t->tp_call = e.call;
    t->tp_repr = e.repr;
    add_method(t.get(), "__reduce__", e.reduce);
    if (dict_set_str(m->dict, e.name, t.get()) < 0) return -1;
  }
  return 0;
}

const gopy_ModuleDef kOperator = {
    GOPY_MODULE_API_VERSION, "_operator",
    "The operators as functions (operator.add(a, b) is a + b), and itemgetter, attrgetter and\n"
    "methodcaller: the native part of operator.",
    nullptr, nullptr, nullptr, nullptr, exec_operator};

}  // namespace
}  // namespace gopy::functional::operator_module

GOPY_MODULE_INIT(_operator, gopy::functional::operator_module::kOperator)
