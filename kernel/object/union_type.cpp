// `X | Y` of classes, None, generic aliases, unions and type aliases: typing.Union, which
// 3.14 also names types.UnionType (CPython: Objects/unionobject.c _Py_union_type_or,
// unionbuilder_add_single, make_union, union_repr, union_richcompare, union_hash).
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "object/class_method.hpp"
#include "object/type_internal.hpp"
#include "object/typevar.hpp"

namespace gopy {

namespace {

struct UnionObject : GcObject {
  TupleObject* args = nullptr;  // distinct members, NoneType for None, nested unions flattened
  UnionObject() : GcObject(&union_type) {}
  ~UnionObject() override { clear_refs(); }
  void clear_refs() override {
    TupleObject* a = args;
    args = nullptr;
    xdecref(a);
  }
  int traverse(VisitFn visit, void* arg) override { return visit_ref(args, visit, arg); }
};

bool is_unionable(Object* o) {
  return o == None() || is_type_object(o) || o->type == &generic_alias_type || o->type == &union_type ||
         o->type == &typealias_type || o->type == &typevar_type || o->type == &paramspec_type;
}

// Adds `o` (a union's members one by one) unless an equal member is there; false on error.
bool add_member(std::vector<Object*>& members, Object* o) {
  if (o->type == &union_type) {
    for (Object* m : static_cast<UnionObject*>(o)->args->items)
      if (!add_member(members, m)) return false;
    return true;
  }
  if (o == None()) o = &none_type;
  for (Object* m : members) {
    int eq = object_eq(m, o);
    if (eq < 0) return false;
    if (eq) return true;
  }
  members.push_back(new_ref(o));
  return true;
}

Object* union_or(Object* a, Object* b) {
  if (!is_unionable(a) || !is_unionable(b)) return new_ref(NotImplemented());
  std::vector<Object*> members;
  if (!add_member(members, a) || !add_member(members, b)) {
    for (Object* m : members) decref(m);
    return nullptr;
  }
  if (members.size() == 1) return members[0];
  auto* u = make<UnionObject>();
  u->args = new_tuple_steal(std::move(members));
  return u;
}

// Union[X, Y, ...] (CPython: Objects/unionobject.c union_class_getitem): each member
// passes typing._type_check (strings become ForwardRefs), duplicates go, one member is
// returned alone.
Object* union_class_getitem(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (kwnames && !kwnames->items.empty()) return type_error("Union[...] takes no keyword arguments");
  if (nargs != 2) return type_error("Union[...] takes one argument");
  Object* key = args[1];
  std::vector<Object*> items;
  if (is_tuple(key)) {
    for (Object* o : static_cast<TupleObject*>(key)->items) items.push_back(o);
  } else {
    items.push_back(key);
  }
  if (items.empty()) return type_error("Cannot take a Union of no types.");
  std::vector<Object*> members;
  auto fail = [&members]() -> Object* {
    for (Object* m : members) decref(m);
    return nullptr;
  };
  for (Object* item : items) {
    Ref<> checked = Ref<>::steal(typing_type_check(item, "Union[arg, ...]: each arg must be a type."));
    if (!checked || !add_member(members, checked.get())) return fail();
  }
  if (members.size() == 1) return members[0];
  auto* u = make<UnionObject>();
  u->args = new_tuple_steal(std::move(members));
  return u;
}

Object* union_repr(Object* o) {
  std::string out;
  for (Object* m : static_cast<UnionObject*>(o)->args->items) {
    if (!out.empty()) out += " | ";
    if (!append_type_repr(out, m)) return nullptr;
  }
  return new_str(out);
}

Object* union_getattr(Object* o, StrObject* name) {
  if (name->view() == "__args__") return new_ref<Object>(static_cast<UnionObject*>(o)->args);
  return generic_getattr(o, name);
}

// Equal when both have the same members, in any order.
Object* union_richcompare(Object* a, Object* b, CompareOp op) {
  if (b->type != &union_type || (op != CompareOp::eq && op != CompareOp::ne)) return new_ref(NotImplemented());
  Ref<> fa = Ref<>::steal(call1(&frozenset_type, static_cast<UnionObject*>(a)->args));
  if (!fa) return nullptr;
  Ref<> fb = Ref<>::steal(call1(&frozenset_type, static_cast<UnionObject*>(b)->args));
  if (!fb) return nullptr;
  return rich_compare(fa.get(), fb.get(), op);
}

int64_t union_hash(Object* o) {
  Ref<> members = Ref<>::steal(call1(&frozenset_type, static_cast<UnionObject*>(o)->args));
  return members ? object_hash(members.get()) : -1;
}

}  // namespace

void init_union_methods() { add_class_method(&union_type, "__class_getitem__", union_class_getitem); }

void init_union_type() {
  make_static_type(&union_type, &type_type, "Union", &object_type, 0);
  union_type.module = "typing";
  union_type.tp_repr = union_repr;
  union_type.tp_getattr = union_getattr;
  union_type.tp_richcompare = union_richcompare;
  union_type.tp_hash = union_hash;
  for (TypeObject* t : {&union_type, &type_type, &generic_alias_type, &typealias_type, &typevar_type,
                        &paramspec_type})
    t->nb_binary[size_t(BinaryOp::or_)] = union_or;
}

}  // namespace gopy
