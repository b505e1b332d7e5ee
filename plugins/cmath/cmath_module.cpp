// The cmath module: its functions over complex numbers, with CPython 3.14's parameters,
// special values and errors (CPython: Modules/cmathmodule.c). Arguments are bound by the
// module API; complex values are the kernel's objects.
#include <cmath>
#include <new>
#include <string>

#include "cmath_functions.hpp"
#include "gopy/module.h"
#include "gopy/object_complex.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_func.hpp"
#include "gopy/plugin.hpp"

namespace gopy_cmath {
namespace {

using gopy::Object;

Object* obj(gopy_Object* o) { return reinterpret_cast<Object*>(o); }
gopy_Object* handle(Object* o) { return reinterpret_cast<gopy_Object*>(o); }

// CPython: PyComplex_AsCComplex: a complex, then __complex__, then float(o).
bool complex_of(gopy_Object* arg, Complex* out) {
  Object* o = obj(arg);
  if (gopy::is_complex(o)) {
    auto* c = static_cast<gopy::ComplexObject*>(o);
    *out = {c->real, c->imag};
    return true;
  }
  if (gopy_Object* method = gopy_Object_LookupSpecial(arg, "__complex__")) {
    gopy_Object* result = gopy_Object_Call(method, nullptr, 0);
    gopy_DecRef(method);
    if (!result) return false;
    bool good = gopy::is_complex(obj(result));
    if (good) {
      auto* c = static_cast<gopy::ComplexObject*>(obj(result));
      *out = {c->real, c->imag};
    } else {
      gopy::type_error(std::string("__complex__ returned non-complex (type ") + gopy_Object_TypeName(result) + ")");
    }
    gopy_DecRef(result);
    return good;
  }
  if (gopy_Err_Occurred()) return false;
  out->imag = 0.0;
  return gopy_Float_AsDouble(arg, &out->real) == 0;
}

gopy_Object* signal_error(Signal s) {
  if (s == Signal::domain) return gopy_Err_Raise("ValueError", "math domain error");
  return gopy_Err_Raise("OverflowError", "math range error");
}

gopy_Object* complex_result(const Result& r) {
  if (r.signal != Signal::none) return signal_error(r.signal);
  return handle(gopy::new_complex(r.value.real, r.value.imag));
}

template <Function F>
gopy_Object* unary(gopy_Object*, gopy_Object* const* args) {
  Complex z;
  if (!complex_of(args[0], &z)) return nullptr;
  return complex_result(F(z));
}

// log(z[, base]) (CPython: cmath_log_impl: each logarithm, then their quotient).
gopy_Object* f_log(gopy_Object*, gopy_Object* const* args) {
  Complex z;
  if (!complex_of(args[0], &z)) return nullptr;
  Result r = c_log(z);
  if (args[1] != gopy_None()) {
    Complex base;
    if (!complex_of(args[1], &base)) return nullptr;
    Result b = c_log(base);
    Result q = c_quotient(r.value, b.value);
    Signal first = r.signal != Signal::none ? r.signal : b.signal != Signal::none ? b.signal : q.signal;
    r = {q.value, first};
  }
  return complex_result(r);
}

gopy_Object* f_phase(gopy_Object*, gopy_Object* const* args) {
  Complex z;
  if (!complex_of(args[0], &z)) return nullptr;
  return gopy_Float_FromDouble(std::atan2(z.imag, z.real));
}

gopy_Object* f_polar(gopy_Object*, gopy_Object* const* args) {
  Complex z;
  if (!complex_of(args[0], &z)) return nullptr;
  double phi = std::atan2(z.imag, z.real);
  Signal s;
  double r = c_abs(z, &s);
  if (s != Signal::none) return signal_error(s);
  gopy_Object* parts[2] = {gopy_Float_FromDouble(r), gopy_Float_FromDouble(phi)};
  gopy_Object* pair = parts[0] && parts[1] ? gopy_Tuple_New(parts, 2) : nullptr;
  gopy_DecRef(parts[0]);
  gopy_DecRef(parts[1]);
  return pair;
}

gopy_Object* f_rect(gopy_Object*, gopy_Object* const* args) {
  double r, phi;
  if (gopy_Float_AsDouble(args[0], &r) < 0 || gopy_Float_AsDouble(args[1], &phi) < 0) return nullptr;
  return complex_result(c_rect(r, phi));
}

template <bool (*Test)(Complex)>
gopy_Object* predicate(gopy_Object*, gopy_Object* const* args) {
  Complex z;
  if (!complex_of(args[0], &z)) return nullptr;
  return gopy_Bool_FromInt(Test(z));
}
bool both_finite(Complex z) { return std::isfinite(z.real) && std::isfinite(z.imag); }
bool either_nan(Complex z) { return std::isnan(z.real) || std::isnan(z.imag); }
bool either_inf(Complex z) { return std::isinf(z.real) || std::isinf(z.imag); }

// CPython: cmath_isclose_impl.
gopy_Object* f_isclose(gopy_Object*, gopy_Object* const* args) {
  Complex a, b;
  double rel_tol, abs_tol;
  if (!complex_of(args[0], &a) || !complex_of(args[1], &b) || gopy_Float_AsDouble(args[2], &rel_tol) < 0 ||
      gopy_Float_AsDouble(args[3], &abs_tol) < 0)
    return nullptr;
  if (rel_tol < 0.0 || abs_tol < 0.0) return gopy_Err_Raise("ValueError", "tolerances must be non-negative");
  if (a.real == b.real && a.imag == b.imag) return gopy_Bool_FromInt(1);
  if (either_inf(a) || either_inf(b)) return gopy_Bool_FromInt(0);
  Signal ignored;
  double diff = c_abs({a.real - b.real, a.imag - b.imag}, &ignored);
  bool close = diff <= rel_tol * c_abs(b, &ignored) || diff <= rel_tol * c_abs(a, &ignored) || diff <= abs_tol;
  return gopy_Bool_FromInt(close);
}

#define GOPY_CMATH_UNARY(name, doc) {#name, unary<c_##name>, "z, /", doc}
const gopy_FunctionDef kFunctions[] = {
    GOPY_CMATH_UNARY(acos, "Return the arc cosine of z."),
    GOPY_CMATH_UNARY(acosh, "Return the inverse hyperbolic cosine of z."),
    GOPY_CMATH_UNARY(asin, "Return the arc sine of z."),
    GOPY_CMATH_UNARY(asinh, "Return the inverse hyperbolic sine of z."),
    GOPY_CMATH_UNARY(atan, "Return the arc tangent of z."),
    GOPY_CMATH_UNARY(atanh, "Return the inverse hyperbolic tangent of z."),
    GOPY_CMATH_UNARY(cos, "Return the cosine of z."),
    GOPY_CMATH_UNARY(cosh, "Return the hyperbolic cosine of z."),
    GOPY_CMATH_UNARY(exp, "Return the exponential value e**z."),
    GOPY_CMATH_UNARY(log10, "Return the base-10 logarithm of z."),
    GOPY_CMATH_UNARY(sin, "Return the sine of z."),
    GOPY_CMATH_UNARY(sinh, "Return the hyperbolic sine of z."),
    GOPY_CMATH_UNARY(sqrt, "Return the square root of z."),
    GOPY_CMATH_UNARY(tan, "Return the tangent of z."),
    GOPY_CMATH_UNARY(tanh, "Return the hyperbolic tangent of z."),
    {"log", f_log, "z, base=None, /",
     "log(z[, base]) -> the logarithm of z to the given base.\n\nIf the base is not specified, returns the natural "
     "logarithm (base e) of z."},
    {"phase", f_phase, "z, /", "Return argument, also known as the phase angle, of a complex."},
    {"polar", f_polar, "z, /",
     "Convert a complex from rectangular coordinates to polar coordinates.\n\nr is the distance from 0 and phi the "
     "phase angle."},
    {"rect", f_rect, "r, phi, /", "Convert from polar coordinates to rectangular coordinates."},
    {"isfinite", predicate<both_finite>, "z, /",
     "Return True if both the real and imaginary parts of z are finite, else False."},
    {"isnan", predicate<either_nan>, "z, /", "Checks if the real or imaginary part of z not a number (NaN)."},
    {"isinf", predicate<either_inf>, "z, /", "Checks if the real or imaginary part of z is infinite."},
    {"isclose", f_isclose, "a, b, *, rel_tol=1e-09, abs_tol=0.0",
     "Determine whether two complex numbers are close in value."},
    {nullptr, nullptr, nullptr, nullptr},
};
#undef GOPY_CMATH_UNARY

const gopy_ConstantDef kConstants[] = {
    GOPY_CONST_FLOAT("pi", M_PI),   GOPY_CONST_FLOAT("e", M_E),   GOPY_CONST_FLOAT("tau", 2 * M_PI),
    GOPY_CONST_FLOAT("inf", HUGE_VAL), GOPY_CONST_FLOAT("nan", NAN), {nullptr, GOPY_CONST_INT, 0, 0.0, nullptr},
};

// infj and nanj: complex constants, which the module API's constants cannot express.
int exec_module(gopy_plugin_context*, gopy_Object* m) {
  auto* module = reinterpret_cast<gopy::ModuleObject*>(m);
  try {
    gopy::Ref<> infj = gopy::Ref<>::steal(gopy::new_complex(0.0, HUGE_VAL));
    gopy::Ref<> nanj = gopy::Ref<>::steal(gopy::new_complex(0.0, NAN));
    if (gopy::dict_set_str(module->dict, "infj", infj.get()) < 0 ||
        gopy::dict_set_str(module->dict, "nanj", nanj.get()) < 0)
      return -1;
    return 0;
  } catch (const std::bad_alloc&) {
    gopy::no_memory();
    return -1;
  }
}

const gopy_ModuleDef kModule = {
    GOPY_MODULE_API_VERSION,
    "cmath",
    "This module provides access to mathematical functions for complex\nnumbers.",
    kFunctions,
    nullptr,
    kConstants,
    nullptr,
    exec_module,
};

gopy::Status attach(gopy_plugin_context&) { return gopy::Status::ok(); }
gopy::Status detach(gopy_plugin_context&) { return gopy::Status::ok(); }

}  // namespace
}  // namespace gopy_cmath

GOPY_PLUGIN(gopy_plugin_cmath, "cmath", gopy_cmath::attach, gopy_cmath::detach)
GOPY_MODULE_INIT(cmath, gopy_cmath::kModule)
