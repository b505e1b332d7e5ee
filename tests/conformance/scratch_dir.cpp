#include "scratch_dir.hpp"

#include <stdlib.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace gopy::conformance {
namespace fs = std::filesystem;

namespace {

// A vector's file path must stay inside the case directory.
bool is_safe_relative_path(const std::string& path) {
  if (path.empty() || path.front() == '/') return false;
  size_t start = 0;
  while (start <= path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(start, end - start);
    if (part.empty() || part == "..") return false;
    start = end + 1;
  }
  return true;
}

}  // namespace

ScratchDir::~ScratchDir() {
  if (path_.empty()) return;
  std::error_code ignored;
  fs::remove_all(path_, ignored);
}

bool ScratchDir::create(const FileList& files, std::string& error) {
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string pattern = (base / "gopy-conformance-XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) {
    error = "cannot create a temporary directory under " + base.string();
    return false;
  }
  path_ = pattern;
  real_ = fs::canonical(path_, ec).string();
  if (ec) {
    error = "cannot resolve " + path_ + ": " + ec.message();
    return false;
  }
  for (const auto& [relative, content] : files) {
    if (!is_safe_relative_path(relative)) {
      error = "file path '" + relative + "' is not a relative path inside the case directory";
      return false;
    }
    fs::path target = fs::path(path_) / relative;
    fs::create_directories(target.parent_path(), ec);
    std::ofstream stream(target, std::ios::binary);
    stream.write(content.data(), static_cast<std::streamsize>(content.size()));
    if (ec || !stream) {
      error = "cannot write " + target.string();
      return false;
    }
  }
  return true;
}

std::string absolute_path(const std::string& path) {
  if (!path.empty() && path.front() == '/') return normalize_path(path);
  std::error_code ec;
  std::string cwd = fs::current_path(ec).string();
  return normalize_path(cwd + "/" + path);
}

// CPython: Lib/posixpath.py normpath
std::string normalize_path(const std::string& path) {
  if (path.empty()) return ".";
  size_t leading = 0;
  while (leading < path.size() && path[leading] == '/') ++leading;
  // POSIX lets an implementation give "//" a meaning of its own, so it is kept; three or
  // more slashes mean "/".
  std::string root = leading == 2 ? "//" : (leading > 0 ? "/" : "");
  std::vector<std::string> parts;
  size_t start = leading;
  while (start < path.size()) {
    size_t end = path.find('/', start);
    if (end == std::string::npos) end = path.size();
    std::string part = path.substr(start, end - start);
    start = end + 1;
    if (part.empty() || part == ".") continue;
    if (part != "..") {
      parts.push_back(part);
    } else if (!parts.empty() && parts.back() != "..") {
      parts.pop_back();
    } else if (root.empty()) {
      parts.push_back(part);
    }
  }
  std::string result = root;
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) result += '/';
    result += parts[i];
  }
  return result.empty() ? "." : result;
}

}  // namespace gopy::conformance
