// Internal: CPython's PyOS_double_to_string over std::to_chars, shared by float repr and
// the format-spec mini-language.
#pragma once
#include "gopy/api_begin.h"

#include <string>

namespace gopy::prim {

// Flags as CPython's Py_DTSF_*.
inline constexpr unsigned kDtsfSign = 0x01;      // always write a sign
inline constexpr unsigned kDtsfAddDot0 = 0x02;   // integers in fixed form get ".0"
inline constexpr unsigned kDtsfAlt = 0x04;       // '#': keep the point and trailing zeros
inline constexpr unsigned kDtsfNoNegZero = 0x08; // 'z': -0 rounds to 0

// `code` is one of e E f F g G r; `precision` is ignored for r.
// CPython: Python/pystrtod.c PyOS_double_to_string, format_float_short
std::string double_to_string(double value, char code, int precision, unsigned flags);

}  // namespace gopy::prim
#include "gopy/api_end.h"
