// The virtual file system of the getpath tests and conformance vectors, filled from data.
// It follows CPython's Lib/test/test_getpath.py mocks: whole-path look-ups, no implied
// directories.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "gopy/pathconfig.hpp"

namespace gopy::pathconfig {

// Only what was added exists; look-ups compare whole paths with syntax.same_path.
class VirtualFileSystem final : public FileSystem {
 public:
  explicit VirtualFileSystem(const PathSyntax& syntax) : syntax_(syntax) {}

  void add_file(const std::string& path, std::vector<std::string> lines = {});
  void add_xfile(const std::string& path);  // an executable file (isxfile)
  void add_dir(const std::string& path);
  void add_link(const std::string& path, const std::string& target);
  void add_unreadable(const std::string& path);  // readlines raises PermissionError
  void add_oserror(const std::string& path);     // readlines raises a plain OSError

  bool isfile(const std::string& path) const override;
  bool isdir(const std::string& path) const override;
  bool isxfile(const std::string& path) const override;
  FsResult<std::string> realpath(const std::string& path) const override;
  FsResult<std::vector<std::string>> readlines(const std::string& path) const override;

 private:
  std::string key(const std::string& path) const { return syntax_.path_key(path); }

  const PathSyntax& syntax_;
  std::map<std::string, std::vector<std::string>> files_;
  std::set<std::string> xfiles_, dirs_, unreadable_, oserror_;
  std::map<std::string, std::string> links_;
};

}  // namespace gopy::pathconfig
