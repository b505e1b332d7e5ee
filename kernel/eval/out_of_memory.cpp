#include "eval/out_of_memory.hpp"

#include <cstdlib>
#include <new>

#include "gopy/object_exc.hpp"

namespace gopy {

namespace {

// Untouched until released: address space only, no resident memory.
constexpr size_t kReserveBytes = size_t{4} << 20;
void* g_reserve = std::malloc(kReserveBytes);

}  // namespace

void raise_memory_error_for_bad_alloc() noexcept {
  std::free(g_reserve);
  g_reserve = nullptr;
  try {
    no_memory();
  } catch (const std::bad_alloc&) {
    // Not even the exception fits: the error already set, if any, stands.
  }
}

}  // namespace gopy
