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
  int term_signal = 0;  // the signal that killed it, 0 when it exited
  std::string out;
  std::string err;
};

// How run_child sets up the child beyond argv and the working directory. The child
// always starts with every signal at its default disposition and none blocked, as a
// program started from an interactive shell does.
struct ChildOptions {
  std::string stdin_text;
  std::map<std::string, std::string> env;  // beside LC_ALL=C.UTF-8
  bool merge_stderr = false;               // stderr into stdout's pipe: `out` holds both, in order
  std::string stdout_file;                 // stdout opened on this file (say /dev/full), not a pipe
  bool as_nobody = false;                  // as root: run as nobody, so mode bits refuse reads
  size_t close_stdout_after = 0;           // >0: stop reading stdout after this many bytes (a closed pipe)
  std::string interrupt_on_stderr;         // send SIGINT once stderr shows this text
};

// Whether as_nobody can work here: root can drop to nobody, and a non-root user is
// refused by mode bits already. Empty when it can, else the reason it cannot.
std::string nobody_unavailable_reason(const std::filesystem::path& dir);

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

ChildResult run_child(const std::string& program, const std::vector<std::string>& args,
                      const std::filesystem::path& cwd, const ChildOptions& options);

// A child on a pseudo-terminal: type lines, read the screen. HOME is `cwd` unless `env`
// sets it, so the REPL's history file stays in the test's directory. NO_COLOR=1 unless
// `env` sets PYTHON_COLORS, so that tracebacks read as plain text.
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
