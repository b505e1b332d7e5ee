// The running frame's namespaces and compile()'s modes, for the built-ins globals(),
// locals(), eval(), exec() and compile() (CPython: Python/ceval.c PyEval_GetGlobals,
// Objects/frameobject.c PyFrame_GetLocals; Python/bltinmodule.c builtin_compile_impl).
#include "gopy/introspect.hpp"

#include "gopy/eval.hpp"

#include "eval/code.hpp"
#include "eval/compiler.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/strcat.hpp"

namespace gopy {

DictObject* current_globals() {
  Frame* f = get_thread_state()->frame;
  return f ? f->globals : nullptr;
}

Object* current_locals() {
  Frame* f = get_thread_state()->frame;
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
  return run_module_code(static_cast<CodeObject*>(code), globals, static_cast<DictObject*>(locals));
}

}  // namespace gopy
