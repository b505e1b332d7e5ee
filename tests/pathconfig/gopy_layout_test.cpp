// gopy's own build tree is laid out as an install prefix: getpath started from
// build/bin/gopy finds the landmarks that plugins/pathconfig_unix ships, with no warning.
#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "gopy/getpath_posix.hpp"
#include "gopy/pathconfig_fs.hpp"

using namespace gopy::pathconfig;

TEST_CASE("gopy's build tree finds its landmarks with no warning", "[pathconfig][layout]") {
  const std::string build_dir = GOPY_TEST_BUILD_DIR;
  PathConfigRequest request;
  request.os_name = OsName::posix;
  request.constants.PREFIX = "/opt/gopy";
  request.constants.EXEC_PREFIX = "/opt/gopy";
  request.constants.PLATLIBDIR = "lib";
  request.constants.VERSION_MAJOR = 3;
  request.constants.VERSION_MINOR = 14;
  request.cwd = "/";
  request.config.orig_argv = {build_dir + "/bin/gopy"};

  RealFileSystem fs(posix_path_syntax());
  PathConfigOutput out;
  REQUIRE(compute_posix_path_config(request, fs, out).is_ok());
  CHECK(out.warnings.empty());
  CHECK(out.prefix == build_dir);
  CHECK(out.exec_prefix == build_dir);
  REQUIRE(out.module_search_paths);
  CHECK(*out.module_search_paths == std::vector<std::string>{
                                        build_dir + "/lib/python314.zip",
                                        build_dir + "/lib/python3.14",
                                        build_dir + "/lib/python3.14/lib-dynload",
                                    });
}
