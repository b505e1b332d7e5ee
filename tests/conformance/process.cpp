#include "process.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace gopy::conformance {
namespace {

using Clock = std::chrono::steady_clock;

// Pipe ends are close-on-exec, so a child started by another worker thread never holds
// them open (which would delay our EOF); dup2 onto 0/1/2 clears the flag in the child.
struct Pipe {
  int read_end = -1;
  int write_end = -1;
  bool open() {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) != 0) return false;
    read_end = fds[0];
    write_end = fds[1];
    return true;
  }
};

void close_fd(int& fd) {
  if (fd >= 0) close(fd);
  fd = -1;
}

std::vector<char*> c_strings(const std::vector<std::string>& strings) {
  std::vector<char*> pointers;
  for (const auto& s : strings) pointers.push_back(const_cast<char*>(s.c_str()));
  pointers.push_back(nullptr);
  return pointers;
}

int milliseconds_until(Clock::time_point deadline) {
  auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - Clock::now());
  return left.count() < 0 ? 0 : static_cast<int>(left.count());
}

// Starts the child in its own process group (so a time-out kills its descendants too),
// with default signal dispositions and an empty signal mask whatever the runner uses.
int spawn(const ProcessSpec& spec, Pipe& in, Pipe& out, Pipe& err, pid_t& pid) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, in.read_end, 0);
  posix_spawn_file_actions_adddup2(&actions, out.write_end, 1);
  posix_spawn_file_actions_adddup2(&actions, err.write_end, 2);
  posix_spawn_file_actions_addchdir_np(&actions, spec.cwd.c_str());

  posix_spawnattr_t attributes;
  posix_spawnattr_init(&attributes);
  sigset_t all_signals;
  sigset_t no_signals;
  sigfillset(&all_signals);
  sigemptyset(&no_signals);
  posix_spawnattr_setsigdefault(&attributes, &all_signals);
  posix_spawnattr_setsigmask(&attributes, &no_signals);
  posix_spawnattr_setpgroup(&attributes, 0);
  posix_spawnattr_setflags(&attributes,
                           POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETPGROUP);

  auto argv = c_strings(spec.argv);
  auto envp = c_strings(spec.env);
  int rc = posix_spawn(&pid, spec.program.c_str(), &actions, &attributes, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  posix_spawnattr_destroy(&attributes);
  return rc;
}

enum class Exchange { finished, timed_out, too_much_output };

// Feeds stdin and drains stdout/stderr together, so a child blocked on a full pipe never
// deadlocks with us, until both outputs reach EOF (or the deadline, or the output limit).
Exchange exchange(const ProcessSpec& spec, int& to_child, int& from_out, int& from_err,
              ProcessResult& result, Clock::time_point deadline) {
  size_t written = 0;
  if (spec.stdin_data.empty()) close_fd(to_child);
  char buffer[65536];
  while (to_child >= 0 || from_out >= 0 || from_err >= 0) {
    pollfd fds[3] = {{to_child, POLLOUT, 0}, {from_out, POLLIN, 0}, {from_err, POLLIN, 0}};
    int ready = poll(fds, 3, milliseconds_until(deadline));
    if (ready < 0 && errno == EINTR) continue;
    if (ready == 0) return Exchange::timed_out;
    if (fds[0].revents != 0) {
      ssize_t n = write(to_child, spec.stdin_data.data() + written, spec.stdin_data.size() - written);
      if (n > 0) written += static_cast<size_t>(n);
      // EPIPE: the child closed its stdin without reading everything, which is its right.
      if ((n < 0 && errno != EAGAIN && errno != EINTR) || written == spec.stdin_data.size()) {
        close_fd(to_child);
      }
    }
    int* readers[2] = {&from_out, &from_err};
    std::string* sinks[2] = {&result.out, &result.err};
    for (int i = 0; i < 2; ++i) {
      if (fds[i + 1].revents == 0) continue;
      ssize_t n = read(*readers[i], buffer, sizeof buffer);
      if (n > 0) {
        sinks[i]->append(buffer, static_cast<size_t>(n));
        if (sinks[i]->size() > spec.output_limit) return Exchange::too_much_output;
      } else if (n == 0 || (errno != EAGAIN && errno != EINTR)) {
        close_fd(*readers[i]);
      }
    }
  }
  return Exchange::finished;
}

// Waits for the child to exit (it may outlive its closed pipes); false at the deadline.
bool wait_for_exit(pid_t pid, int& status, Clock::time_point deadline) {
  auto pause = std::chrono::microseconds(200);
  while (true) {
    pid_t done = waitpid(pid, &status, WNOHANG);
    if (done == pid) return true;
    if (done < 0 && errno != EINTR) return true;
    if (Clock::now() >= deadline) return false;
    std::this_thread::sleep_for(pause);
    if (pause < std::chrono::milliseconds(20)) pause *= 2;
  }
}

}  // namespace

ProcessResult run_process(const ProcessSpec& spec) {
  ProcessResult result;
  Pipe in, out, err;
  if (!in.open() || !out.open() || !err.open()) {
    result.start_error = std::string("pipe: ") + std::strerror(errno);
    for (Pipe* p : {&in, &out, &err}) {
      close_fd(p->read_end);
      close_fd(p->write_end);
    }
    return result;
  }
  pid_t pid = -1;
  int rc = spawn(spec, in, out, err, pid);
  close_fd(in.read_end);
  close_fd(out.write_end);
  close_fd(err.write_end);
  if (rc != 0) {
    result.start_error = "cannot execute " + spec.program + ": " + std::strerror(rc);
    close_fd(in.write_end);
    close_fd(out.read_end);
    close_fd(err.read_end);
    return result;
  }
  fcntl(in.write_end, F_SETFL, fcntl(in.write_end, F_GETFL) | O_NONBLOCK);

  auto deadline = Clock::now() + spec.timeout;
  Exchange outcome = exchange(spec, in.write_end, out.read_end, err.read_end, result, deadline);
  int status = 0;
  if (outcome != Exchange::finished || !wait_for_exit(pid, status, deadline)) {
    result.too_much_output = outcome == Exchange::too_much_output;
    result.timed_out = !result.too_much_output;
    kill(-pid, SIGKILL);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
  }
  close_fd(in.write_end);
  close_fd(out.read_end);
  close_fd(err.read_end);
  if (result.timed_out || result.too_much_output) return result;
  if (WIFEXITED(status)) result.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) result.signal = WTERMSIG(status);
  return result;
}

bool is_executable_file(const std::string& path) {
  struct stat info;
  return stat(path.c_str(), &info) == 0 && S_ISREG(info.st_mode) && access(path.c_str(), X_OK) == 0;
}

}  // namespace gopy::conformance
