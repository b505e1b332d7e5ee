// import_system_test: the import system as CPython's, through the real gopy executable:
// module specs and loaders (a module, a package, a namespace package, a built-in module, a
// module plugin, -m's __main__), sys.meta_path and sys.path_hooks as user-extensible hooks,
// importlib.util's functions, and the -v and -X importtime lines.
#include <catch2/catch.hpp>

#include <string>

#include "spawn.hpp"

namespace {

// The lines of `text` that start with `prefix`.
std::vector<std::string> lines_starting(const std::string& text, const std::string& prefix) {
  std::vector<std::string> out;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string line = text.substr(pos, end - pos);
    if (line.starts_with(prefix)) out.push_back(line);
    pos = end + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("import_system_test: specs and loaders of modules and packages", "[lifecycle][import]") {
  TempDir dir;
  dir.write("mod.py", "X = 1\n");
  dir.write("pkg/__init__.py", "");
  dir.write("pkg/sub.py", "");
  dir.write("ns/part.py", "");
  const std::string d = dir.path().string();
  const std::string program =
      "import sys, mod, pkg.sub, ns.part\n"
      "s = mod.__spec__\n"
      "print(type(s).__name__, s.name, s.origin, s.parent == '', s.has_location, s.cached)\n"
      "print(s.submodule_search_locations, mod.__loader__ is s.loader, mod.__cached__ == s.cached)\n"
      "print(type(s.loader).__name__, s.loader.name, s.loader.path)\n"
      "print(repr(s).startswith(\"ModuleSpec(name='mod', loader=<_frozen_importlib_external.SourceFileLoader object at \"))\n"
      "print(repr(s).endswith(\", origin='\" + mod.__file__ + \"')\"))\n"
      "p = pkg.__spec__\n"
      "print(p.parent, p.submodule_search_locations == pkg.__path__, pkg.sub.__spec__.parent)\n"
      "print(repr(p).endswith('submodule_search_locations=' + repr(pkg.__path__) + ')'))\n"
      "n = ns.__spec__\n"
      "print(type(n.loader).__name__, n.origin, n.has_location, n.cached, ns.__path__ == n.submodule_search_locations)\n"
      "print(getattr(ns, '__file__', 'no file'), ns.part.__spec__.parent)\n"
      "b = sys.__spec__\n"
      "print(b.name, b.origin, b.loader, b.has_location, sys.__loader__ is b.loader)\n"
      "print(repr(b))\n";
  ChildResult r = run_gopy({"-c", program}, dir.path());
  CHECK(r.err.empty());
  CHECK(r.out == "ModuleSpec mod " + d + "/mod.py True True " + d + "/__pycache__/mod.gopy-3140.pyc\n" +
                     "None True True\n"
                     "SourceFileLoader mod " + d + "/mod.py\n"
                     "True\nTrue\n"
                     "pkg True pkg\n"
                     "True\n"
                     "NamespaceLoader None False None True\n"
                     "None ns\n"
                     "sys built-in <class '_frozen_importlib.BuiltinImporter'> False True\n"
                     "ModuleSpec(name='sys', loader=<class '_frozen_importlib.BuiltinImporter'>, origin='built-in')\n");
}

TEST_CASE("import_system_test: a module plugin's spec names its library", "[lifecycle][import]") {
  TempDir dir;
  ChildResult r = run_gopy({"-c",
                            "import math\n"
                            "s = math.__spec__\n"
                            "print(type(s.loader).__name__, s.origin == math.__file__, s.origin.endswith('.so'))\n"
                            "print(s.loader.name, s.has_location, s.parent == '')\n"},
                           dir.path());
  CHECK(r.err.empty());
  CHECK(r.out == "ExtensionFileLoader True True\nmath True True\n");
}

TEST_CASE("import_system_test: __main__'s spec under -m, for a script and for -c", "[lifecycle][import]") {
  TempDir dir;
  dir.write("tool.py", "print(__spec__.name, __spec__.origin == __file__, type(__loader__).__name__)\n"
                       "print(__cached__ == __spec__.cached, __name__)\n");
  dir.write("app/__init__.py", "");
  dir.write("app/__main__.py", "print(__spec__.name, __spec__.parent, __package__)\n");
  dir.write("script.py", "print(__spec__)\n");
  ChildResult m = run_gopy({"-m", "tool"}, dir.path());
  CHECK(m.err.empty());
  CHECK(m.out == "tool True SourceFileLoader\nTrue __main__\n");
  ChildResult package = run_gopy({"-m", "app"}, dir.path());
  CHECK(package.err.empty());
  CHECK(package.out == "app.__main__ app app\n");
  ChildResult script = run_gopy({"script.py"}, dir.path());
  CHECK(script.out == "None\n");
  ChildResult command = run_gopy({"-c", "print(__spec__)"}, dir.path());
  CHECK(command.out == "None\n");
}

TEST_CASE("import_system_test: a finder on sys.meta_path and a loader of the program's", "[lifecycle][import]") {
  TempDir dir;
  dir.write("real.py", "WHERE = 'file'\n");
  dir.write("plain.py", "");
  const std::string program =
      "import sys\n"
      "from importlib.machinery import ModuleSpec\n"
      "class Loader:\n"
      "    def create_module(self, spec):\n"
      "        print('create', spec.name)\n"
      "        return None\n"
      "    def exec_module(self, module):\n"
      "        module.WHERE = 'loader'\n"
      "class Finder:\n"
      "    def find_spec(self, name, path, target=None):\n"
      "        print('find', name, path)\n"
      "        if name in ('real', 'virtual'):\n"
      "            return ModuleSpec(name, Loader())\n"
      "        return None\n"
      "sys.meta_path.insert(0, Finder())\n"
      "import real, virtual\n"
      "print(real.WHERE, virtual.WHERE, type(virtual.__loader__).__name__)\n"
      "import plain\n"
      "print(plain.__spec__.name)\n"
      "try:\n"
      "    import nowhere\n"
      "except ModuleNotFoundError as e:\n"
      "    print(e)\n";
  ChildResult r = run_gopy({"-S", "-c", program}, dir.path());
  CHECK(r.err.empty());
  CHECK(r.out ==
        "find real None\ncreate real\n"
        "find virtual None\ncreate virtual\n"
        "loader loader Loader\n"
        "find plain None\nplain\n"
        "find nowhere None\nNo module named 'nowhere'\n");
}

// A failing import before importlib._bootstrap is loaded is decided without loading it,
// with the default finders' error; a program's own finder, installed before any import,
// still sees the name, and so does the full search of a zip archive on sys.path.
TEST_CASE("import_system_test: a failed import before the finders are installed", "[lifecycle][import]") {
  TempDir dir;
  const std::string program =
      "import sys\n"
      "try:\n"
      "    import nowhere\n"
      "except ModuleNotFoundError as e:\n"
      "    print(e, e.name, 'importlib._bootstrap' in sys.modules)\n"
      "import plain\n"
      "print(plain.X, 'importlib._bootstrap' in sys.modules)\n";
  dir.write("plain.py", "X = 1\n");
  ChildResult r = run_gopy({"-S", "-c", program}, dir.path());
  CHECK(r.err.empty());
  CHECK(r.out == "No module named 'nowhere' nowhere False\n1 True\n");

  const std::string with_finder =
      "import sys\n"
      "class Finder:\n"
      "    def find_spec(self, name, path, target=None):\n"
      "        print('find', name)\n"
      "sys.meta_path.append(Finder())\n"
      "try:\n"
      "    import nowhere\n"
      "except ModuleNotFoundError as e:\n"
      "    print(e)\n";
  r = run_gopy({"-S", "-c", with_finder}, dir.path());
  CHECK(r.err.empty());
  CHECK(r.out == "find nowhere\nNo module named 'nowhere'\n");

  // Read before any import, the hooks already hold the default finders: an appended finder
  // comes after them, as in CPython.
  r = run_gopy({"-S", "-c",
                "import sys\n"
                "sys.meta_path.append('mine')\n"
                "print([getattr(f, '__name__', f) for f in sys.meta_path])\n"
                "print(len(sys.path_hooks), type(sys.path_importer_cache).__name__)\n"},
               dir.path());
  CHECK(r.err.empty());
  CHECK(r.out == "['BuiltinImporter', 'ModulePluginFinder', 'PathFinder', 'mine']\n2 dict\n");
  r = run_gopy({"-S", "-c", "import sys\nprint('meta_path' in dir(sys), len(vars(sys)['path_hooks']))\n"}, dir.path());
  CHECK(r.err.empty());
  CHECK(r.out == "True 2\n");
  // Made once: deleted, they stay deleted (and sys._configuration, made the same way).
  r = run_gopy({"-S", "-c",
                "import sys\n"
                "print(sys._configuration.active_interpreter.site_import)\n"
                "del sys.meta_path, sys._configuration\n"
                "print(hasattr(sys, 'meta_path'), hasattr(sys, '_configuration'), 'path_hooks' in vars(sys))\n"},
               dir.path());
  CHECK(r.err.empty());
  CHECK(r.out == "False\nFalse False True\n");

  // A sitecustomize that exists runs; one that does not costs no bootstrap.
  TempDir site;
  site.write("sitecustomize.py", "print('customized')\n");
  r = run_gopy({"-c", "import sys; print('importlib._bootstrap' in sys.modules)"}, dir.path(),
               "", {{"PYTHONPATH", site.path().string()}});
  CHECK(r.out == "customized\nTrue\n");
  r = run_gopy({"-I", "-c", "import sys; print('importlib._bootstrap' in sys.modules)"}, dir.path());
  CHECK(r.out == "False\n");
}

TEST_CASE("import_system_test: a hook on sys.path_hooks and sys.path_importer_cache", "[lifecycle][import]") {
  TempDir dir;
  const std::string program =
      "import sys\n"
      "from importlib.machinery import ModuleSpec, FileFinder\n"
      "class Loader:\n"
      "    def create_module(self, spec): return None\n"
      "    def exec_module(self, module): module.VALUE = 42\n"
      "class EntryFinder:\n"
      "    def __init__(self, entry): self.entry = entry\n"
      "    def find_spec(self, name, target=None):\n"
      "        return ModuleSpec(name, Loader(), origin=self.entry + '/' + name) if name == 'magic' else None\n"
      "def hook(entry):\n"
      "    if not entry.startswith('virtual:'):\n"
      "        raise ImportError('not mine')\n"
      "    return EntryFinder(entry)\n"
      "sys.path_hooks.insert(0, hook)\n"
      "sys.path.append('virtual:store')\n"
      "import magic\n"
      "print(magic.VALUE, magic.__spec__.origin)\n"
      "print(type(sys.path_importer_cache['virtual:store']).__name__)\n"
      "print(any(isinstance(f, FileFinder) for f in sys.path_importer_cache.values()))\n"
      "from importlib.machinery import SourceFileLoader\n"
      "loader = SourceFileLoader('one', '/x/one.py')\n"
      "try:\n"
      "    loader.get_filename('two')\n"
      "except ImportError as e:\n"
      "    print(e, e.name)\n";
  ChildResult r = run_gopy({"-S", "-c", program}, dir.path());
  CHECK(r.err.empty());
  CHECK(r.out == "42 virtual:store/magic\nEntryFinder\nTrue\nloader for one cannot handle two two\n");
}

TEST_CASE("import_system_test: importlib.util", "[lifecycle][import]") {
  TempDir dir;
  dir.write("pkg/__init__.py", "");
  dir.write("pkg/leaf.py", "VALUE = 'leaf'\n");
  dir.write("loose.py", "VALUE = 'loose'\n");
  const std::string d = dir.path().string();
  const std::string program =
      "import sys, importlib.util as u\n"
      "print(u.resolve_name('.leaf', 'pkg'), u.resolve_name('..x', 'a.b'), u.resolve_name('abs', None))\n"
      "for args in (('.leaf', None), ('...x', 'a.b')):\n"
      "    try:\n"
      "        u.resolve_name(*args)\n"
      "    except ImportError as e:\n"
      "        print(e)\n"
      "s = u.find_spec('pkg.leaf')\n"
      "print(s.name, 'pkg' in sys.modules, 'pkg.leaf' in sys.modules, u.find_spec('nothing'))\n"
      "m = u.module_from_spec(s)\n"
      "s.loader.exec_module(m)\n"
      "print(m.VALUE, m.__spec__ is s, m.__name__)\n"
      "sys.modules['fake'] = object()\n"
      "try:\n"
      "    u.find_spec('fake')\n"
      "except ValueError as e:\n"
      "    print(e)\n"
      "try:\n"
      "    u.find_spec('loose.x')\n"
      "except ModuleNotFoundError as e:\n"
      "    print(e)\n"
      "f = u.spec_from_file_location('loose', 'loose.py')\n"
      "print(f.origin, type(f.loader).__name__, f.has_location)\n"
      "print(u.cache_from_source('/a/b.py'), u.source_from_cache('/a/__pycache__/b.gopy-3140.pyc'))\n"
      "print(u.cache_from_source('/a/b.py', optimization=2))\n"
      "try:\n"
      "    u.source_from_cache('/a/b.pyc')\n"
      "except ValueError as e:\n"
      "    print(e)\n"
      "print(repr(u.decode_source(b'# coding: latin-1\\r\\nx = \"\\xe9\"\\r\\n')))\n"
      "print(type(u.MAGIC_NUMBER).__name__, len(u.MAGIC_NUMBER), u.MAGIC_NUMBER[2:])\n"
      "print(u.spec_from_loader('virt', None, origin='here'))\n";
  ChildResult r = run_gopy({"-S", "-c", program}, dir.path());
  CHECK(r.err.empty());
  CHECK(r.out ==
        "pkg.leaf a.x abs\n"
        "no package specified for '.leaf' (required for relative module names)\n"
        "attempted relative import beyond top-level package\n"
        "pkg.leaf True False None\n"
        "leaf True pkg.leaf\n"
        "fake.__spec__ is not set\n"
        "__path__ attribute not found on 'loose' while trying to find 'loose.x'\n" +
            d + "/loose.py SourceFileLoader True\n"
                "/a/__pycache__/b.gopy-3140.pyc /a/b.py\n"
                "/a/__pycache__/b.gopy-3140.opt-2.pyc\n"
                "__pycache__ not bottom-level directory in '/a/b.pyc'\n"
                "'# coding: latin-1\\nx = \"é\"\\n'\n"
                "bytes 4 b'\\r\\n'\n"
                "ModuleSpec(name='virt', loader=None, origin='here')\n");
}

TEST_CASE("import_system_test: machinery and abc", "[lifecycle][import]") {
  TempDir dir;
  dir.write("data/res.py", "VALUE = 'from get_data'\n");
  const std::string program =
      "import sys, importlib.machinery as m, importlib.abc as abc, importlib.util as u\n"
      "print(m.SOURCE_SUFFIXES, m.BYTECODE_SUFFIXES, m.all_suffixes() == m.SOURCE_SUFFIXES + m.BYTECODE_SUFFIXES + m.EXTENSION_SUFFIXES)\n"
      "print(m.BuiltinImporter.find_spec('sys').origin, m.BuiltinImporter.find_spec('nosuch'))\n"
      "print(m.PathFinder.find_spec('res', ['data']).name, m.FileFinder('data').find_spec('nope'))\n"
      "class Mine(abc.SourceLoader):\n"
      "    def get_filename(self, name): return 'data/res.py'\n"
      "    def get_data(self, path):\n"
      "        with open(path, 'rb') as f: return f.read()\n"
      "spec = u.spec_from_loader('res', Mine())\n"
      "mod = u.module_from_spec(spec)\n"
      "spec.loader.exec_module(mod)\n"
      "print(mod.VALUE, mod.__file__, spec.loader.get_source('res') == open('data/res.py').read())\n"
      "print(abc.Loader().create_module(spec), isinstance(Mine(), abc.InspectLoader))\n";
  ChildResult r = run_gopy({"-S", "-c", program}, dir.path());
  CHECK(r.err.empty());
  CHECK(r.out ==
        "['.py'] ['.pyc'] True\n"
        "built-in None\n"
        "res None\n"
        "from get_data data/res.py True\n"
        "None True\n");
}

TEST_CASE("import_system_test: -v import lines", "[lifecycle][import]") {
  TempDir dir;
  dir.write("first.py", "import second\n");
  dir.write("second.py", "");
  const std::string d = dir.path().string();
  ChildResult cold = run_gopy({"-S", "-v", "-c", "import first, math"}, dir.path());
  CHECK(cold.exit_code == 0);
  CHECK(cold.err.find("# code object from " + d + "/first.py\n") != std::string::npos);
  CHECK(cold.err.find("# created '" + d + "/__pycache__/first.gopy-3140.pyc'\n") != std::string::npos);
  CHECK(cold.err.find("import 'first' # <_frozen_importlib_external.SourceFileLoader object at 0x") != std::string::npos);
  CHECK(cold.err.find("import 'math' # <_frozen_importlib_external.ExtensionFileLoader object at 0x") !=
        std::string::npos);
  // The inner import finishes first, as CPython's lines show.
  CHECK(cold.err.find("import 'second'") < cold.err.find("import 'first'"));
  ChildResult warm = run_gopy({"-S", "-v", "-c", "import first"}, dir.path());
  CHECK(warm.err.find("# " + d + "/__pycache__/first.gopy-3140.pyc matches " + d + "/first.py\n") !=
        std::string::npos);
  CHECK(warm.err.find("# code object from '" + d + "/__pycache__/first.gopy-3140.pyc'\n") != std::string::npos);
  CHECK(warm.err.find("# created '" + d) == std::string::npos);
  // The "trying" lines are verbosity 2's.
  CHECK(warm.err.find("# trying ") == std::string::npos);
  ChildResult twice = run_gopy({"-S", "-vv", "-c", "import first"}, dir.path());
  CHECK(twice.err.find("# trying " + d + "/first.py\n") != std::string::npos);
  // At exit: every module leaves sys.modules, those still alive are wiped, then sys and
  // builtins (CPython 3.14's finalize_modules).
  CHECK(warm.err.find("# cleanup[2] removing first\n") != std::string::npos);
  CHECK(warm.err.find("# cleanup[2] removing sys\n") != std::string::npos);
  CHECK(warm.err.find("# destroy second\n") != std::string::npos);
  CHECK(warm.err.ends_with("# cleanup[3] wiping sys\n# cleanup[3] wiping builtins\n"));
  ChildResult quiet = run_gopy({"-S", "-c", "import first"}, dir.path());
  CHECK(quiet.err.empty());
}

TEST_CASE("import_system_test: -X importtime table", "[lifecycle][import]") {
  TempDir dir;
  dir.write("outer.py", "import inner\n");
  dir.write("inner.py", "");
  ChildResult r = run_gopy({"-S", "-X", "importtime", "-c", "import outer, outer"}, dir.path());
  CHECK(r.exit_code == 0);
  std::vector<std::string> lines = lines_starting(r.err, "import time:");
  REQUIRE(lines.size() >= 3);
  CHECK(lines[0] == "import time: self [us] | cumulative | imported package");
  // Each row: the self and cumulative times right-aligned in 9 and 10 columns, then the
  // name indented two spaces a nesting level; a module imported once has one row.
  auto row = [](const std::string& line, std::string* name) {
    if (line.size() < 40 || line.substr(13, 9).find_first_not_of(' ') == std::string::npos) return false;
    if (line.substr(22, 3) != " | " || line.substr(35, 3) != " | ") return false;
    *name = line.substr(38);
    return true;
  };
  std::string inner, outer;
  REQUIRE(row(lines[lines.size() - 2], &inner));
  REQUIRE(row(lines[lines.size() - 1], &outer));
  CHECK(inner == "  inner");
  CHECK(outer == "outer");
  ChildResult env = run_gopy({"-S", "-c", "import outer"}, dir.path(), "", {{"PYTHONPROFILEIMPORTTIME", "1"}});
  CHECK(lines_starting(env.err, "import time:").size() >= 3);
  ChildResult cached = run_gopy({"-S", "-X", "importtime=2", "-c", "import outer, outer"}, dir.path());
  CHECK(cached.err.find("import time:    cached |     cached | outer\n") != std::string::npos);
}

TEST_CASE("import_system_test: -X plugins=run shows the lazy plugins' state at exit", "[lifecycle][import]") {
  TempDir dir;
  ChildResult r = run_gopy({"-S", "-X", "plugins=run", "-c", "import math; print('ran')"}, dir.path());
  CHECK(r.exit_code == 0);
  // At start-up, the report says no module plugin is loaded; the program runs; at exit the
  // plugin its import loaded says so.
  const size_t ran = r.out.find("\nran\n");
  REQUIRE(ran != std::string::npos);
  CHECK(r.out.find("(lazy: modules math; not loaded)") < ran);
  const size_t at_exit = r.out.find("lazy plugins at exit:\n");
  REQUIRE(at_exit != std::string::npos);
  CHECK(at_exit > ran);
  CHECK(r.out.find("  math (modules math): loaded\n", at_exit) != std::string::npos);
  CHECK(r.out.find("  cmath (modules cmath): not loaded\n", at_exit) != std::string::npos);
  ChildResult plain = run_gopy({"-X", "plugins", "-c", "print('ran')"}, dir.path());
  CHECK(plain.out.find("\nran\n") == std::string::npos);
}
