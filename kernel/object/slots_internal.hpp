// A class statement's __slots__ (slots.cpp), for build_class.
#pragma once

#include <string_view>
#include <vector>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_str.hpp"

namespace gopy {

// What a class body's __slots__ asks for (CPython: Objects/typeobject.c type_new_slots).
struct SlotsPlan {
  std::vector<Ref<StrObject>> names;  // mangled, sorted, each once
  bool add_dict = false;
  bool add_weakref = false;
};

// Reads the __slots__ value `spec` of class `class_name` (namespace `ns`, base `base`)
// with CPython's checks: 0, or -1 with the exception set.
int plan_slots(std::string_view class_name, TypeObject* base, DictObject* ns, Object* spec, SlotsPlan* plan);
// Adds a member descriptor per slot to the new class; its slots' cells follow the base's.
int add_slot_members(TypeObject* t, const SlotsPlan& plan);

}  // namespace gopy
