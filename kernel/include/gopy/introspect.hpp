// What the built-ins globals(), locals(), vars(), dir(), eval(), exec() and compile() need
// from the evaluator: the running frame's namespaces and compiling in "exec"/"eval" mode
// (CPython: Python/bltinmodule.c, Python/ceval.c PyEval_GetGlobals/PyEval_GetFrameLocals).
#pragma once
#include "gopy/api_begin.h"

#include <cstdint>
#include <string_view>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"

namespace gopy {

// The innermost running frame's globals (borrowed), or null when no frame runs.
DictObject* current_globals();
// locals() of the innermost frame: its namespace dict for module and class bodies (new
// reference to the same dict), else a new dict of the function's bound locals and cells.
Object* current_locals();
// sys._getframe(depth): a snapshot of the frame `depth` levels out (f_code, f_lineno,
// f_globals, f_builtins, f_locals, f_back), or null with ValueError when there is none.
Object* frame_snapshot(int64_t depth);
// sys._getframemodulename(depth): that frame's module name (its globals' __name__), or None.
Object* frame_module_name(int64_t depth);
// Compiles `source` as a module ("exec") or a single expression ("eval"): a code object,
// or null with SyntaxError/ValueError set.
Object* compile_source(std::string_view source, std::string_view filename, std::string_view mode);
// Runs module or expression code with the given namespaces (locals null: the globals);
// returns the expression's value (None for exec code).
Object* run_code_in(Object* code, DictObject* globals, Object* locals);

}  // namespace gopy
#include "gopy/api_end.h"
