// BaseExceptionGroup and ExceptionGroup (PEP 654), and what `except*` needs from them
// (kernel-internal). CPython: Objects/exceptions.c BaseExceptionGroup_new,
// exceptiongroup_split_recursive, _PyExc_PrepReraiseStar.
#pragma once

#include "gopy/object.hpp"
#include "gopy/object_exc.hpp"

namespace gopy {

// ExceptionGroup's base is Exception (so `except Exception` catches it); isinstance of
// BaseExceptionGroup is answered by is_exception_group until types have several bases.
extern TypeObject exc_BaseExceptionGroup;
extern TypeObject exc_ExceptionGroup;

bool is_exception_group(const Object* o);
// A group's `exceptions` tuple (new reference).
Object* exception_group_members(Object* group);
// Sets up both types, their slots based on `base_slots` (an exception type's), and
// BaseException.add_note (exceptions.cpp calls it).
void init_exception_group_types(const TypeObject& base_slots);
void init_exception_group_methods();
// ExceptionGroup's __bases__ and __mro__ in a new interpreter.
void init_exception_group_bases();

// `except* T`: (match, rest) of `exc` (None stands for no exception) against `type`; a
// naked exception that matches is wrapped in ExceptionGroup('', [exc]) whose traceback
// starts at `frame_*`. 0, or -1 with an exception set (TypeError for an invalid type).
int exception_group_match(Object* exc, Object* type, Object** match, Object** rest, StrObject* frame_file,
                          StrObject* frame_func, int frame_line);
// The exception an except* statement raises at its end from the caught `orig` and the
// exceptions its clauses raised plus the unhandled rest (None entries skipped): None when
// nothing is left (new reference, null on error).
Object* exception_group_prep_reraise(Object* orig, ListObject* raised);

}  // namespace gopy
