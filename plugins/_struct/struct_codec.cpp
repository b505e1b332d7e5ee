// Packing and unpacking one format character's values: integers with CPython's range
// errors, bool, char and the byte strings, IEEE half, single and double floats, and the
// complex formats (CPython: Modules/_struct.c, the np_*, lp_*, bp_* and nu_* functions,
// PyFloat_Pack2/Unpack2).
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>

#include "gopy/object_complex.hpp"
#include "struct_internal.hpp"

namespace gopy::structmod {
namespace {

bool is_signed(char c) { return c == 'b' || c == 'h' || c == 'i' || c == 'l' || c == 'q' || c == 'n'; }

void store(char* p, uint64_t v, size_t size, bool little) {
  for (size_t i = 0; i < size; ++i) {
    unsigned char byte = static_cast<unsigned char>(v >> (8 * i));
    p[little ? i : size - 1 - i] = static_cast<char>(byte);
  }
}

uint64_t load(const char* p, size_t size, bool little) {
  uint64_t v = 0;
  for (size_t i = 0; i < size; ++i) {
    unsigned char byte = static_cast<unsigned char>(p[little ? i : size - 1 - i]);
    v |= uint64_t(byte) << (8 * i);
  }
  return v;
}

bool range_error(char c, size_t size) {
  uint64_t ulargest = size == 8 ? std::numeric_limits<uint64_t>::max() : (uint64_t(1) << (8 * size)) - 1;
  if (is_signed(c)) {
    int64_t largest = int64_t(ulargest >> 1);
    struct_error(std::string("'") + c + "' format requires " + std::to_string(-largest - 1) + " <= number <= " +
                 std::to_string(largest));
  } else {
    struct_error(std::string("'") + c + "' format requires 0 <= number <= " + std::to_string(ulargest));
  }
  return false;
}

// An int argument (or one with __index__) as the bits of a `size`-byte integer.
bool get_integer(Object* v, char c, size_t size, uint64_t* bits) {
  Ref<> n;
  if (is_int(v)) {
    n = Ref<>::borrow(v);
  } else if (v->type->nb_index) {
    n = Ref<>::steal(number_index(v));
    if (!n) return false;
  } else {
    struct_error("required argument is not an integer");
    return false;
  }
  int64_t s = 0;
  bool fits64 = int_to_int64(n.get(), &s);
  if (c == 'P') {
    // A pointer takes any C long long or unsigned long long, a negative one wrapping
    // (CPython: PyLong_AsVoidPtr; s_pack_internal renames its OverflowError).
    if (fits64) {
      *bits = uint64_t(s);
      return true;
    }
    std::string hex = int_sign(n.get()) < 0 ? "" : int_to_base_string(n.get(), 16, false);
    if (hex.empty() || hex.size() > 16) {
      struct_error("int too large to convert");
      return false;
    }
    *bits = std::stoull(hex, nullptr, 16);
    return true;
  }
  if (is_signed(c)) {
    if (!fits64) return range_error(c, size);
    if (size < 8) {
      int64_t largest = (int64_t(1) << (8 * size - 1)) - 1;
      if (s > largest || s < -largest - 1) return range_error(c, size);
    }
    *bits = uint64_t(s);
    return true;
  }
  if (fits64) {
    if (s < 0) return range_error(c, size);
    if (size < 8 && uint64_t(s) >> (8 * size)) return range_error(c, size);
    *bits = uint64_t(s);
    return true;
  }
  // Past int64: unsigned 64-bit values only.
  if (int_sign(n.get()) < 0 || size < 8) return range_error(c, size);
  std::string hex = int_to_base_string(n.get(), 16, false);
  if (hex.size() > 16) return range_error(c, size);
  *bits = std::stoull(hex, nullptr, 16);
  return true;
}

// CPython's PyFloat_AsDouble (a float, __float__ or __index__), any failure reported as
// struct.error (CPython: Modules/_struct.c get_float... "required argument is not a float").
bool get_double(Object* v, double* out) {
  if (is_float(v)) {
    *out = static_cast<FloatObject*>(v)->value;
    return true;
  }
  Ref<> f;
  if (is_int(v) || v->type->nb_float || v->type->nb_index) f = Ref<>::steal(float_from_object(v));
  if (!f || !is_float(f.get())) {
    clear_error();
    struct_error("required argument is not a float");
    return false;
  }
  *out = static_cast<FloatObject*>(f.get())->value;
  return true;
}

// IEEE 754 binary16 from a double, rounding half to even (CPython: PyFloat_Pack2).
bool pack_half(double x, uint16_t* out) {
  uint16_t sign = std::signbit(x) ? 0x8000 : 0;
  if (std::isnan(x)) {
    *out = sign | 0x7E00;
    return true;
  }
  if (std::isinf(x)) {
    *out = sign | 0x7C00;
    return true;
  }
  double a = std::fabs(x);
  if (a == 0) {
    *out = sign;
    return true;
  }
  int e = 0;
  double f = std::frexp(a, &e);  // a = f * 2^e, 0.5 <= f < 1
  // Normalized: 1.m * 2^(e-1), exponent bias 15.
  int exp = e - 1;
  uint32_t bits;
  if (exp < -14) {
    // Subnormal: a / 2^-24, rounded.
    double scaled = std::ldexp(a, 24);
    double r = std::nearbyint(scaled);  // the default rounding mode: half to even
    bits = uint32_t(r);                 // may round up to the smallest normal (0x400)
  } else {
    double mant = std::ldexp(f * 2 - 1, 10);  // 10 bits of fraction
    double r = std::nearbyint(mant);
    uint32_t m = uint32_t(r);
    if (m == 0x400) {
      m = 0;
      ++exp;
    }
    if (exp > 15) return false;
    bits = (uint32_t(exp + 15) << 10) | m;
  }
  if (bits >= 0x7C00) return false;
  *out = uint16_t(sign | bits);
  return true;
}

double unpack_half(uint16_t h) {
  int sign = h >> 15;
  int exp = (h >> 10) & 0x1F;
  int mant = h & 0x3FF;
  double v;
  if (exp == 0x1F)
    v = mant ? std::numeric_limits<double>::quiet_NaN() : std::numeric_limits<double>::infinity();
  else if (exp == 0)
    v = std::ldexp(double(mant), -24);
  else
    v = std::ldexp(double(mant | 0x400), exp - 25);
  return sign ? -v : v;
}

bool pack_float(char c, Object* v, char* p, bool little) {
  double x = 0;
  if (!get_double(v, &x)) return false;
  if (c == 'e') {
    uint16_t h = 0;
    if (!pack_half(x, &h)) {
      overflow_error("float too large to pack with e format");
      return false;
    }
    store(p, h, 2, little);
  } else if (c == 'f') {
    float f = float(x);
    if (std::isinf(f) && !std::isinf(x)) {
      overflow_error("float too large to pack with f format");
      return false;
    }
    uint32_t bits;
    std::memcpy(&bits, &f, 4);
    store(p, bits, 4, little);
  } else {
    uint64_t bits;
    std::memcpy(&bits, &x, 8);
    store(p, bits, 8, little);
  }
  return true;
}

double unpack_float(char c, const char* p, bool little) {
  if (c == 'e') return unpack_half(uint16_t(load(p, 2, little)));
  if (c == 'f') {
    uint32_t bits = uint32_t(load(p, 4, little));
    float f;
    std::memcpy(&f, &bits, 4);
    return f;
  }
  uint64_t bits = load(p, 8, little);
  double d;
  std::memcpy(&d, &bits, 8);
  return d;
}

bool pack_one(const Layout& layout, char c, size_t size, Object* v, char* p) {
  bool little = layout.little_endian;
  switch (c) {
    case '?': {
      int t = object_is_true(v);
      if (t < 0) return false;
      *p = char(t);
      return true;
    }
    case 'c': {
      std::string_view data;
      if ((!is_bytes(v) && !is_bytearray(v)) || !bytes_like_view(v, &data) || data.size() != 1) {
        struct_error("char format requires a bytes object of length 1");
        return false;
      }
      *p = data[0];
      return true;
    }
    case 'e': case 'f': case 'd':
      return pack_float(c, v, p, little);
    case 'F': case 'D': {
      double re = 0, im = 0;
      if (is_complex(v)) {
        re = static_cast<ComplexObject*>(v)->real;
        im = static_cast<ComplexObject*>(v)->imag;
      } else if (!get_double(v, &re)) {
        clear_error();
        struct_error("required argument is not a complex");
        return false;
      }
      Ref<> r = Ref<>::steal(new_float(re)), i = Ref<>::steal(new_float(im));
      char part = c == 'F' ? 'f' : 'd';
      return pack_float(part, r.get(), p, little) && pack_float(part, i.get(), p + size / 2, little);
    }
    default: {
      uint64_t bits = 0;
      if (!get_integer(v, c, size, &bits)) return false;
      store(p, bits, size, little);
      return true;
    }
  }
}

Object* unpack_one(const Layout& layout, char c, size_t size, const char* p) {
  bool little = layout.little_endian;
  switch (c) {
    case '?': return new_bool(*p != 0);
    case 'c': return new_bytes(std::string_view(p, 1));
    case 'e': case 'f': case 'd': return new_float(unpack_float(c, p, little));
    case 'F': case 'D': {
      char part = c == 'F' ? 'f' : 'd';
      return new_complex(unpack_float(part, p, little), unpack_float(part, p + size / 2, little));
    }
    default: {
      uint64_t bits = load(p, size, little);
      if (is_signed(c)) {
        if (size < 8 && (bits >> (8 * size - 1)) & 1) bits |= ~uint64_t(0) << (8 * size);  // sign-extend
        return new_int(int64_t(bits));
      }
      if (bits <= uint64_t(std::numeric_limits<int64_t>::max())) return new_int(int64_t(bits));
      return int_from_digits(std::to_string(bits), 10);
    }
  }
}

}  // namespace

bool pack_values(const Layout& layout, Object* const* values, char* out) {
  size_t k = 0;
  for (const Code& code : layout.codes) {
    char* p = out + code.offset;
    if (code.format == 'x') continue;
    if (code.format == 's' || code.format == 'p') {
      Object* v = values[k++];
      std::string_view data;
      if ((!is_bytes(v) && !is_bytearray(v)) || !bytes_like_view(v, &data)) {
        struct_error(std::string("argument for '") + code.format + "' must be a bytes object");
        return false;
      }
      if (code.format == 's') {
        std::memcpy(p, data.data(), std::min(data.size(), code.count));
      } else if (code.count > 0) {
        size_t n = std::min({data.size(), code.count - 1, size_t(255)});
        std::memcpy(p + 1, data.data(), n);
        *p = char(n);
      }
      continue;
    }
    for (size_t i = 0; i < code.count; ++i, p += code.size)
      if (!pack_one(layout, code.format, code.size, values[k++], p)) return false;
  }
  return true;
}

Object* unpack_values(const Layout& layout, const char* data) {
  std::vector<Object*> items;
  items.reserve(layout.items);
  auto fail = [&]() -> Object* {
    for (Object* o : items) decref(o);
    return nullptr;
  };
  for (const Code& code : layout.codes) {
    const char* p = data + code.offset;
    if (code.format == 'x') continue;
    if (code.format == 's') {
      items.push_back(new_bytes(std::string_view(p, code.count)));
      continue;
    }
    if (code.format == 'p') {
      size_t n = code.count ? std::min(size_t(static_cast<unsigned char>(*p)), code.count - 1) : 0;
      items.push_back(new_bytes(std::string_view(code.count ? p + 1 : p, n)));
      continue;
    }
    for (size_t i = 0; i < code.count; ++i, p += code.size) {
      Object* v = unpack_one(layout, code.format, code.size, p);
      if (!v) return fail();
      items.push_back(v);
    }
  }
  return new_tuple_steal(std::move(items));
}

}  // namespace gopy::structmod
