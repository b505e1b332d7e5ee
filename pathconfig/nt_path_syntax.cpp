// ntpath semantics for getpath's path primitives, usable on any host.
// CPython: Lib/ntpath.py splitroot/join/normpath, and Lib/test/test_getpath.py
// MockNTNamespace (dirname, basename, isabs, case-insensitive look-ups), which the
// conformance vectors follow (isabs also accepts UNC paths).
#include <string>
#include <string_view>
#include <vector>

#include "gopy/getpath_nt.hpp"

namespace gopy::pathconfig {
namespace {

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

std::string ascii_lower(std::string_view text) {
  std::string result(text);
  for (char& c : result) c = lower(c);
  return result;
}

bool is_sep(char c) { return c == '\\' || c == '/'; }

struct SplitRoot {
  std::string drive, root, tail;
};

// CPython: Lib/ntpath.py splitroot: "C:" drives, "\\server\share" UNC drives (and
// "\\?\UNC\server\share"), a root separator, and the rest.
SplitRoot splitroot(std::string_view p) {
  std::string norm(p);
  for (char& c : norm) {
    if (c == '/') c = '\\';
  }
  if (!norm.empty() && norm[0] == '\\') {
    if (norm.size() > 1 && norm[1] == '\\') {
      std::size_t start = ascii_lower(norm.substr(0, 8)) == "\\\\?\\unc\\" ? 8 : 2;
      auto index = norm.find('\\', start);
      if (index == std::string::npos) return {std::string(p), "", ""};
      auto index2 = norm.find('\\', index + 1);
      if (index2 == std::string::npos) return {std::string(p), "", ""};
      return {std::string(p.substr(0, index2)), std::string(p.substr(index2, 1)),
              std::string(p.substr(index2 + 1))};
    }
    return {"", std::string(p.substr(0, 1)), std::string(p.substr(1))};
  }
  if (norm.size() > 1 && norm[1] == ':') {
    if (norm.size() > 2 && norm[2] == '\\') {
      return {std::string(p.substr(0, 2)), std::string(p.substr(2, 1)), std::string(p.substr(3))};
    }
    return {std::string(p.substr(0, 2)), "", std::string(p.substr(2))};
  }
  return {"", "", std::string(p)};
}

// CPython: Lib/ntpath.py join: a rooted part keeps the drive, another drive restarts.
std::string nt_join(const std::vector<std::string_view>& parts) {
  if (parts.empty()) return "";
  SplitRoot result = splitroot(parts.front());
  for (std::size_t i = 1; i < parts.size(); ++i) {
    SplitRoot p = splitroot(parts[i]);
    if (!p.root.empty()) {
      if (!p.drive.empty() || result.drive.empty()) result.drive = p.drive;
      result.root = p.root;
      result.tail = p.tail;
      continue;
    }
    if (!p.drive.empty() && p.drive != result.drive) {
      if (ascii_lower(p.drive) != ascii_lower(result.drive)) {
        result = p;  // a different drive: the first path is ignored
        continue;
      }
      result.drive = p.drive;  // same drive in another case
    }
    if (!result.tail.empty() && !is_sep(result.tail.back())) result.tail += '\\';
    result.tail += p.tail;
  }
  if (!result.tail.empty() && result.root.empty() && !result.drive.empty() &&
      result.drive.back() != ':' && !is_sep(result.drive.back())) {
    return result.drive + "\\" + result.tail;  // separate a UNC drive from a relative tail
  }
  return result.drive + result.root + result.tail;
}

// CPython: Lib/ntpath.py normpath (the portable version): "/" becomes "\", "." and ".."
// collapse, ".." at a root is dropped, and a trailing separator goes except at a root.
std::string nt_normpath(std::string_view path) {
  std::string replaced(path);
  for (char& c : replaced) {
    if (c == '/') c = '\\';
  }
  SplitRoot split = splitroot(replaced);
  std::vector<std::string> comps;
  std::size_t start = 0;
  while (start <= split.tail.size()) {
    auto end = split.tail.find('\\', start);
    if (end == std::string::npos) end = split.tail.size();
    comps.push_back(split.tail.substr(start, end - start));
    start = end + 1;
  }
  std::size_t i = 0;
  while (i < comps.size()) {
    if (comps[i].empty() || comps[i] == ".") {
      comps.erase(comps.begin() + static_cast<std::ptrdiff_t>(i));
    } else if (comps[i] == "..") {
      if (i > 0 && comps[i - 1] != "..") {
        comps.erase(comps.begin() + static_cast<std::ptrdiff_t>(i - 1),
                    comps.begin() + static_cast<std::ptrdiff_t>(i + 1));
        --i;
      } else if (i == 0 && !split.root.empty()) {
        comps.erase(comps.begin());
      } else {
        ++i;
      }
    } else {
      ++i;
    }
  }
  std::string result = split.drive + split.root;
  if (result.empty() && comps.empty()) return ".";
  for (std::size_t k = 0; k < comps.size(); ++k) {
    if (k) result += '\\';
    result += comps[k];
  }
  return result;
}

class NtPathSyntax final : public PathSyntax {
 public:
  char sep() const override { return '\\'; }
  char delim() const override { return ';'; }
  bool isabs(std::string_view path) const override {
    bool drive_root = path.size() >= 3 && path[1] == ':' && path[2] == '\\';
    return drive_root || path.substr(0, 2) == "\\\\";
  }
  using PathSyntax::joinpath;
  std::string joinpath(const std::vector<std::string_view>& parts) const override {
    return nt_normpath(nt_join(parts));
  }
  std::string dirname(std::string_view path) const override {
    // n = path.rstrip('\\').rpartition('\\')[0]; a bare drive keeps its root.
    auto end = path.find_last_not_of('\\');
    std::string name;
    if (end != std::string_view::npos) {
      auto at = path.substr(0, end + 1).rfind('\\');
      if (at != std::string_view::npos) name = std::string(path.substr(0, at));
    }
    if (name.size() == 2 && name[1] == ':') name += '\\';
    return name;
  }
  std::string basename(std::string_view path) const override {
    auto at = path.rfind('\\');
    return std::string(at == std::string_view::npos ? path : path.substr(at + 1));
  }
  bool hassuffix(std::string_view path, std::string_view suffix) const override {
    return path.size() >= suffix.size() &&
           ascii_lower(path.substr(path.size() - suffix.size())) == ascii_lower(suffix);
  }
  bool same_path(std::string_view a, std::string_view b) const override {
    return ascii_lower(a) == ascii_lower(b);
  }
  std::string path_key(std::string_view path) const override { return ascii_lower(path); }
};

}  // namespace

const PathSyntax& nt_path_syntax() {
  static const NtPathSyntax syntax;
  return syntax;
}

}  // namespace gopy::pathconfig
