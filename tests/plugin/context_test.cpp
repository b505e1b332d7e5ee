// The plugin context's accessors (gopy.h): the configuration by name, read-only; the
// Environment the host was given; the path-configuration view, for the plugin filling
// the "pathconfig" slot only. Each callback runs through call_plugin, as the host runs it.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <string>

#include "gopy.h"
#include "gopy/config.hpp"
#include "gopy/environment.hpp"
#include "gopy/plugin_context.hpp"
#include "gopy/plugin_host.hpp"

using namespace gopy::plugin;

namespace {

// What the callback under test sees and does (a C callback cannot capture).
struct Probe {
  int (*body)(gopy_plugin_context*) = nullptr;
};
Probe probe;

int run_probe(gopy_plugin_context* ctx) { return probe.body(ctx); }

gopy::Status call_as(int (*body)(gopy_plugin_context*), const ContextView& view,
                     bool fills_path_config) {
  probe.body = body;
  return call_plugin(&run_probe, {"probe", Phase::main, 10, fills_path_config}, nullptr, view);
}

struct Fixture {
  gopy::Config config = gopy::Config::python();
  gopy::PreConfig preconfig = gopy::PreConfig::python();
  gopy::MapEnvironment environment{{"GOPY_CONTEXT_TEST", "from the view"}};
  Fixture() {
    config.verbose = 2;
    config.argv = {"-c", "x"};
    config.pythonpath_env = "/init/only";
    config.prefix = "/before";
    environment.set_current_directory("/view/cwd");
  }
  ContextView view() { return {&config, &preconfig, &environment, &config}; }
};

std::string take(char* text) {
  std::string out = text != nullptr ? text : "<NULL>";
  std::free(text);
  return out;
}

}  // namespace

TEST_CASE("context: the configuration by name, with clear statuses", "[context]") {
  Fixture f;
  auto body = [](gopy_plugin_context* ctx) {
    int64_t verbose = 0;
    CHECK(gopy_PluginConfig_GetInt(ctx, "verbose", &verbose) == GOPY_PLUGIN_OK);
    CHECK(verbose == 2);
    char* home = reinterpret_cast<char*>(1);
    CHECK(gopy_PluginConfig_GetStr(ctx, "home", &home) == GOPY_PLUGIN_OK);
    CHECK(home == nullptr);  // None
    size_t length = 0;
    char** argv = nullptr;
    CHECK(gopy_PluginConfig_GetStrList(ctx, "argv", &length, &argv) == GOPY_PLUGIN_OK);
    REQUIRE(length == 2);
    CHECK(std::string(argv[1]) == "x");
    gopy_InitConfig_FreeStrList(length, argv);
    CHECK(gopy_PluginConfig_GetInt(ctx, "no_such_option", &verbose) == GOPY_PLUGIN_UNKNOWN_NAME);
    CHECK(gopy_PluginConfig_GetInt(ctx, "argv", &verbose) == GOPY_PLUGIN_WRONG_TYPE);
    CHECK(gopy_PluginConfig_GetStr(ctx, "verbose", &home) == GOPY_PLUGIN_WRONG_TYPE);
    // Init-only options are not readable by name (PyConfig_Get's rule).
    CHECK(gopy_PluginConfig_GetStr(ctx, "pythonpath_env", &home) == GOPY_PLUGIN_UNKNOWN_NAME);
    CHECK(gopy_PluginConfig_GetInt(ctx, nullptr, &verbose) == GOPY_PLUGIN_BAD_ARGUMENT);
    CHECK(std::string(gopy_PluginStatus_Text(GOPY_PLUGIN_UNKNOWN_NAME)) ==
          "unknown config option name");
    return 0;
  };
  CHECK(call_as(body, f.view(), false).is_ok());
}

TEST_CASE("context: the Environment the host was given, not the process's", "[context]") {
  Fixture f;
  REQUIRE(std::getenv("GOPY_CONTEXT_TEST") == nullptr);
  auto body = [](gopy_plugin_context* ctx) {
    char* value = nullptr;
    CHECK(gopy_PluginEnv_Get(ctx, "GOPY_CONTEXT_TEST", &value) == GOPY_PLUGIN_OK);
    CHECK(take(value) == "from the view");
    CHECK(gopy_PluginEnv_Get(ctx, "PATH", &value) == GOPY_PLUGIN_OK);
    CHECK(value == nullptr);  // the process has PATH; the view's environment does not
    CHECK(gopy_PluginEnv_GetCwd(ctx, &value) == GOPY_PLUGIN_OK);
    CHECK(take(value) == "/view/cwd");
    return 0;
  };
  CHECK(call_as(body, f.view(), false).is_ok());
}

TEST_CASE("context: the path view belongs to the pathconfig slot's plugin", "[context]") {
  Fixture f;
  auto other = [](gopy_plugin_context* ctx) {
    CHECK(gopy_PluginPathConfig_SetStr(ctx, "prefix", "/other") == GOPY_PLUGIN_UNAVAILABLE);
    return 0;
  };
  CHECK(call_as(other, f.view(), false).is_ok());
  CHECK(f.config.prefix == "/before");

  auto strategy = [](gopy_plugin_context* ctx) {
    char* value = nullptr;
    // The strategy reads what getpath reads, init-only options included.
    CHECK(gopy_PluginConfig_GetStr(ctx, "pythonpath_env", &value) == GOPY_PLUGIN_OK);
    CHECK(take(value) == "/init/only");
    CHECK(gopy_PluginPathConfig_SetStr(ctx, "prefix", "/after") == GOPY_PLUGIN_OK);
    CHECK(gopy_PluginPathConfig_SetStr(ctx, "home", nullptr) == GOPY_PLUGIN_OK);
    char* paths[] = {const_cast<char*>("/a"), const_cast<char*>("/b")};
    CHECK(gopy_PluginPathConfig_SetStrList(ctx, "module_search_paths", 2, paths) == GOPY_PLUGIN_OK);
    CHECK(gopy_PluginPathConfig_SetInt(ctx, "safe_path", 1) == GOPY_PLUGIN_OK);
    CHECK(gopy_PluginPathConfig_SetInt(ctx, "safe_path", 7) == GOPY_PLUGIN_BAD_VALUE);
    CHECK(gopy_PluginPathConfig_SetInt(ctx, "verbose", 1) == GOPY_PLUGIN_READ_ONLY);
    CHECK(gopy_PluginPathConfig_SetInt(ctx, "nope", 1) == GOPY_PLUGIN_UNKNOWN_NAME);
    CHECK(gopy_PluginPathConfig_SetInt(ctx, "prefix", 1) == GOPY_PLUGIN_WRONG_TYPE);
    // What was written is what the configuration now reads.
    CHECK(gopy_PluginConfig_GetStr(ctx, "prefix", &value) == GOPY_PLUGIN_OK);
    CHECK(take(value) == "/after");
    return 0;
  };
  CHECK(call_as(strategy, f.view(), true).is_ok());
  CHECK(f.config.prefix == "/after");
  CHECK_FALSE(f.config.home.has_value());
  CHECK(f.config.module_search_paths == gopy::StringList{"/a", "/b"});
  CHECK(f.config.module_search_paths_set == 1);
  CHECK(f.config.safe_path == 1);
  CHECK(f.config.verbose == 2);
}

TEST_CASE("context: no view, or a context the kernel did not make", "[context]") {
  auto body = [](gopy_plugin_context* ctx) {
    int64_t value = 0;
    char* text = nullptr;
    CHECK(gopy_PluginConfig_GetInt(ctx, "verbose", &value) == GOPY_PLUGIN_UNAVAILABLE);
    CHECK(gopy_PluginEnv_Get(ctx, "HOME", &text) == GOPY_PLUGIN_UNAVAILABLE);
    gopy_plugin_context forged = *ctx;
    int not_the_kernels = 0;
    forged.kernel_private = &not_the_kernels;
    CHECK(gopy_PluginConfig_GetInt(&forged, "verbose", &value) == GOPY_PLUGIN_BAD_ARGUMENT);
    return 0;
  };
  CHECK(call_as(body, ContextView{}, true).is_ok());
}

TEST_CASE("context: the C++ wrapper names the option in its errors", "[context]") {
  Fixture f;
  auto body = [](gopy_plugin_context* ctx) {
    gopy::sdk::PluginContext context(*ctx);
    std::int64_t value = 0;
    gopy::Status status = context.get_int("no_such_option", value);
    CHECK(status.message() == "unknown config option name: no_such_option");
    CHECK(status.func() == "probe");
    std::vector<std::string> argv;
    CHECK(context.get_str_list("argv", argv).is_ok());
    CHECK(argv == std::vector<std::string>{"-c", "x"});
    CHECK(context.env("GOPY_CONTEXT_TEST") == "from the view");
    return 0;
  };
  CHECK(call_as(body, f.view(), false).is_ok());
}
