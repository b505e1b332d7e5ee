// Where the current thread's stack ends, for the guards that turn deep recursion (in the
// parser, the compiler, the evaluator) into an error instead of a stack overflow. Exported
// for the plugins that recurse (sre's parser): a thread_local of their own would live in
// the dynamic TLS of a library that finalize unloads.
#pragma once

#include <cstdint>

#include "gopy/api_begin.h"

namespace gopy {

// The lowest address of the calling thread's stack (stacks grow down on every platform
// gopy targets), or 0 when it cannot be known. Computed once per thread.
std::uintptr_t thread_stack_low();
// The highest address of the calling thread's stack (where it starts), or 0 when unknown.
std::uintptr_t thread_stack_top();

}  // namespace gopy
#include "gopy/api_end.h"
