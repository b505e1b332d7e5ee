// The int and float methods beyond arithmetic: the numbers-tower attributes (real, imag,
// numerator, denominator, conjugate), as_integer_ratio, bit_count, to_bytes/from_bytes and
// float.hex/fromhex (CPython: Objects/longobject.c, Objects/floatobject.c).
#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdlib>

#include "gopy/object.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/args.hpp"
#include "object/class_method.hpp"
#include "object/num_methods.hpp"
#include "object/strcat.hpp"

namespace gopy {

namespace {

double float_of(Object* o) { return static_cast<FloatObject*>(o)->value; }

Object* pair(Object* a, Object* b) {
  if (!a || !b) {
    xdecref(a);
    xdecref(b);
    return nullptr;
  }
  TupleObject* t = new_tuple_from({a, b});
  decref(a);
  decref(b);
  return t;
}

#define NO_ARGS(name) \
  if (!check_method_args(a[0], name, kw, n - 1, 0, 0)) return nullptr

// ---- int ----

// The int methods whose answer is the int itself, as an exact int: conjugate, and
// __trunc__, __floor__ and __ceil__, which math.trunc, math.floor and math.ceil find
// (CPython: Objects/longobject.c int___trunc__); NAME is for the argument errors.
template <const char* Name>
Object* m_int_exact(Object*, Object* const* a, size_t n, TupleObject* kw) {
  NO_ARGS(Name);
  return int_exact_copy(a[0]);
}
constexpr char kConjugate[] = "conjugate", kTrunc[] = "__trunc__", kFloor[] = "__floor__", kCeil[] = "__ceil__";
constexpr char kFloatTrunc[] = "__trunc__", kFloatFloor[] = "__floor__", kFloatCeil[] = "__ceil__";
Object* m_int_is_integer(Object*, Object* const* a, size_t n, TupleObject* kw) {
  NO_ARGS("is_integer");
  return new_bool(true);
}
Object* m_int_ratio(Object*, Object* const* a, size_t n, TupleObject* kw) {
  NO_ARGS("as_integer_ratio");
  return pair(int_exact_copy(a[0]), new_int(1));
}
// CPython: Objects/longobject.c int_bit_count_impl
Object* m_bit_count(Object*, Object* const* a, size_t n, TupleObject* kw) {
  NO_ARGS("bit_count");
  std::string hex = int_to_base_string(a[0], 16, false);
  int64_t count = 0;
  for (char c : hex) {
    if (c == '-') continue;
    int v = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
    count += __builtin_popcount(unsigned(v));
  }
  return new_int(count);
}

bool byteorder_arg(Object* o, bool* little) {
  if (!o) {
    *little = false;
    return true;
  }
  if (!is_str(o)) {
    type_error(cat("to_bytes() argument 'byteorder' must be str, not ", o->type->name));
    return false;
  }
  std::string_view s = as_str(o)->view();
  if (s != "little" && s != "big") {
    value_error("byteorder must be either 'little' or 'big'");
    return false;
  }
  *little = s == "little";
  return true;
}

// 1 << bits as an int.
Object* power_of_two(ssize bits) {
  Object* one = new_int(1);
  Object* shift = new_int(bits);
  Object* r = binary_op(one, shift, BinaryOp::lshift);
  decref(one);
  decref(shift);
  return r;
}

// CPython: Objects/longobject.c int_to_bytes_impl
Object* m_to_bytes(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[3] = {};
  if (!bind_args("to_bytes", a + 1, n - 1, kw, {"length", "byteorder", "signed"}, 0, args)) return nullptr;
  ssize length = 1;
  if (args[0] && !index_as_ssize(args[0], &length)) return nullptr;
  if (length < 0) return value_error("length argument must be non-negative");
  bool little;
  if (!byteorder_arg(args[1], &little)) return nullptr;
  int is_signed = args[2] ? object_is_true(args[2]) : 0;
  if (is_signed < 0) return nullptr;
  Object* value = int_exact_copy(a[0]);
  if (int_sign(value) < 0) {
    if (!is_signed) {
      decref(value);
      return overflow_error("can't convert negative int to unsigned");
    }
    // Two's complement: value + 2**(8*length).
    Object* modulus = power_of_two(8 * length);
    Object* wrapped = modulus ? binary_op(value, modulus, BinaryOp::add) : nullptr;
    xdecref(modulus);
    decref(value);
    if (!wrapped) return nullptr;
    value = wrapped;
    if (int_sign(value) < 0) {
      decref(value);
      return overflow_error("int too big to convert");
    }
  } else if (is_signed && length > 0) {
    // The top bit is the sign: a non-negative value must stay below 2**(8*length-1).
    Object* limit = power_of_two(8 * length - 1);
    int too_big = limit ? rich_compare_bool(value, limit, CompareOp::ge) : -1;
    xdecref(limit);
    if (too_big != 0) {
      decref(value);
      return too_big < 0 ? nullptr : overflow_error("int too big to convert");
    }
  }
  std::string hex = int_to_base_string(value, 16, false);
  decref(value);
  if (hex == "0") hex.clear();
  if (hex.size() % 2) hex.insert(0, 1, '0');
  if (ssize(hex.size() / 2) > length) return overflow_error("int too big to convert");
  std::string bytes(size_t(length), '\0');
  size_t count = hex.size() / 2;
  for (size_t i = 0; i < count; ++i) {
    auto digit = [](char c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    char b = char(digit(hex[2 * i]) * 16 + digit(hex[2 * i + 1]));
    bytes[size_t(length) - count + i] = b;
  }
  if (little) std::reverse(bytes.begin(), bytes.end());
  return new_bytes(bytes);
}

// CPython: Objects/longobject.c int_from_bytes_impl (a class method)
Object* m_from_bytes(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[3] = {};
  if (!bind_args("from_bytes", a + 1, n - 1, kw, {"bytes", "byteorder", "signed"}, 1, args)) return nullptr;
  bool little;
  if (!byteorder_arg(args[1], &little)) return nullptr;
  int is_signed = args[2] ? object_is_true(args[2]) : 0;
  if (is_signed < 0) return nullptr;
  std::string data;
  std::string_view view;
  if (bytes_like_view(args[0], &view)) {
    data.assign(view);
  } else {
    // CPython: Objects/bytesobject.c PyObject_Bytes: __bytes__, else an iterable of ints
    // (never a str, never an int count).
    Object* source = args[0];
    Ref<> it;
    if (!type_lookup(source->type, intern("__bytes__"))) {
      if (!is_str(source)) it = Ref<>::steal(get_iter(source));
      if (!it) {
        if (!is_str(source) && !error_matches(&exc_TypeError)) return nullptr;
        clear_error();
        return type_error(cat("cannot convert '", source->type->name, "' object to bytes"));
      }
      source = it.get();
    }
    Object* b = call1(reinterpret_cast<Object*>(&bytes_type), source);
    if (!b) return nullptr;
    data = as_bytes(b)->data;
    decref(b);
  }
  if (little) std::reverse(data.begin(), data.end());
  std::string hex = "0";
  const char* digits = "0123456789abcdef";
  for (unsigned char c : data) {
    hex += digits[c >> 4];
    hex += digits[c & 15];
  }
  Object* value = int_from_digits(hex, 16);
  if (value && is_signed && !data.empty() && (static_cast<unsigned char>(data[0]) & 0x80)) {
    Object* modulus = power_of_two(ssize(8 * data.size()));
    Object* r = modulus ? binary_op(value, modulus, BinaryOp::sub) : nullptr;
    xdecref(modulus);
    decref(value);
    value = r;
  }
  if (value && a[0] != reinterpret_cast<Object*>(&int_type)) {
    Object* r = call1(a[0], value);
    decref(value);
    return r;
  }
  return value;
}

Object* int_getattr(Object* o, StrObject* name) {
  std::string_view n = name->view();
  if (n == "real" || n == "numerator") return int_exact_copy(o);
  if (n == "imag") return new_int(0);
  if (n == "denominator") return new_int(1);
  return generic_getattr(o, name);
}

// ---- float ----

Object* m_float_self(Object*, Object* const* a, size_t n, TupleObject* kw) {
  NO_ARGS("conjugate");
  return new_float(float_of(a[0]));
}

// CPython: Objects/floatobject.c float_as_integer_ratio_impl
Object* m_float_ratio(Object*, Object* const* a, size_t n, TupleObject* kw) {
  NO_ARGS("as_integer_ratio");
  double x = float_of(a[0]);
  if (std::isinf(x)) return overflow_error("cannot convert Infinity to integer ratio");
  if (std::isnan(x)) return value_error("cannot convert NaN to integer ratio");
  int exponent;
  double mantissa = std::frexp(x, &exponent);
  for (int i = 0; i < 300 && mantissa != std::floor(mantissa); ++i) {
    mantissa *= 2.0;
    --exponent;
  }
  Object* numerator = int_from_double(mantissa);
  if (!numerator) return nullptr;
  Object* denominator = new_int(1);
  Object* shifted = power_of_two(exponent < 0 ? -exponent : exponent);
  if (!shifted) {
    decref(numerator);
    decref(denominator);
    return nullptr;
  }
  Object*& target = exponent > 0 ? numerator : denominator;
  Object* r = binary_op(target, shifted, BinaryOp::mul);
  decref(shifted);
  decref(target);
  target = r;
  return pair(numerator, denominator);
}

// CPython: Objects/floatobject.c float_hex
Object* m_hex(Object*, Object* const* a, size_t n, TupleObject* kw) {
  NO_ARGS("hex");
  double x = float_of(a[0]);
  if (std::isnan(x) || std::isinf(x)) return new_str(float_repr(x));
  if (x == 0.0) return new_str(std::signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
  int e;
  double m = std::frexp(std::fabs(x), &e);
  int shift = 1 - std::max(DBL_MIN_EXP - e, 0);
  m = std::ldexp(m, shift);
  e -= shift;
  const char* digits = "0123456789abcdef";
  std::string s(1, digits[int(m)]);
  m -= int(m);
  s += '.';
  for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; ++i) {
    m *= 16.0;
    s += digits[int(m)];
    m -= int(m);
  }
  return new_str(cat(x < 0 ? "-" : "", "0x", s, "p", e < 0 ? '-' : '+', e < 0 ? -e : e));
}

// CPython: Objects/floatobject.c float_fromhex (a class method)
Object* m_fromhex(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "fromhex", kw, n - 1, 1, 1)) return nullptr;
  if (!is_str(a[1])) return type_error(cat("fromhex() argument must be str, not ", a[1]->type->name));
  std::string s(as_str(a[1])->view());
  auto invalid = [] { return value_error("invalid hexadecimal floating-point string"); };
  size_t b = s.find_first_not_of(" \t\n\r\f\v"), e = s.find_last_not_of(" \t\n\r\f\v");
  if (b == std::string::npos) return invalid();
  std::string t = s.substr(b, e - b + 1);
  size_t i = (t[0] == '+' || t[0] == '-') ? 1 : 0;
  std::string rest = t.substr(i);
  std::string lower;
  for (char c : rest) lower += char(std::tolower(static_cast<unsigned char>(c)));
  double value;
  if (lower == "inf" || lower == "infinity") value = HUGE_VAL;
  else if (lower == "nan") value = NAN;
  else {
    size_t j = 0;
    if (lower.starts_with("0x")) j = 2;
    size_t digits = 0;
    while (j < lower.size() && std::isxdigit(static_cast<unsigned char>(lower[j]))) ++j, ++digits;
    if (j < lower.size() && lower[j] == '.') {
      ++j;
      while (j < lower.size() && std::isxdigit(static_cast<unsigned char>(lower[j]))) ++j, ++digits;
    }
    if (!digits) return invalid();
    if (j < lower.size() && lower[j] == 'p') {
      ++j;
      if (j < lower.size() && (lower[j] == '+' || lower[j] == '-')) ++j;
      if (j >= lower.size() || !std::isdigit(static_cast<unsigned char>(lower[j]))) return invalid();
      while (j < lower.size() && std::isdigit(static_cast<unsigned char>(lower[j]))) ++j;
    }
    if (j != lower.size()) return invalid();
    std::string text = (lower.starts_with("0x") ? "" : "0x") + lower;
    value = std::strtod(text.c_str(), nullptr);
    if (std::isinf(value)) return overflow_error("hexadecimal value too large to represent as a float");
  }
  if (t[0] == '-') value = -value;
  Object* f = new_float(value);
  if (a[0] != reinterpret_cast<Object*>(&float_type)) {
    Object* r = call1(a[0], f);
    decref(f);
    return r;
  }
  return f;
}

// CPython: Objects/floatobject.c float_from_number_impl (a class method, 3.14)
Object* m_float_from_number(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("float.from_number", kw) || !check_nargs("float.from_number", n - 1, 1, 1)) return nullptr;
  Object* type = a[0];
  if (a[1]->type == &float_type && type == reinterpret_cast<Object*>(&float_type)) return new_ref(a[1]);
  double x;
  if (!float_as_double(a[1], &x)) return nullptr;
  Object* f = new_float(x);
  if (type == reinterpret_cast<Object*>(&float_type)) return f;
  Object* r = call1(type, f);
  decref(f);
  return r;
}

// float.__trunc__/__floor__/__ceil__: the int toward zero, down or up.
// CPython: Objects/floatobject.c float___trunc___impl, float___floor___impl, float___ceil___impl
template <const char* Name, double (*Round)(double)>
Object* m_float_to_int(Object*, Object* const* a, size_t n, TupleObject* kw) {
  NO_ARGS(Name);
  return int_from_double(Round(float_of(a[0])));
}
double trunc_of(double x) { return std::trunc(x); }
double floor_of(double x) { return std::floor(x); }
double ceil_of(double x) { return std::ceil(x); }

// CPython: Objects/floatobject.c float___round___impl, Objects/longobject.c int___round___impl
Object* m_float_round(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__round__", kw) || !check_nargs("__round__", n - 1, 0, 1)) return nullptr;
  return float_round(float_of(a[0]), n > 1 && a[1] != None() ? a[1] : nullptr);
}
Object* m_int_round(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__round__", kw) || !check_nargs("__round__", n - 1, 0, 1)) return nullptr;
  return int_round(a[0], n > 1 && a[1] != None() ? a[1] : nullptr);
}

// CPython: Objects/floatobject.c float___getformat___impl (IEEE 754 little-endian here)
Object* m_float_getformat(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__getformat__", kw) || !check_nargs("__getformat__", n - 1, 1, 1)) return nullptr;
  if (!is_str(a[1]))
    return type_error(cat("__getformat__() argument must be str, not ", a[1]->type->name));
  std::string_view t = as_str(a[1])->view();
  if (t != "double" && t != "float")
    return value_error("__getformat__() argument 1 must be 'double' or 'float'");
  return new_str("IEEE, little-endian");
}

}  // namespace

Object* float_getattr(Object* o, StrObject* name) {
  std::string_view n = name->view();
  if (n == "real") return new_float(float_of(o));
  if (n == "imag") return new_float(0.0);
  return generic_getattr(o, name);
}

void init_num_slots() {
  int_type.tp_getattr = int_getattr;
  bool_type.tp_getattr = int_getattr;
  float_type.tp_getattr = float_getattr;
}

void init_num_methods() {
  add_method(&int_type, "conjugate", m_int_exact<kConjugate>);
  add_method(&int_type, "as_integer_ratio", m_int_ratio);
  add_method(&int_type, "bit_count", m_bit_count);
  add_method(&int_type, "__trunc__", m_int_exact<kTrunc>);
  add_method(&int_type, "__floor__", m_int_exact<kFloor>);
  add_method(&int_type, "__ceil__", m_int_exact<kCeil>);
  add_method(&int_type, "is_integer", m_int_is_integer);
  add_method(&int_type, "to_bytes", m_to_bytes);
  add_class_method(&int_type, "from_bytes", m_from_bytes);
  add_method(&int_type, "__round__", m_int_round);
  add_method(&float_type, "conjugate", m_float_self);
  add_method(&float_type, "__trunc__", m_float_to_int<kFloatTrunc, trunc_of>);
  add_method(&float_type, "__floor__", m_float_to_int<kFloatFloor, floor_of>);
  add_method(&float_type, "__ceil__", m_float_to_int<kFloatCeil, ceil_of>);
  add_method(&float_type, "__round__", m_float_round);
  add_class_method(&float_type, "__getformat__", m_float_getformat);
  add_method(&float_type, "as_integer_ratio", m_float_ratio);
  add_method(&float_type, "hex", m_hex);
  add_class_method(&float_type, "fromhex", m_fromhex);
  add_class_method(&float_type, "from_number", m_float_from_number);
}

}  // namespace gopy
