// Sanitizer defaults compiled into every executable of a GOPY_SANITIZE build: the
// conformance runners start gopy with a fresh environment, so ASAN_OPTIONS cannot reach
// it. Exit code 97 marks a sanitizer report in any process. A failed malloc returns null
// (allocator_may_return_null) as it does without ASan, so running out of memory takes
// gopy's MemoryError path; ASAN_OPTIONS in the environment is read after these and
// overrides them one option at a time (tests add max_allocation_size_mb this way).
extern "C" const char* __asan_default_options() {
  return "exitcode=97:detect_leaks=1:abort_on_error=0:handle_segv=1:allocator_may_return_null=1";
}
extern "C" const char* __ubsan_default_options() {
  return "exitcode=97:halt_on_error=1:print_stacktrace=1";
}
extern "C" const char* __lsan_default_options() { return "exitcode=97"; }
