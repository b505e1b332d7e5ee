// ExceptionKind: which built-in Python exception a failure becomes, named without the object
// model, so that code below it (the primitives in kernel/object/prim) can say which one it
// means. The object model maps a kind to its exception type (exception_type_for_kind).
#pragma once
#include "gopy/api_begin.h"

namespace gopy {

enum class ExceptionKind {
  value_error,
  overflow_error,
  zero_division_error,
  type_error,
  memory_error,
  unicode_decode_error,
  unicode_encode_error,
};

// The exception's Python name ("ValueError"), for messages and tests.
constexpr const char* exception_kind_name(ExceptionKind kind) {
  switch (kind) {
    case ExceptionKind::value_error: return "ValueError";
    case ExceptionKind::overflow_error: return "OverflowError";
    case ExceptionKind::zero_division_error: return "ZeroDivisionError";
    case ExceptionKind::type_error: return "TypeError";
    case ExceptionKind::memory_error: return "MemoryError";
    case ExceptionKind::unicode_decode_error: return "UnicodeDecodeError";
    case ExceptionKind::unicode_encode_error: return "UnicodeEncodeError";
  }
  return "?";  // not reached: every kind is listed above
}

}  // namespace gopy
#include "gopy/api_end.h"
