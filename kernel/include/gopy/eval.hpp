// Running code: compiling source, executing it as __main__, and the uncaught-exception
// report with SystemExit's exit-code rules (CPython: Python/pythonrun.c).
//
// Typical use by the lifecycle, after create_interpreter() and the plugins' attach:
//   int code = run_main_string("print(1+2)");       // -c
//   int code = run_main_file("script.py");          // sys.argv already set
// Both return the process exit code: 0, the SystemExit code, or 1 after printing a
// traceback to sys.stderr.
#pragma once
#include "gopy/api_begin.h"

#include <string>
#include <string_view>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"

namespace gopy {

struct ModuleObject;

// Parses and compiles a module; a code object (new reference) or null with SyntaxError set.
Object* compile_module_source(std::string_view source, std::string_view filename);
// Executes module code with `globals` as its namespace: None (new reference) or null.
Object* exec_code(Object* code, DictObject* globals);
// Compiles and executes `source` in `module`'s namespace (used by import too).
Object* exec_source_in_module(std::string_view source, std::string_view filename, ModuleObject* module);

// Compiles `source`, registers it (register_string_source) once compiled, and executes
// it in `module`: `-c`, whose compile-time warnings show no source line, as CPython's.
Object* exec_string_in_module(std::string_view source, std::string_view filename, ModuleObject* module);

// The `__main__` module (created and registered in sys.modules on first use).
ModuleObject* main_module();  // borrowed; null with MemoryError set when it cannot be made
// Keeps `source` so tracebacks can show the lines of code run from a string (-c), as
// CPython 3.13+ registers `<string>` with linecache.
void register_string_source(std::string_view filename, std::string_view source);
// CPython: Python/pythonrun.c _PyRun_SimpleStringFlags. Runs `source` as __main__
// (filename "<string>"), handles an uncaught exception, returns the exit code.
int run_main_string(std::string_view source, std::string_view filename = "<string>");
// CPython: Python/pythonrun.c _PyRun_SimpleFileObject. Reads `path`, sets
// __main__.__file__, runs it, returns the exit code ("can't open file" errors give 2).
// `skip_first_line` is -x: the first line is dropped, its newline kept (line numbers hold).
int run_main_file(const std::string& path, const std::string& program_name = "gopy", bool skip_first_line = false);
// CPython: Python/pythonrun.c _PyErr_PrintEx + handle_system_exit. With an exception
// pending: SystemExit -> its exit code (printing a non-int, non-None code to stderr);
// anything else -> the traceback on sys.stderr and 1 (KeyboardInterrupt: 130 and
// interp->unhandled_keyboard_interrupt set, so the caller can re-raise SIGINT as CPython
// does). Clears the exception.
int handle_uncaught_exception();
// CPython: Python/pythonrun.c flush_io. Flushes sys.stderr and sys.stdout, ignoring
// their errors (false when one failed); a pending exception stays pending. The exit-time
// flush that reports its error is flush_std_files (gopy/sys_streams.hpp).
bool flush_std_streams();
// Reads the file at `path` whole: 0, or the errno that stopped it (EISDIR for a
// directory, as CPython's Py_fopen).
int read_source_file(const std::string& path, std::string* text);
// The same, raising the errno's OSError subclass with the file name; -1 on error.
int read_source_file_or_raise(const std::string& path, std::string* text);
// PEP 263: decodes a source file's bytes by its coding declaration into UTF-8 text, or
// checks that undeclared source is UTF-8; false with SyntaxError raised ("unknown
// encoding: bogus", "Non-UTF-8 code starting with '\x82' in file ...").
bool decode_source_file(std::string* source, const std::string& filename);

}  // namespace gopy
#include "gopy/api_end.h"
