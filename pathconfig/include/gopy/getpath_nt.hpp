// pathconfig_win: CPython's getpath for Windows (os_name "nt"), pure logic that builds
// and runs on any host. No registry is read.
#pragma once

#include "gopy/pathconfig.hpp"

namespace gopy::pathconfig {

// ntpath semantics (sep '\', delim ';', ASCII case-insensitive file look-ups).
const PathSyntax& nt_path_syntax();

// The landmarks getpath.py derives for Windows (Lib, DLLs, pythonXY.zip).
PlatformLayout nt_layout(const BuildConstants& constants, const OptString& config_platlibdir);

// The strategy: getpath for request.os_name nt.
Status compute_nt_path_config(const PathConfigRequest& request, const FileSystem& fs,
                              PathConfigOutput& out);

}  // namespace gopy::pathconfig
