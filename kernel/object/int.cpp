// int and bool (CPython: Objects/longobject.c, Objects/boolobject.c). Values that fit in
// int64 are computed inline with overflow checks; anything larger goes through the
// big-int primitives (gopy::prim::Int).
#include <charconv>
#include <cmath>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "gopy/warnings.hpp"
#include "object/compare_result.hpp"
#include "object/int_free_list.hpp"
#include "object/num_internal.hpp"
#include "object/str_internal.hpp"
#include "object/prim/float.hpp"
#include "object/prim/hash.hpp"
#include "object/prim/int.hpp"
#include "object/args.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject int_type, bool_type;
IntObject true_object, false_object;

struct BigInt {
  prim::Int v;
};

IntObject::~IntObject() { delete big; }

namespace {

constexpr int64_t kSmallMin = -5, kSmallMax = 256;
IntObject small_ints[kSmallMax - kSmallMin + 1];

}  // namespace

IntFreeList int_free_list;

void int_free_list_configure(bool enabled) {
  while (IntObject* o = int_free_list_take(0)) delete o;
  int_free_list.limit = enabled ? 1024 : 0;
}

namespace {
// Apart, so that the common paths of new_int need no stack frame.
[[gnu::noinline]] Object* new_heap_int(int64_t v) { return make<IntObject>(v); }
}  // namespace

Object* new_int(int64_t v) {
  if (v >= kSmallMin && v <= kSmallMax) return new_ref(&small_ints[v - kSmallMin]);
  if (IntObject* o = int_free_list_take(v)) {
    ++get_thread_state()->interp->live_count;
    return o;
  }
  return new_heap_int(v);
}

prim::Int int_value(Object* o) {
  auto* i = static_cast<IntObject*>(o);
  if (i->big) return i->big->v;
  return prim::Int(i->small);
}

Object* new_int_from(const prim::Int& v) {
  if (auto s = v.to_int64()) return new_int(*s);
  auto* o = make<IntObject>(int64_t(0));
  o->big = new BigInt{v};
  return o;
}

std::nullptr_t raise_prim_error(const prim::Error& e) {
  if (e.kind == ExceptionKind::memory_error) return no_memory();
  TypeObject* type = exception_type_for_kind(e.kind);
  if (e.kind == ExceptionKind::unicode_decode_error || e.kind == ExceptionKind::unicode_encode_error) {
    // A primitive's message already says everything; the five-argument __init__ of
    // UnicodeDecodeError/UnicodeEncodeError is skipped, and str() shows that message.
    Object* msg = new_str(e.message);
    Object* exc = type->tp_new(type, &msg, 1, nullptr);
    decref(msg);
    if (exc) {
      raise_object(exc);
      decref(exc);
    }
    return nullptr;
  }
  return set_error(type, e.message);
}

template <class T>
static Object* from_result(const prim::Result<T>& r) {
  if (!r.ok()) return raise_prim_error(r.error());
  return new_int_from(r.value());
}

bool int_to_int64(Object* o, int64_t* out) {
  auto* i = static_cast<IntObject*>(o);
  if (i->big) return false;
  *out = i->small;
  return true;
}

int int_sign(Object* o) {
  auto* i = static_cast<IntObject*>(o);
  if (i->big) return i->big->v.sign();
  return (i->small > 0) - (i->small < 0);
}

bool int_to_double(Object* o, double* out) {
  auto* i = static_cast<IntObject*>(o);
  if (!i->big) {
    *out = double(i->small);
    return true;
  }
  auto r = prim::int_to_double(i->big->v);
  if (!r.ok()) {
    raise_prim_error(r.error());
    return false;
  }
  *out = r.value();
  return true;
}

Object* int_from_double(double d) { return from_result(prim::int_from_double(d)); }

Object* int_from_digits(std::string_view digits, int base) {
  std::string text;
  if (base == 16) text = "0x";
  else if (base == 8) text = "0o";
  else if (base == 2) text = "0b";
  text += digits;
  return from_result(prim::int_from_literal(text, 0));
}

Object* int_to_decimal_str(Object* o) {
  auto* i = static_cast<IntObject*>(o);
  if (!i->big) {
    char buf[24];
    auto end = std::to_chars(buf, buf + sizeof buf, i->small).ptr;
    return new_str_known(std::string_view(buf, size_t(end - buf)), end - buf, true);
  }
  auto r = prim::int_to_decimal(i->big->v, get_thread_state()->interp->settings.int_max_str_digits);
  if (!r.ok()) return raise_prim_error(r.error());
  return new_str(r.value());
}

std::string int_to_base_string(Object* o, int base, bool prefix) {
  return prim::int_to_base(int_value(o), base, prefix);
}

int64_t int_hash(Object* o) {
  auto* i = static_cast<IntObject*>(o);
  if (!i->big && i->small >= 0 && i->small < prim::kHashModulus) return i->small;
  return prim::hash_int(int_value(o));
}

Object* int_exact_copy(Object* o) {
  auto* i = static_cast<IntObject*>(o);
  if (!i->big) return new_int(i->small);
  return new_int_from(i->big->v);
}

// ---- arithmetic slots ----

namespace {

inline bool both_small(Object* a, Object* b, int64_t* x, int64_t* y) {
  if (!is_int(a) || !is_int(b)) return false;
  auto* ia = static_cast<IntObject*>(a);
  auto* ib = static_cast<IntObject*>(b);
  if (ia->big || ib->big) return false;
  *x = ia->small;
  *y = ib->small;
  return true;
}

#define INT_OPERANDS_OR_NOTIMPL(a, b) \
  if (!is_int(a) || !is_int(b)) return new_ref(NotImplemented())

Object* int_add(Object* a, Object* b) {
  int64_t x, y, r;
  if (both_small(a, b, &x, &y) && !__builtin_add_overflow(x, y, &r)) return new_int(r);
  INT_OPERANDS_OR_NOTIMPL(a, b);
  return new_int_from(prim::int_add(int_value(a), int_value(b)));
}

Object* int_sub(Object* a, Object* b) {
  int64_t x, y, r;
  if (both_small(a, b, &x, &y) && !__builtin_sub_overflow(x, y, &r)) return new_int(r);
  INT_OPERANDS_OR_NOTIMPL(a, b);
  return new_int_from(prim::int_sub(int_value(a), int_value(b)));
}

Object* int_mul(Object* a, Object* b) {
  int64_t x, y, r;
  if (both_small(a, b, &x, &y) && !__builtin_mul_overflow(x, y, &r)) return new_int(r);
  INT_OPERANDS_OR_NOTIMPL(a, b);
  return from_result(prim::int_mul(int_value(a), int_value(b)));
}

Object* int_floordiv(Object* a, Object* b) {
  int64_t x, y;
  if (both_small(a, b, &x, &y) && y != 0 && !(x == INT64_MIN && y == -1)) {
    int64_t q = x / y;
    if ((x % y != 0) && ((x < 0) != (y < 0))) --q;
    return new_int(q);
  }
  INT_OPERANDS_OR_NOTIMPL(a, b);
  return from_result(prim::int_floordiv(int_value(a), int_value(b)));
}

Object* int_mod(Object* a, Object* b) {
  int64_t x, y;
  if (both_small(a, b, &x, &y) && y != 0 && !(x == INT64_MIN && y == -1)) {
    int64_t m = x % y;
    if (m != 0 && ((m < 0) != (y < 0))) m += y;
    return new_int(m);
  }
  INT_OPERANDS_OR_NOTIMPL(a, b);
  return from_result(prim::int_mod(int_value(a), int_value(b)));
}

Object* int_truediv(Object* a, Object* b) {
  int64_t x, y;
  constexpr int64_t kExact = int64_t(1) << 53;
  if (both_small(a, b, &x, &y) && y != 0 && x > -kExact && x < kExact && y > -kExact && y < kExact)
    return new_float(double(x) / double(y));
  INT_OPERANDS_OR_NOTIMPL(a, b);
  auto r = prim::int_truediv(int_value(a), int_value(b));
  if (!r.ok()) return raise_prim_error(r.error());
  return new_float(r.value());
}

Object* int_pow_slot(Object* a, Object* b) {
  INT_OPERANDS_OR_NOTIMPL(a, b);
  return int_pow(a, b, nullptr);
}

Object* int_lshift(Object* a, Object* b) {
  INT_OPERANDS_OR_NOTIMPL(a, b);
  int64_t x, y;
  if (both_small(a, b, &x, &y) && y >= 0 && y < 62 && x >= -(int64_t(1) << (62 - y)) &&
      x < (int64_t(1) << (62 - y)))
    return new_int(x * (int64_t(1) << y));
  return from_result(prim::int_lshift(int_value(a), int_value(b)));
}

Object* int_rshift(Object* a, Object* b) {
  INT_OPERANDS_OR_NOTIMPL(a, b);
  int64_t x, y;
  if (both_small(a, b, &x, &y) && y >= 0) return new_int(y >= 63 ? (x < 0 ? -1 : 0) : (x >> y));
  return from_result(prim::int_rshift(int_value(a), int_value(b)));
}

Object* bool_result_or_int(Object* a, Object* b, int64_t r) {
  if (a->type == &bool_type && b->type == &bool_type) return new_bool(r != 0);
  return new_int(r);
}

Object* int_and(Object* a, Object* b) {
  int64_t x, y;
  if (both_small(a, b, &x, &y)) return bool_result_or_int(a, b, x & y);
  INT_OPERANDS_OR_NOTIMPL(a, b);
  return new_int_from(prim::int_and(int_value(a), int_value(b)));
}
Object* int_or(Object* a, Object* b) {
  int64_t x, y;
  if (both_small(a, b, &x, &y)) return bool_result_or_int(a, b, x | y);
  INT_OPERANDS_OR_NOTIMPL(a, b);
  return new_int_from(prim::int_or(int_value(a), int_value(b)));
}
Object* int_xor(Object* a, Object* b) {
  int64_t x, y;
  if (both_small(a, b, &x, &y)) return bool_result_or_int(a, b, x ^ y);
  INT_OPERANDS_OR_NOTIMPL(a, b);
  return new_int_from(prim::int_xor(int_value(a), int_value(b)));
}

Object* int_neg(Object* a) {
  auto* i = static_cast<IntObject*>(a);
  if (!i->big && i->small != INT64_MIN) return new_int(-i->small);
  return new_int_from(prim::int_neg(int_value(a)));
}
Object* int_pos(Object* a) { return int_exact_copy(a); }
Object* int_invert(Object* a) {
  auto* i = static_cast<IntObject*>(a);
  if (!i->big) return new_int(~i->small);
  return new_int_from(prim::int_invert(int_value(a)));
}
// CPython: Objects/boolobject.c bool_invert (deprecated since 3.12)
Object* bool_invert(Object* a) {
  if (warn(&exc_DeprecationWarning,
           "Bitwise inversion '~' on bool is deprecated and will be removed in Python 3.16. This returns the "
           "bitwise inversion of the underlying int object and is usually not what you expect from negating a "
           "bool. Use the 'not' operator for boolean negation or ~int(x) if you really want the bitwise "
           "inversion of the underlying int.") < 0)
    return nullptr;
  return int_invert(a);
}
Object* int_abs(Object* a) {
  auto* i = static_cast<IntObject*>(a);
  if (!i->big && i->small != INT64_MIN) return new_int(i->small < 0 ? -i->small : i->small);
  return new_int_from(prim::int_abs(int_value(a)));
}
int int_bool(Object* a) {
  auto* i = static_cast<IntObject*>(a);
  return i->big ? 1 : i->small != 0;
}
Object* int_index(Object* a) { return int_exact_copy(a); }
Object* int_float(Object* a) {
  double d;
  if (!int_to_double(a, &d)) return nullptr;
  return new_float(d);
}

Object* int_richcompare(Object* a, Object* b, CompareOp op) {
  int c;
  if (is_int(b)) {
    int64_t x, y;
    if (both_small(a, b, &x, &y)) {
      c = (x > y) - (x < y);
    } else {
      auto o = int_value(a) <=> int_value(b);
      c = o < 0 ? -1 : o > 0 ? 1 : 0;
    }
  } else if (is_float(b)) {
    auto r = prim::int_compare_double(int_value(a), static_cast<FloatObject*>(b)->value);
    if (!r) return new_bool(op == CompareOp::ne);
    c = *r;
  } else {
    return new_ref(NotImplemented());
  }
  return compare_result(c, op);
}

Object* int_repr(Object* a) { return int_to_decimal_str(a); }
Object* bool_repr(Object* a) { return new_str(a == True() ? "True" : "False"); }

// CPython: Objects/longobject.c long_new_impl
Object* int_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  Object* x = nargs > 0 ? args[0] : nullptr;
  Object* base = nargs > 1 ? args[1] : nullptr;
  // x is positional-only, base positional-or-keyword (CPython's clinic signature).
  size_t given = nargs + (kwnames ? kwnames->items.size() : 0);
  // Without keywords clinic checks positionals alone (_PyArg_CheckPositional).
  if ((!kwnames || kwnames->items.empty()) && nargs > 2)
    return type_error(cat("int expected at most 2 arguments, got ", nargs));
  if (given > 2) return type_error(cat("int() takes at most 2 ", nargs == 0 ? "keyword " : "", "arguments (", given, " given)"));
  if (kwnames) {
    for (size_t i = 0; i < kwnames->items.size(); ++i) {
      std::string_view k = as_str(kwnames->items[i])->view();
      if (k != "base") return unexpected_keyword_error("int", k, {"base"}), nullptr;
      if (base) return type_error("argument for int() given by name ('base') and position (2)");
      base = args[nargs + i];
    }
  }
  if (!x) {
    if (base) return type_error("int() missing string argument");
    return new_int(0);
  }
  return int_from_object(x, base);
}

Object* bool_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (kwnames && !kwnames->items.empty()) return type_error("bool() takes no keyword arguments");
  if (nargs > 1) return type_error(cat("bool expected at most 1 argument, got ", nargs));
  if (nargs == 0) return new_bool(false);
  int t = object_is_true(args[0]);
  if (t < 0) return nullptr;
  return new_bool(t);
}

}  // namespace

Object* int_pow(Object* a, Object* b, Object* mod) {
  if (mod && mod != None()) {
    if (!is_int(mod)) return new_ref(NotImplemented());
    return from_result(prim::int_pow_mod(int_value(a), int_value(b), int_value(mod)));
  }
  if (int_sign(b) < 0) {
    double x, y;
    if (!int_to_double(a, &x) || !int_to_double(b, &y)) return nullptr;
    auto r = prim::float_pow(x, y);
    if (!r.ok()) return raise_prim_error(r.error());
    return new_float(r.value());
  }
  int64_t x, y;
  if (both_small(a, b, &x, &y) && y < 64) {
    int64_t r = 1, base = x;
    bool overflow = false;
    for (int64_t e = y; e > 0 && !overflow; e >>= 1) {
      if (e & 1) overflow |= __builtin_mul_overflow(r, base, &r);
      if (e > 1) overflow |= __builtin_mul_overflow(base, base, &base);
    }
    if (!overflow) return new_int(r);
  }
  return from_result(prim::int_pow(int_value(a), int_value(b)));
}

Object* int_divmod(Object* a, Object* b) {
  auto r = prim::int_divmod(int_value(a), int_value(b));
  if (!r.ok()) return raise_prim_error(r.error());
  Object* q = new_int_from(r.value().first);
  Object* m = new_int_from(r.value().second);
  std::vector<Object*> items{q, m};
  return new_tuple_steal(std::move(items));
}

Object* int_round(Object* v, Object* ndigits) {
  if (!ndigits || ndigits == None()) return int_exact_copy(v);
  if (!is_int(ndigits))
    return type_error(cat("'", ndigits->type->name, "' object cannot be interpreted as an integer"));
  return new_int_from(prim::int_round(int_value(v), int_value(ndigits)));
}

int64_t int_hash_slot(Object* o) { return int_hash(o); }

void init_int_float_types_int_part() {
  for (int64_t v = kSmallMin; v <= kSmallMax; ++v) {
    IntObject& i = small_ints[v - kSmallMin];
    i.refcnt = kImmortalRefcnt;
    i.type = &int_type;
    i.small = v;
  }
  make_static_type(&int_type, &type_type, "int", &object_type);
  make_static_type(&bool_type, &type_type, "bool", &int_type, 0);
  int_type.flags |= TypeFlags::int_subclass;
  bool_type.flags |= TypeFlags::int_subclass;
  for (TypeObject* t : {&int_type, &bool_type}) {
    t->tp_repr = t == &bool_type ? bool_repr : int_repr;
    t->tp_hash = int_hash_slot;
    t->tp_richcompare = int_richcompare;
    t->nb_bool = int_bool;
    t->nb_binary[int(BinaryOp::add)] = int_add;
    t->nb_binary[int(BinaryOp::sub)] = int_sub;
    t->nb_binary[int(BinaryOp::mul)] = int_mul;
    t->nb_binary[int(BinaryOp::floordiv)] = int_floordiv;
    t->nb_binary[int(BinaryOp::mod)] = int_mod;
    t->nb_binary[int(BinaryOp::truediv)] = int_truediv;
    t->nb_binary[int(BinaryOp::pow)] = int_pow_slot;
    t->nb_binary[int(BinaryOp::lshift)] = int_lshift;
    t->nb_binary[int(BinaryOp::rshift)] = int_rshift;
    t->nb_binary[int(BinaryOp::and_)] = int_and;
    t->nb_binary[int(BinaryOp::or_)] = int_or;
    t->nb_binary[int(BinaryOp::xor_)] = int_xor;
    t->nb_unary[int(UnaryOp::neg)] = int_neg;
    t->nb_unary[int(UnaryOp::pos)] = int_pos;
    t->nb_unary[int(UnaryOp::invert)] = int_invert;
    t->nb_abs = int_abs;
    t->nb_index = int_index;
    t->nb_int = int_index;
    t->nb_float = int_float;
    t->nb_ternary_pow = int_pow;
  }
  bool_type.nb_unary[int(UnaryOp::invert)] = bool_invert;
  int_type.tp_new = int_new;
  bool_type.tp_new = bool_new;
  for (IntObject* b : {&true_object, &false_object}) {
    b->refcnt = kImmortalRefcnt;
    b->type = &bool_type;
  }
  true_object.small = 1;
  false_object.small = 0;
}

}  // namespace gopy
