// The module plugin of docs/sdk.md, built by a stranger's CMake project from the installed
// SDK alone (tests/plugin/sdk_test.cmake): a module `greet` with a function taking a
// positional and a keyword argument, raising ValueError, and owning its references.
#include <string>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "gopy/plugin.hpp"
#include "gopy/state.hpp"

namespace {

// greet(name, *, punctuation="!") -> "hello, <name><punctuation>"
gopy::Object* greet(gopy::Object*, gopy::Object* const* args, size_t nargs, gopy::TupleObject* kwnames) {
  if (!gopy::check_nargs("greet", nargs, 1, 1)) return nullptr;
  if (!gopy::check_kwargs_allowed("greet", kwnames, {"punctuation"})) return nullptr;
  if (!gopy::is_str(args[0])) return gopy::type_error("greet() argument 'name' must be str");
  std::string_view name = static_cast<gopy::StrObject*>(args[0])->view();
  if (name.empty()) return gopy::value_error("greet() needs a name");
  std::string_view punctuation = "!";
  if (gopy::Object* p = gopy::find_kwarg(args, nargs, kwnames, "punctuation")) {  // borrowed
    if (!gopy::is_str(p)) return gopy::type_error("greet() argument 'punctuation' must be str");
    punctuation = static_cast<gopy::StrObject*>(p)->view();
  }
  // A new reference: the caller owns it.
  return gopy::new_str("hello, " + std::string(name) + std::string(punctuation));
}

gopy::Status attach(gopy_plugin_context& ctx) {
  auto* interp = static_cast<gopy::Interpreter*>(ctx.interp);
  gopy::Ref<gopy::ModuleObject> module = gopy::Ref<gopy::ModuleObject>::steal(gopy::new_module("greet"));
  if (!module || gopy::add_module_function(module.get(), "greet", greet) < 0 ||
      gopy::dict_set_str(interp->modules, "greet", module.get()) < 0)  // the dict takes its own reference
    return gopy::Status::error(gopy::Status::Category::runtime, "greet", "could not add the module");
  return gopy::Status::ok();
}

gopy::Status detach(gopy_plugin_context&) { return gopy::Status::ok(); }

}  // namespace

GOPY_PLUGIN(gopy_plugin_greet, "greet", attach, detach)
