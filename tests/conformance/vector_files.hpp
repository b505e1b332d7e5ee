// Reads the cli and run vector folders into plain structs (the only place that parses
// JSON for these sets). Unknown members are ignored, as the READMEs require.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "scratch_dir.hpp"

namespace gopy::conformance {

// A `null` value removes the variable (cli README, "Environment").
using EnvChanges = std::vector<std::pair<std::string, std::optional<std::string>>>;

struct CliCase {
  std::string name;
  std::vector<std::string> argv;  // after the program name
  EnvChanges env;
  std::string stdin_data;
  FileList files;
  int exit_code = 0;
  std::optional<std::string> stdout_text, stdout_regex;
  std::optional<std::string> stderr_text, stderr_regex, stderr_last_line;
};

enum class StderrMode { traceback, last_line };

struct RunCase {
  std::string group;  // the file name without .json
  std::string name;
  FileList files;
  std::string main;
  std::vector<std::string> argv;  // after `main`
  std::string stdin_data;
  EnvChanges env;
  StderrMode stderr_mode = StderrMode::traceback;
  int exit_code = 0;
  std::string stdout_text;
  std::string stderr_text;
};

// Every case of every `*.json` file directly in `dirs` (files in name order). False with
// `error` naming the file and the member for unreadable JSON, a missing or mistyped member,
// or a case name repeated across the folders.
bool load_cli_cases(const std::vector<std::string>& dirs, std::vector<CliCase>& cases, std::string& error);
bool load_run_cases(const std::vector<std::string>& dirs, std::vector<RunCase>& cases, std::string& error);

}  // namespace gopy::conformance
