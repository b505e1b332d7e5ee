// Running the real gopy executable from tests: a child with a chosen argv, environment,
// working directory and stdin (a pipe, or a pseudo-terminal for the REPL).
#pragma once

#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

struct ChildResult {
  int exit_code = -1;  // -1: killed by a signal or timed out
  std::string out;
  std::string err;
};

// The gopy executable beside the test binary (build/bin/gopy).
std::string gopy_executable();

// Runs gopy with `args` (argv[1:]) in `cwd`, with only LC_ALL=C.UTF-8 plus `env` in its
// environment, `stdin_text` on a pipe; stdout and stderr read to EOF.
ChildResult run_gopy(const std::vector<std::string>& args, const std::filesystem::path& cwd,
                     const std::string& stdin_text = "", const std::map<std::string, std::string>& env = {});

// The same for another executable (gopy-system).
ChildResult run_program(const std::string& program, const std::vector<std::string>& args,
                        const std::filesystem::path& cwd, const std::string& stdin_text = "",
                        const std::map<std::string, std::string>& env = {});

// A child on a pseudo-terminal: type lines, read the screen.
class PtySession {
 public:
  PtySession(const std::vector<std::string>& args, const std::filesystem::path& cwd,
             const std::map<std::string, std::string>& env);
  ~PtySession();
  PtySession(const PtySession&) = delete;
  PtySession& operator=(const PtySession&) = delete;

  void type(const std::string& text);
  // Reads until the screen (everything read so far) has `needle` after `from`; false on
  // timeout or EOF. Returns where it was found plus its size in *end when given.
  bool wait_for(const std::string& needle, size_t from = 0, size_t* end = nullptr,
                std::chrono::milliseconds timeout = std::chrono::seconds(10));
  // Reads to EOF and returns the exit code (-1 when killed).
  int wait_exit(std::chrono::milliseconds timeout = std::chrono::seconds(10));
  const std::string& screen() const { return screen_; }

 private:
  bool read_some(std::chrono::milliseconds timeout);
  int master_ = -1;
  int pid_ = -1;
  std::string screen_;
};

// A fresh temporary directory (canonical path), removed by the destructor.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  // Creates `relative` (and its parent folders) holding `content`.
  void write(const std::string& relative, const std::string& content) const;

 private:
  std::filesystem::path path_;
};
