// The runtime of `with` and `async with`: the manager's special methods, looked up on its
// type, and the exceptional __exit__ call (CPython: Python/bytecodes.c LOAD_SPECIAL,
// WITH_EXCEPT_START; Python/ceval.c _Py_SpecialMethods, _PyEval_SpecialMethodCanSuggest).
#include "eval/ceval_ops.hpp"
#include "object/descr_internal.hpp"
#include "object/strcat.hpp"

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

// type(mgr).<name> bound to mgr (CPython: _PyObject_LookupSpecialMethod).
Object* special_method(Object* mgr, const char* name, bool is_async) {
  Object* descr = type_lookup(mgr->type, name);
  if (!descr) return protocol_error(mgr, name, is_async);
  return descr_bind(descr, mgr, mgr->type);
}

}  // namespace

// __exit__ is looked up before __enter__ is called, as CPython's codegen_with_inner does.
Object* with_enter(Object* mgr, bool is_async, Object** exit) {
  *exit = special_method(mgr, is_async ? "__aexit__" : "__exit__", is_async);
  if (!*exit) return nullptr;
  Object* enter = special_method(mgr, is_async ? "__aenter__" : "__enter__", is_async);
  Object* entered = enter ? call0(enter) : nullptr;
  xdecref(enter);
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
