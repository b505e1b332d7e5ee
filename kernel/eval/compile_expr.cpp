// Compiling expressions into nodes (CPython: Python/compile.c compiler_visit_expr1,
// compiler_call, compiler_comprehension).
#include "eval/compiler.hpp"
#include "eval/nodes_expr.hpp"
#include "eval/nodes_stmt.hpp"
#include "eval/parser.hpp"
#include "eval/refused_constructs.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_num.hpp"
#include "object/strcat.hpp"

namespace gopy {

namespace {

BinaryOp bin_op(ast::BinOpKind k) {
  switch (k) {
    case ast::BinOpKind::Add: return BinaryOp::add;
    case ast::BinOpKind::Sub: return BinaryOp::sub;
    case ast::BinOpKind::Mult: return BinaryOp::mul;
    case ast::BinOpKind::MatMult: return BinaryOp::matmul;
    case ast::BinOpKind::Div: return BinaryOp::truediv;
    case ast::BinOpKind::Mod: return BinaryOp::mod;
    case ast::BinOpKind::Pow: return BinaryOp::pow;
    case ast::BinOpKind::LShift: return BinaryOp::lshift;
    case ast::BinOpKind::RShift: return BinaryOp::rshift;
    case ast::BinOpKind::BitOr: return BinaryOp::or_;
    case ast::BinOpKind::BitXor: return BinaryOp::xor_;
    case ast::BinOpKind::BitAnd: return BinaryOp::and_;
    case ast::BinOpKind::FloorDiv: return BinaryOp::floordiv;
  }
  return BinaryOp::add;
}

CmpKind cmp_kind(ast::CmpOpKind k) {
  switch (k) {
    case ast::CmpOpKind::Eq: return CmpKind::eq;
    case ast::CmpOpKind::NotEq: return CmpKind::ne;
    case ast::CmpOpKind::Lt: return CmpKind::lt;
    case ast::CmpOpKind::LtE: return CmpKind::le;
    case ast::CmpOpKind::Gt: return CmpKind::gt;
    case ast::CmpOpKind::GtE: return CmpKind::ge;
    case ast::CmpOpKind::Is: return CmpKind::is;
    case ast::CmpOpKind::IsNot: return CmpKind::is_not;
    case ast::CmpOpKind::In: return CmpKind::in;
    case ast::CmpOpKind::NotIn: return CmpKind::not_in;
  }
  return CmpKind::eq;
}

}  // namespace

std::vector<ExprPtr> Compiler::exprs(const ast::ExprList& list) {
  std::vector<ExprPtr> out;
  for (auto* e : list) out.push_back(expr(e));
  return out;
}

// BinaryOp needs the exported helper for AugAssign too.
BinaryOp ast_bin_op(ast::BinOpKind k) { return bin_op(k); }

ExprPtr Compiler::constant(const ast::Constant* c) {
  Object* v = nullptr;
  switch (c->value_kind) {
    case ast::ConstantKind::None: v = new_none(); break;
    case ast::ConstantKind::True: v = new_bool(true); break;
    case ast::ConstantKind::False: v = new_bool(false); break;
    case ast::ConstantKind::Ellipsis: v = new_ref(&ellipsis_object); break;
    case ast::ConstantKind::Int:
      v = c->int_fits_int64 ? new_int(c->int_small) : int_from_digits(c->int_digits, c->int_base);
      break;
    case ast::ConstantKind::Float: v = new_float(c->float_value); break;
    case ast::ConstantKind::Str: v = new_str(c->str_value); break;
    case ast::ConstantKind::Bytes: v = new_bytes(c->str_value); break;
  }
  if (!v) {
    failed_ = true;
    v = new_none();
  }
  keep(v);
  auto n = std::make_unique<ConstNode>(v);
  n->lineno = c->loc.lineno;
  return n;
}

ExprPtr Compiler::expr(const ast::Expr* e) {
  if (failed_ || cpp_stack_exhausted(get_thread_state())) {
    if (!failed_) {
      failed_ = true;
      set_error(&exc_RecursionError, "maximum recursion depth exceeded during compilation");
    }
    return std::make_unique<ConstNode>(None());
  }
  if (const char* what = refused_construct(*e)) {
    fail(parser::unsupported_message(what), e);
    return std::make_unique<ConstNode>(None());
  }
  using K = ast::ExprKind;
  switch (e->kind) {
    case K::BoolOp: {
      auto* b = ast::cast<ast::BoolOp>(e);
      auto n = node<BoolOpNode>(e);
      n->is_and = b->op == ast::BoolOpKind::And;
      n->values = exprs(b->values);
      return n;
    }
    case K::NamedExpr: {
      auto* w = ast::cast<ast::NamedExpr>(e);
      auto n = node<NamedExprNode>(e);
      n->value = expr(w->value);
      n->target = target(w->target);
      return n;
    }
    case K::BinOp: {
      auto* b = ast::cast<ast::BinOp>(e);
      std::unique_ptr<BinaryNode> n;
      if (b->op == ast::BinOpKind::Add) n = std::make_unique<AddNode>();
      else if (b->op == ast::BinOpKind::Sub) n = std::make_unique<SubNode>();
      else n = std::make_unique<BinaryNode>();
      n->lineno = e->loc.lineno;
      n->op = bin_op(b->op);
      n->left = expr(b->left);
      n->right = expr(b->right);
      return n;
    }
    case K::UnaryOp: {
      auto* u = ast::cast<ast::UnaryOp>(e);
      if (u->op == ast::UnaryOpKind::Not) {
        auto n = node<NotNode>(e);
        n->operand = expr(u->operand);
        return n;
      }
      auto n = node<UnaryNode>(e);
      n->op = u->op == ast::UnaryOpKind::USub ? UnaryOp::neg : u->op == ast::UnaryOpKind::UAdd ? UnaryOp::pos
                                                                                             : UnaryOp::invert;
      n->operand = expr(u->operand);
      return n;
    }
    case K::Lambda: {
      auto* l = ast::cast<ast::Lambda>(e);
      return make_function(l->args, "<lambda>", l, nullptr, l->body, e->loc.lineno);
    }
    case K::IfExp: {
      auto* i = ast::cast<ast::IfExp>(e);
      auto n = node<IfExpNode>(e);
      n->test = expr(i->test);
      n->body = expr(i->body);
      n->orelse = expr(i->orelse);
      return n;
    }
    case K::Dict: {
      auto* d = ast::cast<ast::Dict>(e);
      auto n = node<DictBuildNode>(e);
      for (size_t i = 0; i < d->values.size(); ++i) {
        n->keys.push_back(d->keys[i] ? expr(d->keys[i]) : nullptr);
        n->values.push_back(expr(d->values[i]));
      }
      return n;
    }
    case K::Set:
    case K::List:
    case K::Tuple: {
      const ast::ExprList& elts = e->kind == K::Set    ? ast::cast<ast::Set>(e)->elts
                                  : e->kind == K::List ? ast::cast<ast::List>(e)->elts
                                                       : ast::cast<ast::Tuple>(e)->elts;
      auto n = node<SeqBuildNode>(e);
      n->kind = e->kind == K::Set ? SeqBuildNode::set : e->kind == K::List ? SeqBuildNode::list : SeqBuildNode::tuple;
      for (auto* x : elts) {
        if (auto* st = ast::dyn_cast<ast::Starred>(x)) {
          n->elts.push_back(expr(st->value));
          n->starred.push_back(true);
        } else {
          n->elts.push_back(expr(x));
          n->starred.push_back(false);
        }
      }
      return n;
    }
    case K::ListComp:
    case K::SetComp:
    case K::DictComp: return comprehension(e);
    case K::GeneratorExp: return genexp(ast::cast<ast::GeneratorExp>(e));
    case K::Compare: {
      auto* c = ast::cast<ast::Compare>(e);
      auto n = node<CompareNode>(e);
      n->left = expr(c->left);
      for (auto op : c->ops) n->ops.push_back(cmp_kind(op));
      n->comparators = exprs(c->comparators);
      return n;
    }
    case K::Call: return call(ast::cast<ast::Call>(e));
    case K::FormattedValue: {
      auto* fv = ast::cast<ast::FormattedValue>(e);
      auto n = node<FormattedValueNode>(e);
      n->value = expr(fv->value);
      n->conversion = fv->conversion;
      if (fv->format_spec) n->spec = expr(fv->format_spec);
      return n;
    }
    case K::JoinedStr: {
      auto n = node<JoinedStrNode>(e);
      for (auto* v : ast::cast<ast::JoinedStr>(e)->values) {
        if (auto* c = ast::dyn_cast<ast::Constant>(v)) {
          n->parts.push_back(constant(c));
        } else {
          n->parts.push_back(expr(v));
        }
      }
      return n;
    }
    case K::Constant: return constant(ast::cast<ast::Constant>(e));
    case K::Attribute: {
      auto* a = ast::cast<ast::Attribute>(e);
      auto n = node<AttributeNode>(e);
      n->value = expr(a->value);
      n->name = name_obj(a->attr);
      return n;
    }
    case K::Subscript: {
      auto* s = ast::cast<ast::Subscript>(e);
      auto n = node<SubscriptNode>(e);
      n->value = expr(s->value);
      n->index = expr(s->slice);
      return n;
    }
    case K::Starred:
      fail("can't use starred expression here", e);
      return std::make_unique<ConstNode>(None());
    case K::Name: return load_name(ast::cast<ast::Name>(e)->id, e->loc.lineno);
    case K::Slice: {
      auto* s = ast::cast<ast::Slice>(e);
      auto n = node<SliceNode>(e);
      if (s->lower) n->lower = expr(s->lower);
      if (s->upper) n->upper = expr(s->upper);
      if (s->step) n->step = expr(s->step);
      return n;
    }
  }
  fail("unsupported expression", e);
  return std::make_unique<ConstNode>(None());
}

ExprPtr Compiler::call(const ast::Call* c) {
  bool has_star = false;
  for (auto* a : c->args) has_star |= a->kind == ast::ExprKind::Starred;
  bool has_kwstar = false;
  for (auto* k : c->keywords) has_kwstar |= k->arg.empty();
  std::vector<Object*> names;
  for (auto* k : c->keywords)
    if (!k->arg.empty()) names.push_back(new_ref<Object>(intern(k->arg)));
  TupleObject* kwnames = nullptr;
  if (!names.empty()) {
    kwnames = new_tuple_steal(std::move(names));
    keep(kwnames);
  }
  // obj.method(...) without * or **: the method-call fast path.
  if (auto* attr = ast::dyn_cast<ast::Attribute>(c->func); attr && !has_star && !has_kwstar) {
    auto n = node<MethodCallNode>(c);
    n->obj = expr(attr->value);
    n->name = name_obj(attr->attr);
    n->args = exprs(c->args);
    for (auto* k : c->keywords) n->args.push_back(expr(k->value));
    n->kwnames = kwnames;
    return n;
  }
  auto n = node<CallNode>(c);
  n->func = expr(c->func);
  n->simple = !has_star && !has_kwstar;
  for (auto* a : c->args) {
    if (auto* st = ast::dyn_cast<ast::Starred>(a)) {
      n->args.push_back(expr(st->value));
      n->starred.push_back(true);
    } else {
      n->args.push_back(expr(a));
      n->starred.push_back(false);
    }
  }
  for (auto* k : c->keywords) {
    if (k->arg.empty()) n->kwstar.push_back(expr(k->value));
    else n->kwvalues.push_back(expr(k->value));
  }
  n->kwnames = kwnames;
  // Zero-argument super(): __class__ cell and the first parameter (CPython: super_init_without_args).
  if (auto* name = ast::dyn_cast<ast::Name>(c->func); name && name->id == "super" && c->args.empty()) {
    const Scope* s = scope_;
    while (s->kind == Scope::Kind::comprehension) s = s->parent;
    if (s->kind == Scope::Kind::function && !s->params.empty()) {
      n->super_class_slot = cell_slot_for("__class__");
      const std::string& first = s->params[0];
      auto it = unit_->slots.cell.find({s, first});
      if (it != unit_->slots.cell.end()) {
        n->super_self_slot = it->second;
        n->super_self_is_cell = true;
      } else {
        n->super_self_slot = unit_->slots.local.at({s, first});
      }
    }
  }
  return n;
}

ExprPtr Compiler::comprehension(const ast::Expr* e) {
  const Scope* cs = table_.scope_for(e);
  const std::vector<ast::Comprehension*>* gens;
  auto n = node<ComprehensionNode>(e);
  const ast::Expr* elt = nullptr;
  const ast::Expr* value = nullptr;
  if (auto* l = ast::dyn_cast<ast::ListComp>(e)) {
    gens = &l->generators;
    elt = l->elt;
    n->kind = ComprehensionNode::list;
  } else if (auto* s = ast::dyn_cast<ast::SetComp>(e)) {
    gens = &s->generators;
    elt = s->elt;
    n->kind = ComprehensionNode::set;
  } else {
    auto* d = ast::cast<ast::DictComp>(e);
    gens = &d->generators;
    elt = d->key;
    value = d->value;
    n->kind = ComprehensionNode::dict;
  }
  // The first iterable belongs to the enclosing scope.
  ExprPtr first = expr((*gens)[0]->iter);
  const Scope* saved = scope_;
  scope_ = cs;
  for (size_t i = 0; i < gens->size(); ++i) {
    ComprehensionClause clause;
    clause.iter = i == 0 ? std::move(first) : expr((*gens)[i]->iter);
    clause.target = target((*gens)[i]->target);
    for (auto* cond : (*gens)[i]->ifs) clause.ifs.push_back(expr(cond));
    n->clauses.push_back(std::move(clause));
  }
  n->elt = expr(elt);
  if (value) n->value = expr(value);
  scope_ = saved;
  for (const auto& name : cs->bound) {
    auto it = unit_->slots.local.find({cs, name});
    if (it != unit_->slots.local.end()) n->hidden_slots.push_back(it->second);
    auto ct = unit_->slots.cell.find({cs, name});
    if (ct != unit_->slots.cell.end()) n->fresh_cells.push_back(ct->second);
  }
  return n;
}

ExprPtr Compiler::genexp(const ast::GeneratorExp* g) {
  const Scope* gs = table_.scope_for(g);
  auto n = node<GenExprNode>(g);
  n->first_iter = expr(g->generators[0]->iter);
  // Compile the clauses inside the generator's own code object.
  ast::Arguments no_args;
  auto mk = make_function(no_args, "<genexpr>", g, nullptr, nullptr, g->loc.lineno);
  auto* make_node = static_cast<MakeFunctionNode*>(mk.get());
  CodeObject* code = make_node->code;
  // make_function compiled no body; build the plan in the generator's unit now.
  CompileUnit u;
  u.scope = gs;
  u.code = code;
  u.qualname = as_str(code->qualname)->utf8;
  u.parent = unit_;
  CompileUnit* saved_unit = unit_;
  const Scope* saved_scope = scope_;
  // Re-run the layout on a scratch code so the slot maps match the real one.
  auto* scratch = make<CodeObject>();
  u.code = scratch;
  layout(u);
  u.code = code;
  decref(scratch);
  unit_ = &u;
  scope_ = gs;
  code->gen = std::make_unique<GenPlan>();
  for (size_t i = 0; i < g->generators.size(); ++i) {
    ComprehensionClause clause;
    if (i) clause.iter = expr(g->generators[i]->iter);
    clause.target = target(g->generators[i]->target);
    for (auto* cond : g->generators[i]->ifs) clause.ifs.push_back(expr(cond));
    code->gen->clauses.push_back(std::move(clause));
  }
  code->gen->elt = expr(g->elt);
  unit_ = saved_unit;
  scope_ = saved_scope;
  n->maker = std::move(mk);
  return n;
}

}  // namespace gopy
