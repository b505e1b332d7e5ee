// The module API's C entry points (gopy/module.h) over the kernel's C++ objects: handle
// conversions and the guard that keeps C++ exceptions on the kernel's side. Internal.
#pragma once

#include <exception>
#include <new>

#include "gopy/module.h"
#include "gopy/object.hpp"
#include "gopy/object_exc.hpp"

struct gopy_Object {};  // never defined as data: a gopy::Object* under another name

namespace gopy::module_api {

// Where CPython raises SystemError (a plugin breaking the API's rules): gopy has no
// SystemError class yet, so RuntimeError stands in.
inline TypeObject* system_error() { return &exc_RuntimeError; }

inline Object* obj(gopy_Object* o) { return reinterpret_cast<Object*>(o); }
inline gopy_Object* handle(Object* o) { return reinterpret_cast<gopy_Object*>(o); }

// Runs `body`; a C++ exception (an allocation that failed) becomes MemoryError or
// SystemError and `failed` is returned: nothing is thrown back into the plugin.
template <class Body, class R>
R guard(Body&& body, R failed) noexcept {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    no_memory();
  } catch (const std::exception& e) {
    set_error(system_error(), std::string("gopy module API: ") + e.what());
  } catch (...) {
    set_error(system_error(), "gopy module API: unknown C++ exception");
  }
  return failed;
}

}  // namespace gopy::module_api
