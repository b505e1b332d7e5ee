// A plugin library bound completely once is bound lazily when loaded again unchanged, and
// completely again as soon as its file changes: a symbol missing from the new file is still
// a load error, never the end of the process at its first call.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "gopy/plugin_host.hpp"
#include "plugin/bound_libraries.hpp"
#include "plugin_dir.hpp"

using namespace gopy::plugin;
using plugin_test::add_plugin;
using plugin_test::copy_plugin;
using plugin_test::Spec;
using plugin_test::TempDir;
namespace fs = std::filesystem;

namespace {

gopy::Status load_and_unload(const fs::path& dir) {
  Plan plan = discover({dir}, "linux");
  REQUIRE(plan.ok());
  PluginHost host(std::move(plan));
  gopy::Status status = host.attach_phase(Phase::core, nullptr);
  CHECK(host.detach_all(nullptr).is_ok());
  host.unload_all();
  return status;
}

}  // namespace

TEST_CASE("loader: a library bound before is bound lazily again only while unchanged", "[loader]") {
  TempDir tmp;
  add_plugin(tmp.path(), Spec("tp_a"));
  copy_plugin(tmp.path(), "tp_undefined");
  const fs::path library = tmp.path() / "tp_a.so";
  const unsigned long long loads = libraries_loaded_so_far();
  // Older than the two seconds within which a file's times are not trusted.
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));

  REQUIRE(load_and_unload(tmp.path()).is_ok());
  CHECK(libraries_loaded_so_far() > loads);
  CHECK(bound_before(library.string(), stamp_of(library.string())));
  REQUIRE(load_and_unload(tmp.path()).is_ok());  // the lazy load
  CHECK(bound_before(library.string(), stamp_of(library.string())));

  // The same name, another library: bound completely, its missing symbol is reported.
  fs::copy_file(tmp.path() / "tp_undefined.so", library, fs::copy_options::overwrite_existing);
  CHECK_FALSE(bound_before(library.string(), stamp_of(library.string())));
  gopy::Status changed = load_and_unload(tmp.path());
  REQUIRE(changed.is_error());
  CHECK(changed.message().find(": undefined symbol: gopy_test_function_nobody_defines") !=
        std::string::npos);
}
