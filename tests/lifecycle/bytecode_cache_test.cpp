// bytecode_cache_test: the bytecode cache through the real gopy executable: written to
// __pycache__/NAME.gopy-3140.pyc, reused while the source's mtime and size match (shown
// by a source edited behind the cache's back, same size and mtime, still running the old
// code), invalidated by a source change, never trusted when corrupt, not written under -B,
// PYTHONDONTWRITEBYTECODE or sys.dont_write_bytecode, placed under PYTHONPYCACHEPREFIX,
// hash-based files (PEP 552, --check-hash-based-pycs), sourceless imports and .pyc scripts.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <string>
#include <vector>

#include "spawn.hpp"

namespace fs = std::filesystem;

namespace {

const char* kCacheName = "__pycache__/mod.gopy-3140.pyc";

std::string read_all(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

void write_all(const fs::path& p, const std::string& data) {
  std::ofstream out(p, std::ios::binary | std::ios::trunc);
  out << data;
}

// Rewrites `file` with `text` (the same length) and puts its mtime back, so that only a
// cache that is not re-validated by content could tell.
void edit_behind_cache(const fs::path& file, const std::string& text) {
  auto when = fs::last_write_time(file);
  REQUIRE(read_all(file).size() == text.size());
  write_all(file, text);
  fs::last_write_time(file, when);
}

}  // namespace

TEST_CASE("bytecode_cache_test: written, reused, invalidated", "[lifecycle][pyc]") {
  TempDir dir;
  dir.write("mod.py", "VALUE = 'AAA'\n");
  const fs::path cache = dir.path() / kCacheName;
  ChildResult first = run_gopy({"-c", "import mod; print(mod.VALUE, mod.__cached__)"}, dir.path());
  CHECK(first.err.empty());
  CHECK(first.out == "AAA " + cache.string() + "\n");
  REQUIRE(fs::is_regular_file(cache));
  CHECK(read_all(cache).substr(2, 2) == "\r\n");

  // Same size and mtime: the cache is trusted, the source is not compiled again.
  edit_behind_cache(dir.path() / "mod.py", "VALUE = 'BBB'\n");
  CHECK(run_gopy({"-c", "import mod; print(mod.VALUE)"}, dir.path()).out == "AAA\n");

  SECTION("a source change (size) recompiles and rewrites") {
    dir.write("mod.py", "VALUE = 'CCCC'\n");
    CHECK(run_gopy({"-c", "import mod; print(mod.VALUE)"}, dir.path()).out == "CCCC\n");
    edit_behind_cache(dir.path() / "mod.py", "VALUE = 'DDDD'\n");
    CHECK(run_gopy({"-c", "import mod; print(mod.VALUE)"}, dir.path()).out == "CCCC\n");
  }
  SECTION("a corrupt or foreign cache file is ignored and rewritten") {
    std::string data = read_all(cache);
    data[data.size() - 3] ^= 0x5a;
    write_all(cache, data);
    CHECK(run_gopy({"-c", "import mod; print(mod.VALUE)"}, dir.path()).out == "BBB\n");
    write_all(cache, "not a cache file");
    CHECK(run_gopy({"-c", "import mod; print(mod.VALUE)"}, dir.path()).out == "BBB\n");
    CHECK(read_all(cache).size() > 16);
  }
}

TEST_CASE("bytecode_cache_test: functions not yet called are reused from the cache", "[lifecycle][pyc]") {
  TempDir dir;
  dir.write("mod.py", "def f(a, b=2):\n    return 'AAA', a, b\n");
  CHECK(run_gopy({"-c", "import mod"}, dir.path()).err.empty());
  REQUIRE(fs::is_regular_file(dir.path() / kCacheName));
  edit_behind_cache(dir.path() / "mod.py", "def f(a, b=2):\n    return 'BBB', a, b\n");
  ChildResult r = run_gopy({"-c", "import mod; print(mod.f(1))"}, dir.path());
  CHECK(r.err.empty());
  CHECK(r.out == "('AAA', 1, 2)\n");
}

TEST_CASE("bytecode_cache_test: coroutines, async generators and docstrings survive the cache", "[lifecycle][pyc]") {
  TempDir dir;
  dir.write("mod.py",
            "async def co():\n    'the doc'\n    return 1\n"
            "async def agen():\n    yield 1\n"
            "def gen():\n    yield 1\n");
  const char* check =
      "import mod\n"
      "c = mod.co()\n"
      "print(type(c).__name__, type(mod.agen()).__name__, type(mod.gen()).__name__, mod.co.__doc__)\n"
      "c.close()\n";
  ChildResult first = run_gopy({"-c", check}, dir.path());
  REQUIRE(fs::is_regular_file(dir.path() / kCacheName));
  ChildResult cached = run_gopy({"-c", check}, dir.path());
  CHECK(first.out == "coroutine async_generator generator the doc\n");
  CHECK(cached.out == first.out);
  CHECK(cached.err.empty());
}

TEST_CASE("bytecode_cache_test: -B, PYTHONDONTWRITEBYTECODE and sys.dont_write_bytecode", "[lifecycle][pyc]") {
  TempDir dir;
  dir.write("mod.py", "X = 1\n");
  CHECK(run_gopy({"-B", "-c", "import sys, mod; print(sys.dont_write_bytecode)"}, dir.path()).out == "True\n");
  CHECK_FALSE(fs::exists(dir.path() / "__pycache__"));
  CHECK(run_gopy({"-c", "import mod"}, dir.path(), "", {{"PYTHONDONTWRITEBYTECODE", "1"}}).exit_code == 0);
  CHECK_FALSE(fs::exists(dir.path() / "__pycache__"));
  CHECK(run_gopy({"-c", "import sys\nsys.dont_write_bytecode = True\nimport mod"}, dir.path()).exit_code == 0);
  CHECK_FALSE(fs::exists(dir.path() / "__pycache__"));
  CHECK(run_gopy({"-c", "import mod"}, dir.path()).exit_code == 0);
  CHECK(fs::exists(dir.path() / kCacheName));
}

TEST_CASE("bytecode_cache_test: PYTHONPYCACHEPREFIX and -X pycache_prefix", "[lifecycle][pyc]") {
  TempDir dir;
  dir.write("pkg/__init__.py", "");
  dir.write("pkg/mod.py", "X = 2\n");
  const fs::path prefix = dir.path() / "cache";
  const fs::path in_prefix = prefix / dir.path().relative_path() / "pkg/mod.gopy-3140.pyc";
  ChildResult r = run_gopy({"-X", "pycache_prefix=" + prefix.string(), "-c", "import pkg.mod as m; print(m.__cached__)"},
                           dir.path());
  CHECK(r.err.empty());
  CHECK(r.out == in_prefix.string() + "\n");
  CHECK(fs::is_regular_file(in_prefix));
  CHECK_FALSE(fs::exists(dir.path() / "pkg/__pycache__"));
  fs::remove_all(prefix);
  CHECK(run_gopy({"-c", "import pkg.mod"}, dir.path(), "", {{"PYTHONPYCACHEPREFIX", prefix.string()}}).exit_code == 0);
  CHECK(fs::is_regular_file(in_prefix));
}

TEST_CASE("bytecode_cache_test: hash-based files and --check-hash-based-pycs", "[lifecycle][pyc]") {
  TempDir dir;
  dir.write("mod.py", "VALUE = 'AAA'\n");
  REQUIRE(run_gopy({"-c", "import mod"}, dir.path()).exit_code == 0);
  const fs::path cache = dir.path() / kCacheName;
  // Turn the timestamp file into a hash-based one whose recorded hash matches nothing.
  std::string data = read_all(cache);
  auto make_hash_based = [&](char flags) {
    std::string d = data;
    d[4] = flags;
    for (int i = 8; i < 16; ++i) d[size_t(i)] = 0;
    write_all(cache, d);
  };
  edit_behind_cache(dir.path() / "mod.py", "VALUE = 'BBB'\n");
  const std::vector<std::string> show = {"-c", "import mod; print(mod.VALUE)"};
  SECTION("unchecked: trusted unless 'always'") {
    make_hash_based(1);
    CHECK(run_gopy(show, dir.path()).out == "AAA\n");
    std::vector<std::string> always = {"--check-hash-based-pycs", "always"};
    always.insert(always.end(), show.begin(), show.end());
    CHECK(run_gopy(always, dir.path()).out == "BBB\n");
    // Rewritten hash-based, now with the right hash: trusted again even when checked.
    CHECK(read_all(cache)[4] == 1);
    CHECK(run_gopy(always, dir.path()).out == "BBB\n");
  }
  SECTION("checked: compared with the source unless 'never'") {
    make_hash_based(3);
    std::vector<std::string> never = {"--check-hash-based-pycs", "never"};
    never.insert(never.end(), show.begin(), show.end());
    CHECK(run_gopy(never, dir.path()).out == "AAA\n");
    CHECK(run_gopy(show, dir.path()).out == "BBB\n");
  }
}

TEST_CASE("bytecode_cache_test: sourceless imports and .pyc scripts", "[lifecycle][pyc]") {
  TempDir dir;
  dir.write("src/mod.py", "VALUE = 'compiled'\nprint('running', __name__)\n");
  REQUIRE(run_gopy({"-c", "import mod"}, dir.path() / "src").exit_code == 0);
  fs::create_directories(dir.path() / "app");
  fs::copy_file(dir.path() / "src" / kCacheName, dir.path() / "app/mod.pyc");
  ChildResult r = run_gopy({"-c", "import mod; print(mod.VALUE, mod.__file__.endswith('mod.pyc'))"}, dir.path() / "app");
  CHECK(r.err.empty());
  CHECK(r.out == "running mod\ncompiled True\n");
  ChildResult script = run_gopy({(dir.path() / "app/mod.pyc").string()}, dir.path());
  CHECK(script.err.empty());
  CHECK(script.out == "running __main__\n");
  SECTION("a file that is not gopy's") {
    dir.write("app/bad.pyc", "garbage!garbage!garbage!");
    ChildResult bad = run_gopy({"-c", "import bad"}, dir.path() / "app");
    CHECK(bad.err.ends_with("ImportError: bad magic number in 'bad': b'garb'\n"));
    ChildResult run_bad = run_gopy({(dir.path() / "app/bad.pyc").string()}, dir.path());
    CHECK(run_bad.exit_code == 1);
    CHECK(run_bad.err.ends_with("RuntimeError: Bad magic number in .pyc file\n"));
  }
}

TEST_CASE("bytecode_cache_test: -v reports the cache as CPython's importlib does", "[lifecycle][pyc]") {
  TempDir dir;
  dir.write("mod.py", "X = 1\n");
  const std::string source = (dir.path() / "mod.py").string();
  const std::string cache = (dir.path() / kCacheName).string();
  ChildResult first = run_gopy({"-v", "-c", "import mod"}, dir.path());
  CHECK(first.err.find("# created '" + cache + "'\n") != std::string::npos);
  ChildResult second = run_gopy({"-v", "-c", "import mod"}, dir.path());
  CHECK(second.err.find("# " + cache + " matches " + source + "\n# code object from '" + cache + "'\n") !=
        std::string::npos);
  CHECK(run_gopy({"-c", "import mod"}, dir.path()).err.empty());
}

TEST_CASE("bytecode_cache_test: -m runs through the cache and sets __cached__", "[lifecycle][pyc]") {
  TempDir dir;
  dir.write("mod.py", "# -*- coding: latin-1 -*-\nprint('caf\xe9', __cached__)\n");
  const std::string cache = (dir.path() / kCacheName).string();
  ChildResult r = run_gopy({"-m", "mod"}, dir.path());
  CHECK(r.err.empty());
  CHECK(r.out == "caf\xc3\xa9 " + cache + "\n");
  CHECK(fs::is_regular_file(cache));
}

TEST_CASE("bytecode_cache_test: the traceback carets survive the cache", "[lifecycle][pyc]") {
  TempDir dir;
  dir.write("mod.py", "def f(a):\n    return a + 'x'\n");
  const std::vector<std::string> args = {"-c", "import mod; mod.f(1)"};
  ChildResult compiled = run_gopy(args, dir.path());
  REQUIRE(fs::is_regular_file(dir.path() / kCacheName));
  ChildResult cached = run_gopy(args, dir.path());
  CHECK(compiled.err.find("    return a + 'x'\n           ~~^~~~~\n") != std::string::npos);
  CHECK(cached.err == compiled.err);
}
