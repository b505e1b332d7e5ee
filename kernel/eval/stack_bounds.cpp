#include "eval/stack_bounds.hpp"

#include <pthread.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <unistd.h>

// The top of the main thread's stack, as the C library recorded it at start-up.
extern "C" void* __libc_stack_end;

namespace gopy {

namespace {

struct StackBounds {
  std::uintptr_t low = 0;
  std::uintptr_t top = 0;
};

// The main thread's stack is the process stack: its size limit is RLIMIT_STACK below
// __libc_stack_end. This avoids pthread_getattr_np, which reads /proc/self/maps (about
// 190,000 instructions at every start).
StackBounds main_thread_stack() {
  rlimit limit{};
  if (getrlimit(RLIMIT_STACK, &limit) != 0 || limit.rlim_cur == RLIM_INFINITY) return {};
  auto top = reinterpret_cast<std::uintptr_t>(__libc_stack_end);
  return {top > limit.rlim_cur ? top - limit.rlim_cur : 0, top};
}

StackBounds query_stack_bounds() {
  if (getpid() == static_cast<pid_t>(syscall(SYS_gettid))) {
    if (StackBounds main = main_thread_stack(); main.low) return main;
  }
  pthread_attr_t attr;
  if (pthread_getattr_np(pthread_self(), &attr) != 0) return {};
  void* low = nullptr;
  size_t size = 0;
  int rc = pthread_attr_getstack(&attr, &low, &size);
  pthread_attr_destroy(&attr);
  if (rc != 0) return {};
  auto base = reinterpret_cast<std::uintptr_t>(low);
  return {base, base + size};
}

const StackBounds& thread_stack() {
  thread_local StackBounds bounds = query_stack_bounds();
  return bounds;
}

}  // namespace

std::uintptr_t thread_stack_low() { return thread_stack().low; }
std::uintptr_t thread_stack_top() { return thread_stack().top; }

}  // namespace gopy
