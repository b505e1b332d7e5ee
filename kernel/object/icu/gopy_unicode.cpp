// libgopy_unicode.so: CPython's character classes and full case mappings answered from
// ICU's Unicode data. C entry points only; nothing here throws.
// CPython: Tools/unicode/makeunicodedata.py (which properties make each class)
#include "gopy_unicode.h"

#include <unicode/ubrk.h>
#include <unicode/ucasemap.h>
#include <unicode/uchar.h>
#include <unicode/unorm2.h>
#include <unicode/ustring.h>
#include <unicode/uversion.h>

#include <cstdio>

namespace {

uint32_t compute_flags(UChar32 c) {
  uint32_t f = 0;
  const int32_t gc_mask = U_GET_GC_MASK(c);
  const auto numeric = static_cast<UNumericType>(u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE));
  const UCharDirection bidi = u_charDirection(c);
  if (gc_mask & U_GC_L_MASK) f |= GOPY_UC_ALPHA;
  if (numeric == U_NT_DECIMAL) f |= GOPY_UC_DECIMAL;
  if (numeric == U_NT_DECIMAL || numeric == U_NT_DIGIT) f |= GOPY_UC_DIGIT;
  if (numeric != U_NT_NONE) f |= GOPY_UC_NUMERIC;
  if (bidi == U_WHITE_SPACE_NEUTRAL || bidi == U_BLOCK_SEPARATOR || bidi == U_SEGMENT_SEPARATOR ||
      (gc_mask & U_GC_ZS_MASK))
    f |= GOPY_UC_SPACE;
  // Line breaks: bidi class B or a mandatory Line_Break class (BK, CR, LF, NL).
  const auto line_break = static_cast<ULineBreak>(u_getIntPropertyValue(c, UCHAR_LINE_BREAK));
  if (bidi == U_BLOCK_SEPARATOR || line_break == U_LB_MANDATORY_BREAK || line_break == U_LB_CARRIAGE_RETURN ||
      line_break == U_LB_LINE_FEED || line_break == U_LB_NEXT_LINE)
    f |= GOPY_UC_LINEBREAK;
  if (u_hasBinaryProperty(c, UCHAR_LOWERCASE)) f |= GOPY_UC_LOWER;
  if (u_hasBinaryProperty(c, UCHAR_UPPERCASE)) f |= GOPY_UC_UPPER;
  if (gc_mask & U_GC_LT_MASK) f |= GOPY_UC_TITLE;
  if (u_hasBinaryProperty(c, UCHAR_CASED)) f |= GOPY_UC_CASED;
  if (u_hasBinaryProperty(c, UCHAR_CASE_IGNORABLE)) f |= GOPY_UC_CASE_IGNORABLE;
  // Printable: everything but the categories C* and Z*, except the space itself.
  if (c == ' ' || !(gc_mask & (U_GC_C_MASK | U_GC_Z_MASK))) f |= GOPY_UC_PRINTABLE;
  if (u_hasBinaryProperty(c, UCHAR_XID_START)) f |= GOPY_UC_XID_START;
  if (u_hasBinaryProperty(c, UCHAR_XID_CONTINUE)) f |= GOPY_UC_XID_CONTINUE;
  return f;
}

// Title case of one code point exactly as UnicodeData/SpecialCasing give it: a case map
// that titlecases the character at each break of a character iterator with no adjustment
// to the next cased letter (so U+0345 titlecases to U+0399 as in CPython). One per thread,
// as ICU case maps are not shared; closed when the thread ends.
class TitleCaseMap {
 public:
  TitleCaseMap() {
    UErrorCode status = U_ZERO_ERROR;
    map_ = ucasemap_open("", U_TITLECASE_NO_BREAK_ADJUSTMENT | U_TITLECASE_NO_LOWERCASE, &status);
    UBreakIterator* characters = ubrk_open(UBRK_CHARACTER, "", nullptr, 0, &status);
    if (U_SUCCESS(status)) ucasemap_setBreakIterator(map_, characters, &status);  // adopts it
    if (U_FAILURE(status)) {
      ucasemap_close(map_);
      map_ = nullptr;
    }
  }
  ~TitleCaseMap() { ucasemap_close(map_); }
  TitleCaseMap(const TitleCaseMap&) = delete;
  TitleCaseMap& operator=(const TitleCaseMap&) = delete;
  UCaseMap* get() const { return map_; }

 private:
  UCaseMap* map_ = nullptr;
};

UCaseMap* title_case_map() {
  thread_local TitleCaseMap map;
  return map.get();
}

}  // namespace

extern "C" {

int32_t gopy_unicode_abi_version(void) { return GOPY_UNICODE_ABI_VERSION; }

const char* gopy_unicode_data_version(void) {
  static char text[U_MAX_VERSION_STRING_LENGTH] = {0};
  if (text[0] == 0) {
    UVersionInfo version;
    u_getUnicodeVersion(version);
    std::snprintf(text, sizeof text, "%d.%d", version[0], version[1]);
  }
  return text;
}

uint32_t gopy_unicode_flags(uint32_t code_point) {
  if (code_point > 0x10FFFF) return 0;
  return compute_flags(static_cast<UChar32>(code_point));
}

int32_t gopy_unicode_decimal(uint32_t code_point) {
  if (code_point > 0x10FFFF) return -1;
  const auto c = static_cast<UChar32>(code_point);
  if (u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE) != U_NT_DECIMAL) return -1;
  return u_charDigitValue(c);
}

int32_t gopy_unicode_digit(uint32_t code_point) {
  if (code_point > 0x10FFFF) return -1;
  const auto c = static_cast<UChar32>(code_point);
  const auto numeric = u_getIntPropertyValue(c, UCHAR_NUMERIC_TYPE);
  if (numeric != U_NT_DECIMAL && numeric != U_NT_DIGIT) return -1;
  return static_cast<int32_t>(u_getNumericValue(c));
}

int32_t gopy_unicode_case_map(uint32_t code_point, int32_t kind, uint32_t* out, int32_t capacity) {
  if (code_point > 0x10FFFF || capacity < 1) return -1;
  UChar src[2];
  int32_t src_len = 0;
  UBool error = false;
  U16_APPEND(src, src_len, 2, static_cast<UChar32>(code_point), error);
  if (error) {  // a lone surrogate maps to itself
    out[0] = code_point;
    return 1;
  }
  UChar dest[16];
  UErrorCode status = U_ZERO_ERROR;
  int32_t len = 0;
  switch (kind) {
    case GOPY_CASE_LOWER: len = u_strToLower(dest, 16, src, src_len, "", &status); break;
    case GOPY_CASE_UPPER: len = u_strToUpper(dest, 16, src, src_len, "", &status); break;
    case GOPY_CASE_TITLE:
      if (title_case_map() == nullptr) return -1;
      len = ucasemap_toTitle(title_case_map(), dest, 16, src, src_len, &status);
      break;
    case GOPY_CASE_FOLD: len = u_strFoldCase(dest, 16, src, src_len, U_FOLD_CASE_DEFAULT, &status); break;
    default: return -1;
  }
  if (U_FAILURE(status) || len > 16) return -1;
  int32_t written = 0;
  for (int32_t i = 0; i < len;) {
    UChar32 c;
    U16_NEXT(dest, i, len, c);
    if (written == capacity) return -1;
    out[written++] = static_cast<uint32_t>(c);
  }
  return written;
}

}  // extern "C"

// ---- character names and converters (the codecs) ----
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>

extern "C" int32_t gopy_unicode_char_name(uint32_t code_point, char* out, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  const int32_t length = u_charName(static_cast<UChar32>(code_point), U_UNICODE_CHAR_NAME, out, capacity, &status);
  if (U_FAILURE(status) || status == U_STRING_NOT_TERMINATED_WARNING || length >= capacity) return 0;
  return length;
}

extern "C" int32_t gopy_unicode_char_from_name(const char* name) {
  // CPython: Modules/unicodedata.c _getcode (names, then aliases).
  for (UCharNameChoice choice : {U_UNICODE_CHAR_NAME, U_CHAR_NAME_ALIAS}) {
    UErrorCode status = U_ZERO_ERROR;
    const UChar32 c = u_charFromName(choice, name, &status);
    if (U_SUCCESS(status) && c >= 0) return c;
  }
  return -1;
}

extern "C" int32_t gopy_unicode_nfkc(const char* src, int32_t length, char* out, int32_t capacity) {
  UErrorCode status = U_ZERO_ERROR;
  const UNormalizer2* nfkc = unorm2_getNFKCInstance(&status);
  if (U_FAILURE(status)) return -1;
  // UTF-8 -> UTF-16, normalize, back to UTF-8.
  int32_t units = 0;
  u_strFromUTF8(nullptr, 0, &units, src, length, &status);
  if (status != U_BUFFER_OVERFLOW_ERROR && U_FAILURE(status)) return -1;
  status = U_ZERO_ERROR;
  UChar* text = new UChar[units + 1];
  u_strFromUTF8(text, units + 1, nullptr, src, length, &status);
  const int32_t max_units = units * 18 + 1;  // NFKC expands a code point to at most 18
  UChar* normal = new UChar[max_units];
  const int32_t normal_units = U_SUCCESS(status) ? unorm2_normalize(nfkc, text, units, normal, max_units, &status) : 0;
  int32_t written = -1;
  if (U_SUCCESS(status)) {
    u_strToUTF8(out, capacity, &written, normal, normal_units, &status);
    if (U_FAILURE(status) || written >= capacity) written = -1;
  }
  delete[] text;
  delete[] normal;
  return written;
}

struct gopy_converter {
  UConverter* cnv;
};

extern "C" gopy_converter* gopy_unicode_converter_open(const char* icu_name) {
  UErrorCode status = U_ZERO_ERROR;
  UConverter* cnv = ucnv_open(icu_name, &status);
  if (U_FAILURE(status) || cnv == nullptr) return nullptr;
  // Stop at every unmappable or invalid sequence: the caller applies the error handler.
  ucnv_setFromUCallBack(cnv, UCNV_FROM_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
  ucnv_setFallback(cnv, false);
  return new gopy_converter{cnv};
}

extern "C" void gopy_unicode_converter_close(gopy_converter* converter) {
  if (converter == nullptr) return;
  ucnv_close(converter->cnv);
  delete converter;
}

extern "C" int32_t gopy_unicode_converter_single_byte(gopy_converter* converter) {
  return ucnv_getMaxCharSize(converter->cnv) == 1 && ucnv_getType(converter->cnv) == UCNV_SBCS;
}

extern "C" int32_t gopy_unicode_converter_encode(gopy_converter* converter, uint32_t code_point, int32_t flush,
                                                 char* out, int32_t capacity) {
  UChar units[2];
  int32_t count = 0;
  if (code_point != 0xFFFFFFFFu) {
    if (code_point >= 0xD800 && code_point < 0xE000) return -1;  // a lone surrogate is never encodable
    U16_APPEND_UNSAFE(units, count, static_cast<UChar32>(code_point));
  }
  const UChar* src = units;
  char* target = out;
  UErrorCode status = U_ZERO_ERROR;
  ucnv_fromUnicode(converter->cnv, &target, out + capacity, &src, units + count, nullptr, flush != 0, &status);
  if (status == U_BUFFER_OVERFLOW_ERROR) return -2;
  if (U_FAILURE(status)) {
    ucnv_resetFromUnicode(converter->cnv);
    return -1;
  }
  return static_cast<int32_t>(target - out);
}

extern "C" int32_t gopy_unicode_converter_decode(gopy_converter* converter, const char* src, int32_t length,
                                                 uint32_t* code_point) {
  const char* p = src;
  UErrorCode status = U_ZERO_ERROR;
  UChar32 c = ucnv_getNextUChar(converter->cnv, &p, src + length, &status);
  const auto used = static_cast<int32_t>(p - src);
  if (status == U_INDEX_OUTOFBOUNDS_ERROR && used > 0) {
    // Bytes that end a run without a character of their own (UTF-7's '-').
    *code_point = 0xFFFFFFFFu;
    return used;
  }
  if (status == U_TRUNCATED_CHAR_FOUND || status == U_INDEX_OUTOFBOUNDS_ERROR) {
    ucnv_resetToUnicode(converter->cnv);
    return 0;
  }
  if (U_FAILURE(status)) {
    ucnv_resetToUnicode(converter->cnv);
    return -(used > 0 ? used : 1);
  }
  *code_point = static_cast<uint32_t>(c);
  return used > 0 ? used : 1;
}
