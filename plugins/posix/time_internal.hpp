// The time module's shared pieces (CPython: Modules/timemodule.c).
#pragma once

#include <ctime>

#include "gopy/module.h"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"

namespace gopy_time {

using gopy::Object;

inline Object* obj(gopy_Object* o) { return reinterpret_cast<Object*>(o); }
inline gopy_Object* out(Object* o) { return reinterpret_cast<gopy_Object*>(o); }

// The time module (borrowed; set by its exec hook).
void set_time_module(gopy::ModuleObject* module);
gopy::ModuleObject* time_module();

// Seconds since the epoch from an int or float (None: now), rounded toward minus
// infinity as CPython's _PyTime_ObjectToTime_t(..., _PyTime_ROUND_FLOOR).
bool seconds_arg(Object* arg, time_t* out);
// A struct_time from a struct tm (tm_zone and tm_gmtoff included).
Object* struct_time_from(const struct tm& tm);
// A struct tm from a struct_time or a 9-tuple (CPython: gettmarg); false with TypeError.
bool tm_from_arg(Object* arg, const char* func, struct tm* tm, std::string* zone);
// CPython: checktm (asctime) and the extra checks strftime makes; false with ValueError.
bool check_tm(struct tm* tm, bool for_strftime);

extern const gopy_FunctionDef kClockFunctions[];
extern const gopy_FunctionDef kStructFunctions[];
// timezone, altzone, daylight and tzname (CPython: init_timezone).
int set_timezone_attrs(gopy::ModuleObject* module);

}  // namespace gopy_time
