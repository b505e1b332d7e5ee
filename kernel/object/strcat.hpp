// A tiny string builder for error messages: cat("f() takes ", n, " arguments").
#pragma once

#include <string>
#include <string_view>
#include <type_traits>

namespace gopy {

inline void cat_one(std::string& out, std::string_view s) { out += s; }
inline void cat_one(std::string& out, const char* s) { out += s; }
inline void cat_one(std::string& out, const std::string& s) { out += s; }
inline void cat_one(std::string& out, char c) { out += c; }
template <class T>
  requires std::is_integral_v<T>
inline void cat_one(std::string& out, T v) {
  out += std::to_string(v);
}
template <class... A>
std::string cat(const A&... a) {
  std::string out;
  (cat_one(out, a), ...);
  return out;
}

}  // namespace gopy
