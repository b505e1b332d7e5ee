// str methods (CPython: Objects/unicodeobject.c, Objects/stringlib/*). Case mapping and
// character classes come from the Unicode primitives.
#include <algorithm>
#include <cstdint>

#include "gopy/codecs.hpp"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/args.hpp"
#include "object/prim/storage.hpp"
#include "object/prim/unicode.hpp"
#include "object/str_format.hpp"
#include "object/str_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

namespace {

using U = std::u32string;
using UV = std::u32string_view;
using BV = std::string_view;

StrObject* S(Object* o) { return as_str(o); }

bool want_str(Object* o, const char* what) {
  if (is_str(o)) return true;
  type_error(cat(what, " arg must be None or str"));
  return false;
}

// CPython: clinic's _PyArg_BadArgument ("find() argument 1 must be str, not int").
bool need_str_arg(Object* o, const char* fname, int pos) {
  if (is_str(o)) return true;
  type_error(cat(fname, "() argument ", pos, " must be str, not ", o == None() ? "None" : o->type->name.c_str()));
  return false;
}

// A method's argument count (self not counted) and no keywords. The errors of methods
// taking no or one argument (CPython's METH_NOARGS/METH_O) name the type: "str.upper()".
bool method_args(const char* name, size_t n, TupleObject* kw, size_t lo, size_t hi) {
  if ((!kw || kw->items.empty()) && n - 1 >= lo && n - 1 <= hi) return true;
  std::string shown = lo == hi && lo <= 1 ? std::string("str.") + name : std::string(name);
  return check_no_kwargs(shown.c_str(), kw) && check_nargs(shown.c_str(), n - 1, lo, hi);
}

#define ARGS(name, lo, hi) \
  if (!method_args(name, n, kw, lo, hi)) return nullptr

Object* from_cps(const U& u) { return new_str_from_cps(u); }

// ---- case and classes ----
Object* m_upper(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("upper", 0, 0);
  StrObject* s = S(a[0]);
  if (s->ascii) {
    std::string r = s->utf8;
    for (char& c : r) if (c >= 'a' && c <= 'z') c = char(c - 32);
    return new_str_known(r, s->length, true);
  }
  return from_cps(prim::str_upper(s->cps()));
}
Object* m_lower(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("lower", 0, 0);
  StrObject* s = S(a[0]);
  if (s->ascii) {
    std::string r = s->utf8;
    for (char& c : r) if (c >= 'A' && c <= 'Z') c = char(c + 32);
    return new_str_known(r, s->length, true);
  }
  return from_cps(prim::str_lower(s->cps()));
}
Object* m_title(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("title", 0, 0);
  return from_cps(prim::str_title(S(a[0])->cps()));
}
Object* m_capitalize(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("capitalize", 0, 0);
  return from_cps(prim::str_capitalize(S(a[0])->cps()));
}
Object* m_swapcase(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("swapcase", 0, 0);
  return from_cps(prim::str_swapcase(S(a[0])->cps()));
}
Object* m_casefold(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("casefold", 0, 0);
  return from_cps(prim::str_casefold(S(a[0])->cps()));
}
// The predicates' names, for their argument errors ("str.isdigit() takes no arguments").
constexpr char kIsalpha[] = "isalpha";
constexpr char kIsdigit[] = "isdigit";
constexpr char kIsdecimal[] = "isdecimal";
constexpr char kIsnumeric[] = "isnumeric";
constexpr char kIsalnum[] = "isalnum";
constexpr char kIsspace[] = "isspace";
constexpr char kIsupper[] = "isupper";
constexpr char kIslower[] = "islower";
constexpr char kIstitle[] = "istitle";
constexpr char kIsidentifier[] = "isidentifier";
constexpr char kIsprintable[] = "isprintable";
constexpr char kIsascii[] = "isascii";
template <bool (*F)(UV), const char* Name>
Object* predicate(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS(Name, 0, 0);
  StrObject* s = S(a[0]);
  if (s->ascii && s->utf8.size() <= 64) {  // short ASCII text: widened on the stack, not kept
    char32_t wide[64];
    for (size_t i = 0; i < s->utf8.size(); ++i) wide[i] = static_cast<unsigned char>(s->utf8[i]);
    return new_bool(F(UV(wide, s->utf8.size())));
  }
  return new_bool(F(s->cps()));
}

// ---- searching ----

// Resolves optional start/end arguments (a[i], a[i+1]) against length.
bool range_args(Object* const* a, size_t n, size_t i, ssize len, ssize* start, ssize* end) {
  *start = 0;
  *end = len;
  auto get = [&](size_t k, ssize* out) {
    if (n <= k || a[k] == None()) return true;
    // CPython: ceval.c _PyEval_SliceIndex
    if (!a[k]->type->nb_index) {
      type_error("slice indices must be integers or None or have an __index__ method");
      return false;
    }
    return index_as_ssize_clamped(a[k], out);
  };
  if (!get(i, start) || !get(i + 1, end)) return false;
  if (*start < 0) *start = std::max<ssize>(0, *start + len);
  if (*end < 0) *end = std::max<ssize>(0, *end + len);
  if (*end > len) *end = len;
  return true;
}

// The searches run on the UTF-8 text; only the bounds and the answer are converted
// between code point indexes and byte offsets (free for ASCII text).
struct ByteWindow {
  BV text;       // s[start:end] as bytes
  size_t first;  // byte offset of start
};
ByteWindow byte_window(StrObject* s, ssize start, ssize end) {
  size_t b = str_byte_offset(s, start);
  size_t e = str_byte_offset(s, end);
  return {BV(s->utf8).substr(b, e - b), b};
}

ssize find_impl(StrObject* s, StrObject* sub, ssize start, ssize end, bool reverse) {
  if (start > s->length || end < start) return -1;
  ByteWindow w = byte_window(s, start, end);
  size_t pos = reverse ? w.text.rfind(sub->utf8) : w.text.find(sub->utf8);
  if (pos == BV::npos) return -1;
  return str_cp_index(s, w.first + pos);
}

Object* find_common(Object* const* a, size_t n, TupleObject* kw, const char* name, bool reverse, bool raise) {
  if (!check_no_kwargs(name, kw) || !check_nargs(name, n - 1, 1, 3)) return nullptr;
  if (!need_str_arg(a[1], name, 1)) return nullptr;
  ssize start, end;
  if (!range_args(a, n, 2, S(a[0])->length, &start, &end)) return nullptr;
  ssize r = find_impl(S(a[0]), S(a[1]), start, end, reverse);
  if (r < 0 && raise) return value_error("substring not found");
  return new_int(r);
}
Object* m_find(Object*, Object* const* a, size_t n, TupleObject* kw) { return find_common(a, n, kw, "find", false, false); }
Object* m_rfind(Object*, Object* const* a, size_t n, TupleObject* kw) { return find_common(a, n, kw, "rfind", true, false); }
Object* m_index(Object*, Object* const* a, size_t n, TupleObject* kw) { return find_common(a, n, kw, "index", false, true); }
Object* m_rindex(Object*, Object* const* a, size_t n, TupleObject* kw) { return find_common(a, n, kw, "rindex", true, true); }

Object* m_count(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("count", kw) || !check_nargs("count", n - 1, 1, 3)) return nullptr;
  if (!need_str_arg(a[1], "count", 1)) return nullptr;
  ssize start, end;
  if (!range_args(a, n, 2, S(a[0])->length, &start, &end)) return nullptr;
  if (start > S(a[0])->length || end < start) return new_int(0);
  BV h = byte_window(S(a[0]), start, end).text;
  BV x = S(a[1])->utf8;
  if (x.empty()) return new_int(end - start + 1);
  int64_t c = 0;
  for (size_t pos = h.find(x); pos != BV::npos; pos = h.find(x, pos + x.size())) ++c;
  return new_int(c);
}

Object* starts_ends(Object* const* a, size_t n, TupleObject* kw, const char* name, bool ends) {
  if (!check_no_kwargs(name, kw) || !check_nargs(name, n - 1, 1, 3)) return nullptr;
  ssize start, end;
  if (!range_args(a, n, 2, S(a[0])->length, &start, &end)) return nullptr;
  Object* const* options;
  size_t noptions = 1;
  if (is_tuple(a[1])) {
    options = static_cast<TupleObject*>(a[1])->items.data();
    noptions = static_cast<TupleObject*>(a[1])->items.size();
  } else if (is_str(a[1])) {
    options = &a[1];
  } else {
    return type_error(cat(name, " first arg must be str or a tuple of str, not ", a[1]->type->name));
  }
  StrObject* h = S(a[0]);
  for (size_t k = 0; k < noptions; ++k) {
    Object* o = options[k];
    if (!is_str(o))
      return type_error(cat("tuple for ", name, " must only contain str, not ", o->type->name));
    if (start > h->length || end - start < S(o)->length) continue;
    BV window = byte_window(h, start, end).text;
    if (ends ? window.ends_with(S(o)->utf8) : window.starts_with(S(o)->utf8)) return new_bool(true);
  }
  return new_bool(false);
}
Object* m_startswith(Object*, Object* const* a, size_t n, TupleObject* kw) { return starts_ends(a, n, kw, "startswith", false); }
Object* m_endswith(Object*, Object* const* a, size_t n, TupleObject* kw) { return starts_ends(a, n, kw, "endswith", true); }

// ---- stripping, splitting, joining ----

// The [begin, end) that stripping leaves of s: T is char (ASCII text) or char32_t (decoded).
template <class T, class Strip>
std::pair<size_t, size_t> strip_bounds(std::basic_string_view<T> s, Strip strip_this, bool left, bool right) {
  size_t b = 0, e = s.size();
  if (left)
    while (b < e && strip_this(s[b])) ++b;
  if (right)
    while (e > b && strip_this(s[e - 1])) --e;
  return {b, e};
}

Object* strip_common(Object* const* a, size_t n, TupleObject* kw, const char* name, bool left, bool right) {
  ARGS(name, 0, 1);
  bool whitespace = n < 2 || a[1] == None();
  if (!whitespace && !want_str(a[1], "strip")) return nullptr;
  StrObject* self = S(a[0]);
  if (self->ascii) {  // no byte of a multi-byte character can match an ASCII one
    BV s = self->utf8;
    BV chars = whitespace ? BV() : BV(S(a[1])->utf8);
    auto [b, e] = strip_bounds(s, [&](char c) { return whitespace ? prim::char_is_space(char32_t(c)) : chars.find(c) != BV::npos; },
                               left, right);
    if (b == 0 && e == s.size() && a[0]->type == &str_type) return new_ref(a[0]);
    return new_str_known(s.substr(b, e - b), ssize(e - b), true);
  }
  const U& s = self->cps();
  U chars;
  if (!whitespace) chars = S(a[1])->cps();
  auto [b, e] = strip_bounds(UV(s), [&](char32_t c) { return whitespace ? prim::char_is_space(c) : chars.find(c) != U::npos; },
                             left, right);
  if (b == 0 && e == s.size() && a[0]->type == &str_type) return new_ref(a[0]);
  return from_cps(s.substr(b, e - b));
}
Object* m_strip(Object*, Object* const* a, size_t n, TupleObject* kw) { return strip_common(a, n, kw, "strip", true, true); }
Object* m_lstrip(Object*, Object* const* a, size_t n, TupleObject* kw) { return strip_common(a, n, kw, "lstrip", true, false); }
Object* m_rstrip(Object*, Object* const* a, size_t n, TupleObject* kw) { return strip_common(a, n, kw, "rstrip", false, true); }

// A piece of s's text as a new str.
Object* str_piece(StrObject* s, BV piece) {
  return s->ascii ? new_str_known(piece, ssize(piece.size()), true) : new_str(piece);
}

// Splits around runs of whitespace: T is char (ASCII text) or char32_t (decoded text).
template <class T>
void split_whitespace(std::basic_string_view<T> s, ssize maxsplit, bool reverse, std::vector<std::basic_string_view<T>>& parts) {
  auto space = [](T c) { return prim::char_is_space(char32_t(c)); };
  if (!reverse) {
    size_t i = 0;
    while (true) {
      while (i < s.size() && space(s[i])) ++i;
      if (i >= s.size()) break;
      if (ssize(parts.size()) >= maxsplit) {  // the rest keeps its trailing whitespace
        parts.push_back(s.substr(i));
        break;
      }
      size_t j = i;
      while (j < s.size() && !space(s[j])) ++j;
      parts.push_back(s.substr(i, j - i));
      i = j;
    }
    return;
  }
  size_t i = s.size();
  while (true) {
    while (i > 0 && space(s[i - 1])) --i;
    if (i == 0) break;
    if (ssize(parts.size()) >= maxsplit) {  // the rest keeps its leading whitespace
      parts.push_back(s.substr(0, i));
      break;
    }
    size_t j = i;
    while (j > 0 && !space(s[j - 1])) --j;
    parts.push_back(s.substr(j, i - j));
    i = j;
  }
  std::reverse(parts.begin(), parts.end());
}

// Splits around a separator, on the UTF-8 text.
void split_separator(BV s, BV x, ssize maxsplit, bool reverse, std::vector<BV>& parts) {
  if (!reverse) {
    size_t i = 0;
    while (ssize(parts.size()) < maxsplit) {
      size_t pos = s.find(x, i);
      if (pos == BV::npos) break;
      parts.push_back(s.substr(i, pos - i));
      i = pos + x.size();
    }
    parts.push_back(s.substr(i));
    return;
  }
  size_t end = s.size();
  while (ssize(parts.size()) < maxsplit && end >= x.size()) {
    size_t pos = s.rfind(x, end - x.size());
    if (pos == BV::npos) break;
    parts.push_back(s.substr(pos + x.size(), end - pos - x.size()));
    end = pos;
  }
  parts.push_back(s.substr(0, end));
  std::reverse(parts.begin(), parts.end());
}

Object* split_common(Object* const* a, size_t n, TupleObject* kw, bool reverse) {
  const char* name = reverse ? "rsplit" : "split";
  if (!check_kwargs_allowed(name, kw, {"sep", "maxsplit"})) return nullptr;
  if (n - 1 > 2) return type_error(cat(name, "() takes at most 2 arguments (", n - 1, " given)"));
  Object* sep = n > 1 ? a[1] : find_kwarg(a, n, kw, "sep");
  Object* maxo = n > 2 ? a[2] : find_kwarg(a, n, kw, "maxsplit");
  ssize maxsplit = -1;
  if (maxo && !index_as_ssize(maxo, &maxsplit)) return nullptr;
  if (maxsplit < 0) maxsplit = PTRDIFF_MAX;
  StrObject* self = S(a[0]);
  std::vector<BV> parts;
  if (!sep || sep == None()) {
    if (!self->ascii) {
      std::vector<UV> wide;
      split_whitespace<char32_t>(self->cps(), maxsplit, reverse, wide);
      ListObject* l = new_list(ssize(wide.size()));
      for (UV p : wide) l->items.push_back(from_cps(U(p)));
      return l;
    }
    split_whitespace<char>(self->utf8, maxsplit, reverse, parts);
  } else {
    if (!is_str(sep)) return type_error(cat("must be str or None, not ", sep->type->name));
    if (S(sep)->utf8.empty()) return value_error("empty separator");
    split_separator(self->utf8, S(sep)->utf8, maxsplit, reverse, parts);
  }
  ListObject* l = new_list(ssize(parts.size()));
  for (BV p : parts) l->items.push_back(str_piece(self, p));
  return l;
}
Object* m_split(Object*, Object* const* a, size_t n, TupleObject* kw) { return split_common(a, n, kw, false); }
Object* m_rsplit(Object*, Object* const* a, size_t n, TupleObject* kw) { return split_common(a, n, kw, true); }

Object* m_splitlines(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_kwargs_allowed("splitlines", kw, {"keepends"})) return nullptr;
  if (n - 1 > 1) return type_error(cat("splitlines() takes at most 1 argument (", n - 1, " given)"));
  Object* ke = n > 1 ? a[1] : find_kwarg(a, n, kw, "keepends");
  int keep = ke ? object_is_true(ke) : 0;
  if (keep < 0) return nullptr;
  const U& s = S(a[0])->cps();
  ListObject* l = new_list();
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && !prim::char_is_linebreak(s[j])) ++j;
    size_t eol = j;
    if (j < s.size()) {
      if (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') j += 2;
      else ++j;
    }
    l->items.push_back(from_cps(s.substr(i, (keep ? j : eol) - i)));
    i = j;
  }
  return l;
}

// CPython: Objects/unicodeobject.c unicode_encode_impl
Object* m_encode(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[2];
  if (!bind_args("encode", a + 1, n - 1, kw, {"encoding", "errors"}, 0, args)) return nullptr;
  for (int i = 0; i < 2; ++i)
    if (args[i] && !is_str(args[i]))
      return type_error(cat("encode() argument '", i == 0 ? "encoding" : "errors", "' must be str, not ",
                            args[i]->type->name));
  return codec_encode(S(a[0]), args[0] ? S(args[0])->view() : "utf-8", args[1] ? S(args[1])->view() : "strict");
}

Object* m_join(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("join", 1, 1);
  return str_join(S(a[0]), a[1]);
}

Object* partition_common(Object* const* a, size_t n, TupleObject* kw, bool reverse) {
  ARGS(reverse ? "rpartition" : "partition", 1, 1);
  if (!is_str(a[1])) return type_error(cat("must be str, not ", a[1]->type->name));
  StrObject* self = S(a[0]);
  BV s = self->utf8;
  BV x = S(a[1])->utf8;
  if (x.empty()) return value_error("empty separator");
  size_t pos = reverse ? s.rfind(x) : s.find(x);
  if (pos == BV::npos) {
    Object* empty1 = new_str("");
    Object* empty2 = new_str("");
    Object* t = reverse ? new_tuple_from({empty1, empty2, a[0]}) : new_tuple_from({a[0], empty1, empty2});
    decref(empty1);
    decref(empty2);
    return t;
  }
  Object* head = str_piece(self, s.substr(0, pos));
  Object* tail = str_piece(self, s.substr(pos + x.size()));
  Object* t = new_tuple_from({head, a[1], tail});
  decref(head);
  decref(tail);
  return t;
}
Object* m_partition(Object*, Object* const* a, size_t n, TupleObject* kw) { return partition_common(a, n, kw, false); }
Object* m_rpartition(Object*, Object* const* a, size_t n, TupleObject* kw) { return partition_common(a, n, kw, true); }

Object* m_replace(Object*, Object* const* a, size_t n, TupleObject* kw) {
  // CPython: clinic's replace($self, old, new, /, count=-1) (_PyArg_UnpackKeywords).
  const size_t given = n - 1 + (kw ? kw->items.size() : 0);
  if (given > 3) return type_error(cat("replace() takes at most 3 arguments (", given, " given)"));
  if (n - 1 < 2)
    return type_error(cat("replace() takes at least 2 positional arguments (", n - 1, " given)"));
  if (!check_kwargs_allowed("replace", kw, {"count"})) return nullptr;
  if (n - 1 == 3 && find_kwarg(a, n, kw, "count"))
    return type_error("argument for replace() given by name ('count') and position (3)");
  if (!need_str_arg(a[1], "replace", 1) || !need_str_arg(a[2], "replace", 2)) return nullptr;
  Object* co = n > 3 ? a[3] : find_kwarg(a, n, kw, "count");
  ssize count = -1;
  if (co && !index_as_ssize(co, &count)) return nullptr;
  StrObject* self = S(a[0]);
  BV s = self->utf8;
  BV from = S(a[1])->utf8;
  BV to = S(a[2])->utf8;
  std::string out;
  ssize done = 0;
  if (from.empty()) {  // `to` before every code point and at the end
    for (size_t i = 0; i <= s.size();) {
      if (count < 0 || done < count) {
        out += to;
        ++done;
      }
      if (i == s.size()) break;
      size_t j = i + 1;
      while (j < s.size() && !utf8_is_lead(s[j])) ++j;
      out.append(s, i, j - i);
      i = j;
    }
  } else {
    size_t i = 0;
    while (count < 0 || done < count) {
      size_t pos = s.find(from, i);
      if (pos == BV::npos) break;
      out.append(s, i, pos - i);
      out += to;
      i = pos + from.size();
      ++done;
    }
    out.append(s, i, BV::npos);
  }
  if (self->ascii && S(a[2])->ascii)
    return new_str_known(out, self->length + done * (S(a[2])->length - S(a[1])->length), true);
  return new_str(out);
}

// ---- padding ----

bool fill_arg(Object* const* a, size_t n, size_t i, char32_t* fill) {
  *fill = ' ';
  if (n <= i) return true;
  if (!is_str(a[i]) || S(a[i])->length != 1) {
    type_error("The fill character must be exactly one character long");
    return false;
  }
  *fill = S(a[i])->at(0);
  return true;
}
Object* pad(Object* const* a, size_t n, TupleObject* kw, const char* name, int mode) {
  ARGS(name, 1, 2);
  ssize width;
  char32_t fill;
  if (!index_as_ssize(a[1], &width) || !fill_arg(a, n, 2, &fill)) return nullptr;
  StrObject* self = S(a[0]);
  ssize extra = width - self->length;
  if (extra <= 0) return new_ref(a[0]);
  if (!prim::can_allocate(size_t(width), sizeof(char32_t))) return no_memory();  // CPython: pad
  ssize left = mode == 0 ? 0 : mode == 1 ? extra : extra / 2 + (extra & width & 1);
  std::string fill_text;
  append_utf8(fill_text, fill);
  std::string out;
  out.reserve(self->utf8.size() + size_t(extra) * fill_text.size());
  for (ssize i = 0; i < left; ++i) out += fill_text;
  out += self->utf8;
  for (ssize i = left; i < extra; ++i) out += fill_text;
  return new_str_known(out, width, self->ascii && fill < 0x80);
}
Object* m_ljust(Object*, Object* const* a, size_t n, TupleObject* kw) { return pad(a, n, kw, "ljust", 0); }
Object* m_rjust(Object*, Object* const* a, size_t n, TupleObject* kw) { return pad(a, n, kw, "rjust", 1); }
Object* m_center(Object*, Object* const* a, size_t n, TupleObject* kw) { return pad(a, n, kw, "center", 2); }
Object* m_zfill(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("zfill", 1, 1);
  ssize width;
  if (!index_as_ssize(a[1], &width)) return nullptr;
  StrObject* self = S(a[0]);
  if (self->length >= width) return new_ref(a[0]);
  if (!prim::can_allocate(size_t(width), sizeof(char32_t))) return no_memory();
  std::string s = self->utf8;
  size_t at = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  s.insert(at, size_t(width - self->length), '0');
  return new_str_known(s, width, self->ascii);
}

Object* m_format(Object*, Object* const* a, size_t n, TupleObject* kw) {
  return str_format(S(a[0]), a + 1, n - 1, kw);
}

Object* m_format_map(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("format_map", 1, 1);
  return str_format_map(S(a[0]), a[1]);
}

Object* m_format_dunder(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("__format__", 1, 1);
  return format_object(a[0], a[1]);
}

}  // namespace

// CPython: Objects/stringlib/join.h (the items are measured first, the text built once)
Object* str_join(StrObject* sep, Object* iterable) {
  ListObject* owned = nullptr;
  Object* const* items;
  size_t count;
  if (iterable->type == &list_type || iterable->type == &tuple_type) {
    const auto& v = iterable->type == &list_type ? static_cast<ListObject*>(iterable)->items
                                                  : static_cast<TupleObject*>(iterable)->items;
    items = v.data();
    count = v.size();
  } else {
    owned = list_from_iterable(iterable);
    if (!owned) return nullptr;
    items = owned->items.data();
    count = owned->items.size();
  }
  size_t bytes = count ? sep->utf8.size() * (count - 1) : 0;
  for (size_t i = 0; i < count; ++i) {
    Object* x = items[i];
    if (!is_str(x)) {
      std::string msg = cat("sequence item ", i, ": expected str instance, ", x->type->name, " found");
      xdecref(owned);
      return type_error(msg);
    }
    bytes += S(x)->utf8.size();
  }
  auto* r = make<StrObject>();
  r->ascii = sep->ascii;
  r->utf8.reserve(bytes);
  for (size_t i = 0; i < count; ++i) {
    StrObject* x = S(items[i]);
    if (i) r->utf8 += sep->utf8;
    r->utf8 += x->utf8;
    r->length += x->length;
    r->ascii = r->ascii && x->ascii;
  }
  if (count) r->length += sep->length * ssize(count - 1);
  xdecref(owned);
  return r;
}

void init_str_methods() {
  TypeObject* t = &str_type;
  add_method(t, "upper", m_upper);
  add_method(t, "lower", m_lower);
  add_method(t, "title", m_title);
  add_method(t, "capitalize", m_capitalize);
  add_method(t, "swapcase", m_swapcase);
  add_method(t, "casefold", m_casefold);
  add_method(t, "isalpha", predicate<prim::str_isalpha, kIsalpha>);
  add_method(t, "isdigit", predicate<prim::str_isdigit, kIsdigit>);
  add_method(t, "isdecimal", predicate<prim::str_isdecimal, kIsdecimal>);
  add_method(t, "isnumeric", predicate<prim::str_isnumeric, kIsnumeric>);
  add_method(t, "isalnum", predicate<prim::str_isalnum, kIsalnum>);
  add_method(t, "isspace", predicate<prim::str_isspace, kIsspace>);
  add_method(t, "isupper", predicate<prim::str_isupper, kIsupper>);
  add_method(t, "islower", predicate<prim::str_islower, kIslower>);
  add_method(t, "istitle", predicate<prim::str_istitle, kIstitle>);
  add_method(t, "isidentifier", predicate<prim::str_isidentifier, kIsidentifier>);
  add_method(t, "isprintable", predicate<prim::str_isprintable, kIsprintable>);
  add_method(t, "isascii", predicate<prim::str_isascii, kIsascii>);
  add_method(t, "find", m_find);
  add_method(t, "rfind", m_rfind);
  add_method(t, "index", m_index);
  add_method(t, "rindex", m_rindex);
  add_method(t, "count", m_count);
  add_method(t, "startswith", m_startswith);
  add_method(t, "endswith", m_endswith);
  add_method(t, "strip", m_strip);
  add_method(t, "lstrip", m_lstrip);
  add_method(t, "rstrip", m_rstrip);
  add_method(t, "split", m_split);
  add_method(t, "rsplit", m_rsplit);
  add_method(t, "splitlines", m_splitlines);
  add_method(t, "join", m_join);
  add_method(t, "encode", m_encode);
  add_method(t, "partition", m_partition);
  add_method(t, "rpartition", m_rpartition);
  add_method(t, "replace", m_replace);
  add_method(t, "ljust", m_ljust);
  add_method(t, "rjust", m_rjust);
  add_method(t, "center", m_center);
  add_method(t, "zfill", m_zfill);
  add_method(t, "format", m_format);
  add_method(t, "format_map", m_format_map);
  add_method(t, "__format__", m_format_dunder);
  init_str_more_methods();
}

}  // namespace gopy
