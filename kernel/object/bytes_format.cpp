// bytes % args: printf-style formatting of bytes and bytearray (CPython:
// Objects/bytesobject.c _PyBytes_FormatEx). Numbers are formatted through format()
// with the equivalent format spec.
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/bytes_internal.hpp"
#include "object/strcat.hpp"

namespace gopy {

namespace {

struct Spec {
  bool left = false, zero = false, plus = false, space = false, alt = false;
  ssize width = -1, precision = -1;
};

// The bytes %s/%b inserts: a bytes-like object or what __bytes__ returns.
bool bytes_operand(Object* v, std::string* out) {
  std::string_view view;
  if (bytes_like_view(v, &view)) {
    out->assign(view);
    return true;
  }
  int error = 0;
  if (Object* m = lookup_attr(v, intern("__bytes__"), &error)) {
    Object* r = call0(m);
    decref(m);
    if (!r) return false;
    bool ok = is_bytes(r);
    if (ok) out->assign(as_bytes(r)->data);
    else type_error(cat("__bytes__ returned non-bytes (type ", r->type->name, ")"));
    decref(r);
    return ok;
  }
  if (!error)
    type_error(cat("%b requires a bytes-like object, or an object that implements __bytes__, not '",
                   v->type->name, "'"));
  return false;
}

// format(v, spec) for a numeric conversion, as ASCII bytes.
bool number_operand(Object* v, char type, const Spec& s, std::string* out) {
  Object* num = nullptr;
  if (type == 'd' || type == 'i' || type == 'u' || type == 'x' || type == 'X' || type == 'o') {
    if (is_float(v)) num = int_from_object(v, nullptr);
    else if (v->type->nb_index) num = number_index(v);
    else {
      type_error(cat("%", std::string(1, type), " format: ",
                     type == 'd' || type == 'i' || type == 'u' ? "a real number" : "an integer",
                     " is required, not ", v->type->name));
      return false;
    }
    if (type == 'i' || type == 'u') type = 'd';
  } else {
    num = float_from_object(v);
  }
  if (!num) return false;
  std::string spec;
  if (s.left) spec += '<';
  if (s.plus) spec += '+';
  else if (s.space) spec += ' ';
  if (s.alt) spec += '#';
  if (s.zero && !s.left) spec += '0';
  if (s.width >= 0) spec += std::to_string(s.width);
  if (s.precision >= 0 && type != 'd' && type != 'x' && type != 'X' && type != 'o')
    spec += "." + std::to_string(s.precision);
  spec += type;
  Object* spec_obj = new_str(spec);
  Object* r = format_object(num, spec_obj);
  decref(spec_obj);
  decref(num);
  if (!r) return false;
  out->assign(as_str(r)->utf8);
  decref(r);
  return true;
}

}  // namespace

bool bytes_printf(std::string_view f, Object* args, std::string* out) {
  const bool mapping = is_dict(args);
  const bool is_tuple_args = is_tuple(args);
  size_t next_arg = 0;
  const size_t nargs = is_tuple_args ? static_cast<TupleObject*>(args)->items.size() : 1;
  auto take = [&]() -> Object* {
    if (next_arg >= nargs) {
      type_error("not enough arguments for format string");
      return nullptr;
    }
    Object* v = is_tuple_args ? static_cast<TupleObject*>(args)->items[next_arg] : args;
    ++next_arg;
    return v;
  };
  bool used_mapping = false;
  for (size_t i = 0; i < f.size();) {
    if (f[i] != '%') {
      out->push_back(f[i++]);
      continue;
    }
    ++i;  // the '%'
    Object* value = nullptr;
    Object* owned = nullptr;
    if (i < f.size() && f[i] == '(') {
      size_t close = f.find(')', i);
      if (close == std::string_view::npos) {
        value_error("incomplete format key");
        return false;
      }
      if (!mapping) {
        type_error("format requires a mapping");
        return false;
      }
      Object* key = new_bytes(f.substr(i + 1, close - i - 1));
      owned = get_item(args, key);
      decref(key);
      if (!owned) return false;
      value = owned;
      used_mapping = true;
      i = close + 1;
    }
    Spec s;
    for (; i < f.size(); ++i) {
      char c = f[i];
      if (c == '-') s.left = true;
      else if (c == '0') s.zero = true;
      else if (c == '+') s.plus = true;
      else if (c == ' ') s.space = true;
      else if (c == '#') s.alt = true;
      else break;
    }
    auto number = [&](ssize* target) {
      if (i < f.size() && f[i] == '*') {
        ++i;
        Object* w = take();
        return w && index_as_ssize(w, target);
      }
      if (i < f.size() && f[i] >= '0' && f[i] <= '9') {
        *target = 0;
        while (i < f.size() && f[i] >= '0' && f[i] <= '9') *target = *target * 10 + (f[i++] - '0');
      }
      return true;
    };
    if (!number(&s.width)) return false;
    if (i < f.size() && f[i] == '.') {
      ++i;
      s.precision = 0;
      if (!number(&s.precision)) return false;
    }
    while (i < f.size() && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L')) ++i;
    if (i >= f.size()) {
      xdecref(owned);
      value_error("incomplete format");
      return false;
    }
    char type = f[i++];
    if (type == '%') {
      out->push_back('%');
      continue;
    }
    if (!value && !(value = take())) return false;
    std::string piece;
    bool ok = true;
    switch (type) {
      case 's':
      case 'b':
        ok = bytes_operand(value, &piece);
        if (ok && s.precision >= 0 && ssize(piece.size()) > s.precision) piece.resize(size_t(s.precision));
        break;
      case 'r':
      case 'a': {
        Object* r = object_repr(value);
        ok = r != nullptr;
        if (ok) {
          // ascii(): non-ASCII characters escaped as in repr.
          for (char32_t c : as_str(r)->cps()) {
            if (c < 0x80) piece += char(c);
            else {
              char buf[16];
              std::snprintf(buf, sizeof buf, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x",
                            unsigned(c));
              piece += buf;
            }
          }
          decref(r);
          if (s.precision >= 0 && ssize(piece.size()) > s.precision) piece.resize(size_t(s.precision));
        }
        break;
      }
      case 'c': {
        std::string_view one;
        if (bytes_like_view(value, &one) && !is_memoryview(value)) {
          if (one.size() != 1) {
            type_error("%c requires an integer in range(256) or a single byte");
            ok = false;
          } else piece.assign(one);
        } else {
          ssize v;
          ok = index_as_ssize(value, &v);
          if (ok && (v < 0 || v > 255)) {
            overflow_error("%c arg not in range(256)");
            ok = false;
          }
          if (ok) piece.assign(1, char(v));
        }
        break;
      }
      case 'd': case 'i': case 'u': case 'o': case 'x': case 'X':
      case 'e': case 'E': case 'f': case 'F': case 'g': case 'G':
        ok = number_operand(value, type, s, &piece);
        s.width = -1;  // the format spec already padded it
        break;
      default:
        xdecref(owned);
        value_error(cat("unsupported format character '", std::string(1, type), "' (0x",
                        std::string(1, "0123456789abcdef"[(static_cast<unsigned char>(type) >> 4)]),
                        std::string(1, "0123456789abcdef"[type & 0xF]), ") at index ", i - 1));
        return false;
    }
    xdecref(owned);
    if (!ok) return false;
    if (s.width > ssize(piece.size())) {
      std::string pad(size_t(s.width) - piece.size(), ' ');
      piece = s.left ? piece + pad : pad + piece;
    }
    out->append(piece);
  }
  if (!mapping && !used_mapping && next_arg < nargs) {
    type_error("not all arguments converted during bytes formatting");
    return false;
  }
  return true;
}

}  // namespace gopy
