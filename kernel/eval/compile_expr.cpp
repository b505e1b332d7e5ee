// Compiling expressions into bytecode (CPython: Python/codegen.c codegen_visit_expr1,
// codegen_call, codegen_comprehension, codegen_compare).
#include "eval/compiler.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_complex.hpp"
#include "gopy/object_num.hpp"
#include "object/set_internal.hpp"
#include "object/strcat.hpp"

namespace gopy {

namespace {

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

enum CompKind { comp_list, comp_set, comp_dict, comp_gen };

// Restores the line the compiler emits with when an expression is done.
struct LineScope {
  CompileUnit* u;
  int saved;
  LineScope(CompileUnit* unit, int line) : u(unit), saved(unit->line) { u->line = line; }
  ~LineScope() { u->line = saved; }
};

}  // namespace

BinaryOp ast_bin_op(ast::BinOpKind k) {
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

Object* constant_object(const ast::Constant* c) {
  switch (c->value_kind) {
    case ast::ConstantKind::None: return new_none();
    case ast::ConstantKind::True: return new_bool(true);
    case ast::ConstantKind::False: return new_bool(false);
    case ast::ConstantKind::Ellipsis: return new_ref(&ellipsis_object);
    case ast::ConstantKind::Int:
      return c->int_fits_int64 ? new_int(c->int_small) : int_from_digits(c->int_digits, c->int_base);
    case ast::ConstantKind::Float: return new_float(c->float_value);
    case ast::ConstantKind::Complex: return new_complex(0.0, c->float_value);
    case ast::ConstantKind::Str: return new_str(c->str_value);
    case ast::ConstantKind::Bytes: return new_bytes(c->str_value);
  }
  return nullptr;
}

void Compiler::constant(const ast::Constant* c) {
  Object* v = constant_object(c);
  if (!v) {
    failed_ = true;
    v = new_none();
  }
  emit(Op::LOAD_CONST, add_const(v));
}

// Evaluates a condition and jumps to `label` when its truth is `jump_if`.
void Compiler::test_jump(const ast::Expr* e, bool jump_if, int label) {
  expr(e);
  emit_jump(jump_if ? Op::POP_JUMP_IF_TRUE : Op::POP_JUMP_IF_FALSE, label);
}

namespace {

// A literal that `is` should not be used with: anything but None, True, False and `...`
// (CPython: Python/codegen.c check_is_arg).
const char* literal_type_for_is(const ast::Expr* e) {
  // A tuple of constants is a literal too (CPython: is_const_tuple).
  if (const auto* t = ast::dyn_cast<ast::Tuple>(e)) {
    for (const auto* x : t->elts)
      if (!ast::dyn_cast<ast::Constant>(x)) return nullptr;
    return "tuple";
  }
  const auto* k = ast::dyn_cast<ast::Constant>(e);
  if (!k) return nullptr;
  switch (k->value_kind) {
    case ast::ConstantKind::Int: return "int";
    case ast::ConstantKind::Float: return "float";
    case ast::ConstantKind::Complex: return "complex";
    case ast::ConstantKind::Str: return "str";
    case ast::ConstantKind::Bytes: return "bytes";
    default: return nullptr;
  }
}

// The type a display or literal evaluates to, or null when the compiler cannot tell
// (CPython: Python/codegen.c infer_type).
const char* inferred_type(const ast::Expr* e) {
  using K = ast::ExprKind;
  switch (e->kind) {
    case K::Tuple: return "tuple";
    case K::List: case K::ListComp: return "list";
    case K::Dict: case K::DictComp: return "dict";
    case K::Set: case K::SetComp: return "set";
    case K::GeneratorExp: return "generator";
    case K::Lambda: return "function";
    case K::JoinedStr: case K::FormattedValue: return "str";
    case K::Constant:
      switch (ast::cast<ast::Constant>(e)->value_kind) {
        case ast::ConstantKind::None: return "NoneType";
        case ast::ConstantKind::True: case ast::ConstantKind::False: return "bool";
        case ast::ConstantKind::Ellipsis: return "ellipsis";
        case ast::ConstantKind::Int: return "int";
        case ast::ConstantKind::Float: return "float";
        case ast::ConstantKind::Complex: return "complex";
        case ast::ConstantKind::Str: return "str";
        case ast::ConstantKind::Bytes: return "bytes";
      }
      return nullptr;
    default: return nullptr;
  }
}

}  // namespace

// Calling a literal or display: "'list' object is not callable; perhaps you missed a
// comma?" (CPython: Python/codegen.c check_caller).
bool Compiler::check_caller(const ast::Expr* f) {
  using K = ast::ExprKind;
  switch (f->kind) {
    case K::Constant: case K::Tuple: case K::List: case K::ListComp: case K::Dict: case K::DictComp:
    case K::Set: case K::SetComp: case K::GeneratorExp: case K::JoinedStr: case K::FormattedValue:
      return warn(cat("'", inferred_type(f), "' object is not callable; perhaps you missed a comma?"), f);
    default: return true;
  }
}

// Subscripting what cannot be, or a sequence literal by a non-integer (CPython:
// Python/codegen.c check_subscripter, check_index).
bool Compiler::check_subscript(const ast::Expr* value, const ast::Expr* index) {
  using K = ast::ExprKind;
  bool unsubscriptable = false;
  switch (value->kind) {
    case K::Constant: {
      auto k = ast::cast<ast::Constant>(value)->value_kind;
      unsubscriptable = k != ast::ConstantKind::Str && k != ast::ConstantKind::Bytes;
      break;
    }
    case K::Set: case K::SetComp: case K::GeneratorExp: case K::Lambda: unsubscriptable = true; break;
    default: break;
  }
  if (unsubscriptable)
    return warn(cat("'", inferred_type(value), "' object is not subscriptable; perhaps you missed a comma?"), value);
  const char* index_type = inferred_type(index);
  if (!index_type || std::string_view(index_type) == "int" || std::string_view(index_type) == "bool") return true;
  bool sequence = false;
  switch (value->kind) {
    case K::Constant: {
      auto k = ast::cast<ast::Constant>(value)->value_kind;
      sequence = k == ast::ConstantKind::Str || k == ast::ConstantKind::Bytes;
      break;
    }
    case K::Tuple: case K::List: case K::ListComp: case K::JoinedStr: case K::FormattedValue: sequence = true; break;
    default: break;
  }
  if (!sequence) return true;
  return warn(cat(inferred_type(value), " indices must be integers or slices, not ", index_type,
                  "; perhaps you missed a comma?"),
              value);
}

// CPython: Python/codegen.c check_compare
void Compiler::check_compare(const ast::Compare* c) {
  const ast::Expr* left = c->left;
  for (size_t i = 0; i < c->ops.size(); ++i) {
    const ast::Expr* right = c->comparators[i];
    bool is = c->ops[i] == ast::CmpOpKind::Is, is_not = c->ops[i] == ast::CmpOpKind::IsNot;
    if (is || is_not) {
      const char* type = literal_type_for_is(left);
      if (!type) type = literal_type_for_is(right);
      if (type) {
        std::string t(type);
        (void)warn(is ? "\"is\" with '" + t + "' literal. Did you mean \"==\"?"
                      : "\"is not\" with '" + t + "' literal. Did you mean \"!=\"?",
                   c);
        return;
      }
    }
    left = right;
  }
}

void Compiler::compare(const ast::Compare* c) {
  check_compare(c);
  expr(c->left);
  size_t n = c->ops.size();
  auto operand = [&](size_t i) {
    bool in = c->ops[i] == ast::CmpOpKind::In || c->ops[i] == ast::CmpOpKind::NotIn;
    if (in) iterated_expr(c->comparators[i]);
    else expr(c->comparators[i]);
  };
  if (n == 1) {
    operand(0);
    emit_spanned(c, Op::COMPARE_OP, int(cmp_kind(c->ops[0])));
    return;
  }
  // a < b < c: each intermediate result that is false ends the chain as the value.
  int cleanup = new_label(), end = new_label();
  for (size_t i = 0; i + 1 < n; ++i) {
    expr(c->comparators[i]);
    emit(Op::DUP_TOP);
    emit(Op::ROT_THREE);
    emit_spanned(c, Op::COMPARE_OP, int(cmp_kind(c->ops[i])));
    emit_jump(Op::JUMP_IF_FALSE_OR_POP, cleanup);
  }
  operand(n - 1);
  emit_spanned(c, Op::COMPARE_OP, int(cmp_kind(c->ops[n - 1])));
  emit_jump(Op::JUMP, end);
  place(cleanup);
  emit(Op::ROT_TWO);
  emit(Op::POP_TOP);
  place(end);
}

namespace {

// The value of an element CPython's optimizer sees as a constant (a literal, a signed
// number, a tuple of those), or null: a new reference.
Object* folded_constant(const ast::Expr* e) {
  if (const auto* k = ast::dyn_cast<ast::Constant>(e)) return constant_object(k);
  if (const auto* u = ast::dyn_cast<ast::UnaryOp>(e)) {
    const auto* k = ast::dyn_cast<ast::Constant>(u->operand);
    if (!k || (u->op != ast::UnaryOpKind::USub && u->op != ast::UnaryOpKind::UAdd)) return nullptr;
    if (k->value_kind != ast::ConstantKind::Int && k->value_kind != ast::ConstantKind::Float &&
        k->value_kind != ast::ConstantKind::Complex)
      return nullptr;
    Ref<> v = Ref<>::steal(constant_object(k));
    if (!v) return nullptr;
    Object* r = unary_op(v.get(), u->op == ast::UnaryOpKind::USub ? UnaryOp::neg : UnaryOp::pos);
    if (!r) clear_error();
    return r;
  }
  if (const auto* t = ast::dyn_cast<ast::Tuple>(e)) {
    std::vector<Object*> items;
    for (const auto* x : t->elts) {
      Object* v = folded_constant(x);
      if (!v) {
        for (Object* o : items) decref(o);
        return nullptr;
      }
      items.push_back(v);
    }
    return new_tuple_steal(std::move(items));
  }
  return nullptr;
}

// The frozenset constant CPython's code object holds for a constant set display, built
// from the elements in order (3.14 keeps it as built; 3.13 rebuilt it from its own order
// when merging constants). Null when an element is not constant.
// CPython: Python/flowgraph.c optimize_lists_and_sets
Object* constant_frozenset(const ast::ExprList& elts) {
  Ref<SetObject> set = Ref<SetObject>::steal(new_set(&frozenset_type));
  for (const auto* x : elts) {
    Ref<> v = Ref<>::steal(folded_constant(x));
    if (!v || set_add(set.get(), v.get()) < 0) {
      clear_error();
      return nullptr;
    }
  }
  return set.release();
}

}  // namespace

void Compiler::iterated_expr(const ast::Expr* e) {
  if (const auto* s = ast::dyn_cast<ast::Set>(e)) {
    if (Object* f = constant_frozenset(s->elts)) {
      emit(Op::LOAD_CONST, add_const(f));
      return;
    }
  }
  expr(e);
}

// A list, tuple or set display (starred elements unpack into it).
void Compiler::display(const ast::ExprList& elts, ast::ExprKind kind) {
  bool starred = false;
  for (auto* x : elts) starred |= x->kind == ast::ExprKind::Starred;
  // Three or more constants: the set is filled from its frozenset constant, in that
  // table's order (CPython: BUILD_SET 0, LOAD_CONST, SET_UPDATE).
  if (!starred && kind == ast::ExprKind::Set && elts.size() >= 3) {
    if (Object* f = constant_frozenset(elts)) {
      emit(Op::LOAD_CONST, add_const(f));
      emit(Op::LIST_TO_SET);
      return;
    }
  }
  if (!starred) {
    for (auto* x : elts) expr(x);
    emit(kind == ast::ExprKind::Set ? Op::BUILD_SET : kind == ast::ExprKind::List ? Op::BUILD_LIST : Op::BUILD_TUPLE,
         int(elts.size()));
    return;
  }
  emit(Op::BUILD_LIST, 0);
  for (auto* x : elts) {
    if (auto* st = ast::dyn_cast<ast::Starred>(x)) {
      expr(st->value);
      emit(Op::LIST_EXTEND, 1);
    } else {
      expr(x);
      emit(Op::LIST_APPEND, 1);
    }
  }
  if (kind == ast::ExprKind::Tuple) emit(Op::LIST_TO_TUPLE);
  else if (kind == ast::ExprKind::Set) emit(Op::LIST_TO_SET);
}

void Compiler::yield_from(const ast::Expr* e) {
  expr(e);
  emit(Op::GET_YIELD_FROM_ITER);
  emit_send_loop();
}

void Compiler::expr(const ast::Expr* e) {
  if (failed_ || cpp_stack_exhausted(get_thread_state())) {
    if (!failed_) {
      failed_ = true;
      set_error(&exc_RecursionError, "maximum recursion depth exceeded during compilation");
    }
    return;
  }
  LineScope line(unit_, e->loc.lineno);
  using K = ast::ExprKind;
  switch (e->kind) {
    case K::BoolOp: {
      auto* b = ast::cast<ast::BoolOp>(e);
      int end = new_label();
      Op jump = b->op == ast::BoolOpKind::And ? Op::JUMP_IF_FALSE_OR_POP : Op::JUMP_IF_TRUE_OR_POP;
      for (size_t i = 0; i < b->values.size(); ++i) {
        expr(b->values[i]);
        if (i + 1 < b->values.size()) emit_jump(jump, end);
      }
      place(end);
      return;
    }
    case K::NamedExpr: {
      auto* w = ast::cast<ast::NamedExpr>(e);
      expr(w->value);
      emit(Op::DUP_TOP);
      store_target(w->target);
      return;
    }
    case K::BinOp: {
      auto* b = ast::cast<ast::BinOp>(e);
      expr(b->left);
      expr(b->right);
      emit_spanned(e, Op::BINARY_OP, int(ast_bin_op(b->op)), 0, SourceSpan::Anchor::binop, b->left, b->right);
      return;
    }
    case K::UnaryOp: {
      auto* u = ast::cast<ast::UnaryOp>(e);
      expr(u->operand);
      if (u->op == ast::UnaryOpKind::Not) {
        emit_spanned(e, Op::UNARY_NOT);
        return;
      }
      UnaryOp op = u->op == ast::UnaryOpKind::USub   ? UnaryOp::neg
                   : u->op == ast::UnaryOpKind::UAdd ? UnaryOp::pos
                                                     : UnaryOp::invert;
      emit_spanned(e, Op::UNARY_OP, int(op));
      return;
    }
    case K::Lambda: {
      auto* l = ast::cast<ast::Lambda>(e);
      make_function(l->args, "<lambda>", l, nullptr, l->body, e->loc.lineno);
      return;
    }
    case K::IfExp: {
      auto* i = ast::cast<ast::IfExp>(e);
      int orelse = new_label(), end = new_label();
      test_jump(i->test, false, orelse);
      expr(i->body);
      emit_jump(Op::JUMP, end);
      place(orelse);
      expr(i->orelse);
      place(end);
      return;
    }
    case K::Dict: {
      auto* d = ast::cast<ast::Dict>(e);
      emit(Op::BUILD_MAP, 0);
      for (size_t i = 0; i < d->values.size(); ++i) {
        if (!d->keys[i]) {
          expr(d->values[i]);
          emit(Op::DICT_UPDATE, 1);
          continue;
        }
        expr(d->keys[i]);
        expr(d->values[i]);
        emit(Op::MAP_ADD, 1);
      }
      return;
    }
    case K::Set: display(ast::cast<ast::Set>(e)->elts, K::Set); return;
    case K::List: display(ast::cast<ast::List>(e)->elts, K::List); return;
    case K::Tuple: display(ast::cast<ast::Tuple>(e)->elts, K::Tuple); return;
    case K::ListComp:
    case K::SetComp:
    case K::DictComp: comprehension(e); return;
    case K::GeneratorExp: genexp(ast::cast<ast::GeneratorExp>(e)); return;
    case K::Compare: compare(ast::cast<ast::Compare>(e)); return;
    case K::Call: call(ast::cast<ast::Call>(e)); return;
    case K::FormattedValue: {
      auto* fv = ast::cast<ast::FormattedValue>(e);
      expr(fv->value);
      if (fv->format_spec) expr(fv->format_spec);
      emit(Op::FORMAT_VALUE, fv->conversion, fv->format_spec ? 1 : 0);
      return;
    }
    case K::JoinedStr: {
      auto& values = ast::cast<ast::JoinedStr>(e)->values;
      for (auto* v : values) expr(v);
      emit(Op::BUILD_STRING, int(values.size()));
      return;
    }
    case K::Constant: constant(ast::cast<ast::Constant>(e)); return;
    case K::Attribute: {
      auto* a = ast::cast<ast::Attribute>(e);
      expr(a->value);
      emit_attr(a, e, Op::LOAD_ATTR, attr_const(a));
      return;
    }
    case K::Subscript: {
      auto* s = ast::cast<ast::Subscript>(e);
      if (!check_subscript(s->value, s->slice)) return;
      expr(s->value);
      expr(s->slice);
      emit_spanned(e, Op::BINARY_SUBSCR, 0, 0, SourceSpan::Anchor::bracket, s->value);
      return;
    }
    case K::Starred: fail("can't use starred expression here", e); return;
    case K::Name: {
      SpanRestore restore(unit_);
      set_span(e);
      load_name(ast::cast<ast::Name>(e)->id);
      return;
    }
    case K::Slice: {
      auto* s = ast::cast<ast::Slice>(e);
      int mask = 0;
      if (s->lower) expr(s->lower), mask |= 1;
      if (s->upper) expr(s->upper), mask |= 2;
      if (s->step) expr(s->step), mask |= 4;
      emit(Op::BUILD_SLICE, 0, mask);
      return;
    }
    case K::Yield: {
      auto* y = ast::cast<ast::Yield>(e);
      if (y->value) expr(y->value);
      else emit(Op::LOAD_CONST, add_const(new_none()));
      if (scope_->is_coroutine) emit(Op::ASYNC_GEN_WRAP);  // an asynchronous generator's value
      emit(Op::YIELD_VALUE, -1);
      return;
    }
    case K::YieldFrom:
      // CPython: codegen_visit_expr (YieldFrom_kind).
      if (scope_->is_coroutine) {
        fail("'yield from' inside async function", e);
        return;
      }
      yield_from(ast::cast<ast::YieldFrom>(e)->value);
      return;
    case K::Await: {
      if (!check_async_context(e)) return;
      expr(ast::cast<ast::Await>(e)->value);
      emit_await();
      return;
    }
  }
  fail("unsupported expression", e);
}

// An await or `async for` clause runs inlined in the coroutine's frame, through any
// comprehensions around it; a generator expression around it is an asynchronous one (the
// symbol table marked it a coroutine).
bool Compiler::check_async_context(const ast::Expr* at) {
  const Scope* s = scope_;
  while (s->kind == Scope::Kind::comprehension) s = s->parent;
  if (!s->is_coroutine) return fail("asynchronous comprehension outside of an asynchronous function", at);
  return true;
}

// CPython: Python/codegen.c validate_keywords (the later of two is reported)
bool Compiler::keywords_unique(const std::vector<ast::Keyword*>& keywords) {
  for (size_t i = 0; i < keywords.size(); ++i) {
    if (keywords[i]->arg.empty()) continue;
    for (size_t j = i + 1; j < keywords.size(); ++j)
      if (keywords[j]->arg == keywords[i]->arg) return fail("keyword argument repeated: " + keywords[i]->arg, keywords[j]);
  }
  return true;
}

void Compiler::call(const ast::Call* c) {
  if (!check_caller(c->func) || !keywords_unique(c->keywords)) return;
  bool has_star = false;
  for (auto* a : c->args) has_star |= a->kind == ast::ExprKind::Starred;
  bool has_kwstar = false;
  for (auto* k : c->keywords) has_kwstar |= k->arg.empty();
  if (has_star || has_kwstar) {
    call_ex(c);
    return;
  }
  int kw = 0;
  if (!c->keywords.empty()) {
    std::vector<Object*> names;
    for (auto* k : c->keywords) names.push_back(new_ref<Object>(intern(k->arg)));
    kw = add_const(new_tuple_steal(std::move(names))) + 1;
  }
  int nargs = int(c->args.size() + c->keywords.size());
  // obj.method(...): the method-call fast path (no bound method is made).
  if (auto* attr = ast::dyn_cast<ast::Attribute>(c->func)) {
    expr(attr->value);
    emit_attr(attr, attr, Op::LOAD_METHOD, attr_const(attr));
    for (auto* a : c->args) expr(a);
    for (auto* k : c->keywords) expr(k->value);
    emit_attr(attr, c, Op::CALL_METHOD, nargs, kw, SourceSpan::Anchor::bracket, c->func);
    return;
  }
  expr(c->func);
  // Zero-argument super(): __class__ cell and the first parameter (CPython: super_init_without_args).
  if (auto* name = ast::dyn_cast<ast::Name>(c->func); name && name->id == "super" && nargs == 0) {
    int class_slot = -1, self = 0;
    const Scope* s = scope_;
    while (s->kind == Scope::Kind::comprehension) s = s->parent;
    if (s->kind == Scope::Kind::function && !s->params.empty()) {
      class_slot = cell_slot_for("__class__");
      const std::string& first = s->params[0];
      auto it = unit_->slots.cell.find({s, first});
      if (it != unit_->slots.cell.end()) self = (it->second + 1) * 2 + 1;
      else self = (unit_->slots.local.at({s, first}) + 1) * 2;
    }
    emit_spanned(c, Op::CALL_SUPER0, class_slot + 1, self, SourceSpan::Anchor::bracket, c->func);
    return;
  }
  for (auto* a : c->args) expr(a);
  for (auto* k : c->keywords) expr(k->value);
  emit_spanned(c, Op::CALL, nargs, kw, SourceSpan::Anchor::bracket, c->func);
}

// The general call form with *args/**kwargs: positional arguments into a list, keywords
// into a dict (CPython: CALL_FUNCTION_EX).
void Compiler::call_ex(const ast::Call* c) {
  expr(c->func);
  emit(Op::BUILD_LIST, 0);
  for (auto* a : c->args) {
    if (auto* st = ast::dyn_cast<ast::Starred>(a)) {
      expr(st->value);
      emit(Op::CALL_STAR_EXTEND);
    } else {
      expr(a);
      emit(Op::LIST_APPEND, 1);
    }
  }
  // Keywords and `**` mappings in source order, so the dict's order and the side effects are
  // the source's (CPython: codegen_call_helper's BUILD_MAP/DICT_MERGE runs).
  emit(Op::BUILD_MAP, 0);
  for (auto* k : c->keywords) {
    expr(k->value);
    if (k->arg.empty()) emit(Op::CALL_KW_MERGE);
    else emit(Op::CALL_KW_ADD, name_const(k->arg));
  }
  emit_spanned(c, Op::CALL_EX, 0, 0, SourceSpan::Anchor::bracket, c->func);
}

// Comprehension clauses: one FOR_ITER loop per clause, the element added at the innermost
// (or yielded, for a generator expression). `depth`: iterators above the result.
void Compiler::comprehension_clauses(const std::vector<ast::Comprehension*>& gens, size_t level, int kind,
                                     const ast::Expr* elt, const ast::Expr* value, int depth,
                                     bool skip_first_iter) {
  const ast::Comprehension* g = gens[level];
  if (level > 0 || !skip_first_iter) {
    if (level > 0) iterated_expr(g->iter);
    emit(g->is_async ? Op::GET_AITER : Op::GET_ITER);
  }
  int loop = new_label(), exit = new_label(), async_end = -1;
  place(loop);
  if (g->is_async && !check_async_context(g->iter)) return;
  if (g->is_async) {
    // `async for` clause: each step awaits __anext__() under a handler whose depth (inside
    // an expression) is the stack's at GET_ANEXT, resolved with the stack sizes.
    async_end = new_label();
    FBlock step(FBlock::try_except);
    step.handler = new_handler(async_end, handler_depth_at_next_instruction());
    unit_->fblocks.push_back(step);
    emit(Op::GET_ANEXT);
    emit_send_loop();
    unit_->fblocks.pop_back();
  } else {
    emit_jump(Op::FOR_ITER, exit);
  }
  store_target(g->target);
  for (auto* cond : g->ifs) test_jump(cond, false, loop);
  if (level + 1 < gens.size()) {
    comprehension_clauses(gens, level + 1, kind, elt, value, depth + 1, skip_first_iter);
  } else {
    expr(elt);
    switch (kind) {
      case comp_list: emit(Op::LIST_APPEND, depth + 2); break;
      case comp_set: emit(Op::SET_ADD, depth + 2); break;
      case comp_dict:
        expr(value);
        emit(Op::MAP_ADD, depth + 2);
        break;
      default:
        if (unit_->scope->is_coroutine) emit(Op::ASYNC_GEN_WRAP);  // an asynchronous genexp's value
        emit(Op::YIELD_VALUE, -1);
        emit(Op::POP_TOP);
        break;
    }
  }
  emit_jump(Op::JUMP_BACKWARD, loop);
  if (g->is_async) end_async_for_step(async_end, exit);
  place(exit);
}

// List/set/dict comprehensions run inlined in the current frame (PEP 709).
void Compiler::comprehension(const ast::Expr* e) {
  const Scope* cs = table_.scope_for(e);
  const std::vector<ast::Comprehension*>* gens;
  const ast::Expr* elt = nullptr;
  const ast::Expr* value = nullptr;
  int kind;
  if (auto* l = ast::dyn_cast<ast::ListComp>(e)) {
    gens = &l->generators;
    elt = l->elt;
    kind = comp_list;
  } else if (auto* s = ast::dyn_cast<ast::SetComp>(e)) {
    gens = &s->generators;
    elt = s->elt;
    kind = comp_set;
  } else {
    auto* d = ast::cast<ast::DictComp>(e);
    gens = &d->generators;
    elt = d->key;
    value = d->value;
    kind = comp_dict;
  }
  // The first iterable belongs to the enclosing scope.
  iterated_expr((*gens)[0]->iter);
  const Scope* saved = scope_;
  scope_ = cs;
  // Captured comprehension variables get a fresh cell per run.
  for (const auto& name : cs->bound) {
    auto ct = unit_->slots.cell.find({cs, name});
    if (ct != unit_->slots.cell.end()) emit(Op::MAKE_CELL, ct->second);
  }
  emit(kind == comp_list ? Op::BUILD_LIST : kind == comp_set ? Op::BUILD_SET : Op::BUILD_MAP, 0);
  emit(Op::ROT_TWO);
  comprehension_clauses(*gens, 0, kind, elt, value, 0, false);
  scope_ = saved;
  // The comprehension's own variables are hidden: drop what they hold.
  for (const auto& name : cs->bound) {
    auto it = unit_->slots.local.find({cs, name});
    if (it != unit_->slots.local.end()) emit(Op::CLEAR_FAST, it->second);
  }
}

// A generator expression: a generator function over its first iterable, called at once.
// With `async for` or await inside, an asynchronous generator over the first iterable's
// asynchronous iterator (CPython: codegen_comprehension, GET_AITER for an async outermost).
void Compiler::genexp(const ast::GeneratorExp* g) {
  ast::Arguments no_args;
  make_function(no_args, "<genexpr>", g, nullptr, nullptr, g->loc.lineno);
  iterated_expr(g->generators[0]->iter);
  emit(g->generators[0]->is_async ? Op::GET_AITER : Op::GET_ITER);
  emit(Op::CALL, 1, 0);
}

void Compiler::genexp_body(const ast::GeneratorExp* g) {
  emit(Op::LOAD_FAST, 0);  // .0: the first iterator
  comprehension_clauses(g->generators, 0, comp_gen, g->elt, nullptr, 0, true);
  emit(Op::LOAD_CONST, add_const(new_none()));
  emit(Op::RETURN_VALUE);
}

}  // namespace gopy
