// dict_value_slot: one probe to read and replace a value (Counter's counting loop).
#include <catch2/catch.hpp>

#include "gopy/dict_value_slot.hpp"
#include "gopy/object.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object_runtime.hpp"

using namespace gopy;

TEST_CASE("dict_value_slot inserts the default once, then gives the stored value's address") {
  ObjectRuntime rt;
  Ref<DictObject> d = Ref<DictObject>::steal(new_dict());
  Ref<> key = Ref<>::steal(new_str("word"));
  Ref<> one = Ref<>::steal(new_int(1));
  bool inserted = false;
  Object** slot = dict_value_slot(d.get(), key.get(), one.get(), &inserted);
  REQUIRE(slot != nullptr);
  CHECK(inserted);
  CHECK(*slot == one.get());
  CHECK(d->used == 1);

  Ref<> same_text = Ref<>::steal(new_str("word"));  // an equal key, another object
  slot = dict_value_slot(d.get(), same_text.get(), one.get(), &inserted);
  REQUIRE(slot != nullptr);
  CHECK_FALSE(inserted);
  Object* old = *slot;
  *slot = new_int(41);
  decref(old);
  CHECK(int_small_value(dict_get_item(d.get(), key.get())) == 41);
  CHECK(d->used == 1);
}

TEST_CASE("dict_value_slot refuses an unhashable key") {
  ObjectRuntime rt;
  Ref<DictObject> d = Ref<DictObject>::steal(new_dict());
  Ref<> key = Ref<>::steal(new_list());
  bool inserted = false;
  CHECK(dict_value_slot(d.get(), key.get(), None(), &inserted) == nullptr);
  CHECK(error_matches(&exc_TypeError));
  clear_error();
  CHECK(d->used == 0);
}
