// CPython: Python/getargs.c vgetargskeywords (the messages of its argument checks)
#include "object/args.hpp"

#include "gopy/object_exc.hpp"
#include "gopy/object_str.hpp"
#include "object/strcat.hpp"
#include "object/suggestions.hpp"

namespace gopy {

bool bind_args(const char* fname, Object* const* a, size_t npos, TupleObject* kwnames,
               std::initializer_list<std::string_view> names, size_t required, Object** out) {
  const size_t total = names.size();
  const size_t given = npos + (kwnames ? kwnames->items.size() : 0);
  // CPython: Python/getargs.c _PyArg_UnpackKeywords ("keyword " when none is positional)
  if (given > total) {
    type_error(cat(fname, "() takes at most ", total, npos == 0 ? " keyword" : "", " argument",
                   total == 1 ? "" : "s", " (", given, " given)"));
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
        unexpected_keyword_error(fname, key, names);
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

// CPython: Python/getargs.c error_unexpected_keyword_arg
void unexpected_keyword_error(const char* fname, std::string_view key,
                              std::initializer_list<std::string_view> names) {
  std::string hint = closest_name(std::vector<std::string_view>(names), key);
  type_error(cat(fname, "() got an unexpected keyword argument '", key, "'",
                 hint.empty() ? std::string() : cat(". Did you mean '", hint, "'?")));
}

}  // namespace gopy
