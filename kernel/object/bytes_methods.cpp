// The methods bytes and bytearray share, and bytearray's mutating ones (CPython:
// Objects/bytesobject.c, Objects/bytearrayobject.c, Objects/bytes_methods.c,
// Objects/stringlib/*). Each works on the raw data and answers with self's own type.
#include <algorithm>

#include "gopy/codecs.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/class_method.hpp"
#include "object/args.hpp"
#include "object/bytes_internal.hpp"
#include "object/seq_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

namespace {

using SV = std::string_view;

// A no-argument or one-argument method names its type ("bytes.upper() takes no
// arguments"), as METH_NOARGS and METH_O do; the others their bare name, as clinic does.
#define ARGS(name, lo, hi)                                                                  \
  if ((lo) == (hi) && (lo) <= 1 ? !check_method_args(a[0], name, kw, n - 1, lo, hi)          \
                                : (!check_no_kwargs(name, kw) || !check_nargs(name, n - 1, lo, hi))) \
  return nullptr

SV D(Object* o) { return bytes_family_data(o); }
Object* like(Object* self, SV data) { return bytes_family_new(self, data); }

bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
bool is_lower(unsigned char c) { return c >= 'a' && c <= 'z'; }
bool is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
bool is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
bool is_alpha(unsigned char c) { return is_lower(c) || is_upper(c); }
char to_upper(char c) { return is_lower(static_cast<unsigned char>(c)) ? char(c - 32) : c; }
char to_lower(char c) { return is_upper(static_cast<unsigned char>(c)) ? char(c + 32) : c; }

bool need_bytes(Object* o, SV* out) {
  if (bytes_like_view(o, out)) return true;
  type_error(cat("a bytes-like object is required, not '", o->type->name, "'"));
  return false;
}

// The `sub` of find()/count()/index(): bytes-like or an int byte.
bool sub_arg(Object* o, std::string* out) {
  SV v;
  if (bytes_like_view(o, &v)) {
    out->assign(v);
    return true;
  }
  if (o->type->nb_index) {
    int b;
    if (!byte_value(o, &b)) return false;
    out->assign(1, char(b));
    return true;
  }
  type_error(cat("argument should be integer or bytes-like object, not '", o->type->name, "'"));
  return false;
}

// The optional start/end of find() & co., clamped as slice indices.
bool range_args(Object* const* a, size_t n, size_t first, ssize len, ssize* start, ssize* end) {
  *start = 0;
  *end = len;
  if (n > first && a[first] != None() && !index_as_ssize(a[first], start)) return false;
  if (n > first + 1 && a[first + 1] != None() && !index_as_ssize(a[first + 1], end)) return false;
  normalize_range(len, start, end);
  return true;
}

// ---- decode, hex, fromhex ----
Object* m_decode(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[2];
  if (!bind_args("decode", a + 1, n - 1, kw, {"encoding", "errors"}, 0, args)) return nullptr;
  for (int i = 0; i < 2; ++i)
    if (args[i] && !is_str(args[i]))
      return type_error(cat("decode() argument '", i == 0 ? "encoding" : "errors", "' must be str, not ",
                            args[i]->type->name));
  // A copy: an error handler written in Python may change a bytearray meanwhile.
  const std::string data(D(a[0]));
  return codec_decode(data, args[0] ? as_str(args[0])->view() : "utf-8", args[1] ? as_str(args[1])->view() : "strict");
}

// CPython: Python/pystrhex.c _Py_strhex_impl
Object* hex_of(SV data, Object* sep_obj, Object* group_obj) {
  char sep = 0;
  if (sep_obj && sep_obj != None()) {
    // a str or bytes of length 1, ASCII since the result is a str
    ssize length = is_str(sep_obj) ? as_str(sep_obj)->length : object_length(sep_obj);
    if (length < 0) return nullptr;
    if (length != 1) return value_error("sep must be length 1.");
    SV sv;
    if (is_str(sep_obj)) sv = as_str(sep_obj)->view();
    else if (sep_obj->type == &bytes_type || is_subtype(sep_obj->type, &bytes_type)) bytes_like_view(sep_obj, &sv);
    else return type_error("sep must be str or bytes.");
    if (static_cast<unsigned char>(sv[0]) >= 0x80) return value_error("sep must be ASCII.");
    sep = sv[0];
  }
  ssize group = 1;
  if (group_obj && !index_as_ssize(group_obj, &group)) return nullptr;
  static const char digits[] = "0123456789abcdef";
  std::string out;
  const ssize len = ssize(data.size());
  const ssize width = group < 0 ? -group : group;
  for (ssize i = 0; i < len; ++i) {
    if (sep && i > 0 && width > 0) {
      // A positive group counts from the right, a negative one from the left.
      bool boundary = group > 0 ? (len - i) % width == 0 : i % width == 0;
      if (boundary) out += sep;
    }
    auto c = static_cast<unsigned char>(data[size_t(i)]);
    out += digits[c >> 4];
    out += digits[c & 0xF];
  }
  return new_str(out);
}

Object* m_hex(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[2];
  if (!bind_args("hex", a + 1, n - 1, kw, {"sep", "bytes_per_sep"}, 0, args)) return nullptr;
  return hex_of(D(a[0]), args[0], args[1]);
}

int hex_digit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// CPython: Objects/bytesobject.c _PyBytes_FromHex: a str of ASCII (the first non-ASCII
// character is the invalid one) or, since 3.14, any bytes-like object.
Object* fromhex(Object* const* a, size_t n, TupleObject* kw, bool bytearray) {
  if (!check_method_args(a[0], "fromhex", kw, n - 1, 1, 1)) return nullptr;
  Object* arg = a[n - 1];  // a[0] is the class the function is bound to
  auto invalid_at = [](size_t i) {
    return value_error(cat("non-hexadecimal number found in fromhex() arg at position ", i));
  };
  SV s;
  if (is_str(arg)) {
    if (!as_str(arg)->ascii) {
      const std::u32string& cps = as_str(arg)->cps();
      size_t i = 0;
      while (i < cps.size() && cps[i] < 0x80) ++i;
      return invalid_at(i);
    }
    s = as_str(arg)->view();
  } else if (!bytes_like_view(arg, &s)) {
    return type_error(cat("fromhex() argument must be str or bytes-like, not ", arg->type->name));
  }
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    if (is_space(static_cast<unsigned char>(s[i]))) {
      ++i;
      continue;
    }
    int hi = hex_digit(s[i]);
    if (hi < 0) return invalid_at(i);
    if (i + 1 >= s.size()) return value_error("fromhex() arg must contain an even number of hexadecimal digits");
    int lo = hex_digit(s[i + 1]);
    if (lo < 0) return invalid_at(i + 1);
    out += char(hi * 16 + lo);
    i += 2;
  }
  if (bytearray) return new_bytearray(out);
  return new_bytes(out);
}
Object* m_bytes_fromhex(Object*, Object* const* a, size_t n, TupleObject* kw) { return fromhex(a, n, kw, false); }
Object* m_bytearray_fromhex(Object*, Object* const* a, size_t n, TupleObject* kw) { return fromhex(a, n, kw, true); }

// ---- searching ----
Object* m_join(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("join", 1, 1);
  std::string sep(D(a[0]));
  Object* it = get_iter(a[1]);
  if (!it) return nullptr;
  std::string out;
  size_t index = 0;
  while (Object* item = iter_next(it)) {
    SV v;
    if (!bytes_like_view(item, &v)) {
      type_error(cat("sequence item ", index, ": expected a bytes-like object, ", item->type->name, " found"));
      decref(item);
      decref(it);
      return nullptr;
    }
    if (index++ > 0) out += sep;
    out.append(v);
    decref(item);
  }
  decref(it);
  if (error_occurred()) return nullptr;
  return like(a[0], out);
}

Object* affix_common(Object* const* a, size_t n, TupleObject* kw, bool suffix) {
  const char* name = suffix ? "endswith" : "startswith";
  ARGS(name, 1, 3);
  SV data = D(a[0]);
  ssize start, end;
  if (!range_args(a, n, 2, ssize(data.size()), &start, &end)) return nullptr;
  auto test = [&](Object* o, int* result) {
    SV affix;
    if (!bytes_like_view(o, &affix)) return false;
    if (start > ssize(data.size()) || end - start < ssize(affix.size())) *result = 0;
    else {
      SV window = data.substr(size_t(start), size_t(end - start));
      *result = suffix ? window.ends_with(affix) : window.starts_with(affix);
    }
    return true;
  };
  int r = 0;
  if (is_tuple(a[1])) {
    for (Object* o : static_cast<TupleObject*>(a[1])->items) {
      if (!test(o, &r))
        return type_error(cat("a bytes-like object is required, not '", o->type->name, "'"));
      if (r) return new_bool(true);
    }
    return new_bool(false);
  }
  if (!test(a[1], &r))
    return type_error(cat(name, " first arg must be bytes or a tuple of bytes, not ", a[1]->type->name));
  return new_bool(r);
}
Object* m_startswith(Object*, Object* const* a, size_t n, TupleObject* kw) { return affix_common(a, n, kw, false); }
Object* m_endswith(Object*, Object* const* a, size_t n, TupleObject* kw) { return affix_common(a, n, kw, true); }

// find/rfind/index/rindex: the position or -1 (index/rindex: ValueError).
Object* find_common(Object* const* a, size_t n, TupleObject* kw, const char* name, bool reverse, bool raise) {
  ARGS(name, 1, 3);
  SV data = D(a[0]);
  std::string sub;
  if (!sub_arg(a[1], &sub)) return nullptr;
  ssize start, end;
  if (!range_args(a, n, 2, ssize(data.size()), &start, &end)) return nullptr;
  ssize pos = -1;
  if (end - start >= ssize(sub.size())) {
    SV window = data.substr(size_t(start), size_t(end - start));
    size_t p = reverse ? window.rfind(sub) : window.find(sub);
    if (p != SV::npos) pos = start + ssize(p);
  }
  if (pos < 0 && raise) return value_error("subsection not found");
  return new_int(pos);
}
Object* m_find(Object*, Object* const* a, size_t n, TupleObject* kw) { return find_common(a, n, kw, "find", false, false); }
Object* m_rfind(Object*, Object* const* a, size_t n, TupleObject* kw) { return find_common(a, n, kw, "rfind", true, false); }
Object* m_index(Object*, Object* const* a, size_t n, TupleObject* kw) { return find_common(a, n, kw, "index", false, true); }
Object* m_rindex(Object*, Object* const* a, size_t n, TupleObject* kw) { return find_common(a, n, kw, "rindex", true, true); }

Object* m_count(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("count", 1, 3);
  SV data = D(a[0]);
  std::string sub;
  if (!sub_arg(a[1], &sub)) return nullptr;
  ssize start, end;
  if (!range_args(a, n, 2, ssize(data.size()), &start, &end)) return nullptr;
  if (end - start < ssize(sub.size())) return new_int(0);
  SV window = data.substr(size_t(start), size_t(end - start));
  if (sub.empty()) return new_int(ssize(window.size()) + 1);
  ssize count = 0;
  for (size_t p = window.find(sub); p != SV::npos; p = window.find(sub, p + sub.size())) ++count;
  return new_int(count);
}

// ---- splitting and stripping ----
Object* split_common(Object* const* a, size_t n, TupleObject* kw, bool reverse) {
  const char* name = reverse ? "rsplit" : "split";
  Object* args[2];
  if (!bind_args(name, a + 1, n - 1, kw, {"sep", "maxsplit"}, 0, args)) return nullptr;
  SV data = D(a[0]);
  ssize maxsplit = -1;
  if (args[1] && !index_as_ssize(args[1], &maxsplit)) return nullptr;
  if (maxsplit < 0) maxsplit = ssize(data.size()) + 1;
  std::vector<std::string> parts;
  if (!args[0] || args[0] == None()) {
    // Runs of ASCII whitespace separate; none at the ends.
    if (!reverse) {
      size_t i = 0;
      while (true) {
        while (i < data.size() && is_space(static_cast<unsigned char>(data[i]))) ++i;
        if (i >= data.size()) break;
        if (ssize(parts.size()) == maxsplit) {
          parts.emplace_back(data.substr(i));  // the rest keeps its trailing whitespace
          break;
        }
        size_t j = i;
        while (j < data.size() && !is_space(static_cast<unsigned char>(data[j]))) ++j;
        parts.emplace_back(data.substr(i, j - i));
        i = j;
      }
    } else {
      size_t i = data.size();
      while (true) {
        while (i > 0 && is_space(static_cast<unsigned char>(data[i - 1]))) --i;
        if (i == 0) break;
        if (ssize(parts.size()) == maxsplit) {
          parts.emplace_back(data.substr(0, i));  // the rest keeps its leading whitespace
          break;
        }
        size_t j = i;
        while (j > 0 && !is_space(static_cast<unsigned char>(data[j - 1]))) --j;
        parts.emplace_back(data.substr(j, i - j));
        i = j;
      }
      std::reverse(parts.begin(), parts.end());
    }
  } else {
    SV sep;
    if (!need_bytes(args[0], &sep)) return nullptr;
    if (sep.empty()) return value_error("empty separator");
    std::string sep_copy(sep);
    if (!reverse) {
      size_t i = 0;
      for (ssize k = 0; k < maxsplit; ++k) {
        size_t p = data.find(sep_copy, i);
        if (p == SV::npos) break;
        parts.emplace_back(data.substr(i, p - i));
        i = p + sep_copy.size();
      }
      parts.emplace_back(data.substr(i));
    } else {
      size_t end = data.size();
      for (ssize k = 0; k < maxsplit; ++k) {
        if (end < sep_copy.size()) break;
        size_t p = data.substr(0, end).rfind(sep_copy);
        if (p == SV::npos) break;
        parts.emplace_back(data.substr(p + sep_copy.size(), end - p - sep_copy.size()));
        end = p;
      }
      parts.emplace_back(data.substr(0, end));
      std::reverse(parts.begin(), parts.end());
    }
  }
  ListObject* l = new_list(ssize(parts.size()));
  for (const std::string& p : parts) l->items.push_back(like(a[0], p));
  return l;
}
Object* m_split(Object*, Object* const* a, size_t n, TupleObject* kw) { return split_common(a, n, kw, false); }
Object* m_rsplit(Object*, Object* const* a, size_t n, TupleObject* kw) { return split_common(a, n, kw, true); }

Object* m_splitlines(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[1];
  if (!bind_args("splitlines", a + 1, n - 1, kw, {"keepends"}, 0, args)) return nullptr;
  int keep = args[0] ? object_is_true(args[0]) : 0;
  if (keep < 0) return nullptr;
  SV s = D(a[0]);
  ListObject* l = new_list();
  size_t i = 0;
  while (i < s.size()) {
    size_t j = i;
    while (j < s.size() && s[j] != '\n' && s[j] != '\r') ++j;
    size_t eol = j;
    if (j < s.size()) j += (s[j] == '\r' && j + 1 < s.size() && s[j + 1] == '\n') ? 2 : 1;
    l->items.push_back(like(a[0], s.substr(i, (keep ? j : eol) - i)));
    i = j;
  }
  return l;
}

Object* strip_common(Object* const* a, size_t n, TupleObject* kw, const char* name, bool left, bool right) {
  ARGS(name, 0, 1);
  SV s = D(a[0]);
  std::string chars;
  bool whitespace = n < 2 || a[1] == None();
  if (!whitespace) {
    SV v;
    if (!need_bytes(a[1], &v)) return nullptr;
    chars.assign(v);
  }
  auto strip_this = [&](char c) {
    return whitespace ? is_space(static_cast<unsigned char>(c)) : chars.find(c) != std::string::npos;
  };
  size_t b = 0, e = s.size();
  if (left) while (b < e && strip_this(s[b])) ++b;
  if (right) while (e > b && strip_this(s[e - 1])) --e;
  return like(a[0], s.substr(b, e - b));
}
Object* m_strip(Object*, Object* const* a, size_t n, TupleObject* kw) { return strip_common(a, n, kw, "strip", true, true); }
Object* m_lstrip(Object*, Object* const* a, size_t n, TupleObject* kw) { return strip_common(a, n, kw, "lstrip", true, false); }
Object* m_rstrip(Object*, Object* const* a, size_t n, TupleObject* kw) { return strip_common(a, n, kw, "rstrip", false, true); }

Object* partition_common(Object* const* a, size_t n, TupleObject* kw, bool reverse) {
  ARGS(reverse ? "rpartition" : "partition", 1, 1);
  SV s = D(a[0]), sep;
  if (!need_bytes(a[1], &sep)) return nullptr;
  if (sep.empty()) return value_error("empty separator");
  std::string sep_copy(sep);
  size_t p = reverse ? s.rfind(sep_copy) : s.find(sep_copy);
  if (p == SV::npos) {
    Object* empty1 = like(a[0], "");
    Object* empty2 = like(a[0], "");
    Object* whole = like(a[0], s);
    return reverse ? new_tuple_steal({empty1, empty2, whole}) : new_tuple_steal({whole, empty1, empty2});
  }
  return new_tuple_steal({like(a[0], s.substr(0, p)), like(a[0], sep_copy), like(a[0], s.substr(p + sep_copy.size()))});
}
Object* m_partition(Object*, Object* const* a, size_t n, TupleObject* kw) { return partition_common(a, n, kw, false); }
Object* m_rpartition(Object*, Object* const* a, size_t n, TupleObject* kw) { return partition_common(a, n, kw, true); }

Object* m_replace(Object*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[3];
  if (!bind_args("replace", a + 1, n - 1, kw, {"old", "new", "count"}, 2, args)) return nullptr;
  SV old_v, new_v;
  if (!need_bytes(args[0], &old_v) || !need_bytes(args[1], &new_v)) return nullptr;
  ssize count = -1;
  if (args[2] && !index_as_ssize(args[2], &count)) return nullptr;
  std::string from(old_v), to(new_v);
  SV s = D(a[0]);
  std::string out;
  size_t i = 0;
  ssize done = 0;
  if (from.empty()) {
    for (; i <= s.size(); ++i) {
      if (count >= 0 && done >= count) break;
      out += to;
      ++done;
      if (i < s.size()) out += s[i];
    }
    if (i < s.size()) out.append(s.substr(i));
    return like(a[0], out);
  }
  while (count < 0 || done < count) {
    size_t p = s.find(from, i);
    if (p == SV::npos) break;
    out.append(s.substr(i, p - i)).append(to);
    i = p + from.size();
    ++done;
  }
  out.append(s.substr(i));
  return like(a[0], out);
}

Object* affix_remove(Object* const* a, size_t n, TupleObject* kw, bool suffix) {
  ARGS(suffix ? "removesuffix" : "removeprefix", 1, 1);
  SV s = D(a[0]), affix;
  if (!need_bytes(a[1], &affix)) return nullptr;
  if (!suffix && s.starts_with(affix)) s.remove_prefix(affix.size());
  else if (suffix && !affix.empty() && s.ends_with(affix)) s.remove_suffix(affix.size());
  return like(a[0], s);
}
Object* m_removeprefix(Object*, Object* const* a, size_t n, TupleObject* kw) { return affix_remove(a, n, kw, false); }
Object* m_removesuffix(Object*, Object* const* a, size_t n, TupleObject* kw) { return affix_remove(a, n, kw, true); }

// ---- case and classes ----
template <char (*F)(char)>
Object* map_each(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("upper", 0, 0);
  std::string s(D(a[0]));
  for (char& c : s) c = F(c);
  return like(a[0], s);
}
char swap_case(char c) { return is_upper(static_cast<unsigned char>(c)) ? to_lower(c) : to_upper(c); }

Object* m_capitalize(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("capitalize", 0, 0);
  std::string s(D(a[0]));
  for (size_t i = 0; i < s.size(); ++i) s[i] = i == 0 ? to_upper(s[i]) : to_lower(s[i]);
  return like(a[0], s);
}

Object* m_title(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("title", 0, 0);
  std::string s(D(a[0]));
  bool previous_cased = false;
  for (char& c : s) {
    auto u = static_cast<unsigned char>(c);
    c = previous_cased ? to_lower(c) : to_upper(c);
    previous_cased = is_alpha(u);
  }
  return like(a[0], s);
}

template <bool (*P)(unsigned char)>
Object* all_of(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("isalpha", 0, 0);
  SV s = D(a[0]);
  if (s.empty()) return new_bool(false);
  for (char c : s)
    if (!P(static_cast<unsigned char>(c))) return new_bool(false);
  return new_bool(true);
}
bool is_alnum(unsigned char c) { return is_alpha(c) || is_digit(c); }

Object* m_isascii(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("isascii", 0, 0);
  for (char c : D(a[0]))
    if (static_cast<unsigned char>(c) >= 0x80) return new_bool(false);
  return new_bool(true);
}

// islower/isupper: at least one cased byte and none of the other case.
template <bool Upper>
Object* cased(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS(Upper ? "isupper" : "islower", 0, 0);
  bool any = false;
  for (char ch : D(a[0])) {
    auto c = static_cast<unsigned char>(ch);
    if (Upper ? is_lower(c) : is_upper(c)) return new_bool(false);
    any |= Upper ? is_upper(c) : is_lower(c);
  }
  return new_bool(any);
}

Object* justify(Object* const* a, size_t n, TupleObject* kw, const char* name, int where) {
  ARGS(name, 1, 2);
  ssize width;
  if (!index_as_ssize(a[1], &width)) return nullptr;
  char fill = ' ';
  if (n > 2) {
    SV f;
    if ((!is_bytes(a[2]) && !is_bytearray(a[2])) || (f = D(a[2]), f.size() != 1))
      return type_error(cat(name, "() argument 2 must be a byte string of length 1, not ", a[2]->type->name));
    fill = f[0];
  }
  SV s = D(a[0]);
  if (width <= ssize(s.size())) return like(a[0], s);
  size_t pad = size_t(width) - s.size();
  size_t left = where < 0 ? 0 : where > 0 ? pad : pad / 2 + (pad & size_t(width) & 1);
  std::string out(left, fill);
  out.append(s).append(pad - left, fill);
  return like(a[0], out);
}
Object* m_ljust(Object*, Object* const* a, size_t n, TupleObject* kw) { return justify(a, n, kw, "ljust", -1); }
Object* m_rjust(Object*, Object* const* a, size_t n, TupleObject* kw) { return justify(a, n, kw, "rjust", 1); }
Object* m_center(Object*, Object* const* a, size_t n, TupleObject* kw) { return justify(a, n, kw, "center", 0); }

Object* m_zfill(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("zfill", 1, 1);
  ssize width;
  if (!index_as_ssize(a[1], &width)) return nullptr;
  std::string s(D(a[0]));
  if (width <= ssize(s.size())) return like(a[0], s);
  size_t fill = size_t(width) - s.size();
  size_t at = (!s.empty() && (s[0] == '+' || s[0] == '-')) ? 1 : 0;
  s.insert(at, fill, '0');
  return like(a[0], s);
}

// ---- bytearray mutation ----
ByteArrayObject* BA(Object* o) { return as_bytearray(o); }

Object* m_append(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("append", 1, 1);
  int v;
  if (!byte_value(a[1], &v) || !bytearray_check_resizable(BA(a[0]))) return nullptr;
  BA(a[0])->data += char(v);
  return new_none();
}

Object* m_extend(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("extend", 1, 1);
  if (is_str(a[1])) return type_error("expected iterable of integers; got: 'str'");
  std::string more;
  SV v;
  if (bytes_like_view(a[1], &v)) more.assign(v);
  else if (!a[1]->type->tp_iter) return type_error(cat("can't extend bytearray with ", a[1]->type->name));
  else if (!bytes_from_source("bytearray", a[1], nullptr, nullptr, &more)) return nullptr;
  if (!bytearray_check_resizable(BA(a[0]))) return nullptr;
  BA(a[0])->data += more;
  return new_none();
}

Object* m_pop(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("pop", 0, 1);
  auto* b = BA(a[0]);
  if (b->data.empty()) return index_error("pop from empty bytearray");
  ssize i = -1;
  if (n > 1 && !index_as_ssize(a[1], &i)) return nullptr;
  if (i < 0) i += ssize(b->data.size());
  if (i < 0 || i >= ssize(b->data.size())) return index_error("pop index out of range");
  if (!bytearray_check_resizable(b)) return nullptr;
  auto v = static_cast<unsigned char>(b->data[size_t(i)]);
  b->data.erase(size_t(i), 1);
  return new_int(v);
}

Object* m_insert(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("insert", 2, 2);
  auto* b = BA(a[0]);
  ssize i;
  int v;
  if (!index_as_ssize(a[1], &i) || !byte_value(a[2], &v) || !bytearray_check_resizable(b)) return nullptr;
  ssize len = ssize(b->data.size());
  if (i < 0) i = std::max<ssize>(0, i + len);
  if (i > len) i = len;
  b->data.insert(size_t(i), 1, char(v));
  return new_none();
}

Object* m_remove(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("remove", 1, 1);
  auto* b = BA(a[0]);
  int v;
  if (!byte_value(a[1], &v)) return nullptr;
  size_t p = b->data.find(char(v));
  if (p == std::string::npos) return value_error("value not found in bytearray");
  if (!bytearray_check_resizable(b)) return nullptr;
  b->data.erase(p, 1);
  return new_none();
}

Object* m_clear(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("clear", 0, 0);
  if (!bytearray_check_resizable(BA(a[0]))) return nullptr;
  BA(a[0])->data.clear();
  return new_none();
}

Object* m_copy(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("copy", 0, 0);
  return new_bytearray(BA(a[0])->data);
}

Object* m_reverse(Object*, Object* const* a, size_t n, TupleObject* kw) {
  ARGS("reverse", 0, 0);
  std::reverse(BA(a[0])->data.begin(), BA(a[0])->data.end());
  return new_none();
}

void add_shared_methods(TypeObject* t) {
  add_method(t, "decode", m_decode);
  add_method(t, "hex", m_hex);
  add_method(t, "join", m_join);
  add_method(t, "startswith", m_startswith);
  add_method(t, "endswith", m_endswith);
  add_method(t, "find", m_find);
  add_method(t, "rfind", m_rfind);
  add_method(t, "index", m_index);
  add_method(t, "rindex", m_rindex);
  add_method(t, "count", m_count);
  add_method(t, "split", m_split);
  add_method(t, "rsplit", m_rsplit);
  add_method(t, "splitlines", m_splitlines);
  add_method(t, "strip", m_strip);
  add_method(t, "lstrip", m_lstrip);
  add_method(t, "rstrip", m_rstrip);
  add_method(t, "partition", m_partition);
  add_method(t, "rpartition", m_rpartition);
  add_method(t, "replace", m_replace);
  add_method(t, "removeprefix", m_removeprefix);
  add_method(t, "removesuffix", m_removesuffix);
  add_method(t, "upper", map_each<to_upper>);
  add_method(t, "lower", map_each<to_lower>);
  add_method(t, "swapcase", map_each<swap_case>);
  add_method(t, "capitalize", m_capitalize);
  add_method(t, "title", m_title);
  add_method(t, "isalpha", all_of<is_alpha>);
  add_method(t, "isdigit", all_of<is_digit>);
  add_method(t, "isalnum", all_of<is_alnum>);
  add_method(t, "isspace", all_of<is_space>);
  add_method(t, "isascii", m_isascii);
  add_method(t, "islower", cased<false>);
  add_method(t, "isupper", cased<true>);
  add_method(t, "ljust", m_ljust);
  add_method(t, "rjust", m_rjust);
  add_method(t, "center", m_center);
  add_method(t, "zfill", m_zfill);
}

// fromhex is a class method: a function bound to the class, so bytes.fromhex(s) and
// b''.fromhex(s) both pass the class first.
}  // namespace

void init_bytes_methods() {
  add_shared_methods(&bytes_type);
  add_more_bytes_methods(&bytes_type);
  add_class_method(&bytes_type, "fromhex", m_bytes_fromhex);
}

void init_bytearray_methods() {
  add_shared_methods(&bytearray_type);
  add_more_bytes_methods(&bytearray_type);
  add_class_method(&bytearray_type, "fromhex", m_bytearray_fromhex);
  add_method(&bytearray_type, "append", m_append);
  add_method(&bytearray_type, "extend", m_extend);
  add_method(&bytearray_type, "pop", m_pop);
  add_method(&bytearray_type, "insert", m_insert);
  add_method(&bytearray_type, "remove", m_remove);
  add_method(&bytearray_type, "clear", m_clear);
  add_method(&bytearray_type, "copy", m_copy);
  add_method(&bytearray_type, "reverse", m_reverse);
}

}  // namespace gopy
