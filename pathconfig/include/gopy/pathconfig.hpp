// The path configuration strategy interface: CPython's Modules/getpath.py as a pure
// computation. Inputs are the configuration fields getpath reads (PyConfig names), the
// environment values it reads, the build constants, runtime values and the current
// directory; every file-system question goes through an injected FileSystem, and every
// path-string operation through a PathSyntax (posixpath or ntpath semantics). Outputs are
// the fields getpath writes, its warnings, or the error that stopped it.
//
// A strategy plugin (pathconfig_unix, pathconfig_win, or a deployment's own) hands its
// strategy to apply_path_strategy, which fills PathConfigRequest from the plugin's
// context, runs it, and writes PathConfigOutput back through the context's
// path-configuration view. Nothing here touches global state. This is the public header
// of libgopy_pathconfig (CMake: gopy::gopy_pathconfig), installed with the SDK.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/expected.hpp"
#include "gopy/plugin_abi.h"
#include "gopy/status.hpp"

namespace gopy::pathconfig {

// A value the script may hold as Python `None`: nullopt is None, "" is the empty str.
// Outputs keep the difference (CPython's PyConfig keeps NULL apart from L"").
using OptString = std::optional<std::string>;

// Python truthiness of a string value: None and "" are false.
inline bool truthy(const OptString& value) { return value.has_value() && !value->empty(); }

// The `os_name` global of getpath.py: which branch of the script runs.
enum class OsName { posix, darwin, nt };

// ---------------------------------------------------------------------------------------
// Path-string semantics (no file-system access).
// ---------------------------------------------------------------------------------------

// CPython: Modules/getpath.c getpath_joinpath/dirname/basename/isabs/hassuffix, with the
// semantics of Lib/test/test_getpath.py's mocks (posixpath / ntpath based), which the
// conformance vectors define.
class PathSyntax {
 public:
  virtual ~PathSyntax() = default;
  virtual char sep() const = 0;    // SEP: '/' or '\\'
  virtual char delim() const = 0;  // DELIM: ':' or ';'
  virtual bool isabs(std::string_view path) const = 0;
  // normpath(join(*parts)): a later absolute part (or another drive) resets the result.
  virtual std::string joinpath(const std::vector<std::string_view>& parts) const = 0;
  virtual std::string dirname(std::string_view path) const = 0;
  virtual std::string basename(std::string_view path) const = 0;
  virtual bool hassuffix(std::string_view path, std::string_view suffix) const = 0;
  // True when two whole paths name the same file for this OS (exact, or ASCII
  // case-insensitive on Windows). Used by the virtual file system's look-ups.
  virtual bool same_path(std::string_view a, std::string_view b) const = 0;
  // The look-up key of `path` under same_path (itself, or its ASCII lower-case form).
  virtual std::string path_key(std::string_view path) const = 0;

  // The two-part join getpath makes nearly everywhere (a syntax may do it without a list).
  virtual std::string joinpath(std::string_view a, std::string_view b) const {
    return joinpath(std::vector<std::string_view>{a, b});
  }
  // CPython: getpath_abspath: unchanged when absolute, else joined onto `cwd`.
  std::string abspath(std::string_view path, std::string_view cwd) const {
    return isabs(path) ? std::string(path) : joinpath(cwd, path);
  }
};

// ---------------------------------------------------------------------------------------
// The file-system interface.
// ---------------------------------------------------------------------------------------

// How a file-system call (or the calculation) failed, as the Python exception getpath.py
// would see or raise.
struct FsError {
  enum class Kind { not_found, permission_denied, other };
  Kind kind = Kind::other;
  std::string type;     // Python class name: FileNotFoundError, PermissionError, OSError...
  std::string message;  // str(exc)
};

// A file-system answer: its value or the error, never both or neither.
template <typename T>
using FsResult = Expected<T, FsError>;

class FileSystem {
 public:
  virtual ~FileSystem() = default;
  virtual bool isfile(const std::string& path) const = 0;
  virtual bool isdir(const std::string& path) const = 0;
  virtual bool isxfile(const std::string& path) const = 0;
  // Follows symbolic links of the whole path (CPython: getpath_realpath's readlink loop).
  virtual FsResult<std::string> realpath(const std::string& path) const = 0;
  // The file's lines without their terminators (CPython: getpath_readlines).
  virtual FsResult<std::vector<std::string>> readlines(const std::string& path) const = 0;
};

// ---------------------------------------------------------------------------------------
// Inputs.
// ---------------------------------------------------------------------------------------

// The values CPython compiles in and passes to getpath.py as globals of these names.
struct BuildConstants {
  std::string PREFIX;
  std::string EXEC_PREFIX;
  std::string PYTHONPATH;   // compiled-in default search path ("" for none)
  std::string VPATH;        // source dir relative to the build dir
  std::string PLATLIBDIR;   // "lib", "lib64", "DLLs"
  std::string PYDEBUGEXT;   // "_d" on a Windows debug build
  std::string EXE_SUFFIX;   // ".exe" on Windows
  int VERSION_MAJOR = 3;
  int VERSION_MINOR = 14;
  std::string ABI_THREAD;   // "t" for a free-threaded build
  std::string PYWINVER;     // names a registry key; no registry is read
  bool WITH_NEXT_FRAMEWORK = false;
};

// Environment variables getpath reads whatever use_environment says ("" = unset).
struct PathEnvironment {
  std::string PATH;
  std::string PYTHONHOME;
  std::string PYTHONEXECUTABLE;
  std::string PYVENV_LAUNCHER;  // __PYVENV_LAUNCHER__
};

// Values the host process knows about itself ("" = not known / not called).
struct RuntimeValues {
  std::string real_executable;
  std::string executable_dir;
  std::string library;     // the shared library holding the runtime, if any
  std::string py_setpath;  // the Py_SetPath() argument
};

// The PyConfig fields getpath.py reads (same names; nullopt = NULL / absent). It never
// reads isolated, site_import, safe_path or platstdlib_dir: a ._pth file sets the first
// three (PathConfigOutput::pth_flags) and platstdlib_dir is always computed.
struct PathConfigInput {
  OptString program_name;
  OptString home;
  OptString executable;
  OptString base_executable;
  OptString prefix;
  OptString exec_prefix;
  OptString base_prefix;
  OptString base_exec_prefix;
  OptString pythonpath_env;  // PYTHONPATH as already read by the caller
  std::vector<std::string> module_search_paths;
  bool module_search_paths_set = false;
  OptString stdlib_dir;
  OptString platlibdir;
  std::vector<std::string> orig_argv;  // element 0 is argv0 (used when program_name is unset)
  bool use_environment = true;
  int is_python_build = 0;  // PyConfig._is_python_build
};

struct PathConfigRequest {
  OsName os_name = OsName::posix;
  BuildConstants constants;
  PathEnvironment env;
  RuntimeValues runtime;
  std::string cwd;  // what abspath() resolves against
  PathConfigInput config;
};

// ---------------------------------------------------------------------------------------
// Outputs.
// ---------------------------------------------------------------------------------------

// The flags a non-empty ._pth file forces (CPython: getpath.py "SET pythonpath FROM _PTH").
struct PthFlags {
  bool isolated = true;
  bool use_environment = false;
  bool site_import = false;  // true when the file has an `import site` line
  bool safe_path = true;
};

struct PathConfigOutput {
  // Written unconditionally, as getpath.py does.
  OptString program_name;
  OptString home;
  OptString executable;
  OptString base_executable;
  OptString prefix;
  OptString exec_prefix;
  OptString base_prefix;
  OptString base_exec_prefix;
  std::string platlibdir;
  std::string stdlib_dir;      // "" when none
  std::string platstdlib_dir;  // "" when none
  // Set when getpath computed the search path (then module_search_paths_set = 1);
  // unset when the caller's preset search path is kept.
  std::optional<std::vector<std::string>> module_search_paths;
  bool is_python_build = false;     // build tree detected: _is_python_build = 1
  std::optional<PthFlags> pth_flags;  // a non-empty ._pth file was applied
  std::vector<std::string> warnings;  // in order, as getpath's warn() prints them
  // Internal values of the script, exposed for the conformance vectors.
  OptString build_prefix;
  OptString venv_prefix;
  // When the calculation raised: the Python exception it would have raised.
  std::optional<FsError> error;
};

// ---------------------------------------------------------------------------------------
// The platform a strategy computes for, and the shared algorithm.
// ---------------------------------------------------------------------------------------

// The constants the script derives per OS (CPython: getpath.py "PLATFORM CONSTANTS").
struct PlatformLayout {
  OsName os_name = OsName::posix;
  const PathSyntax* syntax = nullptr;
  std::string platlibdir;
  std::string builddir_txt;
  std::string default_program_name;
  std::string stdlib_subdir;
  std::vector<std::string> stdlib_landmarks;
  std::string platstdlib_landmark;
  std::vector<std::string> buildstdlib_landmarks;
  std::string venv_landmark;
  std::string zip_landmark;
};

// Runs getpath.py's algorithm for `layout` over `fs`. Returns ok with `out` filled, or
// CPython's "error evaluating path" status, with out.error naming the exception the script
// raised (CPython prints it as "Exception ignored while running getpath").
// CPython: Modules/getpath.py (whole script), driven by getpath.c _PyConfig_InitPathConfig.
Status run_getpath(const PlatformLayout& layout, const PathConfigRequest& request,
                   const FileSystem& fs, PathConfigOutput& out);

// A strategy: fills `out` from `request`. pathconfig_unix and pathconfig_win each export one.
using PathConfigStrategy = Status (*)(const PathConfigRequest& request, const FileSystem& fs,
                                      PathConfigOutput& out);

// ---------------------------------------------------------------------------------------
// The bridge to the runtime, through the plugin context (gopy.h's accessors).
// ---------------------------------------------------------------------------------------

// What a strategy plugin runs when it attaches at the main phase.
struct StrategyBinding {
  OsName os_name = OsName::posix;
  PathConfigStrategy compute = nullptr;
  BuildConstants constants;        // what the plugin was built with (PREFIX, version, ...)
  const FileSystem* fs = nullptr;  // the file system to compute over
};

// Fills a PathConfigRequest from the plugin's context (the configuration by name, the
// runtime's Environment and current directory), runs binding.compute over binding.fs,
// writes the output through the context's path-configuration view and prints the
// warnings (unless pathconfig_warnings is 0). `ctx` must be the context of the plugin that
// fills the "pathconfig" slot. CPython: Python/pathconfig.c _PyConfig_InitPathConfig.
Status apply_path_strategy(gopy_plugin_context& ctx, const StrategyBinding& binding);

}  // namespace gopy::pathconfig
