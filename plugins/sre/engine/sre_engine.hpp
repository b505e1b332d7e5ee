// gopy's regular-expression engine, following sre's design (CPython: Lib/re/_parser.py,
// Lib/re/_compiler.py, Modules/_sre/sre_lib.h): a parser from the pattern's code points to
// a tree, a compiler from the tree to a program of instructions, and a backtracking
// matcher that keeps its choice points on an explicit stack (no native recursion, so a
// deep pattern or a long subject cannot overflow the C stack). It knows nothing of
// Python objects: the _sre module plugin wraps it, and the fuzz target drives it directly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gopy::sre {

using ssize = std::ptrdiff_t;

// The flag values of CPython's re (Lib/re/_constants.py SRE_FLAG_*).
enum Flag : int {
  kTemplate = 1,
  kIgnoreCase = 2,
  kLocale = 4,
  kMultiline = 8,
  kDotAll = 16,
  kUnicode = 32,
  kVerbose = 64,
  kDebug = 128,
  kAscii = 256,
};

inline constexpr uint32_t kMaxRepeat = 0xFFFFFFFFu;  // CPython's MAXREPEAT on 64-bit builds
inline constexpr int kMaxGroups = 0x3FFFFFFF;         // CPython's MAXGROUPS (64-bit: INT32_MAX / 2)

// A compile error: CPython's message and the position in the pattern (-1: none). The kind
// says which exception CPython raises: re.error (kPattern), OverflowError for "the
// repetition number is too large", ValueError for bad flag combinations, IndexError for
// an unknown group name in a template, RecursionError for a pattern nested too deep.
struct Error {
  std::string msg;
  ssize pos = -1;
  enum Kind { kPattern, kOverflow, kValue, kIndex, kRecursion } kind = kPattern;
};

// Character categories (\d \D \s \S \w \W).
enum class Category : uint8_t { kDigit, kNotDigit, kSpace, kNotSpace, kWord, kNotWord };

struct SetItem {
  enum Kind : uint8_t { kLiteral, kRange, kCategory };
  SetItem(Kind k, char32_t l, char32_t h, Category cat = Category::kDigit) : kind(k), lo(l), hi(h), category(cat) {}
  Kind kind;
  char32_t lo = 0, hi = 0;
  Category category = Category::kDigit;
};

// A character set of the compiled program: its items, negation, and a bitmap of the
// first 256 code points (case folding included) so that most tests are one lookup.
struct CharSet {
  std::vector<SetItem> items;
  bool negate = false;
  bool ignore_case = false;
  bool ascii = false;  // categories and case folding are ASCII-only
  uint64_t low[4] = {0, 0, 0, 0};
  bool contains(char32_t c) const;  // the full test
  bool test_low(uint32_t c) const { return (low[c >> 6] >> (c & 63)) & 1; }
  void build_bitmap();
  bool raw_contains(char32_t c) const;
};

enum class Op : uint8_t {
  kChar,        // a: the code point
  kCharIC,      // a: folded code point; ascii: b
  kNotChar,
  kNotCharIC,
  kAny,         // not '\n'
  kAnyAll,
  kSet,         // a: set index
  kAt,          // a: AtKind
  kSplit,       // try a, then b
  kJump,        // a
  kSave,        // a: slot
  kRepeatOne,   // a: min, b: max, c: mode; the next instruction is the item; continue at +2
  kRepInit,     // a: register
  kRepLoop,     // a: register, b: min, c: max, d: mode, e: body pc, f: exit pc
  kGroupRef,    // a: group; b: ignore case; c: ascii
  kGroupExists, // a: group, b: pc when it did not match
  kLookBegin,   // a: LookKind, b: width (behind), c: pc after the matching kLookEnd
  kLookEnd,
  kAtomicBegin,
  kAtomicEnd,
  kFail,
  kMatch,
};

enum AtKind : uint32_t {
  kAtBeginning, kAtBeginningLine, kAtBeginningString, kAtEnd, kAtEndLine, kAtEndString,
  kAtBoundary, kAtNonBoundary, kAtBoundaryAscii, kAtNonBoundaryAscii,
};
enum LookKind : uint32_t { kLookAhead, kLookAheadNot, kLookBehind, kLookBehindNot };
enum RepeatMode : uint32_t { kGreedy, kLazy, kPossessive };

struct Inst {
  explicit Inst(Op o, uint32_t a_ = 0, uint32_t b_ = 0, uint32_t c_ = 0, uint32_t d_ = 0)
      : op(o), a(a_), b(b_), c(c_), d(d_) {}
  Op op;
  uint32_t a = 0, b = 0, c = 0, d = 0, e = 0, f = 0;
};

struct Program {
  std::vector<Inst> code;
  std::vector<CharSet> sets;
  int groups = 0;  // capture groups, not counting group 0
  int flags = 0;   // the flags given plus the inline ones, with UNICODE added as CPython does
  int registers = 0;
  bool bytes = false;  // a bytes pattern: categories and case folding are ASCII's
  std::vector<std::pair<std::u32string, int>> group_names;  // in definition order
  std::vector<std::string> warnings;  // the parser's FutureWarning messages, for the caller to issue
  // Search helpers: a literal prefix (case-sensitive), the set of possible first code
  // points below 256 (first_any: any code point can start a match), and whether every
  // match must start at the beginning of the string.
  std::u32string prefix;
  uint64_t first[4] = {0, 0, 0, 0};
  bool first_high = true;   // a code point >= 256 may start a match
  bool first_any = true;    // no first-character information
  bool anchored_start = false;
};

// Parses and compiles `pattern` with `flags`; a bytes pattern (`bytes`) comes as Latin-1
// code points and matches with ASCII rules. False with *error set for a bad pattern.
bool compile(std::u32string_view pattern, int flags, Program* program, Error* error, bool bytes = false);

// A replacement template (CPython: Lib/re/_parser.py parse_template): literal text
// around group references; literals (UTF-8) number groups.size() + 1.
struct Template {
  std::vector<std::string> literals;
  std::vector<int> groups;
};
// Parses `repl` for a pattern with `groups` groups and those names. False with *error
// (kPattern at a position of repl, or kIndex for an unknown group name).
bool parse_template(std::u32string_view repl, bool bytes, int groups,
                    const std::vector<std::pair<std::u32string, int>>& names, Template* out, Error* error);

// The subject: code points of one width (1 byte for ASCII text, 4 otherwise).
struct Subject {
  const uint8_t* narrow = nullptr;
  const char32_t* wide = nullptr;
  ssize length = 0;
};

enum class Mode { kMatch, kFullMatch, kSearch };

// Reusable matcher state (stacks and registers), so that repeated searches allocate once.
struct MatchState;
struct MatchStateDeleter { void operator()(MatchState* s) const; };
using MatchStatePtr = std::unique_ptr<MatchState, MatchStateDeleter>;
MatchStatePtr new_match_state();

// The result of one successful match: 2 * (groups + 1) positions (-1 when a group did not
// take part), and the last group closed (lastindex, 0 for none).
struct Captures {
  std::vector<ssize> slots;
  int lastindex = 0;
};

// Runs the program over subject[pos:endpos] (lookbehind and \b see the text before pos;
// ^ and \A see the beginning of the whole subject). True and *out on a match.
// `step_limit` bounds the work for the fuzz target (0: unbounded); when it is hit the
// result is false and *limited is set.
// With must_advance, an empty match at pos is refused (the rule after an empty match in
// findall, sub and split).
bool run(const Program& program, const Subject& subject, ssize pos, ssize endpos, Mode mode,
         MatchState& state, Captures* out, bool must_advance = false, uint64_t step_limit = 0,
         bool* limited = nullptr);

// Case folding and the categories, as sre's (ASCII-only when `ascii`).
char32_t fold(char32_t c, bool ascii);
char32_t upper(char32_t c, bool ascii);
bool is_word(char32_t c, bool ascii);
// The code point that stands for c's case-equivalence class under IGNORECASE: the
// lowercase of its uppercase, so that 'ſ' and 's', 'ı' and 'i', 'µ' and 'μ' share one
// (CPython: Lib/re/_casefix.py, the equivalences _compiler.py adds).
char32_t case_key(char32_t c, bool ascii);
bool is_digit(char32_t c, bool ascii);
bool is_space(char32_t c, bool ascii);

}  // namespace gopy::sre
