// The bytecode cache as CPython's importlib uses it: a valid cache file is loaded instead
// of compiling; a missing, stale or corrupt one is ignored and (re)written.
// CPython: Lib/importlib/_bootstrap_external.py SourceLoader.get_code, cache_from_source,
// _classify_pyc, _validate_timestamp_pyc, _validate_hash_pyc, _write_atomic.
#include "gopy/bytecode_cache.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "gopy/eval.hpp"
#include "gopy/fs_fault.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/pyc.hpp"
#include "gopy/state.hpp"
#include "lifecycle/runtime.hpp"
#include "object/sys_flag.hpp"

namespace gopy {

namespace {

// --check-hash-based-pycs (CPython: _imp.check_hash_based_pycs).
std::string check_hash_pycs_mode() {
  const Config* config = runtime().config.get();
  return config && config->check_hash_pycs_mode ? *config->check_hash_pycs_mode : "default";
}

Object* sys_attr(const char* name) {
  Interpreter* interp = get_thread_state()->interp;
  return interp->sys_module ? dict_get_str(interp->sys_module->dict, name) : nullptr;
}

bool dont_write_bytecode() {
  Object* v = sys_attr("dont_write_bytecode");
  return v && object_is_true(v) == 1;
}

std::string cache_tag() {
  Object* impl = sys_attr("implementation");
  Object* tag = impl ? get_attr(impl, "cache_tag") : nullptr;
  std::string out = tag && is_str(tag) ? as_str(tag)->utf8 : "gopy-3140";
  if (!tag) clear_error();
  xdecref(tag);
  return out;
}

// repr() of a file name (bytes), as the verbose messages quote it.
std::string repr_fs(const std::string& path) {
  Object* s = new_str_fs(path);
  Object* r = object_repr(s);
  decref(s);
  std::string out = r ? as_str(r)->utf8 : "'" + path + "'";
  if (!r) clear_error();
  xdecref(r);
  return out;
}

// CPython: importlib._bootstrap._verbose_message: "# ..." on sys.stderr under -v.
void verbose_message(const std::string& text) {
  Object* err = get_thread_state()->interp->stderr_obj;
  if (err && write_to_stream(err, "# " + text + "\n") < 0) clear_error();
}

bool read_file(const std::string& path, std::string* out) { return read_source_file(path, out) == 0; }

std::string absolute(const std::string& path) {
  if (path.starts_with('/')) return path;
  char buf[4096];
  return ::getcwd(buf, sizeof buf) ? std::string(buf) + "/" + path : path;
}

void make_dirs(const std::string& dir) {
  for (size_t pos = 1; pos != std::string::npos;) {
    pos = dir.find('/', pos + 1);
    ::mkdir(dir.substr(0, pos).c_str(), 0777);
  }
}

// CPython: _write_atomic: a temporary file renamed over the target, so a reader never
// sees half a file. Failures are ignored (a read-only directory just has no cache).
bool write_atomic(const std::string& path, const std::string& data, mode_t mode) {
  if (fault::fs_error("open", path.c_str()) != 0) return false;
  std::string tmp = path + "." + std::to_string(::getpid());
  int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL, mode & 0666);
  if (fd < 0) return false;
  size_t done = 0;
  while (done < data.size()) {
    ssize_t n = ::write(fd, data.data() + done, data.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    done += size_t(n);
  }
  bool ok = ::close(fd) == 0 && done == data.size();
  if (ok && ::rename(tmp.c_str(), path.c_str()) == 0) return true;
  ::unlink(tmp.c_str());
  return false;
}

// The code in `pyc` when it is valid for the source; null (nothing raised) otherwise.
// `source` is read on demand (checked hash-based files), into `*source`.
Object* validated_code(const std::string& pyc, const struct stat& st, const std::string& path, std::string* source,
                       bool* source_read, PycHeader* header) {
  if (!pyc_read_header(pyc, header)) return nullptr;
  if (header->flags & PycHeader::hash_based) {
    const std::string mode = check_hash_pycs_mode();
    bool check = mode != "never" && ((header->flags & PycHeader::check_source) || mode == "always");
    if (check) {
      if (!*source_read) *source_read = read_file(path, source);
      if (!*source_read || pyc_source_hash(*source) != header->hash) return nullptr;
    }
  } else if (header->mtime != std::uint32_t(st.st_mtime) || header->size != std::uint32_t(st.st_size)) {
    return nullptr;
  }
  return pyc_load_code(pyc);
}

// PEP 263: the file's bytes decoded by its coding declaration, then compiled
// (CPython: SourceLoader.source_to_code over decode_source).
Object* compile_decoded(std::string source, const std::string& filename) {
  if (!decode_source_file(&source, filename)) return nullptr;
  return compile_module_source(source, filename);
}

// The code's file name: a cache file written for another path is not used.
bool names_file(Object* code, const std::string& filename) {
  Object* f = get_attr(code, "co_filename");
  bool same = f && is_str(f) && as_str(f)->utf8 == filename;
  if (!f) clear_error();
  xdecref(f);
  return same;
}

}  // namespace

std::string cache_from_source(const std::string& source_path) {
  size_t slash = source_path.rfind('/');
  std::string head = slash == std::string::npos ? "" : source_path.substr(0, slash);
  std::string tail = slash == std::string::npos ? source_path : source_path.substr(slash + 1);
  size_t dot = tail.rfind('.');
  std::string base = dot == std::string::npos || dot == 0 ? tail : tail.substr(0, dot);
  std::string name = base + "." + cache_tag();
  if (int opt = int(sys_flag("optimize"))) name += ".opt-" + std::to_string(opt);
  name += ".pyc";
  Object* prefix = sys_attr("pycache_prefix");
  std::string prefix_dir;
  if (prefix && is_str(prefix) && str_fs_encode(as_str(prefix), &prefix_dir) && !prefix_dir.empty()) {
    // CPython: the source's absolute directory, re-rooted under the prefix.
    std::string abs_head = absolute(head.empty() ? "." : head);
    while (abs_head.starts_with('/')) abs_head.erase(0, 1);
    return absolute(prefix_dir) + "/" + abs_head + "/" + name;
  }
  return (head.empty() ? "" : head + "/") + "__pycache__/" + name;
}

Object* source_code(const std::string& path, const std::string& filename) {
  struct stat st;
  if (fault::fs_error("stat", path.c_str()) != 0 || ::stat(path.c_str(), &st) != 0) {
    std::string source;
    if (read_source_file_or_raise(path, &source) < 0) return nullptr;
    return compile_decoded(source, filename);
  }
  std::string cache = cache_from_source(path);
  std::string source, pyc;
  bool source_read = false;
  PycHeader old;
  if (read_file(cache, &pyc)) {
    if (Object* code = validated_code(pyc, st, path, &source, &source_read, &old)) {
      if (names_file(code, filename)) {
        if (sys_flag("verbose") >= 1) {
          verbose_message(cache + " matches " + path);
          verbose_message("code object from " + repr_fs(cache));
        }
        return code;
      }
      decref(code);
    }
  }
  if (!source_read) {
    if (read_source_file_or_raise(path, &source) < 0) return nullptr;
  }
  Object* code = compile_decoded(source, filename);
  if (code && sys_flag("verbose") >= 1) verbose_message("code object from " + path);
  if (!code || dont_write_bytecode()) return code;
  // A hash-based file stays hash-based when rewritten (CPython: get_code's hash_based).
  PycHeader header;
  if (old.flags & PycHeader::hash_based) {
    header.flags = old.flags;
    header.hash = pyc_source_hash(source);
  } else {
    header.mtime = std::uint32_t(st.st_mtime);
    header.size = std::uint32_t(st.st_size);
  }
  std::string data = pyc_encode(header, code);
  if (!data.empty()) {
    size_t slash = cache.rfind('/');
    if (slash != std::string::npos) make_dirs(cache.substr(0, slash));
    if (write_atomic(cache, data, st.st_mode) && sys_flag("verbose") >= 1) verbose_message("created " + repr_fs(cache));
  }
  return code;
}

Object* code_from_pyc(const std::string& pyc, const std::string& name) {
  PycHeader header;
  if (!pyc_read_header(pyc, &header)) {
    // CPython: _classify_pyc: f"bad magic number in {name!r}: {magic!r}"
    Object* n = new_str(name);
    Object* magic = new_bytes(std::string_view(pyc).substr(0, 4));
    Object* nr = object_repr(n);
    Object* mr = nr ? object_repr(magic) : nullptr;
    std::string text = nr && mr ? "bad magic number in " + as_str(nr)->utf8 + ": " + as_str(mr)->utf8 : "";
    decref(n);
    decref(magic);
    xdecref(nr);
    xdecref(mr);
    if (text.empty()) return nullptr;
    return set_error(&exc_ImportError, text);
  }
  Object* code = pyc_load_code(pyc);
  if (!code) return set_error(&exc_ImportError, "bad marshal data (" + name + ")");
  return code;
}

Object* sourceless_code(const std::string& path, const std::string& name) {
  std::string pyc;
  if (read_source_file_or_raise(path, &pyc) < 0) return nullptr;
  return code_from_pyc(pyc, name);
}

}  // namespace gopy
