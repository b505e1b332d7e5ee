// Helpers shared by the sequence types (kernel-internal).
#pragma once

#include <vector>

#include "gopy/object.hpp"

namespace gopy {

struct SliceObject;

// Lexicographic comparison of two item vectors (CPython: list_richcompare).
Object* sequence_richcompare(const std::vector<Object*>& a, const std::vector<Object*>& b, CompareOp op);
// The items of `count` repetitions of `src` (new references) into `out`; false with
// MemoryError set when they cannot be allocated. CPython: list_repeat, tuple_repeat
bool repeat_items(const std::vector<Object*>& src, ssize count, std::vector<Object*>& out);
// reversed(list): a list_reverseiterator over `list` (a list or subclass instance).
Object* new_list_reverse_iter(Object* list);
// A fast iterator over a list or tuple (index based; sees a list's later appends).
Object* new_seq_fast_iter(Object* seq);
// Clamps start/stop of index()/count() style arguments as CPython's slice rules.
void normalize_range(ssize len, ssize* start, ssize* stop);
// seq.index(x[, start[, stop]]) over `items` (a[0] is the sequence, a[1] x): the index,
// or ValueError "<type>.index(x): x not in <type>". The length is re-read each step, as
// a list may shrink while x's __eq__ runs. CPython: list_index_impl, tuple_index_impl
Object* sequence_index(const std::vector<Object*>& items, Object* const* a, size_t n,
                       const char* type_name);
// seq.count(x) over `items`. CPython: list_count, tuple_count
Object* sequence_count(const std::vector<Object*>& items, Object* x);
// The halves of slice_indices, for a list whose length __index__ may change: unpack (may
// run user code; false on error), then adjust to the length read afterwards (the count).
// CPython: Objects/sliceobject.c PySlice_Unpack, PySlice_AdjustIndices
bool slice_unpack(SliceObject* s, ssize* start, ssize* stop, ssize* step);
ssize slice_adjust(ssize length, ssize* start, ssize* stop, ssize step);
// A subscript's index (key has nb_index): a small int at once, else through __index__; an
// int past ssize is an IndexError. CPython: PyNumber_AsSsize_t(key, PyExc_IndexError)
bool subscript_index(Object* key, ssize* out);
void init_list_type();
void init_list_methods();
void init_tuple_type();
void init_tuple_methods();

}  // namespace gopy
