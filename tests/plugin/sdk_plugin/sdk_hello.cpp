// A third-party plugin: records its attach and detach in the test's trace.
#include "gopy/plugin.hpp"
#include "../test_trace.h"

namespace {

gopy::Status attach(gopy_plugin_context& ctx) {
  auto* trace = static_cast<TestTrace*>(ctx.interp);
  if (trace == nullptr)
    return gopy::Status::error(gopy::Status::Category::runtime, "sdk_hello",
                               "no trace to record into");
  trace->add(ctx.phase, ctx.order == 25 ? ":25:sdk_hello+" : ":?:sdk_hello+");
  return gopy::Status::ok();
}

gopy::Status detach(gopy_plugin_context& ctx) {
  if (auto* trace = static_cast<TestTrace*>(ctx.interp)) trace->add("sdk_hello", "-");
  return gopy::Status::ok();
}

}  // namespace

GOPY_PLUGIN(gopy_plugin_sdk_hello, "sdk_hello", attach, detach)
