// The running frame's namespaces and compile()'s modes, for the built-ins globals(),
// locals(), eval(), exec() and compile() (CPython: Python/ceval.c PyEval_GetGlobals,
// Objects/frameobject.c PyFrame_GetLocals; Python/bltinmodule.c builtin_compile_impl).
#include "gopy/introspect.hpp"

#include "gopy/eval.hpp"

#include "eval/code.hpp"
#include "eval/compiler.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/strcat.hpp"

namespace gopy {

DictObject* current_globals() {
  Frame* f = get_thread_state()->frame;
  return f ? f->globals : nullptr;
}

namespace {

// locals() of a frame: its namespace dict for module and class bodies (new reference),
// else a new dict of its bound locals and cells.
Object* locals_of(Frame* f);

// The frame `depth` levels out from the innermost running one, or null.
Frame* frame_at(int64_t depth) {
  Frame* f = get_thread_state()->frame;
  while (f && depth-- > 0) f = f->back;
  return f;
}

// The line a frame is at (the instruction before ip: the call running now).
int line_of(const Frame* f) {
  if (!f->ip) return f->code->firstlineno;
  return f->code->line_at(f->ip > f->code->instrs.data() ? f->ip - 1 : f->ip);
}

// A frame's snapshot, as the frames of gopy's tracebacks: f_code (the code object),
// f_lineno, f_globals, f_builtins, f_locals (a copy for functions) and f_back, all taken
// now (CPython's frame objects are live; gopy's frames live on the data stack).
Object* snapshot(Frame* f) {
  Ref<NamespaceObject> outer;
  NamespaceObject* prev = nullptr;
  for (; f; f = f->back) {
    Ref<NamespaceObject> ns = Ref<NamespaceObject>::steal(new_namespace());
    Ref<> locals = Ref<>::steal(locals_of(f));
    Ref<> line = Ref<>::steal(new_int(line_of(f)));
    if (!locals || !line || dict_set_str(ns->dict, "f_code", f->code) < 0 ||
        dict_set_str(ns->dict, "f_lineno", line.get()) < 0 || dict_set_str(ns->dict, "f_globals", f->globals) < 0 ||
        dict_set_str(ns->dict, "f_builtins", f->builtins) < 0 || dict_set_str(ns->dict, "f_locals", locals.get()) < 0 ||
        dict_set_str(ns->dict, "f_back", None()) < 0)
      return nullptr;
    if (prev) {
      if (dict_set_str(prev->dict, "f_back", ns.get()) < 0) return nullptr;
    } else {
      outer = ns;
    }
    prev = ns.get();
  }
  return outer.release();
}

}  // namespace

Object* frame_snapshot(int64_t depth) {
  if (depth < 0) depth = 0;
  Frame* f = frame_at(depth);
  if (!f) return value_error("call stack is not deep enough");
  return snapshot(f);
}

Object* frame_module_name(int64_t depth) {
  if (depth < 0) depth = 0;
  Frame* f = frame_at(depth);
  if (!f) return new_none();
  Object* name = f->globals ? dict_get_str(f->globals, "__name__") : nullptr;
  return new_ref(name ? name : None());
}

Object* current_locals() { return locals_of(get_thread_state()->frame); }

namespace {

Object* locals_of(Frame* f) {
  if (!f) return new_dict();
  if (f->locals) return new_ref<Object>(f->locals);
  CodeObject* co = f->code;
  DictObject* d = new_dict();
  auto put = [&](StrObject* name, Object* value) { return !value || dict_set_item(d, name, value) == 0; };
  bool ok = true;
  for (int i = 0; ok && i < co->nlocals && i < int(co->varnames.size()); ++i) {
    Object* v = f->slots[i];
    // A parameter that is also a cell keeps its cell in the local slot once moved.
    if (v && v->type == &cell_type) v = static_cast<CellObject*>(v)->ref;
    ok = put(co->varnames[size_t(i)], v);
  }
  for (size_t i = 0; ok && i < co->cellnames.size(); ++i) {
    Object* cell = f->slots[co->first_cell() + int(i)];
    ok = put(co->cellnames[i], cell && cell->type == &cell_type ? static_cast<CellObject*>(cell)->ref : nullptr);
  }
  for (size_t i = 0; ok && i < co->freenames.size(); ++i) {
    Object* cell = f->slots[co->first_free() + int(i)];
    ok = put(co->freenames[i], cell && cell->type == &cell_type ? static_cast<CellObject*>(cell)->ref : nullptr);
  }
  if (!ok) {
    decref(d);
    return nullptr;
  }
  return d;
}

}  // namespace

Object* compile_source(std::string_view source, std::string_view filename, std::string_view mode) {
  if (mode != "exec" && mode != "eval" && mode != "single")
    return value_error("compile() mode must be 'exec', 'eval' or 'single'");
  if (mode == "single") return compile_single_source(source, filename);
  if (mode == "exec") return compile_module_source(source, filename);
  // "eval": leading blanks are allowed, as CPython strips them.
  size_t start = source.find_first_not_of(" \t");
  return compile_source_text(source.substr(start == std::string_view::npos ? source.size() : start), filename, true);
}

Object* run_code_in(Object* code, DictObject* globals, Object* locals) {
  if (code->type != &code_type) return type_error("expected a code object");
  if (locals && !is_dict(locals)) return type_error("gopy's eval() and exec() take a dict for locals");
  // Globals without __builtins__ get the caller's builtins dict (CPython: builtin_exec_impl,
  // builtin_eval_impl with PyEval_GetBuiltins).
  if (!dict_get_str(globals, "__builtins__")) {
    ThreadState* ts = get_thread_state();
    DictObject* b = ts->frame && ts->frame->builtins ? ts->frame->builtins : ts->interp->builtins_dict;
    if (dict_set_str(globals, "__builtins__", b) < 0) return nullptr;
  }
  return run_module_code(static_cast<CodeObject*>(code), globals, static_cast<DictObject*>(locals));
}

}  // namespace gopy
