// The comparison rules of the cli and run vector READMEs: placeholders, the last stderr
// line, and the run set's stderr normalization (regexes: regex_match.hpp).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace gopy::conformance {

// Replaces every @ARGV0@ by `argv0` and every @CWD@ by `cwd` (cli README, "Placeholders").
std::string replace_placeholders(std::string_view text, std::string_view argv0, std::string_view cwd);

// The last line of `text` split on '\n', a final empty piece (trailing newline) dropped;
// "" when there is none (cli README, stderr_last_line).
std::string last_line(std::string_view text);

// Python's bytes.decode("utf-8", errors="replace"): each invalid sequence becomes U+FFFD.
std::string decode_utf8_replace(std::string_view bytes);

// run README, stderr_mode "last_line": the last line that is not blank, plus '\n'.
std::string normalize_last_line_mode(std::string_view stderr_text);

// run README, stderr_mode "traceback": drops source/caret/blank lines inside tracebacks,
// rewrites `File` lines with any of `case_dirs` + '/' stripped from the file name.
std::string normalize_traceback(std::string_view stderr_text, const std::vector<std::string>& case_dirs);

// A one-line account of where `actual` first departs from `expected`, for FAIL lines.
std::string describe_difference(std::string_view expected, std::string_view actual);

// `text` as a double-quoted string with control characters escaped, cut to `limit` bytes.
std::string quote(std::string_view text, size_t limit = 80);

}  // namespace gopy::conformance
