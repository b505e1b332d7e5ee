// The posix functions on the process: ids, the environment, signals, the terminal, random
// bytes, uname (CPython: Modules/posixmodule.c os_getpid_impl, os_putenv_impl,
// os_urandom_impl, os_get_terminal_size_impl, os_uname_impl, ...).
#include <sched.h>
#include <signal.h>
#include <sys/ioctl.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "gopy/environment.hpp"
#include "posix_internal.hpp"

namespace gopy_posix {

using namespace gopy;

namespace {

Object* none() { return new_ref(None()); }

gopy_Object* f_getpid(gopy_Object*, gopy_Object* const*) { return out(new_int(getpid())); }
gopy_Object* f_getppid(gopy_Object*, gopy_Object* const*) { return out(new_int(getppid())); }
gopy_Object* f_getuid(gopy_Object*, gopy_Object* const*) { return out(new_int(getuid())); }
gopy_Object* f_geteuid(gopy_Object*, gopy_Object* const*) { return out(new_int(geteuid())); }
gopy_Object* f_getgid(gopy_Object*, gopy_Object* const*) { return out(new_int(getgid())); }
gopy_Object* f_getegid(gopy_Object*, gopy_Object* const*) { return out(new_int(getegid())); }
gopy_Object* f_getpgrp(gopy_Object*, gopy_Object* const*) { return out(new_int(getpgrp())); }

gopy_Object* f_cpu_count(gopy_Object*, gopy_Object* const*) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  return out(n >= 1 ? new_int(n) : none());
}

// CPython: os_process_cpu_count_impl (the affinity mask's count).
gopy_Object* f_process_cpu_count(gopy_Object*, gopy_Object* const*) {
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0) return out(new_int(CPU_COUNT(&set)));
  return f_cpu_count(nullptr, nullptr);
}

gopy_Object* f_urandom(gopy_Object*, gopy_Object* const* a) {
  ssize size;
  if (!index_as_ssize(obj(a[0]), &size)) return nullptr;
  if (size < 0) return out(value_error("negative argument not allowed"));
  std::string buf(static_cast<size_t>(size), '\0');
  size_t filled = 0;
  while (filled < buf.size()) {
    ssize_t n = getrandom(buf.data() + filled, buf.size() - filled, 0);
    if (n < 0) {
      if (errno == EINTR) continue;
      return raise_errno(errno);
    }
    filled += static_cast<size_t>(n);
  }
  return out(new_bytes(buf));
}

gopy_Object* f_strerror(gopy_Object*, gopy_Object* const* a) {
  int code;
  if (!int_arg(obj(a[0]), &code)) return nullptr;
  return out(new_str_fs(std::strerror(code)));
}

gopy_Object* f_umask(gopy_Object*, gopy_Object* const* a) {
  int mask;
  if (!int_arg(obj(a[0]), &mask)) return nullptr;
  return out(new_int(umask(static_cast<mode_t>(mask))));
}

gopy_Object* f_uname(gopy_Object*, gopy_Object* const*) {
  utsname u;
  if (uname(&u) != 0) return raise_errno(errno);
  return out(make_struct("uname_result", {new_str_fs(u.sysname), new_str_fs(u.nodename), new_str_fs(u.release),
                                          new_str_fs(u.version), new_str_fs(u.machine)}));
}

gopy_Object* f_times(gopy_Object*, gopy_Object* const*) {
  tms t;
  clock_t c = times(&t);
  if (c == static_cast<clock_t>(-1)) return raise_errno(errno);
  double tick = static_cast<double>(sysconf(_SC_CLK_TCK));
  return out(make_struct("times_result",
                         {new_float(t.tms_utime / tick), new_float(t.tms_stime / tick), new_float(t.tms_cutime / tick),
                          new_float(t.tms_cstime / tick), new_float(c / tick)}));
}

gopy_Object* f_kill(gopy_Object*, gopy_Object* const* a) {
  int pid, sig;
  if (!int_arg(obj(a[0]), &pid) || !int_arg(obj(a[1]), &sig)) return nullptr;
  if (kill(pid, sig) != 0) return raise_errno(errno);
  return out(none());
}

// The bytes of an environment name or value: str (file-system encoded), bytes, PathLike;
// a NUL in them is "embedded null byte" (CPython: PyUnicode_FSConverter).
bool env_arg(Object* arg, const char* func, const char* name, std::string* bytes) {
  std::string_view text = is_str(arg) ? as_str(arg)->view() : is_bytes(arg) ? std::string_view(as_bytes(arg)->data)
                                                                             : std::string_view();
  if (text.find('\0') != std::string_view::npos) {
    value_error("embedded null byte");
    return false;
  }
  if (!is_str(arg) && !is_bytes(arg) && !type_lookup(arg->type, "__fspath__")) {
    type_error(std::string("expected str, bytes or os.PathLike object, not ") + arg->type->name);
    return false;
  }
  Path path;
  if (!path_arg(arg, func, name, &path)) return false;
  *bytes = std::move(path.bytes);
  return true;
}

gopy_Object* f_putenv(gopy_Object*, gopy_Object* const* a) {
  std::string name, value;
  if (!env_arg(obj(a[0]), "putenv", "name", &name) || !env_arg(obj(a[1]), "putenv", "value", &value)) return nullptr;
  // CPython: os_putenv_impl: '=' is a ValueError, an empty name setenv's EINVAL.
  if (name.find('=') != std::string::npos) return out(value_error("illegal environment variable name"));
  if (name.empty()) return raise_errno(EINVAL);
  runtime_environment().set(name, value);
  return out(none());
}

gopy_Object* f_unsetenv(gopy_Object*, gopy_Object* const* a) {
  std::string name;
  if (!env_arg(obj(a[0]), "unsetenv", "name", &name)) return nullptr;
  // CPython: os_unsetenv_impl: unsetenv's EINVAL for an empty name or one with '='.
  if (name.empty() || name.find('=') != std::string::npos) return raise_errno(EINVAL);
  runtime_environment().unset(name);
  return out(none());
}

// (columns, lines) of the terminal on fd; os.get_terminal_size makes the terminal_size.
gopy_Object* f_get_terminal_size(gopy_Object*, gopy_Object* const* a) {
  int fd;
  if (!int_arg(obj(a[0]), &fd)) return nullptr;
  winsize w;
  if (ioctl(fd, TIOCGWINSZ, &w) != 0) return raise_errno(errno);
  return out(make_struct("terminal_size", {new_int(w.ws_col), new_int(w.ws_row)}));
}

gopy_Object* f_exit(gopy_Object*, gopy_Object* const* a) {
  int code;
  if (!int_arg(obj(a[0]), &code)) return nullptr;
  _exit(code);
}

gopy_Object* f_system(gopy_Object*, gopy_Object* const* a) {
  Path command;
  if (!path_arg(obj(a[0]), "system", "command", &command)) return nullptr;
  return out(new_int(std::system(command.c_str())));
}

gopy_Object* f_waitstatus_to_exitcode(gopy_Object*, gopy_Object* const* a) {
  int status;
  if (!int_arg(obj(a[0]), &status)) return nullptr;
  if (WIFEXITED(status)) return out(new_int(WEXITSTATUS(status)));
  if (WIFSIGNALED(status)) return out(new_int(-WTERMSIG(status)));
  return out(value_error("invalid wait status: " + std::to_string(status)));
}

gopy_Object* f_getloadavg(gopy_Object*, gopy_Object* const*) {
  double load[3];
  if (getloadavg(load, 3) != 3) return out(set_error(&exc_OSError, "Load averages are unobtainable"));
  return out(new_tuple_steal({new_float(load[0]), new_float(load[1]), new_float(load[2])}));
}

// CPython: os_sched_getaffinity_impl: the CPUs the process may run on, as a set.
gopy_Object* f_sched_getaffinity(gopy_Object*, gopy_Object* const* a) {
  int pid;
  if (!int_arg(obj(a[0]), &pid)) return nullptr;
  cpu_set_t set;
  if (sched_getaffinity(pid, sizeof set, &set) != 0) return raise_errno(errno);
  Ref<SetObject> result = Ref<SetObject>::steal(new_set());
  for (int cpu = 0; cpu < CPU_SETSIZE; ++cpu) {
    if (!CPU_ISSET(cpu, &set)) continue;
    Ref<> n = Ref<>::steal(new_int(cpu));
    if (set_add(result.get(), n.get()) < 0) return nullptr;
  }
  return out(result.release());
}

gopy_Object* f_sched_yield(gopy_Object*, gopy_Object* const*) {
  sched_yield();
  return out(none());
}

gopy_Object* f_getgroups(gopy_Object*, gopy_Object* const*) {
  int n = getgroups(0, nullptr);
  if (n < 0) return raise_errno(errno);
  std::vector<gid_t> groups(static_cast<size_t>(n));
  n = getgroups(n, groups.data());
  if (n < 0) return raise_errno(errno);
  Ref<ListObject> result = Ref<ListObject>::steal(new_list());
  for (int i = 0; i < n; ++i) {
    Ref<> g = Ref<>::steal(new_int(int64_t(groups[size_t(i)])));
    if (list_append(result.get(), g.get()) < 0) return nullptr;
  }
  return out(result.release());
}

gopy_Object* f_getpgid(gopy_Object*, gopy_Object* const* a) {
  int pid;
  if (!int_arg(obj(a[0]), &pid)) return nullptr;
  pid_t r = getpgid(pid);
  if (r < 0) return raise_errno(errno);
  return out(new_int(r));
}

gopy_Object* f_getsid(gopy_Object*, gopy_Object* const* a) {
  int pid;
  if (!int_arg(obj(a[0]), &pid)) return nullptr;
  pid_t r = getsid(pid);
  if (r < 0) return raise_errno(errno);
  return out(new_int(r));
}

// CPython: os_getlogin_impl (OSError where there is no controlling terminal's login).
gopy_Object* f_getlogin(gopy_Object*, gopy_Object* const*) {
  errno = 0;
  const char* name = getlogin();
  if (!name) return raise_errno(errno ? errno : ENOTTY);
  return out(new_str_fs(name));
}

gopy_Object* f_sync(gopy_Object*, gopy_Object* const*) {
  sync();
  return out(none());
}

// A fresh copy of the environment, for os.reload_environ (CPython: posix__create_environ).
gopy_Object* f_create_environ(gopy_Object*, gopy_Object* const*) { return out(environ_dict()); }

gopy_Object* f_getresuid(gopy_Object*, gopy_Object* const*) {
  uid_t r, e, s;
  if (getresuid(&r, &e, &s) != 0) return raise_errno(errno);
  return out(new_tuple_steal({new_int(int64_t(r)), new_int(int64_t(e)), new_int(int64_t(s))}));
}

gopy_Object* f_getresgid(gopy_Object*, gopy_Object* const*) {
  gid_t r, e, s;
  if (getresgid(&r, &e, &s) != 0) return raise_errno(errno);
  return out(new_tuple_steal({new_int(int64_t(r)), new_int(int64_t(e)), new_int(int64_t(s))}));
}

// setuid, setgid, seteuid, setegid: one id each (CPython: os_setuid_impl, ...).
template <int (*Set)(unsigned), bool IsUid>
gopy_Object* set_id(gopy_Object*, gopy_Object* const* a) {
  unsigned id;
  if (!owner_id_arg(obj(a[0]), IsUid, &id)) return nullptr;
  if (Set(id) != 0) return raise_errno(errno);
  return out(none());
}

// setreuid, setregid: a real and an effective id.
template <int (*Set)(unsigned, unsigned), bool IsUid>
gopy_Object* set_id_pair(gopy_Object*, gopy_Object* const* a) {
  unsigned real, effective;
  if (!owner_id_arg(obj(a[0]), IsUid, &real) || !owner_id_arg(obj(a[1]), IsUid, &effective)) return nullptr;
  if (Set(real, effective) != 0) return raise_errno(errno);
  return out(none());
}

int do_setuid(unsigned id) { return setuid(id); }
int do_setgid(unsigned id) { return setgid(id); }
int do_seteuid(unsigned id) { return seteuid(id); }
int do_setegid(unsigned id) { return setegid(id); }
int do_setreuid(unsigned r, unsigned e) { return setreuid(r, e); }
int do_setregid(unsigned r, unsigned e) { return setregid(r, e); }

// CPython: os_getrandom_impl (size bytes from getrandom(2) with flags).
gopy_Object* f_getrandom(gopy_Object*, gopy_Object* const* a) {
  ssize size;
  int flags;
  if (!index_as_ssize(obj(a[0]), &size) || !int_arg(obj(a[1]), &flags)) return nullptr;
  if (size < 0) return raise_errno(EINVAL);
  std::string buf(static_cast<size_t>(size), '\0');
  ssize_t n;
  do n = getrandom(buf.data(), buf.size(), static_cast<unsigned>(flags));
  while (n < 0 && errno == EINTR);
  if (n < 0) return raise_errno(errno);
  buf.resize(static_cast<size_t>(n));
  return out(new_bytes(buf));
}

gopy_Object* f_ctermid(gopy_Object*, gopy_Object* const*) {
  char name[L_ctermid];
  const char* r = ctermid(name);
  if (!r) return raise_errno(errno);
  return out(new_str_fs(r));
}

}  // namespace

// The runtime's Environment (the process's, or the one an embedder injected).
Object* environ_dict() {
  Ref<DictObject> d = Ref<DictObject>::steal(new_dict());
  for (const auto& [name, value] : runtime_environment().variables()) {
    Ref<> key = Ref<>::steal(new_bytes(name));
    Ref<> val = Ref<>::steal(new_bytes(value));
    if (!key || !val || dict_set_item(d.get(), key.get(), val.get()) < 0) return nullptr;
  }
  return d.release();
}

const gopy_FunctionDef kProcessFunctions[] = {
    {"getpid", f_getpid, "", "Return the current process id."},
    {"getppid", f_getppid, "", "Return the parent's process id."},
    {"getuid", f_getuid, "", "Return the current process's user id."},
    {"geteuid", f_geteuid, "", "Return the current process's effective user id."},
    {"getgid", f_getgid, "", "Return the current process's group id."},
    {"getegid", f_getegid, "", "Return the current process's effective group id."},
    {"getpgrp", f_getpgrp, "", "Return the current process group id."},
    {"cpu_count", f_cpu_count, "", "Return the number of logical CPUs in the system."},
    {"process_cpu_count", f_process_cpu_count, "", "Return the number of logical CPUs usable by the calling thread."},
    {"urandom", f_urandom, "size, /", "Return a bytes object containing random bytes suitable for cryptographic use."},
    {"strerror", f_strerror, "code, /", "Translate an error code to a message string."},
    {"umask", f_umask, "mask, /", "Set the current numeric umask and return the previous umask."},
    {"uname", f_uname, "", "Return an object identifying the current operating system."},
    {"times", f_times, "", "Return a collection containing process timing information."},
    {"kill", f_kill, "pid, signal, /", "Kill a process with a signal."},
    {"putenv", f_putenv, "name, value, /", "Change or add an environment variable."},
    {"unsetenv", f_unsetenv, "name, /", "Delete an environment variable."},
    {"get_terminal_size", f_get_terminal_size, "fd=1, /", "Return the size of the terminal window as (columns, lines)."},
    {"_exit", f_exit, "status", "Exit to the system with specified status, without normal exit processing."},
    {"system", f_system, "command", "Execute the command in a subshell."},
    {"waitstatus_to_exitcode", f_waitstatus_to_exitcode, "status", "Convert a wait status to an exit code."},
    {"getloadavg", f_getloadavg, "", "Return average recent system load information."},
    {"sched_getaffinity", f_sched_getaffinity, "pid, /",
     "Return the affinity of the process identified by pid (or the current process if zero)."},
    {"sched_yield", f_sched_yield, "", "Voluntarily relinquish the CPU."},
    {"getgroups", f_getgroups, "", "Return list of supplemental group IDs for the process."},
    {"getpgid", f_getpgid, "pid", "Call the system call getpgid(), and return the result."},
    {"getsid", f_getsid, "pid, /", "Call the system call getsid(pid) and return the result."},
    {"getlogin", f_getlogin, "", "Return the actual login name."},
    {"sync", f_sync, "", "Force write of everything to disk."},
    {"_create_environ", f_create_environ, "", "Create the environment dictionary."},
    {"getresuid", f_getresuid, "", "Return a tuple of the current process's real, effective, and saved user ids."},
    {"getresgid", f_getresgid, "", "Return a tuple of the current process's real, effective, and saved group ids."},
    {"setuid", set_id<do_setuid, true>, "uid, /", "Set the current process's user id."},
    {"setgid", set_id<do_setgid, false>, "gid, /", "Set the current process's group id."},
    {"seteuid", set_id<do_seteuid, true>, "euid, /", "Set the current process's effective user id."},
    {"setegid", set_id<do_setegid, false>, "egid, /", "Set the current process's effective group id."},
    {"setreuid", set_id_pair<do_setreuid, true>, "ruid, euid, /", "Set the current process's real and effective user ids."},
    {"setregid", set_id_pair<do_setregid, false>, "rgid, egid, /", "Set the current process's real and effective group ids."},
    {"getrandom", f_getrandom, "size, flags=0", "Obtain a series of random bytes."},
    {"ctermid", f_ctermid, "", "Return the name of the controlling terminal for this process."},
    {nullptr, nullptr, nullptr, nullptr},
};

}  // namespace gopy_posix
