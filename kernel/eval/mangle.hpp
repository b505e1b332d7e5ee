// Private name mangling (CPython: Python/compile.c _Py_Mangle): inside a class, an
// identifier `__spam` (two leading underscores, not two trailing ones, no dot) stands for
// `_Class__spam`. gopy rewrites the tree's bindings and names once after parsing, so the
// symbol table and the compiler both see the mangled names; attribute names, which no scope
// depends on, the compiler mangles as it emits them (__static_attributes__ keeps them as
// written, as CPython's does).
#pragma once

#include <string>

#include "eval/ast.hpp"

namespace gopy {

// The name a def or class statement binds: its own, or the mangled one.
template <class Def>
const std::string& bound_name(const Def& def) {
  return def.bound_name.empty() ? def.name : def.bound_name;
}

// `name` as written inside class `class_name` (empty outside any class).
std::string mangle_private_name(const std::string& class_name, const std::string& name);

// Rewrites, in every class body and in the functions, lambdas and comprehensions nested in
// it: names, parameters, global and nonlocal declarations, the names that
// `except ... as`, `import ... as` and capture patterns bind, and the names that `def` and
// `class` statements bind (their bound_name; the defined object keeps its own __name__).
// Keyword argument names and the attribute names of class patterns stay as written.
// False when the tree nests deeper than compilation allows (the caller raises
// RecursionError, as the symbol table would).
[[nodiscard]] bool mangle_private_names(ast::Module& module);

}  // namespace gopy
