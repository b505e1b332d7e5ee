// The virtual file system the getpath vectors define: whole-path look-ups, ASCII
// case-insensitive on nt, links followed by realpath only.
#include <catch2/catch.hpp>

#include "gopy/getpath_nt.hpp"
#include "gopy/getpath_posix.hpp"
#include "virtual_fs.hpp"

using namespace gopy::pathconfig;

TEST_CASE("nt look-ups ignore ASCII case both ways", "[pathconfig][vfs][nt]") {
  VirtualFileSystem fs(nt_path_syntax());
  fs.add_file("C:\\Python314\\Lib\\OS.py", {"line"});
  fs.add_xfile("C:\\Python314\\python.EXE");
  fs.add_dir("c:\\python314\\dlls");
  CHECK(fs.isfile("c:\\python314\\lib\\os.PY"));
  CHECK(fs.isxfile("C:\\PYTHON314\\PYTHON.exe"));
  CHECK(fs.isdir("C:\\Python314\\DLLs"));
  CHECK_FALSE(fs.isdir("C:\\Python314\\Lib"));  // a file does not imply its directory
  auto lines = fs.readlines("C:\\PYTHON314\\LIB\\os.py");
  REQUIRE(lines.ok());
  CHECK(lines.value() == std::vector<std::string>{"line"});
}

TEST_CASE("posix look-ups are exact whole-path matches", "[pathconfig][vfs][posix]") {
  VirtualFileSystem fs(posix_path_syntax());
  fs.add_file("/usr/lib/python3.14/os.py");
  CHECK(fs.isfile("/usr/lib/python3.14/os.py"));
  CHECK_FALSE(fs.isfile("/usr/lib/python3.14/OS.py"));
  CHECK_FALSE(fs.isfile("/usr/lib/python3.14/./os.py"));  // no normalisation
  CHECK_FALSE(fs.isdir("/usr/lib"));
  CHECK_FALSE(fs.isxfile("/usr/lib/python3.14/os.py"));
}

TEST_CASE("realpath follows absolute, relative and chained links", "[pathconfig][vfs]") {
  VirtualFileSystem fs(posix_path_syntax());
  fs.add_link("/venv/bin/python", "/usr/bin/python3");
  fs.add_link("/usr/bin/python3", "python3.14");
  fs.add_link("/loop/a", "/loop/b");
  fs.add_link("/loop/b", "a");
  CHECK(fs.realpath("/venv/bin/python").value() == "/usr/bin/python3.14");
  CHECK(fs.realpath("/not/a/link").value() == "/not/a/link");
  auto loop = fs.realpath("/loop/a");
  REQUIRE_FALSE(loop.ok());
  CHECK(loop.error().type == "OSError");
  CHECK(loop.error().message == "circular link");
}

TEST_CASE("readlines failures carry the exception getpath sees", "[pathconfig][vfs]") {
  VirtualFileSystem fs(posix_path_syntax());
  fs.add_unreadable("/a/pyvenv.cfg");
  fs.add_oserror("/b/pyvenv.cfg");
  fs.add_dir("/c");
  CHECK(fs.readlines("/a/pyvenv.cfg").error().kind == FsError::Kind::permission_denied);
  CHECK(fs.readlines("/b/pyvenv.cfg").error().kind == FsError::Kind::other);
  CHECK(fs.readlines("/c").error().kind == FsError::Kind::not_found);  // dirs are not files
  CHECK(fs.readlines("/missing").error().type == "FileNotFoundError");
}
