// dict: an insertion-ordered hash table (CPython: Objects/dictobject.c, the compact dict:
// entries in insertion order plus an index table probed by hash).
#include "gopy/object.hpp"
#include "gopy/dict_value_slot.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/dict_internal.hpp"
#include "object/exc_notes.hpp"
#include "object/prim/storage.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject dict_type;

namespace {

constexpr int32_t kEmpty = -1;
constexpr int32_t kDummy = -2;

void rebuild_index(DictObject* d, size_t capacity) {
  // Compact the entries (drop deleted ones) and re-index.
  if (ssize(d->entries.size()) != d->used) {
    std::vector<DictEntry> live;
    live.reserve(size_t(d->used));
    for (auto& e : d->entries)
      if (e.key) live.push_back(e);
    d->entries.swap(live);
  }
  d->index.assign(capacity, kEmpty);
  size_t mask = capacity - 1;
  for (size_t i = 0; i < d->entries.size(); ++i) {
    size_t slot = size_t(d->entries[i].hash) & mask;
    while (d->index[slot] != kEmpty) slot = (slot + 1) & mask;
    d->index[slot] = int32_t(i);
  }
}

// Finds key; returns the entry position or -1 (not found) or -2 (error). *slot_out is the
// index slot where the key is or could be inserted.
// CPython: Objects/dictobject.c do_lookup: a comparison that mutated the dict restarts
// the probe (a loop, not recursion: __eq__ may mutate every time).
ssize lookup(DictObject* d, Object* key, int64_t hash, size_t* slot_out) {
restart:
  if (d->index.empty()) {
    *slot_out = 0;
    return -1;
  }
  size_t mask = d->index.size() - 1;
  size_t slot = size_t(hash) & mask;
  ssize first_dummy = -1;
  bool key_is_str = key->type == &str_type;
  for (;;) {
    int32_t ix = d->index[slot];
    if (ix == kEmpty) {
      *slot_out = first_dummy >= 0 ? size_t(first_dummy) : slot;
      return -1;
    }
    if (ix == kDummy) {
      if (first_dummy < 0) first_dummy = ssize(slot);
    } else {
      DictEntry& e = d->entries[size_t(ix)];
      if (e.key == key) {
        *slot_out = slot;
        return ix;
      }
      if (e.hash == hash) {
        int eq;
        if (key_is_str && e.key->type == &str_type) {
          eq = str_equal(as_str(key), as_str(e.key));
        } else {
          Ref<> k = Ref<>::borrow(e.key);
          Ref<> hold = Ref<>::borrow(key);
          uint64_t version = d->version;
          eq = object_eq(k.get(), key);
          if (eq < 0) return -2;
          if (version != d->version) goto restart;
        }
        if (eq) {
          *slot_out = slot;
          return ix;
        }
      }
    }
    slot = (slot + 1) & mask;
  }
}

// The index size for `n` entries: a power of two, at least twice the size that holds n at
// two thirds full.
size_t index_capacity(ssize n) {
  size_t cap = 8;
  while (cap * 2 <= size_t(n) * 3) cap <<= 1;
  return cap << 1;
}

// The first empty index slot on hash's probe path (the table has no dummies after a rebuild).
size_t free_slot(DictObject* d, int64_t hash) {
  size_t mask = d->index.size() - 1;
  size_t slot = size_t(hash) & mask;
  while (d->index[slot] != kEmpty) slot = (slot + 1) & mask;
  return slot;
}

bool hash_key(Object* key, int64_t* hash) {
  if (key->type == &str_type && as_str(key)->hash != -1) {  // cached: no call
    *hash = as_str(key)->hash;
    return true;
  }
  *hash = object_hash(key);
  if (*hash == -1) {
    if (error_matches(&exc_TypeError)) {
      Object* exc = fetch_error();
      Object* msg = object_str(exc);
      decref(exc);
      if (!msg) return false;
      type_error(cat("cannot use '", key->type->name, "' as a dict key (", as_str(msg)->utf8, ")"));
      decref(msg);
    }
    return false;
  }
  return true;
}

// Appends the absent `key` at index slot `slot` (where the probe that missed it stopped).
int append_absent(DictObject* d, Object* key, int64_t hash, Object* value, size_t slot) {
  // Room for the entry first, so that running out of memory leaves the dict unchanged.
  if (!prim::reserve_more(d->entries)) {
    no_memory();
    return -1;
  }
  // Grow when two thirds full (counting deleted entries, which rebuild drops).
  if ((d->entries.size() + 1) * 3 >= d->index.size() * 2) {
    size_t cap = index_capacity(d->used + 1);
    if (!prim::can_allocate(cap, sizeof(int32_t))) {
      no_memory();
      return -1;
    }
    rebuild_index(d, cap);
    slot = free_slot(d, hash);  // key is absent: no comparisons (no user code) needed
  }
  d->index[slot] = int32_t(d->entries.size());
  d->entries.push_back({hash, new_ref(key), new_ref(value)});
  ++d->used;
  ++d->version;
  return 0;
}

int insert(DictObject* d, Object* key, int64_t hash, Object* value) {
  Ref<> hold_key = Ref<>::borrow(key);  // held across __eq__, which may drop the caller's
  Ref<> hold_value = Ref<>::borrow(value);
  size_t slot;
  ssize ix = lookup(d, key, hash, &slot);
  if (ix == -2) return -1;
  if (ix >= 0) {
    Object* old = d->entries[size_t(ix)].value;
    d->entries[size_t(ix)].value = new_ref(value);
    decref(old);
    return 0;
  }
  return append_absent(d, key, hash, value, slot);
}

}  // namespace

void DictObject::clear_refs() {
  std::vector<DictEntry> old;
  old.swap(entries);
  index.clear();
  used = 0;
  ++version;
  for (auto& e : old) {
    if (e.key) {
      decref(e.key);
      decref(e.value);
    }
  }
}

DictObject* new_dict() { return make<DictObject>(); }

Object* dict_get_item(DictObject* d, Object* key) {
  int64_t hash;
  if (!hash_key(key, &hash)) return nullptr;
  size_t slot;
  ssize ix = lookup(d, key, hash, &slot);
  if (ix < 0) return nullptr;
  return d->entries[size_t(ix)].value;
}

Object** dict_value_slot(DictObject* d, Object* key, Object* dflt, bool* inserted) {
  int64_t hash;
  if (!hash_key(key, &hash)) return nullptr;
  size_t slot;
  ssize ix = lookup(d, key, hash, &slot);
  if (ix == -2) return nullptr;
  *inserted = ix < 0;
  if (ix < 0) {
    if (insert(d, key, hash, dflt) < 0) return nullptr;
    // Appended, unless an __eq__ run by insert's probe changed the table: then look again.
    ix = d->entries.back().key == key ? ssize(d->entries.size()) - 1 : lookup(d, key, hash, &slot);
    if (ix == -1) set_error(&exc_RuntimeError, "dictionary changed size during update");
    if (ix < 0) return nullptr;
  }
  return &d->entries[size_t(ix)].value;
}

Object* dict_get_str(DictObject* d, StrObject* key) {
  size_t slot;
  ssize ix = lookup(d, key, key->hash != -1 ? key->hash : str_hash(key), &slot);  // cached: no call
  return ix >= 0 ? d->entries[size_t(ix)].value : nullptr;
}

ssize dict_str_index(DictObject* d, StrObject* key) {
  size_t slot;
  ssize ix = lookup(d, key, str_hash(key), &slot);
  return ix >= 0 ? ix : -1;
}

Object* dict_get_str(DictObject* d, std::string_view key) {
  if (d->index.empty()) return nullptr;
  return dict_get_str_hashed(d, key, str_hash_text(key));
}

Object* dict_get_str_hashed(DictObject* d, std::string_view key, int64_t hash) {
  if (d->index.empty()) return nullptr;
  // Probe by text, so no str object is needed.
  size_t mask = d->index.size() - 1;
  for (size_t slot = size_t(hash) & mask;; slot = (slot + 1) & mask) {
    int32_t ix = d->index[slot];
    if (ix == kEmpty) return nullptr;
    if (ix == kDummy) continue;
    DictEntry& e = d->entries[size_t(ix)];
    if (e.hash == hash && e.key->type == &str_type && as_str(e.key)->utf8 == key) return e.value;
  }
}

int dict_set_item(DictObject* d, Object* key, Object* value) {
  int64_t hash;
  if (!hash_key(key, &hash)) return -1;
  return insert(d, key, hash, value);
}

int dict_insert_absent(DictObject* d, Object* key, int64_t hash, Object* value) {
  // The first empty slot on the probe path: a dummy before it would do as well, but the
  // key's later probes pass dummies, so either is found.
  size_t slot = d->index.empty() ? 0 : free_slot(d, hash);
  return append_absent(d, key, hash, value, slot);
}

void dict_reserve(DictObject* d, ssize n) {
  if (n <= ssize(d->entries.size())) return;
  d->entries.reserve(size_t(n));
  // The smallest index that takes n entries without growing (insert grows at two thirds).
  size_t cap = 8;
  while ((size_t(n) + 1) * 3 >= cap * 2) cap <<= 1;
  if (cap > d->index.size()) {
    rebuild_index(d, cap);
    ++d->version;  // entries may have moved (deleted ones dropped)
  }
}

int dict_set_str(DictObject* d, std::string_view key, Object* value) {
  StrObject* k = intern(key);
  return insert(d, k, str_hash(k), value);
}

Object* key_error(Object* key) {
  Object* exc = new_exception_args(&exc_KeyError, &key, 1);
  if (!exc) return nullptr;
  raise_object(exc);
  decref(exc);
  return nullptr;
}

// Removes the entry at position ix found at index slot.
static void remove_entry(DictObject* d, size_t slot, ssize ix) {
  DictEntry& e = d->entries[size_t(ix)];
  Object* k = e.key;
  Object* v = e.value;
  e.key = nullptr;
  e.value = nullptr;
  d->index[slot] = kDummy;
  --d->used;
  ++d->version;
  // Drop trailing deleted entries so the vector does not grow without bound.
  while (!d->entries.empty() && !d->entries.back().key && ssize(d->entries.size()) > d->used) {
    // Only safe when no index slot refers to it: a deleted entry's slot is a dummy.
    d->entries.pop_back();
  }
  decref(k);
  decref(v);
}

int dict_del_item(DictObject* d, Object* key) {
  int64_t hash;
  if (!hash_key(key, &hash)) return -1;
  size_t slot;
  ssize ix = lookup(d, key, hash, &slot);
  if (ix == -2) return -1;
  if (ix < 0) {
    key_error(key);
    return -1;
  }
  remove_entry(d, slot, ix);
  return 0;
}

// Pops key: a new reference to the value, or null (missing: no error set; or error).
Object* dict_pop_item(DictObject* d, Object* key) {
  int64_t hash;
  if (!hash_key(key, &hash)) return nullptr;
  size_t slot;
  ssize ix = lookup(d, key, hash, &slot);
  if (ix < 0) return nullptr;
  Object* v = new_ref(d->entries[size_t(ix)].value);
  remove_entry(d, slot, ix);
  return v;
}

Object* dict_pop_last(DictObject* d) {
  for (size_t i = d->entries.size(); i-- > 0;) {
    const DictEntry& e = d->entries[i];
    if (!e.key) continue;
    size_t mask = d->index.size() - 1;
    size_t slot = size_t(e.hash) & mask;
    while (d->index[slot] != int32_t(i)) slot = (slot + 1) & mask;
    Object* pair = new_tuple_from({e.key, e.value});
    remove_entry(d, slot, ssize(i));
    return pair;
  }
  return nullptr;
}

void dict_clear(DictObject* d) { d->clear_refs(); }

// Fills the empty dict r with src's entries. CPython: Objects/dictobject.c
// copy_lock_held, dict_merge's clone of an empty target: the keys are known distinct, so
// they are copied and re-indexed without comparisons (no user code runs).
static void clone_into(DictObject* r, DictObject* src) {
  r->entries.reserve(size_t(src->used));
  for (auto& e : src->entries)
    if (e.key) r->entries.push_back({e.hash, new_ref(e.key), new_ref(e.value)});
  r->used = ssize(r->entries.size());
  ++r->version;
  if (r->used) rebuild_index(r, index_capacity(r->used + 1));
}

DictObject* dict_copy(DictObject* d) {
  DictObject* r = new_dict();
  clone_into(r, d);
  return r;
}

// CPython: Objects/dictobject.c dict_update_arg (a dict, an object with keys(), or pairs).
int dict_update(DictObject* d, Object* other) {
  if (is_dict(other)) {
    // CPython: dict_merge: entries are read by position, held across the insertion (whose
    // __eq__ may mutate either dict), and a resized source is an error.
    auto* o = static_cast<DictObject*>(other);
    if (d->entries.empty() && o != d) {
      clone_into(d, o);
      return 0;
    }
    ssize used = o->used;
    for (size_t i = 0; i < o->entries.size(); ++i) {
      if (!o->entries[i].key) continue;
      DictEntry e = o->entries[i];
      Ref<> key = Ref<>::borrow(e.key);
      Ref<> value = Ref<>::borrow(e.value);
      if (insert(d, e.key, e.hash, e.value) < 0) return -1;
      if (o->used != used) {
        set_error(&exc_RuntimeError, "dict mutated during update");
        return -1;
      }
    }
    return 0;
  }
  int err;
  Object* keys = lookup_attr(other, intern("keys"), &err);
  if (err) return -1;
  if (keys) {
    Object* ks = call0(keys);
    decref(keys);
    if (!ks) return -1;
    Object* it = get_iter(ks);
    decref(ks);
    if (!it) return -1;
    while (Object* k = iter_next(it)) {
      Object* v = get_item(other, k);
      int r = v ? dict_set_item(d, k, v) : -1;
      decref(k);
      xdecref(v);
      if (r < 0) {
        decref(it);
        return -1;
      }
    }
    decref(it);
    return error_occurred() ? -1 : 0;
  }
  Object* it = get_iter(other);
  if (!it) return -1;
  ssize n = 0;
  while (Object* item = iter_next(it)) {
    // CPython: Objects/dictobject.c merge_from_seq2: PySequence_Fast's "object is not
    // iterable", and a note naming the element on any TypeError from it.
    Object* seq = get_iter(item);
    decref(item);
    if (!seq && error_matches(&exc_TypeError)) {
      clear_error();
      type_error("object is not iterable");
    }
    ListObject* pair = seq ? list_from_iterable(seq) : nullptr;
    xdecref(seq);
    if (!pair) {
      if (error_matches(&exc_TypeError))
        add_note_to_error(cat("Cannot convert dictionary update sequence element #", n, " to a sequence"));
      decref(it);
      return -1;
    }
    if (pair->items.size() != 2) {
      value_error(cat("dictionary update sequence element #", n, " has length ", pair->items.size(),
                      "; 2 is required"));
      decref(pair);
      decref(it);
      return -1;
    }
    int r = dict_set_item(d, pair->items[0], pair->items[1]);
    decref(pair);
    if (r < 0) {
      decref(it);
      return -1;
    }
    ++n;
  }
  decref(it);
  return error_occurred() ? -1 : 0;
}

}  // namespace gopy
