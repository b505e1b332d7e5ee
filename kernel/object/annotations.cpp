// CPython: Objects/funcobject.c func_get_annotation_dict and the function.__annotate__,
// __annotations__ and __type_params__ getters and setters; Objects/typeobject.c
// type_get_annotate, type_get_annotations; Objects/moduleobject.c module_get_annotate,
// module_get_annotations.
#include "object/annotations.hpp"

#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "object/descr_internal.hpp"
#include "object/strcat.hpp"

namespace gopy {

namespace {

// annotate(1) (VALUE), which must return a dict; null with an exception set.
DictObject* call_annotate(Object* annotate) {
  Object* one = new_int(1);
  Object* r = call1(annotate, one);
  decref(one);
  if (r && !is_dict(r)) {
    type_error(cat("__annotate__ returned non-dict of type '", type_name(r), "'"));
    decref(r);
    return nullptr;
  }
  return static_cast<DictObject*>(r);
}

}  // namespace

Object* function_annotation_get(FunctionObject* f, std::string_view name) {
  if (name == "__annotate__") return new_ref(f->annotate ? f->annotate : None());
  if (name == "__type_params__") return f->type_params ? new_ref<Object>(f->type_params) : empty_tuple();
  if (!f->annotations) {
    f->annotations = f->annotate && callable_check(f->annotate) ? call_annotate(f->annotate) : new_dict();
    if (!f->annotations) return nullptr;
  }
  return new_ref<Object>(f->annotations);
}

int function_annotation_set(FunctionObject* f, std::string_view name, Object* value) {
  auto replace = [](auto*& field, Object* v) {
    auto* old = field;
    field = v ? static_cast<std::remove_reference_t<decltype(field)>>(new_ref(v)) : nullptr;
    xdecref(old);
  };
  if (name == "__annotate__") {
    if (!value) return type_error("__annotate__ cannot be deleted"), -1;
    if (value != None() && !callable_check(value)) return type_error("__annotate__ must be callable or None"), -1;
    replace(f->annotate, value);
    if (value != None()) replace(f->annotations, nullptr);
    return 0;
  }
  if (name == "__type_params__") {
    if (!value || !is_tuple(value)) return type_error("__type_params__ must be set to a tuple"), -1;
    replace(f->type_params, value);
    return 0;
  }
  if (value == None()) value = nullptr;
  if (value && !is_dict(value)) return type_error("__annotations__ must be set to a dict object"), -1;
  replace(f->annotations, value);
  replace(f->annotate, nullptr);
  return 0;
}

Object* type_annotation_get(TypeObject* t, std::string_view name) {
  if (!(t->flags & TypeFlags::heap))
    return set_error(&exc_AttributeError, cat("type object '", t->name, "' has no attribute '", name, "'"));
  DictObject* d = t->dict;
  if (name == "__annotate__") {
    Object* annotate = dict_get_str(d, "__annotate__");
    if (!annotate) annotate = dict_get_str(d, "__annotate_func__");
    if (!annotate) {
      if (dict_set_str(d, "__annotate_func__", None()) < 0) return nullptr;
      return new_none();
    }
    return descr_bind(annotate, nullptr, t);
  }
  Object* annotations = dict_get_str(d, "__annotations__");
  if (!annotations) annotations = dict_get_str(d, "__annotations_cache__");
  if (annotations) return descr_bind(annotations, nullptr, t);
  Ref<> annotate = Ref<>::steal(type_annotation_get(t, "__annotate__"));
  if (!annotate) return nullptr;
  DictObject* result = callable_check(annotate.get()) ? call_annotate(annotate.get()) : new_dict();
  if (!result) return nullptr;
  if (dict_set_str(d, "__annotations_cache__", result) < 0) {
    decref(result);
    return nullptr;
  }
  return result;
}

Object* module_annotation_get(ModuleObject* m, std::string_view name) {
  DictObject* d = m->dict;
  if (name == "__annotate__") {
    // Reached only when the dict has no __annotate__.
    if (dict_set_str(d, "__annotate__", None()) < 0) return nullptr;
    return new_none();
  }
  Object* annotate = dict_get_str(d, "__annotate__");
  DictObject* result = annotate && callable_check(annotate) ? call_annotate(annotate) : new_dict();
  if (!result) return nullptr;
  if (dict_set_str(d, "__annotations__", result) < 0) {
    decref(result);
    return nullptr;
  }
  return result;
}

}  // namespace gopy
