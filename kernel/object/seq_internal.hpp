// Helpers shared by the sequence types (kernel-internal).
#pragma once

#include <vector>

#include "gopy/object.hpp"

namespace gopy {

// Lexicographic comparison of two item vectors (CPython: list_richcompare).
Object* sequence_richcompare(const std::vector<Object*>& a, const std::vector<Object*>& b, CompareOp op);
// A fast iterator over a list or tuple (index based; sees a list's later appends).
Object* new_seq_fast_iter(Object* seq);
// Clamps start/stop of index()/count() style arguments as CPython's slice rules.
void normalize_range(ssize len, ssize* start, ssize* stop);
void init_list_type();
void init_list_methods();
void init_tuple_type();
void init_tuple_methods();

}  // namespace gopy
