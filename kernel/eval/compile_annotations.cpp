// Compiling annotations as PEP 649/749 define them in 3.14 (CPython: Python/codegen.c
// codegen_setup_annotations_scope, codegen_annotations, codegen_annassign,
// codegen_deferred_annotations_body, codegen_process_deferred_annotations): a def's
// annotations and a module's or class's annotated names become an `__annotate__` function
// run on first access of `__annotations__`; under `from __future__ import annotations`
// they are strings.
#include <algorithm>

#include "eval/annotation_args.hpp"
#include "eval/ast_unparse.hpp"
#include "eval/compiler.hpp"
#include "eval/intrinsics.hpp"
#include "gopy/object_num.hpp"

namespace gopy {

namespace {

// CPython: _Py_ANNOTATE_FORMAT_VALUE_WITH_FAKE_GLOBALS, the highest format an
// __annotate__ made by the compiler accepts.
constexpr int kFormatValueWithFakeGlobals = 2;

// A module's or class's annotated simple names in source order, outside nested defs and
// classes. A module's are all conditional (it may stop half-way), a class's are when a
// compound statement holds them (CPython: symtable.c ste_in_conditional_block).
struct CollectAnnotations {
  std::vector<CompileUnit::DeferredAnnotation>& out;
  bool module;
  int depth = 0;
  void operator()(const ast::Stmt* s) {
    if (auto* a = ast::dyn_cast<ast::AnnAssign>(s)) {
      if (a->simple && a->target->kind == ast::ExprKind::Name) out.push_back({a, module || depth > 0});
      return;
    }
    if (s->kind == ast::StmtKind::FunctionDef || s->kind == ast::StmtKind::AsyncFunctionDef ||
        s->kind == ast::StmtKind::ClassDef)
      return;
    ++depth;
    ast::for_each_child(*s, *this);
    --depth;
  }
  template <class T>
  void operator()(const T*) {}
};

}  // namespace

// Compiles scope `s` as a function of its own, whose code `body` emits (ending in a
// return), and emits the instructions that make it. `format`: the function takes the
// annotation format as its one positional-only parameter (PEP 649), checked first;
// `format_default`: the format defaults to VALUE (1).
void Compiler::nested_function(const Scope* s, const std::string& name, int line, bool format, bool format_default,
                               const std::function<void()>& body) {
  if (format_default) emit(Op::LOAD_CONST, add_const(new_tuple_steal({new_int(1)})));
  CompileUnit u;
  u.scope = s;
  u.qualname = child_qualname(name);
  u.code = new_code(CodeKind::function, name, u.qualname, line);
  u.parent = unit_;
  u.line = line;
  if (format) u.code->argcount = u.code->posonlycount = 1;
  compile_unit(u, [&] {
    if (format) {
      // if format > VALUE_WITH_FAKE_GLOBALS: raise NotImplementedError
      int ok = new_label();
      emit(Op::LOAD_FAST, 0);
      emit(Op::LOAD_CONST, add_const(new_int(kFormatValueWithFakeGlobals)));
      emit(Op::COMPARE_OP, int(CmpKind::gt));
      emit_jump(Op::POP_JUMP_IF_FALSE, ok);
      emit(Op::LOAD_CONST, add_const(new_ref<Object>(&exc_NotImplementedError)));
      emit(Op::RAISE, 1);
      place(ok);
    }
    body();
  });
  emit(Op::MAKE_FUNCTION, add_const(u.release_code()), format_default ? 1 : 0);
}

// The function on top of the stack gets its annotations: an __annotate__ function, or
// under the future import a dict of strings (CPython: codegen_annotations).
void Compiler::function_annotations(const ast::Arguments& args, const ast::Expr* returns, int line) {
  if (!has_annotations(args, returns)) return;
  bool strings = table_.future_annotations();
  auto entries = [&] {
    int n = 0;
    auto one = [&](const std::string& name, const ast::Expr* annotation) {
      emit(Op::LOAD_CONST, name_const(name));
      if (strings) {
        emit(Op::LOAD_CONST, add_const(new_str(unparse_annotation(annotation, source_))));
      } else if (auto* st = ast::dyn_cast<ast::Starred>(annotation)) {
        expr(st->value);  // `*args: *Ts` (CPython: codegen_argannotation)
        emit(Op::UNPACK_SEQUENCE, 1);
      } else {
        expr(annotation);
      }
      ++n;
    };
    for_each_annotation(args, [&](const ast::Arg* a) { one(a->arg, a->annotation); });
    if (returns) one("return", returns);
    emit(Op::BUILD_MAP, n);
  };
  if (strings) {
    entries();
    emit(Op::CALL_INTRINSIC_2, int(Intrinsic2::set_function_annotations));
    return;
  }
  nested_function(table_.scope_for(&args), "__annotate__", line, true, false, [&] {
    entries();
    emit(Op::RETURN_VALUE);
  });
  emit(Op::CALL_INTRINSIC_2, int(Intrinsic2::set_function_annotate));
}

// `target: annotation [= value]` (CPython: codegen_annassign).
void Compiler::ann_assign(const ast::AnnAssign* a) {
  if (a->value) {
    expr(a->value);
    store_target(a->target);
  }
  const Scope* s = unit_->scope;
  bool module_or_class = s->kind == Scope::Kind::module || s->kind == Scope::Kind::class_body;
  if (auto* name = ast::dyn_cast<ast::Name>(a->target); name && a->simple && module_or_class) {
    if (table_.future_annotations()) {
      emit(Op::LOAD_CONST, add_const(new_str(unparse_annotation(a->annotation, source_))));
      load_name("__annotations__");
      emit(Op::LOAD_CONST, name_const(name->id));
      emit(Op::STORE_SUBSCR);
      return;
    }
    // A conditional annotation records that its statement ran.
    auto& deferred = unit_->deferred_annotations;
    auto found = std::find_if(deferred.begin(), deferred.end(), [a](const auto& d) { return d.stmt == a; });
    if (found == deferred.end() || !found->conditional) return;
    if (s->kind == Scope::Kind::module) load_name("__conditional_annotations__");
    else emit(Op::LOAD_DEREF, cell_slot_for("__conditional_annotations__"));
    emit(Op::LOAD_CONST, add_const(new_int(found - deferred.begin())));
    emit(Op::SET_ADD, 1);
    emit(Op::POP_TOP);
    return;
  }
  // Other targets are evaluated (not stored) when there is no value (CPython:
  // codegen_check_ann_expr).
  if (a->value) return;
  if (auto* at = ast::dyn_cast<ast::Attribute>(a->target)) {
    expr(at->value);
    emit(Op::POP_TOP);
  } else if (auto* sub = ast::dyn_cast<ast::Subscript>(a->target)) {
    expr(sub->value);
    emit(Op::POP_TOP);
    expr(sub->slice);
    emit(Op::POP_TOP);
  }
}

// What a module or class body (`body`) does first about annotations: the future import's
// __annotations__ dict, or the list of annotations and the set of those that ran.
void Compiler::annotations_prologue(const ast::StmtList* body) {
  const Scope* s = unit_->scope;
  if (table_.future_annotations()) {
    if (s->annotations_used) {
      emit(Op::BUILD_MAP, 0);
      store_name("__annotations__");
    }
    return;
  }
  if (!s->annotation_block) return;
  bool module = s->kind == Scope::Kind::module;
  CollectAnnotations walk{unit_->deferred_annotations, module};
  for (const ast::Stmt* st : *body) walk(st);
  if (module) {
    // A module's __annotate__ exists from its start (CPython: ANNOTATIONS_PLACEHOLDER).
    emit(Op::BUILD_SET, 0);
    store_name("__conditional_annotations__");
    emit_annotate();
    store_name("__annotate__");
  } else if (s->has_conditional_annotations) {
    emit(Op::BUILD_SET, 0);
    emit(Op::STORE_DEREF, cell_slot_for("__conditional_annotations__"));
  }
}

// After a module or class body: its __annotate__ (CPython:
// codegen_process_deferred_annotations).
void Compiler::annotations_epilogue() {
  const Scope* s = unit_->scope;
  if (s->kind != Scope::Kind::class_body || unit_->deferred_annotations.empty() || !s->annotation_block) return;
  emit_annotate();
  store_name("__annotate_func__");
}

// The __annotate__ function of the current module or class: a conditional annotation is
// in its dict only when its statement ran.
void Compiler::emit_annotate() {
  const Scope* s = unit_->scope;
  std::vector<CompileUnit::DeferredAnnotation> deferred = unit_->deferred_annotations;
  nested_function(s->annotation_block, "__annotate__", unit_->line, true, false, [&] {
    emit(Op::BUILD_MAP, 0);
    for (size_t i = 0; i < deferred.size(); ++i) {
      const ast::AnnAssign* a = deferred[i].stmt;
      set_line(a->loc.lineno);
      int not_set = new_label();
      if (deferred[i].conditional) {
        emit(Op::LOAD_CONST, add_const(new_int(int64_t(i))));
        load_name("__conditional_annotations__");
        emit(Op::COMPARE_OP, int(CmpKind::in));
        emit_jump(Op::POP_JUMP_IF_FALSE, not_set);
      }
      expr(a->annotation);
      emit(Op::COPY, 2);
      emit(Op::LOAD_CONST, name_const(ast::cast<ast::Name>(a->target)->id));
      emit(Op::STORE_SUBSCR);
      place(not_set);
    }
    emit(Op::RETURN_VALUE);
  });
}

// A name read by an annotation scope that sees its class: the class namespace first,
// then the globals and builtins (CPython: LOAD_FROM_DICT_OR_GLOBALS).
bool Compiler::load_from_class_dict(const std::string& name) {
  if (scope_->kind != Scope::Kind::annotation || !scope_->can_see_class_scope) return false;
  if (scope_->lookup(name) != NameScope::global_implicit) return false;
  emit(Op::LOAD_DEREF, cell_slot_for("__classdict__"));
  emit(Op::LOAD_CONST, name_const(name));
  emit(Op::CALL_INTRINSIC_2, int(Intrinsic2::load_from_dict_or_globals));
  return true;
}

}  // namespace gopy
