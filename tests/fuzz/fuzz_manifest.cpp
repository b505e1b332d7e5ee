// Fuzz target: the plugin manifest parser and validator over JSON text.
#include <string>

#include "fuzz_targets.hpp"
#include "plugin/manifest.hpp"

namespace gopy::fuzz {

bool manifest_accepts(const std::uint8_t* data, std::size_t size) {
  std::string text(reinterpret_cast<const char*>(data), size);
  // A directory that does not exist: the library's path is checked, never opened.
  plugin::ManifestResult result =
      plugin::parse_manifest(text, "/fuzz/plugins/fuzz.json", "/fuzz/plugins", "/fuzz/plugins");
  return result.manifest.has_value() && result.error.empty();
}

}  // namespace gopy::fuzz
