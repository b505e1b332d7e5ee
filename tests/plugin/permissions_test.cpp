// The StrictModes rules: plugin directories, manifests and libraries writable by group or
// others, or owned by another non-root user, are refused.
#include <catch2/catch.hpp>

#include <unistd.h>

#include "gopy/plugin_host.hpp"
#include "plugin_dir.hpp"

using namespace gopy::plugin;
using plugin_test::add_plugin;
using plugin_test::Spec;
using plugin_test::TempDir;
namespace fs = std::filesystem;

TEST_CASE("permissions: a directory writable by others is refused", "[permissions]") {
  TempDir tmp;
  fs::path dir = tmp.sub("plugins");
  add_plugin(dir, Spec("tp_a"));
  fs::permissions(dir, fs::perms(0777));
  Plan plan = discover({dir}, "linux");
  REQUIRE(plan.errors == std::vector<std::string>{
                             "plugin directory " + dir.string() +
                             ": writable by group or others (mode 0777); refusing to load "
                             "plugins from it"});
  CHECK(plan.candidates.empty());  // not even read
  fs::permissions(dir, fs::perms(0775));
  CHECK_FALSE(discover({dir}, "linux").ok());
  fs::permissions(dir, fs::perms(0755));
  CHECK(discover({dir}, "linux").ok());
  fs::permissions(dir, fs::perms(0777));
  CHECK(discover({dir}, "linux", DiscoverOptions{.check_permissions = false, .shipped_dir = {}}).ok());
}

TEST_CASE("permissions: a manifest writable by others is refused", "[permissions]") {
  TempDir tmp;
  fs::path file = add_plugin(tmp.path(), Spec("tp_a"));
  fs::permissions(file, fs::perms(0666));
  Plan plan = discover({tmp.path()}, "linux");
  REQUIRE(plan.errors == std::vector<std::string>{
                             "plugin manifest " + file.string() +
                             ": writable by group or others (mode 0666); refusing it"});
  REQUIRE(plan.candidates.size() == 1);
  CHECK(plan.candidates[0].state == Candidate::State::invalid);
}

TEST_CASE("permissions: a library writable by others is refused", "[permissions]") {
  TempDir tmp;
  fs::path file = add_plugin(tmp.path(), Spec("tp_a"));
  fs::path lib = tmp.path() / "tp_a.so";
  fs::permissions(lib, fs::perms(0775));
  Plan plan = discover({tmp.path()}, "linux");
  REQUIRE(plan.errors == std::vector<std::string>{
                             "plugin manifest " + file.string() + ": key 'library': " +
                             lib.string() +
                             " is writable by group or others (mode 0775); refusing it"});
}

TEST_CASE("permissions: files owned by another non-root user are refused", "[permissions]") {
  if (::geteuid() != 0) {
    WARN("not running as root: cannot give files to another user; ownership rule not exercised");
    return;
  }
  TempDir tmp;
  fs::path dir = tmp.sub("plugins");
  fs::path file = add_plugin(dir, Spec("tp_a"));
  REQUIRE(::chown(file.c_str(), 4242, 4242) == 0);
  Plan plan = discover({dir}, "linux");
  REQUIRE(plan.errors == std::vector<std::string>{
                             "plugin manifest " + file.string() +
                             ": owned by uid 4242 (neither the current user nor root); "
                             "refusing it"});
  REQUIRE(::chown(file.c_str(), 0, 0) == 0);
  REQUIRE(::chown(dir.c_str(), 4242, 4242) == 0);
  plan = discover({dir}, "linux");
  REQUIRE(plan.errors == std::vector<std::string>{
                             "plugin directory " + dir.string() +
                             ": owned by uid 4242 (neither the current user nor root); "
                             "refusing to load plugins from it"});
}
