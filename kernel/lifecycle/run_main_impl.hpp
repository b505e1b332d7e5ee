// Pieces of running __main__ shared by kernel/lifecycle's files (CPython: Modules/main.c,
// Lib/runpy.py). Internal to kernel/lifecycle.
#pragma once

#include <string>
#include <string_view>

#include "gopy/object.hpp"

namespace gopy {

// Ends a run of __main__ code: `result` is what executing it returned (a new reference,
// or null with an exception set). Returns the exit code. Under inspect (-i), SystemExit
// is reported like any other exception instead of ending the process, as CPython's
// _Py_HandleSystemExit does, so that the REPL can follow.
int finish_main_run(Object* result, bool inspect);

// Compiles and runs `source` in __main__'s namespace. CPython: PyRun_SimpleStringFlags.
int run_source_as_main(std::string_view source, std::string_view filename, bool inspect);

// The -c command as CPython 3.14 runs it: the indentation common to its non-blank lines
// removed, whitespace-only lines emptied. CPython: _PyUnicode_Dedent.
std::string dedent_command(std::string_view command);

// CPython: Python/pythonrun.c maybe_pyc_file: a `.pyc` name, or contents that start with
// gopy's magic number.
bool is_pyc_script(const std::string& path, std::string_view contents);
// CPython: Python/pythonrun.c run_pyc_file: the code stored in a cache file run in
// __main__'s namespace; the result (new reference) or null with the error set
// ("Bad magic number in .pyc file").
Object* run_pyc_in_main(std::string_view contents);

// CPython: runpy._run_module_as_main. `alter_argv`: sys.argv[0] becomes the module's file
// (-m); a directory or zip archive run as a program (first on sys.path) passes "__main__"
// and keeps sys.argv[0].
int run_module_as_main(const std::string& name, bool alter_argv, bool inspect);

}  // namespace gopy
