// importlib_test: importlib's entry points over gopy's importer, through the real gopy
// executable: import_module (absolute, dotted, relative to a package, its errors),
// reload and invalidate_caches; and module files named absolutely, as CPython's FileFinder
// names them.
#include <catch2/catch.hpp>

#include <string>

#include "spawn.hpp"

TEST_CASE("importlib_test: import_module", "[lifecycle][importlib]") {
  TempDir dir;
  dir.write("pkg/__init__.py", "");
  dir.write("pkg/sub.py", "NAME = 'sub'\n");
  dir.write("plain.py", "NAME = 'plain'\n");
  const std::string program =
      "import importlib, sys\n"
      "print(importlib.import_module('plain').NAME)\n"
      "m = importlib.import_module('pkg.sub')\n"
      "print(m.NAME, m is sys.modules['pkg.sub'])\n"
      "print(importlib.import_module('.sub', 'pkg').NAME)\n"
      "try:\n"
      "    importlib.import_module('.sub')\n"
      "except TypeError as e:\n"
      "    print(e)\n"
      "try:\n"
      "    importlib.import_module('nosuch')\n"
      "except ModuleNotFoundError as e:\n"
      "    print(e, e.name)\n"
      "importlib.invalidate_caches()\n";
  ChildResult r = run_gopy({"-c", program}, dir.path());
  CHECK(r.err.empty());
  CHECK(r.out ==
        "plain\n"
        "sub True\n"
        "sub\n"
        "the 'package' argument is required to perform a relative import for '.sub'\n"
        "No module named 'nosuch' nosuch\n");
}

TEST_CASE("importlib_test: reload runs the module again in its namespace", "[lifecycle][importlib]") {
  TempDir dir;
  dir.write("mod.py", "VALUE = 1\n");
  const std::string program =
      "import importlib, mod\n"
      "keep = mod\n"
      "mod.EXTRA = 'kept'\n"
      "with_open = open('mod.py', 'w')\n"
      "with_open.write('VALUE = 22\\n')\n"
      "with_open.close()\n"
      "again = importlib.reload(mod)\n"
      "print(again is keep, mod.VALUE, mod.EXTRA)\n"
      "try:\n"
      "    importlib.reload(42)\n"
      "except TypeError as e:\n"
      "    print(e)\n";
  ChildResult r = run_gopy({"-c", program}, dir.path());
  CHECK(r.err.empty());
  CHECK(r.out == "True 22 kept\nreload() argument must be a module\n");
}

TEST_CASE("importlib_test: modules found through '' have absolute file names", "[lifecycle][importlib]") {
  TempDir dir;
  dir.write("mod.py", "");
  ChildResult r = run_gopy({"-c", "import mod; print(mod.__file__)"}, dir.path());
  CHECK(r.out == (dir.path() / "mod.py").string() + "\n");
}

TEST_CASE("importlib_test: a namespace package spans its portions (PEP 420)", "[lifecycle][importlib]") {
  TempDir dir;
  dir.write("a/ns/one.py", "X = 1\n");
  dir.write("b/ns/two.py", "Y = 2\n");
  dir.write("b/regular/__init__.py", "KIND = 'regular'\n");
  dir.write("a/regular/stray.txt", "");
  const std::string program =
      "import ns, ns.one, ns.two, regular\n"
      "print(ns.one.X, ns.two.Y, list(ns.__path__), ns.__file__, hasattr(ns, '__cached__'), ns.__package__)\n"
      "print(regular.KIND)\n";
  ChildResult r = run_gopy({"-c", program}, dir.path(), "", {{"PYTHONPATH", "a:b"}});
  CHECK(r.err.empty());
  const std::string a = (dir.path() / "a/ns").string(), b = (dir.path() / "b/ns").string();
  // A regular package later on the path wins over an earlier directory without __init__.
  CHECK(r.out == "1 2 ['" + a + "', '" + b + "'] None False ns\nregular\n");
}
