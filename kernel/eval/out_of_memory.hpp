// The boundary where a std::bad_alloc that escaped an allocation path becomes MemoryError.
// The object model's storage paths report running out of memory themselves
// (object/prim/storage.hpp); what is left is a small allocation failing when the whole heap
// is exhausted. A block set aside at start-up is given back then, so that the exception,
// its traceback and its report have room.
#pragma once

namespace gopy {

// Raises MemoryError for a caught std::bad_alloc (the first time after releasing the
// reserve). Never throws.
void raise_memory_error_for_bad_alloc() noexcept;

}  // namespace gopy
