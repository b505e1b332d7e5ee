// complex objects (CPython: Objects/complexobject.c).
#pragma once
#include "gopy/api_begin.h"

#include "gopy/object.hpp"

namespace gopy {

extern TypeObject complex_type;

struct ComplexObject : Object {
  double real, imag;
  ComplexObject(double re, double im) : Object(&complex_type), real(re), imag(im) {}
};

inline bool is_complex(const Object* o) { return o->type == &complex_type || is_subtype(o->type, &complex_type); }
Object* new_complex(double real, double imag);
// repr(z): "2j", "(1-2j)", "(nan+infj)". CPython: Objects/complexobject.c complex_repr
Object* complex_repr_str(Object* z);
// format(z, spec) for a complex. CPython: Python/formatter_unicode.c format_complex_internal
Object* complex_format(Object* z, Object* spec);

// The type's slots (once) and methods (per interpreter, on first lookup).
void init_complex_type();

}  // namespace gopy
#include "gopy/api_end.h"
