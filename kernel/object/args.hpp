// Binding the positional-or-keyword arguments of a built-in function (kernel-internal).
#pragma once

#include <initializer_list>
#include <string_view>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"

namespace gopy {

// Binds a[0..npos) and the keyword arguments named in `kwnames` to `names`, in order,
// into out[0..names.size()) (borrowed; null where not given). Fails with CPython's
// messages for too many arguments, unknown or repeated keywords and missing required
// ones (the first `required` names).
bool bind_args(const char* fname, Object* const* a, size_t npos, TupleObject* kwnames,
               std::initializer_list<std::string_view> names, size_t required, Object** out);

// Raises "f() got an unexpected keyword argument 'k'", with ". Did you mean 'n'?" when one
// of `names` is close.
void unexpected_keyword_error(const char* fname, std::string_view key,
                              std::initializer_list<std::string_view> names);

}  // namespace gopy
