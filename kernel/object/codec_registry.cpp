// Codec names: gopy's table of CPython's codecs, their aliases and CodecInfo names, and
// the ICU converter behind each code page gopy does not implement itself.
// CPython: Python/codecs.c _PyCodec_Lookup, Lib/encodings/__init__.py search_function,
// Lib/encodings/aliases.py (the alias semantics; the table below is gopy's own).
#include <unordered_map>

#include "gopy/codecs.hpp"
#include "object/codec_internal.hpp"
#include "object/prim/unicode_library.hpp"

namespace gopy::codec {

namespace {

constexpr int kNative = 0, kLittle = -1, kBig = 1;

// module, CodecInfo name, kind, byte order, signature, ICU converter, aliases
const Entry kCodecs[] = {
    {"utf_8", "utf-8", Kind::utf8, kNative, false, nullptr, "u8 utf utf8 utf8_ucs2 utf8_ucs4 cp65001"},
    {"utf_8_sig", "utf-8-sig", Kind::utf8, kNative, true, nullptr, ""},
    {"utf_16", "utf-16", Kind::utf16, kNative, false, nullptr, "u16 utf16"},
    {"utf_16_le", "utf-16-le", Kind::utf16, kLittle, false, nullptr, "utf_16le unicodelittleunmarked"},
    {"utf_16_be", "utf-16-be", Kind::utf16, kBig, false, nullptr, "utf_16be unicodebigunmarked"},
    {"utf_32", "utf-32", Kind::utf32, kNative, false, nullptr, "u32 utf32"},
    {"utf_32_le", "utf-32-le", Kind::utf32, kLittle, false, nullptr, "utf_32le"},
    {"utf_32_be", "utf-32-be", Kind::utf32, kBig, false, nullptr, "utf_32be"},
    {"ascii", "ascii", Kind::ascii, kNative, false, nullptr,
     "646 ansi_x3.4_1968 ansi_x3_4_1968 ansi_x3.4_1986 cp367 csascii ibm367 iso646_us iso_646.irv_1991 "
     "iso_ir_6 us us_ascii"},
    {"latin_1", "iso8859-1", Kind::latin1, kNative, false, nullptr,
     "8859 cp819 csisolatin1 ibm819 iso8859 iso8859_1 iso_8859_1 iso_8859_1_1987 iso_ir_100 l1 latin latin1"},
    {"cp1252", "cp1252", Kind::cp1252, kNative, false, nullptr, "1252 windows_1252"},
    {"utf_7", "utf-7", Kind::icu, kNative, false, "UTF-7", "u7 unicode_1_1_utf_7 utf7"},
    {"cp1250", "cp1250", Kind::icu, kNative, false, "windows-1250", "1250 windows_1250"},
    {"cp1251", "cp1251", Kind::icu, kNative, false, "windows-1251", "1251 windows_1251"},
    {"cp1253", "cp1253", Kind::icu, kNative, false, "windows-1253", "1253 windows_1253"},
    {"cp1254", "cp1254", Kind::icu, kNative, false, "windows-1254", "1254 windows_1254"},
    {"cp1255", "cp1255", Kind::icu, kNative, false, "windows-1255", "1255 windows_1255"},
    {"cp1256", "cp1256", Kind::icu, kNative, false, "windows-1256", "1256 windows_1256"},
    {"cp1257", "cp1257", Kind::icu, kNative, false, "windows-1257", "1257 windows_1257"},
    {"cp1258", "cp1258", Kind::icu, kNative, false, "windows-1258", "1258 windows_1258"},
    {"cp037", "cp037", Kind::icu, kNative, false, "ibm-37",
     "037 csibm037 ebcdic_cp_ca ebcdic_cp_nl ebcdic_cp_us ebcdic_cp_wt ibm037 ibm039"},
    {"cp437", "cp437", Kind::icu, kNative, false, "ibm-437", "437 cspc8codepage437 ibm437"},
    {"cp850", "cp850", Kind::icu, kNative, false, "ibm-850", "850 cspc850multilingual ibm850"},
    {"cp852", "cp852", Kind::icu, kNative, false, "ibm-852", "852 cspcp852 ibm852"},
    {"cp855", "cp855", Kind::icu, kNative, false, "ibm-855", "855 csibm855 ibm855"},
    {"cp857", "cp857", Kind::icu, kNative, false, "ibm-857", "857 csibm857 ibm857"},
    {"cp858", "cp858", Kind::icu, kNative, false, "ibm-858", "858 csibm858 ibm858"},
    {"cp860", "cp860", Kind::icu, kNative, false, "ibm-860", "860 csibm860 ibm860"},
    {"cp861", "cp861", Kind::icu, kNative, false, "ibm-861", "861 cp_is csibm861 ibm861"},
    {"cp862", "cp862", Kind::icu, kNative, false, "ibm-862", "862 cspc862latinhebrew ibm862"},
    {"cp863", "cp863", Kind::icu, kNative, false, "ibm-863", "863 csibm863 ibm863"},
    {"cp864", "cp864", Kind::icu, kNative, false, "ibm-864", "864 csibm864 ibm864"},
    {"cp865", "cp865", Kind::icu, kNative, false, "ibm-865", "865 csibm865 ibm865"},
    {"cp866", "cp866", Kind::icu, kNative, false, "ibm-866", "866 csibm866 ibm866"},
    {"cp869", "cp869", Kind::icu, kNative, false, "ibm-869", "869 cp_gr csibm869 ibm869"},
    {"cp874", "cp874", Kind::icu, kNative, false, "windows-874", ""},
    {"iso8859_2", "iso8859-2", Kind::icu, kNative, false, "ISO-8859-2",
     "csisolatin2 iso_8859_2 iso_8859_2_1987 iso_ir_101 l2 latin2"},
    {"iso8859_3", "iso8859-3", Kind::icu, kNative, false, "ISO-8859-3",
     "csisolatin3 iso_8859_3 iso_8859_3_1988 iso_ir_109 l3 latin3"},
    {"iso8859_4", "iso8859-4", Kind::icu, kNative, false, "ISO-8859-4",
     "csisolatin4 iso_8859_4 iso_8859_4_1988 iso_ir_110 l4 latin4"},
    {"iso8859_5", "iso8859-5", Kind::icu, kNative, false, "ISO-8859-5",
     "csisolatincyrillic cyrillic iso_8859_5 iso_8859_5_1988 iso_ir_144"},
    {"iso8859_6", "iso8859-6", Kind::icu, kNative, false, "ISO-8859-6",
     "arabic asmo_708 csisolatinarabic ecma_114 iso_8859_6 iso_8859_6_1987 iso_ir_127"},
    {"iso8859_7", "iso8859-7", Kind::icu, kNative, false, "ISO-8859-7",
     "csisolatingreek ecma_118 elot_928 greek greek8 iso_8859_7 iso_8859_7_1987 iso_ir_126"},
    {"iso8859_8", "iso8859-8", Kind::icu, kNative, false, "ISO-8859-8",
     "csisolatinhebrew hebrew iso_8859_8 iso_8859_8_1988 iso_ir_138"},
    {"iso8859_9", "iso8859-9", Kind::icu, kNative, false, "ISO-8859-9",
     "csisolatin5 iso_8859_9 iso_8859_9_1989 iso_ir_148 l5 latin5"},
    {"iso8859_10", "iso8859-10", Kind::icu, kNative, false, "ISO-8859-10",
     "csisolatin6 iso_8859_10 iso_8859_10_1992 iso_ir_157 l6 latin6"},
    {"iso8859_13", "iso8859-13", Kind::icu, kNative, false, "ISO-8859-13", "iso_8859_13 l7 latin7"},
    {"iso8859_14", "iso8859-14", Kind::icu, kNative, false, "ISO-8859-14",
     "iso_8859_14 iso_8859_14_1998 iso_celtic iso_ir_199 l8 latin8"},
    {"iso8859_15", "iso8859-15", Kind::icu, kNative, false, "ISO-8859-15", "iso_8859_15 l9 latin9"},
    {"koi8_r", "koi8-r", Kind::icu, kNative, false, "KOI8-R", "cskoi8r"},
    {"koi8_u", "koi8-u", Kind::icu, kNative, false, "KOI8-U", ""},
    {"mac_roman", "mac-roman", Kind::icu, kNative, false, "macintosh", "macintosh macroman"},
    {"mac_cyrillic", "mac-cyrillic", Kind::icu, kNative, false, "x-mac-cyrillic", "maccyrillic"},
    {"mac_greek", "mac-greek", Kind::icu, kNative, false, "x-mac-greek", "macgreek"},
    {"mac_turkish", "mac-turkish", Kind::icu, kNative, false, "x-mac-turkish", "macturkish"},
    {"mac_latin2", "mac-latin2", Kind::icu, kNative, false, "x-mac-centraleurroman",
     "mac_centeuro maccentraleurope maclatin2"},
    {"tis_620", "tis-620", Kind::icu, kNative, false, "TIS-620",
     "iso_ir_166 tis620 tis_620_0 tis_620_2529_0 tis_620_2529_1"},
    {"shift_jis", "shift_jis", Kind::icu, kNative, false, "Shift_JIS",
     "csshiftjis s_jis shiftjis sjis x_mac_japanese"},
    {"cp932", "cp932", Kind::icu, kNative, false, "windows-31j", "932 ms932 ms_kanji mskanji windows_31j"},
    {"euc_jp", "euc_jp", Kind::icu, kNative, false, "EUC-JP", "eucjp u_jis ujis"},
    {"iso2022_jp", "iso2022_jp", Kind::icu, kNative, false, "ISO-2022-JP", "csiso2022jp iso2022jp iso_2022_jp"},
    {"gbk", "gbk", Kind::icu, kNative, false, "GBK", "936 cp936 ms936"},
    {"gb2312", "gb2312", Kind::icu, kNative, false, "GB2312",
     "chinese csiso58gb231280 euc_cn euccn eucgb2312_cn gb2312_1980 gb2312_80 iso_ir_58 x_mac_simp_chinese"},
    {"gb18030", "gb18030", Kind::icu, kNative, false, "GB18030", "gb18030_2000"},
    {"big5", "big5", Kind::icu, kNative, false, "Big5", "big5_tw csbig5 x_mac_trad_chinese"},
    {"big5hkscs", "big5hkscs", Kind::icu, kNative, false, "Big5-HKSCS", "big5_hkscs hkscs"},
    {"euc_kr", "euc_kr", Kind::icu, kNative, false, "EUC-KR",
     "euckr korean ks_c_5601 ks_c_5601_1987 ks_x_1001 ksc5601 ksx1001 x_mac_korean"},
    {"cp949", "cp949", Kind::icu, kNative, false, "windows-949", "949 ms949 uhc"},
    {"hz", "hz", Kind::icu, kNative, false, "HZ-GB-2312", "hz_gb hz_gb_2312 hzgb"},
};

bool is_alnum(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The entry whose module name or one of whose aliases is `key` (normalized); a linear
// scan, as lookups are rare and a table built at start-up would cost every run.
const Entry* find_normalized(std::string_view key) {
  for (const Entry& e : kCodecs) {
    if (key == e.module) return &e;
    std::string_view aliases = e.aliases;
    while (!aliases.empty()) {
      const size_t space = aliases.find(' ');
      if (aliases.substr(0, space) == key) return &e;
      if (space == std::string_view::npos) break;
      aliases.remove_prefix(space + 1);
    }
  }
  return nullptr;
}

}  // namespace

std::string normalize_encoding(std::string_view encoding) {
  std::string out;
  bool pending_underscore = false;
  for (char c : encoding) {
    if (is_alnum(c) || c == '.') {
      if (pending_underscore && !out.empty()) out += '_';
      pending_underscore = false;
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else {
      pending_underscore = true;
    }
  }
  return out;
}

const Entry* find(std::string_view encoding) {
  std::string key = normalize_encoding(encoding);
  const Entry* e = find_normalized(key);
  if (!e) {
    // encodings.search_function also tries the name with dots as underscores.
    for (char& c : key)
      if (c == '.') c = '_';
    e = find_normalized(key);
  }
  if (!e) return nullptr;
  if (e->kind == Kind::icu) {
    // Only the code pages the loaded ICU actually has.
    const prim::UnicodeLibrary* lib = prim::unicode_library();
    if (!lib) return nullptr;
    gopy_converter* c = lib->converter_open(e->icu);
    if (!c) return nullptr;
    lib->converter_close(c);
  }
  return e;
}

std::string error_name(const Entry& e) {
  switch (e.kind) {
    case Kind::utf8: return "utf-8";
    case Kind::utf16: return e.byteorder == 0 ? "utf-16" : e.byteorder < 0 ? "utf-16-le" : "utf-16-be";
    case Kind::utf32: return e.byteorder == 0 ? "utf-32" : e.byteorder < 0 ? "utf-32-le" : "utf-32-be";
    case Kind::ascii: return "ascii";
    case Kind::latin1: return "latin-1";
    case Kind::cp1252: return "charmap";
    case Kind::icu: break;
  }
  if (std::string_view(e.module) == "utf_7") return "utf7";
  static std::unordered_map<const Entry*, bool> single_byte;
  auto it = single_byte.find(&e);
  if (it == single_byte.end()) {
    bool sbcs = false;
    if (const prim::UnicodeLibrary* lib = prim::unicode_library()) {
      if (gopy_converter* c = lib->converter_open(e.icu)) {
        sbcs = lib->converter_single_byte(c) != 0;
        lib->converter_close(c);
      }
    }
    it = single_byte.emplace(&e, sbcs).first;
  }
  return it->second ? "charmap" : e.module;
}

}  // namespace gopy::codec

namespace gopy {

bool codec_canonical_name(std::string_view encoding, std::string* name) {
  const codec::Entry* e = codec::find(encoding);
  if (!e) return false;
  *name = e->name;
  return true;
}

}  // namespace gopy
