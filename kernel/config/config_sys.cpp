// The configuration as `sys` shows it. sys.flags positions come from the spec table's
// sys column; hash_randomization and gil are derived as CPython derives them.
// CPython: Python/sysmodule.c set_flags_from_config, _PyConfig_CreateXOptionsDict.
#include "gopy/config_sys.hpp"

#include <array>
#include <cctype>

#if !defined(_WIN32)
#include <sys/utsname.h>
#endif

#include "gopy/config_spec.hpp"

namespace gopy {
namespace {

constexpr std::array<std::string_view, 21> kFlagNames = {
    "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site",
    "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet", "hash_randomization",
    "isolated", "dev_mode", "utf8_mode", "warn_default_encoding", "safe_path",
    "int_max_str_digits", "gil", "thread_inherit_context", "context_aware_warnings"};
constexpr std::size_t kFlagsInRepr = 18;
constexpr int kHashRandomizationIndex = 11;
constexpr int kGilIndex = 18;

}  // namespace

std::vector<SysFlag> sys_flags(const Config& config, const PreConfig& preconfig) {
  std::vector<SysFlag> flags;
  for (std::size_t i = 0; i < kFlagNames.size(); ++i) {
    flags.push_back(SysFlag{kFlagNames[i], 0, false, i < kFlagsInRepr});
  }
  for (const FieldSpec& spec : config_spec()) {
    const int index = spec.sys.flag_index;
    if (index < 0) continue;
    long value = 0;
    if (auto* m = std::get_if<int Config::*>(&spec.member)) value = config.*(*m);
    if (auto* m = std::get_if<int PreConfig::*>(&spec.member)) value = preconfig.*(*m);
    if (spec.sys.negate) value = !value;
    flags[index].value = value;
    flags[index].is_bool = spec.name == "dev_mode" || spec.name == "safe_path";
  }
  // -R or a random seed: randomized; PYTHONHASHSEED=N: randomized unless N is 0.
  flags[kHashRandomizationIndex].value = config.use_hash_seed == 0 || config.hash_seed != 0;
  flags[kGilIndex].value = 1;  // a build with the GIL always has it enabled
  for (SysFlag& flag : flags) {
    if (flag.is_bool) flag.value = flag.value != 0;
  }
  return flags;
}

std::string sys_flags_repr(const Config& config, const PreConfig& preconfig) {
  std::string repr = "sys.flags(";
  bool first = true;
  for (const SysFlag& flag : sys_flags(config, preconfig)) {
    if (!flag.in_repr) continue;
    if (!first) repr += ", ";
    first = false;
    repr += std::string(flag.name) + "=";
    repr += flag.is_bool ? (flag.value ? "True" : "False") : std::to_string(flag.value);
  }
  return repr + ")";
}

// CPython: configure.ac MACHDEP (the build system's `uname -s` lowercased, with its
// major release, except for the platforms named without one).
const std::string& sys_platform() {
  static const std::string platform = [] {
#if defined(_WIN32)
    return std::string("win32");
#elif defined(__APPLE__)
    return std::string("darwin");
#elif defined(__linux__)
    return std::string("linux");
#elif defined(__CYGWIN__)
    return std::string("cygwin");
#else
    struct utsname name;
    if (uname(&name) != 0) return std::string("unknown");
    std::string text;
    for (const char* c = name.sysname; *c; ++c) {
      if (*c != '/' && *c != ' ') text += char(std::tolower(static_cast<unsigned char>(*c)));
    }
    for (const char* c = name.release; *c && *c != '.'; ++c) text += *c;
    return text;
#endif
  }();
  return platform;
}

std::vector<XOption> sys_xoptions(const Config& config) {
  std::vector<XOption> options;
  for (const std::string& item : config.xoptions) {
    XOption option;
    auto sep = item.find('=');
    option.key = item.substr(0, sep);
    if (sep != std::string::npos) option.value = item.substr(sep + 1);
    bool replaced = false;
    for (XOption& existing : options) {
      if (existing.key == option.key) {
        existing.value = option.value;
        replaced = true;
      }
    }
    if (!replaced) options.push_back(std::move(option));
  }
  return options;
}

// str.__repr__ for the common cases: single quotes unless the text has a single quote
// and no double quote; backslash, quote and control characters escaped.
std::string python_str_repr(std::string_view text) {
  const bool use_double = text.find('\'') != std::string_view::npos &&
                          text.find('"') == std::string_view::npos;
  const char quote = use_double ? '"' : '\'';
  std::string repr(1, quote);
  static const char kHex[] = "0123456789abcdef";
  for (char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c == static_cast<unsigned char>(quote) || c == '\\') {
      repr += '\\';
      repr += ch;
    } else if (c == '\n') {
      repr += "\\n";
    } else if (c == '\r') {
      repr += "\\r";
    } else if (c == '\t') {
      repr += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      repr += "\\x";
      repr += kHex[c >> 4];
      repr += kHex[c & 0xF];
    } else {
      repr += ch;
    }
  }
  return repr + quote;
}

}  // namespace gopy
