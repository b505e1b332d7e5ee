// Expected<T, E>: a value or an error, never both and never neither. gopy's results that
// carry a value (the primitives' prim::Result, the path configuration's file system) are
// this type; [[nodiscard]] with -Werror=unused-result makes dropping one a build error.
#pragma once
#include "gopy/api_begin.h"

#include <utility>
#include <variant>

namespace gopy {

template <class T, class E>
class [[nodiscard]] Expected {
 public:
  Expected(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Expected(E error) : state_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  const E& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, E> state_;
};

}  // namespace gopy
#include "gopy/api_end.h"
