// The gamma function and its logarithm by the Lanczos approximation (N=13,
// g=6.024680040776729583740234375, the rational form Boost uses), with the reflection
// formula below zero, so that the results are CPython's to the last bit rather than the
// C library's (CPython: Modules/mathmodule.c m_tgamma, m_lgamma, lanczos_sum, m_sinpi).
#include <cmath>

#include "math_gamma.hpp"

namespace gopy_math {

namespace {

constexpr int kLanczosN = 13;
constexpr double kLanczosG = 6.024680040776729583740234375;
constexpr double kLanczosGMinusHalf = 5.524680040776729583740234375;
constexpr double kNumerator[kLanczosN] = {
    23531376880.410759688572007674451636754734846804940, 42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843, 17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708, 1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801, 31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768, 186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024, 210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408};
// x*(x+1)*...*(x+11) expanded
constexpr double kDenominator[kLanczosN] = {0.0,        39916800.0, 120543840.0, 150917976.0, 105258076.0,
                                            45995730.0, 13339535.0, 2637558.0,   357423.0,    32670.0,
                                            1925.0,     66.0,       1.0};
constexpr int kExactGammas = 23;  // Gamma(1) .. Gamma(23) are exact doubles
constexpr double kPi = 3.141592653589793238462643383279502884197;
constexpr double kLogPi = 1.144729885849400174143427351353058711647;

double exact_gamma(int n) {
  double r = 1.0;
  for (int i = 2; i < n; ++i) r *= i;
  return r;
}

// The Lanczos sum for x > 0, in 1/x past 5 so that it cannot overflow.
double lanczos_sum(double x) {
  double num = 0.0, den = 0.0;
  if (x < 5.0) {
    for (int i = kLanczosN; --i >= 0;) {
      num = num * x + kNumerator[i];
      den = den * x + kDenominator[i];
    }
  } else {
    for (int i = 0; i < kLanczosN; ++i) {
      num = num / x + kNumerator[i];
      den = den / x + kDenominator[i];
    }
  }
  return num / den;
}

// sin(pi * x) for finite x, exact at the integers and half-integers.
double sin_pi(double x) {
  double y = std::fmod(std::fabs(x), 2.0);
  double r;
  switch (int(std::round(2.0 * y))) {
    case 0: r = std::sin(kPi * y); break;
    case 1: r = std::cos(kPi * (y - 0.5)); break;
    case 2: r = std::sin(kPi * (1.0 - y)); break;  // not -sin(pi*(y-1)): that gives -0.0 at 1
    case 3: r = -std::cos(kPi * (y - 1.5)); break;
    default: r = std::sin(kPi * (y - 2.0)); break;
  }
  return std::copysign(1.0, x) * r;
}

}  // namespace

GammaResult gamma(double x) {
  if (!std::isfinite(x)) {
    if (std::isnan(x) || x > 0.0) return {x, MathError::none};
    return {NAN, MathError::domain};
  }
  if (x == 0.0) return {std::copysign(HUGE_VAL, x), MathError::domain};
  if (x == std::floor(x)) {
    if (x < 0.0) return {NAN, MathError::domain};
    if (x <= kExactGammas) return {exact_gamma(int(x)), MathError::none};
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) {
    double r = 1.0 / x;
    return {r, std::isinf(r) ? MathError::range : MathError::none};
  }
  if (absx > 200.0) {
    if (x < 0.0) return {0.0 / sin_pi(x), MathError::none};
    return {HUGE_VAL, MathError::range};
  }
  double y = absx + kLanczosGMinusHalf;
  // The rounding error of y, carried as a correction (kept out of reach of reassociation).
  volatile double q = absx > kLanczosGMinusHalf ? y - absx : y - kLanczosGMinusHalf;
  double z = absx > kLanczosGMinusHalf ? q - kLanczosGMinusHalf : q - absx;
  z = z * kLanczosG / y;
  double r;
  if (x < 0.0) {
    r = -kPi / sin_pi(absx) / absx * std::exp(y) / lanczos_sum(absx);
    r -= z * r;
    if (absx < 140.0) {
      r /= std::pow(y, absx - 0.5);
    } else {
      double half = std::pow(y, absx / 2.0 - 0.25);
      r /= half;
      r /= half;
    }
  } else {
    r = lanczos_sum(absx) / std::exp(y);
    r += z * r;
    if (absx < 140.0) {
      r *= std::pow(y, absx - 0.5);
    } else {
      double half = std::pow(y, absx / 2.0 - 0.25);
      r *= half;
      r *= half;
    }
  }
  return {r, std::isinf(r) ? MathError::range : MathError::none};
}

GammaResult log_gamma(double x) {
  if (!std::isfinite(x)) return {std::isnan(x) ? x : HUGE_VAL, MathError::none};
  if (x == std::floor(x) && x <= 2.0) {
    if (x <= 0.0) return {HUGE_VAL, MathError::domain};
    return {0.0, MathError::none};
  }
  double absx = std::fabs(x);
  if (absx < 1e-20) return {-std::log(absx), MathError::none};
  double r = std::log(lanczos_sum(absx)) - kLanczosG;
  r += (absx - 0.5) * (std::log(absx + kLanczosG - 0.5) - 1);
  if (x < 0.0) r = kLogPi - std::log(std::fabs(sin_pi(absx))) - std::log(absx) - r;
  return {r, std::isinf(r) ? MathError::range : MathError::none};
}

}  // namespace gopy_math
