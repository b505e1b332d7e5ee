// The standard stream objects (sys.stdin, sys.stdout, sys.stderr): text over a file
// descriptor, encoded and decoded with the stream's codec and error handler. Output is
// buffered and flushed on flush(), when large, at a newline for line-buffered streams, at
// every write for write-through ones (-u), and when the object is freed. What a failed
// write did not take stays buffered, as in CPython's BufferedWriter, so the exit-time
// flush fails (and reports) again.
#pragma once
#include "gopy/api_begin.h"

#include <string>
#include <string_view>

#include "gopy/object.hpp"

namespace gopy {

extern TypeObject textio_type;

struct TextIOObject : Object {
  int fd = -1;
  std::string name;
  std::string encoding = "utf-8";  // a codec's CPython name (sys.stdout.encoding)
  std::string errors = "strict";
  bool readable = false;
  bool line_buffered = false;
  bool write_through = false;  // -u / PYTHONUNBUFFERED
  std::string pending;  // output not yet written
  // Bytes written through the `buffer` attribute and not yet out. They go before `pending`:
  // in CPython the text layer hands its text to the BufferedWriter only when it flushes.
  std::string raw_pending;
  // The binary stream under this one while it is alive, borrowed: it holds this stream, so
  // a reference back would be a cycle neither object's collector sees. Made again when
  // asked for after it died.
  Object* buffer = nullptr;
  std::string inbuf;      // input read ahead, decoded (str text)
  std::string undecoded;  // the start of a UTF-8 sequence the next read completes
  size_t inpos = 0;
  bool eof = false;
  bool closed = false;  // close() was called; the descriptor stays open (closefd=False)
  TextIOObject() : Object(&textio_type) {}
  ~TextIOObject() override;
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

// A stream over `fd` (not owned: never closed).
Object* new_textio(int fd, std::string name, bool readable, bool line_buffered, std::string errors = "strict");
// -1 on error (UnicodeEncodeError for a surrogate the error handler cannot write).
int textio_write(Object* stream, std::string_view text);
int textio_flush(Object* stream);                          // -1 on error
// Sets the codec that writes encode and reads decode with (the encoding must be known).
void textio_set_encoding(Object* stream, std::string encoding, std::string errors);
// The next line including its newline, as str text; empty at end of input. -1 on error
// (UnicodeDecodeError for input the error handler refuses).
int textio_readline(Object* stream, std::string* line);

}  // namespace gopy
#include "gopy/api_end.h"
