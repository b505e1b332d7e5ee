// printf-style formatting, str % args and bytes % args, by one engine over code units
// (a byte is the code unit of bytes). CPython: Objects/unicodeobject.c PyUnicode_Format
// and its helpers unicode_format_arg_parse/_format/_output; Objects/bytesobject.c
// _PyBytes_FormatEx, whose conversions and messages differ where noted.
#include <climits>

#include "gopy/object.hpp"
#include "gopy/object_ascii.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/bytes_internal.hpp"
#include "object/percent_format.hpp"
#include "object/prim/double_to_string.hpp"
#include "object/strcat.hpp"

namespace gopy {

namespace {

constexpr unsigned kLeft = 1, kSign = 2, kBlank = 4, kAlt = 8, kZero = 16;

// One conversion: "%(key)-+ #0*.*ld".
struct Conversion {
  char32_t ch = 0;
  unsigned flags = 0;
  ssize width = -1;
  int precision = -1;
  bool numeric = false;  // a sign may be written (CPython: arg->sign)
};

// The argument cursor: a tuple is consumed item by item; anything else is one argument.
// After "%(key)", the looked-up value becomes the single argument.
// CPython: Objects/unicodeobject.c unicode_format_getnextarg
struct Arguments {
  Object* args;
  Object* owned = nullptr;  // the value of the last "%(key)" lookup
  Object* mapping = nullptr;
  ssize count, next;

  Arguments(Object* a, bool bytes) : args(a) {
    if (is_tuple(a)) {
      count = ssize(static_cast<TupleObject*>(a)->items.size());
      next = 0;
    } else {
      count = -1;
      next = -2;
    }
    // CPython: PyMapping_Check(args) && !PyTuple_Check(args) && !PyUnicode_Check(args)
    // (bytes: nor bytes or bytearray either)
    if (a->type->mp_subscript && !is_tuple(a) && !is_str(a) && !(bytes && (is_bytes(a) || is_bytearray(a))))
      mapping = a;
  }
  ~Arguments() { xdecref(owned); }

  Object* take() {
    if (next < count) {
      ssize i = next++;
      return count < 0 ? args : static_cast<TupleObject*>(args)->items[size_t(i)];
    }
    return type_error("not enough arguments for format string");
  }

  bool use_key(Object* key) {
    Object* v = get_item(mapping, key);
    if (!v) return false;
    xdecref(owned);
    owned = args = v;
    count = -1;
    next = -2;
    return true;
  }

  bool unused() const { return next < count; }
};

// A '*' width or precision argument must be an int.
bool star_argument(Arguments& args, ssize* out) {
  Object* v = args.take();
  if (!v) return false;
  if (!is_int(v)) {
    type_error("* wants int");
    return false;
  }
  return index_as_ssize(v, out);
}

// Parses the flags, width, precision and conversion character after '%' (and its key).
// `pos` indexes the character after '%' and ends after the conversion character.
// CPython: Objects/unicodeobject.c unicode_format_arg_parse
bool parse_conversion(std::u32string_view f, size_t& pos, Arguments& args, Conversion& c, bool bytes) {
  auto at_end = [&] { return pos >= f.size(); };
  if (!at_end() && f[pos] == '(') {
    if (!args.mapping) {
      type_error("format requires a mapping");
      return false;
    }
    size_t start = ++pos;
    int depth = 1;
    for (; !at_end() && depth > 0; ++pos) {
      if (f[pos] == ')') --depth;
      else if (f[pos] == '(') ++depth;
    }
    if (depth > 0) {
      value_error("incomplete format key");
      return false;
    }
    std::u32string key_text(f.substr(start, pos - 1 - start));
    Object* key;
    if (bytes) {
      std::string raw(key_text.begin(), key_text.end());
      key = new_bytes(raw);
    } else {
      key = new_str_from_cps(key_text);
    }
    bool ok = args.use_key(key);
    decref(key);
    if (!ok) return false;
  }
  for (; !at_end(); ++pos) {
    char32_t ch = f[pos];
    unsigned flag = ch == '-' ? kLeft : ch == '+' ? kSign : ch == ' ' ? kBlank : ch == '#' ? kAlt : ch == '0' ? kZero : 0;
    if (!flag) break;
    c.flags |= flag;
  }
  if (!at_end() && f[pos] == '*') {
    ++pos;
    if (!star_argument(args, &c.width)) return false;
    if (c.width < 0) {
      c.flags |= kLeft;
      c.width = -c.width;
    }
  } else if (!at_end() && f[pos] >= '0' && f[pos] <= '9') {
    c.width = 0;
    for (; !at_end() && f[pos] >= '0' && f[pos] <= '9'; ++pos) {
      int digit = int(f[pos] - '0');
      if (c.width > (PTRDIFF_MAX - digit) / 10) {
        value_error("width too big");
        return false;
      }
      c.width = c.width * 10 + digit;
    }
  }
  if (!at_end() && f[pos] == '.') {
    ++pos;
    c.precision = 0;
    if (!at_end() && f[pos] == '*') {
      ++pos;
      ssize p;
      if (!star_argument(args, &p)) return false;
      if (p > INT_MAX || p < INT_MIN) {
        overflow_error("Python int too large to convert to C int");
        return false;
      }
      c.precision = p < 0 ? 0 : int(p);
    } else {
      for (; !at_end() && f[pos] >= '0' && f[pos] <= '9'; ++pos) {
        int digit = int(f[pos] - '0');
        if (c.precision > (INT_MAX - digit) / 10) {
          value_error(bytes ? "prec too big" : "precision too big");
          return false;
        }
        c.precision = c.precision * 10 + digit;
      }
    }
  }
  if (!at_end() && (f[pos] == 'h' || f[pos] == 'l' || f[pos] == 'L')) ++pos;
  if (at_end()) {
    value_error("incomplete format");
    return false;
  }
  c.ch = f[pos++];
  return true;
}

// The digits of an int for d/i/u/o/x/X: sign, the "0x"/"0o" prefix under '#', and at least
// `precision` digits. CPython: Objects/unicodeobject.c _PyUnicode_FormatLong
Object* format_long(Object* v, const Conversion& c) {
  std::string text;
  if (c.ch == 'o' || c.ch == 'x' || c.ch == 'X') {
    text = int_to_base_string(v, c.ch == 'o' ? 8 : 16, true);
  } else {
    Object* s = int_to_decimal_str(v);
    if (!s) return nullptr;
    text = as_str(s)->utf8;
    decref(s);
  }
  size_t sign = text[0] == '-' ? 1 : 0;
  size_t prefix = (c.ch == 'd' || c.ch == 'i' || c.ch == 'u') ? 0 : 2;
  if (prefix && !(c.flags & kAlt)) {
    text.erase(sign, 2);
    prefix = 0;
  }
  size_t digits = text.size() - sign - prefix;
  if (c.precision > 0 && size_t(c.precision) > digits) text.insert(sign + prefix, size_t(c.precision) - digits, '0');
  if (c.ch == 'X')
    for (char& ch : text)
      if (ch >= 'a' && ch <= 'x') ch = char(ch - 'a' + 'A');
  return new_str(text);
}

std::nullptr_t wrong_number_type(char32_t ch, Object* v) {
  bool integer_only = ch == 'o' || ch == 'x' || ch == 'X';
  return type_error(cat("%", char(ch), " format: ", integer_only ? "an integer" : "a real number",
                        " is required, not ", v->type->name));
}

// CPython: Objects/unicodeobject.c mainformatlong
Object* format_integer(Object* v, const Conversion& c) {
  bool number = v->type->nb_index || v->type->nb_int || v->type->nb_float;
  if (!number) return wrong_number_type(c.ch, v);
  Object* i;
  if (is_int(v)) i = new_ref(v);
  else if (c.ch == 'o' || c.ch == 'x' || c.ch == 'X') i = v->type->nb_index ? number_index(v) : nullptr;
  else i = int_from_object(v, nullptr);
  if (!i) {
    if (!error_occurred() || error_matches(&exc_TypeError)) {
      clear_error();
      return wrong_number_type(c.ch, v);
    }
    return nullptr;
  }
  Object* r = format_long(i, c);
  decref(i);
  return r;
}

// The double a float conversion formats (CPython: Objects/floatobject.c PyFloat_AsDouble;
// bytes replace its error with "float argument required, not T").
bool real_value(Object* v, double* out, bool bytes) {
  if (bytes && !is_float(v) && !v->type->nb_float && !v->type->nb_index) {
    type_error(cat("float argument required, not ", v->type->name));
    return false;
  }
  return float_as_double(v, out);
}

// CPython: Objects/unicodeobject.c formatfloat
Object* format_real(Object* v, const Conversion& c, bool bytes) {
  double x;
  if (!real_value(v, &x, bytes)) return nullptr;
  int precision = c.precision < 0 ? 6 : c.precision;
  return new_str(prim::double_to_string(x, char(c.ch), precision, (c.flags & kAlt) ? prim::kDtsfAlt : 0));
}

// CPython: Objects/unicodeobject.c formatchar
Object* format_char(Object* v) {
  if (is_str(v)) {
    if (as_str(v)->length == 1) return new_ref(v);
    return type_error(cat("%c requires an int or a unicode character, not a string of length ", as_str(v)->length));
  }
  if (!v->type->nb_index) return type_error(cat("%c requires an int or a unicode character, not ", v->type->name));
  Object* i = number_index(v);
  if (!i) return nullptr;
  int64_t cp;
  bool fits = int_to_int64(i, &cp);
  decref(i);
  if (!fits || cp < 0 || cp > 0x10FFFF) return overflow_error("%c arg not in range(0x110000)");
  return new_str_from_cp(char32_t(cp));
}

// bytes' %c: an int in range(256) or a single byte. CPython: Objects/bytesobject.c byte_converter
bool byte_char(Object* v, std::u32string* text) {
  if (is_bytes(v) || is_bytearray(v)) {
    std::string_view data = bytes_family_data(v);
    if (data.size() != 1) {
      type_error(cat("%c requires an integer in range(256) or a single byte, not a ", v->type->name,
                     " object of length ", data.size()));
      return false;
    }
    *text = char32_t(static_cast<unsigned char>(data[0]));
    return true;
  }
  if (!v->type->nb_index) {
    type_error(cat("%c requires an integer in range(256) or a single byte, not ", v->type->name));
    return false;
  }
  Object* i = number_index(v);
  if (!i) return false;
  int64_t b;
  bool fits = int_to_int64(i, &b);
  decref(i);
  if (!fits || b < 0 || b > 255) {
    overflow_error("%c arg not in range(256)");
    return false;
  }
  *text = char32_t(b);
  return true;
}

// bytes' %s/%b: a bytes-like object or what __bytes__ returns.
// CPython: Objects/bytesobject.c format_obj
bool bytes_operand(Object* v, std::u32string* text) {
  std::string_view view;
  Object* owned = nullptr;
  if (!bytes_like_view(v, &view)) {
    int error = 0;
    Object* m = lookup_attr(v, intern("__bytes__"), &error);
    if (!m) {
      if (!error)
        type_error(cat("%b requires a bytes-like object, or an object that implements __bytes__, not '",
                       v->type->name, "'"));
      return false;
    }
    owned = call0(m);
    decref(m);
    if (!owned) return false;
    if (!is_bytes(owned)) {
      type_error(cat("__bytes__ returned non-bytes (type ", owned->type->name, ")"));
      decref(owned);
      return false;
    }
    view = as_bytes(owned)->data;
  }
  text->clear();
  for (char ch : view) *text += char32_t(static_cast<unsigned char>(ch));
  xdecref(owned);
  return true;
}

// The text of one conversion. CPython: Objects/unicodeobject.c unicode_format_arg_format
bool format_argument(Object* v, Conversion& c, size_t index, bool bytes, std::u32string* text) {
  Object* r;
  switch (c.ch) {
    case 's':
      if (bytes) return bytes_operand(v, text);
      r = object_str(v);
      break;
    case 'b':
      if (!bytes) goto unsupported;
      return bytes_operand(v, text);
    case 'r':
      r = bytes ? object_ascii(v) : object_repr(v);
      break;
    case 'a': r = object_ascii(v); break;
    case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
      c.numeric = true;
      r = format_integer(v, c);
      break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
      c.numeric = true;
      r = format_real(v, c, bytes);
      break;
    case 'c':
      if (bytes) return byte_char(v, text);
      r = format_char(v);
      break;
    default:
    unsupported: {
      const char* hex = "0123456789abcdef";
      std::string code;
      for (unsigned n = unsigned(c.ch); n || code.empty(); n >>= 4) code.insert(code.begin(), hex[n & 15]);
      value_error(cat("unsupported format character '", (c.ch >= 32 && c.ch <= 126) ? char(c.ch) : '?',
                      "' (0x", code, ") at index ", index));
      return false;
    }
  }
  if (!r) return false;
  *text = as_str(r)->cps();
  decref(r);
  return true;
}

// Pads one converted argument into `out`: the sign and the "0x" prefix go before zero
// padding and after space padding. CPython: Objects/unicodeobject.c unicode_format_arg_output
void write_padded(std::u32string& out, std::u32string_view text, Conversion& c) {
  size_t len = text.size();
  if ((c.ch == 's' || c.ch == 'r' || c.ch == 'a') && c.precision >= 0 && len > size_t(c.precision))
    len = size_t(c.precision);
  const char32_t fill = c.numeric && (c.flags & kZero) ? U'0' : U' ';
  size_t at = 0;
  char32_t sign = 0;
  if (c.numeric && len) {
    if (text[0] == '-' || text[0] == '+') {
      sign = text[0];
      ++at;
      --len;
    } else if (c.flags & kSign) sign = '+';
    else if (c.flags & kBlank) sign = ' ';
  }
  ssize width = c.width < ssize(len) ? ssize(len) : c.width;
  if (sign) {
    if (fill != U' ') out += sign;
    if (width > ssize(len)) --width;
  }
  const bool prefix = (c.flags & kAlt) && (c.ch == 'x' || c.ch == 'X' || c.ch == 'o');
  if (prefix) {
    if (fill != U' ') out.append(text.substr(at, 2));
    width = width < 2 ? 0 : width - 2;
    len -= 2;
  }
  if (width > ssize(len) && !(c.flags & kLeft)) {
    out.append(size_t(width) - len, fill);
    width = ssize(len);
  }
  if (fill == U' ') {
    if (sign) out += sign;
    if (prefix) out.append(text.substr(at, 2));
  }
  if (prefix) at += 2;
  out.append(text.substr(at, len));
  if (width > ssize(len)) out.append(size_t(width) - len, U' ');
}

// The engine: `f` is the format's code units, the result's are appended to `out`.
// CPython: Objects/unicodeobject.c PyUnicode_Format, Objects/bytesobject.c _PyBytes_FormatEx
bool printf_units(std::u32string_view f, Object* values, bool bytes, std::u32string& out) {
  const char* unconverted = bytes ? "not all arguments converted during bytes formatting"
                                  : "not all arguments converted during string formatting";
  Arguments args(values, bytes);
  out.reserve(f.size() + 16);
  for (size_t pos = 0; pos < f.size();) {
    size_t percent = f.find(U'%', pos);
    if (percent == std::u32string_view::npos) percent = f.size();
    out.append(f.substr(pos, percent - pos));
    if (percent == f.size()) break;
    pos = percent + 1;
    if (pos < f.size() && f[pos] == '%') {
      out += U'%';
      ++pos;
      continue;
    }
    Conversion c;
    if (!parse_conversion(f, pos, args, c, bytes)) return false;
    Object* v = args.take();
    if (!v) return false;
    std::u32string text;
    if (!format_argument(v, c, pos - 1, bytes, &text)) return false;
    write_padded(out, text, c);
    if (args.mapping && args.unused()) {
      type_error(unconverted);
      return false;
    }
  }
  if (args.unused() && !args.mapping) {
    type_error(unconverted);
    return false;
  }
  return true;
}

}  // namespace

Object* str_printf(StrObject* format, Object* values) {
  std::u32string out;
  if (!printf_units(format->cps(), values, false, out)) return nullptr;
  return new_str_from_cps(out);
}

bool bytes_printf(std::string_view format, Object* values, std::string* out) {
  std::u32string units;
  for (char ch : format) units += char32_t(static_cast<unsigned char>(ch));
  std::u32string result;
  if (!printf_units(units, values, true, result)) return false;
  out->clear();
  for (char32_t u : result) *out += char(u);  // every unit is a byte
  return true;
}

}  // namespace gopy
