// The runtime of `await`, `async for` and `async with` (CPython: Python/ceval.c
// _PyEval_GetAwaitable, Objects/genobject.c _PyCoro_GetAwaitableIter).
#include "eval/ceval_ops.hpp"

#include "gopy/async_iter.hpp"
#include "object/descr_internal.hpp"
#include "object/strcat.hpp"

namespace gopy {
namespace {

std::nullptr_t not_awaitable(Object* o, int context) {
  if (context == 1)
    return type_error(cat("'async with' received an object from __aenter__ that does not implement __await__: ",
                          o->type->name));
  if (context == 2)
    return type_error(cat("'async with' received an object from __aexit__ that does not implement __await__: ",
                          o->type->name));
  return type_error(cat("'", o->type->name, "' object can't be awaited"));
}

// type(o).<name> bound to o and called, or null without an exception when the type
// lacks it.
Object* call_special(Object* o, const char* name) {
  Object* descr = type_lookup(o->type, name);
  if (!descr) return nullptr;
  Object* bound = descr_bind(descr, o, o->type);
  if (!bound) return nullptr;
  Object* r = call0(bound);
  decref(bound);
  return r;
}

// A coroutine is its own iterator; anything else through __await__ (CPython:
// _PyCoro_GetAwaitableIter).
Object* awaitable_iter(Object* o) {
  if (o->type == &coroutine_type || is_async_gen_awaitable(o)) return new_ref(o);
  Object* it = call_special(o, "__await__");
  if (!it) return nullptr;
  if (it->type == &coroutine_type) {
    decref(it);
    return type_error("__await__() returned a coroutine");
  }
  if (!it->type->tp_iternext) {
    Object* r = type_error(cat("__await__() returned non-iterator of type '", it->type->name, "'"));
    decref(it);
    return r;
  }
  return it;
}

}  // namespace

// CPython: Python/ceval.c _PyEval_GetAwaitable.
Object* get_awaitable(Object* o, int context) {
  if (o->type != &coroutine_type && !is_async_gen_awaitable(o) && !type_lookup(o->type, "__await__"))
    return not_awaitable(o, context);
  if (o->type == &coroutine_type && coroutine_being_awaited(o))
    return set_error(&exc_RuntimeError, "coroutine is being awaited already");
  return awaitable_iter(o);
}

// CPython: Python/bytecodes.c GET_AITER.
Object* get_aiter(Object* o) {
  if (o->type == &async_generator_type) return new_ref(o);
  if (!is_async_iterable(o))
    return type_error(cat("'async for' requires an object with __aiter__ method, got ", o->type->name));
  Object* it = call_special(o, "__aiter__");
  if (!it) return nullptr;
  if (!is_async_iterator(it)) {
    Object* r = type_error(
        cat("'async for' received an object from __aiter__ that does not implement __anext__: ", it->type->name));
    decref(it);
    return r;
  }
  return it;
}

// CPython: Python/ceval.c _PyEval_GetANext.
Object* get_anext(Object* aiter) {
  if (aiter->type == &async_generator_type) return call_method(aiter, "__anext__", nullptr, 0);
  if (!is_async_iterator(aiter))
    return type_error(cat("'async for' requires an iterator with __anext__ method, got ", aiter->type->name));
  Object* next = call_special(aiter, "__anext__");
  if (!next) return nullptr;
  Object* it = nullptr;
  if (next->type == &coroutine_type || is_async_gen_awaitable(next) || type_lookup(next->type, "__await__"))
    it = awaitable_iter(next);
  if (!it) {
    Object* cause = fetch_error();
    type_error(cat("'async for' received an invalid object from __anext__: ", next->type->name));
    if (cause) {
      // CPython: _PyErr_FormatFromCause.
      auto* e = static_cast<BaseExceptionObject*>(current_error());
      e->cause = new_ref(cause);
      xdecref(e->context);
      e->context = cause;
      e->suppress_context = true;
    }
  }
  decref(next);
  return it;
}

}  // namespace gopy
