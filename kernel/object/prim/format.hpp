// The format-spec mini-language: format(x, spec), f"{x:spec}", str.format.
// CPython: Python/formatter_unicode.c
#pragma once
#include "gopy/api_begin.h"

#include <cstdint>
#include <string>
#include <string_view>

#include "object/prim/int.hpp"
#include "object/prim/result.hpp"

namespace gopy::prim {

// A parsed spec. CPython: Python/formatter_unicode.c InternalFormatSpec
struct FormatSpec {
  // How digits are grouped: none, ',' every 3, '_' every 3, '_' every 4 (b/o/x/X).
  enum class Grouping : char { none = 0, comma = ',', underscore = '_', underscore_four = '4' };

  char32_t fill = U' ';
  char32_t align = 0;      // '<', '>', '=', '^'
  bool alternate = false;  // '#'
  bool no_neg_zero = false;  // 'z'
  char32_t sign = 0;       // '+', '-', ' ' or 0
  int64_t width = -1;
  Grouping grouping = Grouping::none;
  int64_t precision = -1;
  Grouping frac_grouping = Grouping::none;  // 3.14: ".2_f" groups the fraction digits
  char32_t type = 0;
};

// Parse `spec` for an object of `type_name` ("int", "float", "str"), with the type's
// default presentation type and alignment. Errors as CPython: "Invalid format specifier
// '...' for object of type '...'", "Cannot specify ',' with 's'.", "Format specifier
// missing precision", "Cannot specify both ',' and '_'.", ...
// CPython: Python/formatter_unicode.c parse_internal_render_format_spec
Result<FormatSpec> parse_format_spec(std::u32string_view spec, std::string_view type_name,
                                     char default_type, char default_align);

// format(value, spec) for each builtin type; the empty spec is str(value).
// `type_name` is what errors call the object (a bool formats as an int but is named "bool");
// decimal output honours the int digit limit as str(int) does.
// CPython: Python/formatter_unicode.c _PyLong_FormatAdvancedWriter, format_long_internal
Result<std::u32string> format_int(const Int& value, std::u32string_view spec,
                                  std::string_view type_name = "int",
                                  int64_t max_str_digits = kDefaultMaxStrDigits);
// CPython: Python/formatter_unicode.c _PyFloat_FormatAdvancedWriter, format_float_internal
Result<std::u32string> format_float(double value, std::u32string_view spec,
                                    std::string_view type_name = "float");
// CPython: Python/formatter_unicode.c _PyUnicode_FormatAdvancedWriter, format_string_internal
Result<std::u32string> format_str(std::u32string_view value, std::u32string_view spec,
                                  std::string_view type_name = "str");

}  // namespace gopy::prim
#include "gopy/api_end.h"
