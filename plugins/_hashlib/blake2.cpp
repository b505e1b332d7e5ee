// BLAKE2 after RFC 7693: one template for the 64-bit (b) and 32-bit (s) variants.
#include "blake2.hpp"

#include <algorithm>
#include <cstring>

namespace gopy_hash {

namespace {

constexpr uint64_t kIv64[8] = {0x6a09e667f3bcc908ULL, 0xbb67ae8584caa73bULL, 0x3c6ef372fe94f82bULL,
                               0xa54ff53a5f1d36f1ULL, 0x510e527fade682d1ULL, 0x9b05688c2b3e6c1fULL,
                               0x1f83d9abfb41bd6bULL, 0x5be0cd19137e2179ULL};
constexpr uint32_t kIv32[8] = {0x6a09e667u, 0xbb67ae85u, 0x3c6ef372u, 0xa54ff53au,
                               0x510e527fu, 0x9b05688cu, 0x1f83d9abu, 0x5be0cd19u};
constexpr uint8_t kSigma[12][16] = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4}, {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13}, {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11}, {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5}, {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}, {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
};

template <class W>
struct Traits;
template <>
struct Traits<uint64_t> {
  static constexpr int kRounds = 12, r1 = 32, r2 = 24, r3 = 16, r4 = 63;
  static constexpr size_t kSaltSize = 16;
  static const uint64_t* iv() { return kIv64; }
};
template <>
struct Traits<uint32_t> {
  static constexpr int kRounds = 10, r1 = 16, r2 = 12, r3 = 8, r4 = 7;
  static constexpr size_t kSaltSize = 8;
  static const uint32_t* iv() { return kIv32; }
};

template <class W>
W rotr(W x, int n) {
  return W(x >> n) | W(x << (int(sizeof(W) * 8) - n));
}

template <class W>
W load(const unsigned char* p) {
  W w = 0;
  for (size_t i = 0; i < sizeof(W); ++i) w |= W(p[i]) << (8 * i);
  return w;
}

}  // namespace

template <class W>
void Blake2<W>::compress(const unsigned char* block, bool last) {
  using T = Traits<W>;
  W m[16], v[16];
  for (int i = 0; i < 16; ++i) m[i] = load<W>(block + i * sizeof(W));
  for (int i = 0; i < 8; ++i) {
    v[i] = h[i];
    v[i + 8] = T::iv()[i];
  }
  v[12] ^= t[0];
  v[13] ^= t[1];
  if (last) {
    v[14] = ~v[14];
    if (last_node) v[15] = ~v[15];
  }
  auto g = [&](int a, int b, int c, int d, W x, W y) {
    v[a] = v[a] + v[b] + x;
    v[d] = rotr<W>(v[d] ^ v[a], T::r1);
    v[c] = v[c] + v[d];
    v[b] = rotr<W>(v[b] ^ v[c], T::r2);
    v[a] = v[a] + v[b] + y;
    v[d] = rotr<W>(v[d] ^ v[a], T::r3);
    v[c] = v[c] + v[d];
    v[b] = rotr<W>(v[b] ^ v[c], T::r4);
  };
  for (int r = 0; r < T::kRounds; ++r) {
    const uint8_t* s = kSigma[r];
    g(0, 4, 8, 12, m[s[0]], m[s[1]]);
    g(1, 5, 9, 13, m[s[2]], m[s[3]]);
    g(2, 6, 10, 14, m[s[4]], m[s[5]]);
    g(3, 7, 11, 15, m[s[6]], m[s[7]]);
    g(0, 5, 10, 15, m[s[8]], m[s[9]]);
    g(1, 6, 11, 12, m[s[10]], m[s[11]]);
    g(2, 7, 8, 13, m[s[12]], m[s[13]]);
    g(3, 4, 9, 14, m[s[14]], m[s[15]]);
  }
  for (int i = 0; i < 8; ++i) h[i] ^= v[i] ^ v[i + 8];
}

template <class W>
void Blake2<W>::init(const Blake2Params& p) {
  using T = Traits<W>;
  // The parameter block (RFC 7693 2.5; BLAKE2s packs node_offset into 6 bytes).
  unsigned char block[8 * sizeof(W)] = {};
  block[0] = uint8_t(p.digest_size);
  block[1] = uint8_t(p.key.size());
  block[2] = uint8_t(p.fanout);
  block[3] = uint8_t(p.depth);
  for (int i = 0; i < 4; ++i) block[4 + i] = uint8_t(p.leaf_size >> (8 * i));
  size_t offset_bytes = sizeof(W) == 8 ? 8 : 6;
  for (size_t i = 0; i < offset_bytes; ++i) block[8 + i] = uint8_t(p.node_offset >> (8 * i));
  block[8 + offset_bytes] = uint8_t(p.node_depth);
  block[9 + offset_bytes] = uint8_t(p.inner_size);
  size_t salt_at = sizeof(block) - 2 * T::kSaltSize;
  // An empty salt or person may have no storage at all (memcpy must not see a null pointer).
  if (!p.salt.empty()) std::memcpy(block + salt_at, p.salt.data(), p.salt.size());
  if (!p.person.empty()) std::memcpy(block + salt_at + T::kSaltSize, p.person.data(), p.person.size());
  for (int i = 0; i < 8; ++i) h[i] = T::iv()[i] ^ load<W>(block + i * sizeof(W));
  digest_size = p.digest_size;
  last_node = p.last_node;
  if (!p.key.empty()) {
    unsigned char key_block[kBlock] = {};
    std::memcpy(key_block, p.key.data(), p.key.size());
    update(key_block, kBlock);
  }
}

template <class W>
void Blake2<W>::update(const unsigned char* data, size_t size) {
  while (size > 0) {
    // A full buffer is compressed only when more input follows: the last block is special.
    if (buffered == kBlock) {
      t[0] += W(kBlock);
      if (t[0] < W(kBlock)) ++t[1];
      compress(buffer, false);
      buffered = 0;
    }
    size_t take = std::min(size, kBlock - buffered);
    std::memcpy(buffer + buffered, data, take);
    buffered += take;
    data += take;
    size -= take;
  }
}

template <class W>
std::string Blake2<W>::final() const {
  Blake2 copy = *this;
  copy.t[0] += W(copy.buffered);
  if (copy.t[0] < W(copy.buffered)) ++copy.t[1];
  std::memset(copy.buffer + copy.buffered, 0, kBlock - copy.buffered);
  copy.compress(copy.buffer, true);
  std::string out(size_t(digest_size), '\0');
  for (int i = 0; i < digest_size; ++i) out[size_t(i)] = char(uint8_t(copy.h[i / sizeof(W)] >> (8 * (i % sizeof(W)))));
  return out;
}

template struct Blake2<uint64_t>;
template struct Blake2<uint32_t>;

}  // namespace gopy_hash
