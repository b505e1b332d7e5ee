// The small-object allocator: objects of every size come back whole, memory goes back to
// the system when an interpreter is destroyed, and repeated init/finalize does not grow.
#include <catch2/catch.hpp>

#include <vector>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_num.hpp"
#include "gopy/state.hpp"
#include "object/object_alloc.hpp"
#include "object_runtime.hpp"

using namespace gopy;

TEST_CASE("the pools are off exactly in the sanitizer build", "[object][alloc]") {
  ObjectRuntime rt;
#if defined(GOPY_SANITIZE)
  CHECK_FALSE(object_alloc_pools_enabled());
#else
  CHECK(object_alloc_pools_enabled());
#endif
}

TEST_CASE("blocks of every small size are distinct and keep their contents", "[object][alloc]") {
  std::vector<std::pair<unsigned char*, size_t>> blocks;
  for (size_t size = 8; size <= 600; size += 8) {
    for (int i = 0; i < 50; ++i) {
      auto* p = static_cast<unsigned char*>(object_alloc(size));
      REQUIRE(p);
      for (size_t k = 0; k < size; ++k) p[k] = static_cast<unsigned char>(size + i);
      blocks.push_back({p, size});
    }
  }
  bool intact = true;
  for (size_t n = 0; n < blocks.size(); ++n) {
    auto [p, size] = blocks[n];
    auto expect = static_cast<unsigned char>(size + int(n % 50));
    for (size_t k = 0; k < size; ++k) intact = intact && p[k] == expect;
  }
  CHECK(intact);
  for (auto [p, size] : blocks) object_free(p, size);
  object_alloc_release_free_memory();
  CHECK(object_alloc_arena_count() == 0);
}

TEST_CASE("destroying the interpreter gives the arenas back; cycles do not grow", "[object][alloc]") {
  size_t peak = 0;
  for (int cycle = 0; cycle < 1000; ++cycle) {
    ObjectRuntime rt;
    Ref<ListObject> list = Ref<ListObject>::steal(new_list());
    for (int i = 0; i < 2000; ++i) {
      Ref<> v = Ref<>::steal(new_int(1000000 + i));
      list_append(list.get(), v.get());
    }
    peak = std::max(peak, object_alloc_arena_count());
  }
  CHECK(object_alloc_arena_count() == 0);
#if !defined(GOPY_SANITIZE)
  CHECK(peak > 0);
  CHECK(peak <= 2);
#endif
}
