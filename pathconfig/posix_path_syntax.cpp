// posixpath semantics for getpath's path primitives.
// CPython: Lib/posixpath.py join/normpath, and Lib/test/test_getpath.py
// MockPosixNamespace (dirname, basename, isabs), which the conformance vectors follow.
#include <string>
#include <string_view>
#include <vector>

#include "gopy/getpath_posix.hpp"

namespace gopy::pathconfig {
namespace {

// CPython: Lib/posixpath.py normpath: collapses "." and "..", keeps exactly two leading
// slashes (POSIX leaves "//" implementation-defined) but folds three or more into one.
std::string posix_normpath(std::string_view path) {
  if (path.empty()) return ".";
  int initial_slashes = path.front() == '/' ? 1 : 0;
  if (initial_slashes && path.substr(0, 2) == "//" && path.substr(0, 3) != "///") {
    initial_slashes = 2;
  }
  std::vector<std::string_view> comps;
  std::size_t start = 0;
  while (start <= path.size()) {
    std::size_t end = path.find('/', start);
    if (end == std::string_view::npos) end = path.size();
    std::string_view comp = path.substr(start, end - start);
    start = end + 1;
    if (comp.empty() || comp == ".") continue;
    if (comp != ".." || (!initial_slashes && comps.empty()) ||
        (!comps.empty() && comps.back() == "..")) {
      comps.push_back(comp);
    } else if (!comps.empty()) {
      comps.pop_back();
    }
  }
  std::string result(static_cast<std::size_t>(initial_slashes), '/');
  for (std::size_t i = 0; i < comps.size(); ++i) {
    if (i) result += '/';
    result += comps[i];
  }
  return result.empty() ? "." : result;
}

class PosixPathSyntax final : public PathSyntax {
 public:
  char sep() const override { return '/'; }
  char delim() const override { return ':'; }
  bool isabs(std::string_view path) const override {
    return !path.empty() && path.front() == '/';
  }
  // CPython: Lib/posixpath.py join: an absolute part restarts the path.
  std::string joinpath(const std::vector<std::string_view>& parts) const override {
    std::string joined;
    bool first = true;
    for (auto part : parts) {
      if (first || isabs(part)) {
        joined = std::string(part);
      } else if (joined.empty() || joined.back() == '/') {
        joined += part;
      } else {
        joined += '/';
        joined += part;
      }
      first = false;
    }
    return posix_normpath(joined);
  }
  std::string dirname(std::string_view path) const override {
    // path.rstrip('/').rpartition('/')[0]
    auto end = path.find_last_not_of('/');
    if (end == std::string_view::npos) return "";
    auto at = path.substr(0, end + 1).rfind('/');
    return at == std::string_view::npos ? std::string() : std::string(path.substr(0, at));
  }
  std::string basename(std::string_view path) const override {
    auto at = path.rfind('/');
    return std::string(at == std::string_view::npos ? path : path.substr(at + 1));
  }
  bool hassuffix(std::string_view path, std::string_view suffix) const override {
    return path.size() >= suffix.size() && path.substr(path.size() - suffix.size()) == suffix;
  }
  bool same_path(std::string_view a, std::string_view b) const override { return a == b; }
  std::string path_key(std::string_view path) const override { return std::string(path); }
};

}  // namespace

const PathSyntax& posix_path_syntax() {
  static const PosixPathSyntax syntax;
  return syntax;
}

}  // namespace gopy::pathconfig
