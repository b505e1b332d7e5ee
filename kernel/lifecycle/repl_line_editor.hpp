// The REPL's line editor: libgopy_lineedit.so (libedit), loaded when the REPL first reads
// from a terminal, with history and completion. Internal to kernel/lifecycle.
#pragma once

#include <string>

namespace gopy {

enum class LineRead { line, eof, interrupted };

// Whether REPL input goes through the editor: stdin and stdout are terminals and the
// library loaded (a library that cannot load is reported once; input is then plain).
bool line_editor_active();

// Reads one line after `prompt` with editing; the line joins the history.
// interrupted: a signal arrived (check_signals() raises it).
LineRead read_edited_line(const std::string& prompt, std::string* line);

// What CPython's site.register_readline does for the basic REPL: reads the history file
// (PYTHON_HISTORY, else ~/.python_history) unless a history is loaded already, and writes
// it back at exit. Nothing without a terminal.
void enable_line_editor_history();

}  // namespace gopy
