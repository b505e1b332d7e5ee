// itertools' types (CPython: Modules/itertoolsmodule.c), shared by its source files.
#pragma once

#include "gopy/state.hpp"
#include "native.hpp"

namespace gopy::functional::itertools {

// The next item of an iterator an itertools object wraps, under the C recursion guard
// (CPython: _Py_EnterRecursiveCall): a chain of wrapped iterators deep enough to use up
// the C++ stack raises RecursionError instead of overflowing it. Null at the end or with
// an exception set, as iter_next.
inline Object* next_guarded(Object* it) {
  ThreadState* ts = get_thread_state();
  if (!enter_recursive_call(ts)) return nullptr;
  Object* item = iter_next(it);
  leave_recursive_call(ts);
  return item;
}

// The types of the itertools module of the running interpreter (made by its exec hook;
// each pointer owns a reference, so that an object can make another type's instance
// while the module itself is gone).
struct Types {
  TypeObject *count, *cycle, *repeat;
  TypeObject *accumulate, *batched, *chain, *compress, *dropwhile, *filterfalse, *groupby, *grouper,
      *islice, *pairwise, *starmap, *takewhile, *tee, *tee_dataobject, *zip_longest;
  TypeObject *product, *permutations, *combinations, *combinations_with_replacement;
};
extern Types types;

// Each file's part of the module: makes its types into `types` and `m`. 0, or -1 with an
// exception set.
int add_infinite_types(ModuleObject* m);       // count, cycle, repeat
int add_terminating_types(ModuleObject* m);    // accumulate ... zip_longest
int add_combinatoric_types(ModuleObject* m);   // product, permutations, combinations, ...

// Makes a type, stores it in *slot (owned) and in the module; iterator slots filled.
int add_iterator_type(ModuleObject* m, TypeObject** slot, const char* name, const char* doc, NewFn tp_new,
                      UnaryFn next);

}  // namespace gopy::functional::itertools
