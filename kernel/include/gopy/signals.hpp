// Signals as CPython's main phase sets them up: SIGINT raises KeyboardInterrupt at the
// evaluator's next safe point, SIGPIPE and SIGXFSZ are ignored (so writes fail with
// BrokenPipeError / OSError instead of killing the process). CPython:
// Modules/signalmodule.c signal_install_handlers, trip_signal, PyErr_CheckSignals;
// Python/ceval_gil.c the eval breaker.
#pragma once
#include "gopy/api_begin.h"

#include <csignal>

namespace gopy {

// Set by the SIGINT handler, cleared when the evaluator acts on it.
extern volatile std::sig_atomic_t signal_pending;

// Installs the handlers (config install_signal_handlers); restore puts back what was there.
void install_signal_handlers();
void restore_signal_handlers();

// CPython: PyErr_CheckSignals. -1 with KeyboardInterrupt set when SIGINT arrived.
int handle_pending_signals();
// The evaluator's safe points (loop back-edges, calls) and blocking I/O call this.
inline int check_signals() { return signal_pending ? handle_pending_signals() : 0; }

// CPython: Modules/main.c exit_sigint: die by SIGINT so the parent sees it; 130 when
// the process survives that.
int exit_by_sigint();

}  // namespace gopy
#include "gopy/api_end.h"
