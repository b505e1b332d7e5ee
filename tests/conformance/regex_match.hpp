// The cli README's `*_regex` matchers: the whole text must match (Python's re.fullmatch;
// the patterns keep to the subset ECMAScript shares with it).
#pragma once

#include <string>

namespace gopy::conformance {

enum class RegexMatch { match, no_match, bad_pattern };

RegexMatch regex_full_match(const std::string& pattern, const std::string& text);

}  // namespace gopy::conformance
