// Helpers for the end-to-end path tests: scratch directories, file copies, and running a
// program (the real gopy binary, cmake) with a chosen argv[0], environment and directory.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace gopy_test {

// A fresh directory, removed with everything in it at the end of the test. Its path is
// the resolved spelling, since getpath compares strings.
class ScratchDir {
 public:
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::string str(const std::string& relative = "") const;

 private:
  std::filesystem::path path_;
};

struct ProcessResult {
  int exit_code = -1;  // the exit status, or 128 + signal, or -1 when it could not start
  std::string out;
  std::string err;
};

// Runs `program` with exactly `argv` (argv[0] included) and `env`, in `cwd`. A run that
// outlives the time limit is killed and reported with exit code -1.
ProcessResult run_process(const std::string& program, const std::vector<std::string>& argv,
                          const std::vector<std::string>& env, const std::string& cwd = "/");

// The environment the tests start gopy with: nothing of the caller's, only a PATH.
std::vector<std::string> minimal_env();

// Python's repr of a list of str, for paths without quotes or backslashes.
std::string py_list_repr(const std::vector<std::string>& items);

// Lines of `text` that contain `needle`.
std::vector<std::string> lines_containing(const std::string& text, const std::string& needle);

void write_text(const std::filesystem::path& file, const std::string& text);

// Copies a plugin's shared object and manifest (<name>.so, <name>.json) from `from` into
// `to`, creating `to`.
void copy_plugin(const std::filesystem::path& from, const std::filesystem::path& to,
                 const std::string& name);

}  // namespace gopy_test
