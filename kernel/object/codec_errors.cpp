// Codec error handling: UnicodeEncodeError/UnicodeDecodeError objects and their text,
// the built-in error handlers and the registry of others (CPython: Python/codecs.c
// PyCodec_StrictErrors ... PyCodec_SurrogateEscapeErrors, PyCodec_RegisterError,
// PyCodec_LookupError; Objects/exceptions.c UnicodeEncodeError_str, UnicodeDecodeError_str).
#include <cstdio>

#include "gopy/codecs.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/codec_internal.hpp"
#include "object/prim/unicode_library.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy::codec {

namespace {

Object* attr(Object* exc, const char* name) { return exception_get_attr(exc, name); }

bool ssize_attr(Object* exc, const char* name, ssize* out) {
  Object* v = attr(exc, name);
  return v && is_int(v) && index_as_ssize(v, out);
}

std::string char_escape(char32_t c) {
  char buf[16];
  std::snprintf(buf, sizeof buf, c < 0x100 ? "\\x%02x" : c < 0x10000 ? "\\u%04x" : "\\U%08x", unsigned(c));
  return buf;
}

Object* make_unicode_error(TypeObject* type, std::string_view encoding, Object* object, ssize start, ssize end,
                           std::string_view reason) {
  Object* args[5] = {new_str(encoding), new_ref(object), new_int(start), new_int(end), new_str(reason)};
  Object* exc = new_exception_args(type, args, 5);  // its __init__ sets the attributes
  for (Object* a : args) decref(a);
  return exc;
}

// The [start, end) of the exception's object, clamped as CPython's PyUnicode*Error_GetStart/End.
bool error_range(Object* exc, ssize length, ssize* start, ssize* end) {
  if (!ssize_attr(exc, "start", start) || !ssize_attr(exc, "end", end)) {
    type_error("exception attribute start or end is not an int");
    return false;
  }
  if (*start < 0) *start = 0;
  if (*start >= length) *start = length > 0 ? length - 1 : 0;
  if (*end < 1) *end = 1;
  if (*end > length) *end = length;
  return true;
}

std::string_view exc_bytes(Object* exc) {
  std::string_view v;
  Object* o = attr(exc, "object");
  if (o) bytes_like_view(o, &v);
  return v;
}

const std::u32string* exc_text(Object* exc) {
  Object* o = attr(exc, "object");
  return o && is_str(o) ? &as_str(o)->cps() : nullptr;
}

// Which UTF the surrogatepass handler writes for the exception's encoding.
// CPython: Python/codecs.c get_standard_encoding
enum class Utf { unknown, utf8, utf16le, utf16be, utf32le, utf32be };
Utf standard_encoding(Object* exc, int* width) {
  Object* e = attr(exc, "encoding");
  std::string name = e && is_str(e) ? normalize_encoding(as_str(e)->view()) : "";
  *width = 0;
  if (name == "utf_8" || name == "utf8") return *width = 3, Utf::utf8;
  if (name == "utf_16" || name == "utf_16_le" || name == "utf16") return *width = 2, Utf::utf16le;
  if (name == "utf_16_be") return *width = 2, Utf::utf16be;
  if (name == "utf_32" || name == "utf_32_le" || name == "utf32") return *width = 4, Utf::utf32le;
  if (name == "utf_32_be") return *width = 4, Utf::utf32be;
  return Utf::unknown;
}

bool raise_exc(Object* exc) {
  raise_object(exc);
  return false;
}

bool is_encode(Object* exc) { return is_subtype(exc->type, &exc_UnicodeEncodeError); }
bool is_decode(Object* exc) { return is_subtype(exc->type, &exc_UnicodeDecodeError); }

bool wrong_exception(Object* exc) {
  type_error(cat("don't know how to handle ", exc->type->name, " in error callback"));
  return false;
}

// The built-in handlers. Each answers for the exception `exc` or fails (with exc raised,
// or a TypeError for an exception kind it does not handle).
bool builtin_handler(std::string_view name, Object* exc, Replacement* r) {
  const bool encoding = is_encode(exc);
  const bool decoding = is_decode(exc);
  if (!encoding && !decoding) return name == "strict" ? raise_exc(exc) : wrong_exception(exc);
  ssize start, end;
  const std::u32string* text = encoding ? exc_text(exc) : nullptr;
  std::string_view data = decoding ? exc_bytes(exc) : std::string_view();
  if (encoding && !text) return type_error("exception attribute object must be str"), false;
  if (!error_range(exc, encoding ? ssize(text->size()) : ssize(data.size()), &start, &end)) return false;
  r->resume = end;
  if (name == "strict") return raise_exc(exc);
  if (name == "ignore") return true;
  if (name == "replace") {
    if (encoding) r->text.assign(size_t(end - start), U'?');
    else r->text = U"\uFFFD";
    return true;
  }
  if (name == "backslashreplace") {
    std::string s;
    if (encoding)
      for (ssize i = start; i < end; ++i) s += char_escape((*text)[size_t(i)]);
    else
      for (ssize i = start; i < end; ++i) s += char_escape(static_cast<unsigned char>(data[size_t(i)]));
    r->text.assign(s.begin(), s.end());
    return true;
  }
  if (name == "xmlcharrefreplace" || name == "namereplace") {
    if (!encoding) return wrong_exception(exc);
    std::string s;
    const prim::UnicodeLibrary* lib = name == "namereplace" ? prim::unicode_library() : nullptr;
    for (ssize i = start; i < end; ++i) {
      char32_t c = (*text)[size_t(i)];
      if (name == "xmlcharrefreplace") {
        s += cat("&#", uint32_t(c), ";");
        continue;
      }
      char buf[128];
      if (lib && lib->char_name(c, buf, sizeof buf) > 0) s += cat("\\N{", buf, "}");
      else s += char_escape(c);
    }
    r->text.assign(s.begin(), s.end());
    return true;
  }
  if (name == "surrogateescape") {
    if (encoding) {
      for (ssize i = start; i < end; ++i) {
        char32_t c = (*text)[size_t(i)];
        if (c < 0xDC80 || c > 0xDCFF) return raise_exc(exc);
        r->bytes += char(c - 0xDC00);
      }
      r->is_bytes = true;
      return true;
    }
    ssize used = 0;
    while (used < 4 && start + used < end) {
      auto b = static_cast<unsigned char>(data[size_t(start + used)]);
      if (b < 128) break;
      r->text += char32_t(0xDC00 + b);
      ++used;
    }
    if (used == 0) return raise_exc(exc);
    r->resume = start + used;
    return true;
  }
  if (name == "surrogatepass") {
    int width;
    Utf utf = standard_encoding(exc, &width);
    if (utf == Utf::unknown) return raise_exc(exc);
    if (encoding) {
      for (ssize i = start; i < end; ++i) {
        char32_t c = (*text)[size_t(i)];
        if (c < 0xD800 || c > 0xDFFF) return raise_exc(exc);
        switch (utf) {
          case Utf::utf8: append_utf8(r->bytes, c); break;
          case Utf::utf16le: r->bytes += char(c & 0xFF); r->bytes += char(c >> 8); break;
          case Utf::utf16be: r->bytes += char(c >> 8); r->bytes += char(c & 0xFF); break;
          case Utf::utf32le: r->bytes += std::string{char(c & 0xFF), char(c >> 8), 0, 0}; break;
          case Utf::utf32be: r->bytes += std::string{0, 0, char(c >> 8), char(c & 0xFF)}; break;
          case Utf::unknown: break;
        }
      }
      r->is_bytes = true;
      return true;
    }
    if (start + width > ssize(data.size())) return raise_exc(exc);
    auto b = [&](int k) { return char32_t(static_cast<unsigned char>(data[size_t(start + k)])); };
    char32_t c = 0;
    switch (utf) {
      case Utf::utf8:
        if ((b(0) & 0xF0) != 0xE0 || (b(1) & 0xC0) != 0x80 || (b(2) & 0xC0) != 0x80) return raise_exc(exc);
        c = ((b(0) & 0x0F) << 12) | ((b(1) & 0x3F) << 6) | (b(2) & 0x3F);
        break;
      case Utf::utf16le: c = b(0) | (b(1) << 8); break;
      case Utf::utf16be: c = (b(0) << 8) | b(1); break;
      case Utf::utf32le: c = b(0) | (b(1) << 8) | (b(2) << 16) | (b(3) << 24); break;
      case Utf::utf32be: c = (b(0) << 24) | (b(1) << 16) | (b(2) << 8) | b(3); break;
      case Utf::unknown: break;
    }
    if (c < 0xD800 || c > 0xDFFF) return raise_exc(exc);
    r->text = std::u32string(1, c);
    r->resume = start + width;
    return true;
  }
  return false;
}

constexpr const char* kBuiltinHandlers[] = {"strict", "ignore", "replace", "backslashreplace",
                                            "xmlcharrefreplace", "namereplace", "surrogateescape",
                                            "surrogatepass"};

bool is_builtin_handler(std::string_view name) {
  for (const char* h : kBuiltinHandlers)
    if (name == h) return true;
  return false;
}

// Handlers registered with codecs.register_error, per interpreter (the dict is freed
// with the interpreter's other objects).
DictObject* g_registry = nullptr;
uint64_t g_registry_generation = 0;

DictObject* registry() {
  if (!g_registry || g_registry_generation != interpreter_generation()) {
    g_registry = new_dict();
    g_registry_generation = interpreter_generation();
  }
  return g_registry;
}

// The answer of a handler written in Python: (str or bytes, int).
bool replacement_from_tuple(Object* result, bool decoding, ssize length, Replacement* r) {
  const char* what = decoding ? "decoding error handler must return (str, int) tuple"
                              : "encoding error handler must return (str/bytes, int) tuple";
  if (!is_tuple(result) || static_cast<TupleObject*>(result)->items.size() != 2) return type_error(what), false;
  Object* rep = static_cast<TupleObject*>(result)->items[0];
  Object* pos = static_cast<TupleObject*>(result)->items[1];
  if (!is_int(pos) || !(is_str(rep) || (!decoding && is_bytes(rep)))) return type_error(what), false;
  ssize p;
  if (!index_as_ssize(pos, &p)) return false;
  if (p < 0) p += length;
  if (p < 0 || p > length) {
    index_error(cat("position ", p, " from error handler out of bounds"));
    return false;
  }
  r->resume = p;
  if (is_bytes(rep)) {
    r->is_bytes = true;
    r->bytes = as_bytes(rep)->data;
  } else {
    r->text = as_str(rep)->cps();
  }
  return true;
}

// codecs.strict_errors & co.: the built-in handlers as Python callables.
Object* call_builtin_handler(const char* name, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs(name, kw) || !check_nargs(name, n, 1, 1)) return nullptr;
  if (!is_exception_instance(a[0]))
    return type_error(cat("don't know how to handle ", a[0]->type->name, " in error callback"));
  Replacement r;
  std::string handler(name);
  handler.resize(handler.size() - 7);  // "_errors"
  if (!builtin_handler(handler, a[0], &r)) return nullptr;
  Object* rep = r.is_bytes ? static_cast<Object*>(new_bytes(r.bytes)) : new_str_from_cps(r.text);
  Object* pos = new_int(r.resume);
  return new_tuple_steal({rep, pos});
}

#define GOPY_HANDLER_FN(handler)                                                            \
  Object* fn_##handler(Object*, Object* const* a, size_t n, TupleObject* kw) {               \
    return call_builtin_handler(#handler "_errors", a, n, kw);                              \
  }
GOPY_HANDLER_FN(strict)
GOPY_HANDLER_FN(ignore)
GOPY_HANDLER_FN(replace)
GOPY_HANDLER_FN(backslashreplace)
GOPY_HANDLER_FN(xmlcharrefreplace)
GOPY_HANDLER_FN(namereplace)
GOPY_HANDLER_FN(surrogateescape)
GOPY_HANDLER_FN(surrogatepass)
#undef GOPY_HANDLER_FN

}  // namespace

Object* new_encode_error(std::string_view encoding, Object* text, ssize start, ssize end, std::string_view reason) {
  return make_unicode_error(&exc_UnicodeEncodeError, encoding, text, start, end, reason);
}

Object* new_decode_error(std::string_view encoding, std::string_view data, ssize start, ssize end,
                         std::string_view reason) {
  Object* b = new_bytes(data);
  Object* exc = make_unicode_error(&exc_UnicodeDecodeError, encoding, b, start, end, reason);
  decref(b);
  return exc;
}

bool handle_error(std::string_view errors, Object* exc, bool decoding, ssize length, Replacement* r) {
  if (!exc) return false;
  Object* custom = is_builtin_handler(errors) ? nullptr : dict_get_str(registry(), errors);
  if (!custom && !is_builtin_handler(errors)) {
    decref(exc);
    set_error(&exc_LookupError, cat("unknown error handler name '", errors, "'"));
    return false;
  }
  if (!custom) {
    bool ok = builtin_handler(errors, exc, r);
    decref(exc);
    return ok;
  }
  Object* result = call1(custom, exc);
  decref(exc);
  if (!result) return false;
  bool ok = replacement_from_tuple(result, decoding, length, r);
  decref(result);
  return ok;
}

bool register_error(std::string_view name, Object* handler) {
  if (!callable_check(handler)) {
    type_error("handler must be callable");
    return false;
  }
  if (is_builtin_handler(name)) {
    // CPython 3.13+ refuses to override the built-in handlers.
    value_error(cat("cannot un-register built-in error handler '", name, "'"));
    return false;
  }
  return dict_set_str(registry(), name, handler) == 0;
}

Object* lookup_error(std::string_view name) {
  static const struct {
    const char* name;
    BuiltinFn fn;
  } kFns[] = {{"strict", fn_strict},
              {"ignore", fn_ignore},
              {"replace", fn_replace},
              {"backslashreplace", fn_backslashreplace},
              {"xmlcharrefreplace", fn_xmlcharrefreplace},
              {"namereplace", fn_namereplace},
              {"surrogateescape", fn_surrogateescape},
              {"surrogatepass", fn_surrogatepass}};
  static const char* const kFnNames[] = {"strict_errors",   "ignore_errors",         "replace_errors",
                                         "backslashreplace_errors", "xmlcharrefreplace_errors",
                                         "namereplace_errors", "surrogateescape_errors", "surrogatepass_errors"};
  for (size_t i = 0; i < std::size(kFns); ++i)
    if (name == kFns[i].name) return new_builtin_function(kFnNames[i], kFns[i].fn);
  if (Object* h = dict_get_str(registry(), name)) return new_ref(h);
  return set_error(&exc_LookupError, cat("unknown error handler name '", name, "'"));
}

}  // namespace gopy::codec

namespace gopy {

namespace {

// CPython: Objects/exceptions.c UnicodeTranslateError_init: (object, start, end, reason).
int translate_error_init(Object* exc, Object* const* args, size_t nargs) {
  if (nargs != 4) {
    type_error(cat("function takes exactly 4 arguments (", nargs, " given)"));
    return -1;
  }
  if (!is_str(args[0])) return type_error(cat("argument 1 must be str, not ", args[0]->type->name)), -1;
  if (!is_int(args[1]) || !is_int(args[2]))
    return type_error(cat("'", (is_int(args[1]) ? args[2] : args[1])->type->name,
                          "' object cannot be interpreted as an integer")), -1;
  if (!is_str(args[3])) return type_error(cat("argument 4 must be str, not ", args[3]->type->name)), -1;
  auto* e = static_cast<BaseExceptionObject*>(exc);
  if (!e->dict) e->dict = new_dict();
  dict_set_str(e->dict, "encoding", None());
  dict_set_str(e->dict, "object", args[0]);
  dict_set_str(e->dict, "start", args[1]);
  dict_set_str(e->dict, "end", args[2]);
  dict_set_str(e->dict, "reason", args[3]);
  return 0;
}

// CPython: Objects/exceptions.c UnicodeTranslateError_str
Object* translate_error_str(Object* exc) {
  Object* obj = exception_get_attr(exc, "object");
  Object* reason = exception_get_attr(exc, "reason");
  Object* s = exception_get_attr(exc, "start");
  Object* en = exception_get_attr(exc, "end");
  ssize start, end;
  if (!obj || !reason || !is_str(obj) || !is_str(reason) || !s || !en) return nullptr;
  if (!index_as_ssize(s, &start) || !index_as_ssize(en, &end)) {
    clear_error();
    return nullptr;
  }
  const std::u32string& text = as_str(obj)->cps();
  std::string_view why = as_str(reason)->view();
  if (start >= 0 && start < ssize(text.size()) && end == start + 1)
    return new_str(cat("can't translate character '", codec::char_escape(text[size_t(start)]), "' in position ",
                       start, ": ", why));
  return new_str(cat("can't translate characters in position ", start, "-", end - 1, ": ", why));
}

}  // namespace

int unicode_error_init(Object* exc, Object* const* args, size_t nargs) {
  if (is_subtype(exc->type, &exc_UnicodeTranslateError)) return translate_error_init(exc, args, nargs);
  const bool decoding = codec::is_decode(exc);
  const bool encoding = codec::is_encode(exc);
  if (!decoding && !encoding) return 0;
  if (nargs != 5) {
    type_error(cat("function takes exactly 5 arguments (", nargs, " given)"));
    return -1;
  }
  std::string_view view;
  if (!is_str(args[0])) return type_error(cat("argument 1 must be str, not ", args[0]->type->name)), -1;
  if (encoding && !is_str(args[1])) return type_error(cat("argument 2 must be str, not ", args[1]->type->name)), -1;
  if (decoding && !bytes_like_view(args[1], &view))
    return type_error(cat("argument 2 must be bytes-like object, not '", args[1]->type->name, "'")), -1;
  if (!is_int(args[2]) || !is_int(args[3]))
    return type_error(cat("'", (is_int(args[2]) ? args[3] : args[2])->type->name,
                          "' object cannot be interpreted as an integer")), -1;
  if (!is_str(args[4])) return type_error(cat("argument 5 must be str, not ", args[4]->type->name)), -1;
  auto* e = static_cast<BaseExceptionObject*>(exc);
  if (!e->dict) e->dict = new_dict();
  Object* object = decoding && !is_bytes(args[1]) ? static_cast<Object*>(new_bytes(view)) : new_ref(args[1]);
  dict_set_str(e->dict, "encoding", args[0]);
  dict_set_str(e->dict, "object", object);
  dict_set_str(e->dict, "start", args[2]);
  dict_set_str(e->dict, "end", args[3]);
  dict_set_str(e->dict, "reason", args[4]);
  decref(object);
  return 0;
}

Object* unicode_error_str(Object* exc) {
  if (is_subtype(exc->type, &exc_UnicodeTranslateError)) return translate_error_str(exc);
  Object* enc = exception_get_attr(exc, "encoding");
  Object* obj = exception_get_attr(exc, "object");
  Object* reason = exception_get_attr(exc, "reason");
  ssize start, end;
  if (!enc || !obj || !reason || !is_str(enc) || !is_str(reason)) return nullptr;
  Object* s = exception_get_attr(exc, "start");
  Object* en = exception_get_attr(exc, "end");
  if (!s || !en || !index_as_ssize(s, &start) || !index_as_ssize(en, &end)) {
    clear_error();
    return nullptr;
  }
  std::string_view e = as_str(enc)->view(), why = as_str(reason)->view();
  std::string_view data;
  if (is_str(obj)) {
    const std::u32string& text = as_str(obj)->cps();
    if (start >= 0 && start < ssize(text.size()) && end == start + 1)
      return new_str(cat("'", e, "' codec can't encode character '", codec::char_escape(text[size_t(start)]),
                         "' in position ", start, ": ", why));
    return new_str(cat("'", e, "' codec can't encode characters in position ", start, "-", end - 1, ": ", why));
  }
  if (bytes_like_view(obj, &data)) {
    if (start >= 0 && start < ssize(data.size()) && end == start + 1) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "0x%02x", unsigned(static_cast<unsigned char>(data[size_t(start)])));
      return new_str(cat("'", e, "' codec can't decode byte ", buf, " in position ", start, ": ", why));
    }
    return new_str(cat("'", e, "' codec can't decode bytes in position ", start, "-", end - 1, ": ", why));
  }
  return nullptr;
}

}  // namespace gopy
