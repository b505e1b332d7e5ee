// hash() of the builtin types, bit for bit as CPython on 64-bit builds.
#include "object/prim/hash.hpp"

#include <sys/random.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <random>
#include <string>

namespace gopy::prim {

namespace {

constexpr int kHashBits = 61;

// CPython: Python/pyhash.c siphash13 (SINGLE_ROUND = two HALF_ROUNDs). Always inlined:
// every identifier interned at start-up is hashed, and a call per round doubled the cost.
[[gnu::always_inline]] inline void sip_round(uint64_t& v0, uint64_t& v1, uint64_t& v2, uint64_t& v3) {
  v0 += v1;
  v2 += v3;
  v1 = std::rotl(v1, 13) ^ v0;
  v3 = std::rotl(v3, 16) ^ v2;
  v0 = std::rotl(v0, 32);
  v2 += v1;
  v0 += v3;
  v1 = std::rotl(v1, 17) ^ v2;
  v3 = std::rotl(v3, 21) ^ v0;
  v2 = std::rotl(v2, 32);
}

uint64_t load_le64(const unsigned char* p, size_t n) {
  if (n == 8 && std::endian::native == std::endian::little) {
    uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
  }
  uint64_t v = 0;
  for (size_t i = 0; i < n; ++i) v |= static_cast<uint64_t>(p[i]) << (8 * i);
  return v;
}

uint64_t siphash13(uint64_t k0, uint64_t k1, const unsigned char* in, size_t size) {
  uint64_t b = static_cast<uint64_t>(size) << 56;
  uint64_t v0 = k0 ^ 0x736f6d6570736575ULL;
  uint64_t v1 = k1 ^ 0x646f72616e646f6dULL;
  uint64_t v2 = k0 ^ 0x6c7967656e657261ULL;
  uint64_t v3 = k1 ^ 0x7465646279746573ULL;
  while (size >= 8) {
    const uint64_t mi = load_le64(in, 8);
    in += 8;
    size -= 8;
    v3 ^= mi;
    sip_round(v0, v1, v2, v3);
    v0 ^= mi;
  }
  // The last 0..7 bytes, as CPython's switch does: most names end in a partial word.
  switch (size) {
    case 7: b |= static_cast<uint64_t>(in[6]) << 48; [[fallthrough]];
    case 6: b |= static_cast<uint64_t>(in[5]) << 40; [[fallthrough]];
    case 5: b |= static_cast<uint64_t>(in[4]) << 32; [[fallthrough]];
    case 4: b |= static_cast<uint64_t>(in[3]) << 24; [[fallthrough]];
    case 3: b |= static_cast<uint64_t>(in[2]) << 16; [[fallthrough]];
    case 2: b |= static_cast<uint64_t>(in[1]) << 8; [[fallthrough]];
    case 1: b |= static_cast<uint64_t>(in[0]); break;
    default: break;
  }
  v3 ^= b;
  sip_round(v0, v1, v2, v3);
  v0 ^= b;
  v2 ^= 0xff;
  sip_round(v0, v1, v2, v3);
  sip_round(v0, v1, v2, v3);
  sip_round(v0, v1, v2, v3);
  return (v0 ^ v1) ^ (v2 ^ v3);
}

int64_t not_minus_one(int64_t h) { return h == -1 ? -2 : h; }

}  // namespace

HashSecret hash_secret_from_seed(uint32_t seed) {
  HashSecret secret;
  if (seed == 0) return secret;
  // CPython: Python/bootstrap_hash.c lcg_urandom, over the first 16 of the secret's bytes
  // (the rest of _Py_HashSecret_t is not used by SipHash).
  unsigned char bytes[16];
  uint32_t x = seed;
  for (unsigned char& byte : bytes) {
    x = x * 214013u + 2531011u;
    byte = static_cast<unsigned char>((x >> 16) & 0xff);
  }
  secret.k0 = load_le64(bytes, 8);
  secret.k1 = load_le64(bytes + 8, 8);
  return secret;
}

HashSecret hash_secret_random() {
  unsigned char bytes[16];
  size_t filled = 0;
  while (filled < sizeof bytes) {
    const ssize_t n = getrandom(bytes + filled, sizeof bytes - filled, GRND_NONBLOCK);
    if (n <= 0) break;
    filled += static_cast<size_t>(n);
  }
  if (filled < sizeof bytes) {
    std::random_device device;  // the entropy pool is not ready: take what the runtime offers
    for (unsigned char& byte : bytes) byte = static_cast<unsigned char>(device());
  }
  return {load_le64(bytes, 8), load_le64(bytes + 8, 8)};
}

// CPython: Python/pyhash.c Py_HashBuffer
int64_t hash_bytes(const HashSecret& secret, const void* data, size_t size) {
  if (size == 0) return 0;
  const uint64_t h = siphash13(secret.k0, secret.k1, static_cast<const unsigned char*>(data), size);
  return not_minus_one(static_cast<int64_t>(h));
}

int64_t hash_latin1(const HashSecret& secret, std::string_view text) {
  return hash_bytes(secret, text.data(), text.size());
}

// CPython: Objects/unicodeobject.c unicode_hash over PyUnicode_DATA (kind bytes a char)
int64_t hash_str(const HashSecret& secret, std::u32string_view text) {
  char32_t max_char = 0;
  for (char32_t c : text) max_char = std::max(max_char, c);
  const size_t kind = max_char < 0x100 ? 1 : (max_char < 0x10000 ? 2 : 4);
  const size_t size = text.size() * kind;
  // Short strings are laid out on the stack; longer ones in one allocation.
  unsigned char small[256];
  std::string large;
  unsigned char* storage = small;
  if (size > sizeof small) {
    large.resize(size);
    storage = reinterpret_cast<unsigned char*>(large.data());
  }
  for (size_t i = 0; i < text.size(); ++i)
    for (size_t k = 0; k < kind; ++k)
      storage[i * kind + k] = static_cast<unsigned char>((text[i] >> (8 * k)) & 0xff);
  return hash_bytes(secret, storage, size);
}

// CPython: Objects/longobject.c long_hash: sign * (|v| mod 2**61 - 1)
int64_t hash_int(const Int& value) {
  if (value.is_small()) {
    const int64_t v = value.small_value();
    const uint64_t magnitude = v < 0 ? 0 - static_cast<uint64_t>(v) : static_cast<uint64_t>(v);
    const auto reduced = static_cast<int64_t>(magnitude % static_cast<uint64_t>(kHashModulus));
    return not_minus_one(v < 0 ? -reduced : reduced);
  }
  const Int reduced = int_mod(int_abs(value), Int(kHashModulus)).value();
  const int64_t h = reduced.small_value();
  return not_minus_one(value.is_negative() ? -h : h);
}

// CPython: Python/pyhash.c _Py_HashDouble
int64_t hash_double(double v, const void* identity) {
  if (!std::isfinite(v)) {
    if (std::isinf(v)) return v > 0 ? kHashInf : -kHashInf;
    return hash_pointer(identity);
  }
  int e = 0;
  double m = std::frexp(v, &e);
  int sign = 1;
  if (m < 0) {
    sign = -1;
    m = -m;
  }
  const auto modulus = static_cast<uint64_t>(kHashModulus);
  uint64_t x = 0;
  // 28 bits at a time: x = x * 2**28 + next bits (mod 2**61 - 1), a rotation.
  while (m != 0.0) {
    x = ((x << 28) & modulus) | x >> (kHashBits - 28);
    m *= 268435456.0;  // 2**28
    e -= 28;
    const auto y = static_cast<uint64_t>(m);
    m -= static_cast<double>(y);
    x += y;
    if (x >= modulus) x -= modulus;
  }
  e = e >= 0 ? e % kHashBits : kHashBits - 1 - ((-1 - e) % kHashBits);
  x = ((x << e) & modulus) | x >> (kHashBits - e);
  x = x * static_cast<uint64_t>(static_cast<int64_t>(sign));
  return not_minus_one(static_cast<int64_t>(x));
}

// CPython: Python/pyhash.c Py_HashPointer, _Py_HashPointerRaw
int64_t hash_pointer(const void* pointer) {
  const auto y = reinterpret_cast<uintptr_t>(pointer);
  return not_minus_one(static_cast<int64_t>(std::rotr(static_cast<uint64_t>(y), 4)));
}

namespace {

constexpr uint64_t kPrime5 = 2870177450012600261ULL;

// The xxHash lanes over the parts' hashes, shared by tuples and slices.
uint64_t hash_lanes(std::span<const int64_t> hashes) {
  constexpr uint64_t kPrime1 = 11400714785074694791ULL;
  constexpr uint64_t kPrime2 = 14029467366897019727ULL;
  uint64_t acc = kPrime5;
  for (int64_t h : hashes) {
    acc += static_cast<uint64_t>(h) * kPrime2;
    acc = std::rotl(acc, 31);
    acc *= kPrime1;
  }
  return acc;
}

int64_t not_minus_one_lanes(uint64_t acc) {
  if (acc == static_cast<uint64_t>(-1)) return 1546275796;
  return static_cast<int64_t>(acc);
}

}  // namespace

// CPython: Objects/tupleobject.c tuple_hash (xxHash-based)
int64_t hash_tuple(std::span<const int64_t> item_hashes) {
  uint64_t acc = hash_lanes(item_hashes);
  acc += static_cast<uint64_t>(item_hashes.size()) ^ (kPrime5 ^ 3527539UL);
  return not_minus_one_lanes(acc);
}

// CPython: Objects/sliceobject.c slice_hash (the tuple's lanes, without the length)
int64_t hash_slice(std::span<const int64_t, 3> part_hashes) { return not_minus_one_lanes(hash_lanes(part_hashes)); }

}  // namespace gopy::prim
