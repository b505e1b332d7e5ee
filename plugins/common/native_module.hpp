// What gopy's native standard-library modules share (_json, _struct, _binascii): module
// plugins on the kernel's C++ API, with the C++ ABI identity in their manifests. Their
// functions are built-in functions over the kernel's objects; the Python module above
// each defines the public API and the exception classes the native code raises.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "gopy/module.h"
#include "gopy/object.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/plugin.hpp"

namespace gopy::native {

// Runs `body` with C++ exceptions (std::bad_alloc from make<T>) turned into MemoryError:
// none may leave a function the kernel calls.
template <class F>
Object* guarded(F body) noexcept {
  try {
    return body();
  } catch (...) {
    return no_memory();
  }
}

struct Function {
  const char* name;
  BuiltinFn fn;
};

// The exec hook's work: the functions into the module. 0, or -1 with an exception.
inline int add_functions(gopy_Object* module, std::initializer_list<Function> functions) {
  try {
    for (const Function& f : functions)
      if (add_module_function(reinterpret_cast<ModuleObject*>(module), f.name, f.fn) < 0) return -1;
    return 0;
  } catch (...) {
    no_memory();
    return -1;
  }
}

// Raises the exception class the Python module stored as `module.<name>` (struct.error,
// binascii.Error), or ValueError while there is none. Always null.
inline std::nullptr_t raise_module_error(ModuleObject* module, std::string_view name, const std::string& message) {
  Object* cls = module ? dict_get_str(module->dict, name) : nullptr;
  if (!cls || !is_exception_class(cls)) return value_error(message);
  return set_error(static_cast<TypeObject*>(cls), message);
}

}  // namespace gopy::native

// The descriptor of a native module plugin (ENTRY is the manifest's "entry", NAME its
// "name"): the C++ ABI identity, no attach or detach callbacks.
#define GOPY_NATIVE_MODULE_PLUGIN(ENTRY, NAME)                                                           \
  extern "C" GOPY_PLUGIN_EXPORT const gopy_plugin_descriptor* ENTRY(void) {                             \
    static const gopy_plugin_descriptor descriptor = {GOPY_ABI_MAJOR, GOPY_ABI_MINOR, GOPY_ABI_IDENTITY, \
                                                       NAME, nullptr, nullptr};                          \
    return &descriptor;                                                                                 \
  }
