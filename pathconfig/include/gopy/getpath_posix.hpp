// pathconfig_unix: CPython's getpath for POSIX and macOS (os_name "posix" / "darwin").
#pragma once

#include "gopy/pathconfig.hpp"

namespace gopy::pathconfig {

// posixpath semantics (sep '/', delim ':').
const PathSyntax& posix_path_syntax();

// The landmarks getpath.py derives for POSIX from the build constants and the effective
// platlibdir (config.platlibdir when set, else PLATLIBDIR).
PlatformLayout posix_layout(OsName os_name, const BuildConstants& constants,
                            const OptString& config_platlibdir);

// The strategy: getpath for request.os_name posix or darwin.
Status compute_posix_path_config(const PathConfigRequest& request, const FileSystem& fs,
                                 PathConfigOutput& out);

}  // namespace gopy::pathconfig
