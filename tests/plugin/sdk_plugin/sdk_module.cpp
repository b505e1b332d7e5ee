// A third-party plugin with an effect a program can see: at its attach point it adds the
// module `sdk_module` to sys.modules, recording where it attached (`gopy -c "import
// sdk_module; print(sdk_module.attached_at)"` prints "main 25").
#include <string>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "gopy/plugin.hpp"
#include "gopy/state.hpp"

namespace {

gopy::Status attach(gopy_plugin_context& ctx) {
  auto* interp = static_cast<gopy::Interpreter*>(ctx.interp);
  gopy::ModuleObject* module = gopy::new_module("sdk_module");
  gopy::Object* where = gopy::new_str(std::string(ctx.phase) + " " + std::to_string(ctx.order));
  bool ok = module != nullptr && where != nullptr &&
            gopy::dict_set_str(module->dict, "attached_at", where) == 0 &&
            gopy::dict_set_str(interp->modules, "sdk_module", module) == 0;
  if (where != nullptr) gopy::decref(where);
  if (module != nullptr) gopy::decref(module);
  if (!ok)
    return gopy::Status::error(gopy::Status::Category::runtime, "sdk_module",
                               "could not add the module");
  return gopy::Status::ok();
}

gopy::Status detach(gopy_plugin_context&) { return gopy::Status::ok(); }

}  // namespace

GOPY_PLUGIN(gopy_plugin_sdk_module, "sdk_module", attach, detach)
