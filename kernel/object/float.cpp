// float (CPython: Objects/floatobject.c). Text conversions, rounding and the Python
// semantics of //, % and ** come from the float primitives.
#include <cmath>

#include "gopy/object.hpp"
#include "gopy/object_complex.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_complex.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "gopy/warnings.hpp"
#include "object/compare_result.hpp"
#include "object/num_internal.hpp"
#include "object/prim/float.hpp"
#include "object/prim/hash.hpp"
#include "object/strcat.hpp"

namespace gopy {

TypeObject float_type;

Object* new_float(double v) { return make<FloatObject>(v); }

std::string float_repr(double v) { return prim::float_repr(v); }
Object* float_repr_str(double v) { return new_str(prim::float_repr(v)); }
int64_t float_hash(double v) { return prim::hash_double(v, nullptr); }

bool number_as_double(Object* o, double* out, bool* error) {
  *error = false;
  if (is_float(o)) {
    *out = static_cast<FloatObject*>(o)->value;
    return true;
  }
  if (is_int(o)) {
    if (!int_to_double(o, out)) {
      *error = true;
      return false;
    }
    return true;
  }
  return false;
}

namespace {

// Both operands as doubles, or NotImplemented (returned through *r).
bool operands(Object* a, Object* b, double* x, double* y, Object** r) {
  bool err;
  if (!number_as_double(a, x, &err)) {
    *r = err ? nullptr : new_ref(NotImplemented());
    return false;
  }
  if (!number_as_double(b, y, &err)) {
    *r = err ? nullptr : new_ref(NotImplemented());
    return false;
  }
  return true;
}

Object* from_result(const prim::Result<double>& r) {
  if (!r.ok()) return raise_prim_error(r.error());
  return new_float(r.value());
}

Object* float_add(Object* a, Object* b) {
  double x, y;
  Object* r;
  if (!operands(a, b, &x, &y, &r)) return r;
  return new_float(x + y);
}
Object* float_sub(Object* a, Object* b) {
  double x, y;
  Object* r;
  if (!operands(a, b, &x, &y, &r)) return r;
  return new_float(x - y);
}
Object* float_mul(Object* a, Object* b) {
  double x, y;
  Object* r;
  if (!operands(a, b, &x, &y, &r)) return r;
  return new_float(x * y);
}
Object* float_div(Object* a, Object* b) {
  double x, y;
  Object* r;
  if (!operands(a, b, &x, &y, &r)) return r;
  return from_result(prim::float_truediv(x, y));
}
Object* float_floordiv(Object* a, Object* b) {
  double x, y;
  Object* r;
  if (!operands(a, b, &x, &y, &r)) return r;
  return from_result(prim::float_floordiv(x, y));
}
Object* float_mod(Object* a, Object* b) {
  double x, y;
  Object* r;
  if (!operands(a, b, &x, &y, &r)) return r;
  return from_result(prim::float_mod(x, y));
}
Object* float_pow(Object* a, Object* b) {
  double x, y;
  Object* r;
  if (!operands(a, b, &x, &y, &r)) return r;
  // A finite negative base to a finite non-integral power is complex's business.
  // CPython: Objects/floatobject.c float_pow
  if (x < 0.0 && std::isfinite(x) && std::isfinite(y) && y != std::floor(y)) {
    Ref<Object> zx = Ref<Object>::steal(new_complex(x, 0.0));
    Ref<Object> zy = Ref<Object>::steal(new_complex(y, 0.0));
    return complex_type.nb_binary[int(BinaryOp::pow)](zx.get(), zy.get());
  }
  return from_result(prim::float_pow(x, y));
}
Object* float_pow3(Object* a, Object* b, Object* m) {
  if (m && m != None()) return type_error("pow() 3rd argument not allowed unless all arguments are integers");
  return float_pow(a, b);
}
Object* float_neg(Object* a) { return new_float(-static_cast<FloatObject*>(a)->value); }
Object* float_pos(Object* a) { return new_float(static_cast<FloatObject*>(a)->value); }
Object* float_abs(Object* a) { return new_float(std::fabs(static_cast<FloatObject*>(a)->value)); }
int float_bool(Object* a) { return static_cast<FloatObject*>(a)->value != 0.0; }
Object* float_int(Object* a) { return int_from_double(static_cast<FloatObject*>(a)->value); }
Object* float_float(Object* a) { return new_float(static_cast<FloatObject*>(a)->value); }
Object* float_repr_slot(Object* a) { return float_repr_str(static_cast<FloatObject*>(a)->value); }
int64_t float_hash_slot(Object* a) { return prim::hash_double(static_cast<FloatObject*>(a)->value, a); }

// CPython: Objects/floatobject.c float_richcompare (ints compared exactly).
Object* float_richcompare(Object* a, Object* b, CompareOp op) {
  double x = static_cast<FloatObject*>(a)->value;
  int c;
  if (is_float(b)) {
    double y = static_cast<FloatObject*>(b)->value;
    if (std::isnan(x) || std::isnan(y)) return new_bool(op == CompareOp::ne);
    c = (x > y) - (x < y);
  } else if (is_int(b)) {
    auto r = prim::int_compare_double(int_value(b), x);
    if (!r) return new_bool(op == CompareOp::ne);
    c = -*r;
  } else {
    return new_ref(NotImplemented());
  }
  return compare_result(c, op);
}

Object* float_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (kwnames && !kwnames->items.empty()) return type_error("float() takes no keyword arguments");
  if (nargs > 1) return type_error(cat("float expected at most 1 argument, got ", nargs));
  if (nargs == 0) return new_float(0.0);
  if (args[0]->type == &float_type) return new_ref(args[0]);  // CPython: PyNumber_Float
  return float_from_object(args[0]);
}

}  // namespace

// CPython: Objects/floatobject.c PyFloat_AsDouble: a float, or what __float__ or __index__ gives.
bool float_as_double(Object* v, double* out) {
  if (is_float(v)) {
    *out = static_cast<FloatObject*>(v)->value;
    return true;
  }
  if (!v->type->nb_float && !v->type->nb_index) {
    type_error(cat("must be real number, not ", v->type->name));
    return false;
  }
  Object* f = float_from_object(v);
  if (!f) return false;
  *out = static_cast<FloatObject*>(f)->value;
  decref(f);
  return true;
}

Object* float_from_object(Object* o) {
  if (is_float(o)) return new_float(static_cast<FloatObject*>(o)->value);
  if (is_str(o)) {
    auto r = prim::parse_float(as_str(o)->cps());
    if (!r.ok()) return raise_prim_error(r.error());
    return new_float(r.value());
  }
  if (o->type->nb_float) {
    Object* r = o->type->nb_float(o);
    if (r && !is_float(r)) {
      std::string msg = cat(o->type->name, ".__float__ returned non-float (type ", r->type->name, ")");
      decref(r);
      return type_error(msg);
    }
    if (r && r->type != &float_type) {
      // CPython: Objects/abstract.c PyNumber_Float: a strict subclass is deprecated, then unwrapped.
      Ref<> held = Ref<>::steal(r);
      if (warn(&exc_DeprecationWarning,
               cat(o->type->name, ".__float__ returned non-float (type ", r->type->name,
                   ").  The ability to return an instance of a strict subclass of float is deprecated, "
                   "and may be removed in a future version of Python.")) < 0)
        return nullptr;
      return new_float(static_cast<FloatObject*>(r)->value);
    }
    return r;
  }
  if (o->type->nb_index) {
    Object* i = number_index(o);
    if (!i) return nullptr;
    double d;
    bool ok = int_to_double(i, &d);
    decref(i);
    return ok ? new_float(d) : nullptr;
  }
  // CPython: Objects/floatobject.c PyFloat_FromString: bytes, bytearray and other buffers
  // are read as ASCII text; an error shows the object's repr.
  if (std::string_view data; bytes_like_view(o, &data)) {
    std::u32string text;
    for (char c : data) text += char32_t(static_cast<unsigned char>(c));
    auto r = prim::parse_float(text);
    if (r.ok()) return new_float(r.value());
    Ref<> shown = Ref<>::steal(object_repr(o));
    if (!shown) return nullptr;
    return value_error(cat("could not convert string to float: ", as_str(shown.get())->utf8));
  }
  return type_error(cat("float() argument must be a string or a real number, not '", o->type->name, "'"));
}

// int(b"12", base): the bytes read as ASCII text; an error shows the bytes' repr.
// CPython: Objects/longobject.c _PyLong_FromBytes
static Object* int_from_bytes_text(Object* o, int base) {
  std::string_view data;
  bytes_like_view(o, &data);
  std::u32string text;
  for (char c : data) text += char32_t(static_cast<unsigned char>(c));
  auto r = prim::int_from_string(text, base, get_thread_state()->interp->settings.int_max_str_digits);
  if (r.ok()) return new_int_from(r.value());
  // The text is shown as bytes whatever buffer held it (CPython: _PyLong_FromBytes).
  Ref<> copy = Ref<>::steal(new_bytes(data));
  Object* shown = object_repr(copy.get());
  if (!shown) return nullptr;
  std::string msg = cat("invalid literal for int() with base ", base, ": ", as_str(shown)->utf8);
  decref(shown);
  return value_error(msg);
}

// CPython: Objects/longobject.c long_new_impl / PyNumber_Long
Object* int_from_object(Object* o, Object* base) {
  const bool bytes_text = is_bytes(o) || is_bytearray(o) || is_memoryview(o);
  if (base) {
    // The base is read first, None included (CPython: long_new_impl's PyNumber_AsSsize_t).
    ssize b;
    if (!index_as_ssize_clamped(base, &b)) return nullptr;
    if (b != 0 && (b < 2 || b > 36)) return value_error("int() base must be >= 2 and <= 36, or 0");
    if (!is_str(o) && !bytes_text) return type_error("int() can't convert non-string with explicit base");
    if (bytes_text) return int_from_bytes_text(o, int(b));
    auto r = prim::int_from_string(as_str(o)->cps(), int(b), 0);
    if (!r.ok()) return raise_prim_error(r.error());
    return new_int_from(r.value());
  }
  if (bytes_text) return int_from_bytes_text(o, 10);
  if (o->type == &int_type) return new_ref(o);
  if (is_int(o)) return int_exact_copy(o);
  if (is_float(o)) return int_from_double(static_cast<FloatObject*>(o)->value);
  if (is_str(o)) {
    auto r = prim::int_from_string(as_str(o)->cps(), 10,
                                   get_thread_state()->interp->settings.int_max_str_digits);
    if (!r.ok()) return raise_prim_error(r.error());
    return new_int_from(r.value());
  }
  if (o->type->nb_int) {
    // CPython: Objects/abstract.c PyNumber_Long: __int__ must return an int.
    Object* r = o->type->nb_int(o);
    if (!r || r->type == &int_type) return r;
    if (!is_int(r)) {
      std::string msg = cat("__int__ returned non-int (type ", r->type->name, ")");
      decref(r);
      return type_error(msg);
    }
    Object* exact = int_exact_copy(r);
    decref(r);
    return exact;
  }
  if (o->type->nb_index) return number_index(o);
  return type_error(cat("int() argument must be a string, a bytes-like object or a real number, not '",
                        o->type->name, "'"));
}

Object* float_round(double v, Object* ndigits) {
  if (!ndigits || ndigits == None()) return int_from_double(prim::float_round_half_even(v));
  ssize n;
  if (!index_as_ssize(ndigits, &n)) return nullptr;
  return from_result(prim::float_round(v, n));
}

void init_int_float_types_float_part() {
  make_static_type(&float_type, &type_type, "float", &object_type);
  float_type.flags |= TypeFlags::float_subclass;
  TypeObject* t = &float_type;
  t->tp_new = float_new;
  t->tp_repr = float_repr_slot;
  t->tp_hash = float_hash_slot;
  t->tp_richcompare = float_richcompare;
  t->nb_bool = float_bool;
  t->nb_binary[int(BinaryOp::add)] = float_add;
  t->nb_binary[int(BinaryOp::sub)] = float_sub;
  t->nb_binary[int(BinaryOp::mul)] = float_mul;
  t->nb_binary[int(BinaryOp::truediv)] = float_div;
  t->nb_binary[int(BinaryOp::floordiv)] = float_floordiv;
  t->nb_binary[int(BinaryOp::mod)] = float_mod;
  t->nb_binary[int(BinaryOp::pow)] = float_pow;
  t->nb_ternary_pow = float_pow3;
  t->nb_unary[int(UnaryOp::neg)] = float_neg;
  t->nb_unary[int(UnaryOp::pos)] = float_pos;
  t->nb_abs = float_abs;
  t->nb_int = float_int;
  t->nb_float = float_float;
}

}  // namespace gopy
