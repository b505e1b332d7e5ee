// Exceptions: the built-in hierarchy, exception objects, tracebacks, and the error
// indicator on the thread state (CPython: Objects/exceptions.c, Python/errors.c,
// Python/traceback.c).
#pragma once
#include "gopy/api_begin.h"

#include <string>
#include <string_view>

#include "gopy/exception_kind.hpp"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_str.hpp"

namespace gopy {

struct BaseExceptionObject : GcObject {
  TupleObject* args;                // owned
  Object* traceback = nullptr;      // owned TracebackObject or null
  Object* cause = nullptr;          // owned
  Object* context = nullptr;        // owned
  bool suppress_context = false;
  DictObject* dict = nullptr;       // owned: user attributes and code/name/value/msg...
  // Owned: what the traceback printer's suggestion needs from the innermost frame
  // (object/suggestions.hpp), or null.
  Object* frame_hint = nullptr;
  explicit BaseExceptionObject(TypeObject* t);
  ~BaseExceptionObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

// Where a failing instruction's expression sits on its (single) source line, for the
// carets under a traceback's line (PEP 657). Byte columns; col < 0: unknown, no carets.
struct SourceSpan {
  // binop: `left_end`/`right_start` bound the operator; bracket: a call's or subscript's
  // bracket follows `left_end`; whole_value: the call is all of `x = f()` / `return f()`.
  // Small, as every instruction has one: lines longer than kMaxColumn get no carets.
  enum class Anchor : unsigned char { none, binop, bracket, whole_value };
  static constexpr int kMaxColumn = 32767;
  short col = -1;
  short end_col = -1;
  short left_end = -1;
  short right_start = -1;
  Anchor anchor = Anchor::none;
};

struct TracebackObject : GcObject {
  TracebackObject* next = nullptr;  // owned, toward the innermost frame
  StrObject* filename = nullptr;    // owned
  StrObject* funcname = nullptr;    // owned
  int lineno;
  SourceSpan span;
  TracebackObject() : GcObject(&traceback_type) {}
  ~TracebackObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

// The built-in exception types the slice uses (static, immortal).
#define GOPY_EXCEPTION_TYPES(X)                         \
  X(BaseException, nullptr)                             \
  X(Exception, BaseException)                           \
  X(SystemExit, BaseException)                          \
  X(KeyboardInterrupt, BaseException)                   \
  X(GeneratorExit, BaseException)                       \
  X(ArithmeticError, Exception)                         \
  X(FloatingPointError, ArithmeticError)                \
  X(ZeroDivisionError, ArithmeticError)                 \
  X(OverflowError, ArithmeticError)                     \
  X(AssertionError, Exception)                          \
  X(AttributeError, Exception)                          \
  X(EOFError, Exception)                                \
  X(ImportError, Exception)                             \
  X(ModuleNotFoundError, ImportError)                   \
  X(LookupError, Exception)                             \
  X(IndexError, LookupError)                            \
  X(KeyError, LookupError)                              \
  X(NameError, Exception)                               \
  X(UnboundLocalError, NameError)                       \
  X(OSError, Exception)                                 \
  X(BlockingIOError, OSError)                           \
  X(ChildProcessError, OSError)                         \
  X(ConnectionError, OSError)                           \
  X(BrokenPipeError, ConnectionError)                   \
  X(ConnectionAbortedError, ConnectionError)            \
  X(ConnectionRefusedError, ConnectionError)            \
  X(ConnectionResetError, ConnectionError)              \
  X(FileExistsError, OSError)                           \
  X(FileNotFoundError, OSError)                         \
  X(InterruptedError, OSError)                          \
  X(IsADirectoryError, OSError)                         \
  X(NotADirectoryError, OSError)                        \
  X(PermissionError, OSError)                           \
  X(ProcessLookupError, OSError)                        \
  X(TimeoutError, OSError)                              \
  X(ReferenceError, Exception)                          \
  X(RuntimeError, Exception)                            \
  X(NotImplementedError, RuntimeError)                  \
  X(PythonFinalizationError, RuntimeError)              \
  X(RecursionError, RuntimeError)                       \
  X(StopIteration, Exception)                           \
  X(StopAsyncIteration, Exception)                      \
  X(SyntaxError, Exception)                             \
  X(IndentationError, SyntaxError)                      \
  X(TabError, IndentationError)                         \
  X(_IncompleteInputError, SyntaxError)                 \
  X(SystemError, Exception)                             \
  X(TypeError, Exception)                               \
  X(ValueError, Exception)                              \
  X(UnicodeError, ValueError)                           \
  X(UnicodeDecodeError, UnicodeError)                   \
  X(UnicodeEncodeError, UnicodeError)                   \
  X(UnicodeTranslateError, UnicodeError)                \
  X(BufferError, Exception)                             \
  X(MemoryError, Exception)

// The warning categories. Not exported from libgopy (declared below, outside the API
// block): every exported data symbol costs the dynamic loader a relocation at each start,
// and plugins reach these through for_each_exception_type and gopy/warnings.hpp.
#define GOPY_WARNING_TYPES(X)                           \
  X(Warning, Exception)                                 \
  X(UserWarning, Warning)                               \
  X(DeprecationWarning, Warning)                        \
  X(PendingDeprecationWarning, Warning)                 \
  X(SyntaxWarning, Warning)                             \
  X(RuntimeWarning, Warning)                            \
  X(FutureWarning, Warning)                             \
  X(ImportWarning, Warning)                             \
  X(UnicodeWarning, Warning)                            \
  X(BytesWarning, Warning)                              \
  X(ResourceWarning, Warning)                           \
  X(EncodingWarning, Warning)

// Every built-in exception type, in the order they are made.
#define GOPY_ALL_EXCEPTION_TYPES(X) GOPY_EXCEPTION_TYPES(X) GOPY_WARNING_TYPES(X)

#define GOPY_DECLARE_EXC(name, base) extern TypeObject exc_##name;
GOPY_EXCEPTION_TYPES(GOPY_DECLARE_EXC)
#undef GOPY_DECLARE_EXC

// Visits every built-in exception type (for the builtins module).
void for_each_exception_type(void (*fn)(TypeObject*, void*), void* arg);

inline bool is_exception_instance(const Object* o) { return (o->type->flags & TypeFlags::exception) != 0; }
inline bool is_exception_class(const Object* o) {
  return (o->type == &type_type || is_subtype(o->type, &type_type)) &&
         (static_cast<const TypeObject*>(o)->flags & TypeFlags::exception);
}

// ---- The error indicator ----
// Raises `type(message)`; always returns nullptr so callers can `return set_error(...)`.
std::nullptr_t set_error(TypeObject* type, std::string_view message);
// Raises an exception instance or class (a class is instantiated without arguments).
// Sets __context__ from the exception being handled, as CPython's _PyErr_SetObject.
std::nullptr_t raise_object(Object* exc);
// Re-raises an exception without touching its context or traceback (bare `raise`).
void restore_error(Object* exc);  // steals
Object* current_error();          // borrowed
bool error_occurred();
bool error_matches(TypeObject* type);
Object* fetch_error();  // new reference, clears the indicator
void clear_error();
// True when `exc` (an instance) matches `spec` (a class or tuple of classes). -1 on a bad spec.
int exception_matches(Object* exc, Object* spec);
Object* new_exception(TypeObject* type, std::string_view message);
Object* new_exception_args(TypeObject* type, Object* const* args, size_t nargs);
// Prepends a traceback entry (CPython: PyTraceBack_Here).
void traceback_add(BaseExceptionObject* exc, StrObject* filename, StrObject* funcname, int lineno,
                   const SourceSpan& span = {});

// A type's name as CPython's tp_name spells it ('_io.StringIO' for a built-in type of a
// module other than builtins; a class's bare name).
std::string type_tp_name(const TypeObject* t);
// Common errors.
std::nullptr_t type_error(std::string_view message);
std::nullptr_t value_error(std::string_view message);
std::nullptr_t index_error(std::string_view message);
std::nullptr_t overflow_error(std::string_view message);
std::nullptr_t zero_division_error(std::string_view message);
std::nullptr_t attribute_error(Object* obj, StrObject* name);
// The same with its own message (a module's, say).
std::nullptr_t attribute_error(Object* obj, StrObject* name, std::string_view message);
// MemoryError without arguments (CPython: PyErr_NoMemory).
std::nullptr_t no_memory();
// The built-in exception type of a kind.
TypeObject* exception_type_for_kind(ExceptionKind kind);
// The OSError subclass CPython picks for an errno value (FileNotFoundError for ENOENT,
// ...), OSError itself for the others (CPython: Objects/exceptions.c errnomap).
TypeObject* os_error_type_for_errno(int err);
// Raises that subclass as OSError(err, strerror(err)[, filename]): "[Errno 2] No such
// file or directory: 'x'" (CPython: PyErr_SetFromErrnoWithFilenameObject).
std::nullptr_t os_error_from_errno(int err, const std::string* filename = nullptr);

// Exception attribute helpers (stored in the exception's dict).
Object* exception_get_attr(Object* exc, std::string_view name);  // borrowed or null
// str(exc) as CPython's BaseException.__str__ (KeyError quotes its one arg).
Object* exception_str(Object* exc);

// Writes CPython's report of an exception (traceback + chain) to `stream`, then flushes
// it; "lost sys.stderr" on the process's stderr when writing fails. `colorize`: in the
// colours of 3.14's default theme. CPython: Python/pythonrun.c _PyErr_Display,
// Lib/traceback.py TracebackException.format.
void print_exception_to(Object* stream, Object* exc, bool colorize = false);
// "Traceback (most recent call last):" and the entries of `tb` (CPython: PyTraceBack_Print).
void print_traceback_to(Object* stream, Object* tb);
// A type's printable name: qualname, prefixed by its module unless builtins/__main__.
std::string exception_type_display_name(TypeObject* t);

// Writes text to a file-like object (its write method), or to the C stream fallback.
int write_to_stream(Object* stream, std::string_view text);

}  // namespace gopy
#include "gopy/api_end.h"

namespace gopy {
// References to types made once and never destroyed (kernel/object/exceptions.cpp).
#define GOPY_DECLARE_WARNING(name, base) extern TypeObject& exc_##name;
GOPY_WARNING_TYPES(GOPY_DECLARE_WARNING)
#undef GOPY_DECLARE_WARNING
}  // namespace gopy

