// A test plugin that records its attach/detach calls into the TestTrace it is given and
// fails on demand. Built several times under different names (GOPY_TEST_PLUGIN).
#include <stdexcept>
#include <string>

#include "gopy/plugin.hpp"
#include "test_trace.h"

#define TEST_STR2(x) #x
#define TEST_STR(x) TEST_STR2(x)
#define TEST_CAT2(a, b) a##b
#define TEST_CAT(a, b) TEST_CAT2(a, b)

namespace {

const char* const kName = TEST_STR(GOPY_TEST_PLUGIN);

gopy::Status attach(gopy_plugin_context& ctx) {
  auto* trace = static_cast<TestTrace*>(ctx.interp);
  if (trace == nullptr) return gopy::Status::ok();
  if (std::string(trace->fail_attach) == kName) {
    trace->add(kName, "!");
    return gopy::Status::error(gopy::Status::Category::runtime, "test_attach",
                               std::string("attach of ") + kName + " failed on purpose");
  }
  if (std::string(trace->throw_attach) == kName) {
    trace->add(kName, "!");
    throw std::runtime_error(std::string("thrown by ") + kName);
  }
  trace->add(kName, "+");
  return gopy::Status::ok();
}

gopy::Status detach(gopy_plugin_context& ctx) {
  auto* trace = static_cast<TestTrace*>(ctx.interp);
  if (trace == nullptr) return gopy::Status::ok();
  if (std::string(trace->fail_detach) == kName) {
    trace->add(kName, "-!");
    return gopy::Status::error(gopy::Status::Category::runtime, "test_detach",
                               std::string("detach of ") + kName + " failed on purpose");
  }
  trace->add(kName, "-");
  return gopy::Status::ok();
}

}  // namespace

#ifdef GOPY_TEST_DESCRIPTOR_MAJOR
// A descriptor built against an ABI the kernel does not have.
extern "C" GOPY_PLUGIN_EXPORT const gopy_plugin_descriptor* TEST_CAT(gopy_plugin_, GOPY_TEST_PLUGIN)(void) {
  static const gopy_plugin_descriptor descriptor = {
      GOPY_TEST_DESCRIPTOR_MAJOR, 0, GOPY_ABI_IDENTITY, kName,
      &gopy::sdk::boundary<attach>, &gopy::sdk::boundary<detach>};
  return &descriptor;
}
#else
GOPY_PLUGIN(TEST_CAT(gopy_plugin_, GOPY_TEST_PLUGIN), kName, attach, detach)
#endif
