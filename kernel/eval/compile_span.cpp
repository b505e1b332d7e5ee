// Each instruction's columns on its line, for the carets under a traceback's source line
// (PEP 657; CPython: Python/codegen.c LOC, Objects/codeobject.c co_positions).
#include "eval/compiler.hpp"
#include "object/prim/unicode.hpp"

#include <algorithm>
#include <string>

namespace gopy {

namespace {

bool on_line(const ast::Node* e, int line) {
  return e && e->loc.lineno == line && e->loc.end_lineno == line;
}

// CPython: Python/codegen.c update_start_location_to_match_attr: `obj\n.name` reports the
// line of `.name`, its columns from the name's start.
ast::Location attr_location(ast::Location loc, const ast::Attribute* a) {
  if (loc.lineno == a->loc.end_lineno) return loc;
  loc.lineno = a->loc.end_lineno;
  bool ascii = false;
  const auto length = prim::str_text_length(a->attr, &ascii);  // an identifier: well-formed
  if (length <= a->loc.end_col_offset) {
    loc.col_offset = a->loc.end_col_offset - static_cast<int>(length);
  } else {
    loc.col_offset = -1;
    loc.end_col_offset = -1;
  }
  loc.end_lineno = std::max(loc.lineno, loc.end_lineno);
  if (loc.lineno == loc.end_lineno) loc.end_col_offset = std::max(loc.col_offset, loc.end_col_offset);
  return loc;
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

int Compiler::emit_attr(const ast::Attribute* a, const ast::Expr* whole, Op op, int arg, int b,
                        SourceSpan::Anchor anchor, const ast::Expr* left) {
  if (whole->loc.lineno == a->loc.end_lineno) return emit_spanned(whole, op, arg, b, anchor, left);
  ast::Node moved;
  moved.loc = attr_location(whole->loc, a);
  const int saved_line = unit_->line;
  set_line(moved.loc.lineno);
  int at;
  {
    SpanRestore restore(unit_);
    set_span(moved.loc.col_offset < 0 ? nullptr : &moved);
    at = emit(op, arg, b);
  }
  set_line(saved_line);
  return at;
}

}  // namespace gopy
