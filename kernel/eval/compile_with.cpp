// Compiling `with` and `async with` (CPython: Python/codegen.c codegen_with,
// codegen_async_with, codegen_with_except_finish). Each item nests: the manager's bound
// __exit__ stays on the value stack while the body runs under a handler that calls it
// with the exception and re-raises unless the result is true.
#include "eval/compiler.hpp"

namespace gopy {

// stack: ..., exit -> ...: exit(None, None, None) (awaited for `async with`).
void Compiler::emit_exit_call(bool is_async) {
  int none = add_const(new_none());
  for (int i = 0; i < 3; ++i) emit(Op::LOAD_CONST, none);
  emit(Op::CALL, 3);
  if (is_async) emit_await(2);
  emit(Op::POP_TOP);
}

void Compiler::with_stmt(const ast::Stmt* s, const std::vector<ast::WithItem*>& items, size_t item,
                         const ast::StmtList& body, bool is_async) {
  const ast::WithItem* it = items[item];
  int handler_label = new_label(), cleanup_label = new_label(), suppress = new_label(), end = new_label();
  int depth = stmt_depth();
  int with_line = s->loc.lineno;

  expr(it->context_expr);
  set_line(it->context_expr->loc.lineno);
  emit(Op::BEFORE_WITH, is_async ? 1 : 0);  // manager -> exit, entered
  if (is_async) emit_await(1);
  FBlock b(FBlock::with_block, 1);
  b.handler = new_handler(handler_label, depth + 1);
  b.name_line = with_line;
  b.is_async = is_async;
  unit_->fblocks.push_back(b);
  if (it->optional_vars) store_target(it->optional_vars);
  else emit(Op::POP_TOP);
  if (item + 1 < items.size()) with_stmt(s, items, item + 1, body, is_async);
  else block(body);
  unit_->fblocks.pop_back();
  set_line(with_line);
  emit_exit_call(is_async);
  emit_jump(Op::JUMP, end);

  place(handler_label);  // stack: ..., exit, exc
  set_line(with_line);
  int level = enter_handler(cleanup_label, depth + 1).exc_level;
  emit(Op::WITH_EXCEPT_START);  // -> exit, exc, result
  if (is_async) emit_await(2);
  emit_jump(Op::POP_JUMP_IF_TRUE, suppress);
  // Not suppressed: re-raised through the cleanup handler (the handled exception below).
  emit(Op::DUP_TOP);
  emit(Op::RERAISE);
  unit_->fblocks.pop_back();
  place(suppress);
  emit(Op::POP_EXCEPT, level);
  emit(Op::POP_TOP);
  emit(Op::POP_TOP);
  emit_jump(Op::JUMP, end);
  leave_handler(cleanup_label, level);
  place(end);
}

}  // namespace gopy
