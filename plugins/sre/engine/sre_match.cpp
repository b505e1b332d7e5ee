// The matcher: runs a program over a subject with an explicit backtracking stack
// (CPython: Modules/_sre/sre_lib.h SRE(match), SRE(search); the design is sre's, the code
// gopy's own). A choice point, a saved capture, a repeat counter and a lookaround or
// atomic marker are each one frame; failing pops frames until one resumes the match.
#include <algorithm>
#include <cstring>

#include "sre_engine.hpp"

namespace gopy::sre {

namespace {

enum BtKind : uint8_t {
  kBtAlt,            // resume at pc with pos
  kBtSlot,           // restore slots[pc] = pos, lastindex = extra
  kBtReg,            // restore count[pc] = pos, lastpos[pc] = extra
  kBtRepOneGreedy,   // give back one character: pos is the current end, extra the least end
  kBtRepOneLazy,     // take one more character: pos is the current end, extra the limit
  kBtLazyLoop,       // enter the body of the lazy loop at pc once more, at pos
  kBtLook,           // a lookaround started at pc (its kLookBegin), at pos
  kBtAtomic,         // an atomic group started at pos
};

struct Frame {
  BtKind kind;
  uint32_t pc;
  ssize pos;
  ssize extra;
};

}  // namespace

struct MatchState {
  std::vector<Frame> stack;
  std::vector<ssize> slots;
  std::vector<ssize> count, lastpos;
  int lastindex = -1;
};

void MatchStateDeleter::operator()(MatchState* s) const { delete s; }
MatchStatePtr new_match_state() { return MatchStatePtr(new MatchState); }

namespace {

template <class C>
class Matcher {
 public:
  Matcher(const Program& p, const C* s, ssize end, Mode mode, MatchState& st, bool must_advance, uint64_t limit)
      : p_(p), code_(p.code.data()), s_(s), end_(end), mode_(mode), st_(st), must_advance_(must_advance),
        limit_(limit) {}

  bool limited() const { return limited_; }

  bool item(const Inst& i, char32_t c) const {
    switch (i.op) {
      case Op::kChar: return c == i.a;
      case Op::kNotChar: return c != i.a;
      case Op::kCharIC: return case_key(c, i.b) == i.a;
      case Op::kNotCharIC: return case_key(c, i.b) != i.a;
      case Op::kAny: return c != '\n';
      case Op::kAnyAll: return true;
      case Op::kSet: {
        const CharSet& set = p_.sets[i.a];
        return c < 256 ? set.test_low(static_cast<uint32_t>(c)) : set.contains(c);
      }
      default: return false;
    }
  }

  // How far from pos (up to limit) the item matches.
  ssize span(const Inst& i, ssize pos, ssize limit) const {
    switch (i.op) {
      case Op::kAnyAll:
        return limit;
      case Op::kChar: {
        while (pos < limit && s_[pos] == static_cast<C>(i.a) && static_cast<char32_t>(s_[pos]) == i.a) ++pos;
        return pos;
      }
      case Op::kAny: {
        while (pos < limit && s_[pos] != '\n') ++pos;
        return pos;
      }
      case Op::kSet: {
        const CharSet& set = p_.sets[i.a];
        while (pos < limit) {
          char32_t c = s_[pos];
          if (!(c < 256 ? set.test_low(static_cast<uint32_t>(c)) : set.contains(c))) break;
          ++pos;
        }
        return pos;
      }
      default:
        while (pos < limit && item(i, s_[pos])) ++pos;
        return pos;
    }
  }

  bool at(uint32_t kind, ssize pos) const {
    switch (kind) {
      case kAtBeginning:
      case kAtBeginningString:
        return pos == 0;
      case kAtBeginningLine:
        return pos == 0 || s_[pos - 1] == '\n';
      case kAtEnd:
        return pos == end_ || (pos + 1 == end_ && s_[pos] == '\n');
      case kAtEndLine:
        return pos == end_ || s_[pos] == '\n';
      case kAtEndString:
        return pos == end_;
      default: {
        // 3.14: \B matches the empty string (no special case for it any more).
        bool ascii = kind == kAtBoundaryAscii || kind == kAtNonBoundaryAscii;
        bool before = pos > 0 && is_word(s_[pos - 1], ascii);
        bool after = pos < end_ && is_word(s_[pos], ascii);
        bool boundary = before != after;
        return (kind == kAtBoundary || kind == kAtBoundaryAscii) ? boundary : !boundary;
      }
    }
  }

  void push(BtKind k, uint32_t pc, ssize pos, ssize extra) { st_.stack.push_back(Frame{k, pc, pos, extra}); }

  void set_slot(uint32_t slot, ssize pos) {
    push(kBtSlot, slot, st_.slots[slot], st_.lastindex);
    st_.slots[slot] = pos;
    if (slot & 1) st_.lastindex = static_cast<int>(slot / 2);
  }

  void set_count(uint32_t reg, ssize count, ssize lastpos) {
    push(kBtReg, reg, st_.count[reg], st_.lastpos[reg]);
    st_.count[reg] = count;
    st_.lastpos[reg] = lastpos;
  }

  // The index of the innermost open lookaround or atomic marker.
  size_t marker() const {
    size_t i = st_.stack.size();
    while (i > 0) {
      --i;
      BtKind k = st_.stack[i].kind;
      if (k == kBtLook || k == kBtAtomic) return i;
    }
    return 0;
  }

  // Drops the choice points above the marker at m (and the marker), keeping the saved
  // captures and counters so that failing later still restores them.
  void cut(size_t m) {
    auto& stack = st_.stack;
    size_t out = m;
    for (size_t i = m + 1; i < stack.size(); ++i)
      if (stack[i].kind == kBtSlot || stack[i].kind == kBtReg) stack[out++] = stack[i];
    stack.resize(out);
  }

  // Undoes everything above the marker at m, and the marker.
  void unwind(size_t m) {
    auto& stack = st_.stack;
    while (stack.size() > m) {
      const Frame& f = stack.back();
      if (f.kind == kBtSlot) {
        st_.slots[f.pc] = f.pos;
        st_.lastindex = static_cast<int>(f.extra);
      } else if (f.kind == kBtReg) {
        st_.count[f.pc] = f.pos;
        st_.lastpos[f.pc] = f.extra;
      }
      stack.pop_back();
    }
  }

  // Tries a match starting at start; *end_pos is where it ended.
  bool attempt(ssize start, ssize* end_pos) {
    uint32_t pc = 0;
    ssize pos = start;
    auto& stack = st_.stack;
    while (true) {
      if (limit_ && ++steps_ > limit_) {
        limited_ = true;
        unwind(0);
        return false;
      }
      const Inst& i = code_[pc];
      bool ok = true;
      switch (i.op) {
        case Op::kChar: case Op::kCharIC: case Op::kNotChar: case Op::kNotCharIC:
        case Op::kAny: case Op::kAnyAll: case Op::kSet:
          if (pos < end_ && item(i, s_[pos])) {
            ++pos;
            ++pc;
          } else {
            ok = false;
          }
          break;
        case Op::kAt:
          if (at(i.a, pos)) ++pc;
          else ok = false;
          break;
        case Op::kSplit:
          push(kBtAlt, i.b, pos, 0);
          pc = i.a;
          break;
        case Op::kJump:
          pc = i.a;
          break;
        case Op::kSave:
          set_slot(i.a, pos);
          ++pc;
          break;
        case Op::kRepeatOne: {
          const Inst& unit = code_[pc + 1];
          ssize limit = (i.b == kMaxRepeat || static_cast<ssize>(i.b) >= end_ - pos) ? end_ : pos + i.b;
          if (i.c == kLazy) {
            ssize need = static_cast<ssize>(i.a);
            if (need > end_ - pos) {
              ok = false;
              break;
            }
            ssize p = span(unit, pos, pos + need);
            if (p < pos + need) {
              ok = false;
              break;
            }
            if (limit > p) push(kBtRepOneLazy, pc, p, limit);
            pos = p;
            pc += 2;
            break;
          }
          ssize p = span(unit, pos, limit);
          ssize least = pos + static_cast<ssize>(i.a);
          if (p < least) {
            ok = false;
            break;
          }
          // Before the final kMatch nothing can fail once the repeat is done (unless the
          // whole subject must be matched, or an empty match is refused).
          bool final = code_[pc + 2].op == Op::kMatch && mode_ != Mode::kFullMatch && origin_ < 0;
          if (i.c == kGreedy && p > least && !final) push(kBtRepOneGreedy, pc, p, least);
          pos = p;
          pc += 2;
          break;
        }
        case Op::kRepInit:
          set_count(i.a, 0, -1);
          ++pc;
          break;
        case Op::kRepLoop: {
          ssize c = st_.count[i.a];
          if (c < static_cast<ssize>(i.b)) {
            // A mandatory iteration leaves the empty-iteration guard as it is (sre's
            // last_ptr moves only for optional ones).
            set_count(i.a, c + 1, st_.lastpos[i.a]);
            pc = i.e;
          } else if ((i.c != kMaxRepeat && c >= static_cast<ssize>(i.c)) || pos == st_.lastpos[i.a]) {
            pc = i.f;
          } else if (i.d == kLazy) {
            push(kBtLazyLoop, pc, pos, 0);
            pc = i.f;
          } else {
            push(kBtAlt, i.f, pos, 0);
            set_count(i.a, c + 1, pos);
            pc = i.e;
          }
          break;
        }
        case Op::kGroupRef: {
          ssize b = st_.slots[2 * i.a], e = st_.slots[2 * i.a + 1];
          if (b < 0 || e < 0 || e - b > end_ - pos) {
            ok = false;
            break;
          }
          for (ssize k = 0; k < e - b; ++k) {
            char32_t x = s_[b + k], y = s_[pos + k];
            // CPython compares the lowercase of both (GROUPREF_UNI_IGNORE), no equivalences.
            if (x != y && !(i.b && fold(x, i.c) == fold(y, i.c))) {
              ok = false;
              break;
            }
          }
          if (ok) {
            pos += e - b;
            ++pc;
          }
          break;
        }
        case Op::kGroupExists:
          pc = (st_.slots[2 * i.a] >= 0 && st_.slots[2 * i.a + 1] >= 0) ? pc + 1 : i.b;
          break;
        case Op::kLookBegin: {
          bool behind = i.a == kLookBehind || i.a == kLookBehindNot;
          bool negative = i.a == kLookAheadNot || i.a == kLookBehindNot;
          if (behind && pos < static_cast<ssize>(i.b)) {
            if (negative) pc = i.c;
            else ok = false;
            break;
          }
          push(kBtLook, pc, pos, 0);
          if (behind) pos -= i.b;
          ++pc;
          break;
        }
        case Op::kLookEnd: {
          size_t m = marker();
          Frame mark = stack[m];
          const Inst& begin = code_[mark.pc];
          if (begin.a == kLookAhead || begin.a == kLookBehind) {
            cut(m);
            pos = mark.pos;
            pc = begin.c;
          } else {
            unwind(m);
            ok = false;
          }
          break;
        }
        case Op::kAtomicBegin:
          push(kBtAtomic, pc, pos, 0);
          ++pc;
          break;
        case Op::kAtomicEnd:
          cut(marker());
          ++pc;
          break;
        case Op::kFail:
          ok = false;
          break;
        case Op::kMatch:
          if ((mode_ == Mode::kFullMatch && pos != end_) || (pos == start && start == origin_)) {
            ok = false;
            break;
          }
          *end_pos = pos;
          return true;
      }
      if (ok) continue;
      // Backtrack: pop frames until one resumes the match.
      bool resumed = false;
      while (!resumed) {
        if (stack.empty()) return false;
        Frame& f = stack.back();
        switch (f.kind) {
          case kBtAlt:
            pc = f.pc;
            pos = f.pos;
            stack.pop_back();
            resumed = true;
            break;
          case kBtSlot:
            st_.slots[f.pc] = f.pos;
            st_.lastindex = static_cast<int>(f.extra);
            stack.pop_back();
            break;
          case kBtReg:
            st_.count[f.pc] = f.pos;
            st_.lastpos[f.pc] = f.extra;
            stack.pop_back();
            break;
          case kBtRepOneGreedy: {
            ssize p = f.pos - 1;
            const Inst& next = code_[f.pc + 2];
            if (next.op == Op::kChar) {
              // Only positions followed by the next literal can succeed.
              while (p >= f.extra && (p >= end_ || static_cast<char32_t>(s_[p]) != next.a)) --p;
            }
            if (p < f.extra) {
              stack.pop_back();
              break;
            }
            pc = f.pc + 2;
            pos = p;
            if (p == f.extra) stack.pop_back();
            else f.pos = p;
            resumed = true;
            break;
          }
          case kBtRepOneLazy: {
            ssize p = f.pos;
            if (p >= f.extra || !item(code_[f.pc + 1], s_[p])) {
              stack.pop_back();
              break;
            }
            pc = f.pc + 2;
            pos = p + 1;
            if (pos >= f.extra) stack.pop_back();
            else f.pos = pos;
            resumed = true;
            break;
          }
          case kBtLazyLoop: {
            uint32_t loop = f.pc;
            ssize p = f.pos;
            stack.pop_back();
            const Inst& l = code_[loop];
            set_count(l.a, st_.count[l.a] + 1, p);
            pc = l.e;
            pos = p;
            resumed = true;
            break;
          }
          case kBtLook: {
            uint32_t begin_pc = f.pc;
            ssize p = f.pos;
            stack.pop_back();
            const Inst& begin = code_[begin_pc];
            if (begin.a == kLookAheadNot || begin.a == kLookBehindNot) {
              pc = begin.c;
              pos = p;
              resumed = true;
            }
            break;
          }
          case kBtAtomic:
            stack.pop_back();
            break;
        }
      }
    }
  }

  bool can_start(C c) const {
    char32_t x = c;
    if (x < 256) return (p_.first[x >> 6] >> (x & 63)) & 1;
    return p_.first_high;
  }

  // The next position >= from where the literal prefix occurs, or -1.
  ssize find_prefix(ssize from) const {
    const std::u32string& pre = p_.prefix;
    ssize n = static_cast<ssize>(pre.size());
    ssize last = end_ - n;
    if constexpr (sizeof(C) == 1) {
      if (pre[0] >= 256) return -1;
      const uint8_t first = static_cast<uint8_t>(pre[0]);
      while (from <= last) {
        const void* hit = std::memchr(s_ + from, first, static_cast<size_t>(last - from + 1));
        if (!hit) return -1;
        ssize at = static_cast<const C*>(hit) - s_;
        ssize k = 1;
        while (k < n && static_cast<char32_t>(s_[at + k]) == pre[k]) ++k;
        if (k == n) return at;
        from = at + 1;
      }
      return -1;
    } else {
      for (; from <= last; ++from) {
        ssize k = 0;
        while (k < n && static_cast<char32_t>(s_[from + k]) == pre[k]) ++k;
        if (k == n) return from;
      }
      return -1;
    }
  }

  bool run(ssize pos, Captures* out) {
    ssize end_pos = 0;
    if (must_advance_) origin_ = pos;
    if (mode_ != Mode::kSearch) {
      if (!attempt(pos, &end_pos)) return false;
      finish(pos, end_pos, out);
      return true;
    }
    for (ssize start = pos; start <= end_; ++start) {
      if (p_.anchored_start && start != 0) return false;
      if (!p_.prefix.empty()) {
        start = find_prefix(start);
        if (start < 0) return false;
      } else if (!p_.first_any) {
        while (start < end_ && !can_start(s_[start])) ++start;
        if (start >= end_) return false;
      }
      if (attempt(start, &end_pos)) {
        finish(start, end_pos, out);
        return true;
      }
      if (limited_) return false;
    }
    return false;
  }

  void finish(ssize start, ssize end_pos, Captures* out) {
    out->slots.assign(st_.slots.begin(), st_.slots.end());
    out->slots[0] = start;
    out->slots[1] = end_pos;
    out->lastindex = st_.lastindex;
    // Leave the state clean for the next run.
    unwind(0);
  }

 private:
  const Program& p_;
  const Inst* code_;
  const C* s_;
  ssize end_;
  Mode mode_;
  MatchState& st_;
  bool must_advance_;
  ssize origin_ = -1;  // where must_advance refuses an empty match
  uint64_t limit_;
  uint64_t steps_ = 0;
  bool limited_ = false;
};

}  // namespace

bool run(const Program& program, const Subject& subject, ssize pos, ssize endpos, Mode mode,
         MatchState& state, Captures* out, bool must_advance, uint64_t step_limit, bool* limited) {
  ssize len = subject.length;
  if (endpos > len) endpos = len;
  if (endpos < 0) endpos = 0;
  if (pos < 0) pos = 0;
  if (pos > endpos) return false;
  size_t nslots = 2 * (static_cast<size_t>(program.groups) + 1);
  state.slots.assign(nslots, -1);
  state.count.assign(static_cast<size_t>(program.registers), 0);
  state.lastpos.assign(static_cast<size_t>(program.registers), -1);
  state.lastindex = -1;
  state.stack.clear();
  bool matched;
  if (subject.wide) {
    Matcher<char32_t> m(program, subject.wide, endpos, mode, state, must_advance, step_limit);
    matched = m.run(pos, out);
    if (limited) *limited = m.limited();
  } else {
    Matcher<uint8_t> m(program, subject.narrow, endpos, mode, state, must_advance, step_limit);
    matched = m.run(pos, out);
    if (limited) *limited = m.limited();
  }
  return matched;
}

}  // namespace gopy::sre
