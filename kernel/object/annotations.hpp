// PEP 649/749 annotations on functions, classes and modules: `__annotate__` is the
// compiler's lazily run function, `__annotations__` the dict it returns, computed on first
// access and cached (CPython: Objects/funcobject.c function___annotations___get_impl,
// Objects/typeobject.c type_get_annotations/type_get_annotate, Objects/moduleobject.c
// module_get_annotations/module_get_annotate).
#pragma once

#include <string_view>

#include "gopy/object_func.hpp"

namespace gopy {

// `name` is __annotations__, __annotate__ or __type_params__.
Object* function_annotation_get(FunctionObject* f, std::string_view name);
int function_annotation_set(FunctionObject* f, std::string_view name, Object* value);
// `name` is __annotations__ or __annotate__.
Object* type_annotation_get(TypeObject* t, std::string_view name);
Object* module_annotation_get(ModuleObject* m, std::string_view name);

}  // namespace gopy
