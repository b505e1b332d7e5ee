// gamma and lgamma as CPython computes them (math_gamma.cpp).
#pragma once

namespace gopy_math {

enum class MathError { none, domain, range };
struct GammaResult {
  double value;
  MathError error;
};

GammaResult gamma(double x);
GammaResult log_gamma(double x);

}  // namespace gopy_math
