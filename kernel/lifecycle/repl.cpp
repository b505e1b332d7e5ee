// The basic interactive loop (CPython's PYTHON_BASIC_REPL=1 one): prompts on stderr,
// one entry at a time, expression results echoed, exceptions printed without leaving.
// CPython: Python/pythonrun.c PyRun_InteractiveLoopFlags, PyRun_InteractiveOneObjectEx;
// Parser/myreadline.c PyOS_StdioReadline.
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <string>
#include <utility>

#include "gopy/eval.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_str.hpp"
#include "gopy/signals.hpp"
#include "gopy/state.hpp"
#include "gopy/sys_streams.hpp"
#include "eval/compiler.hpp"
#include "lifecycle/interactive.hpp"
#include "lifecycle/repl_line_editor.hpp"

namespace gopy {

namespace {

// One line from fd 0 without its newline, or nothing at EOF or on Ctrl-C (then with
// KeyboardInterrupt set). Read a byte at a time so that nothing past the line is taken
// from under the program's own reads of stdin. CPython: Parser/myreadline.c my_fgets.
std::optional<std::string> read_stdin_line() {
  std::string line;
  for (;;) {
    // A SIGINT that came after the prompt was written, before read() blocks, counts too.
    if (check_signals() < 0) return std::nullopt;
    char c;
    ssize_t n = ::read(0, &c, 1);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      if (line.empty()) return std::nullopt;
      return line;  // a last line without a newline still counts
    }
    if (c == '\n') return line;
    line += c;
  }
}

// sys.ps1 and sys.ps2 get CPython's defaults when the loop starts without them.
// CPython: Python/pythonrun.c _PyRun_InteractiveLoop
void set_default_prompts() {
  Interpreter* interp = get_thread_state()->interp;
  if (!interp->sys_module) return;
  DictObject* sys = interp->sys_module->dict;
  for (auto [name, value] : {std::pair{"ps1", ">>> "}, std::pair{"ps2", "... "}}) {
    if (dict_get_str(sys, name)) continue;
    Object* s = new_str(value);
    dict_set_str(sys, name, s);
    decref(s);
  }
}

// sys.ps1 / sys.ps2 as str(); "" when missing (deleted after the loop started) or when
// str() fails. CPython: pyrun_one_parse_ast
std::string prompt(const char* name) {
  Interpreter* interp = get_thread_state()->interp;
  if (!interp->sys_module) return "";
  Object* value = dict_get_str(interp->sys_module->dict, name);
  if (!value) return "";
  Object* text = object_str(value);
  if (!text) {
    clear_error();
    return "";
  }
  std::string out = as_str(text)->utf8;
  decref(text);
  return out;
}

void write_prompt(const std::string& text) {
  flush_std_streams();
  sys_write_stderr(text);
  flush_std_streams();
}

// One line after `prompt`: through the line editor on a terminal, else from fd 0 with the
// prompt on stderr. Nothing at EOF, or on Ctrl-C with KeyboardInterrupt set.
// CPython: Parser/myreadline.c PyOS_Readline (PyOS_ReadlineFunctionPointer).
std::optional<std::string> read_line(const std::string& prompt) {
  if (!line_editor_active()) {
    write_prompt(prompt);
    return read_stdin_line();
  }
  flush_std_streams();
  std::string line;
  switch (read_edited_line(prompt, &line)) {
    case LineRead::line: return line;
    case LineRead::interrupted:
      if (check_signals() == 0) raise_object(&exc_KeyboardInterrupt);
      return std::nullopt;
    case LineRead::eof: break;
  }
  return std::nullopt;
}

// Whitespace and at most a comment. As the first line of an entry it is an empty
// statement (a new ps1 prompt); later it neither ends nor changes the block: only a
// totally empty line ends a compound statement. CPython: Parser/lexer/lexer.c tok_get
// (blankline).
bool is_blank_or_comment(const std::string& line) {
  size_t at = line.find_first_not_of(" \t\f\r");
  return at == std::string::npos || line[at] == '#';
}

// CPython: PyRun_InteractiveOneObjectEx after the parse: run, print errors.
// Returns an exit code when the entry raised SystemExit, nothing otherwise.
std::optional<int> run_entry(const std::string& entry) {
  Object* code = compile_single_source(entry + "\n", "<stdin>");
  Object* result = nullptr;
  if (code) {
    result = exec_code(code, main_module()->dict);
    decref(code);
  }
  if (result) {
    decref(result);
    flush_std_streams();
    return std::nullopt;
  }
  if (error_matches(&exc_SystemExit)) return handle_uncaught_exception();
  // CPython: PyRun_InteractiveOneObject -> PyErr_Print; the loop goes on (a
  // KeyboardInterrupt here does not end the program by SIGINT).
  Object* exc = fetch_error();
  flush_std_streams();
  if (exc) print_uncaught_exception(exc);
  xdecref(exc);
  flush_std_streams();
  return std::nullopt;
}

}  // namespace

int run_interactive_loop() {
  set_default_prompts();
  for (;;) {
    std::string entry;
    bool first = true;
    bool at_eof = false;
    for (;;) {
      std::optional<std::string> line = read_line(first ? prompt("ps1") : prompt("ps2"));
      if (!line && error_occurred()) {
        // Ctrl-C at a prompt drops the entry and reports KeyboardInterrupt.
        Object* exc = fetch_error();
        sys_write_stderr("\n");
        print_uncaught_exception(exc);
        decref(exc);
        entry.clear();
        break;
      }
      if (!line) {
        // CPython ends the prompt's line at EOF.
        write_prompt("\n");
        at_eof = true;
        break;
      }
      if (first && is_blank_or_comment(*line)) continue;  // an empty entry: prompt again
      entry += first ? *line : "\n" + *line;
      first = false;
      // A totally empty line (CRLF input included) ends a compound statement.
      bool empty = line->empty() || *line == "\r";
      if (classify_entry(entry, empty) != EntryState::incomplete) break;
    }
    if (!entry.empty()) {
      if (std::optional<int> code = run_entry(entry)) return *code;
      // EOF ended an unfinished entry: it ran, and a fresh prompt meets the EOF again
      // (CPython ends ">>> ... ... \n>>> \n").
      continue;
    }
    if (at_eof) return 0;
  }
}

}  // namespace gopy
