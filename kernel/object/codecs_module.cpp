// The codecs module: lookup() and CodecInfo, encode/decode, the error handler registry
// and incremental encoders/decoders (CPython: Lib/codecs.py over Modules/_codecsmodule.c
// and Python/codecs.c). Created on its first import, so start-up never pays for it.
#include <memory>

#include "gopy/builtin_modules.hpp"
#include "gopy/codecs.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/args.hpp"
#include "object/codec_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

TypeObject codec_info_type, incremental_encoder_type, incremental_decoder_type;

namespace {

using codec::Entry;

struct CodecInfoObject : Object {
  const Entry* entry;
  explicit CodecInfoObject(const Entry* e) : Object(&codec_info_type), entry(e) {}
};

struct IncrementalEncoderObject : Object {
  codec::EncodeState state;
  std::string errors;
  IncrementalEncoderObject(const Entry* e, std::string err)
      : Object(&incremental_encoder_type), state(e), errors(std::move(err)) {}
};

struct IncrementalDecoderObject : Object {
  std::unique_ptr<codec::DecodeState> state;
  std::string errors;
  std::string pending;  // bytes of a character not yet complete
  IncrementalDecoderObject(const Entry* e, std::string err)
      : Object(&incremental_decoder_type), state(std::make_unique<codec::DecodeState>(e)), errors(std::move(err)) {}
};

const Entry* lookup_entry(Object* encoding) {
  if (!is_str(encoding)) {
    type_error(cat("lookup() argument must be str, not ", encoding->type->name));
    return nullptr;
  }
  const Entry* e = codec::find(as_str(encoding)->view());
  if (!e) set_error(&exc_LookupError, cat("unknown encoding: ", as_str(encoding)->view()));
  return e;
}

bool str_arg(const char* fname, const char* what, Object* o, std::string_view fallback, std::string_view* out) {
  if (!o) {
    *out = fallback;
    return true;
  }
  if (!is_str(o)) {
    type_error(cat(fname, "() argument '", what, "' must be str, not ", o->type->name));
    return false;
  }
  *out = as_str(o)->view();
  return true;
}

// obj encoded or decoded by the named codec (codecs.encode/decode, CodecInfo.encode/decode).
Object* run_codec(const Entry* e, Object* obj, std::string_view errors, bool encoding) {
  if (encoding) {
    if (!is_str(obj)) return type_error(cat("utf_8_encode() argument 1 must be str, not ", obj->type->name));
    return codec_encode(as_str(obj), e->module, errors);
  }
  std::string_view data;
  if (!bytes_like_view(obj, &data))
    return type_error(cat("a bytes-like object is required, not '", obj->type->name, "'"));
  std::string copy(data);
  return codec_decode(copy, e->module, errors);
}

Object* m_encode_or_decode(Object* const* a, size_t n, TupleObject* kw, bool encoding) {
  const char* fname = encoding ? "encode" : "decode";
  Object* args[3];
  if (!bind_args(fname, a, n, kw, {"obj", "encoding", "errors"}, 1, args)) return nullptr;
  std::string_view enc, errors;
  if (!str_arg(fname, "encoding", args[1], "utf-8", &enc) || !str_arg(fname, "errors", args[2], "strict", &errors))
    return nullptr;
  const Entry* e = codec::find(enc);
  if (!e) return set_error(&exc_LookupError, cat("unknown encoding: ", enc));
  return run_codec(e, args[0], errors, encoding);
}

Object* f_encode(Object*, Object* const* a, size_t n, TupleObject* kw) { return m_encode_or_decode(a, n, kw, true); }
Object* f_decode(Object*, Object* const* a, size_t n, TupleObject* kw) { return m_encode_or_decode(a, n, kw, false); }

Object* f_lookup(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("lookup", kw) || !check_nargs("lookup", n, 1, 1)) return nullptr;
  const Entry* e = lookup_entry(a[0]);
  if (!e) return nullptr;
  return make<CodecInfoObject>(e);
}

Object* f_register_error(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("register_error", kw) || !check_nargs("register_error", n, 2, 2)) return nullptr;
  if (!is_str(a[0])) return type_error(cat("register_error() argument 1 must be str, not ", a[0]->type->name));
  if (!codec::register_error(as_str(a[0])->view(), a[1])) return nullptr;
  return new_none();
}

Object* f_lookup_error(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("lookup_error", kw) || !check_nargs("lookup_error", n, 1, 1)) return nullptr;
  if (!is_str(a[0])) return type_error(cat("lookup_error() argument must be str, not ", a[0]->type->name));
  return codec::lookup_error(as_str(a[0])->view());
}

// ---- CodecInfo ----

// CodecInfo.encode(input, errors='strict') -> (output, length consumed). The functions
// below are bound to their CodecInfo, which comes first in a.
Object* info_call(Object* const* a, size_t n, TupleObject* kw, bool encoding) {
  const char* fname = encoding ? "encode" : "decode";
  Object* args[2];
  if (!bind_args(fname, a + 1, n - 1, kw, {"input", "errors"}, 1, args)) return nullptr;
  std::string_view errors;
  if (!str_arg(fname, "errors", args[1], "strict", &errors)) return nullptr;
  const Entry* e = static_cast<CodecInfoObject*>(a[0])->entry;
  Object* out = run_codec(e, args[0], errors, encoding);
  if (!out) return nullptr;
  ssize length = object_length(args[0]);
  return new_tuple_steal({out, new_int(length)});
}
Object* info_encode(Object*, Object* const* a, size_t n, TupleObject* kw) { return info_call(a, n, kw, true); }
Object* info_decode(Object*, Object* const* a, size_t n, TupleObject* kw) { return info_call(a, n, kw, false); }

Object* new_incremental(Object* const* a, size_t n, TupleObject* kw, bool encoding) {
  const Entry* e = static_cast<CodecInfoObject*>(a[0])->entry;
  Object* args[1];
  if (!bind_args(encoding ? "IncrementalEncoder" : "IncrementalDecoder", a + 1, n - 1, kw, {"errors"}, 0, args))
    return nullptr;
  std::string_view errors;
  if (!str_arg("IncrementalEncoder", "errors", args[0], "strict", &errors)) return nullptr;
  if (encoding) return make<IncrementalEncoderObject>(e, std::string(errors));
  return make<IncrementalDecoderObject>(e, std::string(errors));
}
Object* info_incremental_encoder(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return new_incremental(a, n, kw, true);
}
Object* info_incremental_decoder(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return new_incremental(a, n, kw, false);
}

Object* info_getattr(Object* o, StrObject* name) {
  auto* info = static_cast<CodecInfoObject*>(o);
  std::string_view attr = name->view();
  if (attr == "name") return new_str(info->entry->name);
  if (attr == "encode") return new_builtin_function("encode", info_encode, o);
  if (attr == "decode") return new_builtin_function("decode", info_decode, o);
  if (attr == "incrementalencoder") return new_builtin_function("IncrementalEncoder", info_incremental_encoder, o);
  if (attr == "incrementaldecoder") return new_builtin_function("IncrementalDecoder", info_incremental_decoder, o);
  if (attr == "_is_text_encoding") return new_bool(true);
  return generic_getattr(o, name);
}

Object* info_repr(Object* o) {
  char addr[32];
  std::snprintf(addr, sizeof addr, "%p", static_cast<void*>(o));
  return new_str(cat("<codecs.CodecInfo object for encoding ", static_cast<CodecInfoObject*>(o)->entry->name, " at ",
                     addr, ">"));
}

Object* get_incremental(Object* const* a, size_t n, TupleObject* kw, const char* fname, BuiltinFn factory) {
  if (!check_no_kwargs(fname, kw) || !check_nargs(fname, n, 1, 1)) return nullptr;
  const Entry* e = lookup_entry(a[0]);
  if (!e) return nullptr;
  Object* info = make<CodecInfoObject>(e);
  Object* f = new_builtin_function(factory == info_incremental_encoder ? "IncrementalEncoder" : "IncrementalDecoder",
                                   factory, info);
  decref(info);
  return f;
}
Object* f_getincrementalencoder(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return get_incremental(a, n, kw, "getincrementalencoder", info_incremental_encoder);
}
Object* f_getincrementaldecoder(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return get_incremental(a, n, kw, "getincrementaldecoder", info_incremental_decoder);
}

Object* get_coder(Object* const* a, size_t n, TupleObject* kw, const char* fname, bool encoding) {
  if (!check_no_kwargs(fname, kw) || !check_nargs(fname, n, 1, 1)) return nullptr;
  const Entry* e = lookup_entry(a[0]);
  if (!e) return nullptr;
  Object* info = make<CodecInfoObject>(e);
  Object* f = new_builtin_function(encoding ? "encode" : "decode", encoding ? info_encode : info_decode, info);
  decref(info);
  return f;
}
Object* f_getencoder(Object*, Object* const* a, size_t n, TupleObject* kw) { return get_coder(a, n, kw, "getencoder", true); }
Object* f_getdecoder(Object*, Object* const* a, size_t n, TupleObject* kw) { return get_coder(a, n, kw, "getdecoder", false); }

// ---- incremental encoder and decoder ----

bool final_arg(const char* fname, Object* const* a, size_t n, TupleObject* kw, Object** input, bool* final) {
  Object* args[2];
  if (!bind_args(fname, a + 1, n - 1, kw, {"input", "final"}, 1, args)) return false;
  *input = args[0];
  int f = args[1] ? object_is_true(args[1]) : 0;
  if (f < 0) return false;
  *final = f != 0;
  return true;
}

Object* enc_encode(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* input;
  bool final;
  if (!final_arg("encode", a, n, kw, &input, &final)) return nullptr;
  if (!is_str(input)) return type_error(cat("encode() argument 'input' must be str, not ", input->type->name));
  auto* self = static_cast<IncrementalEncoderObject*>(a[0]);
  std::string out;
  if (!codec::encode(self->state, input, as_str(input)->cps(), self->errors, final, &out)) return nullptr;
  return new_bytes(out);
}

Object* enc_reset(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("reset", kw) || !check_nargs("reset", n - 1, 0, 0)) return nullptr;
  static_cast<IncrementalEncoderObject*>(a[0])->state.started = false;
  return new_none();
}

Object* dec_decode(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* input;
  bool final;
  if (!final_arg("decode", a, n, kw, &input, &final)) return nullptr;
  std::string_view data;
  if (!bytes_like_view(input, &data))
    return type_error(cat("a bytes-like object is required, not '", input->type->name, "'"));
  auto* self = static_cast<IncrementalDecoderObject*>(a[0]);
  std::string buffer = self->pending;
  buffer.append(data);
  std::u32string out;
  size_t consumed = 0;
  if (!codec::decode(*self->state, buffer, self->errors, final, &out, &consumed)) return nullptr;
  self->pending = buffer.substr(consumed);
  return new_str_from_cps(out);
}

Object* dec_reset(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("reset", kw) || !check_nargs("reset", n - 1, 0, 0)) return nullptr;
  auto* self = static_cast<IncrementalDecoderObject*>(a[0]);
  self->pending.clear();
  self->state = std::make_unique<codec::DecodeState>(self->state->entry);
  return new_none();
}

Object* dec_getstate(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("getstate", kw) || !check_nargs("getstate", n - 1, 0, 0)) return nullptr;
  auto* self = static_cast<IncrementalDecoderObject*>(a[0]);
  return new_tuple_steal({new_bytes(self->pending), new_int(0)});
}

Object* coder_getattr(Object* o, StrObject* name) {
  if (name->view() == "errors") {
    if (o->type == &incremental_encoder_type) return new_str(static_cast<IncrementalEncoderObject*>(o)->errors);
    return new_str(static_cast<IncrementalDecoderObject*>(o)->errors);
  }
  return generic_getattr(o, name);
}

void init_encoder_methods() {
  add_method(&incremental_encoder_type, "encode", enc_encode);
  add_method(&incremental_encoder_type, "reset", enc_reset);
}

void init_decoder_methods() {
  add_method(&incremental_decoder_type, "decode", dec_decode);
  add_method(&incremental_decoder_type, "reset", dec_reset);
  add_method(&incremental_decoder_type, "getstate", dec_getstate);
}

}  // namespace

ModuleObject* create_codecs_module() {
  ModuleObject* m = new_module("codecs");
  const ModuleFunction fns[] = {{"lookup", f_lookup},
             {"encode", f_encode},
             {"decode", f_decode},
             {"register_error", f_register_error},
             {"lookup_error", f_lookup_error},
             {"getencoder", f_getencoder},
             {"getdecoder", f_getdecoder},
             {"getincrementalencoder", f_getincrementalencoder},
             {"getincrementaldecoder", f_getincrementaldecoder}};
  (void)add_module_functions(m, fns);
  for (const char* handler : {"strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
                              "namereplace"}) {
    Object* fn = codec::lookup_error(handler);
    if (fn) {
      dict_set_str(m->dict, cat(handler, "_errors"), fn);
      decref(fn);
    }
  }
  const struct {
    const char* name;
    std::string_view bytes;
  } boms[] = {{"BOM_UTF8", {"\xEF\xBB\xBF", 3}},     {"BOM_UTF16_LE", {"\xFF\xFE", 2}},
              {"BOM_UTF16_BE", {"\xFE\xFF", 2}},     {"BOM_UTF32_LE", {"\xFF\xFE\0\0", 4}},
              {"BOM_UTF32_BE", {"\0\0\xFE\xFF", 4}}, {"BOM_LE", {"\xFF\xFE", 2}},
              {"BOM_BE", {"\xFE\xFF", 2}},           {"BOM", {"\xFF\xFE", 2}},
              {"BOM_UTF16", {"\xFF\xFE", 2}},        {"BOM_UTF32", {"\xFF\xFE\0\0", 4}}};
  for (const auto& b : boms) {
    Object* v = new_bytes(b.bytes);
    dict_set_str(m->dict, b.name, v);
    decref(v);
  }
  dict_set_str(m->dict, "CodecInfo", &codec_info_type);
  return m;
}

void init_codecs_types() {
  make_static_type(&codec_info_type, &type_type, "CodecInfo", &object_type, 0);
  codec_info_type.module = "codecs";
  codec_info_type.tp_getattr = info_getattr;
  codec_info_type.tp_repr = info_repr;
  make_static_type(&incremental_encoder_type, &type_type, "IncrementalEncoder", &object_type, 0);
  incremental_encoder_type.module = "codecs";
  incremental_encoder_type.tp_getattr = coder_getattr;
  incremental_encoder_type.lazy_methods = init_encoder_methods;
  make_static_type(&incremental_decoder_type, &type_type, "IncrementalDecoder", &object_type, 0);
  incremental_decoder_type.module = "codecs";
  incremental_decoder_type.tp_getattr = coder_getattr;
  incremental_decoder_type.lazy_methods = init_decoder_methods;
}

}  // namespace gopy
