#include "known_failures.hpp"

#include <algorithm>
#include <set>

namespace gopy::conformance {
namespace {

std::string_view trim(std::string_view text) {
  auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

}  // namespace

const KnownFailure* KnownFailureList::find(std::string_view name) const {
  for (const auto& entry : entries) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

bool parse_known_failures(std::string_view text, KnownFailureList& list, std::string& error) {
  list = {};
  bool in_header = true;
  size_t line_number = 0;
  while (!text.empty()) {
    size_t end = text.find('\n');
    std::string_view raw = text.substr(0, end);
    text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
    ++line_number;
    std::string_view line = trim(raw);
    if (line.empty() || line.front() == '#') {
      if (in_header && !line.empty()) list.header.emplace_back(line);
      continue;
    }
    in_header = false;
    size_t gap = line.find_first_of(" \t");
    std::string name(line.substr(0, gap));
    std::string reason(gap == std::string_view::npos ? std::string_view() : trim(line.substr(gap)));
    if (list.find(name) != nullptr) {
      error = "line " + std::to_string(line_number) + ": '" + name + "' is listed twice";
      return false;
    }
    list.entries.push_back({name, reason});
  }
  return true;
}

KnownFailureCheck check_known_failures(const std::vector<std::string>& failed_names,
                                       const KnownFailureList& list) {
  KnownFailureCheck check;
  std::set<std::string> failed(failed_names.begin(), failed_names.end());
  for (const auto& name : failed) {
    if (list.find(name) == nullptr) check.unexpected_failures.push_back(name);
  }
  for (const auto& entry : list.entries) {
    if (failed.count(entry.name) == 0) check.unexpected_passes.push_back(entry);
  }
  return check;
}

std::string format_known_failures(const std::vector<std::string>& failed_names,
                                  const KnownFailureList& previous, const std::string& new_reason,
                                  const std::vector<std::string>& default_header) {
  std::string text;
  for (const auto& line : previous.header.empty() ? default_header : previous.header) text += line + "\n";
  std::set<std::string> sorted(failed_names.begin(), failed_names.end());
  for (const auto& name : sorted) {
    const KnownFailure* known = previous.find(name);
    const std::string& reason = known != nullptr && !known->reason.empty() ? known->reason : new_reason;
    text += name + "\t" + reason + "\n";
  }
  return text;
}

}  // namespace gopy::conformance
