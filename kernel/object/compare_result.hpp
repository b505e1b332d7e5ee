// A three-way comparison's answer to a rich comparison operator (kernel-internal).
#pragma once

#include "gopy/object.hpp"
#include "gopy/object_num.hpp"

namespace gopy {

// True or False for `c <op> 0`, c being <0, 0 or >0 as from a three-way comparison.
inline Object* compare_result(int c, CompareOp op) {
  bool t = false;
  switch (op) {
    case CompareOp::lt: t = c < 0; break;
    case CompareOp::le: t = c <= 0; break;
    case CompareOp::eq: t = c == 0; break;
    case CompareOp::ne: t = c != 0; break;
    case CompareOp::gt: t = c > 0; break;
    case CompareOp::ge: t = c >= 0; break;
  }
  return new_bool(t);
}

}  // namespace gopy
