// Every class of invalid value: CPython's fatal-error text and exit code 1.
#include <catch2/catch.hpp>

#include "config_test_support.hpp"

using gopy::test::run_config;

namespace {

std::string fatal(const std::string& what, const char* state) {
  return "Fatal Python error: " + what + "\nPython runtime state: " + state + "\n\n";
}

void check_fatal(const std::vector<std::string>& args,
                 const std::map<std::string, std::optional<std::string>>& env,
                 const std::string& what, const char* state = "preinitialized") {
  auto r = run_config(args, env);
  CHECK(r.status.is_error());
  CHECK(r.exit_code == 1);
  CHECK(r.out.empty());
  CHECK(r.err == fatal(what, state));
}

}  // namespace

TEST_CASE("errors: PYTHONHASHSEED", "[errors]") {
  const std::string what =
      "config_init_hash_seed: PYTHONHASHSEED must be \"random\" or an integer in range "
      "[0; 4294967295]";
  for (const char* bad : {"abc", "4294967296", "-1", "12x"}) {
    INFO(bad);
    check_fatal({"-c", "pass"}, {{"PYTHONHASHSEED", bad}}, what);
  }
  auto ok = run_config({"-c", ""}, {{"PYTHONHASHSEED", "4294967295"}});
  CHECK(ok.config.use_hash_seed == 1);
  CHECK(ok.config.hash_seed == 4294967295UL);
  CHECK(run_config({"-E", "-c", ""}, {{"PYTHONHASHSEED", "oops"}}).status.is_ok());
  CHECK(run_config({"-c", ""}, {{"PYTHONHASHSEED", "random"}}).config.use_hash_seed == 0);
}

TEST_CASE("errors: int_max_str_digits", "[errors]") {
  const std::string rule = ": invalid limit; must be >= 640 or 0 for unlimited.";
  check_fatal({"-c", ""}, {{"PYTHONINTMAXSTRDIGITS", "639"}},
              "config_init_int_max_str_digits: PYTHONINTMAXSTRDIGITS" + rule);
  check_fatal({"-c", ""}, {{"PYTHONINTMAXSTRDIGITS", "lots"}},
              "config_init_int_max_str_digits: PYTHONINTMAXSTRDIGITS" + rule);
  for (const char* bad : {"int_max_str_digits=100", "int_max_str_digits=abc", "int_max_str_digits"}) {
    INFO(bad);
    check_fatal({"-X", bad, "-c", ""}, {}, "config_init_int_max_str_digits: -X int_max_str_digits" + rule);
  }
  CHECK(run_config({"-X", "int_max_str_digits=0", "-c", ""}).config.int_max_str_digits == 0);
  CHECK(run_config({"-c", ""}, {{"PYTHONINTMAXSTRDIGITS", "640"}}).config.int_max_str_digits == 640);
}

TEST_CASE("errors: PYTHONMALLOC", "[errors]") {
  check_fatal({"-c", ""}, {{"PYTHONMALLOC", "bogus"}},
              "preconfig_init_allocator: PYTHONMALLOC: unknown allocator", "preinitializing");
  CHECK(run_config({"-E", "-c", ""}, {{"PYTHONMALLOC", "bogus"}}).status.is_ok());
  CHECK(run_config({"-c", ""}, {{"PYTHONMALLOC", "pymalloc_debug"}}).preconfig.allocator ==
        static_cast<int>(gopy::AllocatorName::pymalloc_debug));
}

TEST_CASE("errors: UTF-8 mode values", "[errors]") {
  check_fatal({"-X", "utf8=2", "-c", ""}, {},
              "preconfig_init_utf8_mode: invalid -X utf8 option value", "preinitializing");
  for (const char* bad : {"2", "yes"}) {
    check_fatal({"-c", ""}, {{"PYTHONUTF8", bad}},
                "preconfig_init_utf8_mode: invalid PYTHONUTF8 environment variable value",
                "preinitializing");
  }
  CHECK(run_config({"-E", "-c", ""}, {{"PYTHONUTF8", "2"}}).status.is_ok());
}

TEST_CASE("errors: cpu_count", "[errors]") {
  const std::string what =
      "config_init_cpu_count: -X cpu_count=n option: n is missing or an invalid number, n must "
      "be greater than 0";
  for (const char* bad : {"cpu_count=zero", "cpu_count=0", "cpu_count"}) {
    check_fatal({"-X", bad, "-c", ""}, {}, what);
  }
  check_fatal({"-c", ""}, {{"PYTHON_CPU_COUNT", "-2"}}, what);
  CHECK(run_config({"-X", "cpu_count=4", "-c", ""}).config.cpu_count == 4);
  CHECK(run_config({"-X", "cpu_count=default", "-c", ""}, {{"PYTHON_CPU_COUNT", "3"}})
            .config.cpu_count == -1);
}

TEST_CASE("errors: frozen_modules (CPython names no function)", "[errors]") {
  check_fatal({"-X", "frozen_modules=maybe", "-c", ""}, {},
              "bad value for option -X frozen_modules (expected \"on\" or \"off\")");
  check_fatal({"-c", ""}, {{"PYTHON_FROZEN_MODULES", "maybe"}},
              "bad value for PYTHON_FROZEN_MODULES (expected \"on\" or \"off\")");
  CHECK(run_config({"-X", "frozen_modules=off", "-c", ""}).config.use_frozen_modules == 0);
  CHECK(run_config({"-X", "frozen_modules", "-c", ""}, {{"PYTHON_FROZEN_MODULES", "off"}})
            .config.use_frozen_modules == 1);
}

TEST_CASE("errors: importtime", "[errors]") {
  check_fatal({"-X", "importtime=3", "-c", ""}, {},
              "config_init_import_time: -X importtime: values other than 1 and 2 are reserved "
              "for future use.");
  check_fatal({"-c", ""}, {{"PYTHONPROFILEIMPORTTIME", "9"}},
              "config_init_import_time: PYTHONPROFILEIMPORTTIME: numeric values other than 1 "
              "and 2 are reserved for future use.");
  CHECK(run_config({"-X", "importtime=2", "-c", ""}).config.import_time == 2);
  CHECK(run_config({"-X", "importtime", "-c", ""}).config.import_time == 1);
  CHECK(run_config({"-c", ""}, {{"PYTHONPROFILEIMPORTTIME", "text"}}).config.import_time == 1);
}

TEST_CASE("errors: thread_inherit_context and context_aware_warnings", "[errors]") {
  check_fatal({"-X", "thread_inherit_context=2", "-c", ""}, {},
              "config_init_thread_inherit_context: -X thread_inherit_context=n: n is missing or "
              "invalid");
  check_fatal({"-c", ""}, {{"PYTHON_THREAD_INHERIT_CONTEXT", "x"}},
              "config_init_thread_inherit_context: PYTHON_THREAD_INHERIT_CONTEXT=N: N is "
              "missing or invalid");
  check_fatal({"-X", "context_aware_warnings", "-c", ""}, {},
              "config_init_context_aware_warnings: -X context_aware_warnings=n: n is missing or "
              "invalid");
  check_fatal({"-c", ""}, {{"PYTHON_CONTEXT_AWARE_WARNINGS", "5"}},
              "config_init_context_aware_warnings: PYTHON_CONTEXT_AWARE_WARNINGS=N: N is "
              "missing or invalid");
  CHECK(run_config({"-c", ""}, {{"PYTHON_CONTEXT_AWARE_WARNINGS", "1"}})
            .config.context_aware_warnings == 1);
}

TEST_CASE("errors: tracemalloc", "[errors]") {
  check_fatal({"-X", "tracemalloc=abc", "-c", ""}, {},
              "config_init_tracemalloc: -X tracemalloc=NFRAME: invalid number of frames");
  check_fatal({"-c", ""}, {{"PYTHONTRACEMALLOC", "abc"}},
              "config_init_tracemalloc: PYTHONTRACEMALLOC: invalid number of frames");
  CHECK(run_config({"-X", "tracemalloc", "-c", ""}).config.tracemalloc == 1);
  CHECK(run_config({"-X", "tracemalloc=5", "-c", ""}).config.tracemalloc == 5);
}

TEST_CASE("errors: gil", "[errors]") {
  check_fatal({"-X", "gil=0", "-c", ""}, {},
              "config_read_gil: Disabling the GIL is not supported by this build");
  check_fatal({"-c", ""}, {{"PYTHON_GIL", "2"}},
              "config_read_gil: PYTHON_GIL / -X gil must be \"0\" or \"1\"");
  CHECK(run_config({"-X", "gil=1", "-c", ""}).status.is_ok());
}
