// The runtime of `with` and `async with`: the manager's special methods, looked up on its
// type, and the exceptional __exit__ call (CPython: Python/bytecodes.c LOAD_SPECIAL,
// WITH_EXCEPT_START; Python/ceval.c _Py_SpecialMethods, _PyEval_SpecialMethodCanSuggest).
#include "eval/ceval_ops.hpp"
#include "object/descr_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {
namespace {

bool type_has(TypeObject* t, const char* name) { return type_lookup(t, name) != nullptr; }

// CPython 3.14's TypeError for a manager without `missing`, with the hint toward the
// other protocol when the type implements that one.
std::nullptr_t protocol_error(Object* mgr, const char* missing, bool is_async) {
  TypeObject* t = mgr->type;
  const char* protocol = is_async ? "asynchronous context manager protocol" : "context manager protocol";
  std::string msg = cat("'", t->name, "' object does not support the ", protocol, " (missed ", missing, " method)");
  bool other = is_async ? type_has(t, "__enter__") && type_has(t, "__exit__")
                        : type_has(t, "__aenter__") && type_has(t, "__aexit__");
  if (other)
    msg += is_async ? " but it supports the context manager protocol. Did you mean to use 'with'?"
                    : " but it supports the asynchronous context manager protocol. Did you mean to use 'async with'?";
  return type_error(msg);
}

// The interned names of the four special methods, made once per interpreter, so that a
// `with` does not hash its names on every entry.
StrObject* special_name(int which) {
  static constexpr const char* kNames[4] = {"__enter__", "__exit__", "__aenter__", "__aexit__"};
  static StrObject* interned[4];
  static uint64_t generation = 0;
  if (generation != interpreter_generation()) {
    for (int i = 0; i < 4; ++i) interned[i] = intern(kNames[i]);
    generation = interpreter_generation();
  }
  return interned[which];
}

// type(mgr).<name>, unbound (CPython: _PyObject_LookupSpecialMethod).
Object* special_lookup(Object* mgr, int which, bool is_async) {
  StrObject* name = special_name(which);
  Object* descr = type_lookup(mgr->type, name);
  if (!descr) protocol_error(mgr, name->utf8.c_str(), is_async);
  return descr;
}

}  // namespace

// __exit__ is looked up before __enter__ is called, as CPython's codegen_with_inner does.
Object* with_enter(Object* mgr, bool is_async, Object** exit) {
  Object* exit_descr = special_lookup(mgr, is_async ? 3 : 1, is_async);
  *exit = exit_descr ? descr_bind(exit_descr, mgr, mgr->type) : nullptr;
  if (!*exit) return nullptr;
  Object* enter_descr = special_lookup(mgr, is_async ? 2 : 0, is_async);
  if (!enter_descr) {
    decref(*exit);
    return *exit = nullptr;
  }
  // A plain function is called with the manager first, with no bound method made.
  Object* entered = nullptr;
  if (enter_descr->type == &function_type) {
    entered = call(enter_descr, &mgr, 1, nullptr);
  } else if (Object* enter = descr_bind(enter_descr, mgr, mgr->type)) {
    entered = call0(enter);
    decref(enter);
  }
  if (!entered) {
    decref(*exit);
    *exit = nullptr;
  }
  return entered;
}

Object* with_exit_on_exception(Object* exit, Object* exc) {
  Object* tb = static_cast<BaseExceptionObject*>(exc)->traceback;
  Object* args[3] = {exc->type, exc, tb ? tb : None()};
  return call(exit, args, 3);
}

}  // namespace gopy
