// Running a bytecode cache file as the main script (`gopy mod.gopy-3140.pyc`).
// CPython: Python/pythonrun.c maybe_pyc_file, run_pyc_file.
#include "gopy/eval.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/pyc.hpp"
#include "lifecycle/run_main_impl.hpp"

namespace gopy {

bool is_pyc_script(const std::string& path, std::string_view contents) {
  return path.ends_with(".pyc") || contents.starts_with(std::string_view(pyc_magic()).substr(0, 2));
}

Object* run_pyc_in_main(std::string_view contents) {
  PycHeader header;
  if (!pyc_read_header(contents, &header)) return set_error(&exc_RuntimeError, "Bad magic number in .pyc file");
  Object* code = pyc_load_code(contents);
  if (!code) return set_error(&exc_RuntimeError, "Bad code object in .pyc file");
  ModuleObject* m = main_module();
  Object* r = m ? exec_code(code, m->dict) : nullptr;
  decref(code);
  return r;
}

}  // namespace gopy
