// gopy-soak CYCLES: the soak harness. In one process, CYCLES times: initialize (the plugins
// load and attach) -> run a program that builds reference cycles, runs generators (finished,
// abandoned mid-way and caught in a cycle) and raises and catches exceptions -> finalize (the
// plugins detach and unload). After every cycle it takes four figures: the heap in use
// (mallinfo2), the open file descriptors, the threads, and the plugin libraries mapped. The
// fds and threads after the last cycle must equal the first's, and no plugin may stay mapped.
// The heap is judged at its lowest over a window of cycles at the start and at the end: the
// end's lowest must not exceed the start's. A block that outlives a cycle (a cache reset per
// interpreter) may be handed a free chunk up to 16 bytes larger than it asked for, depending
// on where earlier blocks fell, so a single cycle's figure wobbles by that slack while a leak
// raises every cycle's figure, the lowest included. The start's window begins after a few
// warm-up cycles: what the process keeps for its lifetime (the plugin plan, the allocator's
// free lists) settles there; once, the second cycle kept 1,056 bytes more than the first,
// then the figure stayed flat for a thousand cycles.
// Under the sanitizers mallinfo2 does not see the allocator, so the heap figure is left to
// LeakSanitizer at exit. glibc's per-thread cache (tcache) keeps freed chunks that mallinfo2
// counts as in use, so the soak runs with it off (it re-executes itself with GLIBC_TUNABLES).
//   build/bin/gopy-soak 10000     the full soak (docs/hardening.md)
#include <malloc.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <cstring>

#include "gopy.h"
#include "gopy/plugin_host.hpp"

namespace {

namespace fs = std::filesystem;

// The program each cycle runs.
const char* const kProgram = R"(
class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

def build(n):
    nodes = []
    for i in range(n):
        a = Node(i)
        b = Node(-i)
        a.peer = b
        b.peer = a          # a reference cycle
        nodes.append(a)
    box = []
    box.append(box)         # a list holding itself
    d = {}
    d['self'] = d           # a dict holding itself
    return nodes, box, d

def fail(depth):
    if depth == 0:
        raise ValueError('deep')
    try:
        fail(depth - 1)
    except ValueError as e:
        raise KeyError(depth) from e

caught = 0
for round in range(20):
    data = build(10)
    try:
        fail(5)
    except KeyError as e:
        caught += e.__cause__ is not None

def numbers(n):
    for i in range(n):
        yield i

def squares(source):
    for x in source:
        yield x * x

def delegate(n):
    total = yield from squares(numbers(n))
    return total

assert sum(squares(numbers(100))) == 328350
pending = delegate(50)
next(pending)               # abandoned mid-way: closed when collected
del pending

def looping():
    me = yield
    yield me

g = looping()
next(g)
g.send(g)                   # a suspended generator whose frame holds the generator
del g
assert list(x + 1 for x in numbers(5)) == [1, 2, 3, 4, 5]
assert caught == 20, caught
)";

struct Figures {
  long long heap = 0;  // bytes in use (mallinfo2().uordblks)
  int fds = 0;
  int threads = 0;
  int plugin_maps = 0;  // mappings of files under <kernel lib dir>/gopy/
};

int count_entries(const char* dir) {
  int n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

Figures measure() {
  Figures f;
  f.heap = static_cast<long long>(mallinfo2().uordblks);
  f.fds = count_entries("/proc/self/fd");
  f.threads = count_entries("/proc/self/task");
  const std::string plugin_root = (gopy::plugin::kernel_library_dir() / "gopy").string() + "/";
  std::ifstream maps("/proc/self/maps");
  for (std::string line; std::getline(maps, line);)
    f.plugin_maps += line.find(plugin_root) != std::string::npos;
  return f;
}

void print(const char* when, const Figures& f) {
  std::printf("%-6s heap in use %lld bytes, %d fds, %d threads, %d plugin mappings\n", when,
              f.heap, f.fds, f.threads, f.plugin_maps);
}

bool cycle() {
  gopy_InitConfig* config = gopy_InitConfig_Create();
  if (config == nullptr) return false;
  if (gopy_InitializeFromInitConfig(config) < 0) {
    const char* error = "";
    gopy_InitConfig_GetError(config, &error);
    std::fprintf(stderr, "gopy-soak: initialize: %s\n", error);
    gopy_InitConfig_Free(config);
    return false;
  }
  gopy_InitConfig_Free(config);
  bool ran = gopy_RunSimpleString(kProgram) == 0;
  bool finalized = gopy_FinalizeEx() == 0;
  return ran && finalized;
}

}  // namespace

// tcache off for the whole process: the tunable is read when the process starts.
void exec_without_tcache(char** argv) {
  const char* kTunable = "glibc.malloc.tcache_count=0";
  const char* tunables = std::getenv("GLIBC_TUNABLES");
  if (tunables != nullptr && std::strstr(tunables, kTunable) != nullptr) return;
  std::string value = tunables != nullptr && *tunables ? std::string(tunables) + ":" + kTunable : kTunable;
  setenv("GLIBC_TUNABLES", value.c_str(), 1);
  execv("/proc/self/exe", argv);
  std::perror("gopy-soak: execv");  // run on with tcache: the heap figure may then drift
}

int main(int argc, char** argv) {
#ifndef GOPY_SANITIZE
  exec_without_tcache(argv);
#endif
  long cycles = argc > 1 ? std::strtol(argv[1], nullptr, 10) : 100;
  if (cycles < 2) {
    std::fprintf(stderr, "usage: gopy-soak CYCLES (at least 2)\n");
    return 2;
  }
  Figures before = measure();
  print("before", before);
  // The heap's window: its lowest figure over `window` cycles after `warmup` ones, and over
  // the last `window` cycles.
  const long window = std::min(20L, cycles / 2);
  const long warmup = std::min(5L, cycles - 2 * window > 0 ? cycles - 2 * window : 0L);
  Figures first;
  Figures last;
  long long lowest_first = 0;
  long long lowest_last = 0;
  auto start = std::chrono::steady_clock::now();
  for (long i = 0; i < cycles; ++i) {
    if (!cycle()) {
      std::fprintf(stderr, "gopy-soak: cycle %ld failed\n", i + 1);
      return 1;
    }
    last = measure();
    if (i == 0) {
      first = last;
      print("first", first);
    }
    if (i == warmup) lowest_first = last.heap;
    if (i >= warmup && i < warmup + window) lowest_first = std::min(lowest_first, last.heap);
    if (i == cycles - window) lowest_last = last.heap;
    if (i >= cycles - window) lowest_last = std::min(lowest_last, last.heap);
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  print("last", last);
  std::printf("lowest heap in use: %lld bytes over cycles %ld-%ld, %lld over the last %ld\n", lowest_first,
              warmup + 1, warmup + window, lowest_last, window);
  std::printf("%ld cycles in %.2f s: %.3f ms per cycle\n", cycles, seconds, 1000.0 * seconds / cycles);

  bool ok = true;
#ifndef GOPY_SANITIZE
  if (lowest_last > lowest_first) {
    std::fprintf(stderr, "gopy-soak: FAILED: the lowest heap in use grew from %lld to %lld bytes\n", lowest_first,
                 lowest_last);
    ok = false;
  }
#endif
  if (last.fds != first.fds || last.threads != first.threads) {
    std::fprintf(stderr, "gopy-soak: FAILED: fds %d -> %d, threads %d -> %d\n", first.fds, last.fds,
                 first.threads, last.threads);
    ok = false;
  }
  if (first.plugin_maps != 0 || last.plugin_maps != 0) {
    std::fprintf(stderr, "gopy-soak: FAILED: plugin libraries still mapped after finalize\n");
    ok = false;
  }
  std::printf(ok ? "soak passed\n" : "soak FAILED\n");
  return ok ? 0 : 1;
}
