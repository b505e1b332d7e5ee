// The module API's references, errors, values and object protocol (gopy/module.h), each a
// thin C face over the kernel's own function (CPython: Include/object.h, pyerrors.h,
// longobject.h, floatobject.h, abstract.h).
#include <cstring>

#include "gopy/object_containers.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/descr_internal.hpp"
#include "object/module_api_guard.hpp"
#include "object/module_api_objects.hpp"
#include "object/strcat.hpp"

using gopy::module_api::guard;
using gopy::module_api::handle;
using gopy::module_api::obj;

namespace gopy {

TypeObject* builtin_exception(const char* name) {
  struct Search {
    const char* name;
    TypeObject* found;
  } search{name, nullptr};
  if (name == nullptr) return nullptr;
  for_each_exception_type(
      [](TypeObject* t, void* arg) {
        auto* s = static_cast<Search*>(arg);
        if (!s->found && t->name == s->name) s->found = t;
      },
      &search);
  return search.found;
}

namespace {

TypeObject* exception_class(gopy_Object* type) {
  Object* t = obj(type);
  if (t && is_exception_class(t)) return static_cast<TypeObject*>(t);
  return module_api::system_error();
}

}  // namespace
}  // namespace gopy

using namespace gopy;

extern "C" {

void gopy_IncRef(gopy_Object* o) { xincref(obj(o)); }
void gopy_DecRef(gopy_Object* o) { xdecref(obj(o)); }
gopy_Object* gopy_NewRef(gopy_Object* o) {
  xincref(obj(o));
  return o;
}

gopy_Object* gopy_Exc(const char* name) { return handle(builtin_exception(name)); }

gopy_Object* gopy_Err_SetString(gopy_Object* type, const char* message) {
  return guard([&]() -> gopy_Object* {
    set_error(exception_class(type), message != nullptr ? message : "");
    return nullptr;
  }, static_cast<gopy_Object*>(nullptr));
}

gopy_Object* gopy_Err_Raise(const char* builtin_name, const char* message) {
  TypeObject* t = builtin_exception(builtin_name);
  if (t == nullptr) {
    set_error(module_api::system_error(), cat("gopy_Err_Raise: no built-in exception '",
                                    builtin_name != nullptr ? builtin_name : "(null)", "'"));
    return nullptr;
  }
  return gopy_Err_SetString(handle(t), message);
}

int gopy_Err_Occurred(void) { return error_occurred() ? 1 : 0; }
int gopy_Err_Matches(gopy_Object* type) {
  Object* t = obj(type);
  return t && is_exception_class(t) && error_matches(static_cast<TypeObject*>(t)) ? 1 : 0;
}
void gopy_Err_Clear(void) { clear_error(); }

gopy_Object* gopy_None(void) { return handle(None()); }
gopy_Object* gopy_Bool_FromInt(int value) { return handle(new_bool(value != 0)); }

gopy_Object* gopy_Long_FromInt64(int64_t value) {
  return guard([&] { return handle(new_int(value)); }, static_cast<gopy_Object*>(nullptr));
}

gopy_Object* gopy_Long_FromDouble(double value) {
  return guard([&] { return handle(int_from_double(value)); }, static_cast<gopy_Object*>(nullptr));
}

int gopy_Long_AsInt64(gopy_Object* o, int64_t* value) {
  return guard([&] {
    Ref<> index = Ref<>::steal(number_index(obj(o)));
    if (!index) return -1;
    if (!int_to_int64(index.get(), value)) {
      if (!error_occurred()) overflow_error("Python int too large to convert to C int64_t");
      return -1;
    }
    return 0;
  }, -1);
}

gopy_Object* gopy_Float_FromDouble(double value) {
  return guard([&] { return handle(new_float(value)); }, static_cast<gopy_Object*>(nullptr));
}

// CPython: Objects/floatobject.c PyFloat_AsDouble
int gopy_Float_AsDouble(gopy_Object* o, double* value) {
  return guard([&] { return float_as_double(obj(o), value) ? 0 : -1; }, -1);
}

gopy_Object* gopy_Str_FromUTF8(const char* text, size_t length) {
  return guard([&] { return handle(new_str(std::string_view(text, length))); },
               static_cast<gopy_Object*>(nullptr));
}

gopy_Object* gopy_Str_FromString(const char* text) {
  return gopy_Str_FromUTF8(text, text != nullptr ? std::strlen(text) : 0);
}

int gopy_Str_AsUTF8(gopy_Object* o, const char** text, size_t* length) {
  Object* s = obj(o);
  if (!is_str(s)) {
    type_error(cat("expected str, got ", type_name(s)));
    return -1;
  }
  *text = as_str(s)->utf8.c_str();
  if (length != nullptr) *length = as_str(s)->utf8.size();
  return 0;
}

gopy_Object* gopy_Tuple_New(gopy_Object* const* items, size_t length) {
  return guard([&] {
    std::vector<Object*> refs;
    refs.reserve(length);
    for (size_t i = 0; i < length; ++i) refs.push_back(new_ref(obj(items[i])));
    return handle(new_tuple_steal(std::move(refs)));
  }, static_cast<gopy_Object*>(nullptr));
}

size_t gopy_Tuple_Size(gopy_Object* tuple) {
  Object* t = obj(tuple);
  return is_tuple(t) ? static_cast<TupleObject*>(t)->items.size() : 0;
}

gopy_Object* gopy_Tuple_GetItem(gopy_Object* tuple, size_t index) {
  Object* t = obj(tuple);
  if (!is_tuple(t) || index >= static_cast<TupleObject*>(t)->items.size()) return nullptr;
  return handle(static_cast<TupleObject*>(t)->items[index]);
}

int gopy_Long_Check(gopy_Object* o) { return is_int(obj(o)) ? 1 : 0; }
int gopy_Float_Check(gopy_Object* o) { return isinstance_of(obj(o), &float_type) ? 1 : 0; }
int gopy_Float_CheckExact(gopy_Object* o) { return is_float(obj(o)) ? 1 : 0; }
int gopy_Str_Check(gopy_Object* o) { return is_str(obj(o)) ? 1 : 0; }
int gopy_Tuple_Check(gopy_Object* o) { return is_tuple(obj(o)) ? 1 : 0; }

const char* gopy_Object_TypeName(gopy_Object* o) { return type_name(obj(o)); }
gopy_Object* gopy_Object_Type(gopy_Object* o) { return handle(obj(o)->type); }

int gopy_Object_IsInstance(gopy_Object* o, gopy_Object* type) {
  Object* t = obj(type);
  if (t == nullptr || !isinstance_of(t, &type_type)) {
    type_error("isinstance() arg 2 must be a type");
    return -1;
  }
  return isinstance_of(obj(o), static_cast<TypeObject*>(t)) ? 1 : 0;
}

gopy_Object* gopy_Object_Repr(gopy_Object* o) {
  return guard([&] { return handle(object_repr(obj(o))); }, static_cast<gopy_Object*>(nullptr));
}
gopy_Object* gopy_Object_Str(gopy_Object* o) {
  return guard([&] { return handle(object_str(obj(o))); }, static_cast<gopy_Object*>(nullptr));
}
int gopy_Object_IsTrue(gopy_Object* o) {
  return guard([&] { return object_is_true(obj(o)); }, -1);
}

gopy_Object* gopy_Object_GetAttr(gopy_Object* o, const char* name) {
  return guard([&] { return handle(get_attr(obj(o), std::string_view(name))); },
               static_cast<gopy_Object*>(nullptr));
}

int gopy_Object_SetAttr(gopy_Object* o, const char* name, gopy_Object* value) {
  return guard([&] {
    Ref<StrObject> key = Ref<StrObject>::steal(new_str(name));
    return value != nullptr ? set_attr(obj(o), key.get(), obj(value)) : del_attr(obj(o), key.get());
  }, -1);
}

gopy_Object* gopy_Object_Call(gopy_Object* callable, gopy_Object* const* args, size_t nargs) {
  return guard([&] {
    return handle(call(obj(callable), reinterpret_cast<Object* const*>(args), nargs, nullptr));
  }, static_cast<gopy_Object*>(nullptr));
}

gopy_Object* gopy_Object_CallMethod(gopy_Object* o, const char* name, gopy_Object* const* args,
                                    size_t nargs) {
  return guard([&] {
    return handle(call_method(obj(o), std::string_view(name), reinterpret_cast<Object* const*>(args), nargs));
  }, static_cast<gopy_Object*>(nullptr));
}

// CPython: Objects/typeobject.c _PyObject_LookupSpecial
gopy_Object* gopy_Object_LookupSpecial(gopy_Object* o, const char* name) {
  return guard([&]() -> gopy_Object* {
    Object* x = obj(o);
    Object* descr = type_lookup(x->type, std::string_view(name));
    if (!descr) return nullptr;
    Ref<> hold = Ref<>::borrow(descr);
    return handle(descr_bind(descr, x, x->type));
  }, static_cast<gopy_Object*>(nullptr));
}

int gopy_Object_Compare(gopy_Object* a, gopy_Object* b, gopy_CompareOp op) {
  return guard([&] { return rich_compare_bool(obj(a), obj(b), static_cast<CompareOp>(op)); }, -1);
}

gopy_Object* gopy_Object_GetIter(gopy_Object* o) {
  return guard([&] { return handle(get_iter(obj(o))); }, static_cast<gopy_Object*>(nullptr));
}

int gopy_Iter_Next(gopy_Object* iterator, gopy_Object** item) {
  return guard([&] {
    Object* next = iter_next(obj(iterator));
    *item = handle(next);
    if (next) return 1;
    return error_occurred() ? -1 : 0;
  }, -1);
}

gopy_Object* gopy_Number_Binary(gopy_Object* a, gopy_Object* b, gopy_BinaryOp op) {
  if (op < GOPY_ADD || op > GOPY_XOR) {
    set_error(module_api::system_error(), "gopy_Number_Binary: unknown operator");
    return nullptr;
  }
  static constexpr BinaryOp kOps[] = {BinaryOp::add,    BinaryOp::sub,      BinaryOp::mul,
                                      BinaryOp::truediv, BinaryOp::floordiv, BinaryOp::mod,
                                      BinaryOp::pow,    BinaryOp::lshift,   BinaryOp::rshift,
                                      BinaryOp::and_,   BinaryOp::or_,      BinaryOp::xor_};
  return guard([&] { return handle(binary_op(obj(a), obj(b), kOps[op])); },
               static_cast<gopy_Object*>(nullptr));
}

gopy_Object* gopy_Number_Index(gopy_Object* o) {
  return guard([&] { return handle(number_index(obj(o))); }, static_cast<gopy_Object*>(nullptr));
}
gopy_Object* gopy_Number_Negative(gopy_Object* o) {
  return guard([&] { return handle(unary_op(obj(o), UnaryOp::neg)); }, static_cast<gopy_Object*>(nullptr));
}
gopy_Object* gopy_Number_Absolute(gopy_Object* o) {
  return guard([&]() -> gopy_Object* {
    Object* x = obj(o);
    if (!x->type->nb_abs) return handle(type_error(cat("bad operand type for abs(): '", type_name(x), "'")));
    return handle(x->type->nb_abs(x));
  }, static_cast<gopy_Object*>(nullptr));
}

gopy_Object* gopy_Import(const char* name) {
  return guard([&]() -> gopy_Object* {
    Interpreter* interp = current_interp();
    if (Object* m = dict_get_str(interp->modules, std::string_view(name))) return handle(new_ref(m));
    if (!interp->import_hook) return handle(set_error(&exc_ImportError, "import is not available"));
    Ref<StrObject> n = Ref<StrObject>::steal(new_str(name));
    return handle(interp->import_hook(interp, n.get(), nullptr, nullptr, 0));
  }, static_cast<gopy_Object*>(nullptr));
}

}  // extern "C"
