// POSIX path helpers for site (internal to kernel/lifecycle): what Lib/posixpath.py's
// join, abspath, normpath and dirname do, on file names as bytes.
#pragma once

#include <string>
#include <vector>

namespace gopy::site_paths {

std::string join(const std::string& a, const std::string& b);
std::string normpath(const std::string& path);
std::string abspath(const std::string& path);
std::string dirname(const std::string& path);
bool is_dir(const std::string& path);
bool is_file(const std::string& path);
bool exists(const std::string& path);
// The entries of a directory (no "." or ".."); false when it cannot be read.
bool list_dir(const std::string& path, std::vector<std::string>* names);

}  // namespace gopy::site_paths
