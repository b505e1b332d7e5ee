// Allocation-failure injection (see gopy/alloc_fault.hpp). One process-wide counter; gopy
// allocates under its interpreter lock. The counters are relaxed atomics; they are touched
// only while the hook is on (a test or a walk), so ordinary runs never pay for them.
#include "gopy/alloc_fault.hpp"

#include <atomic>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace gopy::fault {

bool detail::hook_on = false;

namespace {

std::atomic<std::uint64_t> g_count{0};
std::atomic<std::uint64_t> g_fail_at{0};  // the count that fails; 0: disarmed
std::atomic<bool> g_failed{false};

void print_count() { std::fprintf(stderr, "gopy: %llu allocations\n", static_cast<unsigned long long>(g_count.load())); }

// GOPY_FAIL_ALLOC and GOPY_COUNT_ALLOC, read when libgopy loads (before any allocation).
[[maybe_unused]] const bool g_from_environment = [] {
  if (const char* text = std::getenv("GOPY_FAIL_ALLOC")) {
    std::uint64_t n = 0;
    const char* end = text + std::strlen(text);
    if (std::from_chars(text, end, n).ptr == end) g_fail_at = n;
    detail::hook_on = true;
  }
  if (const char* count = std::getenv("GOPY_COUNT_ALLOC"); count != nullptr && std::strcmp(count, "1") == 0) {
    std::atexit(print_count);
    detail::hook_on = true;
  }
  return true;
}();

}  // namespace

bool detail::count_allocation_and_check() noexcept {
  std::uint64_t n = g_count.fetch_add(1, std::memory_order_relaxed) + 1;
  if (n != g_fail_at.load(std::memory_order_relaxed)) return false;
  g_failed.store(true, std::memory_order_relaxed);
  return true;
}

void fail_allocation_at(std::uint64_t n) noexcept {
  detail::hook_on = true;
  g_failed = false;
  g_fail_at = n == 0 ? 0 : g_count.load() + n;
}

std::uint64_t allocation_count() noexcept { return g_count.load(); }

bool allocation_failed() noexcept { return g_failed.load(); }

}  // namespace gopy::fault
