// The objects behind the module API's definitions (gopy/module.h): functions and methods a
// plugin defines, its types and their instances, and the module made from a
// gopy_ModuleDef. Internal to the kernel.
#pragma once

#include <memory>
#include <string>

#include "gopy/module.h"
#include "gopy/object.hpp"
#include "gopy/object_func.hpp"
#include "object/module_api_signature.hpp"

namespace gopy {

// A plugin's function: a module function (self: the module), a method in a type's dict
// (owner set, self null: binds on access) or a bound method (owner and self set).
extern TypeObject api_function_type;
struct ApiFunctionObject : GcObject {
  const gopy_FunctionDef* def = nullptr;
  std::shared_ptr<const Signature> sig;
  TupleObject* defaults = nullptr;  // owned
  Object* self = nullptr;           // owned
  TypeObject* owner = nullptr;      // owned
  std::string qualname;             // "f" or "Type.f", as its errors name it
  ApiFunctionObject() : GcObject(&api_function_type) {}
  ~ApiFunctionObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

// A type made from a gopy_TypeDef.
struct ApiTypeObject : TypeObject {
  const gopy_TypeDef* def = nullptr;
  std::shared_ptr<const Signature> init_sig;
  TupleObject* init_defaults = nullptr;  // owned
  ~ApiTypeObject() override { ApiTypeObject::clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

// An instance of such a type: the plugin's data beside the header.
struct ApiInstanceObject : GcObject {
  const gopy_TypeDef* def;
  void* data = nullptr;  // def->data_size bytes, zeroed
  explicit ApiInstanceObject(ApiTypeObject* t) : GcObject(t), def(t->def) {}
  ~ApiInstanceObject() override;
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
};

// The attribute lookup of those instances (getters, then methods bound to the instance).
Object* api_instance_getattr(Object* o, StrObject* name);

// Makes the module `def` describes (functions, exceptions, types, constants), then runs
// its exec hook through `run_exec` (which gives it a plugin context). A new module, or
// null with an exception set (ImportError naming the problem of a malformed definition).
using ModuleExecRunner = int (*)(void* runner_arg, const gopy_ModuleDef* def, ModuleObject* module);
ModuleObject* create_api_module(const gopy_ModuleDef* def, ModuleExecRunner run_exec, void* runner_arg);

// A built-in exception class by name, or null.
TypeObject* builtin_exception(const char* name);

void init_module_api_types();  // at start-up, with the other static types

}  // namespace gopy
