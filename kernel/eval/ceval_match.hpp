// The run-time side of `match` (CPython: Python/ceval.c _PyEval_MatchClass,
// _PyEval_MatchKeys, and the MATCH_SEQUENCE/MATCH_MAPPING flags tests of bytecodes.c).
#pragma once

#include "gopy/object.hpp"

namespace gopy {

// Whether a sequence pattern may match the subject (list, tuple, range, memoryview and
// their subclasses; never str, bytes or bytearray).
bool match_is_sequence(const Object* subject);
// Whether a mapping pattern may match the subject (dict and its subclasses).
bool match_is_mapping(const Object* subject);
// The values of `keys` (a tuple) in the mapping, as a tuple; None when one is missing;
// null with an exception set.
Object* match_keys(Object* subject, Object* keys);
// The attributes a class pattern matches against, as a tuple (the positional ones
// through __match_args__, then the keyword `names`); None when the subject is no
// instance or lacks one; null with an exception set.
Object* match_class(Object* subject, Object* cls, int nargs, Object* names);

}  // namespace gopy
