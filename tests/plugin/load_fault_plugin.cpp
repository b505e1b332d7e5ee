// Fault-class plugins the loader must refuse without calling into them:
// tp_data_entry exports its descriptor itself, so the entry its manifest names is a data
// symbol rather than a function; tp_throwing_init has a static initializer that throws
// while the dynamic loader runs it.
#include <stdexcept>

#include "gopy/plugin.hpp"

#define TEST_STR2(x) #x
#define TEST_STR(x) TEST_STR2(x)
#define TEST_CAT2(a, b) a##b
#define TEST_CAT(a, b) TEST_CAT2(a, b)

namespace {

gopy::Status attach(gopy_plugin_context&) { return gopy::Status::ok(); }
gopy::Status detach(gopy_plugin_context&) { return gopy::Status::ok(); }

#if defined(GOPY_TEST_THROWING_INIT)
struct ThrowsOnLoad {
  ThrowsOnLoad() { throw std::runtime_error("thrown by a static initializer on purpose"); }
};
const ThrowsOnLoad throws_on_load;
#endif

}  // namespace

#if defined(GOPY_TEST_THROWING_INIT)
GOPY_PLUGIN(TEST_CAT(gopy_plugin_, GOPY_TEST_PLUGIN), TEST_STR(GOPY_TEST_PLUGIN), attach, detach)
#else
extern "C" GOPY_PLUGIN_EXPORT const gopy_plugin_descriptor TEST_CAT(gopy_plugin_, GOPY_TEST_PLUGIN) = {
    GOPY_ABI_MAJOR, GOPY_ABI_MINOR, GOPY_ABI_IDENTITY, TEST_STR(GOPY_TEST_PLUGIN),
    &::gopy::sdk::boundary<attach>, &::gopy::sdk::boundary<detach>};
#endif
