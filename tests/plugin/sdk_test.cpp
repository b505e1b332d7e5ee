// Plugins built out of tree against the installed SDK (run by sdk_test.cmake, which sets
// GOPY_SDK_PLUGIN_DIRS; hidden from the default run).
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string_view>

#include "gopy/plugin_host.hpp"
#include "plugin_dir.hpp"
#include "test_trace.h"

using namespace gopy::plugin;
namespace fs = std::filesystem;

TEST_CASE("sdk: an out-of-tree plugin attaches where its manifest says", "[.sdk]") {
  const char* env = std::getenv("GOPY_SDK_PLUGIN_DIRS");
  REQUIRE(env != nullptr);
  std::string_view rest(env);
  int checked = 0;
  while (!rest.empty()) {
    std::size_t colon = rest.find(':');
    fs::path sdk_dir(std::string(rest.substr(0, colon)));
    rest = colon == std::string_view::npos ? std::string_view() : rest.substr(colon + 1);
    INFO(sdk_dir);
    plugin_test::TempDir tmp;
    plugin_test::add_plugin(tmp.path(), plugin_test::Spec("tp_a"));
    plugin_test::add_plugin(tmp.path(), plugin_test::Spec("tp_c").at(R"([{"phase": "main", "order": 30}])"));
    Plan plan = discover({sdk_dir, tmp.path()}, "linux");
    INFO(plan.describe());
    REQUIRE(plan.ok());
    PluginHost host(std::move(plan));
    TestTrace trace;
    REQUIRE(host.attach_phase(Phase::core, &trace).is_ok());
    REQUIRE(host.attach_phase(Phase::main, &trace).is_ok());
    REQUIRE(host.detach_all(&trace).is_ok());
    CHECK(std::string(trace.text) == "tp_a+ main:25:sdk_hello+ tp_c+ tp_c- sdk_hello- tp_a-");
    ++checked;
  }
  CHECK(checked >= 1);
}
