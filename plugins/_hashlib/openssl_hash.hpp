// The OpenSSL side of _hashlib (openssl_hash.cpp), for the module's definition.
#pragma once

#include <openssl/evp.h>

#include <string_view>

#include "gopy/object.hpp"
#include "gopy/object_func.hpp"

namespace gopy_hash {

// The digest of a Python name ("sha3_256") or an OpenSSL one ("SHA256"), or null.
const EVP_MD* digest_by_name(std::string_view name);
// UnsupportedDigestmodError (set by the module's exec hook) with OpenSSL's reason.
extern gopy::TypeObject* unsupported_error;
std::nullptr_t unsupported_hash(std::string_view name);
// A new HASH or HASHXOF object over `md`, fed `data` when it is not null.
gopy::Object* new_hash(const EVP_MD* md, gopy::Object* data);
// Makes the HASH and HASHXOF types in the module.
int add_hash_types(gopy::ModuleObject* module);
// openssl_md_meth_names: the frozenset of names new() accepts.
gopy::Object* md_meth_names();
gopy::Object* pbkdf2(std::string_view hash_name, gopy::Object* password, gopy::Object* salt, gopy::Object* iterations,
                     gopy::Object* dklen);
gopy::Object* scrypt(gopy::Object* password, gopy::Object* salt, gopy::Object* n, gopy::Object* r, gopy::Object* p,
                     gopy::Object* maxmem, gopy::Object* dklen);
gopy::Object* compare_digest(gopy::Object* a, gopy::Object* b);

}  // namespace gopy_hash
