// A small backtracking matcher for warning filters' patterns (CPython compiles them with
// re; gopy has no re yet). Plain function recursion with explicit continuations, no
// std::regex or std::function: their template instantiations would add exported symbols
// and relocations to every start of libgopy.
#include "eval/warning_pattern.hpp"

#include <cstddef>
#include <vector>

namespace gopy {

namespace {

struct Node;
using Seq = std::vector<Node>;

struct Node {
  enum Kind { literal, any, set, start, end, end_of_text, group } kind = literal;
  char ch = 0;
  // set: byte ranges, the \d \w \s classes it includes, and negation.
  std::vector<std::pair<unsigned char, unsigned char>> ranges;
  bool digit = false, word = false, space = false, not_digit = false, not_word = false, not_space = false;
  bool negate = false;
  std::vector<Seq> alternatives;  // group
  int min = 1, max = 1;           // max -1: unbounded
};

bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_word(unsigned char c) { return is_digit(c) || unsigned((c | 0x20) - 'a') < 26u || c == '_' || c >= 0x80; }
bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
unsigned char fold(unsigned char c) { return c >= 'A' && c <= 'Z' ? c | 0x20 : c; }

class Parser {
 public:
  Parser(std::string_view p, std::string* error) : p_(p), error_(error) {}

  bool alternatives(std::vector<Seq>* out) {
    out->emplace_back();
    while (i_ < p_.size() && p_[i_] != ')') {
      if (p_[i_] == '|') {
        ++i_;
        out->emplace_back();
        continue;
      }
      if (!piece(&out->back())) return false;
    }
    return true;
  }
  bool at_end() const { return i_ == p_.size(); }
  bool fail(const std::string& what) {
    *error_ = what + " at position " + std::to_string(i_);
    return false;
  }

 private:
  bool piece(Seq* seq) {
    Node n;
    if (!atom(&n)) return false;
    if (i_ < p_.size() && (p_[i_] == '*' || p_[i_] == '+' || p_[i_] == '?' || p_[i_] == '{')) {
      if (n.kind == Node::start || n.kind == Node::end || n.kind == Node::end_of_text)
        return fail("nothing to repeat");
      if (!quantifier(&n)) return false;
      if (i_ < p_.size() && (p_[i_] == '?' || p_[i_] == '+')) ++i_;  // lazy or possessive
    }
    seq->push_back(std::move(n));
    return true;
  }

  bool number(int* out) {
    size_t begin = i_;
    long v = 0;
    while (i_ < p_.size() && is_digit(p_[i_]) && v < 100000) v = v * 10 + (p_[i_++] - '0');
    *out = int(v);
    return i_ > begin;
  }

  bool quantifier(Node* n) {
    char q = p_[i_++];
    if (q == '*') n->min = 0, n->max = -1;
    else if (q == '+') n->min = 1, n->max = -1;
    else if (q == '?') n->min = 0, n->max = 1;
    else {
      int lo = 0, hi = -1;
      bool has_lo = number(&lo);
      if (i_ < p_.size() && p_[i_] == ',') {
        ++i_;
        if (!number(&hi)) hi = -1;
      } else {
        hi = lo;
      }
      if (i_ >= p_.size() || p_[i_] != '}' || (!has_lo && hi < 0)) return fail("unsupported repetition");
      ++i_;
      if (hi >= 0 && hi < lo) return fail("min repeat greater than max repeat");
      n->min = lo;
      n->max = hi;
    }
    return true;
  }

  // A class escape (\d \D \w \W \s \S) into `n`; false when `c` is not one.
  static bool class_escape(char c, Node* n) {
    switch (c) {
      case 'd': n->digit = true; return true;
      case 'D': n->not_digit = true; return true;
      case 'w': n->word = true; return true;
      case 'W': n->not_word = true; return true;
      case 's': n->space = true; return true;
      case 'S': n->not_space = true; return true;
      default: return false;
    }
  }

  static char plain_escape(char c) {
    switch (c) {
      case 'n': return '\n';
      case 't': return '\t';
      case 'r': return '\r';
      case 'f': return '\f';
      case 'v': return '\v';
      case 'a': return '\a';
      default: return c;
    }
  }

  bool atom(Node* n) {
    char c = p_[i_++];
    switch (c) {
      case '.': n->kind = Node::any; return true;
      case '^': n->kind = Node::start; return true;
      case '$': n->kind = Node::end; return true;
      case '(': {
        if (p_.substr(i_, 2) == "?:") i_ += 2;
        else if (i_ < p_.size() && p_[i_] == '?') return fail("unsupported group");
        n->kind = Node::group;
        if (!alternatives(&n->alternatives)) return false;
        if (i_ >= p_.size()) return fail("missing ), unterminated subpattern");
        ++i_;
        return true;
      }
      case '[': return char_set(n);
      case '*': case '+': case '?': case '{': return fail("nothing to repeat");
      case '\\': {
        if (i_ >= p_.size()) return fail("bad escape (end of pattern)");
        char e = p_[i_++];
        if (e == 'A') n->kind = Node::start;
        else if (e == 'Z') n->kind = Node::end_of_text;
        else if (class_escape(e, n)) n->kind = Node::set;
        else if ((e | 0x20) >= 'a' && (e | 0x20) <= 'z' && plain_escape(e) == e) return fail(std::string("bad escape \\") + e);
        else n->ch = plain_escape(e);
        return true;
      }
      default: n->ch = c; return true;
    }
  }

  bool char_set(Node* n) {
    n->kind = Node::set;
    if (i_ < p_.size() && p_[i_] == '^') {
      n->negate = true;
      ++i_;
    }
    bool first = true;
    while (i_ < p_.size() && (p_[i_] != ']' || first)) {
      first = false;
      unsigned char lo = static_cast<unsigned char>(p_[i_++]);
      if (lo == '\\') {
        if (i_ >= p_.size()) break;
        char e = p_[i_++];
        if (class_escape(e, n)) continue;
        lo = static_cast<unsigned char>(plain_escape(e));
      }
      unsigned char hi = lo;
      if (i_ + 1 < p_.size() && p_[i_] == '-' && p_[i_ + 1] != ']') {
        ++i_;
        hi = static_cast<unsigned char>(p_[i_++]);
        if (hi == '\\' && i_ < p_.size()) hi = static_cast<unsigned char>(plain_escape(p_[i_++]));
        if (hi < lo) return fail("bad character range");
      }
      n->ranges.emplace_back(lo, hi);
    }
    if (i_ >= p_.size()) return fail("unterminated character set");
    ++i_;
    return true;
  }

  std::string_view p_;
  size_t i_ = 0;
  std::string* error_;
};

// Where to go once a sequence (or one repetition of a group) has matched.
struct Cont {
  const Seq* seq;
  size_t index;
  int count;        // repetition: how many times seq[index] has matched before this one
  size_t start;     // repetition: where this repetition began
  bool repetition;
  const Cont* next;
};

class Matcher {
 public:
  Matcher(std::string_view text, bool ignorecase) : t_(text), icase_(ignorecase) {}

  bool seq(const Seq& s, size_t i, size_t pos, const Cont* k) const {
    if (i == s.size()) return resume(k, pos);
    return repeat(s, i, 0, pos, k);
  }

 private:
  bool resume(const Cont* k, size_t pos) const {
    if (!k) return true;
    if (!k->repetition) return seq(*k->seq, k->index, pos, k->next);
    const Node& n = (*k->seq)[k->index];
    // An empty repetition would repeat for ever: count it and stop repeating.
    if (pos == k->start) {
      if (k->count + 1 >= n.min) return seq(*k->seq, k->index + 1, pos, k->next);
    }
    return repeat(*k->seq, k->index, k->count + 1, pos, k->next);
  }

  bool repeat(const Seq& s, size_t i, int count, size_t pos, const Cont* k) const {
    const Node& n = s[i];
    switch (n.kind) {
      case Node::start: return pos == 0 && seq(s, i + 1, pos, k);
      case Node::end:
        return (pos == t_.size() || (pos + 1 == t_.size() && t_[pos] == '\n')) && seq(s, i + 1, pos, k);
      case Node::end_of_text: return pos == t_.size() && seq(s, i + 1, pos, k);
      default: break;
    }
    if (n.max < 0 || count < n.max) {
      if (n.kind == Node::group) {
        Cont again{&s, i, count, pos, true, k};
        for (const Seq& alt : n.alternatives)
          if (seq(alt, 0, pos, &again)) return true;
      } else if (pos < t_.size() && one(n, static_cast<unsigned char>(t_[pos]))) {
        if (repeat(s, i, count + 1, pos + 1, k)) return true;
      }
    }
    return count >= n.min && seq(s, i + 1, pos, k);
  }

  bool one(const Node& n, unsigned char c) const {
    switch (n.kind) {
      case Node::literal: return icase_ ? fold(c) == fold(static_cast<unsigned char>(n.ch)) : c == static_cast<unsigned char>(n.ch);
      case Node::any: return c != '\n';
      case Node::set: {
        bool in = (n.digit && is_digit(c)) || (n.not_digit && !is_digit(c)) || (n.word && is_word(c)) ||
                  (n.not_word && !is_word(c)) || (n.space && is_space(c)) || (n.not_space && !is_space(c));
        for (const auto& [lo, hi] : n.ranges) {
          if (in) break;
          in = (c >= lo && c <= hi) || (icase_ && ((fold(c) >= fold(lo) && fold(c) <= fold(hi)) ||
                                                   (c >= 'a' && c <= 'z' && (c ^ 0x20) >= lo && (c ^ 0x20) <= hi)));
        }
        return in != n.negate;
      }
      default: return false;
    }
  }

  std::string_view t_;
  bool icase_;
};

}  // namespace

PatternMatch warning_pattern_match(std::string_view pattern, std::string_view text, bool ignorecase,
                                   std::string* error) {
  std::vector<Seq> alternatives;
  Parser parser(pattern, error);
  if (!parser.alternatives(&alternatives)) return PatternMatch::invalid;
  if (!parser.at_end()) {
    parser.fail("unbalanced parenthesis");
    return PatternMatch::invalid;
  }
  Matcher m(text, ignorecase);
  for (const Seq& alt : alternatives)
    if (m.seq(alt, 0, 0, nullptr)) return PatternMatch::yes;
  return PatternMatch::no;
}

}  // namespace gopy
