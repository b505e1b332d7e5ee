// The JSON decoder: a recursive-descent scanner over a str's UTF-8 text that builds dicts,
// lists, strs, ints and floats directly; only the hooks (object_hook, object_pairs_hook,
// parse_float, parse_int, parse_constant) call back into Python. Positions in errors and
// results are code point indices, as CPython's (CPython: Modules/_json.c scan_once_unicode,
// _parse_object_unicode, _parse_array_unicode, _match_number_unicode, scanstring_unicode).
#include <charconv>
#include <cmath>
#include <cstdlib>
#include <string>
#include <unordered_map>

#include "json_internal.hpp"

namespace gopy::json {
namespace {

inline bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
inline bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Code point index <-> byte offset in a str's UTF-8.
size_t byte_to_cp(const StrObject* s, size_t byte) {
  if (s->ascii) return byte;
  size_t n = 0;
  const std::string& t = s->utf8;
  for (size_t i = 0; i < byte && i < t.size(); ++i) n += (static_cast<unsigned char>(t[i]) & 0xC0) != 0x80;
  return n;
}
size_t cp_to_byte(const StrObject* s, size_t cp) {
  if (s->ascii) return cp;
  const std::string& t = s->utf8;
  size_t i = 0;
  for (size_t n = 0; i < t.size(); ++i) {
    if ((static_cast<unsigned char>(t[i]) & 0xC0) != 0x80) {
      if (n == cp) return i;
      ++n;
    }
  }
  return i;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Four hex digits at p (the caller checked they are there), or -1.
int32_t hex4(const char* p) {
  int32_t v = 0;
  for (int i = 0; i < 4; ++i) {
    int d = hex_value(p[i]);
    if (d < 0) return -1;
    v = (v << 4) | d;
  }
  return v;
}

// Raises json.decoder.JSONDecodeError(msg, doc, pos) (ValueError when the json package is
// not loaded) and returns null (CPython: Modules/_json.c raise_errmsg).
std::nullptr_t raise_errmsg_at(const char* msg, StrObject* doc, size_t pos) {
  Object* cls = nullptr;
  Ref<> holder;
  if (Object* mod = dict_get_str(current_interp()->modules, std::string_view("json.decoder"))) {
    int error = 0;
    holder = Ref<>::steal(lookup_attr(mod, intern("JSONDecodeError"), &error));
    if (error) return nullptr;
    cls = holder.get();
  }
  if (!cls) return value_error(std::string(msg) + ": char " + std::to_string(pos));
  Ref<> m = Ref<>::steal(new_str(msg));
  Ref<> p = Ref<>::steal(new_int(int64_t(pos)));
  Object* args[3] = {m.get(), doc, p.get()};
  Ref<> exc = Ref<>::steal(call(cls, args, 3));
  if (!exc) return nullptr;
  return raise_object(exc.get());
}
std::nullptr_t raise_errmsg(const char* msg, StrObject* doc, size_t byte_pos) {
  return raise_errmsg_at(msg, doc, byte_to_cp(doc, byte_pos));
}

struct Decoder {
  StrObject* doc = nullptr;
  const char* text = nullptr;
  size_t len = 0;
  bool strict = true;
  Object* object_hook = nullptr;  // each null for the default
  Object* pairs_hook = nullptr;
  Object* parse_float = nullptr;
  Object* parse_int = nullptr;
  Object* parse_constant = nullptr;
  ThreadState* ts = get_thread_state();
  // Keys seen so far, so that repeated keys share one str (and its hash): CPython's memo.
  std::unordered_map<std::string_view, StrObject*> memo;
  std::string scratch;

  Decoder(StrObject* document, bool strict_strings)
      : doc(document), text(document->utf8.data()), len(document->utf8.size()), strict(strict_strings) {}
  ~Decoder() {
    for (auto& [view, key] : memo) decref(key);
  }

  std::nullptr_t fail(const char* msg, size_t pos) { return raise_errmsg(msg, doc, pos); }

  size_t skip_ws(size_t i) const {
    while (i < len && is_ws(text[i])) ++i;
    return i;
  }

  // The body of a JSON string starting after its quote at `begin - 1`: its text in
  // *out (a view of the document or of `buf`), and the index after the closing quote.
  bool scan_string(size_t begin, std::string& buf, std::string_view* out, size_t* next) {
    size_t i = begin;
    bool escaped = false;
    buf.clear();
    for (;;) {
      size_t run = i;
      while (i < len) {
        unsigned char c = static_cast<unsigned char>(text[i]);
        if (c == '"' || c == '\\') break;
        if (c < 0x20 && strict) {
          fail("Invalid control character at", i);
          return false;
        }
        ++i;
      }
      if (i >= len) {
        fail("Unterminated string starting at", begin - 1);
        return false;
      }
      if (text[i] == '"') {
        if (!escaped) {
          *out = std::string_view(text + begin, i - begin);
        } else {
          buf.append(text + run, i - run);
          *out = buf;
        }
        *next = i + 1;
        return true;
      }
      // A backslash.
      buf.append(text + run, i - run);
      escaped = true;
      ++i;
      if (i == len) {
        fail("Unterminated string starting at", begin - 1);
        return false;
      }
      char c = text[i];
      if (c != 'u') {
        char decoded = 0;
        switch (c) {
          case '"': decoded = '"'; break;
          case '\\': decoded = '\\'; break;
          case '/': decoded = '/'; break;
          case 'b': decoded = '\b'; break;
          case 'f': decoded = '\f'; break;
          case 'n': decoded = '\n'; break;
          case 'r': decoded = '\r'; break;
          case 't': decoded = '\t'; break;
          default:
            fail("Invalid \\escape", i - 1);
            return false;
        }
        buf.push_back(decoded);
        ++i;
        continue;
      }
      // \uXXXX, and a following \uXXXX when the two make a surrogate pair.
      size_t digits = i + 1;
      if (digits + 4 > len) {
        fail("Invalid \\uXXXX escape", i);
        return false;
      }
      int32_t cp = hex4(text + digits);
      if (cp < 0) {
        fail("Invalid \\uXXXX escape", i);
        return false;
      }
      i = digits + 4;
      if (cp >= 0xD800 && cp <= 0xDBFF && i + 6 < len && text[i] == '\\' && text[i + 1] == 'u') {
        int32_t low = hex4(text + i + 2);
        if (low < 0) {
          fail("Invalid \\uXXXX escape", i + 1);
          return false;
        }
        if (low >= 0xDC00 && low <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          i += 6;
        }
      }
      append_utf8(buf, char32_t(cp));
    }
  }

  Object* string_value(size_t begin, size_t* next) {
    std::string_view body;
    if (!scan_string(begin, scratch, &body, next)) return nullptr;
    return new_str(body);
  }

  Object* key_value(size_t begin, size_t* next) {
    std::string_view body;
    if (!scan_string(begin, scratch, &body, next)) return nullptr;
    auto it = memo.find(body);
    if (it != memo.end()) return new_ref(it->second);
    StrObject* key = new_str(body);
    memo.emplace(key->view(), key);
    return new_ref(key);
  }

  Object* constant(const char* name, size_t length, size_t idx, size_t* next) {
    *next = idx + length;
    if (parse_constant) {
      Ref<> s = Ref<>::steal(new_str(std::string_view(name, length)));
      return call1(parse_constant, s.get());
    }
    double v = name[0] == 'N' ? std::nan("") : name[0] == '-' ? -HUGE_VAL : HUGE_VAL;
    return new_float(v);
  }

  bool matches(size_t idx, std::string_view word) const {
    return idx + word.size() <= len && std::string_view(text + idx, word.size()) == word;
  }

  Object* value(size_t idx, size_t* next) {
    if (idx >= len) return fail("Expecting value", idx);
    switch (text[idx]) {
      case '"':
        return string_value(idx + 1, next);
      case '{':
        return nested(idx, next, &Decoder::object);
      case '[':
        return nested(idx, next, &Decoder::array);
      case 'n':
        if (idx + 3 < len && matches(idx, "null")) {
          *next = idx + 4;
          return new_none();
        }
        break;
      case 't':
        if (idx + 3 < len && matches(idx, "true")) {
          *next = idx + 4;
          return new_bool(true);
        }
        break;
      case 'f':
        if (idx + 4 < len && matches(idx, "false")) {
          *next = idx + 5;
          return new_bool(false);
        }
        break;
      case 'N':
        if (idx + 2 < len && matches(idx, "NaN")) return constant("NaN", 3, idx, next);
        break;
      case 'I':
        if (idx + 7 < len && matches(idx, "Infinity")) return constant("Infinity", 8, idx, next);
        break;
      case '-':
        if (idx + 8 < len && matches(idx, "-Infinity")) return constant("-Infinity", 9, idx, next);
        break;
      default:
        break;
    }
    return number(idx, next);
  }

  Object* nested(size_t idx, size_t* next, Object* (Decoder::*body)(size_t, size_t*)) {
    const char* where = text[idx] == '{' ? " while decoding a JSON object from a unicode string"
                                         : " while decoding a JSON array from a unicode string";
    if (!enter_recursive_call(ts, where)) return nullptr;
    Object* r = (this->*body)(idx + 1, next);
    leave_recursive_call(ts);
    return r;
  }

  // CPython: _match_number_unicode.
  Object* number(size_t start, size_t* next) {
    size_t i = start;
    const size_t end_idx = len - 1;
    if (text[i] == '-') {
      ++i;
      if (i > end_idx) return fail("Expecting value", start);
    }
    if (text[i] >= '1' && text[i] <= '9') {
      ++i;
      while (i <= end_idx && is_digit(text[i])) ++i;
    } else if (text[i] == '0') {
      ++i;
    } else {
      return fail("Expecting value", start);
    }
    bool is_float = false;
    if (i < end_idx && text[i] == '.' && is_digit(text[i + 1])) {
      is_float = true;
      i += 2;
      while (i <= end_idx && is_digit(text[i])) ++i;
    }
    if (i < end_idx && (text[i] == 'e' || text[i] == 'E')) {
      size_t e_start = i;
      ++i;
      if (i < end_idx && (text[i] == '-' || text[i] == '+')) ++i;
      while (i <= end_idx && is_digit(text[i])) ++i;
      if (is_digit(text[i - 1]))
        is_float = true;
      else
        i = e_start;
    }
    *next = i;
    std::string_view digits(text + start, i - start);
    if (Object* hook = is_float ? parse_float : parse_int) {
      Ref<> s = Ref<>::steal(new_str(digits));
      return call1(hook, s.get());
    }
    if (is_float) {
      double v = 0;
      auto r = std::from_chars(digits.data(), digits.data() + digits.size(), v);
      if (r.ec != std::errc()) v = std::strtod(std::string(digits).c_str(), nullptr);  // out of range
      return new_float(v);
    }
    size_t ndigits = digits.size() - (digits[0] == '-');
    if (ndigits <= 18) {
      int64_t v = 0;
      std::from_chars(digits.data(), digits.data() + digits.size(), v);
      return new_int(v);
    }
    Ref<> s = Ref<>::steal(new_str(digits));
    return int_from_object(s.get(), nullptr);
  }

  // CPython: _parse_array_unicode. idx follows the '['.
  Object* array(size_t idx, size_t* next) {
    Ref<ListObject> list = Ref<ListObject>::steal(new_list());
    idx = skip_ws(idx);
    if (idx >= len || text[idx] != ']') {
      for (;;) {
        size_t after = 0;
        Object* item = value(idx, &after);
        if (!item) return nullptr;
        list->items.push_back(item);
        idx = skip_ws(after);
        if (idx < len && text[idx] == ']') break;
        if (idx >= len || text[idx] != ',') return fail("Expecting ',' delimiter", idx);
        size_t comma = idx;
        idx = skip_ws(idx + 1);
        if (idx < len && text[idx] == ']') return fail("Illegal trailing comma before end of array", comma);
      }
    }
    *next = idx + 1;
    return list.release();
  }

  // CPython: _parse_object_unicode. idx follows the '{'.
  Object* object(size_t idx, size_t* next) {
    Ref<DictObject> dict;
    Ref<ListObject> pairs;
    if (pairs_hook)
      pairs = Ref<ListObject>::steal(new_list());
    else
      dict = Ref<DictObject>::steal(new_dict());
    idx = skip_ws(idx);
    if (idx >= len || text[idx] != '}') {
      for (;;) {
        if (idx >= len || text[idx] != '"') return fail("Expecting property name enclosed in double quotes", idx);
        size_t after = 0;
        Ref<> key = Ref<>::steal(key_value(idx + 1, &after));
        if (!key) return nullptr;
        idx = skip_ws(after);
        if (idx >= len || text[idx] != ':') return fail("Expecting ':' delimiter", idx);
        idx = skip_ws(idx + 1);
        Ref<> val = Ref<>::steal(value(idx, &after));
        if (!val) return nullptr;
        if (pairs) {
          pairs->items.push_back(new_tuple_from({key.get(), val.get()}));
        } else if (dict_set_item(dict.get(), key.get(), val.get()) < 0) {
          return nullptr;
        }
        idx = skip_ws(after);
        if (idx < len && text[idx] == '}') break;
        if (idx >= len || text[idx] != ',') return fail("Expecting ',' delimiter", idx);
        size_t comma = idx;
        idx = skip_ws(idx + 1);
        if (idx < len && text[idx] == '}') return fail("Illegal trailing comma before end of object", comma);
      }
    }
    *next = idx + 1;
    if (pairs) return call1(pairs_hook, pairs.get());
    if (object_hook) return call1(object_hook, dict.get());
    return dict.release();
  }
};

// A hook argument: null for None (the default) and for the built-in that the default is.
Object* hook_arg(Object* o, TypeObject* builtin = nullptr) {
  if (o == None() || o == builtin) return nullptr;
  return o;
}

bool str_arg(Object* o, const char* fname) {
  if (is_str(o)) return true;
  type_error(std::string(fname) + "() argument 1 must be str, not " + type_name(o));
  return false;
}

}  // namespace

Object* raw_decode(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return guarded([&]() -> Object* {
    if (!check_no_kwargs("raw_decode", kwnames) || !check_nargs("raw_decode", nargs, 8, 8)) return nullptr;
    if (!str_arg(args[0], "raw_decode")) return nullptr;
    ssize idx = 0;
    if (!index_as_ssize(args[1], &idx)) return nullptr;
    if (idx < 0) return value_error("idx cannot be negative");
    int strict = object_is_true(args[2]);
    if (strict < 0) return nullptr;
    Decoder d(as_str(args[0]), strict);
    d.object_hook = hook_arg(args[3]);
    d.pairs_hook = hook_arg(args[4]);
    d.parse_float = hook_arg(args[5], &float_type);
    d.parse_int = hook_arg(args[6], &int_type);
    d.parse_constant = hook_arg(args[7]);
    if (idx >= d.doc->length) return raise_errmsg_at("Expecting value", d.doc, size_t(idx));
    size_t next = 0;
    Ref<> result = Ref<>::steal(d.value(cp_to_byte(d.doc, size_t(idx)), &next));
    if (!result) return nullptr;
    Ref<> end = Ref<>::steal(new_int(int64_t(byte_to_cp(d.doc, next))));
    return new_tuple_from({result.get(), end.get()});
  });
}

Object* scanstring(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return guarded([&]() -> Object* {
    if (!check_no_kwargs("scanstring", kwnames) || !check_nargs("scanstring", nargs, 2, 3)) return nullptr;
    if (!str_arg(args[0], "scanstring")) return nullptr;
    ssize end = 0;
    if (!index_as_ssize(args[1], &end)) return nullptr;
    int strict = nargs > 2 ? object_is_true(args[2]) : 1;
    if (strict < 0) return nullptr;
    Decoder d(as_str(args[0]), strict);
    if (end < 0 || end > d.doc->length) return value_error("end is out of bounds");
    size_t next = 0;
    Ref<> s = Ref<>::steal(d.string_value(cp_to_byte(d.doc, size_t(end)), &next));
    if (!s) return nullptr;
    Ref<> after = Ref<>::steal(new_int(int64_t(byte_to_cp(d.doc, next))));
    return new_tuple_from({s.get(), after.get()});
  });
}

Object* skip_whitespace(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return guarded([&]() -> Object* {
    if (!check_no_kwargs("skip_whitespace", kwnames) || !check_nargs("skip_whitespace", nargs, 2, 2)) return nullptr;
    if (!str_arg(args[0], "skip_whitespace")) return nullptr;
    ssize idx = 0;
    if (!index_as_ssize(args[1], &idx)) return nullptr;
    StrObject* s = as_str(args[0]);
    if (idx < 0 || idx >= s->length) return new_int(idx);
    size_t byte = cp_to_byte(s, size_t(idx));
    size_t end = byte;
    while (end < s->utf8.size() && is_ws(s->utf8[end])) ++end;
    return new_int(idx + ssize(end - byte));  // whitespace is ASCII: one byte a character
  });
}

}  // namespace gopy::json
