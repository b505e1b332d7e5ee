// The posix functions on child processes: fork, wait, waitpid, the exec family, the wait
// status macros, sessions, process groups and priorities (CPython: Modules/posixmodule.c
// os_fork_impl, os_waitpid_impl, os_execv_impl, os_execve_impl, os_WEXITSTATUS_impl, ...).
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <vector>

#include "posix_internal.hpp"

namespace gopy_posix {

using namespace gopy;

namespace {

Object* none() { return new_ref(None()); }

gopy_Object* f_fork(gopy_Object*, gopy_Object* const*) {
  pid_t pid = fork();
  if (pid < 0) return raise_errno(errno);
  return out(new_int(pid));
}

gopy_Object* pid_status(pid_t pid, int status) {
  return out(new_tuple_steal({new_int(pid), new_int(status)}));
}

gopy_Object* f_wait(gopy_Object*, gopy_Object* const*) {
  int status = 0;
  pid_t pid;
  do pid = wait(&status);
  while (pid < 0 && errno == EINTR);
  if (pid < 0) return raise_errno(errno);
  return pid_status(pid, status);
}

gopy_Object* f_waitpid(gopy_Object*, gopy_Object* const* a) {
  int pid, options;
  if (!int_arg(obj(a[0]), &pid) || !int_arg(obj(a[1]), &options)) return nullptr;
  int status = 0;
  pid_t r;
  do r = waitpid(pid, &status, options);
  while (r < 0 && errno == EINTR);
  if (r < 0) return raise_errno(errno);
  return pid_status(r, status);
}

// The strings of an exec argument list or environment, kept alive with their pointers.
struct CStrings {
  std::vector<std::string> items;
  std::vector<char*> pointers() {
    std::vector<char*> p;
    for (auto& s : items) p.push_back(s.data());
    p.push_back(nullptr);
    return p;
  }
};

// argv of execv/execve: a non-empty tuple or list whose first item is not empty; the
// errors begin with `what` ("execv() arg 2", "execve: argv") (CPython: os_execv_impl,
// os_execve_impl, parse_arglist).
bool argv_shape(Object* argv, const std::string& what) {
  if (!is_tuple(argv) && !is_list(argv)) {
    type_error(what + " must be a tuple or list");
    return false;
  }
  if ((is_tuple(argv) ? static_cast<TupleObject*>(argv)->size() : ssize(static_cast<ListObject*>(argv)->items.size())) == 0) {
    value_error(what + " must not be empty");
    return false;
  }
  return true;
}

bool argv_items(Object* argv, const char* func, const std::string& what, CStrings* out_args) {
  Ref<TupleObject> t = Ref<TupleObject>::steal(tuple_from_iterable(argv));
  if (!t) return false;
  for (Object* element : t->items) {
    Path item;
    if (!path_arg(element, func, "args", &item)) return false;
    out_args->items.push_back(std::move(item.bytes));
  }
  if (out_args->items.empty() || out_args->items[0].empty()) {
    value_error(what + " first element cannot be empty");
    return false;
  }
  return true;
}

// env of execve: a mapping of file-system names to values, "name=value" each
// (CPython: parse_envlist).
bool env_items(Object* env, CStrings* out_env) {
  Ref<> keys = Ref<>::steal(call_method(env, "keys", nullptr, 0));
  if (!keys) return false;
  Ref<TupleObject> t = Ref<TupleObject>::steal(tuple_from_iterable(keys.get()));
  if (!t) return false;
  for (Object* key : t->items) {
    Ref<> value = Ref<>::steal(get_item(env, key));
    if (!value) return false;
    Path name, text;
    if (!path_arg(key, "execve", "env", &name) || !path_arg(value.get(), "execve", "env", &text)) return false;
    if (name.bytes.empty() || name.bytes.find('=', 1) != std::string::npos) {
      value_error("illegal environment variable name");
      return false;
    }
    out_env->items.push_back(name.bytes + "=" + text.bytes);
  }
  return true;
}

gopy_Object* f_execv(gopy_Object*, gopy_Object* const* a) {
  Path path;
  CStrings args;
  if (!path_arg(obj(a[0]), "execv", "path", &path) || !argv_shape(obj(a[1]), "execv() arg 2") ||
      !argv_items(obj(a[1]), "execv", "execv() arg 2", &args))
    return nullptr;
  std::vector<char*> argv = args.pointers();
  execv(path.c_str(), argv.data());
  return raise_errno(errno);
}

gopy_Object* f_execve(gopy_Object*, gopy_Object* const* a) {
  Path path;
  CStrings args, env;
  if (!path_arg(obj(a[0]), "execve", "path", &path, true) || !argv_shape(obj(a[1]), "execve: argv"))
    return nullptr;
  if (!type_lookup(obj(a[2])->type, "__getitem__"))
    return out(type_error("execve: environment must be a mapping object"));
  if (!argv_items(obj(a[1]), "execve", "execve: argv", &args) || !env_items(obj(a[2]), &env)) return nullptr;
  std::vector<char*> argv = args.pointers(), envp = env.pointers();
  if (path.fd >= 0)
    fexecve(path.fd, argv.data(), envp.data());
  else
    execve(path.c_str(), argv.data(), envp.data());
  return raise_errno(errno, path.object);
}

// For a child about to exec a program (os.popen's): SIGPIPE and SIGXFSZ back to their
// default action, which the interpreter's ignoring would otherwise pass on
// (CPython: _Py_RestoreSignals, as subprocess's restore_signals does).
gopy_Object* f_restore_signals(gopy_Object*, gopy_Object* const*) {
  std::signal(SIGPIPE, SIG_DFL);
  std::signal(SIGXFSZ, SIG_DFL);
  return out(none());
}

gopy_Object* f_abort(gopy_Object*, gopy_Object* const*) { std::abort(); }

// The wait status macros, each an int -> int or bool function of the status.
template <int (*F)(int), bool AsBool>
gopy_Object* status_fn(gopy_Object*, gopy_Object* const* a) {
  int status;
  if (!int_arg(obj(a[0]), &status)) return nullptr;
  int r = F(status);
  return out(AsBool ? new_bool(r != 0) : new_int(r));
}

int wexitstatus(int s) { return WEXITSTATUS(s); }
int wtermsig(int s) { return WTERMSIG(s); }
int wstopsig(int s) { return WSTOPSIG(s); }
int wifexited(int s) { return WIFEXITED(s); }
int wifsignaled(int s) { return WIFSIGNALED(s); }
int wifstopped(int s) { return WIFSTOPPED(s); }
int wifcontinued(int s) { return WIFCONTINUED(s); }
int wcoredump(int s) { return WCOREDUMP(s); }

gopy_Object* f_setsid(gopy_Object*, gopy_Object* const*) {
  if (setsid() < 0) return raise_errno(errno);
  return out(none());
}

gopy_Object* f_setpgid(gopy_Object*, gopy_Object* const* a) {
  int pid, pgrp;
  if (!int_arg(obj(a[0]), &pid) || !int_arg(obj(a[1]), &pgrp)) return nullptr;
  if (setpgid(pid, pgrp) < 0) return raise_errno(errno);
  return out(none());
}

gopy_Object* f_setpgrp(gopy_Object*, gopy_Object* const*) {
  if (setpgid(0, 0) < 0) return raise_errno(errno);
  return out(none());
}

gopy_Object* f_killpg(gopy_Object*, gopy_Object* const* a) {
  int pgid, sig;
  if (!int_arg(obj(a[0]), &pgid) || !int_arg(obj(a[1]), &sig)) return nullptr;
  if (killpg(pgid, sig) < 0) return raise_errno(errno);
  return out(none());
}

// nice returns the new niceness, which may be -1: errno tells the failure (CPython: os_nice_impl).
gopy_Object* f_nice(gopy_Object*, gopy_Object* const* a) {
  int increment;
  if (!int_arg(obj(a[0]), &increment)) return nullptr;
  errno = 0;
  int value = nice(increment);
  if (value == -1 && errno != 0) return raise_errno(errno);
  return out(new_int(value));
}

gopy_Object* f_getpriority(gopy_Object*, gopy_Object* const* a) {
  int which, who;
  if (!int_arg(obj(a[0]), &which) || !int_arg(obj(a[1]), &who)) return nullptr;
  errno = 0;
  int value = getpriority(static_cast<__priority_which_t>(which), static_cast<id_t>(who));
  if (value == -1 && errno != 0) return raise_errno(errno);
  return out(new_int(value));
}

gopy_Object* f_setpriority(gopy_Object*, gopy_Object* const* a) {
  int which, who, priority;
  if (!int_arg(obj(a[0]), &which) || !int_arg(obj(a[1]), &who) || !int_arg(obj(a[2]), &priority)) return nullptr;
  if (setpriority(static_cast<__priority_which_t>(which), static_cast<id_t>(who), priority) < 0)
    return raise_errno(errno);
  return out(none());
}

}  // namespace

const gopy_FunctionDef kChildFunctions[] = {
    {"fork", f_fork, "", "Fork a child process."},
    {"wait", f_wait, "", "Wait for completion of a child process."},
    {"waitpid", f_waitpid, "pid, options, /", "Wait for completion of a given child process."},
    {"execv", f_execv, "path, argv, /", "Execute an executable path with arguments, replacing current process."},
    {"execve", f_execve, "path, argv, env", "Execute an executable path with arguments, replacing current process."},
    {"_restore_signals", f_restore_signals, "", "Restore SIGPIPE and SIGXFSZ to their default actions."},
    {"abort", f_abort, "", "Abort the interpreter immediately."},
    {"WEXITSTATUS", status_fn<wexitstatus, false>, "status", "Return the process return code from status."},
    {"WTERMSIG", status_fn<wtermsig, false>, "status", "Return the signal that terminated the process that provided the status value."},
    {"WSTOPSIG", status_fn<wstopsig, false>, "status", "Return the signal that stopped the process that provided the status value."},
    {"WIFEXITED", status_fn<wifexited, true>, "status", "Return True if the process returning status exited via the exit() system call."},
    {"WIFSIGNALED", status_fn<wifsignaled, true>, "status", "Return True if the process returning status was terminated by a signal."},
    {"WIFSTOPPED", status_fn<wifstopped, true>, "status", "Return True if the process returning status was stopped."},
    {"WIFCONTINUED", status_fn<wifcontinued, true>, "status", "Return True if a particular process was continued from a job control stop."},
    {"WCOREDUMP", status_fn<wcoredump, true>, "status, /", "Return True if the process returning status was dumped to a core file."},
    {"setsid", f_setsid, "", "Call the system call setsid()."},
    {"setpgid", f_setpgid, "pid, pgrp, /", "Call the system call setpgid(pid, pgrp)."},
    {"setpgrp", f_setpgrp, "", "Make the current process the leader of its process group."},
    {"killpg", f_killpg, "pgid, signal, /", "Kill a process group with a signal."},
    {"nice", f_nice, "increment, /", "Add increment to the priority of process and return the new priority."},
    {"getpriority", f_getpriority, "which, who", "Return program scheduling priority."},
    {"setpriority", f_setpriority, "which, who, priority", "Set program scheduling priority."},
    {nullptr, nullptr, nullptr, nullptr},
};

}  // namespace gopy_posix
