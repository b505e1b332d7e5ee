// Child processes for the end-to-end tests: pipes for the plain runs, a pseudo-terminal
// (forkpty) for the REPL.
#include "spawn.hpp"

#include <fcntl.h>
#include <grp.h>
#include <poll.h>
#include <pty.h>
#include <pwd.h>
#include <signal.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <optional>

namespace fs = std::filesystem;

namespace {

std::vector<std::string> child_environment(const std::map<std::string, std::string>& env) {
  std::map<std::string, std::string> all{{"LC_ALL", "C.UTF-8"}};
  for (const auto& [k, v] : env) all[k] = v;
  std::vector<std::string> out;
  for (const auto& [k, v] : all) out.push_back(k + "=" + v);
  return out;
}

// In the child: every signal back to its default and unblocked (the test runner may
// ignore SIGPIPE, a background job SIGINT).
void reset_signal_dispositions() {
  for (int sig = 1; sig < NSIG; ++sig)
    if (sig != SIGKILL && sig != SIGSTOP) ::signal(sig, SIG_DFL);  // fails harmlessly for reserved ones
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
}

// nobody's ids, looked up before fork; nullopt when there is no such user.
struct Ids {
  uid_t uid;
  gid_t gid;
};
std::optional<Ids> nobody_ids() {
  const passwd* pw = ::getpwnam("nobody");
  if (!pw) return std::nullopt;
  return Ids{pw->pw_uid, pw->pw_gid};
}

// In the child: chdir and exec gopy; never returns.
[[noreturn]] void exec_program(std::string program, const std::vector<std::string>& args, const fs::path& cwd,
                               const std::map<std::string, std::string>& env) {
  reset_signal_dispositions();
  if (::chdir(cwd.c_str()) != 0) _exit(126);
  std::vector<std::string> envs = child_environment(env);
  std::vector<char*> argv{program.data()};
  std::vector<std::string> copy = args;
  for (std::string& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (std::string& e : envs) envp.push_back(e.data());
  envp.push_back(nullptr);
  ::execve(program.c_str(), argv.data(), envp.data());
  _exit(127);
}

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  return -1;
}

// In the child, as root: become nobody (groups first, then gid, then uid).
void become(const Ids& ids) {
  if (::setgroups(0, nullptr) != 0 || ::setgid(ids.gid) != 0 || ::setuid(ids.uid) != 0) _exit(125);
}

}  // namespace

std::string gopy_executable() { return (fs::read_symlink("/proc/self/exe").parent_path() / "gopy").string(); }

ChildResult run_gopy(const std::vector<std::string>& args, const fs::path& cwd, const std::string& stdin_text,
                     const std::map<std::string, std::string>& env) {
  return run_program(gopy_executable(), args, cwd, stdin_text, env);
}

ChildResult run_program(const std::string& program, const std::vector<std::string>& args, const fs::path& cwd,
                        const std::string& stdin_text, const std::map<std::string, std::string>& env) {
  ChildOptions options;
  options.stdin_text = stdin_text;
  options.env = env;
  return run_child(program, args, cwd, options);
}

std::string nobody_unavailable_reason(const fs::path& dir) {
  if (::geteuid() != 0) return "";  // mode bits already apply to this user
  if (!nobody_ids()) return "there is no user 'nobody' to drop root privileges to";
  ChildOptions options;
  options.as_nobody = true;
  ChildResult probe = run_child(gopy_executable(), {"-c", "print('ok')"}, dir, options);
  if (probe.out != "ok\n") return "gopy cannot run as 'nobody' here (its build tree is not readable): " + probe.err;
  return "";
}

ChildResult run_child(const std::string& program, const std::vector<std::string>& args, const fs::path& cwd,
                      const ChildOptions& options) {
  std::optional<Ids> nobody;
  if (options.as_nobody && ::geteuid() == 0) {
    nobody = nobody_ids();
    if (!nobody) return {};
  }
  int in[2], out[2], err[2];
  if (::pipe(in) != 0 || ::pipe(out) != 0 || ::pipe(err) != 0) return {};
  pid_t pid = ::fork();
  if (pid == 0) {
    ::dup2(in[0], 0);
    if (options.stdout_file.empty()) {
      ::dup2(out[1], 1);
    } else {
      int fd = ::open(options.stdout_file.c_str(), O_WRONLY);
      if (fd < 0 || ::dup2(fd, 1) < 0) _exit(124);
      ::close(fd);
    }
    ::dup2(options.merge_stderr ? out[1] : err[1], 2);
    for (int fd : {in[0], in[1], out[0], out[1], err[0], err[1]}) ::close(fd);
    if (nobody) become(*nobody);
    exec_program(program, args, cwd, options.env);
  }
  ::close(in[0]);
  ::close(out[1]);
  ::close(err[1]);
  // Small inputs fit in the pipe; the child reads them whenever it wants.
  signal(SIGPIPE, SIG_IGN);
  if (!options.stdin_text.empty()) {
    ssize_t ignored = ::write(in[1], options.stdin_text.data(), options.stdin_text.size());
    (void)ignored;
  }
  ::close(in[1]);
  ChildResult result;
  pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
  int open_count = 2;
  auto close_read_end = [&](int i) {
    ::close(fds[i].fd);
    fds[i].fd = -1;
    --open_count;
  };
  bool interrupted = false;
  while (open_count > 0) {
    if (::poll(fds, 2, 30000) <= 0) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
      char buf[4096];
      ssize_t n = ::read(fds[i].fd, buf, sizeof buf);
      if (n <= 0) {
        close_read_end(i);
        continue;
      }
      (i == 0 ? result.out : result.err).append(buf, static_cast<size_t>(n));
      if (i == 0 && options.close_stdout_after > 0 && result.out.size() >= options.close_stdout_after)
        close_read_end(i);
      if (!interrupted && !options.interrupt_on_stderr.empty() &&
          result.err.find(options.interrupt_on_stderr) != std::string::npos) {
        ::kill(pid, SIGINT);
        interrupted = true;
      }
    }
  }
  for (auto& p : fds)
    if (p.fd >= 0) ::close(p.fd);
  int status = 0;
  if (open_count > 0) ::kill(pid, SIGKILL);
  ::waitpid(pid, &status, 0);
  result.exit_code = decode_status(status);
  if (WIFSIGNALED(status)) result.term_signal = WTERMSIG(status);
  return result;
}

PtySession::PtySession(const std::vector<std::string>& args, const fs::path& cwd,
                       const std::map<std::string, std::string>& env) {
  // The REPL keeps its history under HOME: the test's directory unless the test says.
  std::map<std::string, std::string> with_home = env;
  with_home.emplace("HOME", cwd.string());
  // Tracebacks on a terminal are in colour; the tests read the screen as plain text unless
  // they ask about colour themselves.
  if (!env.count("PYTHON_COLORS")) with_home.emplace("NO_COLOR", "1");
  pid_ = ::forkpty(&master_, nullptr, nullptr, nullptr);
  if (pid_ == 0) exec_program(gopy_executable(), args, cwd, with_home);
}

PtySession::~PtySession() {
  if (pid_ > 0) {
    ::kill(pid_, SIGKILL);
    ::waitpid(pid_, nullptr, 0);
  }
  if (master_ >= 0) ::close(master_);
}

void PtySession::type(const std::string& text) {
  ssize_t ignored = ::write(master_, text.data(), text.size());
  (void)ignored;
}

bool PtySession::read_some(std::chrono::milliseconds timeout) {
  pollfd p{master_, POLLIN, 0};
  if (::poll(&p, 1, static_cast<int>(timeout.count())) <= 0) return false;
  char buf[4096];
  ssize_t n = ::read(master_, buf, sizeof buf);
  if (n <= 0) return false;  // EIO once the child has gone
  screen_.append(buf, static_cast<size_t>(n));
  return true;
}

bool PtySession::wait_for(const std::string& needle, size_t from, size_t* end, std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  for (;;) {
    size_t at = screen_.find(needle, from);
    if (at != std::string::npos) {
      if (end) *end = at + needle.size();
      return true;
    }
    auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0 || !read_some(left)) return false;
  }
}

int PtySession::wait_exit(std::chrono::milliseconds timeout) {
  auto deadline = std::chrono::steady_clock::now() + timeout;
  while (std::chrono::steady_clock::now() < deadline && read_some(std::chrono::milliseconds(200))) {
  }
  for (;;) {
    int status = 0;
    pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_) {
      pid_ = -1;
      return decode_status(status);
    }
    if (std::chrono::steady_clock::now() >= deadline) return -1;
    read_some(std::chrono::milliseconds(50));
  }
}

TempDir::TempDir() {
  std::string pattern = (fs::temp_directory_path() / "gopy-lifecycle-XXXXXX").string();
  if (::mkdtemp(pattern.data()) != nullptr) path_ = fs::canonical(pattern);
}

TempDir::~TempDir() {
  std::error_code ec;
  if (!path_.empty()) fs::remove_all(path_, ec);
}

void TempDir::write(const std::string& relative, const std::string& content) const {
  fs::path p = path_ / relative;
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << content;
}
