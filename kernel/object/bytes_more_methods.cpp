// bytes and bytearray methods beyond the shared searching/case set: expandtabs, istitle,
// maketrans and translate (CPython: Objects/bytes_methods.c, Objects/bytesobject.c).
#include <algorithm>

#include "gopy/object.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "object/args.hpp"
#include "object/bytes_internal.hpp"
#include "object/class_method.hpp"
#include "object/expandtabs.hpp"
#include "object/strcat.hpp"

namespace gopy {

namespace {

bool buffer_arg(Object* o, std::string_view* out) {
  if (bytes_like_view(o, out)) return true;
  type_error(cat("a bytes-like object is required, not '", o->type->name, "'"));
  return false;
}

// CPython: Objects/stringlib/transmogrify.h stringlib_expandtabs
Object* m_expandtabs(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ssize tabsize;
  if (!expandtabs_arg(a, n, kw, &tabsize)) return nullptr;
  std::string out;
  if (expand_tabs(bytes_family_data(a[0]), tabsize, false, &out) < 0) return overflow_error("result too long");
  return bytes_family_new(a[0], out);
}

// CPython: Objects/bytes_methods.c _Py_bytes_istitle
Object* m_istitle(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("istitle", kw) || !check_nargs("istitle", n - 1, 0, 0)) return nullptr;
  bool cased = false, previous_cased = false;
  for (char c : bytes_family_data(a[0])) {
    bool upper = c >= 'A' && c <= 'Z', lower = c >= 'a' && c <= 'z';
    if (upper) {
      if (previous_cased) return new_bool(false);
      previous_cased = cased = true;
    } else if (lower) {
      if (!previous_cased) return new_bool(false);
      previous_cased = cased = true;
    } else {
      previous_cased = false;
    }
  }
  return new_bool(cased);
}

// CPython: Objects/bytes_methods.c _Py_bytes_maketrans (a static method)
Object* m_maketrans(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("maketrans", kw) || !check_nargs("maketrans", n, 2, 2)) return nullptr;
  std::string_view from, to;
  if (!buffer_arg(a[0], &from) || !buffer_arg(a[1], &to)) return nullptr;
  if (from.size() != to.size()) return value_error("maketrans arguments must have same length");
  std::string table(256, '\0');
  for (int i = 0; i < 256; ++i) table[size_t(i)] = char(i);
  for (size_t i = 0; i < from.size(); ++i) table[static_cast<unsigned char>(from[i])] = to[i];
  return new_bytes(table);
}

// CPython: Objects/bytesobject.c bytes_translate_impl
Object* m_translate(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[2] = {};
  if (!bind_args("translate", a + 1, n - 1, kw, {"table", "delete"}, 1, args)) return nullptr;
  std::string_view table, remove;
  if (args[0] != None()) {
    if (!buffer_arg(args[0], &table)) return nullptr;
    if (table.size() != 256) return value_error("translation table must be 256 characters long");
  }
  if (args[1] && !buffer_arg(args[1], &remove)) return nullptr;
  bool deleted[256] = {};
  for (char c : remove) deleted[static_cast<unsigned char>(c)] = true;
  std::string out;
  for (char c : bytes_family_data(a[0])) {
    auto u = static_cast<unsigned char>(c);
    if (deleted[u]) continue;
    out += table.empty() ? c : table[u];
  }
  return bytes_family_new(a[0], out);
}

}  // namespace

void add_more_bytes_methods(TypeObject* t) {
  add_method(t, "expandtabs", m_expandtabs);
  add_method(t, "istitle", m_istitle);
  add_method(t, "translate", m_translate);
  add_static_method(t, "maketrans", m_maketrans);
}

}  // namespace gopy
