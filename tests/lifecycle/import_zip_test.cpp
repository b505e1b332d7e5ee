// import_zip_test: zip imports and zip applications through the real gopy executable,
// over archives this test writes itself (stored and deflated members, through zlib):
// modules and packages from a .zip on sys.path, `gopy app.zip`, and the errors of bad
// archives.
#include <zlib.h>

#include <catch2/catch.hpp>

#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "spawn.hpp"

namespace {

void put16(std::string* out, unsigned v) {
  out->push_back(char(v & 0xff));
  out->push_back(char((v >> 8) & 0xff));
}

void put32(std::string* out, unsigned long v) {
  put16(out, unsigned(v & 0xffff));
  put16(out, unsigned((v >> 16) & 0xffff));
}

std::string raw_deflate(const std::string& data) {
  z_stream z{};
  REQUIRE(deflateInit2(&z, 9, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) == Z_OK);
  std::string out(deflateBound(&z, uLong(data.size())), '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = uInt(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = uInt(out.size());
  REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

// A zip archive of `members` (name, content), each deflated when `deflated`.
std::string zip_archive(const std::vector<std::pair<std::string, std::string>>& members, bool deflated) {
  std::string body, directory;
  for (const auto& [name, content] : members) {
    const std::string stored = deflated ? raw_deflate(content) : content;
    const unsigned long crc = crc32(0, reinterpret_cast<const Bytef*>(content.data()), uInt(content.size()));
    const unsigned long offset = body.size();
    auto common = [&](std::string* out) {
      put16(out, 20);                 // version needed
      put16(out, 0);                  // flags
      put16(out, deflated ? 8 : 0);   // method
      put16(out, 0);                  // time
      put16(out, 0x21);               // date (1980-01-01)
      put32(out, crc);
      put32(out, stored.size());
      put32(out, content.size());
      put16(out, unsigned(name.size()));
      put16(out, 0);                  // extra
    };
    body += std::string("PK\3\4", 4);
    common(&body);
    body += name + stored;
    directory += std::string("PK\1\2", 4);
    put16(&directory, 20);  // version made by
    common(&directory);
    put16(&directory, 0);   // comment
    put16(&directory, 0);   // disk
    put16(&directory, 0);   // internal attributes
    put32(&directory, 0);   // external attributes
    put32(&directory, offset);
    directory += name;
  }
  std::string out = body + directory + std::string("PK\5\6", 4);
  put16(&out, 0);
  put16(&out, 0);
  put16(&out, unsigned(members.size()));
  put16(&out, unsigned(members.size()));
  put32(&out, directory.size());
  put32(&out, body.size());
  put16(&out, 0);
  return out;
}

void write_file(const std::filesystem::path& path, const std::string& data) {
  std::ofstream(path, std::ios::binary) << data;
}

}  // namespace

TEST_CASE("import_zip_test: modules and packages from a zip archive on sys.path", "[lifecycle][import][zip]") {
  TempDir dir;
  for (bool deflated : {false, true}) {
    const std::string name = deflated ? "deflated.zip" : "stored.zip";
    write_file(dir.path() / name, zip_archive({{"zmod.py", "VALUE = 'zmod'\n"},
                                               {"zpkg/__init__.py", "KIND = 'package'\n"},
                                               {"zpkg/inner.py", "from . import KIND\nINNER = KIND + '/inner'\n"}},
                                              deflated));
    const std::string archive = (dir.path() / name).string();
    const std::string program =
        "import sys, zmod, zpkg.inner, zipimport\n"
        "z = [entry for entry in sys.path if entry.endswith('.zip')][0]\n"
        "print(zmod.VALUE, zpkg.inner.INNER)\n"
        "print(zmod.__file__ == z + '/zmod.py', zpkg.__path__ == [z + '/zpkg'])\n"
        "print(type(zmod.__loader__).__name__, zmod.__spec__.origin == zmod.__file__, zmod.__loader__.archive == z)\n"
        "print(isinstance(sys.path_importer_cache[z], zipimport.zipimporter))\n"
        "print(zmod.__loader__.get_source('zmod'), end='')\n"
        "print(zmod.__loader__.is_package('zpkg'), zmod.__loader__.get_data(z + '/zmod.py'))\n"
        "print(repr(zmod.__loader__) == '<zipimporter object \"' + z + '/\">')\n";
    ChildResult r = run_gopy({"-S", "-c", program}, dir.path(), "", {{"PYTHONPATH", archive}});
    INFO(name);
    CHECK(r.err.empty());
    CHECK(r.out ==
          "zmod package/inner\n"
          "True True\n"
          "zipimporter True True\n"
          "True\n"
          "VALUE = 'zmod'\n"
          "True b\"VALUE = 'zmod'\\n\"\n"
          "True\n");
  }
}

TEST_CASE("import_zip_test: a zip application runs its __main__", "[lifecycle][import][zip]") {
  TempDir dir;
  write_file(dir.path() / "app.zip",
             zip_archive({{"__main__.py", "import sys, helper\nprint(__name__, __spec__.name, helper.WORD)\n"
                                          "print(__file__.endswith('app.zip/__main__.py'), sys.argv)\n"
                                          "sys.exit(helper.CODE)\n"},
                          {"helper.py", "WORD = 'helped'\nCODE = 3\n"}},
                         true));
  ChildResult r = run_gopy({"app.zip", "arg"}, dir.path());
  CHECK(r.err.empty());
  CHECK(r.out == "__main__ __main__ helped\nTrue ['app.zip', 'arg']\n");
  CHECK(r.exit_code == 3);
}

TEST_CASE("import_zip_test: a zip application's __main__ is found as runpy finds it", "[lifecycle][import][zip]") {
  TempDir dir;
  // runpy._run_code takes __cached__ from the spec importlib found.
  write_file(dir.path() / "app.zip",
             zip_archive({{"__main__.py", "print(__cached__.endswith('app.zip/__pycache__/__main__.gopy-3140.pyc'))\n"}},
                         false));
  ChildResult r = run_gopy({"app.zip"}, dir.path());
  CHECK(r.err.empty());
  CHECK(r.out == "True\n");
  CHECK(r.exit_code == 0);

  // A __main__ package is refused ("Cannot use package as __main__ module").
  write_file(dir.path() / "pkg.zip", zip_archive({{"__main__/__init__.py", "print('ran')\n"}}, false));
  r = run_gopy({"pkg.zip"}, dir.path());
  CHECK(r.out.empty());
  CHECK(r.err == gopy_executable() + ": can't find '__main__' module in '" + (dir.path() / "pkg.zip").string() + "'\n");
  CHECK(r.exit_code == 1);
}

TEST_CASE("import_zip_test: bad archives", "[lifecycle][import][zip]") {
  TempDir dir;
  write_file(dir.path() / "nomain.zip", zip_archive({{"other.py", ""}}, false));
  ChildResult nomain = run_gopy({"nomain.zip"}, dir.path());
  CHECK(nomain.exit_code == 1);
  CHECK(nomain.out.empty());
  CHECK(nomain.err.ends_with(": can't find '__main__' module in '" + (dir.path() / "nomain.zip").string() + "'\n"));
  write_file(dir.path() / "tiny.zip", "junk");
  write_file(dir.path() / "plain.zip", std::string(100, 'x'));
  const std::string program =
      "import zipimport\n"
      "for path in ('tiny.zip', 'plain.zip', 'missing/inner', ''):\n"
      "    try:\n"
      "        zipimport.zipimporter(path)\n"
      "    except zipimport.ZipImportError as e:\n"
      "        print(e, isinstance(e, ImportError))\n"
      "import sys\n"
      "sys.path.insert(0, 'plain.zip')\n"
      "try:\n"
      "    import anything\n"
      "except ModuleNotFoundError as e:\n"
      "    print(e, sys.path_importer_cache.get(sys.path[0], 'absent'))\n";
  ChildResult r = run_gopy({"-S", "-c", program}, dir.path());
  CHECK(r.err.empty());
  CHECK(r.out ==
        "can't read Zip file: 'tiny.zip' True\n"
        "not a Zip file: 'plain.zip' True\n"
        "not a Zip file True\n"
        "archive path is empty True\n"
        "No module named 'anything' None\n");
}
