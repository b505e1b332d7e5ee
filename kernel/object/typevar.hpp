// The run-time objects of PEP 695 (CPython: Objects/typevarobject.c, Objects/genericaliasobject.c):
// TypeVar, ParamSpec and TypeVarTuple made by `def f[T]`, `class C[T]` and `type X[T] = ...`,
// their lazily evaluated bounds, constraints and defaults; TypeAliasType with its lazily
// evaluated value; and types.GenericAlias for `C[int]` and `Alias[int]`.
#pragma once

#include <string>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_str.hpp"

namespace gopy {

// The types of the typing objects, in one array (typevar.cpp): an array registers one
// static destructor for all of them.
extern TypeObject typing_types[];
inline TypeObject& typevar_type = typing_types[0];
inline TypeObject& paramspec_type = typing_types[1];
inline TypeObject& typevartuple_type = typing_types[2];
inline TypeObject& typealias_type = typing_types[3];
inline TypeObject& nodefault_type = typing_types[4];
inline TypeObject& paramspec_args_type = typing_types[5];
inline TypeObject& paramspec_kwargs_type = typing_types[6];
inline TypeObject& generic_alias_type = typing_types[7];
inline TypeObject& union_type = typing_types[8];
inline TypeObject& special_form_type = typing_types[9];

enum class TypeParamKind { typevar, paramspec, typevartuple };

// A new type parameter named `name` (PEP 695 syntax infers its variance); `module` is the
// defining module's name (borrowed, may be null).
Object* new_type_param(TypeParamKind kind, Object* name, Object* module);
// Attaches the function that computes the bound (or the constraints tuple) lazily.
void type_param_set_bound(Object* param, Object* evaluate, bool constraints);
void type_param_set_default(Object* param, Object* evaluate);
// TypeAliasType(name, type_params or None, function computing the value); null with an error.
Object* new_type_alias(Object* name, Object* type_params, Object* compute_value, Object* module);
// types.GenericAlias(origin, args): args a tuple or a single value.
Object* new_generic_alias(Object* origin, Object* args);
// `cls[key]` for a class: its __class_getitem__, or a GenericAlias for a PEP 695 generic
// class. Null without an exception when the class is not subscriptable that way.
Object* class_subscript(TypeObject* cls, Object* key);

// How a type appears inside a GenericAlias or Union repr (int, mod.Class, None, ...);
// false with an exception set.
bool append_type_repr(std::string& out, Object* p);

// typing._type_check(arg, message) (importing typing): a new reference, or null with the
// error set. None passes unchecked.
Object* typing_type_check(Object* arg, const char* message);
void init_typevar_types();
void init_generic_alias_type();  // generic_alias.cpp: types.GenericAlias
void init_union_type();  // union_type.cpp: typing.Union and the `|` of classes
void init_union_methods();  // union_type.cpp: Union[X, Y]
void init_typevar_methods();

}  // namespace gopy
