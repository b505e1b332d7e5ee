// The runtime's per-process plan cache: the same plan back while nothing discovery read has
// changed, a fresh discovery as soon as a directory, manifest or library changes, and
// nothing kept from a plan with a warning or from files too recent to judge by their times.
#include <catch2/catch.hpp>

#include <chrono>
#include <functional>
#include <thread>

#include "gopy/plugin_host.hpp"
#include "plugin/plan_cache.hpp"
#include "plugin_dir.hpp"

using namespace gopy::plugin;
using plugin_test::add_plugin;
using plugin_test::Spec;
using plugin_test::TempDir;
namespace fs = std::filesystem;

namespace {

struct Change {
  const char* what;
  std::function<void(const fs::path&)> apply;
};

// Discovery over `dir`, kept; true when the cache gives the same plan back.
bool kept_after_remember(const fs::path& dir) {
  Plan plan = discover({dir}, "linux");
  INFO(plan.describe());
  REQUIRE(plan.ok());
  remember_plan(std::make_shared<const Plan>(plan));
  std::shared_ptr<const Plan> kept = cached_plan({dir});
  return kept != nullptr && kept->describe() == plan.describe();
}

}  // namespace

TEST_CASE("plan cache: kept while unchanged, dropped on any change", "[discovery][cache]") {
  const std::vector<Change> changes = {
      {"a rewritten manifest",
       [](const fs::path& d) { add_plugin(d, Spec("tp_b").at(R"([{"phase": "main", "order": 20}])"), false); }},
      {"a manifest added", [](const fs::path& d) { add_plugin(d, Spec("tp_c")); }},
      {"a library removed", [](const fs::path& d) { fs::remove(d / "tp_a.so"); }},
      {"the directory's mode",
       [](const fs::path& d) { fs::permissions(d, fs::perms::group_write, fs::perm_options::add); }},
  };
  std::vector<TempDir> dirs(changes.size());
  for (const TempDir& dir : dirs) {
    add_plugin(dir.path(), Spec("tp_a"));
    add_plugin(dir.path(), Spec("tp_b").at(R"([{"phase": "main", "order": 10}])"));
  }
  TempDir warned;
  add_plugin(warned.path(), Spec("tp_a").with(R"("unknown_key": 1)"));
  TempDir later;
  add_plugin(later.path(), Spec("tp_a"));
  TempDir outer;
  const fs::path inner = outer.sub("plugins");
  add_plugin(inner, Spec("tp_a"));
  // Files whose changes are not reported to their plugin directory: a manifest that is a
  // symlink to a file elsewhere, and one with a second link elsewhere.
  TempDir symlinked, hard_linked, elsewhere;
  add_plugin(symlinked.path(), Spec("tp_a"));
  fs::rename(symlinked.path() / "tp_a.json", elsewhere.path() / "target.json");
  fs::create_symlink(elsewhere.path() / "target.json", symlinked.path() / "tp_a.json");
  add_plugin(hard_linked.path(), Spec("tp_a"));
  fs::create_hard_link(hard_linked.path() / "tp_a.json", elsewhere.path() / "link.json");
  // Older than the two seconds within which the cache does not trust a file's times.
  std::this_thread::sleep_for(std::chrono::milliseconds(2100));

  // What happens beside the plugin directory, in its parent, changes nothing.
  plugin_test::write_file(outer.path() / "unrelated.txt", "x");
  REQUIRE(kept_after_remember(inner));
  plugin_test::write_file(outer.path() / "unrelated.txt", "y");
  CHECK(cached_plan({inner}) != nullptr);

  for (std::size_t i = 0; i < changes.size(); ++i) {
    INFO(changes[i].what);
    const fs::path& dir = dirs[i].path();
    REQUIRE(kept_after_remember(dir));
    CHECK(cached_plan({dir / "other"}) == nullptr);
    REQUIRE(cached_plan({dir}) != nullptr);
    changes[i].apply(dir);
    CHECK(cached_plan({dir}) == nullptr);
  }

  // Changed through the symlink's target, or through the other link: each is seen.
  for (const auto& [dir, other] : {std::pair{symlinked.path(), elsewhere.path() / "target.json"},
                                   std::pair{hard_linked.path(), elsewhere.path() / "link.json"}}) {
    INFO(other);
    REQUIRE(kept_after_remember(dir));
    plugin_test::write_file(other, plugin_test::read_file(other) + " ");
    CHECK(cached_plan({dir}) == nullptr);
  }

  Plan with_warning = discover({warned.path()}, "linux");
  REQUIRE(with_warning.ok());
  REQUIRE_FALSE(with_warning.warnings.empty());
  remember_plan(std::make_shared<const Plan>(with_warning));
  CHECK(cached_plan({warned.path()}) == nullptr);

  // Last: files just written are not kept, and the process keeps no plan from then on.
  TempDir fresh;
  add_plugin(fresh.path(), Spec("tp_a"));
  CHECK_FALSE(kept_after_remember(fresh.path()));
  CHECK_FALSE(kept_after_remember(later.path()));
}
