// The Mersenne Twister MT19937 as CPython's _random module runs it: the same seeding
// (init_genrand, init_by_array) and the same draws, so a seed gives CPython's numbers
// (CPython: Modules/_randommodule.c).
#pragma once

#include <cstddef>
#include <cstdint>

namespace gopy_random {

struct MersenneTwister {
  static constexpr int kN = 624;
  uint32_t state[kN];
  int index = kN + 1;  // kN + 1: never seeded

  void init_genrand(uint32_t seed);
  void init_by_array(const uint32_t* key, size_t length);
  uint32_t next32();
  // A double in [0, 1) with 53 random bits (CPython: random_random).
  double next_double() {
    uint32_t a = next32() >> 5, b = next32() >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }
};

}  // namespace gopy_random
