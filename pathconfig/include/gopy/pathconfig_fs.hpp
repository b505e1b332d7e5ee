// The real file system getpath runs over (POSIX calls). The tests bring a virtual one
// (tests/pathconfig/virtual_fs.hpp).
#pragma once

#include <string>
#include <vector>

#include "gopy/pathconfig.hpp"

namespace gopy::pathconfig {

// CPython: Modules/getpath.c getpath_isfile/isdir/isxfile/realpath/readlines on POSIX.
class RealFileSystem final : public FileSystem {
 public:
  // `syntax` joins a relative link target onto its directory.
  explicit RealFileSystem(const PathSyntax& syntax) : syntax_(syntax) {}
  bool isfile(const std::string& path) const override;
  bool isdir(const std::string& path) const override;
  bool isxfile(const std::string& path) const override;
  FsResult<std::string> realpath(const std::string& path) const override;
  FsResult<std::vector<std::string>> readlines(const std::string& path) const override;

 private:
  const PathSyntax& syntax_;
};

}  // namespace gopy::pathconfig
