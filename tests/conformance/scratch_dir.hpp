// The fresh working directory each case runs in: created empty under the system's
// temporary directory, filled with the case's files, removed afterwards.
#pragma once

#include <string>
#include <utility>
#include <vector>

namespace gopy::conformance {

using FileList = std::vector<std::pair<std::string, std::string>>;  // relative path, content

class ScratchDir {
 public:
  ScratchDir() = default;
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;

  // Creates the directory and writes `files` (relative '/'-separated paths, sub-folders
  // created as needed, bytes exactly as given). False with `error` set on failure.
  bool create(const FileList& files, std::string& error);

  const std::string& path() const { return path_; }            // as created
  const std::string& canonical_path() const { return real_; }  // symlinks resolved

 private:
  std::string path_;
  std::string real_;
};

// Python's os.path.abspath on POSIX: `path` joined to the current directory when relative,
// then normalised lexically (no symlink resolution).
std::string absolute_path(const std::string& path);

// Python's posixpath.normpath.
std::string normalize_path(const std::string& path);

}  // namespace gopy::conformance
