// Compiling `match` statements (PEP 634). CPython: Python/codegen.c codegen_match_inner
// and codegen_pattern_*. The compile-time errors were found by the symtable
// (pattern_check.cpp); this file only generates code.
//
// While a pattern is matched, the value stack holds, above the subject's own copy: the
// values captured so far (`stores`, the first captured on top of the others) and `on_top`
// working values. A failing test jumps to fail_pop[n], where n is how many of those
// are above the level the next case starts from; the labels fall through POP_TOPs down to
// fail_pop[0].
#include <algorithm>

#include "eval/compiler.hpp"
#include "gopy/object_num.hpp"

namespace gopy {

struct PatternContext {
  std::vector<std::string> stores;  // captured names, their values on the stack
  std::vector<int> fail_pop;        // labels: fail_pop[n] pops n values, then goes on
  int on_top = 0;                   // working values above the captures
  bool allow_irrefutable = false;
};

namespace {

bool is_wildcard(const ast::Pattern* p) {
  auto* as = ast::dyn_cast<ast::MatchAs>(p);
  return as && !as->pattern && as->name.empty();
}

bool is_star_wildcard(const ast::Pattern* p) {
  auto* st = ast::dyn_cast<ast::MatchStar>(p);
  return st && st->name.empty();
}

}  // namespace

// Jumps (with `op`) to the label that pops everything this pattern put on the stack.
void Compiler::jump_to_fail_pop(PatternContext& pc, Op op) {
  size_t pops = size_t(pc.on_top) + pc.stores.size();
  while (pc.fail_pop.size() <= pops) pc.fail_pop.push_back(new_label());
  emit_jump(op, pc.fail_pop[pops]);
}

void Compiler::emit_and_reset_fail_pop(PatternContext& pc) {
  if (pc.fail_pop.empty()) return;
  for (size_t i = pc.fail_pop.size() - 1; i > 0; --i) {
    place(pc.fail_pop[i]);
    emit(Op::POP_TOP);
  }
  place(pc.fail_pop[0]);
  pc.fail_pop.clear();
}

// Moves the top of the stack `count` places down (CPython: pattern_helper_rotate).
void Compiler::rotate_down(int count) {
  while (count > 1) emit(Op::SWAP, count--);
}

// The top of the stack is a captured value: it goes below the working values and the
// other captures, to be stored once the whole pattern matched.
void Compiler::pattern_store(PatternContext& pc, const std::string& name) {
  if (name.empty()) {
    emit(Op::POP_TOP);
    return;
  }
  rotate_down(pc.on_top + int(pc.stores.size()) + 1);
  pc.stores.push_back(name);
}

void Compiler::pattern_subpattern(const ast::Pattern* p, PatternContext& pc) {
  bool saved = pc.allow_irrefutable;
  pc.allow_irrefutable = true;
  pattern(p, pc);
  pc.allow_irrefutable = saved;
}

// Unpacks the subject and matches each element against its pattern
// (CPython: pattern_helper_sequence_unpack).
void Compiler::pattern_sequence_unpack(const std::vector<ast::Pattern*>& patterns, int star, PatternContext& pc) {
  int n = int(patterns.size());
  if (star < 0) emit(Op::UNPACK_SEQUENCE, n);
  else emit(Op::UNPACK_EX, star, n - star - 1);
  pc.on_top += n;
  for (auto* sub : patterns) {
    --pc.on_top;
    pattern_subpattern(sub, pc);
  }
}

// `[a, *_, b]`: the elements are taken by index, nothing is unpacked
// (CPython: pattern_helper_sequence_subscr).
void Compiler::pattern_sequence_subscr(const std::vector<ast::Pattern*>& patterns, int star, PatternContext& pc) {
  ++pc.on_top;
  int size = int(patterns.size());
  for (int i = 0; i < size; ++i) {
    const ast::Pattern* sub = patterns[size_t(i)];
    if (is_wildcard(sub) || i == star) continue;
    emit(Op::COPY, 1);
    if (i < star) {
      emit(Op::LOAD_CONST, add_const(new_int(i)));
    } else {
      // The subject may not support negative indexes.
      emit(Op::GET_LEN);
      emit(Op::LOAD_CONST, add_const(new_int(size - i)));
      emit(Op::BINARY_OP, int(BinaryOp::sub));
    }
    emit(Op::BINARY_SUBSCR);
    pattern_subpattern(sub, pc);
  }
  --pc.on_top;
  emit(Op::POP_TOP);
}

void Compiler::pattern_sequence(const ast::MatchSequence& p, PatternContext& pc) {
  const auto& patterns = p.patterns;
  int size = int(patterns.size());
  int star = -1;
  bool only_wildcard = true, star_wildcard = false;
  for (int i = 0; i < size; ++i) {
    const ast::Pattern* sub = patterns[size_t(i)];
    if (sub->kind == ast::PatternKind::MatchStar) {
      star_wildcard = is_star_wildcard(sub);
      only_wildcard &= star_wildcard;
      star = i;
      continue;
    }
    only_wildcard &= is_wildcard(sub);
  }
  ++pc.on_top;  // the subject stays on top through the checks
  emit(Op::MATCH_SEQUENCE);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  if (star < 0 || size > 1) {
    emit(Op::GET_LEN);
    emit(Op::LOAD_CONST, add_const(new_int(star < 0 ? size : size - 1)));
    emit(Op::COMPARE_OP, int(star < 0 ? CmpKind::eq : CmpKind::ge));
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  }
  --pc.on_top;
  if (only_wildcard) emit(Op::POP_TOP);
  else if (star_wildcard) pattern_sequence_subscr(patterns, star, pc);
  else pattern_sequence_unpack(patterns, star, pc);
}

void Compiler::pattern_mapping(const ast::MatchMapping& p, PatternContext& pc) {
  int size = int(p.keys.size());
  ++pc.on_top;  // the subject stays on top through the checks
  emit(Op::MATCH_MAPPING);
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  if (!size && p.rest.empty()) {
    --pc.on_top;
    emit(Op::POP_TOP);
    return;
  }
  if (size) {
    emit(Op::GET_LEN);
    emit(Op::LOAD_CONST, add_const(new_int(size)));
    emit(Op::COMPARE_OP, int(CmpKind::ge));
    jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  }
  for (auto* key : p.keys) expr(key);
  emit(Op::BUILD_TUPLE, size);
  emit(Op::MATCH_KEYS);  // subject, keys -> subject, keys, values or None
  pc.on_top += 2;
  emit(Op::COPY, 1);
  emit(Op::LOAD_CONST, add_const(new_none()));
  emit(Op::COMPARE_OP, int(CmpKind::is_not));
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  emit(Op::UNPACK_SEQUENCE, size);
  pc.on_top += size - 1;
  for (auto* sub : p.patterns) {
    --pc.on_top;
    pattern_subpattern(sub, pc);
  }
  pc.on_top -= 2;
  if (p.rest.empty()) {
    emit(Op::POP_TOP);  // the keys
    emit(Op::POP_TOP);  // the subject
    return;
  }
  // rest = dict(subject) without the matched keys.
  emit(Op::BUILD_MAP, 0);           // subject, keys, rest
  emit(Op::SWAP, 3);                // rest, keys, subject
  emit(Op::DICT_UPDATE, 2);         // rest, keys
  emit(Op::UNPACK_SEQUENCE, size);  // rest, key...
  for (int left = size; left > 0; --left) {
    emit(Op::COPY, 1 + left);  // rest, key..., rest
    emit(Op::SWAP, 2);         // rest, key..., rest, key
    emit(Op::DELETE_SUBSCR);
  }
  pattern_store(pc, p.rest);
}

void Compiler::pattern_class(const ast::MatchClass& p, PatternContext& pc) {
  int nargs = int(p.patterns.size());
  int nattrs = int(p.kwd_attrs.size());
  expr(p.cls);
  std::vector<Object*> names;
  for (const auto& a : p.kwd_attrs) names.push_back(new_ref<Object>(intern(a)));
  emit(Op::LOAD_CONST, add_const(new_tuple_steal(std::move(names))));
  emit(Op::MATCH_CLASS, nargs);  // subject, cls, names -> attributes or None
  emit(Op::COPY, 1);
  emit(Op::LOAD_CONST, add_const(new_none()));
  emit(Op::COMPARE_OP, int(CmpKind::is_not));
  ++pc.on_top;
  jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
  emit(Op::UNPACK_SEQUENCE, nargs + nattrs);
  pc.on_top += nargs + nattrs - 1;
  for (int i = 0; i < nargs + nattrs; ++i) {
    --pc.on_top;
    const ast::Pattern* sub = i < nargs ? p.patterns[size_t(i)] : p.kwd_patterns[size_t(i - nargs)];
    if (is_wildcard(sub)) {
      emit(Op::POP_TOP);
      continue;
    }
    pattern_subpattern(sub, pc);
  }
}

// `p1 | p2 | ...`: each alternative on a copy of the subject, with its own captures,
// which are brought into the first alternative's order (CPython: codegen_pattern_or).
void Compiler::pattern_or(const ast::MatchOr& p, PatternContext& pc) {
  int end = new_label();
  PatternContext outer = std::move(pc);
  std::vector<std::string> control;
  size_t n = p.patterns.size();
  for (size_t i = 0; i < n; ++i) {
    pc = PatternContext();
    pc.allow_irrefutable = i + 1 == n && outer.allow_irrefutable;
    emit(Op::COPY, 1);
    pattern(p.patterns[i], pc);
    if (i == 0) {
      control = pc.stores;
    } else if (!pc.stores.empty()) {
      for (int icontrol = int(pc.stores.size()) - 1; icontrol >= 0; --icontrol) {
        const std::string& name = control[size_t(icontrol)];
        int istores = int(std::find(pc.stores.begin(), pc.stores.end(), name) - pc.stores.begin());
        if (istores == icontrol) continue;
        // Rotate the first istores+1 captures (on the stack and in the list) to sit
        // just above position icontrol.
        int rotations = istores + 1;
        std::vector<std::string> rotated(pc.stores.begin(), pc.stores.begin() + rotations);
        pc.stores.erase(pc.stores.begin(), pc.stores.begin() + rotations);
        pc.stores.insert(pc.stores.begin() + (icontrol - istores), rotated.begin(), rotated.end());
        while (rotations--) rotate_down(icontrol + 1);
      }
    }
    emit_jump(Op::JUMP, end);
    emit_and_reset_fail_pop(pc);
  }
  pc = std::move(outer);
  // No alternative matched: drop the subject's copy and fail.
  emit(Op::POP_TOP);
  jump_to_fail_pop(pc, Op::JUMP);
  place(end);
  // Above the new captures: the subject's copy, the working values and earlier captures.
  int nrots = int(control.size()) + 1 + pc.on_top + int(pc.stores.size());
  for (const auto& name : control) {
    rotate_down(nrots);
    pc.stores.push_back(name);
  }
  emit(Op::POP_TOP);  // the subject's copy
}

// Matches the subject on top of the stack (and consumes it).
void Compiler::pattern(const ast::Pattern* p, PatternContext& pc) {
  if (failed_) return;
  set_line(p->loc.lineno);
  using K = ast::PatternKind;
  switch (p->kind) {
    case K::MatchValue:
      expr(ast::cast<ast::MatchValue>(p)->value);
      emit(Op::COMPARE_OP, int(CmpKind::eq));
      jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
      return;
    case K::MatchSingleton: {
      auto kind = ast::cast<ast::MatchSingleton>(p)->value;
      Object* v = kind == ast::ConstantKind::None ? new_none() : new_bool(kind == ast::ConstantKind::True);
      emit(Op::LOAD_CONST, add_const(v));
      emit(Op::COMPARE_OP, int(CmpKind::is));
      jump_to_fail_pop(pc, Op::POP_JUMP_IF_FALSE);
      return;
    }
    case K::MatchSequence: pattern_sequence(*ast::cast<ast::MatchSequence>(p), pc); return;
    case K::MatchMapping: pattern_mapping(*ast::cast<ast::MatchMapping>(p), pc); return;
    case K::MatchClass: pattern_class(*ast::cast<ast::MatchClass>(p), pc); return;
    case K::MatchStar: pattern_store(pc, ast::cast<ast::MatchStar>(p)->name); return;
    case K::MatchAs: {
      auto* as = ast::cast<ast::MatchAs>(p);
      if (!as->pattern) {
        pattern_store(pc, as->name);
        return;
      }
      // A copy to store once the inner pattern matched.
      ++pc.on_top;
      emit(Op::COPY, 1);
      pattern(as->pattern, pc);
      --pc.on_top;
      pattern_store(pc, as->name);
      return;
    }
    case K::MatchOr: pattern_or(*ast::cast<ast::MatchOr>(p), pc); return;
  }
}

void Compiler::match_stmt(const ast::Match* m) {
  expr(m->subject);
  int end = new_label();
  size_t cases = m->cases.size();
  // A trailing `case _:` needs no copy of the subject and no test.
  bool has_default = cases > 1 && is_wildcard(m->cases.back()->pattern);
  for (size_t i = 0; i + (has_default ? 1 : 0) < cases; ++i) {
    const ast::MatchCase* c = m->cases[i];
    bool last_tested = i + 1 == cases - (has_default ? 1 : 0);
    set_line(c->pattern->loc.lineno);
    if (!last_tested) emit(Op::COPY, 1);
    PatternContext pc;
    pc.allow_irrefutable = c->guard != nullptr || i + 1 == cases;
    pattern(c->pattern, pc);
    // A match: the captures are stored (before the guard runs, so a failed guard leaves
    // them bound).
    set_line(c->pattern->loc.lineno);
    for (const auto& name : pc.stores) store_name(name);
    if (c->guard) {
      if (pc.fail_pop.empty()) pc.fail_pop.push_back(new_label());
      test_jump(c->guard, false, pc.fail_pop[0]);
    }
    if (!last_tested) emit(Op::POP_TOP);  // the subject
    block(c->body);
    emit_jump(Op::JUMP, end);
    set_line(c->pattern->loc.lineno);
    emit_and_reset_fail_pop(pc);
  }
  if (has_default) {
    const ast::MatchCase* c = m->cases.back();
    set_line(c->pattern->loc.lineno);
    if (cases == 1) emit(Op::POP_TOP);
    else emit(Op::NOP);
    if (c->guard) test_jump(c->guard, false, end);
    block(c->body);
  }
  place(end);
}

}  // namespace gopy
