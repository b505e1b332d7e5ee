// Compiling statements and assignment targets into bytecode (CPython: Python/codegen.c
// codegen_visit_stmt, codegen_try_except, codegen_try_finally, codegen_unwind_fblock,
// codegen_import).
#include <type_traits>

#include "eval/compiler.hpp"
#include "eval/mangle.hpp"
#include "eval/intrinsics.hpp"
#include "object/strcat.hpp"

namespace gopy {

void Compiler::block(const ast::StmtList& list) {
  for (auto* s : list) stmt(s);
}

void Compiler::store_target(const ast::Expr* e) {
  using K = ast::ExprKind;
  int saved_line = unit_->line;
  switch (e->kind) {
    case K::Name: store_name(ast::cast<ast::Name>(e)->id); break;
    case K::Attribute: {
      auto* a = ast::cast<ast::Attribute>(e);
      expr(a->value);
      set_line(e->loc.lineno);
      emit_attr(a, e, Op::STORE_ATTR, attr_const(a, true));
      break;
    }
    case K::Subscript: {
      auto* s = ast::cast<ast::Subscript>(e);
      expr(s->value);
      expr(s->slice);
      set_line(e->loc.lineno);
      emit_spanned(e, Op::STORE_SUBSCR, 0, 0, SourceSpan::Anchor::bracket, s->value);
      break;
    }
    case K::Tuple:
    case K::List: {
      const ast::ExprList& elts = e->kind == K::Tuple ? ast::cast<ast::Tuple>(e)->elts : ast::cast<ast::List>(e)->elts;
      int star = -1;
      for (size_t i = 0; i < elts.size(); ++i) {
        if (elts[i]->kind != K::Starred) continue;
        if (star >= 0) {
          fail("multiple starred expressions in assignment", e);
          return;
        }
        star = int(i);
      }
      // The unpacking reports the target's position (CPython: codegen_unpack_helper, LOC(e)).
      set_line(e->loc.lineno);
      if (star < 0) emit_spanned(e, Op::UNPACK_SEQUENCE, int(elts.size()));
      else emit_spanned(e, Op::UNPACK_EX, star, int(elts.size()) - star - 1);
      for (auto* x : elts) {
        if (auto* st = ast::dyn_cast<ast::Starred>(x)) store_target(st->value);
        else store_target(x);
      }
      break;
    }
    case K::Starred: fail("starred assignment target must be in a list or tuple", e); break;
    default: fail("cannot assign to expression", e); break;
  }
  set_line(saved_line);
}

void Compiler::delete_target(const ast::Expr* e) {
  using K = ast::ExprKind;
  switch (e->kind) {
    case K::Name: {
      SpanRestore restore(unit_);
      set_span(e);
      delete_name(ast::cast<ast::Name>(e)->id);
      return;
    }
    case K::Attribute: {
      auto* a = ast::cast<ast::Attribute>(e);
      expr(a->value);
      emit_attr(a, e, Op::DELETE_ATTR, attr_const(a));
      return;
    }
    case K::Subscript: {
      auto* s = ast::cast<ast::Subscript>(e);
      expr(s->value);
      expr(s->slice);
      emit_spanned(e, Op::DELETE_SUBSCR, 0, 0, SourceSpan::Anchor::bracket, s->value);
      return;
    }
    case K::Tuple:
    case K::List: {
      const ast::ExprList& elts = e->kind == K::Tuple ? ast::cast<ast::Tuple>(e)->elts : ast::cast<ast::List>(e)->elts;
      for (auto* x : elts) delete_target(x);
      return;
    }
    default: fail("cannot delete expression", e); return;
  }
}

void Compiler::aug_assign(const ast::AugAssign* a) {
  int op = int(ast_bin_op(a->op));
  if (auto* name = ast::dyn_cast<ast::Name>(a->target)) {
    load_name(name->id);
    expr(a->value);
    emit(Op::INPLACE_OP, op);
    store_name(name->id);
  } else if (auto* at = ast::dyn_cast<ast::Attribute>(a->target)) {
    expr(at->value);
    emit(Op::DUP_TOP);
    emit_attr(at, at, Op::LOAD_ATTR, attr_const(at));
    expr(a->value);
    emit(Op::INPLACE_OP, op);
    emit(Op::ROT_TWO);
    emit_attr(at, at, Op::STORE_ATTR, attr_const(at));
  } else if (auto* sub = ast::dyn_cast<ast::Subscript>(a->target)) {
    expr(sub->value);
    expr(sub->slice);
    emit(Op::ROT_TWO);
    emit(Op::DUP_TOP);
    emit(Op::ROT_THREE);  // obj, key, obj
    emit(Op::ROT_TWO);    // obj, obj, key
    emit(Op::DUP_TOP);
    emit(Op::ROT_THREE);  // obj, key, obj, key
    emit_spanned(sub, Op::BINARY_SUBSCR, 0, 0, SourceSpan::Anchor::bracket, sub->value);
    expr(a->value);
    emit(Op::INPLACE_OP, op);
    emit(Op::ROT_THREE);  // result, obj, key
    emit_spanned(sub, Op::STORE_SUBSCR, 0, 0, SourceSpan::Anchor::bracket, sub->value);
  } else {
    fail("'expression' is an illegal expression for augmented assignment", a);
  }
}

// `e = None; del e` after an `except ... as e` body (CPython: codegen_try_except).
void Compiler::unbind_handler_name(const std::string& name, int line) {
  int saved = unit_->line;
  set_line(line);
  emit(Op::LOAD_CONST, add_const(new_none()));
  store_name(name);
  delete_name(name);
  set_line(saved);
}

void Compiler::unwind_block(const FBlock& b, bool preserve_top) {
  switch (b.kind) {
    case FBlock::while_loop:
    case FBlock::try_except: return;
    case FBlock::for_loop:
    case FBlock::pop_value:
      if (preserve_top) emit(Op::ROT_TWO);
      emit(Op::POP_TOP);
      return;
    case FBlock::handler_cleanup:
      if (preserve_top) emit(Op::ROT_TWO);
      emit(Op::POP_EXCEPT, b.exc_level);
      emit(Op::POP_TOP);
      if (!b.name.empty()) unbind_handler_name(b.name, b.name_line);
      return;
    case FBlock::with_block: {
      // Leaving a with block by return/break/continue calls exit(None, None, None).
      int saved = unit_->line;
      set_line(b.name_line);
      if (preserve_top) emit(Op::ROT_TWO);
      emit_exit_call(b.is_async);
      set_line(saved);
      return;
    }
    case FBlock::finally_try: {
      int saved_level = unit_->exc_level;
      if (preserve_top) unit_->fblocks.push_back(FBlock(FBlock::pop_value, 1));
      block(*b.finalbody);
      if (preserve_top) unit_->fblocks.pop_back();
      unit_->exc_level = saved_level;
      return;
    }
  }
}

void Compiler::unwind_to(size_t downto, bool preserve_top) {
  std::vector<FBlock> saved = unit_->fblocks;
  int saved_level = unit_->exc_level;
  while (unit_->fblocks.size() > downto) {
    FBlock b = unit_->fblocks.back();
    unit_->fblocks.pop_back();
    if (b.kind == FBlock::handler_cleanup) unit_->exc_level = b.exc_level;
    unwind_block(b, preserve_top);
  }
  unit_->fblocks = std::move(saved);
  unit_->exc_level = saved_level;
}

void Compiler::return_stmt(const ast::Return* r) {
  // CPython: Lib/traceback.py _should_show_carets (`return f(...)` shows no carets, when
  // the line parses as that statement: it is the first on its line).
  if (auto* call = ast::dyn_cast<ast::Call>(r->value);
      call && ast::dyn_cast<ast::Name>(call->func) && stmt_first_on_line_)
    whole_value_call_ = call;
  if (r->value) expr(r->value);
  else emit(Op::LOAD_CONST, add_const(new_none()));
  unwind_to(0, true);
  set_line(r->loc.lineno);
  emit(Op::RETURN_VALUE);
}

void Compiler::for_stmt(const ast::For* f) {
  int loop = new_label(), exit = new_label(), end = new_label();
  iterated_expr(f->iter);
  emit_spanned(f->iter, Op::GET_ITER);
  place(loop);
  emit_jump(Op::FOR_ITER, exit);
  FBlock b(FBlock::for_loop);
  b.items = 1;
  b.continue_label = loop;
  b.break_label = end;
  unit_->fblocks.push_back(b);
  store_target(f->target);
  block(f->body);
  unit_->fblocks.pop_back();
  set_line(f->loc.lineno);
  emit_jump(Op::JUMP_BACKWARD, loop);
  place(exit);
  block(f->orelse);
  place(end);
}

void Compiler::while_stmt(const ast::While* w) {
  int loop = new_label(), exit = new_label(), end = new_label();
  place(loop);
  test_jump(w->test, false, exit);
  FBlock b(FBlock::while_loop);
  b.continue_label = loop;
  b.break_label = end;
  unit_->fblocks.push_back(b);
  block(w->body);
  unit_->fblocks.pop_back();
  set_line(w->loc.lineno);
  emit_jump(Op::JUMP_BACKWARD, loop);
  place(exit);
  block(w->orelse);
  place(end);
}

// A handler's entry (stack: ..., exc): the exception becomes the one being handled, and
// what follows runs under a cleanup handler at `cleanup_label` (pushed as an fblock).
FBlock Compiler::enter_handler(int cleanup_label, int depth) {
  int level = unit_->exc_level++;
  unit_->code->max_exc_level = std::max(unit_->code->max_exc_level, unit_->exc_level);
  emit(Op::PUSH_EXC_INFO, level);
  FBlock cleanup(FBlock::handler_cleanup, 1);
  cleanup.handler = new_handler(cleanup_label, depth + 1);
  cleanup.exc_level = level;
  unit_->fblocks.push_back(cleanup);
  return cleanup;
}

// stack: ..., exc, new exc. The handled exception is dropped and the new one propagates.
void Compiler::emit_pop_except_and_reraise(int level) {
  emit(Op::POP_EXCEPT, level);
  emit(Op::ROT_TWO);
  emit(Op::POP_TOP);
  emit(Op::RERAISE);
}

// The cleanup handler's code, under the enclosing handler; the handler level ends.
void Compiler::leave_handler(int cleanup_label, int level) {
  place(cleanup_label);
  emit_pop_except_and_reraise(level);
  --unit_->exc_level;
}

// The body of a try under a handler, then its else clause and a jump to `end`; the
// handler's code (stack: ..., exc) follows, at the first clause's line.
void Compiler::guarded_body(const ast::StmtList& body, const ast::StmtList& orelse, int end, int handler_line) {
  int handler_label = new_label();
  FBlock body_block(FBlock::try_except);
  body_block.handler = new_handler(handler_label, stmt_depth());
  unit_->fblocks.push_back(body_block);
  block(body);
  unit_->fblocks.pop_back();
  block(orelse);
  emit_jump(Op::JUMP, end);
  place(handler_label);
  set_line(handler_line);
}

// try/except[/else]: the body runs under a handler; the handler matches the clauses with
// the exception pushed, `except` bodies run under a cleanup handler that restores the
// handled-exception state (CPython: codegen_try_except).
void Compiler::try_except(const ast::Try* t) {
  int cleanup_label = new_label(), end = new_label();
  int depth = stmt_depth();
  guarded_body(t->body, t->orelse, end, t->handlers[0]->loc.lineno);  // stack: ..., exc
  FBlock cleanup = enter_handler(cleanup_label, depth);
  int level = cleanup.exc_level;
  std::vector<std::pair<int, const ast::ExceptHandler*>> named_cleanups;
  for (size_t i = 0; i < t->handlers.size(); ++i) {
    auto* h = t->handlers[i];
    set_line(h->loc.lineno);
    if (!h->type && i + 1 < t->handlers.size()) fail("default 'except:' must be last", h);
    int next = new_label();
    if (h->type) {
      expr(h->type);
      set_line(h->loc.lineno);
      emit(Op::CHECK_EXC_MATCH);
      emit_jump(Op::POP_JUMP_IF_FALSE, next);
    }
    if (!h->name.empty()) {
      emit(Op::DUP_TOP);
      store_name(h->name);
      // The body runs under a handler that also unbinds the name.
      int named_cleanup = new_label();
      FBlock named = cleanup;
      named.handler = new_handler(named_cleanup, depth + 1);
      named.name = h->name;
      named.name_line = h->loc.lineno;
      unit_->fblocks.back() = named;
      block(h->body);
      unit_->fblocks.back() = cleanup;
      set_line(h->loc.lineno);
      emit(Op::POP_EXCEPT, level);
      emit(Op::POP_TOP);
      unbind_handler_name(h->name, h->loc.lineno);
      emit_jump(Op::JUMP, end);
      named_cleanups.emplace_back(named_cleanup, h);
    } else {
      block(h->body);
      set_line(h->loc.lineno);
      emit(Op::POP_EXCEPT, level);
      emit(Op::POP_TOP);
      emit_jump(Op::JUMP, end);
    }
    place(next);
  }
  // No clause matched: re-raise through the cleanup handler, which expects the handled
  // exception below the raised one.
  emit(Op::DUP_TOP);
  emit(Op::RERAISE);
  unit_->fblocks.pop_back();
  // The cleanups run under the enclosing handler.
  for (auto [label, h] : named_cleanups) {
    place(label);  // stack: ..., exc, new exc
    unbind_handler_name(h->name, h->loc.lineno);
    emit_pop_except_and_reraise(level);
  }
  leave_handler(cleanup_label, level);
  place(end);
}

// try/finally: the final body is compiled once for the normal path, once for the
// exceptional path (the exception re-raised after it), and once more at each return,
// break or continue that leaves the try (CPython: codegen_try_finally).
template <class TryNode>
void Compiler::try_finally(const TryNode* t) {
  int handler_label = new_label(), cleanup_label = new_label(), end = new_label();
  int depth = stmt_depth();
  FBlock body_block(FBlock::finally_try);
  body_block.handler = new_handler(handler_label, depth);
  body_block.finalbody = &t->finalbody;
  unit_->fblocks.push_back(body_block);
  if (t->handlers.empty()) {
    block(t->body);
    block(t->orelse);
  } else if constexpr (std::is_same_v<TryNode, ast::TryStar>) {
    try_star_except(t);
  } else {
    try_except(t);
  }
  unit_->fblocks.pop_back();
  block(t->finalbody);
  emit_jump(Op::JUMP, end);

  place(handler_label);  // stack: ..., exc
  int level = enter_handler(cleanup_label, depth).exc_level;
  block(t->finalbody);
  unit_->fblocks.pop_back();
  emit(Op::POP_EXCEPT, level);
  emit(Op::RERAISE);
  leave_handler(cleanup_label, level);
  place(end);
}

void Compiler::try_stmt(const ast::Try* t) {
  if (t->finalbody.empty()) try_except(t);
  else try_finally(t);
}

void Compiler::import_stmt(const ast::Stmt* s) {
  if (auto* imp = ast::dyn_cast<ast::Import>(s)) {
    for (auto* al : imp->names) {
      emit(Op::LOAD_CONST, add_const(new_none()));
      emit(Op::IMPORT_NAME, name_const(al->name), 0);
      if (al->asname.empty()) {
        store_name(al->name.substr(0, al->name.find('.')));
      } else {
        // `import a.b.c as x` binds x to a.b.c.
        if (al->name.find('.') != std::string::npos) emit(Op::IMPORT_SUBATTR, name_const(al->name));
        store_name(al->asname);
      }
    }
    return;
  }
  auto* from = ast::cast<ast::ImportFrom>(s);
  std::vector<Object*> names;
  for (auto* al : from->names) names.push_back(new_ref<Object>(intern(al->name)));
  emit(Op::LOAD_CONST, add_const(new_tuple_steal(std::move(names))));
  emit(Op::IMPORT_NAME, name_const(from->module), from->level);
  for (auto* al : from->names) {
    if (al->name == "*") {
      emit(Op::IMPORT_STAR);
      return;
    }
    emit(Op::IMPORT_FROM, name_const(al->name));
    store_name(al->asname.empty() ? al->name : al->asname);
  }
  emit(Op::POP_TOP);
}

// def and async def: decorators, then (for a generic def) the type parameters' scope, the
// function with its annotations, the decorators applied, the name bound.
// CPython: codegen_function.
template <class Def>
void Compiler::function_def(const Def& f) {
  int first_line = push_decorators(f.decorator_list, f.loc.lineno);
  with_type_params(f.type_params, f.name, f.loc.lineno, [&] {
    make_function(f.args, f.name, &f, &f.body, nullptr, first_line);
    function_annotations(f.args, f.returns, f.loc.lineno);
    if (!f.type_params.empty()) {
      load_name(".type_params");
      emit(Op::CALL_INTRINSIC_2, int(Intrinsic2::set_function_type_params));
    }
  });
  apply_decorators(f.decorator_list);
  store_name(bound_name(f));
}

// The decorator expressions, evaluated before the definition; returns the line the
// definition's code starts at (its first decorator's). CPython: codegen_decorators.
int Compiler::push_decorators(const ast::ExprList& decorators, int def_line) {
  for (auto* d : decorators) expr(d);
  set_line(def_line);
  return decorators.empty() ? def_line : decorators.front()->loc.lineno;
}

// Applies the decorators to the definition on the stack, the last one first; each call is
// attributed to its decorator's line (CPython: codegen_apply_decorators).
void Compiler::apply_decorators(const ast::ExprList& decorators) {
  for (auto it = decorators.rbegin(); it != decorators.rend(); ++it) {
    set_line((*it)->loc.lineno);
    emit(Op::CALL, 1);
  }
}

void Compiler::class_def(const ast::ClassDef* c) {
  int first_line = push_decorators(c->decorator_list, c->loc.lineno);
  with_type_params(c->type_params, c->name, c->loc.lineno, [&] {
    if (!keywords_unique(c->keywords)) return;
    for (auto* b : c->bases) expr(b);
    emit(Op::BUILD_TUPLE, int(c->bases.size()));
    // The class keywords (metaclass=, and those for __init_subclass__) as a dict, or None.
    if (c->keywords.empty()) {
      emit(Op::LOAD_CONST, add_const(new_none()));
    } else {
      emit(Op::BUILD_MAP, 0);
      for (auto* k : c->keywords) {
        if (k->arg.empty()) {
          expr(k->value);
          emit(Op::DICT_UPDATE, 1);
          continue;
        }
        emit(Op::LOAD_CONST, add_const(new_ref<Object>(intern(k->arg))));
        expr(k->value);
        emit(Op::MAP_ADD, 1);
      }
    }
    make_class_body(*c, first_line);
    int qualname = add_const(new_str(child_qualname(c->name)));
    set_line(c->loc.lineno);
    emit(Op::BUILD_CLASS, name_const(c->name), qualname);
  });
  apply_decorators(c->decorator_list);
  store_name(bound_name(*c));
}

void Compiler::stmt(const ast::Stmt* s) {
  if (failed_) return;
  stmt_first_on_line_ = prev_stmt_line_ != s->loc.lineno;
  prev_stmt_line_ = s->loc.lineno;
  set_line(s->loc.lineno);
  // Instructions without a narrower span point at the whole (single-line) statement.
  SpanRestore restore(unit_);
  set_span(s);
  using K = ast::StmtKind;
  switch (s->kind) {
    case K::FunctionDef: function_def(*ast::cast<ast::FunctionDef>(s)); return;
    case K::AsyncFunctionDef: function_def(*ast::cast<ast::AsyncFunctionDef>(s)); return;
    case K::ClassDef: class_def(ast::cast<ast::ClassDef>(s)); return;
    case K::Return:
      if (!unit_->scope->is_function_like()) {
        fail("'return' outside function", s);
        return;
      }
      // CPython: codegen_return.
      if (ast::cast<ast::Return>(s)->value && unit_->scope->is_coroutine && unit_->scope->is_generator) {
        fail("'return' with value in async generator", s);
        return;
      }
      return_stmt(ast::cast<ast::Return>(s));
      return;
    case K::Delete:
      for (auto* t : ast::cast<ast::Delete>(s)->targets) delete_target(t);
      return;
    case K::Assign: {
      auto* a = ast::cast<ast::Assign>(s);
      // CPython: Lib/traceback.py _should_show_carets (`x = f(...)` shows no carets).
      if (a->targets.size() == 1 && ast::dyn_cast<ast::Name>(a->targets[0]) && ast::dyn_cast<ast::Call>(a->value) &&
          stmt_first_on_line_)
        whole_value_call_ = a->value;
      expr(a->value);
      for (size_t i = 0; i < a->targets.size(); ++i) {
        if (i + 1 < a->targets.size()) emit(Op::DUP_TOP);
        store_target(a->targets[i]);
      }
      return;
    }
    case K::AugAssign: aug_assign(ast::cast<ast::AugAssign>(s)); return;
    case K::AnnAssign: ann_assign(ast::cast<ast::AnnAssign>(s)); return;
    case K::TypeAlias: type_alias(ast::cast<ast::TypeAlias>(s)); return;
    case K::For: for_stmt(ast::cast<ast::For>(s)); return;
    case K::While: while_stmt(ast::cast<ast::While>(s)); return;
    case K::If: {
      auto* i = ast::cast<ast::If>(s);
      int orelse = new_label(), end = new_label();
      test_jump(i->test, false, orelse);
      block(i->body);
      if (!i->orelse.empty()) emit_jump(Op::JUMP, end);
      place(orelse);
      block(i->orelse);
      place(end);
      return;
    }
    case K::Raise: {
      auto* r = ast::cast<ast::Raise>(s);
      int n = 0;
      if (r->exc) expr(r->exc), ++n;
      if (r->cause) expr(r->cause), ++n;
      set_line(s->loc.lineno);
      emit(Op::RAISE, n);
      return;
    }
    case K::Try: try_stmt(ast::cast<ast::Try>(s)); return;
    case K::TryStar: {
      auto* t = ast::cast<ast::TryStar>(s);
      if (t->finalbody.empty()) try_star_except(t);
      else try_finally(t);
      return;
    }
    case K::With: {
      auto* w = ast::cast<ast::With>(s);
      with_stmt(s, w->items, 0, w->body, false);
      return;
    }
    case K::AsyncWith: {
      auto* w = ast::cast<ast::AsyncWith>(s);
      with_stmt(s, w->items, 0, w->body, true);
      return;
    }
    case K::AsyncFor: async_for_stmt(ast::cast<ast::AsyncFor>(s)); return;
    case K::Match: match_stmt(ast::cast<ast::Match>(s)); return;
    case K::Assert: {
      auto* a = ast::cast<ast::Assert>(s);
      // A non-empty tuple is always true, even under -O (CPython: codegen_assert).
      if (auto* t = ast::dyn_cast<ast::Tuple>(a->test); t && !t->elts.empty())
        if (!warn("assertion is always true, perhaps remove parentheses?", s)) return;
      // -O drops assert statements (CPython: codegen_assert under c_optimize).
      if (get_thread_state()->interp->settings.optimization_level > 0) return;
      int end = new_label();
      test_jump(a->test, true, end);
      if (a->msg) expr(a->msg);
      set_line(s->loc.lineno);
      emit_spanned(a->test, Op::ASSERT_FAIL, a->msg ? 1 : 0);
      place(end);
      return;
    }
    case K::Import:
    case K::ImportFrom: import_stmt(s); return;
    case K::Global:
    case K::Nonlocal:
    case K::Pass: return;
    case K::Expr: {
      auto* e = ast::cast<ast::ExprStmt>(s);
      expr(e->value);
      // CPython: PRINT_EXPR for the expression statements of an interactive entry.
      emit(e->echo ? Op::PRINT_EXPR : Op::POP_TOP);
      return;
    }
    case K::Break:
    case K::Continue: {
      bool is_break = s->kind == K::Break;
      int loop = -1;
      for (int i = int(unit_->fblocks.size()) - 1; i >= 0; --i) {
        auto k = unit_->fblocks[size_t(i)].kind;
        if (k == FBlock::while_loop || k == FBlock::for_loop) {
          loop = i;
          break;
        }
      }
      if (loop < 0) {
        fail(is_break ? "'break' outside loop" : "'continue' not properly in loop", s);
        return;
      }
      FBlock lb = unit_->fblocks[size_t(loop)];
      unwind_to(size_t(loop) + 1, false);
      set_line(s->loc.lineno);
      if (is_break) {
        if (lb.kind == FBlock::for_loop) emit(Op::POP_TOP);
        emit_jump(Op::JUMP, lb.break_label);
      } else {
        emit_jump(Op::JUMP, lb.continue_label);
      }
      return;
    }
    default: break;  // refused above
  }
}

}  // namespace gopy
