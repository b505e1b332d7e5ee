// See parser_unicode.hpp for why these are approximations of the Unicode tables.
#include "eval/parser_unicode.hpp"

#include "object/prim/unicode.hpp"

namespace gopy::parser {
namespace {

struct Range {
  char32_t first;
  char32_t last;
};

// Non-ASCII code points that are never part of an identifier: symbols, punctuation,
// spaces and format characters (Unicode categories P*, S*, Z*, C* in these blocks).
constexpr Range kNotIdentifier[] = {
    {0x80, 0xA9},     {0xAB, 0xB4},     {0xB6, 0xB6},     {0xB8, 0xB9},   {0xBB, 0xBF},
    {0xD7, 0xD7},     {0xF7, 0xF7},     {0x2C2, 0x2C5},   {0x2D2, 0x2DF}, {0x37E, 0x37E},
    {0x387, 0x387},   {0x55A, 0x55F},   {0x589, 0x58A},   {0x5BE, 0x5BE}, {0x5C0, 0x5C0},
    {0x5C3, 0x5C3},   {0x5F3, 0x5F4},   {0x600, 0x60F},   {0x61B, 0x61F}, {0x66A, 0x66D},
    {0x6D4, 0x6D4},   {0x964, 0x965},   {0x970, 0x970},   {0xE3F, 0xE3F}, {0xE4F, 0xE4F},
    {0xE5A, 0xE5B},   {0x1680, 0x1680}, {0x2000, 0x203E}, {0x2041, 0x2053},
    {0x2055, 0x206F}, {0x207A, 0x207E}, {0x208A, 0x208E}, {0x20A0, 0x20CF},
    {0x2100, 0x2101}, {0x2103, 0x2106}, {0x2108, 0x2109}, {0x2114, 0x2114},
    {0x2116, 0x2117}, {0x211E, 0x2123}, {0x2125, 0x2125}, {0x2127, 0x2127},
    {0x2129, 0x2129}, {0x213A, 0x213B}, {0x2140, 0x2144}, {0x214A, 0x214D},
    {0x214F, 0x214F}, {0x218A, 0x218B}, {0x2190, 0x2BFF}, {0x2CF9, 0x2CFC},
    {0x2CFE, 0x2CFF}, {0x2E00, 0x2E7F}, {0x2E80, 0x2FFF}, {0x3000, 0x3004},
    {0x3008, 0x3020}, {0x3030, 0x3030}, {0x303D, 0x303F}, {0x309B, 0x309C},
    {0x30A0, 0x30A0}, {0x30FB, 0x30FB}, {0x3190, 0x319F}, {0x31C0, 0x31EF},
    {0x3200, 0x33FF}, {0x4DC0, 0x4DFF}, {0xA490, 0xA4CF}, {0xA4FE, 0xA4FF},
    {0xA60D, 0xA60F}, {0xA673, 0xA673}, {0xA67E, 0xA67E}, {0xA6F2, 0xA6F7},
    {0xA700, 0xA716}, {0xA720, 0xA721}, {0xA789, 0xA78A}, {0xA828, 0xA82B},
    {0xA836, 0xA839}, {0xA874, 0xA877}, {0xA8CE, 0xA8CF}, {0xA8F8, 0xA8FA},
    {0xA8FC, 0xA8FC}, {0xA92E, 0xA92F}, {0xA95F, 0xA95F}, {0xA9C1, 0xA9CD},
    {0xA9DE, 0xA9DF}, {0xAA5C, 0xAA5F}, {0xAA77, 0xAA79}, {0xAADE, 0xAADF},
    {0xAAF0, 0xAAF1}, {0xAB5B, 0xAB5B}, {0xAB6A, 0xAB6B}, {0xABEB, 0xABEB},
    {0xD800, 0xF8FF}, {0xFB29, 0xFB29}, {0xFBB2, 0xFBC2}, {0xFD3E, 0xFD4F},
    {0xFDCF, 0xFDCF}, {0xFDFC, 0xFDFF}, {0xFE10, 0xFE1F}, {0xFE30, 0xFE32},
    {0xFE35, 0xFE4C}, {0xFE50, 0xFE6F}, {0xFEFF, 0xFEFF}, {0xFF01, 0xFF0F},
    {0xFF1A, 0xFF20}, {0xFF3B, 0xFF3E}, {0xFF40, 0xFF40}, {0xFF5B, 0xFF65},
    {0xFFE0, 0xFFFF}, {0x10100, 0x1013F}, {0x1D000, 0x1D24F}, {0x1D300, 0x1D35F},
    {0x1EC70, 0x1ECBF}, {0x1ED00, 0x1ED4F}, {0x1EEF0, 0x1EEFF}, {0x1F000, 0x1FBEF},
    {0xE0000, 0xE0FFF}, {0xF0000, 0x10FFFF},
};

// Characters that may continue but not start an identifier: digits of other scripts,
// combining marks and connector punctuation (the common blocks).
constexpr Range kContinueOnly[] = {
    {0xB7, 0xB7},     {0x300, 0x36F},   {0x483, 0x487},   {0x591, 0x5BD}, {0x660, 0x669},
    {0x6F0, 0x6F9},   {0x7C0, 0x7C9},   {0x966, 0x96F},   {0x9E6, 0x9EF}, {0xE50, 0xE59},
    {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x203F, 0x2040}, {0x2054, 0x2054},
    {0x20D0, 0x20F0}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFE33, 0xFE34},
    {0xFE4D, 0xFE4F}, {0xFF10, 0xFF19}, {0xFF3F, 0xFF3F}, {0x1D7CE, 0x1D7FF},
};

// Not printable for CPython (categories Cc, Cf, Zs other than ' ', Zl, Zp, Co, Cn).
constexpr Range kNotPrintable[] = {
    {0x0, 0x1F},      {0x7F, 0xA0},     {0xAD, 0xAD},     {0x600, 0x605},
    {0x61C, 0x61C},   {0x6DD, 0x6DD},   {0x70F, 0x70F},   {0x1680, 0x1680},
    {0x180E, 0x180E}, {0x2000, 0x200F}, {0x2028, 0x202F}, {0x205F, 0x206F},
    {0x3000, 0x3000}, {0xD800, 0xF8FF}, {0xFEFF, 0xFEFF}, {0xFFF9, 0xFFFB},
    {0xE0000, 0xE0FFF}, {0xF0000, 0x10FFFF},
};

template <std::size_t N>
bool in_ranges(const Range (&ranges)[N], char32_t cp) {
  std::size_t lo = 0, hi = N;
  while (lo < hi) {
    std::size_t mid = (lo + hi) / 2;
    if (cp < ranges[mid].first) hi = mid;
    else if (cp > ranges[mid].last) lo = mid + 1;
    else return true;
  }
  return false;
}

}  // namespace

char32_t decode_utf8(std::string_view text, std::uint32_t& pos) {
  auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
  unsigned char b0 = byte(pos);
  if (b0 < 0x80) {
    ++pos;
    return b0;
  }
  int len = b0 >= 0xF0 ? 4 : b0 >= 0xE0 ? 3 : b0 >= 0xC0 ? 2 : 1;
  if (len == 1 || pos + len > text.size()) {
    ++pos;
    return 0xFFFD;
  }
  char32_t cp = b0 & (0x7F >> len);
  for (int i = 1; i < len; ++i) {
    unsigned char b = byte(pos + i);
    if ((b & 0xC0) != 0x80) {
      ++pos;
      return 0xFFFD;
    }
    cp = (cp << 6) | (b & 0x3F);
  }
  pos += len;
  return cp;
}

void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

long find_invalid_utf8(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    unsigned char b0 = static_cast<unsigned char>(text[i]);
    if (b0 < 0x80) {
      ++i;
      continue;
    }
    int len = 0;
    char32_t min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) len = 2, min = 0x80;
    else if (b0 >= 0xE0 && b0 <= 0xEF) len = 3, min = 0x800;
    else if (b0 >= 0xF0 && b0 <= 0xF4) len = 4, min = 0x10000;
    else return static_cast<long>(i);
    if (i + len > text.size()) return static_cast<long>(i);
    char32_t cp = b0 & (0x7F >> len);
    for (int k = 1; k < len; ++k) {
      unsigned char b = static_cast<unsigned char>(text[i + k]);
      if ((b & 0xC0) != 0x80) return static_cast<long>(i);
      cp = (cp << 6) | (b & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return static_cast<long>(i);
    i += len;
  }
  return -1;
}

// Non-ASCII characters ask Unicode's own tables (ICU, loaded on first use by the prim
// layer); the range tables above answer only when that library is unavailable.
bool is_xid_start(char32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_';
  bool exact = prim::char_is_xid_start(cp);
  if (prim::unicode_library_loaded()) return exact;
  return !in_ranges(kNotIdentifier, cp) && !in_ranges(kContinueOnly, cp);
}

bool is_xid_continue(char32_t cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || cp == '_' ||
           (cp >= '0' && cp <= '9');
  bool exact = prim::char_is_xid_continue(cp);
  if (prim::unicode_library_loaded()) return exact;
  return !in_ranges(kNotIdentifier, cp) || in_ranges(kContinueOnly, cp);
}

bool is_printable(char32_t cp) {
  if (cp >= 0x20 && cp < 0x7F) return true;
  if (cp < 0x80) return false;
  bool exact = prim::char_is_printable(cp);
  if (prim::unicode_library_loaded()) return exact;
  return !in_ranges(kNotPrintable, cp);
}

}  // namespace gopy::parser
