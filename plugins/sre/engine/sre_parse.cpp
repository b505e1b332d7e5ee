// The pattern parser: CPython 3.14's grammar, messages and error positions
// (CPython: Lib/re/_parser.py Tokenizer, _escape, _class_escape, _parse_sub, _parse,
// _parse_flags, parse). Errors travel as a C++ exception inside this file only.

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>

#include "eval/stack_bounds.hpp"
#include "object/prim/unicode.hpp"
#include "sre_text.hpp"
#include "sre_tree.hpp"

namespace gopy::sre {
namespace {

struct ParseError {
  Error error;
};

bool is_digit_ascii(char32_t c) { return c >= '0' && c <= '9'; }
bool is_octal(char32_t c) { return c >= '0' && c <= '7'; }
bool is_hex(char32_t c) { return is_digit_ascii(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
bool is_ascii_letter(char32_t c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_verbose_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

int flag_of(char32_t c) {
  switch (c) {
    case 'i': return kIgnoreCase;
    case 'L': return kLocale;
    case 'm': return kMultiline;
    case 's': return kDotAll;
    case 'x': return kVerbose;
    case 'a': return kAscii;
    case 'u': return kUnicode;
    default: return 0;
  }
}
constexpr int kTypeFlags = kAscii | kLocale | kUnicode;
constexpr int kMaxNesting = 1000;  // parse levels: two a group

// The lowest stack address the parser's recursion may reach: this thread's stack end plus
// a margin, so that a pattern nested deeper than the stack holds is refused as too deep
// instead of overflowing it (sanitizer builds' frames are many times the regular ones).
// The kernel finds the bounds once a thread; 0 when unknown.
uintptr_t stack_floor() {
  constexpr size_t kMargin = 256 * 1024;
  const uintptr_t low = gopy::thread_stack_low();
  return low ? low + kMargin : 0;
}
constexpr int kGlobalFlags = kDebug;

// One token: a code point, or a backslash and the code point after it.
struct Token {
  bool end = true;
  bool escape = false;
  char32_t c = 0;
  ssize size() const { return end ? 0 : (escape ? 2 : 1); }
  std::u32string text() const {
    if (end) return U"";
    return escape ? std::u32string{U'\\', c} : std::u32string{c};
  }
  bool is(char32_t ch) const { return !end && !escape && c == ch; }
};

// CPython: Lib/re/_parser.py Tokenizer
class Tokenizer {
 public:
  // A bytes pattern is read as Latin-1 code points (`text` false), as CPython's tokenizer does.
  Tokenizer(std::u32string_view s, bool text) : s_(s), text_(text) { advance(); }
  bool text() const { return text_; }
  const Token& next() const { return next_; }
  Token get() {
    Token t = next_;
    advance();
    return t;
  }
  // Whether the next token is a plain character that `pred` accepts.
  bool next_is(bool (*pred)(char32_t)) const { return !next_.end && !next_.escape && pred(next_.c); }
  bool match(char32_t c) {
    if (next_.is(c)) {
      advance();
      return true;
    }
    return false;
  }
  ssize tell() const { return index_ - next_.size(); }
  void seek(ssize index) {
    index_ = index;
    advance();
  }
  [[noreturn]] void fail(const std::string& msg, ssize offset = 0) const {
    throw ParseError{Error{msg, tell() - offset}};
  }
  // The digits of `allowed` that follow, at most n of them.
  std::u32string get_while(int n, bool (*allowed)(char32_t)) {
    std::u32string out;
    for (int i = 0; i < n; ++i) {
      if (next_.end || next_.escape || !allowed(next_.c)) break;
      out += next_.c;
      advance();
    }
    return out;
  }
  std::u32string get_until(char32_t terminator, const std::string& name) {
    std::u32string out;
    while (true) {
      Token t = get();
      if (t.end) {
        if (out.empty()) fail("missing " + name);
        fail("missing " + utf8(std::u32string(1, terminator)) + ", unterminated name", static_cast<ssize>(out.size()));
      }
      if (t.is(terminator)) {
        if (out.empty()) fail("missing " + name, 1);
        break;
      }
      out += t.text();
    }
    return out;
  }
  void check_group_name(const std::u32string& name, ssize offset) const {
    if (!text_ && !prim::str_isascii(name))
      fail("bad character in group name " + py_ascii(name), static_cast<ssize>(name.size()) + offset);
    if (!prim::str_isidentifier(name))
      fail("bad character in group name " + py_repr(name), static_cast<ssize>(name.size()) + offset);
  }
  ssize pattern_size() const { return static_cast<ssize>(s_.size()); }

 private:
  void advance() {
    if (index_ >= static_cast<ssize>(s_.size())) {
      next_ = Token{};
      return;
    }
    char32_t c = s_[index_];
    if (c == '\\') {
      if (index_ + 1 >= static_cast<ssize>(s_.size()))
        throw ParseError{Error{"bad escape (end of pattern)", static_cast<ssize>(s_.size()) - 1}};
      next_ = Token{false, true, s_[index_ + 1]};
      index_ += 2;
      return;
    }
    next_ = Token{false, false, c};
    index_ += 1;
  }
  std::u32string_view s_;
  bool text_ = true;
  ssize index_ = 0;
  Token next_;
};

ssize size_of(const std::u32string& s) { return static_cast<ssize>(s.size()); }

[[noreturn]] void fail_octal(const Tokenizer& source, const std::u32string& escape) {
  source.fail("octal escape value " + utf8(escape) + " outside of range 0-0o377", size_of(escape));
}

struct State {
  int flags = 0;
  std::map<std::u32string, int> names;
  std::vector<std::pair<std::u32string, int>> name_order;
  std::vector<Width> widths{Width{}};
  std::vector<bool> closed{true};
  int lookbehind_groups = -1;  // -1: not inside a lookbehind
  std::map<uint64_t, ssize> groupref_pos;
  std::vector<std::string> warnings;  // FutureWarnings: syntax a later set notation may change
  int groups() const { return static_cast<int>(widths.size()); }
  bool check_group(int gid) const { return gid < groups() && closed[gid]; }
  void check_lookbehind_group(int gid, const Tokenizer& source) const {
    if (lookbehind_groups < 0) return;
    if (!check_group(gid)) source.fail("cannot refer to an open group");
    if (gid >= lookbehind_groups) source.fail("cannot refer to group defined in the same lookbehind subpattern");
  }
};

Node literal(char32_t c) {
  Node n{NodeOp::kLiteral};
  n.a = c;
  return n;
}
Node category_node(Category c) {
  Node n{NodeOp::kIn};
  n.set.push_back(SetItem{SetItem::kCategory, 0, 0, c});
  return n;
}
Node at_node(AtKind k) {
  Node n{NodeOp::kAt};
  n.a = k;
  return n;
}

// \a \b \f \n \r \t \v \\ (CPython: ESCAPES)
bool simple_escape(char32_t c, char32_t* value) {
  switch (c) {
    case 'a': *value = 7; return true;
    case 'b': *value = 8; return true;
    case 'f': *value = 12; return true;
    case 'n': *value = 10; return true;
    case 'r': *value = 13; return true;
    case 't': *value = 9; return true;
    case 'v': *value = 11; return true;
    case '\\': *value = '\\'; return true;
    default: return false;
  }
}
bool category_escape(char32_t c, Category* cat) {
  switch (c) {
    case 'd': *cat = Category::kDigit; return true;
    case 'D': *cat = Category::kNotDigit; return true;
    case 's': *cat = Category::kSpace; return true;
    case 'S': *cat = Category::kNotSpace; return true;
    case 'w': *cat = Category::kWord; return true;
    case 'W': *cat = Category::kNotWord; return true;
    default: return false;
  }
}

uint32_t parse_hex(const std::u32string& digits) {
  uint32_t v = 0;
  for (char32_t d : digits) v = v * 16 + static_cast<uint32_t>(is_digit_ascii(d) ? d - '0' : (d | 0x20) - 'a' + 10);
  return v;
}
uint64_t parse_octal(std::u32string_view digits) {
  uint64_t v = 0;
  for (char32_t d : digits) v = v * 8 + (d - '0');
  return v;
}

// \x \u \U \N: the escapes shared by classes and the expression. True when handled.
bool code_escape(Tokenizer& source, std::u32string& escape, char32_t* value) {
  char32_t c = escape[1];
  if (!source.text() && c != 'x') return false;
  auto fixed = [&](int n) {
    escape += source.get_while(n, is_hex);
    if (static_cast<int>(escape.size()) != n + 2)
      source.fail("incomplete escape " + utf8(escape), static_cast<ssize>(escape.size()));
    return parse_hex(escape.substr(2));
  };
  if (c == 'x') {
    *value = fixed(2);
    return true;
  }
  if (c == 'u') {
    *value = fixed(4);
    return true;
  }
  if (c == 'U') {
    uint32_t v = fixed(8);
    if (v > 0x10FFFF) source.fail("bad escape " + utf8(escape), static_cast<ssize>(escape.size()));
    *value = v;
    return true;
  }
  if (c == 'N') {
    if (!source.match('{')) source.fail("missing {");
    std::u32string name = source.get_until('}', "character name");
    int32_t cp = prim::char_from_name(utf8(name));
    if (cp < 0)
      source.fail("undefined character name " + py_repr(name), static_cast<ssize>(name.size()) + 4);
    *value = static_cast<char32_t>(cp);
    return true;
  }
  return false;
}

// CPython: Lib/re/_parser.py _class_escape. A literal (*is_literal) or a category item.
SetItem class_escape(Tokenizer& source, const Token& tok) {
  std::u32string escape = tok.text();
  char32_t c = tok.c;
  char32_t v;
  if (simple_escape(c, &v)) return SetItem{SetItem::kLiteral, v, v};
  Category cat;
  if (category_escape(c, &cat)) return SetItem{SetItem::kCategory, 0, 0, cat};
  if (code_escape(source, escape, &v)) return SetItem{SetItem::kLiteral, v, v};
  if (is_octal(c)) {
    escape += source.get_while(2, is_octal);
    uint64_t n = parse_octal(std::u32string_view(escape).substr(1));
    if (n > 0377)
      fail_octal(source, escape);
    return SetItem{SetItem::kLiteral, static_cast<char32_t>(n), static_cast<char32_t>(n)};
  }
  if (is_digit_ascii(c) || is_ascii_letter(c)) source.fail("bad escape " + utf8(escape), size_of(escape));
  return SetItem{SetItem::kLiteral, c, c};
}

// CPython: Lib/re/_parser.py _escape
Node expr_escape(Tokenizer& source, const Token& tok, State& state) {
  std::u32string escape = tok.text();
  char32_t c = tok.c;
  switch (c) {
    case 'A': return at_node(kAtBeginningString);
    case 'Z':
    case 'z': return at_node(kAtEndString);
    case 'b': return at_node(kAtBoundary);
    case 'B': return at_node(kAtNonBoundary);
    default: break;
  }
  Category cat;
  if (category_escape(c, &cat)) return category_node(cat);
  char32_t v;
  if (simple_escape(c, &v)) return literal(v);
  if (code_escape(source, escape, &v)) return literal(v);
  if (c == '0') {
    escape += source.get_while(2, is_octal);
    return literal(static_cast<char32_t>(parse_octal(std::u32string_view(escape).substr(1))));
  }
  if (is_digit_ascii(c)) {
    if (source.next_is(is_digit_ascii)) {
      escape += source.get().c;
      if (is_octal(escape[1]) && is_octal(escape[2]) && source.next_is(is_octal)) {
        escape += source.get().c;
        uint64_t n = parse_octal(std::u32string_view(escape).substr(1));
        if (n > 0377)
          fail_octal(source, escape);
        return literal(static_cast<char32_t>(n));
      }
    }
    int group = std::stoi(utf8(escape.substr(1)));
    if (group < state.groups()) {
      if (!state.check_group(group)) source.fail("cannot refer to an open group", static_cast<ssize>(escape.size()));
      state.check_lookbehind_group(group, source);
      Node n{NodeOp::kGroupRef};
      n.group = group;
      return n;
    }
    source.fail("invalid group reference " + std::to_string(group), static_cast<ssize>(escape.size()) - 1);
  }
  if (is_ascii_letter(c)) source.fail("bad escape " + utf8(escape), static_cast<ssize>(escape.size()));
  return literal(c);
}

Seq parse_seq(Tokenizer& source, State& state, bool verbose, int nested, bool first);

bool same_node(const Node& x, const Node& y) {
  // Only literals and sets are compared when hoisting a common prefix out of a branch
  // (the cases CPython's tuple equality makes common).
  if (x.op != y.op) return false;
  if (x.op == NodeOp::kLiteral || x.op == NodeOp::kNotLiteral) return x.a == y.a;
  if (x.op == NodeOp::kAny) return true;
  return false;
}

// CPython: Lib/re/_parser.py _parse_sub
Seq parse_alternation(Tokenizer& source, State& state, bool verbose, int nested) {
  // Groups nest through this function; CPython's recursion stops near this depth too.
  if (nested > kMaxNesting || reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) < stack_floor())
    throw ParseError{Error{"maximum recursion depth exceeded", -1, Error::kRecursion}};
  std::vector<Seq> items;
  while (true) {
    items.push_back(parse_seq(source, state, verbose, nested + 1, nested == 0 && items.empty()));
    if (!source.match('|')) break;
    if (nested == 0) verbose = state.flags & kVerbose;
  }
  if (items.size() == 1) return std::move(items[0]);
  Seq out;
  // A prefix common to every alternative moves out of the branch.
  while (true) {
    bool common = true;
    for (const Seq& item : items)
      if (item.empty() || !same_node(item[0], items[0][0])) {
        common = false;
        break;
      }
    if (!common) break;
    out.push_back(items[0][0]);
    for (Seq& item : items) item.erase(item.begin());
  }
  // Alternatives that are all single characters or sets become one set.
  bool all_sets = true;
  std::vector<SetItem> set;
  for (const Seq& item : items) {
    if (item.size() != 1) {
      all_sets = false;
      break;
    }
    const Node& n = item[0];
    if (n.op == NodeOp::kLiteral) {
      set.push_back(SetItem{SetItem::kLiteral, n.a, n.a});
    } else if (n.op == NodeOp::kIn && !n.negate) {
      set.insert(set.end(), n.set.begin(), n.set.end());
    } else {
      all_sets = false;
      break;
    }
  }
  if (all_sets) {
    Node n{NodeOp::kIn};
    n.set = std::move(set);
    out.push_back(std::move(n));
    return out;
  }
  Node branch{NodeOp::kBranch};
  branch.subs = std::move(items);
  out.push_back(std::move(branch));
  return out;
}

// CPython: Lib/re/_parser.py _parse_flags. False for global flags ("(?i)").
bool parse_flags(Tokenizer& source, State& state, char32_t ch, int* add, int* del) {
  int add_flags = 0, del_flags = 0;
  Token t;
  t.end = false;
  t.c = ch;
  if (ch != '-') {
    while (true) {
      int flag = flag_of(ch);
      if (ch == 'L' && source.text()) source.fail("bad inline flags: cannot use 'L' flag with a str pattern");
      if (ch == 'u' && !source.text()) source.fail("bad inline flags: cannot use 'u' flag with a bytes pattern");
      add_flags |= flag;
      if ((flag & kTypeFlags) && (add_flags & kTypeFlags) != flag)
        source.fail("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
      t = source.get();
      if (t.end) source.fail("missing -, : or )");
      if (t.is(')') || t.is('-') || t.is(':')) break;
      if (t.escape || !flag_of(t.c)) {
        bool alpha = !t.escape && prim::char_is_alpha(t.c);
        source.fail(alpha ? "unknown flag" : "missing -, : or )", t.size());
      }
      ch = t.c;
    }
  }
  if (t.is(')')) {
    state.flags |= add_flags;
    return false;
  }
  if (add_flags & kGlobalFlags) source.fail("bad inline flags: cannot turn on global flag", 1);
  if (t.is('-')) {
    t = source.get();
    if (t.end) source.fail("missing flag");
    if (t.escape || !flag_of(t.c)) {
      bool alpha = !t.escape && prim::char_is_alpha(t.c);
      source.fail(alpha ? "unknown flag" : "missing flag", t.size());
    }
    while (true) {
      int flag = flag_of(t.c);
      if (flag & kTypeFlags) source.fail("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
      del_flags |= flag;
      t = source.get();
      if (t.end) source.fail("missing :");
      if (t.is(':')) break;
      if (t.escape || !flag_of(t.c)) {
        bool alpha = !t.escape && prim::char_is_alpha(t.c);
        source.fail(alpha ? "unknown flag" : "missing :", t.size());
      }
    }
  }
  if (del_flags & kGlobalFlags) source.fail("bad inline flags: cannot turn off global flag", 1);
  if (add_flags & del_flags) source.fail("bad inline flags: flag turned on and off", 1);
  *add = add_flags;
  *del = del_flags;
  return true;
}

bool is_repeat(const Node& n) { return n.op == NodeOp::kRepeat; }

// CPython: Lib/re/_parser.py _parse (the character set part)
// The warnings CPython gives for what set operations may one day mean inside a set:
// "[[", and a doubled "-", "&", "~" or "|" after the set's first item.
Node parse_set(Tokenizer& source, ssize here, State& state) {
  std::vector<SetItem> set;
  if (source.next().is('['))
    state.warnings.push_back("Possible nested set at position " + std::to_string(source.tell()));
  bool negate = source.match('^');
  while (true) {
    Token t = source.get();
    if (t.end) source.fail("unterminated character set", source.tell() - here);
    if (t.is(']') && !set.empty()) break;
    // CPython checks `set` (non-empty) before the first ']'; a leading ']' is literal.
    if (!t.escape && !set.empty() && (t.c == '-' || t.c == '&' || t.c == '~' || t.c == '|') && source.next().is(t.c)) {
      const char* op = t.c == '-' ? "difference" : t.c == '&' ? "intersection" : t.c == '~' ? "symmetric difference" : "union";
      state.warnings.push_back(std::string("Possible set ") + op + " at position " + std::to_string(source.tell() - 1));
    }
    SetItem code1 = t.escape ? class_escape(source, t) : SetItem{SetItem::kLiteral, t.c, t.c};
    if (source.match('-')) {
      Token that = source.get();
      if (that.end) source.fail("unterminated character set", source.tell() - here);
      if (that.is(']')) {
        set.push_back(code1);
        set.push_back(SetItem{SetItem::kLiteral, '-', '-'});
        break;
      }
      if (that.is('-'))
        state.warnings.push_back("Possible set difference at position " + std::to_string(source.tell() - 2));
      SetItem code2 = that.escape ? class_escape(source, that) : SetItem{SetItem::kLiteral, that.c, that.c};
      std::string msg = "bad character range " + utf8(t.text()) + "-" + utf8(that.text());
      if (code1.kind != SetItem::kLiteral || code2.kind != SetItem::kLiteral || code2.lo < code1.lo)
        source.fail(msg, t.size() + 1 + that.size());
      set.push_back(SetItem{SetItem::kRange, code1.lo, code2.lo});
    } else {
      set.push_back(code1);
    }
  }
  if (set.size() == 1 && set[0].kind == SetItem::kLiteral) {
    Node n{negate ? NodeOp::kNotLiteral : NodeOp::kLiteral};
    n.a = set[0].lo;
    return n;
  }
  Node n{NodeOp::kIn};
  n.set = std::move(set);
  n.negate = negate;
  return n;
}

uint32_t parse_count(Tokenizer& source, const std::u32string& digits) {
  // CPython raises OverflowError for a count >= MAXREPEAT.
  uint64_t v = 0;
  for (char32_t d : digits) {
    v = v * 10 + (d - '0');
    if (v >= kMaxRepeat) throw ParseError{Error{"the repetition number is too large", source.tell(), Error::kOverflow}};
  }
  return static_cast<uint32_t>(v);
}

// CPython: Lib/re/_parser.py _parse
Seq parse_seq(Tokenizer& source, State& state, bool verbose, int nested, bool first) {
  Seq seq;
  while (true) {
    const Token& peek = source.next();
    if (peek.end || peek.is('|') || peek.is(')')) break;
    Token t = source.get();
    if (verbose && !t.escape) {
      if (is_verbose_space(t.c)) continue;
      if (t.c == '#') {
        while (true) {
          Token s = source.get();
          if (s.end || s.is('\n')) break;
        }
        continue;
      }
    }
    if (t.escape) {
      seq.push_back(expr_escape(source, t, state));
      continue;
    }
    char32_t c = t.c;
    switch (c) {
      case '[':
        seq.push_back(parse_set(source, source.tell() - 1, state));
        continue;
      case '*': case '+': case '?': case '{': {
        ssize here = source.tell();
        uint32_t min = 0, max = kMaxRepeat;
        if (c == '?') {
          max = 1;
        } else if (c == '+') {
          min = 1;
        } else if (c == '{') {
          if (source.next().is('}')) {
            seq.push_back(literal('{'));
            continue;
          }
          std::u32string lo, hi;
          auto digits = [&](std::u32string& out) {
            while (source.next_is(is_digit_ascii)) out += source.get().c;
          };
          digits(lo);
          if (source.match(',')) {
            digits(hi);
          } else {
            hi = lo;
          }
          if (!source.match('}')) {
            seq.push_back(literal('{'));
            source.seek(here);
            continue;
          }
          if (!lo.empty()) min = parse_count(source, lo);
          if (!hi.empty()) {
            max = parse_count(source, hi);
            if (max < min) source.fail("min repeat greater than max repeat", source.tell() - here);
          }
        }
        ssize width = source.tell() - here + 1;
        if (seq.empty() || seq.back().op == NodeOp::kAt) source.fail("nothing to repeat", width);
        if (is_repeat(seq.back())) source.fail("multiple repeat", width);
        Node item = std::move(seq.back());
        seq.pop_back();
        Seq body;
        if (item.op == NodeOp::kSubpattern && item.group < 0 && !item.add_flags && !item.del_flags)
          body = std::move(item.subs[0]);
        else
          body.push_back(std::move(item));
        Node rep{NodeOp::kRepeat};
        rep.a = min;
        rep.b = max;
        rep.mode = source.match('?') ? kLazy : source.match('+') ? kPossessive : kGreedy;
        rep.subs.push_back(std::move(body));
        seq.push_back(std::move(rep));
        continue;
      }
      case '.':
        seq.push_back(Node{NodeOp::kAny});
        continue;
      case '^':
        seq.push_back(at_node(kAtBeginning));
        continue;
      case '$':
        seq.push_back(at_node(kAtEnd));
        continue;
      case '(':
        break;
      default:
        seq.push_back(literal(c));
        continue;
    }
    // A group of some kind.
    ssize start = source.tell() - 1;
    bool capture = true, atomic = false;
    std::u32string name;
    bool named = false;
    int add_flags = 0, del_flags = 0;
    if (source.match('?')) {
      Token ct = source.get();
      if (ct.end) source.fail("unexpected end of pattern");
      char32_t ch = ct.escape ? 0 : ct.c;
      if (ct.is('P')) {
        if (source.match('<')) {
          name = source.get_until('>', "group name");
          source.check_group_name(name, 1);
          named = true;
        } else if (source.match('=')) {
          name = source.get_until(')', "group name");
          source.check_group_name(name, 1);
          auto it = state.names.find(name);
          if (it == state.names.end())
            source.fail("unknown group name " + py_repr(name), static_cast<ssize>(name.size()) + 1);
          if (!state.check_group(it->second))
            source.fail("cannot refer to an open group", static_cast<ssize>(name.size()) + 1);
          state.check_lookbehind_group(it->second, source);
          Node n{NodeOp::kGroupRef};
          n.group = it->second;
          seq.push_back(std::move(n));
          continue;
        } else {
          Token x = source.get();
          if (x.end) source.fail("unexpected end of pattern");
          source.fail("unknown extension ?P" + utf8(x.text()), x.size() + 2);
        }
      } else if (ct.is(':')) {
        capture = false;
      } else if (ct.is('#')) {
        while (true) {
          if (source.next().end) source.fail("missing ), unterminated comment", source.tell() - start);
          if (source.get().is(')')) break;
        }
        continue;
      } else if (ct.is('=') || ct.is('!') || ct.is('<')) {
        int dir = 1;
        bool positive = ct.is('=');
        int saved_lookbehind = state.lookbehind_groups;
        if (ct.is('<')) {
          Token x = source.get();
          if (x.end) source.fail("unexpected end of pattern");
          if (!x.is('=') && !x.is('!')) source.fail("unknown extension ?<" + utf8(x.text()), x.size() + 2);
          positive = x.is('=');
          dir = -1;
          if (saved_lookbehind < 0) state.lookbehind_groups = state.groups();
        }
        Seq p = parse_alternation(source, state, verbose, nested + 1);
        if (dir < 0 && saved_lookbehind < 0) state.lookbehind_groups = -1;
        if (!source.match(')')) source.fail("missing ), unterminated subpattern", source.tell() - start);
        if (!positive && p.empty()) {
          seq.push_back(Node{NodeOp::kFailure});
          continue;
        }
        Node n{positive ? NodeOp::kAssert : NodeOp::kAssertNot};
        n.dir = dir;
        n.subs.push_back(std::move(p));
        seq.push_back(std::move(n));
        continue;
      } else if (ct.is('(')) {
        std::u32string condname = source.get_until(')', "group name");
        int condgroup = 0;
        bool decimal = !condname.empty() &&
                       std::all_of(condname.begin(), condname.end(), [](char32_t d) { return is_digit_ascii(d); });
        if (!decimal) {
          source.check_group_name(condname, 1);
          auto it = state.names.find(condname);
          if (it == state.names.end())
            source.fail("unknown group name " + py_repr(condname), static_cast<ssize>(condname.size()) + 1);
          condgroup = it->second;
        } else {
          std::u32string digits = condname;
          while (digits.size() > 1 && digits[0] == '0') digits.erase(0, 1);
          bool huge = digits.size() > 10 || std::stoll(utf8(digits)) >= kMaxGroups;
          if (digits == U"0") source.fail("bad group number", static_cast<ssize>(condname.size()) + 1);
          if (huge) source.fail("invalid group reference " + utf8(digits), static_cast<ssize>(condname.size()) + 1);
          condgroup = static_cast<int>(std::stoll(utf8(digits)));
          state.groupref_pos.emplace(condgroup, source.tell() - static_cast<ssize>(condname.size()) - 1);
        }
        state.check_lookbehind_group(condgroup, source);
        Seq yes = parse_seq(source, state, verbose, nested + 1, false);
        Node n{NodeOp::kGroupExists};
        n.group = condgroup;
        n.subs.push_back(std::move(yes));
        if (source.match('|')) {
          n.subs.push_back(parse_seq(source, state, verbose, nested + 1, false));
          if (source.next().is('|')) source.fail("conditional backref with more than two branches");
        }
        if (!source.match(')')) source.fail("missing ), unterminated subpattern", source.tell() - start);
        seq.push_back(std::move(n));
        continue;
      } else if (ct.is('>')) {
        capture = false;
        atomic = true;
      } else if (!ct.escape && (flag_of(ch) || ch == '-')) {
        if (!parse_flags(source, state, ch, &add_flags, &del_flags)) {
          if (!first || !seq.empty())
            source.fail("global flags not at the start of the expression", source.tell() - start);
          verbose = state.flags & kVerbose;
          continue;
        }
        capture = false;
      } else {
        source.fail("unknown extension ?" + utf8(ct.text()), ct.size() + 1);
      }
    }
    int group = -1;
    if (capture) {
      group = state.groups();
      if (group >= kMaxGroups) source.fail("too many groups", named ? static_cast<ssize>(name.size()) + 1 : 0);
      if (named) {
        auto it = state.names.find(name);
        if (it != state.names.end())
          source.fail("redefinition of group name " + py_repr(name) + " as group " + std::to_string(group) +
                          "; was group " + std::to_string(it->second),
                      static_cast<ssize>(name.size()) + 1);
        state.names.emplace(name, group);
        state.name_order.emplace_back(name, group);
      }
      state.widths.push_back(Width{});
      state.closed.push_back(false);
    }
    bool sub_verbose = (verbose || (add_flags & kVerbose)) && !(del_flags & kVerbose);
    Seq p = parse_alternation(source, state, sub_verbose, nested + 1);
    if (!source.match(')')) source.fail("missing ), unterminated subpattern", source.tell() - start);
    if (group >= 0) {
      state.widths[group] = seq_width(p, state.widths);
      state.closed[group] = true;
    }
    if (atomic) {
      Node n{NodeOp::kAtomic};
      n.subs.push_back(std::move(p));
      seq.push_back(std::move(n));
      continue;
    }
    Node n{NodeOp::kSubpattern};
    n.group = group;
    n.add_flags = add_flags;
    n.del_flags = del_flags;
    n.subs.push_back(std::move(p));
    seq.push_back(std::move(n));
  }
  // Unpack the non-capturing groups without flags.
  Seq out;
  out.reserve(seq.size());
  for (Node& n : seq) {
    if (n.op == NodeOp::kSubpattern && n.group < 0 && !n.add_flags && !n.del_flags) {
      for (Node& m : n.subs[0]) out.push_back(std::move(m));
    } else {
      out.push_back(std::move(n));
    }
  }
  return out;
}

uint64_t sat_add(uint64_t a, uint64_t b) { return a > kMaxWidth - b ? kMaxWidth : a + b; }
uint64_t sat_mul(uint64_t a, uint64_t b) {
  if (a == 0 || b == 0) return 0;
  return a > kMaxWidth / b ? kMaxWidth : a * b;
}

}  // namespace

// CPython: Lib/re/_parser.py SubPattern.getwidth
Width seq_width(const Seq& seq, const std::vector<Width>& group_widths) {
  Width w;
  for (const Node& n : seq) {
    Width x;
    switch (n.op) {
      case NodeOp::kBranch: {
        x.lo = kMaxWidth;
        for (const Seq& alt : n.subs) {
          Width a = seq_width(alt, group_widths);
          x.lo = std::min(x.lo, a.lo);
          x.hi = std::max(x.hi, a.hi);
        }
        break;
      }
      case NodeOp::kAtomic:
      case NodeOp::kSubpattern:
        x = seq_width(n.subs[0], group_widths);
        break;
      case NodeOp::kRepeat: {
        Width a = seq_width(n.subs[0], group_widths);
        x.lo = sat_mul(a.lo, n.a);
        x.hi = (n.b == kMaxRepeat && a.hi) ? kMaxWidth : sat_mul(a.hi, n.b);
        break;
      }
      case NodeOp::kLiteral:
      case NodeOp::kNotLiteral:
      case NodeOp::kAny:
      case NodeOp::kIn:
        x.lo = x.hi = 1;
        break;
      case NodeOp::kGroupRef:
        if (n.group >= 0 && n.group < static_cast<int>(group_widths.size())) x = group_widths[n.group];
        break;
      case NodeOp::kGroupExists: {
        Width a = seq_width(n.subs[0], group_widths);
        if (n.subs.size() > 1) {
          Width b = seq_width(n.subs[1], group_widths);
          x.lo = std::min(a.lo, b.lo);
          x.hi = std::max(a.hi, b.hi);
        } else {
          x.lo = 0;
          x.hi = a.hi;
        }
        break;
      }
      default:
        break;
    }
    w.lo = sat_add(w.lo, x.lo);
    w.hi = sat_add(w.hi, x.hi);
  }
  return w;
}

// CPython: Lib/re/_parser.py parse, fix_flags
bool parse(std::u32string_view pattern, int flags, bool bytes, ParseResult* out, Error* error) {
  State state;  // outside the try: its warnings are given even for a pattern that fails
  try {
    Tokenizer source(pattern, !bytes);
    state.flags = flags;
    Seq tree = parse_alternation(source, state, flags & kVerbose, 0);
    int f = state.flags;
    if (bytes) {
      if (f & kUnicode) throw ParseError{Error{"cannot use UNICODE flag with a bytes pattern", -1, Error::kValue}};
      if ((f & kLocale) && (f & kAscii))
        throw ParseError{Error{"ASCII and LOCALE flags are incompatible", -1, Error::kValue}};
    } else {
      if (f & kLocale) throw ParseError{Error{"cannot use LOCALE flag with a str pattern", -1, Error::kValue}};
      if (!(f & kAscii)) {
        f |= kUnicode;
      } else if (f & kUnicode) {
        throw ParseError{Error{"ASCII and UNICODE flags are incompatible", -1, Error::kValue}};
      }
    }
    if (!source.next().end) source.fail("unbalanced parenthesis");
    for (const auto& [g, pos] : state.groupref_pos)
      if (g >= static_cast<uint64_t>(state.groups()))
        throw ParseError{Error{"invalid group reference " + std::to_string(g), pos}};
    out->tree = std::move(tree);
    out->flags = f;
    out->groups = state.groups();
    out->group_widths = std::move(state.widths);
    out->group_names = std::move(state.name_order);
    out->warnings = std::move(state.warnings);
    return true;
  } catch (const ParseError& e) {
    *error = e.error;
    if (bytes) error->msg = ascii_text(error->msg);
    out->warnings = std::move(state.warnings);
    return false;
  }
}

// CPython: Lib/re/_parser.py parse_template
bool parse_template(std::u32string_view repl, bool bytes, int groups,
                    const std::vector<std::pair<std::u32string, int>>& names, Template* out, Error* error) {
  // A bytes template's literals are its bytes (Latin-1), a str template's UTF-8.
  auto encode = [bytes](const std::u32string& text) { return bytes ? latin1(text) : utf8(text); };
  try {
    Tokenizer s(repl, !bytes);
    Template t;
    std::u32string literal;
    auto add_group = [&](uint64_t index, ssize pos) {
      if (index > static_cast<uint64_t>(groups)) s.fail("invalid group reference " + std::to_string(index), pos);
      t.literals.push_back(encode(literal));
      literal.clear();
      t.groups.push_back(static_cast<int>(index));
    };
    while (true) {
      Token tok = s.get();
      if (tok.end) break;
      if (!tok.escape) {
        literal += tok.c;
        continue;
      }
      char32_t c = tok.c;
      if (c == 'g') {
        if (!s.match('<')) s.fail("missing <");
        std::u32string name = s.get_until('>', "group name");
        bool decimal = std::all_of(name.begin(), name.end(), [](char32_t d) { return is_digit_ascii(d); });
        uint64_t index = 0;
        if (!decimal) {
          s.check_group_name(name, 1);
          auto it = std::find_if(names.begin(), names.end(), [&](const auto& e) { return e.first == name; });
          if (it == names.end())
            throw ParseError{Error{"unknown group name " + py_repr(name), -1, Error::kIndex}};
          index = static_cast<uint64_t>(it->second);
        } else {
          std::u32string digits = name;
          while (digits.size() > 1 && digits[0] == '0') digits.erase(0, 1);
          if (digits.size() > 10 || std::stoull(utf8(digits)) >= static_cast<uint64_t>(kMaxGroups))
            s.fail("invalid group reference " + utf8(digits), static_cast<ssize>(name.size()) + 1);
          index = std::stoull(utf8(digits));
        }
        add_group(index, static_cast<ssize>(name.size()) + 1);
      } else if (c == '0') {
        std::u32string digits = U"0" + s.get_while(2, is_octal);
        literal += static_cast<char32_t>(parse_octal(digits) & 0xff);
      } else if (is_digit_ascii(c)) {
        std::u32string text{U'\\', c};
        bool octal = false;
        if (s.next_is(is_digit_ascii)) {
          text += s.get().c;
          if (is_octal(c) && is_octal(text[2]) && s.next_is(is_octal)) {
            text += s.get().c;
            octal = true;
            uint64_t v = parse_octal(std::u32string_view(text).substr(1));
            if (v > 0377) fail_octal(s, text);
            literal += static_cast<char32_t>(v);
          }
        }
        if (!octal) add_group(std::stoull(utf8(text.substr(1))), static_cast<ssize>(text.size()) - 1);
      } else {
        char32_t v;
        if (simple_escape(c, &v)) {
          literal += v;
        } else {
          if (is_ascii_letter(c)) s.fail("bad escape " + utf8(tok.text()), 2);
          literal += tok.text();
        }
      }
    }
    t.literals.push_back(encode(literal));
    *out = std::move(t);
    return true;
  } catch (const ParseError& e) {
    *error = e.error;
    if (bytes) error->msg = ascii_text(error->msg);
    return false;
  }
}

}  // namespace gopy::sre
