// Loads libgopy_lineedit.so from libgopy's directory the first time the REPL reads from a
// terminal, and keeps the history file. CPython: Modules/readline.c (the module the
// basic REPL reads through once site imported it), Lib/site.py register_readline,
// gethistoryfile.
#include "lifecycle/repl_line_editor.hpp"

#include <dlfcn.h>
#include <pwd.h>
#include <unistd.h>

#include <cstdio>
#include <optional>

#include "gopy/lifecycle.hpp"
#include "gopy/signals.hpp"
#include "lifecycle/repl_completer.hpp"
#include "lifecycle/runtime.hpp"
#include "lineedit/gopy_lineedit.h"
#include "object/prim/companion_library.hpp"

namespace gopy {

namespace {

constexpr const char* kLibraryName = "libgopy_lineedit.so";

struct LineEditLibrary {
  int (*setup)(gopy_lineedit_completer) = nullptr;
  int (*read)(const char*, gopy_lineedit_interrupted, char**) = nullptr;
  void (*free_line)(char*) = nullptr;
  void (*add_history)(const char*) = nullptr;
  int (*history_length)() = nullptr;
  int (*read_history)(const char*) = nullptr;
  int (*write_history)(const char*) = nullptr;
};

enum class LoadState { not_tried, loaded, unavailable };
LoadState g_state = LoadState::not_tried;
LineEditLibrary g_lib;
std::string g_history_path;  // set once the history is enabled

bool load_library() {
  using prim::resolve_symbol;
  const std::string path = prim::libgopy_directory() + kLibraryName;
  void* handle = dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    // dlerror() names the file already.
    std::fprintf(stderr, "gopy: %s; the REPL has no line editing\n", dlerror());
    return false;
  }
  int32_t (*abi_version)() = nullptr;
  LineEditLibrary lib;
  const bool complete = resolve_symbol(handle, "gopy_lineedit_abi_version", abi_version) &&
                        resolve_symbol(handle, "gopy_lineedit_setup", lib.setup) &&
                        resolve_symbol(handle, "gopy_lineedit_read", lib.read) &&
                        resolve_symbol(handle, "gopy_lineedit_free", lib.free_line) &&
                        resolve_symbol(handle, "gopy_lineedit_add_history", lib.add_history) &&
                        resolve_symbol(handle, "gopy_lineedit_history_length", lib.history_length) &&
                        resolve_symbol(handle, "gopy_lineedit_read_history", lib.read_history) &&
                        resolve_symbol(handle, "gopy_lineedit_write_history", lib.write_history);
  if (!complete || abi_version() != GOPY_LINEEDIT_ABI_VERSION || lib.setup(complete_for_line_editor) != 0) {
    std::fprintf(stderr, "gopy: %s does not match this libgopy; the REPL has no line editing\n", path.c_str());
    dlclose(handle);
    return false;
  }
  // Kept open until exit: libedit restores the terminal from an atexit handler of its own.
  g_lib = lib;
  return true;
}

const LineEditLibrary* line_editor() {
  if (g_state == LoadState::not_tried) {
    bool terminal = ::isatty(0) && ::isatty(1);
    g_state = terminal && load_library() ? LoadState::loaded : LoadState::unavailable;
  }
  return g_state == LoadState::loaded ? &g_lib : nullptr;
}

int signal_arrived() { return signal_pending != 0; }

// CPython: site.gethistoryfile: PYTHON_HISTORY unless -E, else ~/.python_history, with
// "~" as os.path.expanduser reads it (HOME, else the password database).
std::string history_file_path() {
  const Config& config = *runtime().config;
  Environment& env = runtime_environment();
  if (config.use_environment != 0) {
    std::optional<std::string> path = env.get("PYTHON_HISTORY");
    if (path && !path->empty()) return *path;
  }
  std::optional<std::string> home = env.get("HOME");
  if (!home) {
    if (const passwd* pw = ::getpwuid(::getuid())) home = pw->pw_dir;
  }
  std::string dir = home.value_or("~");
  // os.path.join drops the separator a home of "/" already ends with.
  if (!dir.empty() && dir.back() == '/') dir.pop_back();
  return dir + "/.python_history";
}

// CPython: site.register_readline's write_history: a missing or read-only home is no
// error.
void write_history_at_exit(void*) {
  if (g_state == LoadState::loaded && !g_history_path.empty()) (void)g_lib.write_history(g_history_path.c_str());
}

}  // namespace

bool line_editor_active() { return line_editor() != nullptr; }

LineRead read_edited_line(const std::string& prompt, std::string* line) {
  const LineEditLibrary* lib = line_editor();
  char* text = nullptr;
  int status = lib->read(prompt.c_str(), signal_arrived, &text);
  if (status == GOPY_LINE_INTERRUPTED) return LineRead::interrupted;
  if (status != GOPY_LINE_READ) return LineRead::eof;
  *line = text;
  // CPython: call_readline adds every non-empty line that differs from the last entry.
  lib->add_history(text);
  lib->free_line(text);
  return LineRead::line;
}

void enable_line_editor_history() {
  const LineEditLibrary* lib = line_editor();
  // A PYTHONSTARTUP that loaded a history already keeps it (CPython: bpo-5845).
  if (!lib || lib->history_length() != 0 || !g_history_path.empty()) return;
  g_history_path = history_file_path();
  (void)lib->read_history(g_history_path.c_str());
  register_atexit(write_history_at_exit, nullptr);
}

}  // namespace gopy
