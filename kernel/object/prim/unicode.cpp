// Character classes and case mapping over code points, with CPython's string-level
// algorithms (final sigma, title case by the previous character being cased).
// ASCII is answered from a table here; other characters from libgopy_unicode.so.
#include "object/prim/unicode.hpp"

#include <array>

#include "object/icu/gopy_unicode.h"
#include "object/prim/unicode_library.hpp"

namespace gopy::prim {

namespace {

// The flags of an ASCII character. CPython: Python/pyctype.c, Objects/unicodectype.c
constexpr uint32_t ascii_flags_of(char32_t c) {
  uint32_t f = 0;
  const bool upper = c >= 'A' && c <= 'Z';
  const bool lower = c >= 'a' && c <= 'z';
  const bool digit = c >= '0' && c <= '9';
  if (upper || lower) f |= GOPY_UC_ALPHA | GOPY_UC_CASED | GOPY_UC_XID_START | GOPY_UC_XID_CONTINUE;
  if (upper) f |= GOPY_UC_UPPER;
  if (lower) f |= GOPY_UC_LOWER;
  if (digit) f |= GOPY_UC_DECIMAL | GOPY_UC_DIGIT | GOPY_UC_NUMERIC | GOPY_UC_XID_CONTINUE;
  if (c == '_') f |= GOPY_UC_XID_CONTINUE;
  if ((c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == ' ') f |= GOPY_UC_SPACE;
  if ((c >= 0x0A && c <= 0x0D) || (c >= 0x1C && c <= 0x1E)) f |= GOPY_UC_LINEBREAK;
  if (c >= 0x20 && c < 0x7F) f |= GOPY_UC_PRINTABLE;
  // Case_Ignorable: the apostrophe, period and colon (word-internal punctuation) and the
  // modifier symbols ^ and `.
  if (c == '\'' || c == '.' || c == ':' || c == '^' || c == '`') f |= GOPY_UC_CASE_IGNORABLE;
  return f;
}

constexpr std::array<uint32_t, 128> make_ascii_table() {
  std::array<uint32_t, 128> t{};
  for (char32_t c = 0; c < 128; ++c) t[c] = ascii_flags_of(c);
  return t;
}

constexpr std::array<uint32_t, 128> kAsciiFlags = make_ascii_table();

uint32_t flags_of(char32_t c) {
  if (c < 128) return kAsciiFlags[c];
  const UnicodeLibrary* lib = unicode_library();
  return lib ? lib->flags(c) : 0;
}

bool has(char32_t c, uint32_t flag) { return (flags_of(c) & flag) != 0; }

constexpr char32_t kCapitalSigma = 0x3A3;

// Appends the full mapping of `c` (GOPY_CASE_*) to `out`.
void append_case(char32_t c, int32_t kind, std::u32string& out) {
  if (c < 128) {
    const bool lower = c >= 'a' && c <= 'z';
    const bool upper = c >= 'A' && c <= 'Z';
    if ((kind == GOPY_CASE_UPPER || kind == GOPY_CASE_TITLE) && lower) c -= 32;
    else if ((kind == GOPY_CASE_LOWER || kind == GOPY_CASE_FOLD) && upper) c += 32;
    out += c;
    return;
  }
  const UnicodeLibrary* lib = unicode_library();
  uint32_t mapped[8];
  const int32_t n = lib ? lib->case_map(c, kind, mapped, 8) : -1;
  if (n < 0) {
    out += c;
    return;
  }
  for (int32_t i = 0; i < n; ++i) out += static_cast<char32_t>(mapped[i]);
}

// Σ lowercases to ς at the end of a word: preceded by a cased letter (skipping
// case-ignorable ones) and not followed by one. CPython: Objects/unicodeobject.c handle_capital_sigma
char32_t lower_sigma(std::u32string_view s, size_t i) {
  size_t j = i;
  char32_t c = 0;
  bool found = false;
  while (j > 0) {
    c = s[--j];
    if (!char_is_case_ignorable(c)) {
      found = true;
      break;
    }
  }
  bool final_sigma = found && char_is_cased(c);
  if (final_sigma) {
    size_t k = i + 1;
    while (k < s.size() && char_is_case_ignorable(s[k])) ++k;
    final_sigma = k == s.size() || !char_is_cased(s[k]);
  }
  return final_sigma ? 0x3C2 : 0x3C3;
}

// CPython: Objects/unicodeobject.c lower_ucs4
void append_lower(std::u32string_view s, size_t i, std::u32string& out) {
  if (s[i] == kCapitalSigma) {
    out += lower_sigma(s, i);
    return;
  }
  append_case(s[i], GOPY_CASE_LOWER, out);
}

template <class Pred>
bool all_of_nonempty(std::u32string_view s, Pred pred) {
  if (s.empty()) return false;
  for (char32_t c : s)
    if (!pred(c)) return false;
  return true;
}

}  // namespace

bool char_is_space(char32_t c) { return has(c, GOPY_UC_SPACE); }
bool char_is_linebreak(char32_t c) { return has(c, GOPY_UC_LINEBREAK); }
bool char_is_alpha(char32_t c) { return has(c, GOPY_UC_ALPHA); }
bool char_is_decimal(char32_t c) { return has(c, GOPY_UC_DECIMAL); }
bool char_is_digit(char32_t c) { return has(c, GOPY_UC_DIGIT); }
bool char_is_numeric(char32_t c) { return has(c, GOPY_UC_NUMERIC); }
bool char_is_printable(char32_t c) { return has(c, GOPY_UC_PRINTABLE); }
bool char_is_upper(char32_t c) { return has(c, GOPY_UC_UPPER); }
bool char_is_lower(char32_t c) { return has(c, GOPY_UC_LOWER); }
bool char_is_title(char32_t c) { return has(c, GOPY_UC_TITLE); }
bool char_is_cased(char32_t c) { return has(c, GOPY_UC_CASED); }
bool char_is_case_ignorable(char32_t c) { return has(c, GOPY_UC_CASE_IGNORABLE); }
bool char_is_xid_start(char32_t c) { return has(c, GOPY_UC_XID_START); }
bool char_is_xid_continue(char32_t c) { return has(c, GOPY_UC_XID_CONTINUE); }

int char_decimal_value(char32_t c) {
  if (c < 128) return c >= '0' && c <= '9' ? static_cast<int>(c - '0') : -1;
  const UnicodeLibrary* lib = unicode_library();
  return lib ? lib->decimal(c) : -1;
}

int char_digit_value(char32_t c) {
  if (c < 128) return c >= '0' && c <= '9' ? static_cast<int>(c - '0') : -1;
  const UnicodeLibrary* lib = unicode_library();
  return lib ? lib->digit(c) : -1;
}

// CPython: Objects/unicodeobject.c do_upper
std::u32string str_upper(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s) append_case(c, GOPY_CASE_UPPER, out);
  return out;
}

// CPython: Objects/unicodeobject.c do_lower
std::u32string str_lower(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) append_lower(s, i, out);
  return out;
}

// CPython: Objects/unicodeobject.c do_casefold
std::u32string str_casefold(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (char32_t c : s) append_case(c, GOPY_CASE_FOLD, out);
  return out;
}

// CPython: Objects/unicodeobject.c do_title
std::u32string str_title(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  bool previous_is_cased = false;
  for (size_t i = 0; i < s.size(); ++i) {
    if (previous_is_cased) append_lower(s, i, out);
    else append_case(s[i], GOPY_CASE_TITLE, out);
    previous_is_cased = char_is_cased(s[i]);
  }
  return out;
}

// CPython: Objects/unicodeobject.c do_capitalize (the first character in title case)
std::u32string str_capitalize(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (i == 0) append_case(s[i], GOPY_CASE_TITLE, out);
    else append_lower(s, i, out);
  }
  return out;
}

// CPython: Objects/unicodeobject.c do_swapcase
std::u32string str_swapcase(std::u32string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (size_t i = 0; i < s.size(); ++i) {
    if (char_is_upper(s[i])) append_lower(s, i, out);
    else if (char_is_lower(s[i])) append_case(s[i], GOPY_CASE_UPPER, out);
    else out += s[i];
  }
  return out;
}

bool str_isalpha(std::u32string_view s) { return all_of_nonempty(s, char_is_alpha); }
bool str_isdigit(std::u32string_view s) { return all_of_nonempty(s, char_is_digit); }
bool str_isdecimal(std::u32string_view s) { return all_of_nonempty(s, char_is_decimal); }
bool str_isnumeric(std::u32string_view s) { return all_of_nonempty(s, char_is_numeric); }
bool str_isspace(std::u32string_view s) { return all_of_nonempty(s, char_is_space); }

// CPython: Objects/unicodeobject.c unicode_isalnum_impl
bool str_isalnum(std::u32string_view s) {
  return all_of_nonempty(s, [](char32_t c) {
    return char_is_alpha(c) || char_is_decimal(c) || char_is_digit(c) || char_is_numeric(c);
  });
}

// CPython: Objects/unicodeobject.c unicode_isupper_impl
bool str_isupper(std::u32string_view s) {
  bool cased = false;
  for (char32_t c : s) {
    if (char_is_lower(c) || char_is_title(c)) return false;
    if (!cased && char_is_upper(c)) cased = true;
  }
  return cased;
}

// CPython: Objects/unicodeobject.c unicode_islower_impl
bool str_islower(std::u32string_view s) {
  bool cased = false;
  for (char32_t c : s) {
    if (char_is_upper(c) || char_is_title(c)) return false;
    if (!cased && char_is_lower(c)) cased = true;
  }
  return cased;
}

// CPython: Objects/unicodeobject.c unicode_istitle_impl
bool str_istitle(std::u32string_view s) {
  bool cased = false, previous_is_cased = false;
  for (char32_t c : s) {
    if (char_is_upper(c) || char_is_title(c)) {
      if (previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else if (char_is_lower(c)) {
      if (!previous_is_cased) return false;
      previous_is_cased = cased = true;
    } else {
      previous_is_cased = false;
    }
  }
  return cased;
}

bool str_isprintable(std::u32string_view s) {
  for (char32_t c : s)
    if (!char_is_printable(c)) return false;
  return true;
}

// CPython: Objects/unicodeobject.c _PyUnicode_ScanIdentifier
bool str_isidentifier(std::u32string_view s) {
  if (s.empty()) return false;
  if (!char_is_xid_start(s[0]) && s[0] != U'_') return false;
  for (size_t i = 1; i < s.size(); ++i)
    if (!char_is_xid_continue(s[i])) return false;
  return true;
}

bool str_isascii(std::u32string_view s) {
  for (char32_t c : s)
    if (c >= 128) return false;
  return true;
}

// CPython: Objects/unicodeobject.c _PyUnicode_TransformDecimalAndSpaceToASCII
std::string transform_decimal_and_space(std::u32string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char32_t c : s) {
    if (c < 127) {
      out += static_cast<char>(c);
    } else if (char_is_space(c)) {
      out += ' ';
    } else {
      const int d = char_decimal_value(c);
      if (d < 0) {
        out += '?';  // nothing after an unconvertible character matters
        break;
      }
      out += static_cast<char>('0' + d);
    }
  }
  return out;
}

}  // namespace gopy::prim
