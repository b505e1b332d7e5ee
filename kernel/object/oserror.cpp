// OSError by errno: the subclass CPython picks for an errno value, and raising one with
// strerror's text (CPython: Objects/exceptions.c _PyExc_InitState's errnomap,
// Python/errors.c PyErr_SetFromErrnoWithFilenameObjects).
#include <cerrno>
#include <cstring>
#include <string>

#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"

namespace gopy {

TypeObject* os_error_type_for_errno(int err) {
  switch (err) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS: return &exc_BlockingIOError;
    case ECHILD: return &exc_ChildProcessError;
    case EPIPE:
    case ESHUTDOWN: return &exc_BrokenPipeError;
    case ECONNABORTED: return &exc_ConnectionAbortedError;
    case ECONNREFUSED: return &exc_ConnectionRefusedError;
    case ECONNRESET: return &exc_ConnectionResetError;
    case EEXIST: return &exc_FileExistsError;
    case ENOENT: return &exc_FileNotFoundError;
    case EISDIR: return &exc_IsADirectoryError;
    case ENOTDIR: return &exc_NotADirectoryError;
    case EINTR: return &exc_InterruptedError;
    case EACCES:
    case EPERM: return &exc_PermissionError;
    case ESRCH: return &exc_ProcessLookupError;
    case ETIMEDOUT: return &exc_TimeoutError;
    default: return &exc_OSError;
  }
}

std::nullptr_t os_error_from_errno(int err, const std::string* filename) {
  Object* args[3] = {new_int(err), new_str(std::strerror(err)), filename ? new_str(*filename) : nullptr};
  size_t nargs = filename ? 3 : 2;
  Object* exc = new_exception_args(os_error_type_for_errno(err), args, nargs);
  for (size_t i = 0; i < nargs; ++i) decref(args[i]);
  if (exc) {
    raise_object(exc);
    decref(exc);
  }
  return nullptr;
}

}  // namespace gopy
