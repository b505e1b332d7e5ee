// In-process init/finalize cycle time: gopy-bench-cycle [CYCLES [default|keep]]
// Runs CYCLES (default 2000) rounds of initialize_from_config + finalize_ex, each with a
// fresh interpreter, in two modes: the default (plugins unloaded at finalize and loaded
// again at the next initialization) and with LifecycleOptions::keep_plugins_loaded.
// Prints the median and the mean time of one cycle per mode; a mode named after CYCLES runs
// that mode alone (for a profiler). Run by hand, never in a test.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "gopy/config.hpp"
#include "gopy/lifecycle.hpp"

namespace {

using Clock = std::chrono::steady_clock;

gopy::Config bench_config(const std::string& program) {
  gopy::Config config = gopy::Config::python();
  config.parse_argv = 0;
  config.site_import = 0;
  config.program_name = program;  // beside lib/, so the path configuration finds its landmarks
  return config;
}

// One mode: `cycles` timed cycles after a few untimed ones; false when a cycle fails.
bool run_mode(const char* name, const gopy::Config& config, bool keep_loaded, int cycles) {
  gopy::LifecycleOptions options;
  options.keep_plugins_loaded = keep_loaded;
  std::vector<double> micros;
  micros.reserve(static_cast<std::size_t>(cycles));
  for (int i = -10; i < cycles; ++i) {
    Clock::time_point start = Clock::now();
    gopy::Status status = gopy::initialize_from_config(config, options);
    if (!status.is_ok()) {
      std::fprintf(stderr, "gopy-bench-cycle: initialization failed: %s\n", status.message().c_str());
      return false;
    }
    if (gopy::finalize_ex() != 0) {
      std::fprintf(stderr, "gopy-bench-cycle: finalize_ex failed\n");
      return false;
    }
    std::chrono::duration<double, std::micro> took = Clock::now() - start;
    if (i >= 0) micros.push_back(took.count());
  }
  double mean = 0;
  for (double m : micros) mean += m;
  mean /= static_cast<double>(micros.size());
  std::nth_element(micros.begin(), micros.begin() + cycles / 2, micros.end());
  std::printf("%-28s %10.1f %10.1f\n", name, micros[static_cast<std::size_t>(cycles / 2)], mean);
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  int cycles = argc > 1 ? std::atoi(argv[1]) : 2000;
  if (cycles < 1) cycles = 1;
  // The benchmark lives in bin/ beside gopy; the configuration is that of bin/gopy.
  std::string program = argv[0];
  std::string::size_type slash = program.rfind('/');
  program = (slash == std::string::npos ? std::string(".") : program.substr(0, slash)) + "/gopy";
  gopy::Config config = bench_config(program);
  std::printf("%d cycles of initialize_from_config + finalize_ex\n", cycles);
  std::printf("%-28s %10s %10s\n", "mode", "median us", "mean us");
  const std::string only = argc > 2 ? argv[2] : "";
  if (!only.empty() && only != "default" && only != "keep") {
    std::fprintf(stderr, "gopy-bench-cycle: unknown mode '%s' (default or keep)\n", only.c_str());
    return 2;
  }
  bool ok = (only == "keep" || run_mode("default (plugins reloaded)", config, false, cycles)) &&
            (only == "default" || run_mode("keep_plugins_loaded", config, true, cycles));
  return ok ? 0 : 1;
}
