// format(value, spec) for the built-in types (CPython: Objects/abstract.c PyObject_Format,
// object___format__), plus the few int/float methods the slice uses.
#include "object/getset_internal.hpp"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/num_internal.hpp"
#include "object/num_methods.hpp"
#include "object/prim/float.hpp"
#include "object/prim/format.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

namespace {

Object* from_result(const prim::Result<std::u32string>& r) {
  if (!r.ok()) return raise_prim_error(r.error());
  return new_str_from_cps(r.value());
}

Object* m_bit_length(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "bit_length", kw, n - 1, 0, 0)) return nullptr;
  return new_int(int64_t(prim::int_bit_length(int_value(a[0]))));
}

Object* m_is_integer(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "is_integer", kw, n - 1, 0, 0)) return nullptr;
  return new_bool(prim::float_is_integer(static_cast<FloatObject*>(a[0])->value));
}

Object* m_format(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__format__", kw) || !check_nargs("__format__", n - 1, 1, 1)) return nullptr;
  return format_object(a[0], a[1]);
}

// object.__format__: only the empty spec.
Object* m_object_format(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "__format__", kw, n - 1, 1, 1)) return nullptr;
  if (!is_str(a[1])) return type_error(cat("argument to __format__ must be str, not ", a[1]->type->name));
  if (as_str(a[1])->length)
    return type_error(cat("unsupported format string passed to ", a[0]->type->name, ".__format__"));
  return object_str(a[0]);
}

// A spec's code points. Nearly every spec is ASCII and short: widened in place, it needs
// neither a decoding nor a copy kept on the str (a field's spec is a new str each call).
std::u32string spec_code_points(const StrObject* s) {
  if (s->ascii) return std::u32string(s->utf8.begin(), s->utf8.end());
  return s->cps();
}

}  // namespace

Object* format_object(Object* value, Object* spec) {
  if (!is_str(spec)) return type_error(cat("format() argument 2 must be str, not ", spec == None() ? "None" : spec->type->name.c_str()));
  StrObject* s = as_str(spec);
  TypeObject* t = value->type;
  // A class derived from str, int or float that keeps the built-in __format__ formats as
  // its built-in type (calling that __format__ would come back here).
  if (t->flags & TypeFlags::heap) {
    Object* f = type_lookup(t, "__format__");
    if (f && f->type == &builtin_function_type) {
      if (is_str(value)) t = &str_type;
      else if (is_int(value)) t = &int_type;
      else if (is_float(value)) t = &float_type;
    }
  }
  if (t == &str_type) {
    if (s->length == 0) return value->type == &str_type ? new_ref(value) : object_str(value);
    return from_result(prim::format_str(as_str(value)->cps(), spec_code_points(s)));
  }
  if (t == &int_type || t == &bool_type) {
    if (s->length == 0) return object_str(value);
    return from_result(prim::format_int(int_value(value), spec_code_points(s), t->name));
  }
  if (t == &float_type) {
    if (s->length == 0) return object_str(value);
    return from_result(prim::format_float(static_cast<FloatObject*>(value)->value, spec_code_points(s)));
  }
  // Anything else: its __format__ (a user class may define one), else object's rule.
  Object* r = call_method(value, "__format__", &spec, 1);
  if (r && !is_str(r)) {
    std::string msg = cat("__format__ must return a str, not ", r->type->name);
    decref(r);
    return type_error(msg);
  }
  return r;
}

void init_int_float_methods() {
  add_method(&int_type, "bit_length", m_bit_length);
  add_method(&int_type, "__format__", m_format);
  add_method(&float_type, "is_integer", m_is_integer);
  add_method(&float_type, "__format__", m_format);
  init_num_methods();
  add_readonly_attrs(&int_type, {"real", "imag", "numerator", "denominator"}, false);
  add_readonly_attrs(&float_type, {"real", "imag"}, false);
}

void add_object_format_method() { add_method(&object_type, "__format__", m_object_format); }

}  // namespace gopy
