// File-system error injection (see gopy/fs_fault.hpp).
#include "gopy/fs_fault.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace gopy::fault {

namespace {

struct Rule {
  int err = 0;
  std::string op;
  std::string text;
};

int errno_named(std::string_view name) {
  struct Named {
    const char* name;
    int value;
  };
  static const Named kNames[] = {{"EACCES", EACCES}, {"ELOOP", ELOOP}, {"ENAMETOOLONG", ENAMETOOLONG},
                                 {"EIO", EIO},       {"ENOENT", ENOENT}, {"EPERM", EPERM},
                                 {"EISDIR", EISDIR}};
  for (const Named& n : kNames)
    if (name == n.name) return n.value;
  int value = 0;
  for (char c : name) {
    if (c < '0' || c > '9' || value > 10000) return 0;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::vector<Rule> parse_rules(std::string_view spec) {
  std::vector<Rule> rules;
  while (!spec.empty()) {
    std::size_t end = spec.find(';');
    std::string_view item = spec.substr(0, end);
    spec = end == std::string_view::npos ? std::string_view() : spec.substr(end + 1);
    std::size_t a = item.find(':');
    std::size_t b = a == std::string_view::npos ? a : item.find(':', a + 1);
    if (b == std::string_view::npos) continue;
    Rule rule{errno_named(item.substr(0, a)), std::string(item.substr(a + 1, b - a - 1)),
              std::string(item.substr(b + 1))};
    if (rule.err > 0 && !rule.text.empty()) rules.push_back(std::move(rule));
  }
  return rules;
}

// GOPY_FAIL_FS, read when libgopy loads; empty (the usual case) costs one check per call.
const std::vector<Rule>& rules() {
  static const std::vector<Rule> parsed = [] {
    const char* spec = std::getenv("GOPY_FAIL_FS");
    return spec != nullptr ? parse_rules(spec) : std::vector<Rule>();
  }();
  return parsed;
}
[[maybe_unused]] const bool g_read_at_load = !rules().empty();

}  // namespace

int fs_error(const char* op, const char* path) noexcept {
  for (const Rule& rule : rules())
    if (rule.op == op && std::strstr(path, rule.text.c_str()) != nullptr) return rule.err;
  return 0;
}

}  // namespace gopy::fault
