// Freeing through dealloc_object for a type the kernel knows nothing about (as a plugin
// would define one): nesting of any depth takes bounded stack, and a finalizer runs once.
#include <catch2/catch.hpp>

#include "gopy/object.hpp"
#include "gopy/state.hpp"
#include "object_runtime.hpp"

using namespace gopy;

namespace {

TypeObject plain_link_type;
TypeObject finalized_link_type;

int g_freed = 0;
int g_finalized = 0;
bool g_resurrect = false;
Object* g_kept = nullptr;

// A node holding one reference to the next: a chain of them nests as deep as it is long.
struct Link : Object {
  Object* next = nullptr;
  explicit Link(TypeObject* t) : Object(t) {}
  ~Link() override {
    clear_refs();
    ++g_freed;
  }
  void clear_refs() override {
    Object* n = next;
    next = nullptr;
    xdecref(n);
  }
};

void count_and_maybe_keep(Object* self) {
  ++g_finalized;
  if (g_resurrect) g_kept = new_ref(self);
}

void make_link_types() {
  make_static_type(&plain_link_type, &type_type, "plain_link", &object_type);
  make_static_type(&finalized_link_type, &type_type, "finalized_link", &object_type);
  finalized_link_type.tp_finalize = count_and_maybe_keep;
}

Link* make_chain(TypeObject* type, int length) {
  Link* head = nullptr;
  for (int i = 0; i < length; ++i) {
    Link* l = make<Link>(type);
    l->next = head;
    head = l;
  }
  return head;
}

void reset_counts() {
  g_freed = g_finalized = 0;
  g_resurrect = false;
  g_kept = nullptr;
}

}  // namespace

TEST_CASE("trashcan: a chain a million links deep is freed with bounded recursion", "[object][dealloc]") {
  ObjectRuntime rt;
  make_link_types();
  reset_counts();
  size_t live_before = rt.ts->interp->live_count;
  constexpr int kLength = 1000000;
  decref(make_chain(&plain_link_type, kLength));
  CHECK(g_freed == kLength);
  CHECK(rt.ts->interp->live_count == live_before);
  CHECK(rt.ts->dealloc_depth == 0);
  CHECK(rt.ts->dealloc_pending.empty());
}

TEST_CASE("trashcan: finalizers run for every link, deferred ones included", "[object][dealloc]") {
  ObjectRuntime rt;
  make_link_types();
  reset_counts();
  constexpr int kLength = 10000;
  decref(make_chain(&finalized_link_type, kLength));
  CHECK(g_finalized == kLength);
  CHECK(g_freed == kLength);
}

TEST_CASE("trashcan: a finalizer runs once, and a resurrected object is not freed", "[object][dealloc]") {
  ObjectRuntime rt;
  make_link_types();
  reset_counts();
  g_resurrect = true;
  Link* phoenix = make<Link>(&finalized_link_type);
  decref(phoenix);
  CHECK(g_finalized == 1);
  CHECK(g_freed == 0);
  REQUIRE(g_kept == phoenix);
  CHECK(phoenix->refcnt == 1);

  // Its second death frees it without finalizing it again.
  g_resurrect = false;
  decref(g_kept);
  CHECK(g_finalized == 1);
  CHECK(g_freed == 1);
  CHECK(rt.ts->interp->finalized.empty());
}
