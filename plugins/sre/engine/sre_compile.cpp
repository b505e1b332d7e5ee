// The compiler: the parsed tree to the matcher's program, with the scoped flags applied,
// and the search helpers (literal prefix, first-character set) computed
// (CPython: Lib/re/_compiler.py _compile, _compile_info, _get_literal_prefix).
#include <algorithm>

#include "sre_tree.hpp"

namespace gopy::sre {
namespace {

struct CompileError {
  Error error;
};

class Compiler {
 public:
  Compiler(Program* p, const ParseResult& parsed) : p_(p), parsed_(parsed) {}

  void seq(const Seq& nodes, int flags) {
    for (const Node& n : nodes) node(n, flags);
  }

 private:
  uint32_t here() const { return static_cast<uint32_t>(p_->code.size()); }
  uint32_t emit(Inst inst) {
    p_->code.push_back(inst);
    return here() - 1;
  }
  Inst& at(uint32_t pc) { return p_->code[pc]; }

  // The instruction matching one character (a "unit": literal, set, any).
  Inst unit(const Node& n, int flags) {
    bool ic = flags & kIgnoreCase, ascii = flags & kAscii;
    switch (n.op) {
      case NodeOp::kLiteral:
      case NodeOp::kNotLiteral: {
        bool neg = n.op == NodeOp::kNotLiteral;
        char32_t c = n.a;
        if (ic && (c >= 128 || fold(c, ascii) != c || upper(c, ascii) != c)) {
          Inst i{neg ? Op::kNotCharIC : Op::kCharIC, case_key(c, ascii)};
          i.b = ascii;
          return i;
        }
        return Inst{neg ? Op::kNotChar : Op::kChar, c};
      }
      case NodeOp::kAny:
        return Inst{(flags & kDotAll) ? Op::kAnyAll : Op::kAny};
      case NodeOp::kIn: {
        CharSet set;
        set.items = n.set;
        if (ic) {
          // Each literal also stands for its case class, so 's' in a set takes 'ſ' too.
          for (const SetItem& item : n.set)
            if (item.kind == SetItem::kLiteral && case_key(item.lo, ascii) != item.lo)
              set.items.push_back(SetItem{SetItem::kLiteral, case_key(item.lo, ascii), case_key(item.lo, ascii)});
        }
        set.negate = n.negate;
        set.ignore_case = ic;
        set.ascii = ascii;
        set.build_bitmap();
        p_->sets.push_back(std::move(set));
        return Inst{Op::kSet, static_cast<uint32_t>(p_->sets.size() - 1)};
      }
      default:
        return Inst{Op::kFail};
    }
  }
  static bool is_unit(const Node& n) {
    return n.op == NodeOp::kLiteral || n.op == NodeOp::kNotLiteral || n.op == NodeOp::kAny || n.op == NodeOp::kIn;
  }

  void node(const Node& n, int flags) {
    switch (n.op) {
      case NodeOp::kLiteral:
      case NodeOp::kNotLiteral:
      case NodeOp::kAny:
      case NodeOp::kIn:
        emit(unit(n, flags));
        return;
      case NodeOp::kAt: {
        uint32_t k = n.a;
        if (k == kAtBeginning && (flags & kMultiline)) k = kAtBeginningLine;
        if (k == kAtEnd && (flags & kMultiline)) k = kAtEndLine;
        if (k == kAtBoundary && (flags & kAscii)) k = kAtBoundaryAscii;
        if (k == kAtNonBoundary && (flags & kAscii)) k = kAtNonBoundaryAscii;
        emit(Inst{Op::kAt, k});
        return;
      }
      case NodeOp::kBranch: {
        std::vector<uint32_t> jumps;
        for (size_t i = 0; i < n.subs.size(); ++i) {
          uint32_t split = 0;
          bool last = i + 1 == n.subs.size();
          if (!last) split = emit(Inst{Op::kSplit});
          if (!last) at(split).a = here();
          seq(n.subs[i], flags);
          if (!last) {
            jumps.push_back(emit(Inst{Op::kJump}));
            at(split).b = here();
          }
        }
        for (uint32_t j : jumps) at(j).a = here();
        return;
      }
      case NodeOp::kSubpattern: {
        int inner = (flags | n.add_flags) & ~n.del_flags;
        if (n.group >= 0) emit(Inst{Op::kSave, static_cast<uint32_t>(2 * n.group)});
        seq(n.subs[0], inner);
        if (n.group >= 0) emit(Inst{Op::kSave, static_cast<uint32_t>(2 * n.group + 1)});
        return;
      }
      case NodeOp::kRepeat:
        repeat(n, flags);
        return;
      case NodeOp::kGroupRef: {
        Inst i{Op::kGroupRef, static_cast<uint32_t>(n.group)};
        i.b = (flags & kIgnoreCase) != 0;
        i.c = (flags & kAscii) != 0;
        emit(i);
        return;
      }
      case NodeOp::kGroupExists: {
        uint32_t test = emit(Inst{Op::kGroupExists, static_cast<uint32_t>(n.group)});
        seq(n.subs[0], flags);
        if (n.subs.size() > 1) {
          uint32_t jump = emit(Inst{Op::kJump});
          at(test).b = here();
          seq(n.subs[1], flags);
          at(jump).a = here();
        } else {
          at(test).b = here();
        }
        return;
      }
      case NodeOp::kAssert:
      case NodeOp::kAssertNot: {
        bool positive = n.op == NodeOp::kAssert;
        Inst begin{Op::kLookBegin};
        if (n.dir < 0) {
          Width w = seq_width(n.subs[0], parsed_.group_widths);
          if (w.lo > 0xFFFFFFFFull) throw CompileError{Error{"looks too much behind"}};
          if (w.lo != w.hi) throw CompileError{Error{"look-behind requires fixed-width pattern"}};
          begin.a = positive ? kLookBehind : kLookBehindNot;
          begin.b = static_cast<uint32_t>(w.lo);
        } else {
          begin.a = positive ? kLookAhead : kLookAheadNot;
        }
        uint32_t b = emit(begin);
        seq(n.subs[0], flags);
        emit(Inst{Op::kLookEnd});
        at(b).c = here();
        return;
      }
      case NodeOp::kAtomic:
        emit(Inst{Op::kAtomicBegin});
        seq(n.subs[0], flags);
        emit(Inst{Op::kAtomicEnd});
        return;
      case NodeOp::kFailure:
        emit(Inst{Op::kFail});
        return;
    }
  }

  void repeat(const Node& n, int flags) {
    const Seq& body = n.subs[0];
    uint32_t min = n.a, max = n.b;
    if (body.size() == 1 && is_unit(body[0])) {
      Inst r{Op::kRepeatOne, min, max, n.mode};
      emit(r);
      emit(unit(body[0], flags));
      return;
    }
    if (n.mode == kPossessive) emit(Inst{Op::kAtomicBegin});
    uint32_t reg = static_cast<uint32_t>(p_->registers++);
    emit(Inst{Op::kRepInit, reg});
    uint32_t loop = emit(Inst{Op::kRepLoop, reg, min, max, n.mode == kLazy ? kLazy : kGreedy});
    at(loop).e = here();
    seq(body, flags);
    emit(Inst{Op::kJump, loop});
    at(loop).f = here();
    if (n.mode == kPossessive) emit(Inst{Op::kAtomicEnd});
  }

  Program* p_;
  const ParseResult& parsed_;
};

// The first-character information of a sequence (CPython: _compile_info computes a
// prefix and a charset for the same purpose).
struct First {
  uint64_t bits[4] = {0, 0, 0, 0};
  bool high = false;
  bool nullable = true;  // the sequence can match without consuming
  bool unknown = false;  // no information: any position may start a match
  void add(uint32_t c) {
    if (c < 256) bits[c >> 6] |= uint64_t(1) << (c & 63);
    else high = true;
  }
  void add_all() {
    for (auto& b : bits) b = ~uint64_t(0);
    high = true;
  }
  void merge(const First& o) {
    for (int i = 0; i < 4; ++i) bits[i] |= o.bits[i];
    high |= o.high;
    unknown |= o.unknown;
  }
};

void first_of_unit(const Inst& inst, const Program& p, First* f) {
  switch (inst.op) {
    case Op::kChar:
      f->add(inst.a);
      break;
    case Op::kCharIC:
      for (uint32_t c = 0; c < 256; ++c)
        if (case_key(c, inst.b) == inst.a) f->add(c);
      f->high = true;
      break;
    case Op::kSet:
      for (uint32_t c = 0; c < 256; ++c)
        if (p.sets[inst.a].test_low(c)) f->add(c);
      f->high = true;
      break;
    default:
      f->add_all();
      break;
  }
}

// Walks the program from pc, as the matcher would on its first character. Depth-limited;
// gives up (unknown) on what it does not follow.
First first_from(const Program& p, uint32_t pc, int depth) {
  First f;
  if (depth > 64) {
    f.unknown = true;
    return f;
  }
  while (pc < p.code.size()) {
    const Inst& i = p.code[pc];
    switch (i.op) {
      case Op::kChar: case Op::kCharIC: case Op::kNotChar: case Op::kNotCharIC:
      case Op::kAny: case Op::kAnyAll: case Op::kSet:
        first_of_unit(i, p, &f);
        f.nullable = false;
        return f;
      case Op::kAt: case Op::kSave: case Op::kRepInit:
        ++pc;
        continue;
      case Op::kJump:
        if (i.a <= pc) {
          f.unknown = true;
          return f;
        }
        pc = i.a;
        continue;
      case Op::kSplit: {
        First a = first_from(p, i.a, depth + 1);
        First b = first_from(p, i.b, depth + 1);
        f.merge(a);
        f.merge(b);
        f.nullable = a.nullable || b.nullable;
        return f;
      }
      case Op::kRepeatOne: {
        first_of_unit(p.code[pc + 1], p, &f);
        if (i.a > 0) {
          f.nullable = false;
          return f;
        }
        pc += 2;
        continue;
      }
      case Op::kRepLoop: {
        First body = first_from(p, i.e, depth + 1);
        f.merge(body);
        if (i.b > 0 && !body.nullable) {
          f.nullable = false;
          return f;
        }
        pc = i.f;
        continue;
      }
      case Op::kAtomicBegin: case Op::kAtomicEnd:
        ++pc;
        continue;
      case Op::kFail:
        f.nullable = false;
        return f;
      default:
        f.unknown = true;
        return f;
    }
  }
  return f;
}

void compute_search_info(const ParseResult& parsed, Program* p) {
  // The literal prefix: leading case-sensitive literals (zero-width anchors between them
  // change nothing: a match starting at i still has the prefix at i).
  if (!(p->flags & kIgnoreCase)) {
    for (const Node& n : parsed.tree) {
      if (n.op == NodeOp::kLiteral) {
        p->prefix += static_cast<char32_t>(n.a);
        continue;
      }
      break;
    }
  }
  if (!parsed.tree.empty()) {
    const Node& n0 = parsed.tree[0];
    if (n0.op == NodeOp::kAt &&
        (n0.a == kAtBeginningString || (n0.a == kAtBeginning && !(p->flags & kMultiline))))
      p->anchored_start = true;
  }
  First f = first_from(*p, 0, 0);
  if (!f.unknown && !f.nullable) {
    p->first_any = false;
    std::copy(std::begin(f.bits), std::end(f.bits), p->first);
    p->first_high = f.high;
  }
}

}  // namespace

bool compile(std::u32string_view pattern, int flags, Program* program, Error* error, bool bytes) {
  ParseResult parsed;
  if (!parse(pattern, flags, bytes, &parsed, error)) {
    program->warnings = std::move(parsed.warnings);
    return false;
  }
  Program p;
  p.bytes = bytes;
  p.flags = parsed.flags;
  p.groups = parsed.groups - 1;
  p.group_names = parsed.group_names;
  p.warnings = parsed.warnings;
  try {
    Compiler c(&p, parsed);
    // A bytes pattern matches as an ASCII one (CPython: the non-UNICODE opcodes).
    c.seq(parsed.tree, bytes ? (parsed.flags | kAscii) : parsed.flags);
  } catch (const CompileError& e) {
    *error = e.error;
    return false;
  }
  p.code.push_back(Inst{Op::kMatch});
  compute_search_info(parsed, &p);
  *program = std::move(p);
  return true;
}

}  // namespace gopy::sre
