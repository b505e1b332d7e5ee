// Each instruction's columns on its line, for the carets under a traceback's source line
// (PEP 657; CPython: Python/codegen.c LOC, Objects/codeobject.c co_positions).
#include "eval/compiler.hpp"

namespace gopy {

namespace {

bool on_line(const ast::Node* e, int line) {
  return e && e->loc.lineno == line && e->loc.end_lineno == line;
}

}  // namespace

void Compiler::set_span(const ast::Node* e, SourceSpan::Anchor anchor, const ast::Expr* left,
                        const ast::Expr* right) {
  SourceSpan span;
  int line = unit_->line;
  // Only nodes on the line the traceback shows (multi-line ones get no carets yet).
  if (on_line(e, line) && e->loc.end_col_offset <= SourceSpan::kMaxColumn) {
    span.col = short(e->loc.col_offset);
    span.end_col = short(e->loc.end_col_offset);
    if (e == whole_value_call_) {
      span.anchor = SourceSpan::Anchor::whole_value;
    } else if (anchor != SourceSpan::Anchor::none && on_line(left, line) &&
               (anchor != SourceSpan::Anchor::binop || on_line(right, line))) {
      span.anchor = anchor;
      span.left_end = short(left->loc.end_col_offset);
      span.right_start = right ? short(right->loc.col_offset) : span.end_col;
    }
  }
  unit_->span = span;
  unit_->span_line = line;
}

int Compiler::emit_spanned(const ast::Expr* e, Op op, int a, int b, SourceSpan::Anchor anchor,
                           const ast::Expr* left, const ast::Expr* right) {
  SpanRestore restore(unit_);
  set_span(e, anchor, left, right);
  return emit(op, a, b);
}

}  // namespace gopy
