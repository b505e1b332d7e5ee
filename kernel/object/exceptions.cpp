// The built-in exception types, exception objects and the error indicator
// (CPython: Objects/exceptions.c, Python/errors.c).
#include <algorithm>
#include <cstddef>

#include "gopy/codecs.hpp"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "object/suggestions.hpp"
#include "object/exc_notes.hpp"
#include "object/exception_group.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject traceback_type;
#define GOPY_DEFINE_EXC(name, base) TypeObject exc_##name;
GOPY_EXCEPTION_TYPES(GOPY_DEFINE_EXC)
// The warning categories live as long as the process and are never destroyed: a static
// TypeObject each would add one exit-time destructor per type to the process's atexit
// list, whose blocks a plugin's own destructors then spill over at every reload.
// (The global operator new: Object's own allocator gives its arenas back per interpreter.)
#define GOPY_DEFINE_WARNING(name, base) TypeObject& exc_##name = *::new TypeObject();
GOPY_WARNING_TYPES(GOPY_DEFINE_WARNING)
#undef GOPY_DEFINE_WARNING
#undef GOPY_DEFINE_EXC

BaseExceptionObject::BaseExceptionObject(TypeObject* t) : GcObject(t), args(empty_tuple()) {}

void BaseExceptionObject::clear_refs() {
  auto drop = [](auto*& f) {
    auto* o = f;
    f = nullptr;
    xdecref(o);
  };
  drop(args);
  drop(traceback);
  drop(cause);
  drop(context);
  drop(dict);
  drop(frame_hint);
  if (type && (type->flags & TypeFlags::heap)) {
    TypeObject* t = type;
    type = &exc_BaseException;
    decref(t);
  }
}

// CPython: Objects/exceptions.c BaseException_traverse (and the heap type, as
// subtype_traverse does).
int BaseExceptionObject::traverse(VisitFn visit, void* arg) {
  for (Object* o : {static_cast<Object*>(args), traceback, cause, context, static_cast<Object*>(dict), frame_hint})
    if (int r = visit_ref(o, visit, arg)) return r;
  if (type->flags & TypeFlags::heap) return visit(type, arg);
  return 0;
}

int TracebackObject::traverse(VisitFn visit, void* arg) {
  for (Object* o : {static_cast<Object*>(next), static_cast<Object*>(filename), static_cast<Object*>(funcname)})
    if (int r = visit_ref(o, visit, arg)) return r;
  return 0;
}

void TracebackObject::clear_refs() {
  auto drop = [](auto*& f) {
    auto* o = f;
    f = nullptr;
    xdecref(o);
  };
  drop(next);
  drop(filename);
  drop(funcname);
}

void for_each_exception_type(void (*fn)(TypeObject*, void*), void* arg) {
#define GOPY_VISIT_EXC(name, base) fn(&exc_##name, arg);
  GOPY_ALL_EXCEPTION_TYPES(GOPY_VISIT_EXC)
#undef GOPY_VISIT_EXC
  fn(&exc_BaseExceptionGroup, arg);
  fn(&exc_ExceptionGroup, arg);
}

// ---- the error indicator ----

static BaseExceptionObject* as_exc(Object* o) { return static_cast<BaseExceptionObject*>(o); }

Object* new_exception_args(TypeObject* type, Object* const* args, size_t nargs) {
  return call(type, args, nargs, nullptr);
}

Object* new_exception(TypeObject* type, std::string_view message) {
  ORef msg = ORef::steal(new_str(message));  // freed on std::bad_alloc too
  Object* arg = msg.get();
  return new_exception_args(type, &arg, 1);
}

std::nullptr_t set_error(TypeObject* type, std::string_view message) {
  Object* exc = new_exception(type, message);
  if (exc) {
    raise_object(exc);
    decref(exc);
  }
  return nullptr;
}

// CPython: Python/errors.c _PyErr_SetObject (context chaining, cycle breaking).
std::nullptr_t raise_object(Object* exc) {
  ThreadState* ts = get_thread_state();
  if (is_exception_class(exc)) {
    Object* inst = call0(exc);
    if (!inst) return nullptr;
    if (!is_exception_instance(inst)) {
      decref(inst);
      return type_error("calling exception class did not return an exception instance");
    }
    raise_object(inst);
    decref(inst);
    return nullptr;
  }
  if (!is_exception_instance(exc)) return type_error("exceptions must derive from BaseException");
  Object* handled = ts->handled ? ts->handled->exc : nullptr;
  if (handled && handled != exc && handled != None()) {
    // Break a cycle exc -> ... -> exc in the context chain of the handled exception.
    Object* o = handled;
    while (Object* ctx = as_exc(o)->context) {
      if (ctx == exc) {
        as_exc(o)->context = nullptr;
        decref(ctx);
        break;
      }
      o = ctx;
    }
    Object* old = as_exc(exc)->context;
    as_exc(exc)->context = new_ref(handled);
    xdecref(old);
  }
  incref(exc);
  Object* prev = ts->current_exception;
  ts->current_exception = exc;
  ts->traceback_pending = true;
  xdecref(prev);
  return nullptr;
}

void restore_error(Object* exc) {
  ThreadState* ts = get_thread_state();
  Object* prev = ts->current_exception;
  ts->current_exception = exc;
  ts->traceback_pending = false;
  xdecref(prev);
}

Object* current_error() { return get_thread_state()->current_exception; }
bool error_occurred() { return get_thread_state()->current_exception != nullptr; }
bool error_matches(TypeObject* type) {
  Object* e = get_thread_state()->current_exception;
  return e && isinstance_of(e, type);
}
Object* fetch_error() {
  ThreadState* ts = get_thread_state();
  Object* e = ts->current_exception;
  ts->current_exception = nullptr;
  ts->traceback_pending = false;
  return e;
}
void clear_error() { xdecref(fetch_error()); }

int exception_matches(Object* exc, Object* spec) {
  if (is_tuple(spec)) {
    for (Object* s : static_cast<TupleObject*>(spec)->items) {
      int r = exception_matches(exc, s);
      if (r != 0) return r;
    }
    return 0;
  }
  if (!is_exception_class(spec)) {
    type_error("catching classes that do not inherit from BaseException is not allowed");
    return -1;
  }
  return isinstance_of(exc, static_cast<TypeObject*>(spec));
}

void traceback_add(BaseExceptionObject* exc, StrObject* filename, StrObject* funcname, int lineno,
                   const SourceSpan& span) {
  auto* tb = make<TracebackObject>();
  tb->next = static_cast<TracebackObject*>(exc->traceback);
  tb->filename = new_ref(filename);
  tb->funcname = new_ref(funcname);
  tb->lineno = lineno;
  tb->span = span;
  exc->traceback = tb;
}

std::nullptr_t type_error(std::string_view m) { return set_error(&exc_TypeError, m); }
std::nullptr_t value_error(std::string_view m) { return set_error(&exc_ValueError, m); }
std::nullptr_t index_error(std::string_view m) { return set_error(&exc_IndexError, m); }
std::nullptr_t overflow_error(std::string_view m) { return set_error(&exc_OverflowError, m); }
std::nullptr_t zero_division_error(std::string_view m) { return set_error(&exc_ZeroDivisionError, m); }
std::nullptr_t no_memory() {
  Object* e = new_exception_args(&exc_MemoryError, nullptr, 0);
  if (e) {
    raise_object(e);
    decref(e);
  }
  return nullptr;
}

TypeObject* exception_type_for_kind(ExceptionKind kind) {
  switch (kind) {
    case ExceptionKind::value_error: return &exc_ValueError;
    case ExceptionKind::overflow_error: return &exc_OverflowError;
    case ExceptionKind::zero_division_error: return &exc_ZeroDivisionError;
    case ExceptionKind::type_error: return &exc_TypeError;
    case ExceptionKind::memory_error: return &exc_MemoryError;
    case ExceptionKind::unicode_decode_error: return &exc_UnicodeDecodeError;
    case ExceptionKind::unicode_encode_error: return &exc_UnicodeEncodeError;
  }
  return &exc_ValueError;  // not reached: every kind is listed above
}

// The error carries `name` and `obj` for the printer's suggestion (CPython:
// Objects/object.c set_attribute_error_context).
// A type's name as CPython's tp_name spells it: a built-in (static) type of another module
// than builtins carries that module ('_io.StringIO'); classes have their bare name.
std::string type_tp_name(const TypeObject* t) {
  bool native = !(t->flags & TypeFlags::heap) || is_native_heap_type(t);  // not a class statement's
  if (native && !t->module.empty() && t->module != "builtins" && t->name.find('.') == std::string::npos)
    return cat(t->module, ".", t->name);
  return t->name;
}

std::nullptr_t attribute_error(Object* obj, StrObject* name) {
  std::string msg = is_type_object(obj) ? cat("type object '", static_cast<TypeObject*>(obj)->qualname,
                                              "' has no attribute '", name->utf8, "'")
                                        : cat("'", type_tp_name(obj->type), "' object has no attribute '", name->utf8, "'");
  return attribute_error(obj, name, msg);
}

std::nullptr_t attribute_error(Object* obj, StrObject* name, std::string_view msg) {
  ORef exc = ORef::steal(new_exception(&exc_AttributeError, msg));  // freed on std::bad_alloc too
  if (!exc) return nullptr;
  DictObject* d = new_dict();
  as_exc(exc.get())->dict = d;
  if (dict_set_str(d, "name", name) < 0 || dict_set_str(d, "obj", obj) < 0) return nullptr;
  raise_object(exc.get());
  return nullptr;
}

Object* exception_get_attr(Object* exc, std::string_view name) {
  DictObject* d = as_exc(exc)->dict;
  return d ? dict_get_str(d, name) : nullptr;
}

// CPython: Objects/exceptions.c BaseException_add_note
int exception_add_note(Object* exc, std::string_view note) {
  auto* e = as_exc(exc);
  if (!e->dict) e->dict = new_dict();
  Object* notes = dict_get_str(e->dict, "__notes__");
  if (!notes) {
    Ref<> fresh = Ref<>::steal(new_list());
    if (dict_set_str(e->dict, "__notes__", fresh.get()) < 0) return -1;
    notes = fresh.get();
  }
  if (!is_list(notes)) {
    type_error("Cannot add note: __notes__ is not a list");
    return -1;
  }
  Ref<> text = Ref<>::steal(new_str(note));
  return list_append(static_cast<ListObject*>(notes), text.get());
}

void add_note_to_error(std::string_view note) {
  Object* exc = fetch_error();
  if (!exc) return;
  if (exception_add_note(exc, note) < 0) clear_error();
  restore_error(exc);
}

// ---- the exception type's slots ----

namespace {

void set_dict_attr(BaseExceptionObject* e, std::string_view name, Object* value) {
  if (!e->dict) e->dict = new_dict();
  dict_set_str(e->dict, name, value);
}

// OSError(errno, strerror, ...) takes the subclass of its errno when called as OSError
// itself (CPython: Objects/exceptions.c OSError_new).
TypeObject* os_error_subclass(TypeObject* t, Object* const* args, size_t nargs) {
  int64_t err;
  if (t != &exc_OSError || nargs < 2 || nargs > 5 || !is_int(args[0]) || !int_to_int64(args[0], &err)) return t;
  if (err < INT32_MIN || err > INT32_MAX) return t;
  return os_error_type_for_errno(int(err));
}

// A new tuple of the arguments; the only allocation is the tuple's, so std::bad_alloc
// leaves no reference behind.
TupleObject* args_tuple(Object* const* args, size_t nargs) {
  TupleObject* tuple = new_tuple(ssize(nargs));
  for (size_t i = 0; i < nargs; ++i) tuple->items[i] = new_ref(args[i]);
  return tuple;
}

Object* exc_new(TypeObject* t, Object* const* args, size_t nargs, TupleObject*) {
  t = os_error_subclass(t, args, nargs);
  auto* made = make<BaseExceptionObject>(t);
  if (t->flags & TypeFlags::heap) incref(t);  // after make: its std::bad_alloc then leaves t alone
  Ref<BaseExceptionObject> e = Ref<BaseExceptionObject>::steal(made);  // freed if the tuple fails
  // No dangling args while the tuple is made: its allocation may fail (bad_alloc), and
  // the collector still walks the half-made exception.
  Object* initial_args = e->args;
  e->args = nullptr;
  decref(initial_args);
  e->args = args_tuple(args, nargs);
  return e.release();
}

// Whether every keyword is one of `allowed`; else TypeError with CPython 3.14's getargs
// text and its suggestion (Python/getargs.c error_unexpected_keyword_arg).
bool only_keywords(const std::string& fname, TupleObject* kwnames, const std::vector<std::string_view>& allowed) {
  if (!kwnames) return true;
  for (Object* k : kwnames->items) {
    std::string_view key = as_str(k)->view();
    if (std::find(allowed.begin(), allowed.end(), key) != allowed.end()) continue;
    std::string suggestion = closest_name(allowed, key);
    type_error(cat(fname, "() got an unexpected keyword argument '", key, "'",
                   suggestion.empty() ? std::string() : cat(". Did you mean '", suggestion, "'?")));
    return false;
  }
  return true;
}

// Fills the subclass attributes from the arguments (CPython: SystemExit_init,
// ImportError_init, StopIteration_init, SyntaxError_init).
int exc_init(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames) {
  auto* e = as_exc(self);
  size_t nkw = kwnames ? kwnames->items.size() : 0;
  const bool named = is_subtype(self->type, &exc_NameError) || is_subtype(self->type, &exc_AttributeError);
  if (nkw && !is_subtype(self->type, &exc_ImportError) && !named) {
    type_error(cat(self->type->name, "() takes no keyword arguments"));
    return -1;
  }
  TupleObject* old = e->args;
  e->args = args_tuple(args, nargs);
  decref(old);
  if (is_subtype(self->type, &exc_SystemExit)) {
    Object* code = nargs == 0 ? None() : nargs == 1 ? args[0] : e->args;
    set_dict_attr(e, "code", code);
  } else if (is_subtype(self->type, &exc_StopIteration)) {
    set_dict_attr(e, "value", nargs ? args[0] : None());
  } else if (is_subtype(self->type, &exc_ImportError)) {
    set_dict_attr(e, "msg", nargs == 1 ? args[0] : None());
    Object* name = find_kwarg(args, nargs, kwnames, "name");
    Object* path = find_kwarg(args, nargs, kwnames, "path");
    if (!check_kwargs_allowed(self->type->name.c_str(), kwnames, {"name", "path", "name_from"})) return -1;
    Object* name_from = find_kwarg(args, nargs, kwnames, "name_from");
    set_dict_attr(e, "name", name ? name : None());
    set_dict_attr(e, "path", path ? path : None());
    set_dict_attr(e, "name_from", name_from ? name_from : None());
  } else if (named) {
    // CPython: Objects/exceptions.c NameError_init (name=), AttributeError_init (name=,
    // obj=): keyword-only, None when absent.
    const bool attribute = is_subtype(self->type, &exc_AttributeError);
    if (!only_keywords(self->type->name, kwnames, attribute ? std::vector<std::string_view>{"name", "obj"}
                                                            : std::vector<std::string_view>{"name"}))
      return -1;
    Object* name = find_kwarg(args, nargs, kwnames, "name");
    set_dict_attr(e, "name", name ? name : None());
    if (attribute) {
      Object* obj = find_kwarg(args, nargs, kwnames, "obj");
      set_dict_attr(e, "obj", obj ? obj : None());
    }
  } else if (is_subtype(self->type, &exc_SyntaxError)) {
    set_dict_attr(e, "msg", nargs >= 1 ? args[0] : None());
    const char* fields[] = {"filename", "lineno", "offset", "text", "end_lineno", "end_offset"};
    TupleObject* info = nargs == 2 && is_tuple(args[1]) ? static_cast<TupleObject*>(args[1]) : nullptr;
    for (size_t i = 0; i < 6; ++i)
      set_dict_attr(e, fields[i], info && i < info->items.size() ? info->items[i] : None());
    set_dict_attr(e, "print_file_and_line", None());
  } else if (is_subtype(self->type, &exc_OSError)) {
    // CPython: Objects/exceptions.c oserror_init (errno, strerror, filename, winerror,
    // filename2); with a filename, args keeps only (errno, strerror).
    bool fields = nargs >= 2 && nargs <= 5;
    set_dict_attr(e, "errno", fields ? args[0] : None());
    set_dict_attr(e, "strerror", fields ? args[1] : None());
    Object* filename = fields && nargs >= 3 ? args[2] : None();
    set_dict_attr(e, "filename", filename);
    set_dict_attr(e, "filename2", fields && nargs == 5 ? args[4] : None());
    if (filename != None()) {
      TupleObject* two = new_tuple_from({args[0], args[1]});
      decref(e->args);
      e->args = two;
    }
  } else if (is_subtype(self->type, &exc_UnicodeError)) {
    return unicode_error_init(self, args, nargs);
  }
  return 0;
}

Object* exc_init_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (nargs < 1 || !is_exception_instance(args[0])) return type_error("descriptor '__init__' requires an exception");
  if (exc_init(args[0], args + 1, nargs - 1, kwnames) < 0) return nullptr;
  return new_none();
}

Object* exc_str_slot(Object* self) { return exception_str(self); }

// CPython: Objects/exceptions.c BaseException_repr. The args tuple is held: an argument's
// __repr__ may assign e.args and so free the tuple.
Object* exc_repr_slot(Object* self) {
  Ref<TupleObject> args = Ref<TupleObject>::borrow(as_exc(self)->args);
  std::string text = self->type->name + "(";
  if (args->size() == 1) {
    Object* r = object_repr(args->items[0]);
    if (!r) return nullptr;
    text += as_str(r)->utf8;
    decref(r);
  } else if (args->size() > 1) {
    Object* r = object_repr(args.get());
    if (!r) return nullptr;
    std::string_view inner = as_str(r)->view();
    text += inner.substr(1, inner.size() - 2);
    decref(r);
  }
  return new_str(text + ")");
}

Object* exc_str_method(Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (nargs != 1) return type_error("__str__ expected 0 arguments");
  return exception_str(args[0]);
}
Object* exc_repr_method(Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (nargs != 1) return type_error("__repr__ expected 0 arguments");
  return exc_repr_slot(args[0]);
}
// CPython: Objects/exceptions.c BaseException_set_tb
int set_traceback(BaseExceptionObject* e, Object* value) {
  if (!value) {
    type_error("__traceback__ may not be deleted");
    return -1;
  }
  if (value != None() && value->type != &traceback_type) {
    type_error("__traceback__ must be a traceback or None");
    return -1;
  }
  Object* old = e->traceback;
  e->traceback = value == None() ? nullptr : new_ref(value);
  xdecref(old);
  return 0;
}

Object* exc_with_traceback(Object*, Object* const* args, size_t nargs, TupleObject*) {
  if (nargs != 2) return type_error("with_traceback() takes exactly one argument");
  if (set_traceback(as_exc(args[0]), args[1]) < 0) return nullptr;
  return new_ref(args[0]);
}

Object* exc_getattr(Object* o, StrObject* name) {
  auto* e = as_exc(o);
  std::string_view n = name->view();
  if (n == "args") return new_ref<Object>(e->args);
  if (n == "__cause__") return new_ref(e->cause ? e->cause : None());
  if (n == "__context__") return new_ref(e->context ? e->context : None());
  if (n == "__suppress_context__") return new_bool(e->suppress_context);
  if (n == "__traceback__") return new_ref(e->traceback ? e->traceback : None());
  if (n == "__dict__") {
    if (!e->dict) e->dict = new_dict();
    return new_ref<Object>(e->dict);
  }
  return generic_getattr(o, name);
}

int exc_setattr(Object* o, StrObject* name, Object* value) {
  auto* e = as_exc(o);
  std::string_view n = name->view();
  auto replace = [&](Object*& field, bool allow_none) -> int {
    if (!value) {
      type_error(cat(n, " may not be deleted"));
      return -1;
    }
    if (value == None() && allow_none) value = nullptr;
    else if (!is_exception_instance(value)) {
      type_error(cat("exception ", n == "__cause__" ? "cause" : "context", " must be None or derive from BaseException"));
      return -1;
    }
    Object* old = field;
    field = value;
    xincref(value);
    xdecref(old);
    return 0;
  };
  if (n == "__cause__") {
    int r = replace(e->cause, true);
    if (r == 0) e->suppress_context = true;
    return r;
  }
  if (n == "__context__") return replace(e->context, true);
  if (n == "__suppress_context__") {
    int t = value ? object_is_true(value) : 0;
    if (t < 0) return -1;
    e->suppress_context = t;
    return 0;
  }
  if (n == "args") {
    TupleObject* t = value ? tuple_from_iterable(value) : nullptr;
    if (!t) return -1;
    TupleObject* old = e->args;
    e->args = t;
    decref(old);
    return 0;
  }
  if (n == "__traceback__") return set_traceback(e, value);
  return generic_setattr(o, name, value);
}

DictObject** exception_dict_slot(Object* o) { return &static_cast<BaseExceptionObject*>(o)->dict; }

// CPython: Objects/exceptions.c OSError_str: "[Errno N] text", then ": 'file'" and
// " -> 'file2'" when given. Null (no error set) unless errno and strerror both are.
Object* os_error_str(Object* exc) {
  Object* err = exception_get_attr(exc, "errno");
  Object* text = exception_get_attr(exc, "strerror");
  if (!err || !text || err == None() || text == None()) return nullptr;
  std::string out;
  auto append = [&out](Object* value, bool use_repr) {
    Object* s = use_repr ? object_repr(value) : object_str(value);
    if (!s) return false;
    out += as_str(s)->utf8;
    decref(s);
    return true;
  };
  out = "[Errno ";
  if (!append(err, false)) return nullptr;
  out += "] ";
  if (!append(text, false)) return nullptr;
  Object* file = exception_get_attr(exc, "filename");
  if (file && file != None()) {
    out += ": ";
    if (!append(file, true)) return nullptr;
    Object* file2 = exception_get_attr(exc, "filename2");
    if (file2 && file2 != None()) {
      out += " -> ";
      if (!append(file2, true)) return nullptr;
    }
  }
  return new_str(out);
}

// str(msg), then the file's base name and the line where they are known.
// CPython: Objects/exceptions.c SyntaxError_str (my_basename).
Object* syntax_error_str(Object* exc) {
  Object* msg = exception_get_attr(exc, "msg");
  Object* filename = exception_get_attr(exc, "filename");
  Object* lineno = exception_get_attr(exc, "lineno");
  Ref<> text = Ref<>::steal(object_str(msg ? msg : None()));
  if (!text) return nullptr;
  const bool have_file = filename && is_str(filename);
  int64_t line = 0;
  const bool have_line = lineno && lineno->type == &int_type;
  if (have_line && !int_to_int64(lineno, &line)) {
    clear_error();  // CPython prints -1 for a line number that overflows
    line = -1;
  }
  if (!have_file && !have_line) return text.release();
  std::string base;
  if (have_file) {
    base = as_str(filename)->utf8;
    if (size_t slash = base.rfind('/'); slash != std::string::npos) base.erase(0, slash + 1);
  }
  std::string out = as_str(text.get())->utf8;
  if (have_file && have_line) out += cat(" (", base, ", line ", line, ")");
  else if (have_file) out += cat(" (", base, ")");
  else out += cat(" (line ", line, ")");
  return new_str(out);
}

}  // namespace

Object* exception_str(Object* exc) {
  Ref<TupleObject> args = Ref<TupleObject>::borrow(as_exc(exc)->args);  // __str__ of an argument may reset e.args
  if (is_subtype(exc->type, &exc_KeyError) && args->size() == 1) return object_repr(args->items[0]);
  if (is_subtype(exc->type, &exc_SyntaxError)) return syntax_error_str(exc);
  if (is_subtype(exc->type, &exc_ImportError)) {
    Object* msg = exception_get_attr(exc, "msg");
    if (msg && msg != None()) return object_str(msg);
  }
  if (is_subtype(exc->type, &exc_OSError)) {
    if (Object* text = os_error_str(exc)) return text;
    if (error_occurred()) return nullptr;
  }
  if (is_subtype(exc->type, &exc_UnicodeError))
    if (Object* text = unicode_error_str(exc)) return text;
  if (args->size() == 0) return new_str("");
  if (args->size() == 1) return object_str(args->items[0]);
  return object_str(args.get());
}

std::string exception_type_display_name(TypeObject* t) {
  if (t->module.empty() || t->module == "builtins" || t->module == "__main__") return t->qualname;
  return t->module + "." + t->qualname;
}

void init_exception_types() {
  make_static_type(&traceback_type, &type_type, "traceback", &object_type, 0);
#define GOPY_MAKE_EXC(name, base) \
  make_static_type(&exc_##name, &type_type, #name, &exc_##base, TypeFlags::basetype | TypeFlags::exception);
  TypeObject exc_nullptr;  // the base of BaseException is object (fixed below)
  (void)exc_nullptr;
  GOPY_ALL_EXCEPTION_TYPES(GOPY_MAKE_EXC)
#undef GOPY_MAKE_EXC
  exc_BaseException.base = &object_type;
#define GOPY_SLOTS_EXC(name, base)                                          \
  exc_##name.tp_new = exc_new;                                              \
  exc_##name.tp_init = exc_init;                                            \
  exc_##name.tp_repr = exc_repr_slot;                                       \
  exc_##name.tp_str = exc_str_slot;                                         \
  exc_##name.tp_getattr = exc_getattr;                                      \
  exc_##name.tp_setattr = exc_setattr;                                      \
  exc_##name.tp_hash = object_identity_hash;                                \
  exc_##name.instance_dict = exception_dict_slot;
  GOPY_ALL_EXCEPTION_TYPES(GOPY_SLOTS_EXC)
#undef GOPY_SLOTS_EXC
  init_exception_group_types(exc_Exception);
}

void init_exception_methods() {
  add_method(&exc_BaseException, "__init__", exc_init_method);
  add_method(&exc_BaseException, "__str__", exc_str_method);
  add_method(&exc_BaseException, "__repr__", exc_repr_method);
  add_method(&exc_BaseException, "with_traceback", exc_with_traceback);
  init_exception_group_methods();
}

}  // namespace gopy
