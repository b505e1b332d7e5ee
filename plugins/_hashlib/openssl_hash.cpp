// _hashlib: hash objects over OpenSSL's libcrypto (EVP), pbkdf2_hmac and compare_digest
// (CPython: Modules/_hashopenssl.c). The objects are of the types HASH and HASHXOF (the
// SHAKE digests, whose digest takes a length).
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <cstring>
#include <vector>

#include "gopy/object_containers.hpp"
#include "gopy/object_num.hpp"
#include "hash_common.hpp"
#include "native/native_type.hpp"
#include "openssl_hash.hpp"

namespace gopy_hash {

using namespace gopy;

namespace {

struct Names {
  const char* py;
  const char* openssl;
};
// CPython: _hashopenssl.c py_hashes: the Python names and the EVP ones.
const Names kNames[] = {
    {"md5", "MD5"},           {"sha1", "SHA1"},         {"sha224", "SHA224"},
    {"sha256", "SHA256"},     {"sha384", "SHA384"},     {"sha512", "SHA512"},
    {"sha512_224", "SHA512-224"}, {"sha512_256", "SHA512-256"},
    {"sha3_224", "SHA3-224"}, {"sha3_256", "SHA3-256"}, {"sha3_384", "SHA3-384"},
    {"sha3_512", "SHA3-512"}, {"shake_128", "SHAKE128"}, {"shake_256", "SHAKE256"},
    {"blake2b", "BLAKE2B512"}, {"blake2s", "BLAKE2S256"}, {"md5-sha1", "MD5-SHA1"},
    {"sm3", "SM3"},           {"ripemd160", "RIPEMD160"},
};

TypeObject* hash_type = nullptr;  // HASH and HASHXOF, borrowed from the module
TypeObject* xof_type = nullptr;

struct HashObject : Object {
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  std::string name;  // the Python name ("sha256")
  explicit HashObject(TypeObject* t) : Object(t) {}
  ~HashObject() override { EVP_MD_CTX_free(ctx); }
};

HashObject* self_of(Object* const* a) { return static_cast<HashObject*>(a[0]); }

std::string py_name_of(const EVP_MD* md) {
  int nid = EVP_MD_get_type(md);
  for (const Names& n : kNames) {
    const EVP_MD* known = EVP_get_digestbyname(n.openssl);
    if (known && EVP_MD_get_type(known) == nid) return n.py;
  }
  std::string name = OBJ_nid2sn(nid);
  for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
  return name;
}

bool is_xof(const EVP_MD* md) { return (EVP_MD_get_flags(md) & EVP_MD_FLAG_XOF) != 0; }

Object* h_update(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "update", kw, n - 1, 1, 1)) return nullptr;
  std::string_view data;
  if (!data_of(a[1], &data)) return nullptr;
  if (!EVP_DigestUpdate(self_of(a)->ctx, data.data(), data.size())) return value_error("digest update failed");
  return new_none();
}

// The digest so far, from a copy of the context (the object can still be updated).
bool final_digest(HashObject* h, size_t xof_length, std::vector<unsigned char>* out) {
  EVP_MD_CTX* copy = EVP_MD_CTX_new();
  bool ok = copy && EVP_MD_CTX_copy_ex(copy, h->ctx);
  if (ok && h->type == xof_type) {
    out->resize(xof_length);
    ok = xof_length == 0 || EVP_DigestFinalXOF(copy, out->data(), xof_length);
  } else if (ok) {
    unsigned int size = 0;
    out->resize(EVP_MAX_MD_SIZE);
    ok = EVP_DigestFinal_ex(copy, out->data(), &size);
    out->resize(size);
  }
  EVP_MD_CTX_free(copy);
  if (!ok) value_error("digest computation failed");
  return ok;
}

// The length argument of a HASHXOF's digest(length) / hexdigest(length).
bool xof_length(const char* fname, Object* const* a, size_t n, TupleObject* kw, size_t* length) {
  Object* given = n > 1 ? a[1] : nullptr;
  size_t nkw = kw ? kw->items.size() : 0;
  if (nkw) {
    if (nkw != 1 || as_str(kw->items[0])->view() != "length" || n > 1)
      return type_error(std::string(fname) + "() got an unexpected keyword argument '" +
                        as_str(kw->items[0])->utf8 + "'"),
             false;
    given = a[n];
  }
  if (!given || n > 2)
    return type_error(std::string(fname) + "() missing required argument 'length' (pos 1)"), false;
  ssize value;
  if (!index_as_ssize(given, &value)) return false;
  // What CPython's buffers make of a negative length (EVPXOF_digest_impl's
  // PyBytes_FromStringAndSize, EVPXOF_hexdigest_impl's PyMem_Malloc).
  if (value < 0) {
    if (std::string_view(fname) == "digest")
      set_error(&exc_SystemError, "Negative size passed to PyBytes_FromStringAndSize");
    else
      set_error(&exc_MemoryError, "");
    return false;
  }
  *length = size_t(value);
  return true;
}

Object* digest_result(Object* const* a, size_t n, TupleObject* kw, const char* fname, bool hex) {
  HashObject* h = self_of(a);
  size_t length = 0;
  if (h->type == xof_type) {
    if (!xof_length(fname, a, n, kw, &length)) return nullptr;
  } else if (!check_method_args(a[0], fname, kw, n - 1, 0, 0)) {
    return nullptr;
  }
  std::vector<unsigned char> out;
  if (!final_digest(h, length, &out)) return nullptr;
  if (hex) return new_str(hex_of(out.data(), out.size()));
  return new_bytes(std::string_view(reinterpret_cast<const char*>(out.data()), out.size()));
}

Object* h_digest(Object*, Object* const* a, size_t n, TupleObject* kw) { return digest_result(a, n, kw, "digest", false); }
Object* h_hexdigest(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return digest_result(a, n, kw, "hexdigest", true);
}

Object* h_copy(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_method_args(a[0], "copy", kw, n - 1, 0, 0)) return nullptr;
  HashObject* h = self_of(a);
  Ref<HashObject> copy = Ref<HashObject>::steal(make<HashObject>(h->type));
  copy->name = h->name;
  if (!copy->ctx || !EVP_MD_CTX_copy_ex(copy->ctx, h->ctx)) return value_error("digest copy failed");
  return copy.release();
}

Object* h_getattr(Object* o, StrObject* attr) {
  auto* h = static_cast<HashObject*>(o);
  std::string_view name = attr->view();
  const EVP_MD* md = EVP_MD_CTX_get0_md(h->ctx);
  if (name == "name") return new_str(h->name);
  if (name == "digest_size") return new_int(h->type == xof_type ? 0 : EVP_MD_get_size(md));
  if (name == "block_size") return new_int(EVP_MD_get_block_size(md));
  return generic_getattr(o, attr);
}

// CPython: EVP_repr: "<sha256 _hashlib.HASH object @ 0x...>".
Object* h_repr(Object* o) {
  char address[32];
  std::snprintf(address, sizeof address, "%p", static_cast<void*>(o));
  return new_str("<" + static_cast<HashObject*>(o)->name + " _hashlib." + o->type->name + " object @ " + address + ">");
}

}  // namespace

const EVP_MD* digest_by_name(std::string_view name) {
  ERR_clear_error();
  for (const Names& n : kNames)
    if (name == n.py) return EVP_get_digestbyname(n.openssl);
  std::string text(name);
  if (const EVP_MD* md = EVP_get_digestbyname(text.c_str())) return md;
  // Unknown here: OpenSSL's fetch leaves the reason in its error queue.
  EVP_MD_free(EVP_MD_fetch(nullptr, text.c_str(), nullptr));
  return nullptr;
}

TypeObject* unsupported_error = nullptr;  // _hashlib.UnsupportedDigestmodError, borrowed

// CPython: raise_ssl_error: OpenSSL's reason when its error queue has one
// ("[digital envelope routines] unsupported"), else the message of its own.
std::nullptr_t unsupported_hash(std::string_view name) {
  TypeObject* type = unsupported_error ? unsupported_error : &exc_ValueError;
  unsigned long code = ERR_peek_last_error();
  ERR_clear_error();
  const char* lib = code ? ERR_lib_error_string(code) : nullptr;
  const char* reason = code ? ERR_reason_error_string(code) : nullptr;
  if (lib && reason) return set_error(type, "[" + std::string(lib) + "] " + reason);
  if (reason) return set_error(type, reason);
  return set_error(type, "unsupported hash type " + std::string(name));
}

Object* new_hash(const EVP_MD* md, Object* data) {
  Ref<HashObject> h = Ref<HashObject>::steal(make<HashObject>(is_xof(md) ? xof_type : hash_type));
  h->name = py_name_of(md);
  if (!h->ctx || !EVP_DigestInit_ex(h->ctx, md, nullptr)) return value_error("digest initialization failed");
  if (data) {
    std::string_view view;
    if (!data_of(data, &view)) return nullptr;
    if (!EVP_DigestUpdate(h->ctx, view.data(), view.size())) return value_error("digest update failed");
  }
  return h.release();
}

// HASH, and HASHXOF deriving from it (CPython: EVPtype_spec, EVPXOFtype_spec).
int add_hash_types(ModuleObject* module) {
  const char* names[2] = {"HASH", "HASHXOF"};
  TypeObject* base = &object_type;
  for (int i = 0; i < 2; ++i) {
    native::NativeType* t = native::make_type(
        "_hashlib", names[i], nullptr,
        {{"update", h_update}, {"digest", h_digest}, {"hexdigest", h_hexdigest}, {"copy", h_copy}}, false, base);
    t->tp_getattr = h_getattr;
    t->tp_repr = h_repr;
    int r = dict_set_str(module->dict, names[i], t);
    decref(t);  // the module holds it
    if (r < 0) return -1;
    (i == 0 ? hash_type : xof_type) = t;
    base = t;
  }
  return 0;
}

Object* md_meth_names() {
  Ref<SetObject> names = Ref<SetObject>::steal(new_set(&frozenset_type));
  for (const Names& n : kNames) {
    if (!EVP_get_digestbyname(n.openssl)) continue;
    Ref<> name = Ref<>::steal(new_str(n.py));
    if (set_add(names.get(), name.get()) < 0) return nullptr;
  }
  return names.release();
}

Object* pbkdf2(std::string_view hash_name, Object* password, Object* salt, Object* iterations, Object* dklen) {
  const EVP_MD* md = digest_by_name(hash_name);
  if (!md) return unsupported_hash(hash_name);
  std::string_view pass, salt_bytes;
  if (!bytes_like_view(password, &pass))
    return type_error(std::string("a bytes-like object is required, not '") + type_name(password) + "'");
  if (!bytes_like_view(salt, &salt_bytes))
    return type_error(std::string("a bytes-like object is required, not '") + type_name(salt) + "'");
  int64_t rounds;
  if (!is_int(iterations)) return type_error(std::string("'") + type_name(iterations) + "' object cannot be interpreted as an integer");
  if (!int_to_int64(iterations, &rounds) || rounds > INT32_MAX)
    return set_error(&exc_OverflowError, "iteration value is too great.");
  if (rounds < 1) return value_error("iteration value must be greater than 0.");
  int64_t length = EVP_MD_get_size(md);
  if (dklen != None()) {
    if (!is_int(dklen)) return type_error(std::string("'") + type_name(dklen) + "' object cannot be interpreted as an integer");
    if (!int_to_int64(dklen, &length) || length > INT32_MAX) return set_error(&exc_OverflowError, "key length is too great.");
    if (length < 1) return value_error("key length must be greater than 0.");
  }
  std::string key(size_t(length), '\0');
  if (!PKCS5_PBKDF2_HMAC(pass.data(), int(pass.size()), reinterpret_cast<const unsigned char*>(salt_bytes.data()),
                         int(salt_bytes.size()), int(rounds), md, int(length), reinterpret_cast<unsigned char*>(key.data())))
    return value_error("pbkdf2_hmac failed");
  return new_bytes(key);
}

namespace {

// A clinic unsigned_long argument (CPython 3.14: _PyLong_UnsignedLong_Converter over
// PyLong_AsNativeBytes).
bool unsigned_long_arg(Object* v, uint64_t* out) {
  if (!is_int(v)) {
    type_error(std::string("'") + type_name(v) + "' object cannot be interpreted as an integer");
    return false;
  }
  if (int_sign(v) < 0) {
    value_error("Cannot convert negative int");
    return false;
  }
  int64_t small;
  if (int_to_int64(v, &small)) {
    *out = uint64_t(small);
    return true;
  }
  std::string hex = int_to_base_string(v, 16, false);
  if (hex.size() > 16) {
    set_error(&exc_OverflowError, "Python int too large for C unsigned long");
    return false;
  }
  *out = std::stoull(hex, nullptr, 16);
  return true;
}

bool long_arg(Object* v, int64_t* out) {
  if (!is_int(v)) {
    type_error(std::string("'") + type_name(v) + "' object cannot be interpreted as an integer");
    return false;
  }
  if (!int_to_int64(v, out)) {
    set_error(&exc_OverflowError, "Python int too large to convert to C long");
    return false;
  }
  return true;
}

// CPython: raise_ssl_error: "[library] reason" from OpenSSL's queue, else `fallback`.
std::nullptr_t ssl_value_error(const char* fallback) {
  unsigned long code = ERR_peek_last_error();
  if (!code) return value_error(fallback);
  ERR_clear_error();
  const char* lib = ERR_lib_error_string(code);
  const char* reason = ERR_reason_error_string(code);
  if (lib && reason) return value_error("[" + std::string(lib) + "] " + reason);
  return value_error(reason ? reason : fallback);
}

}  // namespace

// CPython: Modules/_hashopenssl.c _hashlib_scrypt_impl
Object* scrypt(Object* password, Object* salt, Object* n_obj, Object* r_obj, Object* p_obj, Object* maxmem_obj,
               Object* dklen_obj) {
  std::string_view pass, salt_bytes;
  if (!bytes_like_view(password, &pass))
    return type_error(std::string("a bytes-like object is required, not '") + type_name(password) + "'");
  if (!bytes_like_view(salt, &salt_bytes))
    return type_error(std::string("a bytes-like object is required, not '") + type_name(salt) + "'");
  uint64_t n, r, p;
  int64_t maxmem, dklen;
  if (!unsigned_long_arg(n_obj, &n) || !unsigned_long_arg(r_obj, &r) || !unsigned_long_arg(p_obj, &p) ||
      !long_arg(maxmem_obj, &maxmem) || !long_arg(dklen_obj, &dklen))
    return nullptr;
  if (pass.size() > INT32_MAX) return set_error(&exc_OverflowError, "password is too long.");
  if (salt_bytes.size() > INT32_MAX) return set_error(&exc_OverflowError, "salt is too long.");
  if (n < 2 || (n & (n - 1))) return value_error("n must be a power of 2.");
  if (maxmem < 0 || maxmem > INT32_MAX)
    return value_error("maxmem must be positive and smaller than " + std::to_string(INT32_MAX));
  if (dklen < 1 || dklen > INT32_MAX)
    return value_error("dklen must be greater than 0 and smaller than " + std::to_string(INT32_MAX));
  // OpenSSL validates the rest
  if (!EVP_PBE_scrypt(nullptr, 0, nullptr, 0, n, r, p, uint64_t(maxmem), nullptr, 0))
    return ssl_value_error("Invalid parameter combination for n, r, p, maxmem.");
  std::string key(size_t(dklen), '\0');
  if (!EVP_PBE_scrypt(pass.data(), pass.size(), reinterpret_cast<const unsigned char*>(salt_bytes.data()),
                      salt_bytes.size(), n, r, p, uint64_t(maxmem), reinterpret_cast<unsigned char*>(key.data()),
                      key.size()))
    return ssl_value_error("scrypt failed");
  return new_bytes(key);
}

// CPython: _hashlib_compare_digest_impl (the time taken does not depend on where the
// operands differ).
Object* compare_digest(Object* a, Object* b) {
  std::string_view x, y;
  if (is_str(a) && is_str(b)) {
    if (!as_str(a)->ascii || !as_str(b)->ascii)
      return type_error("comparing strings with non-ASCII characters is not supported");
    x = as_str(a)->view();
    y = as_str(b)->view();
  } else {
    bool xa = bytes_like_view(a, &x), yb = bytes_like_view(b, &y);
    if (!xa && !yb)
      return type_error(std::string("unsupported operand types(s) or combination of types: '") + type_name(a) + "' and '" +
                        type_name(b) + "'");
    if (!xa || !yb) return type_error(std::string("a bytes-like object is required, not '") + type_name(xa ? b : a) + "'");
  }
  bool equal = x.size() == y.size() && CRYPTO_memcmp(x.data(), y.data(), x.size()) == 0;
  return new_bool(equal);
}

}  // namespace gopy_hash
