// The signal set-up of CPython's main phase and the eval breaker's flag.
// CPython: Modules/signalmodule.c signal_install_handlers, signal_handler,
// _PyErr_CheckSignalsTstate; Modules/main.c exit_sigint.
#include "gopy/signals.hpp"

#include <signal.h>
#include <unistd.h>

#include "gopy/object_exc.hpp"

namespace gopy {

volatile std::sig_atomic_t signal_pending = 0;

namespace {

struct SavedAction {
  int signum;
  struct sigaction action;
  bool saved;
};

SavedAction saved_actions[] = {{SIGINT, {}, false}, {SIGPIPE, {}, false}, {SIGXFSZ, {}, false}};

void on_sigint(int) { signal_pending = 1; }

void set_handler(SavedAction& slot, void (*handler)(int)) {
  struct sigaction action {};
  action.sa_handler = handler;
  sigemptyset(&action.sa_mask);
  // No SA_RESTART: a blocking read returns EINTR, so input() sees KeyboardInterrupt.
  action.sa_flags = SA_ONSTACK;
  slot.saved = ::sigaction(slot.signum, &action, &slot.action) == 0;
}

}  // namespace

void install_signal_handlers() {
  for (SavedAction& slot : saved_actions) {
    if (slot.signum != SIGINT) {
      set_handler(slot, SIG_IGN);
      continue;
    }
    // CPython installs its SIGINT handler only over the default one: a SIGINT ignored by
    // the parent (a background job) stays ignored.
    struct sigaction current {};
    if (::sigaction(SIGINT, nullptr, &current) == 0 && current.sa_handler == SIG_DFL) set_handler(slot, on_sigint);
  }
}

void restore_signal_handlers() {
  for (SavedAction& slot : saved_actions) {
    if (slot.saved) ::sigaction(slot.signum, &slot.action, nullptr);
    slot.saved = false;
  }
  signal_pending = 0;
}

int handle_pending_signals() {
  if (!signal_pending) return 0;
  signal_pending = 0;
  // CPython: signal.default_int_handler raises KeyboardInterrupt with no arguments.
  raise_object(&exc_KeyboardInterrupt);
  return -1;
}

int exit_by_sigint() {
  struct sigaction action {};
  action.sa_handler = SIG_DFL;
  sigemptyset(&action.sa_mask);
  if (::sigaction(SIGINT, &action, nullptr) == 0) ::kill(::getpid(), SIGINT);
  return 128 + SIGINT;
}

}  // namespace gopy
