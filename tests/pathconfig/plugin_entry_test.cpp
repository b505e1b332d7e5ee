// The strategy plugins' entry symbols: each returns its descriptor, and attach reports a
// failure through set_error (here: a context the kernel did not make, so no configuration
// to read) instead of crashing.
#include <dlfcn.h>

#include <catch2/catch.hpp>
#include <string>

#include "gopy/plugin_abi.h"

namespace {

struct ErrorRecord {
  bool called = false;
  std::string message;
};

void record_error(gopy_plugin_context* ctx, const char*, const char* message) {
  auto* record = static_cast<ErrorRecord*>(ctx->kernel_private);
  record->called = true;
  record->message = message ? message : "";
}

void check_plugin(const char* library, const char* entry, const char* name) {
  void* handle = ::dlopen(library, RTLD_NOW | RTLD_LOCAL);
  INFO((handle ? "" : ::dlerror()));
  REQUIRE(handle != nullptr);
  auto get = reinterpret_cast<gopy_plugin_entry_fn>(::dlsym(handle, entry));
  REQUIRE(get != nullptr);
  const gopy_plugin_descriptor* descriptor = get();
  REQUIRE(descriptor != nullptr);
  CHECK(std::string(descriptor->name) == name);
  CHECK(descriptor->abi_major == GOPY_ABI_MAJOR);
  CHECK(descriptor->abi_minor == GOPY_ABI_MINOR);

  ErrorRecord record;
  gopy_plugin_context ctx{};
  ctx.struct_size = sizeof ctx;
  ctx.plugin_name = name;
  ctx.phase = "main";
  ctx.interp = nullptr;
  ctx.set_error = &record_error;
  ctx.kernel_private = &record;
  CHECK(descriptor->attach(&ctx) != 0);
  CHECK(record.called);
  CHECK_FALSE(record.message.empty());
  CHECK(descriptor->detach(&ctx) == 0);
  ::dlclose(handle);
}

}  // namespace

TEST_CASE("pathconfig_unix exports its descriptor", "[pathconfig][plugin]") {
  check_plugin(GOPY_TEST_PATHCONFIG_UNIX, "gopy_plugin_pathconfig_unix", "pathconfig_unix");
}

TEST_CASE("pathconfig_win exports its descriptor", "[pathconfig][plugin]") {
  check_plugin(GOPY_TEST_PATHCONFIG_WIN, "gopy_plugin_pathconfig_win", "pathconfig_win");
}
