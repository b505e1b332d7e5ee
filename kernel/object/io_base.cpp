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
#include "object/type_internal.hpp"
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

}  // namespace

Object* io_readinto_method(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("readinto", kw) || !check_nargs("readinto", n - 1, 1, 1)) return nullptr;
  return readinto_via(a[0], a[1], "read");
}

namespace {
Object* m_readinto1(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("readinto1", kw) || !check_nargs("readinto1", n - 1, 1, 1)) return nullptr;
  return readinto_via(a[0], a[1], "read1");
}

// ---- the defaults a Python class deriving from the abstract bases inherits ----
// CPython: Modules/_io/iobase.c. A closed stream is one with an __IOBase_closed attribute.

int base_is_closed(Object* self) {
  int error = 0;
  Ref<> flag = Ref<>::steal(lookup_attr(self, intern("__IOBase_closed"), &error));
  if (error) return -1;
  return flag ? 1 : 0;
}

Object* m_base_closed(Object*, Object* const* a, size_t, TupleObject*) {
  int closed = base_is_closed(a[0]);
  return closed < 0 ? nullptr : new_bool(closed);
}

Object* m_base_flush(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("flush", kw) || !check_nargs("flush", n - 1, 0, 0)) return nullptr;
  int closed = base_is_closed(a[0]);
  if (closed < 0) return nullptr;
  if (closed) return value_error("I/O operation on closed file.");
  return new_none();
}

// close(): flush, then mark closed (once).
Object* m_base_close(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("close", kw) || !check_nargs("close", n - 1, 0, 0)) return nullptr;
  int closed = base_is_closed(a[0]);
  if (closed < 0) return nullptr;
  if (closed) return new_none();
  Ref<> flushed = Ref<>::steal(call_method(a[0], "flush", nullptr, 0));
  if (set_attr(a[0], intern("__IOBase_closed"), True()) < 0) return nullptr;
  return flushed ? new_none() : nullptr;
}

Object* m_base_seek(Object*, Object* const*, size_t, TupleObject*) { return unsupported("seek"); }
Object* m_base_truncate(Object*, Object* const*, size_t, TupleObject*) { return unsupported("truncate"); }
Object* m_base_tell(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("tell", kw) || !check_nargs("tell", n - 1, 0, 0)) return nullptr;
  Object* args[2] = {new_int(0), new_int(1)};
  Object* r = call_method(a[0], "seek", args, 2);
  decref(args[0]);
  decref(args[1]);
  return r;
}

// readline(size=-1): read(1) until a newline (CPython: _io__IOBase_readline_impl, without
// its peek() shortcut).
Object* m_base_readline(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("readline", kw) || !check_nargs("readline", n - 1, 0, 1)) return nullptr;
  int64_t limit = -1;
  if (n > 1 && a[1] != None() && !int_to_int64(a[1], &limit)) return nullptr;
  std::string line;
  while (limit < 0 || int64_t(line.size()) < limit) {
    Object* one = new_int(1);
    Ref<> got = Ref<>::steal(call_method(a[0], "read", &one, 1));
    decref(one);
    if (!got) return nullptr;
    if (got.get() == None()) break;
    std::string_view b;
    if (!bytes_like_view(got.get(), &b))
      return set_error(&exc_OSError, cat("read() should have returned a bytes object, not '", got->type->name, "'"));
    if (b.empty()) break;
    line.append(b);
    if (line.back() == '\n') break;
  }
  return new_bytes(line);
}

Object* m_not_implemented(Object*, Object* const*, size_t, TupleObject*) {
  return raise_object(&exc_NotImplementedError);  // no arguments, as PyErr_SetNone
}
Object* m_unsupported_read(Object*, Object* const*, size_t, TupleObject*) { return unsupported("read"); }
Object* m_unsupported_read1(Object*, Object* const*, size_t, TupleObject*) { return unsupported("read1"); }
Object* m_unsupported_write(Object*, Object* const*, size_t, TupleObject*) { return unsupported("write"); }
Object* m_unsupported_detach(Object*, Object* const*, size_t, TupleObject*) { return unsupported("detach"); }
Object* m_unsupported_readline(Object*, Object* const*, size_t, TupleObject*) { return unsupported("readline"); }
Object* m_none(Object*, Object* const*, size_t, TupleObject*) { return new_none(); }

// A read-only property whose getter is a built-in function.
void add_getter(TypeObject* t, const char* name, BuiltinFn fn) {
  auto* prop = make<PropertyObject>();
  prop->fget = new_builtin_function(name, fn);
  dict_set_str(type_own_dict(t), name, prop);
  decref(prop);
}

void init_buffered_base_methods() {
  add_method(&buffered_io_base_type, "read", m_unsupported_read);
  add_method(&buffered_io_base_type, "read1", m_unsupported_read1);
  add_method(&buffered_io_base_type, "write", m_unsupported_write);
  add_method(&buffered_io_base_type, "detach", m_unsupported_detach);
  add_method(&buffered_io_base_type, "readinto", io_readinto_method);
  add_method(&buffered_io_base_type, "readinto1", m_readinto1);
}
// CPython: Modules/_io/iobase.c _io__RawIOBase_read_impl: read(n) through readinto into a
// bytearray of n bytes; read() and read(-1) are readall().
Object* m_raw_read(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("read", kw) || !check_nargs("read", n - 1, 0, 1)) return nullptr;
  int64_t size = -1;
  if (n > 1 && a[1] != None() && !int_to_int64(a[1], &size)) return nullptr;
  if (size < 0) return call_method(a[0], "readall", nullptr, 0);
  Ref<> buf = Ref<>::steal(new_bytearray(std::string(size_t(size), '\0')));
  Object* arg = buf.get();
  Ref<> got = Ref<>::steal(call_method(a[0], "readinto", &arg, 1));
  if (!got) return nullptr;
  if (got.get() == None()) return new_none();
  int64_t count;
  if (!int_to_int64(got.get(), &count)) return nullptr;
  if (count < 0 || count > size) return value_error(cat("readinto returned ", std::to_string(count), " outside buffer size ", std::to_string(size)));
  return new_bytes(std::string_view(as_bytearray(buf.get())->data).substr(0, size_t(count)));
}

// CPython: Modules/_io/iobase.c _io__RawIOBase_readall_impl: read(DEFAULT_BUFFER_SIZE)
// until an empty read; None at once when the first read has no data yet.
Object* m_raw_readall(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("readall", kw) || !check_nargs("readall", n - 1, 0, 0)) return nullptr;
  std::string all;
  for (;;) {
    Object* size = new_int(8192);
    Ref<> got = Ref<>::steal(call_method(a[0], "read", &size, 1));
    decref(size);
    if (!got) return nullptr;
    if (got.get() == None()) {
      if (all.empty()) return new_none();
      break;
    }
    std::string_view data;
    if (!bytes_like_view(got.get(), &data)) return type_error("read() should return bytes");
    if (data.empty()) break;
    all.append(data);
  }
  return new_bytes(all);
}

void init_raw_base_methods() {
  add_method(&raw_io_base_type, "read", m_raw_read);
  add_method(&raw_io_base_type, "readall", m_raw_readall);
  add_method(&raw_io_base_type, "readinto", m_not_implemented);
  add_method(&raw_io_base_type, "write", m_not_implemented);
}

void init_text_base_methods() {
  add_method(&text_io_base_type, "read", m_unsupported_read);
  add_method(&text_io_base_type, "readline", m_unsupported_readline);
  add_method(&text_io_base_type, "write", m_unsupported_write);
  add_method(&text_io_base_type, "detach", m_unsupported_detach);
  for (const char* name : {"encoding", "newlines", "errors"}) add_getter(&text_io_base_type, name, m_none);
}

void init_base_methods() {
  add_io_base_methods(&io_base_type);
  add_method(&io_base_type, "readable", m_false);
  add_method(&io_base_type, "writable", m_false);
  add_method(&io_base_type, "seekable", m_false);
  add_method(&io_base_type, "isatty", m_false);
  add_method(&io_base_type, "fileno", m_fileno);
  add_method(&io_base_type, "flush", m_base_flush);
  add_method(&io_base_type, "close", m_base_close);
  add_method(&io_base_type, "seek", m_base_seek);
  add_method(&io_base_type, "tell", m_base_tell);
  add_method(&io_base_type, "truncate", m_base_truncate);
  add_method(&io_base_type, "readline", m_base_readline);
  add_getter(&io_base_type, "closed", m_base_closed);
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
  text_io_base_type.lazy_methods = init_text_base_methods;
  make_static_type(&text_io_base_type, &type_type, "_TextIOBase", &io_base_type);
  for (TypeObject* t : {&io_base_type, &raw_io_base_type, &buffered_io_base_type, &text_io_base_type}) {
    t->module = "_io";
    // The abstract bases make plain objects, so Python classes can derive from them
    // (CPython: their tp_new is PyType_GenericNew).
    t->tp_new = object_new_fn();
    t->flags |= TypeFlags::plain_instances;
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
