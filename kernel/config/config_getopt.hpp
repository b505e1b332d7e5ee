// The interpreter's option scanner: a port of CPython's _PyOS_GetOpt (Python/getopt.c),
// with its state in an object instead of globals. Options come from the config spec
// table (see config_cli.cpp); the scanning rules are CPython's:
// clustered short flags, attached or separate arguments, "--" ends the options, a lone
// "-" or the first non-option stops, "--help"/"--version" are aliases of -h/-V, and a
// long option must match exactly (no "--opt=value", no prefixes).
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace gopy {

struct LongOption {
  std::string_view name;  // without the leading "--"
  bool has_arg;
  int val;                // what next() returns for it
};

class GetOpt {
 public:
  static constexpr int kEnd = -1;
  static constexpr int kError = '_';

  // `short_opts` as getopt's: a letter, followed by ':' when it takes an argument.
  GetOpt(const std::vector<std::string>& argv, std::string short_opts,
         std::span<const LongOption> long_options)
      : argv_(argv), short_opts_(std::move(short_opts)), long_options_(long_options) {}

  // The next option: its letter (a code point), a long option's val, kEnd when the
  // options are over, or kError (error_message() then says why, or is empty when
  // CPython prints nothing).
  int next();

  std::size_t optind() const { return optind_; }
  const std::string& optarg() const { return optarg_; }
  const std::string& error_message() const { return error_; }

 private:
  const std::vector<std::string>& argv_;
  std::string short_opts_;
  std::span<const LongOption> long_options_;
  std::size_t optind_ = 1;
  std::string optarg_;
  std::string error_;
  // Position inside a cluster of short options: argv_[cluster_arg_][cluster_pos_...].
  std::size_t cluster_arg_ = 0;
  std::size_t cluster_pos_ = 0;
  bool in_cluster_ = false;
};

}  // namespace gopy
