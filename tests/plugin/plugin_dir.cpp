#include "plugin_dir.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include <sys/stat.h>

#include "gopy/plugin_host.hpp"

namespace plugin_test {

TempDir::TempDir() {
  // Files the tests write must pass the permission rules whatever the caller's umask.
  ::umask(022);
  std::string templ = (fs::temp_directory_path() / "gopy-plugin-test-XXXXXX").string();
  if (mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
  path_ = templ;
}

TempDir::~TempDir() {
  std::error_code ec;
  fs::remove_all(path_, ec);
}

fs::path TempDir::sub(const std::string& name) const {
  fs::path p = path_ / name;
  fs::create_directories(p);
  return p;
}

std::string Spec::to_json() const {
  const gopy::plugin::AbiTag& k = gopy::plugin::kernel_abi();
  std::string abi_text = abi.empty() ? R"({"major": )" + std::to_string(k.major) +
                                           R"(, "minor": )" + std::to_string(k.minor) +
                                           R"(, "identity": ")" + k.identity + "\"}"
                                     : abi;
  std::string json = "{\n  \"name\": \"" + name + "\",\n";
  json += "  \"library\": \"" + (library.empty() ? name + ".so" : library) + "\",\n";
  json += "  \"entry\": \"" + (entry.empty() ? "gopy_plugin_" + name : entry) + "\",\n";
  json += "  \"abi\": " + abi_text + ",\n";
  if (!extra.empty()) json += "  " + extra + ",\n";
  json += "  \"attach\": " + attach + "\n}\n";
  return json;
}

void write_file(const fs::path& file, const std::string& text) {
  std::ofstream out(file, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + file.string());
}

std::string read_file(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

void copy_plugin(const fs::path& dir, const std::string& so_name) {
  fs::path to = dir / (so_name + ".so");
  fs::copy_file(fs::path(GOPY_TEST_PLUGIN_DIR) / (so_name + ".so"), to,
                fs::copy_options::overwrite_existing);
  fs::permissions(to, fs::perms(0755));
}

fs::path copy_fixtures(const TempDir& tmp, const std::string& name) {
  fs::path to = tmp.sub(name);
  for (const auto& entry : fs::directory_iterator(fs::path(GOPY_TEST_FIXTURES) / name))
  {
    fs::copy_file(entry.path(), to / entry.path().filename());
    fs::permissions(to / entry.path().filename(), fs::perms(0644));
  }
  return to;
}

fs::path add_plugin(const fs::path& dir, const Spec& spec, bool copy, std::string file_stem) {
  fs::path file = dir / ((file_stem.empty() ? spec.name : file_stem) + ".json");
  write_file(file, spec.to_json());
  if (copy) copy_plugin(dir, spec.name);
  return file;
}

}  // namespace plugin_test
