// Result<T>: a value or a Python-level error (exception kind + message), the way every
// primitive in gopy::prim reports failure. The object model turns an Error into the
// exception of that kind; nothing here throws.
#pragma once

#include <string>
#include <utility>
#include <variant>

#include "gopy/exception_kind.hpp"

namespace gopy::prim {

// A Python exception to raise: its kind and CPython's text for the same failure.
struct Error {
  ExceptionKind kind;
  std::string message;
  bool operator==(const Error&) const = default;
};

inline Error value_error(std::string message) { return {ExceptionKind::value_error, std::move(message)}; }
inline Error overflow_error(std::string message) { return {ExceptionKind::overflow_error, std::move(message)}; }
inline Error zero_division_error(std::string message) {
  return {ExceptionKind::zero_division_error, std::move(message)};
}
// CPython: PyErr_NoMemory (a MemoryError without a message).
inline Error memory_error() { return {ExceptionKind::memory_error, {}}; }

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
