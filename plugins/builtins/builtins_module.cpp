// The builtins plugin: fills the builtins module at its core-phase attach with the
// built-in functions, types, constants and exception classes (CPython:
// Python/bltinmodule.c _PyBuiltin_Init).
#include "builtins_internal.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_complex.hpp"
#include "gopy/plugin.hpp"

namespace gopy::builtins {
namespace {

int add(DictObject* d, const char* name, Object* value) { return dict_set_str(d, name, value); }

void add_exception(TypeObject* t, void* arg) { add(static_cast<DictObject*>(arg), t->name.c_str(), t); }

Status attach(gopy_plugin_context& ctx) {
  auto* interp = static_cast<Interpreter*>(ctx.interp);
  if (std::string_view(ctx.phase) != "core") return Status::ok();
  DictObject* d = interp->builtins_module->dict;
  ModuleObject* m = interp->builtins_module;
  (void)add_module_functions(m, {kFunctions, kFunctionCount});
  (void)add_module_functions(m, {kIterationFunctions, kIterationFunctionCount});
  (void)add_module_functions(m, {kIntrospectionFunctions, kIntrospectionFunctionCount});
  struct TypeEntry {
    const char* name;
    TypeObject* type;
  };
  const TypeEntry types[] = {
      {"object", &object_type}, {"type", &type_type},       {"int", &int_type},         {"bool", &bool_type},
      {"float", &float_type},   {"str", &str_type},         {"list", &list_type},       {"tuple", &tuple_type},
      {"dict", &dict_type},     {"set", &set_type},         {"frozenset", &frozenset_type},
      {"range", &range_type},   {"slice", &slice_type},     {"super", &super_type},     {"enumerate", &enumerate_type},
      {"zip", &zip_type},       {"map", &map_type},         {"filter", &filter_type},   {"reversed", &reversed_type},
      {"bytes", &bytes_type},   {"bytearray", &bytearray_type}, {"memoryview", &memoryview_type},
      {"complex", &complex_type},
      {"property", &property_type}, {"classmethod", &classmethod_type}, {"staticmethod", &staticmethod_type},
  };
  for (const auto& t : types) add(d, t.name, t.type);
  add(d, "None", None());
  add(d, "True", True());
  add(d, "False", False());
  add(d, "Ellipsis", &ellipsis_object);
  add(d, "NotImplemented", NotImplemented());
  for_each_exception_type(add_exception, d);
  add(d, "EnvironmentError", &exc_OSError);
  add(d, "IOError", &exc_OSError);
  Object* debug = new_bool(interp->settings.optimization_level == 0);
  add(d, "__debug__", debug);
  decref(debug);
  if (error_occurred()) {
    clear_error();
    return Status::error(Status::Category::runtime, "builtins",
                         "could not fill the builtins module");
  }
  return Status::ok();
}

Status detach(gopy_plugin_context&) { return Status::ok(); }

}  // namespace
}  // namespace gopy::builtins

GOPY_PLUGIN(gopy_plugin_builtins, "builtins", gopy::builtins::attach, gopy::builtins::detach)
