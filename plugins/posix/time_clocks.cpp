// The time module's clocks and sleep (CPython: Modules/timemodule.c time_time,
// time_monotonic, time_perf_counter, time_process_time, time_sleep, time_get_clock_info).
#include <cerrno>
#include <climits>
#include <cmath>
#include <cstring>

#include "gopy/signals.hpp"
#include "posix_internal.hpp"
#include "time_internal.hpp"

namespace gopy_time {

using namespace gopy;

namespace {

Object* clock_seconds(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return gopy_posix::timespec_seconds(ts);
}

Object* clock_ns(clockid_t clock) {
  timespec ts;
  clock_gettime(clock, &ts);
  return gopy_posix::timespec_ns(ts);
}

gopy_Object* f_time(gopy_Object*, gopy_Object* const*) { return out(clock_seconds(CLOCK_REALTIME)); }
gopy_Object* f_time_ns(gopy_Object*, gopy_Object* const*) { return out(clock_ns(CLOCK_REALTIME)); }
gopy_Object* f_monotonic(gopy_Object*, gopy_Object* const*) { return out(clock_seconds(CLOCK_MONOTONIC)); }
gopy_Object* f_monotonic_ns(gopy_Object*, gopy_Object* const*) { return out(clock_ns(CLOCK_MONOTONIC)); }
gopy_Object* f_process_time(gopy_Object*, gopy_Object* const*) { return out(clock_seconds(CLOCK_PROCESS_CPUTIME_ID)); }
gopy_Object* f_process_time_ns(gopy_Object*, gopy_Object* const*) { return out(clock_ns(CLOCK_PROCESS_CPUTIME_ID)); }
gopy_Object* f_thread_time(gopy_Object*, gopy_Object* const*) { return out(clock_seconds(CLOCK_THREAD_CPUTIME_ID)); }
gopy_Object* f_thread_time_ns(gopy_Object*, gopy_Object* const*) { return out(clock_ns(CLOCK_THREAD_CPUTIME_ID)); }

// CPython: time_clockid_converter (clock_gettime, clock_gettime_ns): any failure of
// PyLong_AsInt is "clk_id should be integer, not T".
bool clock_id_arg(Object* arg, clockid_t* id) {
  int v;
  if (!gopy_posix::int_arg(arg, &v)) {
    clear_error();
    type_error(std::string("clk_id should be integer, not ") + arg->type->name);
    return false;
  }
  *id = static_cast<clockid_t>(v);
  return true;
}

// CPython: time_clock_getres parses clk_id with the "i" format and its messages.
bool getres_id_arg(Object* arg, clockid_t* id) {
  Ref<> index = Ref<>::steal(number_index(arg));
  if (!index) return false;
  int64_t v;
  if (!int_to_int64(index.get(), &v)) {
    if (!error_occurred()) overflow_error("Python int too large to convert to C long");
    return false;
  }
  if (v > INT_MAX || v < INT_MIN) {
    overflow_error(v > INT_MAX ? "signed integer is greater than maximum" : "signed integer is less than minimum");
    return false;
  }
  *id = static_cast<clockid_t>(v);
  return true;
}

gopy_Object* f_clock_gettime(gopy_Object*, gopy_Object* const* a) {
  clockid_t id;
  if (!clock_id_arg(obj(a[0]), &id)) return nullptr;
  timespec ts;
  if (clock_gettime(id, &ts) != 0) return out(os_error_from_errno(errno));
  return out(gopy_posix::timespec_seconds(ts));
}

gopy_Object* f_clock_gettime_ns(gopy_Object*, gopy_Object* const* a) {
  clockid_t id;
  if (!clock_id_arg(obj(a[0]), &id)) return nullptr;
  timespec ts;
  if (clock_gettime(id, &ts) != 0) return out(os_error_from_errno(errno));
  return out(gopy_posix::timespec_ns(ts));
}

gopy_Object* f_clock_getres(gopy_Object*, gopy_Object* const* a) {
  clockid_t id;
  if (!getres_id_arg(obj(a[0]), &id)) return nullptr;
  timespec ts;
  if (clock_getres(id, &ts) != 0) return out(os_error_from_errno(errno));
  return out(gopy_posix::timespec_seconds(ts));
}

// CPython: _PyType_GetFullyQualifiedName, what %T prints: module.qualname, the module left
// out for builtins and __main__.
std::string fully_qualified_name(TypeObject* t) {
  Ref<> qualname = Ref<>::steal(get_attr(t, "__qualname__"));
  std::string name = qualname && is_str(qualname.get()) ? std::string(as_str(qualname.get())->view()) : t->name;
  if (!qualname) clear_error();
  Ref<> module = Ref<>::steal(get_attr(t, "__module__"));
  if (!module) {
    clear_error();
    return name;
  }
  if (!is_str(module.get())) return name;
  std::string_view mod = as_str(module.get())->view();
  if (mod == "builtins" || mod == "__main__") return name;
  return std::string(mod) + "." + name;
}

// CPython: time_sleep, _PyTime_FromSecondsObject (a float or an int; NaN refused).
gopy_Object* f_sleep(gopy_Object*, gopy_Object* const* a) {
  Object* arg = obj(a[0]);
  double secs;
  if (is_float(arg)) {
    secs = static_cast<FloatObject*>(arg)->value;
    if (std::isnan(secs)) return out(value_error("Invalid value NaN (not a number)"));
  } else {
    Ref<> index = Ref<>::steal(number_index(arg));
    if (!index && error_matches(&exc_TypeError)) {
      // pytime_from_object rewords PyLong_AsLongLong's type error, naming the type by %T.
      clear_error();
      return out(type_error("'" + fully_qualified_name(arg->type) + "' object cannot be interpreted as an integer or float"));
    }
    if (!index || !int_to_double(index.get(), &secs)) {
      if (index) return out(overflow_error("timestamp too large to convert to C _PyTime_t"));
      return nullptr;
    }
  }
  if (secs < 0) return out(value_error("sleep length must be non-negative"));
  timespec deadline;
  clock_gettime(CLOCK_MONOTONIC, &deadline);
  double whole = std::floor(secs);
  deadline.tv_sec += static_cast<time_t>(whole);
  deadline.tv_nsec += static_cast<long>((secs - whole) * 1e9);
  if (deadline.tv_nsec >= 1000000000) {
    deadline.tv_sec += 1;
    deadline.tv_nsec -= 1000000000;
  }
  // CPython: Modules/timemodule.c pysleep: a signal interrupting the sleep runs its handler
  // (SIGINT raises KeyboardInterrupt) before the sleep goes on to its deadline (PEP 475).
  // One that came just before the call is acted on first, not after the whole sleep.
  if (check_signals() < 0) return nullptr;
  int rc;
  while ((rc = clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &deadline, nullptr)) == EINTR) {
    if (check_signals() < 0) return nullptr;
  }
  if (rc != 0) return out(os_error_from_errno(rc));
  return out(new_ref(None()));
}

gopy_Object* f_get_clock_info(gopy_Object*, gopy_Object* const* a) {
  Object* name_obj = obj(a[0]);
  if (!is_str(name_obj))
    return out(type_error(std::string("get_clock_info() argument 1 must be str, not ") + name_obj->type->name));
  std::string_view name = as_str(name_obj)->view();
  const char* impl;
  clockid_t clock;
  bool monotonic = true, adjustable = false;
  if (name == "time") {
    impl = "clock_gettime(CLOCK_REALTIME)";
    clock = CLOCK_REALTIME;
    monotonic = false;
    adjustable = true;
  } else if (name == "monotonic" || name == "perf_counter") {
    impl = "clock_gettime(CLOCK_MONOTONIC)";
    clock = CLOCK_MONOTONIC;
  } else if (name == "process_time") {
    impl = "clock_gettime(CLOCK_PROCESS_CPUTIME_ID)";
    clock = CLOCK_PROCESS_CPUTIME_ID;
  } else if (name == "thread_time") {
    impl = "clock_gettime(CLOCK_THREAD_CPUTIME_ID)";
    clock = CLOCK_THREAD_CPUTIME_ID;
  } else {
    return out(value_error("unknown clock"));
  }
  timespec res;
  clock_getres(clock, &res);
  Ref<NamespaceObject> info = Ref<NamespaceObject>::steal(new_namespace());
  if (!info) return nullptr;
  Ref<> impl_str = Ref<>::steal(new_str(impl));
  Ref<> resolution = Ref<>::steal(gopy_posix::timespec_seconds(res));
  if (!impl_str || !resolution || dict_set_str(info->dict, "implementation", impl_str.get()) < 0 ||
      dict_set_str(info->dict, "monotonic", monotonic ? True() : False()) < 0 ||
      dict_set_str(info->dict, "adjustable", adjustable ? True() : False()) < 0 ||
      dict_set_str(info->dict, "resolution", resolution.get()) < 0)
    return nullptr;
  return out(info.release());
}

}  // namespace

const gopy_FunctionDef kClockFunctions[] = {
    {"time", f_time, "", "Return the current time in seconds since the Epoch."},
    {"time_ns", f_time_ns, "", "Return the current time in nanoseconds since the Epoch."},
    {"monotonic", f_monotonic, "", "Monotonic clock, cannot go backward."},
    {"monotonic_ns", f_monotonic_ns, "", "Monotonic clock, cannot go backward, as nanoseconds."},
    {"perf_counter", f_monotonic, "", "Performance counter for benchmarking."},
    {"perf_counter_ns", f_monotonic_ns, "", "Performance counter for benchmarking as nanoseconds."},
    {"process_time", f_process_time, "", "Process time for profiling: sum of the kernel and user-space CPU time."},
    {"process_time_ns", f_process_time_ns, "", "Process time for profiling as nanoseconds."},
    {"thread_time", f_thread_time, "", "Thread time for profiling: sum of the kernel and user-space CPU time."},
    {"thread_time_ns", f_thread_time_ns, "", "Thread time for profiling as nanoseconds."},
    {"clock_gettime", f_clock_gettime, "clk_id, /", "Return the time of the specified clock clk_id."},
    {"clock_gettime_ns", f_clock_gettime_ns, "clk_id, /", "Return the time of the specified clock clk_id as nanoseconds."},
    {"clock_getres", f_clock_getres, "clk_id, /", "Return the resolution (precision) of the specified clock clk_id."},
    {"sleep", f_sleep, "seconds, /", "Delay execution for a given number of seconds."},
    {"get_clock_info", f_get_clock_info, "name, /", "Get information of the specified clock."},
    {nullptr, nullptr, nullptr, nullptr},
};

}  // namespace gopy_time
