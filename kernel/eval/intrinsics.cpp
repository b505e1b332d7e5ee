// CPython: Python/intrinsics.c (make_typevar, _Py_make_typevar, _Py_set_typeparam_default,
// _Py_make_typealias, _Py_set_function_type_params) and the LOAD_LOCALS and
// LOAD_FROM_DICT_OR_GLOBALS instructions of Python/bytecodes.c.
#include "eval/intrinsics.hpp"

#include "eval/ceval_ops.hpp"
#include "object/typevar.hpp"

namespace gopy {

namespace {

Object* module_name(Frame* f) { return dict_get_str(f->globals, "__name__"); }

template <class T>
Object* with_function_field(FunctionObject* fn, T*& field, Object* value) {
  T* old = field;
  field = static_cast<T*>(new_ref(value));
  xdecref(old);
  return new_ref<Object>(fn);
}

}  // namespace

Object* call_intrinsic_1(Frame* f, int which, Object* v) {
  switch (Intrinsic1(which)) {
    case Intrinsic1::typevar: return new_type_param(TypeParamKind::typevar, v, module_name(f));
    case Intrinsic1::paramspec: return new_type_param(TypeParamKind::paramspec, v, module_name(f));
    case Intrinsic1::typevartuple: return new_type_param(TypeParamKind::typevartuple, v, module_name(f));
    case Intrinsic1::load_locals:
      if (!f->locals) return set_error(&exc_RuntimeError, "no locals found");
      return new_ref<Object>(f->locals);
    case Intrinsic1::typealias: {
      auto& args = static_cast<TupleObject*>(v)->items;
      return new_type_alias(args[0], args[1], args[2], module_name(f));
    }
  }
  return set_error(&exc_RuntimeError, "unknown intrinsic");
}

Object* call_intrinsic_2(Frame* f, int which, Object* v1, Object* v2) {
  // v1 is the function for the set_function_* intrinsics only: cast there, not before.
  auto fn = [v1] { return static_cast<FunctionObject*>(v1); };
  switch (Intrinsic2(which)) {
    case Intrinsic2::typevar_with_bound:
    case Intrinsic2::typevar_with_constraints: {
      Object* p = new_type_param(TypeParamKind::typevar, v1, module_name(f));
      type_param_set_bound(p, v2, Intrinsic2(which) == Intrinsic2::typevar_with_constraints);
      return p;
    }
    case Intrinsic2::set_typeparam_default: type_param_set_default(v1, v2); return new_ref(v1);
    case Intrinsic2::set_function_type_params:
      return with_function_field(fn(), fn()->type_params, v2);
    case Intrinsic2::set_function_annotate: return with_function_field(fn(), fn()->annotate, v2);
    case Intrinsic2::set_function_annotations:
      return with_function_field(fn(), fn()->annotations, v2);
    case Intrinsic2::load_from_dict_or_globals: {
      auto* name = static_cast<StrObject*>(v2);
      Object* v = is_dict(v1) ? dict_get_item(static_cast<DictObject*>(v1), name) : nullptr;
      if (v) return new_ref(v);
      if (error_occurred()) return nullptr;
      return load_global(f, name);
    }
  }
  return set_error(&exc_RuntimeError, "unknown intrinsic");
}

}  // namespace gopy
