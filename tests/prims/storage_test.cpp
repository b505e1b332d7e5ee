// Storage checks: sizes past PY_SSIZE_T_MAX and allocations that cannot succeed are
// refused before anything is allocated; growth keeps the container unchanged on failure.
#include <catch2/catch.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "object/prim/storage.hpp"

using namespace gopy::prim;

TEST_CASE("can_allocate checks the size against PY_SSIZE_T_MAX, then memory", "[storage]") {
  CHECK(can_allocate(0, 8));
  CHECK(can_allocate(1000, 8));
  CHECK(can_allocate(size_t{4} << 20, 1));  // probed with malloc, and returned
  CHECK_FALSE(can_allocate(kMaxStorageBytes / 8 + 1, 8));
  CHECK_FALSE(can_allocate(SIZE_MAX, 1));
  // Within PY_SSIZE_T_MAX but beyond any address space: malloc says no.
  CHECK_FALSE(can_allocate(size_t{1} << 60, 1));
}

TEST_CASE("reserve_more grows geometrically and reports what cannot be had", "[storage]") {
  std::vector<int64_t> v(5, 1);
  REQUIRE(reserve_more(v, 1));
  CHECK(v.capacity() >= 10);
  const size_t capacity = v.capacity();
  CHECK(reserve_more(v, 1));
  CHECK(v.capacity() == capacity);  // room already there
  CHECK(reserve_more(v, 1000));
  CHECK(v.capacity() >= 1005);
  const size_t before = v.capacity();
  CHECK_FALSE(reserve_more(v, size_t{1} << 60));
  CHECK_FALSE(reserve_more(v, SIZE_MAX));
  CHECK(v.capacity() == before);
  CHECK(v.size() == 5);
  std::string s = "abc";
  CHECK(reserve_more(s, 100));
  CHECK(s.capacity() >= 103);
  CHECK(s == "abc");
}
