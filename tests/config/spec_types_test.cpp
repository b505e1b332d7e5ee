// spec_types_test: the spec table against CPython 3.14.7's PYCONFIG_SPEC and
// PYPRECONFIG_SPEC (Python/initconfig.c), row by row: name, type and visibility. The rows
// under #ifdef (Py_STATS, Py_GIL_DISABLED, MS_WINDOWS, Py_DEBUG, __APPLE__) are not
// part of a Linux release build and are left out, as gopy leaves them out.
#include <catch2/catch.hpp>

#include <string_view>
#include <vector>

#include "gopy/config_spec.hpp"

namespace {

using T = gopy::FieldType;
using V = gopy::Visibility;

struct Row {
  std::string_view name;
  T type;
  V visibility;
};

// Written from 3.14.7's PYCONFIG_SPEC, in its order.
const std::vector<Row> kPyConfigSpec = {
    {"argv", T::str_list, V::public_},
    {"base_exec_prefix", T::str_opt, V::public_},
    {"base_executable", T::str_opt, V::public_},
    {"base_prefix", T::str_opt, V::public_},
    {"bytes_warning", T::uint, V::public_},
    {"cpu_count", T::int_, V::public_},
    {"exec_prefix", T::str_opt, V::public_},
    {"executable", T::str_opt, V::public_},
    {"inspect", T::bool_, V::public_},
    {"int_max_str_digits", T::uint, V::public_},
    {"interactive", T::bool_, V::public_},
    {"module_search_paths", T::str_list, V::public_},
    {"optimization_level", T::uint, V::public_},
    {"parser_debug", T::bool_, V::public_},
    {"platlibdir", T::str, V::public_},
    {"prefix", T::str_opt, V::public_},
    {"pycache_prefix", T::str_opt, V::public_},
    {"quiet", T::bool_, V::public_},
    {"stdlib_dir", T::str_opt, V::public_},
    {"use_environment", T::bool_, V::public_},
    {"verbose", T::uint, V::public_},
    {"warnoptions", T::str_list, V::public_},
    {"write_bytecode", T::bool_, V::public_},
    {"xoptions", T::str_list, V::public_},
    {"buffered_stdio", T::bool_, V::read_only},
    {"check_hash_pycs_mode", T::str, V::read_only},
    {"code_debug_ranges", T::bool_, V::read_only},
    {"configure_c_stdio", T::bool_, V::read_only},
    {"dev_mode", T::bool_, V::read_only},
    {"dump_refs", T::bool_, V::read_only},
    {"dump_refs_file", T::str_opt, V::read_only},
    {"faulthandler", T::bool_, V::read_only},
    {"filesystem_encoding", T::str, V::read_only},
    {"filesystem_errors", T::str, V::read_only},
    {"hash_seed", T::ulong, V::read_only},
    {"home", T::str_opt, V::read_only},
    {"thread_inherit_context", T::int_, V::read_only},
    {"context_aware_warnings", T::int_, V::read_only},
    {"import_time", T::uint, V::read_only},
    {"install_signal_handlers", T::bool_, V::read_only},
    {"isolated", T::bool_, V::read_only},
    {"malloc_stats", T::bool_, V::read_only},
    {"orig_argv", T::str_list, V::read_only},
    {"parse_argv", T::bool_, V::read_only},
    {"pathconfig_warnings", T::bool_, V::read_only},
    {"perf_profiling", T::uint, V::read_only},
    {"remote_debug", T::bool_, V::read_only},
    {"program_name", T::str, V::read_only},
    {"run_command", T::str_opt, V::read_only},
    {"run_filename", T::str_opt, V::read_only},
    {"run_module", T::str_opt, V::read_only},
    {"safe_path", T::bool_, V::read_only},
    {"show_ref_count", T::bool_, V::read_only},
    {"site_import", T::bool_, V::read_only},
    {"skip_source_first_line", T::bool_, V::read_only},
    {"stdio_encoding", T::str, V::read_only},
    {"stdio_errors", T::str, V::read_only},
    {"tracemalloc", T::uint, V::read_only},
    {"use_frozen_modules", T::bool_, V::read_only},
    {"use_hash_seed", T::bool_, V::read_only},
    {"user_site_directory", T::bool_, V::read_only},
    {"warn_default_encoding", T::bool_, V::read_only},
    {"_config_init", T::uint, V::init_only},
    {"_init_main", T::bool_, V::init_only},
    {"_install_importlib", T::bool_, V::init_only},
    {"_is_python_build", T::bool_, V::init_only},
    {"module_search_paths_set", T::bool_, V::init_only},
    {"pythonpath_env", T::str_opt, V::init_only},
    {"sys_path_0", T::str_opt, V::init_only},
};

// 3.14.7's PYPRECONFIG_SPEC read-only rows; its init-only rows (_config_init, dev_mode,
// isolated, parse_argv, use_environment) are PyConfig rows in gopy's table.
const std::vector<Row> kPyPreConfigSpec = {
    {"allocator", T::int_, V::read_only},
    {"coerce_c_locale", T::bool_, V::read_only},
    {"coerce_c_locale_warn", T::bool_, V::read_only},
    {"configure_locale", T::bool_, V::read_only},
    {"utf8_mode", T::bool_, V::read_only},
};

const char* type_name(T type) {
  switch (type) {
    case T::int_: return "INT";
    case T::uint: return "UINT";
    case T::ulong: return "ULONG";
    case T::bool_: return "BOOL";
    case T::str: return "WSTR";
    case T::str_opt: return "WSTR_OPT";
    case T::str_list: return "WSTR_LIST";
  }
  return "?";
}

void check_rows(const std::vector<const gopy::FieldSpec*>& ours, const std::vector<Row>& cpython) {
  REQUIRE(ours.size() == cpython.size());
  for (std::size_t i = 0; i < ours.size(); ++i) {
    INFO("row " << i << ": " << cpython[i].name);
    CHECK(ours[i]->name == cpython[i].name);
    CHECK(std::string(type_name(ours[i]->type)) == type_name(cpython[i].type));
    CHECK(ours[i]->visibility == cpython[i].visibility);
  }
}

}  // namespace

TEST_CASE("spec_types: every PyConfig row has 3.14's name, type and visibility", "[spec]") {
  std::vector<const gopy::FieldSpec*> rows;
  for (const gopy::FieldSpec& spec : gopy::config_spec()) {
    if (!spec.is_preconfig()) rows.push_back(&spec);
  }
  check_rows(rows, kPyConfigSpec);
}

TEST_CASE("spec_types: every PyPreConfig row has 3.14's name, type and visibility", "[spec]") {
  std::vector<const gopy::FieldSpec*> rows;
  for (const gopy::FieldSpec& spec : gopy::config_spec()) {
    if (spec.is_preconfig()) rows.push_back(&spec);
  }
  check_rows(rows, kPyPreConfigSpec);
}
