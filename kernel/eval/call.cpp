// Calling Python functions: argument binding into frame slots, cells, the recursion
// limit, and running a body (CPython: Python/ceval.c _PyEval_Vector, initialize_locals,
// format_missing, too_many_positional).
#include <new>
#include <algorithm>
#include <cstdio>

#include "eval/code.hpp"
#include "gopy/object_num.hpp"
#include "gopy/signals.hpp"
#include "object/function_internal.hpp"
#include "object/strcat.hpp"
#include "object/suggestions.hpp"
#include "object/type_init.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject code_type;

CodeObject::CodeObject() : Object(&code_type) {}

void CodeObject::clear_refs() {
  std::vector<Object*> old;
  old.swap(consts);
  name = qualname = filename = nullptr;
  varnames.clear();
  cellnames.clear();
  freenames.clear();
  for (Object* o : old) decref(o);
}

void FunctionObject::clear_refs() {
  CodeObject* c = code;
  code = nullptr;
  xdecref(c);
  function_clear_fields(this);
}

int CodeObject::traverse(VisitFn visit, void* arg) { return visit_all(consts, visit, arg); }

// CPython: Objects/funcobject.c func_traverse.
int FunctionObject::traverse(VisitFn visit, void* arg) {
  for (Object* o : {static_cast<Object*>(code), static_cast<Object*>(globals), static_cast<Object*>(builtins),
                    static_cast<Object*>(defaults),
                    static_cast<Object*>(kwdefaults), static_cast<Object*>(closure), static_cast<Object*>(name),
                    static_cast<Object*>(qualname), module, static_cast<Object*>(dict), annotate,
                    static_cast<Object*>(annotations), static_cast<Object*>(type_params)})
    if (int r = visit_ref(o, visit, arg)) return r;
  return 0;
}

namespace {

std::string quoted_list(const std::vector<std::string>& names) {
  // 'a'  |  'a' and 'b'  |  'a', 'b', and 'c'  (CPython: format_missing)
  std::string out;
  for (size_t i = 0; i < names.size(); ++i) {
    if (i) out += names.size() == 2 ? " and " : (i + 1 == names.size() ? ", and " : ", ");
    out += "'" + names[i] + "'";
  }
  return out;
}

bool missing_error(CodeObject* co, FunctionObject* fn, const std::vector<std::string>& names, const char* kind) {
  type_error(cat(fn->qualname->utf8, "() missing ", names.size(), " required ", kind, " argument",
                 names.size() == 1 ? "" : "s", ": ", quoted_list(names)));
  (void)co;
  return false;
}

// CPython: Python/ceval.c too_many_positional
bool too_many_positional(CodeObject* co, FunctionObject* fn, size_t given, Object** slots) {
  size_t defcount = fn->defaults ? fn->defaults->items.size() : 0;
  size_t kwonly_given = 0;
  for (int i = co->argcount; i < co->argcount + co->kwonlycount; ++i)
    if (slots[i]) ++kwonly_given;
  std::string sig;
  bool plural;
  if (defcount) {
    sig = cat("from ", co->argcount - int(defcount), " to ", co->argcount);
    plural = true;
  } else {
    sig = std::to_string(co->argcount);
    plural = co->argcount != 1;
  }
  std::string kwonly_sig;
  if (kwonly_given)
    kwonly_sig = cat(" positional argument", given != 1 ? "s" : "", " (and ", kwonly_given, " keyword-only argument",
                     kwonly_given != 1 ? "s" : "", ")");
  type_error(cat(fn->qualname->utf8, "() takes ", sig, " positional argument", plural ? "s" : "", " but ", given,
                 kwonly_sig, " ", given == 1 && !kwonly_given ? "was" : "were", " given"));
  return false;
}

// Fills the parameter slots from the call's arguments; false with TypeError set.
bool bind_arguments(FunctionObject* fn, CodeObject* co, Object** slots, Object* const* args, size_t nargs,
                    TupleObject* kwnames) {
  size_t npos = size_t(co->argcount);
  size_t n = std::min(nargs, npos);
  for (size_t i = 0; i < n; ++i) slots[i] = new_ref(args[i]);
  int next_slot = co->argcount + co->kwonlycount;
  if (co->has_varargs) {
    std::vector<Object*> extra;
    for (size_t i = n; i < nargs; ++i) extra.push_back(new_ref(args[i]));
    slots[next_slot++] = new_tuple_steal(std::move(extra));
  }
  DictObject* varkw = nullptr;
  if (co->has_varkw) {
    varkw = new_dict();
    slots[next_slot] = varkw;
  }
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  for (size_t k = 0; k < nkw; ++k) {
    auto* key = as_str(kwnames->items[k]);
    Object* value = args[nargs + k];
    int found = -1;
    for (int i = co->posonlycount; i < co->argcount + co->kwonlycount; ++i) {
      if (co->varnames[size_t(i)] == key || str_equal(co->varnames[size_t(i)], key)) {
        found = i;
        break;
      }
    }
    if (found < 0) {
      if (varkw) {
        dict_set_item(varkw, key, value);
        continue;
      }
      bool posonly = false;
      for (int i = 0; i < co->posonlycount; ++i) posonly |= str_equal(co->varnames[size_t(i)], key);
      if (posonly) {
        type_error(cat(fn->qualname->utf8, "() got some positional-only arguments passed as keyword arguments: '",
                       key->utf8, "'"));
      } else {
        // CPython: Python/ceval.c initialize_locals (a suggestion among the keyword-able names)
        std::vector<std::string_view> names;
        for (int i = co->posonlycount; i < co->argcount + co->kwonlycount; ++i)
          names.push_back(co->varnames[size_t(i)]->view());
        std::string hint = closest_name(names, key->view());
        type_error(cat(fn->qualname->utf8, "() got an unexpected keyword argument '", key->utf8, "'",
                       hint.empty() ? std::string() : cat(". Did you mean '", hint, "'?")));
      }
      return false;
    }
    if (slots[found]) {
      type_error(cat(fn->qualname->utf8, "() got multiple values for argument '", key->utf8, "'"));
      return false;
    }
    slots[found] = new_ref(value);
  }
  if (nargs > npos && !co->has_varargs) return too_many_positional(co, fn, nargs, slots);
  if (nargs < npos) {
    size_t ndef = fn->defaults ? fn->defaults->items.size() : 0;
    size_t first_default = npos - ndef;
    std::vector<std::string> missing;
    for (size_t i = nargs; i < npos; ++i) {
      if (slots[i]) continue;
      if (i >= first_default) slots[i] = new_ref(fn->defaults->items[i - first_default]);
      else missing.push_back(co->varnames[i]->utf8);
    }
    if (!missing.empty()) return missing_error(co, fn, missing, "positional");
  }
  if (co->kwonlycount) {
    std::vector<std::string> missing;
    for (int i = co->argcount; i < co->argcount + co->kwonlycount; ++i) {
      if (slots[i]) continue;
      Object* d = fn->kwdefaults ? dict_get_str(fn->kwdefaults, co->varnames[size_t(i)]) : nullptr;
      if (d) slots[i] = new_ref(d);
      else missing.push_back(co->varnames[size_t(i)]->utf8);
    }
    if (!missing.empty()) return missing_error(co, fn, missing, "keyword-only");
  }
  return true;
}

// Frame set-up shared by calls: cells for this frame, free cells from the closure.
void init_cells(CodeObject* co, Object** slots, TupleObject* closure) {
  int first_cell = co->first_cell();
  for (size_t i = 0; i < co->cellnames.size(); ++i) {
    int from = co->cell_from_arg[i];
    Object* init = from >= 0 ? slots[from] : nullptr;
    slots[first_cell + int(i)] = new_cell(init);
  }
  if (closure) {
    int first_free = co->first_free();
    for (size_t i = 0; i < closure->items.size(); ++i) slots[first_free + int(i)] = new_ref(closure->items[i]);
  }
}

}  // namespace

bool bind_call(FunctionObject* fn, Frame* f, Object* const* args, size_t nargs, TupleObject* kwnames) {
  CodeObject* co = fn->code;
  Object** slots = f->slots;
  bool simple = !kwnames && nargs == size_t(co->argcount) && !co->has_varargs && !co->has_varkw && !co->kwonlycount;
  if (simple) {
    for (size_t i = 0; i < nargs; ++i) slots[i] = new_ref(args[i]);
  } else if (!bind_arguments(fn, co, slots, args, nargs, kwnames)) {
    return false;
  }
  if (!co->cellnames.empty() || fn->closure) init_cells(co, slots, fn->closure);
  return true;
}

Object* function_call(Object* callable, Object* const* args, size_t nargs, TupleObject* kwnames) {
  auto* fn = static_cast<FunctionObject*>(callable);
  CodeObject* co = fn->code;
  ThreadState* ts = get_thread_state();
  if (co->is_generator) {
    // A generator function: the frame is bound now and runs on the first next().
    Frame* f = new_heap_frame(co);
    if (!f) return no_memory();
    if (!bind_call(fn, f, args, nargs, kwnames)) {
      release_frame(ts, f);
      return nullptr;
    }
    f->func = new_ref(fn);
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    f->locals = nullptr;
    try {
      return new_generator(f, fn);
    } catch (const std::bad_alloc&) {
      release_frame(ts, f);  // the generator would have owned it
      throw;
    }
  }
  if (!check_recursion(ts)) return nullptr;
  Frame* f = push_frame(ts, co);
  if (!f) return no_memory();
  if (!bind_call(fn, f, args, nargs, kwnames)) {
    release_frame(ts, f);
    return nullptr;
  }
  f->func = new_ref(fn);  // the frame keeps the function (and so its code and globals) alive
  f->globals = fn->globals;
  f->builtins = fn->builtins;
  f->locals = nullptr;
  Object* r = eval_frame(ts, f);
  release_frame(ts, f);
  return r;
}

Object* run_class_body(FunctionObject* body_fn, DictObject* ns) {
  CodeObject* co = body_fn->code;
  ThreadState* ts = get_thread_state();
  if (!check_recursion(ts)) return nullptr;
  Frame* f = push_frame(ts, co);
  if (!f) return no_memory();
  init_cells(co, f->slots, body_fn->closure);
  f->func = new_ref(body_fn);
  f->globals = body_fn->globals;
  f->builtins = body_fn->builtins;
  f->locals = ns;
  Object* r = eval_frame(ts, f);
  Object* cell = nullptr;
  if (r) {
    decref(r);
    cell = co->class_cell >= 0 ? new_ref(f->slots[co->class_cell]) : new_none();
  }
  release_frame(ts, f);
  return cell;
}

DictObject* builtins_from_globals(DictObject* globals, DictObject* fallback) {
  Object* b = dict_get_str(globals, "__builtins__");
  if (!b) return fallback;
  if (b->type == &module_type && static_cast<ModuleObject*>(b)->dict) return static_cast<ModuleObject*>(b)->dict;
  // gopy's frames look names up in a dict: another mapping falls back.
  if (is_dict(b)) return static_cast<DictObject*>(b);
  return fallback;
}

Object* run_module_code(CodeObject* co, DictObject* globals, DictObject* locals) {
  ThreadState* ts = get_thread_state();
  if (!check_recursion(ts)) return nullptr;
  Frame* f = push_frame(ts, co);
  if (!f) return no_memory();
  init_cells(co, f->slots, nullptr);
  if (!dict_get_str(globals, "__builtins__")) dict_set_str(globals, "__builtins__", ts->interp->builtins_module);
  incref(co);  // the frame keeps the code alive
  // The frame's builtins are what globals name, held while it runs (the code may rebind
  // globals' __builtins__).
  Ref<DictObject> builtins = Ref<DictObject>::borrow(builtins_from_globals(globals, ts->interp->builtins_dict));
  f->globals = globals;
  f->builtins = builtins.get();
  f->locals = locals ? locals : globals;
  Object* r = eval_frame(ts, f);
  release_frame(ts, f);
  decref(co);
  return r;
}

namespace {

// co_flags from what the compiler recorded (CPython: Include/cpython/code.h CO_*).
int64_t code_flags(const CodeObject* co) {
  int64_t flags = 0;
  if (co->kind == CodeKind::function || co->kind == CodeKind::genexpr) flags |= 0x1 | 0x2;  // CO_OPTIMIZED | CO_NEWLOCALS
  if (co->has_varargs) flags |= 0x4;
  if (co->has_varkw) flags |= 0x8;
  if (!co->freenames.empty()) flags |= 0x10;  // CO_NESTED
  if (co->is_async_generator) flags |= 0x200;
  else if (co->is_coroutine) flags |= 0x80;
  else if (co->is_generator) flags |= 0x20;
  return flags;
}

// The code object's attributes (CPython: Objects/codeobject.c code_memberlist).
Object* code_getattr(Object* o, StrObject* name) {
  auto* co = static_cast<CodeObject*>(o);
  std::string_view n = name->view();
  if (n == "co_name") return new_ref<Object>(co->name);
  if (n == "co_qualname") return new_ref<Object>(co->qualname);
  if (n == "co_filename") return new_ref<Object>(co->filename);
  if (n == "co_firstlineno") return new_int(co->firstlineno);
  if (n == "co_argcount") return new_int(co->argcount);
  if (n == "co_posonlyargcount") return new_int(co->posonlycount);
  if (n == "co_kwonlyargcount") return new_int(co->kwonlycount);
  if (n == "co_nlocals") return new_int(co->nlocals);
  if (n == "co_flags") return new_int(code_flags(co));
  if (n == "co_varnames" || n == "co_cellvars" || n == "co_freevars") {
    const auto& names = n == "co_varnames" ? co->varnames : n == "co_cellvars" ? co->cellnames : co->freenames;
    std::vector<Object*> items;
    for (StrObject* s : names) items.push_back(new_ref<Object>(s));
    return new_tuple_steal(std::move(items));
  }
  return generic_getattr(o, name);
}

Object* code_repr(Object* o) {
  auto* co = static_cast<CodeObject*>(o);
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(o));
  return new_str(cat("<code object ", co->name->utf8, " at ", addr, ", file \"", co->filename->utf8, "\", line ",
                     co->firstlineno, ">"));
}

}  // namespace

void init_eval_types() {
  static bool done = false;
  if (done) return;
  done = true;
  make_static_type(&code_type, &type_type, "code", &object_type, 0);
  code_type.tp_getattr = code_getattr;
  code_type.tp_repr = code_repr;
  code_type.tp_hash = object_identity_hash;
  function_type.tp_call = function_call;
  init_generator_type();
}

}  // namespace gopy
