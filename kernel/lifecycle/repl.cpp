// The basic interactive loop (CPython's PYTHON_BASIC_REPL=1 one): prompts on stderr,
// one entry at a time, expression results echoed, exceptions printed without leaving.
// CPython: Python/pythonrun.c PyRun_InteractiveLoopFlags, PyRun_InteractiveOneObjectEx;
// Parser/myreadline.c PyOS_StdioReadline.
#include <unistd.h>

#include <cerrno>
#include <optional>
#include <string>

#include "gopy/eval.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "lifecycle/interactive.hpp"

namespace gopy {

namespace {

// One line from fd 0 without its newline, or nothing at EOF. Read a byte at a time so
// that nothing past the line is taken from under the program's own reads of stdin.
std::optional<std::string> read_stdin_line() {
  std::string line;
  for (;;) {
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

// sys.ps1 / sys.ps2 as str(), set to CPython's defaults when missing.
std::string prompt(const char* name, const char* fallback) {
  Interpreter* interp = get_thread_state()->interp;
  if (!interp->sys_module) return fallback;
  DictObject* sys = interp->sys_module->dict;
  Object* value = dict_get_str(sys, name);
  if (!value) {
    Object* s = new_str(fallback);
    dict_set_str(sys, name, s);
    decref(s);
    return fallback;
  }
  Object* text = object_str(value);
  if (!text) {
    clear_error();
    return fallback;
  }
  std::string out = as_str(text)->utf8;
  decref(text);
  return out;
}

void write_prompt(const std::string& text) {
  Interpreter* interp = get_thread_state()->interp;
  flush_std_streams();
  if (write_to_stream(interp->stderr_obj, text) < 0) clear_error();
  flush_std_streams();
}

bool is_blank(const std::string& line) {
  return line.find_first_not_of(" \t\f\r") == std::string::npos;
}

// CPython: PyRun_InteractiveOneObjectEx after the parse: run, print errors.
// Returns an exit code when the entry raised SystemExit, nothing otherwise.
std::optional<int> run_entry(const std::string& entry) {
  Object* code = compile_interactive_source(entry + "\n", "<stdin>");
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
  Object* exc = fetch_error();
  bool exits = exc && isinstance_of(exc, &exc_SystemExit);
  restore_error(exc);
  int exit_code = handle_uncaught_exception();
  if (exits) return exit_code;
  return std::nullopt;
}

}  // namespace

int run_interactive_loop() {
  for (;;) {
    std::string entry;
    bool first = true;
    bool at_eof = false;
    for (;;) {
      write_prompt(first ? prompt("ps1", ">>> ") : prompt("ps2", "... "));
      std::optional<std::string> line = read_stdin_line();
      if (!line) {
        // CPython ends the prompt's line at EOF.
        write_prompt("\n");
        at_eof = true;
        break;
      }
      bool blank = is_blank(*line);
      if (first && blank) continue;  // an empty entry: prompt again
      entry += first ? *line : "\n" + *line;
      first = false;
      if (classify_entry(entry, blank) != EntryState::incomplete) break;
    }
    if (!entry.empty()) {
      if (std::optional<int> code = run_entry(entry)) return *code;
    }
    if (at_eof) return 0;
  }
}

}  // namespace gopy
