// Containers: list, tuple, dict, set/frozenset, range, slice
// (CPython: Objects/listobject.c, tupleobject.c, dictobject.c, setobject.c, rangeobject.c).
#pragma once
#include "gopy/api_begin.h"

#include <cstdint>
#include <vector>

#include "gopy/object.hpp"

namespace gopy {

// Visits every non-null reference in a vector of owned references.
inline int visit_all(const std::vector<Object*>& refs, VisitFn visit, void* arg) {
  for (Object* o : refs)
    if (int r = visit_ref(o, visit, arg)) return r;
  return 0;
}

struct ListObject : GcObject {
  std::vector<Object*> items;  // owned references
  ListObject() : GcObject(&list_type) {}
  ~ListObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override { return visit_all(items, visit, arg); }
};

struct TupleObject : GcObject {
  std::vector<Object*> items;  // owned references
  int64_t hash = -1;
  TupleObject() : GcObject(&tuple_type) {}
  ~TupleObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override { return visit_all(items, visit, arg); }
  ssize size() const { return ssize(items.size()); }
};

// An insertion-ordered hash table (compact dict: entries in order + an index table).
struct DictEntry {
  int64_t hash;
  Object* key;    // null = deleted slot
  Object* value;
};
struct DictObject : GcObject {
  std::vector<DictEntry> entries;
  std::vector<int32_t> index;  // -1 empty, -2 dummy, else entry position
  ssize used = 0;
  uint64_t version = 0;  // bumped on every insertion/deletion (detects mutation in iteration)
  DictObject() : GcObject(&dict_type) {}
  ~DictObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override {
    for (const DictEntry& e : entries) {
      if (!e.key) continue;
      if (int r = visit(e.key, arg)) return r;
      if (int r = visit_ref(e.value, visit, arg)) return r;
    }
    return 0;
  }
};

// A hash set with CPython's probing and resize rules, so iteration order matches.
struct SetEntry {
  int64_t hash;
  Object* key;  // null = empty; &set_dummy = deleted
};
struct SetObject : GcObject {
  std::vector<SetEntry> table;  // size is a power of two
  ssize fill = 0;               // active + dummy
  ssize used = 0;               // active
  int64_t hash = -1;            // frozenset only
  size_t finger = 0;            // where pop() looks next (CPython: so->finger)
  SetObject(TypeObject* t) : GcObject(t) {}
  ~SetObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};
extern Object set_dummy;

struct RangeObject : Object {
  Object* start;  // ints (owned)
  Object* stop;
  Object* step;
  RangeObject() : Object(&range_type) {}
  ~RangeObject() override;
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

struct SliceObject : GcObject {
  Object* start = nullptr;  // owned, None when absent
  Object* stop = nullptr;
  Object* step = nullptr;
  SliceObject() : GcObject(&slice_type) {}
  ~SliceObject() override;
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

inline bool is_list(const Object* o) { return o->type == &list_type || is_subtype(o->type, &list_type); }
inline bool is_tuple(const Object* o) { return o->type == &tuple_type || (o->type->flags & TypeFlags::tuple_subclass); }
inline bool is_dict(const Object* o) { return o->type == &dict_type || is_subtype(o->type, &dict_type); }
inline bool is_anyset(const Object* o) {
  return o->type == &set_type || o->type == &frozenset_type || is_subtype(o->type, &set_type) ||
         is_subtype(o->type, &frozenset_type);
}

ListObject* new_list(ssize reserve = 0);
// Takes ownership of the references in `items`.
ListObject* new_list_steal(std::vector<Object*>&& items);
int list_append(ListObject* l, Object* item);  // increfs item
ListObject* list_from_iterable(Object* iterable);
int list_sort(ListObject* l, Object* key, bool reverse);
TupleObject* new_tuple(ssize n);  // items null: fill with tuple_set_steal
TupleObject* new_tuple_steal(std::vector<Object*>&& items);
TupleObject* new_tuple_from(std::initializer_list<Object*> items);  // increfs
TupleObject* tuple_from_iterable(Object* iterable);
TupleObject* empty_tuple();

DictObject* new_dict();
// Borrowed result, or null (no exception: missing; exception set: error).
Object* dict_get_item(DictObject* d, Object* key);
Object* dict_get_str(DictObject* d, StrObject* key);  // fast: no error possible for str keys
Object* dict_get_str(DictObject* d, std::string_view key);
int dict_set_item(DictObject* d, Object* key, Object* value);  // increfs both
int dict_set_str(DictObject* d, std::string_view key, Object* value);
int dict_del_item(DictObject* d, Object* key);  // KeyError when missing
void dict_clear(DictObject* d);
int dict_update(DictObject* d, Object* other);
DictObject* dict_copy(DictObject* d);
// Iteration helper over live entries.
template <class F>
void dict_for_each(DictObject* d, F f) {
  for (auto& e : d->entries)
    if (e.key) f(e.key, e.value);
}
Object* key_error(Object* key);  // sets KeyError(key), returns null

SetObject* new_set(TypeObject* type = &set_type);
int set_add(SetObject* s, Object* key);
int set_contains(SetObject* s, Object* key);
int set_discard(SetObject* s, Object* key);  // 1 removed, 0 absent, -1 error
int set_update(SetObject* s, Object* iterable);

Object* new_range(Object* start, Object* stop, Object* step);  // increfs
Object* new_slice(Object* start, Object* stop, Object* step);  // increfs, null -> None
// CPython: PySlice_Unpack + AdjustIndices. Returns the count, -1 on error.
ssize slice_indices(SliceObject* s, ssize length, ssize* start, ssize* stop, ssize* step);

// Sequence helpers shared by list/tuple/str.
Object* seq_iter_new(Object* seq);  // generic __getitem__ iterator
Object* new_callable_iter(Object* callable, Object* sentinel);  // iter(f, sentinel)
// Pops key: the value (new reference), or null (missing: nothing set; error: set).
Object* dict_pop_item(DictObject* d, Object* key);

}  // namespace gopy
#include "gopy/api_end.h"
