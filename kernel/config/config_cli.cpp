// The interpreter's command line: which options exist (from the spec table), the
// pre-configuration's first pass (-E, -I, -X) and the configuration's full pass.
// CPython: Python/getopt.c (SHORT_OPTS, longopts), Python/preconfig.c
// precmdline_parse_cmdline, Python/initconfig.c config_parse_cmdline and config_usage.
#include <array>

#include "config/config_getopt.hpp"
#include "config/config_help.hpp"
#include "config/config_internal.hpp"
#include "gopy/config_spec.hpp"

namespace gopy::detail {
namespace {

// Long options: their vals are what config_parse_cmdline switches on, as in CPython.
enum LongOptionVal { kCheckHashPycs = 0, kHelpAll = 1, kHelpEnv = 2, kHelpXOptions = 3 };
constexpr std::array kLongOptions = {
    LongOption{"check-hash-based-pycs", true, kCheckHashPycs},
    LongOption{"help-all", false, kHelpAll},
    LongOption{"help-env", false, kHelpEnv},
    LongOption{"help-xoptions", false, kHelpXOptions},
};

// Options that change no field: help, version, and -t (ignored since Python 3).
constexpr std::string_view kCommandOptions = "hVt?";

// getopt's option string: every single-letter option of the spec table (with ':' when
// it takes a value) plus the command options. CPython: SHORT_OPTS "bBc:dEhiIm:OPqRsStuvVW:xX:?"
const std::string& short_options() {
  static const std::string options = [] {
    std::string result;
    for (const FieldSpec& spec : config_spec()) {
      const std::string_view opt = spec.cli_option;
      if (opt.size() != 2 || opt[0] != '-' || result.find(opt[1]) != std::string::npos) continue;
      result += opt[1];
      if (spec.cli_action == CliAction::set_string || spec.cli_action == CliAction::append) {
        result += ':';
      }
    }
    result += kCommandOptions;
    return result;
  }();
  return options;
}

void print_usage(bool error, const std::string& program, const ConsoleOutput& console) {
  std::string text = help::kUsageLinePrefix + program + help::kUsageLineSuffix;
  if (error) {
    console.err(text + help::kTryHelp);
  } else {
    console.out(text + help::kOptions);
  }
}

// Apply a short option's table rows (-i feeds both inspect and interactive).
// Returns false when no row names the letter.
bool apply_table_option(Config& config, char letter, const std::string& optarg) {
  bool found = false;
  for (const FieldSpec& spec : config_spec()) {
    const std::string_view opt = spec.cli_option;
    if (opt.size() != 2 || opt[1] != letter || spec.is_preconfig()) continue;
    found = true;
    switch (spec.cli_action) {
      case CliAction::increment:
        ++(config.*std::get<int Config::*>(spec.member));
        break;
      case CliAction::set_zero:
        config.*std::get<int Config::*>(spec.member) = 0;
        break;
      case CliAction::set_one:
        config.*std::get<int Config::*>(spec.member) = 1;
        break;
      case CliAction::set_string: {
        OptString& field = config.*std::get<OptString Config::*>(spec.member);
        if (!field) field = optarg;
        break;
      }
      case CliAction::append:
      case CliAction::clear_env:
      case CliAction::none:
        break;
    }
  }
  return found;
}

}  // namespace

// CPython: precmdline_parse_cmdline (errors are left to config_parse_cmdline)
void precmdline_parse(PreCmdline& cmdline) {
  GetOpt getopt(cmdline.argv, short_options(), kLongOptions);
  while (true) {
    int c = getopt.next();
    if (c == GetOpt::kEnd || c == 'c' || c == 'm') break;
    if (c == 'E') {
      cmdline.use_environment = 0;
    } else if (c == 'I') {
      cmdline.isolated = 1;
    } else if (c == 'X') {
      cmdline.xoptions.push_back(getopt.optarg());
    }
  }
}

// CPython: config_parse_cmdline
Status config_parse_cmdline(Config& config, StringList& cmdline_warnoptions,
                            std::size_t& opt_index, const ConsoleOutput& console) {
  const StringList& argv = config.argv;
  std::string program = config.program_name.value_or(argv.empty() ? "" : argv[0]);
  int print_version = 0;
  GetOpt getopt(argv, short_options(), kLongOptions);
  while (true) {
    int c = getopt.next();
    if (c == GetOpt::kEnd) {
      if (!getopt.error_message().empty()) console.err(getopt.error_message() + "\n");
      break;
    }
    // -c and -m end the options: what follows belongs to the program. -c's command
    // gets a trailing newline, as in CPython.
    if (c == 'c') {
      if (!config.run_command) config.run_command = getopt.optarg() + "\n";
      break;
    }
    if (c == 'm') {
      if (!config.run_module) config.run_module = getopt.optarg();
      break;
    }
    switch (c) {
      case kCheckHashPycs: {
        const std::string& mode = getopt.optarg();
        if (mode == "always" || mode == "never" || mode == "default") {
          config.check_hash_pycs_mode = mode;
          continue;
        }
        console.err("--check-hash-based-pycs must be one of 'default', 'always', or 'never'\n");
        print_usage(true, program, console);
        return Status::exit(2);
      }
      case kHelpAll:
        print_usage(false, program, console);
        console.out(std::string("\n") + help::kEnvVars + "\n" + help::kXOptions);
        return Status::exit(0);
      case kHelpEnv:
        console.out(help::kEnvVars);
        return Status::exit(0);
      case kHelpXOptions:
        console.out(help::kXOptions);
        return Status::exit(0);
      case 'E':
      case 'I':
      case 'X':
        continue;  // handled by the pre-configuration pass (precmdline_parse)
      case 'h':
      case '?':
        print_usage(false, program, console);
        return Status::exit(0);
      case 'V':
        ++print_version;
        continue;
      case 't':
        continue;  // ignored for backwards compatibility
      case 'W':
        cmdline_warnoptions.push_back(getopt.optarg());
        continue;
      default:
        break;
    }
    if (c > 0 && c < 0x80 && apply_table_option(config, static_cast<char>(c), getopt.optarg())) {
      continue;
    }
    // An unknown option, a missing argument (getopt said which), or ':'.
    if (!getopt.error_message().empty()) console.err(getopt.error_message() + "\n");
    print_usage(true, program, console);
    return Status::exit(2);
  }

  if (print_version) {
    console.out("Python " + (print_version >= 2 ? full_version_string() : std::string("3.14.0")) +
                "\n");
    return Status::exit(0);
  }

  std::size_t optind = getopt.optind();
  if (!config.run_command && !config.run_module && optind < argv.size() &&
      argv[optind] != "-" && !config.run_filename) {
    config.run_filename = argv[optind];
  }
  // -c/-m: step back onto the option so that argv[0] becomes "-c"/"-m".
  if (config.run_command || config.run_module) --optind;
  opt_index = optind;
  return Status::ok();
}

}  // namespace gopy::detail
