// identity_test: who gopy says it is, through the real executable. The design fixes these:
// Python 3.14.0 final, implementation 'gopy', and the bytecode cache tag 'gopy-3140' that
// names __pycache__ files.
#include <catch2/catch.hpp>

#include "spawn.hpp"

TEST_CASE("identity_test: cache_tag, implementation name and version", "[lifecycle][identity]") {
  TempDir dir;
  ChildResult r = run_gopy({"-S", "-c",
                            "import sys\n"
                            "print(sys.implementation.cache_tag)\n"
                            "print(sys.implementation.name)\n"
                            "print(tuple(sys.implementation.version))\n"
                            "print(tuple(sys.version_info))\n"
                            "print(sys.version_info[:2] == (3, 14))\n"
                            "print(sys.version.split()[0])\n"
                            "print(hex(sys.hexversion))\n"},
                           dir.path());
  CHECK(r.err == "");
  CHECK(r.out ==
        "gopy-3140\n"
        "gopy\n"
        "(3, 14, 0, 'final', 0)\n"
        "(3, 14, 0, 'final', 0)\n"
        "True\n"
        "3.14.0\n"
        "0x30e00f0\n");
  CHECK(r.exit_code == 0);
}
