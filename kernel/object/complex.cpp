// The complex type: construction (numbers and strings), repr, arithmetic, comparison,
// hashing and the real/imag/conjugate API (CPython: Objects/complexobject.c).
#include <cerrno>
#include <cmath>
#include <cstdlib>

#include "object/getset_internal.hpp"
#include "gopy/object.hpp"
#include "gopy/object_complex.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/warnings.hpp"
#include "object/args.hpp"
#include "object/class_method.hpp"
#include "object/num_internal.hpp"
#include "object/prim/double_to_string.hpp"
#include "object/prim/format.hpp"
#include "object/prim/hash.hpp"
#include "object/strcat.hpp"

namespace gopy {

TypeObject complex_type;

namespace {

struct Cx {
  double re, im;
};

ComplexObject* as_complex(Object* o) { return static_cast<ComplexObject*>(o); }

// An operand as a complex: complex, float or int (1 ok, 0 not a number, -1 error).
// CPython: Objects/complexobject.c TO_COMPLEX / real_to_double
int operand(Object* o, Cx* out) {
  if (is_complex(o)) {
    *out = {as_complex(o)->real, as_complex(o)->imag};
    return 1;
  }
  if (is_float(o)) {
    *out = {static_cast<FloatObject*>(o)->value, 0.0};
    return 1;
  }
  if (is_int(o)) {
    double d;
    if (!int_to_double(o, &d)) return -1;
    *out = {d, 0.0};
    return 1;
  }
  return 0;
}

// CPython: Objects/complexobject.c _Py_c_quot (scaled to avoid overflow)
bool quotient(Cx a, Cx b, Cx* r) {
  const double abs_breal = std::fabs(b.re), abs_bimag = std::fabs(b.im);
  if (abs_breal >= abs_bimag) {
    if (abs_breal == 0.0) return false;
    const double ratio = b.im / b.re;
    const double denom = b.re + b.im * ratio;
    *r = {(a.re + a.im * ratio) / denom, (a.im - a.re * ratio) / denom};
  } else if (abs_bimag >= abs_breal) {
    const double ratio = b.re / b.im;
    const double denom = b.re * ratio + b.im;
    *r = {(a.re * ratio + a.im) / denom, (a.im * ratio - a.re) / denom};
  } else {
    *r = {NAN, NAN};
  }
  return true;
}

Cx product(Cx a, Cx b) { return {a.re * b.re - a.im * b.im, a.re * b.im + a.im * b.re}; }

// CPython: Objects/complexobject.c _Py_c_pow
bool power(Cx a, Cx b, Cx* r) {
  if (b.re == 0.0 && b.im == 0.0) {
    *r = {1.0, 0.0};
    return true;
  }
  if (a.re == 0.0 && a.im == 0.0) {
    if (b.im != 0.0 || b.re < 0.0) return false;
    *r = {0.0, 0.0};
    return true;
  }
  // Small integral exponents by repeated squaring, as CPython's c_powi.
  if (b.im == 0.0 && b.re == std::floor(b.re) && std::fabs(b.re) <= 100.0) {
    long n = long(b.re);
    Cx acc{1.0, 0.0}, x = a;
    for (long m = n < 0 ? -n : n; m; m >>= 1) {
      if (m & 1) acc = product(acc, x);
      x = product(x, x);
    }
    if (n < 0) return quotient({1.0, 0.0}, acc, r);
    *r = acc;
    return true;
  }
  double vabs = std::hypot(a.re, a.im);
  double len = std::pow(vabs, b.re);
  double at = std::atan2(a.im, a.re);
  double phase = at * b.re;
  if (b.im != 0.0) {
    len /= std::exp(at * b.im);
    phase += b.im * std::log(vabs);
  }
  *r = {len * std::cos(phase), len * std::sin(phase)};
  return true;
}

Object* binary(Object* a, Object* b, BinaryOp op) {
  Cx x, y, r;
  int ka = operand(a, &x);
  if (ka < 0) return nullptr;
  int kb = ka ? operand(b, &y) : 0;
  if (kb < 0) return nullptr;
  if (!ka || !kb) return new_ref(NotImplemented());
  switch (op) {
    case BinaryOp::add: r = {x.re + y.re, x.im + y.im}; break;
    case BinaryOp::sub: r = {x.re - y.re, x.im - y.im}; break;
    case BinaryOp::mul: r = product(x, y); break;
    case BinaryOp::truediv:
      if (!quotient(x, y, &r)) return zero_division_error("division by zero");
      break;
    case BinaryOp::pow:
      if (!power(x, y, &r)) return zero_division_error("zero to a negative or complex power");
      if (std::isinf(r.re) || std::isinf(r.im))
        if (std::isfinite(x.re) && std::isfinite(x.im) && std::isfinite(y.re) && std::isfinite(y.im))
          return overflow_error("complex exponentiation");
      break;
    default: return new_ref(NotImplemented());
  }
  return new_complex(r.re, r.im);
}
Object* c_add(Object* a, Object* b) { return binary(a, b, BinaryOp::add); }
Object* c_sub(Object* a, Object* b) { return binary(a, b, BinaryOp::sub); }
Object* c_mul(Object* a, Object* b) { return binary(a, b, BinaryOp::mul); }
Object* c_div(Object* a, Object* b) { return binary(a, b, BinaryOp::truediv); }
Object* c_pow(Object* a, Object* b) { return binary(a, b, BinaryOp::pow); }
// CPython: complex_pow: the operands must convert (TO_COMPLEX) before the modulus is refused.
Object* c_pow3(Object* a, Object* b, Object* mod) {
  for (Object* o : {a, b})
    if (!is_complex(o) && !is_float(o) && !is_int(o)) return new_ref(NotImplemented());
  if (mod != None()) return value_error("complex modulo");
  return c_pow(a, b);
}

Object* c_neg(Object* o) { return new_complex(-as_complex(o)->real, -as_complex(o)->imag); }
Object* c_pos(Object* o) { return new_complex(as_complex(o)->real, as_complex(o)->imag); }
Object* c_abs(Object* o) {
  double re = as_complex(o)->real, im = as_complex(o)->imag;
  double r = std::hypot(re, im);
  if (std::isinf(r) && std::isfinite(re) && std::isfinite(im)) return overflow_error("absolute value too large");
  return new_float(r);
}
int c_bool(Object* o) { return as_complex(o)->real != 0.0 || as_complex(o)->imag != 0.0; }

// == and != only; a complex equals an int or float when its imaginary part is zero.
// CPython: Objects/complexobject.c complex_richcompare
Object* c_richcompare(Object* a, Object* b, CompareOp op) {
  if (op != CompareOp::eq && op != CompareOp::ne) return new_ref(NotImplemented());
  Cx x{as_complex(a)->real, as_complex(a)->imag};
  bool equal;
  if (is_int(b)) {
    if (x.im != 0.0) equal = false;
    else {
      Object* re = new_float(x.re);
      int r = rich_compare_bool(re, b, CompareOp::eq);
      decref(re);
      if (r < 0) return nullptr;
      equal = r;
    }
  } else if (is_float(b)) {
    equal = x.im == 0.0 && x.re == static_cast<FloatObject*>(b)->value;
  } else if (is_complex(b)) {
    equal = x.re == as_complex(b)->real && x.im == as_complex(b)->imag;
  } else {
    return new_ref(NotImplemented());
  }
  return new_bool(op == CompareOp::eq ? equal : !equal);
}

// CPython: Objects/complexobject.c complex_hash
int64_t c_hash(Object* o) {
  uint64_t re = uint64_t(prim::hash_double(as_complex(o)->real, o));
  uint64_t im = uint64_t(prim::hash_double(as_complex(o)->imag, o));
  int64_t h = int64_t(re + 1000003ULL * im);
  return h == -1 ? -2 : h;
}

Object* c_repr(Object* o) { return complex_repr_str(o); }

Object* c_getattr(Object* o, StrObject* name) {
  if (name->view() == "real") return new_float(as_complex(o)->real);
  if (name->view() == "imag") return new_float(as_complex(o)->imag);
  return generic_getattr(o, name);
}

// Longest prefix of `s` (from `at`) that is a float (digits, point, exponent, inf, nan);
// false when there is none. CPython: Python/pystrtod.c PyOS_string_to_double (prefix mode)
bool float_prefix(const std::string& s, size_t& at, double* out) {
  size_t i = at;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  auto word = [&](const char* w) {
    size_t n = std::char_traits<char>::length(w);
    if (s.size() - i < n) return false;
    for (size_t k = 0; k < n; ++k)
      if (std::tolower(static_cast<unsigned char>(s[i + k])) != w[k]) return false;
    return true;
  };
  size_t end;
  if (word("infinity")) end = i + 8;
  else if (word("inf") || word("nan")) end = i + 3;
  else {
    size_t j = i;
    bool digits = false;
    while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j, digits = true;
    if (j < s.size() && s[j] == '.') {
      ++j;
      while (j < s.size() && std::isdigit(static_cast<unsigned char>(s[j]))) ++j, digits = true;
    }
    if (!digits) return false;
    if (j < s.size() && (s[j] == 'e' || s[j] == 'E')) {
      size_t k = j + 1;
      if (k < s.size() && (s[k] == '+' || s[k] == '-')) ++k;
      if (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) {
        while (k < s.size() && std::isdigit(static_cast<unsigned char>(s[k]))) ++k;
        j = k;
      }
    }
    end = j;
  }
  *out = std::strtod(s.substr(at, end - at).c_str(), nullptr);
  at = end;
  return true;
}

// complex("1+2j"), with the forms CPython accepts. CPython: Objects/complexobject.c
// complex_from_string_inner (underscores as _Py_string_to_number_with_underscores)
Object* complex_from_string(StrObject* text) {
  const char* malformed = "complex() arg is a malformed string";
  std::string s;
  for (char32_t c : text->cps()) {
    if (c >= 0x80) {
      // Unicode spaces and digits: only ASCII text is accepted here.
      if (c == 0x85 || c == 0xA0 || (c >= 0x2000 && c <= 0x200A) || c == 0x3000) s += ' ';
      else return value_error(malformed);
    } else {
      s += char(c);
    }
  }
  if (s.find('_') != std::string::npos) {
    std::string plain;
    for (size_t i = 0; i < s.size(); ++i) {
      if (s[i] != '_') {
        plain += s[i];
        continue;
      }
      bool between = i > 0 && i + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[i - 1])) &&
                     std::isdigit(static_cast<unsigned char>(s[i + 1]));
      if (!between) return value_error(malformed);
    }
    s = plain;
  }
  size_t i = 0;
  auto skip_space = [&] {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
  };
  skip_space();
  bool bracket = i < s.size() && s[i] == '(';
  if (bracket) {
    ++i;
    skip_space();
  }
  double x = 0.0, y = 0.0, z;
  auto is_j = [&] { return i < s.size() && (s[i] == 'j' || s[i] == 'J'); };
  if (float_prefix(s, i, &z)) {
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      x = z;
      if (!float_prefix(s, i, &y)) y = s[i++] == '+' ? 1.0 : -1.0;
      if (!is_j()) return value_error(malformed);
      ++i;
    } else if (is_j()) {
      ++i;
      y = z;
    } else {
      x = z;
    }
  } else {
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) y = s[i++] == '+' ? 1.0 : -1.0;
    else y = 1.0;
    if (!is_j()) return value_error(malformed);
    ++i;
  }
  skip_space();
  if (bracket) {
    if (i >= s.size() || s[i] != ')') return value_error(malformed);
    ++i;
    skip_space();
  }
  if (i != s.size()) return value_error(malformed);
  return new_complex(x, y);
}

// A constructor argument as a complex: 2 when complex (itself or its __complex__), 1 when
// a real number, -1 on error.
// A complex itself or what its __complex__ gives: 1, 0 when neither, -1 on error.
// CPython: Objects/complexobject.c try_complex_special_method
int complex_value(Object* o, Cx* out) {
  if (is_complex(o)) {
    *out = {as_complex(o)->real, as_complex(o)->imag};
    return 1;
  }
  if (!type_lookup(o->type, "__complex__")) return 0;
  Object* r = call_method(o, "__complex__", nullptr, 0);
  if (!r) return -1;
  if (!is_complex(r)) {
    type_error(cat("__complex__ returned non-complex (type ", r->type->name, ")"));
    decref(r);
    return -1;
  }
  *out = {as_complex(r)->real, as_complex(r)->imag};
  decref(r);
  return 1;
}

bool real_number(const Object* o) { return o->type->nb_float || o->type->nb_index; }

// A real number argument as a double (float(o)).
bool real_value(Object* o, double* out) {
  Object* f = float_from_object(o);
  if (!f) return false;
  *out = static_cast<FloatObject*>(f)->value;
  decref(f);
  return true;
}

// CPython: Objects/complexobject.c complex_new_impl (and actual_complex_new for complex(x))
Object* c_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  Object* a[2] = {nullptr, nullptr};
  if (!bind_args("complex", args, nargs, kwnames, {"real", "imag"}, 0, a)) return nullptr;
  Object* r = a[0];
  Object* i = a[1];
  const bool single = nargs == 1 && (!kwnames || kwnames->items.empty());
  if (single && r->type == &complex_type) return new_ref(r);  // CPython: actual_complex_new
  if (single && !is_str(r) && !is_complex(r) && !real_number(r) && !type_lookup(r->type, "__complex__"))
    return type_error(cat("complex() argument must be a string or a number, not ", r->type->name));
  // Only complex(s) parses a string; with two arguments (or keywords) a str is no real number.
  if (single && is_str(r)) return complex_from_string(as_str(r));
  Cx x{0.0, 0.0}, y{0.0, 0.0};
  // The real part may be a complex (or have __complex__); the imaginary part only a complex.
  int r_complex = r ? complex_value(r, &x) : 0;
  if (r_complex < 0) return nullptr;
  auto not_real = [](const char* which, Object* o) {
    return type_error(cat("complex() argument '", which, "' must be a real number, not ", o->type->name));
  };
  if (r && !r_complex && !real_number(r)) return not_real("real", r);
  const bool i_complex = i && is_complex(i);
  if (i && !i_complex && !real_number(i)) return not_real("imag", i);
  // Complex parts are deprecated (3.14), except as complex(z) alone.
  auto deprecated = [](const char* which, Object* o) {
    return warn(&exc_DeprecationWarning,
                cat("complex() argument '", which, "' must be a real number, not ", o->type->name)) < 0;
  };
  if (r_complex && !single && !real_number(r) && deprecated("real", r)) return nullptr;
  if (r && !r_complex && !real_value(r, &x.re)) return nullptr;
  if (i_complex) {
    if (deprecated("imag", i)) return nullptr;
    y = {as_complex(i)->real, as_complex(i)->imag};
  } else if (i && !real_value(i, &y.re)) {
    return nullptr;
  }
  // real + imag*1j without arithmetic on zero parts, so signed zeros survive:
  // complex(1, -0.0) is (1-0j).
  double re = x.re, im = y.re;
  if (i_complex) re -= y.im;
  if (r_complex) im = i ? im + x.im : x.im;
  return new_complex(re, im);
}

Object* m_conjugate(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "conjugate", kw, n - 1, 0, 0)) return nullptr;
  return new_complex(as_complex(a[0])->real, -as_complex(a[0])->imag);
}
Object* m_complex(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__complex__", kw) || !check_nargs("__complex__", n - 1, 0, 0)) return nullptr;
  return new_complex(as_complex(a[0])->real, as_complex(a[0])->imag);
}
Object* m_format(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__format__", kw) || !check_nargs("__format__", n - 1, 1, 1)) return nullptr;
  return complex_format(a[0], a[1]);
}

// CPython: Objects/complexobject.c complex_from_number_impl (a class method, 3.14), whose
// PyComplex_AsCComplex takes a complex, __complex__, or a real number.
Object* m_from_number(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("complex.from_number", kw) || !check_nargs("complex.from_number", n - 1, 1, 1)) return nullptr;
  Object* type = a[0];
  const bool exact = type == reinterpret_cast<Object*>(&complex_type);
  if (a[1]->type == &complex_type && exact) return new_ref(a[1]);
  Cx v{0.0, 0.0};
  int k = complex_value(a[1], &v);
  if (k < 0 || (k == 0 && !float_as_double(a[1], &v.re))) return nullptr;
  Object* c = new_complex(v.re, v.im);
  if (exact) return c;
  Object* r = call1(type, c);
  decref(c);
  return r;
}

void init_complex_methods() {
  add_readonly_attrs(&complex_type, {"real", "imag"}, true);
  add_class_method(&complex_type, "from_number", m_from_number);
  add_method(&complex_type, "conjugate", m_conjugate);
  add_method(&complex_type, "__complex__", m_complex);
  add_method(&complex_type, "__format__", m_format);
}

}  // namespace

Object* new_complex(double real, double imag) { return make<ComplexObject>(real, imag); }

Object* complex_repr_str(Object* z) {
  double re = as_complex(z)->real, im = as_complex(z)->imag;
  if (re == 0.0 && !std::signbit(re)) return new_str(prim::double_to_string(im, 'r', 0, 0) + "j");
  return new_str("(" + prim::double_to_string(re, 'r', 0, 0) + prim::double_to_string(im, 'r', 0, prim::kDtsfSign) + "j)");
}

// format(z, spec): both parts formatted as floats ("1.50+2.00j"), in parentheses when the
// spec has no presentation type, then aligned as a whole (grouping is not applied).
// CPython: Python/formatter_unicode.c format_complex_internal
Object* complex_format(Object* z, Object* spec_obj) {
  if (!is_str(spec_obj)) return type_error(cat("format() argument 2 must be str, not ", spec_obj == None() ? "None" : spec_obj->type->name.c_str()));
  StrObject* spec_str = as_str(spec_obj);
  if (spec_str->length == 0) return object_str(z);
  auto parsed = prim::parse_format_spec(spec_str->cps(), "complex", 0, '>');
  if (!parsed) return raise_prim_error(parsed.error());
  const prim::FormatSpec& f = *parsed;
  switch (f.type) {
    case 0: case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case 'n': break;
    default: {
      std::string t;
      append_utf8(t, f.type);
      return value_error(cat("Unknown format code '", t, "' for object of type 'complex'"));
    }
  }
  // Any '0' fill, the flag's or an explicit one (CPython: format_complex_internal).
  if (f.fill == U'0') return value_error("Zero padding is not allowed in complex format specifier");
  if (f.align == '=') return value_error("'=' alignment flag is not allowed in complex format specifier");
  double re = as_complex(z)->real, im = as_complex(z)->imag;
  char code = f.type == 0 ? (f.precision < 0 ? 'r' : 'g') : f.type == 'n' ? 'g' : char(f.type);
  int precision = f.precision < 0 ? (f.type == 0 ? 0 : 6) : int(f.precision);
  unsigned flags = (f.alternate ? prim::kDtsfAlt : 0) | (f.no_neg_zero ? prim::kDtsfNoNegZero : 0);
  const bool skip_re = f.type == 0 && re == 0.0 && !std::signbit(re);
  // ',' or '_' groups each part's integer digits by three.
  auto part = [&](double v) {
    std::string t = prim::double_to_string(v, code, precision, flags);
    if (f.grouping == prim::FormatSpec::Grouping::none) return t;
    const char sep = f.grouping == prim::FormatSpec::Grouping::comma ? ',' : '_';
    size_t first = t.find_first_of("0123456789");
    size_t end = first == std::string::npos ? first : t.find_first_not_of("0123456789", first);
    if (first == std::string::npos) return t;
    if (end == std::string::npos) end = t.size();
    for (size_t at = end; at > first + 3; at -= 3) t.insert(at - 3, 1, sep);
    return t;
  };
  std::string body;
  if (!skip_re) {
    body = part(re);
    if (f.sign == '+' && body[0] != '-') body.insert(0, 1, '+');
    else if (f.sign == ' ' && body[0] != '-') body.insert(0, 1, ' ');
  }
  std::string imag = part(im);
  if (imag[0] != '-' && (!skip_re || f.sign == '+')) imag.insert(0, 1, '+');
  else if (imag[0] != '-' && skip_re && f.sign == ' ') imag.insert(0, 1, ' ');
  body += imag + "j";
  if (f.type == 0) body = "(" + body + ")";
  if (skip_re && f.type == 0) body = body.substr(1, body.size() - 2);
  std::u32string text = decode_utf8(body);
  if (f.width > ssize(text.size())) {
    size_t pad = size_t(f.width) - text.size();
    size_t left = f.align == '<' ? 0 : f.align == '^' ? pad / 2 : pad;
    text = std::u32string(left, f.fill) + text + std::u32string(pad - left, f.fill);
  }
  return new_str_from_cps(text);
}

void init_complex_type() {
  make_static_type(&complex_type, &type_type, "complex", &object_type);
  TypeObject* t = &complex_type;
  t->tp_new = c_new;
  t->tp_repr = c_repr;
  t->tp_hash = c_hash;
  t->tp_richcompare = c_richcompare;
  t->tp_getattr = c_getattr;
  t->nb_bool = c_bool;
  t->nb_abs = c_abs;
  t->nb_binary[int(BinaryOp::add)] = c_add;
  t->nb_binary[int(BinaryOp::sub)] = c_sub;
  t->nb_binary[int(BinaryOp::mul)] = c_mul;
  t->nb_binary[int(BinaryOp::truediv)] = c_div;
  t->nb_binary[int(BinaryOp::pow)] = c_pow;
  t->nb_ternary_pow = c_pow3;
  t->nb_unary[int(UnaryOp::neg)] = c_neg;
  t->nb_unary[int(UnaryOp::pos)] = c_pos;
  t->lazy_methods = init_complex_methods;
}

}  // namespace gopy
