// sys_shape_test: what sys shows, through the real executable, where CPython 3.14 gives a
// shape of its own: BOOL configuration fields are 0/1 once the path configuration has run
// (counts stay counts for INT/UINT fields), sys.implementation is a SimpleNamespace, and
// sys.platform names the host as CPython's configure does.
#include <catch2/catch.hpp>

#include "spawn.hpp"

namespace {

// sys.flags next to the same fields read by name from sys._configuration.
const std::string kFlagsAndConfig =
    "import sys\n"
    "f = sys.flags\n"
    "c = sys._configuration.active_interpreter\n"
    "print(f.debug, f.inspect, f.interactive, f.quiet, f.verbose, f.optimize)\n"
    "print(c.parser_debug, c.inspect, c.interactive, c.quiet, c.verbose, c.optimization_level)\n";

std::string flags_line(const ChildResult& r) { return r.out.substr(0, r.out.find('\n')); }
std::string config_line(const ChildResult& r) {
  std::size_t start = r.out.find('\n') + 1;
  return r.out.substr(start, r.out.find('\n', start) - start);
}

}  // namespace

TEST_CASE("sys_shape: BOOL fields are 0/1, INT and UINT fields keep their counts",
          "[lifecycle][sys][flags]") {
  TempDir dir;
  SECTION("-ddd: debug 1") {
    ChildResult r = run_gopy({"-ddd", "-c", kFlagsAndConfig}, dir.path());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(flags_line(r) == "1 0 0 0 0 0");
    CHECK(config_line(r) == "True False False False 0 0");
  }
  SECTION("PYTHONDEBUG=3: debug 1") {
    ChildResult r = run_gopy({"-c", kFlagsAndConfig}, dir.path(), "", {{"PYTHONDEBUG", "3"}});
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(flags_line(r) == "1 0 0 0 0 0");
  }
  SECTION("-qq: quiet 1") {
    ChildResult r = run_gopy({"-qq", "-c", kFlagsAndConfig}, dir.path());
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(flags_line(r) == "0 0 0 1 0 0");
    CHECK(config_line(r) == "False False False True 0 0");
  }
  SECTION("-ii: inspect 1 and interactive 1") {
    // After the command, -i reads statements from stdin: none, so it ends there.
    ChildResult r = run_gopy({"-ii", "-c", kFlagsAndConfig}, dir.path(), "");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    CHECK(flags_line(r) == "0 1 1 0 0 0");
    CHECK(config_line(r) == "False True True False 0 0");
  }
  SECTION("-vvv -OO: verbose 3 and optimize 2, counts as CPython keeps them") {
    ChildResult r = run_gopy({"-vvv", "-OO", "-c", kFlagsAndConfig}, dir.path());
    CHECK(r.exit_code == 0);
    CHECK(flags_line(r) == "0 0 0 0 3 2");
    CHECK(config_line(r) == "False False False False 3 2");
  }
}

TEST_CASE("sys_shape: sys.implementation is a types.SimpleNamespace", "[lifecycle][sys]") {
  TempDir dir;
  ChildResult r = run_gopy({"-S", "-c",
                            "import sys\n"
                            "impl = sys.implementation\n"
                            "t = type(impl)\n"
                            "print(t.__name__, t.__module__)\n"
                            "print(repr(impl))\n"
                            "print(impl.name, impl.cache_tag, impl.hexversion == sys.hexversion)\n"
                            "print(impl.version is sys.version_info)\n"
                            "print(list(impl.__dict__))\n"
                            "other = t(**impl.__dict__)\n"
                            "print(other == impl, other != impl, other is impl)\n"
                            "other.extra = 1\n"
                            "print(other == impl, other.extra)\n"
                            "del other.extra\n"
                            "print(other == impl, repr(t(a=1, b='x')))\n"
                            "n = t(a=1)\n"
                            "n.me = n\n"
                            "print(repr(n))\n"},
                           dir.path());
  INFO(r.err);
  CHECK(r.exit_code == 0);
  const std::string version = "sys.version_info(major=3, minor=14, micro=0, releaselevel='final', serial=0)";
  std::string fields = "['name', 'cache_tag', 'version', 'hexversion']";
  std::string multiarch;
#ifdef GOPY_TEST_MULTIARCH
  fields = "['name', 'cache_tag', 'version', 'hexversion', '_multiarch']";
  multiarch = ", _multiarch='" GOPY_TEST_MULTIARCH "'";
#endif
  CHECK(r.out == "SimpleNamespace types\n"
                 "namespace(name='gopy', cache_tag='gopy-3140', version=" + version +
                     ", hexversion=51249392" + multiarch + ")\n"
                 "gopy gopy-3140 True\n"
                 "True\n" +
                     fields + "\n"
                 "True False False\n"
                 "False 1\n"
                 "True namespace(a=1, b='x')\n"
                 "namespace(a=1, me=namespace(...))\n");
}

TEST_CASE("sys_shape: sys.platform and the banner name the host as CPython does",
          "[lifecycle][sys]") {
#if defined(__linux__)
  const std::string platform = "linux";
#elif defined(__APPLE__)
  const std::string platform = "darwin";
#else
  const std::string platform = "";
#endif
  if (platform.empty()) return;  // other systems name their release too: not pinned here
  TempDir dir;
  ChildResult r = run_gopy({"-S", "-c", "import sys; print(sys.platform)"}, dir.path());
  CHECK(r.out == platform + "\n");
  // -v shows the banner even when not interactive (CPython: pymain_header).
  ChildResult banner = run_gopy({"-v", "-S", "-c", "pass"}, dir.path());
  CHECK(banner.err.find(") [") != std::string::npos);
  CHECK(banner.err.find(" on " + platform + "\n") != std::string::npos);
}
