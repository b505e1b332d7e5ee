// Exception groups (PEP 654). CPython: Objects/exceptions.c BaseExceptionGroup_new,
// BaseExceptionGroup_str/_repr, derive, split, subgroup, exceptiongroup_subset,
// _PyExc_PrepReraiseStar; Python/ceval.c _PyEval_ExceptionGroupMatch,
// _PyEval_CheckExceptStarTypeValid.
#include "object/typevar.hpp"
#include "object/exception_group.hpp"

#include <unordered_set>

#include "eval/code.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/exc_notes.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject exc_BaseExceptionGroup;
TypeObject exc_ExceptionGroup;

namespace {

struct ExceptionGroupObject : BaseExceptionObject {
  Object* message = nullptr;      // owned str
  TupleObject* excs = nullptr;    // owned, non-empty
  Object* excs_repr = nullptr;    // owned: repr of a sequence that is no list or tuple
  explicit ExceptionGroupObject(TypeObject* t) : BaseExceptionObject(t) {}
  ~ExceptionGroupObject() override { clear_refs(); }
  void clear_refs() override {
    Object* refs[] = {message, excs, excs_repr};
    message = excs_repr = nullptr;
    excs = nullptr;
    for (Object* o : refs) xdecref(o);
    BaseExceptionObject::clear_refs();
  }
  int traverse(VisitFn visit, void* arg) override {
    for (Object* o : {message, static_cast<Object*>(excs), excs_repr})
      if (int r = visit_ref(o, visit, arg)) return r;
    return BaseExceptionObject::traverse(visit, arg);
  }
};

ExceptionGroupObject* as_group(Object* o) { return static_cast<ExceptionGroupObject*>(o); }

GetAttrFn base_getattr = nullptr;

bool is_sequence(Object* o) {
  if (is_list(o) || is_tuple(o)) return true;
  return !is_dict(o) && type_lookup(o->type, "__getitem__") != nullptr;
}

Object* group_new(TypeObject* t, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (kwnames && !kwnames->items.empty())
    return type_error(cat(t->name, "() takes no keyword arguments"));
  if (nargs != 2)
    return type_error(cat("BaseExceptionGroup.__new__() takes exactly 2 arguments (", nargs, " given)"));
  if (!is_str(args[0]))
    return type_error(cat("BaseExceptionGroup.__new__() argument 1 must be str, not ", args[0]->type->name));
  Object* seq = args[1];
  if (!is_sequence(seq)) return type_error("second argument (exceptions) must be a sequence");
  Ref<> excs_repr;
  if (!is_list(seq) && !is_tuple(seq)) {
    excs_repr = Ref<>::steal(object_repr(seq));
    if (!excs_repr) return nullptr;
  }
  Ref<TupleObject> excs = Ref<TupleObject>::steal(tuple_from_iterable(seq));
  if (!excs) return nullptr;
  if (excs->items.empty()) return value_error("second argument (exceptions) must be a non-empty sequence");
  bool nested_base = false;
  for (size_t i = 0; i < excs->items.size(); ++i) {
    Object* e = excs->items[i];
    if (!is_exception_instance(e))
      return value_error(cat("Item ", i, " of second argument (exceptions) is not an exception"));
    nested_base |= !isinstance_of(e, &exc_Exception);
  }
  TypeObject* cls = t;
  if (cls == &exc_ExceptionGroup) {
    if (nested_base) return type_error("Cannot nest BaseExceptions in an ExceptionGroup");
  } else if (cls == &exc_BaseExceptionGroup) {
    if (!nested_base) cls = &exc_ExceptionGroup;
  } else if (nested_base && is_subtype(cls, &exc_Exception)) {
    return type_error(cat("Cannot nest BaseExceptions in '", cls->name, "'"));
  }
  if (cls->flags & TypeFlags::heap) incref(cls);
  auto* g = make<ExceptionGroupObject>(cls);
  decref(g->args);
  g->args = new_tuple_from({args[0], args[1]});
  g->message = new_ref(args[0]);
  g->excs = excs.release();
  g->excs_repr = excs_repr.release();
  return g;
}

Object* group_str(Object* o) {
  auto* g = as_group(o);
  size_t n = g->excs->items.size();
  return new_str(cat(as_str(g->message)->utf8, " (", n, " sub-exception", n > 1 ? "s" : "", ")"));
}

Object* group_repr(Object* o) {
  auto* g = as_group(o);
  Ref<> excs;
  if (g->excs_repr) {
    excs = Ref<>::steal(new_ref(g->excs_repr));
  } else if (g->args->items.size() > 1 && is_list(g->args->items[1])) {
    Ref<> list = Ref<>::steal(list_from_iterable(g->excs));
    if (!list) return nullptr;
    excs = Ref<>::steal(object_repr(list.get()));
  } else {
    excs = Ref<>::steal(object_repr(g->excs));
  }
  if (!excs) return nullptr;
  Ref<> msg = Ref<>::steal(object_repr(g->message));
  if (!msg) return nullptr;
  return new_str(cat(o->type->name, "(", as_str(msg.get())->utf8, ", ", as_str(excs.get())->utf8, ")"));
}

Object* group_getattr(Object* o, StrObject* name) {
  std::string_view n = name->view();
  if (n == "message") return new_ref(as_group(o)->message);
  if (n == "exceptions") return new_ref<Object>(as_group(o)->excs);
  return base_getattr(o, name);
}

// BaseExceptionGroup(self.message, excs).
Object* derive(Object* self, Object* excs) {
  Object* args[2] = {as_group(self)->message, excs};
  return call(&exc_BaseExceptionGroup, args, 2);
}

Object* derive_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("derive", kwnames) || !check_nargs("derive", nargs - 1, 1, 1)) return nullptr;
  return derive(args[0], args[1]);
}

// How split/subgroup decide: by exception type(s), by a predicate, or (for except*'s
// re-raise) by the identities of leaf exceptions.
struct Matcher {
  enum Kind { by_type, by_predicate, by_identity } kind;
  Object* value = nullptr;
  const std::unordered_set<const Object*>* leaves = nullptr;
};

bool matcher_from(Object* value, Matcher* m) {
  if (callable_check(value) && !is_type_object(value)) {
    *m = {Matcher::by_predicate, value};
    return true;
  }
  bool ok = is_exception_class(value);
  if (!ok && is_tuple(value)) {
    ok = true;
    for (Object* t : static_cast<TupleObject*>(value)->items) ok &= is_exception_class(t);
  }
  if (!ok) {
    type_error("expected an exception type, a tuple of exception types, or a callable (other than a class)");
    return false;
  }
  *m = {Matcher::by_type, value};
  return true;
}

int matches(Object* exc, const Matcher& m) {
  switch (m.kind) {
    case Matcher::by_type: return exception_matches(exc, m.value);
    case Matcher::by_predicate: {
      Ref<> r = Ref<>::steal(call1(m.value, exc));
      return r ? object_is_true(r.get()) : -1;
    }
    case Matcher::by_identity: return !is_exception_group(exc) && m.leaves->count(exc);
  }
  return 0;
}

// A group of `excs` derived from `orig`, carrying its traceback, cause, context and a
// copy of its notes; null (no error) when excs is empty (CPython: exceptiongroup_subset).
int subset(Object* orig, ListObject* excs, Object** result) {
  *result = nullptr;
  if (excs->items.empty()) return 0;
  Ref<> eg = Ref<>::steal(call_method(orig, "derive", reinterpret_cast<Object* const*>(&excs), 1));
  if (!eg) return -1;
  if (!is_exception_group(eg.get())) {
    type_error("derive must return an instance of BaseExceptionGroup");
    return -1;
  }
  auto* src = static_cast<BaseExceptionObject*>(orig);
  auto* dst = static_cast<BaseExceptionObject*>(eg.get());
  auto copy = [](Object*& to, Object* from) {
    Object* old = to;
    to = from ? new_ref(from) : nullptr;
    xdecref(old);
  };
  copy(dst->traceback, src->traceback);
  copy(dst->context, src->context);
  copy(dst->cause, src->cause);
  if (Object* notes = exception_get_attr(orig, "__notes__"); notes && is_sequence(notes)) {
    Ref<> copy_of = Ref<>::steal(list_from_iterable(notes));
    if (!copy_of) return -1;
    if (!dst->dict) dst->dict = new_dict();
    if (dict_set_str(dst->dict, "__notes__", copy_of.get()) < 0) return -1;
  }
  *result = eg.release();
  return 0;
}

// CPython: exceptiongroup_split_recursive. Sets new references (or null) in match/rest.
int split_recursive(Object* exc, const Matcher& m, bool with_rest, Object** match, Object** rest) {
  *match = *rest = nullptr;
  int is_match = matches(exc, m);
  if (is_match < 0) return -1;
  if (is_match) {
    *match = new_ref(exc);
    return 0;
  }
  if (!is_exception_group(exc)) {
    if (with_rest) *rest = new_ref(exc);
    return 0;
  }
  ThreadState* ts = get_thread_state();
  if (!check_recursion(ts)) return -1;
  ++ts->depth;
  Ref<ListObject> match_list = Ref<ListObject>::steal(new_list());
  Ref<ListObject> rest_list = Ref<ListObject>::steal(new_list());
  Ref<TupleObject> excs = Ref<TupleObject>::borrow(as_group(exc)->excs);
  int status = 0;
  for (Object* e : excs->items) {
    Object *sub_match, *sub_rest;
    if (split_recursive(e, m, with_rest, &sub_match, &sub_rest) < 0) {
      status = -1;
      break;
    }
    if (sub_match) list_append(match_list.get(), sub_match);
    if (sub_rest) list_append(rest_list.get(), sub_rest);
    xdecref(sub_match);
    xdecref(sub_rest);
  }
  --ts->depth;
  if (status < 0 || subset(exc, match_list.get(), match) < 0) return -1;
  if (with_rest && subset(exc, rest_list.get(), rest) < 0) {
    Object* drop = *match;
    *match = nullptr;
    xdecref(drop);
    return -1;
  }
  return 0;
}

Object* split_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("split", kwnames) || !check_nargs("split", nargs - 1, 1, 1)) return nullptr;
  Matcher m;
  if (!matcher_from(args[1], &m)) return nullptr;
  Object *match, *rest;
  if (split_recursive(args[0], m, true, &match, &rest) < 0) return nullptr;
  return new_tuple_steal({match ? match : new_none(), rest ? rest : new_none()});  // both new references
}

Object* subgroup_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("subgroup", kwnames) || !check_nargs("subgroup", nargs - 1, 1, 1)) return nullptr;
  Matcher m;
  if (!matcher_from(args[1], &m)) return nullptr;
  Object *match, *rest;
  if (split_recursive(args[0], m, false, &match, &rest) < 0) return nullptr;
  return match ? match : new_none();
}

Object* add_note_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("add_note", kwnames) || !check_nargs("add_note", nargs - 1, 1, 1)) return nullptr;
  if (!is_str(args[1]))
    return type_error(cat("add_note() argument must be str, not ", args[1] == None() ? "None" : args[1]->type->name));  // CPython: _PyArg_BadArgument
  if (exception_add_note(args[0], as_str(args[1])->view()) < 0) return nullptr;
  return new_none();
}

void collect_leaves(Object* exc, std::unordered_set<const Object*>& leaves) {
  if (exc == None()) return;
  if (!is_exception_group(exc)) {
    leaves.insert(exc);
    return;
  }
  for (Object* e : as_group(exc)->excs->items) collect_leaves(e, leaves);
}

// The same traceback, cause, context and notes: a part of `orig` re-raised as it was.
bool same_metadata(Object* a, Object* b) {
  auto* x = static_cast<BaseExceptionObject*>(a);
  auto* y = static_cast<BaseExceptionObject*>(b);
  return exception_get_attr(a, "__notes__") == exception_get_attr(b, "__notes__") && x->traceback == y->traceback &&
         x->cause == y->cause && x->context == y->context;
}

// CPython: Python/ceval.c _PyEval_CheckExceptStarTypeValid.
bool valid_except_star_type(Object* type) {
  bool ok = is_exception_class(type);
  if (!ok && is_tuple(type)) {
    ok = true;
    for (Object* t : static_cast<TupleObject*>(type)->items) ok &= is_exception_class(t);
  }
  if (!ok) {
    type_error("catching classes that do not inherit from BaseException is not allowed");
    return false;
  }
  auto is_group_class = [](Object* t) {
    auto* tt = static_cast<TypeObject*>(t);
    return is_subtype(tt, &exc_BaseExceptionGroup);
  };
  bool group = is_tuple(type) ? false : is_group_class(type);
  if (is_tuple(type))
    for (Object* t : static_cast<TupleObject*>(type)->items) group |= is_group_class(t);
  if (group) {
    type_error("catching ExceptionGroup with except* is not allowed. Use except instead.");
    return false;
  }
  return true;
}

}  // namespace

bool is_exception_group(const Object* o) {
  return isinstance_of(o, &exc_BaseExceptionGroup);
}

Object* exception_group_members(Object* group) { return new_ref<Object>(as_group(group)->excs); }

void init_exception_group_types(const TypeObject& base_slots) {
  unsigned flags = TypeFlags::basetype | TypeFlags::exception;
  make_static_type(&exc_BaseExceptionGroup, &type_type, "BaseExceptionGroup", &exc_BaseException, flags);
  // ExceptionGroup(BaseExceptionGroup, Exception): its __bases__ and __mro__ are set in each
  // interpreter (init_exception_group_bases); __base__ is the group's layout.
  make_static_type(&exc_ExceptionGroup, &type_type, "ExceptionGroup", &exc_BaseExceptionGroup, flags);
  base_getattr = base_slots.tp_getattr;
  for (TypeObject* t : {&exc_BaseExceptionGroup, &exc_ExceptionGroup}) {
    t->tp_init = base_slots.tp_init;
    t->tp_setattr = base_slots.tp_setattr;
    t->tp_hash = base_slots.tp_hash;
    t->instance_dict = base_slots.instance_dict;
    t->tp_new = group_new;
    t->tp_str = group_str;
    t->tp_repr = group_repr;
    t->tp_getattr = group_getattr;
  }
}

// Eager, unlike the methods: subclass checks read the MRO without a type dict.
void init_exception_group_bases() {
  // CPython: Objects/exceptions.c _PyExc_InitTypes makes ExceptionGroup with the bases
  // (BaseExceptionGroup, Exception).
  exc_ExceptionGroup.bases = new_tuple_from({&exc_BaseExceptionGroup, &exc_Exception});
  exc_ExceptionGroup.mro = new_tuple_from(
      {&exc_ExceptionGroup, &exc_BaseExceptionGroup, &exc_Exception, &exc_BaseException, &object_type});
  type_modified();
}

void init_exception_group_methods() {
  add_class_getitem(&exc_BaseExceptionGroup);
  for (TypeObject* t : {&exc_BaseExceptionGroup, &exc_ExceptionGroup}) {
    add_method(t, "derive", derive_method);
    add_method(t, "split", split_method);
    add_method(t, "subgroup", subgroup_method);
  }
  add_method(&exc_BaseException, "add_note", add_note_method);
}

int exception_group_match(Object* exc, Object* type, Object** match, Object** rest, StrObject* frame_file,
                          StrObject* frame_func, int frame_line) {
  *match = *rest = nullptr;
  if (!valid_except_star_type(type)) return -1;
  if (exc == None()) {
    *match = new_none();
    *rest = new_none();
    return 0;
  }
  int full = exception_matches(exc, type);
  if (full < 0) return -1;
  if (full) {
    if (is_exception_group(exc)) {
      *match = new_ref(exc);
    } else {
      Ref<> one = Ref<>::steal(new_tuple_from({exc}));
      Ref<> empty = Ref<>::steal(new_str(""));
      Object* args[2] = {empty.get(), one.get()};
      Object* wrapped = call(&exc_BaseExceptionGroup, args, 2);
      if (!wrapped) return -1;
      traceback_add(static_cast<BaseExceptionObject*>(wrapped), frame_file, frame_func, frame_line);
      *match = wrapped;
    }
    *rest = new_none();
    return 0;
  }
  if (is_exception_group(exc)) {
    Matcher m{Matcher::by_type, type};
    Object *mt, *rs;
    if (split_recursive(exc, m, true, &mt, &rs) < 0) return -1;
    *match = mt ? mt : new_none();
    *rest = rs ? rs : new_none();
    return 0;
  }
  *match = new_none();
  *rest = new_ref(exc);
  return 0;
}

Object* exception_group_prep_reraise(Object* orig, ListObject* raised) {
  std::vector<Object*> present;
  for (Object* e : raised->items)
    if (e != None()) present.push_back(e);
  if (present.empty()) return new_none();
  if (!is_exception_group(orig)) return new_ref(present.front());  // a naked exception: one clause ran
  Ref<ListObject> new_ones = Ref<ListObject>::steal(new_list());
  std::unordered_set<const Object*> leaves;
  for (Object* e : present) {
    if (same_metadata(e, orig)) collect_leaves(e, leaves);
    else list_append(new_ones.get(), e);
  }
  // The re-raised leaves keep orig's nesting (CPython: exception_group_projection).
  Object* reraised = nullptr;
  Object* unused = nullptr;
  Matcher m{Matcher::by_identity, nullptr, &leaves};
  if (split_recursive(orig, m, false, &reraised, &unused) < 0) return nullptr;
  if (new_ones->items.empty()) return reraised ? reraised : new_none();
  if (reraised) {
    list_append(new_ones.get(), reraised);
    decref(reraised);
  }
  if (new_ones->items.size() == 1) return new_ref(new_ones->items[0]);
  Ref<> empty = Ref<>::steal(new_str(""));
  Object* args[2] = {empty.get(), new_ones.get()};
  return call(&exc_BaseExceptionGroup, args, 2);
}

}  // namespace gopy
