// hash() for the builtin types, bit for bit as CPython on a 64-bit build: SipHash-1-3
// over a str's storage keyed from PYTHONHASHSEED, numeric hashes modulo 2**61 - 1, and the
// xxHash-based tuple hash. Hash values are Py_hash_t (int64_t); -1 is never returned.
#pragma once
#include "gopy/api_begin.h"

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "object/prim/int.hpp"

namespace gopy::prim {

// The SipHash key: the first 16 bytes of CPython's _Py_HashSecret (k0 little-endian
// from bytes 0..7, k1 from 8..15).
struct HashSecret {
  uint64_t k0 = 0;
  uint64_t k1 = 0;
};

// CPython: Include/pyhash.h _PyHASH_MODULUS, _PyHASH_INF
inline constexpr int64_t kHashModulus = (int64_t{1} << 61) - 1;
inline constexpr int64_t kHashInf = 314159;

// The key for PYTHONHASHSEED=seed: seed 0 disables randomization (all zero), any other
// seed fills the secret with lcg_urandom(seed). CPython: Python/bootstrap_hash.c
// _Py_HashRandomization_Init, lcg_urandom
HashSecret hash_secret_from_seed(uint32_t seed);
// A random key (no PYTHONHASHSEED, or "random"), from the OS's random source.
// CPython: Python/bootstrap_hash.c pyurandom
HashSecret hash_secret_random();

// SipHash-1-3 of raw bytes, -1 mapped to -2; the empty input hashes to 0.
// CPython: Python/pyhash.c Py_HashBuffer, siphash13
int64_t hash_bytes(const HashSecret& secret, const void* data, size_t size);
// hash(str) over CPython's storage: 1 byte per char when every code point is < 256,
// 2 (UCS-2, little-endian) when < 65536, else 4. CPython: Objects/unicodeobject.c unicode_hash
int64_t hash_str(const HashSecret& secret, std::u32string_view text);
// hash(str) of text already in 1-byte (Latin-1, e.g. ASCII) storage.
int64_t hash_latin1(const HashSecret& secret, std::string_view text);

// hash(int). CPython: Objects/longobject.c long_hash
int64_t hash_int(const Int& value);
// hash(float): integral values hash like ints, +-inf to +-314159, NaN by the object's
// identity. CPython: Python/pyhash.c _Py_HashDouble
int64_t hash_double(double value, const void* identity);
// hash(object()) style: the address rotated by 4 bits. CPython: Python/pyhash.c _Py_HashPointer
int64_t hash_pointer(const void* pointer);
// hash(tuple) from the items' hashes. CPython: Objects/tupleobject.c tuple_hash
int64_t hash_tuple(std::span<const int64_t> item_hashes);
// hash(slice) from the hashes of start, stop and step. CPython: Objects/sliceobject.c slice_hash
int64_t hash_slice(std::span<const int64_t, 3> part_hashes);

}  // namespace gopy::prim
#include "gopy/api_end.h"
