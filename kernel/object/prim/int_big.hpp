// Internal to the int primitives: the cpp_int behind Int::Big and the conversions
// between Int and cpp_int. Only int.cpp and int_text.cpp include this (cpp_int is heavy).
#pragma once

// Boost.Multiprecision includes <iostream>, whose static std::ios_base::Init object
// would construct the standard streams and their locales at every start-up (0.1 M
// instructions) although gopy never uses them. It needs only the stream classes.
#include <istream>
#include <ostream>
#if defined(__GLIBCXX__) && !defined(_GLIBCXX_IOSTREAM)
#define _GLIBCXX_IOSTREAM 1
#endif
#include <boost/multiprecision/cpp_int.hpp>

#include "object/prim/int.hpp"

namespace gopy::prim {

using BigValue = boost::multiprecision::cpp_int;

struct Int::Big {
  BigValue value;
};

// The value of `a` as a cpp_int.
inline BigValue to_big(const Int& a) {
  if (a.is_small()) return BigValue(a.small_value());
  return a.big()->value;
}

// An Int holding `v`, small when it fits int64 (the representation invariant).
inline Int from_big(BigValue v) {
  constexpr int64_t kMin = std::numeric_limits<int64_t>::min();
  constexpr int64_t kMax = std::numeric_limits<int64_t>::max();
  if (v >= kMin && v <= kMax) return Int(v.convert_to<int64_t>());
  return Int(std::make_shared<const Int::Big>(Int::Big{std::move(v)}));
}

}  // namespace gopy::prim
