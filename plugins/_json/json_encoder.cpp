// The JSON encoder: one native walk over dicts, lists, tuples, strs, ints and floats into
// a single buffer; only `default` and the methods of subclasses call back into Python
// (CPython: Modules/_json.c encoder_listencode_obj, encoder_listencode_dict,
// encoder_listencode_list, encoder_encode_float, escape_unicode, ascii_escape_unicode).
#include <charconv>
#include <cmath>
#include <string>
#include <unordered_set>
#include <vector>

#include "json_internal.hpp"

namespace gopy::json {
namespace {

const char kHex[] = "0123456789abcdef";

void append_u_escape(std::string& out, uint32_t unit) {
  char buf[6] = {'\\', 'u', kHex[(unit >> 12) & 15], kHex[(unit >> 8) & 15], kHex[(unit >> 4) & 15], kHex[unit & 15]};
  out.append(buf, 6);
}

// The short escapes JSON has; 0 for a character that takes \uXXXX.
char short_escape(unsigned char c) {
  switch (c) {
    case '"': return '"';
    case '\\': return '\\';
    case '\n': return 'n';
    case '\r': return 'r';
    case '\t': return 't';
    case '\b': return 'b';
    case '\f': return 'f';
    default: return 0;
  }
}

// Decodes one code point of a str's UTF-8 (lone surrogates come in their 3-byte form).
uint32_t next_code_point(const unsigned char*& p) {
  unsigned char c = *p;
  if (c < 0x80) {
    ++p;
    return c;
  }
  if (c < 0xE0) {
    uint32_t cp = (uint32_t(c & 0x1F) << 6) | (p[1] & 0x3F);
    p += 2;
    return cp;
  }
  if (c < 0xF0) {
    uint32_t cp = (uint32_t(c & 0x0F) << 12) | (uint32_t(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    p += 3;
    return cp;
  }
  uint32_t cp = (uint32_t(c & 0x07) << 18) | (uint32_t(p[1] & 0x3F) << 12) | (uint32_t(p[2] & 0x3F) << 6) | (p[3] & 0x3F);
  p += 4;
  return cp;
}

}  // namespace

// The JSON string for `s`, quotes included, appended to `out`. ensure_ascii escapes every
// character outside ' '..'~' (CPython: ascii_escape_unicode); otherwise only '"', '\\' and
// the control characters are escaped (CPython: escape_unicode).
void append_json_string(std::string& out, const StrObject* s, bool ensure_ascii) {
  std::string_view text = s->view();
  out.push_back('"');
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  while (p < end) {
    // The run of characters that need no escape is copied at once.
    const unsigned char* run = p;
    if (ensure_ascii)
      while (p < end && *p >= ' ' && *p < 0x7F && *p != '"' && *p != '\\') ++p;
    else
      while (p < end && *p >= ' ' && *p != '"' && *p != '\\') ++p;
    out.append(reinterpret_cast<const char*>(run), size_t(p - run));
    if (p == end) break;
    unsigned char c = *p;
    if (c < 0x80) {
      ++p;
      if (char e = short_escape(c)) {
        out.push_back('\\');
        out.push_back(e);
      } else {
        append_u_escape(out, c);
      }
      continue;
    }
    uint32_t cp = next_code_point(p);
    if (cp >= 0x10000) {
      cp -= 0x10000;
      append_u_escape(out, 0xD800 | (cp >> 10));
      append_u_escape(out, 0xDC00 | (cp & 0x3FF));
    } else {
      append_u_escape(out, cp);
    }
  }
  out.push_back('"');
}

namespace {

struct Encoder {
  Object* default_fn = nullptr;  // borrowed
  bool check_circular = true;
  bool has_indent = false;
  std::string indent;
  std::string key_separator;
  std::string item_separator;
  bool sort_keys = false;
  bool skipkeys = false;
  bool allow_nan = true;
  bool ensure_ascii = true;
  ThreadState* ts = nullptr;
  std::string out;
  std::unordered_set<Object*> markers;  // the containers being encoded (check_circular)
  std::vector<std::string> newline_indents;  // '\n' + indent * level, by level
  // Chunked mode: the text is also cut into the pieces CPython's pure-Python encoder
  // yields (JSONEncoder.iterencode without _one_shot), each ending at `mark`.
  bool chunked = false;
  size_t mark = 0;
  std::vector<std::pair<size_t, size_t>> chunks;  // (start, length) in `out`

  void cut() {
    if (!chunked) return;
    chunks.emplace_back(mark, out.size() - mark);
    mark = out.size();
  }
  void cut_if_pending() {
    if (out.size() > mark) cut();
  }
  // The type in a note: CPython's C encoder gives the qualified name, its Python one __name__.
  std::string note_name(const TypeObject* t) const { return chunked ? t->name : qualified_type_name(t); }
  static bool is_scalar(Object* o) {
    return o == None() || o == True() || o == False() || is_str(o) || is_int(o) || is_float(o);
  }

  const std::string& newline_indent(size_t level) {
    while (newline_indents.size() <= level) {
      std::string s = "\n";
      for (size_t i = 0; i < newline_indents.size(); ++i) s += indent;
      newline_indents.push_back(std::move(s));
    }
    return newline_indents[level];
  }

  // CPython: encoder_encode_float. Appends, or false with ValueError.
  bool append_float(Object* o) {
    double v = static_cast<FloatObject*>(o)->value;
    if (!std::isfinite(v)) {
      if (!allow_nan) {
        Ref<> r = Ref<>::steal(object_repr(o));
        if (!r) return false;
        value_error("Out of range float values are not JSON compliant: " + as_str(r.get())->utf8);
        return false;
      }
      out += std::isnan(v) ? "NaN" : v > 0 ? "Infinity" : "-Infinity";
      return true;
    }
    out += float_repr(v);
    return true;
  }

  bool append_int(Object* o) {
    if (int_is_small(o)) {
      char buf[24];
      auto end = std::to_chars(buf, buf + sizeof buf, int_small_value(o)).ptr;
      out.append(buf, size_t(end - buf));
      return true;
    }
    Ref<> text = Ref<>::steal(int_to_decimal_str(o));
    if (!text) return false;
    out += as_str(text.get())->utf8;
    return true;
  }

  bool enter(Object* o) {
    if (!check_circular) return true;
    if (!markers.insert(o).second) {
      value_error("Circular reference detected");
      return false;
    }
    return true;
  }
  void leave(Object* o) {
    if (check_circular) markers.erase(o);
  }

  bool encode(Object* o, size_t level) {
    if (o == None()) {
      out += "null";
      return true;
    }
    if (o == True()) {
      out += "true";
      return true;
    }
    if (o == False()) {
      out += "false";
      return true;
    }
    if (is_str(o)) {
      append_json_string(out, as_str(o), ensure_ascii);
      return true;
    }
    if (is_int(o)) return append_int(o);
    if (is_float(o)) return append_float(o);
    if (is_list(o) || is_tuple(o)) return nested(o, level, &Encoder::encode_list);
    if (is_dict(o)) return nested(o, level, &Encoder::encode_dict);
    return encode_default(o, level);
  }

  bool nested(Object* o, size_t level, bool (Encoder::*body)(Object*, size_t)) {
    if (!enter_recursive_call(ts, " while encoding a JSON object")) return false;
    bool ok = (this->*body)(o, level);
    leave_recursive_call(ts);
    return ok;
  }

  // The object is none of JSON's: default(o) stands for it (CPython: the else branch of
  // encoder_listencode_obj).
  bool encode_default(Object* o, size_t level) {
    if (!enter(o)) return false;
    Ref<> replacement = Ref<>::steal(call1(default_fn, o));
    if (!replacement) return false;
    if (!enter_recursive_call(ts, " while encoding a JSON object")) return false;
    bool ok = encode(replacement.get(), level);
    leave_recursive_call(ts);
    if (!ok) return add_note("when serializing " + note_name(o->type) + " object");
    leave(o);
    return true;
  }

  // Adds a note to the exception being raised (PEP 678); always false.
  static bool add_note(const std::string& note) {
    Ref<> exc = Ref<>::steal(fetch_error());
    Ref<> text = Ref<>::steal(new_str(note));
    Object* arg = text.get();
    Ref<> r = Ref<>::steal(call_method(exc.get(), "add_note", &arg, 1));
    if (!r) clear_error();
    restore_error(exc.release());
    return false;
  }

  void write_item_separator(size_t level) {
    out += item_separator;
    if (has_indent) out += newline_indent(level);
  }

  bool encode_list(Object* seq, size_t level) {
    std::vector<Object*>& items = is_list(seq) ? static_cast<ListObject*>(seq)->items : static_cast<TupleObject*>(seq)->items;
    if (items.empty()) {
      out += "[]";
      cut();
      return true;
    }
    if (!enter(seq)) return false;
    out.push_back('[');
    ++level;
    if (has_indent) out += newline_indent(level);
    // The list may change under default(): index it afresh each time.
    for (size_t i = 0; i < items.size(); ++i) {
      Ref<> item = Ref<>::borrow(items[i]);
      if (i) write_item_separator(level);
      if (!is_scalar(item.get())) cut();
      if (!encode(item.get(), level))
        return add_note("when serializing " + note_name(seq->type) + " item " + std::to_string(i));
      cut_if_pending();
    }
    leave(seq);
    --level;
    if (has_indent) {
      out += newline_indent(level);
      cut();
    }
    out.push_back(']');
    cut();
    return true;
  }

  // CPython: encoder_encode_key_value.
  bool encode_member(Object* dct, Object* key, Object* value, bool* first, size_t level) {
    Ref<> keystr;
    if (is_str(key)) {
      keystr = Ref<>::borrow(key);
    } else if (is_float(key)) {
      std::string saved;
      saved.swap(out);
      bool ok = append_float(key);
      saved.swap(out);
      if (!ok) return false;
      keystr = Ref<>::steal(new_str(saved));
    } else if (key == True() || key == False() || key == None()) {
      keystr = Ref<>::steal(new_str(key == True() ? "true" : key == False() ? "false" : "null"));
    } else if (is_int(key)) {
      keystr = Ref<>::steal(int_to_decimal_str(key));
      if (!keystr) return false;
    } else if (skipkeys) {
      return true;
    } else {
      type_error(std::string("keys must be str, int, float, bool or None, not ") + type_name(key));
      return false;
    }
    if (*first) {
      *first = false;
      if (has_indent) {
        out += newline_indent(level);
        cut();
      }
    } else {
      write_item_separator(level);
      cut();
    }
    append_json_string(out, as_str(keystr.get()), ensure_ascii);
    cut();
    out += key_separator;
    cut();
    if (!encode(value, level)) {
      Ref<> r = Ref<>::steal(object_repr(key));
      if (!r) return false;
      return add_note("when serializing " + note_name(dct->type) + " item " + as_str(r.get())->utf8);
    }
    cut_if_pending();
    return true;
  }

  bool encode_dict(Object* dct, size_t level) {
    auto* d = static_cast<DictObject*>(dct);
    if (d->used == 0) {
      out += "{}";
      cut();
      return true;
    }
    if (!enter(dct)) return false;
    out.push_back('{');
    cut();
    ++level;
    bool first = true;
    if (sort_keys || dct->type != &dict_type) {
      Ref<> items_view = Ref<>::steal(call_method(dct, "items", nullptr, 0));
      if (!items_view) return false;
      Ref<ListObject> items = Ref<ListObject>::steal(list_from_iterable(items_view.get()));
      if (!items) return false;
      if (sort_keys && list_sort(items.get(), nullptr, false) < 0) return false;
      for (size_t i = 0; i < items->items.size(); ++i) {
        Ref<> item = Ref<>::borrow(items->items[i]);
        if (!is_tuple(item.get()) || static_cast<TupleObject*>(item.get())->items.size() != 2) {
          value_error("items must return 2-tuples");
          return false;
        }
        auto* pair = static_cast<TupleObject*>(item.get());
        if (!encode_member(dct, pair->items[0], pair->items[1], &first, level)) return false;
      }
    } else {
      // default() may change the dict: index its entries afresh each time.
      for (size_t i = 0; i < d->entries.size(); ++i) {
        if (!d->entries[i].key) continue;
        Ref<> key = Ref<>::borrow(d->entries[i].key);
        Ref<> value = Ref<>::borrow(d->entries[i].value);
        if (!encode_member(dct, key.get(), value.get(), &first, level)) return false;
      }
    }
    leave(dct);
    --level;
    if (has_indent && !first) {
      out += newline_indent(level);
      cut();
    }
    out.push_back('}');
    cut();
    return true;
  }
};

bool text_arg(Object* o, const char* what, std::string* out) {
  if (!is_str(o)) {
    type_error(std::string("make_encoder() argument ") + what + " must be str, not " + type_name(o));
    return false;
  }
  *out = as_str(o)->utf8;
  return true;
}

Object* basestring(Object* const* args, size_t nargs, TupleObject* kwnames, const char* name, bool ensure_ascii) {
  return guarded([&]() -> Object* {
    if (!check_no_kwargs(name, kwnames) || !check_nargs(name, nargs, 1, 1)) return nullptr;
    if (!is_str(args[0]))
      return type_error(std::string("first argument must be a string, not ") + type_name(args[0]));
    std::string out;
    out.reserve(as_str(args[0])->utf8.size() + 2);
    append_json_string(out, as_str(args[0]), ensure_ascii);
    return new_str(out);
  });
}

}  // namespace

std::string qualified_type_name(const TypeObject* t) {
  const std::string& name = t->qualname.empty() ? t->name : t->qualname;
  if (t->module.empty() || t->module == "builtins") return name;
  return t->module + "." + name;
}

Object* encode(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return guarded([&]() -> Object* {
    if (!check_no_kwargs("encode", kwnames) || !check_nargs("encode", nargs, 10, 11)) return nullptr;
    Encoder e;
    e.ts = get_thread_state();
    e.check_circular = args[1] != None();
    e.default_fn = args[2];
    if (args[3] != None()) {
      e.has_indent = true;
      if (!text_arg(args[3], "4", &e.indent)) return nullptr;
    }
    if (!text_arg(args[4], "5", &e.key_separator) || !text_arg(args[5], "6", &e.item_separator)) return nullptr;
    int flags[4];
    for (int i = 0; i < 4; ++i)
      if ((flags[i] = object_is_true(args[6 + i])) < 0) return nullptr;
    e.sort_keys = flags[0];
    e.skipkeys = flags[1];
    e.allow_nan = flags[2];
    e.ensure_ascii = flags[3];
    int chunked = nargs > 10 ? object_is_true(args[10]) : 0;
    if (chunked < 0) return nullptr;
    e.chunked = chunked;
    if (!e.chunked) {
      if (!e.encode(args[0], 0)) return nullptr;
      return new_str(e.out);
    }
    // (the chunks made, the exception that stopped the encoding or None)
    Ref<> error;
    if (e.encode(args[0], 0))
      e.cut_if_pending();
    else
      error = Ref<>::steal(fetch_error());
    Ref<ListObject> pieces = Ref<ListObject>::steal(new_list(ssize(e.chunks.size())));
    for (auto [start, length] : e.chunks) pieces->items.push_back(new_str(std::string_view(e.out).substr(start, length)));
    return new_tuple_from({pieces.get(), error ? error.get() : None()});
  });
}

Object* encode_basestring(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return basestring(args, nargs, kwnames, "encode_basestring", false);
}

Object* encode_basestring_ascii(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return basestring(args, nargs, kwnames, "encode_basestring_ascii", true);
}

}  // namespace gopy::json
