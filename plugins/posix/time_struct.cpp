// The time module's calendar functions: gmtime, localtime, mktime, strftime, asctime, ctime
// (CPython: Modules/timemodule.c time_gmtime, time_localtime, gettmarg, checktm,
// time_strftime, _asctime, time_mktime, init_timezone).
#include <cerrno>
#include <climits>
#include <cmath>
#include <string>

#include "time_internal.hpp"

namespace gopy_time {

using namespace gopy;

namespace {

ModuleObject* module_ref = nullptr;  // borrowed: lives until finalize frees every object

std::nullptr_t out_of_range() { return overflow_error("timestamp out of range for platform time_t"); }

Object* new_zone_str(const char* zone) { return zone ? new_str_fs(zone) : new_ref(None()); }

}  // namespace

void set_time_module(ModuleObject* module) { module_ref = module; }
ModuleObject* time_module() { return module_ref; }

bool seconds_arg(Object* arg, time_t* out) {
  if (arg == None()) {
    *out = time(nullptr);
    return true;
  }
  if (is_float(arg)) {
    double d = static_cast<FloatObject*>(arg)->value;
    if (std::isnan(d)) {
      value_error("Invalid value NaN (not a number)");
      return false;
    }
    d = std::floor(d);
    if (!(d >= static_cast<double>(LLONG_MIN) && d < static_cast<double>(LLONG_MAX))) {
      out_of_range();
      return false;
    }
    *out = static_cast<time_t>(d);
    return true;
  }
  Ref<> index = Ref<>::steal(number_index(arg));
  if (!index) return false;
  int64_t v;
  if (!int_to_int64(index.get(), &v)) {
    clear_error();
    out_of_range();
    return false;
  }
  *out = static_cast<time_t>(v);
  return true;
}

Object* struct_time_from(const struct tm& tm) {
  std::vector<Object*> items = {new_int(tm.tm_year + 1900LL), new_int(tm.tm_mon + 1), new_int(tm.tm_mday),
                                new_int(tm.tm_hour), new_int(tm.tm_min), new_int(tm.tm_sec),
                                new_int((tm.tm_wday + 6) % 7), new_int(tm.tm_yday + 1), new_int(tm.tm_isdst),
                                new_zone_str(tm.tm_zone), new_int(tm.tm_gmtoff)};
  Ref<> tuple = Ref<>::steal(new_tuple_steal(std::move(items)));
  Ref<> type = Ref<>::steal(get_attr(module_ref, "struct_time"));
  if (!tuple || !type) return nullptr;
  return call1(type.get(), tuple.get());
}

bool tm_from_arg(Object* arg, const char* func, struct tm* tm, std::string* zone) {
  if (!is_tuple(arg)) {
    type_error("Tuple or struct_time argument required");
    return false;
  }
  auto* t = static_cast<TupleObject*>(arg);
  if (t->items.size() != 9) {
    type_error(std::string(func) + "(): illegal time tuple argument");
    return false;
  }
  int64_t v[9];
  for (size_t i = 0; i < 9; ++i) {
    Object* item = t->items[i];
    if (is_float(item)) {
      type_error("'float' object cannot be interpreted as an integer");
      return false;
    }
    Ref<> index = Ref<>::steal(number_index(item));
    if (!index || !int_to_int64(index.get(), &v[i]) || v[i] > INT_MAX || v[i] < INT_MIN) {
      if (!error_occurred() || error_matches(&exc_OverflowError)) {
        clear_error();
        overflow_error("Python int too large to convert to C int");
      }
      return false;
    }
  }
  *tm = {};
  tm->tm_year = static_cast<int>(v[0] - 1900);
  tm->tm_mon = static_cast<int>(v[1] - 1);
  tm->tm_mday = static_cast<int>(v[2]);
  tm->tm_hour = static_cast<int>(v[3]);
  tm->tm_min = static_cast<int>(v[4]);
  tm->tm_sec = static_cast<int>(v[5]);
  tm->tm_wday = static_cast<int>((v[6] + 1) % 7);
  tm->tm_yday = static_cast<int>(v[7] - 1);
  tm->tm_isdst = static_cast<int>(v[8]);
  // A struct_time carries its zone and offset.
  Ref<> type = Ref<>::steal(get_attr(module_ref, "struct_time"));
  if (type && arg->type == reinterpret_cast<TypeObject*>(type.get())) {
    Ref<> z = Ref<>::steal(get_attr(arg, "tm_zone"));
    Ref<> off = Ref<>::steal(get_attr(arg, "tm_gmtoff"));
    if (z && z.get() != None() && is_str(z.get())) {
      *zone = as_str(z.get())->utf8;
      tm->tm_zone = zone->c_str();
    }
    int64_t gmtoff;
    if (off && off.get() != None() && is_int(off.get()) && int_to_int64(off.get(), &gmtoff)) tm->tm_gmtoff = gmtoff;
  }
  clear_error();
  return true;
}

bool check_tm(struct tm* tm, bool for_strftime) {
  const char* problem = nullptr;
  if (tm->tm_mon == -1) tm->tm_mon = 0;
  else if (tm->tm_mon < 0 || tm->tm_mon > 11) problem = "month out of range";
  if (!problem) {
    if (tm->tm_mday == 0) tm->tm_mday = 1;
    else if (tm->tm_mday < 0 || tm->tm_mday > 31) problem = "day of month out of range";
  }
  if (!problem && (tm->tm_hour < 0 || tm->tm_hour > 23)) problem = "hour out of range";
  if (!problem && (tm->tm_min < 0 || tm->tm_min > 59)) problem = "minute out of range";
  if (!problem && (tm->tm_sec < 0 || tm->tm_sec > 61)) problem = "seconds out of range";
  if (!problem && tm->tm_wday < 0) problem = "day of week out of range";
  if (!problem) {
    if (tm->tm_yday == -1) tm->tm_yday = 0;
    else if (tm->tm_yday < 0 || tm->tm_yday > 365) problem = "day of year out of range";
  }
  if (problem) {
    value_error(problem);
    return false;
  }
  if (for_strftime) {
    if (tm->tm_isdst < -1) tm->tm_isdst = -1;
    else if (tm->tm_isdst > 1) tm->tm_isdst = 1;
  }
  return true;
}

namespace {

gopy_Object* f_gmtime(gopy_Object*, gopy_Object* const* a) {
  time_t t;
  if (!seconds_arg(obj(a[0]), &t)) return nullptr;
  struct tm tm;
  if (gmtime_r(&t, &tm) == nullptr) return out(errno == EOVERFLOW ? out_of_range() : os_error_from_errno(errno));
  return out(struct_time_from(tm));
}

gopy_Object* f_localtime(gopy_Object*, gopy_Object* const* a) {
  time_t t;
  if (!seconds_arg(obj(a[0]), &t)) return nullptr;
  struct tm tm;
  if (localtime_r(&t, &tm) == nullptr) return out(errno == EOVERFLOW ? out_of_range() : os_error_from_errno(errno));
  return out(struct_time_from(tm));
}

bool now_or_tm(Object* arg, const char* func, struct tm* tm, std::string* zone) {
  if (arg == None()) {
    time_t t = time(nullptr);
    if (localtime_r(&t, tm) == nullptr) {
      os_error_from_errno(errno);
      return false;
    }
    return true;
  }
  return tm_from_arg(arg, func, tm, zone);
}

// CPython: _asctime ("Thu Jan  1 00:00:00 1970").
Object* asctime_of(const struct tm& tm) {
  static const char* const days[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static const char* const months[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                       "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  char buf[64];
  std::snprintf(buf, sizeof buf, "%s %s%3d %.2d:%.2d:%.2d %lld", days[tm.tm_wday], months[tm.tm_mon], tm.tm_mday,
                tm.tm_hour, tm.tm_min, tm.tm_sec, static_cast<long long>(tm.tm_year) + 1900);
  return new_str(buf);
}

gopy_Object* f_asctime(gopy_Object*, gopy_Object* const* a) {
  struct tm tm;
  std::string zone;
  if (!now_or_tm(obj(a[0]), "asctime", &tm, &zone) || !check_tm(&tm, false)) return nullptr;
  return out(asctime_of(tm));
}

gopy_Object* f_ctime(gopy_Object*, gopy_Object* const* a) {
  time_t t;
  if (!seconds_arg(obj(a[0]), &t)) return nullptr;
  struct tm tm;
  if (localtime_r(&t, &tm) == nullptr) return out(errno == EOVERFLOW ? out_of_range() : os_error_from_errno(errno));
  return out(asctime_of(tm));
}

gopy_Object* f_mktime(gopy_Object*, gopy_Object* const* a) {
  struct tm tm;
  std::string zone;
  if (!tm_from_arg(obj(a[0]), "mktime", &tm, &zone)) return nullptr;
  tm.tm_wday = -1;  // sentinel: mktime leaves it when it fails
  time_t t = mktime(&tm);
  if (t == static_cast<time_t>(-1) && tm.tm_wday == -1) return out(overflow_error("mktime argument out of range"));
  return out(new_float(static_cast<double>(t)));
}

// strftime of one run of ASCII format (CPython: time_strftime1): the buffer doubles while the
// result is empty, up to 256 times the format's length; an empty result past that is taken
// as a format that yields nothing (an empty %Z).
std::string strftime_run(const std::string& format, const struct tm& tm) {
  std::string buf(1024, '\0');
  for (;;) {
    size_t n = strftime(buf.data(), buf.size(), format.c_str(), &tm);
    if (n == 0 && buf.size() < 256 * format.size()) {
      buf.resize(buf.size() * 2);
      continue;
    }
    return buf.substr(0, n);
  }
}

// CPython: time_strftime. The C library sees only runs of ASCII without NUL; the text from
// a NUL or a non-ASCII character up to the next '%' is copied as it is.
gopy_Object* f_strftime(gopy_Object*, gopy_Object* const* a) {
  Object* format = obj(a[0]);
  if (!is_str(format))
    return out(type_error(std::string("strftime() argument 1 must be str, not ") + format->type->name));
  struct tm tm;
  std::string zone;
  if (!now_or_tm(obj(a[1]), "strftime", &tm, &zone) || !check_tm(&tm, true)) return nullptr;
  if (tm.tm_isdst < -1) tm.tm_isdst = -1;
  else if (tm.tm_isdst > 1) tm.tm_isdst = 1;
  std::string_view fmt = as_str(format)->view();  // UTF-8: non-ASCII code points are bytes >= 0x80
  std::string result;
  size_t i = 0;
  while (i < fmt.size()) {
    size_t start = i;
    while (i < fmt.size() && fmt[i] != '\0' && static_cast<unsigned char>(fmt[i]) < 0x80) ++i;
    if (i > start) {
      Ref<> piece = Ref<>::steal(new_str_fs(strftime_run(std::string(fmt.substr(start, i - start)), tm)));
      result += as_str(piece.get())->view();
    }
    start = i;
    while (i < fmt.size() && fmt[i] != '%') ++i;
    result.append(fmt.substr(start, i - start));
  }
  return out(new_str(result));
}

gopy_Object* f_strptime(gopy_Object*, gopy_Object* const* a) {
  Ref<> module = Ref<>::steal(reinterpret_cast<Object*>(gopy_Import("_strptime")));
  if (!module) return nullptr;
  Ref<> fn = Ref<>::steal(get_attr(module.get(), "_strptime_time"));
  if (!fn) return nullptr;
  return out(call2(fn.get(), obj(a[0]), obj(a[1])));
}

gopy_Object* f_tzset(gopy_Object*, gopy_Object* const*) {
  tzset();
  if (set_timezone_attrs(module_ref) < 0) return nullptr;
  return out(new_ref(None()));
}

}  // namespace

int set_timezone_attrs(ModuleObject* module) {
  tzset();
  time_t now = time(nullptr);
  struct tm today;
  localtime_r(&now, &today);
  struct tm jan = {}, jul = {};
  jan.tm_year = jul.tm_year = today.tm_year;
  jan.tm_mday = jul.tm_mday = 1;
  jul.tm_mon = 6;
  jan.tm_isdst = jul.tm_isdst = -1;
  time_t jan_t = mktime(&jan), jul_t = mktime(&jul);
  localtime_r(&jan_t, &jan);
  localtime_r(&jul_t, &jul);
  long janzone = -jan.tm_gmtoff, julzone = -jul.tm_gmtoff;
  std::string janname = jan.tm_zone ? jan.tm_zone : "", julname = jul.tm_zone ? jul.tm_zone : "";
  bool southern = janzone < julzone;  // DST is reversed in the southern hemisphere
  long zone = southern ? julzone : janzone, alt = southern ? janzone : julzone;
  Ref<> names = Ref<>::steal(new_tuple_steal(
      {new_str_fs(southern ? julname : janname), new_str_fs(southern ? janname : julname)}));
  Ref<> tz = Ref<>::steal(new_int(zone));
  Ref<> altz = Ref<>::steal(new_int(alt));
  Ref<> daylight = Ref<>::steal(new_int(janzone != julzone));
  if (!names || !tz || !altz || !daylight || dict_set_str(module->dict, "timezone", tz.get()) < 0 ||
      dict_set_str(module->dict, "altzone", altz.get()) < 0 ||
      dict_set_str(module->dict, "daylight", daylight.get()) < 0 ||
      dict_set_str(module->dict, "tzname", names.get()) < 0)
    return -1;
  return 0;
}

const gopy_FunctionDef kStructFunctions[] = {
    {"gmtime", f_gmtime, "seconds=None, /", "Convert seconds since the Epoch to a time tuple expressing UTC."},
    {"localtime", f_localtime, "seconds=None, /", "Convert seconds since the Epoch to a time tuple expressing local time."},
    {"asctime", f_asctime, "time_tuple=None, /", "Convert a time tuple to a string, e.g. 'Sat Jun 06 16:26:11 1998'."},
    {"ctime", f_ctime, "seconds=None, /", "Convert a time in seconds since the Epoch to a string in local time."},
    {"mktime", f_mktime, "time_tuple, /", "Convert a time tuple in local time to seconds since the Epoch."},
    {"strftime", f_strftime, "format, time_tuple=None, /", "Convert a time tuple to a string according to a format specification."},
    {"strptime", f_strptime, "data_string, format='%a %b %d %H:%M:%S %Y', /", "Parse a string to a time tuple according to a format specification."},
    {"tzset", f_tzset, "", "Initialize, or reinitialize, the local timezone to the value of the environment variable TZ."},
    {nullptr, nullptr, nullptr, nullptr},
};

}  // namespace gopy_time
