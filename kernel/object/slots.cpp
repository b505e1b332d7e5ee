// __slots__: the member descriptors that give each slot of an instance, and the checks a
// class statement's __slots__ goes through (CPython: Objects/descrobject.c member_get and
// member_set, Python/structmember.c, Objects/typeobject.c type_new_slots).
#include <algorithm>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "object/prim/unicode.hpp"
#include "object/slots_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject member_descr_type;

void MemberDescrObject::clear_refs() {
  TypeObject* t = std::exchange(owner, nullptr);
  xdecref(t);
  StrObject* n = std::exchange(name, nullptr);
  xdecref(n);
}

int MemberDescrObject::traverse(VisitFn visit, void* arg) {
  if (owner)
    if (int r = visit(owner, arg)) return r;
  if (name) return visit(name, arg);
  return 0;
}

MemberDescrObject* new_member_descr(TypeObject* owner, StrObject* name, uint32_t index) {
  auto* d = make<MemberDescrObject>();
  if (!d) return nullptr;
  d->owner = new_ref(owner);
  d->name = new_ref(name);
  d->index = index;
  return d;
}

namespace {

// CPython: Objects/descrobject.c descr_check
bool member_applies(MemberDescrObject* d, Object* obj) {
  if (isinstance_of(obj, d->owner)) return true;
  type_error(cat("descriptor '", d->name->utf8, "' for '", d->owner->name, "' objects doesn't apply to a '",
                 obj->type->name, "' object"));
  return false;
}

Object*& member_cell(MemberDescrObject* d, Object* obj) {
  return static_cast<InstanceObject*>(obj)->values->cells()[d->index];
}

Object* member_repr(Object* self) {
  auto* d = static_cast<MemberDescrObject*>(self);
  return new_str(cat("<member '", d->name->utf8, "' of '", d->owner->name, "' objects>"));
}

Object* member_get_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("__get__", kwnames) || !check_nargs("__get__", nargs, 2, 3)) return nullptr;
  if (args[0]->type != &member_descr_type) return type_error("descriptor '__get__' requires a 'member_descriptor'");
  return member_get(static_cast<MemberDescrObject*>(args[0]), args[1] == None() ? nullptr : args[1]);
}

Object* member_set_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("__set__", kwnames) || !check_nargs("__set__", nargs, 3, 3)) return nullptr;
  if (args[0]->type != &member_descr_type) return type_error("descriptor '__set__' requires a 'member_descriptor'");
  if (member_set(static_cast<MemberDescrObject*>(args[0]), args[1], args[2]) < 0) return nullptr;
  return new_none();
}

Object* member_delete_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("__delete__", kwnames) || !check_nargs("__delete__", nargs, 2, 2)) return nullptr;
  if (args[0]->type != &member_descr_type)
    return type_error("descriptor '__delete__' requires a 'member_descriptor'");
  if (member_set(static_cast<MemberDescrObject*>(args[0]), args[1], nullptr) < 0) return nullptr;
  return new_none();
}

Object* member_getattr(Object* self, StrObject* name) {
  auto* d = static_cast<MemberDescrObject*>(self);
  std::string_view n = name->view();
  if (n == "__name__" || n == "__qualname__") {
    if (n == "__name__") return new_ref<Object>(d->name);
    return new_str(cat(d->owner->name, ".", d->name->utf8));
  }
  if (n == "__objclass__") return new_ref<Object>(d->owner);
  return generic_getattr(self, name);
}

}  // namespace

// CPython: Python/structmember.c PyMember_GetOne (Py_T_OBJECT_EX)
Object* member_get(MemberDescrObject* d, Object* obj) {
  if (!obj) return new_ref<Object>(d);
  if (!member_applies(d, obj)) return nullptr;
  Object* v = member_cell(d, obj);
  if (!v)
    return set_error(&exc_AttributeError, cat("'", obj->type->name, "' object has no attribute '", d->name->utf8, "'"));
  return new_ref(v);
}

// CPython: Python/structmember.c PyMember_SetOne: deleting an unset slot names it alone.
int member_set(MemberDescrObject* d, Object* obj, Object* value) {
  if (!member_applies(d, obj)) return -1;
  Object*& cell = member_cell(d, obj);
  if (!value && !cell) {
    set_error(&exc_AttributeError, d->name->utf8);
    return -1;
  }
  Object* old = cell;
  cell = value ? new_ref(value) : nullptr;
  xdecref(old);
  return 0;
}

static Object* member_descr_get(Object* d, Object* obj, TypeObject*) { return member_get(static_cast<MemberDescrObject*>(d), obj); }
static int member_descr_set(Object* d, Object* obj, Object* value) {
  return member_set(static_cast<MemberDescrObject*>(d), obj, value);
}

void init_member_descr_type() {
  make_static_type(&member_descr_type, &type_type, "member_descriptor", &object_type, 0);
  member_descr_type.tp_descr_get = member_descr_get;
  member_descr_type.tp_descr_set = member_descr_set;
  member_descr_type.tp_repr = member_repr;
  member_descr_type.tp_getattr = member_getattr;
  member_descr_type.tp_hash = object_identity_hash;
}

void init_member_descr_methods() {
  add_method(&member_descr_type, "__get__", member_get_method);
  add_method(&member_descr_type, "__set__", member_set_method);
  add_method(&member_descr_type, "__delete__", member_delete_method);
}

// ---- a class statement's __slots__ ----

namespace {

// CPython: Python/compile.c _Py_Mangle: __name inside class C is _C__name.
Ref<StrObject> mangle(std::string_view class_name, StrObject* name) {
  std::string_view n = name->view();
  if (!n.starts_with("__") || n.ends_with("__") || n.find('.') != n.npos) return Ref<StrObject>::borrow(name);
  size_t strip = class_name.find_first_not_of('_');
  if (strip == class_name.npos) return Ref<StrObject>::borrow(name);
  return Ref<StrObject>::steal(as_str(new_str(cat("_", class_name.substr(strip), n))));
}

}  // namespace

// CPython: Objects/typeobject.c type_new_visit_slots and type_new_copy_slots.
int plan_slots(std::string_view class_name, TypeObject* base, DictObject* ns, Object* spec, SlotsPlan* plan) {
  std::vector<Ref<>> items;
  if (is_str(spec)) {
    items.push_back(Ref<>::borrow(spec));
  } else {
    Ref<> it = Ref<>::steal(get_iter(spec));
    if (!it) return -1;
    while (Object* item = iter_next(it.get())) items.push_back(Ref<>::steal(item));
    if (error_occurred()) return -1;
  }
  for (const Ref<>& item : items) {
    if (!is_str(item.get())) {
      type_error(cat("__slots__ items must be strings, not '", item->type->name, "'"));
      return -1;
    }
    StrObject* name = as_str(item.get());
    if (!prim::str_isidentifier(name->cps())) {
      type_error("__slots__ must be identifiers");
      return -1;
    }
    if (name->view() == "__dict__") {
      if (base->instance_dict || plan->add_dict) {
        type_error("__dict__ slot disallowed: we already got one");
        return -1;
      }
      plan->add_dict = true;
    } else if (name->view() == "__weakref__") {
      if ((base->flags & TypeFlags::weakrefable) || plan->add_weakref) {
        type_error("__weakref__ slot disallowed: we already got one");
        return -1;
      }
      plan->add_weakref = true;
    }
  }
  for (const Ref<>& item : items) {
    std::string_view n = as_str(item.get())->view();
    if (n == "__dict__" || n == "__weakref__") continue;
    Ref<StrObject> mangled = mangle(class_name, as_str(item.get()));
    if (!mangled) return -1;
    if (dict_get_str(ns, mangled.get())) {
      Ref<> r = Ref<>::steal(object_repr(mangled.get()));
      if (r) set_error(&exc_ValueError, cat(as_str(r.get())->utf8, " in __slots__ conflicts with class variable"));
      return -1;
    }
    plan->names.push_back(std::move(mangled));
  }
  auto by_text = [](const Ref<StrObject>& a, const Ref<StrObject>& b) { return a->utf8 < b->utf8; };
  auto same = [](const Ref<StrObject>& a, const Ref<StrObject>& b) { return a->utf8 == b->utf8; };
  std::sort(plan->names.begin(), plan->names.end(), by_text);
  plan->names.erase(std::unique(plan->names.begin(), plan->names.end(), same), plan->names.end());
  return 0;
}

int add_slot_members(TypeObject* t, const SlotsPlan& plan) {
  uint32_t first = t->base->slot_count;
  for (size_t k = 0; k < plan.names.size(); ++k) {
    Ref<> member = Ref<>::steal(new_member_descr(t, plan.names[k].get(), first + uint32_t(k)));
    if (!member || dict_set_item(t->dict, plan.names[k].get(), member.get()) < 0) return -1;
  }
  t->slot_count = first + uint32_t(plan.names.size());
  return 0;
}

}  // namespace gopy
