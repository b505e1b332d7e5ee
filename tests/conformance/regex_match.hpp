// The cli README's `*_regex` matchers: the whole text must match (Python's re.fullmatch;
// the patterns keep to the subset ECMAScript shares with it).
#pragma once

#include <string>

namespace gopy::conformance {

enum class RegexMatch { match, no_match, bad_pattern, text_too_long };

// libstdc++'s matcher recurses once per character, so texts longer than this (far beyond
// any version line the patterns describe) are refused rather than risk the stack.
constexpr size_t regex_text_limit = 16 * 1024;

RegexMatch regex_full_match(const std::string& pattern, const std::string& text);

}  // namespace gopy::conformance
