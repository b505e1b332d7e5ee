// The io module (and _io, the same objects) and open() (CPython: Modules/_io/_iomodule.c).
// Created on its first import, so start-up never pays for it; the built-in open() needs
// no import.
#include <sys/stat.h>
#include <unistd.h>

#include "gopy/io.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/args.hpp"
#include "object/io_internal.hpp"
#include "object/strcat.hpp"
#include "object/sys_flag.hpp"

namespace gopy {

namespace {

struct OpenMode {
  bool creating = false, reading = false, writing = false, appending = false, updating = false;
  bool text = false, binary = false;
};

// CPython: Modules/_io/_iomodule.c _io_open_impl's mode checks.
bool parse_mode(std::string_view mode, OpenMode* m) {
  std::string seen;
  for (char c : mode) {
    if (std::string_view("xrwab+t").find(c) == std::string_view::npos || seen.find(c) != std::string::npos)
      return value_error(cat("invalid mode: '", mode, "'")), false;
    seen += c;
    m->creating |= c == 'x';
    m->reading |= c == 'r';
    m->writing |= c == 'w';
    m->appending |= c == 'a';
    m->updating |= c == '+';
    m->text |= c == 't';
    m->binary |= c == 'b';
  }
  if (m->text && m->binary) return value_error("can't have text and binary mode at once"), false;
  int kinds = int(m->creating) + int(m->reading) + int(m->writing) + int(m->appending);
  if (kinds > 1) return value_error("must have exactly one of create/read/write/append mode"), false;
  if (kinds == 0)
    return value_error("Must have exactly one of create/read/write/append mode and at most one plus"), false;
  return true;
}

std::string raw_mode(const OpenMode& m) {
  std::string s = m.creating ? "x" : m.reading ? "r" : m.writing ? "w" : "a";
  if (m.updating) s += '+';
  return s;
}

bool is_given(Object* o) { return o && o != None(); }

Object* closing_raw(FileIOObject* raw) {
  Object* exc = fetch_error();
  Object* r = file_io_close(raw);
  xdecref(r);
  if (!r) clear_error();
  decref(raw);
  restore_error(exc);
  return nullptr;
}

Object* f_open(Object*, Object* const* a, size_t n, TupleObject* kw) { return io_open(a, n, kw); }

// io.text_encoding(encoding, stacklevel=2): the encoding a text file opened with `encoding`
// gets, "locale" (or "utf-8" in UTF-8 mode) for None. CPython: _io_text_encoding_impl.
Object* f_text_encoding(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_kwargs_allowed("text_encoding", kw, {"encoding", "stacklevel"})) return nullptr;
  size_t nkw = kw ? kw->items.size() : 0;
  if (!check_nargs("text_encoding", n + nkw, 1, 2)) return nullptr;
  Object* encoding = n ? a[0] : find_kwarg(a, n, kw, "encoding");
  if (encoding == nullptr) return type_error("text_encoding() missing required argument 'encoding' (pos 1)");
  if (encoding != None()) return new_ref(encoding);
  return new_str(sys_flag("utf8_mode") ? "utf-8" : "locale");
}

ModuleObject* create_module(const char* name) {
  ModuleObject* m = new_module(name);
  // io.open is the built-in open, as in CPython.
  Interpreter* interp = current_interp();
  Object* builtin_open = interp->builtins_dict ? dict_get_str(interp->builtins_dict, "open") : nullptr;
  if (builtin_open) dict_set_str(m->dict, "open", builtin_open);
  else add_module_function(m, "open", f_open);
  add_module_function(m, "text_encoding", f_text_encoding);
  const struct {
    const char* name;
    Object* value;
  } types[] = {{"IOBase", &io_base_type},
               {"RawIOBase", &raw_io_base_type},
               {"BufferedIOBase", &buffered_io_base_type},
               {"TextIOBase", &text_io_base_type},
               {"_IOBase", &io_base_type},
               {"_RawIOBase", &raw_io_base_type},
               {"_BufferedIOBase", &buffered_io_base_type},
               {"_TextIOBase", &text_io_base_type},
               {"FileIO", &file_io_type},
               {"BufferedReader", &buffered_reader_type},
               {"BufferedWriter", &buffered_writer_type},
               {"BufferedRandom", &buffered_random_type},
               {"TextIOWrapper", &text_io_wrapper_type},
               {"StringIO", &string_io_type},
               {"BytesIO", &bytes_io_type},
               {"UnsupportedOperation", &exc_UnsupportedOperation},
               {"BlockingIOError", &exc_BlockingIOError}};
  for (const auto& t : types) dict_set_str(m->dict, t.name, t.value);
  const struct {
    const char* name;
    int64_t value;
  } ints[] = {{"SEEK_SET", SEEK_SET},
              {"SEEK_CUR", SEEK_CUR},
              {"SEEK_END", SEEK_END},
              {"DEFAULT_BUFFER_SIZE", int64_t(kDefaultBufferSize)}};
  for (const auto& i : ints) {
    Object* v = new_int(i.value);
    dict_set_str(m->dict, i.name, v);
    decref(v);
  }
  return m;
}

}  // namespace

// open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None,
// closefd=True, opener=None). CPython: Modules/_io/_iomodule.c _io_open_impl.
Object* io_open(Object* const* a, size_t n, TupleObject* kw) {
  Object* args[8];
  if (!bind_args("open", a, n, kw,
                 {"file", "mode", "buffering", "encoding", "errors", "newline", "closefd", "opener"}, 1, args))
    return nullptr;
  Object* file = args[0];
  Ref<> fspath;
  if (!is_str(file) && !is_bytes(file) && !is_int(file)) {
    fspath = Ref<>::steal(os_fspath(file));
    if (!fspath) return nullptr;
    file = fspath.get();
  }
  std::string_view mode_text = "r";
  if (args[1]) {
    if (!is_str(args[1])) return type_error(cat("open() argument 'mode' must be str, not ", args[1]->type->name));
    mode_text = as_str(args[1])->view();
  }
  int64_t buffering = -1;
  if (args[2] && !int_to_int64(args[2], &buffering)) return nullptr;
  for (int i = 3; i <= 5; ++i) {
    if (is_given(args[i]) && !is_str(args[i])) {
      static const char* const names[] = {"encoding", "errors", "newline"};
      return type_error(cat("open() argument '", names[i - 3], "' must be str or None, not ", args[i]->type->name));
    }
  }
  bool closefd = true;
  if (args[6]) {
    int t = object_is_true(args[6]);
    if (t < 0) return nullptr;
    closefd = t != 0;
  }
  OpenMode m;
  if (!parse_mode(mode_text, &m)) return nullptr;
  if (m.binary && is_given(args[3])) return value_error("binary mode doesn't take an encoding argument");
  if (m.binary && is_given(args[4])) return value_error("binary mode doesn't take an errors argument");
  if (m.binary && is_given(args[5])) return value_error("binary mode doesn't take a newline argument");

  FileIOObject* raw = new_file_io(file, raw_mode(m), closefd, args[7]);
  if (!raw) return nullptr;
  bool line_buffering = false;
  bool tty = ::isatty(raw->fd) != 0;
  if (buffering == 1 || (buffering < 0 && tty)) {
    buffering = -1;
    line_buffering = true;
  }
  if (buffering < 0) {
    struct stat st;
    buffering = ::fstat(raw->fd, &st) == 0 && st.st_blksize > 1 ? int64_t(st.st_blksize) : int64_t(kDefaultBufferSize);
  }
  if (buffering == 0) {
    if (m.binary) return raw;
    value_error("can't have unbuffered text I/O");
    return closing_raw(raw);
  }
  TypeObject* kind = m.updating                               ? &buffered_random_type
                     : m.creating || m.writing || m.appending ? &buffered_writer_type
                                                              : &buffered_reader_type;
  BufferedObject* buffer = new_buffered(kind, raw, size_t(buffering));
  decref(raw);
  if (m.binary) return buffer;
  TextFileObject* text = new_text_file(buffer, args[3], args[4], args[5], line_buffering, false);
  if (!text) {
    Object* exc = fetch_error();
    Object* r = call_method(buffer, "close", nullptr, 0);
    xdecref(r);
    if (!r) clear_error();
    decref(buffer);
    restore_error(exc);
    return nullptr;
  }
  decref(buffer);
  text->mode = std::string(mode_text);
  return text;
}

ModuleObject* create_io_module() { return create_module("io"); }
ModuleObject* create__io_module() { return create_module("_io"); }

void init_io_types() {
  init_io_base_types();
  init_file_io_type();
  init_buffered_types();
  init_text_io_type();
  init_memory_io_types();
}

}  // namespace gopy
