// posixpath semantics for getpath's path primitives.
// CPython: Lib/posixpath.py join/normpath, and Lib/test/test_getpath.py
// MockPosixNamespace (dirname, basename, isabs), which the conformance vectors follow.
#include <string>
#include <string_view>
#include <vector>

#include "gopy/getpath_posix.hpp"

namespace gopy::pathconfig {
namespace {

// CPython: Lib/posixpath.py normpath(join(*parts)), in one pass over the parts: an
// absolute part restarts the path; "." and ".." are collapsed; exactly two leading slashes
// are kept (POSIX leaves "//" implementation-defined) but three or more fold into one.
// getpath joins about 40 paths a start-up: the result is built in place, without the
// joined string or a list of components.
std::string posix_join_normalized(const std::string_view* parts, std::size_t count) {
  if (count == 0) return ".";
  std::size_t first = 0;
  std::size_t length = 0;
  for (std::size_t i = 1; i < count; ++i) {
    if (!parts[i].empty() && parts[i].front() == '/') first = i;
  }
  for (std::size_t i = first; i < count; ++i) length += parts[i].size() + 1;
  const std::string_view head = parts[first];
  std::size_t slashes = 0;
  if (!head.empty() && head.front() == '/')
    slashes = head.substr(0, 2) == "//" && head.substr(0, 3) != "///" ? 2 : 1;
  std::string result;
  result.reserve(length);
  result.assign(slashes, '/');
  std::size_t components = 0;
  // The start of the last component in `result`.
  auto last_start = [&result, slashes] {
    std::size_t at = result.rfind('/');
    return at == std::string::npos || at < slashes ? slashes : at + 1;
  };
  for (std::size_t i = first; i < count; ++i) {
    const std::string_view part = parts[i];
    std::size_t start = 0;
    while (start <= part.size()) {
      std::size_t end = part.find('/', start);
      if (end == std::string_view::npos) end = part.size();
      const std::string_view comp = part.substr(start, end - start);
      start = end + 1;
      if (comp.empty() || comp == ".") continue;
      if (comp == "..") {
        const bool keep = (slashes == 0 && components == 0) ||
                          (components > 0 && std::string_view(result).substr(last_start()) == "..");
        if (!keep) {
          if (components > 0) {
            std::size_t from = last_start();
            result.resize(from > slashes ? from - 1 : slashes);
            --components;
          }
          continue;
        }
      }
      if (components > 0) result += '/';
      result += comp;
      ++components;
    }
  }
  if (result.empty()) return ".";
  return result;
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
    return posix_join_normalized(parts.data(), parts.size());
  }
  std::string joinpath(std::string_view a, std::string_view b) const override {
    const std::string_view parts[] = {a, b};
    return posix_join_normalized(parts, 2);
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
