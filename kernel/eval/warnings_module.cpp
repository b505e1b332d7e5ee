// The native `_warnings` module: what lib/python3.14/warnings.py needs from the
// interpreter until gopy has sys._getframe, re and linecache: the caller's frame, pattern
// matching for filters, and source lines. CPython: Python/_warnings.c setup_context,
// check_matched; Lib/linecache.py getline.
#include <string>

#include "eval/code.hpp"
#include "eval/warning_pattern.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/args.hpp"
#include "object/source_line.hpp"

namespace gopy {

namespace {

bool starts_with_any(const std::string& filename, TupleObject* prefixes) {
  if (!prefixes) return false;
  for (Object* p : prefixes->items)
    if (is_str(p) && filename.starts_with(as_str(p)->utf8)) return true;
  return false;
}

int frame_line(const Frame* f) { return f->ip ? f->code->line_at(f->ip > f->code->instrs.data() ? f->ip - 1 : f->ip) : f->code->firstlineno; }

// _caller(stacklevel, skip_file_prefixes): (filename, lineno, globals) of the frame
// `stacklevel` levels above the calling warn(), or None past the outermost frame. Frames
// whose file starts with a skipped prefix are not counted beyond the first level.
// CPython: Lib/warnings.py warn (sys._getframe, _next_external_frame).
Object* w_caller(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[2] = {};
  if (!bind_args("_caller", a, n, kw, {"stacklevel", "skip_file_prefixes"}, 1, args)) return nullptr;
  int64_t level = 1;
  if (!int_to_int64(args[0], &level)) return nullptr;
  TupleObject* prefixes = args[1] && is_tuple(args[1]) ? static_cast<TupleObject*>(args[1]) : nullptr;
  Frame* f = get_thread_state()->frame;
  if (f) f = f->back;  // warn()'s own frame
  for (int64_t i = 1; f && i < level; ++i) {
    f = f->back;
    while (f && starts_with_any(f->code->filename ? f->code->filename->utf8 : "", prefixes)) f = f->back;
  }
  if (!f) return new_ref(None());
  Object* line = new_int(frame_line(f));
  Object* filename = f->code->filename ? static_cast<Object*>(f->code->filename) : None();
  TupleObject* t = new_tuple_from({filename, line, f->globals});
  decref(line);
  return t;
}

// _match(pattern, text, ignorecase): whether `pattern` matches at the start of `text`
// (re.match), over the subset eval/warning_pattern.hpp describes.
Object* w_match(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("_match", kw) || !check_nargs("_match", n, 3, 3)) return nullptr;
  if (!is_str(a[0]) || !is_str(a[1])) return type_error("_match() arguments must be str");
  int ignorecase = object_is_true(a[2]);
  if (ignorecase < 0) return nullptr;
  std::string error;
  PatternMatch m = warning_pattern_match(as_str(a[0])->utf8, as_str(a[1])->utf8, ignorecase != 0, &error);
  if (m == PatternMatch::invalid) return value_error("warning filter pattern " + as_str(a[0])->utf8 + ": " + error);
  return new_bool(m == PatternMatch::yes);
}

// _getline(filename, lineno): the stripped source line, or "".
Object* w_getline(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("_getline", kw) || !check_nargs("_getline", n, 2, 2)) return nullptr;
  int64_t lineno = 0;
  if (!is_str(a[0]) || !int_to_int64(a[1], &lineno)) return new_str("");
  return new_str(source_line(as_str(a[0])->utf8, int(lineno)));
}

}  // namespace

ModuleObject* create__warnings_module() {
  ModuleObject* m = new_module("_warnings");
  (void)add_module_function(m, "_caller", w_caller);
  (void)add_module_function(m, "_match", w_match);
  (void)add_module_function(m, "_getline", w_getline);
  return m;
}

}  // namespace gopy
