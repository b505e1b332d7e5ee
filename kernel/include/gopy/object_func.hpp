// Callables and namespaces: functions, built-in functions, bound methods, cells, modules
// (CPython: Objects/funcobject.c, methodobject.c, classobject.c, cellobject.c, moduleobject.c).
#pragma once
#include "gopy/api_begin.h"

#include <string>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_str.hpp"

namespace gopy {

struct CodeObject;  // the compiled body, defined by the evaluator (kernel/eval/code.hpp)

struct FunctionObject : Object {
  CodeObject* code;           // owned
  DictObject* globals;        // owned
  TupleObject* defaults = nullptr;  // owned, may be null
  DictObject* kwdefaults = nullptr; // owned, may be null
  TupleObject* closure = nullptr;   // owned tuple of cells, may be null
  StrObject* name;
  StrObject* qualname;
  Object* module = nullptr;   // __module__ (a str)
  DictObject* dict = nullptr; // function attributes
  FunctionObject() : Object(&function_type) {}
  ~FunctionObject() override { clear_refs(); }
  void clear_refs() override;
};

// A C++ function exposed to Python. `self` is the bound object for methods of built-in
// types (null when unbound) or the module for module functions.
using BuiltinFn = Object* (*)(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames);
struct BuiltinFunctionObject : Object {
  const char* name;
  BuiltinFn fn;
  Object* self = nullptr;       // owned
  bool is_method = false;       // a method descriptor in a type dict: binds on access
  TypeObject* owner = nullptr;  // the type a method descriptor belongs to
  BuiltinFunctionObject() : Object(&builtin_function_type) {}
  ~BuiltinFunctionObject() override { clear_refs(); }
  void clear_refs() override;
};

struct MethodObject : Object {
  Object* func;  // owned
  Object* self;  // owned
  MethodObject() : Object(&method_type) {}
  ~MethodObject() override { clear_refs(); }
  void clear_refs() override;
};

struct CellObject : Object {
  Object* ref = nullptr;  // owned, null when empty
  CellObject() : Object(&cell_type) {}
  ~CellObject() override { clear_refs(); }
  void clear_refs() override;
};

struct ModuleObject : Object {
  DictObject* dict;  // owned
  ModuleObject() : Object(&module_type) {}
  ~ModuleObject() override { clear_refs(); }
  void clear_refs() override;
};

// types.SimpleNamespace: attributes in a dict of its own (sys.implementation).
extern TypeObject simple_namespace_type;
struct NamespaceObject : Object {
  DictObject* dict = nullptr;  // owned
  NamespaceObject() : Object(&simple_namespace_type) {}
  ~NamespaceObject() override { clear_refs(); }
  void clear_refs() override;
};

// An instance of a class defined in Python whose solid base is object.
struct InstanceObject : Object {
  DictObject* dict = nullptr;  // owned, created on first attribute store
  explicit InstanceObject(TypeObject* t) : Object(t) {}
  ~InstanceObject() override { clear_refs(); }
  void clear_refs() override;
};

// super(type, obj)
struct SuperObject : Object {
  TypeObject* start_type;  // owned
  Object* obj;             // owned
  SuperObject() : Object(&super_type) {}
  ~SuperObject() override { clear_refs(); }
  void clear_refs() override;
};

BuiltinFunctionObject* new_builtin_function(const char* name, BuiltinFn fn, Object* self = nullptr);
// Registers a method descriptor on a type: `type.name(self, ...)`.
void add_method(TypeObject* type, const char* name, BuiltinFn fn);
// Adds a function to a module's namespace.
int add_module_function(ModuleObject* m, const char* name, BuiltinFn fn);
ModuleObject* new_module(std::string_view name);
// An empty SimpleNamespace; fill it through its dict.
NamespaceObject* new_namespace();
Object* new_method(Object* func, Object* self);
CellObject* new_cell(Object* value);

// Argument checking helpers for built-in functions, with CPython's messages.
bool check_no_kwargs(const char* fname, TupleObject* kwnames);
bool check_nargs(const char* fname, size_t nargs, size_t min, size_t max);
// Finds a keyword argument by name (borrowed), or null.
Object* find_kwarg(Object* const* args, size_t nargs, TupleObject* kwnames, std::string_view name);
// Fails with "'x' is an invalid keyword argument for f()" for names outside `allowed`.
bool check_kwargs_allowed(const char* fname, TupleObject* kwnames,
                          std::initializer_list<std::string_view> allowed);

}  // namespace gopy
#include "gopy/api_end.h"
