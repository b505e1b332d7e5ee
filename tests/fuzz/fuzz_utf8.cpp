// Fuzz target: the strict UTF-8 decoder; what it accepts must encode back to the same bytes.
#include <cstdlib>
#include <string_view>

#include "fuzz_targets.hpp"
#include "object/prim/unicode.hpp"

namespace gopy::fuzz {

bool utf8_accepts(const std::uint8_t* data, std::size_t size) {
  std::string_view bytes(reinterpret_cast<const char*>(data), size);
  auto decoded = prim::utf8_decode(bytes);
  if (!decoded.ok()) return false;
  // A decoded text never holds surrogates, so strict encoding gives the input back.
  auto encoded = prim::utf8_encode(decoded.value());
  if (!encoded.ok() || encoded.value() != bytes) std::abort();
  return true;
}

}  // namespace gopy::fuzz
