// exit, quit, copyright, credits, license and help in builtins, and
// sys.__interactivehook__: what CPython's site module installs at start-up. gopy has no
// site module yet; this is its stand-in, run by the main phase when site_import is on.
// The objects are instances of the classes of a `_sitebuiltins` module, as CPython's are,
// so that a later `site` can reuse them, or replace them by assigning its own. The
// classes are built from C++ methods: compiling their Python source cost more than the
// rest of the main phase.
// CPython: Lib/_sitebuiltins.py; Lib/site.py setquit, setcopyright, sethelper,
// enablerlcompleter.
#include "lifecycle/site_builtins.hpp"

#include <algorithm>
#include <string>
#include <vector>

#include "gopy/eval.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "gopy/sys_streams.hpp"
#include "lifecycle/repl_line_editor.hpp"
#include "object/type_internal.hpp"

namespace gopy {

namespace {

constexpr const char* kCopyrightText =
    "Copyright (c) the gopy authors.\nLicensed under the Apache License, Version 2.0.";
constexpr const char* kCreditsText =
    "gopy is a C++ implementation of Python 3.14, built on the language and the design of CPython.";
constexpr const char* kLicenseText = "See the LICENSE file distributed with gopy (Apache License, Version 2.0).";

TupleObject* str_tuple(std::initializer_list<std::string> items) {
  Ref<TupleObject> tuple = Ref<TupleObject>::steal(new_tuple(ssize(items.size())));
  ssize i = 0;
  for (const std::string& item : items) tuple->items[size_t(i++)] = new_str(item);
  return tuple.release();
}

// builtins.<name>, borrowed; null with NameError set when it is missing.
Object* builtin(std::string_view name) {
  DictObject* names = get_thread_state()->interp->builtins_dict;
  Object* f = names ? dict_get_str(names, name) : nullptr;
  if (!f) set_error(&exc_NameError, "name '" + std::string(name) + "' is not defined");
  return f;
}

// str(self.<name>); false with the error set.
bool attribute_text(Object* self, const char* name, std::string* out) {
  Object* value = get_attr(self, name);
  Object* text = value ? object_str(value) : nullptr;
  xdecref(value);
  if (!text) return false;
  *out = as_str(text)->utf8;
  decref(text);
  return true;
}

bool set_attribute(Object* self, const char* name, Object* value) { return set_attr(self, intern(name), value) == 0; }

// ---- Quitter: exit and quit ----

// Quitter(name, eof)
Object* quitter_init(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("Quitter", kw) || !check_nargs("Quitter", n, 3, 3)) return nullptr;
  if (!set_attribute(a[0], "name", a[1]) || !set_attribute(a[0], "eof", a[2])) return nullptr;
  return new_ref(None());
}

Object* quitter_repr(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__repr__", kw) || !check_nargs("__repr__", n, 1, 1)) return nullptr;
  std::string name, eof;
  if (!attribute_text(a[0], "name", &name) || !attribute_text(a[0], "eof", &eof)) return nullptr;
  return new_str("Use " + name + "() or " + eof + " to exit");
}

// exit(code=None): closes sys.stdin, so that a shell catching SystemExit still notices,
// then raises SystemExit(code).
Object* quitter_call(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__call__", kw) || !check_nargs("__call__", n, 1, 2)) return nullptr;
  if (Object* in = sys_attribute("stdin")) {
    Object* r = call_method(in, "close", nullptr, 0);
    if (r) decref(r);
    else clear_error();
  }
  Object* code = n == 2 ? a[1] : None();
  Object* exc = new_exception_args(&exc_SystemExit, &code, 1);
  if (!exc) return nullptr;
  raise_object(exc);
  decref(exc);
  return nullptr;
}

// ---- _Printer: copyright, credits and license ----

constexpr size_t kPrinterPageLines = 23;  // CPython: _Printer.MAXLINES

// _Printer(name, data, files=(), dirs=()): the text is the first of dir/file that opens
// (dirs outer, files inner), else `data`.
Object* printer_init(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("_Printer", kw) || !check_nargs("_Printer", n, 3, 5)) return nullptr;
  if (!set_attribute(a[0], "_Printer__name", a[1]) || !set_attribute(a[0], "_Printer__data", a[2]))
    return nullptr;
  ListObject* candidates = new_list();
  if (n == 5) {
    ListObject* files = list_from_iterable(a[3]);
    ListObject* dirs = files ? list_from_iterable(a[4]) : nullptr;
    if (!dirs) {
      xdecref(files);
      decref(candidates);
      return nullptr;
    }
    for (Object* d : dirs->items) {
      for (Object* f : files->items) {
        if (!is_str(d) || !is_str(f)) continue;
        Object* path = new_str(as_str(d)->utf8 + "/" + as_str(f)->utf8);
        list_append(candidates, path);
        decref(path);
      }
    }
    decref(files);
    decref(dirs);
  }
  bool ok = set_attribute(a[0], "_Printer__filenames", candidates);
  decref(candidates);
  return ok ? new_ref(None()) : nullptr;
}

// The lines of the text; false with the error set.
bool printer_lines(Object* self, std::vector<std::string>* lines) {
  std::string text;
  Object* filenames = get_attr(self, "_Printer__filenames");
  if (!filenames) return false;
  if (filenames->type == &list_type) {
    for (Object* path : static_cast<ListObject*>(filenames)->items) {
      if (is_str(path) && read_source_file(as_str(path)->utf8, &text) == 0) break;
    }
  }
  decref(filenames);
  if (text.empty() && !attribute_text(self, "_Printer__data", &text)) return false;
  lines->clear();
  size_t start = 0;
  for (size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1)
    lines->push_back(text.substr(start, nl - start));
  lines->push_back(text.substr(start));
  return true;
}

Object* printer_repr(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__repr__", kw) || !check_nargs("__repr__", n, 1, 1)) return nullptr;
  std::vector<std::string> lines;
  if (!printer_lines(a[0], &lines)) return nullptr;
  if (lines.size() > kPrinterPageLines) {
    std::string name;
    if (!attribute_text(a[0], "_Printer__name", &name)) return nullptr;
    return new_str("Type " + name + "() to see the full " + name + " text");
  }
  std::string joined;
  for (size_t i = 0; i < lines.size(); ++i) joined += (i ? "\n" : "") + lines[i];
  return new_str(joined);
}

// Calls builtins.<name>(text); the result, or null.
Object* call_builtin_with_text(const char* name, const std::string& text) {
  Object* f = builtin(name);
  if (!f) return nullptr;
  Object* arg = new_str(text);
  Object* r = call1(Ref<>::borrow(f).get(), arg);
  decref(arg);
  return r;
}

// A page at a time through print(); after each full page, input() asks: Return shows
// the next page, q stops, anything else asks again.
Object* printer_call(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__call__", kw) || !check_nargs("__call__", n, 1, 1)) return nullptr;
  std::vector<std::string> lines;
  if (!printer_lines(a[0], &lines)) return nullptr;
  const std::string prompt = "Hit Return for more, or q (and Return) to quit: ";
  for (size_t start = 0;; start += kPrinterPageLines) {
    size_t end = std::min(lines.size(), start + kPrinterPageLines);
    for (size_t i = start; i < end; ++i) {
      Object* r = call_builtin_with_text("print", lines[i]);
      if (!r) return nullptr;
      decref(r);
    }
    if (end - start < kPrinterPageLines) break;
    std::string answer;
    do {
      Object* r = call_builtin_with_text("input", prompt);
      if (!r) return nullptr;
      answer = is_str(r) ? as_str(r)->utf8 : std::string("?");
      decref(r);
    } while (answer != "" && answer != "q");
    if (answer == "q") break;
  }
  return new_ref(None());
}

// ---- _Helper: help ----

Object* helper_repr(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("__repr__", kw) || !check_nargs("__repr__", n, 1, 1)) return nullptr;
  return new_str("Type help() for interactive help, or help(object) for help about object.");
}

// help(*args, **kwds) is pydoc.help(*args, **kwds).
Object* helper_call(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Interpreter* interp = get_thread_state()->interp;
  Object* pydoc = interp->import_hook ? interp->import_hook(interp, intern("pydoc"), main_module()->dict, None(), 0)
                                      : set_error(&exc_ModuleNotFoundError, "No module named 'pydoc'");
  Object* help = pydoc ? get_attr(pydoc, "help") : nullptr;
  xdecref(pydoc);
  if (!help) return nullptr;
  Object* r = call(help, a + 1, n - 1, kw);
  decref(help);
  return r;
}

struct Method {
  const char* name;
  BuiltinFn fn;
};

// A class of module _sitebuiltins whose methods are built-in functions.
TypeObject* new_site_class(const char* name, std::initializer_list<Method> methods) {
  // Everything made here is owned by a Ref until the class holds it, so that memory
  // running out part-way (std::bad_alloc) frees what was made.
  Ref<DictObject> ns = Ref<DictObject>::steal(new_dict());
  dict_set_str(ns.get(), "__module__", ORef::steal(new_str("_sitebuiltins")).get());
  std::vector<Ref<BuiltinFunctionObject>> functions;
  for (const Method& m : methods) {
    functions.push_back(Ref<BuiltinFunctionObject>::steal(new_builtin_function(m.name, m.fn)));
    functions.back()->is_method = true;
    dict_set_str(ns.get(), m.name, functions.back().get());
  }
  Ref<TupleObject> bases = Ref<TupleObject>::steal(new_tuple_from({}));
  Object* cls = build_class(&type_type, intern(name), bases.get(), ns.get(), nullptr);
  // The methods check their self against the class (a method descriptor's owner).
  if (cls)
    for (const auto& f : functions) f->owner = static_cast<TypeObject*>(cls);
  return static_cast<TypeObject*>(cls);
}

// builtins.<name> = cls(name, text, *more): the strs are owned from the moment each is
// made, so memory running out part-way (std::bad_alloc) frees what was made.
bool install(DictObject* builtins, const char* name, Object* cls, const char* text,
             std::initializer_list<Object*> more = {}) {
  ORef name_str = ORef::steal(new_str(name));
  ORef text_str = ORef::steal(new_str(text));
  std::vector<Object*> argv{name_str.get(), text_str.get()};
  argv.insert(argv.end(), more);
  ORef obj = ORef::steal(call(cls, argv.data(), argv.size(), nullptr));
  return obj && dict_set_str(builtins, name, obj.get()) >= 0;
}

// The objects of CPython's site.setquit, setcopyright and sethelper.
bool install_objects(ModuleObject* module) {
  DictObject* builtins = get_thread_state()->interp->builtins_dict;
  Ref<TypeObject> quitter = Ref<TypeObject>::steal(
      new_site_class("Quitter", {{"__init__", quitter_init}, {"__repr__", quitter_repr}, {"__call__", quitter_call}}));
  if (!quitter) return false;
  Ref<TypeObject> printer = Ref<TypeObject>::steal(
      new_site_class("_Printer", {{"__init__", printer_init}, {"__repr__", printer_repr}, {"__call__", printer_call}}));
  if (!printer) return false;
  Ref<TypeObject> helper =
      Ref<TypeObject>::steal(new_site_class("_Helper", {{"__repr__", helper_repr}, {"__call__", helper_call}}));
  if (!helper) return false;
  dict_set_str(module->dict, "Quitter", quitter.get());
  dict_set_str(module->dict, "_Printer", printer.get());
  dict_set_str(module->dict, "_Helper", helper.get());

  const char* eof = "Ctrl-D (i.e. EOF)";
  if (!install(builtins, "quit", quitter.get(), eof) || !install(builtins, "exit", quitter.get(), eof) ||
      !install(builtins, "copyright", printer.get(), kCopyrightText) ||
      !install(builtins, "credits", printer.get(), kCreditsText))
    return false;
  // The licence text is a LICENSE file near the standard library, when there is one.
  Object* stdlib_dir = sys_attribute("_stdlib_dir");
  if (stdlib_dir && is_str(stdlib_dir)) {
    Ref<TupleObject> files = Ref<TupleObject>::steal(str_tuple({"LICENSE.txt", "LICENSE"}));
    const std::string& dir = as_str(stdlib_dir)->utf8;
    Ref<TupleObject> dirs = Ref<TupleObject>::steal(str_tuple({dir + "/..", dir, "."}));
    if (!install(builtins, "license", printer.get(), kLicenseText, {files.get(), dirs.get()})) return false;
  } else if (!install(builtins, "license", printer.get(), kLicenseText)) {
    return false;
  }
  ORef help = ORef::steal(call(helper.get(), nullptr, 0, nullptr));
  return help && dict_set_str(builtins, "help", help.get()) >= 0;
}

// The hook site sets: CPython's register_readline turns on completion and loads the
// history file, saved again at exit. CPython: Lib/site.py enablerlcompleter.
Object* register_line_editor(Object*, Object* const*, size_t nargs, TupleObject* kwnames) {
  if (!check_no_kwargs("register_readline", kwnames) || !check_nargs("register_readline", nargs, 0, 0))
    return nullptr;
  enable_line_editor_history();
  return new_ref(None());
}

}  // namespace

Status install_site_builtins(bool isolated) {
  Interpreter* interp = get_thread_state()->interp;
  ModuleObject* module = new_module("_sitebuiltins");
  dict_set_str(interp->modules, "_sitebuiltins", module);
  bool ok = install_objects(module);
  decref(module);
  if (!ok) {
    Object* exc = fetch_error();
    print_uncaught_exception(exc);
    xdecref(exc);
    return Status::error(Status::Category::runtime, "init_import_site", "Failed to install the site builtins");
  }
  // CPython: site.main installs the hook only when not isolated (-I).
  if (!isolated && !dict_get_str(interp->sys_module->dict, "__interactivehook__")) {
    BuiltinFunctionObject* hook = new_builtin_function("register_readline", register_line_editor);
    dict_set_str(interp->sys_module->dict, "__interactivehook__", hook);
    decref(hook);
  }
  return Status::ok();
}

}  // namespace gopy
