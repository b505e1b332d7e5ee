// expandtabs for str and bytes: one algorithm over the encoded text (kernel-internal).
// CPython: Objects/stringlib/transmogrify.h stringlib_expandtabs
#pragma once

#include <string>
#include <string_view>

#include "gopy/object.hpp"
#include "gopy/object_exc.hpp"
#include "object/args.hpp"

namespace gopy {

// The `tabsize` argument of s.expandtabs(tabsize=8).
inline bool expandtabs_arg(Object* const* a, size_t n, TupleObject* kw, ssize* tabsize) {
  Object* arg = nullptr;
  if (!bind_args("expandtabs", a + 1, n - 1, kw, {"tabsize"}, 0, &arg)) return false;
  *tabsize = 8;
  return !arg || index_as_ssize(arg, tabsize);
}

// Appends `text` to `out` with each tab widened to the next multiple of `tabsize`
// columns; '\n' and '\r' restart the column. A column is a byte, or with `utf8` a code
// point (continuation bytes take none). Returns the columns written, -1 on overflow.
inline ssize expand_tabs(std::string_view text, ssize tabsize, bool utf8, std::string* out) {
  ssize column = 0, length = 0;
  for (char c : text) {
    if (c == '\t') {
      if (tabsize > 0) {
        ssize pad = tabsize - column % tabsize;
        if (length > PTRDIFF_MAX - pad) return -1;
        out->append(size_t(pad), ' ');
        column += pad;
        length += pad;
      }
      continue;
    }
    *out += c;
    if (utf8 && (static_cast<unsigned char>(c) & 0xC0) == 0x80) continue;
    ++length;
    column = (c == '\n' || c == '\r') ? 0 : column + 1;
  }
  return length;
}

}  // namespace gopy
