// The spec table and PEP 741 access by name.
#include <catch2/catch.hpp>

#include <set>

#include "config_test_support.hpp"
#include "gopy/config_spec.hpp"
#include "gopy/config_sys.hpp"

TEST_CASE("by_name: the spec table has one row per field / with the names CPython uses", "[spec]") {
  std::set<std::string_view> names;
  for (const gopy::FieldSpec& spec : gopy::config_spec()) {
    CHECK(names.insert(spec.name).second);
  }
  for (const char* name :
       {"run_command", "run_filename", "run_module", "argv", "orig_argv", "isolated",
        "use_environment", "site_import", "safe_path", "inspect", "interactive", "quiet",
        "verbose", "optimization_level", "bytes_warning", "hash_seed", "use_hash_seed",
        "int_max_str_digits", "warnoptions", "xoptions", "module_search_paths",
        "module_search_paths_set", "pythonpath_env", "home", "platlibdir", "executable",
        "base_executable", "prefix", "base_prefix", "exec_prefix", "base_exec_prefix",
        "stdlib_dir", "program_name", "utf8_mode", "allocator", "coerce_c_locale"}) {
    INFO(name);
    CHECK(names.count(name) == 1);
  }
  CHECK(names.size() == 74);  // 69 PyConfig fields + 5 PyPreConfig-only ones
}

TEST_CASE("by_name: presets come from the table", "[spec]") {
  gopy::Config python = gopy::Config::python();
  CHECK(python.use_environment == 1);
  CHECK(python.parse_argv == 1);
  CHECK(python.int_max_str_digits == -1);
  gopy::Config isolated = gopy::Config::isolated_preset();
  CHECK(isolated.isolated == 1);
  CHECK(isolated.use_environment == 0);
  CHECK(isolated.safe_path == 1);
  CHECK(isolated.int_max_str_digits == 4300);
  CHECK(isolated.parse_argv == 0);
  CHECK(gopy::PreConfig::isolated_preset().utf8_mode == 0);
  CHECK(gopy::PreConfig::python().utf8_mode == -1);
}

TEST_CASE("by_name: get by name", "[spec]") {
  auto r = gopy::test::run_config({"-O", "-X", "dev", "-c", "pass", "arg"});
  REQUIRE(r.status.is_ok());
  gopy::ConfigValue value;
  REQUIRE(gopy::get_by_name(r.config, r.preconfig, "optimization_level", value).is_ok());
  CHECK(std::get<std::int64_t>(value) == 1);
  REQUIRE(gopy::get_by_name(r.config, r.preconfig, "dev_mode", value).is_ok());
  CHECK(std::get<bool>(value));
  REQUIRE(gopy::get_by_name(r.config, r.preconfig, "argv", value).is_ok());
  CHECK(std::get<gopy::StringList>(value) == gopy::StringList{"-c", "arg"});
  REQUIRE(gopy::get_by_name(r.config, r.preconfig, "pycache_prefix", value).is_ok());
  CHECK(std::holds_alternative<std::monostate>(value));
  REQUIRE(gopy::get_by_name(r.config, r.preconfig, "utf8_mode", value).is_ok());
  CHECK_FALSE(std::get<bool>(value));

  gopy::Status unknown = gopy::get_by_name(r.config, r.preconfig, "no_such_option", value);
  CHECK(unknown.is_error());
  CHECK(unknown.message() == "unknown config option name: no_such_option");
  CHECK(unknown.category() == gopy::Status::Category::config);
  // Init-only fields are not readable by name.
  CHECK(gopy::get_by_name(r.config, r.preconfig, "pythonpath_env", value).is_error());
  auto names = gopy::readable_names();
  CHECK(std::find(names.begin(), names.end(), "module_search_paths_set") == names.end());
  CHECK(std::find(names.begin(), names.end(), "verbose") != names.end());
}

TEST_CASE("by_name: set by name: types and ranges", "[spec]") {
  gopy::Config c = gopy::Config::python();
  gopy::PreConfig p = gopy::PreConfig::python();
  CHECK(gopy::set_int_by_name(c, p, "verbose", 3).is_ok());
  CHECK(c.verbose == 3);
  CHECK(gopy::set_int_by_name(c, p, "hash_seed", 42).is_ok());
  CHECK(c.hash_seed == 42);
  CHECK(c.use_hash_seed == 1);
  CHECK(gopy::set_int_by_name(c, p, "utf8_mode", 1).is_ok());
  CHECK(p.utf8_mode == 1);
  CHECK(gopy::set_int_by_name(c, p, "verbose", -1).message() ==
        "config option value is out of unsigned int range");
  CHECK(gopy::set_int_by_name(c, p, "cpu_count", 1LL << 40).message() ==
        "config option value is out of int range");
  CHECK(gopy::set_int_by_name(c, p, "argv", 1).message() == "config option type is not int");
  CHECK(gopy::set_str_by_name(c, p, "verbose", "x").message() ==
        "config option type is not string");
  CHECK(gopy::set_str_by_name(c, p, "program_name", std::nullopt).message() ==
        "config option string cannot be NULL");
  CHECK(gopy::set_str_list_by_name(c, p, "home", {}).message() ==
        "config option type is not string list");
  CHECK(gopy::set_str_list_by_name(c, p, "module_search_paths", {"/a"}).is_ok());
  CHECK(c.module_search_paths_set == 1);
  CHECK(gopy::set_str_by_name(c, p, "bogus", "x").message() ==
        "unknown config option name: bogus");
  gopy::OptString s;
  CHECK(gopy::set_str_by_name(c, p, "pycache_prefix", "/p").is_ok());
  CHECK(gopy::get_str_by_name(c, p, "pycache_prefix", s).is_ok());
  CHECK(s == "/p");
  std::int64_t i = 0;
  CHECK(gopy::get_int_by_name(c, p, "module_search_paths_set", i).is_ok());
  CHECK(i == 1);
}

TEST_CASE("by_name: the dump leaves hash_seed out", "[spec]") {
  auto r = gopy::test::run_config({"-c", ""}, {{"PYTHONHASHSEED", "5"}});
  auto dump = gopy::config_dump(r.config, r.preconfig);
  CHECK(dump.size() == gopy::readable_names().size() - 1);
  for (const auto& [name, value] : dump) CHECK(name != "hash_seed");
}

TEST_CASE("by_name: sys.flags: 21 fields / 18 in the repr", "[sys]") {
  auto r = gopy::test::run_config({"-I", "-R", "-c", ""});
  auto flags = gopy::sys_flags(r.config, r.preconfig);
  REQUIRE(flags.size() == 21);
  CHECK(flags[18].name == "gil");
  CHECK(flags[18].value == 1);
  CHECK_FALSE(flags[18].in_repr);
  CHECK(gopy::sys_flags_repr(r.config, r.preconfig) ==
        "sys.flags(debug=0, inspect=0, interactive=0, optimize=0, dont_write_bytecode=0, "
        "no_user_site=1, no_site=0, ignore_environment=1, verbose=0, bytes_warning=0, quiet=0, "
        "hash_randomization=1, isolated=1, dev_mode=False, utf8_mode=0, "
        "warn_default_encoding=0, safe_path=True, int_max_str_digits=4300)");
}

