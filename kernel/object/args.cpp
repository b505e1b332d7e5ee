// CPython: Python/getargs.c vgetargskeywords (the messages of its argument checks)
#include "object/args.hpp"

#include "gopy/object_exc.hpp"
#include "gopy/object_str.hpp"
#include "object/strcat.hpp"

namespace gopy {

bool bind_args(const char* fname, Object* const* a, size_t npos, TupleObject* kwnames,
               std::initializer_list<std::string_view> names, size_t required, Object** out) {
  const size_t total = names.size();
  if (npos > total) {
    type_error(cat(fname, "() takes at most ", total, " argument", total == 1 ? "" : "s", " (", npos, " given)"));
    return false;
  }
  for (size_t i = 0; i < total; ++i) out[i] = i < npos ? a[i] : nullptr;
  if (kwnames) {
    for (size_t k = 0; k < kwnames->items.size(); ++k) {
      std::string_view key = as_str(kwnames->items[k])->view();
      size_t slot = 0;
      for (std::string_view n : names) {
        if (n == key) break;
        ++slot;
      }
      if (slot == total) {
        type_error(cat("'", key, "' is an invalid keyword argument for ", fname, "()"));
        return false;
      }
      if (out[slot]) {
        type_error(cat("argument for ", fname, "() given by name ('", key, "') and position (", slot + 1, ")"));
        return false;
      }
      out[slot] = a[npos + k];
    }
  }
  for (size_t i = 0; i < required; ++i) {
    if (!out[i]) {
      type_error(cat(fname, "() missing required argument '", *(names.begin() + i), "' (pos ", i + 1, ")"));
      return false;
    }
  }
  return true;
}

}  // namespace gopy
