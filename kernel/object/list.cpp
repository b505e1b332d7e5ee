// list (CPython: Objects/listobject.c).
#include <algorithm>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/typevar.hpp"
#include "object/prim/storage.hpp"
#include "object/seq_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject list_type;

void ListObject::clear_refs() {
  std::vector<Object*> old;
  old.swap(items);
  for (Object* o : old) decref(o);
}

ListObject* new_list(ssize reserve) {
  auto* l = make<ListObject>();
  if (reserve > 0) l->items.reserve(size_t(reserve));
  return l;
}

ListObject* new_list_steal(std::vector<Object*>&& items) {
  auto* l = make<ListObject>();
  l->items = std::move(items);
  return l;
}

// Makes room for `extra` more items; -1 with MemoryError when they cannot be allocated.
// CPython: Objects/listobject.c list_resize
static int list_reserve_more(ListObject* l, size_t extra) {
  if (prim::reserve_more(l->items, extra)) return 0;
  no_memory();
  return -1;
}

int list_append(ListObject* l, Object* item) {
  if (list_reserve_more(l, 1) < 0) return -1;
  l->items.push_back(new_ref(item));
  return 0;
}

// The length of a built-in sized iterable (a range, a dict, ...), 0 when it has none: the
// room list.extend() makes up front, so that a huge range fails at once with MemoryError.
// CPython: Objects/listobject.c list_extend_iter_lock_held (PyObject_LengthHint)
static ssize builtin_length_hint(Object* iterable) {
  if ((iterable->type->flags & TypeFlags::heap) || !iterable->type->sq_length) return 0;
  ssize n = object_length(iterable);
  if (n >= 0) return n;
  if (!error_matches(&exc_TypeError)) return -1;
  clear_error();
  return 0;
}

// Appends every item of an iterable; -1 on error.
static int list_extend_from(ListObject* l, Object* iterable) {
  if (iterable->type == &list_type || iterable->type == &tuple_type) {
    auto& src = iterable->type == &list_type ? static_cast<ListObject*>(iterable)->items
                                             : static_cast<TupleObject*>(iterable)->items;
    std::vector<Object*> copy(src);  // l may be the same list
    if (list_reserve_more(l, copy.size()) < 0) return -1;
    for (Object* o : copy) l->items.push_back(new_ref(o));
    return 0;
  }
  ssize hint = builtin_length_hint(iterable);
  if (hint < 0 || list_reserve_more(l, size_t(hint)) < 0) return -1;
  Object* it = get_iter(iterable);
  if (!it) return -1;
  while (Object* x = iter_next(it)) {
    if (list_reserve_more(l, 1) < 0) {
      decref(x);
      decref(it);
      return -1;
    }
    l->items.push_back(x);
  }
  decref(it);
  return error_occurred() ? -1 : 0;
}

ListObject* list_from_iterable(Object* iterable) {
  ListObject* l = new_list();
  if (list_extend_from(l, iterable) < 0) {
    decref(l);
    return nullptr;
  }
  return l;
}

namespace {

ListObject* as_list(Object* o) { return static_cast<ListObject*>(o); }

Object* list_repr(Object* o) {
  auto* l = as_list(o);
  if (l->items.empty()) return new_str("[]");
  if (repr_enter(o)) return new_str("[...]");
  std::string out = "[";
  for (size_t i = 0; i < l->items.size(); ++i) {
    if (i) out += ", ";
    Object* item = l->items[i];
    incref(item);
    Object* r = object_repr(item);
    decref(item);
    if (!r) {
      repr_leave(o);
      return nullptr;
    }
    out += as_str(r)->utf8;
    decref(r);
  }
  repr_leave(o);
  out += "]";
  return new_str(out);
}

ssize list_length(Object* o) { return ssize(as_list(o)->items.size()); }

Object* list_subscript(Object* o, Object* key) {
  auto* l = as_list(o);
  if (key->type == &slice_type) {
    ssize start, stop, step;
    if (!slice_unpack(static_cast<SliceObject*>(key), &start, &stop, &step)) return nullptr;
    ssize n = slice_adjust(ssize(l->items.size()), &start, &stop, step);  // __index__ may have resized l
    ListObject* r = new_list(n);
    for (ssize i = 0, j = start; i < n; ++i, j += step) r->items.push_back(new_ref(l->items[size_t(j)]));
    return r;
  }
  if (!key->type->nb_index)
    return type_error(cat("list indices must be integers or slices, not ", key->type->name));
  ssize i;
  if (!subscript_index(key, &i)) return nullptr;
  ssize n = ssize(l->items.size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) return index_error("list index out of range");
  return new_ref(l->items[size_t(i)]);
}

// CPython: Objects/listobject.c list_ass_subscript. The bounds are adjusted to the length
// after every call into user code (__index__, the iterable's __next__), which may resize l.
int list_ass_slice(ListObject* l, SliceObject* slice, Object* value) {
  ssize start, stop, step;
  if (!slice_unpack(slice, &start, &stop, &step)) return -1;
  if (!value) {
    ssize n = slice_adjust(ssize(l->items.size()), &start, &stop, step);
    std::vector<Object*> removed;
    if (step == 1) {
      removed.assign(l->items.begin() + start, l->items.begin() + start + n);
      l->items.erase(l->items.begin() + start, l->items.begin() + start + n);
    } else {
      std::vector<Object*> kept;
      std::vector<bool> drop(l->items.size(), false);
      for (ssize i = 0, j = start; i < n; ++i, j += step) drop[size_t(j)] = true;
      for (size_t i = 0; i < l->items.size(); ++i) (drop[i] ? removed : kept).push_back(l->items[i]);
      l->items.swap(kept);
    }
    for (Object* o : removed) decref(o);
    return 0;
  }
  ListObject* seq = list_from_iterable(value);
  if (!seq) {
    if (error_matches(&exc_TypeError)) {
      clear_error();
      type_error("must assign iterable to extended slice");
    }
    return -1;
  }
  ssize n = slice_adjust(ssize(l->items.size()), &start, &stop, step);
  std::vector<Object*> removed;
  if (step == 1) {
    if (stop < start) stop = start;
    removed.assign(l->items.begin() + start, l->items.begin() + start + n);
    l->items.erase(l->items.begin() + start, l->items.begin() + start + n);
    for (Object* o : seq->items) incref(o);
    l->items.insert(l->items.begin() + start, seq->items.begin(), seq->items.end());
  } else {
    if (ssize(seq->items.size()) != n) {
      value_error(cat("attempt to assign sequence of size ", seq->items.size(), " to extended slice of size ", n));
      decref(seq);
      return -1;
    }
    for (ssize i = 0, j = start; i < n; ++i, j += step) {
      removed.push_back(l->items[size_t(j)]);
      l->items[size_t(j)] = new_ref(seq->items[size_t(i)]);
    }
  }
  decref(seq);
  for (Object* o : removed) decref(o);
  return 0;
}

int list_ass_subscript(Object* o, Object* key, Object* value) {
  auto* l = as_list(o);
  if (key->type == &slice_type) return list_ass_slice(l, static_cast<SliceObject*>(key), value);
  if (!key->type->nb_index) {
    type_error(cat("list indices must be integers or slices, not ", key->type->name));
    return -1;
  }
  ssize i;
  if (!index_as_ssize(key, &i)) return -1;
  ssize n = ssize(l->items.size());
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    index_error(value ? "list assignment index out of range" : "list assignment index out of range");
    return -1;
  }
  Object* old = l->items[size_t(i)];
  if (value) {
    l->items[size_t(i)] = new_ref(value);
  } else {
    l->items.erase(l->items.begin() + i);
  }
  decref(old);
  return 0;
}

int list_contains(Object* o, Object* item) {
  auto* l = as_list(o);
  for (size_t i = 0; i < l->items.size(); ++i) {
    Object* x = l->items[i];
    incref(x);
    int eq = object_eq(x, item);
    decref(x);
    if (eq != 0) return eq;
  }
  return 0;
}

Object* list_richcompare(Object* a, Object* b, CompareOp op) {
  if (!is_list(b)) return new_ref(NotImplemented());
  // Lists of different lengths are unequal without comparing items (tuples compare them).
  if (as_list(a)->items.size() != as_list(b)->items.size() && (op == CompareOp::eq || op == CompareOp::ne))
    return new_bool(op == CompareOp::ne);
  return sequence_richcompare(as_list(a)->items, as_list(b)->items, op);
}

Object* list_add(Object* a, Object* b) {
  if (!is_list(a) || !is_list(b)) return new_ref(NotImplemented());
  const size_t size = as_list(a)->items.size() + as_list(b)->items.size();
  if (!prim::can_allocate(size, sizeof(Object*))) return no_memory();  // CPython: list_concat
  ListObject* r = new_list(ssize(size));
  for (Object* o : as_list(a)->items) r->items.push_back(new_ref(o));
  for (Object* o : as_list(b)->items) r->items.push_back(new_ref(o));
  return r;
}

Object* list_mul(Object* a, Object* b) {
  Object* seq = is_list(a) ? a : b;
  Object* n = seq == a ? b : a;
  if (!is_list(seq) || !n->type->nb_index) return new_ref(NotImplemented());
  ssize count;
  if (!index_as_ssize(n, &count)) return nullptr;
  std::vector<Object*> items;
  if (!repeat_items(as_list(seq)->items, count, items)) return nullptr;
  return new_list_steal(std::move(items));
}

Object* list_iadd(Object* a, Object* b) {
  if (list_extend_from(as_list(a), b) < 0) return nullptr;
  return new_ref(a);
}

Object* list_iter(Object* o) { return new_seq_fast_iter(o); }

Object* list_new(TypeObject*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (kwnames && !kwnames->items.empty()) return type_error("list() takes no keyword arguments");
  if (nargs > 1) return type_error(cat("list expected at most 1 argument, got ", nargs));
  if (nargs == 0) return new_list();
  return list_from_iterable(args[0]);
}

// ---- methods ----

Object* m_append(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("append", kw) || !check_nargs("list.append", n - 1, 1, 1)) return nullptr;
  if (list_append(as_list(a[0]), a[1]) < 0) return nullptr;
  return new_none();
}
Object* m_extend(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("extend", kw) || !check_nargs("list.extend", n - 1, 1, 1)) return nullptr;
  if (list_extend_from(as_list(a[0]), a[1]) < 0) return nullptr;
  return new_none();
}
Object* m_insert(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("insert", kw) || !check_nargs("insert", n - 1, 2, 2)) return nullptr;
  auto* l = as_list(a[0]);
  ssize i;
  if (!index_as_ssize(a[1], &i)) return nullptr;
  ssize size = ssize(l->items.size());
  if (i < 0) i = std::max<ssize>(0, i + size);
  if (i > size) i = size;
  l->items.insert(l->items.begin() + i, new_ref(a[2]));
  return new_none();
}
Object* m_pop(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("pop", kw) || !check_nargs("pop", n - 1, 0, 1)) return nullptr;
  auto* l = as_list(a[0]);
  ssize i = -1;
  if (n == 2 && !index_as_ssize(a[1], &i)) return nullptr;  // before the size check: may resize l
  if (l->items.empty()) return index_error("pop from empty list");
  ssize size = ssize(l->items.size());
  if (i < 0) i += size;
  if (i < 0 || i >= size) return index_error("pop index out of range");
  Object* r = l->items[size_t(i)];
  l->items.erase(l->items.begin() + i);
  return r;
}
Object* m_remove(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("remove", kw) || !check_nargs("list.remove", n - 1, 1, 1)) return nullptr;
  auto* l = as_list(a[0]);
  // CPython: list_remove. The item is held while __eq__ runs, and may be gone after it.
  for (size_t i = 0; i < l->items.size(); ++i) {
    Ref<> item = Ref<>::borrow(l->items[i]);
    int eq = object_eq(item.get(), a[1]);
    if (eq < 0) return nullptr;
    if (eq) {
      if (i < l->items.size()) {
        Object* old = l->items[i];
        l->items.erase(l->items.begin() + ssize(i));
        decref(old);
      }
      return new_none();
    }
  }
  return value_error("list.remove(x): x not in list");
}
Object* m_index(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("index", kw) || !check_nargs("index", n - 1, 1, 3)) return nullptr;
  return sequence_index(as_list(a[0])->items, a, n, "list");
}
Object* m_count(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("count", kw) || !check_nargs("list.count", n - 1, 1, 1)) return nullptr;
  return sequence_count(as_list(a[0])->items, a[1]);
}
Object* m_reversed(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("list.__reversed__", kw) || !check_nargs("list.__reversed__", n - 1, 0, 0)) return nullptr;
  return new_list_reverse_iter(a[0]);
}

Object* m_reverse(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("reverse", kw) || !check_nargs("list.reverse", n - 1, 0, 0)) return nullptr;
  std::reverse(as_list(a[0])->items.begin(), as_list(a[0])->items.end());
  return new_none();
}
Object* m_clear(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("clear", kw) || !check_nargs("list.clear", n - 1, 0, 0)) return nullptr;
  as_list(a[0])->clear_refs();
  return new_none();
}
Object* m_copy(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("copy", kw) || !check_nargs("list.copy", n - 1, 0, 0)) return nullptr;
  ListObject* r = new_list();
  for (Object* o : as_list(a[0])->items) r->items.push_back(new_ref(o));
  return r;
}
Object* m_sort(Object*, Object* const* a, size_t n, TupleObject* kw) {
  // CPython: clinic's sort(*, key=None, reverse=False) (_PyArg_UnpackKeywords)
  if (size_t given = n - 1 + (kw ? kw->items.size() : 0); given > 2)
    return type_error(cat("sort() takes at most 2 arguments (", given, " given)"));
  if (n != 1) return type_error("sort() takes no positional arguments");
  if (!check_kwargs_allowed("sort", kw, {"key", "reverse"})) return nullptr;
  Object* key = find_kwarg(a, n, kw, "key");
  Object* rev = find_kwarg(a, n, kw, "reverse");
  int reverse = rev ? object_is_true(rev) : 0;
  if (reverse < 0) return nullptr;
  if (list_sort(as_list(a[0]), key, reverse) < 0) return nullptr;
  return new_none();
}

}  // namespace

void init_list_type() {
  make_static_type(&list_type, &type_type, "list", &object_type);
  TypeObject* t = &list_type;
  t->tp_new = list_new;
  t->tp_repr = list_repr;
  t->tp_richcompare = list_richcompare;
  t->sq_length = list_length;
  t->mp_subscript = list_subscript;
  t->mp_ass_subscript = list_ass_subscript;
  t->sq_contains = list_contains;
  t->tp_iter = list_iter;
  t->nb_binary[int(BinaryOp::add)] = list_add;
  t->nb_binary[int(BinaryOp::mul)] = list_mul;
  t->nb_inplace[int(BinaryOp::add)] = list_iadd;
}

void init_list_methods() {
  add_class_getitem(&list_type);
  add_method(&list_type, "append", m_append);
  add_method(&list_type, "extend", m_extend);
  add_method(&list_type, "insert", m_insert);
  add_method(&list_type, "pop", m_pop);
  add_method(&list_type, "remove", m_remove);
  add_method(&list_type, "index", m_index);
  add_method(&list_type, "count", m_count);
  add_method(&list_type, "reverse", m_reverse);
  add_method(&list_type, "__reversed__", m_reversed);
  add_method(&list_type, "clear", m_clear);
  add_method(&list_type, "copy", m_copy);
  add_method(&list_type, "sort", m_sort);
}

}  // namespace gopy
