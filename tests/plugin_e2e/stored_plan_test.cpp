// The plan kept on disk between runs (lib/gopy/plugin-cache/plan) end to end: a second
// start-up takes it instead of reading the manifests, and it never hides a manifest that
// changed since, whether the change breaks it, adds one or changes what a plugin claims.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "e2e_prefix.hpp"

using namespace plugin_e2e;

namespace {

fs::path stored_plan(const GopyPrefix& prefix) { return prefix.root() / "lib/gopy/plugin-cache/plan"; }

// A prefix whose files are older than the two seconds within which no plan is stored, run
// once so that its plan is on disk.
void store_first_plan(const GopyPrefix& prefix) {
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  RunResult r = prefix.run({"-S", "-c", "print(1+2)"});
  INFO("stderr: " << r.err);
  REQUIRE(r.exit_code == 0);
  REQUIRE(fs::exists(stored_plan(prefix)));
}

}  // namespace

TEST_CASE("stored plan: used while unchanged, never hiding a changed manifest", "[e2e][manifest][cache]") {
  GopyPrefix prefix;
  store_first_plan(prefix);
  auto written = fs::last_write_time(stored_plan(prefix));
  RunResult again = prefix.run({"-S", "-c", "print(1+2)"});
  CHECK(again.exit_code == 0);
  CHECK(again.out == "3\n");
  // Taken, not written again.
  CHECK(fs::last_write_time(stored_plan(prefix)) == written);

  SECTION("a manifest made invalid is reported") {
    fs::path sys = prefix.plugins() / "sys.json";
    std::string text = plugin_test::read_file(sys);
    std::size_t at = text.find(R"("name": "sys")");
    REQUIRE(at != std::string::npos);
    // Same size, so that only the file's times and identity tell the change.
    text.replace(at, 13, R"("name": 12345)");
    plugin_test::write_file(sys, text);
    RunResult r = prefix.run({"-S", "-c", "print(1+2)"});
    INFO("stderr: " << r.err);
    CHECK(r.exit_code == 1);
    CHECK_THAT(r.err, Catch::StartsWith("plugin manifest " + sys.string() + ": key 'name': "));
  }
  SECTION("a manifest added is read") {
    fs::path bad = prefix.site_plugins() / "broken.json";
    plugin_test::write_file(bad, "{\"name\": ");
    RunResult r = prefix.run({"-S", "-c", "print(1+2)"});
    INFO("stderr: " << r.err);
    CHECK(r.out == "3\n");
    CHECK_THAT(r.err, Catch::Contains("plugin manifest " + bad.string() + ": not valid JSON"));
  }
  SECTION("a damaged plan file is ignored") {
    plugin_test::write_file(stored_plan(prefix), "gopy-plugin-plan 1 damaged");
    RunResult r = prefix.run({"-S", "-c", "print(1+2)"});
    CHECK(r.exit_code == 0);
    CHECK(r.out == "3\n");
    CHECK(r.err.empty());
  }
  SECTION("the report is the same from the stored plan") {
    fs::remove(stored_plan(prefix));
    RunResult fresh = prefix.run({"-X", "plugins"});
    REQUIRE(fs::exists(stored_plan(prefix)));
    RunResult stored = prefix.run({"-X", "plugins"});
    CHECK(fresh.exit_code == 0);
    CHECK(stored.out == fresh.out);
  }
}
