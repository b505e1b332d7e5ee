// str.format and str.format_map: PEP 3101 replacement fields (CPython:
// Objects/stringlib/unicode_format.h). Each field's value goes through format(), so the
// format-spec mini-language and user __format__ methods apply. The format string is read
// as the str keeps it (UTF-8): every character the syntax uses is ASCII, and no byte of a
// longer sequence is.
#include "gopy/object.hpp"
#include "gopy/object_ascii.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/str_format.hpp"
#include "object/strcat.hpp"

namespace gopy {

namespace {

using UV = std::string_view;

// Where field values come from: positional arguments (absent for format_map) and either
// the keyword arguments of a call or a mapping.
struct FieldSource {
  Object* const* args = nullptr;
  size_t nargs = 0;
  bool has_args = false;
  Object* const* kwvalues = nullptr;
  TupleObject* kwnames = nullptr;
  Object* mapping = nullptr;
  // CPython: AutoNumberState; '{}' and '{0}' may not be mixed.
  enum class Numbering { unset, automatic, manual } numbering = Numbering::unset;
  ssize next_auto = 0;
};

Object* str_of(UV text) { return new_str(text); }

// The code point starting at s[i] (a well-formed sequence, as str text is), i moved past it.
char32_t read_code_point(UV s, size_t& i) {
  auto c = static_cast<unsigned char>(s[i++]);
  if (c < 0x80) return c;
  int extra = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : 1;
  char32_t cp = c & (0x3F >> extra);
  for (; extra > 0 && i < s.size(); --extra) cp = (cp << 6) | (static_cast<unsigned char>(s[i++]) & 0x3F);
  return cp;
}

// A non-negative decimal field index, -1 when `text` is not one (or is empty).
// CPython: Objects/stringlib/unicode_format.h get_integer
bool field_index(UV text, ssize* out) {
  *out = -1;
  if (text.empty()) return true;
  ssize value = 0;
  for (char32_t c : text) {
    if (c < '0' || c > '9') return true;
    int digit = int(c - '0');
    if (value > (PTRDIFF_MAX - digit) / 10) {
      value_error("Too many decimal digits in format string");
      return false;
    }
    value = value * 10 + digit;
  }
  *out = value;
  return true;
}

Object* keyword_value(FieldSource& src, UV name) {
  Object* key = str_of(name);
  Object* r = nullptr;
  if (src.mapping) {
    r = get_item(src.mapping, key);
  } else {
    if (src.kwnames) {
      for (size_t i = 0; i < src.kwnames->items.size(); ++i) {
        if (str_equal(as_str(src.kwnames->items[i]), as_str(key))) {
          r = new_ref(src.kwvalues[i]);
          break;
        }
      }
    }
    if (!r) key_error(key);
  }
  decref(key);
  return r;
}

// The object a field name designates: "0", "name", "", then ".attr" and "[key]" parts.
// CPython: Objects/stringlib/unicode_format.h field_name_split, get_field_object
Object* field_object(UV name, FieldSource& src) {
  size_t first_end = 0;
  while (first_end < name.size() && name[first_end] != '.' && name[first_end] != '[') ++first_end;
  UV first = name.substr(0, first_end);
  ssize index;
  if (!field_index(first, &index)) return nullptr;
  const bool empty = first.empty();
  if (empty || index != -1) {
    using N = FieldSource::Numbering;
    if (src.numbering == N::unset) src.numbering = empty ? N::automatic : N::manual;
    if (src.numbering == N::manual && empty)
      return value_error("cannot switch from manual field specification to automatic field numbering");
    if (src.numbering == N::automatic && !empty)
      return value_error("cannot switch from automatic field numbering to manual field specification");
    if (empty) index = src.next_auto++;
  }
  Object* obj;
  if (index == -1) {
    obj = keyword_value(src, first);
  } else {
    if (!src.has_args) return value_error("Format string contains positional fields");
    if (size_t(index) >= src.nargs)
      return index_error(cat("Replacement index ", index, " out of range for positional args tuple"));
    obj = new_ref(src.args[index]);
  }
  if (!obj) return nullptr;
  for (size_t i = first_end; i < name.size();) {
    char kind = name[i++];
    size_t start = i;
    Object* next;
    if (kind == '.') {
      while (i < name.size() && name[i] != '.' && name[i] != '[') ++i;
      if (i == start) {
        decref(obj);
        return value_error("Empty attribute in format string");
      }
      Object* attr = str_of(name.substr(start, i - start));
      next = get_attr(obj, as_str(attr));
      decref(attr);
    } else if (kind == '[') {
      while (i < name.size() && name[i] != ']') ++i;
      if (i == name.size()) {
        decref(obj);
        return value_error("Missing ']' in format string");
      }
      UV key_text = name.substr(start, i - start);
      ++i;  // the ']'
      if (key_text.empty()) {
        decref(obj);
        return value_error("Empty attribute in format string");
      }
      ssize key_index;
      if (!field_index(key_text, &key_index)) {
        decref(obj);
        return nullptr;
      }
      Object* key = key_index == -1 ? str_of(key_text) : new_int(key_index);
      next = get_item(obj, key);
      decref(key);
    } else {
      decref(obj);
      return value_error("Only '.' or '[' may follow ']' in format field specifier");
    }
    decref(obj);
    if (!next) return nullptr;
    obj = next;
  }
  return obj;
}

// CPython: Objects/stringlib/unicode_format.h do_conversion
Object* convert(Object* obj, char32_t conversion) {
  switch (conversion) {
    case 'r': return object_repr(obj);
    case 's': return object_str(obj);
    case 'a': return object_ascii(obj);
    default:
      if (conversion > 32 && conversion < 127)
        return value_error(cat("Unknown conversion specifier ", char(conversion)));
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\x%x", unsigned(conversion));
      return value_error(cat("Unknown conversion specifier ", buf));
  }
}

// One parsed "{name!c:spec}" field.
struct Field {
  UV name, spec;
  char32_t conversion = 0;
  bool spec_has_fields = false;
};

// Parses a field from just after its '{' to just after its closing '}'.
// CPython: Objects/stringlib/unicode_format.h parse_field
bool parse_field(UV input, size_t& i, Field& f) {
  const size_t start = i;
  char c = 0;
  while (i < input.size()) {
    c = input[i++];
    if (c == '{') {
      value_error("unexpected '{' in field name");
      return false;
    }
    if (c == '[') {
      while (i < input.size() && input[i] != ']') ++i;
      continue;
    }
    if (c == '}' || c == ':' || c == '!') break;
  }
  f.name = input.substr(start, i - 1 - start);
  if (c != '!' && c != ':') {
    if (c == '}') return true;
    value_error("expected '}' before end of string");
    return false;
  }
  if (c == '!') {
    if (i >= input.size()) {
      value_error("end of string while looking for conversion specifier");
      return false;
    }
    f.conversion = read_code_point(input, i);
    if (i < input.size()) {
      c = input[i++];
      if (c == '}') return true;
      if (c != ':') {
        value_error("expected ':' after conversion specifier");
        return false;
      }
    }
  }
  const size_t spec_start = i;
  int depth = 1;
  while (i < input.size()) {
    c = input[i++];
    if (c == '{') {
      f.spec_has_fields = true;
      ++depth;
    } else if (c == '}' && --depth == 0) {
      f.spec = input.substr(spec_start, i - 1 - spec_start);
      return true;
    }
  }
  value_error("unmatched '{' in format spec");
  return false;
}

bool build(UV input, FieldSource& src, int depth, std::string& out);

// CPython: Objects/stringlib/unicode_format.h output_markup, render_field
bool render_field(const Field& f, FieldSource& src, int depth, std::string& out) {
  Object* obj = field_object(f.name, src);
  if (!obj) return false;
  if (f.conversion) {
    Object* converted = convert(obj, f.conversion);
    decref(obj);
    if (!converted) return false;
    obj = converted;
  }
  Object* spec_obj;
  if (f.spec_has_fields) {
    std::string expanded;
    if (!build(f.spec, src, depth - 1, expanded)) {
      decref(obj);
      return false;
    }
    spec_obj = new_str(expanded);
  } else {
    spec_obj = str_of(f.spec);
  }
  Object* text = format_object(obj, spec_obj);
  decref(spec_obj);
  decref(obj);
  if (!text) return false;
  out += as_str(text)->utf8;
  decref(text);
  return true;
}

// Literal text with "{{"/"}}" escapes, and the replacement fields between.
// CPython: Objects/stringlib/unicode_format.h build_string, MarkupIterator_next
bool build(UV input, FieldSource& src, int depth, std::string& out) {
  if (depth <= 0) {
    value_error("Max string recursion exceeded");
    return false;
  }
  size_t i = 0;
  while (i < input.size()) {
    size_t brace = input.find_first_of("{}", i);
    if (brace == UV::npos) brace = input.size();
    out.append(input.substr(i, brace - i));  // literal text up to the next brace
    if (brace == input.size()) break;
    i = brace;
    char c = input[i++];
    bool at_end = i >= input.size();
    if (c == '}' && (at_end || input[i] != '}')) {
      value_error("Single '}' encountered in format string");
      return false;
    }
    if (at_end) {
      value_error("Single '{' encountered in format string");
      return false;
    }
    if (input[i] == c) {  // "{{" or "}}"
      out += c;
      ++i;
      continue;
    }
    Field f;
    if (!parse_field(input, i, f) || !render_field(f, src, depth, out)) return false;
  }
  return true;
}

Object* format_with(StrObject* self, FieldSource& src) {
  std::string out;
  // PEP 3101: specs may hold fields, but no deeper.
  if (!build(self->utf8, src, 2, out)) return nullptr;
  return new_str(out);
}

}  // namespace

// CPython: Objects/stringlib/unicode_format.h do_string_format
Object* str_format(StrObject* self, Object* const* args, size_t nargs, TupleObject* kwnames) {
  FieldSource src;
  src.args = args;
  src.nargs = nargs;
  src.has_args = true;
  src.kwvalues = args + nargs;
  src.kwnames = kwnames;
  return format_with(self, src);
}

// CPython: Objects/stringlib/unicode_format.h do_string_format_map
Object* str_format_map(StrObject* self, Object* mapping) {
  FieldSource src;
  src.mapping = mapping;
  return format_with(self, src);
}

}  // namespace gopy
