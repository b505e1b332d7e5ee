// Internal: the entry points of libgopy_unicode.so, resolved on first use.
#pragma once

#include <cstdint>

namespace gopy::prim {

struct UnicodeLibrary {
  uint32_t (*flags)(uint32_t) = nullptr;
  int32_t (*decimal)(uint32_t) = nullptr;
  int32_t (*digit)(uint32_t) = nullptr;
  int32_t (*case_map)(uint32_t, int32_t, uint32_t*, int32_t) = nullptr;
  const char* (*data_version)() = nullptr;
};

// The loaded library, or nullptr when it cannot be loaded (reported once on stderr; every
// non-ASCII character then has no properties and maps to itself).
const UnicodeLibrary* unicode_library();

}  // namespace gopy::prim
