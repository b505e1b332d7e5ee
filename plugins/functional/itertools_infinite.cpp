// itertools' infinite iterators: count, cycle, repeat (CPython: Modules/itertoolsmodule.c
// count_new, cycle_next, repeat_new).
#include "gopy/object_complex.hpp"
#include "itertools_internal.hpp"

namespace gopy::functional::itertools {
namespace {

// ---- count(start=0, step=1) ----
// Counts in int64 while start and step are ints that fit; otherwise with objects.
struct Count : NativeObject {
  int64_t small = 0, small_step = 1;
  bool fast = true;
  Object* cnt = nullptr;   // the slow mode's next value
  Object* step = nullptr;  // always set: the step as given
  using NativeObject::NativeObject;
  ~Count() override { clear_refs(); }
  GOPY_OWNED_FIELDS(&cnt, &step)
};

// CPython: Objects/abstract.c PyNumber_Check.
bool is_number(Object* o) {
  TypeObject* t = o->type;
  return is_int(o) || is_float(o) || isinstance_of(o, &complex_type) || t->nb_index || t->nb_int || t->nb_float;
}

Object* count_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  Object* a[2];
  if (!bind("count", args, nargs, kw, {"start", "step"}, 0, 0, a)) return nullptr;
  Object* start = a[0] ? a[0] : nullptr;
  Object* step = a[1];
  if ((start && !is_number(start)) || (step && !is_number(step))) return type_error("a number is required");
  Ref<Count> c = Ref<Count>::steal(make<Count>(type));
  Ref<> zero = Ref<>::steal(new_int(0));
  Ref<> one = Ref<>::steal(new_int(1));
  if (!start) start = zero.get();
  if (!step) step = one.get();
  c->step = new_ref(step);
  c->fast = start->type == &int_type && step->type == &int_type && int_to_int64(start, &c->small) &&
            int_to_int64(step, &c->small_step);
  if (!c->fast) c->cnt = new_ref(start);
  return c.release();
}

Object* count_next(Object* o) {
  auto* c = static_cast<Count*>(o);
  if (c->fast) {
    int64_t next;
    if (!__builtin_add_overflow(c->small, c->small_step, &next)) {
      Object* r = new_int(c->small);
      c->small = next;
      return r;
    }
    c->fast = false;
    c->cnt = new_int(c->small);
  }
  Object* r = c->cnt;
  Object* next = binary_op(r, c->step, BinaryOp::add);
  if (!next) return nullptr;
  c->cnt = next;
  return r;  // the reference the counter held
}

Object* count_repr(Object* o) {
  auto* c = static_cast<Count*>(o);
  Ref<> cur = Ref<>::steal(c->fast ? new_int(c->small) : new_ref(c->cnt));
  std::string text = "count(";
  std::string part;
  if (!repr_text(cur.get(), &part)) return nullptr;
  text += part;
  int64_t s;
  bool step_is_one = is_int(c->step) && int_to_int64(c->step, &s) && s == 1;
  if (!step_is_one) {
    if (!repr_text(c->step, &part)) return nullptr;
    text += ", " + part;
  }
  return str(text + ")");
}

// ---- cycle(iterable, /) ----
struct Cycle : NativeObject {
  Object* it = nullptr;     // null once exhausted
  Object* saved = nullptr;  // a list
  size_t index = 0;
  using NativeObject::NativeObject;
  ~Cycle() override { clear_refs(); }
  GOPY_OWNED_FIELDS(&it, &saved)
};

Object* cycle_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("cycle", kw) || !check_positional("cycle", nargs, 1, 1)) return nullptr;
  Object* it = get_iter(args[0]);
  if (!it) return nullptr;
  auto* c = make<Cycle>(type);
  c->it = it;
  c->saved = new_list();
  return c;
}

Object* cycle_next(Object* o) {
  auto* c = static_cast<Cycle*>(o);
  if (c->it) {
    Object* item = next_guarded(c->it);
    if (item) {
      if (list_append(static_cast<ListObject*>(c->saved), item) < 0) {
        decref(item);
        return nullptr;
      }
      return item;
    }
    if (error_occurred()) return nullptr;
    Object* it = c->it;
    c->it = nullptr;
    decref(it);
  }
  auto& items = static_cast<ListObject*>(c->saved)->items;
  if (items.empty()) return nullptr;
  Object* item = items[c->index];
  if (++c->index >= items.size()) c->index = 0;
  return new_ref(item);
}

// ---- repeat(object, times=None) ----
struct Repeat : NativeObject {
  Object* element = nullptr;
  ssize count = -1;  // -1: for ever
  using NativeObject::NativeObject;
  ~Repeat() override { clear_refs(); }
  GOPY_OWNED_FIELDS(&element)
};

Object* repeat_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kw) {
  Object* a[2];
  if (!bind("repeat", args, nargs, kw, {"object", "times"}, 0, 1, a)) return nullptr;
  ssize n = -1;
  if (a[1]) {
    if (!index_as_ssize(a[1], &n)) return nullptr;
    if (n < 0) n = 0;  // a negative count repeats nothing
  }
  auto* r = make<Repeat>(type);
  r->element = new_ref(a[0]);
  r->count = n;
  return r;
}

Object* repeat_next(Object* o) {
  auto* r = static_cast<Repeat*>(o);
  if (r->count == 0) return nullptr;
  if (r->count > 0) --r->count;
  return new_ref(r->element);
}

Object* repeat_repr(Object* o) {
  auto* r = static_cast<Repeat*>(o);
  std::string elem;
  if (!repr_text(r->element, &elem)) return nullptr;
  if (r->count < 0) return str("repeat(" + elem + ")");
  return str("repeat(" + elem + ", " + std::to_string(r->count) + ")");
}

// Methods receive their instance as args[0] (the kernel's calling convention).
Object* repeat_length_hint(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("__length_hint__", kw) || !check_positional("__length_hint__", nargs - 1, 0, 0)) return nullptr;
  auto* r = static_cast<Repeat*>(args[0]);
  if (r->count < 0) return type_error("len() of unsized object");
  return new_int(r->count);
}

}  // namespace

int add_infinite_types(ModuleObject* m) {
  if (add_iterator_type(m, &types.count, "count",
                        "count(start=0, step=1): start, start + step, start + 2 * step, ... for ever.",
                        count_new, count_next) < 0 ||
      add_iterator_type(m, &types.cycle, "cycle",
                        "cycle(iterable, /): the iterable's items, then the same items again, for ever.",
                        cycle_new, cycle_next) < 0 ||
      add_iterator_type(m, &types.repeat, "repeat",
                        "repeat(object, times=None): object, times times (for ever without times).",
                        repeat_new, repeat_next) < 0)
    return -1;
  types.count->tp_repr = count_repr;
  types.repeat->tp_repr = repeat_repr;
  add_method(types.repeat, "__length_hint__", repeat_length_hint);
  return 0;
}

}  // namespace gopy::functional::itertools
