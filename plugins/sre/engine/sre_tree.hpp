// The parsed form of a pattern (CPython: Lib/re/_parser.py SubPattern), between the parser
// (sre_parse.cpp) and the compiler (sre_compile.cpp).
#pragma once

#include <cstdint>
#include <vector>

#include "sre_engine.hpp"

namespace gopy::sre {

enum class NodeOp : uint8_t {
  kLiteral,      // a: code point
  kNotLiteral,   // a: code point
  kAny,
  kIn,           // set, negate
  kAt,           // a: AtKind as written (^ $ \A \Z \b \B before the flags apply)
  kBranch,       // subs: the alternatives
  kSubpattern,   // group (-1: none), add/del flags, subs[0]
  kRepeat,       // a: min, b: max, mode, subs[0]
  kGroupRef,     // group
  kGroupExists,  // group, subs[0] yes, subs[1] no (may be absent)
  kAssert,       // dir, subs[0]
  kAssertNot,    // dir, subs[0]
  kAtomic,       // subs[0]
  kFailure,
};

struct Node;
using Seq = std::vector<Node>;

struct Node {
  explicit Node(NodeOp o) : op(o) {}
  NodeOp op;
  uint32_t a = 0, b = 0;
  int group = -1;
  int add_flags = 0, del_flags = 0;
  RepeatMode mode = kGreedy;
  int dir = 1;
  bool negate = false;
  std::vector<SetItem> set;
  std::vector<Seq> subs;
};

// The width range of a subpattern (CPython: SubPattern.getwidth), saturated at kMaxWidth.
inline constexpr uint64_t kMaxWidth = UINT64_MAX;
struct Width {
  uint64_t lo = 0, hi = 0;
};

struct ParseResult {
  Seq tree;
  int flags = 0;
  int groups = 1;  // as CPython's state.groups: group 0 included
  std::vector<Width> group_widths;
  std::vector<std::pair<std::u32string, int>> group_names;
  std::vector<std::string> warnings;  // FutureWarning messages, in the order CPython gives them
};

bool parse(std::u32string_view pattern, int flags, bool bytes, ParseResult* out, Error* error);
Width seq_width(const Seq& seq, const std::vector<Width>& group_widths);

}  // namespace gopy::sre
