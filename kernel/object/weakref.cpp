// Weak references and proxies (CPython: Objects/weakrefobject.c). Each referent's weak
// references form a list whose first element the interpreter's side table holds.
#include "gopy/weakref.hpp"

#include <cstdio>
#include <string>
#include <vector>

#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/callback_errors.hpp"
#include "object/strcat.hpp"

namespace gopy {

TypeObject weakref_type, weakproxy_type, weakcallableproxy_type;

namespace {

WeakRefObject* as_wr(Object* o) { return static_cast<WeakRefObject*>(o); }
bool is_proxy(const Object* o) { return o->type == &weakproxy_type || o->type == &weakcallableproxy_type; }

// A plain reference without callback is shared, and kept first (CPython: get_basic_refs).
WeakRefObject* basic_ref(Object* referent) {
  WeakRefObject* head = first_weakref(referent);
  return head && head->type == &weakref_type && !head->callback ? head : nullptr;
}
WeakRefObject* basic_proxy(Object* referent) {
  for (WeakRefObject* wr = first_weakref(referent); wr; wr = wr->wr_next)
    if (is_proxy(wr) && !wr->callback) return wr;
  return nullptr;
}

void link_ref(WeakRefObject* wr, Object* referent, bool first) {
  auto& table = current_interp()->weakrefs;
  wr->referent = referent;
  auto [it, inserted] = table.try_emplace(referent, wr);
  if (inserted) return;
  WeakRefObject* head = it->second;
  if (first) {
    wr->wr_next = head;
    head->wr_prev = wr;
    it->second = wr;
    return;
  }
  WeakRefObject* last = head;
  while (last->wr_next) last = last->wr_next;
  last->wr_next = wr;
  wr->wr_prev = last;
}

// The type as its tp_name reads: a class's bare name, a built-in type's dotted one.
std::string type_display_name(const TypeObject* t) {
  if ((t->flags & TypeFlags::heap) || t->module == "builtins") return t->name;
  return t->module + "." + t->name;
}

// CPython: Objects/weakrefobject.c weakref_new / PyWeakref_NewRef / PyWeakref_NewProxy.
Object* new_weak(TypeObject* type, Object* referent, Object* callback) {
  if (!(referent->type->flags & TypeFlags::weakrefable))
    return type_error(cat("cannot create weak reference to '", referent->type->name, "' object"));
  if (callback == None()) callback = nullptr;
  bool proxy = type != &weakref_type && !is_subtype(type, &weakref_type);
  if (!callback) {
    WeakRefObject* shared = proxy ? basic_proxy(referent) : (type == &weakref_type ? basic_ref(referent) : nullptr);
    if (shared) return new_ref(shared);
  }
  if (proxy) type = callable_check(referent) ? &weakcallableproxy_type : &weakproxy_type;
  auto* wr = make<WeakRefObject>(type);
  wr->callback = callback;
  xincref(callback);
  link_ref(wr, referent, type == &weakref_type && !callback);
  return wr;
}

Object* ref_new(TypeObject* type, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (kwnames && kwnames->size()) return type_error("ref() takes no keyword arguments");
  if (!check_nargs("__new__", nargs, 1, 2)) return nullptr;
  return new_weak(type, args[0], nargs > 1 ? args[1] : nullptr);
}

Object* ref_call(Object* self, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (nargs || (kwnames && kwnames->size()))
    return type_error(cat("weakref() takes exactly 0 arguments (", std::to_string(nargs), " given)"));
  Object* r = as_wr(self)->referent;
  return new_ref(r ? r : None());
}

int64_t ref_hash(Object* self) {
  WeakRefObject* wr = as_wr(self);
  if (wr->hash != -1) return wr->hash;
  if (!wr->referent) {
    type_error("weak object has gone away");
    return -1;
  }
  wr->hash = object_hash(wr->referent);
  return wr->hash;
}

// CPython: Objects/weakrefobject.c weakref_richcompare.
Object* ref_richcompare(Object* a, Object* b, CompareOp op) {
  if ((op != CompareOp::eq && op != CompareOp::ne) || !isinstance_of(b, &weakref_type))
    return new_ref(NotImplemented());
  Object* ra = as_wr(a)->referent;
  Object* rb = as_wr(b)->referent;
  if (!ra || !rb) {
    bool same = a == b;
    return new_bool(op == CompareOp::eq ? same : !same);
  }
  incref(ra);
  incref(rb);
  Object* r = rich_compare(ra, rb, op);
  decref(ra);
  decref(rb);
  return r;
}

Object* weak_repr(Object* self) {
  WeakRefObject* wr = as_wr(self);
  const char* kind = is_proxy(self) ? "weakproxy" : "weakref";
  char buf[64];
  std::snprintf(buf, sizeof buf, "<%s at %p; ", kind, static_cast<void*>(self));
  if (!wr->referent) return new_str(cat(buf, "dead>"));
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(wr->referent));
  return new_str(cat(buf, "to '", type_display_name(wr->referent->type), "' at ", addr, ">"));
}

Object* ref_getattr(Object* self, StrObject* name) {
  if (name->utf8 == "__callback__") return new_ref(as_wr(self)->callback ? as_wr(self)->callback : None());
  return generic_getattr(self, name);
}

// ---- proxies: every operation goes to the referent (CPython: proxy_* in weakrefobject.c) ----

Object* live_referent(Object* proxy) {
  Object* r = as_wr(proxy)->referent;
  if (!r) return set_error(&exc_ReferenceError, "weakly-referenced object no longer exists");
  return r;
}

// Runs `op` on the referent, held for the duration.
template <class R, class F>
R with_referent(Object* proxy, R failed, F op) {
  Object* r = live_referent(proxy);
  if (!r) return failed;
  incref(r);
  R result = op(r);
  decref(r);
  return result;
}

Object* proxy_getattr(Object* self, StrObject* name) {
  return with_referent<Object*>(self, nullptr, [&](Object* r) { return get_attr(r, name); });
}
int proxy_setattr(Object* self, StrObject* name, Object* value) {
  return with_referent<int>(self, -1, [&](Object* r) { return value ? set_attr(r, name, value) : del_attr(r, name); });
}
Object* proxy_call(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return with_referent<Object*>(self, nullptr, [&](Object* r) { return call(r, args, nargs, kwnames); });
}
Object* proxy_str(Object* self) {
  return with_referent<Object*>(self, nullptr, [&](Object* r) { return object_str(r); });
}
int proxy_bool(Object* self) {
  return with_referent<int>(self, -1, [&](Object* r) { return object_is_true(r); });
}
ssize proxy_len(Object* self) {
  return with_referent<ssize>(self, -1, [&](Object* r) { return object_length(r); });
}
Object* proxy_getitem(Object* self, Object* key) {
  return with_referent<Object*>(self, nullptr, [&](Object* r) { return get_item(r, key); });
}
int proxy_setitem(Object* self, Object* key, Object* value) {
  return with_referent<int>(self, -1, [&](Object* r) { return value ? set_item(r, key, value) : del_item(r, key); });
}
int proxy_contains(Object* self, Object* item) {
  return with_referent<int>(self, -1, [&](Object* r) { return sequence_contains(r, item); });
}
Object* proxy_iter(Object* self) {
  return with_referent<Object*>(self, nullptr, [&](Object* r) { return get_iter(r); });
}
// A proxy compares as its referent; a proxy on the other side is unwrapped too.
Object* proxy_richcompare(Object* a, Object* b, CompareOp op) {
  if (is_proxy(b)) {
    b = live_referent(b);
    if (!b) return nullptr;
  }
  return with_referent<Object*>(a, nullptr, [&](Object* r) { return rich_compare(r, b, op); });
}

// ---- module functions ----

Object* f_getweakrefcount(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("_weakref.getweakrefcount", kwnames) || !check_nargs("_weakref.getweakrefcount", nargs, 1, 1))
    return nullptr;
  int64_t n = 0;
  for (WeakRefObject* wr = first_weakref(args[0]); wr; wr = wr->wr_next) ++n;
  return new_int(n);
}

Object* f_getweakrefs(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("_weakref.getweakrefs", kwnames) || !check_nargs("_weakref.getweakrefs", nargs, 1, 1))
    return nullptr;
  ListObject* l = new_list();
  for (WeakRefObject* wr = first_weakref(args[0]); wr; wr = wr->wr_next) list_append(l, wr);
  return l;
}

Object* f_proxy(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("proxy", kwnames) || !check_nargs("proxy", nargs, 1, 2)) return nullptr;
  return new_weak(&weakproxy_type, args[0], nargs > 1 ? args[1] : nullptr);
}

Object* f_remove_dead_weakref(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("_remove_dead_weakref", kwnames) || !check_nargs("_remove_dead_weakref", nargs, 2, 2))
    return nullptr;
  if (!is_dict(args[0])) return type_error("_remove_dead_weakref() argument 1 must be dict");
  auto* d = static_cast<DictObject*>(args[0]);
  Object* v = dict_get_item(d, args[1]);
  if (!v) {
    if (error_occurred()) return nullptr;
    return new_none();
  }
  if (is_weakref(v) && !as_wr(v)->referent && dict_del_item(d, args[1]) < 0) return nullptr;
  return new_none();
}

void fill_weakref_module(ModuleObject* m) {
  add_module_function(m, "getweakrefcount", f_getweakrefcount);
  add_module_function(m, "getweakrefs", f_getweakrefs);
  add_module_function(m, "proxy", f_proxy);
  add_module_function(m, "_remove_dead_weakref", f_remove_dead_weakref);
  (void)dict_set_str(m->dict, "ref", &weakref_type);
  (void)dict_set_str(m->dict, "ReferenceType", &weakref_type);
  (void)dict_set_str(m->dict, "ProxyType", &weakproxy_type);
  (void)dict_set_str(m->dict, "CallableProxyType", &weakcallableproxy_type);
}

}  // namespace

WeakRefObject::~WeakRefObject() { clear_refs(); }

void WeakRefObject::clear_refs() {
  weakref_clear_ref(this);
  Object* cb = callback;
  callback = nullptr;
  xdecref(cb);
}

int WeakRefObject::traverse(VisitFn visit, void* arg) { return visit_ref(callback, visit, arg); }

WeakRefObject* new_weakref(Object* referent) {
  return static_cast<WeakRefObject*>(new_weak(&weakref_type, referent, nullptr));
}

WeakRefObject* first_weakref(Object* o) {
  auto& table = current_interp()->weakrefs;
  if (table.empty()) return nullptr;
  auto it = table.find(o);
  return it == table.end() ? nullptr : it->second;
}

void weakref_clear_ref(WeakRefObject* wr) {
  Object* referent = wr->referent;
  if (!referent) return;
  wr->referent = nullptr;
  if (wr->wr_prev) {
    wr->wr_prev->wr_next = wr->wr_next;
  } else {
    auto& table = current_interp()->weakrefs;
    if (wr->wr_next) table[referent] = wr->wr_next;
    else table.erase(referent);
  }
  if (wr->wr_next) wr->wr_next->wr_prev = wr->wr_prev;
  wr->wr_prev = wr->wr_next = nullptr;
}

void weakref_call_callback(WeakRefObject* wr) {
  Object* cb = wr->callback;
  if (!cb) return;
  wr->callback = nullptr;  // it runs once
  Object* r = call1(cb, wr);
  if (r) decref(r);
  else write_unraisable_call_error("Exception ignored while calling weakref callback", cb);
  decref(cb);
}

// CPython: Objects/weakrefobject.c PyObject_ClearWeakRefs.
void clear_weakrefs(Object* o) {
  if (!first_weakref(o)) return;
  std::vector<WeakRefObject*> callbacks;
  while (WeakRefObject* wr = first_weakref(o)) {
    weakref_clear_ref(wr);
    if (wr->callback && wr->refcnt > 0) callbacks.push_back(new_ref(wr));
  }
  if (callbacks.empty()) return;
  Object* saved = fetch_error();
  for (WeakRefObject* wr : callbacks) {
    weakref_call_callback(wr);
    decref(wr);
  }
  if (saved) restore_error(saved);
}

void init_weakref_types() {
  make_static_type(&weakref_type, &type_type, "ReferenceType", &object_type, 0);
  make_static_type(&weakproxy_type, &type_type, "ProxyType", &object_type, 0);
  make_static_type(&weakcallableproxy_type, &type_type, "CallableProxyType", &object_type, 0);
  weakref_type.qualname = "ReferenceType";
  for (TypeObject* t : {&weakref_type, &weakproxy_type, &weakcallableproxy_type}) t->module = "weakref";
  weakref_type.tp_new = ref_new;
  weakref_type.tp_call = ref_call;
  weakref_type.tp_hash = ref_hash;
  weakref_type.tp_richcompare = ref_richcompare;
  weakref_type.tp_repr = weak_repr;
  weakref_type.tp_getattr = ref_getattr;
  for (TypeObject* t : {&weakproxy_type, &weakcallableproxy_type}) {
    t->tp_repr = weak_repr;
    t->tp_str = proxy_str;
    t->tp_getattr = proxy_getattr;
    t->tp_setattr = proxy_setattr;
    t->tp_richcompare = proxy_richcompare;
    t->nb_bool = proxy_bool;
    t->sq_length = proxy_len;
    t->mp_subscript = proxy_getitem;
    t->mp_ass_subscript = proxy_setitem;
    t->sq_contains = proxy_contains;
    t->tp_iter = proxy_iter;
  }
  weakcallableproxy_type.tp_call = proxy_call;
  // The types whose instances accept weak references (CPython: a tp_weaklistoffset).
  for (TypeObject* t : {&type_type, &function_type, &builtin_function_type, &method_type, &module_type,
                        &set_type, &frozenset_type, &code_type})
    t->flags |= TypeFlags::weakrefable;
}

ModuleObject* create__weakref_module() {
  ModuleObject* m = new_module("_weakref");
  fill_weakref_module(m);
  return m;
}

}  // namespace gopy
