// gopy-conformance: runs a conformance vector set against a gopy binary.
#include <signal.h>

#include <CLI/CLI.hpp>

#include "conformance_tool.hpp"

int main(int argc, char** argv) {
  // A child that exits without reading all of its stdin must not kill the runner.
  signal(SIGPIPE, SIG_IGN);

  gopy::conformance::ToolOptions options;
  CLI::App app{"Runs a conformance vector set (cli, getpath, run) and reports the failing cases."};
  app.add_option("set", options.set, "the vector set: cli, getpath or run")->required();
  app.add_option("dirs", options.dirs, "vector folders (default: the set's folder of tests/conformance/vectors)");
  app.add_option("--gopy", options.gopy, "the binary under test (default: the gopy beside this tool)");
  auto* known = app.add_option("--known-failures", options.known_failures,
                               "compare the failing cases with this known-failures file");
  app.add_option("--write-known-failures", options.write_known_failures,
                 "write the failing cases to this known-failures file, keeping the reasons it has")
      ->excludes(known);
  app.add_option("--reason", options.reason, "reason given to newly listed failures")
      ->default_val("not yet triaged");
  app.add_option("-j,--jobs", options.jobs, "cases run at the same time")->default_val(2)->check(CLI::Range(1u, 64u));
  app.add_flag("-v,--verbose", options.verbose, "print passing cases too, and each failure's whole output");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int status = app.exit(e);  // prints the help, or the error and a hint
    return status == 0 ? 0 : 2;
  }
  return gopy::conformance::run_tool(options);
}
