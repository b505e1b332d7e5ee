// The semantics behind the larger instructions (CPython: Python/ceval.c and
// Python/ceval_macros.h helpers: unpack_iterable, do_raise, import_name, import_from,
// import_all_from, format_kwargs_error, check_args_iterable; Objects/typeobject.c
// super_init_without_args).
#include "eval/ceval_ops.hpp"

#include "gopy/object_ascii.hpp"
#include "gopy/object_num.hpp"
#include "gopy/sys_streams.hpp"
#include "object/args.hpp"
#include "object/function_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

// ---- names ----

// Raises `type(msg)` with a `name` attribute (NameError.name, ImportError.name).
static std::nullptr_t raise_with_name(TypeObject* type, const std::string& msg, StrObject* name) {
  Object* exc = new_exception(type, msg);
  if (!exc) return nullptr;
  static_cast<BaseExceptionObject*>(exc)->dict = new_dict();
  dict_set_str(static_cast<BaseExceptionObject*>(exc)->dict, "name", name);
  raise_object(exc);
  decref(exc);
  return nullptr;
}

std::nullptr_t name_error(StrObject* name) {
  // NameError.name (CPython sets it for the suggestions machinery).
  return raise_with_name(&exc_NameError, cat("name '", name->utf8, "' is not defined"), name);
}

std::nullptr_t unbound_local_error(StrObject* name) {
  return set_error(&exc_UnboundLocalError,
                   cat("cannot access local variable '", name->utf8, "' where it is not associated with a value"));
}

std::nullptr_t unbound_free_error(StrObject* name) {
  return set_error(&exc_NameError, cat("cannot access free variable '", name->utf8,
                                       "' where it is not associated with a value in enclosing scope"));
}

Object* load_global(Frame* f, StrObject* name) {
  if (Object* v = dict_get_str(f->globals, name)) return new_ref(v);
  if (Object* v = dict_get_str(f->builtins, name)) return new_ref(v);
  return name_error(name);
}

// A class body's namespace from a metaclass's __prepare__ may be a dict subclass: its
// __getitem__/__setitem__/__delitem__ run for the body's names (CPython: Python/bytecodes.c
// LOAD_NAME / STORE_NAME / DELETE_NAME use PyMapping_* unless the locals are an exact dict).
static inline bool exact_dict(DictObject* d) { return d->type == &dict_type; }

Object* load_name(Frame* f, StrObject* name, int cell_slot) {
  if (f->locals) {
    if (exact_dict(f->locals)) {
      if (Object* v = dict_get_str(f->locals, name)) return new_ref(v);
    } else {
      if (Object* v = get_item(f->locals, name)) return v;
      if (!error_matches(&exc_KeyError)) return nullptr;
      clear_error();
    }
  }
  if (cell_slot >= 0) {
    Object* v = static_cast<CellObject*>(f->slots[cell_slot])->ref;
    if (v) return new_ref(v);
  }
  return load_global(f, name);
}

int store_name(DictObject* d, StrObject* name, Object* value) {
  return exact_dict(d) ? dict_set_item(d, name, value) : set_item(d, name, value);
}

int delete_from(DictObject* d, StrObject* name) {
  if (!exact_dict(d)) {
    if (del_item(d, name) == 0) return 0;
    if (!error_matches(&exc_KeyError)) return -1;
    clear_error();
    set_error(&exc_NameError, cat("name '", name->utf8, "' is not defined"));
    return -1;
  }
  if (!dict_get_str(d, name)) {
    set_error(&exc_NameError, cat("name '", name->utf8, "' is not defined"));
    return -1;
  }
  return dict_del_item(d, name);
}

// ---- comparisons ----

static inline bool small_pair(Object* a, Object* b, int64_t* x, int64_t* y) {
  if (a->type != &int_type || b->type != &int_type) return false;
  auto* ia = static_cast<IntObject*>(a);
  auto* ib = static_cast<IntObject*>(b);
  if (ia->big || ib->big) return false;
  *x = ia->small;
  *y = ib->small;
  return true;
}

Object* compare_values(Object* a, Object* b, CmpKind op) {
  switch (op) {
    case CmpKind::is: return new_bool(a == b);
    case CmpKind::is_not: return new_bool(a != b);
    case CmpKind::in:
    case CmpKind::not_in: {
      int r = sequence_contains(b, a);
      if (r < 0) return nullptr;
      return new_bool(op == CmpKind::in ? r : !r);
    }
    default: break;
  }
  int64_t x, y;
  if (small_pair(a, b, &x, &y)) {
    bool t = false;
    switch (op) {
      case CmpKind::lt: t = x < y; break;
      case CmpKind::le: t = x <= y; break;
      case CmpKind::eq: t = x == y; break;
      case CmpKind::ne: t = x != y; break;
      case CmpKind::gt: t = x > y; break;
      case CmpKind::ge: t = x >= y; break;
      default: break;
    }
    return new_bool(t);
  }
  return rich_compare(a, b, static_cast<CompareOp>(int(op)));
}

int compare_truth(Object* a, Object* b, CmpKind op) {
  switch (op) {
    case CmpKind::is: return a == b;
    case CmpKind::is_not: return a != b;
    case CmpKind::in: return sequence_contains(b, a);
    case CmpKind::not_in: {
      int r = sequence_contains(b, a);
      return r < 0 ? r : !r;
    }
    default: break;
  }
  Object* r = rich_compare(a, b, static_cast<CompareOp>(int(op)));
  if (!r) return -1;
  int t = r == True() ? 1 : r == False() ? 0 : object_is_true(r);
  decref(r);
  return t;
}

// ---- unpacking ----

bool unpack_iterable(Object* v, int n_targets, int star, int after, std::vector<Object*>& out) {
  std::vector<Object*> items;
  bool sized = v->type == &tuple_type || v->type == &list_type;
  if (sized) {
    auto& src = v->type == &tuple_type ? static_cast<TupleObject*>(v)->items : static_cast<ListObject*>(v)->items;
    for (Object* o : src) items.push_back(new_ref(o));
  } else {
    Object* it = get_iter(v);
    if (!it) {
      if (error_matches(&exc_TypeError)) {
        clear_error();
        type_error(cat("cannot unpack non-iterable ", v->type->name, " object"));
      }
      return false;
    }
    size_t limit = star < 0 ? size_t(n_targets) + 1 : SIZE_MAX;
    while (items.size() < limit) {
      Object* x = iter_next(it);
      if (!x) break;
      items.push_back(x);
    }
    decref(it);
    if (error_occurred()) {
      for (Object* o : items) decref(o);
      return false;
    }
  }
  bool ok = true;
  if (star < 0) {
    size_t n = size_t(n_targets);
    if (items.size() != n) {
      if (items.size() < n)
        value_error(cat("not enough values to unpack (expected ", n, ", got ", items.size(), ")"));
      else if (sized)
        value_error(cat("too many values to unpack (expected ", n, ", got ", items.size(), ")"));
      else
        value_error(cat("too many values to unpack (expected ", n, ")"));
      ok = false;
    } else {
      out = std::move(items);
      return true;
    }
  } else {
    size_t before = size_t(star), tail = size_t(after);
    if (items.size() < before + tail) {
      value_error(cat("not enough values to unpack (expected at least ", before + tail, ", got ", items.size(), ")"));
      ok = false;
    } else {
      out.reserve(before + tail + 1);
      for (size_t i = 0; i < before; ++i) out.push_back(items[i]);
      ListObject* mid = new_list();
      for (size_t i = before; i < items.size() - tail; ++i) mid->items.push_back(items[i]);
      out.push_back(mid);
      for (size_t i = items.size() - tail; i < items.size(); ++i) out.push_back(items[i]);
      return true;
    }
  }
  for (Object* o : items) decref(o);
  return ok;
}

// ---- displays and call arguments ----

static bool extend_from(std::vector<Object*>& items, Object* iterable) {
  Object* it = get_iter(iterable);
  if (!it) return false;
  while (Object* x = iter_next(it)) items.push_back(x);
  decref(it);
  return !error_occurred();
}

int display_extend(ListObject* list, Object* v) {
  if (!v->type->tp_iter && !v->type->mp_subscript) {
    type_error(cat("Value after * must be an iterable, not ", v->type->name));
    return -1;
  }
  return extend_from(list->items, v) ? 0 : -1;
}

int display_dict_update(DictObject* d, Object* m) {
  int r = dict_update(d, m);
  if (r < 0 && error_matches(&exc_TypeError) && !is_dict(m)) {
    clear_error();
    type_error(cat("'", m->type->name, "' object is not a mapping"));
  }
  return r;
}

// "module.qualname()", or "qualname()" for builtins and module-less callables, or str(fn);
// an error while asking is dropped for the plain "function()".
// CPython: Objects/object.c _PyObject_FunctionStr
static std::string function_str(Object* fn) {
  int err = 0;
  Ref<> qualname = Ref<>::steal(lookup_attr(fn, intern("__qualname__"), &err));
  if (!qualname || !is_str(qualname.get())) {
    if (err) clear_error();
    Ref<> s = Ref<>::steal(object_str(fn));
    if (!s) {
      clear_error();
      return "function()";
    }
    return as_str(s.get())->utf8;
  }
  Ref<> module = Ref<>::steal(lookup_attr(fn, intern("__module__"), &err));
  if (err) clear_error();
  const std::string& q = as_str(qualname.get())->utf8;
  if (module && module.get() != None()) {
    if (!is_str(module.get()) || as_str(module.get())->view() != "builtins") {
      Ref<> m = Ref<>::steal(object_str(module.get()));
      if (!m) {
        clear_error();
        return cat(q, "()");
      }
      return cat(as_str(m.get())->utf8, ".", q, "()");
    }
  }
  return cat(q, "()");
}

int call_star_extend(Object* fn, ListObject* list, Object* v) {
  // An exact tuple (a wrapper's *args) is copied without an iterator.
  if (v->type == &tuple_type) {
    for (Object* o : static_cast<TupleObject*>(v)->items) list->items.push_back(new_ref(o));
    return 0;
  }
  Object* it = get_iter(v);
  if (!it) {
    if (error_matches(&exc_TypeError)) {
      clear_error();
      type_error(cat(function_str(fn), " argument after * must be an iterable, not ", v->type->name));
    }
    return -1;
  }
  while (Object* x = iter_next(it)) list->items.push_back(x);
  decref(it);
  return error_occurred() ? -1 : 0;
}

// Adds one `**` argument's pair; a repeated name is the call's error.
static bool kw_merge_one(Object* fn, DictObject* kw, Object* key, Object* value) {
  if (!is_str(key)) {
    type_error("keywords must be strings");
    return false;
  }
  if (dict_get_str(kw, as_str(key))) {
    type_error(cat(function_str(fn), " got multiple values for keyword argument '", as_str(key)->utf8, "'"));
    return false;
  }
  return dict_set_item(kw, key, value) == 0;
}

int call_kw_add(Object* fn, DictObject* kw, Object* name, Object* value) {
  return kw_merge_one(fn, kw, name, value) ? 0 : -1;
}

// CPython: Python/ceval.c DICT_MERGE (_PyDict_MergeEx over keys() for a non-dict mapping)
// and _PyEval_FormatKwargsError
int call_kw_merge(Object* fn, DictObject* kw, Object* m) {
  if (is_dict(m)) {
    bool ok = true;
    dict_for_each(static_cast<DictObject*>(m), [&](Object* key, Object* value) {
      if (ok) ok = kw_merge_one(fn, kw, key, value);
    });
    return ok ? 0 : -1;
  }
  int err = 0;
  Ref<> keys_method = Ref<>::steal(lookup_attr(m, intern("keys"), &err));
  if (!keys_method) {
    if (err && !error_matches(&exc_AttributeError)) return -1;
    clear_error();
    type_error(cat(function_str(fn), " argument after ** must be a mapping, not ", m->type->name));
    return -1;
  }
  Ref<> keys = Ref<>::steal(call(keys_method.get(), nullptr, 0, nullptr));
  if (!keys) return -1;
  Ref<> it = Ref<>::steal(get_iter(keys.get()));
  if (!it) return -1;
  while (Object* key = iter_next(it.get())) {
    Ref<> k = Ref<>::steal(key);
    Ref<> value = Ref<>::steal(get_item(m, key));
    if (!value || !kw_merge_one(fn, kw, key, value.get())) return -1;
  }
  return error_occurred() ? -1 : 0;
}

Object* call_with_list_dict(Object* fn, ListObject* list, DictObject* kw) {
  // No keywords (the common `f(*args)` and an empty `**kwargs`): the list's own items are
  // the arguments, with no copy.
  if (kw->used == 0) return call(fn, list->items.data(), list->items.size(), nullptr);
  std::vector<Object*> names;
  std::vector<Object*> argv(list->items);
  dict_for_each(kw, [&](Object* key, Object* value) {
    names.push_back(new_ref(key));
    argv.push_back(value);
  });
  TupleObject* kwn = names.empty() ? nullptr : new_tuple_steal(std::move(names));
  // The list's items stay referenced by the list for the call.
  Object* r = call(fn, argv.data(), list->items.size(), kwn);
  xdecref(kwn);
  return r;
}

Object* zero_arg_super(Frame* f, int class_slot, int self_slot, bool self_is_cell) {
  if (class_slot < 0) return set_error(&exc_RuntimeError, "super(): no arguments");
  Object* cls = static_cast<CellObject*>(f->slots[class_slot])->ref;
  if (!cls) return set_error(&exc_RuntimeError, "super(): empty __class__ cell");
  Object* self = self_slot >= 0 ? f->slots[self_slot] : nullptr;
  if (self_is_cell && self) self = static_cast<CellObject*>(self)->ref;
  if (!self) return set_error(&exc_RuntimeError, "super(): arg[0] deleted");
  return new_super(static_cast<TypeObject*>(cls), self);
}

bool load_method(Object* o, StrObject* name, Object** func, Object** self) {
  // A plain function on the type (not shadowed by an attribute of the instance's own) is
  // called with the object prepended, with no bound method made.
  Object* descr = o->type->tp_getattr ? nullptr : type_lookup(o->type, name);
  if (descr && (descr->type == &function_type ||
                (descr->type == &builtin_function_type && static_cast<BuiltinFunctionObject*>(descr)->is_method))) {
    if (!object_own_attr(o, name)) {
      *func = new_ref(descr);
      *self = new_ref(o);
      return true;
    }
  }
  Object* m = get_attr(o, name);
  if (!m) return false;
  *func = m;
  *self = nullptr;
  return true;
}

// ---- definitions ----

Object* make_function(Frame* f, CodeObject* code, Object* defaults, Object* kwdefaults) {
  auto* fn = make<FunctionObject>();
  fn->code = new_ref(code);
  fn->globals = new_ref(f->globals);
  fn->builtins = new_ref(builtins_from_globals(f->globals, f->builtins));
  fn->name = new_ref(code->name);
  fn->qualname = new_ref(code->qualname);
  if (Object* m = dict_get_str(f->globals, "__name__")) fn->module = new_ref(m);
  if (defaults) fn->defaults = static_cast<TupleObject*>(new_ref(defaults));
  if (kwdefaults) fn->kwdefaults = static_cast<DictObject*>(new_ref(kwdefaults));
  if (!code->closure_slots.empty()) {
    std::vector<Object*> cells;
    cells.reserve(code->closure_slots.size());
    for (int s : code->closure_slots) cells.push_back(new_ref(f->slots[s]));
    fn->closure = new_tuple_steal(std::move(cells));
  }
  return fn;
}

// types.FunctionType(code, globals, name=None, argdefs=None, closure=None, kwdefaults=None).
// CPython: Objects/funcobject.c func_new_impl, its checks and texts.
Object* function_new(TypeObject*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[6];
  if (!bind_args("function", a, n, kw, {"code", "globals", "name", "argdefs", "closure", "kwdefaults"}, 2, args))
    return nullptr;
  if (args[0]->type != &code_type)
    return type_error(cat("function() argument 'code' must be code, not ", args[0]->type->name));
  if (args[1]->type != &dict_type)
    return type_error(cat("function() argument 'globals' must be dict, not ", args[1]->type->name));
  auto* code = static_cast<CodeObject*>(args[0]);
  Object* name = args[2] && args[2] != None() ? args[2] : nullptr;
  if (name && !is_str(name)) return type_error("arg 3 (name) must be None or string");
  Object* defaults = args[3] && args[3] != None() ? args[3] : nullptr;
  if (defaults && !is_tuple(defaults)) return type_error("arg 4 (defaults) must be None or tuple");
  Object* kwdefaults = args[5] && args[5] != None() ? args[5] : nullptr;
  if (kwdefaults && kwdefaults->type != &dict_type) return type_error("arg 6 (kwdefaults) must be None or dict");
  Object* closure = args[4] && args[4] != None() ? args[4] : nullptr;
  size_t nfree = code->freenames.size();
  if (closure && !is_tuple(closure)) return type_error("arg 5 (closure) must be tuple");
  if (!closure && nfree) return type_error("arg 5 (closure) must be tuple");
  size_t nclosure = closure ? static_cast<TupleObject*>(closure)->items.size() : 0;
  if (nclosure != nfree)
    return value_error(cat(code->name->utf8, " requires closure of length ", std::to_string(nfree), ", not ",
                           std::to_string(nclosure)));
  for (size_t i = 0; i < nclosure; ++i) {
    Object* c = static_cast<TupleObject*>(closure)->items[i];
    if (c->type != &cell_type) return type_error(cat("arg 5 (closure) expected cell, found ", c->type->name));
  }
  auto* fn = make<FunctionObject>();
  auto* globals = static_cast<DictObject*>(args[1]);
  fn->code = new_ref(code);
  fn->globals = new_ref(globals);
  fn->builtins = new_ref(builtins_from_globals(globals, get_thread_state()->interp->builtins_dict));
  fn->name = static_cast<StrObject*>(new_ref(name ? name : static_cast<Object*>(code->name)));
  fn->qualname = new_ref(code->qualname);
  if (Object* m = dict_get_str(globals, "__name__")) fn->module = new_ref(m);
  if (defaults) fn->defaults = static_cast<TupleObject*>(new_ref(defaults));
  if (kwdefaults) fn->kwdefaults = static_cast<DictObject*>(new_ref(kwdefaults));
  if (nclosure) fn->closure = static_cast<TupleObject*>(new_ref(closure));
  return fn;
}

// CPython: Python/bltinmodule.c builtin___build_class__: the metaclass and its
// namespace, the body run in it, then metaclass(name, bases, namespace, **kwargs); the
// class fills the body's __class__ cell.
Object* build_class_from_body(Frame* f, StrObject* name, StrObject* qualname, TupleObject* orig_bases,
                              Object* kwargs, Object* body) {
  Ref<TupleObject> resolved = Ref<TupleObject>::steal(resolve_mro_entries(orig_bases));
  if (!resolved) return nullptr;
  TupleObject* bases = resolved.get();
  Object* meta_raw = nullptr;
  DictObject* kw_raw = nullptr;
  DictObject* ns = class_prepare(name, bases, kwargs == None() ? nullptr : static_cast<DictObject*>(kwargs),
                                 &meta_raw, &kw_raw);
  if (!ns) return nullptr;
  Ref<> meta = Ref<>::steal(meta_raw);
  Ref<DictObject> kw = Ref<DictObject>::steal(kw_raw);
  if (Object* m = dict_get_str(f->globals, "__name__")) dict_set_str(ns, "__module__", m);
  dict_set_str(ns, "__qualname__", qualname);
  Object* cell = run_class_body(static_cast<FunctionObject*>(body), ns);
  Object* cls = nullptr;
  if (cell && bases != orig_bases && dict_set_str(ns, "__orig_bases__", orig_bases) < 0) {
    decref(cell);
    cell = nullptr;
  }
  if (cell) {
    cls = class_finish(meta.get(), name, bases, ns, kw.get());
    if (cls && cell->type == &cell_type) {
      auto* c = static_cast<CellObject*>(cell);
      Object* old = c->ref;
      c->ref = new_ref(cls);
      xdecref(old);
    }
    decref(cell);
  }
  decref(ns);
  return cls;
}

// ---- raise, assert ----

// An exception instance from `raise X` / `from Y` operands (classes are instantiated).
static Object* make_exception(Object* v, bool is_cause) {
  if (is_exception_class(v)) {
    Object* inst = call0(v);
    if (!inst) return nullptr;
    if (!is_exception_instance(inst)) {
      decref(inst);
      return type_error(cat("calling ", static_cast<TypeObject*>(v)->name,
                            " should have returned an instance of BaseException, not ", inst->type->name));
    }
    return inst;
  }
  if (is_exception_instance(v)) return new_ref(v);
  return type_error(is_cause ? "exception causes must derive from BaseException"
                             : "exceptions must derive from BaseException");
}

void do_raise(Object* exc, Object* cause) {
  ThreadState* ts = get_thread_state();
  if (!exc) {
    Object* current = ts->handled ? ts->handled->exc : nullptr;
    if (!current) {
      set_error(&exc_RuntimeError, "No active exception to reraise");
      return;
    }
    restore_error(new_ref(current));
    return;
  }
  Object* inst = make_exception(exc, false);
  if (!inst) return;
  if (cause) {
    Object* cause_inst = cause == None() ? nullptr : make_exception(cause, true);
    if (cause != None() && !cause_inst) {
      decref(inst);
      return;
    }
    auto* e = static_cast<BaseExceptionObject*>(inst);
    Object* old = e->cause;
    e->cause = cause_inst;
    e->suppress_context = true;
    xdecref(old);
  }
  raise_object(inst);
  decref(inst);
}

void assert_fail(Object* msg) {
  Object* exc = msg ? new_exception_args(&exc_AssertionError, &msg, 1) : new_exception_args(&exc_AssertionError, nullptr, 0);
  if (!exc) return;
  raise_object(exc);
  decref(exc);
}

// ---- import ----

Object* import_name(Frame* f, StrObject* name, Object* fromlist, int level) {
  Interpreter* interp = get_thread_state()->interp;
  if (interp->import_hook) return interp->import_hook(interp, name, f->globals, fromlist, level);
  if (level == 0)
    if (Object* m = dict_get_str(interp->modules, name)) return new_ref(m);
  return raise_with_name(&exc_ModuleNotFoundError, cat("No module named '", name->utf8, "'"), name);
}

Object* import_subattr(Object* top, StrObject* dotted) {
  Object* bound = new_ref(top);
  std::string_view rest = dotted->view();
  size_t dot = rest.find('.');
  while (dot != std::string_view::npos) {
    rest = rest.substr(dot + 1);
    dot = rest.find('.');
    Object* next = get_attr(bound, rest.substr(0, dot));
    decref(bound);
    if (!next) return nullptr;
    bound = next;
  }
  return bound;
}

Object* import_from(Object* module, StrObject* attr) {
  int err;
  Object* v = lookup_attr(module, attr, &err);
  if (v || err) return v;
  std::string mname = "?";
  std::string where;
  if (module->type == &module_type) {
    DictObject* d = static_cast<ModuleObject*>(module)->dict;
    if (Object* n = dict_get_str(d, "__name__"); n && is_str(n)) mname = as_str(n)->utf8;
    if (Object* p = dict_get_str(d, "__file__"); p && is_str(p)) where = " (" + as_str(p)->utf8 + ")";
    else where = " (unknown location)";
    // A submodule imported as a side effect lives in sys.modules.
    Interpreter* interp = get_thread_state()->interp;
    if (Object* sub = dict_get_str(interp->modules, mname + "." + attr->utf8)) return new_ref(sub);
  }
  Object* exc = new_exception(&exc_ImportError, cat("cannot import name '", attr->utf8, "' from '", mname, "'", where));
  if (exc) {
    // CPython: Python/ceval.c _PyEval_ImportFrom sets name, name_from and path (what the
    // traceback's "Did you mean" reads).
    auto* e = static_cast<BaseExceptionObject*>(exc);
    if (!e->dict) e->dict = new_dict();
    Ref<> name = Ref<>::steal(new_str(mname));
    dict_set_str(e->dict, "name", name.get());
    dict_set_str(e->dict, "name_from", attr);
    if (module->type == &module_type)
      if (Object* p = dict_get_str(static_cast<ModuleObject*>(module)->dict, "__file__"); p && is_str(p))
        dict_set_str(e->dict, "path", p);
    raise_object(exc);
    decref(exc);
  }
  return nullptr;
}

int import_star(Frame* f, Object* module) {
  // CPython: import_all_from (public names, or __all__).
  DictObject* d = module->type == &module_type ? static_cast<ModuleObject*>(module)->dict : nullptr;
  int st = 0;
  if (d) {
    std::vector<std::pair<Object*, Object*>> items;
    dict_for_each(d, [&](Object* k, Object* v) {
      if (is_str(k) && !as_str(k)->view().starts_with("_")) items.emplace_back(new_ref(k), new_ref(v));
    });
    for (auto& [k, v] : items) {
      if (st == 0) st = dict_set_item(f->locals ? f->locals : f->globals, k, v);
      decref(k);
      decref(v);
    }
  }
  return st;
}

// ---- f-strings, the interactive echo ----

Object* format_value(Object* v, int conversion, Object* spec) {
  Ref<> converted;
  if (conversion == 's' || conversion == 'r' || conversion == 'a') {
    Object* c = conversion == 's' ? object_str(v) : conversion == 'r' ? object_repr(v) : object_ascii(v);
    if (!c) return nullptr;
    converted = Ref<>::steal(c);
    v = c;
  }
  bool empty_spec = !spec || as_str(spec)->length == 0;
  if (empty_spec && v->type == &str_type) return new_ref(v);
  if (empty_spec && (v->type == &int_type || v->type == &float_type)) return object_str(v);
  if (spec) return format_object(v, spec);
  Object* s = new_str("");
  Object* r = format_object(v, s);
  decref(s);
  return r;
}

Object* build_string(Object* const* parts, size_t n) {
  // A lone part is the f-string's value, as CPython compiles f"{x}" to FORMAT_SIMPLE alone.
  if (n == 1) return new_ref(parts[0]);
  std::string out;
  for (size_t i = 0; i < n; ++i) out += as_str(parts[i])->utf8;
  return new_str(out);
}

// CPython: CALL_INTRINSIC_1 INTRINSIC_PRINT, which calls sys.displayhook
// ("lost sys.displayhook" when it is gone).
int print_expr(Object* v) {
  Object* r = nullptr;
  if (Object* hook = sys_required_attribute("displayhook")) {
    // Held for the call: the hook may rebind sys.displayhook.
    r = call1(Ref<>::borrow(hook).get(), v);
  }
  if (!r) return -1;
  decref(r);
  return 0;
}

}  // namespace gopy
