// File-system error injection: makes chosen file-system calls of the path library
// (pathconfig's RealFileSystem) and the importer fail with a chosen errno, to test how
// EACCES, ELOOP, ENAMETOOLONG, EIO and the like end (an exception or a clean fatal
// start-up error, never a crash or a hang).
//
// From the environment, read once when libgopy loads:
//   GOPY_FAIL_FS="ERRNO:OP:TEXT[;ERRNO:OP:TEXT...]"
// ERRNO is a name (EACCES, ELOOP, ENAMETOOLONG, EIO, ENOENT, EPERM, EISDIR) or a number;
// OP is stat, open or readlink; every such call on a path containing TEXT fails.
// E.g. GOPY_FAIL_FS="EIO:open:/os.py". Malformed entries are ignored.
#pragma once
#include "gopy/api_begin.h"

namespace gopy::fault {

// The errno to fail `op` on `path` with, or 0 (the call goes ahead). The call sites:
// stat, open and readlink in the path library and the importer.
int fs_error(const char* op, const char* path) noexcept;

}  // namespace gopy::fault
#include "gopy/api_end.h"
