// The modules of the hash plugin: _hashlib (OpenSSL's digests, CPython:
// Modules/_hashopenssl.c) and _blake2 (CPython: Modules/blake2module.c). Functions are
// declared through the module API, which binds their arguments; their bodies use the
// kernel's C++ objects.
#include "blake2_type.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/plugin.hpp"
#include "hash_common.hpp"
#include "openssl_hash.hpp"

namespace gopy_hash {
namespace {

using namespace gopy;

Object* make_named(std::string_view name, Object* data, Object* string) {
  const EVP_MD* md = digest_by_name(name);
  if (!md) return unsupported_hash(name);
  Object* input = nullptr;
  if (!data_argument(data, string, &input)) return nullptr;
  return guarded([&] { return new_hash(md, input); });
}

// new(name, data=None, *, usedforsecurity=True, string=None)
gopy_Object* f_new(gopy_Object*, gopy_Object* const* args) {
  Object* name = obj(args[0]);
  if (!is_str(name)) return handle(type_error(std::string("new() argument 'name' must be str, not ") + type_name(name)));
  return handle(make_named(as_str(name)->view(), obj(args[1]), obj(args[3])));
}

// openssl_<name>(data=None, *, usedforsecurity=True, string=None), one per guaranteed name.
constexpr const char* kConstructors[] = {"md5",      "sha1",     "sha224",   "sha256",    "sha384",
                                         "sha512",   "sha3_224", "sha3_256", "sha3_384",  "sha3_512",
                                         "shake_128", "shake_256", "sha512_224", "sha512_256"};
template <size_t I>
gopy_Object* f_openssl(gopy_Object*, gopy_Object* const* args) {
  return handle(make_named(kConstructors[I], obj(args[0]), obj(args[2])));
}

gopy_Object* f_pbkdf2_hmac(gopy_Object*, gopy_Object* const* args) {
  Object* name = obj(args[0]);
  if (!is_str(name))
    return handle(type_error(std::string("pbkdf2_hmac() argument 'hash_name' must be str, not ") + type_name(name)));
  return handle(guarded([&] { return pbkdf2(as_str(name)->view(), obj(args[1]), obj(args[2]), obj(args[3]), obj(args[4])); }));
}

gopy_Object* f_scrypt(gopy_Object*, gopy_Object* const* args) {
  return handle(guarded([&] {
    return scrypt(obj(args[0]), obj(args[1]), obj(args[2]), obj(args[3]), obj(args[4]), obj(args[5]), obj(args[6]));
  }));
}

gopy_Object* f_compare_digest(gopy_Object*, gopy_Object* const* args) {
  return handle(compare_digest(obj(args[0]), obj(args[1])));
}

#define GOPY_OPENSSL_DEF(I, NAME) \
  {"openssl_" NAME, f_openssl<I>, "data=None, *, usedforsecurity=True, string=None", nullptr}
const gopy_FunctionDef kHashlibFunctions[] = {
    {"new", f_new, "name, data=None, *, usedforsecurity=True, string=None", nullptr},
    GOPY_OPENSSL_DEF(0, "md5"),
    GOPY_OPENSSL_DEF(1, "sha1"),
    GOPY_OPENSSL_DEF(2, "sha224"),
    GOPY_OPENSSL_DEF(3, "sha256"),
    GOPY_OPENSSL_DEF(4, "sha384"),
    GOPY_OPENSSL_DEF(5, "sha512"),
    GOPY_OPENSSL_DEF(6, "sha3_224"),
    GOPY_OPENSSL_DEF(7, "sha3_256"),
    GOPY_OPENSSL_DEF(8, "sha3_384"),
    GOPY_OPENSSL_DEF(9, "sha3_512"),
    GOPY_OPENSSL_DEF(10, "shake_128"),
    GOPY_OPENSSL_DEF(11, "shake_256"),
    GOPY_OPENSSL_DEF(12, "sha512_224"),
    GOPY_OPENSSL_DEF(13, "sha512_256"),
    {"pbkdf2_hmac", f_pbkdf2_hmac, "hash_name, password, salt, iterations, dklen=None", nullptr},
    {"scrypt", f_scrypt, "password, *, salt, n, r, p, maxmem=0, dklen=64",
     "scrypt password-based key derivation function."},
    {"compare_digest", f_compare_digest, "a, b, /", "Return 'a == b'."},
    {nullptr, nullptr, nullptr, nullptr},
};
#undef GOPY_OPENSSL_DEF

const gopy_ExceptionDef kHashlibExceptions[] = {
    {"UnsupportedDigestmodError", "ValueError", nullptr},
    {nullptr, nullptr, nullptr},
};

int exec_hashlib(gopy_plugin_context*, gopy_Object* m) {
  auto* module = reinterpret_cast<ModuleObject*>(m);
  return guarded([&]() -> int {
    if (add_hash_types(module) < 0) return -1;
    unsupported_error = static_cast<TypeObject*>(dict_get_str(module->dict, "UnsupportedDigestmodError"));
    Ref<> names = Ref<>::steal(md_meth_names());
    if (!names || dict_set_str(module->dict, "openssl_md_meth_names", names.get()) < 0) return -1;
    return 0;
  });
}

int exec_blake2(gopy_plugin_context*, gopy_Object* m) {
  return guarded([&] { return add_blake2_types(reinterpret_cast<ModuleObject*>(m)); });
}

const gopy_ModuleDef kHashlib = {
    GOPY_MODULE_API_VERSION, "_hashlib", "OpenSSL interface for hashlib module", kHashlibFunctions, nullptr, nullptr,
    kHashlibExceptions,      exec_hashlib,
};

const gopy_ModuleDef kBlake2 = {
    GOPY_MODULE_API_VERSION, "_blake2", "_blake2b provides BLAKE2b for hashlib\n", nullptr, nullptr, nullptr, nullptr,
    exec_blake2,
};

gopy::Status attach(gopy_plugin_context&) { return gopy::Status::ok(); }
gopy::Status detach(gopy_plugin_context&) {
  unsupported_error = nullptr;
  return gopy::Status::ok();
}

}  // namespace
}  // namespace gopy_hash

GOPY_PLUGIN(gopy_plugin__hashlib, "_hashlib", gopy_hash::attach, gopy_hash::detach)
GOPY_MODULE_INIT(_hashlib, gopy_hash::kHashlib)
GOPY_MODULE_INIT(_blake2, gopy_hash::kBlake2)
