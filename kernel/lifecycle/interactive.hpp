// The interactive interpreter: whether the lines typed make an entry, and the basic
// read-eval-print loop (CPython: Python/pythonrun.c PyRun_InteractiveLoopFlags, the
// PYTHON_BASIC_REPL=1 loop). Internal to kernel/lifecycle.
#pragma once

#include <string>
#include <string_view>

#include "gopy/object.hpp"

namespace gopy {

// What the lines typed so far amount to.
enum class EntryState { complete, incomplete, error };

// Decides whether `source` (the lines of one entry, joined with '\n', no trailing newline)
// is a whole statement yet. `last_line_blank`: the user just typed an empty line, which
// ends a compound statement (CPython's tokenizer in interactive mode).
EntryState classify_entry(std::string_view source, bool last_line_blank);

// Runs the loop on standard input until EOF; returns 0, or the exit code of a SystemExit.
// CPython: PyRun_InteractiveLoopFlags (prompts sys.ps1 / sys.ps2, on stderr).
int run_interactive_loop();

}  // namespace gopy
