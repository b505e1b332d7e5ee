// The interpreter's lifecycle: the phases of PEP 432 and the steps CPython's
// Python/pylifecycle.c and Modules/main.c take through them.
//
//   uninitialized --preinitialize--> pre-initialized --initialize_core--> runtime
//   initialized ("core") --initialize_main--> initialized ("main") --finalize_ex-->
//   uninitialized
//
// Every step called in the wrong state returns an error status (never undefined
// behaviour); initializing an initialized runtime is a no-op, as in CPython.
#pragma once
#include "gopy/api_begin.h"

#include <chrono>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/status.hpp"

namespace gopy {

struct Config;
struct PreConfig;
struct Interpreter;
class Environment;

enum class RuntimePhase {
  uninitialized,
  preinitializing,
  preinitialized,
  initializing_core,
  core_initialized,  // PEP 432 "runtime initialized"
  initializing_main,
  initialized,       // PEP 432 "initialized"
  finalizing,
};

// PEP 432's queries.
RuntimePhase runtime_phase();
bool is_initializing();          // pre-initialization started, main phase not done
bool is_runtime_initialized();   // core phase done (also true once fully initialized)
bool is_initialized();           // main phase done
bool is_finalizing();
// CPython's fatal_error_dump_runtime wording: "initialized", "core initialized",
// "preinitialized", "preinitializing", "finalizing", "unknown".
std::string_view runtime_state_name();

// What a host or embedder may choose about plugins.
struct LifecycleOptions {
  // Replaces the default plugin search directories when set.
  std::optional<std::vector<std::filesystem::path>> plugin_dirs;
  // Called for each step of the lifecycle with its duration (-X lifecycle).
  std::function<void(std::string_view what, std::chrono::microseconds duration)> observer;
  // The environment the runtime reads (variables and the current directory), from
  // configuration to finalization; the plugins see it through their context. Null: the
  // one given to preinitialize, else the process environment.
  std::shared_ptr<Environment> environment;
  // Keep the plugin libraries mapped after finalize (still detached, with a fresh
  // interpreter and a fresh attach at the next initialization), so that an embedder that
  // cycles the runtime does not pay for dlopen and relocation every time. Off by default:
  // finalize then unloads every plugin, in reverse, as PEP 432's lifecycle promises.
  bool keep_plugins_loaded = false;
};

// CPython: Py_PreInitialize. Reads and applies the pre-configuration, from `environment`
// (null: the process environment), which the runtime keeps until it is finalized.
Status preinitialize(const PreConfig& preconfig, const std::vector<std::string>& argv = {},
                     std::shared_ptr<Environment> environment = nullptr);

// CPython: Py_InitializeFromConfig: reads `config` (when not read yet), then runs the core
// phase and, unless config._init_main is 0, the main phase.
Status initialize_from_config(const Config& config, const LifecycleOptions& options = {});
// PEP 432: stop after the core phase ("runtime initialized") ...
Status initialize_core(const Config& config, const LifecycleOptions& options = {});
// ... and complete the main phase later. CPython: _Py_InitializeMain
Status initialize_main();

// CPython: Py_FinalizeEx. 0 on success, -1 when flushing stdout failed.
int finalize_ex();

// CPython: Py_RunMain: runs what the configuration says (-c, -m, a file, stdin, the REPL),
// finalizes, and returns the exit code.
int run_main();

// CPython: Py_BytesMain: the whole program, command line to exit code.
int main(int argc, char** argv);
// The same over an argv already split (argv[0] is the program).
int main(const std::vector<std::string>& argv);
// PEP 432's "system Python" (the gopy-system host): the same program with isolated mode
// (-I: no environment variables, no script directory or user site on sys.path) as its
// preset.
int system_main(int argc, char** argv);

// Registers a callback finalize_ex runs first (most recent first), as atexit does.
void register_atexit(void (*callback)(void* data), void* data);

}  // namespace gopy
#include "gopy/api_end.h"
