// Internal: the entry points of libgopy_unicode.so, resolved on first use.
#pragma once
#include "gopy/api_begin.h"

#include <cstdint>

struct gopy_converter;

namespace gopy::prim {

struct UnicodeLibrary {
  uint32_t (*flags)(uint32_t) = nullptr;
  int32_t (*decimal)(uint32_t) = nullptr;
  int32_t (*digit)(uint32_t) = nullptr;
  int32_t (*case_map)(uint32_t, int32_t, uint32_t*, int32_t) = nullptr;
  const char* (*data_version)() = nullptr;
  int32_t (*char_name)(uint32_t, char*, int32_t) = nullptr;
  int32_t (*char_from_name)(const char*) = nullptr;
  int32_t (*nfkc)(const char*, int32_t, char*, int32_t) = nullptr;
  gopy_converter* (*converter_open)(const char*) = nullptr;
  void (*converter_close)(gopy_converter*) = nullptr;
  int32_t (*converter_single_byte)(gopy_converter*) = nullptr;
  int32_t (*converter_encode)(gopy_converter*, uint32_t, int32_t, char*, int32_t) = nullptr;
  int32_t (*converter_decode)(gopy_converter*, const char*, int32_t, uint32_t*) = nullptr;
};

// The loaded library, or nullptr when it cannot be loaded (reported once on stderr; every
// non-ASCII character then has no properties and maps to itself).
const UnicodeLibrary* unicode_library();

}  // namespace gopy::prim
#include "gopy/api_end.h"
