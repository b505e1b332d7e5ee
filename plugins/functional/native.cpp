// The functional plugin's shared machinery (native.hpp).
#include "native.hpp"

namespace gopy::functional {

TypeObject* new_native_type(const char* module, const char* name, const char* doc, NewFn tp_new) {
  Ref<TypeObject> t = Ref<TypeObject>::steal(make<TypeObject>());
  t->type = new_ref(&type_type);
  t->name = name;
  t->qualname = name;
  t->module = module;
  t->flags = TypeFlags::heap;
  t->base = new_ref(&object_type);
  t->bases = new_tuple_from({&object_type});
  t->dict = new_dict();
  t->tp_new = tp_new;
  t->tp_hash = object_type.tp_hash;
  t->tp_richcompare = object_type.tp_richcompare;
  t->tp_str = object_type.tp_str;
  t->tp_getattr = generic_getattr;
  t->tp_setattr = generic_setattr;
  Ref<> modname = Ref<>::steal(new_str(module));
  Ref<> docstr = Ref<>::steal(doc ? static_cast<Object*>(new_str(doc)) : new_none());
  if (dict_set_str(t->dict, "__module__", modname.get()) < 0 || dict_set_str(t->dict, "__doc__", docstr.get()) < 0)
    return nullptr;
  return t.release();
}

Object* self_iter(Object* o) { return new_ref(o); }

namespace {

// Methods receive their instance as args[0] (the kernel's calling convention).
Object* iter_method(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("__iter__", kw) || !check_positional("__iter__", nargs - 1, 0, 0)) return nullptr;
  return args[0]->type->tp_iter(args[0]);
}

Object* next_method(Object*, Object* const* args, size_t nargs, TupleObject* kw) {
  if (!no_keywords("__next__", kw) || !check_positional("__next__", nargs - 1, 0, 0)) return nullptr;
  Object* r = args[0]->type->tp_iternext(args[0]);
  if (!r && !error_occurred()) raise_object(&exc_StopIteration);
  return r;
}

}  // namespace

void add_iterator_methods(TypeObject* t) {
  add_method(t, "__iter__", iter_method);
  add_method(t, "__next__", next_method);
}

bool check_positional(const char* name, size_t nargs, size_t min, size_t max) {
  if (nargs >= min && nargs <= max) return true;
  size_t n = nargs < min ? min : max;
  type_error(std::string(name) + " expected " + (min == max ? "" : nargs < min ? "at least " : "at most ") +
             std::to_string(n) + " argument" + (n == 1 ? "" : "s") + ", got " + std::to_string(nargs));
  return false;
}

bool check_args(const char* module, const char* name, size_t nargs, TupleObject* kw, size_t min, size_t max) {
  if (kw && !kw->items.empty()) {
    type_error(std::string(module) + "." + name + "() takes no keyword arguments");
    return false;
  }
  if (min == 1 && max == 1 && nargs != 1) {
    type_error(std::string(module) + "." + name + "() takes exactly one argument (" + std::to_string(nargs) +
               " given)");
    return false;
  }
  return check_positional(name, nargs, min, max);
}

bool no_keywords(const char* name, TupleObject* kwnames) {
  if (!kwnames || kwnames->items.empty()) return true;
  type_error(std::string(name) + "() takes no keyword arguments");
  return false;
}

bool bind(const char* name, Object* const* args, size_t nargs, TupleObject* kwnames,
          std::initializer_list<const char*> names, size_t positional_only, size_t required, Object** out) {
  size_t count = names.size();
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  for (size_t i = 0; i < count; ++i) out[i] = nullptr;
  if (nargs > count) {
    type_error(std::string(name) + "() takes at most " + std::to_string(count) + " argument" +
               (count == 1 ? "" : "s") + " (" + std::to_string(nargs + nkw) + " given)");
    return false;
  }
  for (size_t i = 0; i < nargs; ++i) out[i] = args[i];
  for (size_t k = 0; k < nkw; ++k) {
    std::string_view key = as_str(kwnames->items[k])->view();
    size_t i = 0;
    for (const char* n : names) {
      if (key == n) break;
      ++i;
    }
    if (i == count || i < positional_only) {
      type_error(std::string(name) + "() got an unexpected keyword argument '" + std::string(key) + "'");
      return false;
    }
    if (out[i]) {
      type_error("argument for " + std::string(name) + "() given by name ('" + std::string(key) +
                 "') and position (" + std::to_string(i + 1) + ")");
      return false;
    }
    out[i] = args[nargs + k];
  }
  size_t i = 0;
  for (const char* n : names) {
    if (i >= required) break;
    if (!out[i]) {
      type_error(std::string(name) + "() missing required argument '" + n + "' (pos " + std::to_string(i + 1) + ")");
      return false;
    }
    ++i;
  }
  return true;
}

bool repr_text(Object* o, std::string* out) {
  Object* r = object_repr(o);
  if (!r) return false;
  *out = as_str(r)->utf8;
  decref(r);
  return true;
}

}  // namespace gopy::functional
