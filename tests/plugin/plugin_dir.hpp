// Helpers for plugin_test: temporary plugin directories holding copies of the test plugins
// and manifests written for each test.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace plugin_test {

namespace fs = std::filesystem;

// A fresh directory under the system's temporary directory, removed afterwards.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  fs::path sub(const std::string& name) const;  // creates path()/name

 private:
  fs::path path_;
};

// What a test manifest says; to_json() fills the usual defaults.
struct Spec {
  explicit Spec(std::string plugin_name) : name(std::move(plugin_name)) {}
  Spec& at(std::string points) { attach = std::move(points); return *this; }
  Spec& with(std::string members) { extra = std::move(members); return *this; }
  Spec& lib(std::string file) { library = std::move(file); return *this; }
  Spec& sym(std::string symbol) { entry = std::move(symbol); return *this; }
  Spec& tag(std::string abi_json) { abi = std::move(abi_json); return *this; }
  std::string to_json() const;

  std::string name;
  std::string attach = R"([{"phase": "core", "order": 10}])";
  std::string extra;    // more members, e.g. R"("requires": ["tp_a"])"
  std::string library;  // default <name>.so
  std::string entry;    // default gopy_plugin_<name>
  std::string abi;      // default the kernel's own tag
};

void write_file(const fs::path& file, const std::string& text);
std::string read_file(const fs::path& file);
// Copies test plugin <so_name>.so from the test plugin directory into `dir`.
void copy_plugin(const fs::path& dir, const std::string& so_name);
// Copies fixtures/<name>/* into tmp/<name> (so the source tree's modes do not matter).
fs::path copy_fixtures(const TempDir& tmp, const std::string& name);
// Writes dir/<file_stem>.json from `spec` and copies its library (unless copy is false).
fs::path add_plugin(const fs::path& dir, const Spec& spec, bool copy = true,
                    std::string file_stem = "");

}  // namespace plugin_test
