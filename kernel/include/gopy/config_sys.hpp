// What `sys` shows of the configuration, as plain values: the sys plugin turns them
// into objects. CPython: Python/sysmodule.c flags_fields, set_flags_from_config,
// _PySys_UpdateConfig.
#pragma once

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

// Python's repr() of a str (quotes and escapes as str.__repr__ for printable text).
std::string python_str_repr(std::string_view text);

}  // namespace gopy
