// list.sort() and sorted() (CPython: Objects/listobject.c list_sort_impl): a stable merge
// sort over natural runs, with the pre-sort type check that lets keys of one built-in type
// (int fitting in 64 bits, float, str, or tuples whose first items are such) be compared
// without the generic rich comparison.
#include <algorithm>
#include <cmath>
#include <string_view>
#include <vector>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"

namespace gopy {

namespace {

// Sorts v stably with less(x, y) -> 1 (x < y), 0 (not), -1 (error, then *failed is set and
// no further comparison is made; v is still a permutation). Runs are found and extended
// to minrun exactly as CPython does, so a list shorter than 64 sees CPython's own sequence
// of comparisons; longer runs are then merged pairwise (the same result, other compares).
// CPython: Objects/listobject.c merge_compute_minrun, count_run, binarysort
template <class T, class Less>
void run_merge_sort(std::vector<T>& v, Less less, bool* failed) {
  auto lt = [&](const T& x, const T& y) {
    if (*failed) return false;
    int r = less(x, y);
    if (r < 0) *failed = true;
    return r == 1;
  };
  auto rev = [&](size_t from, size_t to) { std::reverse(v.begin() + ptrdiff_t(from), v.begin() + ptrdiff_t(to)); };
  const size_t n = v.size();
  if (n < 2) return;
  size_t minrun = n, odd = 0;
  while (minrun >= 64) {
    odd |= minrun & 1;
    minrun >>= 1;
  }
  minrun += odd;
  // The length of the run at lo (at most `remaining`), made ascending in place.
  auto count_run = [&](size_t lo, size_t remaining) -> size_t {
    size_t k = 1;
    for (; k < remaining; ++k)
      if (lt(v[lo + k], v[lo + k - 1])) break;
    if (k == remaining || *failed) return k;
    if (k > 1) {
      if (lt(v[lo], v[lo + k - 1]) || *failed) return k;
      rev(lo, lo + k);  // an all-equal prefix of the descending run
    }
    ++k;
    size_t neq = 0;
    auto reverse_last_equal = [&] {
      if (neq) {
        ++neq;
        rev(lo + k - neq, lo + k);
        neq = 0;
      }
    };
    for (; k < remaining && !*failed; ++k) {
      if (lt(v[lo + k], v[lo + k - 1])) {
        reverse_last_equal();
      } else if (lt(v[lo + k - 1], v[lo + k])) {
        break;
      } else {
        ++neq;
      }
    }
    if (*failed) return k;
    reverse_last_equal();
    rev(lo, lo + k);
    for (; k < remaining; ++k)
      if (lt(v[lo + k], v[lo + k - 1])) break;
    return k;
  };
  std::vector<size_t> bounds{0};
  for (size_t lo = 0; lo < n;) {
    size_t run = count_run(lo, n - lo);
    if (*failed) return;
    if (run < minrun) {
      size_t force = std::min(minrun, n - lo);
      for (size_t i = lo + run; i < lo + force; ++i) {  // binary insertion after equal items
        size_t a = lo, b = i;
        while (a < b) {
          size_t m = (a + b) >> 1;
          if (lt(v[i], v[m])) b = m;
          else a = m + 1;
          if (*failed) return;
        }
        T x = v[i];
        std::move_backward(v.begin() + ptrdiff_t(a), v.begin() + ptrdiff_t(i), v.begin() + ptrdiff_t(i + 1));
        v[a] = x;
      }
      run = force;
    }
    lo += run;
    bounds.push_back(lo);
  }
  std::vector<T> left;
  while (bounds.size() > 2) {
    size_t runs = bounds.size() - 1;
    std::vector<size_t> next{0};
    for (size_t r = 0; r + 1 < runs; r += 2) {
      size_t lo = bounds[r], mid = bounds[r + 1], hi = bounds[r + 2];
      if (!lt(v[mid], v[mid - 1])) {  // already in order across the seam
        next.push_back(hi);
        continue;
      }
      left.assign(v.begin() + ptrdiff_t(lo), v.begin() + ptrdiff_t(mid));
      size_t i = 0, j = mid, k = lo;
      while (i < left.size() && j < hi) v[k++] = lt(v[j], left[i]) ? v[j++] : left[i++];
      while (i < left.size()) v[k++] = left[i++];
      next.push_back(hi);
    }
    if (runs % 2) next.push_back(bounds[runs]);
    bounds.swap(next);
  }
}

// The compare-free key kinds of the pre-sort check. CPython: list_sort_impl's ms.key_compare
enum class KeyKind { generic, int64, float64, str };

KeyKind kind_of(Object* k) {
  if (k->type == &int_type) return int_is_small(k) ? KeyKind::int64 : KeyKind::generic;
  if (k->type == &float_type) return std::isnan(static_cast<FloatObject*>(k)->value) ? KeyKind::generic : KeyKind::float64;
  if (k->type == &str_type) return KeyKind::str;
  return KeyKind::generic;
}

// The kind shared by every item of `objs` (the keys, or the keys' first items), or generic.
KeyKind common_kind(const std::vector<Object*>& objs) {
  if (objs.empty()) return KeyKind::generic;
  KeyKind kind = kind_of(objs[0]);
  for (Object* o : objs)
    if (kind == KeyKind::generic || kind_of(o) != kind) return KeyKind::generic;
  return kind;
}

template <class K>
K fast_key(Object* o) {
  if constexpr (std::is_same_v<K, int64_t>) return int_small_value(o);
  else if constexpr (std::is_same_v<K, double>) return static_cast<FloatObject*>(o)->value;
  else return as_str(o)->view();  // UTF-8 byte order is code point order
}

// An item, its key, and the key (or the key's first item) in a compare-free form.
template <class K>
struct Entry {
  K fast;
  Object* key;
  Object* value;
};

int generic_less(Object* a, Object* b) { return rich_compare_bool(a, b, CompareOp::lt); }

// Sorts by `fast`; with tuple keys equal first items fall back to the tuples' comparison.
// CPython: Objects/listobject.c unsafe_tuple_compare
template <class K>
void sort_fast(std::vector<Object*>& keys, std::vector<Object*>& values, bool tuples, bool* failed) {
  std::vector<Entry<K>> v(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) {
    Object* f = tuples ? static_cast<TupleObject*>(keys[i])->items[0] : keys[i];
    v[i] = {fast_key<K>(f), keys[i], values[i]};
  }
  if (tuples) {
    run_merge_sort(v, [](const Entry<K>& a, const Entry<K>& b) {
      if (a.fast < b.fast) return 1;
      if (b.fast < a.fast) return 0;
      return generic_less(a.key, b.key);
    }, failed);
  } else {
    run_merge_sort(v, [](const Entry<K>& a, const Entry<K>& b) { return int(a.fast < b.fast); }, failed);
  }
  for (size_t i = 0; i < v.size(); ++i) {
    keys[i] = v[i].key;
    values[i] = v[i].value;
  }
}

void sort_keys(std::vector<Object*>& keys, std::vector<Object*>& values, bool* failed) {
  bool tuples = !keys.empty();
  for (Object* k : keys)
    if (k->type != &tuple_type || static_cast<TupleObject*>(k)->items.empty()) tuples = false;
  KeyKind kind = KeyKind::generic;
  if (tuples) {
    std::vector<Object*> firsts;
    firsts.reserve(keys.size());
    for (Object* k : keys) firsts.push_back(static_cast<TupleObject*>(k)->items[0]);
    kind = common_kind(firsts);
  } else {
    kind = common_kind(keys);
  }
  switch (kind) {
    case KeyKind::int64: return sort_fast<int64_t>(keys, values, tuples, failed);
    case KeyKind::float64: return sort_fast<double>(keys, values, tuples, failed);
    case KeyKind::str: return sort_fast<std::string_view>(keys, values, tuples, failed);
    case KeyKind::generic: break;
  }
  std::vector<Entry<char>> v(keys.size());
  for (size_t i = 0; i < keys.size(); ++i) v[i] = {0, keys[i], values[i]};
  run_merge_sort(v, [](const Entry<char>& a, const Entry<char>& b) { return generic_less(a.key, b.key); }, failed);
  for (size_t i = 0; i < v.size(); ++i) {
    keys[i] = v[i].key;
    values[i] = v[i].value;
  }
}

}  // namespace

// CPython: Objects/listobject.c list_sort_impl (stable; key applied once per item; the
// list is empty while sorting, and "list modified during sort" if user code refilled it).
int list_sort(ListObject* l, Object* key, bool reverse) {
  std::vector<Object*> items;
  items.swap(l->items);
  std::vector<Object*> keys;
  keys.reserve(items.size());
  bool failed = false;
  for (Object* o : items) {
    Object* k = o;
    if (key && key != None()) {
      k = call1(key, o);
      if (!k) {
        failed = true;
        break;
      }
    } else {
      incref(k);
    }
    keys.push_back(k);
  }
  if (!failed) {
    std::vector<Object*> values = items;
    // Reversed before and after, so that equal items keep their order (CPython does the same).
    if (reverse) {
      std::reverse(keys.begin(), keys.end());
      std::reverse(values.begin(), values.end());
    }
    sort_keys(keys, values, &failed);
    if (reverse) {
      std::reverse(keys.begin(), keys.end());
      std::reverse(values.begin(), values.end());
    }
    // A failed comparison leaves the list as far as the sort got (CPython keeps its
    // partly sorted array too).
    items.swap(values);
  }
  for (Object* k : keys) decref(k);
  std::vector<Object*> added;
  added.swap(l->items);
  l->items.swap(items);
  if (!added.empty() && !failed) {
    value_error("list modified during sort");
    failed = true;
  }
  for (Object* o : added) decref(o);
  return failed ? -1 : 0;
}

}  // namespace gopy
