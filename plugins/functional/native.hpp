// What the functional plugin's modules share: their types are heap types made when a
// module is executed (one set per interpreter, freed with it, before the plugin is
// unloaded), whose instances hold a reference to their type; CPython's argument errors
// for the positional-only signatures its C functions have.
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"

namespace gopy::functional {

// An instance of one of the plugin's types. The type is a heap object: the instance owns
// a reference to it, dropped when the instance is cleared (as the module API's instances).
struct NativeObject : GcObject {
  explicit NativeObject(TypeObject* t) : GcObject(t) { incref(t); }
  ~NativeObject() override { drop_type(); }
  void clear_refs() override { drop_type(); }
  int traverse(VisitFn visit, void* arg) override { return type != &object_type ? visit(type, arg) : 0; }

 private:
  void drop_type() {
    if (type == &object_type) return;
    TypeObject* t = type;
    type = &object_type;  // a valid type for the rest of the object's life
    decref(t);
  }
};

// clear_refs and traverse over the owned references a type names:
//   GOPY_OWNED_FIELDS(&it, &func)   (each an Object* member, null when absent)
#define GOPY_OWNED_FIELDS(...)                                         \
  void clear_refs() override {                                         \
    for (Object** field : {__VA_ARGS__}) {                             \
      Object* old = *field;                                            \
      *field = nullptr;                                                \
      xdecref(old);                                                    \
    }                                                                  \
    NativeObject::clear_refs();                                        \
  }                                                                    \
  int traverse(VisitFn visit, void* arg) override {                    \
    for (Object** field : {__VA_ARGS__})                               \
      if (int r = visit_ref(*field, visit, arg)) return r;             \
    return NativeObject::traverse(visit, arg);                         \
  }

// A heap type named `module.name` whose instances the plugin makes (tp_new may be null:
// "cannot create 'module.name' instances"). The caller fills the slots and methods.
// A new reference, or null with MemoryError.
TypeObject* new_native_type(const char* module, const char* name, const char* doc, NewFn tp_new);

// The iterator protocol's __iter__ for iterator types: the object itself.
Object* self_iter(Object* o);
// Gives an iterator type (tp_iter and tp_iternext set) the methods __iter__ and __next__
// that its slots stand for, as a built-in type's slot wrappers.
void add_iterator_methods(TypeObject* t);

// "name expected at least 2 arguments, got 1" (CPython: Python/getargs.c
// _PyArg_CheckPositional, what Argument Clinic's positional-only functions raise).
bool check_positional(const char* name, size_t nargs, size_t min, size_t max);
// A module function's positional-only arguments, checked as CPython's C functions are:
// "_mod.f() takes no keyword arguments", "_mod.f() takes exactly one argument (2 given)"
// (a function of one argument, METH_O), "f expected 2 arguments, got 1" (Argument Clinic).
bool check_args(const char* module, const char* name, size_t nargs, TupleObject* kw, size_t min, size_t max);
// "name() takes no keyword arguments" (CPython: _PyArg_NoKeywords).
bool no_keywords(const char* name, TupleObject* kwnames);
// Binds positional arguments and keywords to `names` (the first `positional_only` of
// them positional only): out[i] borrowed, null when not given. Errors as CPython's
// keyword parser: "name() got an unexpected keyword argument 'x'", "argument for name()
// given by name ('x') and position (1)", "name() missing required argument 'x' (pos 1)".
bool bind(const char* name, Object* const* args, size_t nargs, TupleObject* kwnames,
          std::initializer_list<const char*> names, size_t positional_only, size_t required,
          Object** out);

// A str from text (a new reference).
inline Object* str(std::string_view text) { return new_str(text); }
// repr(o) as text; false with an exception set.
bool repr_text(Object* o, std::string* out);

}  // namespace gopy::functional
