// The compiler's frame bookkeeping: code objects, slot layout, name resolution, function
// and class bodies (CPython: Python/compile.c compiler_enter_scope, compiler_nameop,
// compiler_make_closure, compiler_set_qualname).
#include "eval/compiler.hpp"

#include <algorithm>

#include "eval/nodes_expr.hpp"
#include "eval/nodes_stmt.hpp"
#include "gopy/object_num.hpp"
#include "object/strcat.hpp"

namespace gopy {

CodeObject::~CodeObject() { clear_refs(); }

std::string source_line_text(std::string_view source, int lineno) {
  size_t pos = 0;
  for (int l = 1; l < lineno && pos != std::string_view::npos; ++l) {
    pos = source.find('\n', pos);
    if (pos != std::string_view::npos) ++pos;
  }
  if (pos == std::string_view::npos || pos > source.size()) return "";
  size_t end = source.find('\n', pos);
  return std::string(source.substr(pos, end == std::string_view::npos ? std::string_view::npos : end - pos + 1));
}

void raise_syntax_error(const std::string& type, const std::string& msg, const std::string& filename, int lineno,
                        int offset, const std::string& text, int end_lineno, int end_offset) {
  // The parser's one error that is no SyntaxError: a plain MemoryError with its message.
  // CPython: Parser/pegen_errors.c _Pypegen_stack_overflow
  if (type == "MemoryError") {
    set_error(&exc_MemoryError, msg);
    return;
  }
  TypeObject* t = type == "IndentationError" ? &exc_IndentationError
                  : type == "TabError"       ? &exc_TabError
                                             : &exc_SyntaxError;
  Object* m = new_str(msg);
  Object* fn = new_str(filename);
  Object* ln = new_int(lineno);
  Object* off = new_int(offset);
  Object* tx = text.empty() ? new_none() : new_str(text);
  Object* eln = new_int(end_lineno);
  Object* eoff = new_int(end_offset);
  TupleObject* info = new_tuple_from({fn, ln, off, tx, eln, eoff});
  Object* args[2] = {m, info};
  Object* exc = new_exception_args(t, args, 2);
  for (Object* o : {m, fn, ln, off, tx, eln, eoff}) decref(o);
  decref(info);
  if (exc) {
    raise_object(exc);
    decref(exc);
  }
}

Compiler::Compiler(SymbolTable& table, std::string_view source, std::string_view filename)
    : table_(table), source_(source), filename_(filename) {}

bool Compiler::fail(const std::string& msg, const ast::Node* at) {
  if (failed_) return false;
  failed_ = true;
  int line = at ? at->loc.lineno : 1;
  int col = at ? at->loc.col_offset + 1 : 0;
  int end_line = at ? at->loc.end_lineno : line;
  int end_col = at ? at->loc.end_col_offset + 1 : 0;
  raise_syntax_error("SyntaxError", msg, filename_, line, col, source_line_text(source_, line), end_line, end_col);
  return false;
}

Object* Compiler::keep(Object* o) { return unit_->code->keep(o); }

StrObject* Compiler::name_obj(std::string_view s) {
  StrObject* n = intern(s);
  keep(new_ref(n));
  return n;
}

CodeObject* Compiler::new_code(CodeKind kind, const std::string& name, const std::string& qualname, int line) {
  auto* code = make<CodeObject>();
  code->kind = kind;
  code->filename = filename_obj_;
  code->keep(new_ref(filename_obj_));
  code->name = intern(name);
  code->keep(new_ref(code->name));
  code->qualname = new_str(qualname);
  code->keep(code->qualname);
  code->firstlineno = line;
  code->uses_locals_dict = kind == CodeKind::module || kind == CodeKind::class_body;
  return code;
}

// Inlined comprehensions nested in `s` get hidden slots in this frame.
void Compiler::layout_comprehensions(CompileUnit& u, const Scope* s) {
  for (const auto& child : s->children) {
    if (child->kind != Scope::Kind::comprehension) continue;
    std::vector<std::string> names(child->bound.begin(), child->bound.end());
    for (const auto& n : names) {
      if (child->lookup(n) == NameScope::cell) continue;
      u.slots.local[{child.get(), n}] = u.code->nlocals++;
      u.code->varnames.push_back(intern(n));
    }
    layout_comprehensions(u, child.get());
  }
}

void Compiler::layout(CompileUnit& u) {
  CodeObject* code = u.code;
  const Scope* s = u.scope;
  for (const auto& p : s->params) {
    u.slots.local[{s, p}] = code->nlocals++;
    code->varnames.push_back(intern(p));
  }
  if (s->is_function_like()) {
    for (const auto& [n, r] : s->resolved) {
      if (r != NameScope::local || u.slots.local.count({s, n})) continue;
      u.slots.local[{s, n}] = code->nlocals++;
      code->varnames.push_back(intern(n));
    }
  }
  layout_comprehensions(u, s);
  std::vector<std::pair<const Scope*, std::string>> cells;
  for (const auto& [n, r] : s->resolved)
    if (r == NameScope::cell) cells.emplace_back(s, n);
  std::vector<const Scope*> comps;
  std::vector<const Scope*> todo{s};
  while (!todo.empty()) {
    const Scope* cur = todo.back();
    todo.pop_back();
    for (const auto& c : cur->children) {
      if (c->kind != Scope::Kind::comprehension) continue;
      for (const auto& [n, r] : c->resolved)
        if (r == NameScope::cell && c->bound.count(n)) cells.emplace_back(c.get(), n);
      todo.push_back(c.get());
    }
  }
  for (const auto& [sc, n] : cells) {
    int idx = code->nlocals + int(code->cellnames.size());
    u.slots.cell[{sc, n}] = idx;
    code->cellnames.push_back(intern(n));
    auto it = u.slots.local.find({sc, n});
    code->cell_from_arg.push_back(sc == s && it != u.slots.local.end() ? it->second : -1);
  }
  if (s->kind == Scope::Kind::class_body && s->needs_class_cell) {
    code->class_cell = code->nlocals + int(code->cellnames.size());
    code->cellnames.push_back(intern("__class__"));
    code->cell_from_arg.push_back(-1);
  }
  for (const auto& n : s->free_order) {
    u.slots.cell[{s, n}] = code->nlocals + int(code->cellnames.size()) + int(code->freenames.size());
    code->freenames.push_back(intern(n));
  }
}

// The scope whose binding `name` refers to from the current (maybe comprehension) scope.
const Scope* Compiler::owner_scope(const std::string& name) const {
  const Scope* s = scope_;
  while (s->kind == Scope::Kind::comprehension && !s->bound.count(name)) s = s->parent;
  return s;
}

int Compiler::cell_slot_for(const std::string& name) const {
  const Scope* s = owner_scope(name);
  if (s->kind == Scope::Kind::class_body && name == "__class__") return unit_->code->class_cell;
  auto it = unit_->slots.cell.find({s, name});
  return it == unit_->slots.cell.end() ? -1 : it->second;
}

ExprPtr Compiler::load_name(const std::string& name, int lineno) {
  const Scope* s = owner_scope(name);
  NameScope r = s->lookup(name);
  StrObject* n = name_obj(name);
  ExprPtr e;
  if (s->kind == Scope::Kind::class_body && (r == NameScope::name || r == NameScope::free)) {
    int cell = -1;
    if (r == NameScope::free || std::count(s->free_order.begin(), s->free_order.end(), name))
      cell = cell_slot_for(name);
    e = std::make_unique<NameLoad>(n, cell);
  } else {
    switch (r) {
      case NameScope::local: {
        auto it = unit_->slots.local.find({s, name});
        if (it != unit_->slots.local.end()) {
          e = std::make_unique<LocalLoad>(it->second, n);
          break;
        }
        [[fallthrough]];
      }
      case NameScope::cell:
      case NameScope::free: {
        int slot = cell_slot_for(name);
        if (slot < 0) {
          e = std::make_unique<GlobalLoad>(n);
          break;
        }
        e = std::make_unique<CellLoad>(slot, n, r == NameScope::free);
        break;
      }
      case NameScope::global_explicit:
      case NameScope::global_implicit: e = std::make_unique<GlobalLoad>(n); break;
      case NameScope::name: e = std::make_unique<NameLoad>(n); break;
    }
  }
  e->lineno = lineno;
  return e;
}

TargetPtr Compiler::store_name(const std::string& name, int lineno) {
  const Scope* s = owner_scope(name);
  NameScope r = s->lookup(name);
  StrObject* n = name_obj(name);
  TargetPtr t;
  switch (r) {
    case NameScope::local: {
      auto it = unit_->slots.local.find({s, name});
      if (it != unit_->slots.local.end()) {
        t = std::make_unique<LocalTarget>(it->second, n);
        break;
      }
      [[fallthrough]];
    }
    case NameScope::cell:
    case NameScope::free: {
      int slot = cell_slot_for(name);
      if (slot >= 0) t = std::make_unique<CellTarget>(slot, n);
      else t = std::make_unique<GlobalTarget>(n);
      break;
    }
    case NameScope::global_explicit:
    case NameScope::global_implicit: t = std::make_unique<GlobalTarget>(n); break;
    case NameScope::name:
      if (unit_->code->uses_locals_dict) t = std::make_unique<NameTarget>(n);
      else t = std::make_unique<GlobalTarget>(n);
      break;
  }
  t->lineno = lineno;
  return t;
}

std::string Compiler::child_qualname(const std::string& name) const {
  const Scope* s = unit_->scope;
  if (s->kind == Scope::Kind::module) return name;
  if (s->kind == Scope::Kind::class_body) return unit_->qualname + "." + name;
  return unit_->qualname + ".<locals>." + name;
}

// Compiles a def, lambda or generator expression body into a new code object and returns
// the node that builds the function at run time.
ExprPtr Compiler::make_function(const ast::Arguments& args, const std::string& name, const void* node,
                                const ast::StmtList* body, const ast::Expr* lambda_body, int lineno) {
  const Scope* s = table_.scope_for(node);
  auto mk = std::make_unique<MakeFunctionNode>();
  mk->lineno = lineno;
  for (auto* d : args.defaults) mk->defaults.push_back(expr(d));
  for (size_t i = 0; i < args.kwonlyargs.size(); ++i) {
    if (!args.kw_defaults[i]) continue;
    mk->kwdefault_names.push_back(name_obj(args.kwonlyargs[i]->arg));
    mk->kwdefaults.push_back(expr(args.kw_defaults[i]));
  }
  bool genexpr = s->kind == Scope::Kind::genexpr;
  CompileUnit u;
  u.scope = s;
  u.qualname = child_qualname(name);
  u.code = new_code(genexpr ? CodeKind::genexpr : CodeKind::function, name, u.qualname, lineno);
  u.parent = unit_;
  CodeObject* code = u.code;
  code->posonlycount = int(args.posonlyargs.size());
  code->argcount = int(args.posonlyargs.size() + args.args.size());
  code->kwonlycount = int(args.kwonlyargs.size());
  code->has_varargs = args.vararg != nullptr;
  code->has_varkw = args.kwarg != nullptr;
  if (genexpr) code->argcount = 1;
  layout(u);
  CompileUnit* saved_unit = unit_;
  const Scope* saved_scope = scope_;
  unit_ = &u;
  scope_ = s;
  if (body) {
    code->body = block(*body);
  } else if (lambda_body) {
    code->expr_body = expr(lambda_body);
  }
  unit_ = saved_unit;
  scope_ = saved_scope;
  for (const auto& fname : s->free_order) mk->closure_slots.push_back(cell_slot_for(fname));
  mk->code = code;
  keep(code);  // the parent's consts own the child code
  return mk;
}

ExprPtr Compiler::make_class_body(const ast::ClassDef& c) {
  const Scope* s = table_.scope_for(&c);
  auto mk = std::make_unique<MakeFunctionNode>();
  mk->lineno = c.loc.lineno;
  CompileUnit u;
  u.scope = s;
  u.qualname = child_qualname(c.name);
  u.code = new_code(CodeKind::class_body, c.name, u.qualname, c.loc.lineno);
  u.parent = unit_;
  layout(u);
  CompileUnit* saved_unit = unit_;
  const Scope* saved_scope = scope_;
  unit_ = &u;
  scope_ = s;
  u.code->body = block(c.body);
  unit_ = saved_unit;
  scope_ = saved_scope;
  for (const auto& fname : s->free_order) mk->closure_slots.push_back(cell_slot_for(fname));
  mk->code = u.code;
  keep(u.code);
  return mk;
}

CodeObject* Compiler::compile_module(const ast::Module& m) {
  filename_obj_ = new_str(filename_);
  CompileUnit u;
  u.scope = table_.root();
  u.qualname = "";
  u.code = new_code(CodeKind::module, "<module>", "<module>", 1);
  decref(filename_obj_);  // the code keeps it
  layout(u);
  unit_ = &u;
  scope_ = u.scope;
  u.code->body = block(m.body);
  unit_ = nullptr;
  if (failed_) {
    decref(u.code);
    return nullptr;
  }
  return u.code;
}

}  // namespace gopy
