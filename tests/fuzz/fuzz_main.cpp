// libFuzzer's entry point for one target, named at compile time by GOPY_FUZZ_FUNCTION.
#include "fuzz_targets.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)GOPY_FUZZ_FUNCTION(data, size);
  return 0;
}
