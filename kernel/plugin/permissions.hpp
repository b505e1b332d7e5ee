// The ownership and mode rules for plugin directories, manifests and libraries
// (internal to the kernel).
#pragma once

#include <filesystem>
#include <string>

namespace gopy::plugin {

// Why `path` is unsafe to load code from, or "" when it is fine: as OpenSSH's StrictModes,
// it must not be writable by group or others, and must be owned by the user running gopy
// or by root. A path that cannot be examined is reported too.
std::string unsafe_permissions(const std::filesystem::path& path);

}  // namespace gopy::plugin
