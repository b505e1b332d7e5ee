// Running __main__ as the configuration says, then finalizing.
// CPython: Modules/main.c pymain_run_python, Py_RunMain.
#include <limits.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <string>

#include "gopy/config.hpp"
#include "gopy/config_sys.hpp"
#include "gopy/environment.hpp"
#include "gopy/eval.hpp"
#include "gopy/lifecycle.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "gopy/signals.hpp"
#include "gopy/state.hpp"
#include "gopy/sys_streams.hpp"
#include "lifecycle/interactive.hpp"
#include "lifecycle/run_main_impl.hpp"
#include "lifecycle/runtime.hpp"

namespace gopy {

namespace {

// What sys.path[0] becomes for this argv: the script's directory (symlinks resolved),
// the current directory for -m, '' for -c, stdin and the REPL.
// CPython: Python/pathconfig.c _PyPathConfig_ComputeSysPath0
std::optional<std::string> compute_sys_path0(const std::vector<std::string>& argv) {
  if (argv.empty()) return std::nullopt;
  const std::string& argv0 = argv[0];
  if (argv0 == "-m") return runtime_environment().current_directory();
  if (argv0 == "-c") return std::string();
  std::string path0 = argv0;
  char resolved[PATH_MAX];
  if (realpath(argv0.c_str(), resolved) != nullptr) path0 = resolved;
  size_t sep = path0.rfind('/');
  if (sep == std::string::npos) return std::string();
  // Keep the separator only when it is the root itself.
  return path0.substr(0, sep == 0 ? 1 : sep);
}

// CPython: Modules/main.c pymain_sys_path_add_path0
void prepend_sys_path(const std::string& entry) {
  Interpreter* interp = get_thread_state()->interp;
  Object* path = dict_get_str(interp->sys_module->dict, "path");
  if (path == nullptr || path->type != &list_type) return;
  auto* list = static_cast<ListObject*>(path);
  list->items.insert(list->items.begin(), new_str_fs(entry));
}

// What a program path names, as CPython's pymain_get_importer sees it: a directory (a
// path entry whose __main__ module runs), a zip archive, or a script.
enum class MainPathKind { script, directory, zip_archive };

// A zip archive ends with an end-of-central-directory record ("PK\5\6") in its last
// 64 KiB + 22 bytes (a comment may follow it), as zipimport looks for it.
bool looks_like_zip(const std::string& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return false;
  std::streamoff size = in.tellg();
  std::streamoff tail = std::min<std::streamoff>(size, 65536 + 22);
  std::string buf(static_cast<size_t>(tail), '\0');
  in.seekg(size - tail);
  in.read(buf.data(), tail);
  return buf.rfind(std::string("PK\x05\x06", 4)) != std::string::npos;
}

MainPathKind classify_main_path(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return MainPathKind::script;  // "can't open file" later
  if (S_ISDIR(st.st_mode)) return MainPathKind::directory;
  if (S_ISREG(st.st_mode) && looks_like_zip(path)) return MainPathKind::zip_archive;
  return MainPathKind::script;
}

// CPython: Modules/main.c stdin_is_interactive
bool stdin_is_interactive(const Config& config) { return isatty(0) || config.interactive > 0; }

bool config_runs_code(const Config& config) {
  return config.run_command || config.run_module || config.run_filename;
}

// CPython: Python/initconfig.c _Py_GetEnv (ignored under -E / -I; empty means unset),
// read from the runtime's Environment.
std::optional<std::string> environment_value(const Config& config, const char* name) {
  if (config.use_environment == 0) return std::nullopt;
  std::optional<std::string> value = runtime_environment().get(name);
  if (value && value->empty()) return std::nullopt;
  return value;
}

void write_stderr(const std::string& text) {
  flush_std_streams();
  sys_write_stderr(text);
  flush_std_streams();
}

// CPython: Modules/main.c pymain_header
void print_header(const Config& config) {
  if (config.quiet > 0) return;
  if (config.verbose <= 0 && (config_runs_code(config) || !stdin_is_interactive(config))) return;
  std::string text = "Python " + full_version_string() + " on " + sys_platform() + "\n";
  if (config.site_import != 0)
    text += "Type \"help\", \"copyright\", \"credits\" or \"license\" for more information.\n";
  write_stderr(text);
}

// Removes __main__.__file__ and __main__.__cached__, the pending error kept.
void pop_main_file_name(ModuleObject* m) {
  Object* pending = fetch_error();
  for (const char* key : {"__file__", "__cached__"}) {
    Object* k = new_str(key);
    if (dict_get_item(m->dict, k) && dict_del_item(m->dict, k) < 0) clear_error();
    decref(k);
  }
  if (pending) restore_error(pending);
}

// Executes `text` in __main__ with __file__ set to `filename` for the duration, as
// CPython's _PyRun_SimpleFileObject does for stdin and PYTHONSTARTUP. The result, or null
// with the exception pending.
Object* exec_with_file_name(const std::string& text, const std::string& filename) {
  ModuleObject* m = main_module();
  if (!m) return nullptr;
  bool set_file_name = dict_get_str(m->dict, "__file__") == nullptr;
  if (set_file_name) {
    Object* f = new_str_fs(filename);
    dict_set_str(m->dict, "__file__", f);
    decref(f);
    dict_set_str(m->dict, "__cached__", None());
  }
  std::string source = text;  // PEP 263: a file's bytes, decoded by its declaration
  Object* result = decode_source_file(&source, filename) ? exec_source_in_module(source, filename, m) : nullptr;
  if (set_file_name) pop_main_file_name(m);
  return result;
}

// CPython: Modules/main.c pymain_err_print: the pending error printed, or, for a
// SystemExit, the exit code it asks for.
std::optional<int> report_error_or_exit() {
  bool exits = error_matches(&exc_SystemExit);
  int exit_code = handle_uncaught_exception();
  if (exits) return exit_code;
  return std::nullopt;
}

// CPython: Modules/main.c pymain_run_startup. Returns an exit code when SystemExit
// ended the program; other errors are printed and the REPL still starts.
std::optional<int> run_startup_file(const Config& config) {
  std::optional<std::string> startup = environment_value(config, "PYTHONSTARTUP");
  if (!startup) return std::nullopt;
  std::string source;
  Object* r = nullptr;
  if (read_source_file_or_raise(*startup, &source) < 0) write_stderr("Could not open PYTHONSTARTUP\n");
  else r = exec_with_file_name(source, *startup);
  if (r) {
    decref(r);
    return std::nullopt;
  }
  return report_error_or_exit();
}

// CPython: Modules/main.c pymain_run_interactive_hook: sys.__interactivehook__ (set by
// site) runs before the first prompt. Returns an exit code when it raised SystemExit.
std::optional<int> run_interactive_hook() {
  Object* hook = sys_attribute("__interactivehook__");
  if (!hook) return std::nullopt;
  Object* r = call0(Ref<>::borrow(hook).get());  // held: the hook may unset itself
  if (r) {
    decref(r);
    return std::nullopt;
  }
  write_stderr("Failed calling sys.__interactivehook__\n");
  return report_error_or_exit();
}

// All of stdin, for a program piped in.
std::string read_all_stdin() {
  std::string text;
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(0, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;
    text.append(buf, static_cast<size_t>(n));
  }
  return text;
}

// CPython: Modules/main.c _pymain_run_repl with the basic REPL, PyRun_AnyFileExFlags:
// the interactive loop when stdin counts as interactive, else stdin run as a file.
int run_repl_or_stdin(const Config& config) {
  if (stdin_is_interactive(config)) return run_interactive_loop();
  return finish_main_run(exec_with_file_name(read_all_stdin(), "<stdin>"), false);
}

// CPython: Modules/main.c pymain_run_file_obj: the script, its first line skipped under
// -x (the newline stays, so line numbers still match the file). As
// Python/pythonrun.c _PyRun_SimpleFile: __file__ and __cached__ (None) are set for the
// run when __main__ has no __file__ yet, and removed afterwards (so -i does not see them).
int run_script(const Config& config, bool inspect) {
  const std::string& path = *config.run_filename;
  std::string source;
  // An unreadable file: the evaluator's runner prints CPython's "can't open file" (exit 2).
  if (read_source_file(path, &source) != 0) return run_main_file(path, config.program_name.value_or("gopy"));
  ModuleObject* m = main_module();
  if (!m) return finish_main_run(nullptr, inspect);
  bool set_file_name = dict_get_str(m->dict, "__file__") == nullptr;
  if (set_file_name) {
    Object* file = new_str_fs(path);
    dict_set_str(m->dict, "__file__", file);
    decref(file);
    dict_set_str(m->dict, "__cached__", None());
  }
  Object* result = nullptr;
  if (is_pyc_script(path, source)) {
    result = run_pyc_in_main(source);
  } else {
    if (config.skip_source_first_line > 0) source.erase(0, std::min(source.find('\n'), source.size()));
    if (decode_source_file(&source, path)) result = exec_source_in_module(source, path, m);
  }
  if (set_file_name) pop_main_file_name(m);
  return finish_main_run(result, inspect);
}

// CPython: Modules/main.c pymain_run_command: the command, decoded from the command line
// with surrogateescape, must encode back to UTF-8; then it runs dedented
// (_PyUnicode_Dedent).
int run_command(const std::string& command, bool inspect) {
  Ref<> text = Ref<>::steal(new_str_fs(command));
  if (as_str(text.get())->utf8 != command) {
    // Undecodable bytes became lone surrogates: encoding raises UnicodeEncodeError.
    Ref<> encoded = Ref<>::steal(call_method(text.get(), "encode", nullptr, 0));
    if (!encoded) {
      write_stderr("Unable to decode the command from the command line:\n");
      return handle_uncaught_exception();
    }
  }
  return finish_main_run(exec_string_in_module(dedent_command(command), "<string>", main_module()), inspect);
}

// CPython: Modules/main.c pymain_run_stdin
int run_stdin(Config& config) {
  if (stdin_is_interactive(config)) {
    config.inspect = 0;  // SystemExit exits the REPL
    if (std::optional<int> code = run_startup_file(config)) return *code;
    if (std::optional<int> code = run_interactive_hook()) return *code;
  }
  return run_repl_or_stdin(config);
}

// CPython: Modules/main.c pymain_repl (the inspect step after running code)
void run_inspect_repl(Config& config, int* exitcode) {
  if (config.inspect <= 0 && environment_value(config, "PYTHONINSPECT")) config.inspect = 1;
  if (!(config.inspect > 0 && stdin_is_interactive(config) && config_runs_code(config))) return;
  config.inspect = 0;
  if (std::optional<int> code = run_interactive_hook()) {
    *exitcode = *code;
    return;
  }
  *exitcode = run_repl_or_stdin(config);
}

// CPython: Modules/main.c pymain_run_python
int run_python(Config& config) {
  // A directory or a zip archive is a path entry whose __main__ module runs.
  std::optional<std::string> main_importer_path;
  if (config.run_filename && classify_main_path(*config.run_filename) != MainPathKind::script)
    main_importer_path = *config.run_filename;
  if (main_importer_path) {
    prepend_sys_path(*main_importer_path);
  } else if (!config.safe_path) {
    if (auto path0 = compute_sys_path0(config.argv)) prepend_sys_path(*path0);
  }
  print_header(config);

  bool inspect = config.inspect > 0;
  int exitcode;
  if (config.run_command) {
    exitcode = run_command(*config.run_command, inspect);
  } else if (config.run_module) {
    exitcode = run_module_as_main(*config.run_module, true, inspect);
  } else if (main_importer_path) {
    exitcode = run_module_as_main("__main__", false, inspect);
  } else if (config.run_filename) {
    exitcode = run_script(config, inspect);
  } else {
    exitcode = run_stdin(config);
  }
  run_inspect_repl(config, &exitcode);
  return exitcode;
}

}  // namespace

int finish_main_run(Object* result, bool inspect) {
  if (result) {
    decref(result);
    flush_std_streams();
    if (!error_occurred()) return 0;
  }
  if (inspect && error_matches(&exc_SystemExit)) {
    // CPython: _Py_HandleSystemExit returns 0 under inspect; the traceback is printed.
    Object* exc = fetch_error();
    flush_std_streams();
    print_uncaught_exception(exc);
    decref(exc);
    flush_std_streams();
    return 1;
  }
  return handle_uncaught_exception();
}

int run_source_as_main(std::string_view source, std::string_view filename, bool inspect) {
  return finish_main_run(exec_source_in_module(source, filename, main_module()), inspect);
}

// CPython: Modules/main.c Py_RunMain
int run_main() {
  if (!is_initialized()) {
    std::fprintf(stderr, "gopy: run_main: the runtime is %.*s, not initialized\n",
                 static_cast<int>(runtime_state_name().size()), runtime_state_name().data());
    return 1;
  }
  int exitcode = 1;
  try {
    exitcode = run_python(*runtime().config);
  } catch (const std::bad_alloc&) {
    // Outside any statement (setting up __main__, printing the last exception): there is
    // no frame to raise MemoryError in, so it is reported as the uncaught exception.
    std::fputs("MemoryError\n", stderr);
  }
  bool unhandled_keyboard_interrupt = get_thread_state()->interp->unhandled_keyboard_interrupt;
  // A value unlikely to be confused with a program's own exit status, as CPython.
  if (finalize_ex() < 0) exitcode = 120;
  if (unhandled_keyboard_interrupt) exitcode = exit_by_sigint();
  return exitcode;
}

}  // namespace gopy
