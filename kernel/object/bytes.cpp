// bytes and bytearray: construction, repr, hashing, comparison, indexing, concatenation,
// repetition, containment and iteration (CPython: Objects/bytesobject.c,
// Objects/bytearrayobject.c). The methods they share live in bytes_methods.cpp.
#include "gopy/object_bytes.hpp"

#include "gopy/codecs.hpp"
#include "gopy/object_complex.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/args.hpp"
#include "object/bytes_internal.hpp"
#include "object/bytes_warning.hpp"
#include "object/compare_result.hpp"
#include "object/prim/hash.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject bytes_type, bytearray_type, bytes_iter_type;

BytesObject* new_bytes(std::string_view data) {
  auto* b = make<BytesObject>();
  b->data.assign(data);
  return b;
}

ByteArrayObject* new_bytearray(std::string_view data) {
  auto* b = make<ByteArrayObject>();
  b->data.assign(data);
  return b;
}

bool bytes_like_view(Object* o, std::string_view* out) {
  if (is_bytes(o)) *out = as_bytes(o)->data;
  else if (is_bytearray(o)) *out = as_bytearray(o)->data;
  else if (is_memoryview(o) && static_cast<MemoryViewObject*>(o)->base) {
    auto* m = static_cast<MemoryViewObject*>(o);
    std::string_view whole;
    bytes_like_view(m->base, &whole);
    *out = whole.substr(size_t(m->offset), size_t(m->length));
  } else return false;
  return true;
}

// CPython: Objects/bytesobject.c PyBytes_Repr (bytearray_repr always escapes "'")
static std::string repr_body(std::string_view data, bool escape_single_always) {
  bool has_single = data.find('\'') != std::string_view::npos;
  bool has_double = data.find('"') != std::string_view::npos;
  char quote = (has_single && !has_double) ? '"' : '\'';
  static const char hex[] = "0123456789abcdef";
  std::string out = "b";
  out += quote;
  for (char ch : data) {
    auto c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\' || (escape_single_always && c == '\'')) {
      out += '\\';
      out += ch;
    } else if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c >= 0x7f) {
      out += "\\x";
      out += hex[c >> 4];
      out += hex[c & 0xF];
    } else out += ch;
  }
  out += quote;
  return out;
}

std::string bytes_repr_text(std::string_view data) { return repr_body(data, false); }

Object* bytes_family_new(Object* like, std::string_view data) {
  if (is_bytearray(like)) return new_bytearray(data);
  return new_bytes(data);
}

std::string_view bytes_family_data(Object* o) {
  return is_bytes(o) ? std::string_view(as_bytes(o)->data) : std::string_view(as_bytearray(o)->data);
}

bool byte_value(Object* o, int* out) {
  ssize v;
  if (!index_as_ssize(o, &v)) return false;
  if (v < 0 || v > 255) {
    value_error("byte must be in range(0, 256)");
    return false;
  }
  *out = int(v);
  return true;
}

bool bytearray_check_resizable(ByteArrayObject* b) {
  if (b->exports == 0) return true;
  set_error(&exc_BufferError, "Existing exports of data: object cannot be re-sized");
  return false;
}

// The bytes of bytes(x)/bytearray(x) for x an int count, a str with an encoding, a
// bytes-like object or an iterable of ints. CPython: bytes_new_impl, bytearray___init___impl
bool bytes_from_source(const char* type_name, Object* source, Object* encoding, Object* errors, std::string* out) {
  bool is_bytes_type = std::string_view(type_name) == "bytes";
  // Clinic converts encoding and errors (str) before the body looks at the source.
  for (auto [arg, label] : {std::pair<Object*, const char*>{encoding, "encoding"}, {errors, "errors"}}) {
    if (arg && !is_str(arg)) {
      type_error(cat(type_name, "() argument '", label, "' must be str, not ", arg == None() ? "None" : arg->type->name.c_str()));
      return false;
    }
  }
  if (!source) {
    if (encoding || errors) {
      type_error(encoding ? "encoding without a string argument" : "errors without a string argument");
      return false;
    }
    return true;
  }
  if (is_str(source)) {
    if (!encoding) {
      type_error("string argument without an encoding");
      return false;
    }
    if (!is_str(encoding) || (errors && !is_str(errors))) {
      type_error(cat(type_name, "() argument '", !is_str(encoding) ? "encoding" : "errors", "' must be str, not ",
                     (!is_str(encoding) ? encoding : errors)->type->name));
      return false;
    }
    Object* b = codec_encode(as_str(source), as_str(encoding)->view(), errors ? as_str(errors)->view() : "strict");
    if (!b) return false;
    out->assign(as_bytes(b)->data);
    decref(b);
    return true;
  }
  if (encoding || errors) {
    type_error(encoding ? "encoding without a string argument" : "errors without a string argument");
    return false;
  }
  std::string_view view;
  if (bytes_like_view(source, &view)) {
    out->assign(view);
    return true;
  }
  if (is_bytes_type) {
    int error = 0;
    if (Object* m = lookup_attr(source, intern("__bytes__"), &error)) {
      Object* r = call0(m);
      decref(m);
      if (!r) return false;
      if (!is_bytes(r)) {
        type_error(cat("__bytes__ returned non-bytes (type ", r->type->name, ")"));
        decref(r);
        return false;
      }
      out->assign(as_bytes(r)->data);
      decref(r);
      return true;
    }
    if (error) return false;
  }
  if (source->type->nb_index) {
    ssize count;
    if (!index_as_ssize(source, &count)) return false;
    if (count < 0) {
      value_error("negative count");
      return false;
    }
    out->assign(size_t(count), '\0');
    return true;
  }
  if (!source->type->tp_iter && !type_lookup(source->type, "__getitem__")) {
    type_error(cat("cannot convert '", source->type->name, "' object to ", type_name));
    return false;
  }
  Object* it = get_iter(source);
  if (!it) return false;
  while (Object* item = iter_next(it)) {
    ssize v;
    bool ok = index_as_ssize(item, &v);
    decref(item);
    if (!ok) {
      decref(it);
      return false;
    }
    if (v < 0 || v > 255) {
      decref(it);
      value_error(is_bytes_type ? "bytes must be in range(0, 256)" : "byte must be in range(0, 256)");
      return false;
    }
    out->push_back(char(v));
  }
  decref(it);
  return !error_occurred();
}

namespace {

Object* bytes_new(TypeObject*, Object* const* a, size_t n, TupleObject* kw) {
  // bytes(b) of an exact bytes is b (CPython: bytes_new_impl through bytes.__bytes__).
  if (n == 1 && (!kw || kw->items.empty()) && a[0]->type == &bytes_type) return new_ref(a[0]);
  Object* args[3];
  if (!bind_args("bytes", a, n, kw, {"source", "encoding", "errors"}, 0, args)) return nullptr;
  std::string data;
  if (!bytes_from_source("bytes", args[0], args[1], args[2], &data)) return nullptr;
  return new_bytes(data);
}

Object* bytearray_new(TypeObject*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[3];
  if (!bind_args("bytearray", a, n, kw, {"source", "encoding", "errors"}, 0, args)) return nullptr;
  std::string data;
  if (!bytes_from_source("bytearray", args[0], args[1], args[2], &data)) return nullptr;
  return new_bytearray(data);
}

Object* bytes_repr(Object* o) { return new_str(repr_body(as_bytes(o)->data, false)); }
Object* bytearray_repr(Object* o) {
  // CPython: Objects/bytearrayobject.c bytearray_repr names the (sub)class.
  return new_str(cat(o->type->name, "(", repr_body(as_bytearray(o)->data, true), ")"));
}

int64_t bytes_hash(Object* o) {
  auto* b = as_bytes(o);
  if (b->hash != -1) return b->hash;
  Interpreter* interp = get_thread_state()->interp;
  b->hash = prim::hash_latin1(prim::HashSecret{interp->hash_k0, interp->hash_k1}, b->data);
  return b->hash;
}

ssize family_length(Object* o) { return ssize(bytes_family_data(o).size()); }

Object* family_richcompare(Object* a, Object* b, CompareOp op) {
  std::string_view x = bytes_family_data(a), y;
  if (!bytes_like_view(b, &y) || is_memoryview(b)) {
    if (warn_bytes_comparison(a, b, op) < 0) return nullptr;
    return new_ref(NotImplemented());
  }
  int c = x.compare(y);
  return compare_result(c, op);
}

Object* family_subscript(Object* o, Object* key) {
  std::string_view data = bytes_family_data(o);
  if (key->type == &slice_type) {
    ssize start, stop, step;
    ssize n = slice_indices(static_cast<SliceObject*>(key), ssize(data.size()), &start, &stop, &step);
    if (n < 0) return nullptr;
    // The whole of an exact bytes is itself (CPython: bytes_subscript).
    if (o->type == &bytes_type && start == 0 && step == 1 && n == ssize(data.size())) return new_ref(o);
    std::string out;
    out.reserve(size_t(n));
    for (ssize i = 0, j = start; i < n; ++i, j += step) out += data[size_t(j)];
    return bytes_family_new(o, out);
  }
  if (!key->type->nb_index)
    return type_error(cat(is_bytes(o) ? "byte" : "bytearray", " indices must be integers or slices, not ",
                          key->type->name));
  ssize i;
  if (!index_as_ssize(key, &i)) return nullptr;
  if (i < 0) i += ssize(data.size());
  if (i < 0 || i >= ssize(data.size()))
    return index_error(is_bytes(o) ? "index out of range" : "bytearray index out of range");
  return new_int(static_cast<unsigned char>(data[size_t(i)]));
}

int family_contains(Object* o, Object* item) {
  std::string_view data = bytes_family_data(o);
  if (item->type->nb_index) {
    int v;
    if (!byte_value(item, &v)) return -1;
    return data.find(char(v)) != std::string_view::npos;
  }
  std::string_view needle;
  if (!bytes_like_view(item, &needle)) {
    type_error(cat("a bytes-like object is required, not '", item->type->name, "'"));
    return -1;
  }
  return data.find(needle) != std::string_view::npos;
}

Object* family_add(Object* a, Object* b) {
  std::string_view x, y;
  if (!bytes_like_view(a, &x) || is_memoryview(a)) return new_ref(NotImplemented());
  if (!bytes_like_view(b, &y))
    return type_error(cat("can't concat ", b->type->name, " to ", a->type->name));
  std::string out;
  out.reserve(x.size() + y.size());
  out.append(x).append(y);
  return bytes_family_new(a, out);
}

Object* family_repeat(Object* seq, Object* count_obj) {
  ssize count;
  if (!index_as_ssize(count_obj, &count)) return nullptr;
  std::string_view data = bytes_family_data(seq);
  if (count <= 0 || data.empty()) return bytes_family_new(seq, "");
  if (count == 1 && seq->type == &bytes_type) return new_ref(seq);  // CPython: bytes_repeat
  if (data.size() * size_t(count) > (size_t(1) << 32)) return no_memory();
  std::string out;
  out.reserve(data.size() * size_t(count));
  for (ssize i = 0; i < count; ++i) out.append(data);
  return bytes_family_new(seq, out);
}

Object* family_mul(Object* a, Object* b) {
  if ((is_bytes(a) || is_bytearray(a)) && b->type->nb_index) return family_repeat(a, b);
  if ((is_bytes(b) || is_bytearray(b)) && a->type->nb_index) return family_repeat(b, a);
  return new_ref(NotImplemented());
}

Object* family_mod(Object* a, Object* b) {
  if (!is_bytes(a) && !is_bytearray(a)) return new_ref(NotImplemented());
  std::string out;
  if (!bytes_printf(bytes_family_data(a), b, &out)) return nullptr;
  return bytes_family_new(a, out);
}

int family_bool(Object* o) { return !bytes_family_data(o).empty(); }

// ---- bytearray mutation ----

int bytearray_ass_subscript(Object* o, Object* key, Object* value) {
  auto* b = as_bytearray(o);
  if (key->type == &slice_type) {
    ssize start, stop, step;
    ssize n = slice_indices(static_cast<SliceObject*>(key), ssize(b->data.size()), &start, &stop, &step);
    if (n < 0) return -1;
    std::string repl;
    if (value) {
      // CPython: bytearray_ass_subscript refuses a str and any number (PyNumber_Check).
      if (is_str(value) || value->type->nb_index || value->type->nb_int || value->type->nb_float ||
          is_complex(value)) {
        type_error("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return -1;
      }
      if (value == o) repl = b->data;
      else if (!bytes_from_source("bytearray", value, nullptr, nullptr, &repl)) return -1;
    }
    if (step == 1) {
      if (ssize(repl.size()) != n && !bytearray_check_resizable(b)) return -1;
      b->data.replace(size_t(start), size_t(n), repl);
      return 0;
    }
    if (!value) {
      if (!bytearray_check_resizable(b)) return -1;
      std::string kept;
      for (ssize i = 0; i < ssize(b->data.size()); ++i) {
        bool removed = step > 0 ? (i >= start && i < stop && (i - start) % step == 0)
                                : (i <= start && i > stop && (start - i) % (-step) == 0);
        if (!removed) kept += b->data[size_t(i)];
      }
      b->data = kept;
      return 0;
    }
    if (ssize(repl.size()) != n) {
      value_error(cat("attempt to assign bytes of size ", repl.size(), " to extended slice of size ", n));
      return -1;
    }
    for (ssize i = 0, j = start; i < n; ++i, j += step) b->data[size_t(j)] = repl[size_t(i)];
    return 0;
  }
  if (!key->type->nb_index) {
    type_error(cat("bytearray indices must be integers or slices, not ", key->type->name));
    return -1;
  }
  ssize i;
  if (!index_as_ssize(key, &i)) return -1;
  if (i < 0) i += ssize(b->data.size());
  if (i < 0 || i >= ssize(b->data.size())) {
    index_error("bytearray index out of range");
    return -1;
  }
  if (!value) {
    if (!bytearray_check_resizable(b)) return -1;
    b->data.erase(size_t(i), 1);
    return 0;
  }
  int v;
  if (!byte_value(value, &v)) return -1;
  b->data[size_t(i)] = char(v);
  return 0;
}

Object* bytearray_iadd(Object* a, Object* b) {
  std::string_view y;
  if (!bytes_like_view(b, &y)) return type_error(cat("can't concat ", b->type->name, " to bytearray"));
  auto* ba = as_bytearray(a);
  if (!bytearray_check_resizable(ba)) return nullptr;
  std::string copy(y);
  ba->data += copy;
  return new_ref(a);
}

Object* bytearray_imul(Object* a, Object* b) {
  if (!b->type->nb_index) return new_ref(NotImplemented());
  ssize count;
  if (!index_as_ssize(b, &count)) return nullptr;
  auto* ba = as_bytearray(a);
  if (!bytearray_check_resizable(ba)) return nullptr;
  std::string unit = ba->data;
  ba->data.clear();
  for (ssize i = 0; i < count; ++i) ba->data += unit;
  return new_ref(a);
}

// ---- iteration ----

struct BytesIterObject : Object {
  Object* seq;
  ssize index = 0;
  explicit BytesIterObject(Object* s) : Object(&bytes_iter_type), seq(new_ref(s)) {}
  ~BytesIterObject() override { clear_refs(); }
  void clear_refs() override {
    Object* s = seq;
    seq = nullptr;
    xdecref(s);
  }
  int traverse(VisitFn visit, void* arg) override { return visit_ref(seq, visit, arg); }
};

Object* family_iter(Object* o) { return make<BytesIterObject>(o); }
Object* bytes_iter_next(Object* o) {
  auto* it = static_cast<BytesIterObject*>(o);
  if (!it->seq) return nullptr;
  std::string_view data = bytes_family_data(it->seq);
  if (it->index >= ssize(data.size())) {
    it->clear_refs();
    return nullptr;
  }
  return new_int(static_cast<unsigned char>(data[size_t(it->index++)]));
}
Object* self_iter(Object* o) { return new_ref(o); }

void init_family_slots(TypeObject* t) {
  t->sq_length = family_length;
  t->tp_richcompare = family_richcompare;
  t->mp_subscript = family_subscript;
  t->sq_contains = family_contains;
  t->tp_iter = family_iter;
  t->nb_bool = family_bool;
  t->nb_binary[int(BinaryOp::add)] = family_add;
  t->nb_binary[int(BinaryOp::mul)] = family_mul;
  t->nb_binary[int(BinaryOp::mod)] = family_mod;
}

}  // namespace

void init_bytes_types() {
  make_static_type(&bytes_type, &type_type, "bytes", &object_type);
  make_static_type(&bytearray_type, &type_type, "bytearray", &object_type);
  make_static_type(&bytes_iter_type, &type_type, "bytes_iterator", &object_type, 0);
  init_family_slots(&bytes_type);
  init_family_slots(&bytearray_type);
  bytes_type.tp_new = bytes_new;
  bytes_type.tp_repr = bytes_repr;
  bytes_type.tp_str = bytes_family_str;
  bytes_type.tp_hash = bytes_hash;
  bytes_type.lazy_methods = init_bytes_methods;
  bytearray_type.tp_new = bytearray_new;
  bytearray_type.tp_repr = bytearray_repr;
  bytearray_type.tp_str = bytes_family_str;
  bytearray_type.mp_ass_subscript = bytearray_ass_subscript;
  bytearray_type.nb_inplace[int(BinaryOp::add)] = bytearray_iadd;
  bytearray_type.nb_inplace[int(BinaryOp::mul)] = bytearray_imul;
  bytearray_type.lazy_methods = init_bytearray_methods;
  bytes_iter_type.tp_iter = self_iter;
  bytes_iter_type.tp_iternext = bytes_iter_next;
  init_memoryview_type();
  init_codecs_types();
}

}  // namespace gopy
