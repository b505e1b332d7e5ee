// resource_limits_test: running out of memory, sizes past PY_SSIZE_T_MAX and small C
// stacks, through the real executable: CPython 3.14's exception and exit status 1, never a
// crash. Memory limits come from `ulimit -v`; under AddressSanitizer (which cannot start
// under ulimit -v) from ASAN_OPTIONS=max_allocation_size_mb, which makes the same large
// allocations fail. Small stacks are tested without sanitizers only: their frames are
// several times larger.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <string_view>

#include "spawn.hpp"

namespace {

#ifdef GOPY_SANITIZE
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

// True, with the reason printed, in a sanitizer build, where the calling test cannot run.
bool skipped_when_sanitized(const char* reason) {
  if (kSanitized) WARN("skipped under GOPY_SANITIZE: " << reason);
  return kSanitized;
}

// Runs `gopy -S -c program` with a shell `ulimit` applied to gopy itself (the shell execs it).
ChildResult run_with_ulimit(const std::string& limit, const std::string& program,
                            const std::map<std::string, std::string>& env = {}) {
  TempDir dir;
  return run_program("/bin/sh", {"-c", "ulimit " + limit + " && exec \"$0\" -S -c \"$1\"", gopy_executable(), program},
                     dir.path(), "", env);
}

// Drops ASan's "WARNING: AddressSanitizer failed to allocate ..." lines: the allocator
// reports each malloc it refuses before returning null.
std::string without_asan_warnings(const std::string& err) {
  std::string kept;
  size_t start = 0;
  while (start < err.size()) {
    size_t end = err.find('\n', start);
    end = end == std::string::npos ? err.size() : end + 1;
    std::string_view line(err.data() + start, end - start);
    if (line.find("AddressSanitizer failed to allocate") == std::string_view::npos) kept += line;
    start = end;
  }
  return kept;
}

// Runs a program with less memory than it asks for: ulimit -v 500000 (KiB), or under ASan
// an 8 MiB cap on a single allocation (the compiled-in allocator_may_return_null=1 stays:
// ASAN_OPTIONS adds to the defaults).
ChildResult run_short_of_memory(const std::string& program) {
  if (kSanitized) {
    TempDir dir;
    ChildResult r = run_gopy({"-S", "-c", program}, dir.path(), "", {{"ASAN_OPTIONS", "max_allocation_size_mb=8"}});
    r.err = without_asan_warnings(r.err);
    return r;
  }
  return run_with_ulimit("-v 500000", program);
}

// CPython's report of an uncaught exception raised by line `lineno` of `-c` code, with
// the PEP 657 markers under the line (as Lib/traceback.py draws them).
std::string traceback_at(int lineno, const std::string& line, const std::string& carets, const std::string& exc) {
  return "Traceback (most recent call last):\n  File \"<string>\", line " + std::to_string(lineno) +
         ", in <module>\n    " + line + "\n    " + carets + "\n" + exc + "\n";
}

struct Case {
  const char* program;
  const char* carets;
  const char* error;
};

// Each one-line program, short of memory, ends with its uncaught exception.
template <size_t N>
void check_uncaught(const Case (&cases)[N]) {
  for (const Case& c : cases) {
    INFO(c.program);
    ChildResult r = run_short_of_memory(c.program);
    CHECK(r.out == "");
    CHECK(r.err == traceback_at(1, c.program, c.carets, c.error));
    CHECK(r.exit_code == 1);
  }
}

}  // namespace

TEST_CASE("resource_limits_test: allocations that fail are MemoryError", "[lifecycle][memory]") {
  const Case cases[] = {
      {"\"a\" * 10**9", "~~~~^~~~~~~", "MemoryError"},
      {"[0] * 10**8", "~~~~^~~~~~~", "MemoryError"},
      {"list(range(10**8))", "~~~~^^^^^^^^^^^^^^", "MemoryError"},
      {"set(range(10**8))", "~~~^^^^^^^^^^^^^^", "MemoryError"},
  };
  check_uncaught(cases);
}

TEST_CASE("resource_limits_test: growing until memory runs out is a MemoryError", "[lifecycle][memory]") {
  const char* programs[] = {
      "{i: i for i in range(10**8)}",
      "x = []\nwhile True: x.append([1, 2, 3])",
      "x = 1 << 2**20\nwhile True: x = x * x",
  };
  for (const char* program : programs) {
    INFO(program);
    ChildResult r = run_short_of_memory(program);
    CHECK(r.out == "");
    // CPython's report varies here (3.14 may lose sys.stderr); the exception and the
    // status do not.
    CHECK(r.err.find("MemoryError") != std::string::npos);
    CHECK(r.err.find("bad_alloc") == std::string::npos);
    CHECK(r.exit_code == 1);
  }
}

TEST_CASE("resource_limits_test: MemoryError can be caught and the program goes on", "[lifecycle][memory]") {
  ChildResult r = run_short_of_memory(
      "try:\n    s = 'ab' * 10**9\nexcept MemoryError as e:\n    print('caught', repr(e), e.args)\n"
      "print(len('ab' * 10))\n");
  CHECK(r.err == "");
  CHECK(r.out == "caught MemoryError() ()\n20\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("resource_limits_test: sizes past PY_SSIZE_T_MAX", "[lifecycle][memory]") {
  // CPython: unicode_repeat checks the length in characters (OverflowError); list_repeat
  // and tuple_repeat call PyErr_NoMemory; long_lshift and long_pow fail in long_alloc.
  const Case cases[] = {
      {"('a'*16)*(2**60)", "~~~~~~~~^^~~~~~~", "OverflowError: repeated string is too long"},
      {"('a'*16)*(2**59)", "~~~~~~~~^^~~~~~~", "OverflowError: repeated string is too long"},
      {"[0]*(10**12)", "~~~^^~~~~~~~", "MemoryError"},
      {"(0,)*(10**12)", "~~~~^^~~~~~~~", "MemoryError"},
      {"list(range(10**12))", "~~~~^^^^^^^^^^^^^^^", "MemoryError"},
      {"1 << (2**62)", "~~^^~~~~~~~~", "MemoryError"},
      {"1 << (2**63 - 1)", "~~^^~~~~~~~~~~~~", "OverflowError: too many digits in integer"},
      {"2**(2**40)", "~^^~~~~~~~", "MemoryError"},
  };
  check_uncaught(cases);
}

TEST_CASE("resource_limits_test: no fixed caps below what memory holds", "[lifecycle][memory]") {
  TempDir dir;
  // Past the former cap of 2**31 bits; no MemoryError while memory lasts.
  ChildResult r = run_gopy({"-S", "-c", "print((1 << 2**31).bit_length())\n"}, dir.path());
  CHECK(r.err == "");
  CHECK(r.out == "2147483649\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("resource_limits_test: small C stacks raise RecursionError", "[lifecycle][stack]") {
  if (skipped_when_sanitized("sanitizer frames are several times larger")) return;
  for (const char* kib : {"128", "256", "512"}) {
    INFO("ulimit -s " << kib);
    ChildResult r = run_with_ulimit(std::string("-s ") + kib,
                                    "def f(): f()\n"
                                    "try:\n    f()\nexcept RecursionError as e:\n    print(type(e).__name__)\n"
                                    "f()\n");
    CHECK(r.out == "RecursionError\n");
    CHECK(r.err.rfind("RecursionError: maximum recursion depth exceeded\n") != std::string::npos);
    CHECK(r.exit_code == 1);
  }
}

TEST_CASE("resource_limits_test: iterators nested past the C stack raise RecursionError", "[lifecycle][stack]") {
  // Each map's next asks the map it wraps: 200,000 of them need more than an 8 MiB stack.
  // CPython 3.13 dies here by SIGSEGV; gopy stops with RecursionError, and is usable after.
  for (const char* wrap : {"map(abs, a)", "filter(None, a)", "zip(a)", "enumerate(a)"}) {
    INFO(wrap);
    ChildResult r = run_with_ulimit("-s 8192",
                                    std::string("import functools\n"
                                                "x = functools.reduce(lambda a, _: ") + wrap +
                                        ", range(200000), [1])\n"
                                        "try:\n    list(x)\nexcept RecursionError as e:\n"
                                        "    print(type(e).__name__, str(e).startswith('Stack overflow'))\n"
                                        "print(sum(map(abs, range(-3, 3))))\n");
    CHECK(r.out == "RecursionError True\n9\n");
    CHECK(r.exit_code == 0);
  }
}

TEST_CASE("resource_limits_test: source nested past the parser's stack is a MemoryError", "[lifecycle][memory]") {
  TempDir dir;
  const std::string deep = "x = " + std::string(100000, '-') + "1";
  ChildResult r = run_gopy({"-S", "-c", deep}, dir.path());
  CHECK(r.out == "");
  CHECK(r.err == "MemoryError: Parser stack overflowed - Python source too complex to parse\n");
  CHECK(r.exit_code == 1);
  dir.write("deep.py", deep + "\n");
  r = run_gopy({"-S", "deep.py"}, dir.path());
  CHECK(r.err == "MemoryError: Parser stack overflowed - Python source too complex to parse\n");
  CHECK(r.exit_code == 1);
}

TEST_CASE("resource_limits_test: a std::bad_alloc is MemoryError at the statement it stops", "[lifecycle][memory]") {
  if (skipped_when_sanitized("ASan aborts inside a failing operator new, before any handler")) return;
  // str.join grows its text without asking first: the allocation that fails throws, and
  // the statement boundary turns that into MemoryError that the program can handle.
  ChildResult r = run_with_ulimit("-v 500000",
                                  "parts = ['a' * 10**7] * 100\n"
                                  "try:\n    s = '-'.join(parts)\nexcept MemoryError as e:\n    print('caught', repr(e))\n"
                                  "print(len('-'.join(parts[:3])))\n"
                                  "'-'.join(parts)\n");
  CHECK(r.out == "caught MemoryError()\n30000002\n");
  CHECK(r.err == traceback_at(7, "'-'.join(parts)", "~~~~~~~~^^^^^^^", "MemoryError"));
  CHECK(r.exit_code == 1);
}
