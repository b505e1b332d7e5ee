// The standard stream objects: a small text wrapper over a file descriptor with write,
// flush and readline (CPython: Modules/_io/textio.c, bufferedio.c, as used for
// sys.stdin/stdout/stderr; stdout is block-buffered on a pipe, stderr line-buffered).
#include <unistd.h>

#include <cerrno>
#include <string>

#include "gopy/object.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/object_textio.hpp"
#include "object/num_internal.hpp"
#include "object/prim/unicode.hpp"
#include "gopy/signals.hpp"
#include "object/strcat.hpp"
#include "object/textio_codec.hpp"
#include "object/type_init.hpp"
#include "object/io_internal.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject textio_type;
TypeObject std_buffer_type, std_reader_type;  // BufferedWriter, and BufferedReader for stdin

namespace {

TextIOObject* as_io(Object* o) { return static_cast<TextIOObject*>(o); }

// Writes what `data` holds and erases what was written: 0, the errno of a failed write,
// or -1 when a signal handler raised (KeyboardInterrupt) while waiting.
int write_out(int fd, std::string& data) {
  size_t done = 0;
  int err = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n >= 0) {
      done += size_t(n);
    } else if (errno != EINTR) {
      err = errno;
      break;
    } else if (check_signals() < 0) {
      err = -1;
      break;
    }
  }
  data.erase(0, done);
  return err;
}

// CPython's TextIOWrapper chunk size and the BufferedWriter's buffer size alike.
constexpr size_t kChunkSize = 8192;

// -1, with OSError for a failed write's errno (KeyboardInterrupt is already set for -1).
int fail(int err) {
  if (err > 0) os_error_from_errno(err);
  return -1;
}

// What a closed standard stream refuses, in the words of the layer CPython asks: the text
// layer's CHECK_CLOSED (Modules/_io/textio.c), the raw file's err_closed (fileio.c, no
// full stop), and the buffered reader's own (bufferedio.c).
constexpr const char* kClosedText = "I/O operation on closed file.";
constexpr const char* kClosedRaw = "I/O operation on closed file";

bool is_open(TextIOObject* io, const char* message = kClosedText) {
  if (!io->closed) return true;
  set_error(&exc_ValueError, message);
  return false;
}

// CPython: _io_TextIOWrapper_close_impl: flushed, then closed even when the flush fails.
// The standard streams are made with closefd=False, so the descriptor stays open.
Object* close_stream(TextIOObject* io) {
  if (io->closed) return new_none();
  int flushed = textio_flush(io);
  io->closed = true;
  return flushed < 0 ? nullptr : new_none();
}

Object* m_close(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("close", kw) || !check_nargs("close", n - 1, 0, 0)) return nullptr;
  return close_stream(as_io(a[0]));
}

Object* m_write(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("write", kw) || !check_nargs("write", n - 1, 1, 1)) return nullptr;
  if (!is_str(a[1])) return type_error(cat("write() argument must be str, not ", a[1]->type->name));
  if (textio_write(a[0], as_str(a[1])->view()) < 0) return nullptr;
  return new_int(as_str(a[1])->length);
}

Object* m_flush(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("flush", kw) || !check_nargs("flush", n - 1, 0, 0)) return nullptr;
  if (textio_flush(a[0]) < 0) return nullptr;
  return new_none();
}

Object* m_readline(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("readline", kw) || !check_nargs("readline", n - 1, 0, 1)) return nullptr;
  std::string line;
  if (textio_readline(a[0], &line) < 0) return nullptr;
  return new_str(line);
}

Object* m_read(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("read", kw) || !check_nargs("read", n - 1, 0, 1)) return nullptr;
  std::string all, line;
  for (;;) {
    line.clear();
    if (textio_readline(a[0], &line) < 0) return nullptr;
    if (line.empty()) break;
    all += line;
  }
  return new_str(all);
}

Object* m_fileno(Object*, Object* const* a, size_t, TupleObject*) {
  return is_open(as_io(a[0]), kClosedRaw) ? new_int(as_io(a[0])->fd) : nullptr;
}
Object* m_isatty(Object*, Object* const* a, size_t, TupleObject*) {
  return is_open(as_io(a[0]), kClosedRaw) ? new_bool(::isatty(as_io(a[0])->fd)) : nullptr;
}
Object* m_readable(Object*, Object* const* a, size_t, TupleObject*) {
  return is_open(as_io(a[0]), kClosedRaw) ? new_bool(as_io(a[0])->readable) : nullptr;
}
Object* m_writable(Object*, Object* const* a, size_t, TupleObject*) {
  return is_open(as_io(a[0]), kClosedRaw) ? new_bool(!as_io(a[0])->readable) : nullptr;
}
Object* m_seekable(Object*, Object* const* a, size_t, TupleObject*) {
  return is_open(as_io(a[0]), kClosedRaw) ? new_bool(::lseek(as_io(a[0])->fd, 0, SEEK_CUR) >= 0) : nullptr;
}

// ---- the binary layer, sys.stdout.buffer and friends ----
// A BufferedWriter (BufferedReader for stdin) over the stream's descriptor. It keeps its
// bytes in the text stream's raw_pending, so the two layers write in CPython's order.
// CPython: Modules/_io/bufferedio.c, as the buffer of the standard streams.
struct StdBufferObject : Object {
  TextIOObject* text = nullptr;  // owned
  explicit StdBufferObject(TypeObject* t) : Object(t) {}
  ~StdBufferObject() override { clear_refs(); }
  void clear_refs() override {
    TextIOObject* t = text;
    text = nullptr;
    if (t && t->buffer == this) t->buffer = nullptr;
    xdecref(t);
  }
  int traverse(VisitFn visit, void* arg) override { return visit_ref(text, visit, arg); }
};

TextIOObject* text_of(Object* const* a) { return static_cast<StdBufferObject*>(a[0])->text; }

Object* b_write(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("write", kw) || !check_nargs("write", n - 1, 1, 1)) return nullptr;
  TextIOObject* io = text_of(a);
  // Unbuffered (-u), CPython's stdout.buffer is the FileIO itself.
  if (!is_open(io, io->write_through ? kClosedRaw : "write to closed file")) return nullptr;
  if (io->readable) return unsupported("write");
  std::string_view data;
  if (!bytes_like_view(a[1], &data))
    return type_error(cat("a bytes-like object is required, not '", a[1]->type->name, "'"));
  io->raw_pending.append(data);
  if (io->raw_pending.size() >= kChunkSize || io->write_through) {
    if (int err = write_out(io->fd, io->raw_pending); err != 0) return fail(err), nullptr;
  }
  return new_int(ssize_t(data.size()));
}

Object* b_flush(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("flush", kw) || !check_nargs("flush", n - 1, 0, 0)) return nullptr;
  TextIOObject* io = text_of(a);
  if (!is_open(io, io->write_through ? kClosedText : "flush of closed file")) return nullptr;
  if (int err = write_out(io->fd, io->raw_pending); err != 0) return fail(err), nullptr;
  return new_none();
}

Object* b_close(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("close", kw) || !check_nargs("close", n - 1, 0, 0)) return nullptr;
  return close_stream(text_of(a));
}

// Reads up to `limit` bytes (all to the end for a negative limit), or one line.
Object* read_bytes(TextIOObject* io, ssize_t limit, bool line) {
  std::string out;
  for (;;) {
    if (limit >= 0 && ssize_t(out.size()) >= limit) break;
    if (line && !out.empty() && out.back() == '\n') break;
    if (check_signals() < 0) return nullptr;
    char c[8192];
    size_t want = line ? 1 : (limit < 0 ? sizeof c : std::min(sizeof c, size_t(limit) - out.size()));
    ssize_t got = ::read(io->fd, c, want);
    if (got < 0) {
      if (errno == EINTR) continue;
      return os_error_from_errno(errno), nullptr;
    }
    if (got == 0) break;
    out.append(c, size_t(got));
    if (!line && limit >= 0) break;  // read(n) returns what one read gives, as a raw read
  }
  return new_bytes(out);
}

Object* b_read(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("read", kw) || !check_nargs("read", n - 1, 0, 1)) return nullptr;
  TextIOObject* io = text_of(a);
  if (!is_open(io, "read of closed file")) return nullptr;
  if (!io->readable) return unsupported("read");
  int64_t limit = -1;
  if (n > 1 && a[1] != None() && !int_to_int64(a[1], &limit)) return nullptr;
  if (limit < -1) return value_error("read length must be non-negative or -1");
  return read_bytes(io, ssize_t(limit), false);
}

Object* b_readline(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("readline", kw) || !check_nargs("readline", n - 1, 0, 0)) return nullptr;
  TextIOObject* io = text_of(a);
  if (!is_open(io, "readline of closed file")) return nullptr;
  if (!io->readable) return unsupported("readline");
  return read_bytes(io, -1, true);
}

Object* b_fileno(Object*, Object* const* a, size_t, TupleObject*) {
  return is_open(text_of(a), kClosedRaw) ? new_int(text_of(a)->fd) : nullptr;
}
Object* b_isatty(Object*, Object* const* a, size_t, TupleObject*) {
  return is_open(text_of(a), kClosedRaw) ? new_bool(::isatty(text_of(a)->fd)) : nullptr;
}
// A reader is never writable and a writer never readable (_io._IOBase's answers, given
// without asking the raw file, closed or not).
Object* b_readable(Object*, Object* const* a, size_t, TupleObject*) {
  if (!text_of(a)->readable) return new_bool(false);
  return is_open(text_of(a), kClosedRaw) ? new_bool(true) : nullptr;
}
Object* b_writable(Object*, Object* const* a, size_t, TupleObject*) {
  if (text_of(a)->readable) return new_bool(false);
  return is_open(text_of(a), kClosedRaw) ? new_bool(true) : nullptr;
}
Object* b_seekable(Object*, Object* const* a, size_t, TupleObject*) {
  return is_open(text_of(a), kClosedRaw) ? new_bool(::lseek(text_of(a)->fd, 0, SEEK_CUR) >= 0) : nullptr;
}

Object* std_buffer_getattr(Object* o, StrObject* name) {
  TextIOObject* io = static_cast<StdBufferObject*>(o)->text;
  if (name->view() == "name") return new_str(io->name);
  if (name->view() == "mode") return new_str(io->readable ? "rb" : "wb");
  if (name->view() == "closed") return new_bool(io->closed);
  return generic_getattr(o, name);
}

Object* std_buffer_repr(Object* o) {
  TextIOObject* io = static_cast<StdBufferObject*>(o)->text;
  return new_str(cat("<_io.", io->readable ? "BufferedReader" : "BufferedWriter", " name='", io->name, "'>"));
}

Object* textio_getattr(Object* o, StrObject* name) {
  auto* io = as_io(o);
  if (name->view() == "buffer") {
    if (!io->buffer) {
      auto* b = make<StdBufferObject>(io->readable ? &std_reader_type : &std_buffer_type);
      b->text = new_ref(io);
      io->buffer = b;  // borrowed (TextIOObject::buffer)
      return b;
    }
    return new_ref(io->buffer);
  }
  if (name->view() == "name") return new_str(io->name);
  if (name->view() == "encoding") return new_str(io->encoding);
  if (name->view() == "errors") return new_str(io->errors);
  if (name->view() == "closed") return new_bool(io->closed);
  // Unbuffered (-u), CPython's streams write through and none is line-buffered.
  if (name->view() == "line_buffering") return new_bool(io->line_buffered && !io->write_through);
  if (name->view() == "write_through") return new_bool(io->write_through);
  if (name->view() == "mode") return new_str(io->readable ? "r" : "w");
  return generic_getattr(o, name);
}

Object* textio_repr(Object* o) {
  auto* io = as_io(o);
  return new_str(cat("<_io.TextIOWrapper name='", io->name, "' mode='", io->readable ? "r" : "w",
                     "' encoding='", io->encoding, "'>"));
}

Object* textio_iternext(Object* o) {
  std::string line;
  if (textio_readline(o, &line) < 0) return nullptr;
  if (line.empty()) return nullptr;
  return new_str(line);
}
Object* self_iter(Object* o) { return new_ref(o); }

// Decodes a chunk read from the descriptor onto the input, as TextIOWrapper's incremental
// decoder does: a sequence cut off at the chunk's end waits for the next chunk (or is an
// error at the end of input), and an error's position counts from the start of the bytes
// this call decodes. A chunk in error is dropped, so reading on does not repeat the error.
// CPython: Modules/_io/textio.c textiowrapper_read_chunk
int decode_chunk(TextIOObject* io, std::string_view bytes, bool final) {
  if (io->encoding != "utf-8") return textio_decode_chunk(io, bytes, &io->inbuf) ? 0 : -1;
  std::string chunk = std::move(io->undecoded);
  io->undecoded.clear();
  chunk.append(bytes);
  std::size_t consumed = chunk.size();
  prim::Result<std::string> text =
      prim::utf8_decode_text(chunk, prim::error_handler_named(io->errors), final ? nullptr : &consumed);
  if (!text) {
    raise_prim_error(text.error());
    return -1;
  }
  io->inbuf.append(text.value());
  io->undecoded.assign(chunk, consumed, std::string::npos);
  return 0;
}

}  // namespace

TextIOObject::~TextIOObject() {
  // Best effort, as CPython's close at deallocation; errors were reported at exit.
  if (!raw_pending.empty()) write_out(fd, raw_pending);
  if (!pending.empty()) write_out(fd, pending);
}

void TextIOObject::clear_refs() { buffer = nullptr; }
int TextIOObject::traverse(VisitFn, void*) { return 0; }

Object* new_textio(int fd, std::string name, bool readable, bool line_buffered, std::string errors) {
  auto* io = make<TextIOObject>();
  io->fd = fd;
  io->name = std::move(name);
  io->readable = readable;
  io->line_buffered = line_buffered;
  io->errors = std::move(errors);
  return io;
}

int textio_write(Object* o, std::string_view text) {
  auto* io = as_io(o);
  if (!is_open(io)) return -1;
  if (!textio_encode(io, text, &io->pending)) return -1;
  if (io->pending.size() >= kChunkSize) {
    // A full chunk goes to the file at once and is not kept when that fails: CPython's
    // BufferedWriter writes a chunk of its buffer's size straight through.
    if (!io->raw_pending.empty()) {
      if (int err = write_out(io->fd, io->raw_pending); err != 0) return fail(err);
    }
    int err = write_out(io->fd, io->pending);
    io->pending.clear();
    if (err != 0) return fail(err);
  }
  bool flush_now = io->write_through || (io->line_buffered && text.find_first_of("\n\r") != std::string_view::npos);
  return flush_now ? textio_flush(o) : 0;
}

int textio_flush(Object* o) {
  auto* io = as_io(o);
  if (!is_open(io)) return -1;
  if (!io->raw_pending.empty()) {
    if (int err = write_out(io->fd, io->raw_pending); err != 0) return fail(err);
  }
  if (io->pending.empty()) return 0;
  // What is not written stays buffered (CPython: _bufferedwriter_flush_unlocked).
  int err = write_out(io->fd, io->pending);
  return err == 0 ? 0 : fail(err);
}

int textio_readline(Object* o, std::string* line) {
  auto* io = as_io(o);
  if (!is_open(io)) return -1;
  for (;;) {
    size_t nl = io->inbuf.find('\n', io->inpos);
    if (nl != std::string::npos) {
      line->assign(io->inbuf, io->inpos, nl + 1 - io->inpos);
      io->inpos = nl + 1;
      return 0;
    }
    if (io->eof) {
      line->assign(io->inbuf, io->inpos, std::string::npos);
      io->inbuf.clear();
      io->inpos = 0;
      return 0;
    }
    if (io->inpos > 0) {
      io->inbuf.erase(0, io->inpos);
      io->inpos = 0;
    }
    // Checked before blocking too: a SIGINT may have come since the last safe point.
    if (check_signals() < 0) return -1;
    char buf[8192];  // TextIOWrapper's chunk size
    ssize_t n = ::read(io->fd, buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR) continue;
      os_error_from_errno(errno);
      return -1;
    }
    if (n == 0) io->eof = true;
    if (decode_chunk(io, std::string_view(buf, size_t(n)), n == 0) < 0) return -1;
  }
}

void init_std_buffer_methods();
void init_std_reader_methods();

void init_textio_type() {
  make_static_type(&textio_type, &type_type, "TextIOWrapper", &text_io_base_type, 0);
  textio_type.module = "_io";
  textio_type.qualname = "TextIOWrapper";
  textio_type.tp_getattr = textio_getattr;
  textio_type.tp_repr = textio_repr;
  textio_type.tp_iter = self_iter;
  textio_type.tp_iternext = textio_iternext;
  make_static_type(&std_buffer_type, &type_type, "BufferedWriter", &buffered_io_base_type, 0);
  make_static_type(&std_reader_type, &type_type, "BufferedReader", &buffered_io_base_type, 0);
  for (TypeObject* t : {&std_buffer_type, &std_reader_type}) {
    t->module = "_io";
    t->tp_getattr = std_buffer_getattr;
    t->tp_repr = std_buffer_repr;
    t->tp_iter = self_iter;
  }
  std_buffer_type.lazy_methods = init_std_buffer_methods;
  std_reader_type.lazy_methods = init_std_reader_methods;
}

void add_std_buffer_methods(TypeObject* t);
void init_std_buffer_methods() { add_std_buffer_methods(&std_buffer_type); }
void init_std_reader_methods() { add_std_buffer_methods(&std_reader_type); }

void add_std_buffer_methods(TypeObject* t) {
  add_method(t, "write", b_write);
  add_method(t, "flush", b_flush);
  add_method(t, "read", b_read);
  add_method(t, "readline", b_readline);
  add_method(t, "fileno", b_fileno);
  add_method(t, "isatty", b_isatty);
  add_method(t, "readable", b_readable);
  add_method(t, "writable", b_writable);
  add_method(t, "seekable", b_seekable);
  add_method(t, "close", b_close);
}

void init_textio_methods() {
  add_method(&textio_type, "write", m_write);
  add_method(&textio_type, "flush", m_flush);
  add_method(&textio_type, "readline", m_readline);
  add_method(&textio_type, "read", m_read);
  add_method(&textio_type, "fileno", m_fileno);
  add_method(&textio_type, "isatty", m_isatty);
  add_method(&textio_type, "readable", m_readable);
  add_method(&textio_type, "writable", m_writable);
  add_method(&textio_type, "seekable", m_seekable);
  add_method(&textio_type, "close", m_close);
}

}  // namespace gopy
