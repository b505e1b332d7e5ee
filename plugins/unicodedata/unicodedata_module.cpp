// The unicodedata module over ICU's character properties and normalizers (CPython:
// Modules/unicodedata.c). The data is ICU's: unidata_version is the Unicode version ICU
// carries, and named sequences (lookup of a sequence name) are not available.
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>

#include <cstdio>
#include <string>
#include <vector>

#include "gopy/module.h"

namespace gopy_unicodedata {
namespace {

// The code point of a one-character str, or -1 with CPython's TypeError.
int32_t code_point_of(gopy_Object* o, const char* fname) {
  const char* text = nullptr;
  size_t length = 0;
  if (gopy_Str_Check(o) && gopy_Str_AsUTF8(o, &text, &length) == 0) {
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(reinterpret_cast<const uint8_t*>(text), i, int32_t(length), c);
    if (c >= 0 && size_t(i) == length) return c;
    if (c < 0 && length == 3) {
      // a lone surrogate, kept by the str as its three-byte form
      auto* b = reinterpret_cast<const uint8_t*>(text);
      return ((b[0] & 0x0F) << 12) | ((b[1] & 0x3F) << 6) | (b[2] & 0x3F);
    }
    if (length != 0 && size_t(i) == length) return -1;
  } else if (!gopy_Str_Check(o)) {
    std::string message = std::string(fname) + "() argument must be a unicode character, not " +
                          gopy_Object_TypeName(o);
    gopy_Err_Raise("TypeError", message.c_str());
    return -1;
  }
  std::string message = std::string(fname) + "() argument must be a unicode character, not str";
  gopy_Err_Raise("TypeError", message.c_str());
  return -1;
}

gopy_Object* str_of(const char* text) { return gopy_Str_FromString(text); }

// The default of name(), decimal(), digit() and numeric(), or their ValueError.
gopy_Object* default_or_error(gopy_Object* defaults, const char* message, const char* fname) {
  size_t n = gopy_Tuple_Size(defaults);
  if (n == 0) return gopy_Err_Raise("ValueError", message);
  if (n > 1) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s expected at most 2 arguments, got %zu", fname, n + 1);
    return gopy_Err_Raise("TypeError", buf);
  }
  return gopy_NewRef(gopy_Tuple_GetItem(defaults, 0));
}

bool too_many(gopy_Object* defaults, const char* fname) {
  if (gopy_Tuple_Size(defaults) <= 1) return false;
  default_or_error(defaults, "", fname);
  return true;
}

const char* const kCategories[] = {"Cn", "Lu", "Ll", "Lt", "Lm", "Lo", "Mn", "Me", "Mc", "Nd",
                                   "Nl", "No", "Zs", "Zl", "Zp", "Cc", "Cf", "Co", "Cs", "Pd",
                                   "Ps", "Pe", "Pc", "Po", "Sm", "Sc", "Sk", "So", "Pi", "Pf"};
const char* const kBidi[] = {"L",  "R",   "EN",  "ES", "ET",  "AN",  "CS",  "B",
                             "S",  "WS",  "ON",  "LRE", "LRO", "AL",  "RLE", "RLO",
                             "PDF", "NSM", "BN",  "FSI", "LRI", "RLI", "PDI"};
const char* const kEastAsianWidth[] = {"N", "A", "H", "F", "Na", "W"};

gopy_Object* ud_category(gopy_Object*, gopy_Object* const* args) {
  int32_t c = code_point_of(args[0], "category");
  if (c < 0) return nullptr;
  int8_t t = u_charType(c);
  return str_of(t >= 0 && size_t(t) < sizeof kCategories / sizeof *kCategories ? kCategories[t] : "Cn");
}

gopy_Object* ud_bidirectional(gopy_Object*, gopy_Object* const* args) {
  int32_t c = code_point_of(args[0], "bidirectional");
  if (c < 0) return nullptr;
  if (u_charType(c) == U_UNASSIGNED) return str_of("");  // CPython: no class for these
  UCharDirection d = u_charDirection(c);
  return str_of(size_t(d) < sizeof kBidi / sizeof *kBidi ? kBidi[d] : "");
}

gopy_Object* ud_combining(gopy_Object*, gopy_Object* const* args) {
  int32_t c = code_point_of(args[0], "combining");
  if (c < 0) return nullptr;
  return gopy_Long_FromInt64(u_getCombiningClass(c));
}

gopy_Object* ud_mirrored(gopy_Object*, gopy_Object* const* args) {
  int32_t c = code_point_of(args[0], "mirrored");
  if (c < 0) return nullptr;
  return gopy_Long_FromInt64(u_isMirrored(c) ? 1 : 0);
}

gopy_Object* ud_east_asian_width(gopy_Object*, gopy_Object* const* args) {
  int32_t c = code_point_of(args[0], "east_asian_width");
  if (c < 0) return nullptr;
  int32_t w = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
  return str_of(w >= 0 && size_t(w) < sizeof kEastAsianWidth / sizeof *kEastAsianWidth ? kEastAsianWidth[w] : "N");
}

gopy_Object* ud_decimal(gopy_Object*, gopy_Object* const* args) {
  int32_t c = code_point_of(args[0], "decimal");
  if (c < 0 || too_many(args[1], "decimal")) return nullptr;
  if (u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE) == U_NT_DECIMAL)
    return gopy_Long_FromInt64(u_charDigitValue(c));
  return default_or_error(args[1], "not a decimal", "decimal");
}

gopy_Object* ud_digit(gopy_Object*, gopy_Object* const* args) {
  int32_t c = code_point_of(args[0], "digit");
  if (c < 0 || too_many(args[1], "digit")) return nullptr;
  int32_t type = u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE);
  if (type == U_NT_DECIMAL || type == U_NT_DIGIT) return gopy_Long_FromInt64(int64_t(u_getNumericValue(c)));
  return default_or_error(args[1], "not a digit", "digit");
}

gopy_Object* ud_numeric(gopy_Object*, gopy_Object* const* args) {
  int32_t c = code_point_of(args[0], "numeric");
  if (c < 0 || too_many(args[1], "numeric")) return nullptr;
  double v = u_getNumericValue(c);
  if (v != U_NO_NUMERIC_VALUE) return gopy_Float_FromDouble(v);
  return default_or_error(args[1], "not a numeric character", "numeric");
}

gopy_Object* ud_name(gopy_Object*, gopy_Object* const* args) {
  int32_t c = code_point_of(args[0], "name");
  if (c < 0 || too_many(args[1], "name")) return nullptr;
  char buf[256];
  UErrorCode status = U_ZERO_ERROR;
  int32_t n = u_charName(c, U_UNICODE_CHAR_NAME, buf, int32_t(sizeof buf), &status);
  if (U_SUCCESS(status) && n > 0) return gopy_Str_FromUTF8(buf, size_t(n));
  return default_or_error(args[1], "no such name", "name");
}

gopy_Object* ud_lookup(gopy_Object*, gopy_Object* const* args) {
  const char* text = nullptr;
  size_t length = 0;
  if (!gopy_Str_Check(args[0])) {
    std::string message = std::string("lookup() argument must be str, not ") + gopy_Object_TypeName(args[0]);
    return gopy_Err_Raise("TypeError", message.c_str());
  }
  if (gopy_Str_AsUTF8(args[0], &text, &length) != 0) return nullptr;
  std::string name(text, length);
  UChar32 c = -1;
  if (name.size() <= 256) {
    for (UCharNameChoice choice : {U_UNICODE_CHAR_NAME, U_CHAR_NAME_ALIAS}) {
      UErrorCode status = U_ZERO_ERROR;
      c = u_charFromName(choice, name.c_str(), &status);
      if (U_SUCCESS(status) && c >= 0) break;
      c = -1;
    }
  }
  if (c < 0) {
    std::string message = "undefined character name '" + name + "'";
    return gopy_Err_Raise("KeyError", message.c_str());
  }
  char buf[4];
  int32_t i = 0;
  UBool error = false;
  U8_APPEND(reinterpret_cast<uint8_t*>(buf), i, int32_t(sizeof buf), c, error);
  (void)error;  // four bytes always fit one code point
  return gopy_Str_FromUTF8(buf, size_t(i));
}

const char* const kDecompositionTags[] = {
    "",        "",          "<compat>", "<circle>", "<final>", "<font>",     "<fraction>",
    "<initial>", "<isolated>", "<medial>", "<narrow>", "<noBreak>", "<small>", "<square>",
    "<sub>",   "<super>",   "<vertical>", "<wide>"};

gopy_Object* ud_decomposition(gopy_Object*, gopy_Object* const* args) {
  int32_t c = code_point_of(args[0], "decomposition");
  if (c < 0) return nullptr;
  // CPython lists no decomposition for the algorithmically decomposed Hangul syllables
  if (c >= 0xAC00 && c <= 0xD7A3) return str_of("");
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfkd = unorm2_getNFKDInstance(&status);
  if (U_FAILURE(status)) return gopy_Err_Raise("RuntimeError", "ICU normalizer unavailable");
  UChar raw[32];
  int32_t n = unorm2_getRawDecomposition(nfkd, c, raw, 32, &status);
  if (U_FAILURE(status) || n <= 0) return str_of("");
  std::string out;
  int32_t type = u_getIntPropertyValue(c, UCHAR_DECOMPOSITION_TYPE);
  if (type > 1 && size_t(type) < sizeof kDecompositionTags / sizeof *kDecompositionTags) out = kDecompositionTags[type];
  int32_t i = 0;
  while (i < n) {
    UChar32 d;
    U16_NEXT(raw, i, n, d);
    char hex[16];
    std::snprintf(hex, sizeof hex, "%04X", unsigned(d));
    if (!out.empty()) out += ' ';
    out += hex;
  }
  return gopy_Str_FromUTF8(out.data(), out.size());
}

// The normalizer of a form name, or NULL with CPython's ValueError.
const UNormalizer2* normalizer_of(gopy_Object* form) {
  const char* text = nullptr;
  size_t length = 0;
  if (!gopy_Str_Check(form)) {
    std::string message = std::string("normalize() argument 1 must be str, not ") + gopy_Object_TypeName(form);
    gopy_Err_Raise("TypeError", message.c_str());
    return nullptr;
  }
  if (gopy_Str_AsUTF8(form, &text, &length) != 0) return nullptr;
  std::string f(text, length);
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* n = nullptr;
  if (f == "NFC") n = unorm2_getNFCInstance(&status);
  else if (f == "NFD") n = unorm2_getNFDInstance(&status);
  else if (f == "NFKC") n = unorm2_getNFKCInstance(&status);
  else if (f == "NFKD") n = unorm2_getNFKDInstance(&status);
  if (!n || U_FAILURE(status)) {
    gopy_Err_Raise("ValueError", "invalid normalization form");
    return nullptr;
  }
  return n;
}

// The UTF-16 text of a str argument; false with an exception.
bool utf16_of(gopy_Object* s, const char* fname, std::vector<UChar>& out) {
  const char* text = nullptr;
  size_t length = 0;
  if (!gopy_Str_Check(s)) {
    std::string message = std::string(fname) + "() argument 2 must be str, not " + gopy_Object_TypeName(s);
    gopy_Err_Raise("TypeError", message.c_str());
    return false;
  }
  if (gopy_Str_AsUTF8(s, &text, &length) != 0) return false;
  out.assign(length + 1, 0);
  int32_t n = 0;
  UErrorCode status = U_ZERO_ERROR;
  u_strFromUTF8Lenient(out.data(), int32_t(out.size()), &n, text, int32_t(length), &status);
  if (U_FAILURE(status)) {
    gopy_Err_Raise("ValueError", "cannot normalize this string");
    return false;
  }
  out.resize(size_t(n));
  return true;
}

gopy_Object* ud_normalize(gopy_Object*, gopy_Object* const* args) {
  const UNormalizer2* n = normalizer_of(args[0]);
  if (!n) return nullptr;
  std::vector<UChar> src;
  if (!utf16_of(args[1], "normalize", src)) return nullptr;
  UErrorCode status = U_ZERO_ERROR;
  if (unorm2_isNormalized(n, src.data(), int32_t(src.size()), &status) && U_SUCCESS(status))
    return gopy_NewRef(args[1]);
  status = U_ZERO_ERROR;
  std::vector<UChar> dst(src.size() * 4 + 16);
  int32_t len = unorm2_normalize(n, src.data(), int32_t(src.size()), dst.data(), int32_t(dst.size()), &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) {
    dst.resize(size_t(len));
    status = U_ZERO_ERROR;
    len = unorm2_normalize(n, src.data(), int32_t(src.size()), dst.data(), int32_t(dst.size()), &status);
  }
  if (U_FAILURE(status)) return gopy_Err_Raise("ValueError", "cannot normalize this string");
  std::string out(size_t(len) * 3 + 4, '\0');
  int32_t out_len = 0;
  status = U_ZERO_ERROR;
  u_strToUTF8(out.data(), int32_t(out.size()), &out_len, dst.data(), len, &status);
  if (U_FAILURE(status)) return gopy_Err_Raise("ValueError", "cannot normalize this string");
  return gopy_Str_FromUTF8(out.data(), size_t(out_len));
}

gopy_Object* ud_is_normalized(gopy_Object*, gopy_Object* const* args) {
  const UNormalizer2* n = normalizer_of(args[0]);
  if (!n) return nullptr;
  std::vector<UChar> src;
  if (!utf16_of(args[1], "is_normalized", src)) return nullptr;
  UErrorCode status = U_ZERO_ERROR;
  UBool yes = unorm2_isNormalized(n, src.data(), int32_t(src.size()), &status);
  if (U_FAILURE(status)) return gopy_Err_Raise("ValueError", "cannot normalize this string");
  return gopy_Bool_FromInt(yes ? 1 : 0);
}

std::string unicode_version() {
  UVersionInfo v;
  u_getUnicodeVersion(v);
  char buf[32];
  std::snprintf(buf, sizeof buf, "%d.%d.%d", v[0], v[1], v[2]);
  return buf;
}

const gopy_FunctionDef kFunctions[] = {
    {"bidirectional", ud_bidirectional, "chr, /", "Returns the bidirectional class assigned to the character chr as string."},
    {"category", ud_category, "chr, /", "Returns the general category assigned to the character chr as string."},
    {"combining", ud_combining, "chr, /", "Returns the canonical combining class assigned to the character chr as integer."},
    {"decimal", ud_decimal, "chr, /, *default", "Converts a Unicode character into its equivalent decimal value."},
    {"decomposition", ud_decomposition, "chr, /", "Returns the character decomposition mapping assigned to the character chr as string."},
    {"digit", ud_digit, "chr, /, *default", "Converts a Unicode character into its equivalent digit value."},
    {"east_asian_width", ud_east_asian_width, "chr, /", "Returns the east asian width assigned to the character chr as string."},
    {"is_normalized", ud_is_normalized, "form, unistr, /", "Return whether the Unicode string unistr is in the normal form 'form'."},
    {"lookup", ud_lookup, "name, /", "Look up character by name."},
    {"mirrored", ud_mirrored, "chr, /", "Returns the mirrored property assigned to the character chr as integer."},
    {"name", ud_name, "chr, /, *default", "Returns the name assigned to the character chr as a string."},
    {"normalize", ud_normalize, "form, unistr, /", "Return the normal form 'form' for the Unicode string unistr."},
    {"numeric", ud_numeric, "chr, /, *default", "Converts a Unicode character into its equivalent numeric value."},
    {nullptr, nullptr, nullptr, nullptr},
};

int exec_module(gopy_plugin_context*, gopy_Object* module) {
  std::string version = unicode_version();
  gopy_Object* v = gopy_Str_FromString(version.c_str());
  if (!v) return -1;
  int r = gopy_Object_SetAttr(module, "unidata_version", v);
  gopy_DecRef(v);
  return r;
}

const gopy_ModuleDef kModule = {
    GOPY_MODULE_API_VERSION,
    "unicodedata",
    "This module provides access to the Unicode Character Database which\n"
    "defines character properties for all Unicode characters. The data\n"
    "contained in this database is compiled from the UCD version of ICU.",
    kFunctions,
    nullptr,
    nullptr,
    nullptr,
    exec_module,
};

}  // namespace
}  // namespace gopy_unicodedata

GOPY_MODULE_PLUGIN(gopy_plugin_unicodedata, "unicodedata")
GOPY_MODULE_INIT(unicodedata, gopy_unicodedata::kModule)
