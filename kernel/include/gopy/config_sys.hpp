// What `sys` shows of the configuration, as plain values: the sys plugin turns them
// into objects. CPython: Python/sysmodule.c flags_fields, set_flags_from_config,
// _PySys_UpdateConfig.
#pragma once
#include "gopy/api_begin.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/config.hpp"
#include "gopy/preconfig.hpp"

namespace gopy {

struct SysFlag {
  std::string_view name;
  long value;
  bool is_bool;  // shown as True/False (dev_mode, safe_path)
  bool in_repr;  // the first 18 fields; gil, thread_inherit_context and
                 // context_aware_warnings are attribute-only
};

// sys.flags in CPython 3.14's order (21 fields).
std::vector<SysFlag> sys_flags(const Config& config, const PreConfig& preconfig);
// "sys.flags(debug=0, inspect=0, ...)": CPython's repr (the 18 visible fields).
std::string sys_flags_repr(const Config& config, const PreConfig& preconfig);

// sys._xoptions as (key, value) pairs in insertion order; a later "-X k=v" replaces an
// earlier value in place; a bare "-X k" has no value (shown as True).
struct XOption {
  std::string key;
  std::optional<std::string> value;
};
std::vector<XOption> sys_xoptions(const Config& config);

// gopy's identity as sys shows it: sys.version_info, sys.implementation, sys.hexversion.
// Plain constexpr (internal linkage), not inline: an inline variable is one exported
// object, which a plugin would export too.
struct VersionInfo {
  int major = 3;
  int minor = 14;
  int micro = 0;
  std::string_view releaselevel = "final";
  int serial = 0;
};
constexpr VersionInfo kVersionInfo{};
constexpr long kHexVersion = 0x030E00F0;
constexpr std::string_view kImplementationName = "gopy";
constexpr std::string_view kCacheTag = "gopy-3140";

// sys.platform and the REPL banner's "on ...": the platform as CPython's configure names
// it (MACHDEP): "linux", "darwin", "win32", "cygwin", else the system's name and major
// release ("freebsd14"). CPython: Py_GetPlatform
const std::string& sys_platform();

// sys.hash_info of a 64-bit build with SipHash-1-3. CPython: Python/sysmodule.c get_hash_info
struct HashInfo {
  int width = 64;
  long long modulus = (1LL << 61) - 1;
  long inf = 314159;
  long nan = 0;
  long imag = 1000003;
  std::string_view algorithm = "siphash13";
  int hash_bits = 64;
  int seed_bits = 128;
  int cutoff = 0;
};
constexpr HashInfo kHashInfo{};

// Python's repr() of a str (quotes and escapes as str.__repr__ for printable text).
std::string python_str_repr(std::string_view text);

}  // namespace gopy
#include "gopy/api_end.h"
