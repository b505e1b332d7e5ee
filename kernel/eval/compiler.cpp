// The compiler's frame bookkeeping: code objects, slot layout, name resolution, function
// and class bodies (CPython: Python/compile.c compiler_enter_scope, compiler_nameop,
// compiler_make_closure, compiler_set_qualname).
#include "eval/compiler.hpp"
#include "eval/mangle.hpp"
#include "gopy/warnings.hpp"

#include <algorithm>

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
  // The REPL shows its entry's line (CPython keeps it for the traceback); elsewhere the text
  // is the file's.
  std::string text = interactive_ ? source_line_text(source_, line) : compile_error_text(filename_, source_, line);
  raise_syntax_error("SyntaxError", msg, filename_, line, col, text, end_line, end_col);
  return false;
}

// CPython: Python/compile.c _PyCompile_Warn -> Python/errors.c _PyErr_EmitSyntaxWarning:
// a SyntaxWarning that a filter turned into an error is reported as a SyntaxError at the
// construct, not as the warning.
bool Compiler::warn(const std::string& msg, const ast::Node* at) {
  if (failed_) return false;
  if (emit_syntax_warning(msg, filename_, source_, at)) return true;
  failed_ = true;
  return false;
}

bool emit_syntax_warning(const std::string& msg, const std::string& filename, std::string_view source,
                         const ast::Node* at) {
  int line = at ? at->loc.lineno : 1;
  if (warn_explicit(&exc_SyntaxWarning, msg, filename, line) == 0) return true;
  if (error_matches(&exc_SyntaxWarning)) {
    clear_error();
    raise_syntax_error("SyntaxError", msg, filename, line, at ? at->loc.col_offset + 1 : 0,
                       compile_error_text(filename, source, line), at ? at->loc.end_lineno : line,
                       at ? at->loc.end_col_offset + 1 : 0);
  }
  return false;
}

std::string compile_error_text(const std::string& filename, std::string_view source, int lineno) {
  return filename.starts_with("<") ? std::string() : source_line_text(source, lineno);
}

int Compiler::add_const(Object* o) {
  CodeObject* code = unit_->code;
  code->keep(o);
  return int(code->consts.size()) - 1;
}

int Compiler::name_const(std::string_view s) {
  StrObject* n = intern(s);
  auto it = unit_->const_index.find(n);
  if (it != unit_->const_index.end()) return it->second;
  int i = add_const(new_ref(n));
  unit_->const_index[n] = i;
  return i;
}

int Compiler::attr_const(const ast::Attribute* a, bool store) {
  CompileUnit* cls = unit_;
  while (cls && !cls->class_def) cls = cls->parent;
  if (!cls) return name_const(a->attr);
  auto* self = ast::dyn_cast<ast::Name>(a->value);
  if (store && self && self->id == "self") cls->static_attributes.insert(a->attr);
  return name_const(mangle_private_name(cls->class_def->name, a->attr));
}

// ---- emission ----

int Compiler::current_handler() const {
  for (auto it = unit_->fblocks.rbegin(); it != unit_->fblocks.rend(); ++it)
    if (it->handler >= 0) return it->handler;
  return -1;
}

int Compiler::stmt_depth() const {
  int d = 0;
  for (const auto& b : unit_->fblocks) d += b.items;
  return d;
}

int Compiler::new_handler(int label, int depth) {
  unit_->code->handlers.push_back({label, depth});
  return int(unit_->code->handlers.size()) - 1;
}

int Compiler::emit(Op op, int a, int b) {
  CodeObject* code = unit_->code;
  code->instrs.push_back({op, uint16_t(b), a});
  code->lines.push_back(unit_->line);
  code->spans.push_back(unit_->line == unit_->span_line ? unit_->span : SourceSpan{});
  code->handler_of.push_back(current_handler());
  return int(code->instrs.size()) - 1;
}

int Compiler::new_label() {
  unit_->label_pos.push_back(-1);
  return int(unit_->label_pos.size()) - 1;
}

void Compiler::place(int label) { unit_->label_pos[size_t(label)] = int(unit_->code->instrs.size()); }

int Compiler::emit_jump(Op op, int label, int b) {
  CodeObject* code = unit_->code;
  // Compare-and-branch: COMPARE_OP + POP_JUMP_IF_FALSE become one instruction that never
  // materializes the bool, unless a label points between them.
  if (op == Op::POP_JUMP_IF_FALSE && !code->instrs.empty() && code->instrs.back().op == Op::COMPARE_OP) {
    int here = int(code->instrs.size());
    bool labelled = false;
    for (int p : unit_->label_pos) labelled |= p == here;
    if (!labelled) {
      Instr& last = code->instrs.back();
      last.b = uint16_t(last.a);
      last.a = label;
      last.op = Op::COMPARE_JUMP_IF_FALSE;
      unit_->jumps.push_back(here - 1);
      return here - 1;
    }
  }
  int i = emit(op, label, b);
  unit_->jumps.push_back(i);
  return i;
}

// The deepest the value stack gets, by following every path (CPython: compile.c
// stackdepth).
void Compiler::emit_stacksize(CodeObject* code) {
  size_t n = code->instrs.size();
  std::vector<int> depth;
  int max_depth = 0;
  auto walk = [&] {
    depth.assign(n, -1);
    std::vector<std::pair<int, int>> todo{{0, 0}};
    for (const auto& h : code->handlers)
      if (h.depth >= 0) todo.emplace_back(h.target, h.depth + 1);
    while (!todo.empty()) {
      auto [i, d] = todo.back();
      todo.pop_back();
      if (i < 0 || size_t(i) >= n || depth[size_t(i)] >= d) continue;
      depth[size_t(i)] = d;
      max_depth = std::max(max_depth, d);
      const Instr& ins = code->instrs[size_t(i)];
      if (is_jump(ins.op)) todo.emplace_back(ins.a, d + stack_effect(ins, true));
      if (!is_terminal(ins.op)) todo.emplace_back(i + 1, d + stack_effect(ins, false));
    }
  };
  walk();
  // Handlers whose depth is the stack's at an instruction (handler_depth_at_next_instruction):
  // resolved as the paths reaching that instruction are found (code after one such handler
  // may be reached only through it), then every path is walked again.
  for (bool pending = true; pending;) {
    pending = false;
    bool progress = false;
    for (auto& h : code->handlers) {
      if (h.depth >= 0) continue;
      int at = depth[size_t(-1 - h.depth)];
      if (at < 0) {
        pending = true;
        continue;
      }
      h.depth = at;
      progress = true;
    }
    if (!progress) break;
    walk();
  }
  for (auto& h : code->handlers) h.depth = std::max(h.depth, 0);  // unreachable anchors
  code->stacksize = max_depth + 1;
}

void Compiler::finish_code(CompileUnit& u) {
  CodeObject* code = u.code;
  // A failed compilation's code is dropped; its stack effects need not balance (a target
  // refused inside a loop would make the depth walk grow forever).
  if (failed_) return;
  // Every frame ends with `return None` (unreachable ends cost one instruction).
  bool end_is_target = false;
  for (int p : u.label_pos) end_is_target |= p == int(code->instrs.size());
  if (code->instrs.empty() || !is_terminal(code->instrs.back().op) || end_is_target) {
    CompileUnit* saved = unit_;
    unit_ = &u;
    emit(Op::LOAD_CONST, add_const(new_none()));
    emit(Op::RETURN_VALUE);
    unit_ = saved;
  }
  for (int j : u.jumps) {
    Instr& ins = code->instrs[size_t(j)];
    ins.a = u.label_pos[size_t(ins.a)];
  }
  for (auto& h : code->handlers) h.target = u.label_pos[size_t(h.target)];
  // Each global and attribute load and store gets its lookup cache.
  for (Instr& ins : code->instrs) {
    if ((ins.op == Op::LOAD_GLOBAL || ins.op == Op::STORE_GLOBAL) && code->name_caches.size() < 0xffff) {
      code->name_caches.emplace_back();
      ins.b = uint16_t(code->name_caches.size());
    }
    if ((ins.op == Op::LOAD_ATTR || ins.op == Op::STORE_ATTR || ins.op == Op::LOAD_METHOD) &&
        code->attr_caches.size() < 0xffff) {
      code->attr_caches.emplace_back();
      ins.b = uint16_t(code->attr_caches.size());
    }
  }
  emit_stacksize(code);
}

CodeObject* Compiler::new_code(CodeKind kind, const std::string& name, const std::string& qualname, int line) {
  Ref<CodeObject> code = Ref<CodeObject>::steal(make<CodeObject>());
  code->kind = kind;
  code->filename = filename_obj_;
  code->keep(new_ref(filename_obj_));
  code->name = intern(name);
  code->keep(new_ref(code->name));
  code->qualname = new_str(qualname);
  code->keep(code->qualname);
  code->firstlineno = line;
  return code.release();
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
  if (s->kind == Scope::Kind::class_body) {
    // The hidden cells a class body shares with its annotation scopes.
    std::pair<const char*, bool> hidden[] = {{"__classdict__", s->needs_classdict},
                                             {"__conditional_annotations__", s->has_conditional_annotations}};
    for (auto [name, wanted] : hidden) {
      if (!wanted) continue;
      u.slots.cell[{s, name}] = code->nlocals + int(code->cellnames.size());
      code->cellnames.push_back(intern(name));
      code->cell_from_arg.push_back(-1);
    }
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

void Compiler::load_name(const std::string& name) {
  if (load_from_class_dict(name)) return;
  const Scope* s = owner_scope(name);
  NameScope r = s->lookup(name);
  int n = name_const(name);
  // A comprehension inlined in a class body does not see the class's names: a name it
  // does not bind is the enclosing function's (free) or a global (CPython: symtable.c,
  // class scopes bind nothing for nested scopes; inline_comprehension keeps that).
  if (s->kind == Scope::Kind::class_body && s != scope_ && scope_->kind == Scope::Kind::comprehension) {
    bool free = r == NameScope::free || std::count(s->free_order.begin(), s->free_order.end(), name);
    int slot = free ? cell_slot_for(name) : -1;
    if (slot >= 0) emit(Op::LOAD_DEREF, slot);
    else emit(Op::LOAD_GLOBAL, n);
    return;
  }
  if (s->kind == Scope::Kind::class_body && (r == NameScope::name || r == NameScope::free)) {
    int cell = -1;
    if (r == NameScope::free || std::count(s->free_order.begin(), s->free_order.end(), name))
      cell = cell_slot_for(name);
    emit(Op::LOAD_NAME, n, cell + 1);
    return;
  }
  switch (r) {
    case NameScope::local: {
      auto it = unit_->slots.local.find({s, name});
      if (it != unit_->slots.local.end()) {
        emit(Op::LOAD_FAST, it->second);
        return;
      }
      [[fallthrough]];
    }
    case NameScope::cell:
    case NameScope::free: {
      int slot = cell_slot_for(name);
      if (slot < 0) emit(Op::LOAD_GLOBAL, n);
      else emit(Op::LOAD_DEREF, slot);
      return;
    }
    case NameScope::global_explicit:
    case NameScope::global_implicit: emit(Op::LOAD_GLOBAL, n); return;
    case NameScope::name:
      // Module code runs with its globals as its namespace: a global lookup, cached.
      emit(unit_->code->kind == CodeKind::module ? Op::LOAD_GLOBAL : Op::LOAD_NAME, n, 0);
      return;
  }
}

void Compiler::store_name(const std::string& name) { store_or_delete(name, false); }
void Compiler::delete_name(const std::string& name) { store_or_delete(name, true); }

void Compiler::store_or_delete(const std::string& name, bool del) {
  const Scope* s = owner_scope(name);
  NameScope r = s->lookup(name);
  int n = name_const(name);
  Op global = del ? Op::DELETE_GLOBAL : Op::STORE_GLOBAL;
  switch (r) {
    case NameScope::local: {
      auto it = unit_->slots.local.find({s, name});
      if (it != unit_->slots.local.end()) {
        emit(del ? Op::DELETE_FAST : Op::STORE_FAST, it->second);
        return;
      }
      [[fallthrough]];
    }
    case NameScope::cell:
    case NameScope::free: {
      int slot = cell_slot_for(name);
      if (slot >= 0) emit(del ? Op::DELETE_DEREF : Op::STORE_DEREF, slot);
      else emit(global, n);
      return;
    }
    case NameScope::global_explicit:
    case NameScope::global_implicit: emit(global, n); return;
    case NameScope::name:
      // Module code runs with its globals as its namespace.
      if (unit_->code->kind == CodeKind::class_body) emit(del ? Op::DELETE_NAME : Op::STORE_NAME, n);
      else emit(global, n);
      return;
  }
}

std::string Compiler::child_qualname(const std::string& name) const {
  // An annotation scope (a generic's parameters) is transparent in qualified names.
  const CompileUnit* u = unit_;
  if (u->scope->kind == Scope::Kind::annotation && u->parent) u = u->parent;
  const Scope* s = u->scope;
  if (s->kind == Scope::Kind::module) return name;
  if (s->kind == Scope::Kind::class_body) return u->qualname + "." + name;
  return u->qualname + ".<locals>." + name;
}

namespace {

// CPython: Python/compile.c _PyCompile_CleanDoc (3.13+): the first line without its
// leading whitespace, the common margin of the other non-blank lines removed, lines of
// whitespace emptied.
std::string clean_doc(std::string_view doc) {
  std::vector<std::string_view> lines;
  for (size_t start = 0;;) {
    size_t nl = doc.find('\n', start);
    lines.push_back(doc.substr(start, nl == doc.npos ? doc.npos : nl - start));
    if (nl == doc.npos) break;
    start = nl + 1;
  }
  auto indent_of = [](std::string_view l) { return l.find_first_not_of(" \t"); };
  size_t margin = std::string_view::npos;
  for (size_t i = 1; i < lines.size(); ++i)
    if (size_t ind = indent_of(lines[i]); ind != std::string_view::npos) margin = std::min(margin, ind);
  std::string out;
  for (size_t i = 0; i < lines.size(); ++i) {
    std::string_view l = lines[i];
    size_t ind = indent_of(l);
    if (ind == std::string_view::npos) l = {};
    else if (i == 0) l.remove_prefix(ind);
    else l.remove_prefix(std::min(margin, l.size()));
    if (i) out += '\n';
    out += l;
  }
  return out;
}

}  // namespace

// Compiles a def, lambda or generator expression body into a new code object and emits
// the instructions that build the function at run time (CPython: compiler_make_closure).
void Compiler::make_function(const ast::Arguments& args, const std::string& name, const void* node,
                             const ast::StmtList* body, const ast::Expr* lambda_body, int lineno) {
  const Scope* s = table_.scope_for(node);
  int flags = 0;
  if (!args.defaults.empty()) {
    for (auto* d : args.defaults) expr(d);
    emit(Op::BUILD_TUPLE, int(args.defaults.size()));
    flags |= 1;
  }
  int nkw = 0;
  for (size_t i = 0; i < args.kwonlyargs.size(); ++i) {
    if (!args.kw_defaults[i]) continue;
    emit(Op::LOAD_CONST, name_const(args.kwonlyargs[i]->arg));
    expr(args.kw_defaults[i]);
    ++nkw;
  }
  if (nkw) {
    emit(Op::BUILD_MAP, nkw);
    flags |= 2;
  }
  bool genexpr = s->kind == Scope::Kind::genexpr;
  CompileUnit u;
  u.scope = s;
  u.qualname = child_qualname(name);
  u.code = new_code(genexpr ? CodeKind::genexpr : CodeKind::function, name, u.qualname, lineno);
  u.parent = unit_;
  u.line = lineno;
  CodeObject* code = u.code;
  code->posonlycount = int(args.posonlyargs.size());
  code->argcount = int(args.posonlyargs.size() + args.args.size());
  code->kwonlycount = int(args.kwonlyargs.size());
  code->has_varargs = args.vararg != nullptr;
  code->has_varkw = args.kwarg != nullptr;
  code->is_generator = genexpr || s->is_generator || s->is_coroutine;
  code->is_coroutine = s->is_coroutine;
  code->is_async_generator = s->is_coroutine && (s->is_generator || genexpr);
  if (genexpr) code->argcount = 1;
  compile_unit(u, [&] {
    if (body) {
      code->doc = docstring(*body);
      block(*body);
    } else if (lambda_body) {
      expr(lambda_body);
      if (code->is_generator) {
        emit(Op::POP_TOP);
        emit(Op::LOAD_CONST, add_const(new_none()));
      }
      emit(Op::RETURN_VALUE);
    } else if (genexpr) {
      genexp_body(static_cast<const ast::GeneratorExp*>(node));
    }
  });
  emit(Op::MAKE_FUNCTION, add_const(u.release_code()), flags);  // the parent's consts own the child code
}

// Lays out unit `u` (its scope and code set), compiles its code with `body` in it, and
// back in the parent, resolves the cells its closure takes.
void Compiler::compile_unit(CompileUnit& u, const std::function<void()>& body) {
  layout(u);
  CompileUnit* saved_unit = unit_;
  const Scope* saved_scope = scope_;
  unit_ = &u;
  scope_ = u.scope;
  emit(Op::RESUME);
  body();
  finish_code(u);
  unit_ = saved_unit;
  scope_ = saved_scope;
  for (const auto& fname : u.scope->free_order) u.code->closure_slots.push_back(cell_slot_for(fname));
}

// The body's docstring, kept in the current unit's consts, or null; -OO drops it
// (CPython: _PyAST_GetDocString, codegen_function_body).
Object* Compiler::docstring(const ast::StmtList& body) {
  if (body.empty() || get_thread_state()->interp->settings.optimization_level >= 2) return nullptr;
  auto* e = ast::dyn_cast<ast::ExprStmt>(body.front());
  auto* c = e ? ast::dyn_cast<ast::Constant>(e->value) : nullptr;
  if (!c || c->value_kind != ast::ConstantKind::Str) return nullptr;
  Object* doc = new_str(clean_doc(c->str_value));
  add_const(doc);
  return doc;
}

void Compiler::make_class_body(const ast::ClassDef& c, int first_line) {
  const Scope* s = table_.scope_for(&c);
  CompileUnit u;
  u.scope = s;
  u.qualname = child_qualname(c.name);
  u.code = new_code(CodeKind::class_body, c.name, u.qualname, first_line);
  u.parent = unit_;
  u.line = c.loc.lineno;
  u.class_def = &c;
  compile_unit(u, [&] {
    // CPython: codegen_class_body: the first line (its first decorator's) after
    // __module__ and __qualname__, which build_class_from_body sets.
    emit(Op::LOAD_CONST, add_const(new_int(first_line)));
    store_name("__firstlineno__");
    class_body_prologue(c);
    // A class body's docstring is its namespace's __doc__ (CPython: compiler_class_body).
    if (Object* doc = docstring(c.body)) {
      emit(Op::LOAD_CONST, add_const(new_ref(doc)));
      store_name("__doc__");
    }
    block(c.body);
    annotations_epilogue();
    // The attributes the methods assign on self, sorted (_PyCompile_StaticAttributesAsTuple).
    std::vector<Object*> names;
    for (const std::string& n : u.static_attributes) names.push_back(new_str(n));
    emit(Op::LOAD_CONST, add_const(new_tuple_steal(std::move(names))));
    store_name("__static_attributes__");
  });
  emit(Op::MAKE_FUNCTION, add_const(u.release_code()), 0);
}

CodeObject* Compiler::compile_module(const ast::Module& m) { return compile_top_level(m, false); }

CodeObject* Compiler::compile_expression(const ast::Module& m) { return compile_top_level(m, true); }

CodeObject* Compiler::compile_top_level(const ast::Module& m, bool expression) {
  Ref<StrObject> filename = Ref<StrObject>::steal(new_str(filename_));  // each code keeps a reference
  filename_obj_ = filename.get();
  CompileUnit u;
  u.scope = table_.root();
  u.qualname = "";
  u.code = new_code(CodeKind::module, "<module>", "<module>", 1);
  u.line = 1;
  layout(u);
  unit_ = &u;
  scope_ = u.scope;
  emit(Op::RESUME);
  if (expression) {
    expr(static_cast<const ast::ExprStmt*>(m.body.front())->value);
    emit(Op::RETURN_VALUE);
  } else {
    annotations_prologue(&m.body);
    block(m.body);
    annotations_epilogue();
  }
  finish_code(u);
  unit_ = nullptr;
  if (failed_) return nullptr;
  return u.release_code();
}

}  // namespace gopy
