// The sys attributes derived from the configuration: flags, argv, orig_argv, warnoptions,
// _xoptions, dont_write_bytecode, pycache_prefix, version, version_info, hash_info,
// implementation, and the error handler of sys.stdin/sys.stdout. The values come from the
// configuration the plugin context shows and the kernel (gopy/config_sys.hpp); this
// file only turns them into objects. sys.flags, sys.version_info and sys.hash_info are
// struct sequences: a read-only tuple of the visible fields plus named attributes,
// some attribute-only (sys.flags.gil, ...).
// CPython: Python/sysmodule.c _PySys_UpdateConfig, set_flags_from_config,
// make_version_info, get_hash_info; Objects/structseq.c.
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
struct StructSeqObject : Object {
  TupleObject* visible = nullptr;
  std::vector<std::pair<std::string, Object*>> fields;
  bool holds_type = false;

  explicit StructSeqObject(TypeObject* t) : Object(t), holds_type(true) { incref(t); }
  ~StructSeqObject() override { clear_refs(); }
  void clear_refs() override {
    Object* v = visible;
    visible = nullptr;
    xdecref(v);
    std::vector<std::pair<std::string, Object*>> old;
    old.swap(fields);
    for (auto& field : old) xdecref(field.second);
    if (holds_type) {
      holds_type = false;
      decref(type);
    }
  }
};

StructSeqObject* as_seq(Object* o) { return static_cast<StructSeqObject*>(o); }

// "sys.flags(debug=0, ...)": the visible fields only. CPython: structseq_repr
Object* seq_repr(Object* self) {
  StructSeqObject* seq = as_seq(self);
  std::string text = seq->type->module + "." + seq->type->name + "(";
  const std::size_t shown = seq->visible ? seq->visible->items.size() : 0;
  for (std::size_t i = 0; i < shown && i < seq->fields.size(); ++i) {
    Object* repr = object_repr(seq->fields[i].second);
    if (repr == nullptr) return nullptr;
    if (i) text += ", ";
    text += seq->fields[i].first + "=" + std::string(as_str(repr)->view());
    decref(repr);
  }
  return new_str(text + ")");
}

Object* seq_getattr(Object* self, StrObject* name) {
  for (auto& [field, value] : as_seq(self)->fields) {
    if (field == name->view()) return new_ref(value);
  }
  return generic_getattr(self, name);
}

// Read-only, as CPython's struct sequences: "readonly attribute".
int seq_setattr(Object*, StrObject*, Object*) {
  set_error(&exc_AttributeError, "readonly attribute");
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
  auto* t = make<TypeObject>();
  t->type = new_ref(&type_type);
  t->name = name;
  t->qualname = name;
  t->module = "sys";
  t->flags = TypeFlags::heap;
  t->base = new_ref(&object_type);
  t->bases = new_tuple_from({&object_type});
  t->dict = new_dict();
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
Object* new_struct_seq(const char* type_name, std::vector<std::pair<std::string, Object*>> fields,
                       std::size_t n_visible) {
  TypeObject* type = new_struct_seq_type(type_name);
  auto* seq = make<StructSeqObject>(type);
  decref(type);  // the instance holds it
  std::vector<Object*> visible;
  for (std::size_t i = 0; i < n_visible && i < fields.size(); ++i) {
    visible.push_back(new_ref(fields[i].second));
  }
  seq->visible = new_tuple_steal(std::move(visible));
  seq->fields = std::move(fields);
  return seq;
}


Object* make_flags(const Config& config, const PreConfig& preconfig) {
  std::vector<std::pair<std::string, Object*>> fields;
  std::size_t visible = 0;
  for (const SysFlag& flag : sys_flags(config, preconfig)) {
    fields.emplace_back(std::string(flag.name),
                        flag.is_bool ? new_bool(flag.value != 0) : new_int(flag.value));
    if (flag.in_repr) ++visible;
  }
  return new_struct_seq("flags", std::move(fields), visible);
}

Object* make_version_info() {
  std::vector<std::pair<std::string, Object*>> fields = {
      {"major", new_int(kVersionInfo.major)},
      {"minor", new_int(kVersionInfo.minor)},
      {"micro", new_int(kVersionInfo.micro)},
      {"releaselevel", new_str(kVersionInfo.releaselevel)},
      {"serial", new_int(kVersionInfo.serial)},
  };
  return new_struct_seq("version_info", std::move(fields), 5);
}

Object* make_hash_info() {
  std::vector<std::pair<std::string, Object*>> fields = {
      {"width", new_int(kHashInfo.width)},
      {"modulus", new_int(kHashInfo.modulus)},
      {"inf", new_int(kHashInfo.inf)},
      {"nan", new_int(kHashInfo.nan)},
      {"imag", new_int(kHashInfo.imag)},
      {"algorithm", new_str(kHashInfo.algorithm)},
      {"hash_bits", new_int(kHashInfo.hash_bits)},
      {"seed_bits", new_int(kHashInfo.seed_bits)},
      {"cutoff", new_int(kHashInfo.cutoff)},
  };
  return new_struct_seq("hash_info", std::move(fields), 9);
}

// sys._xoptions: "-X k=v" -> {'k': 'v'}, "-X k" -> {'k': True}.
// CPython: _PyConfig_CreateXOptionsDict
Object* make_xoptions(const Config& config) {
  DictObject* dict = new_dict();
  for (const XOption& option : sys_xoptions(config)) {
    Object* value = option.value ? static_cast<Object*>(new_str(*option.value)) : new_bool(true);
    dict_set_str(dict, option.key, value);
    decref(value);
  }
  return dict;
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

}  // namespace

// The configuration's part of sys, complete after the core phase (the main phase's path
// configuration is sys_paths.cpp's). Each attribute is set here only.
Status fill_config(Interpreter* interp, const SysConfig& sys_config) {
  const Config* config = &sys_config.config;
  const PreConfig* preconfig = &sys_config.preconfig;
  ModuleObject* sys = interp->sys_module;
  if (sys == nullptr) return Status::error("sys_config", "the sys module does not exist yet");

  apply_stdio_errors(interp, *config);
  put(sys, "flags", make_flags(*config, *preconfig));
  put(sys, "argv", str_list(config->argv.empty() ? StringList{""} : config->argv));
  put(sys, "orig_argv", str_list(config->orig_argv));
  put(sys, "warnoptions", str_list(config->warnoptions));
  put(sys, "_xoptions", make_xoptions(*config));
  put(sys, "dont_write_bytecode", new_bool(config->write_bytecode == 0));
  put(sys, "pycache_prefix", str_or_none(config->pycache_prefix));
  put(sys, "version", new_str(full_version_string()));
  put(sys, "hexversion", new_int(kHexVersion));
  put(sys, "hash_info", make_hash_info());
  Object* version_info = make_version_info();
  dict_set_str(sys->dict, "version_info", version_info);
  ModuleObject* implementation = new_module("implementation");
  put(implementation, "name", new_str(kImplementationName));
  put(implementation, "cache_tag", new_str(kCacheTag));
  dict_set_str(implementation->dict, "version", version_info);
  put(implementation, "hexversion", new_int(kHexVersion));
  put(sys, "implementation", implementation);
  decref(version_info);
  if (error_occurred()) {
    clear_error();
    return Status::error("sys_config", "could not set the configuration's sys attributes");
  }
  return Status::ok();
}

}  // namespace gopy::sys
