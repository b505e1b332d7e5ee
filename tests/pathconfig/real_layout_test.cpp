// The POSIX strategy over the real file system: layouts made in a temp directory.
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "gopy/getpath_posix.hpp"
#include "gopy/pathconfig_fs.hpp"

using namespace gopy::pathconfig;
namespace fs = std::filesystem;

namespace {

// A fresh directory, removed with everything in it at the end of the test.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "gopy-pathconfig-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    // getpath compares strings, so work with the directory's resolved spelling.
    path_ = fs::canonical(pattern);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  std::string str(const std::string& rel = "") const {
    return rel.empty() ? path_.string() : (path_ / rel).string();
  }

 private:
  fs::path path_;
};

void write_file(const std::string& path, const std::string& text, bool executable = false) {
  fs::create_directories(fs::path(path).parent_path());
  std::ofstream(path, std::ios::binary) << text;
  if (executable) ::chmod(path.c_str(), 0755);
}

// <root>/bin/gopy with the stdlib and platstdlib landmarks under <root>/lib/python3.14.
void make_install_tree(const std::string& root) {
  write_file(root + "/bin/gopy", "", true);
  write_file(root + "/lib/python3.14/os.py", "");
  fs::create_directories(root + "/lib/python3.14/lib-dynload");
}

PathConfigRequest request_for(const std::string& argv0, const std::string& cwd) {
  PathConfigRequest r;
  r.os_name = OsName::posix;
  r.constants.PREFIX = "/nonexistent/gopy-prefix";
  r.constants.EXEC_PREFIX = "/nonexistent/gopy-prefix";
  r.constants.PLATLIBDIR = "lib";
  r.constants.VERSION_MAJOR = 3;
  r.constants.VERSION_MINOR = 14;
  r.cwd = cwd;
  r.config.orig_argv = {argv0};
  return r;
}

PathConfigOutput compute(const PathConfigRequest& request) {
  RealFileSystem fs(posix_path_syntax());
  PathConfigOutput out;
  gopy::Status status = compute_posix_path_config(request, fs, out);
  INFO(status.to_string());
  REQUIRE(status.is_ok());
  return out;
}

}  // namespace

TEST_CASE("an install prefix gives CPython's search path order", "[pathconfig][real]") {
  TempDir tmp;
  const std::string prefix = tmp.str("prefix");
  make_install_tree(prefix);
  auto request = request_for(prefix + "/bin/gopy", tmp.str());
  request.config.pythonpath_env = "/opt/first:rel";

  PathConfigOutput out = compute(request);
  CHECK(out.warnings.empty());
  CHECK(out.executable == prefix + "/bin/gopy");
  CHECK(out.prefix == prefix);
  CHECK(out.exec_prefix == prefix);
  CHECK(out.base_prefix == prefix);
  CHECK(out.stdlib_dir == prefix + "/lib/python3.14");
  CHECK(out.platstdlib_dir == prefix + "/lib/python3.14/lib-dynload");
  REQUIRE(out.module_search_paths);
  // PYTHONPATH entries (made absolute), the zip, the stdlib, lib-dynload.
  CHECK(*out.module_search_paths == std::vector<std::string>{
                                        "/opt/first",
                                        tmp.str("rel"),
                                        prefix + "/lib/python314.zip",
                                        prefix + "/lib/python3.14",
                                        prefix + "/lib/python3.14/lib-dynload",
                                    });

  SECTION("without the environment PYTHONPATH is ignored") {
    request.config.use_environment = false;
    PathConfigOutput isolated = compute(request);
    REQUIRE(isolated.module_search_paths);
    CHECK(isolated.module_search_paths->front() == prefix + "/lib/python314.zip");
  }
  SECTION("a preset search path is left alone") {
    request.config.module_search_paths_set = true;
    CHECK_FALSE(compute(request).module_search_paths.has_value());
  }
}

TEST_CASE("a bare program name is found on PATH, skipping non-executables",
          "[pathconfig][real]") {
  TempDir tmp;
  const std::string prefix = tmp.str("prefix");
  make_install_tree(prefix);
  write_file(tmp.str("plain/gopy"), "");  // not executable: skipped
  auto request = request_for("gopy", tmp.str());
  request.env.PATH = "/nonexistent:" + tmp.str("plain") + ":" + prefix + "/bin";
  PathConfigOutput out = compute(request);
  CHECK(out.executable == prefix + "/bin/gopy");
  CHECK(out.prefix == prefix);
  CHECK(out.warnings.empty());
}

TEST_CASE("a symlinked executable finds the prefix of its target", "[pathconfig][real]") {
  TempDir tmp;
  const std::string prefix = tmp.str("prefix");
  make_install_tree(prefix);
  fs::create_directories(tmp.str("links"));
  fs::create_symlink("../prefix/bin/gopy", tmp.str("links/gopy"));  // relative target
  PathConfigOutput out = compute(request_for(tmp.str("links/gopy"), tmp.str()));
  CHECK(out.executable == tmp.str("links/gopy"));
  CHECK(out.prefix == prefix);
  CHECK(out.warnings.empty());
}

TEST_CASE("a venv's pyvenv.cfg home gives the base prefix", "[pathconfig][real]") {
  TempDir tmp;
  const std::string prefix = tmp.str("prefix");
  make_install_tree(prefix);
  const std::string venv = tmp.str("venv");
  write_file(venv + "/pyvenv.cfg", "home = " + prefix + "/bin\r\nversion = 3.14.0\r\n");
  fs::create_directories(venv + "/bin");
  fs::create_symlink(prefix + "/bin/gopy", venv + "/bin/gopy");
  PathConfigOutput out = compute(request_for(venv + "/bin/gopy", tmp.str()));
  CHECK(out.prefix == venv);
  CHECK(out.exec_prefix == venv);
  CHECK(out.base_prefix == prefix);
  CHECK(out.base_exec_prefix == prefix);
  CHECK(out.executable == venv + "/bin/gopy");
  CHECK(out.base_executable == prefix + "/bin/gopy");
  CHECK(out.venv_prefix == venv);
  REQUIRE(out.module_search_paths);
  CHECK(out.module_search_paths->at(1) == prefix + "/lib/python3.14");
}

TEST_CASE("missing landmarks fall back to PREFIX with CPython's warnings",
          "[pathconfig][real]") {
  TempDir tmp;
  write_file(tmp.str("bin/gopy"), "", true);
  PathConfigOutput out = compute(request_for(tmp.str("bin/gopy"), tmp.str()));
  CHECK(out.prefix == "/nonexistent/gopy-prefix");
  CHECK(out.exec_prefix == "/nonexistent/gopy-prefix");
  CHECK(out.warnings == std::vector<std::string>{
                            "Could not find platform independent libraries <prefix>",
                            "Could not find platform dependent libraries <exec_prefix>",
                        });
}

TEST_CASE("a ._pth file beside the executable replaces the search path", "[pathconfig][real]") {
  TempDir tmp;
  const std::string prefix = tmp.str("prefix");
  make_install_tree(prefix);
  write_file(prefix + "/bin/gopy._pth", "../lib/python3.14\n# comment\nimport site\nimport x\n");
  auto request = request_for(prefix + "/bin/gopy", tmp.str());
  request.config.pythonpath_env = "/ignored";
  PathConfigOutput out = compute(request);
  REQUIRE(out.module_search_paths);
  CHECK(*out.module_search_paths == std::vector<std::string>{prefix + "/lib/python3.14"});
  REQUIRE(out.pth_flags);
  CHECK(out.pth_flags->isolated);
  CHECK(out.pth_flags->site_import);
  CHECK_FALSE(out.pth_flags->use_environment);
  CHECK(out.home == prefix + "/bin");
  CHECK(out.warnings == std::vector<std::string>{"unsupported 'import' line in ._pth file"});
}

TEST_CASE("the real file system's primitives", "[pathconfig][real]") {
  TempDir tmp;
  RealFileSystem rfs(posix_path_syntax());
  write_file(tmp.str("lines.txt"), "a\r\nb\n\nlast");
  write_file(tmp.str("x"), "", true);
  auto lines = rfs.readlines(tmp.str("lines.txt"));
  REQUIRE(lines.ok());
  CHECK(lines.value() == std::vector<std::string>{"a", "b", "", "last"});
  CHECK(rfs.isfile(tmp.str("lines.txt")));
  CHECK_FALSE(rfs.isxfile(tmp.str("lines.txt")));
  CHECK(rfs.isxfile(tmp.str("x")));
  CHECK(rfs.isdir(tmp.str()));
  CHECK_FALSE(rfs.isfile(tmp.str()));
  CHECK(rfs.readlines(tmp.str("missing")).error().kind == FsError::Kind::not_found);

  write_file(tmp.str("big.txt"), std::string(40 * 1024, 'x'));
  CHECK(rfs.readlines(tmp.str("big.txt")).error().type == "MemoryError");

  fs::create_symlink("b", tmp.str("a"));
  fs::create_symlink("a", tmp.str("b"));
  auto loop = rfs.realpath(tmp.str("a"));
  REQUIRE_FALSE(loop.ok());
  CHECK(loop.error().message == "maximum number of symbolic links reached");
  CHECK(rfs.realpath(tmp.str("x")).value() == tmp.str("x"));
}
