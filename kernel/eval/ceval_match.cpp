// CPython: Python/ceval.c _PyEval_MatchClass, match_class_attr, _PyEval_MatchKeys;
// Objects/typeobject.c (the _Py_TPFLAGS_SEQUENCE, _Py_TPFLAGS_MAPPING and
// _Py_TPFLAGS_MATCH_SELF types).
#include "eval/ceval_match.hpp"

#include <vector>

#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/strcat.hpp"

namespace gopy {

bool match_is_sequence(const Object* subject) {
  for (const TypeObject* t : {&list_type, &tuple_type, &range_type, &memoryview_type})
    if (isinstance_of(subject, t)) return true;
  return false;
}

bool match_is_mapping(const Object* subject) { return is_dict(subject); }

namespace {

bool is_type_object(const Object* o) { return o->type == &type_type || is_subtype(o->type, &type_type); }

// The built-in classes whose single positional sub-pattern matches the subject itself.
bool matches_self(const TypeObject* cls) {
  for (const TypeObject* t : {&bool_type, &bytearray_type, &bytes_type, &dict_type, &float_type, &frozenset_type,
                              &int_type, &list_type, &set_type, &str_type, &tuple_type})
    if (cls == t || is_subtype(cls, t)) return true;
  return false;
}

// One attribute of the subject: a new reference; null with nothing set when it is missing,
// null with TypeError when a sub-pattern already named it.
Object* match_class_attr(Object* subject, TypeObject* cls, Object* name, SetObject* seen, bool* error) {
  int found = set_contains(seen, name);
  if (found < 0 || (found == 0 && set_add(seen, name) < 0)) {
    *error = true;
    return nullptr;
  }
  if (found) {
    Object* r = object_repr(name);
    if (r) {
      type_error(cat(cls->name, "() got multiple sub-patterns for attribute ", as_str(r)->utf8));
      decref(r);
    }
    *error = true;
    return nullptr;
  }
  int err = 0;
  Object* attr = lookup_attr(subject, static_cast<StrObject*>(name), &err);
  if (err) *error = true;
  return attr;
}

}  // namespace

Object* match_keys(Object* subject, Object* keys) {
  auto* k = static_cast<TupleObject*>(keys);
  if (k->items.empty()) return empty_tuple();
  Ref<SetObject> seen = Ref<SetObject>::steal(new_set());
  Ref<Object> missing = Ref<Object>::steal(call0(&object_type));
  if (!missing) return nullptr;
  std::vector<Object*> values;
  auto fail = [&values]() -> Object* {
    for (Object* v : values) decref(v);
    return nullptr;
  };
  for (Object* key : k->items) {
    int found = set_contains(seen.get(), key);
    if (found < 0 || (found == 0 && set_add(seen.get(), key) < 0)) return fail();
    if (found) {
      if (Object* r = object_repr(key)) {
        set_error(&exc_ValueError, cat("mapping pattern checks duplicate key (", as_str(r)->utf8, ")"));
        decref(r);
      }
      return fail();
    }
    Object* args[2] = {key, missing.get()};
    Object* v = call_method(subject, "get", args, 2);
    if (!v) return fail();
    if (v == missing.get()) {
      decref(v);
      fail();
      return new_none();
    }
    values.push_back(v);
  }
  return new_tuple_steal(std::move(values));
}

Object* match_class(Object* subject, Object* cls_obj, int nargs, Object* names) {
  if (!is_type_object(cls_obj)) return type_error("called match pattern must be a class");
  auto* cls = static_cast<TypeObject*>(cls_obj);
  if (!isinstance_of(subject, cls)) return new_none();
  Ref<SetObject> seen = Ref<SetObject>::steal(new_set());
  std::vector<Object*> attrs;
  bool error = false;
  auto fail = [&attrs, &error]() -> Object* {
    for (Object* a : attrs) decref(a);
    return error ? nullptr : new_none();
  };
  if (nargs) {
    int err = 0;
    Ref<Object> match_args = Ref<Object>::steal(lookup_attr(cls, intern("__match_args__"), &err));
    if (err) {
      error = true;
      return fail();
    }
    bool match_self = false;
    ssize allowed;
    if (match_args) {
      if (match_args->type != &tuple_type) {
        error = true;
        type_error(cat(cls->name, ".__match_args__ must be a tuple (got ", type_name(match_args.get()), ")"));
        return fail();
      }
      allowed = ssize(static_cast<TupleObject*>(match_args.get())->items.size());
    } else {
      // The built-in classes match themselves, unless they define __match_args__.
      match_self = matches_self(cls);
      allowed = match_self ? 1 : 0;
    }
    if (allowed < nargs) {
      error = true;
      type_error(cat(cls->name, "() accepts ", allowed, " positional sub-pattern", allowed == 1 ? "" : "s", " (",
                     nargs, " given)"));
      return fail();
    }
    if (match_self) {
      attrs.push_back(new_ref(subject));
    } else {
      auto& items = static_cast<TupleObject*>(match_args.get())->items;
      for (int i = 0; i < nargs; ++i) {
        Object* name = items[size_t(i)];
        if (name->type != &str_type) {
          error = true;
          type_error(cat("__match_args__ elements must be strings (got ", type_name(name), ")"));
          return fail();
        }
        Object* attr = match_class_attr(subject, cls, name, seen.get(), &error);
        if (!attr) return fail();
        attrs.push_back(attr);
      }
    }
  }
  for (Object* name : static_cast<TupleObject*>(names)->items) {
    Object* attr = match_class_attr(subject, cls, name, seen.get(), &error);
    if (!attr) return fail();
    attrs.push_back(attr);
  }
  return new_tuple_steal(std::move(attrs));
}

}  // namespace gopy
