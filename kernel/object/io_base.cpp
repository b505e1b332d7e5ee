// The io ABCs (IOBase, RawIOBase, BufferedIOBase, TextIOBase), io.UnsupportedOperation
// and the methods every stream shares (CPython: Modules/_io/iobase.c).
#include <unistd.h>

#include <cerrno>
#include <functional>

#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/signals.hpp"
#include "object/io_internal.hpp"
#include "object/strcat.hpp"

namespace gopy {

TypeObject io_base_type, raw_io_base_type, buffered_io_base_type, text_io_base_type, exc_UnsupportedOperation;

std::nullptr_t closed_file_error(bool full_stop) {
  return value_error(full_stop ? "I/O operation on closed file." : "I/O operation on closed file");
}
std::nullptr_t unsupported(std::string_view what) { return set_error(&exc_UnsupportedOperation, what); }

ssize_t retry_eintr(const std::function<ssize_t()>& call) {
  for (;;) {
    ssize_t r = call();
    if (r >= 0 || errno != EINTR) return r;
    if (check_signals() < 0) {
      errno = 0;  // the handler's exception is set
      return -1;
    }
  }
}

Object* io_self_iter(Object* self) {
  Object* closed = get_attr(self, "closed");
  if (!closed) return nullptr;
  int c = object_is_true(closed);
  decref(closed);
  if (c < 0) return nullptr;
  if (c) return closed_file_error();
  return new_ref(self);
}

// CPython: Modules/_io/iobase.c iobase_iternext: readline until it answers empty.
Object* io_iternext(Object* self) {
  Object* line = call_method(self, "readline", nullptr, 0);
  if (!line) return nullptr;
  ssize len = object_length(line);
  if (len <= 0) {
    decref(line);
    return nullptr;
  }
  return line;
}

namespace {

// CPython: Modules/_io/iobase.c _io__IOBase_readlines_impl (hint <= 0: all lines).
Object* m_readlines(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("readlines", kw) || !check_nargs("readlines", n - 1, 0, 1)) return nullptr;
  int64_t hint = -1;
  if (n > 1 && a[1] != None() && !int_to_int64(a[1], &hint)) return nullptr;
  Ref<ListObject> lines = Ref<ListObject>::steal(new_list());
  ssize total = 0;
  for (;;) {
    Object* line = io_iternext(a[0]);
    if (!line) {
      if (error_occurred()) return nullptr;
      break;
    }
    ssize len = object_length(line);
    int rc = list_append(lines.get(), line);
    decref(line);
    if (rc < 0) return nullptr;
    total += len;
    if (hint > 0 && total >= hint) break;
  }
  return lines.release();
}

Object* m_writelines(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("writelines", kw) || !check_nargs("writelines", n - 1, 1, 1)) return nullptr;
  Ref<> it = Ref<>::steal(get_iter(a[1]));
  if (!it) return nullptr;
  while (Object* line = iter_next(it.get())) {
    Object* r = call_method(a[0], "write", &line, 1);
    decref(line);
    if (!r) return nullptr;
    decref(r);
  }
  if (error_occurred()) return nullptr;
  return new_none();
}

// __enter__ checks the file is open and answers it, as iter() does.
Object* m_enter(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__enter__", kw) || !check_nargs("__enter__", n - 1, 0, 0)) return nullptr;
  return io_self_iter(a[0]);
}

Object* m_exit(Object*, Object* const* a, size_t, TupleObject*) { return call_method(a[0], "close", nullptr, 0); }

Object* m_false(Object*, Object* const*, size_t, TupleObject*) { return new_bool(false); }
Object* m_fileno(Object*, Object* const*, size_t, TupleObject*) { return unsupported("fileno"); }

Object* m_iter(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__iter__", kw) || !check_nargs("__iter__", n - 1, 0, 0)) return nullptr;
  return io_self_iter(a[0]);
}
Object* m_next(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__next__", kw) || !check_nargs("__next__", n - 1, 0, 0)) return nullptr;
  Object* line = io_iternext(a[0]);
  if (!line && !error_occurred()) set_error(&exc_StopIteration, "");
  return line;
}

// readinto(b) through the object's own read (read1 for readinto1): what it returns is
// copied to the front of b, a bytearray or a writable memoryview.
// CPython: Modules/_io/bufferedio.c _bufferediobase_readinto_generic, iobase.c
// _io__RawIOBase_read_impl's reverse.
Object* readinto_via(Object* self, Object* target, const char* method) {
  std::string* data = nullptr;
  size_t offset = 0, room = 0;
  if (target->type == &bytearray_type) {
    data = &as_bytearray(target)->data;
    room = data->size();
  } else if (target->type == &memoryview_type && !static_cast<MemoryViewObject*>(target)->readonly) {
    auto* mv = static_cast<MemoryViewObject*>(target);
    if (!mv->base) return value_error("operation forbidden on released memoryview object");
    data = &as_bytearray(mv->base)->data;
    offset = size_t(mv->offset);
    room = size_t(mv->length);
  } else {
    return type_error(cat(method[4] == '1' ? "readinto1()" : "readinto()",
                          " argument must be read-write bytes-like object, not ", target->type->name));
  }
  Object* len = new_int(int64_t(room));
  Ref<> got = Ref<>::steal(call_method(self, method, &len, 1));
  decref(len);
  if (!got) return nullptr;
  if (got.get() == None()) return new_none();
  std::string_view bytes;
  if (!bytes_like_view(got.get(), &bytes)) return type_error(cat(method, "() should return bytes"));
  if (bytes.size() > room) return value_error(cat(method, "() returned too much data"));
  data->replace(offset, bytes.size(), bytes);
  return new_int(int64_t(bytes.size()));
}

Object* m_readinto(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("readinto", kw) || !check_nargs("readinto", n - 1, 1, 1)) return nullptr;
  return readinto_via(a[0], a[1], "read");
}
Object* m_readinto1(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("readinto1", kw) || !check_nargs("readinto1", n - 1, 1, 1)) return nullptr;
  return readinto_via(a[0], a[1], "read1");
}

void init_buffered_base_methods() {
  add_method(&buffered_io_base_type, "readinto", m_readinto);
  add_method(&buffered_io_base_type, "readinto1", m_readinto1);
}
void init_raw_base_methods() { add_method(&raw_io_base_type, "readinto", m_readinto); }

void init_base_methods() {
  add_io_base_methods(&io_base_type);
  add_method(&io_base_type, "readable", m_false);
  add_method(&io_base_type, "writable", m_false);
  add_method(&io_base_type, "seekable", m_false);
  add_method(&io_base_type, "isatty", m_false);
  add_method(&io_base_type, "fileno", m_fileno);
}

}  // namespace

void add_io_base_methods(TypeObject* t) {
  add_method(t, "readlines", m_readlines);
  add_method(t, "writelines", m_writelines);
  add_method(t, "__enter__", m_enter);
  add_method(t, "__exit__", m_exit);
  add_method(t, "__iter__", m_iter);
  add_method(t, "__next__", m_next);
  t->tp_iter = io_self_iter;
  t->tp_iternext = io_iternext;
}

void init_io_base_types() {
  make_static_type(&io_base_type, &type_type, "_IOBase", &object_type);
  io_base_type.lazy_methods = init_base_methods;
  make_static_type(&raw_io_base_type, &type_type, "_RawIOBase", &io_base_type);
  make_static_type(&buffered_io_base_type, &type_type, "_BufferedIOBase", &io_base_type);
  buffered_io_base_type.lazy_methods = init_buffered_base_methods;
  raw_io_base_type.lazy_methods = init_raw_base_methods;
  make_static_type(&text_io_base_type, &type_type, "_TextIOBase", &io_base_type);
  for (TypeObject* t : {&io_base_type, &raw_io_base_type, &buffered_io_base_type, &text_io_base_type}) {
    t->module = "_io";
    t->tp_iter = io_self_iter;
    t->tp_iternext = io_iternext;
  }
  // CPython derives it from both OSError and ValueError; gopy has single inheritance, so
  // it is an OSError (except ValueError does not catch it).
  make_static_type(&exc_UnsupportedOperation, &type_type, "UnsupportedOperation", &exc_OSError,
                   TypeFlags::basetype | TypeFlags::exception);
  exc_UnsupportedOperation.module = "io";
  exc_UnsupportedOperation.tp_new = exc_OSError.tp_new;
  exc_UnsupportedOperation.tp_init = exc_OSError.tp_init;
  exc_UnsupportedOperation.tp_repr = exc_OSError.tp_repr;
  exc_UnsupportedOperation.tp_str = exc_OSError.tp_str;
  exc_UnsupportedOperation.tp_getattr = exc_OSError.tp_getattr;
  exc_UnsupportedOperation.tp_setattr = exc_OSError.tp_setattr;
  exc_UnsupportedOperation.tp_hash = exc_OSError.tp_hash;
  exc_UnsupportedOperation.instance_dict = exc_OSError.instance_dict;
}

}  // namespace gopy
