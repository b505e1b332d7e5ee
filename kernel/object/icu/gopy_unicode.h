/* The C entry points of libgopy_unicode.so, the ICU-backed character database and
   code-page converters that libgopy loads on first use of a non-ASCII character or of a
   code page. Plain C: no C++ exceptions or types cross the boundary. */
#ifndef GOPY_UNICODE_H
#define GOPY_UNICODE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped when the entry points change; libgopy refuses a library of another version. */
#define GOPY_UNICODE_ABI_VERSION 3

/* Bits of gopy_unicode_flags(), one per CPython character class
   (CPython: Tools/unicode/makeunicodedata.py, Objects/unicodectype.c). */
enum {
  GOPY_UC_ALPHA = 1 << 0,          /* category L* */
  GOPY_UC_DECIMAL = 1 << 1,        /* Numeric_Type=Decimal */
  GOPY_UC_DIGIT = 1 << 2,          /* Numeric_Type=Decimal or Digit */
  GOPY_UC_NUMERIC = 1 << 3,        /* any Numeric_Type */
  GOPY_UC_SPACE = 1 << 4,          /* bidi WS, B, S or category Zs */
  GOPY_UC_LINEBREAK = 1 << 5,      /* bidi B or Line_Break BK, CR, LF, NL */
  GOPY_UC_LOWER = 1 << 6,          /* Lowercase property */
  GOPY_UC_UPPER = 1 << 7,          /* Uppercase property */
  GOPY_UC_TITLE = 1 << 8,          /* category Lt */
  GOPY_UC_CASED = 1 << 9,          /* Cased property */
  GOPY_UC_CASE_IGNORABLE = 1 << 10,/* Case_Ignorable property */
  GOPY_UC_PRINTABLE = 1 << 11,     /* not C*, Z* (space excepted) */
  GOPY_UC_XID_START = 1 << 12,
  GOPY_UC_XID_CONTINUE = 1 << 13
};

/* Which full case mapping gopy_unicode_case_map() applies. */
enum { GOPY_CASE_LOWER = 0, GOPY_CASE_UPPER = 1, GOPY_CASE_TITLE = 2, GOPY_CASE_FOLD = 3 };

int32_t gopy_unicode_abi_version(void);
/* The Unicode version of the data, e.g. "15.0". */
const char* gopy_unicode_data_version(void);
uint32_t gopy_unicode_flags(uint32_t code_point);
/* Decimal (Numeric_Type=Decimal) and digit (Decimal or Digit) values, or -1. */
int32_t gopy_unicode_decimal(uint32_t code_point);
int32_t gopy_unicode_digit(uint32_t code_point);
/* Full (SpecialCasing, context-free) mapping of one code point into out[0..capacity):
   returns the number of code points written (at most 3 for Unicode's data), or -1 if
   capacity is too small or the kind is unknown. */
int32_t gopy_unicode_case_map(uint32_t code_point, int32_t kind, uint32_t* out, int32_t capacity);

/* The character's name (CPython's unicodedata.name: Unicode names, algorithmic ones
   for Hangul syllables and CJK ideographs), NUL-terminated into out; its length, or 0
   when the code point has no name or capacity is too small. */
int32_t gopy_unicode_char_name(uint32_t code_point, char* out, int32_t capacity);

/* The code point named `name` (a Unicode name or a name alias, case-insensitive, as
   CPython's \N{...} and unicodedata.lookup accept), or -1. */
int32_t gopy_unicode_char_from_name(const char* name);
/* NFKC of the UTF-8 text src[0..length) into out[0..capacity) as UTF-8: its length, or -1
   on invalid input or too small a capacity. */
int32_t gopy_unicode_nfkc(const char* src, int32_t length, char* out, int32_t capacity);

/* Character-set converters (ICU ucnv), for the codecs gopy does not implement itself.
   A converter is opened by its ICU name and used by one thread at a time. */
typedef struct gopy_converter gopy_converter;
gopy_converter* gopy_unicode_converter_open(const char* icu_name); /* NULL: unknown */
void gopy_unicode_converter_close(gopy_converter* converter);
/* 1 when every character is one byte (a code page CPython implements as a charmap). */
int32_t gopy_unicode_converter_single_byte(gopy_converter* converter);
/* Encodes one code point into out: the bytes written, or -1 when it cannot be encoded
   (-2 when out is too small). flush = 1 on the last call writes any closing sequence
   (code_point is then ignored when it is 0xFFFFFFFF). */
int32_t gopy_unicode_converter_encode(gopy_converter* converter, uint32_t code_point, int32_t flush,
                                      char* out, int32_t capacity);
/* Decodes the next character of src[0..length): the bytes consumed (> 0) with the code
   point in *code_point (0xFFFFFFFF: bytes that make no character, such as UTF-7's '-');
   0 when src holds only the start of a character; -n when the next n bytes are not a
   valid character. */
int32_t gopy_unicode_converter_decode(gopy_converter* converter, const char* src, int32_t length,
                                      uint32_t* code_point);

#ifdef __cplusplus
}
#endif

#endif /* GOPY_UNICODE_H */
