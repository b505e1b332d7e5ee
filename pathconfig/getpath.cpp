// The path calculation of CPython 3.14's Modules/getpath.py, step by step, over an
// injected file system and path syntax. The sections and their order follow the script;
// each `os_name` test of the script is a test of layout.os_name here.
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "gopy/pathconfig.hpp"

namespace gopy::pathconfig {
namespace {

// Python's str.split(sep): every piece, empty ones included.
std::vector<std::string> split(const std::string& text, char sep) {
  std::vector<std::string> pieces;
  std::string::size_type start = 0;
  for (;;) {
    auto at = text.find(sep, start);
    if (at == std::string::npos) {
      pieces.push_back(text.substr(start));
      return pieces;
    }
    pieces.push_back(text.substr(start, at - start));
    start = at + 1;
  }
}

// Python's str.strip() for ASCII text (str.isspace characters).
std::string strip(std::string_view text) {
  auto is_space = [](char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f');
  };
  std::size_t begin = 0, end = text.size();
  while (begin < end && is_space(text[begin])) ++begin;
  while (end > begin && is_space(text[end - 1])) --end;
  return std::string(text.substr(begin, end - begin));
}

std::string ascii_lower(std::string text) {
  for (char& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

// Python's `a or b`: the first truthy value, else the last one.
OptString first_truthy(std::initializer_list<OptString> values) {
  OptString last;
  for (const auto& v : values) {
    if (truthy(v)) return v;
    last = v;
  }
  return last;
}

class Getpath {
 public:
  Getpath(const PlatformLayout& layout, const PathConfigRequest& request, const FileSystem& fs,
          PathConfigOutput& out)
      : layout(layout),
        syntax(*layout.syntax),
        request(request),
        build(request.constants),
        fs(fs),
        out(out) {}

  // Returns the exception the script would raise, if any.
  std::optional<FsError> run() {
    read_config();
    calculate_program_name();
    if (auto error = calculate_executable()) return error;
    calculate_home();
    if (auto error = read_pyvenv_cfg()) return error;
    if (auto error = calculate_real_executable()) return error;
    detect_pth();
    if (auto error = detect_build_directory()) return error;
    calculate_prefixes();
    calculate_base_prefixes();
    update_module_search_paths();
    apply_posix_build_quirks();
    apply_pth();
    write_output();
    return std::nullopt;
  }

 private:
  bool is_nt() const { return layout.os_name == OsName::nt; }
  bool is_darwin() const { return layout.os_name == OsName::darwin; }

  std::string join(std::string_view a, std::string_view b) const { return syntax.joinpath(a, b); }
  std::string abspath(std::string_view p) const { return syntax.abspath(p, request.cwd); }

  bool any_file(const std::string& dir, const std::vector<std::string>& landmarks) const {
    for (const auto& landmark : landmarks) {
      if (fs.isfile(join(dir, landmark))) return true;
    }
    return false;
  }

  // CPython: getpath.py search_up: `prefix` or an ancestor holding a landmark, else None.
  using Probe = bool (FileSystem::*)(const std::string&) const;
  OptString search_up(OptString prefix, const std::string* landmarks, std::size_t count,
                      Probe test) const {
    while (truthy(prefix)) {
      for (std::size_t i = 0; i < count; ++i) {
        if ((fs.*test)(join(*prefix, landmarks[i]))) return prefix;
      }
      prefix = syntax.dirname(*prefix);
    }
    return std::nullopt;
  }
  OptString search_up(OptString prefix, const std::vector<std::string>& landmarks,
                      Probe test = &FileSystem::isfile) const {
    return search_up(std::move(prefix), landmarks.data(), landmarks.size(), test);
  }
  // One landmark: no list is made for it.
  OptString search_up(OptString prefix, const std::string& landmark,
                      Probe test = &FileSystem::isfile) const {
    return search_up(std::move(prefix), &landmark, 1, test);
  }

  // getpath.py: READ VARIABLES FROM config
  void read_config() {
    const auto& cfg = request.config;
    program_name = cfg.program_name;
    home = cfg.home;
    executable = cfg.executable;
    base_executable = cfg.base_executable;
    prefix = cfg.prefix;
    exec_prefix = cfg.exec_prefix;
    base_prefix = cfg.base_prefix;
    base_exec_prefix = cfg.base_exec_prefix;
    use_environment = cfg.use_environment;
    stdlib_dir = cfg.stdlib_dir;
    stdlib_dir_was_set_in_config = truthy(stdlib_dir);
    real_executable = request.runtime.real_executable;
    executable_dir = request.runtime.executable_dir;
    library = request.runtime.library;
    py_setpath = request.runtime.py_setpath;
  }

  // getpath.py: CALCULATE program_name
  void calculate_program_name() {
    if (!truthy(program_name) && !request.config.orig_argv.empty()) {
      program_name = request.config.orig_argv.front();
    }
    if (!truthy(program_name)) program_name = layout.default_program_name;
    if (!build.EXE_SUFFIX.empty() && !syntax.hassuffix(*program_name, build.EXE_SUFFIX) &&
        fs.isxfile(*program_name + build.EXE_SUFFIX)) {
      program_name = *program_name + build.EXE_SUFFIX;
    }
  }

  // getpath.py: CALCULATE executable
  std::optional<FsError> calculate_executable() {
    if (!py_setpath.empty() && !truthy(executable)) executable = real_executable;
    if (!truthy(executable) && program_name->find(syntax.sep()) != std::string::npos) {
      // A partial path is resolved against the current directory.
      executable = abspath(*program_name);
    }
    if (!truthy(executable)) {
      // POSIX leaves real_executable unknown here; the others may know it.
      executable = real_executable;
    } else if (is_darwin()) {
      // QUIRK: macOS trusts the caller's executable to detect a build tree.
      real_executable = *executable;
    }
    if (!truthy(executable) && truthy(program_name) && !request.env.PATH.empty()) {
      // Bare names are searched on PATH, whatever use_environment says.
      for (const auto& dir : split(request.env.PATH, syntax.delim())) {
        std::string candidate = join(dir, *program_name);
        if (fs.isxfile(candidate)) {
          executable = candidate;
          break;
        }
      }
    }
    if (!truthy(executable)) {
      // Later searches then look in the current directory.
      executable = "";
      executable_dir = abspath(".");
      real_executable_dir = executable_dir;
    }
    const std::string& launcher = !request.env.PYTHONEXECUTABLE.empty()
                                      ? request.env.PYTHONEXECUTABLE
                                      : request.env.PYVENV_LAUNCHER;
    if (!launcher.empty()) {
      // The launcher's path becomes sys.executable; argv0 still drives the prefixes.
      if (is_darwin() && build.WITH_NEXT_FRAMEWORK) {
        // The script takes dirname() of an unknown (None) library and fails.
        if (library.empty()) {
          return FsError{FsError::Kind::other, "AttributeError",
                         "a framework build needs the library path to name its base executable"};
        }
        base_executable = syntax.dirname(library) + "/bin/python" +
                          std::to_string(build.VERSION_MAJOR) + "." +
                          std::to_string(build.VERSION_MINOR);
      } else {
        base_executable = !real_executable.empty() ? OptString(real_executable) : executable;
      }
      if (real_executable.empty()) real_executable = base_executable.value_or("");
      executable = launcher;
      executable_dir = syntax.dirname(launcher);
    }
    return std::nullopt;
  }

  // getpath.py: CALCULATE (default) home
  void calculate_home() {
    if (truthy(home)) {
      home_was_set = true;
    } else if (use_environment && !request.env.PYTHONHOME.empty() && py_setpath.empty()) {
      home = request.env.PYTHONHOME;
    }
  }

  // getpath.py: READ pyvenv.cfg (one level above the executable, else beside it).
  std::optional<FsError> read_pyvenv_cfg() {
    if (!py_setpath.empty()) return std::nullopt;
    auto is_expected = [](const FsError& e) {
      return e.kind == FsError::Kind::not_found || e.kind == FsError::Kind::permission_denied;
    };
    std::string venv_prefix2 =
        !executable_dir.empty() ? executable_dir : syntax.dirname(*executable);
    venv_prefix = syntax.dirname(venv_prefix2);
    auto cfg = fs.readlines(join(*venv_prefix, layout.venv_landmark));
    if (!cfg.ok()) {
      if (!is_expected(cfg.error())) return cfg.error();
      cfg = fs.readlines(join(venv_prefix2, layout.venv_landmark));
      venv_prefix = venv_prefix2;
      if (!cfg.ok()) {
        if (!is_expected(cfg.error())) return cfg.error();
        venv_prefix = std::nullopt;
        return std::nullopt;
      }
    }
    for (const auto& line : cfg.value()) {
      auto equals = line.find('=');
      if (equals == std::string::npos) continue;
      if (ascii_lower(strip(std::string_view(line).substr(0, equals))) != "home") continue;
      // PYTHONHOME (or a configured home) wins over the venv's home key.
      if (truthy(home)) break;
      executable_dir = real_executable_dir = strip(std::string_view(line).substr(equals + 1));
      if (!truthy(base_executable)) find_base_executable_in_home();
      break;
    }
    return std::nullopt;
  }

  // The base interpreter of a venv: the executable's link target, else its name in home.
  void find_base_executable_in_home() {
    auto resolved = fs.realpath(*executable);
    if (resolved.ok()) {
      base_executable = resolved.value();
      // No change: probably not a link.
      if (*base_executable == *executable) base_executable = "";
    }
    if (truthy(base_executable)) return;
    std::string exe_name = syntax.basename(*executable);
    base_executable = join(executable_dir, exe_name);
    // `make install` need not create a bare `python` in home: try the known names.
    if (is_nt() || fs.isfile(*base_executable)) return;
    const std::string dotted =
        "python" + std::to_string(build.VERSION_MAJOR) + "." + std::to_string(build.VERSION_MINOR);
    for (const auto& name : {layout.default_program_name, dotted}) {
      std::string candidate_name = name + build.EXE_SUFFIX;
      if (exe_name == candidate_name) continue;
      std::string candidate = join(executable_dir, candidate_name);
      if (fs.isfile(candidate)) {
        base_executable = candidate;
        break;
      }
    }
  }

  // getpath.py: CALCULATE base_executable, real_executable AND executable_dir
  std::optional<FsError> calculate_real_executable() {
    if (!truthy(base_executable)) {
      base_executable = truthy(executable) ? *executable : real_executable;
    }
    if (real_executable.empty()) real_executable = *base_executable;
    if (!real_executable.empty()) {
      auto resolved = fs.realpath(real_executable);
      if (resolved.ok()) {
        real_executable = resolved.value();
      } else if (fs.isfile(real_executable)) {
        // Only a file that exists but cannot be resolved is worth a warning.
        warn("Failed to find real location of " + real_executable);
      }
    }
    if (executable_dir.empty() && is_darwin() && !library.empty()) {
      // QUIRK: macOS looks beside its library early; a failure here aborts.
      std::string library_dir = syntax.dirname(library);
      if (any_file(library_dir, layout.stdlib_landmarks)) {
        auto resolved = fs.realpath(library_dir);
        if (!resolved.ok()) return resolved.error();
        executable_dir = real_executable_dir = resolved.value();
      }
    }
    if (executable_dir.empty() && !real_executable.empty()) {
      executable_dir = real_executable_dir = syntax.dirname(real_executable);
    }
    if (real_executable_dir.empty() && !real_executable.empty()) {
      real_executable_dir = syntax.dirname(real_executable);
    }
    return std::nullopt;
  }

  // getpath.py: DETECT _pth FILE (beside the library, the executable, the real executable).
  void detect_pth() {
    if (!py_setpath.empty() || home_was_set) return;
    for (std::string p : {library, *executable, real_executable}) {
      if (p.empty()) continue;
      if (is_nt() && (syntax.hassuffix(p, "exe") || syntax.hassuffix(p, "dll"))) {
        auto dot = p.rfind('.');
        p = dot == std::string::npos ? std::string() : p.substr(0, dot);  // rpartition('.')[0]
      }
      p += "._pth";
      auto lines = fs.readlines(p);
      if (lines.ok()) {
        pth = std::move(lines.value());
        pth_dir = syntax.dirname(p);
        break;
      }
    }
    if (truthy(pth_dir)) {
      // Environment and home detection are off from here on.
      use_environment = false;
      home = pth_dir;
    }
  }

  // getpath.py: CHECK FOR BUILD DIRECTORY (a pybuilddir.txt beside the real executable).
  std::optional<FsError> detect_build_directory() {
    bool check = (!home_was_set && !real_executable_dir.empty() && py_setpath.empty()) ||
                 request.config.is_python_build > 0;
    if (!check) return std::nullopt;
    auto lines = fs.readlines(join(real_executable_dir, layout.builddir_txt));
    if (lines.ok()) {
      if (lines.value().empty()) {
        platstdlib_dir = real_executable_dir;  // the file exists but is empty
      } else {
        platstdlib_dir = join(real_executable_dir, lines.value().front());
      }
      build_prefix = join(real_executable_dir, build.VPATH);
    } else if (lines.error().kind == FsError::Kind::other) {
      return lines.error();
    }
    if (!truthy(build_prefix)) return std::nullopt;
    // QUIRK: Windows does not search up for the source tree's landmarks.
    OptString build_stdlib_prefix =
        is_nt() ? build_prefix : search_up(build_prefix, layout.buildstdlib_landmarks);
    if (!stdlib_dir_was_set_in_config) {
      stdlib_dir = join(truthy(build_stdlib_prefix) ? *build_stdlib_prefix : *build_prefix, "Lib");
    }
    if (!truthy(prefix)) prefix = build_stdlib_prefix;
    if (!truthy(exec_prefix)) exec_prefix = build_prefix;
    is_python_build = true;
    return std::nullopt;
  }

  // getpath.py: CALCULATE prefix AND exec_prefix
  void calculate_prefixes() {
    if (!py_setpath.empty()) {
      // As documented, Py_SetPath() empties both.
      prefix = exec_prefix = "";
      return;
    }
    if (truthy(home)) {
      // "prefix" or "prefix<DELIM>exec_prefix"
      auto at = home->find(syntax.delim());
      prefix = home->substr(0, at);
      exec_prefix = at == std::string::npos ? *prefix : home->substr(at + 1);
      if (!stdlib_dir_was_set_in_config) stdlib_dir = std::nullopt;
    }
    find_prefix_beside_library();
    find_prefix_from_zip();
    if (!layout.stdlib_subdir.empty() && !layout.stdlib_landmarks.empty() &&
        !executable_dir.empty() && !truthy(prefix)) {
      prefix = search_up(executable_dir, layout.stdlib_landmarks);
      if (truthy(prefix) && !truthy(stdlib_dir)) stdlib_dir = join(*prefix, layout.stdlib_subdir);
    }
    if (!build.PREFIX.empty() && !truthy(prefix)) {
      prefix = build.PREFIX;
      if (!any_file(*prefix, layout.stdlib_landmarks)) {
        warn("Could not find platform independent libraries <prefix>");
      }
    }
    if (!truthy(prefix)) {
      prefix = abspath("");
      warn("Could not find platform independent libraries <prefix>");
    }
    find_exec_prefix();
    if (!truthy(exec_prefix)) exec_prefix = prefix;  // fallback: the same directory
    if (!truthy(prefix) || !truthy(exec_prefix)) {
      warn("Consider setting $PYTHONHOME to <prefix>[:<exec_prefix>]");
    }
  }

  // First look alongside the runtime library, if known.
  void find_prefix_beside_library() {
    if (library.empty() || truthy(prefix)) return;
    std::string library_dir = syntax.dirname(library);
    if (!layout.zip_landmark.empty()) {
      if (is_nt()) {
        // QUIRK: Windows does not search up for the zip file.
        if (fs.isfile(join(library_dir, layout.zip_landmark))) prefix = library_dir;
      } else {
        prefix = search_up(library_dir, layout.zip_landmark);
      }
    }
    if (!layout.stdlib_subdir.empty() && !layout.stdlib_landmarks.empty() && !truthy(prefix) &&
        any_file(library_dir, layout.stdlib_landmarks)) {
      prefix = library_dir;
      if (!stdlib_dir_was_set_in_config) stdlib_dir = join(*prefix, layout.stdlib_subdir);
    }
  }

  // Then look for the zip file from the executable's directory.
  void find_prefix_from_zip() {
    if (layout.zip_landmark.empty() || executable_dir.empty() || truthy(prefix)) return;
    if (is_nt()) {
      if (fs.isfile(join(executable_dir, layout.zip_landmark))) prefix = executable_dir;
    } else {
      prefix = search_up(executable_dir, layout.zip_landmark);
    }
    if (truthy(prefix) && !stdlib_dir_was_set_in_config) {
      stdlib_dir = join(*prefix, layout.stdlib_subdir);
      if (!fs.isdir(*stdlib_dir)) stdlib_dir = std::nullopt;
    }
  }

  // Detect exec_prefix by searching from the executable for the platstdlib directory.
  void find_exec_prefix() {
    if (layout.platstdlib_landmark.empty() || truthy(exec_prefix)) return;
    // QUIRK (gh-100320): Windows keeps its extension modules relative to prefix.
    if (is_nt()) exec_prefix = prefix;
    if (!truthy(exec_prefix) && truthy(prefix) &&
        fs.isdir(join(*prefix, layout.platstdlib_landmark))) {
      exec_prefix = prefix;
    }
    if (!truthy(exec_prefix) && !executable_dir.empty()) {
      exec_prefix = search_up(executable_dir, layout.platstdlib_landmark, &FileSystem::isdir);
    }
    if (!truthy(exec_prefix) && !build.EXEC_PREFIX.empty()) exec_prefix = build.EXEC_PREFIX;
    if (!truthy(exec_prefix) || !fs.isdir(join(*exec_prefix, layout.platstdlib_landmark))) {
      if (is_nt()) {
        // QUIRK (gh-98790): a missing DLLs dir is not worth a warning on Windows, and
        // must not put DLLs on sys.path ahead of the executable's directory.
        if (!truthy(platstdlib_dir)) platstdlib_dir = exec_prefix;
      } else {
        warn("Could not find platform dependent libraries <exec_prefix>");
      }
    }
  }

  // For a venv the main prefixes become the venv; the base ones keep the installation.
  void calculate_base_prefixes() {
    if (truthy(venv_prefix)) {
      if (!truthy(base_prefix)) base_prefix = prefix;
      if (!truthy(base_exec_prefix)) base_exec_prefix = exec_prefix;
      prefix = exec_prefix = venv_prefix;
    }
    if (!truthy(base_prefix)) base_prefix = prefix;
    if (!truthy(base_exec_prefix)) base_exec_prefix = exec_prefix;
  }

  // getpath.py: UPDATE pythonpath (sys.path)
  void update_module_search_paths() {
    if (!py_setpath.empty()) {
      out.module_search_paths = split(py_setpath, syntax.delim());
      return;
    }
    if (request.config.module_search_paths_set) return;  // an explicit path is left alone
    std::vector<std::string> search_path;
    const OptString& env_pythonpath = request.config.pythonpath_env;
    if (use_environment && truthy(env_pythonpath)) {
      for (const auto& entry : split(*env_pythonpath, syntax.delim())) {
        search_path.push_back(abspath(entry));
      }
    }
    if (is_nt()) {
      // QUIRK: Windows looks for the zip beside the library, not under the prefix.
      std::string library_dir = !library.empty() ? syntax.dirname(library) : executable_dir;
      search_path.push_back(join(library_dir, layout.zip_landmark));
    } else if (truthy(build_prefix)) {
      // QUIRK: POSIX names the installed zip when running from a build tree.
      search_path.push_back(join(build.PREFIX, layout.zip_landmark));
    } else {
      search_path.push_back(join(base_prefix.value_or(""), layout.zip_landmark));
    }
    // No registry is consulted (getpath.py's winreg section).
    if (!build.PYTHONPATH.empty()) {
      for (const auto& entry : split(build.PYTHONPATH, syntax.delim())) {
        search_path.push_back(join(base_prefix.value_or(""), entry));
      }
    }
    if (!truthy(stdlib_dir) && truthy(base_prefix)) {
      stdlib_dir = join(*base_prefix, layout.stdlib_subdir);
    }
    if (!truthy(platstdlib_dir) && truthy(base_exec_prefix)) {
      platstdlib_dir = join(*base_exec_prefix, layout.platstdlib_landmark);
    }
    if (is_nt()) {
      // QUIRK: Windows lists DLLs first and keeps the executable's directory last.
      if (truthy(platstdlib_dir)) search_path.push_back(*platstdlib_dir);
      if (truthy(stdlib_dir)) search_path.push_back(*stdlib_dir);
      if (!executable_dir.empty() && !contains(search_path, executable_dir)) {
        search_path.push_back(executable_dir);
      }
    } else {
      if (truthy(stdlib_dir)) search_path.push_back(*stdlib_dir);
      if (truthy(platstdlib_dir)) search_path.push_back(*platstdlib_dir);
    }
    out.module_search_paths = std::move(search_path);
  }

  static bool contains(const std::vector<std::string>& list, const std::string& value) {
    for (const auto& item : list) {
      if (item == value) return true;
    }
    return false;
  }

  // getpath.py: POSIX prefix/exec_prefix QUIRKS: a build tree reports the install prefix
  // (after the search path was computed); a venv made from it keeps its own prefix.
  void apply_posix_build_quirks() {
    if (is_nt() || !truthy(build_prefix)) return;
    const auto& cfg = request.config;
    if (!truthy(venv_prefix)) {
      prefix = first_truthy({cfg.prefix, build.PREFIX});
      exec_prefix = first_truthy({cfg.exec_prefix, build.EXEC_PREFIX, prefix});
    }
    base_prefix = first_truthy({cfg.base_prefix, build.PREFIX});
    base_exec_prefix = first_truthy({cfg.base_exec_prefix, build.EXEC_PREFIX, base_prefix});
  }

  // getpath.py: SET pythonpath FROM _PTH FILE (a non-empty file replaces the search path).
  void apply_pth() {
    if (pth.empty()) return;
    PthFlags flags;
    std::vector<std::string> search_path;
    for (const auto& raw : pth) {
      std::string line = strip(std::string_view(raw).substr(0, raw.find('#')));
      if (line.empty()) continue;
      if (line == "import site") {
        flags.site_import = true;
      } else if (line.rfind("import ", 0) == 0) {
        warn("unsupported 'import' line in ._pth file");
      } else {
        search_path.push_back(join(*pth_dir, line));
      }
    }
    out.pth_flags = flags;
    out.module_search_paths = std::move(search_path);
  }

  // getpath.py: UPDATE config FROM CALCULATED VALUES
  void write_output() {
    out.program_name = program_name;
    out.home = home;
    out.executable = executable;
    out.base_executable = base_executable;
    out.prefix = prefix;
    out.exec_prefix = exec_prefix;
    out.base_prefix = base_prefix;
    out.base_exec_prefix = base_exec_prefix;
    out.platlibdir = layout.platlibdir;
    out.stdlib_dir = stdlib_dir.value_or("");
    out.platstdlib_dir = platstdlib_dir.value_or("");
    out.is_python_build = is_python_build;
    out.build_prefix = build_prefix;
    out.venv_prefix = venv_prefix;
  }

  void warn(std::string message) { out.warnings.push_back(std::move(message)); }

  const PlatformLayout& layout;
  const PathSyntax& syntax;
  const PathConfigRequest& request;
  const BuildConstants& build;  // the build constants (PREFIX, VPATH, ...)
  const FileSystem& fs;
  PathConfigOutput& out;

  // The script's variables ("" where the script tests a str for truth only).
  OptString program_name, home, executable, base_executable;
  OptString prefix, exec_prefix, base_prefix, base_exec_prefix;
  OptString stdlib_dir, platstdlib_dir;
  bool stdlib_dir_was_set_in_config = false;
  bool use_environment = true;
  bool home_was_set = false;
  std::string real_executable, executable_dir, real_executable_dir, library, py_setpath;
  OptString venv_prefix, build_prefix, pth_dir;
  std::vector<std::string> pth;
  bool is_python_build = false;
};

}  // namespace

Status run_getpath(const PlatformLayout& layout, const PathConfigRequest& request,
                   const FileSystem& fs, PathConfigOutput& out) {
  out = PathConfigOutput{};
  if (layout.syntax == nullptr) {
    return Status::error(Status::Category::pathconfig, "run_getpath",
                         "the platform layout has no path syntax");
  }
  if (auto error = Getpath(layout, request, fs, out).run()) {
    out.error = error;
    // CPython reports the exception as unraisable ("Exception ignored while running
    // getpath"), then fails with this status; out.error keeps the exception for that.
    return Status::error(Status::Category::pathconfig, "_PyConfig_InitPathConfig",
                         "error evaluating path");
  }
  return Status::ok();
}

}  // namespace gopy::pathconfig
