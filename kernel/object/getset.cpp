// Read-only data descriptors for the attributes of built-in types that gopy computes in
// the type's tp_getattr (int.real, complex.imag, slice.start, ...): they put the names in
// the type's dict, as CPython's tp_getset and tp_members do, so that int.real exists and
// setting one says why it cannot be set (CPython: Objects/descrobject.c getset_get,
// getset_set, member_set with Python/structmember.c PyMember_SetOne's READONLY).
#include "object/getset_internal.hpp"

#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject getset_descr_type, readonly_member_type;

namespace {

struct GetSetDescrObject : GcObject {
  TypeObject* owner = nullptr;  // a static type
  StrObject* name = nullptr;    // owned
  explicit GetSetDescrObject(TypeObject* t) : GcObject(t) {}
  ~GetSetDescrObject() override { clear_refs(); }
  void clear_refs() override {
    StrObject* n = std::exchange(name, nullptr);
    xdecref(n);
  }
  int traverse(VisitFn visit, void* arg) override { return name ? visit(name, arg) : 0; }
};

bool is_member(const Object* d) { return d->type == &readonly_member_type; }

// CPython: Objects/descrobject.c descr_check / descr_setcheck
bool applies(GetSetDescrObject* d, Object* obj) {
  if (isinstance_of(obj, d->owner)) return true;
  type_error(cat("descriptor '", d->name->utf8, "' for '", d->owner->name, "' objects doesn't apply to a '",
                 obj->type->name, "' object"));
  return false;
}

Object* descr_get(Object* self, Object* obj, TypeObject*) {
  auto* d = static_cast<GetSetDescrObject*>(self);
  if (!obj || obj == None()) return new_ref(self);
  if (!applies(d, obj)) return nullptr;
  // The owner's own tp_getattr computes the value (a subclass's may look the name up).
  return d->owner->tp_getattr(obj, d->name);
}

int descr_set(Object* self, Object* obj, Object*) {
  auto* d = static_cast<GetSetDescrObject*>(self);
  if (!applies(d, obj)) return -1;
  if (is_member(self)) set_error(&exc_AttributeError, "readonly attribute");
  else set_error(&exc_AttributeError, cat("attribute '", d->name->utf8, "' of '", d->owner->name, "' objects is not writable"));
  return -1;
}

Object* descr_repr(Object* self) {
  auto* d = static_cast<GetSetDescrObject*>(self);
  return new_str(cat(is_member(self) ? "<member '" : "<attribute '", d->name->utf8, "' of '", d->owner->name,
                     "' objects>"));
}

Object* descr_getattr(Object* self, StrObject* name) {
  auto* d = static_cast<GetSetDescrObject*>(self);
  std::string_view n = name->view();
  if (n == "__name__") return new_ref<Object>(d->name);
  if (n == "__qualname__") return new_str(cat(d->owner->name, ".", d->name->utf8));
  if (n == "__objclass__") return new_ref<Object>(d->owner);
  return generic_getattr(self, name);
}

bool check_self(Object* self) {
  if (self->type == &getset_descr_type || self->type == &readonly_member_type) return true;
  type_error("descriptor requires a 'getset_descriptor'");
  return false;
}

Object* m_get(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__get__", kw) || !check_nargs("__get__", n, 2, 3) || !check_self(a[0])) return nullptr;
  return descr_get(a[0], a[1] == None() ? nullptr : a[1], nullptr);
}

Object* m_set(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__set__", kw) || !check_nargs("__set__", n, 3, 3) || !check_self(a[0])) return nullptr;
  return descr_set(a[0], a[1], a[2]) < 0 ? nullptr : new_none();
}

Object* m_delete(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__delete__", kw) || !check_nargs("__delete__", n, 2, 2) || !check_self(a[0])) return nullptr;
  return descr_set(a[0], a[1], nullptr) < 0 ? nullptr : new_none();
}

void init_getset_methods() {
  for (TypeObject* t : {&getset_descr_type, &readonly_member_type}) {
    add_method(t, "__get__", m_get);
    add_method(t, "__set__", m_set);
    add_method(t, "__delete__", m_delete);
  }
}

}  // namespace

void init_getset_descr_types() {
  make_static_type(&getset_descr_type, &type_type, "getset_descriptor", &object_type, 0);
  make_static_type(&readonly_member_type, &type_type, "member_descriptor", &object_type, 0);
  for (TypeObject* t : {&getset_descr_type, &readonly_member_type}) {
    t->tp_descr_get = descr_get;
    t->tp_descr_set = descr_set;
    t->tp_repr = descr_repr;
    t->tp_getattr = descr_getattr;
    t->tp_hash = object_identity_hash;
    t->lazy_methods = init_getset_methods;
  }
}

void add_readonly_attrs(TypeObject* owner, std::initializer_list<const char*> names, bool member) {
  DictObject* d = type_own_dict(owner);
  if (!d) return;
  type_modified();
  for (const char* name : names) {
    Ref<GetSetDescrObject> descr =
        Ref<GetSetDescrObject>::steal(make<GetSetDescrObject>(member ? &readonly_member_type : &getset_descr_type));
    descr->owner = owner;
    descr->name = static_cast<StrObject*>(new_ref<Object>(intern(name)));
    dict_set_str(d, name, descr.get());
  }
}

}  // namespace gopy
