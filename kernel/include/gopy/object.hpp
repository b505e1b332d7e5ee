// The object model's core: the object header, type objects with their slots, owning
// references, and the abstract protocols (CPython: Include/object.h, Objects/abstract.c).
//
// Errors follow CPython's C API convention: a function that can fail returns nullptr (or
// -1) with the exception set on the current ThreadState; no C++ exception is ever used for
// a Python error.
//
// Ownership: every heap object belongs to the interpreter that created it, which counts
// them, and is reference counted (so most objects are released promptly). Objects that can
// take part in a reference cycle derive from GcObject and are linked into the cycle
// collector's generations (so the collector, and finalize, can free cycles); the others
// (int, float, str, bytes) carry no links. Objects that live for the whole process (None,
// True, False, small ints, built-in types) are static and immortal: their count starts so
// high it never reaches zero, and they are not linked.
#pragma once
#include "gopy/api_begin.h"

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

namespace gopy {

using ssize = std::ptrdiff_t;

struct Object;
struct GcObject;
struct TypeObject;
struct StrObject;
struct TupleObject;
struct DictObject;
struct Interpreter;

inline constexpr ssize kImmortalRefcnt = ssize(1) << 50;

// A traversal callback: returns non-zero to stop the traversal.
using VisitFn = int (*)(Object* ref, void* arg);

// The header every Python object starts with.
struct Object {
  ssize refcnt = 1;
  TypeObject* type = nullptr;

  Object() = default;
  explicit Object(TypeObject* t) : type(t) {}
  Object(const Object&) = delete;
  Object& operator=(const Object&) = delete;
  virtual ~Object() = default;
  // Every object comes from the small-object allocator (kernel/object/object_alloc.cpp);
  // operator new returns null when memory cannot be had, and make<T>() throws std::bad_alloc (MemoryError where caught).
  static void* operator new(size_t size) noexcept;
  static void operator delete(void* p, size_t size) noexcept;
  // Drop every reference this object holds to other objects. Finalize calls it on all
  // live objects first, so reference cycles fall apart before anything is freed.
  virtual void clear_refs() {}
  // Calls `visit(ref, arg)` for every object this one holds a strong reference to, and
  // stops at the first non-zero result, which it returns (CPython: tp_traverse). Every
  // type that can hold references overrides it; the cycle collector depends on it.
  virtual int traverse(VisitFn visit, void* arg) {
    (void)visit;
    (void)arg;
    return 0;
  }
  // The collector's view of the object: itself when it carries collector links.
  virtual GcObject* as_gc() { return nullptr; }
};

// Visits a reference that may be null (CPython: Py_VISIT).
inline int visit_ref(const Object* ref, VisitFn visit, void* arg) {
  return ref ? visit(const_cast<Object*>(ref), arg) : 0;
}

// An object that can be part of a reference cycle: the collector's links follow the
// common header (CPython: PyGC_Head, which only types with Py_TPFLAGS_HAVE_GC carry).
// `gc_next` is null while the collector does not track the object.
struct GcObject : Object {
  GcObject* gc_next = nullptr;
  uintptr_t gc_prev = 0;  // the previous object; the collector's count while it collects
  using Object::Object;
  GcObject* as_gc() final { return this; }
};

// Frees an object whose count reached zero: runs its type's finalizer (`__del__`) once,
// unless that resurrects it, then unlinks it from the live list and deletes it. Freeing
// nests (a container's destructor drops its items); past a fixed nesting depth the object
// waits on the thread's pending list and the outermost dealloc_object frees it, so any
// depth of nesting takes bounded C++ stack (CPython: Objects/object.c _Py_Dealloc and its
// trashcan, _PyTrash_thread_deposit_object).
void dealloc_object(Object* o);

inline void incref(Object* o) { ++o->refcnt; }
inline void xincref(Object* o) {
  if (o) ++o->refcnt;
}
inline void decref(Object* o) {
  if (--o->refcnt == 0) dealloc_object(o);
}
inline void xdecref(Object* o) {
  if (o && --o->refcnt == 0) dealloc_object(o);
}
template <class T>
inline T* new_ref(T* o) {
  incref(o);
  return o;
}

// Counts a freshly constructed object in the current interpreter and returns it with one
// reference; a GcObject is also tracked by the collector (in its youngest generation).
// Every heap object is created through make<T>().
Object* track_new_object(Object* o);
// Throws std::bad_alloc for an object the allocator could not provide (a throwing `new`'s contract).
[[noreturn]] void object_alloc_failed();
GcObject* track_new_gc_object(GcObject* o);
template <class T, class... A>
inline T* make(A&&... a) {
  T* o = new T(std::forward<A>(a)...);
  if (!o) [[unlikely]]
    object_alloc_failed();
  if constexpr (std::is_base_of_v<GcObject, T>)
    track_new_gc_object(o);
  else
    track_new_object(o);
  return o;
}

// An owning reference: decrefs on destruction. `Ref<T>::steal(p)` adopts a new reference.
template <class T = Object>
class Ref {
 public:
  Ref() = default;
  Ref(std::nullptr_t) {}
  static Ref steal(T* p) {
    Ref r;
    r.p_ = p;
    return r;
  }
  static Ref borrow(T* p) {
    xincref(p);
    return steal(p);
  }
  Ref(const Ref& o) : p_(o.p_) { xincref(p_); }
  Ref(Ref&& o) noexcept : p_(o.p_) { o.p_ = nullptr; }
  Ref& operator=(const Ref& o) {
    if (this != &o) {
      T* old = p_;
      p_ = o.p_;
      xincref(p_);
      xdecref(old);
    }
    return *this;
  }
  Ref& operator=(Ref&& o) noexcept {
    if (this != &o) {
      T* old = p_;
      p_ = o.p_;
      o.p_ = nullptr;
      xdecref(old);
    }
    return *this;
  }
  ~Ref() { xdecref(p_); }
  T* get() const { return p_; }
  T* operator->() const { return p_; }
  explicit operator bool() const { return p_ != nullptr; }
  // Gives up ownership (the caller now holds the reference).
  T* release() {
    T* p = p_;
    p_ = nullptr;
    return p;
  }
  void reset() {
    T* old = p_;
    p_ = nullptr;
    xdecref(old);
  }

 private:
  T* p_ = nullptr;
};
using ORef = Ref<Object>;

enum class CompareOp { lt, le, eq, ne, gt, ge };

// Binary number operations, in the order of the slot table (and of kBinaryOpNames).
enum class BinaryOp { add, sub, mul, truediv, floordiv, mod, pow, lshift, rshift, and_, or_, xor_, matmul, count };
enum class UnaryOp { neg, pos, invert, count };

// Vectorcall: positional args, then keyword values named by `kwnames` (a tuple of str or null).
using CallFn = Object* (*)(Object* callable, Object* const* args, size_t nargs, TupleObject* kwnames);
using NewFn = Object* (*)(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kwnames);
using InitFn = int (*)(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames);
using ReprFn = Object* (*)(Object*);
using HashFn = int64_t (*)(Object*);  // -1 with an exception on failure
using RichCompareFn = Object* (*)(Object*, Object*, CompareOp);
using GetAttrFn = Object* (*)(Object*, StrObject*);
using SetAttrFn = int (*)(Object*, StrObject*, Object*);  // value null = delete
using BinaryFn = Object* (*)(Object*, Object*);
using UnaryFn = Object* (*)(Object*);
using LenFn = ssize (*)(Object*);
using BoolFn = int (*)(Object*);
using SetItemFn = int (*)(Object*, Object*, Object*);  // value null = delete
using ContainsFn = int (*)(Object*, Object*);
using PowFn = Object* (*)(Object*, Object*, Object*);
using FinalizeFn = void (*)(Object*);  // must leave the error indicator as it found it
// The descriptor protocol: __get__(obj or null, type or null) and __set__/__delete__
// (value null) (CPython: tp_descr_get, tp_descr_set).
using DescrGetFn = Object* (*)(Object* descr, Object* obj, TypeObject* type);
using DescrSetFn = int (*)(Object* descr, Object* obj, Object* value);

struct TypeFlags {
  static constexpr unsigned heap = 1u << 0;        // created by a class statement
  static constexpr unsigned basetype = 1u << 1;    // may be subclassed
  static constexpr unsigned exception = 1u << 2;   // BaseException or a subclass
  static constexpr unsigned int_subclass = 1u << 3;
  static constexpr unsigned str_subclass = 1u << 4;
  static constexpr unsigned tuple_subclass = 1u << 5;
  static constexpr unsigned type_subclass = 1u << 6;
  // Instances accept weak references (CPython: a non-zero tp_weaklistoffset); their weak
  // references live in the interpreter's side table, not in the object.
  static constexpr unsigned weakrefable = 1u << 7;
  static constexpr unsigned plain_instances = 1u << 8;  // instances are InstanceObjects
  // A class derived from a built-in type other than object and the exceptions: its
  // instances are that type's objects, holding a reference to the class, with their
  // attribute dict kept beside them by the interpreter (kernel/object/subtype.cpp).
  static constexpr unsigned builtin_subclass = 1u << 9;
  // __abstractmethods__ is non-empty: object.__new__ refuses to instantiate it.
  static constexpr unsigned is_abstract = 1u << 10;
  static constexpr unsigned float_subclass = 1u << 11;
};

// A type: slots for the protocols plus a dict of attributes (methods), per interpreter.
struct TypeObject : GcObject {
  std::string name;        // __name__
  std::string qualname;    // __qualname__
  std::string module;      // "builtins" for built-in types
  unsigned flags = 0;
  TypeObject* base = nullptr;
  TupleObject* bases = nullptr;  // __bases__
  TupleObject* mro = nullptr;    // __mro__
  DictObject* dict = nullptr;    // the type's attributes
  // The classes naming this one among their bases, not owned: each removes itself when
  // it is cleared (CPython: tp_subclasses, a dict of weak references).
  std::vector<TypeObject*> subclasses;
  // Where an instance keeps its attribute dict (null: instances have no dict).
  DictObject** (*instance_dict)(Object*) = nullptr;
  // Classes whose instances are InstanceObjects: the attribute names the instances keep
  // inline, in order, mapped to their index (CPython: ht_cached_keys, the shared keys of
  // split dicts), and how many __slots__ values precede them.
  DictObject* shared_keys = nullptr;
  uint32_t slot_count = 0;

  NewFn tp_new = nullptr;
  InitFn tp_init = nullptr;
  CallFn tp_call = nullptr;
  ReprFn tp_repr = nullptr;
  ReprFn tp_str = nullptr;
  HashFn tp_hash = nullptr;
  RichCompareFn tp_richcompare = nullptr;
  GetAttrFn tp_getattr = nullptr;
  SetAttrFn tp_setattr = nullptr;
  UnaryFn tp_iter = nullptr;
  UnaryFn tp_iternext = nullptr;  // null without an exception = exhausted
  LenFn sq_length = nullptr;
  BinaryFn mp_subscript = nullptr;
  SetItemFn mp_ass_subscript = nullptr;
  ContainsFn sq_contains = nullptr;
  BoolFn nb_bool = nullptr;
  BinaryFn nb_binary[size_t(BinaryOp::count)] = {};
  BinaryFn nb_inplace[size_t(BinaryOp::count)] = {};
  UnaryFn nb_unary[size_t(UnaryOp::count)] = {};
  UnaryFn nb_index = nullptr;  // __index__: an int
  UnaryFn nb_int = nullptr;
  UnaryFn nb_float = nullptr;
  UnaryFn nb_abs = nullptr;
  PowFn nb_ternary_pow = nullptr;  // pow(a, b, mod)
  DescrGetFn tp_descr_get = nullptr;
  DescrSetFn tp_descr_set = nullptr;  // set: a data descriptor
  // Runs before an instance is freed, at most once per object (CPython: tp_finalize).
  FinalizeFn tp_finalize = nullptr;
  // Fills the type dict on the first lookup in each interpreter, so types that start-up
  // never touches (bytes and its kin) cost nothing to create an interpreter.
  void (*lazy_methods)() = nullptr;
  uint64_t lazy_methods_generation = 0;

  TypeObject() = default;
  ~TypeObject() override;
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

// Static type objects are immortal and shared by every interpreter; their attribute dicts
// are filled per interpreter (init_builtin_types) and cleared at finalize.
void make_static_type(TypeObject* t, TypeObject* metatype, const char* name, TypeObject* base,
                      unsigned flags = TypeFlags::basetype);

inline TypeObject* type_of(const Object* o) { return o->type; }
bool is_subtype(const TypeObject* a, const TypeObject* b);
inline bool isinstance_of(const Object* o, const TypeObject* t) {
  return o->type == t || is_subtype(o->type, t);
}
// Looks a name up along the type's MRO (borrowed result or null, no exception).
Object* type_lookup(TypeObject* t, StrObject* name);
Object* type_lookup(TypeObject* t, std::string_view name);

// ---- The abstract protocols (CPython: Objects/abstract.c, Objects/object.c) ----
Object* object_repr(Object* o);  // a str
Object* object_str(Object* o);   // a str
int64_t object_hash(Object* o);  // -1 on error
Object* rich_compare(Object* a, Object* b, CompareOp op);
int rich_compare_bool(Object* a, Object* b, CompareOp op);  // -1 on error
int object_eq(Object* a, Object* b);                        // identity shortcut, -1 error
int object_is_true(Object* o);                               // -1 on error
Object* get_attr(Object* o, StrObject* name);
Object* get_attr(Object* o, std::string_view name);
// Like get_attr, but a missing attribute is no error: returns null with nothing set.
Object* lookup_attr(Object* o, StrObject* name, int* error);
int set_attr(Object* o, StrObject* name, Object* value);
int del_attr(Object* o, StrObject* name);
Object* generic_getattr(Object* o, StrObject* name);
int generic_setattr(Object* o, StrObject* name, Object* value);
Object* call(Object* callable, Object* const* args, size_t nargs, TupleObject* kwnames = nullptr);
Object* call0(Object* callable);
Object* call1(Object* callable, Object* a);
Object* call2(Object* callable, Object* a, Object* b);
// Calls obj.name(*args) (looking the method up without creating a bound method).
Object* call_method(Object* obj, StrObject* name, Object* const* args, size_t nargs);
Object* call_method(Object* obj, std::string_view name, Object* const* args, size_t nargs);
Object* get_iter(Object* o);
// Next item: a new reference; null with no exception set = exhausted; null + exception = error.
Object* iter_next(Object* it);
ssize object_length(Object* o);  // -1 on error
Object* get_item(Object* o, Object* key);
int set_item(Object* o, Object* key, Object* value);
int del_item(Object* o, Object* key);
int sequence_contains(Object* container, Object* item);  // -1 on error
Object* binary_op(Object* a, Object* b, BinaryOp op);
Object* inplace_op(Object* a, Object* b, BinaryOp op);
Object* unary_op(Object* a, UnaryOp op);
Object* number_index(Object* o);  // an int, or TypeError
// Converts to a C integer with OverflowError naming the C type as CPython does.
bool index_as_ssize(Object* o, ssize* out);
// The same, an int past ssize clamped to its bound (CPython: PyNumber_AsSsize_t(o, NULL)).
bool index_as_ssize_clamped(Object* o, ssize* out);
const char* binary_op_symbol(BinaryOp op);
bool callable_check(Object* o);

// Immortal singletons.
extern Object none_object;
extern Object not_implemented_object;
extern Object ellipsis_object;
inline Object* None() { return &none_object; }
inline Object* NotImplemented() { return &not_implemented_object; }
inline Object* new_none() { return new_ref(&none_object); }

// The built-in types (static, immortal).
extern TypeObject type_type, object_type, none_type, not_implemented_type, ellipsis_type;
extern TypeObject int_type, bool_type, float_type, str_type;
extern TypeObject list_type, tuple_type, dict_type, set_type, frozenset_type, range_type, slice_type;
extern TypeObject function_type, builtin_function_type, method_type, module_type, cell_type;
extern TypeObject code_type, traceback_type, super_type;
extern TypeObject property_type, classmethod_type, staticmethod_type;
extern TypeObject list_iter_type, tuple_iter_type, range_iter_type, str_iter_type, dict_iter_type,
    set_iter_type, callable_iter_type, seq_iter_type, dict_view_type;
extern TypeObject enumerate_type, zip_type, map_type, filter_type, reversed_type;

// Name of the object's type, for messages.
inline const char* type_name(const Object* o) { return o->type->name.c_str(); }

}  // namespace gopy
#include "gopy/api_end.h"
