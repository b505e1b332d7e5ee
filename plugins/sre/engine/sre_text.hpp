// Text helpers of the engine: UTF-8 of code points and Python's repr of a name, for the
// error messages.
#pragma once

#include <string>
#include <string_view>

#include "object/prim/unicode.hpp"

namespace gopy::sre {

inline std::string utf8(std::u32string_view s) { return prim::utf8_encode_lossless(s); }
inline std::string py_repr(std::u32string_view s) { return utf8(prim::str_repr(s)); }

}  // namespace gopy::sre
