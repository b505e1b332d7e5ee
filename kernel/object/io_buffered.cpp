// io.BufferedReader, BufferedWriter and BufferedRandom over a FileIO: a read-ahead buffer
// and a write buffer of buffer_size bytes (CPython: Modules/_io/bufferedio.c).
#include <unistd.h>

#include <cerrno>

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

TypeObject buffered_reader_type, buffered_writer_type, buffered_random_type;

BufferedObject::~BufferedObject() { clear_refs(); }

void BufferedObject::clear_refs() {
  // Best effort, as CPython's close at deallocation: what was written reaches the file.
  if (raw && !file_io_closed(raw) && !wbuf.empty()) {
    if (!buffered_flush(this)) clear_error();
  }
  FileIOObject* r = raw;
  raw = nullptr;
  xdecref(r);
}

namespace {

bool readable_type(const BufferedObject* b) { return b->type != &buffered_writer_type; }
bool writable_type(const BufferedObject* b) { return b->type != &buffered_reader_type; }

ssize_t unread(const BufferedObject* b) { return ssize_t(b->rbuf.size() - b->rpos); }

// Puts the raw position back where the reader's consumer is, dropping the read-ahead
// (CPython: _bufferedreader_reset_buf after a raw seek in _bufferedwriter_... paths).
bool drop_read_ahead(BufferedObject* b) {
  ssize_t left = unread(b);
  b->rbuf.clear();
  b->rpos = 0;
  if (left > 0 && ::lseek(b->raw->fd, -off_t(left), SEEK_CUR) < 0) return os_error_from_errno(errno), false;
  return true;
}

// One raw read of up to `size` bytes appended to out: the count, 0 at the end, -1 on error.
ssize_t raw_read(BufferedObject* b, size_t size, std::string* out) {
  size_t old = out->size();
  out->resize(old + size);
  ssize_t r = retry_eintr([&] { return ::read(b->raw->fd, out->data() + old, size); });
  out->resize(old + size_t(r > 0 ? r : 0));
  if (r < 0 && errno != 0) os_error_from_errno(errno);
  return r;
}

BufferedObject* self_of(Object* const* a) { return static_cast<BufferedObject*>(a[0]); }

bool check_readable(BufferedObject* b, const char* closed_message = "read of closed file") {
  if (!buffered_check_open(b, closed_message)) return false;
  if (!readable_type(b) || !b->raw->readable) return unsupported("read"), false;
  return true;
}
bool check_writable(BufferedObject* b, const char* closed_message = "write to closed file") {
  if (!buffered_check_open(b, closed_message)) return false;
  if (!writable_type(b) || !b->raw->writable) return unsupported("write"), false;
  return true;
}

bool size_arg(Object* const* a, size_t n, int64_t* size) {
  *size = -1;
  return n < 2 || a[1] == None() || int_to_int64(a[1], size);
}

Object* m_read(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("read", kw) || !check_nargs("read", n - 1, 0, 1)) return nullptr;
  int64_t size;
  if (!size_arg(a, n, &size)) return nullptr;
  if (size < -1) return value_error("read length must be non-negative or -1");
  std::string out;
  if (!buffered_read(self_of(a), size, &out)) return nullptr;
  return new_bytes(out);
}

// read1: what the buffer holds, or one raw read when it is empty.
Object* m_read1(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("read1", kw) || !check_nargs("read1", n - 1, 0, 1)) return nullptr;
  BufferedObject* b = self_of(a);
  int64_t size;
  if (!size_arg(a, n, &size)) return nullptr;
  std::string out;
  if (!buffered_read1(b, size < 0 ? b->buffer_size : size_t(size), &out)) return nullptr;
  return new_bytes(out);
}

Object* m_peek(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("peek", kw) || !check_nargs("peek", n - 1, 0, 1)) return nullptr;
  BufferedObject* b = self_of(a);
  if (!check_readable(b, "peek of closed file") || !buffered_flush(b)) return nullptr;
  if (unread(b) == 0) {
    b->rbuf.clear();
    b->rpos = 0;
    if (raw_read(b, b->buffer_size, &b->rbuf) < 0) return nullptr;
  }
  return new_bytes(std::string_view(b->rbuf).substr(b->rpos));
}

Object* m_readline(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("readline", kw) || !check_nargs("readline", n - 1, 0, 1)) return nullptr;
  BufferedObject* b = self_of(a);
  int64_t limit;
  if (!size_arg(a, n, &limit) || !check_readable(b, "readline of closed file") || !buffered_flush(b)) return nullptr;
  std::string out;
  for (;;) {
    size_t nl = b->rbuf.find('\n', b->rpos);
    size_t end = nl == std::string::npos ? b->rbuf.size() : nl + 1;
    if (limit >= 0) end = std::min(end, b->rpos + size_t(limit) - out.size());
    out.append(b->rbuf, b->rpos, end - b->rpos);
    b->rpos = end;
    if ((!out.empty() && out.back() == '\n') || (limit >= 0 && int64_t(out.size()) >= limit)) break;
    b->rbuf.clear();
    b->rpos = 0;
    ssize_t r = raw_read(b, b->buffer_size, &b->rbuf);
    if (r < 0) return nullptr;
    if (r == 0) break;
  }
  return new_bytes(out);
}

Object* m_write(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("write", kw) || !check_nargs("write", n - 1, 1, 1)) return nullptr;
  std::string_view data;
  if (!bytes_like_view(a[1], &data))
    return type_error(cat("a bytes-like object is required, not '", a[1]->type->name, "'"));
  if (!buffered_write(self_of(a), data)) return nullptr;
  return new_int(ssize(data.size()));
}

Object* m_flush(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("flush", kw) || !check_nargs("flush", n - 1, 0, 0)) return nullptr;
  BufferedObject* b = self_of(a);
  if (!buffered_check_open(b, "flush of closed file") || !buffered_flush(b)) return nullptr;
  return new_none();
}

Object* m_seek(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("seek", kw) || !check_nargs("seek", n - 1, 1, 2)) return nullptr;
  int64_t off, whence = SEEK_SET, pos;
  if (!int_to_int64(a[1], &off) || (n > 2 && !int_to_int64(a[2], &whence))) return nullptr;
  if (whence < 0 || whence > 2) return value_error(cat("whence value ", std::to_string(whence), " unsupported"));
  if (!buffered_seek(self_of(a), off, int(whence), &pos)) return nullptr;
  return new_int(pos);
}

Object* m_tell(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("tell", kw) || !check_nargs("tell", n - 1, 0, 0)) return nullptr;
  int64_t pos;
  if (!buffered_tell(self_of(a), &pos)) return nullptr;
  return new_int(pos);
}

Object* m_truncate(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("truncate", kw) || !check_nargs("truncate", n - 1, 0, 1)) return nullptr;
  BufferedObject* b = self_of(a);
  if (!check_writable(b, "truncate of closed file") || !buffered_flush(b)) return nullptr;
  int64_t size;
  if (n > 1 && a[1] != None()) {
    if (!int_to_int64(a[1], &size)) return nullptr;
  } else if (!buffered_tell(b, &size)) {
    return nullptr;
  }
  if (::ftruncate(b->raw->fd, off_t(size)) < 0) return os_error_from_errno(errno);
  return new_int(size);
}

// CPython: Modules/_io/bufferedio.c _io__Buffered_close_impl: flush, then close the raw
// file even when the flush failed, reporting the flush's error.
Object* m_close(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("close", kw) || !check_nargs("close", n - 1, 0, 0)) return nullptr;
  BufferedObject* b = self_of(a);
  if (!b->raw || file_io_closed(b->raw)) return new_none();
  bool flushed = buffered_flush(b);
  Object* flush_error = flushed ? nullptr : fetch_error();
  b->wbuf.clear();
  Object* r = file_io_close(b->raw);
  if (flush_error) {
    xdecref(r);
    restore_error(flush_error);
    return nullptr;
  }
  return r;
}

Object* raw_query(Object* const* a, const char* what) {
  BufferedObject* b = self_of(a);
  if (!buffered_check_open(b)) return nullptr;
  std::string_view w = what;
  if (w == "readable") return new_bool(readable_type(b) && b->raw->readable);
  if (w == "writable") return new_bool(writable_type(b) && b->raw->writable);
  return call_method(b->raw, what, nullptr, 0);
}
Object* m_fileno(Object*, Object* const* a, size_t, TupleObject*) { return raw_query(a, "fileno"); }
Object* m_isatty(Object*, Object* const* a, size_t, TupleObject*) { return raw_query(a, "isatty"); }
Object* m_seekable(Object*, Object* const* a, size_t, TupleObject*) { return raw_query(a, "seekable"); }
Object* m_readable(Object*, Object* const* a, size_t, TupleObject*) { return raw_query(a, "readable"); }
Object* m_writable(Object*, Object* const* a, size_t, TupleObject*) { return raw_query(a, "writable"); }

Object* buffered_getattr(Object* o, StrObject* name) {
  auto* b = static_cast<BufferedObject*>(o);
  std::string_view attr = name->view();
  if (b->raw && (attr == "closed" || attr == "name" || attr == "mode")) return get_attr(b->raw, name);
  if (attr == "raw" && b->raw) return new_ref(static_cast<Object*>(b->raw));
  return generic_getattr(o, name);
}

Object* buffered_repr(Object* o) {
  auto* b = static_cast<BufferedObject*>(o);
  std::string head = cat("<_io.", o->type->name);
  if (!b->raw || !b->raw->name) return new_str(head + ">");
  Ref<> name = Ref<>::steal(object_repr(b->raw->name));
  if (!name) return nullptr;
  return new_str(cat(head, " name=", as_str(name.get())->view(), ">"));
}

// BufferedReader(raw, buffer_size=DEFAULT_BUFFER_SIZE), and the writer and random alike.
Object* buffered_new(TypeObject* type, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[2];
  if (!bind_args(type->name.c_str(), a, n, kw, {"raw", "buffer_size"}, 1, args)) return nullptr;
  if (args[0]->type != &file_io_type) return type_error(cat(type->name, "() needs a FileIO as its raw stream"));
  int64_t size = int64_t(kDefaultBufferSize);
  if (args[1] && !int_to_int64(args[1], &size)) return nullptr;
  if (size <= 0) return value_error("buffer size must be strictly positive");
  return new_buffered(type, static_cast<FileIOObject*>(args[0]), size_t(size));
}

void init_buffered_methods_of(TypeObject* t) {
  add_io_base_methods(t);
  const struct {
    const char* name;
    BuiltinFn fn;
  } methods[] = {{"flush", m_flush},       {"close", m_close},       {"seek", m_seek},
                 {"tell", m_tell},         {"fileno", m_fileno},     {"isatty", m_isatty},
                 {"seekable", m_seekable}, {"readable", m_readable}, {"writable", m_writable},
                 {"read", m_read},         {"read1", m_read1},       {"peek", m_peek},
                 {"readline", m_readline}, {"write", m_write},       {"truncate", m_truncate}};
  for (const auto& m : methods) add_method(t, m.name, m.fn);
}
void init_reader_methods() { init_buffered_methods_of(&buffered_reader_type); }
void init_writer_methods() { init_buffered_methods_of(&buffered_writer_type); }
void init_random_methods() { init_buffered_methods_of(&buffered_random_type); }

}  // namespace

BufferedObject* new_buffered(TypeObject* type, FileIOObject* raw, size_t buffer_size) {
  auto* b = make<BufferedObject>(type);
  b->raw = new_ref(raw);
  b->buffer_size = buffer_size;
  return b;
}

bool buffered_check_open(BufferedObject* b, const char* closed_message) {
  if (!b->raw) return value_error("raw stream has been detached"), false;
  if (file_io_closed(b->raw)) {
    if (closed_message) return value_error(closed_message), false;
    return closed_file_error(false), false;
  }
  return true;
}

// CPython: Modules/_io/bufferedio.c _bufferedreader_read_generic, simplified: the
// read-ahead first, then whole raw reads for a large rest, else one buffer fill at a time.
bool buffered_read(BufferedObject* b, ssize n, std::string* out) {
  if (!check_readable(b) || !buffered_flush(b)) return false;
  size_t have = std::min(size_t(unread(b)), n < 0 ? SIZE_MAX : size_t(n));
  out->append(b->rbuf, b->rpos, have);
  b->rpos += have;
  while (n < 0 || out->size() < size_t(n)) {
    size_t want = n < 0 ? b->buffer_size : size_t(n) - out->size();
    if (n < 0 || want >= b->buffer_size) {
      ssize_t r = raw_read(b, want, out);
      if (r < 0) return false;
      if (r == 0) break;
      continue;
    }
    b->rbuf.clear();
    b->rpos = 0;
    ssize_t r = raw_read(b, b->buffer_size, &b->rbuf);
    if (r < 0) return false;
    if (r == 0) break;
    size_t take = std::min(want, b->rbuf.size());
    out->append(b->rbuf, 0, take);
    b->rpos = take;
  }
  return true;
}

bool buffered_read1(BufferedObject* b, size_t n, std::string* out) {
  if (!check_readable(b) || !buffered_flush(b)) return false;
  if (unread(b) == 0) return raw_read(b, n, out) >= 0;
  size_t take = std::min(n, size_t(unread(b)));
  out->append(b->rbuf, b->rpos, take);
  b->rpos += take;
  return true;
}

bool buffered_readable(const BufferedObject* b) { return readable_type(b) && b->raw && b->raw->readable; }
bool buffered_writable(const BufferedObject* b) { return writable_type(b) && b->raw && b->raw->writable; }

bool buffered_write(BufferedObject* b, std::string_view data) {
  if (!check_writable(b)) return false;
  if (unread(b) > 0 && !drop_read_ahead(b)) return false;
  b->rbuf.clear();
  b->rpos = 0;
  // What fits is only buffered; else the buffer is flushed first, and data larger than
  // the buffer goes straight on (CPython: _io__Buffered_write_impl).
  if (b->wbuf.size() + data.size() <= b->buffer_size) {
    b->wbuf.append(data);
    return true;
  }
  if (!buffered_flush(b)) return false;
  b->wbuf.assign(data);
  return b->wbuf.size() < b->buffer_size || buffered_flush(b);
}

// Writes the whole write buffer; what is not written stays buffered on error.
bool buffered_flush(BufferedObject* b) {
  size_t done = 0;
  bool ok = true;
  while (done < b->wbuf.size()) {
    ssize_t r =
        retry_eintr([&] { return ::write(b->raw->fd, b->wbuf.data() + done, b->wbuf.size() - done); });
    if (r < 0) {
      if (errno != 0) os_error_from_errno(errno);
      ok = false;
      break;
    }
    done += size_t(r);
  }
  b->wbuf.erase(0, done);
  return ok;
}

bool buffered_tell(BufferedObject* b, int64_t* pos) {
  if (!buffered_check_open(b)) return false;
  off_t raw = ::lseek(b->raw->fd, 0, SEEK_CUR);
  if (raw < 0) return os_error_from_errno(errno), false;
  *pos = int64_t(raw) - unread(b) + int64_t(b->wbuf.size());
  return true;
}

bool buffered_seek(BufferedObject* b, int64_t off, int whence, int64_t* pos) {
  if (!buffered_check_open(b, "seek of closed file") || !buffered_flush(b)) return false;
  if (whence == SEEK_CUR) off -= unread(b);
  b->rbuf.clear();
  b->rpos = 0;
  off_t r = ::lseek(b->raw->fd, off_t(off), whence);
  if (r < 0) return os_error_from_errno(errno), false;
  *pos = int64_t(r);
  return true;
}

void init_buffered_types() {
  const struct {
    TypeObject* type;
    const char* name;
    void (*methods)();
  } types[] = {{&buffered_reader_type, "BufferedReader", init_reader_methods},
               {&buffered_writer_type, "BufferedWriter", init_writer_methods},
               {&buffered_random_type, "BufferedRandom", init_random_methods}};
  for (const auto& t : types) {
    make_static_type(t.type, &type_type, t.name, &buffered_io_base_type);
    t.type->module = "_io";
    t.type->tp_new = buffered_new;
    t.type->tp_getattr = buffered_getattr;
    t.type->tp_repr = buffered_repr;
    t.type->tp_iter = io_self_iter;
    t.type->tp_iternext = io_iternext;
    t.type->lazy_methods = t.methods;
  }
}

}  // namespace gopy
