// str: construction, interning, hashing, comparison, indexing and the sequence protocol
// (CPython: Objects/unicodeobject.c). The methods live in str_methods.cpp.
#include <cstdio>
#include <cstring>
#include <vector>

#include "gopy/codecs.hpp"
#include "gopy/object.hpp"
#include "gopy/object_ascii.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/dict_internal.hpp"
#include "gopy/state.hpp"
#include "object/args.hpp"
#include "object/num_internal.hpp"
#include "object/prim/hash.hpp"
#include "object/prim/storage.hpp"
#include "object/prim/unicode.hpp"
#include "object/seq_internal.hpp"
#include "object/percent_format.hpp"
#include "object/str_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject str_type, str_iter_type;

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += char(cp);
  } else if (cp < 0x800) {
    out += char(0xC0 | (cp >> 6));
    out += char(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += char(0xE0 | (cp >> 12));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  } else {
    out += char(0xF0 | (cp >> 18));
    out += char(0x80 | ((cp >> 12) & 0x3F));
    out += char(0x80 | ((cp >> 6) & 0x3F));
    out += char(0x80 | (cp & 0x3F));
  }
}

// Decodes generalized UTF-8 (lone surrogates allowed); the input is trusted.
std::u32string decode_utf8(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size();) {
    auto c = static_cast<unsigned char>(s[i]);
    char32_t cp;
    int n;
    if (c < 0x80) { cp = c; n = 1; }
    else if ((c >> 5) == 6) { cp = c & 0x1F; n = 2; }
    else if ((c >> 4) == 14) { cp = c & 0x0F; n = 3; }
    else { cp = c & 0x07; n = 4; }
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    out += cp;
    i += n;
  }
  return out;
}

// Every str holds str text whose length is its code points: bytes that are not (a caller
// passing on bytes from outside unchecked) are decoded as surrogateescape would, never
// kept, so no index reads past what the length promises.
StrObject* new_str(std::string_view utf8) {
  auto* s = make<StrObject>();
  std::ptrdiff_t length = prim::str_text_length(utf8, &s->ascii);
  if (length >= 0) {
    s->utf8.assign(utf8);
  } else {
    s->utf8 = prim::str_text_repaired(utf8);
    length = prim::str_text_length(s->utf8, &s->ascii);
  }
  s->length = length;
  return s;
}

StrObject* new_str_known(std::string_view utf8, ssize length, bool ascii) {
  auto* s = make<StrObject>();
  s->utf8.assign(utf8);
  s->length = length;
  s->ascii = ascii;
  return s;
}

StrObject* new_str_fs(std::string_view bytes) {
  // ASCII bytes decode to themselves under any file-system codec: no decoded copy.
  if (prim::is_ascii_text(bytes)) return new_str(bytes);
  return new_str(prim::fs_decode(bytes));
}

bool str_fs_encode(const StrObject* s, std::string* bytes) {
  if (s->ascii) {
    *bytes = s->utf8;
    return true;
  }
  prim::Result<std::string> encoded = prim::fs_encode(s->utf8);
  if (!encoded) return false;
  *bytes = std::move(encoded).value();
  return true;
}

StrObject* new_str_from_cps(const std::u32string& cps) {
  std::string out;
  out.reserve(cps.size());
  for (char32_t c : cps) append_utf8(out, c);
  return new_str(out);
}

StrObject* new_str_from_cp(char32_t cp) {
  std::string out;
  append_utf8(out, cp);
  return new_str(out);
}

const std::u32string& StrObject::cps() const {
  if (!codepoints) codepoints = new std::u32string(decode_utf8(utf8));
  return *codepoints;
}

char32_t StrObject::at(ssize i) const {
  if (ascii) return static_cast<unsigned char>(utf8[size_t(i)]);
  return cps()[size_t(i)];
}

namespace {
// Strs intern() returned without entering them in the table. Callers borrow intern()'s
// result, so such a str must live as long as an interned one would: until finalization.
// The capacity is reserved ahead (by the first intern) so keeping one needs no allocation
// when memory has just run out.
std::vector<StrObject*>& stranded_interned() {
  static std::vector<StrObject*> stranded;
  return stranded;
}
}  // namespace

void reset_stranded_interned() {
  std::vector<StrObject*> owned;
  owned.swap(stranded_interned());
  for (StrObject* s : owned) decref(s);
  stranded_interned().reserve(16);
}

StrObject* intern(std::string_view name) {
  Interpreter* interp = get_thread_state()->interp;
  // Start-up cost: every identifier of the built-in types and modules comes through here,
  // nearly all ASCII; one scan serves the hash and the new str's length.
  const bool ascii = prim::is_ascii_text(name);
  int64_t hash = ascii ? prim::hash_latin1({interp->hash_k0, interp->hash_k1}, name) : str_hash_text(name);
  if (Object* v = dict_get_str_hashed(interp->interned, name, hash)) return as_str(v);
  StrObject* s = ascii ? new_str_known(name, static_cast<ssize>(name.size()), true) : new_str(name);
  s->hash = hash;  // the same value str_hash would compute again
  s->interned = true;
  // The probe above found no equal key: the str goes in without a second one.
  if (dict_insert_absent(interp->interned, s, hash, s) < 0) {
    // No memory to grow the table: the str stays alive, not interned, until finalization
    // (reset_stranded_interned); the lookup goes on as if interned.
    clear_error();
    s->interned = false;
    std::vector<StrObject*>& stranded = stranded_interned();
    if (stranded.size() < stranded.capacity()) stranded.push_back(s);  // else it outlives the runtime
    return s;
  }
  decref(s);
  return s;
}

int64_t str_hash(StrObject* s) {
  if (s->hash != -1) return s->hash;
  Interpreter* interp = get_thread_state()->interp;
  prim::HashSecret secret{interp->hash_k0, interp->hash_k1};
  s->hash = s->ascii ? prim::hash_latin1(secret, s->utf8) : prim::hash_str(secret, s->cps());
  return s->hash;
}

int64_t str_hash_text(std::string_view utf8) {
  Interpreter* interp = get_thread_state()->interp;
  prim::HashSecret secret{interp->hash_k0, interp->hash_k1};
  return prim::is_ascii_text(utf8) ? prim::hash_latin1(secret, utf8) : prim::hash_str(secret, decode_utf8(utf8));
}

bool str_equal(const StrObject* a, const StrObject* b) {
  if (a == b) return true;
  if (a->interned && b->interned) return false;
  return a->utf8 == b->utf8;
}

std::string str_repr(const StrObject* s) {
  if (s->ascii) {
    bool has_single = s->utf8.find('\'') != std::string::npos;
    bool has_double = s->utf8.find('"') != std::string::npos;
    char quote = (has_single && !has_double) ? '"' : '\'';
    std::string out(1, quote);
    for (char c : s->utf8) {
      if (c == quote || c == '\\') {
        out += '\\';
        out += c;
      } else if (c == '\n') out += "\\n";
      else if (c == '\r') out += "\\r";
      else if (c == '\t') out += "\\t";
      else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
        static const char hex[] = "0123456789abcdef";
        out += "\\x";
        out += hex[(c >> 4) & 0xF];
        out += hex[c & 0xF];
      } else out += c;
    }
    out += quote;
    return out;
  }
  return prim::utf8_encode_lossless(prim::str_repr(s->cps()));
}

// CPython: Objects/object.c PyObject_ASCII (the repr, non-ASCII escaped backslashreplace-style)
Object* object_ascii(Object* o) {
  Object* r = object_repr(o);
  if (!r || as_str(r)->ascii) return r;
  std::string out;
  for (char32_t c : as_str(r)->cps()) {
    if (c < 0x80) {
      out += char(c);
      continue;
    }
    char buf[16];
    if (c < 0x100) std::snprintf(buf, sizeof buf, "\\x%02x", unsigned(c));
    else if (c < 0x10000) std::snprintf(buf, sizeof buf, "\\u%04x", unsigned(c));
    else std::snprintf(buf, sizeof buf, "\\U%08x", unsigned(c));
    out += buf;
  }
  decref(r);
  return new_str(out);
}

Object* str_concat(Object* a, Object* b) {
  auto* x = as_str(a);
  auto* y = as_str(b);
  // CPython: Objects/unicodeobject.c PyUnicode_Concat (an empty side gives the other, when exact)
  if (x->length == 0 && b->type == &str_type) return new_ref(b);
  if (y->length == 0 && a->type == &str_type) return new_ref(a);
  if (y->length > PTRDIFF_MAX - x->length) return overflow_error("strings are too large to concat");
  if (!prim::can_allocate(x->utf8.size() + y->utf8.size(), 1)) return no_memory();
  auto* s = make<StrObject>();
  s->utf8.reserve(x->utf8.size() + y->utf8.size());
  s->utf8.append(x->utf8).append(y->utf8);
  s->length = x->length + y->length;
  s->ascii = x->ascii && y->ascii;
  return s;
}

// CPython: Objects/unicodeobject.c PyUnicode_Append, unicode_modifiable
bool str_append_inplace(Object** target, Object* right, ssize owners) {
  auto* x = as_str(*target);
  auto* y = as_str(right);
  if (x->type != &str_type || x->interned || x->refcnt != owners || x == y) {
    Object* r = str_concat(x, y);
    decref(x);
    *target = r;
    return r != nullptr;
  }
  if (y->length > PTRDIFF_MAX - x->length) {
    decref(x);
    *target = nullptr;
    overflow_error("strings are too large to concat");
    return false;
  }
  if (!prim::can_allocate(x->utf8.size() + y->utf8.size(), 1)) {
    decref(x);
    *target = nullptr;
    no_memory();
    return false;
  }
  x->utf8 += y->utf8;  // amortized growth: n appends cost O(total length)
  x->length += y->length;
  x->ascii = x->ascii && y->ascii;
  x->hash = -1;
  delete x->codepoints;
  x->codepoints = nullptr;
  return true;
}

namespace {

Object* str_repr_slot(Object* o) { return new_str(str_repr(as_str(o))); }
// CPython: Objects/unicodeobject.c unicode_str: an exact str for a subclass's instance.
Object* str_str_slot(Object* o) { return o->type == &str_type ? new_ref(o) : new_str(as_str(o)->utf8); }
int64_t str_hash_slot(Object* o) { return str_hash(as_str(o)); }
ssize str_length(Object* o) { return as_str(o)->length; }

Object* str_richcompare(Object* a, Object* b, CompareOp op) {
  if (!is_str(b)) return new_ref(NotImplemented());
  auto* x = as_str(a);
  auto* y = as_str(b);
  if (op == CompareOp::eq) return new_bool(str_equal(x, y));
  if (op == CompareOp::ne) return new_bool(!str_equal(x, y));
  // UTF-8 byte order equals code point order.
  int c = x->utf8.compare(y->utf8);
  bool t = false;
  switch (op) {
    case CompareOp::lt: t = c < 0; break;
    case CompareOp::le: t = c <= 0; break;
    case CompareOp::gt: t = c > 0; break;
    case CompareOp::ge: t = c >= 0; break;
    default: break;
  }
  return new_bool(t);
}

Object* str_add(Object* a, Object* b) {
  if (!is_str(a) || !is_str(b)) return new_ref(NotImplemented());
  return str_concat(a, b);
}

Object* str_repeat(Object* s, Object* n) {
  ssize count;
  if (!index_as_ssize(n, &count)) return nullptr;
  auto* src = as_str(s);
  if (count <= 0 || src->length == 0) return new_str("");
  if (count == 1 && s->type == &str_type) return new_ref(s);  // CPython: unicode_repeat
  // CPython: Objects/unicodeobject.c unicode_repeat (the length in characters), then
  // PyUnicode_New's MemoryError when the text cannot be allocated.
  if (src->length > PTRDIFF_MAX / count) return overflow_error("repeated string is too long");
  if (!prim::can_allocate(size_t(count), src->utf8.size())) return no_memory();
  auto* r = make<StrObject>();
  if (src->utf8.size() == 1) {
    r->utf8.assign(size_t(count), src->utf8[0]);
  } else {
    r->utf8.reserve(src->utf8.size() * size_t(count));
    for (ssize i = 0; i < count; ++i) r->utf8 += src->utf8;
  }
  r->length = src->length * count;
  r->ascii = src->ascii;
  return r;
}

Object* str_mul(Object* a, Object* b) {
  if (is_str(a) && b->type->nb_index) return str_repeat(a, b);
  if (is_str(b) && a->type->nb_index) return str_repeat(b, a);
  return new_ref(NotImplemented());
}

Object* str_mod(Object* a, Object* b) {
  if (!is_str(a)) return new_ref(NotImplemented());
  return str_printf(as_str(a), b);
}

// Pure-ASCII text is sliced as bytes; other text keeps its decoded code points for indexing.
Object* str_substring(StrObject* s, ssize start, ssize stop) {
  if (s->ascii) return new_str_known(std::string_view(s->utf8).substr(size_t(start), size_t(stop - start)), stop - start, true);
  return new_str_from_cps(s->cps().substr(size_t(start), size_t(stop - start)));
}

Object* str_char(StrObject* s, ssize i) {
  if (s->ascii) return new_str_known(std::string_view(s->utf8).substr(size_t(i), 1), 1, true);
  return new_str_from_cp(s->at(i));
}

}  // namespace

Object* str_slice(StrObject* s, ssize start, ssize n, ssize step) {
  if (step == 1) return str_substring(s, start, start + n);
  if (s->ascii) {
    auto* r = make<StrObject>();
    r->utf8.resize(size_t(n));
    for (ssize i = 0, j = start; i < n; ++i, j += step) r->utf8[size_t(i)] = s->utf8[size_t(j)];
    r->length = n;
    return r;
  }
  std::u32string out;
  for (ssize i = 0, j = start; i < n; ++i, j += step) out += s->at(j);
  return new_str_from_cps(out);
}

namespace {

Object* str_subscript(Object* o, Object* key) {
  auto* s = as_str(o);
  if (key->type == &slice_type) {
    ssize start, stop, step;
    ssize n = slice_indices(static_cast<SliceObject*>(key), s->length, &start, &stop, &step);
    if (n < 0) return nullptr;
    // The whole of an exact str is itself (CPython: unicode_subscript).
    if (o->type == &str_type && start == 0 && step == 1 && n == s->length) return new_ref(o);
    return str_slice(s, start, n, step);
  }
  if (!key->type->nb_index)
    return type_error(cat("string indices must be integers, not '", key->type->name, "'"));
  ssize i;
  if (!subscript_index(key, &i)) return nullptr;
  if (i < 0) i += s->length;
  if (i < 0 || i >= s->length) return index_error("string index out of range");
  return str_char(s, i);
}

int str_contains(Object* o, Object* item) {
  if (!is_str(item)) {
    type_error(cat("'in <string>' requires string as left operand, not ", item->type->name));
    return -1;
  }
  return as_str(o)->utf8.find(as_str(item)->utf8) != std::string::npos;
}

struct StrIterObject : Object {
  StrObject* str;
  ssize index = 0;
  size_t byte = 0;  // UTF-8 offset of code point `index`: non-ASCII text is walked, not decoded
  StrIterObject(StrObject* s) : Object(&str_iter_type), str(new_ref(s)) {}
  ~StrIterObject() override { clear_refs(); }
  void clear_refs() override {
    Object* s = str;
    str = nullptr;
    xdecref(s);
  }
  int traverse(VisitFn visit, void* arg) override { return visit_ref(str, visit, arg); }
};

Object* str_iter(Object* o) { return make<StrIterObject>(as_str(o)); }
Object* str_iter_next(Object* o) {
  auto* it = static_cast<StrIterObject*>(o);
  if (!it->str || it->index >= it->str->length) return nullptr;
  StrObject* s = it->str;
  if (s->ascii) return str_char(s, it->index++);
  size_t end = it->byte + 1;
  while (end < s->utf8.size() && !utf8_is_lead(s->utf8[end])) ++end;
  Object* c = new_str_known(std::string_view(s->utf8).substr(it->byte, end - it->byte), 1, end - it->byte == 1);
  it->byte = end;
  ++it->index;
  return c;
}
Object* self_iter(Object* o) { return new_ref(o); }

// CPython: Objects/unicodeobject.c unicode_new_impl, PyUnicode_FromEncodedObject
Object* str_new(TypeObject*, Object* const* a, size_t n, TupleObject* kw) {
  if (n == 1 && !kw) return object_str(a[0]);  // str(x), the common call
  // CPython: Objects/unicodeobject.c unicode_vectorcall checks a positional-only call first.
  if ((!kw || kw->items.empty()) && n > 3) return type_error(cat("str expected at most 3 arguments, got ", n));
  Object* args[3];
  if (!bind_args("str", a, n, kw, {"object", "encoding", "errors"}, 0, args)) return nullptr;
  if (!args[0]) return new_str("");
  if (!args[1] && !args[2]) return object_str(args[0]);
  for (int i = 1; i < 3; ++i)
    if (args[i] && !is_str(args[i]))
      return type_error(cat("str() argument '", i == 1 ? "encoding" : "errors", "' must be str, not ",
                            args[i]->type->name));
  std::string_view data;
  if (is_str(args[0])) return type_error("decoding str is not supported");
  if (!bytes_like_view(args[0], &data))
    return type_error(cat("decoding to str: need a bytes-like object, ", args[0]->type->name, " found"));
  std::string copy(data);
  return codec_decode(copy, args[1] ? as_str(args[1])->view() : "utf-8", args[2] ? as_str(args[2])->view() : "strict");
}

}  // namespace

void init_str_type() {
  make_static_type(&str_type, &type_type, "str", &object_type);
  make_static_type(&str_iter_type, &type_type, "str_ascii_iterator", &object_type, 0);
  str_type.flags |= TypeFlags::str_subclass;
  str_type.tp_new = str_new;
  str_type.tp_repr = str_repr_slot;
  str_type.tp_str = str_str_slot;
  str_type.tp_hash = str_hash_slot;
  str_type.tp_richcompare = str_richcompare;
  str_type.sq_length = str_length;
  str_type.mp_subscript = str_subscript;
  str_type.sq_contains = str_contains;
  str_type.tp_iter = str_iter;
  str_type.nb_binary[int(BinaryOp::add)] = str_add;
  str_type.nb_binary[int(BinaryOp::mul)] = str_mul;
  str_type.nb_binary[int(BinaryOp::mod)] = str_mod;
  str_iter_type.tp_iter = self_iter;
  str_iter_type.tp_iternext = str_iter_next;
}

}  // namespace gopy
