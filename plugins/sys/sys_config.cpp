// The sys attributes derived from the configuration: flags, argv, orig_argv, warnoptions,
// _xoptions, dont_write_bytecode, pycache_prefix, version, version_info, hash_info,
// implementation.version, the codec and error handlers of sys.stdin/stdout/stderr and
// sys.getfilesystemencoding(). The values come from the configuration the plugin context
// shows and the kernel (gopy/config_sys.hpp); this
// file only turns them into objects. sys.flags, sys.version_info and sys.hash_info are
// struct sequences: a read-only tuple of the visible fields plus named attributes,
// some attribute-only (sys.flags.gil, ...).
// CPython: Python/sysmodule.c _PySys_UpdateConfig, set_flags_from_config,
// make_version_info, get_hash_info; Objects/structseq.c.
#include <unistd.h>
#include <cfloat>
#include <string>
#include <utility>
#include <vector>

#include "gopy/config_sys.hpp"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/object_textio.hpp"
#include "gopy/state.hpp"
#include "sys_module.hpp"

namespace gopy::sys {
namespace {

// A struct sequence instance. `visible` is what indexing, len(), iteration, comparison
// and hashing see; `fields` holds every field by name (visible ones first).
struct StructSeqObject : GcObject {
  TupleObject* visible = nullptr;
  NamedFields fields;
  bool holds_type = false;

  explicit StructSeqObject(TypeObject* t) : GcObject(t), holds_type(true) { incref(t); }
  ~StructSeqObject() override { clear_refs(); }
  void clear_refs() override {
    Object* v = visible;
    visible = nullptr;
    xdecref(v);
    NamedFields old;
    old.swap(fields);
    old.clear();
    if (holds_type) {
      holds_type = false;
      decref(type);
    }
  }
  int traverse(VisitFn visit, void* arg) override {
    if (int r = visit_ref(visible, visit, arg)) return r;
    for (auto& field : fields)
      if (field.second)
        if (int r = visit(field.second.get(), arg)) return r;
    return holds_type ? visit(type, arg) : 0;
  }
};

StructSeqObject* as_seq(Object* o) { return static_cast<StructSeqObject*>(o); }

// "sys.flags(debug=0, ...)": the visible fields only. CPython: structseq_repr
Object* seq_repr(Object* self) {
  StructSeqObject* seq = as_seq(self);
  std::string text = seq->type->module + "." + seq->type->name + "(";
  const std::size_t shown = seq->visible ? seq->visible->items.size() : 0;
  for (std::size_t i = 0; i < shown && i < seq->fields.size(); ++i) {
    Object* repr = object_repr(seq->fields[i].second.get());
    if (repr == nullptr) return nullptr;
    if (i) text += ", ";
    text += seq->fields[i].first + "=" + std::string(as_str(repr)->view());
    decref(repr);
  }
  return new_str(text + ")");
}

Object* seq_getattr(Object* self, StrObject* name) {
  for (auto& [field, value] : as_seq(self)->fields) {
    if (field == name->view()) return new_ref(value.get());
  }
  return generic_getattr(self, name);
}

// Read-only, as CPython's struct sequences: a field is a "readonly attribute"; any other
// name has no __dict__ to go to (CPython: structseq's member descriptors, then
// _PyObject_GenericSetAttrWithDict).
int seq_setattr(Object* self, StrObject* name, Object*) {
  for (auto& [field, value] : as_seq(self)->fields) {
    if (field == name->view()) {
      set_error(&exc_AttributeError, "readonly attribute");
      return -1;
    }
  }
  set_error(&exc_AttributeError, "'" + self->type->module + "." + self->type->name + "' object has no attribute '" +
                                     std::string(name->view()) + "' and no __dict__ for setting new attributes");
  return -1;
}

Object* visible_of(Object* o) {
  return o->type->tp_repr == seq_repr ? as_seq(o)->visible : o;
}

Object* seq_richcompare(Object* a, Object* b, CompareOp op) {
  return rich_compare(visible_of(a), visible_of(b), op);
}
int64_t seq_hash(Object* self) { return object_hash(as_seq(self)->visible); }
ssize seq_length(Object* self) { return object_length(as_seq(self)->visible); }
Object* seq_subscript(Object* self, Object* key) { return get_item(as_seq(self)->visible, key); }
Object* seq_iter(Object* self) { return get_iter(as_seq(self)->visible); }

// One heap type per struct sequence kind and interpreter (freed with the interpreter's
// objects, before the plugin library is unloaded).
TypeObject* new_struct_seq_type(const char* name) {
  TypeObject* t = new_sys_type(name);
  t->tp_repr = seq_repr;
  t->tp_getattr = seq_getattr;
  t->tp_setattr = seq_setattr;
  t->tp_richcompare = seq_richcompare;
  t->tp_hash = seq_hash;
  t->sq_length = seq_length;
  t->mp_subscript = seq_subscript;
  t->tp_iter = seq_iter;
  return t;
}

// Builds an instance; steals the field values. The first `n_visible` are the tuple.
Object* new_struct_seq(const char* type_name, NamedFields fields, std::size_t n_visible) {
  Ref<TypeObject> type = Ref<TypeObject>::steal(new_struct_seq_type(type_name));
  Ref<StructSeqObject> seq = Ref<StructSeqObject>::steal(make<StructSeqObject>(type.get()));
  n_visible = std::min(n_visible, fields.size());
  seq->visible = new_tuple(ssize(n_visible));
  for (std::size_t i = 0; i < n_visible; ++i) seq->visible->items[i] = new_ref(fields[i].second.get());
  seq->fields = std::move(fields);
  return seq.release();
}


Object* make_flags(const std::vector<SysFlag>& flags) {
  NamedFields fields;
  std::size_t visible = 0;
  for (const SysFlag& flag : flags) {
    ORef value = own(flag.is_bool ? new_bool(flag.value != 0) : new_int(flag.value));
    fields.emplace_back(std::string(flag.name), std::move(value));
    if (flag.in_repr) ++visible;
  }
  return new_struct_seq("flags", std::move(fields), visible);
}

Object* make_version_info() {
  NamedFields fields = {
      {"major", own(new_int(kVersionInfo.major))},
      {"minor", own(new_int(kVersionInfo.minor))},
      {"micro", own(new_int(kVersionInfo.micro))},
      {"releaselevel", own(new_str(kVersionInfo.releaselevel))},
      {"serial", own(new_int(kVersionInfo.serial))},
  };
  return new_struct_seq("version_info", std::move(fields), 5);
}

Object* make_hash_info() {
  NamedFields fields = {
      {"width", own(new_int(kHashInfo.width))},
      {"modulus", own(new_int(kHashInfo.modulus))},
      {"inf", own(new_int(kHashInfo.inf))},
      {"nan", own(new_int(kHashInfo.nan))},
      {"imag", own(new_int(kHashInfo.imag))},
      {"algorithm", own(new_str(kHashInfo.algorithm))},
      {"hash_bits", own(new_int(kHashInfo.hash_bits))},
      {"seed_bits", own(new_int(kHashInfo.seed_bits))},
      {"cutoff", own(new_int(kHashInfo.cutoff))},
  };
  return new_struct_seq("hash_info", std::move(fields), 9);
}

// CPython: Objects/floatobject.c PyFloat_GetInfo.
Object* make_float_info() {
  NamedFields fields = {
      {"max", own(new_float(DBL_MAX))},         {"max_exp", own(new_int(DBL_MAX_EXP))},
      {"max_10_exp", own(new_int(DBL_MAX_10_EXP))}, {"min", own(new_float(DBL_MIN))},
      {"min_exp", own(new_int(DBL_MIN_EXP))},   {"min_10_exp", own(new_int(DBL_MIN_10_EXP))},
      {"dig", own(new_int(DBL_DIG))},           {"mant_dig", own(new_int(DBL_MANT_DIG))},
      {"epsilon", own(new_float(DBL_EPSILON))}, {"radix", own(new_int(FLT_RADIX))},
      {"rounds", own(new_int(1))},
  };
  return new_struct_seq("float_info", std::move(fields), 11);
}

// CPython: Objects/longobject.c PyLong_GetInfo (30-bit digits, PEP 651's digit limits).
Object* make_int_info() {
  NamedFields fields = {
      {"bits_per_digit", own(new_int(30))},
      {"sizeof_digit", own(new_int(4))},
      {"default_max_str_digits", own(new_int(4300))},
      {"str_digits_check_threshold", own(new_int(640))},
  };
  return new_struct_seq("int_info", std::move(fields), 4);
}

// CPython: Python/thread.c PyThread_GetInfo: POSIX threads, locks made of semaphores, and
// the thread library's version as confstr reports it (None where it has none).
Object* make_thread_info() {
  ORef version = own(new_none());
#ifdef _CS_GNU_LIBPTHREAD_VERSION
  char buf[128];
  size_t n = confstr(_CS_GNU_LIBPTHREAD_VERSION, buf, sizeof buf);
  if (n > 1 && n <= sizeof buf) version = own(new_str(std::string(buf, n - 1)));
#endif
  NamedFields fields = {
      {"name", own(new_str("pthread"))},
      {"lock", own(new_str("semaphore"))},
      {"version", std::move(version)},
  };
  return new_struct_seq("thread_info", std::move(fields), 3);
}

// sys._xoptions: "-X k=v" -> {'k': 'v'}, "-X k" -> {'k': True}.
// CPython: _PyConfig_CreateXOptionsDict
Object* make_xoptions(const std::vector<XOption>& options) {
  Ref<DictObject> dict = Ref<DictObject>::steal(new_dict());
  for (const XOption& option : options) {
    ORef value = own(option.value ? static_cast<Object*>(new_str_fs(*option.value)) : new_bool(true));
    dict_set_str(dict.get(), option.key, value.get());
  }
  return dict.release();
}

// stdin and stdout use the configuration's error handler (surrogateescape in UTF-8 mode
// and the C/C.UTF-8 locales); stderr keeps backslashreplace.
// CPython: Python/pylifecycle.c create_stdio
void apply_stdio_errors(Interpreter* interp, const Config& config) {
  if (!config.stdio_errors) return;
  for (Object* stream : {interp->stdin_obj, interp->stdout_obj}) {
    if (stream != nullptr && stream->type == &textio_type) {
      static_cast<TextIOObject*>(stream)->errors = *config.stdio_errors;
    }
  }
}

// Whether sys already shows these values: the main phase's update then costs a comparison
// rather than new objects when the path step changed nothing there.
bool shows_flags(Object* current, const std::vector<SysFlag>& flags) {
  if (current->type->tp_repr != seq_repr || as_seq(current)->fields.size() != flags.size()) return false;
  for (std::size_t i = 0; i < flags.size(); ++i) {
    int64_t value = 0;
    Object* field = as_seq(current)->fields[i].second.get();
    if (!int_to_int64(field, &value) || value != flags[i].value) return false;
  }
  return true;
}

bool shows_str(Object* current, std::string_view text) {
  return is_str(current) && as_str(current)->view() == text;
}

bool shows_list(Object* current, const StringList& items) {
  if (!is_list(current)) return false;
  const auto& list = static_cast<ListObject*>(current)->items;
  if (list.size() != items.size()) return false;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (!shows_str(list[i], items[i])) return false;
  }
  return true;
}

bool shows_xoptions(Object* current, const std::vector<XOption>& options) {
  if (!is_dict(current) || static_cast<DictObject*>(current)->used != ssize(options.size())) return false;
  std::size_t i = 0;
  for (const DictEntry& e : static_cast<DictObject*>(current)->entries) {
    if (e.key == nullptr) continue;
    const XOption& option = options[i++];
    if (!shows_str(e.key, option.key)) return false;
    if (option.value ? !shows_str(e.value, *option.value) : e.value != True()) return false;
  }
  return true;
}

// Sets sys.<name> to make() unless `shows` says sys already holds that value.
template <typename Shows, typename Make>
void update(ModuleObject* sys, const char* name, Shows&& shows, Make&& make) {
  Object* current = dict_get_str(sys->dict, name);
  if (current != nullptr && shows(current)) return;
  put(sys, name, make());
}

// -u / PYTHONUNBUFFERED: stdout and stderr write every call through at once.
// CPython: Python/pylifecycle.c create_stdio (buffered_stdio = 0: write_through)
void apply_stdio_buffering(Interpreter* interp, const Config& config) {
  if (config.buffered_stdio != 0) return;
  for (Object* stream : {interp->stdout_obj, interp->stderr_obj}) {
    if (stream != nullptr && stream->type == &textio_type) static_cast<TextIOObject*>(stream)->write_through = true;
  }
}

// The streams' codec, once the main phase has turned the configured names into codec
// names ("latin-1" -> "iso8859-1"); stderr always uses backslashreplace.
// CPython: Python/pylifecycle.c init_sys_streams, create_stdio
void apply_stdio_encoding(Interpreter* interp, const Config& config) {
  if (!config.stdio_encoding) return;
  const std::string errors = config.stdio_errors.value_or("strict");
  for (Object* stream : {interp->stdin_obj, interp->stdout_obj, interp->stderr_obj}) {
    if (stream != nullptr && stream->type == &textio_type)
      textio_set_encoding(stream, *config.stdio_encoding, stream == interp->stderr_obj ? "backslashreplace" : errors);
  }
}

// What sys.getfilesystemencoding() and getfilesystemencodeerrors() answer: the running
// interpreter's configuration, kept when the plugin attaches (the context is gone later).
std::string filesystem_encoding = "utf-8";
std::string filesystem_errors = "surrogateescape";

// CPython: Python/sysmodule.c sys_getfilesystemencoding_impl, sys_getfilesystemencodeerrors_impl
Object* s_getfilesystemencoding(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("getfilesystemencoding", kw) || !check_nargs("getfilesystemencoding", n, 0, 0)) return nullptr;
  return new_str(filesystem_encoding);
}
Object* s_getfilesystemencodeerrors(Object*, Object* const*, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("getfilesystemencodeerrors", kw) || !check_nargs("getfilesystemencodeerrors", n, 0, 0))
    return nullptr;
  return new_str(filesystem_errors);
}

}  // namespace

// The sys plugin calls this at each phase it attaches at, with the configuration the
// plugin context shows then. The core phase sets what comes from the configuration; the
// main phase sets again what the path configuration may have changed (a ._pth file makes
// the runtime isolated; BOOL fields become 0/1), as CPython's _PySys_UpdateConfig does
// after the path step.
Status fill_config(Interpreter* interp, const SysConfig& sys_config, std::string_view phase) {
  const Config* config = &sys_config.config;
  const PreConfig* preconfig = &sys_config.preconfig;
  ModuleObject* sys = interp->sys_module;
  if (sys == nullptr)
    return Status::error(Status::Category::runtime, "sys_config",
                         "the sys module does not exist yet");

  filesystem_encoding = config->filesystem_encoding.value_or("utf-8");
  filesystem_errors = config->filesystem_errors.value_or("surrogateescape");
  if (phase == "main") apply_stdio_encoding(interp, *config);
  if (phase == "core") {
    apply_stdio_errors(interp, *config);
    apply_stdio_buffering(interp, *config);
    const ModuleFunction fns[] = {{"getfilesystemencoding", s_getfilesystemencoding},
                      {"getfilesystemencodeerrors", s_getfilesystemencodeerrors}};
    (void)add_module_functions(sys, fns);
    put(sys, "version", new_str(full_version_string()));
    put(sys, "hexversion", new_int(kHexVersion));
    put(sys, "hash_info", make_hash_info());
    put(sys, "float_info", make_float_info());
    put(sys, "int_info", make_int_info());
    put(sys, "thread_info", make_thread_info());
    // CPython: Python/getcopyright.c (3.14's text) and the ABI flags of a release build.
    put(sys, "copyright", new_str("Copyright (c) 2001 Python Software Foundation.\nAll Rights Reserved.\n\n"
                                  "Copyright (c) 2000 BeOpen.com.\nAll Rights Reserved.\n\n"
                                  "Copyright (c) 1995-2001 Corporation for National Research Initiatives.\n"
                                  "All Rights Reserved.\n\n"
                                  "Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\n"
                                  "All Rights Reserved."));
    put(sys, "abiflags", new_str(""));
    Object* version_info = make_version_info();
    dict_set_str(sys->dict, "version_info", version_info);
    put(sys, "implementation", make_implementation(version_info));
    decref(version_info);
  }
  // CPython: Python/sysmodule.c _PySys_UpdateConfig (the path attributes are fill_paths')
  const StringList argv = config->argv.empty() ? StringList{""} : config->argv;
  const std::vector<XOption> xoptions = sys_xoptions(*config);
  const std::vector<SysFlag> flags = sys_flags(*config, *preconfig);
  const bool dont_write_bytecode = config->write_bytecode == 0;
  update(sys, "pycache_prefix",
         [&](Object* o) { return config->pycache_prefix ? shows_str(o, *config->pycache_prefix) : o == None(); },
         [&] { return str_or_none(config->pycache_prefix); });
  update(sys, "argv", [&](Object* o) { return shows_list(o, argv); }, [&] { return str_list(argv); });
  update(sys, "orig_argv", [&](Object* o) { return shows_list(o, config->orig_argv); },
         [&] { return str_list(config->orig_argv); });
  update(sys, "warnoptions", [&](Object* o) { return shows_list(o, config->warnoptions); },
         [&] { return str_list(config->warnoptions); });
  update(sys, "_xoptions", [&](Object* o) { return shows_xoptions(o, xoptions); },
         [&] { return make_xoptions(xoptions); });
  update(sys, "flags", [&](Object* o) { return shows_flags(o, flags); }, [&] { return make_flags(flags); });
  update(sys, "dont_write_bytecode", [&](Object* o) { return o == (dont_write_bytecode ? True() : False()); },
         [&] { return new_bool(dont_write_bytecode); });
  if (error_occurred()) {
    clear_error();
    return Status::error(Status::Category::runtime, "sys_config",
                         "could not set the configuration's sys attributes");
  }
  return Status::ok();
}

}  // namespace gopy::sys
