// The math module's definition: its functions with CPython 3.14's parameters, and its
// constants (CPython: Modules/mathmodule.c math_methods, math_exec).
#include <cmath>

#include "math_internal.hpp"

namespace gopy_math {
namespace {

#define GOPY_MATH_DEF(name, params) {#name, math_##name, params, nullptr}
const gopy_FunctionDef kFunctions[] = {
    GOPY_MATH_DEF(acos, "x, /"),       GOPY_MATH_DEF(acosh, "x, /"),
    GOPY_MATH_DEF(asin, "x, /"),       GOPY_MATH_DEF(asinh, "x, /"),
    GOPY_MATH_DEF(atan, "x, /"),       GOPY_MATH_DEF(atan2, "y, x, /"),
    GOPY_MATH_DEF(atanh, "x, /"),      GOPY_MATH_DEF(cbrt, "x, /"),
    GOPY_MATH_DEF(ceil, "x, /"),       GOPY_MATH_DEF(comb, "n, k, /"),
    GOPY_MATH_DEF(copysign, "x, y, /"), GOPY_MATH_DEF(cos, "x, /"),
    GOPY_MATH_DEF(cosh, "x, /"),       GOPY_MATH_DEF(degrees, "x, /"),
    GOPY_MATH_DEF(dist, "p, q, /"),    GOPY_MATH_DEF(erf, "x, /"),
    GOPY_MATH_DEF(erfc, "x, /"),       GOPY_MATH_DEF(exp, "x, /"),
    GOPY_MATH_DEF(exp2, "x, /"),       GOPY_MATH_DEF(expm1, "x, /"),
    GOPY_MATH_DEF(fabs, "x, /"),       GOPY_MATH_DEF(factorial, "n, /"),
    GOPY_MATH_DEF(floor, "x, /"),      GOPY_MATH_DEF(fma, "x, y, z, /"),
    GOPY_MATH_DEF(fmod, "x, y, /"),    GOPY_MATH_DEF(frexp, "x, /"),
    GOPY_MATH_DEF(fsum, "seq, /"),     GOPY_MATH_DEF(gamma, "x, /"),
    GOPY_MATH_DEF(gcd, "*integers"),   GOPY_MATH_DEF(hypot, "*coordinates"),
    GOPY_MATH_DEF(isclose, "a, b, *, rel_tol=1e-09, abs_tol=0.0"),
    GOPY_MATH_DEF(isfinite, "x, /"),   GOPY_MATH_DEF(isinf, "x, /"),
    GOPY_MATH_DEF(isnan, "x, /"),      GOPY_MATH_DEF(isqrt, "n, /"),
    GOPY_MATH_DEF(lcm, "*integers"),   GOPY_MATH_DEF(ldexp, "x, i, /"),
    GOPY_MATH_DEF(lgamma, "x, /"),     GOPY_MATH_DEF(log, "x, base=None, /"),
    GOPY_MATH_DEF(log10, "x, /"),      GOPY_MATH_DEF(log1p, "x, /"),
    GOPY_MATH_DEF(log2, "x, /"),       GOPY_MATH_DEF(modf, "x, /"),
    GOPY_MATH_DEF(nextafter, "x, y, /, *, steps=None"),
    GOPY_MATH_DEF(perm, "n, k=None, /"), GOPY_MATH_DEF(pow, "x, y, /"),
    GOPY_MATH_DEF(prod, "iterable, /, *, start=1"),
    GOPY_MATH_DEF(radians, "x, /"),    GOPY_MATH_DEF(remainder, "x, y, /"),
    GOPY_MATH_DEF(sin, "x, /"),        GOPY_MATH_DEF(sinh, "x, /"),
    GOPY_MATH_DEF(sqrt, "x, /"),       GOPY_MATH_DEF(sumprod, "p, q, /"),
    GOPY_MATH_DEF(tan, "x, /"),        GOPY_MATH_DEF(tanh, "x, /"),
    GOPY_MATH_DEF(trunc, "x, /"),      GOPY_MATH_DEF(ulp, "x, /"),
    {nullptr, nullptr, nullptr, nullptr},
};
#undef GOPY_MATH_DEF

const gopy_ConstantDef kConstants[] = {
    GOPY_CONST_FLOAT("pi", M_PI),
    GOPY_CONST_FLOAT("e", M_E),
    GOPY_CONST_FLOAT("tau", 2 * M_PI),
    GOPY_CONST_FLOAT("inf", HUGE_VAL),
    GOPY_CONST_FLOAT("nan", NAN),
    {nullptr, GOPY_CONST_INT, 0, 0.0, nullptr},
};

const gopy_ModuleDef kModule = {
    GOPY_MODULE_API_VERSION,
    "math",
    "This module provides access to the mathematical functions\ndefined by the C standard.",
    kFunctions,
    nullptr,
    kConstants,
    nullptr,
    nullptr,
};

}  // namespace
}  // namespace gopy_math

GOPY_MODULE_PLUGIN(gopy_plugin_math, "math")
GOPY_MODULE_INIT(math, gopy_math::kModule)
