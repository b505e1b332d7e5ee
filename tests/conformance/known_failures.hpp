// Known-failures files: the committed list of cases of a set that are expected to fail,
// one `name<TAB or space>reason` a line, '#' starting a comment line.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gopy::conformance {

struct KnownFailure {
  std::string name;
  std::string reason;
};

struct KnownFailureList {
  std::vector<std::string> header;  // the leading comment lines, kept when rewriting
  std::vector<KnownFailure> entries;

  const KnownFailure* find(std::string_view name) const;
};

// Parses a file's text; false with `error` ("line N: ...") for a repeated name.
bool parse_known_failures(std::string_view text, KnownFailureList& list, std::string& error);

struct KnownFailureCheck {
  std::vector<std::string> unexpected_failures;  // failed but not listed
  std::vector<KnownFailure> unexpected_passes;   // listed but did not fail (or no such case)
  bool ok() const { return unexpected_failures.empty() && unexpected_passes.empty(); }
};

// Compares the names that failed in a run with the list.
KnownFailureCheck check_known_failures(const std::vector<std::string>& failed_names,
                                       const KnownFailureList& list);

// The text of a known-failures file listing `failed_names` (sorted): each keeps its reason
// from `previous` when it has one there, else gets `new_reason`. The header comes from
// `previous`, or `default_header` when `previous` has none.
std::string format_known_failures(const std::vector<std::string>& failed_names,
                                  const KnownFailureList& previous, const std::string& new_reason,
                                  const std::vector<std::string>& default_header);

}  // namespace gopy::conformance
