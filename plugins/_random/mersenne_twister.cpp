// CPython: Modules/_randommodule.c genrand_uint32, init_genrand, init_by_array (the
// reference MT19937 of Matsumoto and Nishimura).
#include "mersenne_twister.hpp"

namespace gopy_random {

namespace {
constexpr int kM = 397;
constexpr uint32_t kMatrixA = 0x9908b0dfu;
constexpr uint32_t kUpperMask = 0x80000000u;
constexpr uint32_t kLowerMask = 0x7fffffffu;

uint32_t twist(uint32_t upper, uint32_t lower, uint32_t far) {
  uint32_t y = (upper & kUpperMask) | (lower & kLowerMask);
  return far ^ (y >> 1) ^ ((y & 1u) ? kMatrixA : 0u);
}
}  // namespace

void MersenneTwister::init_genrand(uint32_t seed) {
  state[0] = seed;
  for (int i = 1; i < kN; ++i)
    state[i] = 1812433253u * (state[i - 1] ^ (state[i - 1] >> 30)) + uint32_t(i);
  index = kN;
}

void MersenneTwister::init_by_array(const uint32_t* key, size_t length) {
  init_genrand(19650218u);
  size_t i = 1, j = 0;
  for (size_t k = length > size_t(kN) ? length : size_t(kN); k; --k) {
    state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1664525u)) + key[j] + uint32_t(j);
    ++i;
    ++j;
    if (i >= size_t(kN)) {
      state[0] = state[kN - 1];
      i = 1;
    }
    if (j >= length) j = 0;
  }
  for (size_t k = kN - 1; k; --k) {
    state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) * 1566083941u)) - uint32_t(i);
    ++i;
    if (i >= size_t(kN)) {
      state[0] = state[kN - 1];
      i = 1;
    }
  }
  state[0] = 0x80000000u;  // a non-zero initial array
}

uint32_t MersenneTwister::next32() {
  if (index >= kN) {
    if (index == kN + 1) init_genrand(5489u);  // used before any seed
    int k = 0;
    for (; k < kN - kM; ++k) state[k] = twist(state[k], state[k + 1], state[k + kM]);
    for (; k < kN - 1; ++k) state[k] = twist(state[k], state[k + 1], state[k + (kM - kN)]);
    state[kN - 1] = twist(state[kN - 1], state[0], state[kM - 1]);
    index = 0;
  }
  uint32_t y = state[index++];
  y ^= y >> 11;
  y ^= (y << 7) & 0x9d2c5680u;
  y ^= (y << 15) & 0xefc60000u;
  y ^= y >> 18;
  return y;
}

}  // namespace gopy_random
