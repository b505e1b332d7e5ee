// Callables and namespaces: functions, built-in functions, bound methods, cells, modules
// (CPython: Objects/funcobject.c, methodobject.c, classobject.c, cellobject.c, moduleobject.c).
#pragma once
#include "gopy/api_begin.h"

#include <span>
#include <string>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_str.hpp"

namespace gopy {

struct CodeObject;  // the compiled body, defined by the evaluator (kernel/eval/code.hpp)

struct FunctionObject : GcObject {
  CodeObject* code = nullptr;     // owned
  DictObject* globals = nullptr;  // owned
  DictObject* builtins = nullptr; // owned: what globals' __builtins__ named at creation
  TupleObject* defaults = nullptr;  // owned, may be null
  DictObject* kwdefaults = nullptr; // owned, may be null
  TupleObject* closure = nullptr;   // owned tuple of cells, may be null
  StrObject* name = nullptr;
  StrObject* qualname = nullptr;
  Object* module = nullptr;   // __module__ (a str)
  DictObject* dict = nullptr; // function attributes
  Object* annotate = nullptr;          // __annotate__ (PEP 649), may be null
  DictObject* annotations = nullptr;   // __annotations__, computed from annotate on first use
  TupleObject* type_params = nullptr;  // __type_params__ (PEP 695), may be null
  FunctionObject() : GcObject(&function_type) {}
  ~FunctionObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

// A C++ function exposed to Python. `self` is the bound object for methods of built-in
// types (null when unbound) or the module for module functions.
using BuiltinFn = Object* (*)(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames);
struct BuiltinFunctionObject : GcObject {
  const char* name;
  BuiltinFn fn;
  Object* self = nullptr;       // owned
  bool is_method = false;       // a method descriptor in a type dict: binds on access
  TypeObject* owner = nullptr;  // the type a method descriptor belongs to
  Object* module_name = nullptr;  // owned: the defining module's name (__module__), if any
  BuiltinFunctionObject() : GcObject(&builtin_function_type) {}
  ~BuiltinFunctionObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

struct MethodObject : GcObject {
  Object* func = nullptr;  // owned
  Object* self = nullptr;  // owned
  MethodObject() : GcObject(&method_type) {}
  ~MethodObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

struct CellObject : GcObject {
  Object* ref = nullptr;  // owned, null when empty
  CellObject() : GcObject(&cell_type) {}
  ~CellObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

struct ModuleObject : GcObject {
  DictObject* dict = nullptr;  // owned
  ModuleObject() : GcObject(&module_type) {}
  ~ModuleObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

// types.SimpleNamespace: attributes in a dict of its own (sys.implementation).
extern TypeObject simple_namespace_type;
struct NamespaceObject : GcObject {
  DictObject* dict = nullptr;  // owned
  NamespaceObject() : GcObject(&simple_namespace_type) {}
  ~NamespaceObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

// What an instance keeps without a dict: its __slots__ values, then the values of the
// attributes its class's shared keys name, in the keys' order (CPython: _PyDictValues).
// A null cell is an unset slot.
struct InstanceValues {
  uint16_t capacity;  // cells
  uint16_t slots;     // the first cells are __slots__ values
  uint32_t attrs;     // the next cells hold shared-key attributes 0 .. attrs-1
  Object** cells() { return reinterpret_cast<Object**>(this + 1); }
};

// An instance of a class defined in Python whose solid base is object. Its attributes are
// inline values while they are set in the order of its class's shared keys; the first
// request for __dict__, a deletion or a key out of that order moves them into a real dict
// for good (CPython: _PyObject_InitInlineValues, _PyObject_MaterializeManagedDict).
struct InstanceObject : GcObject {
  DictObject* dict = nullptr;          // owned; once made, every attribute lives here
  InstanceValues* values = nullptr;    // owned; slots and inline attributes
  explicit InstanceObject(TypeObject* t) : GcObject(t) {}
  ~InstanceObject() override;
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

// A new instance of `type` (a class whose flags have plain_instances), or null with
// MemoryError.
InstanceObject* new_instance(TypeObject* type);
// The object's own attribute `name` (inline value or instance dict), borrowed, or null
// when it has none; never an error. Evaluators use it to see whether an instance
// attribute shadows a method.
Object* object_own_attr(Object* o, StrObject* name);
// The instance's dict, made from its inline values on first use (null with MemoryError).
DictObject* instance_materialize_dict(InstanceObject* o);
// Stores (value non-null) an attribute in the instance's own storage: 0, or -1 on error.
int instance_set_own(InstanceObject* o, StrObject* name, Object* value);
// Deletes an own attribute: 0, 1 when there is none, -1 on error.
int instance_del_own(InstanceObject* o, StrObject* name);

// __slots__ members: a data descriptor for one slot of a class's instances
// (CPython: Objects/descrobject.c PyMemberDescr_Type, Python/structmember.c).
extern TypeObject member_descr_type;
struct MemberDescrObject : GcObject {
  TypeObject* owner;  // owned: the class whose instances have the slot
  StrObject* name;    // owned: the (mangled) slot name
  uint32_t index;     // the instance's value cell
  MemberDescrObject() : GcObject(&member_descr_type) {}
  ~MemberDescrObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};
MemberDescrObject* new_member_descr(TypeObject* owner, StrObject* name, uint32_t index);
// descr.__get__(obj) (obj null: accessed on the class) and descr.__set__/__delete__.
Object* member_get(MemberDescrObject* descr, Object* obj);
int member_set(MemberDescrObject* descr, Object* obj, Object* value);

// super(type, obj)
struct SuperObject : GcObject {
  TypeObject* start_type = nullptr;  // owned
  Object* obj = nullptr;             // owned
  SuperObject() : GcObject(&super_type) {}
  ~SuperObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

// property(fget, fset, fdel, doc) (CPython: Objects/descrobject.c propertyobject).
struct PropertyObject : GcObject {
  Object* fget = nullptr;  // owned, each null when None
  Object* fset = nullptr;
  Object* fdel = nullptr;
  Object* doc = nullptr;
  Object* name = nullptr;   // from __set_name__
  bool getter_doc = false;  // doc came from fget
  PropertyObject() : GcObject(&property_type) {}
  ~PropertyObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

// classmethod(f) and staticmethod(f): the function and the attributes copied from it
// (CPython: Objects/funcobject.c classmethod, staticmethod).
struct WrapperDescrObject : GcObject {
  Object* func = nullptr;      // owned
  DictObject* dict = nullptr;  // owned: __wrapped__, __name__, __doc__, ...
  explicit WrapperDescrObject(TypeObject* t) : GcObject(t) {}
  ~WrapperDescrObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

BuiltinFunctionObject* new_builtin_function(const char* name, BuiltinFn fn, Object* self = nullptr);
// Registers a method descriptor on a type: `type.name(self, ...)`.
void add_method(TypeObject* type, const char* name, BuiltinFn fn);
// Gives type `t` the class method __class_getitem__ that makes a types.GenericAlias
// (PEP 585), as CPython's generic built-in and extension types have.
void add_class_getitem(TypeObject* t);
// A module function as tables list them: its name and its C function.
struct ModuleFunction {
  const char* name;
  BuiltinFn fn;
};
// Adds a function to a module's namespace; its __module__ is the module's __name__.
int add_module_function(ModuleObject* m, const char* name, BuiltinFn fn);
// Adds each function of the table, as add_module_function does, the module's __name__
// looked up once. -1 when one could not be added (the others still are).
int add_module_functions(ModuleObject* m, std::span<const ModuleFunction> fns);
ModuleObject* new_module(std::string_view name);
// An empty SimpleNamespace; fill it through its dict.
NamespaceObject* new_namespace();
Object* new_method(Object* func, Object* self);
CellObject* new_cell(Object* value);

// Argument checking helpers for built-in functions, with CPython's messages.
bool check_no_kwargs(const char* fname, TupleObject* kwnames);
bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max);
// "T.name" for a built-in method called on `self` (an instance or a class), T the class
// along self's MRO that defines it, as CPython's method descriptors name it in errors.
std::string bound_method_name(Object* self, std::string_view name);
// No keywords and min..max positional arguments, else CPython's error naming the method
// as bound_method_name does (the name is built only then).
bool check_method_args(Object* self, const char* name, TupleObject* kw, size_t nargs, size_t min, size_t max);
// Finds a keyword argument by name (borrowed), or null.
Object* find_kwarg(Object* const* args, size_t nargs, TupleObject* kwnames, std::string_view name);
// Fails with "f() got an unexpected keyword argument 'x'" for names outside `allowed`.
bool check_kwargs_allowed(const char* fname, TupleObject* kwnames,
                          std::initializer_list<std::string_view> allowed);

}  // namespace gopy
#include "gopy/api_end.h"
