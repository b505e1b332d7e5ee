// The abstract object protocols (CPython: Objects/object.c, Objects/abstract.c).
#include <limits>
#include <cstdio>
#include <new>

#include "gopy/object.hpp"
#include "gopy/gc.hpp"
#include "gopy/weakref.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/attr_lookup.hpp"
#include "object/class_method.hpp"
#include "object/descr_internal.hpp"
#include "object/int_free_list.hpp"
#include "object/strcat.hpp"
#include "object/typevar.hpp"
#include "object/type_internal.hpp"

namespace gopy {

Object none_object;
Object not_implemented_object;
Object ellipsis_object;

// An object the allocator could not provide: std::bad_alloc, as a throwing `new` would
// give, which the statement (or the API entry) it interrupts turns into MemoryError.
void object_alloc_failed() { throw std::bad_alloc(); }

Object* track_new_object(Object* o) {
  ++get_thread_state()->interp->live_count;
  return o;
}

namespace {

// How deeply deallocations may nest before the trashcan defers them. A level costs a few
// hundred bytes of stack (a few kilobytes under sanitizers), far less than the margin
// kept below the stack limit, so freeing stays safe even when it starts deep in a
// recursion. (CPython 3.14 bounds the nesting by the stack margin; earlier versions by 50
// levels.)
constexpr int kDeallocNestingLimit = 50;

// CPython: Objects/object.c PyObject_CallFinalizerFromDealloc. Runs the finalizer on the
// temporarily resurrected object; true when it is still referenced afterwards.
[[gnu::noinline]] bool finalizer_resurrected(Object* o, ThreadState* ts) {
  Interpreter* interp = ts->interp;
  if (interp->finalized.count(o)) return false;  // finalized once already: now it just dies
  if (interp->freeing_all) return false;         // finalize frees what is left, unfinalized
  o->refcnt = 1;
  // What the finalizer frees is freed by its own outermost deallocations, so a finalizer
  // that runs a long loop does not pile up deferred objects.
  int depth = ts->dealloc_depth;
  ts->dealloc_depth = 0;
  o->type->tp_finalize(o);
  ts->dealloc_depth = depth;
  if (--o->refcnt == 0) return false;
  interp->finalized.insert(o);
  return true;
}

[[gnu::noinline]] void forget_finalized(Interpreter* interp, Object* o) { interp->finalized.erase(o); }

// Inlined: this is the whole cost of freeing an object, paid for every object.
[[gnu::always_inline]] inline void free_dead_object(Object* o, ThreadState* ts) {
  if (o->type->tp_finalize && finalizer_resurrected(o, ts)) [[unlikely]]
    return;
  Interpreter* interp = ts->interp;
  // Untracked first: weak reference callbacks run Python code, which may collect.
  if (GcObject* g = o->as_gc()) gc_forget(g);
  if (!interp->weakrefs.empty()) [[unlikely]]
    clear_weakrefs(o);
  if (!interp->finalized.empty()) [[unlikely]]
    forget_finalized(interp, o);
  --interp->live_count;
  // An instance of a class derived from a built-in type holds its class and may have a
  // dict beside it (kernel/object/subtype.cpp). A native type's objects hold and drop
  // their type themselves (a deque subclass's instance is a deque made for the subclass):
  // cleared first, such an object shows it by no longer naming the class.
  TypeObject* subclass = nullptr;
  if (o->type->flags & TypeFlags::builtin_subclass) [[unlikely]] {
    drop_side_dict(o);
    TypeObject* before = o->type;
    o->clear_refs();
    if (o->type == before) subclass = before;
  }
  delete o;
  if (subclass) [[unlikely]]
    decref(subclass);
}

// A deferred object leaves the collector's lists at once: a collection while it waits must
// not see it (CPython untracks before depositing in the trashcan).
[[gnu::noinline]] void defer_dealloc(ThreadState* ts, Object* o) {
  if (GcObject* g = o->as_gc()) gc_untrack(g);
  ts->dealloc_pending.push_back(o);
}

// The outermost deallocation frees what nested ones deferred, last in first out: a deep
// chain is taken apart kDeallocNestingLimit links at a time.
[[gnu::noinline]] void free_pending(ThreadState* ts) {
  ts->dealloc_depth = 1;
  while (!ts->dealloc_pending.empty()) {
    Object* next = ts->dealloc_pending.back();
    ts->dealloc_pending.pop_back();
    free_dead_object(next, ts);
  }
  ts->dealloc_depth = 0;
}

}  // namespace

namespace {

// CPython: Objects/object.c _Py_Dealloc, _PyTrash_thread_deposit_object and
// _PyTrash_thread_destroy_chain.
[[gnu::noinline]] void dealloc_with_checks(Object* o, ThreadState* ts) {
  int depth = ts->dealloc_depth;
  if (depth >= kDeallocNestingLimit) [[unlikely]]
    return defer_dealloc(ts, o);
  ts->dealloc_depth = depth + 1;
  free_dead_object(o, ts);
  ts->dealloc_depth = depth;
  if (depth == 0 && !ts->dealloc_pending.empty()) [[unlikely]]
    free_pending(ts);
}

}  // namespace

void dealloc_object(Object* o) {
  ThreadState* ts = get_thread_state();
  // An int has no finalizer, no collector links and no weak references: it only leaves
  // the count (and maybe waits on the free list). Apart from the rest, this path needs
  // no stack frame.
  if (o->type == &int_type && int_free_list_keep(static_cast<IntObject*>(o))) {
    --ts->interp->live_count;
    return;
  }
  // Nor has an exact str (its type has no tp_finalize, refuses weak references and holds
  // nothing): the names finalization frees by the hundred skip the checks.
  if (o->type == &str_type) {
    --ts->interp->live_count;
    delete static_cast<StrObject*>(o);
    return;
  }
  dealloc_with_checks(o, ts);
}

// ---- repr / str / hash ----

Object* object_repr(Object* o) {
  ThreadState* ts = get_thread_state();
  if (!enter_recursive_call(ts, " while getting the repr of an object")) return nullptr;
  Object* r;
  if (o->type->tp_repr) {
    r = o->type->tp_repr(o);
  } else {
    char buf[64];
    std::snprintf(buf, sizeof buf, " object at %p>", static_cast<void*>(o));
    std::string text = "<";
    if (o->type->module != "builtins") text += o->type->module + ".";
    text += o->type->qualname + buf;
    r = new_str(text);
  }
  leave_recursive_call(ts);
  if (r && !is_str(r)) {
    std::string msg = cat("__repr__ returned non-string (type ", type_name(r), ")");
    decref(r);
    return type_error(msg);
  }
  return r;
}

Object* object_str(Object* o) {
  if (o->type == &str_type) return new_ref(o);
  ReprFn f = o->type->tp_str ? o->type->tp_str : nullptr;
  if (!f) return object_repr(o);
  ThreadState* ts = get_thread_state();
  if (!enter_recursive_call(ts, " while getting the str of an object")) return nullptr;
  Object* r = f(o);
  leave_recursive_call(ts);
  if (r && !is_str(r)) {
    std::string msg = cat("__str__ returned non-string (type ", type_name(r), ")");
    decref(r);
    return type_error(msg);
  }
  return r;
}

int64_t object_hash(Object* o) {
  if (o->type == &str_type) return str_hash(static_cast<StrObject*>(o));
  if (!o->type->tp_hash) {
    // A built-in type without a comparison of its own inherits object's identity hash, as
    // CPython's inherit_slots gives it (iterators, generators, ...).
    if (!(o->type->flags & TypeFlags::heap) && !o->type->tp_richcompare) return object_identity_hash(o);
    type_error(cat("unhashable type: '", o->type->name, "'"));
    return -1;
  }
  return o->type->tp_hash(o);
}

// ---- comparison ----

static CompareOp swapped(CompareOp op) {
  switch (op) {
    case CompareOp::lt: return CompareOp::gt;
    case CompareOp::le: return CompareOp::ge;
    case CompareOp::gt: return CompareOp::lt;
    case CompareOp::ge: return CompareOp::le;
    default: return op;
  }
}
static const char* op_symbol(CompareOp op) {
  static const char* names[] = {"<", "<=", "==", "!=", ">", ">="};
  return names[int(op)];
}

// CPython: Objects/object.c do_richcompare
Object* rich_compare(Object* a, Object* b, CompareOp op) {
  ThreadState* ts = get_thread_state();
  if (!enter_recursive_call(ts, " in comparison")) return nullptr;
  Object* r = nullptr;
  bool checked_reverse = false;
  TypeObject* ta = a->type;
  TypeObject* tb = b->type;
  if (ta != tb && is_subtype(tb, ta) && tb->tp_richcompare) {
    checked_reverse = true;
    r = tb->tp_richcompare(b, a, swapped(op));
    if (r != NotImplemented()) goto done;
    decref(r);
  }
  if (ta->tp_richcompare) {
    r = ta->tp_richcompare(a, b, op);
    if (r != NotImplemented()) goto done;
    decref(r);
  }
  if (!checked_reverse && tb->tp_richcompare) {
    r = tb->tp_richcompare(b, a, swapped(op));
    if (r != NotImplemented()) goto done;
    decref(r);
  }
  if (op == CompareOp::eq) {
    r = new_bool(a == b);
  } else if (op == CompareOp::ne) {
    r = new_bool(a != b);
  } else {
    r = type_error(cat("'", op_symbol(op), "' not supported between instances of '", type_tp_name(ta), "' and '",
                       type_tp_name(tb), "'"));
  }
done:
  leave_recursive_call(ts);
  return r;
}

int rich_compare_bool(Object* a, Object* b, CompareOp op) {
  if (a == b) {
    if (op == CompareOp::eq) return 1;
    if (op == CompareOp::ne) return 0;
  }
  Object* r = rich_compare(a, b, op);
  if (!r) return -1;
  int t = (r == True()) ? 1 : (r == False()) ? 0 : object_is_true(r);
  decref(r);
  return t;
}

int object_eq(Object* a, Object* b) {
  if (a == b) return 1;
  if (a->type == &str_type && b->type == &str_type)
    return str_equal(static_cast<StrObject*>(a), static_cast<StrObject*>(b));
  if (a->type == &int_type && b->type == &int_type && int_is_small(a) && int_is_small(b))
    return int_small_value(a) == int_small_value(b);
  return rich_compare_bool(a, b, CompareOp::eq);
}

int object_is_true(Object* o) {
  if (o == True()) return 1;
  if (o == False() || o == None()) return 0;
  TypeObject* t = o->type;
  if (t->nb_bool) return t->nb_bool(o);
  if (t->sq_length) {
    ssize n = t->sq_length(o);
    return n < 0 ? -1 : n > 0;
  }
  return 1;
}

// ---- attributes ----

Object* get_attr(Object* o, StrObject* name) {
  if (o->type->tp_getattr) return o->type->tp_getattr(o, name);
  return generic_getattr(o, name);
}
Object* get_attr(Object* o, std::string_view name) { return get_attr(o, intern(name)); }

// CPython: Objects/object.c PyObject_GetOptionalAttr: where the lookup is the generic
// one, a class's, a module's or a function's, a plain miss makes no AttributeError at all
// (hasattr, getattr with a default and the importer ask for many names that are not there).
Object* lookup_attr(Object* o, StrObject* name, int* error) {
  *error = 0;
  GetAttrFn getter = o->type->tp_getattr;
  Object* r = !getter                              ? generic_getattr_or_miss(o, name, false)
              : getter == type_type.tp_getattr     ? type_getattr_or_miss(o, name, false)
              : getter == module_type.tp_getattr   ? module_getattr_or_miss(o, name, false)
              : getter == function_type.tp_getattr ? function_getattr_or_miss(o, name, false)
                                                   : getter(o, name);
  if (!r && error_occurred()) {
    if (error_matches(&exc_AttributeError)) {
      clear_error();
    } else {
      *error = 1;
    }
  }
  return r;
}

int set_attr(Object* o, StrObject* name, Object* value) {
  if (o->type->tp_setattr) return o->type->tp_setattr(o, name, value);
  return generic_setattr(o, name, value);
}
int del_attr(Object* o, StrObject* name) { return set_attr(o, name, nullptr); }

static DictObject** instance_dict_slot(Object* o) {
  auto slot = o->type->instance_dict;
  return slot ? slot(o) : nullptr;
}

Object* descr_bind(Object* descr, Object* obj, TypeObject* type) {
  if (descr->type == &builtin_function_type && is_builtin_class_method(static_cast<BuiltinFunctionObject*>(descr))) {
    auto* bf = static_cast<BuiltinFunctionObject*>(descr);
    return new_builtin_function(bf->name, bf->fn, obj && !type ? obj->type : type);
  }
  if (obj) {
    if (descr->type == &function_type) return new_method(descr, obj);
    if (descr->type == &builtin_function_type) {
      auto* bf = static_cast<BuiltinFunctionObject*>(descr);
      if (bf->is_method) return new_builtin_function(bf->name, bf->fn, obj);
    }
  }
  if (descr_has_get(descr)) return descr_get(descr, obj, type);
  return new_ref(descr);
}

// CPython: Objects/object.c _PyObject_GenericGetAttrWithDict: a data descriptor on the
// type wins over the instance dict, which wins over a non-data descriptor or plain class
// attribute. The descriptor is held: its __get__ may replace the class attribute.
Object* generic_getattr(Object* o, StrObject* name) { return generic_getattr_or_miss(o, name, true); }

Object* generic_getattr_or_miss(Object* o, StrObject* name, bool raise_on_miss) {
  Ref<> descr = Ref<>::borrow(type_lookup(o->type, name));
  if (descr && descr_has_get(descr.get()) && descr_is_data(descr.get())) return descr_get(descr.get(), o, o->type);
  if (Object* v = object_own_attr(o, name)) return new_ref(v);
  if (descr) return descr_bind(descr.get(), o, o->type);
  std::string_view n = name->view();
  if (n == "__class__") return new_ref<Object>(o->type);
  if (n == "__dict__") {
    if (DictObject** slot = instance_dict_slot(o)) {
      if (!*slot) *slot = new_dict();
      return new_ref<Object>(*slot);
    }
  }
  if (n == "__doc__") return new_none();
  return raise_on_miss ? attribute_error(o, name) : nullptr;
}

// CPython: Objects/object.c _PyObject_GenericSetAttrWithDict: a data descriptor on the
// type takes the assignment or deletion; otherwise the instance dict does.
int generic_setattr(Object* o, StrObject* name, Object* value) {
  Ref<> descr = Ref<>::borrow(type_lookup(o->type, name));
  if (descr && descr_is_data(descr.get())) return descr_set(descr.get(), o, value);
  if (name->view() == "__class__") return set_object_class(o, value);
  if (!o->type->instance_dict) {
    if (descr) {
      set_error(&exc_AttributeError, cat("'", type_tp_name(o->type), "' object attribute '", name->utf8, "' is read-only"));
    } else {
      set_error(&exc_AttributeError, cat("'", type_tp_name(o->type), "' object has no attribute '", name->utf8,
                                         "' and no __dict__ for setting new attributes"));
    }
    return -1;
  }
  if (o->type->flags & TypeFlags::plain_instances) {
    auto* inst = static_cast<InstanceObject*>(o);
    if (value) return instance_set_own(inst, name, value);
    int r = instance_del_own(inst, name);
    if (r == 1) attribute_error(o, name);
    return r == 0 ? 0 : -1;
  }
  DictObject** slot = instance_dict_slot(o);
  if (!*slot) *slot = new_dict();
  if (value) return dict_set_item(*slot, name, value);
  if (dict_get_str(*slot, name) == nullptr) {
    attribute_error(o, name);
    return -1;
  }
  return dict_del_item(*slot, name);
}

// ---- calls ----

Object* call(Object* callable, Object* const* args, size_t nargs, TupleObject* kwnames) {
  CallFn f = callable->type->tp_call;
  if (!f) return type_error(cat("'", type_tp_name(callable->type), "' object is not callable"));
  return f(callable, args, nargs, kwnames);
}
Object* call0(Object* c) { return call(c, nullptr, 0, nullptr); }
Object* call1(Object* c, Object* a) { return call(c, &a, 1, nullptr); }
Object* call2(Object* c, Object* a, Object* b) {
  Object* args[2] = {a, b};
  return call(c, args, 2, nullptr);
}

bool callable_check(Object* o) { return o->type->tp_call != nullptr; }

Object* call_method(Object* obj, StrObject* name, Object* const* args, size_t nargs) {
  Object* descr = type_lookup(obj->type, name);
  if (descr && !object_own_attr(obj, name) &&
      (descr->type == &function_type ||
       (descr->type == &builtin_function_type && static_cast<BuiltinFunctionObject*>(descr)->is_method))) {
    Object* stack_args[8];
    std::vector<Object*> heap_args;
    Object** full = stack_args;
    if (nargs + 1 > 8) {
      heap_args.resize(nargs + 1);
      full = heap_args.data();
    }
    full[0] = obj;
    for (size_t i = 0; i < nargs; ++i) full[i + 1] = args[i];
    return call(descr, full, nargs + 1, nullptr);
  }
  Object* m = get_attr(obj, name);
  if (!m) return nullptr;
  Object* r = call(m, args, nargs, nullptr);
  decref(m);
  return r;
}
Object* call_method(Object* obj, std::string_view name, Object* const* args, size_t nargs) {
  return call_method(obj, intern(name), args, nargs);
}

// ---- iteration, length, items ----

// CPython: Objects/abstract.c PyObject_GetIter: what __iter__ returns must be an iterator.
Object* get_iter(Object* o) {
  if (o->type->tp_iter) {
    Object* it = o->type->tp_iter(o);
    if (it && !it->type->tp_iternext) {
      std::string msg = cat("iter() returned non-iterator of type '", type_name(it), "'");
      decref(it);
      return type_error(msg);
    }
    return it;
  }
  if (o->type->mp_subscript && o->type != &dict_type) return seq_iter_new(o);
  return type_error(cat("'", type_tp_name(o->type), "' object is not iterable"));
}

Object* iter_next(Object* it) {
  UnaryFn f = it->type->tp_iternext;
  if (!f) return type_error(cat("'", it->type->name, "' object is not an iterator"));
  // Iterators over iterators (map over map over ...) recurse through here: a RecursionError
  // before the C++ stack runs out, as CPython 3.14's stack-measuring guard gives.
  ThreadState* ts = get_thread_state();
  if (!enter_recursive_call(ts)) return nullptr;
  Object* r = f(it);
  leave_recursive_call(ts);
  // A generator that returns a value reports it as StopIteration(value): exhaustion here
  // (CPython: PyIter_Next).
  if (!r && error_matches(&exc_StopIteration)) clear_error();
  return r;
}

ssize object_length(Object* o) {
  if (o->type->sq_length) return o->type->sq_length(o);
  type_error(cat("object of type '", type_tp_name(o->type), "' has no len()"));
  return -1;
}

Object* get_item(Object* o, Object* key) {
  if (o->type->mp_subscript) return o->type->mp_subscript(o, key);
  if (o->type == &type_type || is_subtype(o->type, &type_type)) {
    // CPython: Objects/abstract.c PyObject_GetItem: C[key] calls C.__class_getitem__(key).
    auto* t = static_cast<TypeObject*>(o);
    if (Object* r = class_subscript(t, key)) return r;
    if (error_occurred()) return nullptr;
    return type_error(cat("type '", t->name, "' is not subscriptable"));
  }
  return type_error(cat("'", type_tp_name(o->type), "' object is not subscriptable"));
}

int set_item(Object* o, Object* key, Object* value) {
  if (o->type->mp_ass_subscript) return o->type->mp_ass_subscript(o, key, value);
  type_error(cat("'", o->type->name, "' object does not support item assignment"));
  return -1;
}

int del_item(Object* o, Object* key) {
  if (o->type->mp_ass_subscript) return o->type->mp_ass_subscript(o, key, nullptr);
  type_error(cat("'", o->type->name, "' object doesn't support item deletion"));
  return -1;
}

// CPython: Objects/abstract.c PySequence_Contains / _PySequence_IterSearch
int sequence_contains(Object* container, Object* item) {
  if (container->type->sq_contains) return container->type->sq_contains(container, item);
  if (!container->type->tp_iter && !container->type->mp_subscript) {
    type_error(cat("argument of type '", container->type->name, "' is not a container or iterable"));
    return -1;
  }
  Object* it = get_iter(container);
  if (!it) {
    if (error_matches(&exc_TypeError)) {
      clear_error();
      type_error(cat("argument of type '", container->type->name, "' is not a container or iterable"));
    }
    return -1;
  }
  int found = 0;
  while (Object* x = iter_next(it)) {
    int eq = object_eq(x, item);
    decref(x);
    if (eq != 0) {
      found = eq;
      break;
    }
  }
  decref(it);
  if (found == 0 && error_occurred()) return -1;
  return found;
}

// ---- numbers ----

const char* binary_op_symbol(BinaryOp op) {
  static const char* names[] = {"+", "-", "*", "/", "//", "%", "** or pow()", "<<", ">>", "&", "|", "^", "@"};
  return names[int(op)];
}

// CPython: Objects/abstract.c binary_op1
static Object* binary_op1(Object* a, Object* b, BinaryOp op) {
  BinaryFn slota = a->type->nb_binary[int(op)];
  BinaryFn slotb = b->type != a->type ? b->type->nb_binary[int(op)] : nullptr;
  if (slotb == slota) slotb = nullptr;
  if (slota) {
    if (slotb && is_subtype(b->type, a->type)) {
      Object* r = slotb(a, b);
      if (r != NotImplemented()) return r;
      decref(r);
      slotb = nullptr;
    }
    Object* r = slota(a, b);
    if (r != NotImplemented()) return r;
    decref(r);
  }
  if (slotb) return slotb(a, b);
  return new_ref(NotImplemented());
}

static std::nullptr_t binop_type_error(Object* a, Object* b, BinaryOp op, bool inplace) {
  if (op == BinaryOp::add && (a->type == &str_type || a->type == &list_type || a->type == &tuple_type)) {
    return type_error(cat("can only concatenate ", a->type->name, " (not \"", b->type->name, "\") to ",
                          a->type->name));
  }
  if (op == BinaryOp::mul) {
    bool seq_a = a->type == &str_type || a->type == &list_type || a->type == &tuple_type;
    bool seq_b = b->type == &str_type || b->type == &list_type || b->type == &tuple_type;
    if (seq_a && !b->type->nb_index) return type_error(cat("can't multiply sequence by non-int of type '", b->type->name, "'"));
    if (seq_b && !a->type->nb_index) return type_error(cat("can't multiply sequence by non-int of type '", a->type->name, "'"));
  }
  std::string sym = binary_op_symbol(op);
  if (inplace) sym = op == BinaryOp::pow ? "**=" : sym + "=";
  return type_error(cat("unsupported operand type(s) for ", sym, ": '", type_tp_name(a->type), "' and '", type_tp_name(b->type), "'"));
}

Object* binary_op(Object* a, Object* b, BinaryOp op) {
  Object* r = binary_op1(a, b, op);
  if (r != NotImplemented()) return r;
  decref(r);
  return binop_type_error(a, b, op, false);
}

Object* inplace_op(Object* a, Object* b, BinaryOp op) {
  if (BinaryFn f = a->type->nb_inplace[int(op)]) {
    Object* r = f(a, b);
    if (r != NotImplemented()) return r;
    decref(r);
  }
  Object* r = binary_op1(a, b, op);
  if (r != NotImplemented()) return r;
  decref(r);
  return binop_type_error(a, b, op, true);
}

Object* unary_op(Object* a, UnaryOp op) {
  if (UnaryFn f = a->type->nb_unary[int(op)]) return f(a);
  static const char* names[] = {"-", "+", "~"};
  return type_error(cat("bad operand type for unary ", names[int(op)], ": '", type_tp_name(a->type), "'"));
}

Object* number_index(Object* o) {
  if (is_int(o)) return new_ref(o);
  if (!o->type->nb_index) return type_error(cat("'", o->type->name, "' object cannot be interpreted as an integer"));
  // CPython: Objects/abstract.c _PyNumber_Index: __index__ must return an int.
  Object* r = o->type->nb_index(o);
  if (r && !is_int(r)) {
    std::string msg = cat("__index__ returned non-int (type ", type_name(r), ")");
    decref(r);
    return type_error(msg);
  }
  return r;
}

bool index_as_ssize(Object* o, ssize* out) {
  Object* i = number_index(o);
  if (!i) return false;
  int64_t v;
  bool ok = int_to_int64(i, &v);
  decref(i);
  if (!ok) {
    overflow_error(cat("Python int too large to convert to C ssize_t"));
    return false;
  }
  *out = ssize(v);
  return true;
}

bool index_as_ssize_clamped(Object* o, ssize* out) {
  Object* i = number_index(o);
  if (!i) return false;
  int64_t v;
  if (int_to_int64(i, &v)) {
    *out = ssize(v);
  } else {
    *out = int_sign(i) < 0 ? std::numeric_limits<ssize>::min() : std::numeric_limits<ssize>::max();
  }
  decref(i);
  return true;
}

}  // namespace gopy
