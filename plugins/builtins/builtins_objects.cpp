// The built-ins that look into objects' attributes: vars() and dir()
// (CPython: Python/bltinmodule.c builtin_vars_impl, builtin_dir; Objects/object.c
// _dir_object).
#include "builtins_internal.hpp"

namespace gopy::builtins {
namespace {

Object* b_vars(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("vars", kw) || !check_nargs("vars", n, 0, 1)) return nullptr;
  if (n == 0) return set_error(&exc_NotImplementedError, "vars() without an argument is not supported by gopy");
  int error;
  Object* d = lookup_attr(a[0], intern("__dict__"), &error);
  if (!d && !error) return type_error("vars() argument must have __dict__ attribute");
  return d;
}

// dir(obj): sorted(type(obj).__dir__(obj)).
Object* b_dir(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("dir", kw) || !check_nargs("dir", n, 0, 1)) return nullptr;
  if (n == 0) return set_error(&exc_NotImplementedError, "dir() without an argument is not supported by gopy");
  // A special method: looked up on the type, not the object (a class's own __dir__ is
  // for its instances).
  Ref<> method = Ref<>::borrow(type_lookup(a[0]->type, intern("__dir__")));
  if (!method) return type_error("object does not provide __dir__");
  Ref<> names = Ref<>::steal(call1(method.get(), a[0]));
  if (!names) return nullptr;
  ListObject* result = list_from_iterable(names.get());
  if (!result) return nullptr;
  if (list_sort(result, nullptr, false) < 0) {
    decref(result);
    return nullptr;
  }
  return result;
}

}  // namespace

const FunctionDef kObjectFunctions[] = {{"vars", b_vars}, {"dir", b_dir}};
const size_t kObjectFunctionCount = sizeof(kObjectFunctions) / sizeof(kObjectFunctions[0]);

}  // namespace gopy::builtins
