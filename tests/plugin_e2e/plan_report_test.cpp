// `gopy -X plugins`: the resolved plan, shown without running anything.
#include <catch2/catch.hpp>

#include "e2e_prefix.hpp"

using namespace plugin_e2e;
using plugin_test::Spec;

namespace {

bool has_line(const std::string& text, const std::string& line) {
  for (const std::string& l : lines_of(text))
    if (l == line) return true;
  return false;
}

}  // namespace

TEST_CASE("plugin plan (-X plugins): lists directories, candidates and attach order, runs nothing", "[e2e][xplugins]") {
  GopyPrefix prefix;
  RunResult r = prefix.run({"-X", "plugins", "-c", "print('ran')"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  const std::string lib = prefix.root().string() + "/lib";
  CHECK(has_line(r.out, "plugin directories (highest priority first):"));
  CHECK(has_line(r.out, "  [1] " + lib + "/gopy/site-plugins"));
  CHECK(has_line(r.out, "  [2] " + lib + "/gopy/plugins"));
  CHECK(has_line(r.out, "  [2] builtins.json: chosen"));
  CHECK(has_line(r.out, "  [2] pathconfig_win.json: skipped (platform): platforms [windows] do "
                        "not include linux"));
  CHECK(has_line(r.out, "  core 10 builtins (" + lib + "/gopy/plugins/builtins.so)"));
  CHECK(has_line(r.out, "  main 20 sys (" + lib + "/gopy/plugins/sys.so)"));
  CHECK(!has_line(r.out, "ran"));  // the program did not run
  CHECK(r.out.find("error:") == std::string::npos);
}

TEST_CASE("plugin plan (-X plugins): shadowing by name and by slot is shown with its reason", "[e2e][xplugins]") {
  GopyPrefix prefix;
  fs::path env_dir = prefix.dir("env-plugins");
  fs::path site = prefix.site_plugins();
  // The same plugin in GOPY_PLUGIN_PATH and site-plugins: the environment's wins.
  fs::path winner = add_fixture(env_dir, Spec("e2e_ok"), e2e_library("e2e_ok"));
  add_fixture(site, Spec("e2e_ok"), e2e_library("e2e_ok"));
  // A site plugin filling the pathconfig slot shadows the shipped pathconfig_unix.
  fs::path slot_owner = add_fixture(
      site, Spec("e2e_attach_error").with(R"("provides": ["pathconfig"])"),
      e2e_library("e2e_attach_error"));
  RunResult r = prefix.run({"-X", "plugins"}, {"GOPY_PLUGIN_PATH=" + env_dir.string()});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 0);
  CHECK(has_line(r.out, "  [1] " + env_dir.string()));
  CHECK(has_line(r.out, "  [1] e2e_ok.json: chosen"));
  CHECK(has_line(r.out, "  [2] e2e_ok.json: skipped (shadowed): shadowed by " + winner.string() +
                        " (plugin 'e2e_ok')"));
  CHECK(has_line(r.out, "  [2] e2e_attach_error.json: chosen"));
  CHECK(has_line(r.out, "  [3] pathconfig_unix.json: skipped (shadowed): shadowed by " +
                        slot_owner.string() + " (slot 'pathconfig')"));
  // Shown, not run: the plugin that would fail to attach was never called.
  CHECK(r.err.empty());
}

TEST_CASE("plugin plan (-X plugins): a plan with errors lists them and exits 1", "[e2e][xplugins]") {
  GopyPrefix prefix;
  // A shipped plugin: a broken third-party one would only be skipped.
  fs::path bad = plugin_test::add_plugin(prefix.plugins(), Spec("e2e_ok").lib("/etc/passwd"), false);
  RunResult r = prefix.run({"-X", "plugins"});
  INFO("stdout: " << r.out << "\nstderr: " << r.err);
  CHECK(r.exit_code == 1);
  const std::string error = "plugin manifest " + bad.string() +
                            ": key 'library': path '/etc/passwd' must be relative to the "
                            "manifest's directory";
  CHECK(has_line(r.out, "  [2] e2e_ok.json: invalid: " + error));
  CHECK(has_line(r.out, "error: " + error));
  CHECK(has_line(r.out, "  [2] builtins.json: chosen"));  // the rest is still listed
}

TEST_CASE("plugin plan (-X plugins): stays out of --help-xoptions", "[e2e][xplugins]") {
  GopyPrefix prefix;
  RunResult r = prefix.run({"--help-xoptions"});
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("lifecycle") == std::string::npos);
  CHECK(r.out.find("plugins") == std::string::npos);
  CHECK(r.out.find("-X importtime") != std::string::npos);
}
