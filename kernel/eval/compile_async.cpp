// Compiling `await` and `async for` (CPython: Python/codegen.c codegen_async_for,
// ADD_YIELD_FROM after GET_AWAITABLE). An await delegates to the awaitable's iterator as
// `yield from` does: the coroutine's driver sees what the innermost awaitable yields.
#include "eval/compiler.hpp"

namespace gopy {

// stack: ..., awaitable -> ..., result.
void Compiler::emit_await(int context) {
  emit(Op::GET_AWAITABLE, context);
  emit_send_loop();
}

// stack: ..., iterator -> ..., its return value; each value it yields is yielded.
void Compiler::emit_send_loop() {
  int loop = new_label(), exit = new_label();
  emit(Op::LOAD_CONST, add_const(new_none()));
  place(loop);
  emit_jump(Op::SEND, exit);
  emit_jump(Op::YIELD_VALUE, exit);
  emit_jump(Op::JUMP, loop);
  place(exit);
}

// Each step awaits __anext__() under a handler that ends the loop on StopAsyncIteration
// and re-raises anything else.
void Compiler::async_for_stmt(const ast::AsyncFor* f) {
  int loop = new_label(), handler = new_label(), end = new_label();
  expr(f->iter);
  emit(Op::GET_AITER);
  int depth = stmt_depth() + 1;  // the async iterator stays on the stack
  place(loop);
  FBlock step(FBlock::try_except);
  step.handler = new_handler(handler, depth);
  unit_->fblocks.push_back(step);
  emit(Op::GET_ANEXT);  // the awaitable's iterator
  emit_send_loop();
  unit_->fblocks.pop_back();
  FBlock b(FBlock::for_loop, 1);
  b.continue_label = loop;
  b.break_label = end;
  unit_->fblocks.push_back(b);
  store_target(f->target);
  block(f->body);
  unit_->fblocks.pop_back();
  set_line(f->loc.lineno);
  emit_jump(Op::JUMP_BACKWARD, loop);

  int orelse = new_label();
  end_async_for_step(handler, orelse);
  place(orelse);
  block(f->orelse);
  place(end);
}

// The handler of an `async for` step (stack: ..., aiter, exc): StopAsyncIteration drops
// both and continues at `done`; anything else propagates.
void Compiler::end_async_for_step(int handler, int done) {
  int reraise = new_label();
  place(handler);
  emit(Op::LOAD_CONST, add_const(new_ref<Object>(&exc_StopAsyncIteration)));
  emit(Op::CHECK_EXC_MATCH);
  emit_jump(Op::POP_JUMP_IF_FALSE, reraise);
  emit(Op::POP_TOP);
  emit(Op::POP_TOP);
  emit_jump(Op::JUMP, done);
  place(reraise);
  emit(Op::RERAISE);
}

}  // namespace gopy
