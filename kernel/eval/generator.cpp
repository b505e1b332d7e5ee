// Generators and coroutines: a suspended frame owned by an object (CPython:
// Objects/genobject.c gen_send_ex2, gen_throw, _gen_throw, gen_close, _PyGen_Finalize,
// gen_getframe, coro_await, the coroutine_wrapper type). A coroutine is a generator whose
// type is `coroutine`: not iterable, awaited through __await__, not reusable once done.
#include "eval/ceval_ops.hpp"
#include "eval/code.hpp"
#include "gopy/object_num.hpp"
#include "gopy/warnings.hpp"
#include "object/strcat.hpp"
#include "object/type_init.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject generator_type;
TypeObject coroutine_type;
TypeObject coroutine_wrapper_type;
TypeObject async_generator_type;
TypeObject async_gen_asend_type;
TypeObject async_gen_athrow_type;
TypeObject async_gen_wrapped_type;
TypeObject frame_type;

// A GcObject: a suspended frame may hold the generator itself (CPython: gen_traverse).
struct GeneratorObject : GcObject {
  Frame* frame;          // owned; null once the generator finished
  CodeObject* code;      // owned (gi_code)
  StrObject* name;       // owned
  StrObject* qualname;   // owned
  bool running = false;
  bool started = false;
  bool running_async = false;  // asynchronous generators: an asend()/athrow() is under way
  bool closed = false;         // asynchronous generators: ended (ag_closed)
  GeneratorObject(Frame* f, FunctionObject* fn)
      : GcObject(fn->code->is_async_generator ? &async_generator_type
                 : fn->code->is_coroutine       ? &coroutine_type
                                                : &generator_type),
        frame(f), code(new_ref(fn->code)), name(new_ref(fn->name)),
        qualname(new_ref(fn->qualname)) {
    f->gen = this;
  }
  ~GeneratorObject() override { clear_refs(); }
  void release_frame_now() {
    Frame* f = frame;
    frame = nullptr;
    if (f) release_frame(get_thread_state(), f);
  }
  void clear_refs() override {
    release_frame_now();
    Object* refs[] = {code, name, qualname};
    code = nullptr;
    name = qualname = nullptr;
    for (Object* o : refs) xdecref(o);
  }
  int traverse(VisitFn visit, void* arg) override {
    for (Object* o : {static_cast<Object*>(code), static_cast<Object*>(name), static_cast<Object*>(qualname)})
      if (int r = visit_ref(o, visit, arg)) return r;
    if (Frame* f = frame) {
      if (int r = visit_ref(f->func, visit, arg)) return r;
      for (int i = 0, n = f->code->nslots(); i < n; ++i)
        if (int r = visit_ref(f->slots[i], visit, arg)) return r;
      // A running frame's stack top lives in the evaluation loop, not in the frame.
      if (!running)
        for (Object** p = f->stack_base; p < f->sp; ++p)
          if (int r = visit_ref(*p, visit, arg)) return r;
    }
    return 0;
  }
  bool suspended() const { return frame && started && !frame->finished && !running; }
  bool is_coroutine() const { return type == &coroutine_type; }
  bool is_async_generator() const { return type == &async_generator_type; }
  // "generator", "coroutine" or "async generator", for the messages.
  const char* kind() const {
    return is_coroutine() ? "coroutine" : is_async_generator() ? "async generator" : "generator";
  }
};

// What a coroutine's __await__ returns: an iterator driving the coroutine.
struct CoroutineWrapper : GcObject {
  GeneratorObject* coro;  // owned
  explicit CoroutineWrapper(GeneratorObject* c) : GcObject(&coroutine_wrapper_type), coro(new_ref(c)) {}
  ~CoroutineWrapper() override { clear_refs(); }
  void clear_refs() override {
    GeneratorObject* c = coro;
    coro = nullptr;
    xdecref(c);
  }
  int traverse(VisitFn visit, void* arg) override { return visit_ref(coro, visit, arg); }
};

// A snapshot view of a generator's frame (gi_frame): f_lineno, f_code, f_locals, f_globals.
struct FrameObject : GcObject {
  GeneratorObject* gen;  // owned
  explicit FrameObject(GeneratorObject* g) : GcObject(&frame_type), gen(new_ref(g)) {}
  ~FrameObject() override { clear_refs(); }
  void clear_refs() override {
    GeneratorObject* g = gen;
    gen = nullptr;
    xdecref(g);
  }
  int traverse(VisitFn visit, void* arg) override { return visit_ref(gen, visit, arg); }
};

std::nullptr_t raise_stop_iteration(Object* value) {
  Object* exc = value == None() ? new_exception_args(&exc_StopIteration, nullptr, 0)
                                : new_exception_args(&exc_StopIteration, &value, 1);
  if (exc) {
    raise_object(exc);
    decref(exc);
  }
  return nullptr;
}

namespace {

GeneratorObject* as_gen(Object* o) { return static_cast<GeneratorObject*>(o); }

// The `yield from` delegate a suspended generator waits on, or null (borrowed).
Object* yieldfrom_of(GeneratorObject* g) {
  Frame* f = g->frame;
  if (!g->suspended()) return nullptr;
  const Instr* at = f->ip - 1;
  if (at->op != Op::YIELD_VALUE || at->a < 0) return nullptr;
  return f->sp[-1];
}

// Runs the generator's frame: `push` (may be null) is the value the suspended yield
// evaluates to; `throwing`: the current exception is raised at the yield instead.
// Returns the yielded value; null with an exception; null without one when the
// generator returned (`*result` then holds the value).
Object* resume(GeneratorObject* g, Object* push, bool throwing, Object** result) {
  *result = nullptr;
  Frame* f = g->frame;
  ThreadState* ts = get_thread_state();
  if (push) *f->sp++ = new_ref(push);
  g->started = true;
  g->running = true;
  incref(g);
  Object* r = eval_frame(ts, f, throwing);
  g->running = false;
  if (r && !f->finished) {
    decref(g);
    return r;
  }
  if (r) {
    *result = r;
  } else if (error_matches(&exc_StopIteration) ||
             (g->is_async_generator() && error_matches(&exc_StopAsyncIteration))) {
    // PEP 479: a StopIteration escaping the generator becomes RuntimeError (and so does
    // StopAsyncIteration escaping an asynchronous generator).
    bool async_stop = error_matches(&exc_StopAsyncIteration);
    Object* stop = fetch_error();
    Object* exc = new_exception(&exc_RuntimeError,
                                cat(g->kind(), async_stop ? " raised StopAsyncIteration" : " raised StopIteration"));
    if (exc) {
      auto* e = static_cast<BaseExceptionObject*>(exc);
      e->cause = new_ref(stop);
      e->context = stop;
      e->suppress_context = true;
      restore_error(exc);
      get_thread_state()->traceback_pending = true;  // the resumer's frame is its first entry
    } else {
      decref(stop);
    }
  }
  g->release_frame_now();
  decref(g);
  return nullptr;
}

bool not_runnable(GeneratorObject* g) {
  if (g->running) {
    value_error(cat(g->kind(), " already executing"));
    return true;
  }
  return false;
}

// The exception instance `throw` (or athrow) raises from its arguments: the (type, value,
// traceback) signature is deprecated but still accepted. CPython: Objects/genobject.c
// gen_throw, async_gen_athrow, _gen_throw
Object* exception_from_throw_args(const char* method, Object* const* args, size_t nargs) {
  if (nargs > 1 && warn(&exc_DeprecationWarning, cat("the (type, exc, tb) signature of ", method,
                                                     "() is deprecated, use the single-arg signature instead.")) < 0)
    return nullptr;
  Object* typ = args[0];
  Object* val = nargs > 1 ? args[1] : nullptr;
  if (nargs > 2 && args[2] != None() && args[2]->type != &traceback_type)
    return type_error("throw() third argument must be a traceback object");
  if (is_exception_class(typ)) {
    if (val && val != None()) {
      if (is_exception_instance(val) && isinstance_of(val, static_cast<TypeObject*>(typ))) return new_ref(val);
      Object* args[1] = {val};
      return call(typ, args, 1, nullptr);
    }
    return call0(typ);
  }
  if (is_exception_instance(typ)) {
    if (val && val != None()) return type_error("instance exception may not have a separate value");
    return new_ref(typ);
  }
  return type_error(cat("exceptions must be classes or instances deriving from BaseException, not ", typ->type->name));
}

Object* gen_close_impl(GeneratorObject* g, Object** result);

// Closes a delegate of `yield from` (CPython: gen_close_iter).
int close_delegate(Object* sub) {
  if (is_gen_or_coro(sub)) {
    Object* result = nullptr;
    Object* r = gen_close_impl(as_gen(sub), &result);
    xdecref(result);
    if (!r) return -1;
    decref(r);
    return 0;
  }
  int err;
  Object* close = lookup_attr(sub, intern("close"), &err);
  if (!close) return err ? -1 : 0;
  Object* r = call0(close);
  decref(close);
  if (!r) return -1;
  decref(r);
  return 0;
}

// Throws `exc` into the generator (CPython: _gen_throw); the same three outcomes as resume.
Object* gen_throw_impl(GeneratorObject* g, Object* exc, Object** result) {
  *result = nullptr;
  if (not_runnable(g)) return nullptr;
  if (!g->frame || g->frame->finished) {
    raise_object(exc);
    return nullptr;
  }
  if (Object* sub = yieldfrom_of(g)) {
    Ref<> hold = Ref<>::borrow(sub);
    if (isinstance_of(exc, &exc_GeneratorExit)) {
      g->running = true;
      int st = close_delegate(sub);
      g->running = false;
      if (st < 0) return resume(g, nullptr, true, result);
    } else {
      Object* r = nullptr;
      Object* sub_result = nullptr;
      bool delegated = true;
      g->running = true;
      if (is_gen_or_coro(sub)) {
        r = gen_throw_impl(as_gen(sub), exc, &sub_result);
      } else {
        int err;
        Object* meth = lookup_attr(sub, intern("throw"), &err);
        if (!meth && !err) {
          delegated = false;
        } else if (meth) {
          r = call1(meth, exc);
          decref(meth);
          if (!r && error_matches(&exc_StopIteration)) {
            Object* e = fetch_error();
            Object* v = exception_get_attr(e, "value");
            sub_result = new_ref(v ? v : None());
            decref(e);
          }
        }
      }
      g->running = false;
      if (delegated) {
        if (r) return r;  // the delegate yielded: so does this generator
        if (!sub_result) return resume(g, nullptr, true, result);
        // The delegate returned: its value is the `yield from` result.
        Frame* f = g->frame;
        decref(f->sp[-1]);
        f->sp[-1] = sub_result;
        f->ip = f->code->instrs.data() + (f->ip - 1)->a;
        return resume(g, nullptr, false, result);
      }
    }
  }
  raise_object(exc);
  if (!g->started) {
    // Thrown into a generator that never ran: it ends at once.
    Frame* f = g->frame;
    f->lineno = f->code->firstlineno;
    traceback_here(*f);
    get_thread_state()->traceback_pending = true;
    g->release_frame_now();
    return nullptr;
  }
  return resume(g, nullptr, true, result);
}

// CPython: gen_close. Returns None or the generator's return value, or null on error.
Object* gen_close_impl(GeneratorObject* g, Object** result) {
  *result = nullptr;
  if (!g->frame || g->frame->finished || !g->started) {
    if (g->running) return value_error(cat(g->kind(), " already executing"));
    g->release_frame_now();
    return new_none();
  }
  Object* exit = new_exception_args(&exc_GeneratorExit, nullptr, 0);
  if (!exit) return nullptr;
  Object* r = gen_throw_impl(g, exit, result);
  decref(exit);
  if (r) {
    decref(r);
    return set_error(&exc_RuntimeError, cat(g->kind(), " ignored GeneratorExit"));
  }
  if (*result) {
    Object* v = *result;
    *result = nullptr;
    return v;
  }
  if (error_matches(&exc_GeneratorExit) || error_matches(&exc_StopIteration)) {
    clear_error();
    return new_none();
  }
  return nullptr;
}

Object* gen_iternext(Object* o) {
  auto* g = as_gen(o);
  if (not_runnable(g)) return nullptr;
  if (!g->frame || g->frame->finished) {
    if (g->is_coroutine()) set_error(&exc_RuntimeError, "cannot reuse already awaited coroutine");
    return nullptr;
  }
  Object* result = nullptr;
  Object* r = resume(g, g->started ? None() : nullptr, false, &result);
  if (r) return r;
  // A return value other than None travels as StopIteration(value) (CPython: gen_iternext).
  if (result && result != None()) raise_stop_iteration(result);
  xdecref(result);
  return nullptr;
}

// The methods receive the generator as args[0] (bound built-in functions prepend it).
// send and close name their type in errors, as CPython's METH_O/METH_NOARGS do
// ("generator.send()"); throw's argument check names only "throw".
Object* gen_send_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_method_args(args[0], "send", kwnames, nargs - 1, 1, 1)) return nullptr;
  Object* result = nullptr;
  Object* r = generator_send(args[0], args[1], &result);
  if (r) return r;
  if (result) {
    raise_stop_iteration(result);
    decref(result);
    return nullptr;
  }
  if (!error_occurred()) raise_stop_iteration(None());
  return nullptr;
}

Object* gen_throw_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("throw", kwnames) || !check_nargs("throw", nargs - 1, 1, 3)) return nullptr;
  Object* exc = exception_from_throw_args("throw", args + 1, nargs - 1);
  if (!exc) return nullptr;
  Object* result = nullptr;
  Object* r = gen_throw_impl(as_gen(args[0]), exc, &result);
  decref(exc);
  if (r) return r;
  if (result) {
    raise_stop_iteration(result);
    decref(result);
  }
  return nullptr;
}

Object* gen_close_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_method_args(args[0], "close", kwnames, nargs - 1, 0, 0)) return nullptr;
  Object* result = nullptr;
  Object* r = gen_close_impl(as_gen(args[0]), &result);
  xdecref(result);
  return r;
}

Object* gen_next_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("__next__", kwnames) || !check_nargs("__next__", nargs - 1, 0, 0)) return nullptr;
  Object* r = gen_iternext(args[0]);
  if (!r && !error_occurred()) raise_stop_iteration(None());
  return r;
}

Object* gen_iter_method(Object*, Object* const* args, size_t, TupleObject*) { return new_ref(args[0]); }

Object* self_iter(Object* o) { return new_ref(o); }

std::string address(const void* p) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%p", p);
  return buf;
}

Object* gen_repr(Object* o) {
  return new_str(cat("<", o->type->name, " object ", as_gen(o)->qualname->utf8, " at ", address(o), ">"));
}

Object* coro_await_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("__await__", kwnames) || !check_nargs("__await__", nargs - 1, 0, 0)) return nullptr;
  return make<CoroutineWrapper>(as_gen(args[0]));
}

Object* agen_asend_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames);
Object* agen_anext_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames);
Object* agen_athrow_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames);
Object* agen_aclose_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames);

struct Method {
  const char* name;
  BuiltinFn fn;
};

// gi_running, gi_frame, ... (cr_running, cr_frame, ... for a coroutine; its cr_await
// is the generator's gi_yieldfrom).
Object* gen_getattr(Object* o, StrObject* name) {
  auto* g = as_gen(o);
  std::string_view n = name->view();
  std::string_view prefix = g->is_coroutine() ? "cr_" : g->is_async_generator() ? "ag_" : "gi_";
  if (n.starts_with(prefix)) {
    std::string_view field = n.substr(3);
    if (field == "running") return new_bool(g->is_async_generator() ? g->running_async : g->running);
    if (field == "suspended") return new_bool(g->suspended());
    if (field == "code") return new_ref<Object>(g->code);
    if (field == "frame") {
      if (!g->frame || g->frame->finished) return new_none();
      return make<FrameObject>(g);
    }
    if (field == (g->is_coroutine() || g->is_async_generator() ? "await" : "yieldfrom")) {
      Object* sub = yieldfrom_of(g);
      return new_ref(sub ? sub : None());
    }
  }
  if (n == "__name__") return new_ref<Object>(g->name);
  if (n == "__qualname__") return new_ref<Object>(g->qualname);
  static const Method gen_methods[] = {{"send", gen_send_method},     {"throw", gen_throw_method},
                                       {"close", gen_close_method},   {"__next__", gen_next_method},
                                       {"__iter__", gen_iter_method}};
  static const Method async_gen_methods[] = {{"asend", agen_asend_method},   {"athrow", agen_athrow_method},
                                             {"aclose", agen_aclose_method}, {"__anext__", agen_anext_method},
                                             {"__aiter__", gen_iter_method}};
  static const Method coro_methods[] = {{"send", gen_send_method},
                                        {"throw", gen_throw_method},
                                        {"close", gen_close_method},
                                        {"__await__", coro_await_method}};
  if (g->is_coroutine()) {
    for (const Method& m : coro_methods)
      if (n == m.name) return new_builtin_function(m.name, m.fn, o);
  } else if (g->is_async_generator()) {
    for (const Method& m : async_gen_methods)
      if (n == m.name) return new_builtin_function(m.name, m.fn, o);
  } else {
    for (const Method& m : gen_methods)
      if (n == m.name) return new_builtin_function(m.name, m.fn, o);
  }
  return generic_getattr(o, name);
}

// ---- coroutine_wrapper: next() and send() resume the coroutine ----

GeneratorObject* wrapped(Object* o) { return static_cast<CoroutineWrapper*>(o)->coro; }

Object* wrapper_iternext(Object* o) { return gen_iternext(wrapped(o)); }

Object* wrapper_forward(Object* const* args, size_t nargs, TupleObject* kwnames, BuiltinFn fn) {
  std::vector<Object*> forwarded(args, args + nargs);
  forwarded[0] = wrapped(args[0]);
  return fn(nullptr, forwarded.data(), nargs, kwnames);
}

Object* wrapper_send(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return wrapper_forward(args, nargs, kwnames, gen_send_method);
}
Object* wrapper_throw(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return wrapper_forward(args, nargs, kwnames, gen_throw_method);
}
Object* wrapper_close(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return wrapper_forward(args, nargs, kwnames, gen_close_method);
}
Object* wrapper_next(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return wrapper_forward(args, nargs, kwnames, gen_next_method);
}

Object* wrapper_getattr(Object* o, StrObject* name) {
  static const Method methods[] = {{"send", wrapper_send},
                                   {"throw", wrapper_throw},
                                   {"close", wrapper_close},
                                   {"__next__", wrapper_next},
                                   {"__iter__", gen_iter_method}};
  for (const Method& m : methods)
    if (name->view() == m.name) return new_builtin_function(m.name, m.fn, o);
  return generic_getattr(o, name);
}

// A suspended generator is closed when it is freed, so its finally blocks run; a
// coroutine that never ran is reported instead (CPython: _PyGen_Finalize).
void gen_finalize(Object* o) {
  auto* g = as_gen(o);
  if (g->is_coroutine() && g->frame && !g->started && !g->frame->finished && !g->running) {
    Object* saved = fetch_error();
    warn_unawaited_coroutine(g, g->qualname->view());
    if (saved) restore_error(saved);
    return;
  }
  if (!g->suspended()) return;
  Object* saved = fetch_error();
  Object* result = nullptr;
  Object* r = gen_close_impl(g, &result);
  xdecref(result);
  if (r) decref(r);
  else clear_error();
  if (saved) restore_error(saved);
}

// ---- asynchronous generators (CPython: Objects/genobject.c async_gen_asend_send,
// async_gen_athrow_send, async_gen_unwrap_value) ----

// What `yield v` hands the generator's resumer, so that asend() can tell it from the
// values its awaits yield.
struct AsyncGenWrapped : GcObject {
  Object* value;  // owned
  explicit AsyncGenWrapped(Object* v) : GcObject(&async_gen_wrapped_type), value(v) {}
  ~AsyncGenWrapped() override { clear_refs(); }
  void clear_refs() override {
    Object* v = value;
    value = nullptr;
    xdecref(v);
  }
  int traverse(VisitFn visit, void* arg) override { return visit_ref(value, visit, arg); }
};

// The awaitable of asend(v)/__anext__() (`throw_exc` null) or athrow(exc)/aclose()
// (`is_close` for aclose: GeneratorExit).
struct AsyncGenOp : GcObject {
  GeneratorObject* gen;    // owned
  Object* value;           // owned: asend's value or athrow's exception, or null
  bool is_close = false;
  enum State { init, iter, closed } state = init;
  AsyncGenOp(TypeObject* t, GeneratorObject* g, Object* v) : GcObject(t), gen(new_ref(g)), value(v) {}
  ~AsyncGenOp() override { clear_refs(); }
  void clear_refs() override {
    Object* refs[] = {gen, value};
    gen = nullptr;
    value = nullptr;
    for (Object* o : refs) xdecref(o);
  }
  int traverse(VisitFn visit, void* arg) override {
    for (Object* o : {static_cast<Object*>(gen), value})
      if (int r = visit_ref(o, visit, arg)) return r;
    return 0;
  }
};

AsyncGenOp* as_op(Object* o) { return static_cast<AsyncGenOp*>(o); }

// After the generator ran: its `yield` ends the awaitable with StopIteration(value), what
// an await inside yields passes through, its end is StopAsyncIteration.
Object* unwrap(GeneratorObject* g, Object* r, Object* result) {
  if (r && r->type != &async_gen_wrapped_type) return r;
  g->running_async = false;
  if (r) {
    Ref<> hold = Ref<>::steal(r);
    return raise_stop_iteration(static_cast<AsyncGenWrapped*>(r)->value);
  }
  if (result) {
    decref(result);
    g->closed = true;
    return set_error(&exc_StopAsyncIteration, "");
  }
  if (error_matches(&exc_StopAsyncIteration) || error_matches(&exc_GeneratorExit)) g->closed = true;
  return nullptr;
}

std::nullptr_t reused(AsyncGenOp* op) {
  return set_error(&exc_RuntimeError, op->type == &async_gen_asend_type
                                          ? "cannot reuse already awaited __anext__()/asend()"
                                          : "cannot reuse already awaited aclose()/athrow()");
}

Object* asend_send(AsyncGenOp* op, Object* v) {
  GeneratorObject* g = op->gen;
  if (op->state == AsyncGenOp::closed) return reused(op);
  if (op->state == AsyncGenOp::init) {
    if (g->running_async) {
      op->state = AsyncGenOp::closed;
      return set_error(&exc_RuntimeError, "anext(): asynchronous generator is already running");
    }
    if (v == None() && op->value) v = op->value;
    op->state = AsyncGenOp::iter;
    g->running_async = true;
  }
  Object* result = nullptr;
  Object* sent = generator_send(g, v, &result);
  Object* r = unwrap(g, sent, result);
  if (!r) op->state = AsyncGenOp::closed;
  return r;
}

// athrow()/aclose(): the exception goes in first; aclose() completes (StopIteration)
// when the generator ends and fails if it yields a value.
Object* athrow_send(AsyncGenOp* op, Object* v) {
  GeneratorObject* g = op->gen;
  if (op->state == AsyncGenOp::closed) return reused(op);
  Object* result = nullptr;
  Object* r;
  if (op->state == AsyncGenOp::init) {
    if (g->running_async) {
      op->state = AsyncGenOp::closed;
      return set_error(&exc_RuntimeError, op->is_close ? "aclose(): asynchronous generator is already running"
                                                       : "athrow(): asynchronous generator is already running");
    }
    if (g->closed || !g->frame || g->frame->finished) {
      op->state = AsyncGenOp::closed;
      return op->is_close ? raise_stop_iteration(None()) : set_error(&exc_StopAsyncIteration, "");
    }
    if (v != None()) return set_error(&exc_RuntimeError, "can't send non-None value to a just-started coroutine");
    op->state = AsyncGenOp::iter;
    g->running_async = true;
    Ref<> exc = Ref<>::steal(op->is_close ? new_exception_args(&exc_GeneratorExit, nullptr, 0) : new_ref(op->value));
    if (!exc) return nullptr;
    r = gen_throw_impl(g, exc.get(), &result);
  } else {
    r = generator_send(g, v, &result);
  }
  if (!op->is_close) {
    r = unwrap(g, r, result);
    if (!r) op->state = AsyncGenOp::closed;
    return r;
  }
  if (r && r->type == &async_gen_wrapped_type) {
    decref(r);
    g->running_async = false;
    op->state = AsyncGenOp::closed;
    return set_error(&exc_RuntimeError, "async generator ignored GeneratorExit");
  }
  if (r) return r;
  g->running_async = false;
  op->state = AsyncGenOp::closed;
  xdecref(result);
  if (result || error_matches(&exc_StopAsyncIteration) || error_matches(&exc_GeneratorExit)) {
    g->closed = true;
    clear_error();
    return raise_stop_iteration(None());
  }
  return nullptr;
}

Object* op_send(AsyncGenOp* op, Object* v) {
  return op->type == &async_gen_asend_type ? asend_send(op, v) : athrow_send(op, v);
}

Object* op_iternext(Object* o) { return op_send(as_op(o), None()); }

Object* op_send_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_method_args(args[0], "send", kwnames, nargs - 1, 1, 1)) return nullptr;
  return op_send(as_op(args[0]), args[1]);
}

Object* op_next_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("__next__", kwnames) || !check_nargs("__next__", nargs - 1, 0, 0)) return nullptr;
  return op_send(as_op(args[0]), None());
}

Object* op_throw_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("throw", kwnames) || !check_nargs("throw", nargs - 1, 1, 3)) return nullptr;
  AsyncGenOp* op = as_op(args[0]);
  if (op->state == AsyncGenOp::closed) return reused(op);
  Ref<> exc = Ref<>::steal(exception_from_throw_args("throw", args + 1, nargs - 1));
  if (!exc) return nullptr;
  GeneratorObject* g = op->gen;
  op->state = AsyncGenOp::iter;
  g->running_async = true;
  Object* result = nullptr;
  Object* thrown = gen_throw_impl(g, exc.get(), &result);
  Object* r = unwrap(g, thrown, result);
  if (!r) op->state = AsyncGenOp::closed;
  return r;
}

Object* op_close_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_method_args(args[0], "close", kwnames, nargs - 1, 0, 0)) return nullptr;
  as_op(args[0])->state = AsyncGenOp::closed;
  return new_none();
}

Object* op_getattr(Object* o, StrObject* name) {
  static const Method methods[] = {{"send", op_send_method},   {"throw", op_throw_method},
                                   {"close", op_close_method}, {"__next__", op_next_method},
                                   {"__iter__", gen_iter_method}, {"__await__", gen_iter_method}};
  for (const Method& m : methods)
    if (name->view() == m.name) return new_builtin_function(m.name, m.fn, o);
  return generic_getattr(o, name);
}

Object* agen_asend_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_method_args(args[0], "asend", kwnames, nargs - 1, 1, 1)) return nullptr;
  return make<AsyncGenOp>(&async_gen_asend_type, as_gen(args[0]), new_ref(args[1]));
}

Object* agen_anext_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("__anext__", kwnames) || !check_nargs("__anext__", nargs - 1, 0, 0)) return nullptr;
  return make<AsyncGenOp>(&async_gen_asend_type, as_gen(args[0]), nullptr);
}

Object* agen_athrow_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("athrow", kwnames) || !check_nargs("athrow", nargs - 1, 1, 3)) return nullptr;
  Object* exc = exception_from_throw_args("athrow", args + 1, nargs - 1);
  if (!exc) return nullptr;
  return make<AsyncGenOp>(&async_gen_athrow_type, as_gen(args[0]), exc);
}

Object* agen_aclose_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_method_args(args[0], "aclose", kwnames, nargs - 1, 0, 0)) return nullptr;
  auto* op = make<AsyncGenOp>(&async_gen_athrow_type, as_gen(args[0]), nullptr);
  op->is_close = true;
  return op;
}

// ---- frame (gi_frame) ----

Object* frame_getattr(Object* o, StrObject* name) {
  auto* fo = static_cast<FrameObject*>(o);
  Frame* f = fo->gen->frame;
  std::string_view n = name->view();
  if (!f) return generic_getattr(o, name);
  if (n == "f_lineno") return new_int(fo->gen->started ? f->code->line_at(f->ip - 1) : f->code->firstlineno);
  if (n == "f_code") return new_ref<Object>(f->code);
  if (n == "f_globals") return new_ref<Object>(f->globals);
  if (n == "f_back") return new_none();
  if (n == "f_locals") {
    DictObject* d = new_dict();
    CodeObject* co = f->code;
    for (int i = 0; i < co->nlocals; ++i)
      if (f->slots[i]) dict_set_item(d, co->varnames[size_t(i)], f->slots[i]);
    for (size_t i = 0; i < co->cellnames.size(); ++i)
      if (Object* v = static_cast<CellObject*>(f->slots[co->first_cell() + int(i)])->ref)
        dict_set_item(d, co->cellnames[i], v);
    return d;
  }
  return generic_getattr(o, name);
}

Object* frame_repr(Object* o) {
  auto* fo = static_cast<FrameObject*>(o);
  Frame* f = fo->gen->frame;
  if (!f) return new_str(cat("<frame at ", address(o), ">"));
  int line = fo->gen->started ? f->code->line_at(f->ip - 1) : f->code->firstlineno;
  return new_str(cat("<frame at ", address(o), ", file '", f->code->filename->utf8, "', line ", line, ", code ",
                     f->code->name->utf8, ">"));
}

}  // namespace

Object* new_generator(Frame* f, FunctionObject* fn) { return make<GeneratorObject>(f, fn); }

bool coroutine_being_awaited(Object* coro) { return yieldfrom_of(as_gen(coro)) != nullptr; }

bool is_async_gen_awaitable(const Object* o) {
  return o->type == &async_gen_asend_type || o->type == &async_gen_athrow_type;
}

Object* async_gen_wrap(Object* value) { return make<AsyncGenWrapped>(value); }

Object* generator_send(Object* gen, Object* value, Object** result) {
  auto* g = as_gen(gen);
  *result = nullptr;
  if (not_runnable(g)) return nullptr;
  if (!g->frame || g->frame->finished) {
    if (g->is_coroutine()) return set_error(&exc_RuntimeError, "cannot reuse already awaited coroutine");
    // CPython: sending into an exhausted generator is a plain StopIteration.
    *result = new_none();
    return nullptr;
  }
  if (!g->started && value != None())
    return type_error(cat("can't send non-None value to a just-started ", g->kind()));
  return resume(g, g->started ? value : nullptr, false, result);
}

void init_generator_type() {
  // Generators accept weak references (CPython: gi_weakreflist).
  make_static_type(&generator_type, &type_type, "generator", &object_type, TypeFlags::weakrefable);
  generator_type.tp_iter = self_iter;
  generator_type.tp_iternext = gen_iternext;
  generator_type.tp_repr = gen_repr;
  generator_type.tp_getattr = gen_getattr;
  generator_type.tp_finalize = gen_finalize;
  generator_type.tp_hash = object_identity_hash;
  make_static_type(&coroutine_type, &type_type, "coroutine", &object_type, TypeFlags::weakrefable);
  coroutine_type.tp_repr = gen_repr;
  coroutine_type.tp_getattr = gen_getattr;
  coroutine_type.tp_finalize = gen_finalize;
  coroutine_type.tp_hash = object_identity_hash;
  make_static_type(&coroutine_wrapper_type, &type_type, "coroutine_wrapper", &object_type, 0);
  coroutine_wrapper_type.tp_iter = self_iter;
  coroutine_wrapper_type.tp_iternext = wrapper_iternext;
  coroutine_wrapper_type.tp_getattr = wrapper_getattr;
  make_static_type(&async_generator_type, &type_type, "async_generator", &object_type, TypeFlags::weakrefable);
  async_generator_type.tp_repr = gen_repr;
  async_generator_type.tp_getattr = gen_getattr;
  async_generator_type.tp_hash = object_identity_hash;
  async_generator_type.tp_finalize = gen_finalize;
  make_static_type(&async_gen_asend_type, &type_type, "async_generator_asend", &object_type, 0);
  make_static_type(&async_gen_athrow_type, &type_type, "async_generator_athrow", &object_type, 0);
  for (TypeObject* t : {&async_gen_asend_type, &async_gen_athrow_type}) {
    t->tp_iter = self_iter;
    t->tp_iternext = op_iternext;
    t->tp_getattr = op_getattr;
  }
  make_static_type(&async_gen_wrapped_type, &type_type, "async_generator_wrapped_value", &object_type, 0);
  init_anext_awaitable_type();
  make_static_type(&frame_type, &type_type, "frame", &object_type, 0);
  frame_type.tp_getattr = frame_getattr;
  frame_type.tp_repr = frame_repr;
}

}  // namespace gopy
