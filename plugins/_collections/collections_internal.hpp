// The _collections plugin's shared declarations: its types are heap types made when the
// module is created (one set per interpreter, owned by the module's dict).
#pragma once

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"

namespace gopy::collections {

// A new heap type "_collections.<name>" (shown as `module`.<name>), derived from object,
// not subclassable, with generic attribute access; null with an exception.
TypeObject* new_native_type(const char* name, const char* module);

// An instance holds its (heap) type as instances of classes do: released when the instance
// is cleared or freed, its type left as object so that the rest of its life stays valid.
void release_type(Object* o);
inline int visit_type(Object* o, VisitFn visit, void* arg) {
  return o->type != &object_type ? visit(o->type, arg) : 0;
}

// Each adds its type(s) or function to the module: 0, or -1 with an exception.
int add_deque(ModuleObject* module);
int add_tuplegetter(ModuleObject* module);
int add_count_elements(ModuleObject* module);

}  // namespace gopy::collections
