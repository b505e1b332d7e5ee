// A new class's method resolution order (C3 linearization), its instance layout base and
// its metaclass (CPython: Objects/typeobject.c mro_implementation, pmerge, set_mro_error,
// best_base, solid_base, _PyType_CalculateMetaclass).
#include <algorithm>
#include <vector>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_str.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

namespace {

using TypeList = std::vector<TypeObject*>;

TypeList mro_of(TypeObject* t) {
  TypeList out;
  if (t->mro) {
    for (Object* o : t->mro->items) out.push_back(static_cast<TypeObject*>(o));
  } else {
    for (TypeObject* b = t; b; b = b->base) out.push_back(b);
  }
  return out;
}

bool in_tail(const TypeList& seq, size_t head, TypeObject* t) {
  for (size_t i = head + 1; i < seq.size(); ++i)
    if (seq[i] == t) return true;
  return false;
}

// CPython: Objects/typeobject.c set_mro_error: the heads left when no head can go next,
// each once, in the order the lists give them.
void mro_error(const std::vector<TypeList>& to_merge, const std::vector<size_t>& heads) {
  std::vector<TypeObject*> left;
  for (size_t i = 0; i < to_merge.size(); ++i) {
    if (heads[i] >= to_merge[i].size()) continue;
    TypeObject* c = to_merge[i][heads[i]];
    if (std::find(left.begin(), left.end(), c) == left.end()) left.push_back(c);
  }
  std::string names;
  for (TypeObject* c : left) names += cat(names.empty() ? " " : ", ", c->name);
  type_error(cat("Cannot create a consistent method resolution order (MRO) for bases", names));
}

}  // namespace

TupleObject* compute_mro(TypeObject* t, TupleObject* bases) {
  // CPython: Objects/typeobject.c check_duplicates
  for (size_t i = 0; i < bases->items.size(); ++i)
    for (size_t j = i + 1; j < bases->items.size(); ++j)
      if (bases->items[i] == bases->items[j]) {
        type_error(cat("duplicate base class ", static_cast<TypeObject*>(bases->items[i])->name));
        return nullptr;
      }
  std::vector<TypeList> to_merge;
  TypeList base_list;
  for (Object* b : bases->items) {
    to_merge.push_back(mro_of(static_cast<TypeObject*>(b)));
    base_list.push_back(static_cast<TypeObject*>(b));
  }
  to_merge.push_back(base_list);
  std::vector<size_t> heads(to_merge.size(), 0);
  std::vector<Object*> result{new_ref<Object>(t)};
  for (;;) {
    bool empty = true;
    TypeObject* next = nullptr;
    for (size_t i = 0; i < to_merge.size() && !next; ++i) {
      if (heads[i] >= to_merge[i].size()) continue;
      empty = false;
      TypeObject* candidate = to_merge[i][heads[i]];
      bool blocked = false;
      for (size_t j = 0; j < to_merge.size() && !blocked; ++j) blocked = in_tail(to_merge[j], heads[j], candidate);
      if (!blocked) next = candidate;
    }
    if (empty) break;
    if (!next) {
      for (Object* o : result) decref(o);
      mro_error(to_merge, heads);
      return nullptr;
    }
    result.push_back(new_ref<Object>(next));
    for (size_t i = 0; i < to_merge.size(); ++i)
      if (heads[i] < to_merge[i].size() && to_merge[i][heads[i]] == next) ++heads[i];
  }
  return new_tuple_steal(std::move(result));
}

// CPython: Objects/typeobject.c solid_base: the class that fixes the instances' layout
// (a class with its own __slots__, or the built-in type whose objects they are; built-in
// types sharing a constructor share a layout, as the exceptions do).
TypeObject* solid_base(TypeObject* t) {
  if ((t->flags & TypeFlags::heap) && !is_native_heap_type(t)) {
    if (t->slot_count != (t->base ? t->base->slot_count : 0)) return t;
    return solid_base(t->base);
  }
  // A built-in type whose objects object.__new__ makes (io's abstract bases) adds nothing
  // to object's layout: classes deriving from it are plain.
  if (t->tp_new == object_new_fn()) return &object_type;
  while (t->base && t->base->tp_new == t->tp_new && t->base != &object_type) t = t->base;
  return t;
}

TypeObject* best_base(TupleObject* bases) {
  TypeObject* base = nullptr;
  TypeObject* winner = nullptr;
  for (Object* o : bases->items) {
    auto* b = static_cast<TypeObject*>(o);
    TypeObject* candidate = solid_base(b);
    if (!winner) {
      winner = candidate;
      base = b;
    } else if (is_subtype(winner, candidate)) {
      // keeps the winner
    } else if (is_subtype(candidate, winner)) {
      winner = candidate;
      base = b;
    } else {
      type_error("multiple bases have instance lay-out conflict");
      return nullptr;
    }
  }
  return base;
}

TypeObject* calculate_metaclass(TypeObject* meta, TupleObject* bases) {
  TypeObject* winner = meta;
  for (Object* b : bases->items) {
    TypeObject* t = b->type;
    if (is_subtype(winner, t)) continue;
    if (is_subtype(t, winner)) {
      winner = t;
      continue;
    }
    type_error(
        "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the "
        "metaclasses of all its bases");
    return nullptr;
  }
  return winner;
}

}  // namespace gopy
