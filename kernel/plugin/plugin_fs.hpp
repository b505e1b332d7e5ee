// The few file-system primitives discovery needs (internal to the kernel). They run on
// every start-up, so they are thin POSIX calls rather than std::filesystem and iostreams,
// whose path parsing, locale set-up and many first-call symbol bindings cost several times
// more instructions.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace gopy::plugin {

enum class Entry { missing, directory, file, other };
Entry entry_kind(const std::string& path);  // following symlinks

// The *.json regular files directly in `dir`, as full paths, sorted.
std::vector<std::string> list_manifests(const std::string& dir);

// The whole file, or nullopt with `error` set (strerror text).
std::optional<std::string> read_file(const std::string& path, std::string& error);

// The path with every symlink resolved, or nullopt when some part does not exist.
std::optional<std::string> real_path(const std::string& path);
bool is_symlink(const std::string& path);

// Why `path` is unsafe to load code from, or "" when it is fine: as OpenSSH's StrictModes,
// it must not be writable by group or others and must be owned by the user running gopy or
// by root. A path that cannot be examined is reported too.
std::string unsafe_permissions(const std::string& path);

}  // namespace gopy::plugin
