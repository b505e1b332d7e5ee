// Allocation-failure injection: makes the Nth allocation through gopy's own allocation
// functions fail, as if memory ran out there, to test that every such failure ends in
// MemoryError or a clean fatal start-up error (never a crash, a leak or a hang).
//
// Every allocation site of gopy calls allocation_fails() once per allocation: the object
// allocator before it allocates (object_alloc.cpp) and storage growth
// (prim::can_allocate, prim::reserve_more).
//
// From the environment, read once when libgopy loads:
//   GOPY_FAIL_ALLOC=N    the Nth allocation of the process fails (once; counted from 1)
//   GOPY_COUNT_ALLOC=1   at exit, print "gopy: N allocations" on stderr (to size a walk)
// scripts/alloc-fault-walk walks N over a whole run.
//
// Allocations are counted only while the hook is on: from the start with either variable,
// else from the first fail_allocation_at. Off, the hook costs an allocation one test of a
// flag.
#pragma once
#include "gopy/api_begin.h"

#include <cstdint>

namespace gopy::fault {

namespace detail {
extern bool hook_on;                        // counting (and maybe armed)
bool count_allocation_and_check() noexcept;  // the hook's counting path
}  // namespace detail

// The hook: counts one allocation and says whether it must fail.
inline bool allocation_fails() noexcept {
  if (!detail::hook_on) [[likely]]
    return false;
  return detail::count_allocation_and_check();
}

// The embedder's API: fail the Nth allocation from now (1 = the next one); 0 disarms.
// The first call turns counting on.
void fail_allocation_at(std::uint64_t n) noexcept;
// Allocations counted so far (0 while the hook has never been on).
std::uint64_t allocation_count() noexcept;
// Whether the armed failure has happened since it was armed.
bool allocation_failed() noexcept;

}  // namespace gopy::fault
#include "gopy/api_end.h"
