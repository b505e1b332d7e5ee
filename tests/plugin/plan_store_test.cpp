// The plan stored on disk between runs: the same plan back while nothing discovery read has
// changed; nothing back after any change, for other directories, from a damaged or unsafe
// file; nothing stored from a plan with a warning or from files too recent to judge.
#include <catch2/catch.hpp>

#include <chrono>
#include <thread>

#include "gopy/plugin_host.hpp"
#include "plugin/plan_store.hpp"
#include "plugin_dir.hpp"

using namespace gopy::plugin;
using plugin_test::add_plugin;
using plugin_test::Spec;
using plugin_test::TempDir;
namespace fs = std::filesystem;

namespace {

Plan discovered(const fs::path& dir) {
  DiscoverOptions options;
  options.check_loadable = true;
  Plan plan = discover({dir}, host_platform(), options);
  INFO(plan.describe());
  REQUIRE(plan.ok());
  return plan;
}

}  // namespace

TEST_CASE("stored plan: round trip, and nothing back after a change", "[discovery][cache]") {
  TempDir dir, cache, warned, fresh;
  add_plugin(dir.path(), Spec("tp_a"));
  add_plugin(dir.path(), Spec("tp_b").at(R"([{"phase": "main", "order": 10}])").with(R"("requires": ["tp_a"])"));
  add_plugin(warned.path(), Spec("tp_a").with(R"("unknown_key": 1)"));
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));
  const fs::path file = cache.path() / "sub" / "plan";

  Plan plan = discovered(dir.path());
  store_plan(file, plan, true);
  REQUIRE(fs::exists(file));
  std::optional<Plan> back = load_stored_plan(file, {dir.path()}, true);
  REQUIRE(back.has_value());
  CHECK(back->describe() == plan.describe());
  REQUIRE(back->plugins.size() == plan.plugins.size());
  for (std::size_t i = 0; i < plan.plugins.size(); ++i) {
    CHECK(back->plugins[i].name == plan.plugins[i].name);
    CHECK(back->plugins[i].library == plan.plugins[i].library);
    CHECK(back->plugins[i].requires_ == plan.plugins[i].requires_);
  }
  REQUIRE(back->steps.size() == plan.steps.size());
  for (std::size_t i = 0; i < plan.steps.size(); ++i) CHECK(back->steps[i].plugin == plan.steps[i].plugin);

  SECTION("other directories, or other permission checks") {
    CHECK_FALSE(load_stored_plan(file, {dir.path() / "other"}, true).has_value());
    CHECK_FALSE(load_stored_plan(file, {dir.path(), cache.path()}, true).has_value());
    CHECK_FALSE(load_stored_plan(file, {dir.path()}, false).has_value());
  }
  SECTION("a manifest rewritten with the same size") {
    fs::path manifest = dir.path() / "tp_b.json";
    std::string text = plugin_test::read_file(manifest);
    std::size_t at = text.find("\"order\": 10");
    REQUIRE(at != std::string::npos);
    text.replace(at, 11, "\"order\": 20");
    plugin_test::write_file(manifest, text);
    CHECK_FALSE(load_stored_plan(file, {dir.path()}, true).has_value());
  }
  SECTION("a manifest added") {
    add_plugin(dir.path(), Spec("tp_c"));
    CHECK_FALSE(load_stored_plan(file, {dir.path()}, true).has_value());
  }
  SECTION("a library removed") {
    fs::remove(dir.path() / "tp_a.so");
    CHECK_FALSE(load_stored_plan(file, {dir.path()}, true).has_value());
  }
  SECTION("a damaged file") {
    std::string text = plugin_test::read_file(file);
    for (std::size_t cut : {std::size_t{0}, std::size_t{5}, text.size() / 2, text.size() - 1}) {
      plugin_test::write_file(file, text.substr(0, cut));
      CHECK_FALSE(load_stored_plan(file, {dir.path()}, true).has_value());
    }
    plugin_test::write_file(file, text + "1;");
    CHECK_FALSE(load_stored_plan(file, {dir.path()}, true).has_value());
  }
  SECTION("a file others may write") {
    fs::permissions(file, fs::perms::others_write, fs::perm_options::add);
    CHECK_FALSE(load_stored_plan(file, {dir.path()}, true).has_value());
    fs::permissions(file, fs::perms::others_write, fs::perm_options::remove);
    fs::permissions(file.parent_path(), fs::perms::group_write, fs::perm_options::add);
    CHECK_FALSE(load_stored_plan(file, {dir.path()}, true).has_value());
  }
  SECTION("nothing stored from a plan with a warning, or from files just written") {
    fs::remove(file);
    Plan with_warning = discover({warned.path()}, host_platform());
    REQUIRE(with_warning.ok());
    REQUIRE_FALSE(with_warning.warnings.empty());
    store_plan(file, with_warning, true);
    CHECK_FALSE(fs::exists(file));
    add_plugin(fresh.path(), Spec("tp_a"));
    store_plan(file, discovered(fresh.path()), true);
    CHECK_FALSE(fs::exists(file));
  }
}
