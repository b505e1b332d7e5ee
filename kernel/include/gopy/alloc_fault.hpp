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
#pragma once
#include "gopy/api_begin.h"

#include <cstdint>

namespace gopy::fault {

// The hook: counts one allocation and says whether it must fail. Cheap when disarmed (one
// increment and one comparison).
bool allocation_fails() noexcept;

// The embedder's API: fail the Nth allocation from now (1 = the next one); 0 disarms.
void fail_allocation_at(std::uint64_t n) noexcept;
// Allocations counted since the process started (armed or not).
std::uint64_t allocation_count() noexcept;
// Whether the armed failure has happened since it was armed.
bool allocation_failed() noexcept;

}  // namespace gopy::fault
#include "gopy/api_end.h"
