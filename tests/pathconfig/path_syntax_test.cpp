// getpath's path primitives: posixpath and ntpath semantics (README of the getpath vectors).
#include <catch2/catch.hpp>

#include "gopy/getpath_nt.hpp"
#include "gopy/getpath_posix.hpp"

using namespace gopy::pathconfig;

TEST_CASE("posix joinpath joins and normalises", "[pathconfig][posix]") {
  const PathSyntax& s = posix_path_syntax();
  CHECK(s.joinpath("/usr/local", "lib/python3.14") == "/usr/local/lib/python3.14");
  CHECK(s.joinpath("/usr/local/bin", "..") == "/usr/local");
  CHECK(s.joinpath("/usr/local", "/opt/x") == "/opt/x");  // absolute part restarts
  CHECK(s.joinpath("a", "") == "a");
  CHECK(s.joinpath("", "") == ".");
  CHECK(s.joinpath("", "lib/python98.zip") == "lib/python98.zip");  // stays relative
  CHECK(s.joinpath("/..", "x") == "/x");
  CHECK(s.joinpath("//srv", "x") == "//srv/x");  // two leading slashes are kept
  CHECK(s.joinpath("///srv", "x") == "/srv/x");  // three become one
  CHECK(s.joinpath("../a", "../../b") == "../../b");
  CHECK(s.joinpath({"/a/", "./b/", "c/."}) == "/a/b/c");
  // posixpath.normpath(posixpath.join(a, b)), as CPython 3.14 answers.
  CHECK(s.joinpath("/a/b", "../../..") == "/");
  CHECK(s.joinpath("a", "../..") == "..");
  CHECK(s.joinpath("//a", "..") == "//");
  CHECK(s.joinpath("/", "") == "/");
  CHECK(s.joinpath("", "/") == "/");
  CHECK(s.joinpath("a/b/", "..") == "a");
  CHECK(s.joinpath("../..", "x/../..") == "../../..");
  CHECK(s.joinpath("//", "..") == "//");
  CHECK(s.joinpath(".", ".") == ".");
  CHECK(s.joinpath("x/./y//z/", "../w") == "x/y/w");
  CHECK(s.joinpath("///a//b", "c") == "/a/b/c");
  CHECK(s.joinpath(std::vector<std::string_view>{}) == ".");
}

TEST_CASE("posix abspath, dirname, basename, isabs, hassuffix", "[pathconfig][posix]") {
  const PathSyntax& s = posix_path_syntax();
  CHECK(s.abspath("bin/python", "/home/u") == "/home/u/bin/python");
  CHECK(s.abspath("", "/home/u") == "/home/u");
  CHECK(s.abspath("/x/../y", "/home/u") == "/x/../y");  // absolute: left as is
  CHECK(s.dirname("/usr/bin/python3") == "/usr/bin");
  CHECK(s.dirname("/usr") == "");
  CHECK(s.dirname("/usr/bin/") == "/usr");
  CHECK(s.dirname("python3") == "");
  CHECK(s.basename("/usr/bin/python3") == "python3");
  CHECK(s.basename("python3") == "python3");
  CHECK(s.isabs("/x"));
  CHECK_FALSE(s.isabs("x/y"));
  CHECK_FALSE(s.isabs(""));
  CHECK(s.hassuffix("python3.exe", ".exe"));
  CHECK_FALSE(s.hassuffix("python3.EXE", ".exe"));
  CHECK(s.sep() == '/');
  CHECK(s.delim() == ':');
}

TEST_CASE("nt joinpath follows ntpath drives, roots and UNC shares", "[pathconfig][nt]") {
  const PathSyntax& s = nt_path_syntax();
  CHECK(s.joinpath("C:\\Python", "Lib\\os.py") == "C:\\Python\\Lib\\os.py");
  CHECK(s.joinpath("C:\\x", "D:rel") == "D:rel");        // another drive restarts
  CHECK(s.joinpath("C:\\x", "C:rel") == "C:\\x\\rel");   // same drive continues
  CHECK(s.joinpath("c:\\x", "C:rel") == "C:\\x\\rel");   // case of the later drive wins
  CHECK(s.joinpath("E:\\work", "C:") == "C:");
  CHECK(s.joinpath("E:\\work", "\\rooted\\dir") == "E:\\rooted\\dir");  // keeps the drive
  CHECK(s.joinpath("C:\\x", "\\\\srv\\share\\y") == "\\\\srv\\share\\y");
  CHECK(s.joinpath("\\\\srv\\share", "y") == "\\\\srv\\share\\y");
  CHECK(s.joinpath("C:/a/b", "../c") == "C:\\a\\c");  // '/' becomes '\'
  CHECK(s.joinpath("C:\\", "..") == "C:\\");           // '..' at a root is dropped
  CHECK(s.joinpath("C:\\Python\\", "") == "C:\\Python");
  CHECK(s.joinpath("\\\\srv\\share\\", "") == "\\\\srv\\share\\");
  CHECK(s.joinpath("\\\\srv\\share", "") == "\\\\srv\\share");
  CHECK(s.joinpath("", "") == ".");
  CHECK(s.joinpath("..\\a", "..\\..\\b") == "..\\..\\b");
}

TEST_CASE("nt abspath, dirname, basename, isabs, hassuffix", "[pathconfig][nt]") {
  const PathSyntax& s = nt_path_syntax();
  CHECK(s.abspath("D:rel", "C:\\Absolute") == "D:rel");
  CHECK(s.abspath("", "C:\\Absolute") == "C:\\Absolute");
  CHECK(s.abspath("x\\..\\y", "C:\\Absolute") == "C:\\Absolute\\y");
  CHECK(s.dirname("C:\\Python") == "C:\\");
  CHECK(s.dirname("C:\\") == "");
  CHECK(s.dirname("C:\\Python\\python.exe") == "C:\\Python");
  CHECK(s.dirname("\\\\srv\\share") == "\\\\srv");
  CHECK(s.basename("C:\\Python\\python.exe") == "python.exe");
  CHECK(s.isabs("C:\\x"));
  CHECK(s.isabs("\\\\srv\\share"));
  CHECK_FALSE(s.isabs("\\x"));
  CHECK_FALSE(s.isabs("C:x"));
  CHECK_FALSE(s.isabs("C"));
  CHECK(s.hassuffix("PYTHON.EXE", ".exe"));
  CHECK(s.hassuffix("python.dll", "DLL"));
  CHECK_FALSE(s.hassuffix("exe", ".exe"));
  CHECK(s.sep() == '\\');
  CHECK(s.delim() == ';');
}
