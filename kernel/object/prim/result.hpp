// Result<T>: a value or a Python-level error (exception kind + message), the way every
// primitive in gopy::prim reports failure; an Expected<T, Error>. The object model turns
// an Error into the exception of that kind; nothing here throws.
#pragma once
#include "gopy/api_begin.h"

#include <string>
#include <utility>

#include "gopy/exception_kind.hpp"
#include "gopy/expected.hpp"

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

// Expected<T, Error> under the name the primitives have always used.
template <class T>
using Result = Expected<T, Error>;

}  // namespace gopy::prim
#include "gopy/api_end.h"
