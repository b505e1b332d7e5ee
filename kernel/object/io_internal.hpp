// The io module's objects, shared by its files (kernel-internal). The layering follows
// CPython's Modules/_io: FileIO (raw, over a file descriptor) under the Buffered* types
// under TextIOWrapper; StringIO and BytesIO keep their data in memory.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "gopy/object.hpp"
#include "gopy/object_bytes.hpp"
#include "object/codec_internal.hpp"

namespace gopy {

extern TypeObject io_base_type, raw_io_base_type, buffered_io_base_type, text_io_base_type;
extern TypeObject file_io_type, buffered_reader_type, buffered_writer_type, buffered_random_type;
extern TypeObject text_io_wrapper_type, string_io_type, bytes_io_type, exc_UnsupportedOperation;

constexpr size_t kDefaultBufferSize = 8192;  // io.DEFAULT_BUFFER_SIZE

struct FileIOObject : Object {
  int fd = -1;
  bool readable = false, writable = false, appending = false, created = false, closefd = true;
  Object* name = nullptr;
  FileIOObject() : Object(&file_io_type) {}
  ~FileIOObject() override;
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override { return visit_ref(name, visit, arg); }
};

// BufferedReader, BufferedWriter and BufferedRandom over a FileIO.
struct BufferedObject : Object {
  FileIOObject* raw = nullptr;
  size_t buffer_size = kDefaultBufferSize;
  std::string rbuf;  // read ahead; rbuf[rpos..] is not yet consumed
  size_t rpos = 0;
  std::string wbuf;  // written, not yet flushed to raw
  explicit BufferedObject(TypeObject* t) : Object(t) {}
  ~BufferedObject() override;
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override { return visit_ref(raw, visit, arg); }
};

struct TextFileObject : Object {
  BufferedObject* buffer = nullptr;  // gopy's own buffered file: used directly
  Object* other = nullptr;           // any other binary stream (BytesIO, ...): used by its methods
  std::string encoding, errors, mode;
  const codec::Entry* codec = nullptr;
  std::unique_ptr<codec::DecodeState> decoder;
  std::unique_ptr<codec::EncodeState> encoder;
  // newline=None: universal + translate; '': universal; '\n', '\r', '\r\n': only that.
  bool universal = true, translate = true;
  std::string readnl, writenl;  // writenl empty: no translation on write
  bool line_buffering = false, write_through = false;
  std::string text;  // decoded, not newline-translated; text[tpos..] is unread
  size_t tpos = 0;
  std::string undecoded;  // bytes of a character cut off at a chunk's end
  bool eof = false;
  unsigned seen_newlines = 0;  // kSeenCR | kSeenLF | kSeenCRLF, for the newlines attribute
  bool cr_pending = false;     // a decoded "\r" whose next character is not decoded yet
  TextFileObject() : Object(&text_io_wrapper_type) {}
  ~TextFileObject() override;
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override {
    if (int r = visit_ref(buffer, visit, arg)) return r;
    return visit_ref(other, visit, arg);
  }
};

struct MemoryIOObject : Object {  // StringIO (UTF-32 data) and BytesIO (bytes)
  std::u32string chars;
  std::string bytes;
  size_t pos = 0;
  bool closed = false;
  bool translate_newlines = false;  // StringIO(newline=None)
  // StringIO's newline: None and '' read universal newlines and record the kinds written
  // (the newlines attribute); '\r' and '\r\n' end lines there and replace '\n' on write.
  bool universal = false;
  std::u32string readnl = U"\n", writenl;
  unsigned seen_newlines = 0;  // 1: "\r", 2: "\n", 4: "\r\n"
  // BytesIO's data once getbuffer() was called: a bytearray the views share (its size
  // may not change while one is not released), used instead of `bytes` from then on.
  ByteArrayObject* shared = nullptr;
  explicit MemoryIOObject(TypeObject* t) : Object(t) {}
  ~MemoryIOObject() override { clear_refs(); }
  void clear_refs() override {
    ByteArrayObject* b = shared;
    shared = nullptr;
    xdecref(b);
  }
  int traverse(VisitFn visit, void* arg) override { return visit_ref(shared, visit, arg); }
};

// ---- shared helpers (io_base.cpp) ----
// ValueError: I/O operation on closed file. (FileIO's own text has no full stop.)
std::nullptr_t closed_file_error(bool full_stop = true);
std::nullptr_t unsupported(std::string_view what);  // io.UnsupportedOperation(what)
// Repeats a system call interrupted by a signal (running the handlers); -1 with errno.
ssize_t retry_eintr(const std::function<ssize_t()>& call);
// The generic methods of IOBase (readlines, writelines, iteration, __enter__/__exit__).
void add_io_base_methods(TypeObject* t);
// readinto(b) through the object's read (BufferedIOBase's, and FileIO's).
Object* io_readinto_method(Object*, Object* const* a, size_t n, TupleObject* kw);
Object* io_iternext(Object* self);
Object* io_self_iter(Object* self);

// ---- FileIO (io_file.cpp) ----
// FileIO(name, mode) for a validated mode of r/w/a/x with optional +; null with OSError.
// opener (null or None: os.open) is called as opener(name, flags) for the descriptor.
FileIOObject* new_file_io(Object* name, std::string_view mode, bool closefd, Object* opener = nullptr);
// os.fspath(path): a new str or bytes, or null with TypeError (kernel/object/fspath.cpp).
Object* os_fspath(Object* path);
bool file_io_closed(FileIOObject* f);
std::string file_io_mode(FileIOObject* f);
Object* file_io_close(FileIOObject* f);  // None, or null with the exception

// ---- Buffered (io_buffered.cpp) ----
BufferedObject* new_buffered(TypeObject* type, FileIOObject* raw, size_t buffer_size);
bool buffered_read(BufferedObject* b, ssize n, std::string* out);  // n < 0: to the end
// At most n bytes: what the read-ahead holds, else one raw read (empty at the end).
bool buffered_read1(BufferedObject* b, size_t n, std::string* out);
bool buffered_readable(const BufferedObject* b);
bool buffered_writable(const BufferedObject* b);
bool buffered_write(BufferedObject* b, std::string_view data);
bool buffered_flush(BufferedObject* b);
bool buffered_tell(BufferedObject* b, int64_t* pos);
bool buffered_seek(BufferedObject* b, int64_t off, int whence, int64_t* pos);
// ValueError(closed_message) as CPython's CHECK_CLOSED ("read of closed file"), or
// FileIO's text when null.
bool buffered_check_open(BufferedObject* b, const char* closed_message = nullptr);

// ---- TextIOWrapper (io_text.cpp) ----
// null with the exception (LookupError for an unknown encoding, ValueError for newline).
TextFileObject* new_text_file(Object* buffer, Object* encoding, Object* errors, Object* newline,
                              bool line_buffering, bool write_through);

// ---- set-up: the static types, once per process ----
void init_io_base_types();
void init_file_io_type();
void init_buffered_types();
void init_text_io_type();
void init_memory_io_types();
void init_io_types();  // all of the above
struct ModuleObject;
ModuleObject* create_io_module();
ModuleObject* create__io_module();

}  // namespace gopy
