// The POSIX (and macOS) strategy: POSIX landmarks over the shared getpath algorithm.
#include <string>

#include "gopy/getpath_posix.hpp"

namespace gopy::pathconfig {

// CPython: Modules/getpath.py PLATFORM CONSTANTS, os_name 'posix' or 'darwin'.
PlatformLayout posix_layout(OsName os_name, const BuildConstants& constants,
                            const OptString& config_platlibdir) {
  PlatformLayout layout;
  layout.os_name = os_name;
  layout.syntax = &posix_path_syntax();
  layout.platlibdir = truthy(config_platlibdir) ? *config_platlibdir : constants.PLATLIBDIR;
  const std::string major = std::to_string(constants.VERSION_MAJOR);
  const std::string minor = std::to_string(constants.VERSION_MINOR);
  const std::string versioned = "python" + major + "." + minor + constants.ABI_THREAD;
  layout.builddir_txt = "pybuilddir.txt";
  layout.default_program_name = "python" + major;
  layout.stdlib_subdir = layout.platlibdir + "/" + versioned;
  layout.stdlib_landmarks = {layout.stdlib_subdir + "/os.py", layout.stdlib_subdir + "/os.pyc"};
  layout.platstdlib_landmark = layout.platlibdir + "/" + versioned + "/lib-dynload";
  layout.buildstdlib_landmarks = {"Lib/os.py"};
  layout.venv_landmark = "pyvenv.cfg";
  layout.zip_landmark =
      layout.platlibdir + "/python" + major + minor + constants.ABI_THREAD + ".zip";
  return layout;
}

Status compute_posix_path_config(const PathConfigRequest& request, const FileSystem& fs,
                                 PathConfigOutput& out) {
  if (request.os_name == OsName::nt) {
    return Status::error(Status::Category::pathconfig, "compute_posix_path_config",
                         "the POSIX path strategy cannot compute for os_name 'nt'");
  }
  return run_getpath(posix_layout(request.os_name, request.constants, request.config.platlibdir),
                     request, fs, out);
}

}  // namespace gopy::pathconfig
