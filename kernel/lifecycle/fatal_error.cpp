// CPython: Python/pylifecycle.c fatal_error, _Py_FatalError_PrintExc,
// _Py_FatalError_DumpTracebacks; Python/traceback.c write_thread_id, dump_traceback.
#include "lifecycle/fatal_error.hpp"

#include <pthread.h>

#include <cstdio>
#include <string>

#include "gopy/object_exc.hpp"
#include "gopy/object_textio.hpp"
#include "gopy/state.hpp"

namespace gopy {

bool fatal_error_has_exception() { return get_thread_state() != nullptr && error_occurred(); }

void print_fatal_error_with_exception(const Status& status, std::string_view runtime_state) {
  std::string head = "Fatal Python error: " + status.to_string() + "\nPython runtime state: " +
                     std::string(runtime_state) + "\n";
  std::fputs(head.c_str(), stderr);
  std::fflush(stderr);
  Object* exc = fetch_error();
  Interpreter* interp = get_thread_state()->interp;
  bool has_traceback = false;
  if (interp->stderr_obj != nullptr) {
    print_exception_to(interp->stderr_obj, exc);
    has_traceback = static_cast<BaseExceptionObject*>(exc)->traceback != nullptr;
  }
  decref(exc);
  if (has_traceback) return;
  // No traceback shown: the current thread's stack, which has no Python frame yet.
  char name[100] = {};
  std::string thread = "\nCurrent thread 0x";
  char id[32];
  std::snprintf(id, sizeof id, "%016lx", static_cast<unsigned long>(pthread_self()));
  thread += id;
  if (pthread_getname_np(pthread_self(), name, sizeof name) == 0 && name[0] != '\0') {
    thread += " [";
    thread += name;
    thread += "]";
  }
  thread += " (most recent call first):\n  <no Python frame>\n";
  std::fputs(thread.c_str(), stderr);
  std::fflush(stderr);
}

}  // namespace gopy
