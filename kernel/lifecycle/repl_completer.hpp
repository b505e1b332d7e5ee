// Tab completion for the REPL (CPython: Lib/rlcompleter.py). Internal to kernel/lifecycle.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gopy {

// The completions of `text` as rlcompleter's Completer gives them: keywords, then the
// names of __main__ and builtins (callables with "(" appended) for a plain word; the
// sorted attributes for a dotted name ("obj.attr").
std::vector<std::string> completion_matches(std::string_view text);

// The line editor's completer: the state-th completion of `text`, malloc'd, or null.
// An empty word completes to a tab, as rlcompleter indents at the start of a line.
char* complete_for_line_editor(const char* text, int state);

}  // namespace gopy
