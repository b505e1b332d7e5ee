// Compiling `try` with `except*` clauses (PEP 654; CPython: Python/codegen.c
// codegen_try_star_except). The handler keeps, below the clauses, a list of what they
// raised, the caught exception and the part no clause matched yet:
//   list, orig, rest
// Each clause splits `rest` by its type (CHECK_EG_MATCH), runs its body with the match as
// the handled exception and appends whatever the body raises to the list. At the end the
// unmatched rest joins the list and PREP_RERAISE_STAR computes what is raised, if anything.
#include "eval/compiler.hpp"

namespace gopy {

void Compiler::try_star_except(const ast::TryStar* t) {
  int cleanup_label = new_label(), end = new_label();
  int depth = stmt_depth();
  guarded_body(t->body, t->orelse, end, t->handlers[0]->loc.lineno);  // stack: ..., orig
  int level = enter_handler(cleanup_label, depth).exc_level;  // the cleanup keeps `list`
  emit(Op::BUILD_LIST, 0);
  emit(Op::ROT_TWO);
  emit(Op::DUP_TOP);  // list, orig, rest
  // Two more values than the cleanup block counts (break/continue/return cannot leave
  // an except* clause, so nothing unwinds through them).
  unit_->fblocks.push_back(FBlock(FBlock::pop_value, 2));
  int none = add_const(new_none());
  for (auto* h : t->handlers) {
    set_line(h->loc.lineno);
    int no_match = new_label(), next = new_label(), clause_cleanup = new_label();
    expr(h->type);
    set_line(h->loc.lineno);
    emit(Op::CHECK_EG_MATCH);  // list, orig, rest, match
    emit(Op::DUP_TOP);
    emit(Op::LOAD_CONST, none);
    emit(Op::COMPARE_OP, int(CmpKind::is));
    emit_jump(Op::POP_JUMP_IF_TRUE, no_match);
    int clause_level = enter_handler(clause_cleanup, depth + 3).exc_level;  // handled: match
    if (!h->name.empty()) {
      emit(Op::DUP_TOP);
      store_name(h->name);
      unit_->fblocks.back().name = h->name;
      unit_->fblocks.back().name_line = h->loc.lineno;
    }
    block(h->body);
    unit_->fblocks.pop_back();
    set_line(h->loc.lineno);
    emit(Op::POP_EXCEPT, clause_level);
    emit(Op::POP_TOP);
    if (!h->name.empty()) unbind_handler_name(h->name, h->loc.lineno);
    emit_jump(Op::JUMP, next);

    place(clause_cleanup);  // list, orig, rest, match, raised
    if (!h->name.empty()) unbind_handler_name(h->name, h->loc.lineno);
    emit(Op::POP_EXCEPT, clause_level);
    emit(Op::ROT_TWO);
    emit(Op::POP_TOP);
    emit(Op::LIST_APPEND, 3);
    emit_jump(Op::JUMP, next);
    --unit_->exc_level;

    place(no_match);
    emit(Op::POP_TOP);
    place(next);
  }
  set_line(t->handlers.back()->loc.lineno);
  emit(Op::LIST_APPEND, 2);      // list, orig
  emit(Op::PREP_RERAISE_STAR);   // list, to_raise
  int nothing_left = new_label();
  emit(Op::DUP_TOP);
  emit(Op::LOAD_CONST, none);
  emit(Op::COMPARE_OP, int(CmpKind::is));
  emit_jump(Op::POP_JUMP_IF_TRUE, nothing_left);
  emit(Op::RERAISE);  // through the cleanup handler
  place(nothing_left);
  unit_->fblocks.pop_back();
  unit_->fblocks.pop_back();
  emit(Op::POP_TOP);
  emit(Op::POP_EXCEPT, level);
  emit(Op::POP_TOP);
  emit_jump(Op::JUMP, end);
  leave_handler(cleanup_label, level);
  place(end);
}

}  // namespace gopy
