#include "object/sys_flag.hpp"

#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/state.hpp"

namespace gopy {

std::int64_t sys_flag(const char* name) {
  Interpreter* interp = get_thread_state()->interp;
  Object* flags = interp->sys_module ? dict_get_str(interp->sys_module->dict, "flags") : nullptr;
  Object* v = flags ? get_attr(flags, name) : nullptr;
  std::int64_t n = 0;
  if (!v) clear_error();
  else if (!int_to_int64(v, &n)) clear_error();
  xdecref(v);
  return n;
}

}  // namespace gopy
