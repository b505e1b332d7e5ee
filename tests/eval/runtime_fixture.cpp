#include "runtime_fixture.hpp"

#include <unistd.h>

#include <cstdio>
#include <cstring>

#include "gopy/environment.hpp"
#include "gopy/eval.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_textio.hpp"
#include "gopy/plugin_abi.h"
#include "gopy/plugin_host.hpp"

extern "C" const gopy_plugin_descriptor* gopy_plugin_builtins();
extern "C" const gopy_plugin_descriptor* gopy_plugin_sys();
extern "C" const gopy_plugin_descriptor* gopy_plugin_import_stub();

namespace gopy::test {
namespace {

void attach(const gopy_plugin_descriptor* d, Interpreter* interp, plugin::Phase phase,
            const plugin::ContextView& view) {
  Status status = plugin::call_plugin(d->attach, {d->name, phase, 0, false}, interp, view);
  if (!status.is_ok()) std::fprintf(stderr, "%s\n", status.message().c_str());
}

std::string read_all(int fd) {
  std::string out;
  ::lseek(fd, 0, SEEK_SET);
  char buf[4096];
  ssize_t n;
  while ((n = ::read(fd, buf, sizeof buf)) > 0) out.append(buf, size_t(n));
  return out;
}

int temp_fd() {
  char path[] = "/tmp/gopy-test-XXXXXX";
  int fd = ::mkstemp(path);
  ::unlink(path);
  return fd;
}

}  // namespace

RuntimeConfig config_from(const std::vector<std::string>& argv,
                          const std::vector<std::string>& path) {
  RuntimeConfig r{Config::isolated_preset(), PreConfig::isolated_preset()};
  r.config.argv = argv;
  r.config.module_search_paths = path;
  r.config.module_search_paths_set = 1;
  MapEnvironment no_variables;
  Status status = config_read(r.config, r.preconfig, {}, no_variables);
  if (!status.is_ok()) std::fprintf(stderr, "%s\n", status.message().c_str());
  // The streams keep their strict default: the evaluator's tests see encoding errors.
  r.config.stdio_errors.reset();
  return r;
}

ThreadState* start_runtime(const InterpreterSettings& settings, const RuntimeConfig* config) {
  InterpreterSettings s = settings;
  if (!s.use_hash_seed) {
    s.use_hash_seed = true;
    s.hash_seed = 0;
  }
  RuntimeConfig from_settings;
  if (config == nullptr) {
    from_settings = config_from();
    config = &from_settings;
  }
  MapEnvironment environment;
  const plugin::ContextView view{&config->config, &config->preconfig, &environment, nullptr};
  ThreadState* ts = create_interpreter(s);
  using plugin::Phase;
  attach(gopy_plugin_builtins(), ts->interp, Phase::core, view);
  attach(gopy_plugin_sys(), ts->interp, Phase::core, view);
  attach(gopy_plugin_sys(), ts->interp, Phase::main, view);
  attach(gopy_plugin_import_stub(), ts->interp, Phase::main, view);
  return ts;
}

void stop_runtime(ThreadState* ts) {
  finalize_modules(ts->interp);
  free_all_objects(ts->interp);
  destroy_interpreter(ts);
}

RunResult run_source(const std::string& source, const std::string& stdin_text,
                     const RuntimeConfig* config) {
  ThreadState* ts = start_runtime({}, config);
  Interpreter* interp = ts->interp;
  int out_fd = temp_fd(), err_fd = temp_fd(), in_fd = temp_fd();
  if (::write(in_fd, stdin_text.data(), stdin_text.size()) < 0) return {};
  ::lseek(in_fd, 0, SEEK_SET);
  Object* streams[3] = {new_textio(out_fd, "<stdout>", false, false), new_textio(err_fd, "<stderr>", false, true),
                        new_textio(in_fd, "<stdin>", true, false)};
  const char* names[3] = {"stdout", "stderr", "stdin"};
  Object** slots[3] = {&interp->stdout_obj, &interp->stderr_obj, &interp->stdin_obj};
  for (int i = 0; i < 3; ++i) {
    xdecref(*slots[i]);
    *slots[i] = streams[i];
    dict_set_str(interp->sys_module->dict, names[i], streams[i]);
  }
  RunResult r;
  r.exit_code = run_main_string(source);
  flush_std_streams();
  r.out = read_all(out_fd);
  r.err = read_all(err_fd);
  stop_runtime(ts);
  ::close(out_fd);
  ::close(err_fd);
  ::close(in_fd);
  return r;
}

}  // namespace gopy::test
