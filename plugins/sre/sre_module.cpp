// The _sre module: compile() and the constants (CPython: Modules/_sre/sre.c
// _sre_compile_impl, sre_exec), the shared helpers of its objects, and the plugin's
// descriptor. `re` (lib/python3.14/re/) is the public API over it.
#include "sre_module.hpp"

#include <algorithm>

#include "gopy/object_bytes.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/plugin.hpp"
#include "gopy/warnings.hpp"

namespace gopy::sre_module {

namespace {

// The types' constructor: instances are made only by this module (tp_new is taken off the
// types once they exist, and kept here for new_instance).
NewFn g_new = nullptr;
TypeObject* g_types[3] = {nullptr, nullptr, nullptr};

int no_init(gopy_Object*, gopy_Object* const*) { return 0; }

// The built-in FutureWarning, which the kernel does not export by name.
TypeObject* future_warning() {
  TypeObject* found = nullptr;
  for_each_exception_type(
      [](TypeObject* t, void* out) {
        if (std::string_view(t->name) == "FutureWarning") *static_cast<TypeObject**>(out) = t;
      },
      &found);
  return found;
}

gopy_Object* sre_compile(gopy_Object*, gopy_Object* const* args) {
  Object* pattern = obj(args[0]);
  int64_t flags = 0;
  if (gopy_Long_AsInt64(args[1], &flags) < 0) return nullptr;
  std::u32string cps;
  bool is_bytes = false;
  // CPython takes str and bytes only (not bytearray): Lib/re/_compiler.py isstring.
  if ((!is_str(pattern) && pattern->type != &bytes_type) || !text_of(pattern, &cps, &is_bytes))
    return handle(type_error("first argument must be string or compiled pattern"));
  auto program = std::make_unique<sre::Program>();
  sre::Error error;
  bool compiled = sre::compile(cps, static_cast<int>(flags), program.get(), &error, is_bytes);
  // CPython's parser warns as it reads, before any error, with stacklevel nested + 6: the
  // frame that called re.compile (re.match, ...); here re._compile is level 1, its caller
  // in re 2, theirs 3.
  if (!program->warnings.empty())
    if (TypeObject* category = future_warning())
      for (const std::string& message : program->warnings)
        if (warn(category, message, 3) < 0) return nullptr;
  if (!compiled) return handle(raise_error(error, pattern));
  Ref<DictObject> groupindex = Ref<DictObject>::steal(new_dict());
  for (const auto& [name, index] : program->group_names) {
    Ref<> key = Ref<>::steal(new_str_from_cps(name));
    Ref<> value = Ref<>::steal(new_int(index));
    if (dict_set_item(groupindex.get(), key.get(), value.get()) < 0) return nullptr;
  }
  Object* self = new_instance(kPatternType);
  if (!self) return nullptr;
  PatternData* d = pattern_data(self);
  d->pattern = new_ref(pattern);
  d->groupindex = groupindex.release();
  d->program = program.release();
  d->state = sre::new_match_state().release();
  return handle(self);
}

const gopy_FunctionDef kFunctions[] = {
    {"compile", sre_compile, "pattern, flags", "Compile a pattern for gopy's engine."},
    {nullptr, nullptr, nullptr, nullptr},
};

const gopy_ConstantDef kConstants[] = {
    GOPY_CONST_INT("MAXREPEAT", 4294967295LL),
    GOPY_CONST_INT("MAXGROUPS", 1073741823LL),
    GOPY_CONST_INT("MAGIC", 20230612),
    GOPY_CONST_INT("CODESIZE", 4),
    {nullptr, GOPY_CONST_INT, 0, 0.0, nullptr},
};

int sre_exec(gopy_plugin_context*, gopy_Object* module) { return register_types(module); }

}  // namespace

const gopy_TypeDef kTypes[] = {
    {"Pattern", "Compiled regular expression object.", sizeof(PatternData), nullptr, no_init, kPatternMethods,
     kPatternGetSet, pattern_traverse, pattern_clear, pattern_free, pattern_repr},
    {"Match", "The result of re.match() and re.search().", sizeof(MatchData), nullptr, no_init, kMatchMethods,
     kMatchGetSet, match_traverse, match_clear, match_free, match_repr},
    {"SRE_Scanner", nullptr, sizeof(ScannerData), nullptr, no_init, kScannerMethods, nullptr, scanner_traverse,
     scanner_clear, nullptr, nullptr},
    {nullptr, nullptr, 0, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr, nullptr},
};

const gopy_ModuleDef kModule = {
    GOPY_MODULE_API_VERSION, "_sre", "gopy's regular-expression engine (the accelerator of re).",
    kFunctions, kTypes, kConstants, nullptr, sre_exec,
};

template <class T>
T* data_of(Object* o, TypeIndex which) {
  return static_cast<T*>(gopy_Object_Data(handle(o), &kTypes[which]));
}
PatternData* pattern_data(Object* o) { return data_of<PatternData>(o, kPatternType); }
MatchData* match_data(Object* o) { return data_of<MatchData>(o, kMatchType); }
ScannerData* scanner_data(Object* o) { return data_of<ScannerData>(o, kScannerType); }

Object* new_instance(TypeIndex which) {
  if (!g_new || !g_types[which]) return set_error(&exc_RuntimeError, "_sre types are not initialized");
  return g_new(g_types[which], nullptr, 0, nullptr);
}

int register_types(gopy_Object* module) {
  const char* names[] = {"Pattern", "Match", "SRE_Scanner"};
  for (int i = 0; i < 3; ++i) {
    Object* t = obj(gopy_Object_GetAttr(module, names[i]));
    if (!t) return -1;
    auto* type = static_cast<TypeObject*>(t);
    if (type->tp_new) g_new = type->tp_new;
    type->tp_new = nullptr;  // "cannot create 're.Pattern' instances", as CPython
    type->tp_init = nullptr;
    g_types[i] = type;
    decref(t);
  }
  for (int i : {kPatternType, kMatchType}) {
    TypeObject* t = g_types[i];
    t->module = "re";
    Ref<> modname = Ref<>::steal(new_str("re"));
    if (dict_set_str(t->dict, "__module__", modname.get()) < 0) return -1;
  }
  g_types[kMatchType]->mp_subscript = match_subscript;
  g_types[kPatternType]->tp_richcompare = pattern_richcompare;
  g_types[kPatternType]->tp_hash = pattern_hash;
  return 0;
}

bool text_of(Object* o, std::u32string* out, bool* is_bytes) {
  if (is_str(o)) {
    StrObject* s = as_str(o);
    *out = s->ascii ? std::u32string(s->utf8.begin(), s->utf8.end()) : s->cps();
    *is_bytes = false;
    return true;
  }
  std::string_view data;
  if (!bytes_like_view(o, &data)) return false;
  out->assign(data.begin(), data.end());
  for (char32_t& c : *out) c &= 0xFF;  // char may be signed
  *is_bytes = true;
  return true;
}

// CPython: Modules/_sre/sre.c getstring, state_init
bool subject_of(Object* string, bool bytes_pattern, sre::Subject* out) {
  *out = sre::Subject{};
  std::string_view data;
  if (!is_str(string)) {
    if (!bytes_like_view(string, &data)) {
      type_error(std::string("expected string or bytes-like object, got '") + string->type->name + "'");
      return false;
    }
    if (!bytes_pattern) {
      type_error("cannot use a string pattern on a bytes-like object");
      return false;
    }
    out->narrow = reinterpret_cast<const uint8_t*>(data.data());
    out->length = static_cast<ssize>(data.size());
    return true;
  }
  if (bytes_pattern) {
    type_error("cannot use a bytes pattern on a string-like object");
    return false;
  }
  StrObject* s = as_str(string);
  if (s->ascii)
    out->narrow = reinterpret_cast<const uint8_t*>(s->utf8.data());
  else
    out->wide = s->cps().data();
  out->length = s->length;
  return true;
}

Object* slice_of(Object* string, ssize b, ssize e) {
  if (b < 0) b = 0;
  if (e < b) e = b;
  if (!is_str(string)) {
    std::string_view data;
    if (!bytes_like_view(string, &data)) return type_error("the subject is no longer bytes-like");
    b = std::min<ssize>(b, static_cast<ssize>(data.size()));
    e = std::min<ssize>(e, static_cast<ssize>(data.size()));
    return new_bytes(data.substr(static_cast<size_t>(b), static_cast<size_t>(e - b)));
  }
  StrObject* s = as_str(string);
  if (s->ascii) return new_str(std::string_view(s->utf8).substr(static_cast<size_t>(b), static_cast<size_t>(e - b)));
  const std::u32string& cps = s->cps();
  return new_str_from_cps(std::u32string(cps.data() + b, static_cast<size_t>(e - b)));
}

Object* joined(const std::string& data, bool bytes) {
  if (bytes) return new_bytes(data);
  return new_str(data);
}

void append_slice(Object* string, ssize b, ssize e, std::string* out) {
  if (e <= b) return;
  if (!is_str(string)) {
    std::string_view data;
    if (bytes_like_view(string, &data) && e <= static_cast<ssize>(data.size()))
      out->append(data.substr(static_cast<size_t>(b), static_cast<size_t>(e - b)));
    return;
  }
  StrObject* s = as_str(string);
  if (s->ascii) {
    out->append(s->utf8, static_cast<size_t>(b), static_cast<size_t>(e - b));
    return;
  }
  const std::u32string& cps = s->cps();
  for (ssize i = b; i < e; ++i) append_utf8(*out, cps[i]);
}

std::string cut_repr(Object* o, size_t limit) {
  Ref<> r = Ref<>::steal(object_repr(o));
  if (!r) return {};
  StrObject* text = as_str(r.get());
  if (static_cast<size_t>(text->length) <= limit) return std::string(text->view());
  const std::u32string cps = text->ascii ? std::u32string(text->utf8.begin(), text->utf8.end()) : text->cps();
  std::string out;
  for (size_t i = 0; i < limit; ++i) append_utf8(out, cps[i]);
  return out;
}

void clamp_range(ssize length, int64_t* pos, int64_t* endpos) {
  if (*pos < 0) *pos = 0;
  else if (*pos > length) *pos = length;
  if (*endpos < 0) *endpos = 0;
  else if (*endpos > length) *endpos = length;
}

std::nullptr_t raise_error(const sre::Error& error, Object* text) {
  switch (error.kind) {
    case sre::Error::kOverflow: return overflow_error(error.msg);
    case sre::Error::kValue: return value_error(error.msg);
    case sre::Error::kIndex: return index_error(error.msg);
    case sre::Error::kRecursion: return set_error(&exc_RecursionError, error.msg);
    case sre::Error::kPattern: break;
  }
  Ref<> re = Ref<>::steal(obj(gopy_Import("re")));
  if (!re) return nullptr;
  Ref<> cls = Ref<>::steal(get_attr(re.get(), "error"));
  if (!cls) return nullptr;
  Ref<> msg = Ref<>::steal(new_str(error.msg));
  Ref<> pos = Ref<>::steal(error.pos >= 0 ? new_int(error.pos) : new_none());
  Object* args[] = {msg.get(), error.pos >= 0 ? text : None(), pos.get()};
  Ref<> exc = Ref<>::steal(call(cls.get(), args, 3));
  if (!exc) return nullptr;
  return raise_object(exc.get());
}

Object* new_match(Object* pattern, Object* string, ssize pos, ssize endpos, const sre::Captures& caps) {
  Object* m = new_instance(kMatchType);
  if (!m) return nullptr;
  MatchData* d = match_data(m);
  d->pattern = new_ref(pattern);
  d->string = new_ref(string);
  d->slots = new std::vector<ssize>(caps.slots);
  d->pos = pos;
  d->endpos = endpos;
  d->lastindex = caps.lastindex;
  return m;
}

bool template_of(Object* pattern, Object* repl, sre::Template* out) {
  PatternData* p = pattern_data(pattern);
  std::u32string cps;
  bool is_bytes = false;
  if (!text_of(repl, &cps, &is_bytes)) {
    // What re._compile_template meets first: its lru_cache hashing the replacement, then
    // the template tokenizer's str(repl, 'latin1') (CPython: Lib/re/_parser.py Tokenizer).
    if (object_hash(repl) == -1) return false;
    type_error(std::string("decoding to str: need a bytes-like object, ") + repl->type->name + " found");
    return false;
  }
  if (is_bytes != p->program->bytes) {
    type_error(p->program->bytes ? "sequence item 0: expected a bytes-like object, str found"
                                 : "sequence item 0: expected str instance, bytes found");
    return false;
  }
  sre::Error error;
  if (!sre::parse_template(cps, is_bytes, p->program->groups, p->program->group_names, out, &error)) {
    raise_error(error, repl);
    return false;
  }
  return true;
}

void expand_into(const sre::Template& t, MatchData* m, std::string* out) {
  for (size_t i = 0; i < t.groups.size(); ++i) {
    *out += t.literals[i];
    size_t g = static_cast<size_t>(t.groups[i]);
    ssize b = (*m->slots)[2 * g], e = (*m->slots)[2 * g + 1];
    if (b >= 0 && e >= 0) append_slice(m->string, b, e, out);
  }
  *out += t.literals.back();
}

}  // namespace gopy::sre_module

// The descriptor has the kernel's C++ identity: the objects are the kernel's own.
extern "C" GOPY_PLUGIN_EXPORT const gopy_plugin_descriptor* gopy_plugin_sre(void) {
  static const gopy_plugin_descriptor descriptor = {GOPY_ABI_MAJOR, GOPY_ABI_MINOR, GOPY_ABI_IDENTITY, "sre",
                                                    nullptr, nullptr};
  return &descriptor;
}
GOPY_MODULE_INIT(_sre, gopy::sre_module::kModule)
