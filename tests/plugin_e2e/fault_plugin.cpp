// Fixture plugins for plugin_e2e_test: built from this file once per fault class, each under
// its own name (GOPY_E2E_PLUGIN) with one fault switched on. They attach to the real
// interpreter; a healthy one shows its effect as a module named after itself whose
// `attached_at` says where its manifest made it attach.
#include <stdexcept>
#include <string>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "gopy/plugin.hpp"
#include "gopy/state.hpp"

#define E2E_STR2(x) #x
#define E2E_STR(x) E2E_STR2(x)
#define E2E_CAT2(a, b) a##b
#define E2E_CAT(a, b) E2E_CAT2(a, b)

namespace {

const char* const kName = E2E_STR(GOPY_E2E_PLUGIN);

// sys.modules[kName] = a module with attached_at = "<phase> <order>".
gopy::Status add_module(gopy_plugin_context& ctx) {
  auto* interp = static_cast<gopy::Interpreter*>(ctx.interp);
  gopy::ModuleObject* module = gopy::new_module(kName);
  gopy::Object* where = gopy::new_str(std::string(ctx.phase) + " " + std::to_string(ctx.order));
  bool ok = module != nullptr && where != nullptr &&
            gopy::dict_set_str(module->dict, "attached_at", where) == 0 &&
            gopy::dict_set_str(interp->modules, kName, module) == 0;
  if (where != nullptr) gopy::decref(where);
  if (module != nullptr) gopy::decref(module);
  if (!ok)
    return gopy::Status::error(gopy::Status::Category::runtime, kName, "could not add its module");
  return gopy::Status::ok();
}

gopy::Status attach(gopy_plugin_context& ctx) {
#if defined(GOPY_E2E_ATTACH_ERROR)
  return gopy::Status::error(gopy::Status::Category::runtime, kName,
                             "refused to attach on purpose");
#elif defined(GOPY_E2E_ATTACH_THROWS)
  throw std::runtime_error("thrown from attach on purpose");
#endif
  return add_module(ctx);
}

gopy::Status detach(gopy_plugin_context&) {
#if defined(GOPY_E2E_DETACH_ERROR)
  return gopy::Status::error(gopy::Status::Category::runtime, kName,
                             "refused to detach on purpose");
#else
  return gopy::Status::ok();
#endif
}

}  // namespace

#if defined(GOPY_E2E_NO_ENTRY)
// Exports its descriptor under another name than the one its manifest gives.
GOPY_PLUGIN(gopy_plugin_renamed_entry, kName, attach, detach)
#else
GOPY_PLUGIN(E2E_CAT(gopy_plugin_, GOPY_E2E_PLUGIN), kName, attach, detach)
#endif
