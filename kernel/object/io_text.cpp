// io.TextIOWrapper: str over a Buffered* stream, with a codec and newline translation
// (CPython: Modules/_io/textio.c). Decoded text is kept untranslated, so tell() can count
// back from the buffer's position: its cookies are plain byte positions, exact for
// stateless codecs (UTF-8, Latin-1, ASCII, ...); a stateful decoder's state is not saved.
#include <unistd.h>

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

TypeObject text_io_wrapper_type;

TextFileObject::~TextFileObject() { clear_refs(); }
void TextFileObject::clear_refs() {
  BufferedObject* b = buffer;
  buffer = nullptr;
  xdecref(b);
  Object* o = other;
  other = nullptr;
  xdecref(o);
}

namespace {

constexpr size_t kChunkSize = 8192;  // CPython's TextIOWrapper._CHUNK_SIZE
constexpr unsigned kSeenCR = 1, kSeenLF = 2, kSeenCRLF = 4;

TextFileObject* self_of(Object* const* a) { return static_cast<TextFileObject*>(a[0]); }

// ---- the binary stream beneath: gopy's buffered file directly, any other through its
// methods (CPython's TextIOWrapper only ever calls the buffer's methods) ----

bool attached(const TextFileObject* io) { return io->buffer || io->other; }
Object* buffer_object(TextFileObject* io) { return io->buffer ? static_cast<Object*>(io->buffer) : io->other; }

// buffer.<method>(args...) as a new reference, or null with the error set.
Object* call_buffer(TextFileObject* io, const char* method, Object* const* args = nullptr, size_t n = 0) {
  return call_method(io->other, method, args, n);
}

// 1 or 0 for a method or attribute answering a truth value, -1 on error.
int buffer_truth(TextFileObject* io, const char* what, bool is_attribute) {
  Ref<> r = Ref<>::steal(is_attribute ? get_attr(io->other, intern(what)) : call_buffer(io, what));
  if (!r) return -1;
  return object_is_true(r.get());
}

int buffer_closed(TextFileObject* io) {
  return io->buffer ? int(file_io_closed(io->buffer->raw)) : buffer_truth(io, "closed", true);
}
int buffer_readable(TextFileObject* io) {
  return io->buffer ? int(buffered_readable(io->buffer)) : buffer_truth(io, "readable", false);
}
int buffer_writable(TextFileObject* io) {
  return io->buffer ? int(buffered_writable(io->buffer)) : buffer_truth(io, "writable", false);
}

// Appends the bytes a read method returned (None, from a non-blocking stream: nothing).
bool take_bytes(Object* got, const char* method, std::string* out) {
  if (!got) return false;
  Ref<> hold = Ref<>::steal(got);
  if (got == None()) return true;
  std::string_view data;
  if (!bytes_like_view(got, &data))
    return type_error(cat("underlying ", method, "() should have returned a bytes-like object, not '",
                          got->type->name, "'")),
           false;
  out->append(data);
  return true;
}

bool buffer_read1(TextFileObject* io, size_t n, std::string* out) {
  if (io->buffer) return buffered_read1(io->buffer, n, out);
  // CPython: textiowrapper_read_chunk uses read1 when the buffer has it, else read.
  int error = 0;
  Ref<> read1 = Ref<>::steal(lookup_attr(io->other, intern("read1"), &error));
  if (error) return false;
  Object* size = new_int(int64_t(n));
  Object* got = call_buffer(io, read1 ? "read1" : "read", &size, 1);
  decref(size);
  return take_bytes(got, read1 ? "read1" : "read", out);
}
bool buffer_read_all(TextFileObject* io, std::string* out) {
  if (io->buffer) return buffered_read(io->buffer, -1, out);
  return take_bytes(call_buffer(io, "read"), "read", out);
}
bool buffer_write(TextFileObject* io, std::string_view data) {
  if (io->buffer) return buffered_write(io->buffer, data);
  Object* bytes = new_bytes(data);
  Ref<> r = Ref<>::steal(call_buffer(io, "write", &bytes, 1));
  decref(bytes);
  return bool(r);
}
bool buffer_flush(TextFileObject* io) {
  if (io->buffer) return buffered_flush(io->buffer);
  return bool(Ref<>::steal(call_buffer(io, "flush")));
}
bool buffer_tell(TextFileObject* io, int64_t* pos) {
  if (io->buffer) return buffered_tell(io->buffer, pos);
  Ref<> r = Ref<>::steal(call_buffer(io, "tell"));
  return r && int_to_int64(r.get(), pos);
}
bool buffer_seek(TextFileObject* io, int64_t off, int whence, int64_t* pos) {
  if (io->buffer) return buffered_seek(io->buffer, off, whence, pos);
  Object* args[2] = {new_int(off), new_int(whence)};
  Ref<> r = Ref<>::steal(call_buffer(io, "seek", args, 2));
  decref(args[0]);
  decref(args[1]);
  return r && int_to_int64(r.get(), pos);
}

bool check_open(TextFileObject* io) {
  if (!attached(io)) return value_error("underlying buffer has been detached"), false;
  int closed = buffer_closed(io);
  if (closed < 0) return false;
  if (closed) return closed_file_error(), false;
  return true;
}
bool check_readable(TextFileObject* io) {
  if (!check_open(io)) return false;
  int ok = buffer_readable(io);
  if (ok < 0) return false;
  if (!ok) return unsupported("not readable"), false;
  return true;
}
bool check_writable(TextFileObject* io) {
  if (!check_open(io)) return false;
  int ok = buffer_writable(io);
  if (ok < 0) return false;
  if (!ok) return unsupported("not writable"), false;
  return true;
}

void drop_decoded(TextFileObject* io) {
  io->text.clear();
  io->tpos = 0;
  io->undecoded.clear();
  io->eof = false;
  io->cr_pending = false;
  io->decoder = std::make_unique<codec::DecodeState>(io->codec);
}

// Records the kinds of line end decoded, as CPython's newline decoder does as it decodes
// (a "\r" waits for the next character to tell "\r\n").
void note_newline(TextFileObject* io, char32_t c) {
  if (io->cr_pending) {
    io->cr_pending = false;
    io->seen_newlines |= c == U'\n' ? kSeenCRLF : kSeenCR;
    if (c == U'\n') return;
  }
  if (c == U'\r') io->cr_pending = true;
  else if (c == U'\n') io->seen_newlines |= kSeenLF;
}

// Decodes data after what an earlier chunk left undecoded onto the text.
bool decode_onto(TextFileObject* io, std::string_view data, bool final) {
  std::string bytes = std::move(io->undecoded);
  io->undecoded.clear();
  bytes.append(data);
  std::u32string chars;
  size_t consumed = bytes.size();
  if (!codec::decode(*io->decoder, bytes, io->errors, final, &chars, &consumed)) return false;
  io->undecoded.assign(bytes, consumed, std::string::npos);
  for (char32_t c : chars) {
    append_utf8(io->text, c);
    if (io->universal) note_newline(io, c);
  }
  if (final && io->cr_pending) io->seen_newlines |= kSeenCR;
  return true;
}

// One more chunk from the buffer (CPython: textiowrapper_read_chunk).
bool fill(TextFileObject* io) {
  if (io->eof) return true;
  if (io->tpos > 0) {
    io->text.erase(0, io->tpos);
    io->tpos = 0;
  }
  std::string chunk;
  if (!buffer_read1(io, kChunkSize, &chunk)) return false;
  if (chunk.empty()) io->eof = true;
  return decode_onto(io, chunk, io->eof);
}

// Moves up to `limit` characters (all when negative), or one line, to out, translating
// newlines as the newline argument asks (CPython: _PyIncrementalNewlineDecoder_decode and
// _PyIO_find_line_ending).
bool take(TextFileObject* io, int64_t limit, bool one_line, std::string* out) {
  int64_t count = 0;
  while (limit < 0 || count < limit) {
    if (io->tpos >= io->text.size()) {
      if (io->eof) break;
      if (!fill(io)) return false;
      continue;
    }
    unsigned char c = static_cast<unsigned char>(io->text[io->tpos]);
    bool ends_line = false;
    if (c == '\r' && (io->universal || io->readnl == "\r\n")) {
      if (io->tpos + 1 >= io->text.size() && !io->eof) {  // is a '\n' next?
        if (!fill(io)) return false;
        continue;
      }
      bool crlf = io->tpos + 1 < io->text.size() && io->text[io->tpos + 1] == '\n';
      if (io->universal && io->translate) {
        *out += '\n';
        io->tpos += crlf ? 2 : 1;
        ++count;
        ends_line = true;
      } else if (crlf && (limit < 0 || count + 2 <= limit)) {
        *out += "\r\n";
        io->tpos += 2;
        count += 2;
        ends_line = true;
      } else {
        *out += '\r';
        ++io->tpos;
        ++count;
        ends_line = io->universal && !crlf;
      }
    } else if (c == '\n' || (c == '\r' && io->readnl == "\r")) {
      *out += char(c);
      ++io->tpos;
      ++count;
      ends_line = io->universal || (io->readnl.size() == 1 && io->readnl[0] == char(c));
    } else {
      size_t len = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      out->append(io->text, io->tpos, len);
      io->tpos += len;
      ++count;
    }
    if (one_line && ends_line) break;
  }
  return true;
}

bool read_text(TextFileObject* io, int64_t size, std::string* out) {
  if (!check_readable(io) || !buffer_flush(io)) return false;
  if (size < 0 && !io->eof) {
    // All of the rest decoded at once, so an error's position counts from here.
    std::string rest;
    if (!buffer_read_all(io, &rest)) return false;
    if (io->tpos > 0) {
      io->text.erase(0, io->tpos);
      io->tpos = 0;
    }
    io->eof = true;
    if (!decode_onto(io, rest, true)) return false;
  }
  return take(io, size, false, out);
}

bool readline_text(TextFileObject* io, int64_t limit, std::string* out) {
  return check_readable(io) && buffer_flush(io) && take(io, limit, true, out);
}

// CPython: Modules/_io/textio.c _io_TextIOWrapper___init___impl's newline checks.
bool set_newline(TextFileObject* io, Object* newline) {
  std::string_view nl;
  bool none = !newline || newline == None();
  if (!none) {
    if (!is_str(newline))
      return type_error(cat("TextIOWrapper() argument 'newline' must be str or None, not ", newline->type->name)),
             false;
    nl = as_str(newline)->view();
    if (nl != "" && nl != "\n" && nl != "\r" && nl != "\r\n")
      return value_error(cat("illegal newline value: ", nl)), false;
  }
  io->universal = none || nl.empty();
  io->translate = none;
  io->readnl = std::string(nl);
  io->writenl = nl == "\r" || nl == "\r\n" ? std::string(nl) : std::string();
  return true;
}

bool set_encoding(TextFileObject* io, Object* encoding, Object* errors) {
  std::string enc = "UTF-8";  // the locale's encoding, always UTF-8 for gopy
  if (encoding && encoding != None()) {
    if (!is_str(encoding))
      return type_error(cat("TextIOWrapper() argument 'encoding' must be str or None, not ", encoding->type->name)),
             false;
    enc = std::string(as_str(encoding)->view());
    if (enc == "locale") enc = "UTF-8";
  }
  const codec::Entry* e = codec::find(enc);
  if (!e) return set_error(&exc_LookupError, cat("unknown encoding: ", enc)), false;
  std::string err = "strict";
  if (errors && errors != None()) {
    if (!is_str(errors))
      return type_error(cat("TextIOWrapper() argument 'errors' must be str or None, not ", errors->type->name)), false;
    err = std::string(as_str(errors)->view());
  }
  io->encoding = std::move(enc);
  io->errors = std::move(err);
  io->codec = e;
  io->decoder = std::make_unique<codec::DecodeState>(e);
  io->encoder = std::make_unique<codec::EncodeState>(e);
  return true;
}

bool truth(Object* o, bool fallback, bool* out) {
  if (!o || o == None()) {
    *out = fallback;
    return true;
  }
  int t = object_is_true(o);
  *out = t > 0;
  return t >= 0;
}

// The bytes the unread text takes in the file, for tell().
bool encoded_length(TextFileObject* io, size_t* length) {
  std::string_view rest = std::string_view(io->text).substr(io->tpos);
  if (io->codec->kind == codec::Kind::utf8 && !io->codec->signature) {
    *length = rest.size();
    return true;
  }
  codec::EncodeState st(io->codec);
  st.started = true;
  std::string out;
  if (!codec::encode(st, nullptr, decode_utf8(rest), io->errors, true, &out)) return false;
  *length = out.size();
  return true;
}

bool tell_text(TextFileObject* io, int64_t* pos) {
  if (!check_open(io)) return false;
  Object* seekable = call_method(buffer_object(io), "seekable", nullptr, 0);
  if (!seekable) return false;
  bool can = seekable == True();
  decref(seekable);
  if (!can) return unsupported("underlying stream is not seekable"), false;
  size_t pending;
  if (!buffer_flush(io) || !buffer_tell(io, pos) || !encoded_length(io, &pending)) return false;
  *pos -= int64_t(pending + io->undecoded.size());
  return true;
}

Object* m_read(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("read", kw) || !check_nargs("read", n - 1, 0, 1)) return nullptr;
  int64_t size = -1;
  if (n > 1 && a[1] != None() && !int_to_int64(a[1], &size)) return nullptr;
  std::string out;
  if (!read_text(self_of(a), size, &out)) return nullptr;
  return new_str(out);
}

Object* m_readline(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("readline", kw) || !check_nargs("readline", n - 1, 0, 1)) return nullptr;
  int64_t limit = -1;
  if (n > 1 && a[1] != None() && !int_to_int64(a[1], &limit)) return nullptr;
  std::string out;
  if (!readline_text(self_of(a), limit, &out)) return nullptr;
  return new_str(out);
}

Object* text_iternext(Object* o) {
  std::string line;
  if (!readline_text(static_cast<TextFileObject*>(o), -1, &line) || line.empty()) return nullptr;
  return new_str(line);
}

// CPython: Modules/_io/textio.c _io_TextIOWrapper_write_impl.
Object* m_write(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("write", kw) || !check_nargs("write", n - 1, 1, 1)) return nullptr;
  TextFileObject* io = self_of(a);
  if (!check_writable(io)) return nullptr;
  if (!is_str(a[1])) return type_error(cat("write() argument must be str, not ", a[1]->type->name));
  StrObject* s = as_str(a[1]);
  std::string text(s->view());
  bool has_newline = text.find_first_of("\n\r") != std::string::npos;
  bool translated = false;
  if (!io->writenl.empty() && text.find('\n') != std::string::npos) {
    std::string out;
    for (char c : text) {
      if (c == '\n') out += io->writenl;
      else out += c;
    }
    text = std::move(out);
    translated = true;
  }
  // Read-ahead is dropped, as CPython's write does with its decoded chars and snapshot.
  if (io->tpos < io->text.size() || !io->undecoded.empty()) drop_decoded(io);
  std::string bytes;
  if (!codec::encode(*io->encoder, translated ? nullptr : s, decode_utf8(text), io->errors, false, &bytes))
    return nullptr;
  if (!buffer_write(io, bytes)) return nullptr;
  if (io->line_buffering && has_newline && !buffer_flush(io)) return nullptr;
  return new_int(s->length);
}

Object* m_flush(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("flush", kw) || !check_nargs("flush", n - 1, 0, 0)) return nullptr;
  TextFileObject* io = self_of(a);
  if (!check_open(io) || !buffer_flush(io)) return nullptr;
  return new_none();
}

Object* m_close(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("close", kw) || !check_nargs("close", n - 1, 0, 0)) return nullptr;
  TextFileObject* io = self_of(a);
  if (!attached(io)) return value_error("underlying buffer has been detached");
  return call_method(buffer_object(io), "close", nullptr, 0);
}

Object* m_tell(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("tell", kw) || !check_nargs("tell", n - 1, 0, 0)) return nullptr;
  int64_t pos;
  if (!tell_text(self_of(a), &pos)) return nullptr;
  return new_int(pos);
}

// CPython: Modules/_io/textio.c _io_TextIOWrapper_seek_impl (cookies are byte positions).
Object* m_seek(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("seek", kw) || !check_nargs("seek", n - 1, 1, 2)) return nullptr;
  TextFileObject* io = self_of(a);
  int64_t cookie, whence = 0, pos;
  if (!int_to_int64(a[1], &cookie) || (n > 2 && !int_to_int64(a[2], &whence))) return nullptr;
  if (!check_open(io)) return nullptr;
  if (whence == 1) {
    if (cookie != 0) return unsupported("can't do nonzero cur-relative seeks");
    if (!tell_text(io, &cookie)) return nullptr;
  } else if (whence == 2) {
    if (cookie != 0) return unsupported("can't do nonzero end-relative seeks");
    if (!buffer_flush(io)) return nullptr;
    drop_decoded(io);
    if (!buffer_seek(io, 0, SEEK_END, &pos)) return nullptr;
    return new_int(pos);
  } else if (whence != 0) {
    return value_error(cat("invalid whence (", std::to_string(whence), ", should be 0, 1 or 2)"));
  }
  if (cookie < 0) return value_error(cat("negative seek position ", std::to_string(cookie)));
  if (!buffer_flush(io)) return nullptr;
  drop_decoded(io);
  if (!buffer_seek(io, cookie, SEEK_SET, &pos)) return nullptr;
  return new_int(cookie);
}

Object* m_truncate(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("truncate", kw) || !check_nargs("truncate", n - 1, 0, 1)) return nullptr;
  TextFileObject* io = self_of(a);
  if (!check_open(io) || !buffer_flush(io)) return nullptr;
  Object* pos = n > 1 ? a[1] : None();
  return call_method(buffer_object(io), "truncate", &pos, 1);
}

// Asked of the buffer, which answers for a closed file (CPython: textio.c's CHECK_ATTACHED).
Object* buffer_call(Object* const* a, const char* what) {
  TextFileObject* io = self_of(a);
  if (!attached(io)) return value_error("underlying buffer has been detached");
  return call_method(buffer_object(io), what, nullptr, 0);
}
Object* m_fileno(Object*, Object* const* a, size_t, TupleObject*) { return buffer_call(a, "fileno"); }
Object* m_isatty(Object*, Object* const* a, size_t, TupleObject*) { return buffer_call(a, "isatty"); }
Object* m_seekable(Object*, Object* const* a, size_t, TupleObject*) { return buffer_call(a, "seekable"); }
Object* m_readable(Object*, Object* const* a, size_t, TupleObject*) { return buffer_call(a, "readable"); }
Object* m_writable(Object*, Object* const* a, size_t, TupleObject*) { return buffer_call(a, "writable"); }

// reconfigure(*, encoding=None, errors=None, newline=..., line_buffering=None,
// write_through=None). CPython: Modules/_io/textio.c _io_TextIOWrapper_reconfigure_impl.
Object* m_reconfigure(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_nargs("reconfigure", n - 1, 0, 0)) return nullptr;
  Object* args[5];
  if (!bind_args("reconfigure", a + 1, 0, kw,
                 {"encoding", "errors", "newline", "line_buffering", "write_through"}, 0, args))
    return nullptr;
  TextFileObject* io = self_of(a);
  if ((args[0] || args[2]) && (io->tpos > 0 || !io->text.empty()))
    return unsupported("It is not possible to set the encoding or newline of stream after the first read");
  if (!check_open(io) || !buffer_flush(io)) return nullptr;
  bool line_buffering, write_through;
  if (!truth(args[3], io->line_buffering, &line_buffering) || !truth(args[4], io->write_through, &write_through))
    return nullptr;
  if (args[0] || args[1]) {
    std::string old_encoding = io->encoding;
    Ref<> enc = Ref<>::steal(args[0] && args[0] != None() ? new_ref(args[0]) : new_str(old_encoding));
    Ref<> errors = Ref<>::steal(args[1] ? new_ref(args[1]) : new_str("strict"));
    if (!set_encoding(io, enc.get(), errors.get())) return nullptr;
  }
  if (args[2] && !set_newline(io, args[2])) return nullptr;
  io->line_buffering = line_buffering;
  io->write_through = write_through;
  return new_none();
}

// CPython: Modules/_io/textio.c _IncrementalNewlineDecoder_newlines_get.
Object* newlines_seen(TextFileObject* io) {
  std::vector<Object*> kinds;
  if (io->seen_newlines & kSeenCR) kinds.push_back(new_str("\r"));
  if (io->seen_newlines & kSeenLF) kinds.push_back(new_str("\n"));
  if (io->seen_newlines & kSeenCRLF) kinds.push_back(new_str("\r\n"));
  if (kinds.empty()) return new_none();
  if (kinds.size() == 1) return kinds[0];
  return new_tuple_steal(std::move(kinds));
}

Object* text_getattr(Object* o, StrObject* name) {
  auto* io = static_cast<TextFileObject*>(o);
  std::string_view attr = name->view();
  if (attr == "encoding") return new_str(io->encoding);
  if (attr == "errors") return new_str(io->errors);
  if (attr == "line_buffering") return new_bool(io->line_buffering);
  if (attr == "write_through") return new_bool(io->write_through);
  if (attr == "newlines") return newlines_seen(io);
  if (attr == "mode" && !io->mode.empty()) return new_str(io->mode);
  if (attached(io)) {
    if (attr == "buffer") return new_ref(buffer_object(io));
    if (attr == "closed" || attr == "name") return get_attr(buffer_object(io), name);
  }
  return generic_getattr(o, name);
}

Object* text_repr(Object* o) {
  auto* io = static_cast<TextFileObject*>(o);
  std::string out = "<_io.TextIOWrapper";
  if (io->buffer && io->buffer->raw && io->buffer->raw->name) {
    Ref<> name = Ref<>::steal(object_repr(io->buffer->raw->name));
    if (!name) return nullptr;
    out += cat(" name=", as_str(name.get())->view());
  } else if (io->other) {
    // CPython: textiowrapper_repr shows self.name when the buffer has one.
    int error = 0;
    Ref<> value = Ref<>::steal(lookup_attr(io->other, intern("name"), &error));
    if (error) return nullptr;
    if (value) {
      Ref<> name = Ref<>::steal(object_repr(value.get()));
      if (!name) return nullptr;
      out += cat(" name=", as_str(name.get())->view());
    }
  }
  if (!io->mode.empty()) out += cat(" mode='", io->mode, "'");
  return new_str(cat(out, " encoding='", io->encoding, "'>"));
}

// TextIOWrapper(buffer, encoding=None, errors=None, newline=None, line_buffering=False,
// write_through=False)
Object* text_new(TypeObject*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[6];
  if (!bind_args("TextIOWrapper", a, n, kw,
                 {"buffer", "encoding", "errors", "newline", "line_buffering", "write_through"}, 1, args))
    return nullptr;
  bool line_buffering, write_through;
  if (!truth(args[4], false, &line_buffering) || !truth(args[5], false, &write_through)) return nullptr;
  return new_text_file(args[0], args[1], args[2], args[3], line_buffering, write_through);
}

void init_text_methods() {
  add_io_base_methods(&text_io_wrapper_type);
  text_io_wrapper_type.tp_iternext = text_iternext;
  const struct {
    const char* name;
    BuiltinFn fn;
  } methods[] = {{"read", m_read},         {"readline", m_readline}, {"write", m_write},
                 {"flush", m_flush},       {"close", m_close},       {"tell", m_tell},
                 {"seek", m_seek},         {"truncate", m_truncate}, {"fileno", m_fileno},
                 {"isatty", m_isatty},     {"seekable", m_seekable}, {"readable", m_readable},
                 {"writable", m_writable}, {"reconfigure", m_reconfigure}};
  for (const auto& m : methods) add_method(&text_io_wrapper_type, m.name, m.fn);
}

}  // namespace

TextFileObject* new_text_file(Object* buffer, Object* encoding, Object* errors, Object* newline,
                              bool line_buffering, bool write_through) {
  Ref<TextFileObject> io = Ref<TextFileObject>::steal(make<TextFileObject>());
  if (!set_encoding(io.get(), encoding, errors) || !set_newline(io.get(), newline)) return nullptr;
  TypeObject* t = buffer->type;
  if (t == &buffered_reader_type || t == &buffered_writer_type || t == &buffered_random_type)
    io->buffer = static_cast<BufferedObject*>(new_ref(buffer));
  else
    io->other = new_ref(buffer);
  io->line_buffering = line_buffering;
  io->write_through = write_through;
  return io.release();
}

void init_text_io_type() {
  make_static_type(&text_io_wrapper_type, &type_type, "TextIOWrapper", &text_io_base_type);
  text_io_wrapper_type.module = "_io";
  text_io_wrapper_type.tp_new = text_new;
  text_io_wrapper_type.tp_getattr = text_getattr;
  text_io_wrapper_type.tp_repr = text_repr;
  text_io_wrapper_type.tp_iter = io_self_iter;
  text_io_wrapper_type.tp_iternext = text_iternext;
  text_io_wrapper_type.lazy_methods = init_text_methods;
}

}  // namespace gopy
