// libgopy_lineedit.so: the REPL's line editor over libedit's readline interface, read a
// character at a time (the callback interface) so that a signal can end the wait: the
// loop CPython's readline module runs. CPython: Modules/readline.c setup_readline,
// readline_until_enter_or_signal, call_readline, flex_complete.
#include "gopy_lineedit.h"

#include <poll.h>
#include <signal.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <string>

#include <editline/readline.h>

namespace {

gopy_lineedit_completer g_completer = nullptr;
char* g_completed = nullptr;
bool g_done = false;
std::string g_last_added;

// CPython's delimiters: every non-alphanumeric character except '.', so that
// `obj.attr` is one word for the completer.
char g_word_breaks[] = " \t\n`~!@#$%^&*()-=+[{]}\\|;:'\",<>/?";

char* complete_word(const char* text, int state) { return g_completer ? g_completer(text, state) : nullptr; }

char** attempt_completion(const char* text, int, int) {
  // The completer's words are whole: nothing is appended after a match, and libedit's
  // file-name completion never runs in its place.
  rl_completion_append_character = '\0';
  rl_completion_suppress_append = 0;
  rl_attempted_completion_over = 1;
  return rl_completion_matches(text, complete_word);
}

volatile sig_atomic_t g_resized = 0;
void on_window_change(int) { g_resized = 1; }

void on_line(char* text) {
  g_completed = text;
  g_done = true;
  rl_callback_handler_remove();
}

}  // namespace

extern "C" {

int32_t gopy_lineedit_abi_version(void) { return GOPY_LINEEDIT_ABI_VERSION; }

int gopy_lineedit_setup(gopy_lineedit_completer completer) {
  g_completer = completer;
  // The caller's SIGINT handler stays in charge: libedit must not catch signals itself.
  rl_catch_signals = 0;
  rl_readline_name = "python";
  rl_instream = stdin;
  rl_outstream = stdout;
  if (rl_initialize() != 0) return -1;
  rl_attempted_completion_function = attempt_completion;
  // libedit splits words at rl_basic_word_break_characters, GNU readline at the other.
  rl_basic_word_break_characters = g_word_breaks;
  rl_completer_word_break_characters = g_word_breaks;
  // CPython's site binds Tab this way for libedit.
  rl_parse_and_bind("bind ^I rl_complete");
  return 0;
}

int gopy_lineedit_read(const char* prompt, gopy_lineedit_interrupted interrupted, char** line) {
  *line = nullptr;
  g_completed = nullptr;
  g_done = false;
  std::fflush(stdout);
  rl_callback_handler_install(prompt, on_line);
  const int fd = fileno(rl_instream);
  // SIGINT stays blocked except inside ppoll, so a Ctrl-C that lands while a key is
  // being handled is seen by the next check rather than lost until the next key.
  sigset_t sigint_only, unblocked;
  sigemptyset(&sigint_only);
  sigaddset(&sigint_only, SIGINT);
  sigprocmask(SIG_BLOCK, &sigint_only, &unblocked);
  // A resized terminal is redrawn at its new width; the process's own SIGWINCH handling
  // comes back after the line.
  struct sigaction resize {}, saved_resize {};
  resize.sa_handler = on_window_change;
  sigemptyset(&resize.sa_mask);
  sigaction(SIGWINCH, &resize, &saved_resize);
  int status = GOPY_LINE_READ;
  while (!g_done) {
    if (g_resized) {
      g_resized = 0;
      rl_resize_terminal();
    }
    if (interrupted != nullptr && interrupted()) {
      rl_free_line_state();
      rl_cleanup_after_signal();
      rl_callback_handler_remove();
      status = GOPY_LINE_INTERRUPTED;
      break;
    }
    pollfd input{fd, POLLIN, 0};
    int ready = ppoll(&input, 1, nullptr, &unblocked);
    if (ready < 0 && errno == EINTR) continue;
    // A hung-up terminal is the end of input; libedit would only report it by not
    // calling back, and the loop would spin.
    if (ready < 0 || (input.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0) {
      rl_callback_handler_remove();
      status = GOPY_LINE_EOF;
      break;
    }
    if (ready > 0) rl_callback_read_char();
  }
  sigaction(SIGWINCH, &saved_resize, nullptr);
  sigprocmask(SIG_SETMASK, &unblocked, nullptr);
  if (status != GOPY_LINE_READ) return status;
  if (g_completed == nullptr) return GOPY_LINE_EOF;
  *line = g_completed;
  return GOPY_LINE_READ;
}

void gopy_lineedit_free(char* line) { std::free(line); }

void gopy_lineedit_add_history(const char* line) {
  if (line[0] == '\0' || g_last_added == line) return;
  add_history(line);
  g_last_added = line;
}

int gopy_lineedit_history_length(void) { return history_length; }

int gopy_lineedit_read_history(const char* path) {
  int err = read_history(path);
  if (err == 0 && history_length > 0) {
    if (HIST_ENTRY* last = history_get(history_base + history_length - 1)) g_last_added = last->line;
  }
  return err;
}

int gopy_lineedit_write_history(const char* path) { return write_history(path); }

}  // extern "C"
