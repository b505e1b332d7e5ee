// sysconf, pathconf, fpathconf and confstr with their name tables, which are also the
// module's sysconf_names, pathconf_names and confstr_names (CPython: Modules/posixmodule.c
// conv_confname, os_sysconf_impl, os_pathconf_impl, os_confstr_impl, setup_confname_tables).
// The tables hold the names CPython knows that the C library defines.
#include <unistd.h>

#include <cerrno>
#include <string>

#include "posix_internal.hpp"

namespace gopy_posix {

using namespace gopy;

namespace {

struct ConfName {
  const char* name;
  int value;
};

const ConfName kSysconfNames[] = {
    {"SC_2_CHAR_TERM", _SC_2_CHAR_TERM}, {"SC_2_C_BIND", _SC_2_C_BIND}, {"SC_2_C_DEV", _SC_2_C_DEV},
    {"SC_2_C_VERSION", _SC_2_C_VERSION}, {"SC_2_FORT_DEV", _SC_2_FORT_DEV}, {"SC_2_FORT_RUN", _SC_2_FORT_RUN},
    {"SC_2_LOCALEDEF", _SC_2_LOCALEDEF}, {"SC_2_SW_DEV", _SC_2_SW_DEV}, {"SC_2_UPE", _SC_2_UPE},
    {"SC_2_VERSION", _SC_2_VERSION}, {"SC_AIO_LISTIO_MAX", _SC_AIO_LISTIO_MAX}, {"SC_AIO_MAX", _SC_AIO_MAX},
    {"SC_AIO_PRIO_DELTA_MAX", _SC_AIO_PRIO_DELTA_MAX}, {"SC_ARG_MAX", _SC_ARG_MAX},
    {"SC_ASYNCHRONOUS_IO", _SC_ASYNCHRONOUS_IO}, {"SC_ATEXIT_MAX", _SC_ATEXIT_MAX},
    {"SC_AVPHYS_PAGES", _SC_AVPHYS_PAGES}, {"SC_BC_BASE_MAX", _SC_BC_BASE_MAX},
    {"SC_BC_DIM_MAX", _SC_BC_DIM_MAX}, {"SC_BC_SCALE_MAX", _SC_BC_SCALE_MAX},
    {"SC_BC_STRING_MAX", _SC_BC_STRING_MAX}, {"SC_CHARCLASS_NAME_MAX", _SC_CHARCLASS_NAME_MAX},
    {"SC_CHAR_BIT", _SC_CHAR_BIT}, {"SC_CHAR_MAX", _SC_CHAR_MAX}, {"SC_CHAR_MIN", _SC_CHAR_MIN},
    {"SC_CHILD_MAX", _SC_CHILD_MAX}, {"SC_CLK_TCK", _SC_CLK_TCK},
    {"SC_COLL_WEIGHTS_MAX", _SC_COLL_WEIGHTS_MAX}, {"SC_DELAYTIMER_MAX", _SC_DELAYTIMER_MAX},
    {"SC_EQUIV_CLASS_MAX", _SC_EQUIV_CLASS_MAX}, {"SC_EXPR_NEST_MAX", _SC_EXPR_NEST_MAX},
    {"SC_FSYNC", _SC_FSYNC}, {"SC_GETGR_R_SIZE_MAX", _SC_GETGR_R_SIZE_MAX},
    {"SC_GETPW_R_SIZE_MAX", _SC_GETPW_R_SIZE_MAX}, {"SC_INT_MAX", _SC_INT_MAX}, {"SC_INT_MIN", _SC_INT_MIN},
    {"SC_IOV_MAX", _SC_IOV_MAX}, {"SC_JOB_CONTROL", _SC_JOB_CONTROL}, {"SC_LINE_MAX", _SC_LINE_MAX},
    {"SC_LOGIN_NAME_MAX", _SC_LOGIN_NAME_MAX}, {"SC_LONG_BIT", _SC_LONG_BIT},
    {"SC_MAPPED_FILES", _SC_MAPPED_FILES}, {"SC_MB_LEN_MAX", _SC_MB_LEN_MAX}, {"SC_MEMLOCK", _SC_MEMLOCK},
    {"SC_MEMLOCK_RANGE", _SC_MEMLOCK_RANGE}, {"SC_MEMORY_PROTECTION", _SC_MEMORY_PROTECTION},
    {"SC_MESSAGE_PASSING", _SC_MESSAGE_PASSING}, {"SC_MINSIGSTKSZ", _SC_MINSIGSTKSZ},
    {"SC_MQ_OPEN_MAX", _SC_MQ_OPEN_MAX}, {"SC_MQ_PRIO_MAX", _SC_MQ_PRIO_MAX},
    {"SC_NGROUPS_MAX", _SC_NGROUPS_MAX}, {"SC_NL_ARGMAX", _SC_NL_ARGMAX}, {"SC_NL_LANGMAX", _SC_NL_LANGMAX},
    {"SC_NL_MSGMAX", _SC_NL_MSGMAX}, {"SC_NL_NMAX", _SC_NL_NMAX}, {"SC_NL_SETMAX", _SC_NL_SETMAX},
    {"SC_NL_TEXTMAX", _SC_NL_TEXTMAX}, {"SC_NPROCESSORS_CONF", _SC_NPROCESSORS_CONF},
    {"SC_NPROCESSORS_ONLN", _SC_NPROCESSORS_ONLN}, {"SC_NZERO", _SC_NZERO}, {"SC_OPEN_MAX", _SC_OPEN_MAX},
    {"SC_PAGESIZE", _SC_PAGESIZE}, {"SC_PAGE_SIZE", _SC_PAGE_SIZE}, {"SC_PASS_MAX", _SC_PASS_MAX},
    {"SC_PHYS_PAGES", _SC_PHYS_PAGES}, {"SC_PII", _SC_PII}, {"SC_PII_INTERNET", _SC_PII_INTERNET},
    {"SC_PII_INTERNET_DGRAM", _SC_PII_INTERNET_DGRAM}, {"SC_PII_INTERNET_STREAM", _SC_PII_INTERNET_STREAM},
    {"SC_PII_OSI", _SC_PII_OSI}, {"SC_PII_OSI_CLTS", _SC_PII_OSI_CLTS}, {"SC_PII_OSI_COTS", _SC_PII_OSI_COTS},
    {"SC_PII_OSI_M", _SC_PII_OSI_M}, {"SC_PII_SOCKET", _SC_PII_SOCKET}, {"SC_PII_XTI", _SC_PII_XTI},
    {"SC_POLL", _SC_POLL}, {"SC_PRIORITIZED_IO", _SC_PRIORITIZED_IO},
    {"SC_PRIORITY_SCHEDULING", _SC_PRIORITY_SCHEDULING}, {"SC_REALTIME_SIGNALS", _SC_REALTIME_SIGNALS},
    {"SC_RE_DUP_MAX", _SC_RE_DUP_MAX}, {"SC_RTSIG_MAX", _SC_RTSIG_MAX}, {"SC_SAVED_IDS", _SC_SAVED_IDS},
    {"SC_SCHAR_MAX", _SC_SCHAR_MAX}, {"SC_SCHAR_MIN", _SC_SCHAR_MIN}, {"SC_SELECT", _SC_SELECT},
    {"SC_SEMAPHORES", _SC_SEMAPHORES}, {"SC_SEM_NSEMS_MAX", _SC_SEM_NSEMS_MAX},
    {"SC_SEM_VALUE_MAX", _SC_SEM_VALUE_MAX}, {"SC_SHARED_MEMORY_OBJECTS", _SC_SHARED_MEMORY_OBJECTS},
    {"SC_SHRT_MAX", _SC_SHRT_MAX}, {"SC_SHRT_MIN", _SC_SHRT_MIN}, {"SC_SIGQUEUE_MAX", _SC_SIGQUEUE_MAX},
    {"SC_SSIZE_MAX", _SC_SSIZE_MAX}, {"SC_STREAM_MAX", _SC_STREAM_MAX},
    {"SC_SYNCHRONIZED_IO", _SC_SYNCHRONIZED_IO}, {"SC_THREADS", _SC_THREADS},
    {"SC_THREAD_ATTR_STACKADDR", _SC_THREAD_ATTR_STACKADDR},
    {"SC_THREAD_ATTR_STACKSIZE", _SC_THREAD_ATTR_STACKSIZE},
    {"SC_THREAD_DESTRUCTOR_ITERATIONS", _SC_THREAD_DESTRUCTOR_ITERATIONS},
    {"SC_THREAD_KEYS_MAX", _SC_THREAD_KEYS_MAX},
    {"SC_THREAD_PRIORITY_SCHEDULING", _SC_THREAD_PRIORITY_SCHEDULING},
    {"SC_THREAD_PRIO_INHERIT", _SC_THREAD_PRIO_INHERIT}, {"SC_THREAD_PRIO_PROTECT", _SC_THREAD_PRIO_PROTECT},
    {"SC_THREAD_PROCESS_SHARED", _SC_THREAD_PROCESS_SHARED},
    {"SC_THREAD_SAFE_FUNCTIONS", _SC_THREAD_SAFE_FUNCTIONS}, {"SC_THREAD_STACK_MIN", _SC_THREAD_STACK_MIN},
    {"SC_THREAD_THREADS_MAX", _SC_THREAD_THREADS_MAX}, {"SC_TIMERS", _SC_TIMERS},
    {"SC_TIMER_MAX", _SC_TIMER_MAX}, {"SC_TTY_NAME_MAX", _SC_TTY_NAME_MAX}, {"SC_TZNAME_MAX", _SC_TZNAME_MAX},
    {"SC_T_IOV_MAX", _SC_T_IOV_MAX}, {"SC_UCHAR_MAX", _SC_UCHAR_MAX}, {"SC_UINT_MAX", _SC_UINT_MAX},
    {"SC_UIO_MAXIOV", _SC_UIO_MAXIOV}, {"SC_ULONG_MAX", _SC_ULONG_MAX}, {"SC_USHRT_MAX", _SC_USHRT_MAX},
    {"SC_VERSION", _SC_VERSION}, {"SC_WORD_BIT", _SC_WORD_BIT}, {"SC_XBS5_ILP32_OFF32", _SC_XBS5_ILP32_OFF32},
    {"SC_XBS5_ILP32_OFFBIG", _SC_XBS5_ILP32_OFFBIG}, {"SC_XBS5_LP64_OFF64", _SC_XBS5_LP64_OFF64},
    {"SC_XBS5_LPBIG_OFFBIG", _SC_XBS5_LPBIG_OFFBIG}, {"SC_XOPEN_CRYPT", _SC_XOPEN_CRYPT},
    {"SC_XOPEN_ENH_I18N", _SC_XOPEN_ENH_I18N}, {"SC_XOPEN_LEGACY", _SC_XOPEN_LEGACY},
    {"SC_XOPEN_REALTIME", _SC_XOPEN_REALTIME}, {"SC_XOPEN_REALTIME_THREADS", _SC_XOPEN_REALTIME_THREADS},
    {"SC_XOPEN_SHM", _SC_XOPEN_SHM}, {"SC_XOPEN_UNIX", _SC_XOPEN_UNIX},
    {"SC_XOPEN_VERSION", _SC_XOPEN_VERSION}, {"SC_XOPEN_XCU_VERSION", _SC_XOPEN_XCU_VERSION},
    {"SC_XOPEN_XPG2", _SC_XOPEN_XPG2}, {"SC_XOPEN_XPG3", _SC_XOPEN_XPG3}, {"SC_XOPEN_XPG4", _SC_XOPEN_XPG4},
};

const ConfName kPathconfNames[] = {
    {"PC_ALLOC_SIZE_MIN", _PC_ALLOC_SIZE_MIN}, {"PC_ASYNC_IO", _PC_ASYNC_IO},
    {"PC_CHOWN_RESTRICTED", _PC_CHOWN_RESTRICTED}, {"PC_FILESIZEBITS", _PC_FILESIZEBITS},
    {"PC_LINK_MAX", _PC_LINK_MAX}, {"PC_MAX_CANON", _PC_MAX_CANON}, {"PC_MAX_INPUT", _PC_MAX_INPUT},
    {"PC_NAME_MAX", _PC_NAME_MAX}, {"PC_NO_TRUNC", _PC_NO_TRUNC}, {"PC_PATH_MAX", _PC_PATH_MAX},
    {"PC_PIPE_BUF", _PC_PIPE_BUF}, {"PC_PRIO_IO", _PC_PRIO_IO},
    {"PC_REC_INCR_XFER_SIZE", _PC_REC_INCR_XFER_SIZE}, {"PC_REC_MAX_XFER_SIZE", _PC_REC_MAX_XFER_SIZE},
    {"PC_REC_MIN_XFER_SIZE", _PC_REC_MIN_XFER_SIZE}, {"PC_REC_XFER_ALIGN", _PC_REC_XFER_ALIGN},
    {"PC_SOCK_MAXBUF", _PC_SOCK_MAXBUF}, {"PC_SYMLINK_MAX", _PC_SYMLINK_MAX}, {"PC_SYNC_IO", _PC_SYNC_IO},
    {"PC_VDISABLE", _PC_VDISABLE},
};

const ConfName kConfstrNames[] = {
    {"CS_GNU_LIBC_VERSION", _CS_GNU_LIBC_VERSION}, {"CS_GNU_LIBPTHREAD_VERSION", _CS_GNU_LIBPTHREAD_VERSION},
    {"CS_LFS64_CFLAGS", _CS_LFS64_CFLAGS}, {"CS_LFS64_LDFLAGS", _CS_LFS64_LDFLAGS},
    {"CS_LFS64_LIBS", _CS_LFS64_LIBS}, {"CS_LFS64_LINTFLAGS", _CS_LFS64_LINTFLAGS},
    {"CS_LFS_CFLAGS", _CS_LFS_CFLAGS}, {"CS_LFS_LDFLAGS", _CS_LFS_LDFLAGS}, {"CS_LFS_LIBS", _CS_LFS_LIBS},
    {"CS_LFS_LINTFLAGS", _CS_LFS_LINTFLAGS}, {"CS_PATH", _CS_PATH},
    {"CS_XBS5_ILP32_OFF32_CFLAGS", _CS_XBS5_ILP32_OFF32_CFLAGS},
    {"CS_XBS5_ILP32_OFF32_LDFLAGS", _CS_XBS5_ILP32_OFF32_LDFLAGS},
    {"CS_XBS5_ILP32_OFF32_LIBS", _CS_XBS5_ILP32_OFF32_LIBS},
    {"CS_XBS5_ILP32_OFF32_LINTFLAGS", _CS_XBS5_ILP32_OFF32_LINTFLAGS},
    {"CS_XBS5_ILP32_OFFBIG_CFLAGS", _CS_XBS5_ILP32_OFFBIG_CFLAGS},
    {"CS_XBS5_ILP32_OFFBIG_LDFLAGS", _CS_XBS5_ILP32_OFFBIG_LDFLAGS},
    {"CS_XBS5_ILP32_OFFBIG_LIBS", _CS_XBS5_ILP32_OFFBIG_LIBS},
    {"CS_XBS5_ILP32_OFFBIG_LINTFLAGS", _CS_XBS5_ILP32_OFFBIG_LINTFLAGS},
    {"CS_XBS5_LP64_OFF64_CFLAGS", _CS_XBS5_LP64_OFF64_CFLAGS},
    {"CS_XBS5_LP64_OFF64_LDFLAGS", _CS_XBS5_LP64_OFF64_LDFLAGS},
    {"CS_XBS5_LP64_OFF64_LIBS", _CS_XBS5_LP64_OFF64_LIBS},
    {"CS_XBS5_LP64_OFF64_LINTFLAGS", _CS_XBS5_LP64_OFF64_LINTFLAGS},
    {"CS_XBS5_LPBIG_OFFBIG_CFLAGS", _CS_XBS5_LPBIG_OFFBIG_CFLAGS},
    {"CS_XBS5_LPBIG_OFFBIG_LDFLAGS", _CS_XBS5_LPBIG_OFFBIG_LDFLAGS},
    {"CS_XBS5_LPBIG_OFFBIG_LIBS", _CS_XBS5_LPBIG_OFFBIG_LIBS},
    {"CS_XBS5_LPBIG_OFFBIG_LINTFLAGS", _CS_XBS5_LPBIG_OFFBIG_LINTFLAGS},
};
template <size_t N>
bool lookup(const ConfName (&table)[N], std::string_view name, int* value) {
  for (const ConfName& entry : table)
    if (name == entry.name) {
      *value = entry.value;
      return true;
    }
  return false;
}

// A configuration name: a str of the table, or an int (CPython: conv_confname).
template <size_t N>
bool conf_arg(Object* arg, const ConfName (&table)[N], int* value) {
  if (is_str(arg)) {
    if (lookup(table, as_str(arg)->view(), value)) return true;
    value_error("unrecognized configuration name");
    return false;
  }
  if (!type_lookup(arg->type, "__index__")) {
    type_error("configuration names must be strings or integers");
    return false;
  }
  return int_arg(arg, value);
}

gopy_Object* f_sysconf(gopy_Object*, gopy_Object* const* a) {
  int name;
  if (!conf_arg(obj(a[0]), kSysconfNames, &name)) return nullptr;
  errno = 0;
  long value = sysconf(name);
  if (value == -1 && errno != 0) return raise_errno(errno);
  return out(new_int(value));
}

gopy_Object* f_fpathconf(gopy_Object*, gopy_Object* const* a) {
  int fd, name;
  if (!fildes_arg(obj(a[0]), &fd) || !conf_arg(obj(a[1]), kPathconfNames, &name)) return nullptr;
  errno = 0;
  long value = fpathconf(fd, name);
  if (value == -1 && errno != 0) return raise_errno(errno);
  return out(new_int(value));
}

// A failure names the path, unless EINVAL, which may be the name's fault.
gopy_Object* f_pathconf(gopy_Object*, gopy_Object* const* a) {
  Path path;
  int name;
  if (!path_arg(obj(a[0]), "pathconf", "path", &path, true) || !conf_arg(obj(a[1]), kPathconfNames, &name))
    return nullptr;
  errno = 0;
  long value = path.fd >= 0 ? fpathconf(path.fd, name) : pathconf(path.c_str(), name);
  if (value == -1 && errno != 0) return raise_errno(errno, errno == EINVAL ? nullptr : path.object);
  return out(new_int(value));
}

// None when the name has no value.
gopy_Object* f_confstr(gopy_Object*, gopy_Object* const* a) {
  int name;
  if (!conf_arg(obj(a[0]), kConfstrNames, &name)) return nullptr;
  errno = 0;
  size_t length = confstr(name, nullptr, 0);
  if (length == 0) {
    if (errno != 0) return raise_errno(errno);
    return out(new_ref(None()));
  }
  std::string buffer(length, '\0');
  confstr(name, buffer.data(), length);
  buffer.resize(length - 1);
  return out(new_str_fs(buffer));
}

template <size_t N>
int add_table(ModuleObject* module, const char* attr, const ConfName (&table)[N]) {
  Ref<DictObject> names = Ref<DictObject>::steal(new_dict());
  if (!names) return -1;
  for (const ConfName& entry : table) {
    Ref<> value = Ref<>::steal(new_int(entry.value));
    if (!value || dict_set_str(names.get(), entry.name, value.get()) < 0) return -1;
  }
  return dict_set_str(module->dict, attr, names.get());
}

}  // namespace

int add_conf_names(Object* module) {
  auto* m = static_cast<ModuleObject*>(module);
  if (add_table(m, "sysconf_names", kSysconfNames) < 0 || add_table(m, "pathconf_names", kPathconfNames) < 0 ||
      add_table(m, "confstr_names", kConfstrNames) < 0)
    return -1;
  return 0;
}

const gopy_FunctionDef kConfFunctions[] = {
    {"sysconf", f_sysconf, "name, /", "Return an integer-valued system configuration variable."},
    {"fpathconf", f_fpathconf, "fd, name, /", "Return the configuration limit name for the file descriptor fd."},
    {"pathconf", f_pathconf, "path, name", "Return the configuration limit name for the file or directory path."},
    {"confstr", f_confstr, "name, /", "Return a string-valued system configuration variable."},
    {nullptr, nullptr, nullptr, nullptr},
};

}  // namespace gopy_posix
