// The virtual file system of the getpath conformance vectors.
// CPython: Lib/test/test_getpath.py MockPosixNamespace / MockNTNamespace.
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "virtual_fs.hpp"

namespace gopy::pathconfig {

void VirtualFileSystem::add_file(const std::string& path, std::vector<std::string> lines) {
  files_[key(path)] = std::move(lines);
}
void VirtualFileSystem::add_xfile(const std::string& path) { xfiles_.insert(key(path)); }
void VirtualFileSystem::add_dir(const std::string& path) { dirs_.insert(key(path)); }
void VirtualFileSystem::add_link(const std::string& path, const std::string& target) {
  links_[key(path)] = target;
}
void VirtualFileSystem::add_unreadable(const std::string& path) { unreadable_.insert(key(path)); }
void VirtualFileSystem::add_oserror(const std::string& path) { oserror_.insert(key(path)); }

bool VirtualFileSystem::isfile(const std::string& path) const {
  return files_.count(key(path)) != 0;
}
bool VirtualFileSystem::isdir(const std::string& path) const { return dirs_.count(key(path)) != 0; }
bool VirtualFileSystem::isxfile(const std::string& path) const {
  return xfiles_.count(key(path)) != 0;
}

// Whole-path links only; a relative target is taken from the link's directory, and a
// target seen twice is a loop.
FsResult<std::string> VirtualFileSystem::realpath(const std::string& path) const {
  std::string current = path;
  std::set<std::string> trail;
  for (;;) {
    auto link = links_.find(key(current));
    if (link == links_.end()) return current;
    std::string target = link->second;
    if (!syntax_.isabs(target)) target = syntax_.joinpath(syntax_.dirname(current), target);
    if (!trail.insert(key(target)).second) {
      return FsError{FsError::Kind::other, "OSError", "circular link"};
    }
    current = std::move(target);
  }
}

FsResult<std::vector<std::string>> VirtualFileSystem::readlines(const std::string& path) const {
  const std::string k = key(path);
  if (auto file = files_.find(k); file != files_.end()) return file->second;
  if (unreadable_.count(k)) {
    return FsError{FsError::Kind::permission_denied, "PermissionError", path};
  }
  if (oserror_.count(k)) return FsError{FsError::Kind::other, "OSError", path};
  return FsError{FsError::Kind::not_found, "FileNotFoundError", path};
}

}  // namespace gopy::pathconfig
