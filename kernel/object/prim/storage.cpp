#include "object/prim/storage.hpp"

#include <cstdlib>

#include "gopy/alloc_fault.hpp"

namespace gopy::prim {

namespace {

// Below this, a failed allocation means the whole heap is exhausted; the boundary that
// turns a stray std::bad_alloc into MemoryError covers that case.
constexpr size_t kProbedBytes = size_t{1} << 20;

}  // namespace

bool can_allocate(size_t count, size_t element_size) {
  if (fault::allocation_fails()) return false;  // the injection hook (gopy/alloc_fault.hpp)
  if (element_size != 0 && count > kMaxStorageBytes / element_size) return false;
  const size_t bytes = count * element_size;
  if (bytes < kProbedBytes) return true;
  // The block is returned at once: the caller's own allocation of the same size follows.
  void* block = std::malloc(bytes);
  if (!block) return false;
  std::free(block);
  return true;
}

}  // namespace gopy::prim
