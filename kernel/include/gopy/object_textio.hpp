// The standard stream objects (sys.stdin, sys.stdout, sys.stderr): text over a file
// descriptor, encoded and decoded with the stream's codec and error handler. Output is buffered and flushed on flush(), when large, at a newline
// for line-buffered streams, and when the object is freed.
#pragma once

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
  std::string pending;  // output not yet written
  std::string inbuf;    // input read ahead
  size_t inpos = 0;
  bool eof = false;
  TextIOObject() : Object(&textio_type) {}
  ~TextIOObject() override;
};

// A stream over `fd` (not owned: never closed).
Object* new_textio(int fd, std::string name, bool readable, bool line_buffered, std::string errors = "strict");
int textio_write(Object* stream, std::string_view text);   // -1 on error
int textio_flush(Object* stream);                          // -1 on error
// Sets the codec that writes encode and reads decode with (the encoding must be known).
void textio_set_encoding(Object* stream, std::string encoding, std::string errors);
// The next line including its newline; empty at end of input. -1 on error.
int textio_readline(Object* stream, std::string* line);

}  // namespace gopy
