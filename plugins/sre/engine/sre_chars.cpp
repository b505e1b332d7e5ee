// Character tests of the engine: case folding, the \d \s \w categories and character
// sets, in sre's Unicode and ASCII modes (CPython: Modules/_sre/sre.c sre_lower_unicode,
// sre_category, and sre_lib.h SRE(charset)).
#include <string>

#include "object/prim/unicode.hpp"
#include "sre_engine.hpp"

namespace gopy::sre {
namespace {

char32_t one_char_mapping(const std::u32string& mapped, char32_t c) { return mapped.size() == 1 ? mapped[0] : c; }

}  // namespace

// Simple lowercase (a full mapping of more than one character keeps the character).
char32_t fold(char32_t c, bool ascii) {
  if (c < 128) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (ascii) return c;
  if (c == 0x130) return 'i';  // İ: its simple lowercase (the full one adds U+0307)
  std::u32string s(1, c);
  return one_char_mapping(prim::str_lower(s), c);
}

char32_t upper(char32_t c, bool ascii) {
  if (c < 128) return (c >= 'a' && c <= 'z') ? c - 32 : c;
  if (ascii) return c;
  std::u32string s(1, c);
  return one_char_mapping(prim::str_upper(s), c);
}

char32_t case_key(char32_t c, bool ascii) {
  if (c < 128) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  if (ascii) return c;
  return fold(upper(c, ascii), ascii);
}

bool is_digit(char32_t c, bool ascii) {
  if (c < 128) return c >= '0' && c <= '9';
  return !ascii && prim::char_is_decimal(c);
}

bool is_space(char32_t c, bool ascii) {
  if (c < 128) return c == ' ' || (c >= '\t' && c <= '\r') || (!ascii && c >= 0x1c && c <= 0x1f);
  return !ascii && prim::char_is_space(c);
}

// CPython: SRE_UNI_IS_WORD (alnum or '_'), SRE_IS_WORD for ASCII.
bool is_word(char32_t c, bool ascii) {
  if (c < 128) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  if (ascii) return false;
  return prim::char_is_alpha(c) || prim::char_is_decimal(c) || prim::char_is_digit(c) || prim::char_is_numeric(c);
}

bool CharSet::raw_contains(char32_t c) const {
  for (const SetItem& item : items) {
    switch (item.kind) {
      case SetItem::kLiteral:
        if (c == item.lo) return true;
        break;
      case SetItem::kRange:
        if (c >= item.lo && c <= item.hi) return true;
        break;
      case SetItem::kCategory: {
        bool hit = false;
        switch (item.category) {
          case Category::kDigit: hit = is_digit(c, ascii); break;
          case Category::kNotDigit: hit = !is_digit(c, ascii); break;
          case Category::kSpace: hit = is_space(c, ascii); break;
          case Category::kNotSpace: hit = !is_space(c, ascii); break;
          case Category::kWord: hit = is_word(c, ascii); break;
          case Category::kNotWord: hit = !is_word(c, ascii); break;
        }
        if (hit) return true;
        break;
      }
    }
  }
  return false;
}

bool CharSet::contains(char32_t c) const {
  if (c < 256) return test_low(static_cast<uint32_t>(c));
  bool hit = raw_contains(c);
  if (!hit && ignore_case) {
    char32_t l = fold(c, ascii), u = upper(c, ascii), k = case_key(c, ascii);
    hit = (l != c && raw_contains(l)) || (u != c && raw_contains(u)) || (k != c && raw_contains(k));
  }
  return hit != negate;
}

void CharSet::build_bitmap() {
  for (auto& w : low) w = 0;
  for (uint32_t c = 0; c < 256; ++c) {
    bool hit = raw_contains(c);
    if (!hit && ignore_case) {
      char32_t l = fold(c, ascii), u = upper(c, ascii), k = case_key(c, ascii);
      hit = (l != c && raw_contains(l)) || (u != c && raw_contains(u)) || (k != c && raw_contains(k));
    }
    if (hit != negate) low[c >> 6] |= uint64_t(1) << (c & 63);
  }
}

}  // namespace gopy::sre
