// memoryview over bytes and bytearray: one-dimensional, format 'B' (CPython:
// Objects/memoryobject.c). A view of a bytearray counts as an export and pins its size
// until release().
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/typevar.hpp"
#include "object/args.hpp"
#include "object/bytes_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject memoryview_type;

namespace {

MemoryViewObject* MV(Object* o) { return static_cast<MemoryViewObject*>(o); }

void release(MemoryViewObject* m) {
  Object* base = m->base;
  if (!base) return;
  m->base = nullptr;
  if (is_bytearray(base)) --as_bytearray(base)->exports;
  decref(base);
}

// The viewed bytes, or ValueError once released.
bool view_of(Object* o, std::string_view* out) {
  if (!MV(o)->base) {
    value_error("operation forbidden on released memoryview object");
    return false;
  }
  return bytes_like_view(o, out);
}

MemoryViewObject* new_window(Object* base, ssize offset, ssize length) {
  auto* m = make<MemoryViewObject>();
  m->base = new_ref(base);
  m->offset = offset;
  m->length = length;
  m->readonly = !is_bytearray(base);
  if (is_bytearray(base)) ++as_bytearray(base)->exports;
  return m;
}

Object* memoryview_new(TypeObject*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[1];
  if (!bind_args("memoryview", a, n, kw, {"object"}, 1, args)) return nullptr;
  if (!is_bytes(args[0]) && !is_bytearray(args[0]) && !is_memoryview(args[0]))
    return type_error(cat("memoryview: a bytes-like object is required, not '", args[0]->type->name, "'"));
  return new_memoryview(args[0]);
}

Object* mv_repr(Object* o) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "<%smemory at %p>", MV(o)->base ? "" : "released ", static_cast<void*>(o));
  return new_str(buf);
}

ssize mv_length(Object* o) {
  std::string_view v;
  if (!view_of(o, &v)) return -1;
  return ssize(v.size());
}

Object* mv_subscript(Object* o, Object* key) {
  std::string_view v;
  if (!view_of(o, &v)) return nullptr;
  auto* m = MV(o);
  if (key->type == &slice_type) {
    ssize start, stop, step;
    ssize n = slice_indices(static_cast<SliceObject*>(key), ssize(v.size()), &start, &stop, &step);
    if (n < 0) return nullptr;
    if (step != 1) return set_error(&exc_NotImplementedError, "memoryview slices with a step are not supported by gopy");
    return new_window(m->base, m->offset + start, n);
  }
  if (!key->type->nb_index) return type_error("memoryview: invalid slice key");
  ssize i;
  if (!index_as_ssize(key, &i)) return nullptr;
  if (i < 0) i += ssize(v.size());
  if (i < 0 || i >= ssize(v.size())) return index_error("index out of bounds on dimension 1");
  return new_int(static_cast<unsigned char>(v[size_t(i)]));
}

int mv_ass_subscript(Object* o, Object* key, Object* value) {
  std::string_view v;
  if (!view_of(o, &v)) return -1;
  auto* m = MV(o);
  if (m->readonly) {
    type_error("cannot modify read-only memory");
    return -1;
  }
  if (!value) {
    type_error("cannot delete memory");
    return -1;
  }
  std::string& data = as_bytearray(m->base)->data;
  if (key->type == &slice_type) {
    ssize start, stop, step;
    ssize n = slice_indices(static_cast<SliceObject*>(key), ssize(v.size()), &start, &stop, &step);
    if (n < 0) return -1;
    std::string_view src;
    if (!bytes_like_view(value, &src)) {
      type_error(cat("a bytes-like object is required, not '", value->type->name, "'"));
      return -1;
    }
    if (ssize(src.size()) != n) {
      value_error("memoryview assignment: lvalue and rvalue have different structures");
      return -1;
    }
    std::string copy(src);
    for (ssize i = 0, j = start; i < n; ++i, j += step) data[size_t(m->offset + j)] = copy[size_t(i)];
    return 0;
  }
  ssize i;
  if (!index_as_ssize(key, &i)) return -1;
  if (i < 0) i += ssize(v.size());
  if (i < 0 || i >= ssize(v.size())) {
    index_error("index out of bounds on dimension 1");
    return -1;
  }
  if (!value->type->nb_index) {
    type_error("memoryview: invalid type for format 'B'");
    return -1;
  }
  ssize byte;
  if (!index_as_ssize(value, &byte)) return -1;
  if (byte < 0 || byte > 255) {
    value_error("memoryview: invalid value for format 'B'");
    return -1;
  }
  data[size_t(m->offset + i)] = char(byte);
  return 0;
}

Object* mv_richcompare(Object* a, Object* b, CompareOp op) {
  if (op != CompareOp::eq && op != CompareOp::ne) return new_ref(NotImplemented());
  std::string_view x, y;
  if (!MV(a)->base) return new_bool((a == b) == (op == CompareOp::eq));
  if (!bytes_like_view(a, &x) || !bytes_like_view(b, &y)) return new_ref(NotImplemented());
  return new_bool((x == y) == (op == CompareOp::eq));
}

Object* m_tobytes(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_kwargs_allowed("tobytes", kw, {"order"}) || !check_nargs("tobytes", n - 1, 0, 1)) return nullptr;
  std::string_view v;
  if (!view_of(a[0], &v)) return nullptr;
  return new_bytes(v);
}

Object* m_tolist(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("tolist", kw) || !check_nargs("tolist", n - 1, 0, 0)) return nullptr;
  std::string_view v;
  if (!view_of(a[0], &v)) return nullptr;
  ListObject* l = new_list(ssize(v.size()));
  for (char c : v) l->items.push_back(new_int(static_cast<unsigned char>(c)));
  return l;
}

Object* m_hex(Object*, Object* const* a, size_t n, TupleObject* kw) {
  std::string_view v;
  if (!view_of(a[0], &v)) return nullptr;
  Object* b = new_bytes(v);
  Object* r = call_method(b, "hex", a + 1, n - 1 + (kw ? kw->items.size() : 0));
  decref(b);
  return r;
}

Object* m_release(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("release", kw) || !check_nargs("release", n - 1, 0, 0)) return nullptr;
  release(MV(a[0]));
  return new_none();
}

// `with memoryview(...) as v:` releases the view at the end (CPython: memory_enter,
// memory_exit; entering a released view is an error).
Object* m_enter(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__enter__", kw) || !check_nargs("__enter__", n - 1, 0, 0)) return nullptr;
  if (!MV(a[0])->base) return value_error("operation forbidden on released memoryview object");
  return new_ref(a[0]);
}
Object* m_exit(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__exit__", kw)) return nullptr;
  (void)n;
  release(MV(a[0]));
  return new_none();
}

// cast('B') (the one format gopy's views have); other formats are refused clearly.
Object* m_cast(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[2];
  if (!bind_args("cast", a + 1, n - 1, kw, {"format", "shape"}, 1, args)) return nullptr;
  if (!MV(a[0])->base) return value_error("operation forbidden on released memoryview object");
  if (!is_str(args[0]))
    return type_error(cat("cast() argument 'format' must be str, not ", args[0]->type->name));
  if (as_str(args[0])->view() != "B" || (args[1] && args[1] != None()))
    return set_error(&exc_NotImplementedError, "memoryview.cast is supported by gopy only to format 'B' without a shape");
  return new_window(MV(a[0])->base, MV(a[0])->offset, MV(a[0])->length);
}

// A read-only view hashes as its bytes; a writable one refuses (CPython: memory_hash).
int64_t mv_hash(Object* o) {
  std::string_view v;
  if (!view_of(o, &v)) return -1;
  if (MV(o)->readonly) {
    Ref<> copy = Ref<>::steal(new_bytes(v));
    return object_hash(copy.get());
  }
  value_error("cannot hash writable memoryview object");
  return -1;
}

Object* mv_getattr(Object* o, StrObject* name) {
  std::string_view attr = name->view();
  auto* m = MV(o);
  bool field = attr == "obj" || attr == "nbytes" || attr == "readonly" || attr == "itemsize" || attr == "format" ||
               attr == "ndim" || attr == "shape" || attr == "strides" || attr == "suboffsets" ||
               attr == "c_contiguous" || attr == "f_contiguous" || attr == "contiguous";
  if (field && !m->base) return value_error("operation forbidden on released memoryview object");
  // One dimension of single bytes, contiguous (CPython: memory_shape_get and the others).
  if (attr == "shape") {
    Ref<> len = Ref<>::steal(new_int(m->length));
    return new_tuple_from({len.get()});
  }
  if (attr == "strides") {
    Ref<> one = Ref<>::steal(new_int(1));
    return new_tuple_from({one.get()});
  }
  if (attr == "suboffsets") return new_ref<Object>(empty_tuple());
  if (attr == "c_contiguous" || attr == "f_contiguous" || attr == "contiguous") return new_bool(true);
  if (attr == "obj") return new_ref(m->base);
  if (attr == "nbytes") return new_int(m->length);
  if (attr == "readonly") return new_bool(m->readonly);
  if (attr == "itemsize" || attr == "ndim") return new_int(1);
  if (attr == "format") return new_str("B");
  if (attr == "released") return new_bool(m->base == nullptr);
  return generic_getattr(o, name);
}

void init_memoryview_methods() {
  add_class_getitem(&memoryview_type);
  add_method(&memoryview_type, "tobytes", m_tobytes);
  add_method(&memoryview_type, "tolist", m_tolist);
  add_method(&memoryview_type, "hex", m_hex);
  add_method(&memoryview_type, "release", m_release);
  add_method(&memoryview_type, "__enter__", m_enter);
  add_method(&memoryview_type, "cast", m_cast);
  add_method(&memoryview_type, "__exit__", m_exit);
}

}  // namespace

void MemoryViewObject::clear_refs() { release(this); }

MemoryViewObject* new_memoryview(Object* base) {
  if (is_memoryview(base)) {
    auto* m = MV(base);
    if (!m->base) return value_error("operation forbidden on released memoryview object");
    return new_window(m->base, m->offset, m->length);
  }
  return new_window(base, 0, ssize(bytes_family_data(base).size()));
}

void init_memoryview_type() {
  make_static_type(&memoryview_type, &type_type, "memoryview", &object_type, 0);
  memoryview_type.tp_new = memoryview_new;
  memoryview_type.tp_repr = mv_repr;
  memoryview_type.sq_length = mv_length;
  memoryview_type.mp_subscript = mv_subscript;
  memoryview_type.mp_ass_subscript = mv_ass_subscript;
  memoryview_type.tp_richcompare = mv_richcompare;
  memoryview_type.tp_hash = mv_hash;
  memoryview_type.tp_iter = seq_iter_new;
  memoryview_type.tp_getattr = mv_getattr;
  memoryview_type.lazy_methods = init_memoryview_methods;
}

}  // namespace gopy
