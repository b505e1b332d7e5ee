#include "eval/stack_bounds.hpp"

#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

// The top of the main thread's stack, as the C library recorded it at start-up.
extern "C" void* __libc_stack_end;

namespace gopy {

namespace {

// The main thread's stack is the process stack: its size limit is RLIMIT_STACK below
// __libc_stack_end. This avoids pthread_getattr_np, which reads /proc/self/maps (about
// 190,000 instructions at every start).
std::uintptr_t main_thread_stack_low() {
  rlimit limit{};
  if (getrlimit(RLIMIT_STACK, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return 0;
  auto top = reinterpret_cast<std::uintptr_t>(__libc_stack_end);
  return top > limit.rlim_cur ? top - limit.rlim_cur : 0;
}

std::uintptr_t query_stack_low() {
  if (getpid() == static_cast<pid_t>(syscall(SYS_gettid))) {
    if (std::uintptr_t low = main_thread_stack_low()) return low;
  }
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return 0;
  void* low = nullptr;
  size_t size = 0;
  int rc = pthread_attr_getstack(&attr, &low, &size);
  pthread_attr_destroy(&attr);
  return rc == 0 ? reinterpret_cast<std::uintptr_t>(low) : 0;
}

}  // namespace

std::uintptr_t thread_stack_low() {
  thread_local std::uintptr_t low = query_stack_low();
  return low;
}

}  // namespace gopy
