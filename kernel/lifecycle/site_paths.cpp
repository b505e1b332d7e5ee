// CPython: Lib/posixpath.py join, normpath, abspath, dirname; Lib/genericpath.py isdir,
// isfile, exists.
#include "lifecycle/site_paths.hpp"

#include <dirent.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gopy/fs_fault.hpp"

namespace gopy::site_paths {

std::string join(const std::string& a, const std::string& b) {
  if (b.starts_with('/') || a.empty()) return b;
  return a.ends_with('/') ? a + b : a + "/" + b;
}

std::string normpath(const std::string& path) {
  if (path.empty()) return ".";
  // POSIX keeps exactly two leading slashes; one or three and more become one.
  size_t slashes = path.find_first_not_of('/');
  if (slashes == std::string::npos) slashes = path.size();
  std::string root = slashes == 0 ? "" : slashes == 2 ? "//" : "/";
  std::vector<std::string> parts;
  size_t i = slashes;
  while (i <= path.size()) {
    size_t end = path.find('/', i);
    if (end == std::string::npos) end = path.size();
    std::string comp = path.substr(i, end - i);
    if (comp.empty() || comp == ".") {
    } else if (comp != "..") {
      parts.push_back(comp);
    } else if (!parts.empty() && parts.back() != "..") {
      parts.pop_back();
    } else if (root.empty()) {
      parts.push_back(comp);
    }
    i = end + 1;
  }
  std::string out = root;
  for (size_t k = 0; k < parts.size(); ++k) out += (k ? "/" : "") + parts[k];
  return out.empty() ? "." : out;
}

std::string abspath(const std::string& path) {
  if (path.starts_with('/')) return normpath(path);
  char buf[4096];
  if (!::getcwd(buf, sizeof buf)) return normpath(path);
  return normpath(join(buf, path));
}

std::string dirname(const std::string& path) {
  size_t cut = path.rfind('/');
  std::string head = cut == std::string::npos ? "" : path.substr(0, cut + 1);
  if (!head.empty() && head.find_first_not_of('/') != std::string::npos)
    head.erase(head.find_last_not_of('/') + 1);
  return head;
}

namespace {
bool stat_mode(const std::string& path, mode_t* mode) {
  if (fault::fs_error("stat", path.c_str()) != 0) return false;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return false;
  *mode = st.st_mode;
  return true;
}
}  // namespace

bool is_dir(const std::string& path) {
  mode_t m;
  return stat_mode(path, &m) && S_ISDIR(m);
}

bool is_file(const std::string& path) {
  mode_t m;
  return stat_mode(path, &m) && S_ISREG(m);
}

bool exists(const std::string& path) {
  mode_t m;
  return stat_mode(path, &m);
}

bool list_dir(const std::string& path, std::vector<std::string>* names) {
  DIR* d = ::opendir(path.c_str());
  if (!d) return false;
  while (dirent* e = ::readdir(d)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") names->push_back(std::move(name));
  }
  ::closedir(d);
  return true;
}

}  // namespace gopy::site_paths
