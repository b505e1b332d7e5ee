// gopy-fuzz-seeds OUTDIR: writes each target's seed corpus to OUTDIR/<target>/, one file
// a seed, from the vectors and manifests this tree was configured with (scripts/fuzz).
#include <cstdio>
#include <exception>
#include <fstream>

#include "fuzz_seeds.hpp"

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: gopy-fuzz-seeds OUTDIR\n");
    return 2;
  }
  try {
    namespace fs = std::filesystem;
    for (const auto& [target, seeds] :
         gopy::fuzz::make_seeds(GOPY_VECTORS_DIR, GOPY_MANIFESTS_DIR, GOPY_RUN_KNOWN_FAILURES)) {
      fs::path dir = fs::path(argv[1]) / target;
      fs::create_directories(dir);
      size_t n = 0;
      for (const gopy::fuzz::Seed& seed : seeds) {
        std::ofstream out(dir / ("seed-" + std::to_string(n++)), std::ios::binary);
        out << seed.input;
      }
      std::printf("%s: %zu seeds\n", target.c_str(), seeds.size());
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "gopy-fuzz-seeds: %s\n", e.what());
    return 1;
  }
  return 0;
}
