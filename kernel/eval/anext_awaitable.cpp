// anext(aiterator, default)'s awaitable (CPython: Objects/iterobject.c anextawaitable):
// awaiting it drives the iterator of what aiterator.__anext__() returned, and turns a
// StopAsyncIteration from it into the await's value, the default.
#include "gopy/async_iter.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "eval/ceval_ops.hpp"
#include "eval/code.hpp"
#include "object/strcat.hpp"

namespace gopy {

TypeObject anext_awaitable_type;

namespace {

struct AnextAwaitable : GcObject {
  Object* wrapped;           // owned: __anext__()'s awaitable
  Object* default_value;     // owned
  Object* iter = nullptr;    // owned: the awaitable's iterator, once asked for
  AnextAwaitable(Object* w, Object* d) : GcObject(&anext_awaitable_type), wrapped(new_ref(w)), default_value(new_ref(d)) {}
  ~AnextAwaitable() override { clear_refs(); }
  void clear_refs() override {
    Object* refs[] = {wrapped, default_value, iter};
    wrapped = default_value = iter = nullptr;
    for (Object* o : refs) xdecref(o);
  }
  int traverse(VisitFn visit, void* arg) override {
    for (Object* o : {wrapped, default_value, iter})
      if (int r = visit_ref(o, visit, arg)) return r;
    return 0;
  }
};

AnextAwaitable* as_anext(Object* o) { return static_cast<AnextAwaitable*>(o); }

// The wrapped awaitable's iterator (CPython: anextawaitable_getiter).
Object* wrapped_iter(AnextAwaitable* a) {
  if (!a->iter) a->iter = get_awaitable(a->wrapped, 0);
  return a->iter;
}

// After a step of the wrapped iterator: its end with StopAsyncIteration is the default
// (CPython: anextawaitable_proxy).
Object* finish(AnextAwaitable* a, Object* r) {
  if (r || !error_matches(&exc_StopAsyncIteration)) return r;
  clear_error();
  return raise_stop_iteration(a->default_value);
}

// Sends `value` (None: next) into the wrapped iterator.
Object* send(AnextAwaitable* a, Object* value) {
  Object* it = wrapped_iter(a);
  if (!it) return nullptr;
  if (is_gen_or_coro(it)) {
    Object* result = nullptr;
    Object* r = generator_send(it, value, &result);
    if (!r && result) {
      Ref<> hold = Ref<>::steal(result);
      return raise_stop_iteration(result);
    }
    return finish(a, r);
  }
  if (value == None() && it->type->tp_iternext) {
    Object* r = it->type->tp_iternext(it);
    if (!r && !error_occurred()) return raise_stop_iteration(None());
    return finish(a, r);
  }
  return finish(a, call_method(it, "send", &value, 1));
}

Object* iternext(Object* o) { return send(as_anext(o), None()); }

Object* send_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("send", kwnames) || !check_nargs("send", nargs - 1, 1, 1)) return nullptr;
  return send(as_anext(args[0]), args[1]);
}

Object* throw_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("throw", kwnames) || !check_nargs("throw", nargs - 1, 1, 3)) return nullptr;
  AnextAwaitable* a = as_anext(args[0]);
  Object* it = wrapped_iter(a);
  if (!it) return nullptr;
  return finish(a, call_method(it, "throw", args + 1, nargs - 1));
}

Object* close_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("close", kwnames) || !check_nargs("close", nargs - 1, 0, 0)) return nullptr;
  AnextAwaitable* a = as_anext(args[0]);
  Object* it = wrapped_iter(a);
  if (!it) return nullptr;
  return call_method(it, "close", nullptr, 0);
}

Object* self_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("__await__", kwnames) || !check_nargs("__await__", nargs - 1, 0, 0)) return nullptr;
  return new_ref(args[0]);
}

Object* self_iter(Object* o) { return new_ref(o); }

}  // namespace

bool is_async_iterable(Object* o) {
  return o->type == &async_generator_type || type_lookup(o->type, "__aiter__") != nullptr;
}

bool is_async_iterator(Object* o) {
  return o->type == &async_generator_type || type_lookup(o->type, "__anext__") != nullptr;
}

Object* new_anext_awaitable(Object* awaitable, Object* default_value) {
  return make<AnextAwaitable>(awaitable, default_value);
}

void init_anext_awaitable_type() {
  make_static_type(&anext_awaitable_type, &type_type, "anext_awaitable", &object_type, 0);
  anext_awaitable_type.tp_iter = self_iter;
  anext_awaitable_type.tp_iternext = iternext;
  // Each interpreter's method table, made on the type's first use.
  anext_awaitable_type.lazy_methods = [] {
    add_method(&anext_awaitable_type, "send", send_method);
    add_method(&anext_awaitable_type, "throw", throw_method);
    add_method(&anext_awaitable_type, "close", close_method);
    add_method(&anext_awaitable_type, "__await__", self_method);
  };
}

}  // namespace gopy
