// CPython: Python/getopt.c _PyOS_GetOpt
#include "config/config_getopt.hpp"

namespace gopy {
namespace {

// Decode one UTF-8 code point at s[pos], advancing pos (invalid bytes come back as is).
char32_t next_code_point(const std::string& s, std::size_t& pos) {
  unsigned char lead = static_cast<unsigned char>(s[pos]);
  int extra = lead < 0x80 ? 0 : (lead >> 5) == 0x6 ? 1 : (lead >> 4) == 0xE ? 2 : (lead >> 3) == 0x1E ? 3 : -1;
  if (extra <= 0 || pos + extra >= s.size()) {
    ++pos;
    return lead;
  }
  char32_t cp = lead & (0x3F >> extra);
  for (int i = 1; i <= extra; ++i) {
    unsigned char cont = static_cast<unsigned char>(s[pos + i]);
    if ((cont & 0xC0) != 0x80) {
      ++pos;
      return lead;
    }
    cp = (cp << 6) | (cont & 0x3F);
  }
  pos += extra + 1;
  return cp;
}

}  // namespace

int GetOpt::next() {
  error_.clear();
  if (!in_cluster_) {
    if (optind_ >= argv_.size()) return kEnd;
    const std::string& arg = argv_[optind_];
    // A non-option or a lone dash ends the options (the dash is the stdin script).
    if (arg.empty() || arg[0] != '-' || arg.size() == 1) return kEnd;
    if (arg == "--") {
      ++optind_;
      return kEnd;
    }
    if (arg == "--help") {
      ++optind_;
      return 'h';
    }
    if (arg == "--version") {
      ++optind_;
      return 'V';
    }
    cluster_arg_ = optind_++;
    cluster_pos_ = 1;
    in_cluster_ = true;
  }

  const std::string& arg = argv_[cluster_arg_];
  if (cluster_pos_ >= arg.size()) {
    in_cluster_ = false;
    return kEnd;
  }
  char32_t option = next_code_point(arg, cluster_pos_);
  if (cluster_pos_ >= arg.size()) in_cluster_ = false;

  if (option == U'-') {
    // A long option: the rest of the argument must name one exactly.
    std::string_view name(arg);
    name.remove_prefix(cluster_pos_);
    bool name_starts_cluster = in_cluster_;
    in_cluster_ = false;
    if (name.empty()) {
      error_ = "Expected long option";
      return kEnd;
    }
    for (const LongOption& opt : long_options_) {
      if (opt.name != name) continue;
      if (!opt.has_arg) return opt.val;
      if (optind_ >= argv_.size()) {
        error_ = "Argument expected for the " + arg + " options";
        return kError;
      }
      optarg_ = argv_[optind_++];
      return opt.val;
    }
    // CPython leaves its scan position on the name: a caller that goes on (the
    // pre-configuration pass) reads the name's letters as short options.
    in_cluster_ = name_starts_cluster;
    error_ = "Unknown option: " + arg;
    return kError;
  }

  // Like wcschr(SHORT_OPTS, option): ':' itself is found too, as in CPython.
  std::size_t where = option < 0x80 ? short_opts_.find(static_cast<char>(option)) : std::string::npos;
  if (where == std::string::npos) {
    // CPython prints the option truncated to a C char.
    error_ = std::string("Unknown option: -") + static_cast<char>(option & 0xFF);
    return kError;
  }
  if (where + 1 < short_opts_.size() && short_opts_[where + 1] == ':') {
    if (in_cluster_) {
      optarg_ = arg.substr(cluster_pos_);
      in_cluster_ = false;
    } else {
      if (optind_ >= argv_.size()) {
        error_ = std::string("Argument expected for the -") + static_cast<char>(option) + " option";
        return kError;
      }
      optarg_ = argv_[optind_++];
    }
  }
  return static_cast<int>(option);
}

}  // namespace gopy
