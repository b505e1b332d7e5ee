// BLAKE2b and BLAKE2s (RFC 7693) with the whole parameter block: digest size, key, salt,
// personalization and the tree parameters, as CPython's _blake2 takes them.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace gopy_hash {

struct Blake2Params {
  int digest_size;
  std::string_view key, salt, person;
  int fanout = 1, depth = 1;
  uint32_t leaf_size = 0;
  uint64_t node_offset = 0;
  int node_depth = 0, inner_size = 0;
  bool last_node = false;
};

// W is uint64_t (BLAKE2b) or uint32_t (BLAKE2s).
template <class W>
struct Blake2 {
  static constexpr size_t kBlock = 16 * sizeof(W);
  static constexpr size_t kOut = 8 * sizeof(W);  // the largest digest
  W h[8];
  W t[2] = {0, 0};
  unsigned char buffer[kBlock];
  size_t buffered = 0;
  int digest_size = 0;
  bool last_node = false;

  void init(const Blake2Params& p);
  void update(const unsigned char* data, size_t size);
  // The digest of what was fed so far (this state is left as it was).
  std::string final() const;

 private:
  void compress(const unsigned char* block, bool last);
};

extern template struct Blake2<uint64_t>;
extern template struct Blake2<uint32_t>;

}  // namespace gopy_hash
