// Status values: how every boundary in gopy reports failure (kernel API, plugin ABI,
// lifecycle steps). Modelled on CPython's PyStatus: ok, an error naming the failing
// function with a message a user can act on, or a request to exit with a code.
// [[nodiscard]]: gopy builds with -Werror=unused-result, so a dropped Status does not compile.
#pragma once
#include "gopy/api_begin.h"

#include <string>
#include <utility>

namespace gopy {

class [[nodiscard]] Status {
 public:
  enum class Kind { ok, error, exit };
  // Which part of gopy failed: callers branch on this, never on the func or message text.
  enum class Category {
    none,        // ok, or an exit request
    config,      // reading or setting the configuration
    pathconfig,  // computing the path configuration
    plugin,      // discovering, loading, attaching or detaching plugins
    runtime,     // the interpreter (phase order, codecs, modules a plugin fills)
  };

  static Status ok() { return Status(); }
  // An error: `func` is the function that failed (as PyStatus.func), `message` says what
  // was wrong. `exit_code` is what a process should exit with when this stops it.
  static Status error(Category category, std::string func, std::string message, int exit_code = 1) {
    Status s;
    s.kind_ = Kind::error;
    s.category_ = category;
    s.func_ = std::move(func);
    s.message_ = std::move(message);
    s.exit_code_ = exit_code;
    return s;
  }
  // A request to stop with this exit code (PyStatus_Exit), e.g. after --version.
  static Status exit(int exit_code) {
    Status s;
    s.kind_ = Kind::exit;
    s.exit_code_ = exit_code;
    return s;
  }

  bool is_ok() const { return kind_ == Kind::ok; }
  bool is_error() const { return kind_ == Kind::error; }
  bool is_exit() const { return kind_ == Kind::exit; }
  // PyStatus_Exception: anything that is not ok stops the caller.
  bool is_exception() const { return kind_ != Kind::ok; }
  Kind kind() const { return kind_; }
  Category category() const { return category_; }
  const std::string& func() const { return func_; }
  const std::string& message() const { return message_; }
  int exit_code() const { return exit_code_; }

  // "func: message" (or just the message when no function is named).
  std::string to_string() const {
    if (func_.empty()) return message_;
    return func_ + ": " + message_;
  }

 private:
  Kind kind_ = Kind::ok;
  Category category_ = Category::none;
  std::string func_;
  std::string message_;
  int exit_code_ = 0;
};

}  // namespace gopy

// Propagate a failed status to the caller.
#define GOPY_RETURN_IF_ERROR(expr)                 \
  do {                                             \
    ::gopy::Status gopy_status_ = (expr);          \
    if (gopy_status_.is_exception()) return gopy_status_; \
  } while (0)
#include "gopy/api_end.h"
