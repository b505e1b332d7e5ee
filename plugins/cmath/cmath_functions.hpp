// cmath's functions on C doubles, with C99 Annex G's special values and CPython's
// algorithms, so that results are CPython's to the bit (CPython: Modules/cmathmodule.c).
#pragma once

namespace gopy_cmath {

struct Complex {
  double real, imag;
};

// What the computation signals: CPython's errno (EDOM: ValueError "math domain error",
// ERANGE: OverflowError "math range error").
enum class Signal { none, domain, range };

struct Result {
  Complex value;
  Signal signal;
};

using Function = Result (*)(Complex);

Result c_acos(Complex z);
Result c_acosh(Complex z);
Result c_asin(Complex z);
Result c_asinh(Complex z);
Result c_atan(Complex z);
Result c_atanh(Complex z);
Result c_cos(Complex z);
Result c_cosh(Complex z);
Result c_exp(Complex z);
Result c_log(Complex z);
Result c_log10(Complex z);
Result c_sin(Complex z);
Result c_sinh(Complex z);
Result c_sqrt(Complex z);
Result c_tan(Complex z);
Result c_tanh(Complex z);
Result c_rect(double r, double phi);
// a / b (CPython: Objects/complexobject.c _Py_c_quot; b == 0 is a domain error).
Result c_quotient(Complex a, Complex b);
// abs(z) (CPython: _Py_c_abs; an overflow is a range error).
double c_abs(Complex z, Signal* signal);

}  // namespace gopy_cmath
