// The safety rules end to end: plugin directories and manifests writable by others are
// refused (as OpenSSH's StrictModes): fatal for the shipped plugins, skipped with the same
// line for third-party ones, a manifest's library cannot leave its directory, and
// no environment variable adds plugin directories under -E or -I.
#include <catch2/catch.hpp>

#include <unistd.h>

#include "e2e_prefix.hpp"

using namespace plugin_e2e;
using plugin_test::Spec;

namespace {

void check_refused(const RunResult& r, const std::string& line) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == line + "\n");
}

// A third-party refusal: the line on stderr, and the program runs.
void check_skipped(const RunResult& r, const std::string& line) {
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "3\n");
  CHECK(r.err == line + "\n");
}

// e2e_ok in `dir`, attached in the main phase: `import e2e_ok` shows it attached.
void add_e2e_ok(const fs::path& dir) {
  add_fixture(dir, Spec("e2e_ok").at(R"([{"phase": "main", "order": 40}])"), e2e_library("e2e_ok"));
}

const std::string kShowE2eOk = "import e2e_ok; print(e2e_ok.attached_at)";

}  // namespace

TEST_CASE("safety: a plugin directory writable by others is refused", "[e2e][safety]") {
  for (auto mode : {0775, 0757, 0777}) {
    DYNAMIC_SECTION("mode " << std::oct << mode) {
      GopyPrefix prefix;
      fs::path site = prefix.site_plugins();
      fs::permissions(site, fs::perms(mode));
      char octal[8];
      std::snprintf(octal, sizeof octal, "%04o", mode);
      check_skipped(prefix.run({"-c", "print(1+2)"}),
                    "plugin directory " + site.string() + ": writable by group or others (mode " +
                        octal + "); refusing to load plugins from it");
    }
  }
}

TEST_CASE("safety: a manifest or library writable by others is refused", "[e2e][safety]") {
  GopyPrefix prefix;
  SECTION("a shipped manifest") {
    fs::path sys = prefix.plugins() / "sys.json";
    fs::permissions(sys, fs::perms(0664));
    check_refused(prefix.run({"-c", "print(1+2)"}),
                  "plugin manifest " + sys.string() +
                      ": writable by group or others (mode 0664); refusing it");
  }
  SECTION("a library") {
    fs::path site = prefix.site_plugins();
    add_e2e_ok(site);
    fs::path lib = site / "e2e_ok.so";
    fs::permissions(lib, fs::perms(0777));
    check_skipped(prefix.run({"-c", "print(1+2)"}),
                  "plugin manifest " + (site / "e2e_ok.json").string() + ": key 'library': " +
                      lib.string() + " is writable by group or others (mode 0777); refusing it; skipped");
  }
}

TEST_CASE("safety: a plugin directory or manifest owned by another user is refused", "[e2e][safety]") {
  if (::geteuid() != 0) {
    WARN("not running as root: cannot give files to another user; ownership rule not exercised");
    return;
  }
  GopyPrefix prefix;
  fs::path site = prefix.site_plugins();
  SECTION("a manifest") {
    add_e2e_ok(site);
    fs::path manifest = site / "e2e_ok.json";
    REQUIRE(::chown(manifest.c_str(), 4242, 4242) == 0);
    check_skipped(prefix.run({"-c", "print(1+2)"}),
                  "plugin manifest " + manifest.string() +
                      ": owned by uid 4242 (neither the current user nor root); refusing it; skipped");
  }
  SECTION("a directory") {
    REQUIRE(::chown(site.c_str(), 4242, 4242) == 0);
    check_skipped(prefix.run({"-c", "print(1+2)"}),
                  "plugin directory " + site.string() +
                      ": owned by uid 4242 (neither the current user nor root); refusing to "
                      "load plugins from it");
  }
}

TEST_CASE("safety: a library path cannot leave the manifest's directory", "[e2e][safety]") {
  GopyPrefix prefix;
  fs::path site = prefix.site_plugins();
  // A real plugin library right outside the directory.
  install_library(e2e_library("e2e_ok"), prefix.root() / "lib/gopy");
  const std::string outside = (prefix.root() / "lib/gopy/e2e_ok.so").string();
  fs::path manifest = site / "e2e_ok.json";
  const std::string key = "plugin manifest " + manifest.string() + ": key 'library': ";
  SECTION("..") {
    plugin_test::add_plugin(site, Spec("e2e_ok").lib("../e2e_ok.so"), false);
    check_skipped(prefix.run({"-c", "print(1+2)"}),
                  key + "path '../e2e_ok.so' leaves the manifest's directory; skipped");
  }
  SECTION("an absolute path") {
    plugin_test::add_plugin(site, Spec("e2e_ok").lib(outside), false);
    check_skipped(prefix.run({"-c", "print(1+2)"}),
                  key + "path '" + outside + "' must be relative to the manifest's directory; skipped");
  }
  SECTION("a symlink leaving it") {
    plugin_test::add_plugin(site, Spec("e2e_ok"), false);
    fs::create_symlink(outside, site / "e2e_ok.so");
    check_skipped(prefix.run({"-c", "print(1+2)"}),
                  key + "path 'e2e_ok.so' resolves to " + outside +
                      ", outside the manifest's directory; skipped");
  }
}

TEST_CASE("safety: GOPY_PLUGIN_PATH is searched first, and ignored under -E and -I", "[e2e][safety]") {
  GopyPrefix prefix;
  fs::path env_dir = prefix.dir("env-plugins");
  add_e2e_ok(env_dir);
  const std::vector<std::string> env = {"GOPY_PLUGIN_PATH=" + env_dir.string()};
  RunResult r = prefix.run({"-c", kShowE2eOk}, env);
  INFO("stderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out == "main 40\n");
  for (const char* flag : {"-E", "-I"}) {
    DYNAMIC_SECTION(flag) {
      RunResult ignored = prefix.run({flag, "-c", kShowE2eOk}, env);
      CHECK(ignored.exit_code == 1);
      CHECK_THAT(ignored.err, Catch::Contains("ModuleNotFoundError: No module named 'e2e_ok'"));
      // Nor is a refused or broken directory from the environment looked at.
      fs::permissions(env_dir, fs::perms(0777));
      RunResult clean = prefix.run({flag, "-c", "print(1+2)"}, env);
      CHECK(clean.exit_code == 0);
      CHECK(clean.out == "3\n");
      CHECK(clean.err.empty());
      RunResult plan = prefix.run({flag, "-X", "plugins"}, env);
      CHECK(plan.exit_code == 0);
      CHECK(plan.out.find(env_dir.string()) == std::string::npos);
      fs::permissions(env_dir, fs::perms(0755));
    }
  }
}

TEST_CASE("safety: relative GOPY_PLUGIN_PATH entries never make the current directory a plugin directory",
          "[e2e][safety]") {
  GopyPrefix prefix;
  add_e2e_ok(prefix.root());  // gopy runs in root()
  add_e2e_ok(prefix.dir("relative"));
  RunResult r = prefix.run({"-c", kShowE2eOk}, {"GOPY_PLUGIN_PATH=.:relative::"});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("No module named 'e2e_ok'"));
}
