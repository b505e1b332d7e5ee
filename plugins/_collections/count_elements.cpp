// _collections._count_elements(mapping, iterable): Counter.update's loop, counting each
// item of the iterable into the mapping (CPython: Modules/_collectionsmodule.c
// _collections__count_elements_impl).
#include "collections_internal.hpp"
#include "gopy/dict_value_slot.hpp"

namespace gopy::collections {
namespace {

// mapping[key] + 1, for a value the mapping holds (borrowed).
Object* incremented(Object* value) {
  if (value->type == &int_type && int_is_small(value) && int_small_value(value) < INT64_MAX)
    return new_int(int_small_value(value) + 1);
  Ref<> one = Ref<>::steal(new_int(1));
  return binary_op(value, one.get(), BinaryOp::add);
}

// A dict (or subclass) whose get and __setitem__ are dict's: counted in its table directly.
bool plain_dict_counting(Object* mapping) {
  if (!is_dict(mapping)) return false;
  if (mapping->type == &dict_type) return true;
  return type_lookup(mapping->type, "get") == type_lookup(&dict_type, "get") &&
         type_lookup(mapping->type, "__setitem__") == type_lookup(&dict_type, "__setitem__");
}

// One probe a key: a new key gets 1; a small int count is replaced in place (making it
// runs no Python code, so the value's address stays good); other counts are added to
// with `+` and stored anew.
int count_into_dict(DictObject* d, Object* it) {
  Ref<> one = Ref<>::steal(new_int(1));
  while (Object* raw = iter_next(it)) {
    Ref<> key = Ref<>::steal(raw);
    bool inserted = false;
    Object** value = dict_value_slot(d, key.get(), one.get(), &inserted);
    if (!value) return -1;
    if (inserted) continue;
    Object* old = *value;
    if (old->type == &int_type && int_is_small(old) && int_small_value(old) < INT64_MAX) {
      *value = new_int(int_small_value(old) + 1);
      decref(old);
      continue;
    }
    Ref<> next = Ref<>::steal(incremented(old));
    if (!next || dict_set_item(d, key.get(), next.get()) < 0) return -1;
  }
  return error_occurred() ? -1 : 0;
}

// Through the mapping's own get and __setitem__.
int count_generic(Object* mapping, Object* it) {
  Ref<> get = Ref<>::steal(get_attr(mapping, "get"));
  if (!get) return -1;
  Ref<> zero = Ref<>::steal(new_int(0));
  Ref<> one = Ref<>::steal(new_int(1));
  while (Object* raw = iter_next(it)) {
    Ref<> key = Ref<>::steal(raw);
    Ref<> old = Ref<>::steal(call2(get.get(), key.get(), zero.get()));
    if (!old) return -1;
    Ref<> next = Ref<>::steal(binary_op(old.get(), one.get(), BinaryOp::add));
    if (!next || set_item(mapping, key.get(), next.get()) < 0) return -1;
  }
  return error_occurred() ? -1 : 0;
}

Object* count_elements(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("_count_elements", kwnames) || !check_nargs("_count_elements", nargs, 2, 2)) return nullptr;
  Object* mapping = args[0];
  Ref<> it = Ref<>::steal(get_iter(args[1]));
  if (!it) return nullptr;
  int r = plain_dict_counting(mapping) ? count_into_dict(static_cast<DictObject*>(mapping), it.get())
                                       : count_generic(mapping, it.get());
  return r < 0 ? nullptr : new_none();
}

}  // namespace

int add_count_elements(ModuleObject* module) { return add_module_function(module, "_count_elements", count_elements); }

}  // namespace gopy::collections
