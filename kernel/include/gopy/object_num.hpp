// int, bool and float objects (CPython: Objects/longobject.c, boolobject.c, floatobject.c).
// An int keeps values that fit in int64 inline (the fast path); larger ones live in a
// BigInt (Boost.Multiprecision cpp_int, kept out of this header so few files include it).
#pragma once
#include "gopy/api_begin.h"

#include <cstdint>
#include <string>

#include "gopy/object.hpp"

namespace gopy {

struct BigInt;  // defined in kernel/object/int_big.hpp

struct IntObject : Object {
  int64_t small = 0;       // the value when big == nullptr
  BigInt* big = nullptr;   // owned; only for values outside int64
  IntObject() = default;
  explicit IntObject(int64_t v) : Object(&int_type), small(v) {}
  ~IntObject() override;
};

struct FloatObject : Object {
  double value;
  explicit FloatObject(double v) : Object(&float_type), value(v) {}
};

extern IntObject true_object, false_object;
inline Object* True() { return &true_object; }
inline Object* False() { return &false_object; }
inline Object* new_bool(bool b) { return new_ref(b ? True() : False()); }

inline bool is_int(const Object* o) { return o->type == &int_type || o->type == &bool_type || (o->type->flags & TypeFlags::int_subclass); }
inline bool is_float(const Object* o) { return o->type == &float_type || (o->type->flags & TypeFlags::float_subclass); }
inline bool int_is_small(const Object* o) { return static_cast<const IntObject*>(o)->big == nullptr; }
inline int64_t int_small_value(const Object* o) { return static_cast<const IntObject*>(o)->small; }

// A new int (small ints -5..256 are shared immortals).
Object* new_int(int64_t v);
Object* new_float(double v);
// int from decimal/other-base digits (underscores already removed). Null + error on bad text.
Object* int_from_digits(std::string_view digits, int base);
// Converts an int to int64; false (no exception) when it does not fit.
bool int_to_int64(Object* o, int64_t* out);
// int -> double, OverflowError "int too large to convert to float" when out of range.
bool int_to_double(Object* o, double* out);
// Exact int from a finite double (truncation); OverflowError/ValueError for inf/nan.
Object* int_from_double(double d);
// Decimal text of an int (checks int_max_str_digits as CPython does).
Object* int_to_decimal_str(Object* o);
// Text in base 2/8/16 with prefix ("0b101", "-0x1f").
std::string int_to_base_string(Object* o, int base, bool prefix);
int int_sign(Object* o);
Object* int_pow(Object* a, Object* b, Object* mod);
Object* int_divmod(Object* a, Object* b);  // a tuple
int64_t int_hash(Object* o);
int64_t float_hash(double v);
// The int value of a bool/int subclass instance as a plain int.
Object* int_exact_copy(Object* o);
Object* float_repr_str(double v);          // shortest round-trip repr as a str
std::string float_repr(double v);
Object* float_round(double v, Object* ndigits);  // round(x, n)
Object* int_round(Object* v, Object* ndigits);
// float(x) / int(x, base) construction from any object, with CPython's messages.
Object* float_from_object(Object* o);
Object* int_from_object(Object* o, Object* base);
// CPython: PyFloat_AsDouble (false with the error set).
bool float_as_double(Object* v, double* out);
// Number -> double for mixed arithmetic (int or float); false without error when not a number.
bool number_as_double(Object* o, double* out, bool* error);

}  // namespace gopy
#include "gopy/api_end.h"
