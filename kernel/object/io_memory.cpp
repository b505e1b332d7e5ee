// io.StringIO and io.BytesIO: streams over data in memory (CPython: Modules/_io/stringio.c,
// bytesio.c). StringIO keeps code points so positions are character indexes; its newline
// argument is honoured for writing (None translates "\r\n" and "\r" to "\n"), and lines
// end at "\n".
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/args.hpp"
#include "object/io_internal.hpp"
#include "object/strcat.hpp"

namespace gopy {

TypeObject string_io_type, bytes_io_type;

namespace {

MemoryIOObject* self_of(Object* const* a) { return static_cast<MemoryIOObject*>(a[0]); }
bool is_text(const MemoryIOObject* m) { return m->type == &string_io_type; }
// BytesIO's bytes: the shared bytearray's once getbuffer() made one.
std::string& B(MemoryIOObject* m) { return m->shared ? m->shared->data : m->bytes; }
const std::string& B(const MemoryIOObject* m) { return m->shared ? m->shared->data : m->bytes; }

// CPython: Modules/_io/bytesio.c check_exports.
bool check_exports(MemoryIOObject* m) {
  if (m->shared && m->shared->exports > 0) {
    set_error(&exc_BufferError, "Existing exports of data: object cannot be re-sized");
    return false;
  }
  return true;
}
size_t data_size(const MemoryIOObject* m) { return is_text(m) ? m->chars.size() : B(m).size(); }

Object* result(const MemoryIOObject* m, size_t from, size_t to) {
  if (is_text(m)) return new_str_from_cps(m->chars.substr(from, to - from));
  return new_bytes(std::string_view(B(m)).substr(from, to - from));
}

bool check_open(MemoryIOObject* m) {
  if (m->closed) return closed_file_error(!is_text(m)), false;  // StringIO's text has no full stop
  return true;
}

bool size_arg(Object* const* a, size_t n, int64_t* size) {
  *size = -1;
  return n < 2 || a[1] == None() || int_to_int64(a[1], size);
}

Object* m_getvalue(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("getvalue", kw) || !check_nargs("getvalue", n - 1, 0, 0)) return nullptr;
  MemoryIOObject* m = self_of(a);
  if (!check_open(m)) return nullptr;
  return result(m, 0, data_size(m));
}

Object* m_read(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("read", kw) || !check_nargs("read", n - 1, 0, 1)) return nullptr;
  MemoryIOObject* m = self_of(a);
  int64_t size;
  if (!size_arg(a, n, &size) || !check_open(m)) return nullptr;
  size_t from = std::min(m->pos, data_size(m));
  size_t to = size < 0 ? data_size(m) : std::min(data_size(m), from + size_t(size));
  m->pos = std::max(m->pos, to);
  return result(m, from, to);
}

// One past the end of the line starting at from. StringIO(newline='') ends lines at "\r",
// "\n" or "\r\n"; newline='\r' or '\r\n' at that string (CPython: _stringio_readline).
size_t line_end(const MemoryIOObject* m, size_t from) {
  if (!is_text(m)) {
    size_t nl = B(m).find('\n', from);
    return nl == std::string::npos ? data_size(m) : nl + 1;
  }
  const std::u32string& c = m->chars;
  if (m->universal && !m->translate_newlines) {
    size_t nl = c.find_first_of(U"\r\n", from);
    if (nl == std::u32string::npos) return c.size();
    return c[nl] == U'\r' && nl + 1 < c.size() && c[nl + 1] == U'\n' ? nl + 2 : nl + 1;
  }
  size_t nl = c.find(m->readnl, from);
  return nl == std::u32string::npos ? c.size() : nl + m->readnl.size();
}

Object* m_readline(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("readline", kw) || !check_nargs("readline", n - 1, 0, 1)) return nullptr;
  MemoryIOObject* m = self_of(a);
  int64_t limit;
  if (!size_arg(a, n, &limit) || !check_open(m)) return nullptr;
  size_t from = std::min(m->pos, data_size(m));
  size_t to = line_end(m, from);
  if (limit >= 0) to = std::min(to, from + size_t(limit));
  m->pos = std::max(m->pos, to);
  return result(m, from, to);
}

Object* memory_iternext(Object* o) {
  auto* m = static_cast<MemoryIOObject*>(o);
  if (!check_open(m)) return nullptr;
  size_t from = std::min(m->pos, data_size(m));
  size_t to = line_end(m, from);
  if (to == from) return nullptr;
  m->pos = to;
  return result(m, from, to);
}

// "\r\n" and "\r" as "\n" (StringIO(newline=None)).
std::u32string universal_newlines(const std::u32string& text) {
  std::u32string out;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] != U'\r') out += text[i];
    else if (i + 1 >= text.size() || text[i + 1] != U'\n') out += U'\n';
  }
  return out;
}

// What a write stores: universal streams note the kinds of newline (and newline=None makes
// them "\n"), then '\n' becomes the newline given (CPython: stringio.c write_str).
std::u32string text_to_store(MemoryIOObject* m, std::u32string text) {
  if (m->universal) {
    for (size_t i = 0; i < text.size(); ++i) {
      if (text[i] == U'\n') m->seen_newlines |= 2;
      else if (text[i] == U'\r') {
        if (i + 1 < text.size() && text[i + 1] == U'\n') m->seen_newlines |= 4, ++i;
        else m->seen_newlines |= 1;
      }
    }
    if (m->translate_newlines) text = universal_newlines(text);
  }
  if (!m->writenl.empty()) {
    std::u32string out;
    for (char32_t ch : text) {
      if (ch == U'\n') out += m->writenl;
      else out += ch;
    }
    text = std::move(out);
  }
  return text;
}

// Writes over the data at pos, padding with zeros when pos is past the end.
template <class S>
void put(S& data, size_t pos, const S& text) {
  if (pos > data.size()) data.resize(pos);
  data.replace(pos, std::min(text.size(), data.size() - pos), text);
}

Object* m_write(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("write", kw) || !check_nargs("write", n - 1, 1, 1)) return nullptr;
  MemoryIOObject* m = self_of(a);
  if (!check_open(m)) return nullptr;
  size_t written;
  if (is_text(m)) {
    if (!is_str(a[1])) return type_error(cat("string argument expected, got '", a[1]->type->name, "'"));
    std::u32string text = decode_utf8(as_str(a[1])->view());
    written = text.size();
    text = text_to_store(m, std::move(text));
    put(m->chars, m->pos, text);
    m->pos += text.size();
  } else {
    if (!check_exports(m)) return nullptr;
    std::string_view data;
    if (!bytes_like_view(a[1], &data))
      return type_error(cat("a bytes-like object is required, not '", a[1]->type->name, "'"));
    written = data.size();
    put(B(m), m->pos, std::string(data));
    m->pos += data.size();
  }
  return new_int(ssize(written));
}

// CPython: Modules/_io/stringio.c _io_StringIO_seek_impl and bytesio.c _io_BytesIO_seek_impl.
Object* m_seek(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("seek", kw) || !check_nargs("seek", n - 1, 1, 2)) return nullptr;
  MemoryIOObject* m = self_of(a);
  int64_t off, whence = 0;
  if (!int_to_int64(a[1], &off) || (n > 2 && !int_to_int64(a[2], &whence))) return nullptr;
  if (!check_open(m)) return nullptr;
  if (whence < 0 || whence > 2)
    return value_error(cat(is_text(m) ? "Invalid whence (" : "invalid whence (", std::to_string(whence),
                           ", should be 0, 1 or 2)"));
  if (whence == 0 && off < 0)
    return value_error(cat(is_text(m) ? "Negative seek position " : "negative seek value ", std::to_string(off)));
  if (is_text(m) && whence != 0 && off != 0)
    return set_error(&exc_OSError, whence == 1 ? "Can't do nonzero cur-relative seeks"
                                               : "Can't do nonzero end-relative seeks");
  int64_t base = whence == 0 ? 0 : whence == 1 ? int64_t(m->pos) : int64_t(data_size(m));
  m->pos = size_t(std::max<int64_t>(0, base + off));
  return new_int(int64_t(m->pos));
}

Object* m_tell(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("tell", kw) || !check_nargs("tell", n - 1, 0, 0)) return nullptr;
  MemoryIOObject* m = self_of(a);
  if (!check_open(m)) return nullptr;
  return new_int(int64_t(m->pos));
}

// Cuts the data at size (the position by default); the position does not move.
Object* m_truncate(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("truncate", kw) || !check_nargs("truncate", n - 1, 0, 1)) return nullptr;
  MemoryIOObject* m = self_of(a);
  if (!check_open(m) || (!is_text(m) && !check_exports(m))) return nullptr;
  int64_t size = int64_t(m->pos);
  if (n > 1 && a[1] != None() && !int_to_int64(a[1], &size)) return nullptr;
  if (size < 0) return value_error(cat("Negative size value ", std::to_string(size)));
  if (size_t(size) < data_size(m)) {
    if (is_text(m)) m->chars.resize(size_t(size));
    else B(m).resize(size_t(size));
  }
  return new_int(size);
}

Object* m_close(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("close", kw) || !check_nargs("close", n - 1, 0, 0)) return nullptr;
  MemoryIOObject* m = self_of(a);
  if (!is_text(m) && !check_exports(m)) return nullptr;
  m->closed = true;
  m->chars.clear();
  m->bytes.clear();
  m->clear_refs();
  return new_none();
}

// BytesIO.getbuffer(): a read-write memoryview over the data itself (CPython:
// _io_BytesIO_getbuffer_impl); while one is held the size may not change.
Object* m_getbuffer(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("getbuffer", kw) || !check_nargs("getbuffer", n - 1, 0, 0)) return nullptr;
  MemoryIOObject* m = self_of(a);
  if (!check_open(m)) return nullptr;
  if (!m->shared) {
    m->shared = new_bytearray(m->bytes);
    m->bytes.clear();
  }
  return new_memoryview(m->shared);
}

Object* m_true(Object*, Object* const* a, size_t, TupleObject*) {
  return check_open(self_of(a)) ? new_bool(true) : nullptr;
}
Object* m_false(Object*, Object* const* a, size_t, TupleObject*) {
  return check_open(self_of(a)) ? new_bool(false) : nullptr;
}
Object* m_flush(Object*, Object* const* a, size_t, TupleObject*) {
  return check_open(self_of(a)) ? new_none() : nullptr;
}

Object* memory_getattr(Object* o, StrObject* name) {
  auto* m = static_cast<MemoryIOObject*>(o);
  std::string_view attr = name->view();
  if (attr == "closed") return new_bool(m->closed);
  if (is_text(m) && attr == "line_buffering") return new_bool(false);
  if (is_text(m) && (attr == "encoding" || attr == "errors")) return new_none();
  if (is_text(m) && attr == "newlines") {
    // CPython: the newline decoder's newlines, None without one.
    if (!check_open(m)) return nullptr;
    std::vector<Object*> kinds;
    if (m->seen_newlines & 1) kinds.push_back(new_str("\r"));
    if (m->seen_newlines & 2) kinds.push_back(new_str("\n"));
    if (m->seen_newlines & 4) kinds.push_back(new_str("\r\n"));
    if (kinds.empty()) return new_none();
    if (kinds.size() == 1) return kinds[0];
    return new_tuple_steal(std::move(kinds));
  }
  return generic_getattr(o, name);
}

// StringIO(initial_value='', newline='\n') and BytesIO(initial_bytes=b'').
Object* memory_new(TypeObject* type, Object* const* a, size_t n, TupleObject* kw) {
  bool text = type == &string_io_type;
  Object* args[2] = {nullptr, nullptr};
  if (text ? !bind_args("StringIO", a, n, kw, {"initial_value", "newline"}, 0, args)
           : !bind_args("BytesIO", a, n, kw, {"initial_bytes"}, 0, args))
    return nullptr;
  Ref<MemoryIOObject> m = Ref<MemoryIOObject>::steal(make<MemoryIOObject>(type));
  if (text) {
    if (args[1] && args[1] != None() && !is_str(args[1]))
      return type_error(cat("newline must be str or None, not ", args[1]->type->name));
    // CPython: Modules/_io/stringio.c _io_StringIO___init___impl
    std::string_view nl = args[1] && args[1] != None() ? as_str(args[1])->view() : std::string_view("\n");
    if (args[1] && args[1] != None() && nl != "" && nl != "\n" && nl != "\r" && nl != "\r\n") {
      Ref<> r = Ref<>::steal(object_repr(args[1]));
      if (!r) return nullptr;
      return value_error(cat("illegal newline value: ", as_str(r.get())->view()));
    }
    m->translate_newlines = args[1] == None();
    m->universal = args[1] == None() || nl.empty();
    if (!m->universal) m->readnl = decode_utf8(nl);
    if (nl == "\r" || nl == "\r\n") m->writenl = decode_utf8(nl);
    if (args[0] && args[0] != None()) {
      if (!is_str(args[0]))
        return type_error(cat("initial_value must be str or None, not ", args[0]->type->name));
      m->chars = text_to_store(m.get(), decode_utf8(as_str(args[0])->view()));
    }
  } else if (args[0] && args[0] != None()) {
    std::string_view data;
    if (!bytes_like_view(args[0], &data))
      return type_error(cat("a bytes-like object is required, not '", args[0]->type->name, "'"));
    m->bytes.assign(data);
  }
  return m.release();
}

void init_memory_methods_of(TypeObject* t) {
  add_io_base_methods(t);
  t->tp_iternext = memory_iternext;
  const struct {
    const char* name;
    BuiltinFn fn;
  } methods[] = {{"getvalue", m_getvalue}, {"read", m_read},       {"readline", m_readline},
                 {"write", m_write},       {"seek", m_seek},       {"tell", m_tell},
                 {"truncate", m_truncate}, {"close", m_close},     {"flush", m_flush},
                 {"readable", m_true},     {"writable", m_true},   {"seekable", m_true},
                 {"isatty", m_false}};
  for (const auto& m : methods) add_method(t, m.name, m.fn);
  if (t == &bytes_io_type) {
    add_method(t, "read1", m_read);
    add_method(t, "getbuffer", m_getbuffer);
  }
}
void init_string_io_methods() { init_memory_methods_of(&string_io_type); }
void init_bytes_io_methods() { init_memory_methods_of(&bytes_io_type); }

}  // namespace

void init_memory_io_types() {
  make_static_type(&string_io_type, &type_type, "StringIO", &text_io_base_type);
  string_io_type.lazy_methods = init_string_io_methods;
  make_static_type(&bytes_io_type, &type_type, "BytesIO", &buffered_io_base_type);
  bytes_io_type.lazy_methods = init_bytes_io_methods;
  for (TypeObject* t : {&string_io_type, &bytes_io_type}) {
    t->module = "_io";
    t->tp_new = memory_new;
    t->tp_getattr = memory_getattr;
    t->tp_iter = io_self_iter;
    t->tp_iternext = memory_iternext;
  }
}

}  // namespace gopy
