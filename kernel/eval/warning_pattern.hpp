// The regular expressions of warning filters (internal): what re.match needs for them,
// until gopy has `re`. Matching only asks whether the pattern matches at the start of the
// text, so greedy and lazy quantifiers behave alike. Supported: literals and escapes,
// `.`, classes (`[a-z]`, `[^...]`, `\d \w \s` and their negations), groups and `(?:...)`,
// `|`, `* + ? {m} {m,} {m,n}` (a trailing `?` or `+` is accepted), `^`, `$`, `\A`, `\Z`.
// Works on the UTF-8 bytes; case folding (re.I) is ASCII's.
#pragma once

#include <string>
#include <string_view>

namespace gopy {

enum class PatternMatch { no, yes, invalid };

// Whether `pattern` matches at the start of `text`; `invalid` with `*error` set when the
// pattern uses syntax outside the subset.
PatternMatch warning_pattern_match(std::string_view pattern, std::string_view text, bool ignorecase,
                                   std::string* error);

}  // namespace gopy
