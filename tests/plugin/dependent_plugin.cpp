// Fault-class plugins that fail to load: tp_needs_dep needs a shared library that is not
// on its search path; tp_undefined calls a function nothing defines (bound at load time).
#include "gopy/plugin.hpp"

#if defined(GOPY_TEST_NEEDS_DEPENDENCY)
extern "C" int gopy_test_dependency_value();
#define GOPY_TEST_CALL gopy_test_dependency_value
#else
extern "C" int gopy_test_function_nobody_defines();
#define GOPY_TEST_CALL gopy_test_function_nobody_defines
#endif

#define TEST_STR2(x) #x
#define TEST_STR(x) TEST_STR2(x)
#define TEST_CAT2(a, b) a##b
#define TEST_CAT(a, b) TEST_CAT2(a, b)

namespace {

gopy::Status attach(gopy_plugin_context& ctx) {
  if (ctx.interp == nullptr) return gopy::Status::ok();  // loaded, nothing called
  return GOPY_TEST_CALL() == 42
             ? gopy::Status::ok()
             : gopy::Status::error(gopy::Status::Category::runtime, "attach", "unexpected");
}

gopy::Status detach(gopy_plugin_context&) { return gopy::Status::ok(); }

}  // namespace

GOPY_PLUGIN(TEST_CAT(gopy_plugin_, GOPY_TEST_PLUGIN), TEST_STR(GOPY_TEST_PLUGIN), attach, detach)
