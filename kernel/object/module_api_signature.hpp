// The parameter lists of the module API's functions (gopy/module.h): parsed once from the
// text a plugin gives ("a, b=2, /, *args, key=None"), then used to bind each call's
// arguments as a Python function's are bound, with the same errors. Internal to the kernel.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"

namespace gopy {

struct Signature {
  enum class Kind { positional_only, positional, varargs, keyword_only };
  struct Param {
    std::string name;
    Kind kind = Kind::positional;
    int default_index = -1;  // into the defaults tuple, or -1 when required
  };
  std::vector<Param> params;
  size_t positional_count = 0;  // positional-only and positional parameters
  bool has_varargs = false;
};

// Parses `text` into `sig` and its defaults (a new tuple in *defaults); false with the
// problem in `error` when the text is not a parameter list this API accepts.
bool parse_signature(std::string_view text, Signature* sig, TupleObject** defaults, std::string* error);

// Binds a vectorcall's arguments to `sig`: out[i] receives a borrowed value per parameter
// (defaults from `defaults`); a *args parameter receives a new tuple, which the caller
// releases through `owned`. False with CPython's TypeError set, naming `qualname`.
bool bind_signature(const Signature& sig, TupleObject* defaults, std::string_view qualname,
                    Object* const* args, size_t nargs, TupleObject* kwnames, Object** out,
                    Ref<>* owned);

}  // namespace gopy
