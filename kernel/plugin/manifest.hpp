// Reading one plugin manifest (internal to the kernel).
#pragma once
#include "gopy/api_begin.h"

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/plugin_host.hpp"

namespace gopy::plugin {

struct ManifestResult {
  std::optional<Manifest> manifest;  // set when valid
  std::string error;                 // one line naming the file and the key, when not
  std::vector<std::string> warnings; // one line each: keys gopy does not know (ignored)
};

// Parses and validates `file`, a *.json manifest in `dir` (whose symlinks resolve to
// `real_dir`). Every key is checked here except the rules that need the other manifests
// (shadowing, requirements), which discovery applies.
ManifestResult read_manifest(const std::string& file, const std::string& dir,
                             const std::string& real_dir);

// The same over the manifest's text, already read from `file`.
ManifestResult parse_manifest(const std::string& text, const std::string& file,
                              const std::string& dir, const std::string& real_dir);

// "plugin manifest <file>: key '<key>': <problem>": the one-line error format.
std::string manifest_error(std::string_view file, std::string_view key,
                           std::string_view problem);

// `text` with its control characters written as JSON escapes ("\u0000"), so an error line
// quoting a manifest's strings or a file name stays one whole line.
std::string printable(std::string_view text);

// The platform names a manifest may list.
bool known_platform(std::string_view name);

}  // namespace gopy::plugin
#include "gopy/api_end.h"
