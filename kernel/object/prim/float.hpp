// Float primitives: repr, parsing, rounding and the arithmetic whose Python semantics
// differ from C's (floor division, modulo, pow). Pure functions over double.
#pragma once
#include "gopy/api_begin.h"

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>

#include "object/prim/result.hpp"

namespace gopy::prim {

// repr(x) / str(x): the shortest string that round-trips, in CPython's layout
// (`1e+16`, `1e-07`, `0.1`, `1.0`, `inf`, `-0.0`, `nan`).
// CPython: Objects/floatobject.c float_repr, Python/pystrtod.c PyOS_double_to_string 'r'
std::string float_repr(double x);

// float(text) for a str argument: surrounding whitespace, sign, underscores between
// digits, inf/infinity/nan in any case, Unicode decimal digits and spaces.
// Error: ValueError "could not convert string to float: 'x'".
// CPython: Objects/floatobject.c PyFloat_FromString, Python/pystrtod.c _Py_string_to_number_with_underscores
Result<double> parse_float(std::u32string_view text);

// Float literal in source code (digits with underscores already validated by the tokenizer).
// CPython: Python/pystrtod.c PyOS_string_to_double
Result<double> parse_float_literal(std::string_view text);

// True division a / b. CPython: Objects/floatobject.c float_div
Result<double> float_truediv(double a, double b);
// a // b with Python's flooring. CPython: Objects/floatobject.c float_floor_div
Result<double> float_floordiv(double a, double b);
// a % b with the sign of b. CPython: Objects/floatobject.c float_rem
Result<double> float_mod(double a, double b);
// divmod(a, b) as (floor quotient, remainder). CPython: Objects/floatobject.c float_divmod
Result<std::pair<double, double>> float_divmod(double a, double b);
// a ** b. A negative base with a non-integral exponent gives a complex number in CPython;
// gopy has no complex type, so that case is a ValueError naming it.
// CPython: Objects/floatobject.c float_pow
Result<double> float_pow(double a, double b);

// round(x): nearest integer, halves to even (still a double; convert with int_from_double).
// CPython: Objects/floatobject.c float___round___impl (ndigits None)
double float_round_half_even(double x);
// round(x, ndigits): correctly rounded on the exact binary value (round(2.675, 2) == 2.67).
// An ndigits beyond int64 saturates (int_as_clamped_index), as CPython's does.
// CPython: Objects/floatobject.c double_round
Result<double> float_round(double x, int64_t ndigits);

// float.is_integer(). CPython: Objects/floatobject.c float_is_integer_impl
bool float_is_integer(double x);

}  // namespace gopy::prim
#include "gopy/api_end.h"
