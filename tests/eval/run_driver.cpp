// gopy-eval-run: init -> run a file as __main__ -> finalize, without the lifecycle.
// Usage: gopy-eval-run [-S] FILE [ARGS...]   (or -c CODE). For trying the evaluator
// and running the `run` vectors before the full command line exists.
#include <string>
#include <vector>

#include "gopy/eval.hpp"
#include "runtime_fixture.hpp"

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (!args.empty() && args[0] == "-S") args.erase(args.begin());
  if (args.empty()) return 2;
  gopy::InterpreterSettings s;
  s.use_hash_seed = true;
  bool command = args[0] == "-c" && args.size() > 1;
  std::string target = command ? args[1] : args[0];
  std::vector<std::string> sys_argv(args.begin() + (command ? 1 : 0), args.end());
  if (command) sys_argv[0] = "-c";
  std::string dir = command ? "" : target.substr(0, target.rfind('/') == std::string::npos ? 0 : target.rfind('/'));
  const gopy::test::RuntimeConfig config = gopy::test::config_from(sys_argv, {dir});
  gopy::ThreadState* ts = gopy::test::start_runtime(s, &config);
  int code = command ? gopy::run_main_string(target) : gopy::run_main_file(target, "gopy-eval-run");
  gopy::test::stop_runtime(ts);
  return code;
}
