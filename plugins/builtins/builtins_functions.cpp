// Built-in functions: I/O, attributes, introspection and numbers
// (CPython: Python/bltinmodule.c builtin_print_impl, builtin_input_impl, builtin_getattr, ...).
#include <string>

#include "builtins_internal.hpp"
#include "gopy/io.hpp"
#include "gopy/object_ascii.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_textio.hpp"
#include "gopy/sys_streams.hpp"

namespace gopy::builtins {
namespace {

std::string cat2(std::string a, std::string_view b) { return a.append(b); }

// ---- I/O ----

// CPython: Python/bltinmodule.c builtin_print_impl
Object* b_print(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_kwargs_allowed("print", kw, {"sep", "end", "file", "flush"})) return nullptr;
  Object* sep = find_kwarg(a, n, kw, "sep");
  Object* end = find_kwarg(a, n, kw, "end");
  Object* file = find_kwarg(a, n, kw, "file");
  Object* flush = find_kwarg(a, n, kw, "flush");
  if (!file || file == None()) {
    file = sys_required_attribute("stdout");
    if (!file) return nullptr;
    // sys.stdout may be None when there is no stdout to write to.
    if (file == None()) return new_none();
  }
  if (sep && sep != None() && !is_str(sep))
    return type_error(cat2("sep must be None or a string, not ", sep->type->name));
  if (end && end != None() && !is_str(end))
    return type_error(cat2("end must be None or a string, not ", end->type->name));
  std::string_view sep_text = sep && sep != None() ? as_str(sep)->view() : " ";
  std::string_view end_text = end && end != None() ? as_str(end)->view() : "\n";
  ORef file_owned = ORef::borrow(file);  // held across the writes, freed on std::bad_alloc too
  bool fast = file->type == &textio_type;
  std::string out;
  bool ok = true;
  for (size_t i = 0; i < n && ok; ++i) {
    ORef owned = ORef::steal(object_str(a[i]));
    Object* s = owned.get();
    if (!s) {
      ok = false;
      break;
    }
    if (fast) {
      if (i) out += sep_text;
      const std::string& text = as_str(s)->utf8;
      if (text.find('\xED') == std::string::npos) {
        out += text;
      } else {
        // It may hold a surrogate the stream refuses: written on its own, as CPython writes
        // each argument, so the error counts positions within it.
        ok = textio_write(file, out) == 0 && textio_write(file, text) == 0;
        out.clear();
      }
    } else {
      if (i) ok = write_to_stream(file, sep_text) == 0;
      if (ok) ok = write_to_stream(file, as_str(s)->utf8) == 0;
    }
  }
  if (ok) {
    if (fast) {
      out += end_text;
      ok = textio_write(file, out) == 0;
    } else {
      ok = write_to_stream(file, end_text) == 0;
    }
  }
  if (ok && flush) {
    int t = object_is_true(flush);
    if (t < 0) ok = false;
    else if (t) {
      Object* r = call_method(file, "flush", nullptr, 0);
      ok = r != nullptr;
      xdecref(r);
    }
  }
  return ok ? new_none() : nullptr;
}

// sys.<name> for input(): CPython's RuntimeError when it is missing or None.
Object* input_stream(const char* name) {
  Object* stream = sys_required_attribute(name);
  if (stream == None()) return set_error(&exc_RuntimeError, cat2("lost sys.", name));
  return stream;
}

// CPython: Python/bltinmodule.c builtin_input_impl (the non-tty path)
Object* b_input(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("input", kw) || !check_nargs("input", n, 0, 1)) return nullptr;
  Object* streams[3] = {input_stream("stdin"), nullptr, nullptr};
  if (streams[0]) streams[1] = input_stream("stdout");
  if (streams[1]) streams[2] = input_stream("stderr");
  if (!streams[2]) return nullptr;
  for (Object* stream : streams) incref(stream);
  auto [in, out, err] = streams;
  Object* result = nullptr;
  std::string line;
  if (Object* r = call_method(err, "flush", nullptr, 0)) decref(r);  // errors ignored, as CPython
  else clear_error();
  bool ok = true;
  if (n == 1) {
    Object* s = object_str(a[0]);
    ok = s && write_to_stream(out, as_str(s)->utf8) == 0;
    xdecref(s);
  }
  if (ok) {
    Object* r = call_method(out, "flush", nullptr, 0);
    ok = r != nullptr;
    xdecref(r);
  }
  if (ok && in->type == &textio_type) {
    ok = textio_readline(in, &line) == 0;
  } else if (ok) {
    Object* r = call_method(in, "readline", nullptr, 0);
    ok = r && is_str(r);
    if (r && !ok) type_error("object.readline() returned non-string");
    if (ok) line = as_str(r)->utf8;
    xdecref(r);
  }
  if (ok && line.empty()) {
    set_error(&exc_EOFError, "EOF when reading a line");
  } else if (ok) {
    if (line.back() == '\n') line.pop_back();
    result = new_str(line);
  }
  for (Object* stream : streams) decref(stream);
  return result;
}

Object* b_repr(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("repr", kw) || !check_nargs("repr", n, 1, 1)) return nullptr;
  return object_repr(a[0]);
}

Object* b_ascii(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("ascii", kw) || !check_nargs("ascii", n, 1, 1)) return nullptr;
  return object_ascii(a[0]);
}

Object* b_format(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("format", kw) || !check_nargs("format", n, 1, 2)) return nullptr;
  if (n == 1) {
    Object* empty = new_str("");
    Object* r = format_object(a[0], empty);
    decref(empty);
    return r;
  }
  return format_object(a[0], a[1]);
}

Object* b_len(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("len", kw) || !check_nargs("len", n, 1, 1)) return nullptr;
  ssize len = object_length(a[0]);
  if (len < 0) return nullptr;
  return new_int(len);
}

// ---- attributes ----

bool attr_name(Object* name, const char* fname) {
  if (is_str(name)) return true;
  type_error(cat2(std::string(fname) == "getattr" || std::string(fname) == "hasattr" || std::string(fname) == "setattr" ||
                          std::string(fname) == "delattr"
                      ? "attribute name must be string, not '"
                      : "attribute name must be string, not '",
                  std::string(name->type->name) + "'"));
  return false;
}

Object* b_getattr(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("getattr", kw) || !check_nargs("getattr", n, 2, 3)) return nullptr;
  if (!attr_name(a[1], "getattr")) return nullptr;
  if (n == 2) return get_attr(a[0], as_str(a[1]));
  int err;
  Object* v = lookup_attr(a[0], as_str(a[1]), &err);
  if (v || err) return v;
  return new_ref(a[2]);
}

Object* b_hasattr(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("hasattr", kw) || !check_nargs("hasattr", n, 2, 2)) return nullptr;
  if (!attr_name(a[1], "hasattr")) return nullptr;
  int err;
  Object* v = lookup_attr(a[0], as_str(a[1]), &err);
  if (err) return nullptr;
  xdecref(v);
  return new_bool(v != nullptr);
}

Object* b_setattr(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("setattr", kw) || !check_nargs("setattr", n, 3, 3)) return nullptr;
  if (!attr_name(a[1], "setattr")) return nullptr;
  if (set_attr(a[0], as_str(a[1]), a[2]) < 0) return nullptr;
  return new_none();
}

Object* b_delattr(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("delattr", kw) || !check_nargs("delattr", n, 2, 2)) return nullptr;
  if (!attr_name(a[1], "delattr")) return nullptr;
  if (del_attr(a[0], as_str(a[1])) < 0) return nullptr;
  return new_none();
}

Object* b_callable(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("callable", kw) || !check_nargs("callable", n, 1, 1)) return nullptr;
  return new_bool(callable_check(a[0]));
}

Object* b_hash(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("hash", kw) || !check_nargs("hash", n, 1, 1)) return nullptr;
  int64_t h = object_hash(a[0]);
  if (h == -1) return nullptr;
  return new_int(h);
}

Object* b_id(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("id", kw) || !check_nargs("id", n, 1, 1)) return nullptr;
  return new_int(int64_t(reinterpret_cast<uintptr_t>(a[0])));
}

bool is_class(Object* o) { return o->type == &type_type || is_subtype(o->type, &type_type); }

// `int | str`: a typing.Union, checked as the tuple of its arguments.
bool is_union(Object* cls) { return cls->type->name == "Union" && cls->type->module == "typing"; }

// The metaclass's __instancecheck__ / __subclasscheck__, bound to cls (new), or null
// (CPython: _PyObject_LookupSpecial).
Object* metaclass_check(Object* cls, bool subclass) {
  Object* descr = type_lookup(cls->type, subclass ? "__subclasscheck__" : "__instancecheck__");
  if (!descr) return nullptr;
  if (DescrGetFn get = descr->type->tp_descr_get) return get(descr, cls, cls->type);
  return new_ref(descr);
}

// CPython: Objects/abstract.c object_recursive_isinstance / object_recursive_issubclass
// (exact types directly, unions and tuples item by item, else the metaclass's check).
int isinstance_check(Object* obj, Object* cls, const char* fname, bool subclass) {
  if (!subclass && obj->type == cls) return 1;
  if (cls->type == &type_type) {
    if (subclass) return is_subtype(static_cast<TypeObject*>(obj), static_cast<TypeObject*>(cls));
    return isinstance_of(obj, static_cast<TypeObject*>(cls));
  }
  Ref<> args;
  if (is_union(cls)) {
    args = Ref<>::steal(get_attr(cls, "__args__"));
    if (!args) return -1;
    cls = args.get();
  }
  if (is_tuple(cls)) {
    for (Object* c : static_cast<TupleObject*>(cls)->items) {
      int r = isinstance_check(obj, c, fname, subclass);
      if (r != 0) return r;
    }
    return 0;
  }
  if (Ref<> check = Ref<>::steal(metaclass_check(cls, subclass))) {
    Ref<> result = Ref<>::steal(call1(check.get(), obj));
    if (!result) return -1;
    return object_is_true(result.get());
  }
  if (error_occurred()) return -1;
  if (!is_class(cls)) {
    type_error(cat2(fname, subclass ? "() arg 2 must be a class, a tuple of classes, or a union"
                                     : "() arg 2 must be a type, a tuple of types, or a union"));
    return -1;
  }
  if (subclass) return is_subtype(static_cast<TypeObject*>(obj), static_cast<TypeObject*>(cls));
  return isinstance_of(obj, static_cast<TypeObject*>(cls));
}

Object* b_isinstance(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("isinstance", kw) || !check_nargs("isinstance", n, 2, 2)) return nullptr;
  int r = isinstance_check(a[0], a[1], "isinstance", false);
  return r < 0 ? nullptr : new_bool(r);
}

Object* b_issubclass(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("issubclass", kw) || !check_nargs("issubclass", n, 2, 2)) return nullptr;
  // An empty tuple of classes answers False before arg 1 is looked at (CPython:
  // object_issubclass walks a tuple first).
  if (is_tuple(a[1]) && static_cast<TupleObject*>(a[1])->items.empty()) return new_bool(false);
  if (!is_class(a[0])) return type_error("issubclass() arg 1 must be a class");
  int r = isinstance_check(a[0], a[1], "issubclass", true);
  return r < 0 ? nullptr : new_bool(r);
}

// ---- numbers ----

Object* b_abs(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("abs", kw) || !check_nargs("abs", n, 1, 1)) return nullptr;
  if (!a[0]->type->nb_abs) return type_error(cat2("bad operand type for abs(): '", std::string(a[0]->type->name) + "'"));
  return a[0]->type->nb_abs(a[0]);
}

Object* b_divmod(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("divmod", kw) || !check_nargs("divmod", n, 2, 2)) return nullptr;
  if (is_int(a[0]) && is_int(a[1])) return int_divmod(a[0], a[1]);
  Object* q = binary_op(a[0], a[1], BinaryOp::floordiv);
  if (!q) {
    if (error_matches(&exc_TypeError)) {
      clear_error();
      return type_error(cat2("unsupported operand type(s) for divmod(): '",
                             std::string(a[0]->type->name) + "' and '" + a[1]->type->name + "'"));
    }
    return nullptr;
  }
  Object* m = binary_op(a[0], a[1], BinaryOp::mod);
  if (!m) {
    decref(q);
    return nullptr;
  }
  Object* t = new_tuple_from({q, m});
  decref(q);
  decref(m);
  return t;
}

Object* b_pow(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_kwargs_allowed("pow", kw, {"base", "exp", "mod"})) return nullptr;
  Object* base = n > 0 ? a[0] : find_kwarg(a, n, kw, "base");
  Object* exp = n > 1 ? a[1] : find_kwarg(a, n, kw, "exp");
  Object* mod = n > 2 ? a[2] : find_kwarg(a, n, kw, "mod");
  if (!base) return type_error("pow() missing required argument 'base' (pos 1)");
  if (!exp) return type_error("pow() missing required argument 'exp' (pos 2)");
  if (mod && mod != None()) {
    if (is_int(base) && is_int(exp) && is_int(mod)) return int_pow(base, exp, mod);
    // CPython: Objects/abstract.c ternary_op: the operands' three-argument power (complex's
    // says "complex modulo"), else float's refusal.
    for (Object* o : {base, exp, mod}) {
      if (!o->type->nb_ternary_pow || is_int(o)) continue;
      Object* r = o->type->nb_ternary_pow(base, exp, mod);
      if (r != NotImplemented()) return r;
      decref(r);
    }
    // A class's own base.__pow__(exp, mod); three-argument power never tries __rpow__
    // (CPython: Objects/typeobject.c slot_nb_power).
    if (!is_int(base) && !is_float(base) && type_lookup(base->type, "__pow__")) {
      Object* args[2] = {exp, mod};
      Object* r = call_method(base, "__pow__", args, 2);
      if (r != NotImplemented()) return r;
      decref(r);
    }
    auto plain = [](Object* o) { return is_int(o) || is_float(o); };
    if (plain(base) && plain(exp) && plain(mod))
      return type_error("pow() 3rd argument not allowed unless all arguments are integers");
    return type_error(cat2("unsupported operand type(s) for ** or pow(): '",
                           std::string(base->type->name) + "', '" + exp->type->name + "', '" +
                               mod->type->name + "'"));
  }
  return binary_op(base, exp, BinaryOp::pow);
}

Object* b_round(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (size_t given = n + (kw ? kw->items.size() : 0); given > 2)  // CPython: _PyArg_UnpackKeywords
    return type_error(cat2("round() takes at most 2 arguments (", std::to_string(given) + " given)"));
  if (!check_kwargs_allowed("round", kw, {"number", "ndigits"})) return nullptr;
  Object* x = n > 0 ? a[0] : find_kwarg(a, n, kw, "number");
  Object* nd = n > 1 ? a[1] : find_kwarg(a, n, kw, "ndigits");
  if (!x) return type_error("round() missing required argument 'number' (pos 1)");
  // Exact types take the fast path; a subclass may override __round__.
  if (x->type == &float_type) return float_round(static_cast<FloatObject*>(x)->value, nd);
  if (x->type == &int_type || x->type == &bool_type) return int_round(x, nd);
  Object* args[1] = {nd};
  Object* r = call_method(x, "__round__", args, nd ? 1 : 0);
  if (!r && error_matches(&exc_AttributeError)) {
    clear_error();
    return type_error(cat2("type ", std::string(x->type->name) + " doesn't define __round__ method"));
  }
  return r;
}

Object* base_text(Object* const* a, size_t n, TupleObject* kw, const char* name, int base) {
  if (!check_no_kwargs(name, kw) || !check_nargs(name, n, 1, 1)) return nullptr;
  Object* i = number_index(a[0]);
  if (!i) return nullptr;
  Object* r = new_str(int_to_base_string(i, base, true));
  decref(i);
  return r;
}
Object* b_bin(Object*, Object* const* a, size_t n, TupleObject* kw) { return base_text(a, n, kw, "bin", 2); }
Object* b_oct(Object*, Object* const* a, size_t n, TupleObject* kw) { return base_text(a, n, kw, "oct", 8); }
Object* b_hex(Object*, Object* const* a, size_t n, TupleObject* kw) { return base_text(a, n, kw, "hex", 16); }

Object* b_chr(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("chr", kw) || !check_nargs("chr", n, 1, 1)) return nullptr;
  if (!is_int(a[0]) && !a[0]->type->nb_index)
    return type_error(cat2("'", std::string(a[0]->type->name) + "' object cannot be interpreted as an integer"));
  Object* i = number_index(a[0]);
  if (!i) return nullptr;
  int64_t v;
  bool fits = int_to_int64(i, &v);
  decref(i);
  // Any int outside the range, however large (CPython: builtin_chr's overflow branch).
  if (!fits || v < 0 || v > 0x10FFFF) return value_error("chr() arg not in range(0x110000)");
  return new_str_from_cp(char32_t(v));
}

Object* b_ord(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("ord", kw) || !check_nargs("ord", n, 1, 1)) return nullptr;
  // CPython: Python/bltinmodule.c builtin_ord: a one-byte bytes or bytearray is a character too.
  if (is_bytes(a[0]) || is_bytearray(a[0])) {
    std::string_view b = is_bytes(a[0]) ? std::string_view(as_bytes(a[0])->data) : std::string_view(as_bytearray(a[0])->data);
    if (b.size() != 1)
      return type_error(cat2("ord() expected a character, but string of length ", std::to_string(b.size()) + " found"));
    return new_int(int64_t(static_cast<unsigned char>(b[0])));
  }
  if (!is_str(a[0]))
    return type_error(cat2("ord() expected string of length 1, but ", std::string(a[0]->type->name) + " found"));
  auto* s = as_str(a[0]);
  if (s->length != 1)
    return type_error(cat2("ord() expected a character, but string of length ", std::to_string(s->length) + " found"));
  return new_int(int64_t(s->at(0)));
}

// CPython: Modules/_io/_iomodule.c _io_open_impl.
Object* b_open(Object*, Object* const* a, size_t n, TupleObject* kw) { return io_open(a, n, kw); }

}  // namespace

const FunctionDef kFunctions[] = {
    {"print", b_print},       {"input", b_input},     {"repr", b_repr},         {"ascii", b_ascii},
    {"format", b_format},     {"len", b_len},         {"getattr", b_getattr},   {"hasattr", b_hasattr},
    {"setattr", b_setattr},   {"delattr", b_delattr}, {"callable", b_callable}, {"hash", b_hash},
    {"id", b_id},             {"isinstance", b_isinstance}, {"issubclass", b_issubclass},
    {"abs", b_abs},         {"divmod", b_divmod},     {"pow", b_pow},
    {"round", b_round},       {"bin", b_bin},         {"oct", b_oct},           {"hex", b_hex},
    {"chr", b_chr},           {"ord", b_ord},         {"open", b_open},
};
const size_t kFunctionCount = sizeof(kFunctions) / sizeof(kFunctions[0]);

}  // namespace gopy::builtins
