// The Windows strategy: Windows landmarks over the shared getpath algorithm.
#include <string>

#include "gopy/getpath_nt.hpp"

namespace gopy::pathconfig {

// CPython: Modules/getpath.py PLATFORM CONSTANTS, os_name 'nt'.
PlatformLayout nt_layout(const BuildConstants& constants, const OptString& config_platlibdir) {
  PlatformLayout layout;
  layout.os_name = OsName::nt;
  layout.syntax = &nt_path_syntax();
  layout.platlibdir = truthy(config_platlibdir) ? *config_platlibdir : constants.PLATLIBDIR;
  layout.builddir_txt = "pybuilddir.txt";
  layout.default_program_name = "python";
  layout.stdlib_subdir = "Lib";
  layout.stdlib_landmarks = {"Lib\\os.py", "Lib\\os.pyc"};
  // Extension modules live in platlibdir itself (DLLs), not under a versioned dir.
  layout.platstdlib_landmark = layout.platlibdir;
  layout.buildstdlib_landmarks = {"Lib\\os.py"};
  layout.venv_landmark = "pyvenv.cfg";
  layout.zip_landmark = "python" + std::to_string(constants.VERSION_MAJOR) +
                        std::to_string(constants.VERSION_MINOR) + constants.PYDEBUGEXT + ".zip";
  return layout;
}

Status compute_nt_path_config(const PathConfigRequest& request, const FileSystem& fs,
                              PathConfigOutput& out) {
  if (request.os_name != OsName::nt) {
    return Status::error(Status::Category::pathconfig, "compute_nt_path_config",
                         "the Windows path strategy computes for os_name 'nt' only");
  }
  return run_getpath(nt_layout(request.constants, request.config.platlibdir), request, fs, out);
}

}  // namespace gopy::pathconfig
