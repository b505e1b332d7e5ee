// Seed inputs for the fuzz targets, made from the public vectors and the shipped
// manifests: each seed in its target's input format, marked when the real code must
// accept it (a valid vector) rather than being only a starting point for mutation.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace gopy::fuzz {

struct Seed {
  std::string name;   // where it came from: "<file>/<case>" or the manifest's file name
  std::string input;  // the bytes the target receives
  bool must_accept = false;
};

// Seeds per target name ("cli", "manifest", "parser", "utf8", "getpath", "codecs", "json", "re"). `vectors` is the
// conformance vectors folder, `manifests` the shipped manifests' folder, and
// `run_known_failures` the run set's known-failures list (a listed case is a seed but
// need not parse). Throws std::runtime_error when a folder or file cannot be read.
std::map<std::string, std::vector<Seed>> make_seeds(const std::filesystem::path& vectors,
                                                    const std::filesystem::path& manifests,
                                                    const std::filesystem::path& run_known_failures);

}  // namespace gopy::fuzz
