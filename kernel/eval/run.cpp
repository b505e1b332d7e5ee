// Compiling and running source as __main__, and the exit-code rules of an uncaught
// exception (CPython: Python/pythonrun.c _PyRun_SimpleStringFlags, _PyRun_SimpleFileObject,
// _PyErr_PrintEx, handle_system_exit).
#include <cstring>

#include "eval/code.hpp"
#include "eval/mangle.hpp"
#include "eval/compiler.hpp"
#include "eval/parser.hpp"
#include "eval/symtable.hpp"
#include "gopy/eval.hpp"
#include "gopy/object_num.hpp"
#include "gopy/sys_streams.hpp"
#include "gopy/warnings.hpp"
#include "object/strcat.hpp"

namespace gopy {

namespace {

// The parser's SyntaxWarnings (invalid escapes, ...), through the warnings filters; a
// warning made an error is a SyntaxError at its line. False with the error set.
// CPython: Parser/tokenizer/helpers.c _PyTokenizer_warn_invalid_escape_sequence.
bool emit_parse_warnings(const parser::ParseResult& parsed, std::string_view source, std::string_view filename) {
  for (const parser::SyntaxWarningInfo& w : parsed.warnings) {
    const std::string& file = w.filename.empty() ? std::string(filename) : w.filename;
    if (warn_explicit(&exc_SyntaxWarning, w.msg, file, w.lineno) == 0) continue;
    if (error_matches(&exc_SyntaxWarning)) {
      clear_error();
      std::string text = compile_error_text(file, source, w.lineno);
      raise_syntax_error("SyntaxError", w.msg, file, w.lineno, 0, text, w.lineno, 0);
    }
    return false;
  }
  return true;
}

}  // namespace

Object* compile_module_source(std::string_view source, std::string_view filename) {
  return compile_source_text(source, filename, false);
}

Object* compile_source_text(std::string_view source, std::string_view filename, bool expression) {
  parser::ParseResult parsed = parser::parse_module(source, filename);
  if (!emit_parse_warnings(parsed, source, filename)) return nullptr;
  if (!parsed.ok()) {
    const parser::SyntaxErrorInfo& e = *parsed.error;
    // CPython warns of control flow leaving `finally` before its symbol table and compiler
    // find these errors.
    if (e.compile_phase && parsed.module() && !warn_control_flow_in_finally(*parsed.module(), std::string(filename), source))
      return nullptr;
    std::string file = e.filename.empty() ? std::string(filename) : e.filename;
    raise_syntax_error(e.type, e.msg, file, e.lineno, e.offset,
                       e.compile_phase ? compile_error_text(file, source, e.lineno) : e.text, e.end_lineno,
                       e.end_offset);
    return nullptr;
  }
  const auto& body = parsed.module()->body;
  if (expression && (body.size() != 1 || body.front()->kind != ast::StmtKind::Expr)) {
    // "eval" mode takes one expression. CPython: the eval_input rule's "invalid syntax"
    ast::Location at{1, 0, 1, 0};
    if (!body.empty()) at = body.front()->loc;
    raise_syntax_error("SyntaxError", "invalid syntax", std::string(filename), at.lineno, at.col_offset + 1,
                       source_line_text(source, at.lineno), at.end_lineno, at.end_col_offset + 1);
    return nullptr;
  }
  if (!warn_control_flow_in_finally(*parsed.module(), std::string(filename), source)) return nullptr;
  if (!mangle_private_names(*parsed.module())) {
    set_error(&exc_RecursionError, "maximum recursion depth exceeded during compilation");
    return nullptr;
  }
  SymbolTable table;
  ScopeError scope_error;
  if (!table.build(*parsed.module(), &scope_error)) {
    if (scope_error.recursion) {
      set_error(&exc_RecursionError, scope_error.msg);
      return nullptr;
    }
    raise_syntax_error("SyntaxError", scope_error.msg, std::string(filename), scope_error.lineno,
                       scope_error.col_offset + 1, compile_error_text(std::string(filename), source, scope_error.lineno),
                       scope_error.end_lineno, scope_error.end_col_offset + 1);
    return nullptr;
  }
  Compiler compiler(table, source, filename);
  return expression ? compiler.compile_expression(*parsed.module()) : compiler.compile_module(*parsed.module());
}

Object* exec_code(Object* code, DictObject* globals) {
  if (code->type != &code_type) return type_error("exec() arg 1 must be a code object");
  return run_module_code(static_cast<CodeObject*>(code), globals);
}

Object* exec_source_in_module(std::string_view source, std::string_view filename, ModuleObject* module) {
  if (!module) return nullptr;  // main_module() failed, its error set
  ORef code = ORef::steal(compile_module_source(source, filename));
  if (!code) return nullptr;
  return exec_code(code.get(), module->dict);
}

ModuleObject* main_module() {
  Interpreter* interp = get_thread_state()->interp;
  if (Object* m = dict_get_str(interp->modules, "__main__"); m && m->type == &module_type)
    return static_cast<ModuleObject*>(m);
  Ref<ModuleObject> m = Ref<ModuleObject>::steal(new_module("__main__"));
  // sys.modules holds the module: returned borrowed once it is there, null (MemoryError
  // set) when it could not be stored.
  if (dict_set_str(m->dict, "__builtins__", interp->builtins_module) < 0 ||
      dict_set_str(m->dict, "__spec__", None()) < 0 || dict_set_str(m->dict, "__loader__", None()) < 0 ||
      dict_set_str(m->dict, "__package__", None()) < 0 ||
      dict_set_str(interp->modules, "__main__", m.get()) < 0)
    return nullptr;
  return m.get();
}

// CPython: Python/pythonrun.c _Py_HandleSystemExit
static int system_exit_code(Object* exc) {
  Object* code = exception_get_attr(exc, "code");
  if (!code || code == None()) return 0;
  if (is_int(code)) {
    int64_t v;
    if (!int_to_int64(code, &v)) return -1 & 0xff;
    return int(v);
  }
  flush_std_streams();
  Object* s = object_str(code);
  if (!s) {
    clear_error();
    return 1;
  }
  sys_write_stderr(as_str(s)->utf8 + "\n");
  decref(s);
  return 1;
}

int handle_uncaught_exception() {
  Object* exc = fetch_error();
  if (!exc) return 0;
  int code;
  if (isinstance_of(exc, &exc_SystemExit)) {
    code = system_exit_code(exc);
  } else {
    flush_std_streams();
    print_uncaught_exception(exc);
    code = 1;
    if (isinstance_of(exc, &exc_KeyboardInterrupt)) {
      get_thread_state()->interp->unhandled_keyboard_interrupt = true;
      code = 130;  // 128 + SIGINT, what a shell reports for CPython's exit
    }
  }
  decref(exc);
  flush_std_streams();
  return code;
}

void register_string_source(std::string_view filename, std::string_view source) {
  get_thread_state()->interp->string_sources[std::string(filename)] = std::string(source);
}

Object* exec_string_in_module(std::string_view source, std::string_view filename, ModuleObject* module) {
  if (!module) return nullptr;
  Object* code = compile_module_source(source, filename);
  // Registered once compiled, as CPython's linecache learns `<string>` only when it runs:
  // compile-time warnings show no source line, runtime ones and tracebacks do.
  register_string_source(filename, source);
  if (!code) return nullptr;
  Object* r = exec_code(code, module->dict);
  decref(code);
  return r;
}

int run_main_string(std::string_view source, std::string_view filename) {
  Object* r = exec_string_in_module(source, filename, main_module());
  if (!r) return handle_uncaught_exception();
  decref(r);
  flush_std_streams();
  return error_occurred() ? handle_uncaught_exception() : 0;
}

int run_main_file(const std::string& path, const std::string& program_name, bool skip_first_line) {
  std::string source;
  if (int err = read_source_file(path, &source)) {
    // CPython: Modules/main.c pymain_run_file_obj ("%S: can't open file %R: [Errno %d] %s")
    Object* name = new_str(path);
    Object* quoted = object_repr(name);
    decref(name);
    sys_write_stderr(cat(program_name, ": can't open file ", quoted ? as_str(quoted)->view() : path, ": [Errno ", err,
                         "] ", std::strerror(err), "\n"));
    if (!quoted) clear_error();
    xdecref(quoted);
    return 2;
  }
  if (skip_first_line) {
    // CPython: Modules/main.c pymain_run_file_obj keeps the newline, so line numbers hold.
    size_t nl = source.find('\n');
    source.erase(0, nl == std::string::npos ? source.size() : nl);
  }
  ModuleObject* m = main_module();
  if (!m) return handle_uncaught_exception();
  Object* file = new_str_fs(path);
  dict_set_str(m->dict, "__file__", file);
  decref(file);
  if (!decode_source_file(&source, path)) return handle_uncaught_exception();
  Object* r = exec_source_in_module(source, path, m);
  if (!r) return handle_uncaught_exception();
  decref(r);
  flush_std_streams();
  return 0;
}

}  // namespace gopy
