// The help texts of the interpreter's command line (defined in config_help_text.cpp).
#pragma once

namespace gopy::help {

extern const char kUsageLinePrefix[];  // "usage: " then the program name
extern const char kUsageLineSuffix[];  // " [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
extern const char kTryHelp[];          // the last line of a usage error
extern const char kOptions[];          // -h: what follows the usage line
extern const char kEnvVars[];          // --help-env
extern const char kXOptions[];         // --help-xoptions

}  // namespace gopy::help
