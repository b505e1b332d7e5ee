// The _struct plugin: format strings parsed into layouts, and the packing and unpacking of
// each format character (CPython: Modules/_struct.c).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gopy/object.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"

namespace gopy::structmod {

// One run of a format character: `count` values (or, for 's' and 'p', one value of
// `count` bytes; for 'x', `count` pad bytes) starting at `offset`.
struct Code {
  char format;
  size_t size;    // of one value
  size_t count;
  size_t offset;
};

struct Layout {
  bool little_endian = true;
  bool native = true;      // '@': native sizes and alignment
  std::vector<Code> codes;
  size_t size = 0;         // calcsize
  size_t items = 0;        // values pack takes and unpack gives
};

// Raises struct.error (the `error` the struct module stored in _struct) with `message`.
std::nullptr_t struct_error(const std::string& message);

// The layout of a format (a str or bytes), cached by its text; null with an exception.
const Layout* layout_for(Object* format);

// Packs `values` (layout.items of them) into `out` (layout.size bytes, zeroed). False
// with an exception.
bool pack_values(const Layout& layout, Object* const* values, char* out);
// The tuple of values in `data` (layout.size bytes).
Object* unpack_values(const Layout& layout, const char* data);

}  // namespace gopy::structmod
