// Compiling PEP 695 type parameters and `type` statements (CPython: Python/codegen.c
// codegen_type_params, codegen_type_param_bound_or_default, codegen_function (its generic
// part), codegen_class, codegen_typealias, codegen_set_type_params_in_class). A generic
// def, class or alias is built inside a function of its own, the "<generic parameters of
// NAME>" scope, which binds the type parameters and is called at once.
#include "eval/compiler.hpp"
#include "eval/intrinsics.hpp"

namespace gopy {

// The lazily evaluated part of a type parameter: a function of the annotation format
// (defaulting to VALUE) returning `e`.
void Compiler::lazy_type_param_part(const ast::Expr* e, const std::string& name) {
  nested_function(table_.scope_for(e), name, e->loc.lineno, true, true, [&] {
    expr(e);
    emit(Op::RETURN_VALUE);
  });
}

// Makes each type parameter, binds its name, and leaves the tuple of all of them.
void Compiler::type_params(const std::vector<ast::TypeParam*>& tps) {
  for (const ast::TypeParam* tp : tps) {
    set_line(tp->loc.lineno);
    std::string name;
    const ast::Expr* def = nullptr;
    if (auto* v = ast::dyn_cast<ast::TypeVar>(tp)) {
      name = v->name, def = v->default_value;
      emit(Op::LOAD_CONST, name_const(name));
      if (v->bound) {
        lazy_type_param_part(v->bound, name);
        bool constraints = v->bound->kind == ast::ExprKind::Tuple;
        emit(Op::CALL_INTRINSIC_2,
             int(constraints ? Intrinsic2::typevar_with_constraints : Intrinsic2::typevar_with_bound));
      } else {
        emit(Op::CALL_INTRINSIC_1, int(Intrinsic1::typevar));
      }
    } else if (auto* ps = ast::dyn_cast<ast::ParamSpec>(tp)) {
      name = ps->name, def = ps->default_value;
      emit(Op::LOAD_CONST, name_const(name));
      emit(Op::CALL_INTRINSIC_1, int(Intrinsic1::paramspec));
    } else {
      auto* vt = ast::cast<ast::TypeVarTuple>(tp);
      name = vt->name, def = vt->default_value;
      emit(Op::LOAD_CONST, name_const(name));
      emit(Op::CALL_INTRINSIC_1, int(Intrinsic1::typevartuple));
    }
    if (def) {
      lazy_type_param_part(def, name);
      emit(Op::CALL_INTRINSIC_2, int(Intrinsic2::set_typeparam_default));
    }
    emit(Op::COPY, 1);
    store_name(name);
  }
  emit(Op::BUILD_TUPLE, int(tps.size()));
}

// Runs `body` (which leaves the defined object on the stack) inside the generic
// parameters scope of `tps` when there are any; the object ends on the stack either way.
void Compiler::with_type_params(const std::vector<ast::TypeParam*>& tps, const std::string& name, int line,
                                const std::function<void()>& body) {
  if (tps.empty()) {
    body();
    return;
  }
  nested_function(table_.scope_for(&tps), "<generic parameters of " + name + ">", line, false, false, [&] {
    type_params(tps);
    store_name(".type_params");
    body();
    emit(Op::RETURN_VALUE);
  });
  emit(Op::CALL, 0);
}

// The start of a class body: its __type_params__ (a generic class) and the
// __classdict__ cell its annotation scopes read.
void Compiler::class_body_prologue(const ast::ClassDef& c) {
  if (!c.type_params.empty()) {
    load_name(".type_params");
    emit(Op::COPY, 1);
    store_name("__type_params__");
    store_name("__parameters__");
  }
  if (unit_->scope->needs_classdict) {
    emit(Op::LOAD_CONST, add_const(new_none()));
    emit(Op::CALL_INTRINSIC_1, int(Intrinsic1::load_locals));
    emit(Op::STORE_DEREF, cell_slot_for("__classdict__"));
  }
  annotations_prologue(&c.body);
}

// `type Name[params] = value` (CPython: codegen_typealias).
void Compiler::type_alias(const ast::TypeAlias* t) {
  const std::string& name = ast::cast<ast::Name>(t->name)->id;
  with_type_params(t->type_params, name, t->loc.lineno, [&] {
    emit(Op::LOAD_CONST, name_const(name));
    if (t->type_params.empty()) emit(Op::LOAD_CONST, add_const(new_none()));
    else load_name(".type_params");
    lazy_type_param_part(t->value, name);
    emit(Op::BUILD_TUPLE, 3);
    emit(Op::CALL_INTRINSIC_1, int(Intrinsic1::typealias));
  });
  store_name(name);
}

}  // namespace gopy
