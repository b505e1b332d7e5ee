#include "e2e_prefix.hpp"

#include <system_error>

#include "process.hpp"

namespace plugin_e2e {

namespace {

// A hard link where possible (libgopy is tens of megabytes), else a copy. Tests never
// change the modes of these files, so the link cannot reach back into the build tree.
void link_or_copy(const fs::path& from, const fs::path& to) {
  std::error_code ec;
  fs::create_hard_link(from, to, ec);
  if (ec) fs::copy_file(from, to, fs::copy_options::overwrite_existing);
}

void copy_tree(const fs::path& from, const fs::path& to) {
  fs::create_directories(to);
  for (const fs::directory_entry& entry : fs::directory_iterator(from)) {
    fs::path target = to / entry.path().filename();
    if (entry.is_symlink()) {
      fs::copy_symlink(entry.path(), target);
    } else if (entry.is_directory()) {
      copy_tree(entry.path(), target);
    } else if (entry.path().extension() == ".json") {
      // Manifests are copied: tests rewrite them and change their modes.
      fs::copy_file(entry.path(), target);
      fs::permissions(target, fs::perms(0644));
    } else {
      link_or_copy(entry.path(), target);
    }
  }
}

bool starts_with(const std::string& text, const std::string& prefix) {
  return text.compare(0, prefix.size(), prefix) == 0;
}

}  // namespace

GopyPrefix::GopyPrefix() {
  const fs::path build(GOPY_E2E_BUILD_DIR);
  fs::create_directories(root() / "bin");
  link_or_copy(GOPY_E2E_GOPY, root() / "bin/gopy");
  fs::create_directories(root() / "lib");
  for (const fs::directory_entry& entry : fs::directory_iterator(build / "lib")) {
    std::string name = entry.path().filename().string();
    fs::path target = root() / "lib" / name;
    if (entry.is_symlink() && starts_with(name, "lib")) {
      fs::copy_symlink(entry.path(), target);
    } else if (entry.is_regular_file() && starts_with(name, "lib")) {
      link_or_copy(entry.path(), target);
    } else if (entry.is_directory() && name != "static") {
      copy_tree(entry.path(), target);  // gopy/plugins and the landmarks
    }
  }
  fs::permissions(root(), fs::perms(0755));
}

fs::path GopyPrefix::site_plugins() const { return dir("lib/gopy/site-plugins"); }

fs::path GopyPrefix::dir(const std::string& name) const {
  fs::path p = root() / name;
  fs::create_directories(p);
  return p;
}

RunResult GopyPrefix::run(const std::vector<std::string>& args,
                          const std::vector<std::string>& env) const {
  gopy::conformance::ProcessSpec spec;
  spec.program = (root() / "bin/gopy").string();
  spec.argv = {spec.program};
  spec.argv.insert(spec.argv.end(), args.begin(), args.end());
  spec.env = {"LC_ALL=C.UTF-8"};
  spec.env.insert(spec.env.end(), env.begin(), env.end());
  spec.cwd = root().string();
  // Generous: the sanitizer tree on a loaded machine is slow, but a hang must still end.
  spec.timeout = std::chrono::seconds(120);
  gopy::conformance::ProcessResult r = gopy::conformance::run_process(spec);
  RunResult result;
  result.exit_code = r.exited_normally() ? r.exit_code : -1;
  result.out = std::move(r.out);
  result.err = r.start_error.empty() ? std::move(r.err) : r.start_error;
  return result;
}

fs::path install_library(const fs::path& so_file, const fs::path& dir) {
  fs::path to = dir / so_file.filename();
  fs::copy_file(so_file, to, fs::copy_options::overwrite_existing);
  fs::permissions(to, fs::perms(0755));
  return to;
}

fs::path add_fixture(const fs::path& dir, const plugin_test::Spec& spec, const fs::path& so_file) {
  fs::path manifest = plugin_test::add_plugin(dir, spec, false);
  install_library(so_file, dir);
  return manifest;
}

fs::path e2e_library(const std::string& name) {
  return fs::path(GOPY_E2E_PLUGIN_DIR) / (name + ".so");
}

fs::path test_plugin_library(const std::string& name) {
  return fs::path(GOPY_TEST_PLUGIN_DIR) / (name + ".so");
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string::npos) end = text.size();
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Lines look like "lifecycle:      35 us | attach builtins@core:10".
PluginTrace plugin_trace(const std::string& err) {
  PluginTrace trace;
  for (const std::string& line : lines_of(err)) {
    std::size_t bar = line.find(" us | ");
    if (!starts_with(line, "lifecycle:") || bar == std::string::npos) {
      trace.other_lines.push_back(line);
      continue;
    }
    std::string what = line.substr(bar + 6);
    auto after = [&](const std::string& kind) { return what.substr(kind.size()); };
    if (starts_with(what, "attach failed ")) {
      trace.failed.push_back(after("attach failed "));
    } else if (starts_with(what, "load failed ")) {
      trace.failed.push_back(after("load failed "));
    } else if (starts_with(what, "attach ")) {
      trace.attached.push_back(after("attach "));
    } else if (starts_with(what, "detach failed ")) {
      trace.detach_failed.push_back(after("detach failed "));
      trace.detach_order.push_back(after("detach failed "));
    } else if (starts_with(what, "detach ")) {
      trace.detached.push_back(after("detach "));
      trace.detach_order.push_back(after("detach "));
    }
  }
  return trace;
}

}  // namespace plugin_e2e
