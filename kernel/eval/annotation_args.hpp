// The annotated parameters of a def, in the order CPython's __annotate__ lists them
// (Python/codegen.c codegen_annotations_in_scope): positional-only and positional,
// *args, keyword-only, **kwargs; then `return`.
#pragma once

#include "eval/ast.hpp"

namespace gopy {

template <class F>
void for_each_annotation(const ast::Arguments& a, F&& f) {
  for (const ast::Arg* p : a.posonlyargs)
    if (p->annotation) f(p);
  for (const ast::Arg* p : a.args)
    if (p->annotation) f(p);
  if (a.vararg && a.vararg->annotation) f(a.vararg);
  for (const ast::Arg* p : a.kwonlyargs)
    if (p->annotation) f(p);
  if (a.kwarg && a.kwarg->annotation) f(a.kwarg);
}

inline bool has_annotations(const ast::Arguments& a, const ast::Expr* returns) {
  bool any = returns != nullptr;
  for_each_annotation(a, [&any](const ast::Arg*) { any = true; });
  return any;
}

}  // namespace gopy
