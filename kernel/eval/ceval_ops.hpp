// The semantics behind the instructions that are more than a few lines: name lookups,
// unpacking, displays, calls with *args/**kwargs, super(), functions and classes, raise,
// imports, f-strings (kernel-internal; ceval.cpp calls them). Each returns a new reference
// or null (or -1) with the exception set.
#pragma once

#include <vector>

#include "eval/code.hpp"

namespace gopy {

std::nullptr_t name_error(StrObject* name);
std::nullptr_t unbound_local_error(StrObject* name);
std::nullptr_t unbound_free_error(StrObject* name);
Object* load_global(Frame* f, StrObject* name);
// LOAD_NAME: the namespace dict, then (class bodies) the cell, globals, builtins.
Object* load_name(Frame* f, StrObject* name, int cell_slot);
int delete_from(DictObject* d, StrObject* name);
// STORE_NAME: a dict subclass namespace's __setitem__ runs.
int store_name(DictObject* d, StrObject* name, Object* value);

// One comparison (new reference).
Object* compare_values(Object* a, Object* b, CmpKind op);
// One comparison's truth: 1, 0 or -1.
int compare_truth(Object* a, Object* b, CmpKind op);

// Unpacks `v` into `out` (new references in target order): exactly `n` items when
// `star` < 0, else `star` items, a list of the middle, and `after` items.
bool unpack_iterable(Object* v, int n, int star, int after, std::vector<Object*>& out);

// `*x` in a display: appends x's items to the list.
int display_extend(ListObject* list, Object* iterable);
// `**m` in a dict display.
int display_dict_update(DictObject* d, Object* m);
// `*x` in a call's arguments (`func` names the callee in the error).
int call_star_extend(Object* func, ListObject* list, Object* iterable);
// `**m` in a call's arguments.
int call_kw_merge(Object* func, DictObject* kw, Object* m);
// `name=value` in a call with `**`: an earlier `**` may already hold the name.
int call_kw_add(Object* func, DictObject* kw, Object* name, Object* value);
// Calls func(*list, **kw).
Object* call_with_list_dict(Object* func, ListObject* list, DictObject* kw);

// super() without arguments in a method.
Object* zero_arg_super(Frame* f, int class_slot, int self_slot, bool self_is_cell);
// LOAD_METHOD: pushes (function, self) when the attribute is a plain method on the type,
// else (bound attribute, null).
bool load_method(Object* obj, StrObject* name, Object** func, Object** self);

Object* make_function(Frame* f, CodeObject* code, Object* defaults, Object* kwdefaults);
// kwargs: the class keywords (a dict) or None.
Object* build_class_from_body(Frame* f, StrObject* name, StrObject* qualname, TupleObject* bases, Object* kwargs,
                              Object* body);

// RAISE with an exception and an optional cause (null), or bare (both null).
void do_raise(Object* exc, Object* cause);
void assert_fail(Object* msg);

Object* import_name(Frame* f, StrObject* name, Object* fromlist, int level);
Object* import_subattr(Object* top, StrObject* dotted);
Object* import_from(Object* module, StrObject* name);
int import_star(Frame* f, Object* module);

Object* format_value(Object* v, int conversion, Object* spec);
Object* build_string(Object* const* parts, size_t n);
int print_expr(Object* v);

// `with` (ceval_with.cpp): calls the manager's __enter__ (__aenter__) and returns its
// result, with the bound __exit__ (__aexit__) in `*exit`; both looked up on the type.
Object* with_enter(Object* mgr, bool is_async, Object** exit);
// exit(type(exc), exc, exc.__traceback__).
Object* with_exit_on_exception(Object* exit, Object* exc);

// Before the first traceback entry of a NameError or AttributeError: what its suggestion
// needs from the frame (frame_suggestions.cpp).
void note_innermost_frame(BaseExceptionObject* exc, Frame& f);

// Coroutines (ceval_async.cpp): the iterator `await o` delegates to; `context` 1 and 2
// name __aenter__ and __aexit__ in the error of an `async with`.
Object* get_awaitable(Object* o, int context);
// `async for`: aiter(o), and the iterator of the awaitable anext(aiter) returns.
Object* get_aiter(Object* o);
Object* get_anext(Object* aiter);

}  // namespace gopy
