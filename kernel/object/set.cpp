// set and frozenset, with CPython's table layout, probing and resize rules so iteration
// order matches (CPython: Objects/setobject.c).
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/prim/hash.hpp"
#include "object/prim/storage.hpp"
#include "object/set_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject set_type, frozenset_type, set_iter_type;
Object set_dummy;

namespace {

constexpr size_t kMinSize = 8;
constexpr size_t kLinearProbes = 9;
constexpr int kPerturbShift = 5;

SetObject* as_set(Object* o) { return static_cast<SetObject*>(o); }

void ensure_table(SetObject* s) {
  if (s->table.empty()) s->table.assign(kMinSize, SetEntry{0, nullptr});
}

void insert_clean(std::vector<SetEntry>& table, Object* key, int64_t hash) {
  size_t mask = table.size() - 1;
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  for (;;) {
    if (!table[i].key) break;
    bool found = false;
    if (i + kLinearProbes <= mask) {
      for (size_t j = 1; j <= kLinearProbes; ++j) {
        if (!table[i + j].key) {
          i += j;
          found = true;
          break;
        }
      }
    }
    if (found) break;
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
  table[i] = {hash, key};
}

// CPython: set_table_resize. -1 with MemoryError (the table unchanged) when the new
// table cannot be allocated.
int table_resize(SetObject* s, ssize minused) {
  size_t newsize = kMinSize;
  while (newsize <= size_t(minused)) newsize <<= 1;
  if (!prim::can_allocate(newsize, sizeof(SetEntry))) {
    no_memory();
    return -1;
  }
  std::vector<SetEntry> old;
  old.swap(s->table);
  s->table.assign(newsize, SetEntry{0, nullptr});
  for (auto& e : old)
    if (e.key && e.key != &set_dummy) insert_clean(s->table, e.key, e.hash);
  s->fill = s->used;
  return 0;
}

bool hash_element(Object* key, int64_t* hash) {
  *hash = object_hash(key);
  if (*hash != -1) return true;
  if (error_matches(&exc_TypeError)) {
    Object* exc = fetch_error();
    Object* msg = object_str(exc);
    decref(exc);
    if (!msg) return false;
    type_error(cat("cannot use '", key->type->name, "' as a set element (", as_str(msg)->utf8, ")"));
    decref(msg);
  }
  return false;
}

// Calls key == start with both held: user code in __eq__ may mutate or free the set's
// entries. *changed says whether the slot no longer holds start in the same table, in
// which case the caller restarts its probe (CPython: "set changed size during lookup").
int compare_entry(SetObject* s, size_t slot, Object* key, bool* changed) {
  Object* start = s->table[slot].key;
  const SetEntry* table_before = s->table.data();
  size_t size_before = s->table.size();
  incref(start);
  incref(key);
  int eq = object_eq(start, key);
  *changed = s->table.data() != table_before || s->table.size() != size_before || s->table[slot].key != start;
  decref(key);
  decref(start);
  return eq;
}

// Returns the slot index of key, -1 when absent, -2 on error.
// CPython: Objects/setobject.c set_lookkey
ssize find(SetObject* s, Object* key, int64_t hash) {
restart:
  if (s->table.empty()) return -1;
  size_t mask = s->table.size() - 1;
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  for (;;) {
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (size_t j = 0; j <= probes; ++j) {
      const SetEntry& e = s->table[i + j];
      if (!e.key) return -1;
      if (e.hash == hash && e.key != &set_dummy) {
        if (e.key == key) return ssize(i + j);
        if (key->type == &str_type && e.key->type == &str_type) {
          if (str_equal(as_str(key), as_str(e.key))) return ssize(i + j);
          continue;
        }
        bool changed;
        int eq = compare_entry(s, i + j, key, &changed);
        if (eq < 0) return -2;
        if (changed) goto restart;
        if (eq) return ssize(i + j);
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

// Stores key (a new reference) in slot, which is empty or a dummy.
void fill_slot(SetObject* s, size_t slot, Object* key, int64_t hash) {
  if (!s->table[slot].key) ++s->fill;
  s->table[slot] = {hash, new_ref(key)};
  ++s->used;
}

// CPython: Objects/setobject.c set_add_entry_takeref. Slots are indices, never pointers:
// the table can be reallocated or emptied by user code in __eq__.
int add_entry(SetObject* s, Object* key, int64_t hash) {
  Ref<> hold = Ref<>::borrow(key);
restart:
  ensure_table(s);
  size_t mask = s->table.size() - 1;
  size_t perturb = size_t(hash);
  size_t i = size_t(hash) & mask;
  ssize freeslot = -1;
  for (;;) {
    size_t probes = (i + kLinearProbes <= mask) ? kLinearProbes : 0;
    for (size_t j = 0; j <= probes; ++j) {
      const SetEntry& e = s->table[i + j];
      if (e.hash == 0 && !e.key) {
        if (freeslot >= 0) {
          if (s->table[size_t(freeslot)].key != &set_dummy) goto restart;  // refilled by __eq__
          fill_slot(s, size_t(freeslot), key, hash);
          return 0;
        }
        fill_slot(s, i + j, key, hash);
        if (size_t(s->fill) * 5 < mask * 3) return 0;
        return table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
      }
      if (e.hash == hash && e.key != &set_dummy) {
        if (e.key == key) return 0;
        if (key->type == &str_type && e.key->type == &str_type) {
          if (str_equal(as_str(key), as_str(e.key))) return 0;
          continue;
        }
        bool changed;
        int eq = compare_entry(s, i + j, key, &changed);
        if (eq < 0) return -1;
        if (eq) return 0;
        if (changed) goto restart;
      } else if (e.hash == -1 && e.key == &set_dummy) {
        freeslot = ssize(i + j);
      }
    }
    perturb >>= kPerturbShift;
    i = (i * 5 + 1 + perturb) & mask;
  }
}

}  // namespace

void SetObject::clear_refs() {
  std::vector<SetEntry> old;
  old.swap(table);
  fill = used = 0;
  for (auto& e : old)
    if (e.key && e.key != &set_dummy) decref(e.key);
}

int SetObject::traverse(VisitFn visit, void* arg) {
  for (const SetEntry& e : table)
    if (e.key && e.key != &set_dummy)
      if (int r = visit(e.key, arg)) return r;
  return 0;
}

SetObject* new_set(TypeObject* type) { return make<SetObject>(type); }

int set_add(SetObject* s, Object* key) {
  int64_t hash;
  if (!hash_element(key, &hash)) return -1;
  return add_entry(s, key, hash);
}

int set_contains(SetObject* s, Object* key) {
  Ref<> hold = Ref<>::borrow(key);
  int64_t hash;
  if (!hash_element(key, &hash)) return -1;
  ssize r = find(s, key, hash);
  return r == -2 ? -1 : r >= 0;
}

int set_discard(SetObject* s, Object* key) {
  Ref<> hold = Ref<>::borrow(key);
  int64_t hash;
  if (!hash_element(key, &hash)) return -1;
  ssize r = find(s, key, hash);
  if (r == -2) return -1;
  if (r < 0) return 0;
  SetEntry& e = s->table[size_t(r)];
  Object* old = e.key;
  e.key = &set_dummy;
  e.hash = -1;
  --s->used;
  decref(old);
  return 1;
}

// Adds keys the caller holds references to, and releases them.
static int add_held_entries(SetObject* s, std::vector<SetEntry>& entries) {
  int r = 0;
  for (auto& e : entries) {
    if (r == 0 && add_entry(s, e.key, e.hash) < 0) r = -1;
    decref(e.key);
  }
  return r;
}

// CPython: set_update_internal / set_merge
int set_update(SetObject* s, Object* iterable) {
  if (is_anyset(iterable)) {
    auto* other = as_set(iterable);
    if (other == s || other->used == 0) return 0;
    ensure_table(s);
    if (size_t(s->fill + other->used) * 5 >= (s->table.size() - 1) * 3 &&
        table_resize(s, (s->used + other->used) * 2) < 0)
      return -1;
    // An empty table takes other's slots as they are (same size, no dummies) or
    // re-places them with no comparisons; no __eq__ runs on either path.
    if (s->fill == 0) {
      if (s->table.size() == other->table.size() && other->fill == other->used) {
        for (size_t i = 0; i < other->table.size(); ++i)
          if (Object* k = other->table[i].key) s->table[i] = {other->table[i].hash, new_ref(k)};
      } else {
        for (auto& e : other->table)
          if (e.key && e.key != &set_dummy) insert_clean(s->table, new_ref(e.key), e.hash);
      }
      s->fill = s->used = other->used;
      return 0;
    }
    // Held references: __eq__ may mutate `other` while we add its keys.
    std::vector<SetEntry> entries;
    for (auto& e : other->table)
      if (e.key && e.key != &set_dummy) entries.push_back({e.hash, new_ref(e.key)});
    return add_held_entries(s, entries);
  }
  if (is_dict(iterable)) {
    auto* d = static_cast<DictObject*>(iterable);
    ensure_table(s);
    if (size_t(s->fill + d->used) * 5 >= (s->table.size() - 1) * 3 &&
        table_resize(s, (s->used + d->used) * 2) < 0)
      return -1;
    std::vector<SetEntry> entries;
    for (auto& e : d->entries)
      if (e.key) entries.push_back({e.hash, new_ref(e.key)});
    return add_held_entries(s, entries);
  }
  Object* it = get_iter(iterable);
  if (!it) return -1;
  while (Object* x = iter_next(it)) {
    int r = set_add(s, x);
    decref(x);
    if (r < 0) {
      decref(it);
      return -1;
    }
  }
  decref(it);
  return error_occurred() ? -1 : 0;
}

// CPython: Objects/setobject.c set_difference_update_internal's closing resize
int set_shrink_dummies(SetObject* s) {
  if (s->table.empty() || size_t(s->fill - s->used) <= (s->table.size() - 1) / 4) return 0;
  return table_resize(s, s->used > 50000 ? s->used * 2 : s->used * 4);
}

// Set iteration helper: visits live keys in table order.
template <class F>
static void for_each_key(SetObject* s, F f) {
  for (auto& e : s->table)
    if (e.key && e.key != &set_dummy) f(e.key);
}

std::vector<Object*> set_keys_snapshot(SetObject* s) {
  std::vector<Object*> keys;
  for_each_key(s, [&](Object* k) { keys.push_back(new_ref(k)); });
  return keys;
}

size_t set_finger_pop(SetObject* s, Object** out) {
  size_t mask = s->table.size() - 1;
  size_t i = s->finger & mask;
  while (!s->table[i].key || s->table[i].key == &set_dummy) i = (i + 1) & mask;
  *out = s->table[i].key;
  s->table[i].key = &set_dummy;
  s->table[i].hash = -1;
  --s->used;
  s->finger = i + 1;
  return i;
}

void init_set_type_core() {
  set_dummy.refcnt = kImmortalRefcnt;
  make_static_type(&set_type, &type_type, "set", &object_type);
  make_static_type(&frozenset_type, &type_type, "frozenset", &object_type);
  make_static_type(&set_iter_type, &type_type, "set_iterator", &object_type, 0);
}

}  // namespace gopy
