// In a file of its own: libstdc++ 12's <regex> trips a false -Wmaybe-uninitialized in
// std::function at -O1 with the sanitizers, so CMake silences that one warning here only.
#include "regex_match.hpp"

#include <regex>

namespace gopy::conformance {

RegexMatch regex_full_match(const std::string& pattern, const std::string& text) {
  if (text.size() > regex_text_limit) return RegexMatch::text_too_long;
  try {
    std::regex compiled(pattern, std::regex::ECMAScript);
    return std::regex_match(text, compiled) ? RegexMatch::match : RegexMatch::no_match;
  } catch (const std::regex_error&) {
    return RegexMatch::bad_pattern;
  }
}

}  // namespace gopy::conformance
