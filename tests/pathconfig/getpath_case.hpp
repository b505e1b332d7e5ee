// Reading one getpath case of the conformance vectors (tests/conformance/vectors/getpath,
// see its README) into a request and a virtual file system. Throws std::exception (a
// missing key, a wrong type, an unknown os_name) for a case that is not well formed.
#pragma once

#include <string>
#include <vector>

#include <boost/json.hpp>

#include "gopy/pathconfig.hpp"
#include "virtual_fs.hpp"

namespace gopy::pathconfig {

// obj[key], or std::runtime_error naming the missing key.
const boost::json::value& need(const boost::json::object& obj, const char* key);
// A list of strings; empty for null or absent (v null).
std::vector<std::string> str_list(const boost::json::value* v);

PathConfigRequest request_from_case(const boost::json::object& c);
void fill_virtual_fs(const boost::json::object& fs_json, VirtualFileSystem& fs);

}  // namespace gopy::pathconfig
