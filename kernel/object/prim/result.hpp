// Result<T>: a value or a Python-level error (exception type name + message), the way
// every primitive in gopy::prim reports failure. The object model turns an Error into
// the exception of that name; nothing here throws.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace gopy::prim {

// A Python exception to raise: `type` is the builtin exception name ("ValueError"),
// `message` is CPython's text for the same failure.
struct Error {
  std::string type;
  std::string message;
  bool operator==(const Error&) const = default;
};

inline Error value_error(std::string message) { return {"ValueError", std::move(message)}; }
inline Error overflow_error(std::string message) { return {"OverflowError", std::move(message)}; }
inline Error zero_division_error(std::string message) {
  return {"ZeroDivisionError", std::move(message)};
}

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }
  const T& value() const& { return std::get<0>(state_); }
  T& value() & { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  const T& operator*() const& { return value(); }
  const T* operator->() const { return &value(); }
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

}  // namespace gopy::prim
